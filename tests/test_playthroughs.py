"""CI's story checks: every replay in tests/playthroughs/ passes, and the shipped story passes ``check --strict``.

A replay file names its story relative to itself (``story: ../fixtures/sample``); one without
``story:`` plays the shipped story.  Writers add the shipped story's playthroughs to that folder
(see README, "For testers"); each becomes one test here.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from game.check.replay import read_replay, run_replay
from game.cli import main
from game.paths import shipped_story

PLAYTHROUGHS = Path(__file__).parent / "playthroughs"
FILES = sorted(p for p in PLAYTHROUGHS.iterdir() if p.suffix in (".yaml", ".yml"))


def test_there_are_playthroughs() -> None:
    assert len(FILES) >= 3  # at least one per ending of the sample fixture


@pytest.mark.parametrize("path", FILES, ids=[p.name for p in FILES])
def test_playthrough_passes(path: Path) -> None:
    replay = read_replay(path, shipped_story())
    result = run_replay(replay)
    assert result.ok, f"{path.name}:\n  " + "\n  ".join(result.failures)
    if replay.ending is not None:
        assert result.ending == replay.ending


def test_each_ending_of_the_sample_has_a_playthrough() -> None:
    sample = (Path(__file__).parent / "fixtures" / "sample").resolve()
    endings = {read_replay(p, shipped_story()).ending for p in FILES if read_replay(p, shipped_story()).story == sample}
    assert endings >= {"dawn", "shipwreck", "lost_in_fog"}


def test_shipped_story_passes_check_strict(capsys: pytest.CaptureFixture[str]) -> None:
    """What CI runs on the game's own story.  While the story is being written (no scene files yet)
    there is nothing to check, and the scenes folder must then be absent altogether: once scene files
    exist, the whole story must pass."""
    root = shipped_story()
    scenes = root / "scenes"
    written = (root / "story.yaml").is_file() and scenes.is_dir() and any(p.is_file() for p in scenes.rglob("*"))
    if not written:
        assert not scenes.exists(), f"{scenes} exists but holds no scene files"
        return
    code = main(["check", "--strict", str(root)])
    out = capsys.readouterr().out
    assert code == 0, out
