"""Story folders are shared data: what the loader, the asset index and the cache open stays inside.

Links out of the folder (a linked ``scenes/`` or ``story.yaml``) are refused with a
message that shows nothing of the outside file; FIFOs and devices are refused before
anything blocks on them (each test runs under an alarm, so a regression fails instead
of hanging the suite).
"""

from __future__ import annotations

import os
import signal
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import TypeVar

import pytest

from game import __version__
from game.story import cache
from game.story.assets import AssetError, AssetIndex
from game.story.loader import LoadResult, read_story
from game.story.storyfiles import scene_files

T = TypeVar("T")
SECRET = "secret_outside_key"
MANIFEST = "title: T\nlanguages: [en]\nstart: s\nendings:\n  e: {title: E}\n"
SCENE = "scene: s\nscript:\n  - narrator: hi\n  - ending: e\n"


def within(seconds: int, run: Callable[[], T]) -> T:
    """``run()``, failing the test if it takes longer than ``seconds`` (a blocked open is interrupted)."""
    def expired(signum: int, frame: object) -> None:
        raise TimeoutError(f"still running after {seconds} s: something blocked")

    previous = signal.signal(signal.SIGALRM, expired)
    signal.alarm(seconds)
    try:
        return run()
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, previous)


@pytest.fixture
def outside(tmp_path: Path) -> Path:
    """A folder beside the story, holding YAML whose key names must never show up in a message."""
    folder = tmp_path / "outside"
    folder.mkdir()
    (folder / "x.yaml").write_text(f"{SECRET}: 1\nscene: leak\n")
    (folder / "story.yaml").write_text(f"{SECRET}: 1\n")
    return folder


@pytest.fixture
def story(tmp_path: Path) -> Path:
    root = tmp_path / "story"
    (root / "scenes").mkdir(parents=True)
    (root / "story.yaml").write_text(MANIFEST)
    (root / "scenes" / "s.yaml").write_text(SCENE)
    return root


def read(root: Path) -> LoadResult:
    return within(10, lambda: read_story(root))


def errors_of(result: LoadResult) -> list[str]:
    assert result.story is None
    return [str(p) for p in result.errors]


@pytest.fixture
def no_leak() -> Iterator[list[str]]:
    shown: list[str] = []
    yield shown
    assert not any(SECRET in text for text in shown), shown


def test_a_linked_scenes_folder_that_leaves_the_story_is_refused(story: Path, outside: Path,
                                                                 no_leak: list[str]) -> None:
    (story / "scenes" / "s.yaml").unlink()
    (story / "scenes").rmdir()
    (story / "scenes").symlink_to(outside)
    errors = errors_of(read(story))
    no_leak.extend(errors)
    assert any(e.startswith("scenes:1:1: error:") and "outside the story folder" in e for e in errors), errors
    assert list(scene_files(story)) == []


def test_a_linked_story_yaml_that_leaves_the_story_is_refused(story: Path, outside: Path,
                                                              no_leak: list[str]) -> None:
    (story / "story.yaml").unlink()
    (story / "story.yaml").symlink_to(outside / "story.yaml")
    errors = errors_of(read(story))
    no_leak.extend(errors)
    assert any(e.startswith("story.yaml:1:1: error:") and "outside the story folder" in e for e in errors), errors


def test_a_linked_sub_folder_of_scenes_is_not_entered(story: Path, outside: Path, no_leak: list[str]) -> None:
    (story / "scenes" / "more").symlink_to(outside)
    result = read(story)
    no_leak.extend(str(p) for p in result.problems)
    assert result.story is not None
    assert [p.name for p in scene_files(story)] == ["s.yaml"]


def test_links_inside_the_story_are_fine(story: Path) -> None:
    (story / "real").mkdir()
    (story / "scenes" / "s.yaml").rename(story / "real" / "s.yaml")
    (story / "scenes" / "s.yaml").symlink_to(story / "real" / "s.yaml")
    assert read(story).story is not None


def test_a_fifo_as_a_scene_file_is_refused_without_blocking(story: Path) -> None:
    os.mkfifo(story / "scenes" / "pipe.yaml")
    errors = errors_of(read(story))
    assert errors == ["scenes/pipe.yaml:1:1: error: the file is not a regular file (a FIFO, device or folder): "
                      "story files are plain files"], errors


def test_a_fifo_as_story_yaml_is_refused_without_blocking(story: Path) -> None:
    (story / "story.yaml").unlink()
    os.mkfifo(story / "story.yaml")
    errors = errors_of(read(story))
    assert any(e.startswith("story.yaml:1:1: error: the file is not a regular file") for e in errors), errors


def test_a_character_device_as_a_scene_file_is_refused(story: Path) -> None:
    try:
        os.mknod(story / "scenes" / "zero.yaml", 0o600 | 0o020000, os.makedev(1, 5))  # /dev/zero's numbers
    except (PermissionError, AttributeError):
        pytest.skip("making a device node needs privileges here")
    errors = errors_of(read(story))
    assert errors == ["scenes/zero.yaml:1:1: error: the file is not a regular file (a FIFO, device or folder): "
                      "story files are plain files"], errors


def test_a_scene_file_over_the_size_limit_is_refused_before_it_is_read(story: Path) -> None:
    with open(story / "scenes" / "huge.yaml", "wb") as handle:
        handle.truncate(4 * 2**30)  # sparse: would cost 4 GB of memory if read whole
    errors = errors_of(read(story))
    assert len(errors) == 1 and errors[0].startswith("scenes/huge.yaml:1:1: error: the file is 4,294,967,296 bytes")
    assert "the limit for a story file" in errors[0]


def test_the_asset_index_refuses_a_fifo_or_a_folder(story: Path) -> None:
    backgrounds = story / "images" / "backgrounds"
    backgrounds.mkdir(parents=True)
    os.mkfifo(backgrounds / "night.png")
    (backgrounds / "dir.png").mkdir()
    assets = AssetIndex(story)
    with pytest.raises(AssetError, match="the background 'night' is not a regular file"):
        within(5, lambda: assets.find("background", "night"))
    with pytest.raises(AssetError, match="no background named 'dir'"):
        assets.find("background", "dir")


def test_the_asset_index_looks_each_name_up_on_disk_once(story: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A story names the same picture again and again: one path resolution and stat per name, same answers."""
    backgrounds = story / "images" / "backgrounds"
    backgrounds.mkdir(parents=True)
    (backgrounds / "rain.png").write_bytes(b"png")
    os.mkfifo(backgrounds / "night.png")
    assets = AssetIndex(story)
    stats: list[str] = []
    real_stat = os.stat

    def counting_stat(path: object, *args: object, **kwargs: object) -> os.stat_result:
        stats.append(str(path))
        return real_stat(path, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(os, "stat", counting_stat)
    found = [assets.find("background", "rain") for _ in range(3)]
    assert found == [backgrounds / "rain.png"] * 3
    for _ in range(2):  # the refusal too is the same each time
        with pytest.raises(AssetError, match="the background 'night' is not a regular file"):
            assets.find("background", "night")
    assert len(stats) == 2, stats


def test_a_fifo_as_a_background_is_a_story_error(story: Path) -> None:
    (story / "images" / "backgrounds").mkdir(parents=True)
    os.mkfifo(story / "images" / "backgrounds" / "night.png")
    (story / "scenes" / "s.yaml").write_text("scene: s\nscript:\n  - bg: night\n  - ending: e\n")
    errors = errors_of(read(story))
    assert errors == ["scenes/s.yaml:3:9: error: the background 'night' is not a regular file "
                      "(a FIFO, device or folder)"], errors


def test_a_fifo_in_place_of_the_cache_file_is_a_miss(story: Path, tmp_path: Path) -> None:
    cache_dir = tmp_path / "cache"
    cache_dir.mkdir()
    os.mkfifo(cache.cache_file(cache_dir, story))
    fingerprint = cache.story_fingerprint(story, __version__)
    with pytest.raises(cache.CacheMiss, match="not a regular file"):
        within(5, lambda: cache.load(cache_dir, story, fingerprint))
    assert within(10, lambda: read_story(story, cache_dir)).story is not None
