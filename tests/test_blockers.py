""""Why can't I reach this?": the blocker of each unreachable part (game/check/blockers.py), in every report."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from game.check.blockers import Blocker, explain_unreached
from game.check.explore import explore
from game.check.report import run_check
from game.cli import main
from game.story.loader import load_story
from game.story.playthrough import play
from game.story.runtime import Runtime

FIXTURES = Path(__file__).parent / "fixtures"


def write_story(root: Path, scenes: dict[str, str], endings: tuple[str, ...] = ("done",),
                variables: str = "", start: str = "a") -> Path:
    """A story with no assets: narrator lines only."""
    (root / "scenes").mkdir(parents=True)
    declared = "".join(f"  {e}: {{title: {e}}}\n" for e in endings)
    (root / "story.yaml").write_text(
        f"title: Tiny\nlanguages: [en]\nstart: {start}\n{variables}endings:\n{declared}", encoding="utf-8")
    for scene_id, script in scenes.items():
        (root / "scenes" / f"{scene_id}.yaml").write_text(
            f"scene: {scene_id}\ntitle: {scene_id}\nscript:\n{script}", encoding="utf-8")
    return root


def blockers_of(root: Path) -> dict[tuple[str, int], Blocker]:
    """Each blocker of ``run_check``'s report by (finding code, line)."""
    report = run_check(root)
    return {(b.code, b.pos.line): b for b in report.blockers}


# --- the fixtures ---


def test_unreachable_ending_names_the_condition_its_values_and_the_nearest_path() -> None:
    found = blockers_of(FIXTURES / "unreachable_ending")
    ending = found[("unreachable-ending", 14)]
    assert ending.subject == "the ending 'treasure'"
    [reason] = ending.reasons
    assert reason.kind == "never-true"
    assert (reason.pos.file, reason.pos.line) == ("scenes/shore.yaml", 16)
    assert reason.ranges == {"shells": "0..2"}  # two options add 1 each: never 3
    assert reason.states == 4  # the four playthroughs all reach the `if`
    assert reason.nearest == "shells 2 (needs 3)"
    assert reason.path == (0, 0)
    assert "shells >= 3" in reason.message and "shells is 0..2" in reason.message
    # the steps of the `then` block are blocked by the same condition
    assert found[("unreachable-step", 18)].reasons[0].pos == reason.pos


def test_the_nearest_path_really_gets_nearest() -> None:
    story = load_story(FIXTURES / "unreachable_ending")
    [blocker] = [b for b in explain_unreached(story, explore(story)) if b.code == "unreachable-ending"]
    path = blocker.reasons[0].path
    assert path is not None
    runtime = Runtime(story)
    played = play(runtime, list(path))
    assert played.state is not None
    assert runtime.variables(played.state)["shells"] == 2


def test_unused_fixture_has_missing_ways_in_and_a_condition_never_true() -> None:
    found = blockers_of(FIXTURES / "unused")
    scene = found[("unreachable-scene", 1)].reasons[0]
    assert scene.kind == "no-way-in" and "nothing goes to the scene 'attic'" in scene.message
    label = found[("unreachable-label", 20)].reasons[0]
    assert label.kind == "no-way-in" and "nothing jumps to the label 'old_stacks'" in label.message
    option = found[("option-never-shown", 12)].reasons[0]
    assert option.kind == "never-true"
    assert option.ranges == {"lucky": "always false, and nothing ever changes it"}
    assert option.nearest == "lucky false (needs true)" and option.path == ()
    # the line inside the option's block: blocked by the option
    assert found[("unreachable-step", 15)].reasons[0].pos == option.pos


@pytest.mark.parametrize("fixture", ["sample", "softlock", "endless_loop"])
def test_stories_with_nothing_unreachable_have_no_blockers(fixture: str) -> None:
    assert run_check(FIXTURES / fixture).blockers == []


# --- small stories made here ---


def test_a_label_behind_an_unreachable_goto_is_blocked_by_the_condition_before_it(tmp_path: Path) -> None:
    root = write_story(tmp_path / "s", {"a": (
        "  - narrator: Start.\n"
        "  - if: key\n"                      # line 5: never true (nothing sets key)
        "    then:\n"
        "      - goto: vault\n"
        "  - ending: done\n"
        "  - label: vault\n"                 # line 9: only the goto above leads here
        "  - narrator: Gold.\n"
        "  - ending: done\n")}, variables="variables:\n  key: {type: bool, default: false}\n")
    found = blockers_of(root)
    [reason] = found[("unreachable-label", 9)].reasons
    assert reason.kind == "never-true" and reason.pos.line == 5
    assert reason.ranges == {"key": "always false, and nothing ever changes it"}


def test_an_else_that_never_runs_and_an_enum_never_equal(tmp_path: Path) -> None:
    root = write_story(tmp_path / "s", {"a": (
        "  - choice:\n"
        "      - text: Stay\n"
        "        set: {route: stay}\n"
        "      - text: Wait\n"
        "  - if: route != 'go'\n"            # line 8: always true
        "    then:\n"
        "      - narrator: Still here.\n"
        "    else:\n"
        "      - narrator: Gone.\n"          # line 12: never runs
        "  - ending: done\n")},
        variables="variables:\n  route: {type: enum, values: [undecided, stay, go], default: undecided}\n")
    found = blockers_of(root)
    [reason] = found[("unreachable-step", 12)].reasons
    assert reason.kind == "never-false" and reason.pos.line == 8
    assert reason.ranges == {"route": "'undecided' or 'stay'"}
    assert reason.nearest == "route 'stay' (needs 'go')" and reason.path == (0,)  # ties: the first found


def test_a_call_that_never_returns(tmp_path: Path) -> None:
    root = write_story(tmp_path / "s", {
        "a": ("  - call: b\n"                # line 4
              "  - narrator: Back again.\n"  # line 5: never reached
              "  - ending: done\n"),
        "b": ("  - narrator: Elsewhere.\n"
              "  - ending: done\n")})
    found = blockers_of(root)
    [reason] = found[("unreachable-step", 5)].reasons
    assert reason.kind == "no-return" and reason.pos.line == 4
    assert "the call to 'b'" in reason.message


def test_a_visited_condition_and_an_int_that_stops_short(tmp_path: Path) -> None:
    root = write_story(tmp_path / "s", {"a": (
        "  - label: top\n"
        "  - choice:\n"
        "      - text: Train\n"
        "        add: {skill: 1}\n"
        "      - text: Rest\n"
        "  - choice:\n"
        "      - text: Fight\n"                          # line 10: skill is at most 1 here
        "        if: skill >= 2 and visited('top')\n"
        "        then:\n"
        "          - ending: won\n"
        "      - text: Flee\n"
        "  - ending: done\n")}, endings=("done", "won"),
        variables="variables:\n  skill: {type: int, min: 0, max: 5, default: 0}\n")
    found = blockers_of(root)
    reason = found[("option-never-shown", 10)].reasons[0]
    assert reason.ranges == {"skill": "0..1", "visited('top')": "always true"}
    assert reason.nearest == "skill 1 (needs 2)" and reason.path == (0,)
    assert found[("unreachable-ending", 8)].reasons[0].pos.line == 10


def test_a_condition_on_visited_alone(tmp_path: Path) -> None:
    root = write_story(tmp_path / "s", {
        "a": ("  - if: visited('b')\n"          # line 4: b comes later, never before
              "    then:\n"
              "      - narrator: Welcome back.\n"
              "  - goto: b\n"),
        "b": "  - ending: done\n"})
    [reason] = blockers_of(root)[("unreachable-step", 6)].reasons
    assert reason.kind == "never-true" and reason.ranges == {"visited('b')": "always false"}
    assert reason.nearest == "visited('b') false (needs true)"


def test_an_ending_no_step_names(tmp_path: Path) -> None:
    root = write_story(tmp_path / "s", {"a": "  - ending: done\n"}, endings=("done", "never"))
    [reason] = blockers_of(root)[("unreachable-ending", 6)].reasons
    assert reason.kind == "no-way-in" and "no step says `ending: never`" in reason.message


# --- in the reports ---


def test_text_report_tells_why_under_each_unreachable_part(capsys: pytest.CaptureFixture[str]) -> None:
    main(["check", str(FIXTURES / "unreachable_ending")])
    lines = capsys.readouterr().out.splitlines()
    ending = next(i for i, line in enumerate(lines) if "no playthrough reaches the ending 'treasure'" in line)
    assert lines[ending + 1].startswith("    why: `if: shells >= 3` (scenes/shore.yaml:16:5) is never true here: "
                                        "shells is 0..2")


def test_json_report_has_the_blockers(capsys: pytest.CaptureFixture[str]) -> None:
    main(["check", "--json", str(FIXTURES / "unreachable_ending")])
    data = json.loads(capsys.readouterr().out)
    [blocker] = [b for b in data["blockers"] if b["code"] == "unreachable-ending"]
    assert blocker["subject"] == "the ending 'treasure'"
    [reason] = blocker["reasons"]
    assert reason["kind"] == "never-true" and reason["line"] == 16
    assert reason["values"] == {"shells": "0..2"} and reason["path"] == [0, 0]
    step = next(u for u in data["unreachable"] if u["line"] == 18)
    assert step["why"] and "shells >= 3" in step["why"][0]


def test_graph_page_has_the_why_section_escaped(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    root = write_story(tmp_path / "t", {"a": (
        "  - choice:\n"
        "      - text: \"<script>alert(1)</script>\"\n"
        "        if: key\n"
        "      - text: Go on\n"
        "  - ending: done\n")}, variables="variables:\n  key: {type: bool, default: false}\n")
    out = tmp_path / "map.html"
    assert main(["graph", str(root), "-o", str(out)]) == 0
    page = out.read_text(encoding="utf-8")
    assert "Why can't I reach this?" in page
    assert "the option &#x27;&lt;script&gt;alert(1)&lt;/script&gt;&#x27;" in page
    assert "<script>" not in page


def test_a_hotspot_never_active_names_its_condition(tmp_path: Path) -> None:
    from game.tools.starter.new import new_story

    root = tmp_path / "starter"
    new_story(root)
    garden = root / "scenes" / "garden.yaml"
    garden.write_text(garden.read_text(encoding="utf-8").replace("  - set: {saw_stars: true}\n", ""),
                      encoding="utf-8")
    report = run_check(root)
    [blocker] = [b for b in report.blockers if b.code == "hotspot-never-active"]
    assert blocker.subject == "the hotspot 'hill'" and blocker.pos.file == "maps/garden.tmx"
    [reason] = blocker.reasons
    assert reason.kind == "never-true" and reason.ranges == {"saw_stars": "always false, and nothing ever changes it"}
    assert "`if: saw_stars`" in reason.message and "on the map (scenes/garden.yaml:" in reason.message
