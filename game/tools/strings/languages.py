"""Adding a language to a story: one command, then the PO round trip.

``add_language`` appends the code to ``languages:`` in story.yaml (in the
list's own style, nothing else touched), starts the record of sources for it
(``game.check.translations``), and writes an empty PO file for translators.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from game.check.translations import MANIFEST, Record, record_path
from game.story.loader import read_story
from game.story.manifest import LANGUAGE

from ..edits import Edit, apply_edits
from .po import StringsError, export_po
from .sources import SourceFiles


@dataclass(frozen=True)
class Added:
    lang: str
    po: Path
    record: Path
    entries: int


def language_edit(files: SourceFiles, lang: str) -> Edit:
    """The edit of story.yaml that adds ``lang`` at the end of ``languages:``."""
    manifest = files.get(MANIFEST)
    text = manifest.doc.text
    languages = manifest.doc.root.get("languages") if manifest.doc.root.kind == "map" else None
    if languages is None or languages.kind != "seq" or not languages.items:
        raise StringsError(f"{MANIFEST} has no list of languages to add {lang!r} to")
    if any(item.data() == lang for item in languages.items):
        raise StringsError(f"the story already has the language {lang!r}")
    last = languages.items[-1]
    if languages.flow:
        return Edit(last.end, last.end, f", {lang}")
    line_start = text.rfind("\n", 0, last.start) + 1
    prefix = text[line_start:last.start]  # "  - ": the dash and spaces before the last item
    line_end = text.find("\n", last.end)
    line_end = len(text) if line_end < 0 else line_end
    return Edit(line_end, line_end, f"\n{prefix}{lang}")


def add_language(root: Path, lang: str, po_path: Path | None = None) -> Added:
    """Add ``lang`` to the story in ``root``; write its empty PO file (default translations/<lang>.po)."""
    if not LANGUAGE.match(lang):
        raise StringsError(f"a language is a code like ja, fr or pt-BR, not {lang!r}")
    before = read_story(root)
    if before.story is None:
        raise StringsError(f"the story in {root} does not load; `starlight check` says why")
    files = SourceFiles(root)
    manifest = files.get(MANIFEST)
    files.update(manifest, apply_edits(manifest.doc.text, [language_edit(files, lang)]))
    files.write()
    after = read_story(root)
    if after.story is None:  # never expected: the edit adds one plain code to a list
        errors = "; ".join(str(p) for p in after.errors[:3])
        raise StringsError(f"after adding {lang!r}, the story no longer loads: {errors}")
    record = Record(lang)
    record.write(root, after.story.primary_language)
    po = export_po(after.story, lang)
    target = po_path or root / "translations" / f"{lang}.po"
    target.parent.mkdir(parents=True, exist_ok=True)
    po.save(str(target))
    return Added(lang, target, record_path(root, lang), len(po))
