"""``music:`` in story.yaml: the music room's titles, a format extension read, checked and cached."""

from __future__ import annotations

import shutil
from pathlib import Path

from game import __version__
from game.check.findings import check_music
from game.story import cache
from game.story.loader import read_story
from game.story.schema import story_schema

SAMPLE = Path(__file__).parent / "fixtures" / "sample"


def sample_with(tmp_path: Path, music: str) -> Path:
    root = tmp_path / "story"
    shutil.copytree(SAMPLE, root)
    manifest = root / "story.yaml"
    text = manifest.read_text(encoding="utf-8")
    manifest.write_text(text[:text.index("music:")] + music, encoding="utf-8")
    return root


def test_the_sample_titles_its_tracks_in_both_languages() -> None:
    story = read_story(SAMPLE).story
    assert story is not None
    assert list(story.music) == ["waves", "dawn_theme"]
    assert story.music["waves"].title.get("ko") == "항구의 파도"
    assert story.music["dawn_theme"].title.get("en") == "Light Until Dawn"
    assert check_music(story) == []


def test_a_track_that_is_not_a_music_file_or_has_no_title_is_an_error(tmp_path: Path) -> None:
    result = read_story(sample_with(tmp_path, 'music:\n  waves: {title: Waves}\n  wind: {title: Wind}\n'
                                              '  dawn_theme: {name: Dawn}\n'))
    assert result.story is None
    errors = [str(p) for p in result.problems if p.severity == "error"]
    assert any("story.yaml:23:3: error: no music named 'wind'" in e for e in errors), errors
    assert any("story.yaml:24:16:" in e and "unknown key 'name'" in e for e in errors), errors
    assert any("story.yaml:24:15:" in e and "needs `title:`" in e for e in errors), errors


def test_a_played_track_left_out_is_a_warning_and_a_missing_translation_too(tmp_path: Path) -> None:
    result = read_story(sample_with(tmp_path, "music:\n  waves: {title: Waves}\n"))
    assert result.story is not None
    assert any("missing translation (ko) of the title of the music 'waves'" in str(p) for p in result.problems)
    [untitled] = check_music(result.story)
    assert (untitled.code, untitled.file, untitled.line) == ("music-untitled", "scenes/tower/lamp_room.yaml", 42)
    assert "'dawn_theme' has no title under `music:`" in untitled.message


def test_without_the_section_nothing_is_asked_for(tmp_path: Path) -> None:
    story = read_story(sample_with(tmp_path, "")).story
    assert story is not None and dict(story.music) == {} and check_music(story) == []


def test_the_titles_come_back_from_the_cache(tmp_path: Path) -> None:
    root = tmp_path / "story"
    shutil.copytree(SAMPLE, root)
    fresh = read_story(root, tmp_path / "cache").story
    cached = cache.load(tmp_path / "cache", root, cache.story_fingerprint(root, __version__))
    assert fresh is not None and dict(cached.music) == dict(fresh.music)


def test_the_schema_describes_the_section() -> None:
    music = story_schema()["properties"]["music"]  # type: ignore[index]
    assert music["additionalProperties"] == {"$ref": "#/definitions/music"}
