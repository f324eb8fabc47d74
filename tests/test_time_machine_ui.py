"""The player's time machine in the real game, headless, driven by posted input (keyboard, mouse, gamepad).

The flowchart (from the title and from the game menu), warps, the history's
search, back to the last choice, skipping to the next choice, marks on options
taken before, the gallery's replays and the music room, on the sample story
and on the shipped one.  Screenshots go to $STARLIGHT_SHOTS (default: the temp
folder) for a human to look at.
"""

from __future__ import annotations

import os

os.environ["SDL_VIDEODRIVER"] = "dummy"  # before pygame is imported
os.environ["SDL_AUDIODRIVER"] = "dummy"

import tempfile
from collections.abc import Iterator, Sequence
from pathlib import Path

import pygame
import pytest
from test_gamepad import VirtualPad

from game.check.flowchart import build_flowchart
from game.check.replay import read_replay
from game.paths import shipped_story
from game.play.controller import TIMER_GRACE, TIMER_HINT
from game.play.flowview import PlayerChart
from game.story import model as m
from game.story import snapshot
from game.story.presentation import Place
from game.story.runtime import ChoiceEvent, MapEvent, Runtime
from game.ui.app import App, Options
from game.ui.play.screen import PlayScreen
from game.ui.screens.confirm import ConfirmScreen
from game.ui.screens.flowchart import FlowchartScreen
from game.ui.screens.flowchart_camera import AREA, ZOOMS
from game.ui.screens.flowchart_routes import RoutePicker
from game.ui.screens.gallery import REPLAY, EndingViewer, GalleryScreen
from game.ui.screens.history import SPEAKER, HistoryScreen
from game.ui.screens.menu import GameMenu
from game.ui.screens.music_room import MusicRoomScreen
from game.ui.title import TitleScreen

TESTS = Path(__file__).parent
SAMPLE = TESTS / "fixtures" / "sample"
SHOTS = Path(os.environ.get("STARLIGHT_SHOTS", tempfile.gettempdir()))
HARBOR_CHOICE = "choice:harbor.+7#10d2741ecf"
LAMP_CHOICE = "choice:lamp_room.+6#891eaec17a"
DAWN: list[int | str] = ["Promise to keep the lamp lit.", "Light the lamp."]
FOG: list[int | str] = ["Say the fog worries you more.", "Sound the fog horn."]
# SDL's game controller buttons (a virtual pad maps button i to SDL_CONTROLLER_BUTTON i)
A, B, X, Y, LEFT_STICK, RIGHT_STICK, LB, RB, DPAD_UP, DPAD_DOWN = 0, 1, 2, 3, 7, 8, 9, 10, 11, 12


# --- driving the app ---


@pytest.fixture
def app(title_app: App) -> App:
    return title_app


@pytest.fixture
def heard_unfocused(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SDL_JOYSTICK_ALLOW_BACKGROUND_EVENTS", "1")  # the dummy window never has focus


@pytest.fixture
def pad_app(heard_unfocused: None, title_app: App) -> App:  # the hint first: SDL reads it at start-up
    return title_app


@pytest.fixture
def shipped_app(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[App]:
    """The real game on the shipped story, at its title screen, skipping unread text (quick playthroughs)."""
    monkeypatch.setenv("STARLIGHT_CACHE_DIR", str(tmp_path / "cache"))
    game = App(Options(story_root=shipped_story(), ui_root=shipped_story(), data_dir=tmp_path / "data"))
    game.ctx.settings.text_speed = 0
    game.ctx.settings.skip_unread = True
    game.ctx.settings.timed_choices = False  # the route decides every choice, never a timer
    game.ctx.nav.push(TitleScreen(game.ctx))
    game.step(2)
    try:
        yield game
    finally:
        game.close()


def top(app: App) -> object:
    return app.ctx.nav.top


def press(app: App, key: int, times: int = 1, mod: int = 0) -> None:
    for _ in range(times):
        pygame.event.post(pygame.event.Event(pygame.KEYDOWN, key=key, mod=mod, unicode="", scancode=0))
        pygame.event.post(pygame.event.Event(pygame.KEYUP, key=key, mod=mod, unicode="", scancode=0))
        app.step(2, dt=0.2)


def type_text(app: App, text: str) -> None:
    """Typing as SDL reports it: a key press (which the search field leaves alone), then the text."""
    pygame.event.post(pygame.event.Event(pygame.KEYDOWN, key=pygame.K_a, mod=0, unicode=text[:1], scancode=0))
    pygame.event.post(pygame.event.Event(pygame.TEXTINPUT, text=text))
    pygame.event.post(pygame.event.Event(pygame.KEYUP, key=pygame.K_a, mod=0, unicode="", scancode=0))
    app.step(2)


def window_pos(app: App, x: float, y: float) -> tuple[int, int]:
    viewport, scale = app.view.viewport, app.view.scale
    return round(viewport.x + x * scale), round(viewport.y + y * scale)


def point(app: App, x: float, y: float, held: bool = False) -> None:
    pygame.event.post(pygame.event.Event(pygame.MOUSEMOTION, pos=window_pos(app, x, y), rel=(0, 0),
                                         buttons=(1 if held else 0, 0, 0)))
    app.step(2)


def click(app: App, x: float, y: float, button: int = 1) -> None:
    point(app, x, y)
    pygame.event.post(pygame.event.Event(pygame.MOUSEBUTTONDOWN, pos=window_pos(app, x, y), button=button))
    app.step(2)


def wheel(app: App, y: int, at: tuple[float, float]) -> None:
    pygame.mouse.set_pos(window_pos(app, *at))
    pygame.event.post(pygame.event.Event(pygame.MOUSEWHEEL, x=0, y=y, flipped=False, precise_x=0.0,
                                         precise_y=float(y)))
    app.step(2)


def shot(app: App, name: str) -> Path:
    app.draw()
    path = SHOTS / f"starlight-tm-{name}.png"
    pygame.image.save(app.window, str(path))
    return path


def play_screen(app: App) -> PlayScreen:
    screen = app.ctx.nav.find(PlayScreen)
    assert screen is not None, f"no play screen on the stack: {list(app.ctx.nav)}"
    return screen


def new_game(app: App) -> PlayScreen:
    title = top(app)
    assert isinstance(title, TitleScreen)
    press(app, pygame.K_RETURN)  # New Game is the title's first button
    return play_screen(app)


def choose(app: App, wanted: int | str, lang: str = "en") -> None:
    """At a choice: down to the option (its visible place or its text), then Enter (after the choice's grace)."""
    play = play_screen(app)
    event = play.controller.current.event
    assert isinstance(event, ChoiceEvent), f"not at a choice: {event}"
    texts = [o.text.get(lang) for o in event.options]
    place = wanted if isinstance(wanted, int) else texts.index(wanted)
    assert play.choices is not None
    app.step(3, dt=0.2)  # past the grace in which Enter does nothing
    press(app, pygame.K_UP, len(texts))  # to the top, whatever was focused
    focus = play.choices.list.focus
    press(app, pygame.K_DOWN, (place - focus) % len(texts))
    press(app, pygame.K_RETURN)


def take_hotspot(app: App, wanted: int | str) -> None:
    """At a map: the walking is the map screen's own; here the hotspot is used as walking to it would."""
    play = play_screen(app)
    event = play.controller.current.event
    assert isinstance(event, MapEvent)
    names = [h.hotspot.name for h in event.hotspots]
    index = event.hotspots[wanted if isinstance(wanted, int) else names.index(wanted)].index
    play.link.take(index, play.controller.map_place() or Place(0.0, 0.0, "down"))
    app.step(2)


def play_route(app: App, choices: Sequence[int | str], lang: str = "en") -> None:
    """Play on with End (skip to the next choice) and the keyboard at each choice, to an ending."""
    queue = list(choices)
    for _ in range(2_000):
        play = play_screen(app)
        event = play.controller.current.event
        if isinstance(event, m.Ending):
            return
        if isinstance(event, ChoiceEvent):
            choose(app, queue.pop(0), lang)
        elif isinstance(event, MapEvent):
            take_hotspot(app, queue.pop(0))
        else:
            before = play.controller.current  # (not the position: past 200 stops the history only slides)
            press(app, pygame.K_END)
            if play.controller.current is before:
                press(app, pygame.K_RETURN)
    raise AssertionError("no ending")


def open_flowchart_from_title(app: App) -> FlowchartScreen:
    title = top(app)
    assert isinstance(title, TitleScreen)
    press(app, pygame.K_DOWN, 3)  # New Game, Continue (disabled or not), Load, Flowchart
    while title.menu.buttons[title.menu.focus].label() != "Flowchart":
        press(app, pygame.K_DOWN)
    press(app, pygame.K_RETURN)
    screen = top(app)
    assert isinstance(screen, FlowchartScreen)
    return screen


def to_title(app: App) -> None:
    app.ctx.nav.home()
    app.step(2)


def node_point(screen: FlowchartScreen, key: str) -> tuple[float, float]:
    node = screen.view.chart.nodes[key]
    return screen.to_area(node.x, node.y)


# --- the flowchart ---


def test_a_fresh_flowchart_is_all_silhouettes_and_goes_back(app: App) -> None:
    screen = open_flowchart_from_title(app)
    assert screen.view.seen_keys() == set() and screen.view.current is None
    assert screen.focus == "harbor"  # the story's start
    shot(app, "flowchart-fresh")
    press(app, pygame.K_RETURN)  # a locked node does not open
    assert top(app) is screen
    press(app, pygame.K_ESCAPE)
    assert isinstance(top(app), TitleScreen)


def test_after_an_ending_the_flowchart_shows_the_way_played_and_warps_by_keyboard(app: App) -> None:
    new_game(app)
    play_route(app, DAWN)
    assert play_screen(app).controller.ended == "dawn"
    to_title(app)
    screen = open_flowchart_from_title(app)
    seen = screen.view.seen_keys()
    assert seen == {"harbor", HARBOR_CHOICE, "harbor.farewell", "stairs", "logbook.entry", "logbook.note",
                    "stairs.climb", "lamp_room", LAMP_CHOICE, "lamp_room.dawn_watch", "ending:dawn"}
    shot(app, "flowchart-one-ending")
    app.ctx.settings.language = "ko"
    shot(app, "flowchart-one-ending-ko")
    app.ctx.settings.language = "en"
    # down the chart by arrows: the start, its choice, then the beat the promise led to
    press(app, pygame.K_DOWN)
    assert screen.focus == HARBOR_CHOICE
    press(app, pygame.K_DOWN)
    assert screen.focus == "harbor.farewell"
    app.step(30, dt=1 / 30)  # the view eases to it
    assert screen.camera.target is None
    press(app, pygame.K_RETURN)  # no game in progress: it plays from there at once
    play = top(app)
    assert isinstance(play, PlayScreen) and len(list(app.ctx.nav)) == 1
    assert play.box.text == "Safe home, Tomas."
    assert Runtime(play.controller.story).variables(play.controller.current.state)["weather"] == "storm"


def test_from_a_game_the_flowchart_rings_the_place_asks_autosaves_and_warps_by_mouse(app: App) -> None:
    new_game(app)
    play_route(app, DAWN)
    to_title(app)
    play = new_game(app)
    press(app, pygame.K_END)
    press(app, pygame.K_END)  # at the harbour's choice now (every line read before)
    assert play.controller.current_node() == HARBOR_CHOICE
    old_state = play.controller.current.state
    press(app, pygame.K_ESCAPE)
    assert isinstance(top(app), GameMenu)
    press(app, pygame.K_DOWN, 5)  # resume, save, load, history, settings, flowchart
    press(app, pygame.K_RETURN)
    screen = top(app)
    assert isinstance(screen, FlowchartScreen) and screen.view.current == HARBOR_CHOICE == screen.focus
    shot(app, "flowchart-in-game")
    screen.show("lamp_room")
    x, y = node_point(screen, "lamp_room")
    click(app, x, y)  # the chosen node already: it opens
    confirm = top(app)
    assert isinstance(confirm, ConfirmScreen) and "autosaved" in confirm.question
    click(app, *confirm.buttons.rects[0].center)  # Yes
    warped = top(app)
    assert isinstance(warped, PlayScreen) and warped is not play
    assert warped.box.text == "The tank is full to the brim."
    autosaves = [info for info in app.ctx.saves.autosave_slots() if info.data is not None]
    assert autosaves, "the game left was not autosaved"
    restored = snapshot.from_json(app.ctx.story, autosaves[-1].data.snapshot)  # type: ignore[arg-type, union-attr]
    assert restored.state == old_state  # the autosave holds the game as it was at the choice


def test_the_flowchart_pans_and_zooms_by_mouse_and_by_gamepad(pad_app: App) -> None:
    app = pad_app
    screen = open_flowchart_from_title(app)
    screen.camera.zoom_index = len(ZOOMS) - 1  # close up, so that the chart is larger than the view
    screen.camera.clamp()
    middle = (AREA[0] + AREA[2] / 2, AREA[1] + AREA[3] / 2)
    before = (screen.camera.cx, screen.camera.cy)
    click(app, middle[0] + 300, middle[1] + 150)  # on empty space: a drag begins
    point(app, middle[0] + 300, middle[1] + 50, held=True)
    assert screen.camera.cy == pytest.approx(before[1] + 100 / screen.zoom)  # dragged up: the chart moves with the mouse
    point(app, middle[0] + 300, middle[1] + 10)  # the button was let go: no more panning
    assert screen.camera.cy == pytest.approx(before[1] + 100 / screen.zoom)
    zoom = screen.camera.zoom_index
    wheel(app, -1, middle)
    assert screen.camera.zoom_index == zoom - 1
    press(app, pygame.K_EQUALS)
    assert screen.camera.zoom_index == zoom
    press(app, pygame.K_MINUS, 2)
    assert screen.camera.zoom_index == zoom - 2
    press(app, pygame.K_END)  # no game in progress: to the last ending of the chart
    assert screen.view.chart.nodes[screen.focus].kind == "ending"
    press(app, pygame.K_HOME)  # and back to the start
    assert screen.focus == "harbor"
    app.step(40, dt=1 / 30)
    pad = VirtualPad(app)
    pad.press(RB)  # RB: out, LB: in (as PageDown / PageUp)
    assert screen.camera.zoom_index == zoom - 3
    pad.press(LB)
    assert screen.camera.zoom_index == zoom - 2
    start = screen.focus
    pad.press(DPAD_DOWN)
    assert screen.focus == HARBOR_CHOICE != start
    pad.press(DPAD_UP)
    assert screen.focus == start
    pad.press(B)
    assert isinstance(top(app), TitleScreen)


def test_a_node_reached_by_two_routes_offers_both(app: App) -> None:
    new_game(app)
    play_route(app, DAWN)
    to_title(app)
    new_game(app)
    play_route(app, FOG)
    to_title(app)
    screen = open_flowchart_from_title(app)
    screen.show("stairs.climb")
    press(app, pygame.K_RETURN)
    picker = top(app)
    assert isinstance(picker, RoutePicker)
    labels = [b.label() for b in picker.list.buttons]
    assert labels == ["Via: Say the fog worries you more.", "Via: Promise to keep the lamp lit."]
    shot(app, "flowchart-routes")
    press(app, pygame.K_DOWN)
    press(app, pygame.K_RETURN)
    play = top(app)
    assert isinstance(play, PlayScreen)
    assert Runtime(play.controller.story).variables(play.controller.current.state)["weather"] == "storm"


# --- back to the last choice, skip to the next ---


def test_back_to_the_last_choice_by_key_quick_menu_and_pad(pad_app: App) -> None:
    app = pad_app
    play = new_game(app)
    press(app, pygame.K_HOME)  # no choice yet: nothing happens but a notice
    assert play.controller.session.position == 0
    while not isinstance(play.controller.current.event, ChoiceEvent):
        press(app, pygame.K_RETURN)
    choose(app, "Give Tomas your spare oil.")
    press(app, pygame.K_RETURN, 2)
    assert play.controller.current.line is not None
    press(app, pygame.K_HOME)
    assert isinstance(play.controller.current.event, ChoiceEvent) and play.choices is not None
    choose(app, "Give Tomas your spare oil.")
    press(app, pygame.K_RETURN)
    buttons = play.quick.list
    click(app, *buttons.rects[0].center)  # the quick menu's first button: back to the last choice
    assert isinstance(play.controller.current.event, ChoiceEvent)
    choose(app, "Give Tomas your spare oil.")
    pad = VirtualPad(app)
    pad.press(LEFT_STICK)
    assert isinstance(play.controller.current.event, ChoiceEvent)
    shot(app, "back-to-choice")


def test_skip_to_the_next_choice_stops_at_unread_text_unless_asked(pad_app: App) -> None:
    app = pad_app
    app.ctx.progress.hints_shown.add(TIMER_HINT)  # not the first timed choice met (that one waits longer)
    play = new_game(app)
    press(app, pygame.K_END)  # the next line was never read: it stops there
    assert play.controller.current.line is not None
    assert play.box.text == "There's weather coming in tonight, Mira."
    app.ctx.settings.skip_unread = True
    click(app, *play.quick.list.rects[3].center)  # the quick menu's "Choice ▶"
    assert isinstance(play.controller.current.event, ChoiceEvent) and play.choices is not None
    choose(app, "Promise to keep the lamp lit.")
    pad = VirtualPad(app)
    pad.press(RIGHT_STICK)  # on to the lamp room's timed choice
    assert isinstance(play.controller.current.event, ChoiceEvent)
    assert play.controller.current.event.timeout == 5
    timer = play.controller.timer
    assert timer is not None and timer.left == timer.total  # arriving by a skip: the grace runs first
    assert 0 < timer.grace <= TIMER_GRACE
    app.step(int(timer.grace / 0.1), dt=0.1)
    assert isinstance(play.controller.current.event, ChoiceEvent) and timer.left == timer.total


# --- marks ---


def test_marks_appear_after_a_second_playthrough(app: App) -> None:
    play = new_game(app)
    while not isinstance(play.controller.current.event, ChoiceEvent):
        press(app, pygame.K_RETURN)
    assert play.choices is not None and not any(mark.taken for mark in play.choices.marks)
    choose(app, "Promise to keep the lamp lit.")
    play_route(app, ["Light the lamp."])
    to_title(app)
    # the hint at unseen paths and the colour of read text, turned on in the settings by keyboard
    title = top(app)
    assert isinstance(title, TitleScreen)
    while title.menu.buttons[title.menu.focus].label() != "Settings":
        press(app, pygame.K_DOWN)
    press(app, pygame.K_RETURN)
    settings = top(app)
    rows = [row.key for row in settings.rows]  # type: ignore[attr-defined]
    for key in ("read_text_color", "unseen_hint"):
        press(app, pygame.K_DOWN, (rows.index(key) - settings.focus) % len(rows))  # type: ignore[attr-defined]
        press(app, pygame.K_LEFT)  # "On" is the first option
    assert app.ctx.settings.read_text_color and app.ctx.settings.unseen_hint
    press(app, pygame.K_ESCAPE)
    play = new_game(app)
    assert play.box.read  # this line was read in the first playthrough
    while not isinstance(play.controller.current.event, ChoiceEvent):
        press(app, pygame.K_RETURN)
    assert play.choices is not None
    assert [(mark.taken, mark.new) for mark in play.choices.marks] == [(True, False), (False, True), (False, False)]
    shot(app, "marks")
    app.ctx.settings.language = "ko"
    shot(app, "marks-ko")


# --- the history: search, speakers, back to the last choice ---


def test_search_finds_a_line_in_english_and_in_korean(app: App) -> None:
    play = new_game(app)
    app.ctx.settings.skip_unread = True
    press(app, pygame.K_END)
    choose(app, "Promise to keep the lamp lit.")
    press(app, pygame.K_END)
    press(app, pygame.K_END)  # to the lamp room: the logbook's storm warning is in the history
    press(app, pygame.K_h)
    history = top(app)
    assert isinstance(history, HistoryScreen)
    everything = len(history.backlog.entries)
    press(app, pygame.K_f, mod=pygame.KMOD_CTRL)
    assert history.typing and app.ctx.typing
    type_text(app, "storm")
    assert [e.line.text.get("en") for e in history.backlog.entries] == ["Storm warning. Keep the lamp burning."]
    shot(app, "history-search")
    press(app, pygame.K_BACKSPACE, 5)
    assert history.query == "" and len(history.backlog.entries) == everything
    press(app, pygame.K_ESCAPE)  # the field lets go of the keys; the history stays
    assert top(app) is history and not history.typing and not app.ctx.typing
    app.ctx.settings.language = "ko"
    press(app, pygame.K_f, mod=pygame.KMOD_CTRL)  # (a pad opens the on-screen keyboard: test_onscreen_keyboard)
    assert history.typing
    type_text(app, "폭풍")
    assert [e.line.text.get("ko") for e in history.backlog.entries] == ["폭풍 경보. 등불을 꺼뜨리지 말 것."]
    shot(app, "history-search-ko")
    press(app, pygame.K_RETURN)  # back to that line in the game
    assert top(app) is play and play.controller.current.line is not None
    assert play.controller.current.line.text.get("en") == "Storm warning. Keep the lamp burning."


def test_the_speaker_filter_and_back_to_the_last_choice_from_the_history(app: App) -> None:
    play = new_game(app)
    app.ctx.settings.skip_unread = True
    press(app, pygame.K_END)
    choose(app, "Promise to keep the lamp lit.")
    press(app, pygame.K_RETURN, 2)
    press(app, pygame.K_h)
    history = top(app)
    assert isinstance(history, HistoryScreen)
    click(app, SPEAKER[0] + 20, SPEAKER[1] + 10)  # everyone -> the first to speak (the narrator)
    assert history.speaker == "narrator" and all(e.line.speaker == "narrator" for e in history.backlog.entries)
    click(app, SPEAKER[0] + 20, SPEAKER[1] + 10)
    assert history.speaker == "tomas" and [e.name for e in history.backlog.entries] == ["Tomas", "Tomas"]
    shot(app, "history-speaker")
    press(app, pygame.K_HOME)
    assert top(app) is play and isinstance(play.controller.current.event, ChoiceEvent)


# --- the gallery: replays and the music room ---


def test_the_gallery_replays_an_endings_final_scene_and_plays_heard_music(app: App) -> None:
    new_game(app)
    play_route(app, DAWN)
    to_title(app)
    title = top(app)
    assert isinstance(title, TitleScreen)
    while title.menu.buttons[title.menu.focus].label() != "Endings":
        press(app, pygame.K_DOWN)
    press(app, pygame.K_RETURN)
    gallery = top(app)
    assert isinstance(gallery, GalleryScreen)
    press(app, pygame.K_DOWN)  # below the cards: the music room
    assert gallery.focus == len(gallery.ids)
    press(app, pygame.K_RETURN)
    room = top(app)
    assert isinstance(room, MusicRoomScreen)
    assert room.tracks == ["waves", "dawn_theme"] and all(room.heard(t) for t in room.tracks)
    before = app.ctx.audio.current_music
    press(app, pygame.K_DOWN)
    press(app, pygame.K_RETURN)
    assert app.ctx.audio.current_music == "dawn_theme" and room.playing == "dawn_theme"
    shot(app, "music-room")
    app.ctx.settings.language = "ko"
    assert room.title("dawn_theme") == "새벽까지 빛을"
    shot(app, "music-room-ko")
    app.ctx.settings.language = "en"
    press(app, pygame.K_ESCAPE)
    assert top(app) is gallery and app.ctx.audio.current_music == before  # the title's music again
    press(app, pygame.K_UP)
    assert gallery.focus == len(gallery.ids) - 1
    gallery.focus = 0  # the dawn card
    press(app, pygame.K_RETURN)
    viewer = top(app)
    assert isinstance(viewer, EndingViewer) and viewer.finale() is not None
    shot(app, "gallery-replay")
    click(app, REPLAY[0] + 40, REPLAY[1] + 10)
    replay = top(app)
    assert isinstance(replay, PlayScreen) and replay.box.text == "The tank is full to the brim."


def test_a_music_room_before_anything_is_heard_is_locked(app: App) -> None:
    app.ctx.nav.push(GalleryScreen(app.ctx))
    app.step(2)
    app.ctx.nav.push(MusicRoomScreen(app.ctx))
    app.step(2)
    room = top(app)
    assert isinstance(room, MusicRoomScreen) and not any(room.heard(t) for t in room.tracks)
    press(app, pygame.K_RETURN)
    assert room.playing is None
    shot(app, "music-room-locked")


# --- the shipped story ---


def test_the_shipped_story_flowchart_matches_a_replayed_history_and_warps(shipped_app: App) -> None:
    app = shipped_app
    replay = read_replay(TESTS / "playthroughs" / "shipped_reunion.yaml", shipped_story())
    new_game(app)
    play_route(app, replay.choices, replay.language)
    assert play_screen(app).controller.ended == "reunion"
    to_title(app)
    screen = open_flowchart_from_title(app)
    story = app.ctx.story
    assert story is not None
    expected = {k for k in _replayed(story, replay.choices, replay.language) if k in screen.view.chart.nodes}
    assert screen.view.seen_keys() == expected
    shot(app, "shipped-flowchart-one-ending")
    key = "departure.promise"
    assert key in expected
    screen.show(key)
    press(app, pygame.K_UP)  # the focus on the node above; the view eases up to it
    app.step(40, dt=1 / 30)
    assert screen.focus != key and screen.camera.target is None
    click(app, *node_point(screen, key))  # a first click chooses the node
    assert top(app) is screen and screen.focus == key
    click(app, *node_point(screen, key))  # a second opens it: no game in progress, so it plays at once
    play = top(app)
    assert isinstance(play, PlayScreen)
    wanted = PlayerChart(build_flowchart(story), story, app.ctx.progress).routes(key)[0].passage
    assert snapshot.to_json(story, play.controller.current.state) == wanted.snapshot


def _replayed(story: m.Story, choices: Sequence[int | str], lang: str) -> set[str]:
    from test_time_machine_rules import replayed_nodes
    return replayed_nodes(story, build_flowchart(story), choices, lang)
