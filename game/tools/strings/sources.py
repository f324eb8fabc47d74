"""The source files of a story as text, and where each translatable text stands in them.

``SourceFiles`` reads story.yaml and the scene files once (bounded, as the
loader reads them) and keeps each as text with its node tree; ``slot`` finds
the value of one ``TextEntry`` there.  ``write`` puts changed files back,
atomically, with the byte order mark and line ends they had.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from game.check.translations import TextEntry
from game.persist.atomic import write_atomic
from game.story.yamlsrc import MAX_FILE_BYTES, read_story_file

from ..spans import Document, Node, SpanError, parse

BOM = "\ufeff"


@dataclass
class SourceFile:
    """One story file as text: its tree, and the text it had when read."""

    rel: str
    path: Path
    doc: Document
    original: str
    bom: bool

    @property
    def changed(self) -> bool:
        return self.doc.text != self.original


@dataclass(frozen=True)
class Slot:
    """Where one text is written: the value node (a scalar or a map of languages) in its file."""

    file: SourceFile
    value: Node


class SourceFiles:
    """The story folder's YAML files, read on demand and kept for editing."""

    def __init__(self, root: Path) -> None:
        self.root = root
        self.files: dict[str, SourceFile] = {}

    def get(self, rel: str) -> SourceFile:
        """The file ``rel`` (relative to the story folder); raise SpanError if it cannot be read."""
        if rel not in self.files:
            path = self.root / rel
            try:
                data = read_story_file(path)
            except OSError as exc:
                raise SpanError(f"{rel}: cannot read: {exc.strerror or exc}") from None
            if len(data) > MAX_FILE_BYTES:
                raise SpanError(f"{rel}: over {MAX_FILE_BYTES:,} bytes")
            text = data.decode("utf-8")
            bom = text.startswith(BOM)
            text = text.removeprefix(BOM)
            try:
                doc = parse(text)
            except SpanError as exc:
                raise SpanError(f"{rel}:{exc.line}:{exc.column}: {exc.message}") from None
            self.files[rel] = SourceFile(rel, path, doc, text, bom)
        return self.files[rel]

    def update(self, file: SourceFile, text: str) -> None:
        """Replace ``file``'s text (and tree) after an edit; raise SpanError if the result is no YAML."""
        file.doc = parse(text)

    def slot(self, entry: TextEntry) -> Slot | None:
        """Where ``entry``'s text is written, or None when the file holds no such value (or is unreadable)."""
        file = self.get(entry.pos.file)
        doc = file.doc
        if entry.context == "title:story":
            value = doc.root.get("title") if doc.root.kind == "map" else None
        elif entry.kind == "line":
            step = doc.map_at(entry.pos.line, entry.pos.column)
            value = step.pairs[0][1] if step is not None and len(step.pairs) == 1 else None
        elif entry.kind == "option":
            option = doc.map_at(entry.pos.line, entry.pos.column)
            value = option.get("text") if option is not None else None
        elif entry.context.startswith("title:scene:"):
            value = doc.root.get("title") if doc.root.kind == "map" else None
        elif entry.kind == "caption":  # the text itself is the value of the sound's key under `captions:`
            pair = doc.pair_at(entry.pos.line, entry.pos.column)
            value = pair[1] if pair is not None else None
        else:  # a character's name or an ending's title: under the declaration's key in story.yaml
            pair = doc.pair_at(entry.pos.line, entry.pos.column)
            spec = pair[1] if pair is not None else None
            value = spec.get("name" if entry.kind == "name" else "title") if spec and spec.kind == "map" else None
        return Slot(file, value) if value is not None else None

    def changed(self) -> list[SourceFile]:
        return [f for f in self.files.values() if f.changed]

    def write(self) -> list[str]:
        """Write every changed file back (atomically); return their names."""
        written = []
        for file in self.changed():
            data = ((BOM if file.bom else "") + file.doc.text).encode("utf-8")
            write_atomic(file.path, data)
            file.original = file.doc.text
            written.append(file.rel)
        return written
