"""Hotspot labels: the name a map prompt shows, one per story language (Tiled properties label.<lang>).

Read by the story loader into ``Hotspot.label``; a missing language is a warning
at the object's line (a story in one language needs none); an unknown language
is an error with a did-you-mean; text fit checks each label fits the prompt; the
compiled-story cache keeps them; the shipped maps have them all.
"""

from __future__ import annotations

from pathlib import Path
from textwrap import dedent

from game.check.report import run_check
from game.paths import shipped_story
from game.story import cache
from game.story.loader import read_story
from game.story.maps import tidy_name

HOTSPOT = '  <object id="2" name="shop_door" x="32" y="0" width="16" height="16">\n   <properties>\n{props}   </properties>\n  </object>\n'


def write_story(root: Path, props: dict[str, str], languages: str = "[en, ko]") -> Path:
    (root / "scenes").mkdir(parents=True)
    (root / "maps").mkdir()
    title = "{en: T, ko: T}" if "ko" in languages else "T"
    (root / "story.yaml").write_text(f"title: {title}\nlanguages: {languages}\nstart: a\n"
                                     f"endings: {{done: {{title: {title}}}}}\n", encoding="utf-8")
    (root / "scenes" / "a.yaml").write_text(dedent(f"""\
        scene: a
        title: {title}
        script:
          - map: alley
            spawn: start
          - label: out
          - ending: done
        """), encoding="utf-8")
    lines = "".join(f'    <property name="{k}" value="{v}"/>\n' for k, v in {"goto": "a.out", **props}.items())
    (root / "maps" / "alley.tmx").write_text(
        '<?xml version="1.0" encoding="UTF-8"?>\n<map version="1.10" orientation="orthogonal" width="4" height="4" '
        'tilewidth="16" tileheight="16">\n <objectgroup id="1" name="objects">\n'
        '  <object id="1" name="start" x="0" y="0" width="16" height="16"/>\n'
        + HOTSPOT.format(props=lines) + " </objectgroup>\n</map>\n", encoding="utf-8")
    return root


def line_of(path: Path, needle: str) -> int:
    return next(n for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1) if needle in line)


def test_labels_in_every_language(tmp_path: Path) -> None:
    result = read_story(write_story(tmp_path / "s", {"label.en": "Eunha Sound", "label.ko": "은하음향사"}))
    assert result.problems == () and result.story is not None
    [hotspot] = result.story.maps["alley"].hotspots
    assert (hotspot.label.get("en"), hotspot.label.get("ko")) == ("Eunha Sound", "은하음향사")


def test_a_missing_language_is_a_warning_at_the_object_and_shows_the_tidied_name(tmp_path: Path) -> None:
    root = write_story(tmp_path / "s", {"label.en": "Eunha Sound"})
    result = read_story(root)
    assert result.story is not None
    [warning] = result.problems
    assert (warning.severity, warning.code, warning.file, warning.line) == \
        ("warning", "translation", "maps/alley.tmx", line_of(root / "maps" / "alley.tmx", 'name="shop_door"'))
    assert "missing translation (ko)" in warning.message and "label.ko" in warning.message
    [hotspot] = result.story.maps["alley"].hotspots
    assert (hotspot.label.get("en"), hotspot.label.get("ko")) == ("Eunha Sound", "Shop door")


def test_no_label_at_all(tmp_path: Path) -> None:
    result = read_story(write_story(tmp_path / "s", {}))
    [warning] = result.problems
    assert "has no label (label.en, label.ko)" in warning.message and "'Shop door'" in warning.message
    one = read_story(write_story(tmp_path / "one", {}, languages="[en]"))
    assert one.problems == ()  # one language: the tidied name is the label, as a plain text line is its text
    assert one.story is not None and one.story.maps["alley"].hotspots[0].label.get("en") == "Shop door"


def test_an_unknown_language_is_an_error_with_a_suggestion(tmp_path: Path) -> None:
    root = write_story(tmp_path / "s", {"label.en": "Door", "label.kor": "문"})
    result = read_story(root)
    [error] = [p for p in result.problems if p.severity == "error"]
    assert (error.file, error.line) == ("maps/alley.tmx", line_of(root / "maps" / "alley.tmx", "label.kor"))
    assert "unknown language 'kor'" in error.message and "did you mean 'ko'" in error.message


def test_tidy_name() -> None:
    assert tidy_name("dori_dock") == "Dori dock"
    assert tidy_name("backroom-keyboard  2") == "Backroom keyboard 2"


def test_a_label_too_wide_for_the_prompt_is_a_text_fit_error(tmp_path: Path) -> None:
    long = "The old phone booth at the far end of the alley, under the dead neon sign"
    root = write_story(tmp_path / "s", {"label.en": long, "label.ko": "공중전화 부스"})
    report = run_check(root)
    [problem] = [p for p in report.problems if p.code == "text-overflow"]
    assert (problem.file, problem.line) == ("maps/alley.tmx", line_of(root / "maps" / "alley.tmx", 'name="shop_door"'))
    assert "the en label of the hotspot 'shop_door'" in problem.message and "420 px" in problem.message


def test_the_cache_keeps_labels(tmp_path: Path) -> None:
    root = write_story(tmp_path / "s", {"label.en": "Eunha Sound", "label.ko": "은하음향사"})
    fresh = read_story(root, tmp_path / "cache").story
    cached = read_story(root, tmp_path / "cache").story
    assert fresh is not None and cached is not None
    assert cache.cache_file(tmp_path / "cache", root).is_file()
    assert cached.maps["alley"].hotspots[0].label == fresh.maps["alley"].hotspots[0].label


def test_every_shipped_hotspot_has_english_and_korean_labels() -> None:
    story = read_story(shipped_story()).story
    assert story is not None
    assert not [w for w in story.warnings if w.file.startswith("maps/")]  # a label.en and a label.ko each
    hotspots = [h for info in story.maps.values() for h in info.hotspots]
    assert len(hotspots) == 14
    for hotspot in hotspots:
        assert any("\uac00" <= ch <= "\ud7a3" for ch in hotspot.label.get("ko")), hotspot.name  # Hangul
