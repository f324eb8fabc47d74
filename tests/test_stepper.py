"""The checker's stepper (game/check/stepper.py) holds to the plain walk, and the plain walk to the runtime.

The fast stepper passes regions of ops in one step and remembers their outcomes; the plain one
plays op by op; a player's ``Runtime.present`` / ``advance`` / ``choose`` are the reference for
both.  Generated stories (tests/story_strategies.py), valid ones and wild ones that fail at run
time (loops with nothing shown, calls nesting too deep, returns with no call), are explored both
ways and every explored way is played again through the runtime.
"""

from __future__ import annotations

import tempfile
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from story_strategies import GeneratedStory, load_generated, valid_stories, wild_stories

from game.check import regions as regions_module
from game.check import stepper as stepper_module
from game.check.explore import Exploration, Explorer
from game.check.stepper import Stepper
from game.story import model as m
from game.story import runtime as runtime_module
from game.story.loader import load_story
from game.story.runtime import LOOP, Runtime, State, StoryRuntimeError

FIXTURES = Path(__file__).parent / "fixtures"
STORY_SETTINGS = settings(max_examples=60, deadline=None)
LIMIT = 3_000  # ops with nothing shown before a loop is called one, in the generated stories (small ones)
STATES = 3_000  # decision states explored at most (calls nesting at will multiply them)
# The fast stepper's knobs, pushed to where other code paths run: every region keyed by its
# conditions' answers where it can be, and a memory of two outcomes (forgotten again and again).
TUNINGS = st.sampled_from([{}, {"value_key_limit": 0}, {"max_outcomes": 2}, {"value_key_limit": 0, "max_outcomes": 1}])


def explored(story: m.Story, max_states: int = 2_000_000, **options: Any) -> tuple[Explorer, Exploration]:
    """Explore ``story`` with a stepper made with ``options`` (Stepper's keywords)."""
    explorer = Explorer(story, max_states=max_states, stepper=Stepper(story, **options))
    return explorer, explorer.run()


def summary(found: Exploration) -> tuple[object, ...]:
    """Everything an exploration reports, in a form that compares."""
    graph = found.graph
    assert graph is not None
    return (found.states, found.endings, found.reached, found.options_shown, found.hidden_defaults, found.complete,
            [(d.kind, d.pos, d.message, d.path) for d in found.dead_ends], found.firsts,
            graph.states, graph.parent, graph.via, graph.succ)


def runtime_way(runtime: Runtime, state: State, trace: list[bytearray]) -> State | str:
    """Where a player gets from ``state``: the state at the next choice, map or ending, else the error's kind.

    Lines and other events are passed with ``advance``; a state met twice means play goes round
    for ever with no choice (the stepper calls that a loop).
    """
    seen: set[State] = set()
    try:
        while True:
            state, event = runtime.present(state, trace)
            if event.kind >= m.CHOICE:
                return state
            if state in seen:
                return LOOP
            seen.add(state)
            state = runtime.advance(state)
    except StoryRuntimeError as exc:
        return exc.kind


def stepper_way(stepper: Stepper, state: State) -> State | str:
    try:
        return stepper.settle(*state)
    except StoryRuntimeError as exc:
        return exc.kind


def check_against_runtime(story: m.Story, found: Exploration) -> None:
    """Every explored decision's options, and the way from the start, end where the runtime's do; same coverage."""
    graph = found.graph
    assert graph is not None
    runtime = Runtime(story)
    stepper = Stepper(story)
    trace = runtime.new_trace()
    starts = [runtime.start()]
    for state in graph.states:
        if state is not None:
            starts += [runtime.choose(state, index) for index in runtime.visible(state)
                       if not _too_deep(runtime, state, index)]
    for start in starts:
        expected = runtime_way(runtime, start, trace)
        assert stepper_way(stepper, start) == expected, start
    if found.complete:
        reached = {(scene, pc) for scene, ops in enumerate(trace) for pc, hit in enumerate(ops) if hit}
        assert reached == found.reached


def _too_deep(runtime: Runtime, state: State, index: int) -> bool:
    """Whether taking this hotspot is itself a call nesting too deep (the explorer records the error)."""
    try:
        runtime.choose(state, index)
    except StoryRuntimeError:
        return True
    return False


@STORY_SETTINGS
@given(st.one_of(valid_stories(), wild_stories()), TUNINGS)
def test_fast_and_plain_steppers_explore_the_same(story: GeneratedStory, tuning: dict[str, int]) -> None:
    with tempfile.TemporaryDirectory() as folder, pytest.MonkeyPatch.context() as patch:
        patch.setattr(stepper_module, "SILENT_OP_LIMIT", LIMIT)
        _root, loaded = load_generated(story, folder)
        _, fast = explored(loaded, STATES, **tuning)
        _, plain = explored(loaded, STATES, fast=False)
        assert summary(fast) == summary(plain)


@STORY_SETTINGS
@given(st.one_of(valid_stories(), wild_stories()))
def test_every_explored_way_goes_where_the_runtime_goes(story: GeneratedStory) -> None:
    with tempfile.TemporaryDirectory() as folder, pytest.MonkeyPatch.context() as patch:
        patch.setattr(stepper_module, "SILENT_OP_LIMIT", LIMIT)
        patch.setattr(runtime_module, "SILENT_OP_LIMIT", LIMIT)
        _root, loaded = load_generated(story, folder)
        _, found = explored(loaded, STATES)
        check_against_runtime(loaded, found)


@pytest.mark.parametrize("name", ["sample", "softlock", "endless_loop", "unreachable_ending", "unused"])
def test_fixtures_explore_the_same_both_ways_and_as_the_runtime(name: str) -> None:
    story = load_story(FIXTURES / name)
    _, fast = explored(story)
    _, plain = explored(story, fast=False)
    assert summary(fast) == summary(plain)
    check_against_runtime(story, fast)


def test_shipped_story_explores_as_the_runtime_plays() -> None:
    """A few hundred ways of the shipped story, from its first decisions, against the runtime."""
    from game.paths import shipped_story

    story = load_story(shipped_story())
    _, found = explored(story, max_states=300)
    check_against_runtime(story, found)


def write_story(root: Path, script: str) -> m.Story:
    (root / "scenes").mkdir(parents=True)
    (root / "story.yaml").write_text("title: T\nlanguages: [en]\nstart: s\n"
                                     "variables:\n  n: {type: int, min: 0, max: 3, default: 0}\n"
                                     "endings: {done: {title: Done}, other: {title: Other}}\n", encoding="utf-8")
    (root / "scenes" / "s.yaml").write_text(f"scene: s\nscript:\n{script}", encoding="utf-8")
    return load_story(root)


LINE_LOOP = ("  - narrator: before\n  - label: top\n  - narrator: one\n  - if: n > 1\n    then:\n"
             "      - narrator: two\n  - add: {n: 1}\n  - narrator: three\n  - goto: top\n")


@pytest.mark.parametrize("limit", [1, 2, 3, 5, 7, 8, 9, 10, 11, 12, 13, 29, 30, 31, 100])
def test_a_loop_is_caught_at_the_same_op_whatever_the_limit(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                            limit: int) -> None:
    """The op limit can run out inside a remembered region, at its exit or between: same op as op by op."""
    story = write_story(tmp_path / "story", LINE_LOOP)
    monkeypatch.setattr(stepper_module, "SILENT_OP_LIMIT", limit)
    start = Runtime(story).start()
    errors = []
    for fast in (True, False):
        stepper = Stepper(story, fast=fast)
        for _ in range(3):  # the second and third time round, the regions are remembered
            with pytest.raises(StoryRuntimeError) as info:
                stepper.settle(*start)
            errors.append((info.value.kind, info.value.pos))
    assert errors[0][0] == LOOP
    assert len(set(errors)) == 1, errors


LONG_WAY = ("  - narrator: one\n  - label: a\n  - if: n > 0\n    then:\n      - narrator: two\n"
            "  - narrator: three\n  - goto: b\n  - label: b\n  - add: {n: 1}\n  - narrator: four\n"
            "  - choice:\n      - text: again\n        goto: a\n      - text: stop\n  - ending: done\n")


@pytest.mark.parametrize("limit", range(1, 14))
def test_the_limit_counts_the_ops_before_a_choice_as_the_plain_walk(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                                    limit: int) -> None:
    """With a limit shorter than the way to the choice it is a loop, longer it is not: both walks agree."""
    story = write_story(tmp_path / "story", LONG_WAY)
    monkeypatch.setattr(stepper_module, "SILENT_OP_LIMIT", limit)
    start = Runtime(story).start()
    outcomes = []
    for fast in (True, False):
        stepper = Stepper(story, fast=fast)
        for n in (0, 1, 0, 1):  # the second time round, the regions are remembered
            outcomes.append((n, stepper_way(stepper, start._replace(vars=(n,)))))
    assert outcomes[:4] == outcomes[4:]


def test_regions_are_remembered_and_forgotten_within_bounds(tmp_path: Path) -> None:
    story = write_story(tmp_path / "story", "  - choice:\n" + "".join(
        f"      - text: o{i}\n        set: {{n: {i % 4}}}\n" for i in range(4)) +
        "  - if: n > 1\n    then:\n      - narrator: big\n    else:\n      - narrator: small\n  - ending: done\n")
    runtime = Runtime(story)
    choice = runtime.present(runtime.start())[0]
    stepper = Stepper(story, max_outcomes=1)
    ends = {stepper.settle(*runtime.choose(choice, i)) for i in range(4)}
    assert len(ends) == 4  # n differs at the ending
    assert stepper._remembered <= 1
    assert all(len(r.outcomes) <= 1 for regions in stepper._regions.values() for r in regions.values() if r)


def test_a_region_keys_on_answers_only_where_they_cannot_change(tmp_path: Path) -> None:
    """A label inside the region sets the visited bit its condition reads: it must key on values."""
    story = write_story(tmp_path / "story",
                        "  - narrator: a\n  - label: mid\n  - if: visited('s.mid') and n > 0\n    then:\n"
                        "      - ending: done\n  - ending: other\n")
    for fast in (True, False):  # with n 1 and n 0 the answer at the entry is the same (not visited yet)
        stepper = Stepper(story, fast=fast, value_key_limit=0)
        endings = [stepper.op_at(stepper.settle(0, 0, (), (n,), 0)) for n in (1, 0)]
        assert [ending.ending for ending in endings if isinstance(ending, m.Ending)] == ["done", "other"]
    ops = tuple(story.scenes[0].ops)
    region = regions_module.region_at(story, ops, 0, value_key_limit=0)
    assert region.key is not None
    visited_bit = 1 << story.tracked.index("s.mid")
    assert region.key((1,), 0) != region.key((1,), visited_bit)  # values (and bits) read, not answers
    answered = regions_module.region_at(story, ops, 2, value_key_limit=0)  # from the `if` on, no label: answers
    assert answered.key is not None and answered.key((1,), visited_bit) is True
