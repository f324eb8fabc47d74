"""Event pictures (``bg: cg/<name>``) in the gallery, in the real game with posted input.

Three small pictures (``tests/fixtures/event_pictures``) are shown by a copy of
the sample story with a ``bg: cg/...`` step before each ending's last line (added
in the copy, not in the fixture: the fixture's line numbers and step counts are
named by many tests, and ``check`` would warn of pictures its scenes never show).  Screenshots go to $STARLIGHT_SHOTS (default: the temp
folder) for a human to look at.
"""

from __future__ import annotations

import os

os.environ["SDL_VIDEODRIVER"] = "dummy"  # before pygame is imported
os.environ["SDL_AUDIODRIVER"] = "dummy"

import json
import shutil
import tempfile
from collections.abc import Callable, Iterator
from pathlib import Path

import pygame
import pytest
from test_gamepad import VirtualPad

from game.check.findings import check_pictures
from game.check.pictures import event_pictures, is_event_picture
from game.check.report import run_check
from game.paths import shipped_story
from game.persist.progress import Progress, progress_from_json
from game.persist.settings import Settings
from game.play.controller import PlayController
from game.story import model as m
from game.story import snapshot
from game.story.loader import load_story
from game.story.runtime import ChoiceEvent
from game.ui.app import App, Options
from game.ui.play.screen import PlayScreen
from game.ui.screens.gallery import PICTURES, GalleryScreen
from game.ui.screens.picture_room import PictureRoomScreen, PictureViewer
from game.ui.title import TitleScreen

SAMPLE = Path(__file__).parent / "fixtures" / "sample"
PICTURES_DIR = Path(__file__).parent / "fixtures" / "event_pictures"
SHOTS = Path(os.environ.get("STARLIGHT_SHOTS", tempfile.gettempdir()))
ORDER = ["cg/shipwreck", "cg/dawn_beam", "cg/fog_horn"]  # the story's order (by name: dawn, fog, ship)
DAWN = ["Promise to keep the lamp lit.", "Light the lamp."]
SHIPWRECK = ["Promise to keep the lamp lit.", "Watch the sea a while longer."]
FOG = ["Say the fog worries you more.", "Sound the fog horn."]
# SDL's game controller buttons (a virtual pad maps button i to SDL_CONTROLLER_BUTTON i)
A, B, DPAD_UP, DPAD_DOWN, DPAD_LEFT, DPAD_RIGHT = 0, 1, 11, 12, 13, 14


def picture_story(root: Path) -> Path:
    """The sample story with an event picture before each ending's last line."""
    shutil.copytree(SAMPLE, root)
    shutil.copytree(PICTURES_DIR, root / "images" / "backgrounds" / "cg")
    scene = root / "scenes" / "tower" / "lamp_room.yaml"
    text = scene.read_text(encoding="utf-8")
    for before, step in (("  - narrator: {en: \"In the dark", "cg/shipwreck"),
                         ("  - narrator: {en: \"The beam sweeps", "cg/dawn_beam"),
                         ("  - tomas: {en: \"We hear the horn", "cg/fog_horn")):
        assert text.count(before) == 1
        text = text.replace(before, f"  - bg: {step}\n{before}")
    scene.write_text(text, encoding="utf-8")
    return root


@pytest.fixture
def story_root(tmp_path: Path) -> Path:
    return picture_story(tmp_path / "story")


def start_app(story_root: Path, data: Path) -> App:
    game = App(Options(story_root=story_root, ui_root=shipped_story(), data_dir=data))
    game.ctx.settings.text_speed = 0
    game.ctx.settings.confirm_load = False
    game.ctx.nav.push(TitleScreen(game.ctx))
    game.step(2)
    return game


@pytest.fixture
def app(story_root: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[App]:
    monkeypatch.setenv("STARLIGHT_CACHE_DIR", str(tmp_path / "cache"))
    monkeypatch.setenv("SDL_JOYSTICK_ALLOW_BACKGROUND_EVENTS", "1")  # the dummy window never has focus
    game = start_app(story_root, tmp_path / "data")
    try:
        yield game
    finally:
        game.close()


# --- driving the app ---


def top(app: App) -> object:
    return app.ctx.nav.top


def press(app: App, key: int, times: int = 1) -> None:
    for _ in range(times):
        pygame.event.post(pygame.event.Event(pygame.KEYDOWN, key=key, mod=0, unicode="", scancode=0))
        pygame.event.post(pygame.event.Event(pygame.KEYUP, key=key, mod=0, unicode="", scancode=0))
        app.step(2, dt=0.2)


def window_pos(app: App, x: float, y: float) -> tuple[int, int]:
    viewport, scale = app.view.viewport, app.view.scale
    return round(viewport.x + x * scale), round(viewport.y + y * scale)


def click(app: App, x: float, y: float, button: int = 1) -> None:
    pygame.event.post(pygame.event.Event(pygame.MOUSEMOTION, pos=window_pos(app, x, y), rel=(0, 0), buttons=(0, 0, 0)))
    app.step(2)
    pygame.event.post(pygame.event.Event(pygame.MOUSEBUTTONDOWN, pos=window_pos(app, x, y), button=button))
    app.step(2)


def wheel(app: App, y: int) -> None:
    pygame.event.post(pygame.event.Event(pygame.MOUSEWHEEL, x=0, y=y, flipped=False, precise_x=0.0,
                                         precise_y=float(y)))
    app.step(2)


def shot(app: App, name: str) -> Path:
    app.step(12)  # (thumbnails are made one a frame)
    app.draw()
    path = SHOTS / f"starlight-cg-{name}.png"
    pygame.image.save(app.window, str(path))
    return path


def play_screen(app: App) -> PlayScreen:
    screen = app.ctx.nav.find(PlayScreen)
    assert screen is not None, f"no play screen on the stack: {list(app.ctx.nav)}"
    return screen


def play_route(app: App, choices: list[str], until: Callable[[PlayScreen], bool] | None = None) -> None:
    """From the title: a new game played to its ending (or ``until`` a stop) with Enter, taking ``choices``."""
    press(app, pygame.K_RETURN)  # New Game
    queue = list(choices)
    for _ in range(200):
        play = play_screen(app)
        event = play.controller.current.event
        if until is not None and until(play):
            return
        if isinstance(event, m.Ending):
            app.ctx.nav.home()
            app.step(2)
            return
        if isinstance(event, ChoiceEvent):
            texts = [o.text.get("en") for o in event.options]
            app.step(3, dt=0.2)  # past the grace in which Enter does nothing
            press(app, pygame.K_UP, len(texts))
            assert play.choices is not None
            press(app, pygame.K_DOWN, (texts.index(queue.pop(0)) - play.choices.list.focus) % len(texts))
        press(app, pygame.K_RETURN)
    raise AssertionError("no ending")


def open_room_by_keyboard(app: App) -> PictureRoomScreen:
    title = top(app)
    assert isinstance(title, TitleScreen)
    while title.menu.buttons[title.menu.focus].label() != "Endings":
        press(app, pygame.K_DOWN)
    press(app, pygame.K_RETURN)
    gallery = top(app)
    assert isinstance(gallery, GalleryScreen)
    press(app, pygame.K_DOWN)  # below the cards: the music room, then left of it the pictures
    press(app, pygame.K_LEFT)
    assert gallery.focus == len(gallery.ids) + 1
    press(app, pygame.K_RETURN)
    room = top(app)
    assert isinstance(room, PictureRoomScreen)
    return room


# --- the rule and the record ---


def test_the_pictures_are_listed_in_the_order_the_story_shows_them(story_root: Path) -> None:
    story = load_story(story_root)
    assert event_pictures(story) == ORDER  # not by file name
    assert event_pictures(load_story(SAMPLE)) == []  # the fixture itself shows none
    assert is_event_picture("cg/x") and not is_event_picture("cgx") and not is_event_picture("cg/")


def test_a_picture_passed_but_replaced_before_a_stop_is_not_seen(tmp_path: Path) -> None:
    root = picture_story(tmp_path / "story")
    scene = root / "scenes" / "tower" / "lamp_room.yaml"
    text = scene.read_text(encoding="utf-8")
    scene.write_text(text.replace("  - bg: cg/dawn_beam\n", "  - bg: cg/dawn_beam\n  - bg: lamp_room\n"),
                     encoding="utf-8")
    story = load_story(root)
    progress = Progress()
    controller = PlayController.new_game(story, Settings(), progress, warp="lamp_room.dawn_watch")
    assert controller.current.presentation.background == "lamp_room"
    assert progress.pictures_seen == set()
    controller = PlayController.new_game(story, Settings(), progress, warp="lamp_room.fog_signal")
    assert progress.pictures_seen == {"cg/fog_horn"}  # put up by playing on the way to the first stop


def test_a_warp_to_a_stop_showing_a_picture_does_not_unlock_it(story_root: Path) -> None:
    story = load_story(story_root)
    played = PlayController.new_game(story, Settings(), Progress(), warp="lamp_room.fog_signal")
    state = snapshot.to_json(story, played.current.state)
    stage = played.current.presentation.to_json()
    assert stage["background"] == "cg/fog_horn"
    progress = Progress()
    restored, _ = PlayController.restore(story, state, stage, Settings(), progress)
    restored.first_shown()
    assert restored.current.presentation.background == "cg/fog_horn" and progress.pictures_seen == set()
    restored.advance()  # the ending, the picture still on stage: now it was shown by playing
    assert progress.pictures_seen == {"cg/fog_horn"}


def test_skipping_past_a_picture_counts_it_as_seen(story_root: Path) -> None:
    story = load_story(story_root)
    progress = Progress()
    settings = Settings()
    settings.skip_unread = True
    controller = PlayController.new_game(story, settings, progress, warp="lamp_room.dawn_watch")
    assert progress.pictures_seen == {"cg/dawn_beam"}
    progress.pictures_seen.clear()
    controller = PlayController.new_game(story, settings, progress, warp="stairs")
    controller.toggle_skip()
    for _ in range(100):
        if isinstance(controller.current.event, (ChoiceEvent, m.Ending)):
            if isinstance(controller.current.event, m.Ending):
                break
            controller.choose(0)
            controller.toggle_skip()
            continue
        controller.tick(0.5, ready=True)
    assert controller.ended == "dawn" and progress.pictures_seen == {"cg/dawn_beam"}


def test_a_damaged_pictures_seen_entry_costs_only_itself() -> None:
    raw = {"format": 2, "endings_seen": ["dawn"], "tracks_heard": ["waves"],
           "pictures_seen": ["cg/dawn_beam", 7, None, "x" * 600, "cg/fog_horn"]}
    progress, warnings = progress_from_json(raw)
    assert progress.pictures_seen == {"cg/dawn_beam", "cg/fog_horn"}
    assert progress.endings_seen == {"dawn"} and progress.tracks_heard == {"waves"}
    assert len(warnings) == 1 and "pictures_seen: 3 entries" in warnings[0]
    progress, warnings = progress_from_json({**raw, "pictures_seen": {"cg/dawn_beam": True}})
    assert progress.pictures_seen == set() and progress.endings_seen == {"dawn"} and len(warnings) == 1
    assert progress_from_json(json.loads(json.dumps(Progress(pictures_seen={"cg/a"}).to_json())))[0] \
        .pictures_seen == {"cg/a"}


def test_check_warns_of_an_event_picture_no_scene_shows(story_root: Path) -> None:
    assert check_pictures(load_story(story_root)) == []  # all three are shown
    assert check_pictures(load_story(SAMPLE)) == []  # (no cg/ files at all)
    shutil.copy(PICTURES_DIR / "shipwreck.png", story_root / "images" / "backgrounds" / "cg" / "unused.png")
    (warning,) = check_pictures(load_story(story_root))
    assert (warning.severity, warning.code, warning.file, warning.line) == \
        ("warning", "cg-unused", "images/backgrounds/cg/unused.png", 1)
    assert "'cg/unused' is never shown" in warning.message
    problems = [p for p in run_check(story_root).problems if p.code == "cg-unused"]
    assert [p.file for p in problems] == ["images/backgrounds/cg/unused.png"]  # in the report of `check`


# --- in the game ---


def test_a_picture_shown_in_play_is_unlocked_after_a_restart_and_others_stay_locked(
        story_root: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("STARLIGHT_CACHE_DIR", str(tmp_path / "cache"))
    data = tmp_path / "data"
    game = start_app(story_root, data)
    try:
        room = open_room_by_keyboard(game)
        assert room.pictures == ORDER and room.seen_count() == 0
        shot(game, "room-fresh")
        game.ctx.settings.language = "ko"
        shot(game, "room-fresh-ko")
        game.ctx.settings.language = "en"
        game.ctx.nav.home()
        game.step(2)
        play_route(game, DAWN)
    finally:
        game.close()
    assert "cg/dawn_beam" in json.loads((data / "progress.json").read_text(encoding="utf-8"))["pictures_seen"]
    game = start_app(story_root, data)  # a restart: the record comes from the disk
    try:
        room = open_room_by_keyboard(game)
        assert [room.seen(p) for p in room.pictures] == [False, True, False]
        assert room.focus == 1  # the first seen has the focus
        press(game, pygame.K_LEFT)
        press(game, pygame.K_RETURN)  # the first, locked: nothing opens
        assert top(game) is room
        press(game, pygame.K_RIGHT)
        press(game, pygame.K_RETURN)
        viewer = top(game)
        assert isinstance(viewer, PictureViewer) and viewer.picture == "cg/dawn_beam"
        shot(game, "viewer-dawn")
        press(game, pygame.K_RIGHT)  # no other seen picture: it stays
        assert viewer.picture == "cg/dawn_beam"
        press(game, pygame.K_h)  # any key goes back (here the history's key)
        assert top(game) is room
        shot(game, "room-one")
        game.ctx.settings.language = "ko"
        shot(game, "room-one-ko")
        press(game, pygame.K_ESCAPE)
        assert isinstance(top(game), GalleryScreen)
    finally:
        game.close()


def test_loading_a_save_does_not_unlock_what_was_never_shown(
        story_root: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("STARLIGHT_CACHE_DIR", str(tmp_path / "cache"))
    data = tmp_path / "data"
    game = start_app(story_root, data)
    try:  # a quick save on the fog horn's picture (then the record is lost: a save from another player)
        play_route(game, FOG, until=lambda play: play.controller.current.presentation.background == "cg/fog_horn")
        assert "cg/fog_horn" in game.ctx.progress.pictures_seen  # (this player saw it)
        press(game, pygame.K_F5)
        assert game.ctx.saves.info("quick").data is not None
    finally:
        game.close()
    (data / "progress.json").unlink(missing_ok=True)
    game = start_app(story_root, data)
    try:
        press(game, pygame.K_RETURN)  # a new game, then F9: the quick save
        press(game, pygame.K_F9)
        play = play_screen(game)
        assert play.controller.current.presentation.background == "cg/fog_horn"
        assert "cg/fog_horn" not in game.ctx.progress.pictures_seen
        game.ctx.nav.push(GalleryScreen(game.ctx))
        game.step(2)
        game.ctx.nav.push(PictureRoomScreen(game.ctx))
        game.step(2)
        room = top(game)
        assert isinstance(room, PictureRoomScreen) and room.seen_count() == 0
    finally:
        game.close()


def test_the_viewer_goes_through_the_seen_pictures_only_by_mouse(app: App) -> None:
    play_route(app, SHIPWRECK)
    play_route(app, FOG)
    assert app.ctx.progress.pictures_seen == {"cg/shipwreck", "cg/fog_horn"}
    app.ctx.nav.push(GalleryScreen(app.ctx))
    app.step(2)
    click(app, PICTURES[0] + 20, PICTURES[1] + 10)
    room = top(app)
    assert isinstance(room, PictureRoomScreen) and room.seen_count() == 2
    shot(app, "room-two")
    rect = room.thumb_rect(1)
    assert rect is not None
    click(app, *rect.center)  # the locked one: nothing opens
    assert top(app) is room
    rect = room.thumb_rect(0)
    assert rect is not None
    click(app, *rect.center)
    viewer = top(app)
    assert isinstance(viewer, PictureViewer) and viewer.picture == "cg/shipwreck"
    wheel(app, -1)  # down: the next seen one, past the locked dawn
    assert viewer.picture == "cg/fog_horn" and room.focus == 2
    shot(app, "viewer-fog")
    wheel(app, -1)
    assert viewer.picture == "cg/shipwreck"
    click(app, 640, 360, button=3)  # right click: back
    assert top(app) is room
    click(app, *rect.center)
    assert isinstance(top(app), PictureViewer)
    click(app, 640, 360)  # a click too
    assert top(app) is room


def test_the_gamepad_opens_the_room_and_goes_through_the_pictures(app: App) -> None:
    for route in (SHIPWRECK, DAWN, FOG):
        play_route(app, route)
    pad = VirtualPad(app)
    try:
        title = top(app)
        assert isinstance(title, TitleScreen)
        while title.menu.buttons[title.menu.focus].label() != "Endings":
            pad.press(DPAD_DOWN)
        pad.press(A)
        gallery = top(app)
        assert isinstance(gallery, GalleryScreen)
        pad.press(DPAD_DOWN)
        pad.press(DPAD_LEFT)
        pad.press(A)
        room = top(app)
        assert isinstance(room, PictureRoomScreen) and room.seen_count() == 3
        shot(app, "room-all")
        app.ctx.settings.language = "ko"
        shot(app, "room-all-ko")
        app.ctx.settings.language = "en"
        pad.press(DPAD_RIGHT)
        pad.press(A)
        viewer = top(app)
        assert isinstance(viewer, PictureViewer) and viewer.picture == "cg/dawn_beam"
        pad.press(DPAD_RIGHT)
        assert viewer.picture == "cg/fog_horn"
        pad.press(DPAD_LEFT, 3)
        assert viewer.picture == "cg/dawn_beam"
        pad.press(B)
        assert top(app) is room
        pad.press(B)
        assert top(app) is gallery
    finally:
        pad.unplug()


def test_a_long_list_scrolls_by_rows(app: App) -> None:
    app.ctx.nav.push(PictureRoomScreen(app.ctx))
    app.step(2)
    room = top(app)
    assert isinstance(room, PictureRoomScreen)
    room.pictures = [f"cg/p{i}" for i in range(14)]  # (files that do not exist draw as placeholders)
    room.cols, room.rows, room.thumb = room.layout(14)
    assert (room.cols, room.rows) == (4, 3) and room.thumb_rect(12) is None
    press(app, pygame.K_DOWN, 3)
    assert room.focus == 12 and room.top == 1 and room.thumb_rect(0) is None and room.thumb_rect(12) is not None
    press(app, pygame.K_DOWN)  # the last row is the last: it stays
    assert room.focus == 12
    press(app, pygame.K_UP, 3)
    assert room.focus == 0 and room.top == 0
    assert PictureRoomScreen.layout(0) == (1, 1, PictureRoomScreen.layout(1)[2])
    shot(app, "room-long")


def test_thumbnails_are_made_one_a_frame(app: App) -> None:
    app.ctx.progress.pictures_seen.update(ORDER)
    app.ctx.nav.push(PictureRoomScreen(app.ctx))
    room = top(app)
    assert isinstance(room, PictureRoomScreen)
    app.draw()
    assert room.animating()  # one picture made, two to go: the loop keeps drawing
    app.step(3)
    assert not room.animating()
    assert {key[0] for key in room._thumbs} == set(ORDER)


def test_a_damaged_record_on_disk_keeps_the_good_pictures(story_root: Path, tmp_path: Path,
                                                           monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("STARLIGHT_CACHE_DIR", str(tmp_path / "cache"))
    data = tmp_path / "data"
    data.mkdir()
    (data / "progress.json").write_text(json.dumps(
        {"format": 2, "pictures_seen": ["cg/fog_horn", {"bad": 1}, "y" * 9999], "endings_seen": ["dawn"]}))
    game = start_app(story_root, data)
    try:
        assert game.ctx.progress.pictures_seen == {"cg/fog_horn"} and game.ctx.progress.endings_seen == {"dawn"}
        game.ctx.nav.push(PictureRoomScreen(game.ctx))
        game.step(2)
        room = top(game)
        assert isinstance(room, PictureRoomScreen) and [room.seen(p) for p in ORDER] == [False, False, True]
    finally:
        game.close()
