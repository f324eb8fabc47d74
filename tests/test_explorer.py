"""The exhaustive explorer and ``run_check`` on the fixture stories and on small stories made here."""

from __future__ import annotations

import tempfile
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from story_strategies import GeneratedStory, load_generated, valid_stories, wild_stories

from game.check.explore import Exploration, Explorer, explore
from game.check.report import CheckReport, run_check
from game.story import model as m
from game.story.loader import load_story

FIXTURES = Path(__file__).parent / "fixtures"


# --- helpers ---


def explored(name: str) -> tuple[m.Story, Exploration]:
    story = load_story(FIXTURES / name)
    return story, explore(story)


def unreached_steps(story: m.Story, found: Exploration) -> set[str]:
    """``file:line`` of every source step that no playthrough runs."""
    return {f"{op.pos.file}:{op.pos.line}" for i, scene in enumerate(story.scenes)
            for pc, op in enumerate(scene.ops) if op.sid is not None and (i, pc) not in found.reached}


def findings(report: CheckReport) -> set[tuple[str, str, str, int]]:
    """(severity, code, file, line) of every reported problem."""
    return {(p.severity, p.code, p.file, p.line) for p in report.reported}


def declaration_line(path: Path, key: str) -> int:
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if line.strip().startswith(f"{key}:"):
            return number
    raise AssertionError(f"{key} is not declared in {path}")


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


# --- sample ---


def test_sample_endings_and_shortest_paths() -> None:
    story, found = explored("sample")
    assert found.complete
    assert found.endings == {"dawn": (0, 0), "shipwreck": (0, 1), "lost_in_fog": (1, 1)}
    assert found.dead_ends == []
    assert 0 < found.states <= 10
    assert unreached_steps(story, found) == set()


def test_sample_every_option_is_shown() -> None:
    story, found = explored("sample")
    harbor, lamp_room = story.scene_index["harbor"], story.scene_index["lamp_room"]
    shown = {(story.scenes[s].id, option) for s, _, option in found.options_shown}
    assert shown == {("harbor", 0), ("harbor", 1), ("harbor", 2),
                     ("lamp_room", 0), ("lamp_room", 1), ("lamp_room", 2)}
    assert {s for s, _, _ in found.options_shown} == {harbor, lamp_room}
    assert found.hidden_defaults == set()


def test_sample_check_has_only_the_translation_warning() -> None:
    report = run_check(FIXTURES / "sample")
    assert report.ok
    assert report.errors == []
    assert findings(report) == {("warning", "translation", "scenes/harbor.yaml", 14)}
    assert report.exploration is not None and report.exploration.states > 0


def test_exploration_is_deterministic() -> None:
    story = load_story(FIXTURES / "sample")
    first, second = explore(story), explore(story)
    assert (first.endings, first.dead_ends, first.states, first.reached) == \
        (second.endings, second.dead_ends, second.states, second.reached)


# --- unreachable_ending ---


def test_unreachable_ending() -> None:
    story, found = explored("unreachable_ending")
    assert found.endings == {"full_pockets": (0, 0), "empty_handed": (1, 1)}
    assert found.dead_ends == []
    assert unreached_steps(story, found) == {"scenes/shore.yaml:18", "scenes/shore.yaml:19"}


def test_unreachable_ending_check() -> None:
    root = FIXTURES / "unreachable_ending"
    report = run_check(root)
    assert not report.ok
    line = declaration_line(root / "story.yaml", "treasure")
    assert findings(report) == {
        ("error", "unreachable-ending", "story.yaml", line),
        ("warning", "unreachable-step", "scenes/shore.yaml", 18),
    }
    (error,) = report.errors
    assert "treasure" in error.message
    assert report.endings()["treasure"] == {"reachable": False, "path": None}
    assert report.endings()["empty_handed"] == {"reachable": True, "path": [1, 1]}


# --- softlock ---


def test_softlock() -> None:
    story, found = explored("softlock")
    assert found.endings == {"through_the_gate": (0, 0), "over_the_wall": (1, 0)}
    assert len(found.dead_ends) == 1
    dead = found.dead_ends[0]
    assert dead.kind == "softlock"
    assert (dead.pos.file, dead.pos.line) == ("scenes/gate.yaml", 5)
    assert dead.path == (2,)
    assert unreached_steps(story, found) == set()


def test_softlock_check() -> None:
    report = run_check(FIXTURES / "softlock")
    assert not report.ok
    assert findings(report) == {("error", "dead-end-softlock", "scenes/gate.yaml", 5)}
    assert "[2]" in report.errors[0].message


# --- endless_loop ---


def test_endless_loop() -> None:
    story, found = explored("endless_loop")
    assert found.endings == {"home_safe": (3,), "island": (1, 1)}
    assert len(found.dead_ends) == 1  # the option loops at marsh:9 and :11 are not traps
    dead = found.dead_ends[0]
    assert dead.kind == "loop"
    assert dead.pos.file == "scenes/marsh.yaml" and 23 <= dead.pos.line <= 25
    assert dead.path == (2,)
    assert unreached_steps(story, found) == set()


def test_endless_loop_check() -> None:
    report = run_check(FIXTURES / "endless_loop")
    assert not report.ok
    assert [(p.code, p.file) for p in report.reported] == [("dead-end-loop", "scenes/marsh.yaml")]
    assert 23 <= report.reported[0].line <= 25


# --- unused ---

UNUSED_WARNINGS = {
    ("warning", "unreachable-scene", "scenes/attic.yaml", 1),
    ("warning", "unreachable-label", "scenes/library.yaml", 20),
    ("warning", "unreachable-step", "scenes/library.yaml", 15),
    ("warning", "option-never-shown", "scenes/library.yaml", 12),
    ("warning", "variable-never-read", "story.yaml", 10),
    ("warning", "variable-never-written", "story.yaml", 11),
    ("warning", "translation", "scenes/library.yaml", 7),
}


def test_unused_exploration() -> None:
    story, found = explored("unused")
    assert found.endings == {"stayed_late": (0,), "closing_time": (1,)}
    assert found.dead_ends == []
    assert unreached_steps(story, found) == {
        "scenes/library.yaml:15", "scenes/library.yaml:20", "scenes/library.yaml:21", "scenes/library.yaml:22",
        "scenes/attic.yaml:4", "scenes/attic.yaml:5"}


def test_unused_warnings() -> None:
    report = run_check(FIXTURES / "unused")
    assert report.ok
    assert findings(report) == UNUSED_WARNINGS
    assert len(report.reported) == len(UNUSED_WARNINGS)  # each exactly once
    messages = {p.code: p.message for p in report.reported}
    assert "attic" in messages["unreachable-scene"]
    assert "old_stacks" in messages["unreachable-label"]
    assert "notes" in messages["variable-never-read"]
    assert "lucky" in messages["variable-never-written"]


def test_strict_turns_warnings_into_errors() -> None:
    report = run_check(FIXTURES / "unused", strict=True)
    assert not report.ok
    assert findings(report) == {("error", *rest) for _, *rest in UNUSED_WARNINGS}
    assert len(report.errors) == len(UNUSED_WARNINGS)


def test_strict_keeps_errors_and_counts_warnings() -> None:
    lenient = run_check(FIXTURES / "unreachable_ending")
    strict = run_check(FIXTURES / "unreachable_ending", strict=True)
    assert len(lenient.errors) == 1 and len(strict.errors) == 2
    assert not strict.ok and not lenient.ok
    assert not run_check(FIXTURES / "sample", strict=True).ok  # its one translation warning


# --- stories written here ---


def test_loop_through_choices_with_no_exit(tmp_path: Path) -> None:
    root = write_story(tmp_path / "story", {"a": (
        "  - narrator: A fork in the road.\n"
        "  - choice:\n"
        "      - text: Into the maze\n"
        "        goto: maze\n"
        "      - text: Home\n"
        "  - ending: done\n"
        "  - label: maze\n"
        "  - narrator: Hedges everywhere.\n"
        "  - choice:\n"
        "      - text: Left\n"
        "        goto: maze\n"
        "      - text: Right\n"
        "        goto: maze\n")})
    found = explore(load_story(root))
    assert found.endings == {"done": (1,)}
    assert len(found.dead_ends) == 1
    dead = found.dead_ends[0]
    assert dead.kind == "loop"
    assert (dead.pos.file, dead.pos.line) == ("scenes/a.yaml", 12)
    assert dead.path == (0,)
    report = run_check(root)
    assert not report.ok
    assert [p.code for p in report.errors] == ["dead-end-loop"]


def test_loop_through_choices_with_an_exit_is_fine(tmp_path: Path) -> None:
    root = write_story(tmp_path / "story", {"a": (
        "  - label: top\n"
        "  - narrator: Again?\n"
        "  - choice:\n"
        "      - text: Again\n"
        "        goto: top\n"
        "      - text: Stop\n"
        "  - ending: done\n")})
    found = explore(load_story(root))
    assert found.endings == {"done": (1,)}
    assert found.dead_ends == []
    assert found.states == 1


def counter_story(root: Path) -> Path:
    return write_story(root, {"a": (
        "  - label: top\n"
        "  - narrator: Count on?\n"
        "  - choice:\n"
        "      - text: One more\n"
        "        add: {n: 1}\n"
        "        goto: top\n"
        "      - text: Enough\n"
        "  - if: n >= 50\n"
        "    then:\n"
        "      - ending: patient\n"
        "  - ending: done\n")}, endings=("done", "patient"),
        variables="variables:\n  n: {type: int, min: 0, max: 50, default: 0}\n")


def test_every_variable_value_is_a_state(tmp_path: Path) -> None:
    found = explore(load_story(counter_story(tmp_path / "story")))
    assert found.complete
    assert found.states == 51  # n = 0..50 at the choice; the add clamps at 50
    assert found.endings == {"done": (1,), "patient": (0,) * 50 + (1,)}
    assert found.dead_ends == []


def test_exploration_limit(tmp_path: Path) -> None:
    root = counter_story(tmp_path / "story")
    found = explore(load_story(root), max_states=2)
    assert not found.complete
    assert found.states < 51
    report = run_check(root, max_states=2)
    assert not report.ok
    codes = [p.code for p in report.reported]
    assert "too-many-states" in codes
    # an unfinished exploration proves nothing unreachable
    assert "unreachable-ending" not in codes and "unreachable-step" not in codes


def test_exploration_limit_on_the_sample() -> None:
    report = run_check(FIXTURES / "sample", max_states=2)
    assert not report.ok
    assert [p.code for p in report.errors] == ["too-many-states"]


def test_ending_reachable_only_through_a_call(tmp_path: Path) -> None:
    root = write_story(tmp_path / "story", {
        "a": ("  - narrator: A door.\n"
              "  - choice:\n"
              "      - text: Knock\n"
              "        then:\n"
              "          - call: b\n"
              "      - text: Leave\n"
              "  - narrator: Outside again.\n"
              "  - ending: done\n"),
        "b": ("  - narrator: Someone answers.\n"
              "  - choice:\n"
              "      - text: Step in\n"
              "        goto: inside\n"
              "      - text: Go back\n"
              "  - return\n"
              "  - label: inside\n"
              "  - ending: secret\n"),
    }, endings=("done", "secret"))
    story = load_story(root)
    found = explore(story)
    assert found.complete
    assert found.endings == {"done": (1,), "secret": (0, 0)}
    assert found.dead_ends == []
    assert unreached_steps(story, found) == set()
    report = run_check(root)
    assert report.ok and report.reported == []


def test_ending_behind_a_call_that_sets_a_variable(tmp_path: Path) -> None:
    root = write_story(tmp_path / "story", {
        "a": ("  - narrator: Start.\n"
              "  - call: b.gift\n"
              "  - if: gift\n"
              "    then:\n"
              "      - ending: secret\n"
              "  - ending: done\n"),
        "b": ("  - narrator: Never played from the top.\n"
              "  - return\n"
              "  - label: gift\n"
              "  - set: {gift: true}\n"
              "  - return\n"),
    }, endings=("done", "secret"), variables="variables:\n  gift: {type: bool, default: false}\n")
    story = load_story(root)
    found = explore(story)
    assert found.endings == {"secret": ()}
    report = run_check(root)
    line = declaration_line(root / "story.yaml", "done")
    assert {(p.code, p.file, p.line) for p in report.errors} == {("unreachable-ending", "story.yaml", line)}
    assert {(p.code, p.file, p.line) for p in report.warnings} == {
        ("unreachable-step", "scenes/b.yaml", 4), ("unreachable-step", "scenes/a.yaml", 9)}


@pytest.mark.parametrize("scenes, kind, words", [
    ({"a": "  - narrator: again\n  - call: a\n  - ending: done\n"}, "error", "16"),
    ({"a": "  - narrator: hello\n  - return\n  - ending: done\n"}, "error", "return"),
    ({"a": "  - narrator: hello\n  - label: spin\n  - goto: spin\n  - ending: done\n"}, "loop", "loop"),
], ids=["too-deep", "return-without-call", "silent-loop"])
def test_runtime_errors_are_dead_ends(tmp_path: Path, scenes: dict[str, str], kind: str, words: str) -> None:
    root = write_story(tmp_path / "story", scenes)
    found = explore(load_story(root))
    assert found.endings == {}
    assert len(found.dead_ends) == 1
    dead = found.dead_ends[0]
    assert dead.kind == kind and words in dead.message
    assert dead.pos.file == "scenes/a.yaml" and dead.path == ()
    report = run_check(root)
    assert f"dead-end-{kind}" in [p.code for p in report.errors]


def test_a_branch_into_the_middle_of_a_run_leaves_no_false_unreachable(tmp_path: Path) -> None:
    """One path enters a run of lines in its middle first; another from its start must still count."""
    (tmp_path / "scenes").mkdir()
    (tmp_path / "story.yaml").write_text(
        "title: T\nlanguages: [en]\nstart: s\nvariables:\n  x: {type: bool, default: false}\n"
        "endings: {e: {title: E}}\n", encoding="utf-8")
    (tmp_path / "scenes" / "s.yaml").write_text(
        "scene: s\nscript:\n"
        "  - choice:\n"
        "      - text: skip ahead\n        set: {x: true}\n        goto: middle\n"
        "      - text: from the start\n"
        "  - narrator: one\n"
        "  - narrator: two\n"
        "  - label: middle\n"
        "  - narrator: three\n"
        "  - narrator: four\n"
        "  - if: x\n    then:\n      - narrator: skipped\n"
        "  - ending: e\n", encoding="utf-8")
    report = run_check(tmp_path, strict=True)
    assert [p.code for p in report.problems] == []


# --- which nodes can still end (generated stories, with ways back and dead ends) ---


def reference_can_end(found: Exploration) -> bytearray:
    """The plain backward walk from every node with an option that ends, over each node's predecessors."""
    graph = found.graph
    assert graph is not None
    first = graph.first + [len(graph.succ)]
    preds: dict[int, list[int]] = {}
    for node in range(len(graph.parent)):
        for child in graph.succ[first[node]:first[node + 1]]:
            preds.setdefault(child, []).append(node)
    good = bytearray(len(graph.parent))
    stack = list(graph.ends)
    for node in stack:
        good[node] = 1
    while stack:
        for pred in preds.get(stack.pop(), []):
            if not good[pred]:
                good[pred] = 1
                stack.append(pred)
    return good


@settings(max_examples=60, deadline=None)
@given(st.one_of(valid_stories(), wild_stories()))
def test_nodes_that_can_end_are_exactly_those_with_a_way_to_an_ending(story: GeneratedStory) -> None:
    with tempfile.TemporaryDirectory() as folder:
        _root, loaded = load_generated(story, folder)
        explorer = Explorer(loaded, max_states=3_000)
        found = explorer.run()
        if found.complete:
            assert explorer.can_end() == reference_can_end(found)
