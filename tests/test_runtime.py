"""Runtime semantics, checked against tests/fixtures/sample/EXPECTED.md and a few tiny stories."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from game.story import model as m
from game.story.loader import load_story
from game.story.playthrough import play, visible_options
from game.story.runtime import ChoiceEvent, Event, Runtime, State, StoryRuntimeError

SAMPLE = Path(__file__).parent / "fixtures" / "sample"


# --- helpers ---


@pytest.fixture(scope="module")
def runtime() -> Runtime:
    return Runtime(load_story(SAMPLE))


def where(event: Event) -> str:
    """``file:line`` as EXPECTED.md writes it: the scene file name without folders or extension."""
    pos = event.op.pos if isinstance(event, ChoiceEvent) else event.pos
    return f"{Path(pos.file).stem}:{pos.line}"


def walk(runtime: Runtime, choices: list[int]) -> Iterator[tuple[State, Event]]:
    """Every (state at the event, event) of a playthrough, taking visible option ``choices`` in order."""
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


def events_of(runtime: Runtime, choices: list[int]) -> list[tuple[State, Event]]:
    return list(walk(runtime, choices))


def at(runtime: Runtime, choices: list[int], place: str) -> tuple[State, Event]:
    """The (state, event) at ``place`` (``file:line``) on a playthrough; fails if it never comes."""
    for state, event in walk(runtime, choices):
        if where(event) == place:
            return state, event
    raise AssertionError(f"{place} is not on the playthrough {choices}")


def write_story(root: Path, scenes: dict[str, str], start: str = "a", variables: str = "") -> Path:
    """A story with no assets (narrator lines only), one ending `done`."""
    (root / "scenes").mkdir(parents=True)
    (root / "story.yaml").write_text(
        f"title: Tiny\nlanguages: [en]\nstart: {start}\n{variables}endings:\n  done: {{title: Done}}\n",
        encoding="utf-8")
    for scene_id, script in scenes.items():
        (root / "scenes" / f"{scene_id}.yaml").write_text(
            f"scene: {scene_id}\ntitle: {scene_id}\nscript:\n{script}", encoding="utf-8")
    return root


# --- every playthrough of EXPECTED.md ---

PLAYTHROUGHS = [
    ([0, 0], "dawn", 3, True, "storm",
     "harbor:12 harbor:13 harbor:14 harbor:19 harbor:30 stairs:7 logbook:8 logbook:15 stairs:12 "
     "lamp_room:12 lamp_room:31 lamp_room:43"),
    ([0, 1], "shipwreck", 3, False, "storm",
     "harbor:12 harbor:13 harbor:14 harbor:19 harbor:30 stairs:7 logbook:8 logbook:15 stairs:12 "
     "lamp_room:12 lamp_room:31 lamp_room:39"),
    ([1, 0], "shipwreck", 1, True, "fog",
     "harbor:12 harbor:13 harbor:14 harbor:23 lamp_room:14 lamp_room:33 lamp_room:39"),
    ([1, 1], "lost_in_fog", 1, False, "fog",
     "harbor:12 harbor:13 harbor:14 harbor:23 lamp_room:14 lamp_room:46"),
    ([1, 2], "shipwreck", 1, False, "fog",
     "harbor:12 harbor:13 harbor:14 harbor:23 lamp_room:14 lamp_room:33 lamp_room:39"),
    ([2, 0], "dawn", 3, True, "calm",
     "harbor:12 harbor:13 harbor:14 harbor:30 stairs:7 logbook:7 logbook:8 logbook:17 stairs:12 "
     "lamp_room:12 lamp_room:31 lamp_room:43"),
    ([2, 1], "shipwreck", 3, False, "calm",
     "harbor:12 harbor:13 harbor:14 harbor:30 stairs:7 logbook:7 logbook:8 logbook:17 stairs:12 "
     "lamp_room:12 lamp_room:31 lamp_room:39"),
]
PATHS = [p[0] for p in PLAYTHROUGHS]


@pytest.mark.parametrize("choices, ending, oil, lamp_lit, weather, lines", PLAYTHROUGHS,
                         ids=[str(p[0]) for p in PLAYTHROUGHS])
def test_playthrough(runtime: Runtime, choices: list[int], ending: str, oil: int, lamp_lit: bool,
                     weather: str, lines: str) -> None:
    result = play(runtime, choices)
    assert result.ending == ending
    assert result.choices == choices
    assert result.state is not None
    assert runtime.variables(result.state) == {"oil": oil, "lamp_lit": lamp_lit, "weather": weather}
    assert [where(line) for line in result.lines] == lines.split()
    assert isinstance(result.events[-1], m.Ending) and result.events[-1].ending == ending


def test_every_playthrough_makes_exactly_two_choices(runtime: Runtime) -> None:
    for choices in PATHS:
        assert sum(isinstance(e, ChoiceEvent) for _, e in walk(runtime, choices)) == 2


def test_running_out_of_choices_stops_at_the_choice(runtime: Runtime) -> None:
    result = play(runtime, [0])
    assert result.ending is None
    assert isinstance(result.events[-1], ChoiceEvent) and where(result.events[-1]) == "lamp_room:15"


# --- control flow ---


def places(runtime: Runtime, choices: list[int]) -> list[str]:
    return [where(e) for _, e in walk(runtime, choices)]


@pytest.mark.parametrize("choices", [[0, 0], [0, 1]])
def test_option_then_falls_through_below_the_choice(runtime: Runtime, choices: list[int]) -> None:
    seen = places(runtime, choices)
    i = seen.index("harbor:19")
    assert seen[i - 1] == "harbor:15"
    assert seen[i + 1:i + 5] == ["harbor:27", "harbor:28", "harbor:30", "stairs:4"]


@pytest.mark.parametrize("choices", [[2, 0], [2, 1]])
def test_option_without_then_falls_through(runtime: Runtime, choices: list[int]) -> None:
    seen = places(runtime, choices)
    i = seen.index("harbor:15")
    assert seen[i + 1:i + 5] == ["harbor:27", "harbor:28", "harbor:30", "stairs:4"]


@pytest.mark.parametrize("choices", [[1, 0], [1, 1], [1, 2]])
def test_option_then_and_goto(runtime: Runtime, choices: list[int]) -> None:
    events = events_of(runtime, choices)
    seen = [where(e) for _, e in events]
    i = seen.index("harbor:23")
    # then goto stairs.climb: `if visited('harbor.farewell')` is false there, so the wait at stairs:14
    assert seen[i + 1:i + 3] == ["stairs:14", "lamp_room:4"]
    for skipped in ("harbor:27", "harbor:28", "harbor:30", "stairs:4", "stairs:7"):
        assert skipped not in seen
    assert not any(Path(e.pos.file).stem == "logbook" for _, e in events if not isinstance(e, ChoiceEvent))
    assert not any(isinstance(e, m.Hide) and e.character == "tomas" for _, e in events)
    assert all(state.stack == () for state, _ in events)
    assert all(runtime.variables(state)["oil"] == 1 for state, _ in events)


def test_nested_call_and_returns(runtime: Runtime) -> None:
    story = runtime.story
    stairs, logbook = story.scene_index["stairs"], story.scene_index["logbook"]
    events = events_of(runtime, [0, 0])
    depth = {where(e): len(s.stack) for s, e in events}
    assert depth["stairs:7"] == 0
    assert depth["logbook:8"] == 1  # called from stairs:8
    assert depth["logbook:15"] == 2  # called again from logbook:10
    assert depth["stairs:12"] == 0  # both returns done
    assert depth["lamp_room:43"] == 0
    state, _ = at(runtime, [0, 0], "logbook:15")
    (s1, pc1), (s2, pc2) = state.stack
    assert (s1, s2) == (stairs, logbook)
    assert isinstance(story.scenes[s1].ops[pc1 - 1], m.Call)
    assert story.scenes[s1].ops[pc1 - 1].pos.line == 8
    assert isinstance(story.scenes[s2].ops[pc2 - 1], m.Call)
    assert story.scenes[s2].ops[pc2 - 1].pos.line == 10
    seen = [where(e) for _, e in events]
    # logbook:18 returns to logbook:11, which returns to stairs:9 (label climb)
    assert seen[seen.index("logbook:15") + 1] == "stairs:12"


@pytest.mark.parametrize("choices, first, second", [
    ([0, 0], "lamp_room:12", "lamp_room:31"),  # oil == 3; visited('logbook')
    ([1, 0], "lamp_room:14", "lamp_room:33"),  # oil == 1; logbook never called
    ([2, 0], "lamp_room:12", "lamp_room:31"),
])
def test_if_else(runtime: Runtime, choices: list[int], first: str, second: str) -> None:
    lines = [where(line) for line in play(runtime, choices).lines]
    assert first in lines and second in lines
    other = {"lamp_room:12": "lamp_room:14", "lamp_room:14": "lamp_room:12",
             "lamp_room:31": "lamp_room:33", "lamp_room:33": "lamp_room:31"}
    assert other[first] not in lines and other[second] not in lines


def test_if_else_on_enum(runtime: Runtime) -> None:
    assert "logbook:15" in places(runtime, [0, 0]) and "logbook:17" not in places(runtime, [0, 0])
    assert "logbook:17" in places(runtime, [2, 0]) and "logbook:15" not in places(runtime, [2, 0])


def test_add_clamps_at_min(runtime: Runtime) -> None:
    state, event = at(runtime, [2, 0], "harbor:15")
    after = runtime.choose(state, visible_options(event)[2])  # oil 1 + (-9)
    assert runtime.variables(after)["oil"] == 0
    state, _ = at(runtime, [2, 0], "logbook:7")  # "bone dry" only shows when oil == 0
    assert runtime.variables(state)["oil"] == 0


@pytest.mark.parametrize("choices", [[0, 0], [2, 0]])
def test_add_clamps_at_max(runtime: Runtime, choices: list[int]) -> None:
    before, _ = at(runtime, choices, "logbook:8")
    assert runtime.variables(before)["oil"] in (0, 1)
    after, _ = at(runtime, choices, "logbook:15" if choices[0] == 0 else "logbook:17")  # after add 5
    assert runtime.variables(after)["oil"] == 3


def test_set_effects_of_options(runtime: Runtime) -> None:
    for index, weather in enumerate(["storm", "fog", "calm"]):
        state, event = at(runtime, [index, 0], "harbor:15")
        after = runtime.choose(state, visible_options(event)[index])
        assert runtime.variables(after)["weather"] == weather
        assert runtime.variables(state)["weather"] == "calm"  # the state at the choice is untouched


# --- visited() ---


def test_tracked_keys_are_the_ones_conditions_read(runtime: Runtime) -> None:
    assert set(runtime.story.tracked) == {"logbook", "harbor.farewell"}


@pytest.mark.parametrize("choices", [[0, 0], [2, 1]])
def test_visited_when_falling_through_the_label_and_calling(runtime: Runtime, choices: list[int]) -> None:
    keys = {where(e): set(runtime.visited_keys(s)) for s, e in walk(runtime, choices)}
    assert keys["harbor:28"] == set()  # before the label farewell
    assert keys["harbor:30"] == {"harbor.farewell"}  # fell through harbor:29
    assert keys["stairs:7"] == {"harbor.farewell"}  # logbook not called yet
    assert keys["logbook:8"] == {"harbor.farewell", "logbook"}  # the call at stairs:8
    assert keys["lamp_room:31"] == {"harbor.farewell", "logbook"}


@pytest.mark.parametrize("choices", [[1, 0], [1, 1], [1, 2]])
def test_not_visited_when_jumped_past(runtime: Runtime, choices: list[int]) -> None:
    assert all(runtime.visited_keys(s) == [] for s, _ in walk(runtime, choices))


def test_visited_label_by_goto_and_scene_by_start(tmp_path: Path) -> None:
    root = write_story(tmp_path / "story", {
        "a": ("  - if: visited('a')\n    then:\n      - narrator: at start\n"
              "  - if: visited('b.mid')\n    then:\n      - narrator: too early\n"
              "  - goto: b.mid\n"),
        "b": ("  - narrator: top of b\n  - label: mid\n"
              "  - if: visited('b.mid') and visited('b')\n    then:\n      - narrator: passed mid\n"
              "    else:\n      - narrator: missed mid\n  - ending: done\n"),
    })
    rt = Runtime(load_story(root))
    result = play(rt, [])
    assert [line.text.get("en") for line in result.lines] == ["at start", "passed mid"]
    assert set(rt.visited_keys(result.state)) == {"a", "b", "b.mid"}


def test_visited_label_by_a_call_into_it(tmp_path: Path) -> None:
    root = write_story(tmp_path / "story", {
        "a": ("  - if: visited('b.mid')\n    then:\n      - narrator: too early\n"
              "  - call: b.mid\n"
              "  - if: visited('b.mid')\n    then:\n      - narrator: passed\n"
              "    else:\n      - narrator: missed\n  - ending: done\n"),
        "b": "  - narrator: top of b\n  - label: mid\n  - narrator: in mid\n  - return\n",
    })
    rt = Runtime(load_story(root))
    result = play(rt, [])
    assert result.ending == "done"
    assert [line.text.get("en") for line in result.lines] == ["in mid", "passed"]
    assert set(rt.visited_keys(result.state)) == {"b.mid"}


# --- timed choice ---


@pytest.mark.parametrize("first, visible", [(0, [0, 2]), (1, [0, 1, 2]), (2, [0, 2])])
def test_timed_choice_event(runtime: Runtime, first: int, visible: list[int]) -> None:
    state, event = at(runtime, [first, 0], "lamp_room:15")
    assert isinstance(event, ChoiceEvent)
    assert event.timeout == 5
    assert event.default == 2  # default: 3 (1-based, over declared options) = "Watch the sea"
    assert visible_options(event) == visible
    assert [o.index for o in event.options] == visible
    by_index = {o.index: o.text.get("en") for o in event.options}
    assert by_index[event.default] == "Watch the sea a while longer."
    # timing out takes the default, the same as picking "Watch the sea"
    timed_out = play(runtime, [], state=runtime.choose(state, event.default))
    watched = play(runtime, [first, visible.index(2)])
    assert timed_out.ending == watched.ending == "shipwreck"


def test_untimed_choice_has_no_timeout(runtime: Runtime) -> None:
    _, event = at(runtime, [0, 0], "harbor:15")
    assert isinstance(event, ChoiceEvent)
    assert event.timeout is None and event.default is None
    assert visible_options(event) == [0, 1, 2]


def test_choose_a_hidden_option_raises(runtime: Runtime) -> None:
    state, _ = at(runtime, [0, 0], "lamp_room:15")  # weather storm: "Sound the fog horn" (1) hidden
    with pytest.raises(ValueError):
        runtime.choose(state, 1)
    with pytest.raises(ValueError):
        runtime.choose(state, 3)  # no such option
    fog_state, _ = at(runtime, [1, 0], "lamp_room:15")
    assert runtime.choose(fog_state, 1) != fog_state  # visible on the fog path


# --- presentation events ---

PRESENTATION = [
    ([0, 0], "harbor:4", m.Background, {"name": "harbor_dusk", "transition": "cut"}),
    ([0, 0], "stairs:4", m.Background, {"name": "stairwell", "transition": "fade", "time": 0.5}),
    ([0, 0], "lamp_room:4", m.Background, {"name": "lamp_room", "transition": "dissolve", "time": 1.0}),
    ([0, 0], "harbor:6", m.Music, {"name": "waves"}),
    ([0, 0], "lamp_room:7", m.Music, {"name": None}),
    ([0, 0], "lamp_room:42", m.Music, {"name": "dawn_theme"}),
    ([0, 0], "harbor:7", m.Show, {"character": "tomas", "look": "worried", "at": "left"}),
    ([0, 0], "harbor:10", m.Show, {"character": "mira", "look": "neutral", "at": "right"}),
    ([0, 0], "lamp_room:8", m.Show, {"character": "mira", "look": "neutral", "at": "center"}),
    ([0, 0], "harbor:27", m.Sfx, {"name": "bell"}),
    ([1, 1], "lamp_room:24", m.Sfx, {"name": "fog_horn"}),
    ([0, 1], "lamp_room:37", m.Sfx, {"name": "thunder"}),
    ([0, 0], "harbor:28", m.Hide, {"character": "tomas"}),
    ([0, 1], "lamp_room:38", m.Hide, {"character": "mira"}),
    ([1, 0], "stairs:14", m.Wait, {"seconds": 1.5}),
    ([0, 1], "lamp_room:28", m.Wait, {"seconds": 2}),
    ([0, 0], "harbor:13", m.Line, {"speaker": "tomas", "look": "worried"}),
    ([0, 0], "harbor:14", m.Line, {"speaker": "mira", "look": None}),
    ([0, 0], "harbor:12", m.Line, {"speaker": "narrator", "look": None}),
    ([1, 1], "lamp_room:46", m.Line, {"speaker": "tomas", "look": None}),
    ([1, 1], "lamp_room:47", m.Ending, {"ending": "lost_in_fog"}),
]


@pytest.mark.parametrize("choices, place, kind, fields", PRESENTATION,
                         ids=[f"{p[1]}-{p[2].__name__}" for p in PRESENTATION])
def test_presentation_event(runtime: Runtime, choices: list[int], place: str, kind: type,
                            fields: dict[str, object]) -> None:
    _, event = at(runtime, choices, place)
    assert type(event) is kind
    for name, value in fields.items():
        assert getattr(event, name) == value, name


def test_line_texts(runtime: Runtime) -> None:
    _, event = at(runtime, [0, 0], "harbor:14")
    assert isinstance(event, m.Line)
    assert event.text.get("en") == "Then the lamp has to burn until morning."
    assert event.text.get("ko") == "Then the lamp has to burn until morning."  # shown in the primary language
    assert not event.text.has("ko")
    _, event = at(runtime, [0, 0], "harbor:12")
    assert event.text.get("ko") == "해가 지자 갈매기들이 항구 위를 맴돈다."


def test_event_sequence_of_a_playthrough(runtime: Runtime) -> None:
    kinds = [(type(e).__name__, where(e)) for _, e in walk(runtime, [1, 1])]
    assert kinds == [
        ("Background", "harbor:4"), ("Music", "harbor:6"), ("Show", "harbor:7"), ("Show", "harbor:10"),
        ("Line", "harbor:12"), ("Line", "harbor:13"), ("Line", "harbor:14"), ("ChoiceEvent", "harbor:15"),
        ("Line", "harbor:23"), ("Wait", "stairs:14"), ("Background", "lamp_room:4"), ("Music", "lamp_room:7"),
        ("Show", "lamp_room:8"), ("Line", "lamp_room:14"), ("ChoiceEvent", "lamp_room:15"),
        ("Sfx", "lamp_room:24"), ("Line", "lamp_room:46"), ("Ending", "lamp_room:47"),
    ]


# --- states and purity ---


def test_state_is_hashable_and_equal_states_hash_equal(runtime: Runtime) -> None:
    a, b = runtime.start(), runtime.start()
    assert a == b and hash(a) == hash(b)
    end_a, end_b = play(runtime, [0, 0]).state, play(runtime, [0, 0]).state
    assert end_a == end_b and hash(end_a) == hash(end_b)
    assert end_a is not end_b
    assert len({a, b, end_a, end_b, play(runtime, [1, 1]).state}) == 3


def test_present_is_pure_and_deterministic(runtime: Runtime) -> None:
    for choices in PATHS:
        for state, event in walk(runtime, choices):
            for probe in (state, runtime.start()):
                copy = State(*probe)
                first = runtime.present(probe)
                second = runtime.present(probe)
                assert first == second
                assert probe == copy  # never mutated
            assert runtime.present(state) == (state, event)  # at an event: that event again, state unchanged


def test_present_runs_silent_ops_up_to_the_event(runtime: Runtime) -> None:
    state, _event = at(runtime, [0, 0], "harbor:28")
    after = runtime.advance(state)  # at the label farewell, a silent op
    assert after != state
    moved, presented = runtime.present(after)
    assert where(presented) == "harbor:30"
    assert moved != after
    assert runtime.present(moved) == (moved, presented)


def test_advance_at_a_choice_or_ending_raises(runtime: Runtime) -> None:
    state, _ = at(runtime, [0, 0], "harbor:15")
    with pytest.raises(ValueError):
        runtime.advance(state)
    end, _ = at(runtime, [0, 0], "lamp_room:44")
    with pytest.raises(ValueError):
        runtime.advance(end)


def test_choose_at_a_line_raises(runtime: Runtime) -> None:
    state, _ = at(runtime, [0, 0], "harbor:12")
    with pytest.raises(ValueError):
        runtime.choose(state, 0)


def test_start_at_a_label(runtime: Runtime) -> None:
    story = runtime.story
    state = runtime.start(at="stairs.climb")
    assert state.scene == story.scene_index["stairs"]
    assert state.pc == story.scene("stairs").labels["climb"]
    assert state.stack == ()
    _, event = runtime.present(state)
    assert where(event) == "stairs:14" and isinstance(event, m.Wait) and event.seconds == 1.5
    result = play(runtime, [0], state=state)
    assert result.ending == "shipwreck"  # oil 1, lamp lit: not enough for dawn
    assert [where(line) for line in result.lines] == ["lamp_room:14", "lamp_room:33", "lamp_room:39"]


def test_start_at_a_scene_and_with_variables(runtime: Runtime) -> None:
    state = runtime.start(at="lamp_room", variables={"oil": 3, "weather": "fog"})
    assert runtime.variables(state) == {"oil": 3, "lamp_lit": False, "weather": "fog"}
    result = play(runtime, [0], state=state)
    assert result.ending == "dawn"
    assert [where(line) for line in result.lines] == ["lamp_room:12", "lamp_room:33", "lamp_room:43"]


@pytest.mark.parametrize("variables", [{"oil": 9}, {"oil": -1}, {"oil": True}, {"lamp_lit": 1},
                                       {"weather": "snow"}])
def test_start_with_invalid_variables_raises(runtime: Runtime, variables: dict[str, object]) -> None:
    with pytest.raises(ValueError):
        runtime.start(variables=variables)


def test_start_with_unknown_names_raises(runtime: Runtime) -> None:
    with pytest.raises(KeyError):
        runtime.start(variables={"fuel": 1})
    with pytest.raises(KeyError):
        runtime.start(at="stairs.basement")


# --- runtime errors ---


def test_return_with_no_call_is_an_error(tmp_path: Path) -> None:
    root = write_story(tmp_path / "story", {"a": "  - narrator: hello\n  - return\n"})
    rt = Runtime(load_story(root))
    state, event = rt.present(rt.start())
    assert isinstance(event, m.Line)
    with pytest.raises(StoryRuntimeError) as info:
        rt.present(rt.advance(state))
    assert "return" in str(info.value)
    assert info.value.pos is not None and (info.value.pos.file, info.value.pos.line) == ("scenes/a.yaml", 5)


def test_calls_nest_at_most_16_deep(tmp_path: Path) -> None:
    root = write_story(tmp_path / "story", {"a": "  - narrator: again\n  - call: a\n  - ending: done\n"})
    rt = Runtime(load_story(root))
    state = rt.start()
    depths = []
    with pytest.raises(StoryRuntimeError) as info:
        while True:
            state, event = rt.present(state)
            assert isinstance(event, m.Line)
            depths.append(len(state.stack))
            state = rt.advance(state)
    assert depths == list(range(m.MAX_CALL_DEPTH + 1))  # 16 calls work, the 17th fails
    assert "16" in str(info.value)
    assert info.value.pos is not None and info.value.pos.line == 5


def test_silent_loop_is_an_error(tmp_path: Path) -> None:
    root = write_story(tmp_path / "story", {
        "s": "  - narrator: before\n  - label: a\n  - goto: a\n  - ending: done\n"}, start="s")
    rt = Runtime(load_story(root))
    state, _ = rt.present(rt.start())
    with pytest.raises(StoryRuntimeError) as info:
        rt.present(rt.advance(state))
    assert "loop" in str(info.value)


@pytest.mark.parametrize("name, here, meant", [
    ("harbor", None, ("harbor", None)),  # a scene
    ("harbor", "stairs", ("harbor", None)),  # a scene even from another scene
    ("lamp_room.top", None, ("lamp_room", "top")),  # scene.label
    ("top", "lamp_room", ("lamp_room", "top")),  # no scene of that name: a label here
    ("nowhere", None, ("nowhere", None)),  # left for the caller to refuse
])
def test_one_rule_reads_goto_names(name: str, here: str | None, meant: tuple[str, str | None]) -> None:
    scenes = {"harbor", "stairs", "lamp_room"}
    assert m.split_target(name, here, scenes.__contains__) == meant


def test_warp_names_resolve_as_gotos_do(runtime: Runtime) -> None:
    story = runtime.story
    for scene in story.scenes:
        assert story.resolve(scene.id) is not None
        for label in scene.labels:
            assert story.resolve(f"{scene.id}.{label}") is not None
            assert story.resolve(label, scene.id) is not None
    assert story.resolve("no_such_scene") is None
    assert story.resolve("harbor.no_such_label") is None
