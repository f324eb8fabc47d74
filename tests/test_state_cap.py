"""The explorer's caps, and what the check says when one stops it.

A story of N booleans flipped in a looping choice has 2**N decision states: the standard way to
blow up the state space with a tiny file.  Exploration stops at a memory budget (the explorer's
own structures, estimated as it goes) as well as at a state count, and the report names the
place where states multiply and the variables that vary there, in text and JSON.
"""

from __future__ import annotations

import json
import tracemalloc
from pathlib import Path

import pytest

from game.check.explore import explore
from game.check.report import dumps, run_check
from game.cli import main
from game.story.loader import load_story


def flags_story(root: Path, count: int) -> Path:
    """``count`` booleans, each set by its own option of one choice that loops; one option leaves."""
    (root / "scenes").mkdir(parents=True)
    variables = "".join(f"  f{i:02}: {{type: bool, default: false}}\n" for i in range(count))
    (root / "story.yaml").write_text(f"title: Flags\nlanguages: [en]\nstart: loop\nvariables:\n{variables}"
                                     "endings:\n  out: {title: Out}\n", encoding="utf-8")
    options = "".join(f"      - text: Flip {i}\n        set: {{f{i:02}: true}}\n        goto: top\n" for i in range(count))
    (root / "scenes" / "loop.yaml").write_text(
        "scene: loop\nscript:\n  - label: top\n  - choice:\n" + options +
        "      - text: Leave\n        if: f00\n        goto: done\n  - label: done\n  - ending: out\n", encoding="utf-8")
    return root


@pytest.fixture(scope="module")
def flags14(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return flags_story(tmp_path_factory.mktemp("flags") / "story", 14)


def test_a_small_story_is_explored_whole_and_has_no_blowup(flags14: Path) -> None:
    found = explore(load_story(flags_story(flags14.parent / "small", 6)))
    assert found.complete and found.states == 2 ** 6 and found.stopped_by == "" and found.blowup is None


def test_the_memory_budget_stops_the_exploration(flags14: Path) -> None:
    found = explore(load_story(flags14), max_memory=1_000_000)
    assert not found.complete and found.stopped_by == "memory"
    assert 1_000 < found.states < 2 ** 14  # stopped early, after some states
    assert 1_000_000 <= found.memory < 2_000_000


def test_the_estimate_follows_what_the_explorer_really_holds(flags14: Path) -> None:
    story = load_story(flags14)
    tracemalloc.start()
    try:
        before = tracemalloc.get_traced_memory()[0]
        found = explore(story)
        held = tracemalloc.get_traced_memory()[1] - before  # the peak, structures and all
    finally:
        tracemalloc.stop()
    assert found.complete and found.states == 2 ** 14
    assert 0.5 * held <= found.memory <= 2 * held, (found.memory, held)


def test_the_blowup_names_the_choice_and_the_variables_that_vary_there(flags14: Path) -> None:
    found = explore(load_story(flags14), max_states=3000)
    assert found.stopped_by == "states"
    blowup = found.blowup
    assert blowup is not None
    place = blowup.places[0]
    assert (place.pos.file, place.pos.line, place.kind) == ("scenes/loop.yaml", 4, "choice")
    assert place.states == found.states
    assert sorted(v.name for v in place.variables) == [f"f{i:02}" for i in range(14)]
    assert all(v.values == 2 for v in place.variables)
    assert place.combinations == 2 ** 14
    assert [v.values for v in blowup.variables] == [2] * 14


def test_the_check_reports_it_in_text_and_json(flags14: Path, capsys: pytest.CaptureFixture[str]) -> None:
    report = run_check(flags14, max_memory=1_000_000)
    problem = next(p for p in report.errors if p.code == "too-many-states")
    assert "the explorer's memory budget of 1 MB" in problem.message
    assert "scenes/loop.yaml:4:5" in problem.message and "14 variables vary" in problem.message
    text = report.as_text()
    assert "State space (exploration stopped at the memory budget):" in text
    assert "  scenes/loop.yaml:4:5 choice:" in text and "f00 2 values" in text
    data = json.loads(dumps(report))
    assert data["blowup"]["stopped_by"] == "memory"
    assert data["blowup"]["places"][0]["file"] == "scenes/loop.yaml"
    assert data["blowup"]["places"][0]["combinations"] == 2 ** 14
    assert {v["name"]: v["values"] for v in data["blowup"]["places"][0]["variables"]} == {
        f"f{i:02}": 2 for i in range(14)}
    assert json.loads(dumps(run_check(flags_story(flags14.parent / "small2", 3))))["blowup"] is None


def test_the_command_takes_a_memory_budget(flags14: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["check", str(flags14), "--max-memory", "1"]) == 1
    out = capsys.readouterr().out
    assert "memory budget of 1 MB" in out and "State space" in out
