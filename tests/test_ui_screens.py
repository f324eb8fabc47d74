"""The menus headless: game menu, save / load, history, settings and the endings gallery.

The real App runs on SDL's dummy video and audio drivers on the sample story,
with a temporary save folder; input is posted as pygame events and the loop is
stepped frame by frame (App.step).  Each test also saves screenshots of what it
shows to $STARLIGHT_SHOTS (default: the temp folder) for a human to look at.
"""

from __future__ import annotations

import os

os.environ["SDL_VIDEODRIVER"] = "dummy"  # before pygame is imported
os.environ["SDL_AUDIODRIVER"] = "dummy"

import json
import tempfile
from pathlib import Path

import pygame
import pytest

from game.paths import shipped_story
from game.persist import saves
from game.story import model as m
from game.ui.app import App, Options
from game.ui.play.screen import PlayScreen
from game.ui.screens.confirm import ConfirmScreen
from game.ui.screens.gallery import EndingViewer, GalleryScreen
from game.ui.screens.history import HistoryScreen
from game.ui.screens.menu import GameMenu
from game.ui.screens.saveload import Page, SaveLoadScreen
from game.ui.screens.settings import SettingsScreen
from game.ui.strings import tr
from game.ui.title import TitleSaves, TitleScreen

SAMPLE = Path(__file__).parent / "fixtures" / "sample"
SHOTS = Path(os.environ.get("STARLIGHT_SHOTS", tempfile.gettempdir()))


# --- driving the app ---


@pytest.fixture
def app(title_app: App) -> App:
    return title_app


def top(app: App) -> object:
    return app.ctx.nav.top


def press(app: App, key: int, times: int = 1, frames: int = 2) -> None:
    for _ in range(times):
        pygame.event.post(pygame.event.Event(pygame.KEYDOWN, key=key, mod=0, unicode="", scancode=0))
        pygame.event.post(pygame.event.Event(pygame.KEYUP, key=key, mod=0, unicode="", scancode=0))
        app.step(frames, dt=0.2)


def window_pos(app: App, x: float, y: float) -> tuple[int, int]:
    """A logical point as a window pixel (what the mouse reports)."""
    viewport, scale = app.view.viewport, app.view.scale
    return round(viewport.x + x * scale), round(viewport.y + y * scale)


def point(app: App, x: float, y: float) -> None:
    pos = window_pos(app, x, y)
    pygame.event.post(pygame.event.Event(pygame.MOUSEMOTION, pos=pos, rel=(0, 0), buttons=(0, 0, 0)))
    app.step(2)


def click(app: App, x: float, y: float, button: int = 1) -> None:
    point(app, x, y)
    pygame.event.post(pygame.event.Event(pygame.MOUSEBUTTONDOWN, pos=window_pos(app, x, y), button=button))
    app.step(2)


def click_rect(app: App, rect: pygame.Rect) -> None:
    click(app, *rect.center)


def wheel(app: App, y: int) -> None:
    pygame.event.post(pygame.event.Event(pygame.MOUSEWHEEL, x=0, y=y, flipped=False, precise_x=0.0,
                                         precise_y=float(y)))
    app.step(2)


def shot(app: App, name: str) -> Path:
    app.draw()
    path = SHOTS / f"starlight-ui-{name}.png"
    pygame.image.save(app.window, str(path))
    return path


def start_game(app: App) -> PlayScreen:
    play = PlayScreen.new_game(app.ctx)
    app.ctx.nav.replace_all(play)
    app.step(5)
    return play


def current_text(play: PlayScreen, lang: str = "en") -> str:
    event = play.controller.current.event
    assert getattr(event, "kind", None) == m.LINE
    return event.text.get(lang)


def advance(app: App, play: PlayScreen, lines: int = 1) -> None:
    """Press Enter until the story shows the next line (a first press may only finish a transition)."""
    for _ in range(lines):
        before = play.controller.session.position
        for _ in range(20):
            press(app, pygame.K_RETURN)
            if play.controller.session.position != before:
                break
        assert play.controller.session.position != before, "the story did not move on"
        app.step(3)


def save_through_menu(app: App, play: PlayScreen, slot_index: int) -> SaveLoadScreen:
    """Esc, Save, then the card ``slot_index`` of the first page, all by keyboard."""
    press(app, pygame.K_ESCAPE)
    assert isinstance(top(app), GameMenu)
    press(app, pygame.K_DOWN)
    press(app, pygame.K_RETURN)
    screen = top(app)
    assert isinstance(screen, SaveLoadScreen) and screen.mode == "save"
    assert screen.page == Page("numbered", 1) and screen.focus == 0
    press(app, pygame.K_RIGHT, slot_index % 3)
    press(app, pygame.K_DOWN, slot_index // 3)
    assert screen.focus == slot_index
    press(app, pygame.K_RETURN)
    return screen


# --- the loop itself ---


def test_run_keeps_its_behaviour_with_frames(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("STARLIGHT_CACHE_DIR", str(tmp_path / "cache"))
    game = App(Options(story_root=SAMPLE, ui_root=shipped_story(), data_dir=tmp_path / "data", frames=4,
                       screenshot=tmp_path / "last.png"))
    try:
        assert game.run(TitleScreen) == 0
        assert game.frames == 4
        assert (tmp_path / "last.png").is_file()
        assert (tmp_path / "data" / "progress.json").is_file()
    finally:
        game.close()


def test_step_stops_when_the_game_quits(app: App) -> None:
    assert app.step(1) is True
    app.ctx.quit_requested = True
    assert app.step(1) is False


# --- game menu and saving ---


def test_game_menu_opens_darkened_and_goes_back(app: App) -> None:
    play = start_game(app)
    press(app, pygame.K_ESCAPE)
    menu = top(app)
    assert isinstance(menu, GameMenu) and not menu.opaque
    shot(app, "menu")
    press(app, pygame.K_ESCAPE)
    assert top(app) is play
    press(app, pygame.K_ESCAPE)
    click(app, 10, 10, button=3)  # right click = back
    assert top(app) is play
    # Title screen asks first; "No" keeps the game
    press(app, pygame.K_ESCAPE)
    press(app, pygame.K_DOWN, 7)  # past Settings, Flowchart and Accessibility
    press(app, pygame.K_RETURN)
    assert isinstance(top(app), ConfirmScreen)
    shot(app, "menu-title-confirm")
    press(app, pygame.K_RETURN)  # the focused answer is "No"
    assert isinstance(top(app), GameMenu)
    # Quit asks first too, by mouse this time
    menu = top(app)
    click_rect(app, menu.list.rects[8])
    confirm = top(app)
    assert isinstance(confirm, ConfirmScreen)
    click_rect(app, confirm.buttons.rects[0])
    assert app.ctx.quit_requested


def test_save_into_slot_3_from_the_game_menu(app: App) -> None:
    play = start_game(app)
    advance(app, play)
    line = current_text(play)
    screen = save_through_menu(app, play, 2)
    info = app.ctx.saves.info("3")
    assert info.data is not None and info.data.thumbnail_png is not None
    assert top(app) is screen  # stays open, showing the new card
    card = screen.painter.card_text(screen.cards[2])
    assert card.badge == "3"
    assert card.title == "The Harbour"
    assert line.startswith(card.preview.rstrip("…")[:20])
    assert card.when
    picture = screen.painter.thumbnail(screen.cards[2])
    assert picture is not None and picture.get_size() == (320, 180)
    # the picture is the game, not the menus: the text box's dark glass sits in its lower half
    assert screen.cards[0].empty and screen.painter.card_text(screen.cards[0]).empty
    shot(app, "save")
    # saving again over slot 3 asks first
    press(app, pygame.K_RETURN)
    assert isinstance(top(app), ConfirmScreen)
    shot(app, "save-overwrite-confirm")
    press(app, pygame.K_LEFT)
    press(app, pygame.K_RETURN)
    assert top(app) is screen
    # Korean cards
    app.ctx.settings.language = "ko"
    card = screen.painter.card_text(screen.cards[2])
    assert card.title == "항구"
    shot(app, "save-ko")
    press(app, pygame.K_ESCAPE)
    assert isinstance(top(app), GameMenu)
    press(app, pygame.K_ESCAPE)
    assert top(app) is play


def test_load_from_the_title_screen(app: App) -> None:
    play = start_game(app)
    advance(app, play, 2)
    saved_line = current_text(play)
    save_through_menu(app, play, 2)
    app.ctx.nav.replace_all(TitleScreen(app.ctx))
    app.step(2)
    title = top(app)
    click_rect(app, title.menu.rects[2])  # Load
    screen = top(app)
    assert isinstance(screen, SaveLoadScreen) and screen.mode == "load" and not screen.game.in_progress
    assert screen.page == Page("numbered", 1) and screen.focus == 2  # opens on the newest save
    shot(app, "load-title")
    click_rect(app, screen.card_rect(2))
    loaded = top(app)
    assert isinstance(loaded, PlayScreen) and len(list(app.ctx.nav)) == 1
    app.step(3)
    assert current_text(loaded) == saved_line
    assert loaded.box.text == saved_line


def test_load_in_game_asks_then_returns_to_the_game(app: App) -> None:
    play = start_game(app)
    saved_line = current_text(play)
    save_through_menu(app, play, 0)
    press(app, pygame.K_ESCAPE, 2)
    advance(app, play, 2)
    assert current_text(play) != saved_line
    press(app, pygame.K_ESCAPE)
    press(app, pygame.K_DOWN, 2)
    press(app, pygame.K_RETURN)
    screen = top(app)
    assert isinstance(screen, SaveLoadScreen) and screen.mode == "load"
    press(app, pygame.K_RETURN)
    assert isinstance(top(app), ConfirmScreen)
    press(app, pygame.K_LEFT)
    press(app, pygame.K_RETURN)
    loaded = top(app)
    assert isinstance(loaded, PlayScreen) and loaded is not play and len(list(app.ctx.nav)) == 1
    assert current_text(loaded) == saved_line


def test_pages_tabs_and_wheel(app: App) -> None:
    play = start_game(app)
    app.ctx.nav.push(SaveLoadScreen(app.ctx, "save", play.link))
    app.step(2)
    screen = top(app)
    assert [p.tab for p in screen.pages] == ["quick", "1", "2", "3", "4", "5"]
    assert len(screen.pages[1:]) * 6 >= 30
    press(app, pygame.K_RIGHT, 3)  # past the row's end: the next page, first column
    assert screen.page == Page("numbered", 2) and screen.focus == 0
    assert [info.slot for info in screen.cards] == ["7", "8", "9", "10", "11", "12"]
    press(app, pygame.K_LEFT)  # back over the edge: the previous page, last column
    assert screen.page == Page("numbered", 1) and screen.focus == 2
    wheel(app, -1)
    assert screen.page == Page("numbered", 2)
    wheel(app, 1)
    assert screen.page == Page("numbered", 1)
    press(app, pygame.K_UP)  # up from the top row: the tabs
    assert screen.focus == -1
    press(app, pygame.K_LEFT)
    assert screen.page == Page("quick", 1) and len(screen.cards) == 1
    press(app, pygame.K_DOWN)
    press(app, pygame.K_RETURN)  # save into the quick slot
    assert app.ctx.saves.info("quick").data is not None
    tabs = dict(screen.tabs())
    click_rect(app, tabs["5"])
    assert screen.page == Page("numbered", 5) and screen.cards[-1].slot == "30"
    shot(app, "save-page5")


def test_the_save_screen_opens_where_it_was_left_in_this_game_only(app: App, tmp_path: Path) -> None:
    play = start_game(app)
    app.ctx.nav.push(SaveLoadScreen(app.ctx, "save", play.link))
    app.step(2)
    press(app, pygame.K_RIGHT, 4)  # the second page, its second card
    press(app, pygame.K_ESCAPE)
    app.ctx.nav.push(SaveLoadScreen(app.ctx, "save", play.link))
    app.step(2)
    again = top(app)
    assert isinstance(again, SaveLoadScreen) and again.page == Page("numbered", 2) and again.focus == 1
    other = App(Options(story_root=SAMPLE, ui_root=shipped_story(), data_dir=tmp_path / "other"))
    try:  # another game window remembers nothing of this one's
        fresh = SaveLoadScreen(other.ctx, "save", play.link)
        assert fresh.page == Page("numbered", 1) and fresh.focus == 0
    finally:
        other.close()


def test_delete_with_confirmation(app: App) -> None:
    play = start_game(app)
    save_through_menu(app, play, 2)
    screen = top(app)
    press(app, pygame.K_BACKSPACE)
    assert isinstance(top(app), ConfirmScreen)
    shot(app, "delete-confirm")
    press(app, pygame.K_RETURN)  # "No" first: nothing deleted
    assert app.ctx.saves.info("3").data is not None
    press(app, pygame.K_BACKSPACE)
    press(app, pygame.K_LEFT)
    press(app, pygame.K_RETURN)
    assert top(app) is screen
    assert app.ctx.saves.info("3").empty and screen.cards[2].empty
    # with the mouse: the small delete button on the hovered card, then "Yes"
    press(app, pygame.K_LEFT)
    assert screen.focus == 1
    press(app, pygame.K_RETURN)
    assert app.ctx.saves.info("2").data is not None
    point(app, *screen.card_rect(1).center)
    shot(app, "save-delete-button")
    click_rect(app, screen.delete_rect(1))
    confirm = top(app)
    assert isinstance(confirm, ConfirmScreen)
    click_rect(app, confirm.buttons.rects[0])
    assert app.ctx.saves.info("2").empty
    # an empty slot has nothing to delete
    press(app, pygame.K_BACKSPACE)
    assert top(app) is screen


def test_damaged_foreign_and_future_saves_show_their_message(app: App) -> None:
    folder = app.ctx.saves.folder
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "2.json").write_bytes(b"{ this is not json")
    (folder / "4.json").write_text(json.dumps({"hello": "world"}))
    (folder / "5.json").write_text(json.dumps({"game": saves.GAME_ID, "format": 99}))
    app.ctx.nav.push(SaveLoadScreen(app.ctx, "load", TitleSaves(app.ctx)))
    app.step(2)
    screen = top(app)
    assert screen.page == Page("numbered", 1)
    texts = [screen.painter.card_text(info) for info in screen.cards]
    assert texts[1].error == saves.DAMAGED
    assert texts[3].error == saves.FOREIGN
    assert "newer version" in texts[4].error
    assert texts[0].empty and not texts[0].error
    shot(app, "load-damaged")
    screen.focus = 1
    press(app, pygame.K_RETURN)  # cannot be loaded: nothing happens but a notice
    assert top(app) is screen
    click_rect(app, screen.card_rect(3))
    assert top(app) is screen
    app.ctx.settings.language = "ko"
    assert screen.painter.card_text(screen.cards[1]).error == tr("save_damaged", "ko")
    shot(app, "load-damaged-ko")
    app.ctx.settings.language = "en"
    # in a game, saving over the damaged slot works and keeps the damaged file aside
    play = start_game(app)
    app.ctx.nav.push(SaveLoadScreen(app.ctx, "save", play.link))
    app.step(2)
    screen = top(app)
    screen.focus = 1
    press(app, pygame.K_RETURN)
    assert isinstance(top(app), ConfirmScreen)
    press(app, pygame.K_LEFT)
    press(app, pygame.K_RETURN)
    assert app.ctx.saves.info("2").data is not None
    assert list(folder.glob("2.json.damaged-*"))


def test_autosaves_page_in_load_mode(app: App) -> None:
    play = start_game(app)
    for _ in range(3):
        play.saves.autosave(app.window)
    app.ctx.nav.push(SaveLoadScreen(app.ctx, "load", play.link))
    app.step(2)
    screen = top(app)
    assert screen.page.kind == "auto"  # the newest save is an autosave
    assert [p.tab for p in screen.pages][:2] == ["auto", "quick"]
    assert len(screen.cards) == 3 and all(info.data is not None for info in screen.cards)
    assert screen.painter.card_text(screen.cards[0]).badge == "Auto"
    shot(app, "load-auto")


# --- history ---


def test_history_jumps_back_to_an_earlier_line(app: App) -> None:
    play = start_game(app)
    first = current_text(play)
    advance(app, play, 2)
    second = play.controller.session.lines_so_far()[1][1].event.text.get("en")
    press(app, pygame.K_h)
    history = top(app)
    assert isinstance(history, HistoryScreen)
    assert len(history.backlog.entries) == 3 and history.backlog.focus == 2  # newest at the bottom, focused
    assert history.backlog.entries[0].name is None  # narration
    assert history.backlog.entries[1].name == "Tomas" and history.backlog.entries[1].color == (0xF4, 0xA2, 0x59)
    shot(app, "history")
    press(app, pygame.K_UP, 2)
    assert history.backlog.focus == 0
    press(app, pygame.K_RETURN)
    assert top(app) is play
    app.step(2)
    assert current_text(play) == first and play.box.text == first
    shot(app, "history-jumped")
    # with the mouse, from the game menu's History: back to the game, not to the menu
    advance(app, play, 2)
    press(app, pygame.K_ESCAPE)
    press(app, pygame.K_DOWN, 3)
    press(app, pygame.K_RETURN)
    history = top(app)
    assert isinstance(history, HistoryScreen)
    entry = history.backlog.entries[1]
    click(app, 700, 92 + history.backlog.offset() + entry.top - history.backlog.scroll + entry.height / 2)
    assert top(app) is play
    assert current_text(play) == second


def test_the_history_opens_on_whole_entries(app: App, tmp_path: Path) -> None:
    from game.story.loader import load_story
    (tmp_path / "scenes").mkdir()
    (tmp_path / "story.yaml").write_text("title: T\nlanguages: [en]\nstart: s\nendings: {e: {title: E}}\n")
    lines = "".join(f"  - narrator: Line {i}, long enough to take a row or two of the list. " * 1 + "\n"
                    for i in range(30))
    (tmp_path / "scenes" / "s.yaml").write_text("scene: s\nscript:\n" + lines + "  - ending: e\n")
    app.ctx.story = load_story(tmp_path)
    app.ctx.resources.set_story(tmp_path)
    play = start_game(app)
    advance(app, play, 25)
    press(app, pygame.K_h)
    history = top(app)
    assert isinstance(history, HistoryScreen)
    assert history.backlog.total() > 548, "the test needs more lines than the list shows at once"
    first = history.backlog.entries[history.backlog.visible()[0]]
    assert first.top >= history.backlog.scroll  # the top entry is whole, not cut by the list's edge
    last = history.backlog.entries[-1]
    assert last.top + last.height <= history.backlog.scroll + 548  # and the newest line is in view


def test_history_scrolls(app: App) -> None:
    play = start_game(app)
    app.ctx.settings.text_size = "large"
    advance(app, play, 3)
    play.choose(0)  # promise to keep the lamp lit: a few more lines
    app.step(2)
    for _ in range(4):
        event = play.controller.current.event
        if getattr(event, "kind", None) != m.LINE:
            break
        advance(app, play)
    history = HistoryScreen(app.ctx, play.link)
    app.ctx.nav.push(history)
    app.step(2)
    history.backlog.scroll = 0.0
    press(app, pygame.K_PAGEDOWN)
    assert history.backlog.scroll >= 0
    wheel(app, 1)
    assert history.backlog.scroll == 0.0
    press(app, pygame.K_ESCAPE)
    assert top(app) is play
    empty = HistoryScreen(app.ctx, play.link)
    empty.entries = []
    empty.focus = -1
    app.ctx.nav.push(empty)
    press(app, pygame.K_RETURN)  # nothing to jump to: no crash
    press(app, pygame.K_ESCAPE)


# --- settings ---


def test_settings_change_language_mid_scene(app: App) -> None:
    app.ctx.settings.text_speed = 45  # the typewriter runs
    play = start_game(app)
    advance(app, play)
    english = current_text(play, "en")
    korean = current_text(play, "ko")
    assert english != korean
    press(app, pygame.K_ESCAPE)
    press(app, pygame.K_DOWN, 4)
    press(app, pygame.K_RETURN)
    settings = top(app)
    assert isinstance(settings, SettingsScreen)
    shot(app, "settings")
    press(app, pygame.K_DOWN, 6)
    assert settings.rows[settings.focus].key == "language"
    press(app, pygame.K_RIGHT)
    assert app.ctx.settings.language == "ko"
    assert play.box.text == korean and play.box.complete
    assert play.box.speaker_name == "토마스"
    stored = json.loads((app.options.data_dir / "settings.json").read_text(encoding="utf-8"))
    assert stored["language"] == "ko"
    shot(app, "settings-ko")
    press(app, pygame.K_ESCAPE, 2)
    assert top(app) is play
    shot(app, "play-ko")
    press(app, pygame.K_ESCAPE)
    shot(app, "menu-ko")


def test_settings_sliders_and_options_by_keyboard_and_mouse(app: App) -> None:
    app.ctx.nav.push(SettingsScreen(app.ctx))
    app.step(2)
    settings = top(app)
    s = app.ctx.settings
    s.text_speed = 45
    press(app, pygame.K_RIGHT)
    assert s.text_speed == 50
    press(app, pygame.K_LEFT)
    assert s.text_speed == 40
    press(app, pygame.K_DOWN, 2)
    press(app, pygame.K_LEFT)
    assert s.master_volume == pytest.approx(0.75)
    stored = json.loads((app.options.data_dir / "settings.json").read_text(encoding="utf-8"))
    assert stored["master_volume"] == pytest.approx(0.75)
    # the mouse: far right of the text-speed track is "instant", its left arrow steps back
    parts = {name: rect for name, _, rect in settings.parts(0)}
    click(app, parts["track"].right - 2, parts["track"].centery)
    assert s.text_speed == 0
    shot(app, "settings-instant")
    click_rect(app, parts["left"])
    assert s.text_speed == 200
    click(app, parts["track"].x + 4, parts["track"].centery)
    assert s.text_speed == 10
    # options
    for index, row in enumerate(settings.rows):
        if row.key == "text_size":
            options = settings.parts(index)
            click_rect(app, options[2][2])
            assert s.text_size == "large"
        if row.key == "high_contrast":
            settings.focus = index
            press(app, pygame.K_RETURN)
            assert s.high_contrast is True
        if row.key == "timed_choices":
            settings.focus = index
            press(app, pygame.K_RIGHT)
            assert s.timed_choices is False
    shot(app, "settings-changed")
    press(app, pygame.K_UP, 20)  # wraps around, never leaves the rows
    assert 0 <= settings.focus < len(settings.rows)
    click(app, 5, 5, button=3)
    assert isinstance(top(app), TitleScreen)


# --- gallery ---


def test_gallery_locked_then_unlocked(app: App) -> None:
    app.ctx.nav.push(GalleryScreen(app.ctx))
    app.step(2)
    gallery = top(app)
    assert gallery.ids == ["dawn", "shipwreck", "lost_in_fog"]
    assert gallery.counter() == "0 / 3 endings"
    shot(app, "gallery-locked")
    press(app, pygame.K_RETURN)  # a locked card does not open
    assert top(app) is gallery
    press(app, pygame.K_ESCAPE)
    assert isinstance(top(app), TitleScreen)
    app.ctx.progress.record_ending("shipwreck")
    app.ctx.nav.push(GalleryScreen(app.ctx))
    app.step(2)
    gallery = top(app)
    assert gallery.counter() == "1 / 3 endings"
    assert gallery.seen("shipwreck") and not gallery.seen("dawn")
    press(app, pygame.K_RIGHT)
    shot(app, "gallery")
    press(app, pygame.K_RETURN)
    viewer = top(app)
    assert isinstance(viewer, EndingViewer) and gallery.ids[viewer.index] == "shipwreck"
    shot(app, "gallery-view")
    press(app, pygame.K_ESCAPE)
    assert top(app) is gallery
    click_rect(app, gallery.rects[1])
    assert isinstance(top(app), EndingViewer)
    click(app, 640, 360)
    assert top(app) is gallery
    app.ctx.settings.language = "ko"
    assert gallery.counter() == "엔딩 1 / 3"
    shot(app, "gallery-ko")


# --- any window size ---


def test_screens_at_other_window_sizes(app: App) -> None:
    play = start_game(app)
    advance(app, play)
    save_through_menu(app, play, 4)
    for size in ((1920, 1080), (1000, 800)):
        app.window = pygame.display.set_mode(size, pygame.RESIZABLE)
        app.view.window_size = app.window.get_size()
        app.step(2)
        screen = top(app)
        assert isinstance(screen, SaveLoadScreen)
        shot(app, f"save-{size[0]}x{size[1]}")
        click_rect(app, screen.card_rect(1))  # hit testing follows the scale and the letterbox
        assert app.ctx.saves.info("2").data is not None
        app.ctx.saves.delete("2")
        screen.refresh()
    press(app, pygame.K_ESCAPE)
    menu = top(app)
    assert isinstance(menu, GameMenu)
    click_rect(app, menu.list.rects[3])  # History
    assert isinstance(top(app), HistoryScreen)
    shot(app, "history-1000x800")


def test_the_loop_paces_itself_to_the_screen_on_top(app: App) -> None:
    """The animated title asks for 30 frames a second, play for 60: the interactive loop obeys."""
    asked: list[int] = []

    class Clock:
        def tick(self, rate: int = 0) -> int:
            asked.append(rate)
            return 16

    app.clock = Clock()  # type: ignore[assignment]
    app.dirty = True  # a frame to draw, so the step does not wait for input
    app.step(1, wait=True)
    assert asked == [TitleScreen.frame_rate] == [30]
    start_game(app)
    asked.clear()
    app.dirty = True
    app.step(1, wait=True)
    assert asked == [60]


def test_the_first_frame_is_not_held_back_by_the_pacing(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The title's first frame is drawn at once (it used to wait out a 30 fps frame after start-up)."""
    monkeypatch.setenv("STARLIGHT_CACHE_DIR", str(tmp_path / "cache"))
    fresh = App(Options(story_root=SAMPLE, ui_root=shipped_story(), data_dir=tmp_path / "data"))
    asked: list[int] = []

    class Clock:
        def tick(self, rate: int = 0) -> int:
            asked.append(rate)
            return 16

    try:
        fresh.clock = Clock()  # type: ignore[assignment]
        fresh.ctx.nav.push(TitleScreen(fresh.ctx))
        fresh.dirty = True
        fresh.step(2, wait=True)
        assert asked == [0, TitleScreen.frame_rate]
    finally:
        fresh.close()


# --- first-time player's bugs (issue 18) ---


def test_the_last_typed_characters_and_the_go_on_mark_are_drawn_without_input(app: App) -> None:
    play = start_game(app)
    app.ctx.settings.text_speed = 40
    advance(app, play)
    drawn: list[bool] = []
    draw = app.draw
    app.draw = lambda: (drawn.append(play.box.complete), draw())[1]  # type: ignore[method-assign]
    for _ in range(200):  # no input at all: the line types itself out
        app.step(1, dt=0.05)
        if play.box.complete:
            break
    app.step(3, dt=0.05)
    assert play.box.complete
    assert drawn and drawn[-1], "the frame with the whole line (and the go-on mark) was never drawn"


def test_a_held_f11_toggles_fullscreen_once(app: App) -> None:
    start_game(app)
    toggles = []
    app.toggle_fullscreen = lambda: toggles.append(1)  # type: ignore[method-assign]
    for _ in range(5):  # SDL repeats a held key as KEYDOWN after KEYDOWN, with no KEYUP between
        pygame.event.post(pygame.event.Event(pygame.KEYDOWN, key=pygame.K_F11, mod=0, unicode="", scancode=0))
        app.step(1)
    assert toggles == [1]
    pygame.event.post(pygame.event.Event(pygame.KEYUP, key=pygame.K_F11, mod=0, unicode="", scancode=0))
    pygame.event.post(pygame.event.Event(pygame.KEYDOWN, key=pygame.K_F11, mod=0, unicode="", scancode=0))
    app.step(1)
    assert toggles == [1, 1]  # released and pressed again: a second toggle


def test_a_held_key_saves_and_skips_once(app: App) -> None:
    play = start_game(app)
    for _ in range(2):
        pygame.event.post(pygame.event.Event(pygame.KEYDOWN, key=pygame.K_TAB, mod=0, unicode="", scancode=0))
        app.step(1, dt=0.001)  # (too little time for skipping to reach the first unread line and stop)
    assert play.controller.skipping  # toggled on once, not on and off again


def test_enter_as_the_options_appear_does_not_choose(app: App) -> None:
    play = start_game(app)
    for _ in range(40):
        if play.choices is not None:
            break
        pygame.event.post(pygame.event.Event(pygame.KEYDOWN, key=pygame.K_RETURN, mod=0, unicode="", scancode=0))
        pygame.event.post(pygame.event.Event(pygame.KEYUP, key=pygame.K_RETURN, mod=0, unicode="", scancode=0))
        app.step(1, dt=0.02)  # a quick player: a press every 20 ms
    assert play.choices is not None
    decided = len(play.controller.session.decisions)
    pygame.event.post(pygame.event.Event(pygame.KEYDOWN, key=pygame.K_RETURN, mod=0, unicode="", scancode=0))
    pygame.event.post(pygame.event.Event(pygame.KEYUP, key=pygame.K_RETURN, mod=0, unicode="", scancode=0))
    app.step(1, dt=0.02)
    assert len(play.controller.session.decisions) == decided  # the options have only just appeared
    assert play.choices is not None
    app.step(20, dt=0.05)
    press(app, pygame.K_RETURN)
    assert len(play.controller.session.decisions) == decided + 1  # a moment later Enter chooses
