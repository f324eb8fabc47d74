"""The compiled-story cache: same story back, stale after any edit, harmless when damaged."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from game import __version__
from game.story import cache
from game.story.loader import read_story
from game.story.playthrough import play
from game.story.runtime import Runtime

FIXTURES = Path(__file__).parent / "fixtures"


@pytest.fixture()
def story_dir(tmp_path: Path) -> Path:
    root = tmp_path / "story"
    shutil.copytree(FIXTURES / "sample", root)
    return root


def test_cached_story_equals_compiled_story(story_dir: Path, tmp_path: Path) -> None:
    cache_dir = tmp_path / "cache"
    fresh = read_story(story_dir, cache_dir).story
    assert fresh is not None
    assert cache.cache_file(cache_dir, story_dir).is_file()
    cached = cache.load(cache_dir, story_dir, cache.story_fingerprint(story_dir, __version__))
    for a, b in zip(fresh.scenes, cached.scenes, strict=True):
        assert a.ops == b.ops  # conditions compare by source
        assert dict(a.labels) == dict(b.labels)
    assert cached.tracked == fresh.tracked and cached.start == fresh.start
    assert [str(w) for w in cached.warnings] == [str(w) for w in fresh.warnings]
    for path in ([0, 0], [1, 1], [2, 1]):
        assert play(Runtime(cached), path).ending == play(Runtime(fresh), path).ending


def test_cached_scenes_decode_when_first_used(story_dir: Path, tmp_path: Path) -> None:
    cache_dir = tmp_path / "cache"
    fresh = read_story(story_dir, cache_dir).story
    assert fresh is not None
    cached = read_story(story_dir, cache_dir).story
    assert cached is not None
    lazy = [scene.ops for scene in cached.scenes]
    assert all(isinstance(ops, cache.LazyOps) and not ops.decoded for ops in lazy)
    assert [len(ops) for ops in lazy] == [len(scene.ops) for scene in fresh.scenes]  # known without decoding
    assert not any(ops.decoded for ops in lazy)
    runtime = Runtime(cached)
    runtime.present(runtime.start())
    start_scene = cached.start.scene
    assert [ops.decoded for ops in lazy] == [i == start_scene for i in range(len(lazy))]
    assert play(runtime, [0, 0]).ending == play(Runtime(fresh), [0, 0]).ending


def test_an_edit_makes_the_cache_stale(story_dir: Path, tmp_path: Path) -> None:
    cache_dir = tmp_path / "cache"
    read_story(story_dir, cache_dir)
    scene = story_dir / "scenes" / "harbor.yaml"
    scene.write_text(scene.read_text(encoding="utf-8").replace("harbor_dusk", "harbor_dusky"), encoding="utf-8")
    os.utime(scene, ns=(1, 1))  # even with an old timestamp the size changed
    result = read_story(story_dir, cache_dir)
    assert result.story is None
    assert any("harbor_dusky" in p.message for p in result.problems)


def test_a_damaged_cache_file_is_ignored(story_dir: Path, tmp_path: Path) -> None:
    cache_dir = tmp_path / "cache"
    read_story(story_dir, cache_dir)
    cache.cache_file(cache_dir, story_dir).write_text('{"format": 1, "fingerprint": "x", "scenes": [', "utf-8")
    assert read_story(story_dir, cache_dir).story is not None
    fingerprint = cache.story_fingerprint(story_dir, __version__)
    data = cache.cache_file(cache_dir, story_dir).read_text("utf-8")
    cache.cache_file(cache_dir, story_dir).write_text(data.replace('"branch"', '"nonsense"'), "utf-8")
    with pytest.raises(cache.CacheMiss):
        cache.load(cache_dir, story_dir, fingerprint)
    assert read_story(story_dir, cache_dir).story is not None


def test_an_unwritable_cache_folder_costs_nothing(story_dir: Path, tmp_path: Path) -> None:
    blocker = tmp_path / "not_a_folder"
    blocker.write_text("x")
    assert read_story(story_dir, blocker / "cache").story is not None
