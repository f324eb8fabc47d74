"""The player's time machine, by the rules and headless: what counts as seen, warps, routes, marks, skipping.

The play controller (game/play) is driven directly on the sample story and on
the shipped one; the flowchart's seen / unseen sets are compared with the
nodes an independent replay of the same choices runs through the runtime.
"""

from __future__ import annotations

import shutil
from collections.abc import Sequence
from pathlib import Path

import pytest

from game.check.flowchart import Flowchart, build_flowchart, node_positions
from game.check.replay import read_replay
from game.paths import shipped_story
from game.persist.progress import Progress, load_progress, save_progress
from game.persist.settings import Settings
from game.play.chronicle import relocate_record
from game.play.controller import TIMER_GRACE, TIMER_HINT, PlayController
from game.play.flowview import LOCKED, STUB, TAKEN, PlayerChart
from game.play.warp import WarpError, warp
from game.story import model as m
from game.story.loader import load_story
from game.story.runtime import ChoiceEvent, MapEvent, Runtime

TESTS = Path(__file__).parent
SAMPLE = TESTS / "fixtures" / "sample"
PLAYTHROUGHS = TESTS / "playthroughs"
HARBOR_CHOICE = "choice:harbor.+7#10d2741ecf"
LAMP_CHOICE = "choice:lamp_room.+6#891eaec17a"
DAWN = ["Promise to keep the lamp lit.", "Light the lamp."]
FOG = ["Say the fog worries you more.", "Sound the fog horn."]


@pytest.fixture(scope="module")
def sample() -> m.Story:
    return load_story(SAMPLE)


@pytest.fixture(scope="module")
def shipped() -> m.Story:
    return load_story(shipped_story())


def pick(event: ChoiceEvent | MapEvent, wanted: int | str, lang: str = "en") -> int:
    if isinstance(event, ChoiceEvent):
        shown = [(o.index, o.text.get(lang)) for o in event.options]
    else:
        shown = [(h.index, h.hotspot.name) for h in event.hotspots]
    if isinstance(wanted, int):
        return shown[wanted][0]
    return next(index for index, text in shown if text == wanted)


def play(controller: PlayController, choices: Sequence[int | str], lang: str = "en") -> PlayController:
    """Advance and choose until an ending (or the choices run out at a decision)."""
    queue = list(choices)
    for _ in range(20_000):
        event = controller.current.event
        if isinstance(event, m.Ending):
            return controller
        decision = controller.current.beat.decision
        if decision is not None:
            if not queue:
                return controller
            controller.choose(pick(decision, queue.pop(0), lang))
        else:
            controller.advance()
    raise AssertionError("no ending")


def new_game(story: m.Story, progress: Progress, **settings: object) -> PlayController:
    return PlayController.new_game(story, Settings(**settings), progress)  # type: ignore[arg-type]


def replayed_nodes(story: m.Story, chart: Flowchart, choices: Sequence[int | str], lang: str = "en") -> set[str]:
    """The chart's nodes an independent run of the runtime passes with these choices (its coverage)."""
    runtime = Runtime(story)
    trace = runtime.new_trace()
    state = runtime.start()
    queue = list(choices)
    reached: set[str] = set()
    while True:
        state, event = runtime.present(state, trace)
        if isinstance(event, (ChoiceEvent, MapEvent)):
            state = runtime.choose(state, pick(event, queue.pop(0), lang))
        elif isinstance(event, m.Ending):
            reached.add(f"ending:{event.ending}")
            break
        else:
            state = runtime.advance(state)
    for (scene, pc), keys in node_positions(story).items():
        if trace[scene][pc]:
            reached.update(key for key in keys if key in chart.nodes)
    return reached


# --- what counts as seen ---


def test_the_sample_flowchart_after_one_ending_is_exactly_the_way_played(sample: m.Story) -> None:
    progress = Progress()
    play(new_game(sample, progress), DAWN)
    chart = PlayerChart(build_flowchart(sample), sample, progress)
    assert chart.seen_keys() == {"harbor", HARBOR_CHOICE, "harbor.farewell", "stairs", "logbook.entry",
                                 "logbook.note", "stairs.climb", "lamp_room", LAMP_CHOICE, "lamp_room.dawn_watch",
                                 "ending:dawn"}
    assert set(chart.chart.nodes) - chart.seen_keys() == {"lamp_room.fog_signal", "ending:shipwreck",
                                                          "ending:lost_in_fog"}
    fork = chart.chart.forks[HARBOR_CHOICE]
    assert [chart.option_state(HARBOR_CHOICE, i) for i in range(3)] == [TAKEN, STUB, STUB]
    states = {(e.dst, e.option): chart.edge_state(e) for e in chart.chart.edges_from(LAMP_CHOICE)}
    assert states == {("lamp_room.dawn_watch", 0): TAKEN, ("ending:shipwreck", 0): STUB,
                      ("lamp_room.fog_signal", 1): LOCKED,  # hidden at that choice: never seen
                      ("lamp_room.dawn_watch", 2): STUB, ("ending:shipwreck", 2): STUB}
    assert progress.options_taken == {fork.option_keys[0], chart.chart.forks[LAMP_CHOICE].option_keys[0]}
    assert progress.tracks_heard == {"waves", "dawn_theme"} and progress.endings_seen == {"dawn"}


@pytest.mark.parametrize("name", ["sample_dawn", "sample_lost_in_fog", "sample_shipwreck", "shipped_new_orbit",
                                  "shipped_reunion", "shipped_same_sky", "shipped_signal_lost"])
def test_seen_and_unseen_match_a_replayed_history(name: str, sample: m.Story, shipped: m.Story) -> None:
    replay = read_replay(PLAYTHROUGHS / f"{name}.yaml", shipped_story())
    story = sample if name.startswith("sample") else shipped
    chart = build_flowchart(story)
    progress = Progress()
    played = play(new_game(story, progress), replay.choices, replay.language)
    assert played.ended == replay.ending
    expected = replayed_nodes(story, chart, replay.choices, replay.language)
    view = PlayerChart(chart, story, progress)
    assert view.seen_keys() == expected
    assert f"ending:{replay.ending}" in expected and len(set(chart.nodes) - expected) > 0


def test_all_four_shipped_endings_see_every_ending_and_a_passage_per_seen_node(shipped: m.Story) -> None:
    progress = Progress()
    chart = build_flowchart(shipped)
    union: set[str] = set()
    for name in ("new_orbit", "reunion", "same_sky", "signal_lost"):
        replay = read_replay(PLAYTHROUGHS / f"shipped_{name}.yaml", shipped_story())
        play(new_game(shipped, progress), replay.choices, replay.language)
        union |= replayed_nodes(shipped, chart, replay.choices, replay.language)
    view = PlayerChart(chart, shipped, progress)
    assert view.seen_keys() == union
    assert {k for k in union if k.startswith("ending:")} == {f"ending:{e}" for e in shipped.endings}
    assert all(view.routes(key) for key in union if not key.startswith("ending:"))
    assert set(progress.finales) == set(shipped.endings)


# --- warps ---


def test_a_warp_plays_on_with_the_state_the_player_had_there(sample: m.Story) -> None:
    progress = Progress()
    play(new_game(sample, progress), DAWN)
    chart = PlayerChart(build_flowchart(sample), sample, progress)
    [route] = chart.routes("harbor.farewell")
    warped, notices = warp(sample, route.passage, Settings(), progress)
    assert notices == [] and warped.current.line is not None
    assert warped.current.line.text.get("en") == "Safe home, Tomas."
    assert Runtime(sample).variables(warped.current.state)["weather"] == "storm"
    assert warped.current.presentation.background == "harbor_dusk"
    assert warped.route() == route.passage.route
    # a warp to a choice stops at the choice, and what is played from there keeps the route
    [at_lamp] = chart.routes(LAMP_CHOICE)
    warped, _ = warp(sample, at_lamp.passage, Settings(), progress)
    assert isinstance(warped.current.event, ChoiceEvent) and warped.current_node() == LAMP_CHOICE
    play(warped, ["Watch the sea a while longer."])
    assert warped.ended == "shipwreck"  # the lamp left dark
    assert warped.route() == at_lamp.passage.route + (chart.chart.forks[LAMP_CHOICE].option_keys[2],)


def test_a_node_reached_by_two_routes_offers_both_labelled_by_their_choices(sample: m.Story) -> None:
    progress = Progress()
    play(new_game(sample, progress), DAWN)
    play(new_game(sample, progress), FOG)
    chart = PlayerChart(build_flowchart(sample), sample, progress)
    routes = chart.routes("stairs.climb")
    assert [[t.get("en") for t in r.decisions] for r in routes] == [["Say the fog worries you more."],
                                                                   ["Promise to keep the lamp lit."]]
    assert [[t.get("ko") for t in r.decisions] for r in routes] == [["안개가 더 걱정이라고 말한다."],
                                                                   ["등불을 지키겠다고 약속한다."]]
    fog, promise = (warp(sample, r.passage, Settings(), progress)[0] for r in routes)
    assert Runtime(sample).variables(fog.current.state)["weather"] == "fog"
    assert Runtime(sample).variables(promise.current.state)["weather"] == "storm"


def test_a_warp_that_no_longer_fits_says_so(sample: m.Story) -> None:
    progress = Progress()
    play(new_game(sample, progress), DAWN)
    passage = progress.passages["harbor.farewell"][0]
    broken = type(passage)(passage.route, {**passage.snapshot, "at": {"step": ["gone", None, 0, "ab"]}},
                           passage.presentation)
    with pytest.raises(WarpError, match="no longer fits the story: the scene 'gone' is no longer"):
        warp(sample, broken, Settings(), progress)


# --- back to the last choice, skipping to the next ---


def test_back_to_the_last_choice_lands_on_the_choice(sample: m.Story) -> None:
    play_ = new_game(sample, Progress())
    assert play_.back_to_last_choice() is None  # no choice yet
    play(play_, ["Give Tomas your spare oil."])
    for _ in range(3):
        play_.advance()
    shown = play_.back_to_last_choice()
    assert shown is not None and isinstance(shown.event, ChoiceEvent) and play_.current_node() == HARBOR_CHOICE
    assert shown.instant and play_.timer is None
    play_.choose(pick(shown.event, "Say the fog worries you more."))  # choosing again drops the old future
    assert play_.current.line is not None and play_.current.line.text.get("en") == "Fog hides more than storms do."


def test_skip_to_choice_stops_at_unread_text_unless_skip_unread(sample: m.Story) -> None:
    progress = Progress()
    first = new_game(sample, progress)
    shown = first.skip_to_choice()
    assert shown is not None and not shown.instant  # the second line is unread: shown as a line is
    assert first.current.line is not None and first.current.line.text.get("en") == "There's weather coming in tonight, Mira."
    play(first, DAWN)
    second = new_game(sample, progress)  # every line up to the choice is read now
    shown = second.skip_to_choice()
    assert shown is not None and isinstance(shown.event, ChoiceEvent) and second.current_node() == HARBOR_CHOICE
    assert second.skip_to_choice() is None  # at a choice: nothing to skip
    unread = new_game(sample, Progress(), skip_unread=True)
    shown = unread.skip_to_choice()
    assert shown is not None and isinstance(shown.event, ChoiceEvent)
    assert len(unread.session.history) == 4  # each line passed is in the history (rollback, the backlog)


def test_skipping_never_passes_a_timed_choice_silently(sample: m.Story) -> None:
    seasoned = Progress(hints_shown={TIMER_HINT})  # a player's first timed choice waits longer (test_controller)
    play_ = PlayController.new_game(sample, Settings(skip_unread=True), seasoned, "lamp_room")
    shown = play_.skip_to_choice()
    assert shown is not None and isinstance(shown.event, ChoiceEvent) and shown.event.timeout == 5
    timer = play_.timer
    assert timer is not None and timer.grace == TIMER_GRACE
    for _ in range(int(TIMER_GRACE / 0.1)):
        assert play_.tick(0.1, ready=True) is None
    assert isinstance(play_.current.event, ChoiceEvent)  # still waiting for the player


# --- marks ---


def test_marks_appear_after_a_second_playthrough(sample: m.Story) -> None:
    progress = Progress()
    first = new_game(sample, progress)
    play(first, [])
    assert [(mk.taken, mk.new) for mk in first.option_marks()] == [(False, True), (False, True), (False, True)]
    play(first, DAWN)
    second = new_game(sample, progress)
    play(second, [])
    marks = second.option_marks()
    assert [mk.taken for mk in marks] == [True, False, False]
    # the fog option has lines never read; the oil option leads only where the player has been
    assert [mk.new for mk in marks] == [False, True, False]


# --- the record after a story edit ---


ABOVE = ("  - mira: Then the lamp has to burn until morning.\n",
         "  - mira: Then the lamp has to burn until morning.\n  - narrator: The wind rises.\n")
OPTION = ("Promise to keep the lamp lit.\", ko:", "Promise to keep the lamp burning.\", ko:")


@pytest.mark.parametrize("edits", [[ABOVE], [OPTION], [ABOVE, OPTION]], ids=["line-above", "option-edited", "both"])
def test_the_record_follows_the_story_through_an_edit(tmp_path: Path, sample: m.Story,
                                                       edits: list[tuple[str, str]]) -> None:
    progress = Progress()
    play(new_game(sample, progress), DAWN)
    path = tmp_path / "progress.json"
    save_progress(path, progress)
    edited_root = tmp_path / "story"
    shutil.copytree(SAMPLE, edited_root)
    harbor = edited_root / "scenes" / "harbor.yaml"
    text = harbor.read_text()
    for old, new in edits:
        assert old in text
        text = text.replace(old, new)
    harbor.write_text(text)
    edited = load_story(edited_root)
    loaded, warnings = load_progress(path)
    assert warnings == []
    assert relocate_record(loaded, edited) > 0
    chart = PlayerChart(build_flowchart(edited), edited, loaded)
    [choice] = [key for key in chart.chart.forks if key.startswith("choice:harbor")]
    assert choice != HARBOR_CHOICE and chart.seen(choice)  # the same choice, under its new identity
    # the options whose text is unchanged keep their marks; an edited one is new again
    assert chart.option_state(choice, 0) == (LOCKED if OPTION in edits else TAKEN)
    assert [chart.option_state(choice, i) for i in (1, 2)] == [STUB, STUB]
    [route] = chart.routes("harbor.farewell")
    # a route names its decisions by the options' texts; an option edited since cannot be named any more
    assert [t.get("en") for t in route.decisions] == ([] if OPTION in edits else ["Promise to keep the lamp lit."])
    warped, notices = warp(edited, route.passage, Settings(), loaded)
    assert warped.current.line is not None and warped.current.line.text.get("en") == "Safe home, Tomas."
    assert notices == []


def test_the_gallery_replays_an_endings_final_scene(sample: m.Story) -> None:
    progress = Progress()
    play(new_game(sample, progress), DAWN)
    finale = progress.finales["dawn"]
    replay, _ = warp(sample, finale, Settings(), progress)
    assert replay.current.line is not None and replay.current.line.text.get("en") == "The tank is full to the brim."
    play(replay, ["Light the lamp."])
    assert replay.ended == "dawn"


def test_watching_a_game_decodes_only_the_scenes_it_reaches(tmp_path: Path) -> None:
    """The record's watch keeps the cache's promise: a scene's steps are built when play first gets there."""
    from game.story import cache
    from game.story.loader import read_story

    root = tmp_path / "story"
    shutil.copytree(SAMPLE, root)
    read_story(root, tmp_path / "cache")
    cached = read_story(root, tmp_path / "cache").story
    assert cached is not None
    lazy = [scene.ops for scene in cached.scenes]
    assert all(isinstance(ops, cache.LazyOps) and not ops.decoded for ops in lazy)
    game = new_game(cached, Progress())
    assert [ops.decoded for ops in lazy] == [i == cached.start.scene for i in range(len(lazy))]  # type: ignore[attr-defined]
    play(game, [])
    assert game.current_node() == HARBOR_CHOICE and game.option_marks()
    assert [ops.decoded for ops in lazy] == [i == cached.start.scene for i in range(len(lazy))]  # type: ignore[attr-defined]
