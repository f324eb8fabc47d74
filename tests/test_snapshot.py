"""Snapshots of runtime states as JSON, and restoring them after the story was edited."""

from __future__ import annotations

import json
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given
from hypothesis import settings as hsettings
from hypothesis import strategies as st

from game.story import model as m
from game.story import snapshot, snapshot_ref
from game.story.loader import load_story
from game.story.playthrough import play, visible_options
from game.story.runtime import ChoiceEvent, Event, MapEvent, Runtime, State
from game.story.snapshot import SnapshotError

SAMPLE = Path(__file__).parent / "fixtures" / "sample"
PATHS = [[0, 0], [0, 1], [1, 0], [1, 1], [1, 2], [2, 0], [2, 1]]


# --- helpers ---


def where(event: Event) -> str:
    pos = event.op.pos if isinstance(event, (ChoiceEvent, MapEvent)) else event.pos
    return f"{Path(pos.file).stem}:{pos.line}"


def walk(runtime: Runtime, choices: list[int]) -> Iterator[tuple[State, Event]]:
    """Every (state at the event, event) of a playthrough."""
    queue = list(choices)
    state = runtime.start()
    while True:
        state, event = runtime.present(state)
        yield state, event
        if isinstance(event, m.Ending):
            return
        if isinstance(event, ChoiceEvent):
            state = runtime.choose(state, visible_options(event)[queue.pop(0)])
        else:
            state = runtime.advance(state)


def state_at(runtime: Runtime, choices: list[int], place: str) -> State:
    for state, event in walk(runtime, choices):
        if where(event) == place:
            return state
    raise AssertionError(f"{place} is not on the playthrough {choices}")


def through_json(data: dict[str, Any]) -> Any:
    return json.loads(json.dumps(data))


def save(story: m.Story, state: State) -> Any:
    return through_json(snapshot.to_json(story, state))


def copy_sample(tmp_path: Path) -> Path:
    root = tmp_path / "sample"
    shutil.copytree(SAMPLE, root)
    return root


def edit_lines(path: Path, edit: Any) -> None:
    """Rewrite ``path`` with ``edit(list of lines)``."""
    lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
    path.write_text("".join(edit(lines)), encoding="utf-8")


def insert_after_script(lines: list[str], text: str) -> list[str]:
    """A new narrator line as the first step of a scene."""
    i = lines.index("script:\n") + 1
    return lines[:i] + [f'  - narrator: {{en: "{text}", ko: "{text}"}}\n'] + lines[i:]


def delete_line(lines: list[str], number: int, expected: str) -> list[str]:
    assert expected in lines[number - 1], lines[number - 1]
    return lines[:number - 1] + lines[number:]


def tiny_story(root: Path, scenes: dict[str, str], variables: str = "") -> Path:
    (root / "scenes").mkdir(parents=True, exist_ok=True)
    (root / "story.yaml").write_text(
        f"title: Tiny\nlanguages: [en]\nstart: a\n{variables}endings:\n  done: {{title: Done}}\n",
        encoding="utf-8")
    for old in (root / "scenes").glob("*.yaml"):
        old.unlink()
    for scene_id, script in scenes.items():
        (root / "scenes" / f"{scene_id}.yaml").write_text(
            f"scene: {scene_id}\ntitle: {scene_id}\nscript:\n{script}", encoding="utf-8")
    return root


@pytest.fixture(scope="module")
def sample() -> tuple[m.Story, Runtime]:
    story = load_story(SAMPLE)
    return story, Runtime(story)


# --- round trip ---


@pytest.mark.parametrize("choices", PATHS, ids=[str(p) for p in PATHS])
def test_round_trip_at_every_event(sample: tuple[m.Story, Runtime], choices: list[int]) -> None:
    story, runtime = sample
    depths = set()
    for state, event in walk(runtime, choices):
        data = snapshot.to_json(story, state)
        restored = snapshot.from_json(story, through_json(data))
        assert restored.state == state, where(event)
        assert restored.notices == []
        assert runtime.present(restored.state) == (state, event)
        depths.add(len(state.stack))
    expected = {0, 1, 2} if choices[0] in (0, 2) else {0}
    assert depths == expected


def test_snapshot_shape(sample: tuple[m.Story, Runtime]) -> None:
    story, runtime = sample
    state = state_at(runtime, [0, 0], "logbook:15")
    data = save(story, state)
    assert data["format"] == snapshot.FORMAT
    assert data["vars"] == {"oil": 3, "lamp_lit": False, "weather": "storm"}
    assert sorted(data["visited"]) == ["harbor.farewell", "logbook"]
    assert len(data["stack"]) == 2


def test_restored_state_plays_on_the_same(sample: tuple[m.Story, Runtime]) -> None:
    story, runtime = sample
    state = state_at(runtime, [2, 0], "logbook:17")
    restored = snapshot.from_json(story, save(story, state)).state
    assert play(runtime, [0], state=restored).lines == play(runtime, [0], state=state).lines
    assert play(runtime, [0], state=restored).ending == "dawn"


# --- edits of the story ---


@pytest.mark.parametrize("choices, place, text, rest", [
    ([0, 0], "lamp_room:12", "The tank is full to the brim.", [0]),
    ([1, 0], "lamp_room:14", "Barely enough oil for an hour.", [0]),
    ([0, 1], "lamp_room:39", "In the dark, a hull strikes the rocks.", []),
    ([0, 0], "lamp_room:43", "The beam sweeps the sea until morning.", []),
])
def test_save_survives_an_edit_before_it(tmp_path: Path, choices: list[int], place: str, text: str,
                                         rest: list[int]) -> None:
    root = copy_sample(tmp_path)
    story = load_story(root)
    runtime = Runtime(story)
    state = state_at(runtime, choices, place)
    _, event = runtime.present(state)
    assert isinstance(event, m.Line) and event.text.get("en") == text
    data = save(story, state)

    edit_lines(root / "scenes/tower/lamp_room.yaml", lambda ls: insert_after_script(ls, "A new first line."))
    edited = load_story(root)
    restored = snapshot.from_json(edited, data)
    assert restored.notices == []
    new_runtime = Runtime(edited)
    _, again = new_runtime.present(restored.state)
    assert isinstance(again, m.Line)
    assert again.text.get("en") == text
    assert again.pos.line == event.pos.line + 1  # the same step, one line further down
    assert runtime.variables(state) == new_runtime.variables(restored.state)
    # and the story goes on as before
    after_edit = play(new_runtime, rest, state=restored.state)
    before_edit = play(runtime, rest, state=state)
    assert after_edit.ending == before_edit.ending is not None
    assert [line.text for line in after_edit.lines] == [line.text for line in before_edit.lines]


def test_save_at_a_repeated_line_comes_back_to_that_line(tmp_path: Path) -> None:
    """Two identical lines under the same label: the save must not jump back to the first one."""
    script = '  - narrator: "..."\n  - narrator: middle\n  - narrator: "..."\n  - ending: done\n'
    root = tiny_story(tmp_path / "story", {"a": script})
    story = load_story(root)
    state = state_at(Runtime(story), [], "a:6")  # the second "..."
    data = save(story, state)
    tiny_story(root, {"a": "  - narrator: new first line\n" + script})
    edited = load_story(root)
    restored = snapshot.from_json(edited, data)
    _, event = Runtime(edited).present(restored.state)
    assert isinstance(event, m.Line)
    assert (restored.notices, event.pos.line) == ([], 7)  # the second "...", one line further down


def test_save_inside_a_call_survives_an_edit_of_the_caller(tmp_path: Path) -> None:
    root = copy_sample(tmp_path)
    story = load_story(root)
    state = state_at(Runtime(story), [0, 0], "logbook:15")
    data = save(story, state)
    edit_lines(root / "scenes/tower/stairs.yaml", lambda ls: insert_after_script(ls, "Up we go."))
    edited = load_story(root)
    restored = snapshot.from_json(edited, data)
    assert restored.notices == []
    assert len(restored.state.stack) == 2
    result = play(Runtime(edited), [0], state=restored.state)
    # back after the call at stairs:8 (now :9): the label climb and the bell line, now at :13
    assert [where(line) for line in result.lines] == [
        "logbook:15", "stairs:13", "lamp_room:12", "lamp_room:31", "lamp_room:43"]
    assert result.ending == "dawn"


def test_deleted_line_resumes_at_the_label_before_it(tmp_path: Path) -> None:
    root = copy_sample(tmp_path)
    story = load_story(root)
    state = state_at(Runtime(story), [0, 0], "lamp_room:43")
    data = save(story, state)
    edit_lines(root / "scenes/tower/lamp_room.yaml",
               lambda ls: delete_line(ls, 43, "The beam sweeps the sea until morning."))
    edited = load_story(root)
    restored = snapshot.from_json(edited, data)
    lamp_room = edited.scene("lamp_room")
    assert restored.state.scene == edited.scene_index["lamp_room"]
    assert restored.state.pc == lamp_room.labels["dawn_watch"]
    assert len(restored.notices) == 1
    assert "dawn_watch" in restored.notices[0]
    _, event = Runtime(edited).present(restored.state)
    assert isinstance(event, m.Music) and event.name == "dawn_theme"


def test_deleted_line_with_no_label_before_resumes_at_the_scene_start(tmp_path: Path) -> None:
    root = copy_sample(tmp_path)
    story = load_story(root)
    state = state_at(Runtime(story), [0, 1], "lamp_room:39")
    data = save(story, state)
    edit_lines(root / "scenes/tower/lamp_room.yaml",
               lambda ls: delete_line(ls, 39, "In the dark, a hull strikes the rocks."))
    edited = load_story(root)
    restored = snapshot.from_json(edited, data)
    assert (restored.state.scene, restored.state.pc) == (edited.scene_index["lamp_room"], 0)
    assert len(restored.notices) == 1
    assert "lamp_room" in restored.notices[0] and "start" in restored.notices[0]
    _, event = Runtime(edited).present(restored.state)
    assert isinstance(event, m.Background) and event.name == "lamp_room"


def test_removed_scene_raises(tmp_path: Path) -> None:
    root = tiny_story(tmp_path / "story", {
        "a": "  - narrator: one\n  - goto: b\n",
        "b": "  - narrator: two\n  - ending: done\n",
    })
    story = load_story(root)
    runtime = Runtime(story)
    state = state_at(runtime, [], "b:4")
    data = save(story, state)
    assert snapshot.from_json(story, data).state == state
    tiny_story(root, {"a": "  - narrator: one\n  - ending: done\n"})
    with pytest.raises(SnapshotError):
        snapshot.from_json(load_story(root), data)


def test_removed_scene_on_the_stack_raises(tmp_path: Path) -> None:
    root = tiny_story(tmp_path / "story", {
        "a": "  - narrator: one\n  - call: b\n  - ending: done\n",
        "b": "  - narrator: two\n  - return\n",
    })
    story = load_story(root)
    state = state_at(Runtime(story), [], "b:4")
    assert len(state.stack) == 1
    data = save(story, state)
    data["stack"][0]["after"]["step"][0] = "gone"
    with pytest.raises(SnapshotError):
        snapshot.from_json(story, data)


@pytest.mark.parametrize("change", [
    lambda d: d.update(format=snapshot.FORMAT + 1),
    lambda d: d.update(format=0),
    lambda d: d.pop("format"),
    lambda d: d.update(format="1"),
], ids=["newer", "zero", "missing", "string"])
def test_wrong_format_raises(sample: tuple[m.Story, Runtime], change: Any) -> None:
    story, runtime = sample
    data = save(story, state_at(runtime, [0, 0], "harbor:12"))
    change(data)
    with pytest.raises(SnapshotError):
        snapshot.from_json(story, data)


@pytest.mark.parametrize("data", [None, [], "save", 1])
def test_not_a_snapshot_raises(sample: tuple[m.Story, Runtime], data: Any) -> None:
    story, _ = sample
    with pytest.raises(SnapshotError):
        snapshot.from_json(story, data)


@pytest.mark.parametrize("name, bad, default", [("oil", 7, 1), ("oil", -1, 1), ("lamp_lit", 1, False),
                                                 ("weather", "snow", "calm")])
def test_invalid_saved_value_is_reset_with_a_notice(sample: tuple[m.Story, Runtime], name: str,
                                                     bad: Any, default: Any) -> None:
    story, runtime = sample
    state = state_at(runtime, [0, 0], "lamp_room:12")
    data = save(story, state)
    data["vars"][name] = bad
    restored = snapshot.from_json(story, data)
    values = runtime.variables(restored.state)
    assert values[name] == default
    assert {k: v for k, v in values.items() if k != name} == \
        {k: v for k, v in runtime.variables(state).items() if k != name}
    assert len(restored.notices) == 1 and name in restored.notices[0]
    assert (restored.state.scene, restored.state.pc) == (state.scene, state.pc)


def test_value_out_of_a_narrowed_range_is_reset_with_a_notice(tmp_path: Path) -> None:
    variables = "variables:\n  count: {type: int, min: 0, max: 9, default: 2}\n"
    script = ("  - narrator: one\n  - add: {count: 5}\n  - narrator: two\n"
              "  - if: count >= 1\n    then:\n      - ending: done\n  - ending: done\n")
    root = tiny_story(tmp_path / "story", {"a": script}, variables)
    story = load_story(root)
    runtime = Runtime(story)
    state = state_at(runtime, [], "a:6")
    assert runtime.variables(state) == {"count": 7}
    data = save(story, state)
    tiny_story(root, {"a": script}, variables.replace("max: 9", "max: 5"))
    edited = load_story(root)
    restored = snapshot.from_json(edited, data)
    assert Runtime(edited).variables(restored.state) == {"count": 2}
    assert len(restored.notices) == 1 and "count" in restored.notices[0]
    _, event = Runtime(edited).present(restored.state)
    assert isinstance(event, m.Line) and event.text.get("en") == "two"


# --- consistency: what cannot be a state of this story is a SnapshotError ---

CALLED = {
    "a": "  - narrator: one\n  - call: b\n  - narrator: back\n  - ending: done\n",
    "b": "  - narrator: inside\n  - return\n",
}


def at_step(story: m.Story, scene: str, kind: type) -> dict[str, Any]:
    """A step reference (as to_json writes it) to the first op of ``kind`` in ``scene``."""
    index = story.scene_index[scene]
    ops = story.scenes[index].ops
    pc = next(pc for pc, op in enumerate(ops) if isinstance(op, kind))
    ref: dict[str, Any] = through_json(snapshot.to_json(story, State(index, pc, (), story.defaults(), 0))["at"])
    return ref


def test_a_save_at_a_return_with_an_empty_stack_raises(tmp_path: Path) -> None:
    story = load_story(tiny_story(tmp_path / "story", CALLED))
    data = save(story, state_at(Runtime(story), [], "b:4"))
    assert len(data["stack"]) == 1
    data["at"] = at_step(story, "b", m.Return)
    assert snapshot.from_json(story, data).state.stack  # with its stack, a return is fine
    data["stack"] = []
    with pytest.raises(SnapshotError, match="return"):
        snapshot.from_json(story, data)


def test_a_line_that_ends_in_a_return_with_an_empty_stack_raises(tmp_path: Path) -> None:
    story = load_story(tiny_story(tmp_path / "story", {**CALLED, "b": "  - label: x\n  - return\n"}))
    data = save(story, state_at(Runtime(story), [], "a:4"))
    data["at"] = at_step(story, "b", m.LabelStep)  # silent steps then a return: nothing to return to
    with pytest.raises(SnapshotError, match="cannot go on"):
        snapshot.from_json(story, data)


@pytest.mark.parametrize("kind, entry", [(m.Line, "after"), (m.Line, "at"), (m.Ending, "after")])
def test_a_return_point_must_follow_a_call_or_be_a_map(tmp_path: Path, kind: type, entry: str) -> None:
    story = load_story(tiny_story(tmp_path / "story", CALLED))
    data = save(story, state_at(Runtime(story), [], "b:4"))
    data["stack"] = [{entry: at_step(story, "a", kind)}]
    with pytest.raises(SnapshotError, match=r"stack\[0\]"):
        snapshot.from_json(story, data)


def test_a_stack_deeper_than_a_story_allows_raises(tmp_path: Path) -> None:
    story = load_story(tiny_story(tmp_path / "story", CALLED))
    data = save(story, state_at(Runtime(story), [], "b:4"))
    data["stack"] = data["stack"] * (m.MAX_CALL_DEPTH + 1)
    with pytest.raises(SnapshotError, match="deep"):
        snapshot.from_json(story, data)
    data["stack"] = data["stack"][:m.MAX_CALL_DEPTH]
    assert len(snapshot.from_json(story, data).state.stack) == m.MAX_CALL_DEPTH


@pytest.mark.parametrize("field_name, value", [
    ("visited", 3), ("visited", "logbook"), ("visited", [["logbook"]]), ("visited", [None]), ("visited", {"a": 1}),
    ("stack", 7), ("stack", "abc"), ("stack", [[1, 2]]), ("stack", [{"after": 1}]), ("stack", [{}]),
    ("vars", [1]), ("vars", {"oil": [1]}), ("vars", {"oil": None}), ("vars", {"oil": 2.5}),
    ("vars", {"weather": {"a": 1}}), ("at", "harbor"), ("at", {"step": {"a": 1, "b": 2, "c": 3, "d": 4}}),
    ("at", {"step": ["harbor", None, True, "x"]}), ("at", {"step": ["harbor", None, 0, 5]}),
    ("at", {"step": ["harbor", 3, 0, "x"]}), ("at", {"step": [["harbor"], None, 0, "x"]}),
])
def test_wrong_types_raise_a_snapshot_error(sample: tuple[m.Story, Runtime], field_name: str, value: Any) -> None:
    story, runtime = sample
    data = save(story, state_at(runtime, [0, 0], "logbook:15"))
    data[field_name] = value
    with pytest.raises(SnapshotError) as caught:
        snapshot.from_json(story, data)
    assert len(str(caught.value)) <= snapshot_ref.MESSAGE_LENGTH


def test_huge_names_are_not_echoed(sample: tuple[m.Story, Runtime]) -> None:
    story, runtime = sample
    data = save(story, state_at(runtime, [0, 0], "logbook:15"))
    for where in (0, 1, 3):
        broken = through_json(data)
        broken["at"]["step"][where] = "x" * 2_000_000
        with pytest.raises(SnapshotError) as caught:
            snapshot.from_json(story, broken)
        assert len(str(caught.value)) <= 100 and "x" * 41 not in str(caught.value)


# --- fuzzing: only SnapshotError may leave from_json ---

JSON_VALUES = st.recursive(
    st.none() | st.booleans() | st.integers(min_value=-(2**70), max_value=2**70) | st.floats()
    | st.text(max_size=12) | st.sampled_from(["harbor", "lamp_room", "logbook", "stairs", "climb", "entry"]),
    lambda inner: st.lists(inner, max_size=5) | st.dictionaries(st.text(max_size=8), inner, max_size=4),
    max_leaves=10)


def _sample_snapshots() -> list[Any]:
    story = load_story(SAMPLE)
    runtime = Runtime(story)
    return [save(story, state) for choices in PATHS for state, _ in walk(runtime, choices)]


SAMPLE_SNAPSHOTS = _sample_snapshots()


def _paths(value: Any, prefix: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    """Every place in a JSON value (as a tuple of keys / indexes)."""
    found = [prefix]
    if isinstance(value, dict):
        for key, item in value.items():
            found += _paths(item, prefix + (key,))
    elif isinstance(value, list):
        for i, item in enumerate(value):
            found += _paths(item, prefix + (i,))
    return found


@st.composite
def mutated_snapshots(draw: st.DrawFn) -> Any:
    data = through_json(draw(st.sampled_from(SAMPLE_SNAPSHOTS)))
    for _ in range(draw(st.integers(1, 3))):
        places = _paths(data)
        place = draw(st.sampled_from(places))
        if not place:
            return draw(JSON_VALUES)
        parent = data
        for key in place[:-1]:
            parent = parent[key]
        if draw(st.booleans()) and isinstance(parent, dict):
            del parent[place[-1]]
        else:
            parent[place[-1]] = draw(JSON_VALUES)
    return data


@hsettings(max_examples=400, deadline=None)
@given(data=mutated_snapshots())
def test_only_snapshot_errors_leave_from_json(data: Any) -> None:
    story = load_sample_once()
    try:
        restored = snapshot.from_json(story, data)
    except SnapshotError as exc:
        assert len(str(exc)) <= snapshot_ref.MESSAGE_LENGTH
        return
    Runtime(story).present(restored.state)  # what loads also plays on


_LOADED: list[m.Story] = []


def load_sample_once() -> m.Story:
    if not _LOADED:
        _LOADED.append(load_story(SAMPLE))
    return _LOADED[0]


# --- edits of the story: the nearest surviving point, never another option's branch ---

NESTED = ("  - label: top\n"
          "  - narrator: intro\n"
          "  - choice:\n"
          "      - text: One\n"
          "        then:\n"
          "          - label: early\n"
          "          - narrator: early line\n"
          "          - label: inner\n"
          "          - narrator: first\n"
          "          - narrator: second\n"
          "          - ending: done\n"
          "      - text: Two\n"
          "        then:\n"
          "          - narrator: other\n"
          "          - ending: done\n")


def saved_at_text(story: m.Story, choices: list[int], text: str) -> Any:
    for state, event in walk(Runtime(story), choices):
        if isinstance(event, m.Line) and event.text.get("en") == text:
            return save(story, state)
    raise AssertionError(f"{text!r} is not on the playthrough {choices}")


def event_after(story: m.Story, restored: snapshot.Restored) -> Event:
    return Runtime(story).present(restored.state)[1]


def test_a_deleted_label_inside_an_option_keeps_the_unchanged_step(tmp_path: Path) -> None:
    root = tiny_story(tmp_path / "story", {"a": NESTED})
    data = saved_at_text(load_story(root), [0], "second")
    assert data["at"]["step"][1] == "inner"
    tiny_story(root, {"a": NESTED.replace("          - label: inner\n", "")})
    edited = load_story(root)
    restored = snapshot.from_json(edited, data)
    event = event_after(edited, restored)
    assert isinstance(event, m.Line) and event.text.get("en") == "second"
    assert restored.notices == []  # the place did not change
    assert play(Runtime(edited), [], state=restored.state).ending == "done"


def test_a_deleted_label_and_line_go_back_to_the_label_before_them(tmp_path: Path) -> None:
    root = tiny_story(tmp_path / "story", {"a": NESTED})
    data = saved_at_text(load_story(root), [0], "second")
    tiny_story(root, {"a": NESTED.replace("          - label: inner\n", "").replace("second", "rewritten")})
    edited = load_story(root)
    restored = snapshot.from_json(edited, data)
    assert restored.state.pc == edited.scene("a").labels["early"]  # not the start of the scene
    assert len(restored.notices) == 1 and "early" in restored.notices[0]
    assert [line.text.get("en") for line in play(Runtime(edited), [], state=restored.state).lines] == \
        ["early line", "first", "rewritten"]


def test_with_no_label_left_in_the_option_it_goes_back_to_the_choice(tmp_path: Path) -> None:
    root = tiny_story(tmp_path / "story", {"a": NESTED})
    data = saved_at_text(load_story(root), [0], "second")
    tiny_story(root, {"a": NESTED.replace("          - label: inner\n", "").replace("          - label: early\n", "")
                      .replace("second", "rewritten")})
    edited = load_story(root)
    restored = snapshot.from_json(edited, data)
    assert isinstance(event_after(edited, restored), ChoiceEvent)
    assert len(restored.notices) == 1 and "choice" in restored.notices[0]


TWO_BRANCHES = ("  - narrator: intro\n"
                "  - choice:\n"
                "      - text: One\n"
                "        then:\n"
                "          - narrator: same words\n"
                "          - narrator: only in one\n"
                "          - ending: done\n"
                "      - text: Two\n"
                "        then:\n"
                "          - narrator: same words\n"
                "          - narrator: only in two\n"
                "          - ending: done\n"
                "      - text: Three\n"
                "        then:\n"
                "          - narrator: only in three\n"
                "          - ending: done\n"
                "  - narrator: never\n"
                "  - ending: done\n")
WITHOUT_TWO = TWO_BRANCHES.replace("      - text: Two\n        then:\n          - narrator: same words\n"
                                   "          - narrator: only in two\n          - ending: done\n", "")


@pytest.mark.parametrize("text", ["same words", "only in two"])
def test_a_removed_option_goes_back_to_the_choice_not_into_another_branch(tmp_path: Path, text: str) -> None:
    root = tiny_story(tmp_path / "story", {"a": TWO_BRANCHES})
    data = saved_at_text(load_story(root), [1], text)
    tiny_story(root, {"a": WITHOUT_TWO})
    edited = load_story(root)
    restored = snapshot.from_json(edited, data)
    event = event_after(edited, restored)
    assert isinstance(event, ChoiceEvent), event
    assert [o.text.get("en") for o in event.options] == ["One", "Three"]
    assert len(restored.notices) == 1 and "choice" in restored.notices[0]


def test_a_step_in_a_kept_option_survives_the_removal_of_another(tmp_path: Path) -> None:
    root = tiny_story(tmp_path / "story", {"a": TWO_BRANCHES})
    data = saved_at_text(load_story(root), [2], "only in three")
    tiny_story(root, {"a": WITHOUT_TWO})
    edited = load_story(root)
    restored = snapshot.from_json(edited, data)
    event = event_after(edited, restored)
    assert isinstance(event, m.Line) and event.text.get("en") == "only in three"
    assert restored.notices == []


def format_1(story: m.Story, state: State) -> dict[str, Any]:
    """A snapshot as format 1 wrote it: no trail, anchors or options; the digest of the op before."""
    def ref(scene: int, pc: int) -> dict[str, Any]:
        ops = story.scenes[scene].ops
        sid = ops[pc].sid
        assert sid is not None
        before = next((ops[q].sid.digest for q in range(pc - 1, -1, -1) if ops[q].sid is not None), None)  # type: ignore[union-attr]
        what = f"line:{ops[pc].speaker}" if isinstance(ops[pc], m.Line) else type(ops[pc]).__name__  # type: ignore[attr-defined]
        return {"step": sid.as_json(), "pc": pc, "after_step": before, "what": what}

    data: dict[str, Any] = through_json({
        "format": 1, "at": ref(state.scene, state.pc),
        "stack": [{"after": ref(s, p - 1)} for s, p in state.stack],
        "vars": {var.name: value for var, value in zip(story.variables, state.vars)},
        "visited": [key for i, key in enumerate(story.tracked) if state.visited >> i & 1],
    })
    return data


@pytest.mark.parametrize("choices", PATHS[:3], ids=[str(p) for p in PATHS[:3]])
def test_format_1_snapshots_are_still_read(sample: tuple[m.Story, Runtime], choices: list[int]) -> None:
    story, runtime = sample
    for state, event in walk(runtime, choices):
        restored = snapshot.from_json(story, format_1(story, state))
        assert (restored.state, restored.notices) == (state, []), where(event)


def test_format_1_falls_back_to_its_label(tmp_path: Path) -> None:
    root = copy_sample(tmp_path)
    story = load_story(root)
    data = format_1(story, state_at(Runtime(story), [0, 0], "lamp_room:43"))
    edit_lines(root / "scenes/tower/lamp_room.yaml",
               lambda ls: delete_line(ls, 43, "The beam sweeps the sea until morning."))
    edited = load_story(root)
    restored = snapshot.from_json(edited, data)
    assert restored.state.pc == edited.scene("lamp_room").labels["dawn_watch"]
    assert len(restored.notices) == 1 and "dawn_watch" in restored.notices[0]


def test_snapshots_record_their_context(sample: tuple[m.Story, Runtime]) -> None:
    story, runtime = sample
    data = save(story, state_at(runtime, [0, 0], "harbor:19"))  # inside the first option of the harbour choice
    at = data["at"]
    assert data["format"] == 2 and len(at["options"]) == 1 and len(at["trail"]) == snapshot_ref.TRAIL_LENGTH
    choice = story.scene("harbor").ops[at["pc"] - 1]
    assert isinstance(choice, m.Choice) and choice.sid is not None and at["anchors"][0]["choice"][2] == choice.sid.digest
    after = save(story, state_at(runtime, [0, 0], "harbor:30"))["at"]
    assert after["options"] == [] and after["anchors"][0] == {"label": "farewell"}
