"""PO files (gettext) of a story's texts: export for translators' tools, import back into the scene files.

One entry per line, option, character name and title:

    #. scene: The Repair Shop (repair_shop)
    #. speaker: Jay (jay)
    #: scenes/seoul/repair_shop.yaml:42
    msgctxt "repair_shop.bench+3"
    msgid "Depends on the turntable."
    msgstr "턴테이블 나름이죠."

The context is the step's identity (scene, label, steps since it), so it stays
the same when other lines change; an option adds its number.  A translation
whose source changed since it was written (``game.check.translations``) is
exported fuzzy with the source it was made from (``#| msgid``).  Import writes
every non-fuzzy translation into its scene file (``write``) and leaves every
other byte alone; the story's record of sources is updated where it keeps one.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path

import polib  # type: ignore[import-untyped]

from game.check.translations import Record, TextEntry, language_name, stale_source, translatable_texts
from game.story import model as m

from ..edits import Edit, apply_edits
from ..spans import SpanError
from .sources import SourceFiles
from .write import WriteError, translation_edit

KINDS = {"line": "a line", "option": "an option of a choice", "name": "a character's name", "title": "a title",
         "caption": "a caption shown when a sound plays"}


class StringsError(Exception):
    """A PO file or story that cannot be used (the message says which and why)."""


def export_po(story: m.Story, lang: str) -> polib.POFile:
    """The PO file of ``story``'s texts for ``lang``, with today's translations as msgstr."""
    if lang not in story.languages[1:]:
        raise StringsError(f"the story translates into {', '.join(story.languages[1:]) or 'no language'}, "
                           f"not {lang!r} (add it with `starlight strings add-language {lang}`)")
    primary = story.primary_language
    record = Record.read(story.root, lang)
    po = polib.POFile(wrapwidth=0)
    po.metadata = {
        "Project-Id-Version": story.title.get(primary),
        "POT-Creation-Date": datetime.now(UTC).strftime("%Y-%m-%d %H:%M+0000"),
        "Language": lang,
        "MIME-Version": "1.0",
        "Content-Type": "text/plain; charset=UTF-8",
        "Content-Transfer-Encoding": "8bit",
        "X-Generator": "starlight strings export",
        "X-Source-Language": primary,
    }
    for entry in translatable_texts(story):
        po.append(_po_entry(story, entry, lang, record))
    return po


def _po_entry(story: m.Story, entry: TextEntry, lang: str, record: Record | None) -> polib.POEntry:
    primary = story.primary_language
    notes = [f"{KINDS[entry.kind]}"]
    if entry.scene is not None:
        scene = story.scene(entry.scene)
        notes.append(f"scene: {scene.title.get(primary)} ({entry.scene})")
    if entry.speaker is not None:
        who = story.characters.get(entry.speaker)
        notes.append(f"speaker: {who.name.get(primary)} ({entry.speaker})" if who else "speaker: narrator")
    po_entry = polib.POEntry(msgctxt=entry.context, msgid=entry.text.get(primary),
                             msgstr=entry.text.get(lang) if entry.text.has(lang) else "",
                             comment="\n".join(notes), occurrences=[(entry.pos.file, str(entry.pos.line))])
    old = stale_source(record, entry.text, primary) if record is not None else None
    if old is not None:
        po_entry.flags.append("fuzzy")
        po_entry.previous_msgid = old
    return po_entry


@dataclass
class ImportResult:
    """What an import did, entry by entry."""

    lang: str
    written: int = 0  # translations changed or added in the files
    unchanged: int = 0
    fuzzy: int = 0  # skipped: marked fuzzy (not confirmed by the translator)
    untranslated: int = 0
    problems: list[str] = field(default_factory=list)  # entries that could not be placed
    files: list[str] = field(default_factory=list)  # files written
    record: str | None = None  # the record file updated, if the story keeps one

    def summary(self) -> str:
        parts = [f"{self.written} written", f"{self.unchanged} unchanged"]
        parts += [f"{n} {what}" for n, what in ((self.fuzzy, "fuzzy (skipped)"),
                                               (self.untranslated, "untranslated"),
                                               (len(self.problems), "not placed")) if n]
        return f"{language_name(self.lang)} ({self.lang}): " + ", ".join(parts)


def read_po(path: Path) -> polib.POFile:
    try:
        return polib.pofile(str(path), wrapwidth=0)
    except (OSError, ValueError, UnicodeDecodeError) as exc:
        raise StringsError(f"{path}: not a readable PO file: {exc}") from None


def po_language(po: polib.POFile, lang: str | None, story: m.Story) -> str:
    """The language a PO file holds: ``lang`` if given, else its ``Language`` header; checked against the story."""
    found = lang or str(po.metadata.get("Language", "")).strip()
    if not found:
        raise StringsError("the PO file names no language (its `Language:` header is empty): give --lang")
    if found not in story.languages[1:]:
        raise StringsError(f"the story translates into {', '.join(story.languages[1:]) or 'no language'}, "
                           f"not {found!r}")
    return found


def import_po(story: m.Story, po: polib.POFile, lang: str, *, dry_run: bool = False) -> ImportResult:
    """Write the translations of ``po`` into ``story``'s files (unless ``dry_run``)."""
    primary = story.primary_language
    result = ImportResult(lang)
    entries = translatable_texts(story)
    by_context = {e.context: e for e in entries}
    by_source: dict[str, list[TextEntry]] = {}
    for entry in entries:
        by_source.setdefault(entry.text.get(primary), []).append(entry)
    files = SourceFiles(story.root)
    edits: dict[str, list[Edit]] = {}
    record = Record.read(story.root, lang)
    for po_entry in po:
        if po_entry.obsolete:
            continue
        if "fuzzy" in po_entry.flags:
            result.fuzzy += 1
            continue
        if not po_entry.msgstr:
            result.untranslated += 1
            continue
        matched = _match(po_entry, by_context, by_source, primary)
        if isinstance(matched, str):
            result.problems.append(matched)
            continue
        entry = matched
        try:
            slot = files.slot(entry)
            if slot is None:
                result.problems.append(f"{entry.pos}: the text of {entry.context!r} is not where the story has it")
                continue
            edit = translation_edit(slot, primary, lang, po_entry.msgstr)
        except (SpanError, WriteError) as exc:
            result.problems.append(f"{entry.context}: {exc}")
            continue
        if record is not None:
            record.add(po_entry.msgstr, entry.text.get(primary))
        if edit is None:
            result.unchanged += 1
        else:
            result.written += 1
            edits.setdefault(slot.file.rel, []).append(edit)
    if not dry_run:
        _apply(files, edits, result)
        if record is not None and not result.problems:
            result.record = str(record.write(story.root, primary))
    return result


def _match(po_entry: polib.POEntry, by_context: dict[str, TextEntry], by_source: dict[str, list[TextEntry]],
           primary: str) -> TextEntry | str:
    """The story's entry a PO entry translates: same context and source, else the one entry with that source."""
    entry = by_context.get(po_entry.msgctxt or "")
    if entry is not None and entry.text.get(primary) == po_entry.msgid:
        return entry
    same = by_source.get(po_entry.msgid, [])
    if len(same) == 1:
        return same[0]
    if entry is not None:
        return (f"{entry.pos}: {po_entry.msgctxt!r}: the source changed since the PO file was made "
                f"(now {entry.text.get(primary)[:50]!r}); export again to translate the new text")
    where = " and ".join(str(e.pos) for e in same[:3])
    return (f"{po_entry.msgctxt!r} ({po_entry.msgid[:50]!r}) is no longer in the story" if not same else
            f"{po_entry.msgctxt!r}: its context is gone and its text stands at {where}: export again")


def _apply(files: SourceFiles, edits: dict[str, list[Edit]], result: ImportResult) -> None:
    for rel, changes in sorted(edits.items()):
        file = files.get(rel)
        text = apply_edits(file.doc.text, changes)
        try:
            files.update(file, text)
        except SpanError as exc:  # never expected: every edit writes a value YAML reads back
            result.problems.append(f"{rel}: the file would no longer read ({exc}); left unchanged")
            continue
    result.files = files.write()
