"""Translations: every translatable text of a story, and the record of what each translation was made from.

**The texts.**  ``translatable_texts`` lists every line, option, character name
and title, each with a stable context (from the step's identity: scene, label,
steps since the label; a name or title by its id), its position, speaker and
scene.  PO files (``starlight strings``) are made of these entries.

**The record** (``translations/<lang>.sources`` in the story folder) says which
primary-language text each translation was made from, so that ``check`` can warn
when the English changed since the Korean was written.  A line per translation::

    3f2a1b9c0d<TAB>"Do you fix turntables?"

a hash of the translation, then the source text it translates (a JSON string).
Why this shape:

* the scene files stay as writers wrote them (no bookkeeping beside each line);
* lines are independent and sorted, so a merge keeps both sides' lines without a
  conflict (``.gitattributes``: ``translations/*.sources merge=union``);
* keyed by the translation itself, not by where it stands: moving or reordering
  steps changes nothing, and *touching* a translation (editing it) takes it off
  the record, which is what ends the warning;
* it holds the old source text, which the PO export shows translators as the
  previous source (``#| msgid``) of a fuzzy entry.

A story has a record for a language only once ``starlight strings record`` (or
``add-language``) made one; ``strings import`` keeps it up to date.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from game.story import model as m
from game.story.problems import Pos, Problem
from game.story.yamlsrc import MAX_FILE_BYTES, read_story_file

RECORD_FOLDER = "translations"
MANIFEST = "story.yaml"
LANGUAGE_NAMES = {
    "en": "English", "ko": "Korean", "ja": "Japanese", "zh": "Chinese", "fr": "French", "de": "German",
    "es": "Spanish", "it": "Italian", "pt": "Portuguese", "ru": "Russian", "vi": "Vietnamese", "th": "Thai",
    "id": "Indonesian", "pl": "Polish", "nl": "Dutch", "tr": "Turkish", "uk": "Ukrainian", "ar": "Arabic",
}


def language_name(code: str) -> str:
    return LANGUAGE_NAMES.get(code.split("-")[0], code)


@dataclass(frozen=True)
class TextEntry:
    """One translatable text and where it belongs."""

    context: str  # stable: "scene.label+3", "scene.label+3/2" (option 2), "name:jay", "title:scene:x"
    kind: str  # "line" | "option" | "name" | "title" | "caption"
    text: m.Text
    pos: Pos  # the step, option or declaration it belongs to
    speaker: str | None = None  # a line's speaker id ("narrator" or a character)
    scene: str | None = None  # the scene id of a line, option or scene title


def step_context(sid: m.StepId) -> str:
    """A step's place as a message context: ``scene.label+offset`` (``scene+offset`` before any label)."""
    return f"{sid.scene}.{sid.label}+{sid.offset}" if sid.label else f"{sid.scene}+{sid.offset}"


def _explicit(text: m.Text, default: str) -> bool:
    """False for a name or title the loader made up from an id (the file has none to translate)."""
    return not (len(text.values) == 1 and text.values[0][1] == default)


def translatable_texts(story: m.Story) -> list[TextEntry]:
    """Every translatable text of ``story``: titles and names first, then lines and options in file order."""
    entries = [TextEntry("title:story", "title", story.title, Pos(MANIFEST, 1, 1))]
    entries += [TextEntry(f"name:{c.id}", "name", c.name, c.pos) for c in story.characters.values()
                if _explicit(c.name, c.id)]
    entries += [TextEntry(f"title:ending:{e.id}", "title", e.title, e.pos) for e in story.endings.values()
                if _explicit(e.title, e.id)]
    entries += [TextEntry(f"title:music:{t.name}", "title", t.title, t.pos) for t in story.music.values()]
    entries += [TextEntry(f"caption:{c.kind}:{c.name}", "caption", c.text, c.pos) for c in story.captions.values()]
    for scene in sorted(story.scenes, key=lambda s: s.file):
        if _explicit(scene.title, scene.id):
            entries.append(TextEntry(f"title:scene:{scene.id}", "title", scene.title, scene.pos, scene=scene.id))
        entries.extend(_scene_texts(scene))
    return entries


def _scene_texts(scene: m.Scene) -> Iterator[TextEntry]:
    for op in scene.ops:
        if isinstance(op, m.Line) and op.sid is not None:
            yield TextEntry(step_context(op.sid), "line", op.text, op.pos, op.speaker, scene.id)
        elif isinstance(op, m.Choice) and op.sid is not None:
            for number, option in enumerate(op.options, 1):
                yield TextEntry(f"{step_context(op.sid)}/{number}", "option", option.text, option.pos,
                                scene=scene.id)


# --- the record -----------------------------------------------------------------------------------


def text_hash(text: str) -> str:
    """The short hash a record keys a translation by (as step identities hash their content)."""
    return hashlib.blake2b(text.encode("utf-8", "surrogatepass"), digest_size=5).hexdigest()


def record_path(root: Path, lang: str) -> Path:
    return root / RECORD_FOLDER / f"{lang}.sources"


HEADER = ("# Which {source} text each {lang} translation of this story was made from (`starlight check` warns\n"
          "# when the {source} changed since).  A line: a hash of the translation, a tab, the {source} it\n"
          "# translates.  Written by `starlight strings import` and `strings record`; lines are independent,\n"
          "# so merge by keeping both sides' lines (.gitattributes: translations/*.sources merge=union).\n")


class Record:
    """The record of one language: translation hash -> the source texts it was made from."""

    def __init__(self, lang: str, sources: dict[str, set[str]] | None = None,
                 problems: list[Problem] | None = None) -> None:
        self.lang = lang
        self.sources = sources if sources is not None else {}
        self.problems = problems or []  # lines that could not be read

    @classmethod
    def read(cls, root: Path, lang: str) -> Record | None:
        """The record of ``lang`` in the story folder ``root``; None when the story keeps none."""
        path = record_path(root, lang)
        if not path.is_file():
            return None
        file = f"{RECORD_FOLDER}/{lang}.sources"
        record = cls(lang)
        data = read_story_file(path)
        if len(data) > MAX_FILE_BYTES:
            record.problems.append(Problem("warning", "translation-record", Pos(file, 1, 1),
                                           f"the file is over {MAX_FILE_BYTES:,} bytes: not read"))
            return record
        for number, line in enumerate(data.decode("utf-8", "replace").splitlines(), 1):
            if not line.strip() or line.startswith("#"):
                continue
            key, tab, quoted = line.partition("\t")
            try:
                source = json.loads(quoted) if tab else None
            except ValueError:
                source = None
            if not isinstance(source, str) or len(key) != 10:
                record.problems.append(Problem("warning", "translation-record", Pos(file, number, 1),
                                               "not a record line (a hash, a tab, the source text in quotes)"))
                continue
            record.sources.setdefault(key, set()).add(source)
        return record

    def add(self, translation: str, source: str) -> None:
        self.sources.setdefault(text_hash(translation), set()).add(source)

    def made_from(self, translation: str) -> set[str] | None:
        """The sources ``translation`` was recorded as made from; None when it is not on the record."""
        return self.sources.get(text_hash(translation))

    def write(self, root: Path, primary: str) -> Path:
        path = record_path(root, self.lang)
        path.parent.mkdir(parents=True, exist_ok=True)
        lines = sorted(f"{key}\t{json.dumps(source, ensure_ascii=False)}"
                       for key, sources in self.sources.items() for source in sources)
        header = HEADER.format(source=language_name(primary), lang=language_name(self.lang))
        path.write_text(header + "".join(line + "\n" for line in lines), encoding="utf-8", newline="\n")
        return path


def stale_source(record: Record, text: m.Text, primary: str) -> str | None:
    """The old source a stale translation was made from; None when it is up to date or not on the record."""
    translation = text.get(record.lang) if text.has(record.lang) else None
    if translation is None:
        return None
    sources = record.made_from(translation)
    source = text.get(primary)
    if sources is None or source in sources:
        return None
    return min(sources)


def record_all(story: m.Story, lang: str, entries: Iterable[TextEntry] | None = None,
               record: Record | None = None) -> Record:
    """A record (or ``record`` updated) saying every current ``lang`` translation was made from today's source."""
    record = record if record is not None else Record(lang)
    primary = story.primary_language
    for entry in entries if entries is not None else translatable_texts(story):
        if entry.text.has(lang):
            record.add(entry.text.get(lang), entry.text.get(primary))
    return record


def check_stale_translations(story: m.Story) -> list[Problem]:
    """A warning at every translation whose source changed since it was written (per the record)."""
    primary = story.primary_language
    problems: list[Problem] = []
    entries: list[TextEntry] | None = None
    for lang in story.languages[1:]:
        record = Record.read(story.root, lang)
        if record is None:
            continue
        problems.extend(record.problems)
        entries = entries if entries is not None else translatable_texts(story)
        for entry in entries:
            old = stale_source(record, entry.text, primary)
            if old is not None:
                shown = old if len(old) <= 60 else old[:59] + "…"
                problems.append(Problem(
                    "warning", "stale-translation", entry.pos,
                    f"the {language_name(primary)} changed since the {language_name(lang)} was written "
                    f"(it was translated from {shown!r}): update the translation, or confirm it by "
                    f"importing it again"))
    return problems
