"""``starlight strings``: PO export / import (byte-exact), adding a language, and stale translations."""

from __future__ import annotations

import shutil
from pathlib import Path

import polib  # type: ignore[import-untyped]
import pytest

from game.check.report import run_check
from game.check.translations import Record, check_stale_translations, translatable_texts
from game.cli import main
from game.paths import shipped_story
from game.story.loader import load_story, read_story
from game.tools.spans import parse
from game.tools.strings.po import export_po, import_po
from game.tools.strings.sources import SourceFiles
from game.tools.strings.write import translation_edit

FIXTURES = Path(__file__).parent / "fixtures"


def copy_story(source: Path, target: Path) -> Path:
    shutil.copytree(source, target)
    return target


def snapshot(root: Path) -> dict[str, bytes]:
    return {str(p.relative_to(root)): p.read_bytes() for p in sorted(root.rglob("*")) if p.is_file()}


@pytest.fixture(scope="module")
def shipped_copy(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return copy_story(shipped_story(), tmp_path_factory.mktemp("shipped") / "story")


# --- export ---


def test_export_has_one_entry_per_text_with_context_place_speaker_and_scene() -> None:
    story = load_story(FIXTURES / "sample")
    po = export_po(story, "ko")
    entries = {e.msgctxt: e for e in po}
    assert len(po) == len(translatable_texts(story)) == len(entries)  # contexts are unique
    line = entries["harbor+5"]  # the fifth step of harbor, no label before it
    assert line.msgid == "There's weather coming in tonight, Mira."
    assert line.msgstr == "오늘 밤 날씨가 심상치 않아, 미라."
    assert line.occurrences == [("scenes/harbor.yaml", "13")]
    assert "speaker: Tomas (tomas)" in line.comment and "scene: The Harbour (harbor)" in line.comment
    option = entries["harbor+7/3"]
    assert option.msgid == "Give Tomas your spare oil." and "an option" in option.comment
    assert entries["name:mira"].msgstr == "미라"
    assert entries["title:ending:dawn"].msgid == "Light Until Dawn"
    assert entries["title:scene:harbor"].msgstr == "항구"
    untranslated = entries["harbor+6"]  # `mira: Then the lamp has to burn until morning.` (English only)
    assert untranslated.msgstr == "" and not untranslated.fuzzy
    assert po.metadata["Language"] == "ko"


def test_export_refuses_the_primary_or_an_unknown_language(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["strings", "export", str(FIXTURES / "sample"), "--lang", "en"]) == 2
    assert main(["strings", "export", str(FIXTURES / "sample"), "--lang", "ja"]) == 2
    assert "add-language" in capsys.readouterr().err


def test_po_file_opens_in_gettext_tools_shape(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "ko.po"
    assert main(["strings", "export", str(FIXTURES / "sample"), "--lang", "ko", "-o", str(out)]) == 0
    text = out.read_text(encoding="utf-8")
    assert 'msgctxt "harbor+5"' in text and "#: scenes/harbor.yaml:13" in text
    assert "Content-Type: text/plain; charset=UTF-8" in text
    assert len(polib.pofile(str(out))) == 40  # (the sample titles its two tracks and captions its three sounds)


# --- the round trip ---


def test_round_trip_on_the_shipped_story_changes_no_byte(shipped_copy: Path) -> None:
    before = snapshot(shipped_copy)
    story = load_story(shipped_copy)
    po = export_po(story, "ko")
    assert len(po) > 1500
    result = import_po(story, po, "ko")
    assert result.problems == [] and result.written == 0 and result.files == []
    assert result.unchanged == len(po)
    assert snapshot(shipped_copy) == before


def test_round_trip_through_a_po_file_and_the_command_line(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    root = copy_story(FIXTURES / "sample", tmp_path / "s")
    before = snapshot(root)
    po = tmp_path / "ko.po"
    assert main(["strings", "export", str(root), "--lang", "ko", "-o", str(po)]) == 0
    assert main(["strings", "import", str(po), "--story", str(root)]) == 0
    assert snapshot(root) == before
    assert "0 written" in capsys.readouterr().out


def test_import_writes_changed_and_new_translations_and_nothing_else(tmp_path: Path) -> None:
    root = copy_story(FIXTURES / "sample", tmp_path / "s")
    story = load_story(root)
    po = export_po(story, "ko")
    changed = {"harbor+5": "오늘 밤엔 \"폭풍\"이 와, 미라.",  # double-quoted before: stays double-quoted
               "harbor+6": "그럼 등불은 아침까지 타야 해요.",  # English only before: becomes a mapping
               "name:tomas": "토마스 씨"}  # a plain value in story.yaml
    for entry in po:
        if entry.msgctxt in changed:
            entry.msgstr = changed[entry.msgctxt]
    result = import_po(story, po, "ko")
    assert result.written == 3 and result.problems == []
    harbor = (root / "scenes" / "harbor.yaml").read_text(encoding="utf-8").splitlines()
    original = (FIXTURES / "sample" / "scenes" / "harbor.yaml").read_text(encoding="utf-8").splitlines()
    differing = [i for i, (a, b) in enumerate(zip(original, harbor)) if a != b]
    assert len(harbor) == len(original) and [i + 1 for i in differing] == [13, 14]
    assert harbor[12] == '  - tomas worried: {en: "There\'s weather coming in tonight, Mira.", ko: "오늘 밤엔 \\"폭풍\\"이 와, 미라."}'
    assert harbor[13] == '  - mira: {en: Then the lamp has to burn until morning., ko: "그럼 등불은 아침까지 타야 해요."}'
    again = load_story(root)
    texts = {e.context: e.text for e in translatable_texts(again)}
    assert all(texts[context].get("ko") == value for context, value in changed.items())
    assert "tomas:\n    name: {en: Tomas, ko: 토마스 씨}" in (root / "story.yaml").read_text(encoding="utf-8")


def test_fuzzy_and_empty_entries_are_not_imported(tmp_path: Path) -> None:
    root = copy_story(FIXTURES / "sample", tmp_path / "s")
    story = load_story(root)
    po = export_po(story, "ko")
    for entry in po:
        entry.msgstr = "바뀜"
        entry.flags.append("fuzzy")
    result = import_po(story, po, "ko")
    assert result.written == 0 and result.fuzzy == len(po)
    assert snapshot(root) == snapshot(FIXTURES / "sample")


def test_an_entry_whose_source_changed_since_export_is_not_imported(tmp_path: Path) -> None:
    root = copy_story(FIXTURES / "sample", tmp_path / "s")
    po = export_po(load_story(root), "ko")
    harbor = root / "scenes" / "harbor.yaml"
    harbor.write_text(harbor.read_text(encoding="utf-8").replace("There's weather", "There's a storm"),
                      encoding="utf-8")
    for entry in po:
        if entry.msgctxt == "harbor+5":
            entry.msgstr = "새 번역"
    result = import_po(load_story(root), po, "ko")
    assert len(result.problems) == 1 and "the source changed since the PO file was made" in result.problems[0]
    assert "새 번역" not in harbor.read_text(encoding="utf-8")


@pytest.mark.parametrize("before, after", [
    ("title: {en: A, ko: 가}\n", "title: {en: A, ko: 가, ja: あ}\n"),
    ("title: {en: A, ko: 가}  # note\n", "title: {en: A, ko: 가, ja: あ}  # note\n"),
    ("title: {}\n", 'title: {ja: "あ"}\n'),  # no text to take the quoting from: double quotes
    ("title:\n  en: A\n  ko: 가  # note\nx: 1\n", "title:\n  en: A\n  ko: 가  # note\n  ja: あ\nx: 1\n"),
    ("title:\n  en: |\n    A\n    B\nx: 1\n", 'title:\n  en: |\n    A\n    B\n  ja: "あ"\nx: 1\n'),
    ("title:\r\n  en: A\r\nx: 1\r\n", "title:\r\n  en: A\r\n  ja: あ\r\nx: 1\r\n"),
    ("title: 'A'\n", "title: {en: 'A', ja: 'あ'}\n"),
    ("title: A, B\n", 'title: {en: "A, B", ja: "あ"}\n'),  # plain "A, B" cannot stand in {...}
    ("title: {en: A, ja: 'old'}\n", "title: {en: A, ja: 'あ'}\n"),
    ("title: {en: A, ja: \"old\"}\n", "title: {en: A, ja: \"あ\"}\n"),
    ("title: |\n  A\nx: 1\n", 'title: {en: "A\\n", ja: "あ"}\nx: 1\n'),  # a block scalar keeps its line end
    ("title:\n  en: A\n  ja: |\n    old\nx: 1\n", 'title:\n  en: A\n  ja: "あ"\nx: 1\n'),
])
def test_writing_one_translation_keeps_the_rest(before: str, after: str, tmp_path: Path) -> None:
    from game.check.translations import TextEntry
    from game.story.model import Text
    from game.story.problems import Pos

    (tmp_path / "story.yaml").write_text(before, encoding="utf-8", newline="")
    files = SourceFiles(tmp_path)
    slot = files.slot(TextEntry("title:story", "title", Text((("en", "A"),)), Pos("story.yaml", 1, 1)))
    assert slot is not None
    edit = translation_edit(slot, "en", "ja", "あ")
    assert edit is not None
    text = slot.file.doc.text
    written = text[:edit.start] + edit.new + text[edit.end:]
    assert written == after
    assert parse(written).root.get("title") is not None


# --- adding a language ---


def test_add_language_is_one_command_then_the_po_round_trip(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    root = copy_story(FIXTURES / "sample", tmp_path / "s")
    assert main(["strings", "add-language", "ja", str(root)]) == 0
    assert "languages: [en, ko, ja]" in (root / "story.yaml").read_text(encoding="utf-8")
    po_path = root / "translations" / "ja.po"
    po = polib.pofile(str(po_path))
    assert len(po) == 40 and all(entry.msgstr == "" for entry in po)
    for entry in po:
        entry.msgstr = f"[ja] {entry.msgid}"
    po.save(str(po_path))
    assert main(["strings", "import", str(po_path), "--story", str(root)]) == 0
    story = load_story(root)
    assert all(e.text.get("ja") == f"[ja] {e.text.get('en')}" for e in translatable_texts(story))
    assert not [p for p in read_story(root).problems if "missing translation (ja)" in p.message]
    assert main(["strings", "add-language", "ja", str(root)]) == 2  # only once


def test_add_language_to_a_block_list(tmp_path: Path) -> None:
    root = copy_story(FIXTURES / "sample", tmp_path / "s")
    manifest = root / "story.yaml"
    manifest.write_text(manifest.read_text(encoding="utf-8").replace("languages: [en, ko]",
                                                                      "languages:\n  - en\n  - ko  # Korean"),
                        encoding="utf-8")
    assert main(["strings", "add-language", "fr", str(root)]) == 0
    assert "languages:\n  - en\n  - ko  # Korean\n  - fr\n" in manifest.read_text(encoding="utf-8")
    assert load_story(root).languages == ("en", "ko", "fr")


# --- stale translations ---


def stale(root: Path) -> list[str]:
    """The stale-translation warnings of the story in ``root`` (``check`` runs the same function)."""
    return [f"{p.file}:{p.line}: {p.message}" for p in check_stale_translations(load_story(root))]


def test_a_stale_translation_is_found_after_an_edit_until_it_is_touched(tmp_path: Path,
                                                                          capsys: pytest.CaptureFixture[str]) -> None:
    root = copy_story(FIXTURES / "sample", tmp_path / "s")
    assert main(["strings", "record", str(root)]) == 0  # the record starts: every translation is current
    assert stale(root) == []
    harbor = root / "scenes" / "harbor.yaml"
    text = harbor.read_text(encoding="utf-8")
    harbor.write_text(text.replace("There's weather coming in tonight", "A storm is coming tonight"),
                      encoding="utf-8")
    [warning] = stale(root)
    assert warning.startswith("scenes/harbor.yaml:13: the English changed since the Korean was written")
    assert "There's weather coming in tonight, Mira." in warning
    # the PO export marks it fuzzy, with the source it was translated from
    po = export_po(load_story(root), "ko")
    [fuzzy] = [e for e in po if e.fuzzy]
    assert fuzzy.msgctxt == "harbor+5" and fuzzy.previous_msgid == "There's weather coming in tonight, Mira."
    assert '#| msgid "There\'s weather coming in tonight, Mira."' in str(po)
    # touching the translation ends the warning
    edited = harbor.read_text(encoding="utf-8").replace("오늘 밤 날씨가 심상치 않아", "오늘 밤 폭풍이 와")
    harbor.write_text(edited, encoding="utf-8")
    assert stale(root) == []


def test_confirming_a_stale_translation_through_the_po_file(tmp_path: Path) -> None:
    root = copy_story(FIXTURES / "sample", tmp_path / "s")
    assert Record.read(root, "ko") is None
    assert main(["strings", "record", str(root), "--lang", "ko"]) == 0
    harbor = root / "scenes" / "harbor.yaml"
    harbor.write_text(harbor.read_text(encoding="utf-8").replace("Safe home, Tomas.", "Get home safe, Tomas."),
                      encoding="utf-8")
    assert len(stale(root)) == 1
    po = export_po(load_story(root), "ko")
    for entry in po:
        if entry.fuzzy:
            entry.flags.remove("fuzzy")  # the translator read it and keeps the Korean as it is
    result = import_po(load_story(root), po, "ko")
    assert result.written == 0 and result.record is not None
    assert stale(root) == []


def test_a_story_without_a_record_never_warns(tmp_path: Path) -> None:
    root = copy_story(FIXTURES / "sample", tmp_path / "s")
    harbor = root / "scenes" / "harbor.yaml"
    harbor.write_text(harbor.read_text(encoding="utf-8").replace("Safe home", "Go safely"), encoding="utf-8")
    assert stale(root) == []
    assert not (root / "translations").exists()


def test_check_reports_a_stale_translation_and_a_damaged_record_line(tmp_path: Path) -> None:
    root = copy_story(FIXTURES / "sample", tmp_path / "s")
    assert main(["strings", "record", str(root)]) == 0
    harbor = root / "scenes" / "harbor.yaml"
    harbor.write_text(harbor.read_text(encoding="utf-8").replace("Safe home", "Go safely"), encoding="utf-8")
    with (root / "translations" / "ko.sources").open("a", encoding="utf-8") as record:
        record.write("not a record line\n")
    report = run_check(root)
    [stale_line] = [p for p in report.problems if p.code == "stale-translation"]
    assert (stale_line.file, stale_line.line, stale_line.severity) == ("scenes/harbor.yaml", 30, "warning")
    [damaged] = [p for p in report.problems if p.code == "translation-record"]
    assert (damaged.file, damaged.severity) == ("translations/ko.sources", "warning")
    assert damaged.line == len((root / "translations" / "ko.sources").read_text(encoding="utf-8").splitlines())
