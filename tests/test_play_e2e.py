"""A whole playthrough of the sample story in the real app, driven only by posted input events.

New game from the title, lines advanced with Enter, a quick save, a choice, a
rollback that chooses differently, the language switched mid-scene through the
settings screen, skipping read lines, a quick load, and on to an ending that is
recorded in the gallery; then back on the title, Continue resumes the newest save.
"""

from __future__ import annotations

import os

os.environ["SDL_VIDEODRIVER"] = "dummy"  # before pygame is imported
os.environ["SDL_AUDIODRIVER"] = "dummy"

from pathlib import Path

import pygame
import pytest

from game.story import model as m
from game.story.runtime import ChoiceEvent, MapEvent
from game.ui.app import App
from game.ui.play.screen import PlayScreen
from game.ui.screens.ending import EndingScreen
from game.ui.screens.settings import SettingsScreen
from game.ui.title import TitleScreen

SAMPLE = Path(__file__).parent / "fixtures" / "sample"
LANGUAGE_ROW = 6  # text speed, auto delay, three volumes, display, language


@pytest.fixture
def app(title_app: App) -> App:
    return title_app


def press(app: App, key: int, times: int = 1, mod: int = 0) -> None:
    """A key pressed and released, then two frames of a fifth of a second each."""
    for _ in range(times):
        pygame.event.post(pygame.event.Event(pygame.KEYDOWN, key=key, mod=mod, unicode="", scancode=0))
        pygame.event.post(pygame.event.Event(pygame.KEYUP, key=key, mod=mod, unicode="", scancode=0))
        app.step(2, dt=0.2)


def play_screen(app: App) -> PlayScreen:
    screen = app.ctx.nav.find(PlayScreen)
    assert screen is not None, f"no play screen on the stack: {list(app.ctx.nav)}"
    return screen


def where(app: App) -> str:
    """file-name:line of what the play screen shows now."""
    event = play_screen(app).controller.current.event
    op = event.op if isinstance(event, (ChoiceEvent, MapEvent)) else event
    return f"{Path(op.pos.file).stem}:{op.pos.line}"


def shown_text(app: App) -> str:
    return play_screen(app).box.text


def next_line(app: App) -> None:
    """Enter until the shown step changes (a first press may only finish a transition)."""
    before = where(app)
    for _ in range(4):
        press(app, pygame.K_RETURN)
        if where(app) != before:
            return
    raise AssertionError(f"Enter did not move on from {before}")


def advance_to_choice(app: App, limit: int = 40) -> None:
    for _ in range(limit):
        if isinstance(play_screen(app).controller.current.event, ChoiceEvent):
            return
        press(app, pygame.K_RETURN)
    raise AssertionError(f"no choice within {limit} lines; at {where(app)}")


def test_new_game_to_an_ending_with_saves_rollback_skip_and_language(app: App) -> None:
    # New game (the focused first button of the title menu).
    press(app, pygame.K_RETURN)
    assert where(app) == "harbor:12"
    next_line(app)
    assert where(app) == "harbor:13"
    assert "weather" in shown_text(app)

    # Quick save here, then go on to the first choice and take the first option.
    press(app, pygame.K_F5)
    assert app.ctx.saves.info("quick").data is not None
    advance_to_choice(app)
    assert where(app) == "harbor:15"
    press(app, pygame.K_RETURN)
    assert where(app) == "harbor:19"  # option 0's `then` line

    # Roll back to the choice and choose differently: the new branch is taken.
    press(app, pygame.K_PAGEUP)
    assert where(app) == "harbor:15"
    press(app, pygame.K_DOWN)
    press(app, pygame.K_RETURN)
    assert where(app) == "harbor:23"  # option 1's `then` line
    controller = play_screen(app).controller
    assert controller.session.cursor.runtime.variables(controller.current.state)["weather"] == "fog"

    # Switch to Korean mid-scene through the menu and the settings screen.
    english = shown_text(app)
    press(app, pygame.K_ESCAPE)
    press(app, pygame.K_DOWN, 4)  # resume, save, load, history, settings
    press(app, pygame.K_RETURN)
    assert isinstance(app.ctx.nav.top, SettingsScreen)
    press(app, pygame.K_DOWN, LANGUAGE_ROW)
    press(app, pygame.K_RIGHT)
    assert app.ctx.settings.language == "ko"
    press(app, pygame.K_ESCAPE, 2)
    assert isinstance(app.ctx.nav.top, PlayScreen)
    korean = shown_text(app)
    assert korean != english and any("\uac00" <= ch <= "\ud7a3" for ch in korean)

    # Quick load asks first (like the menu's Load), then goes back to the saved line (in Korean now).
    press(app, pygame.K_F9)
    from game.ui.screens.confirm import ConfirmScreen
    assert isinstance(app.ctx.nav.top, ConfirmScreen) and where(app) == "harbor:23"
    press(app, pygame.K_LEFT)  # the focus starts on the safe answer, "No"
    press(app, pygame.K_RETURN)
    assert where(app) == "harbor:13"
    assert any("\uac00" <= ch <= "\ud7a3" for ch in shown_text(app))

    # Skip (Tab) runs through read lines and stops at the choice.
    press(app, pygame.K_TAB)
    for _ in range(400):  # skipping moves a line every 60 ms of game time
        if not play_screen(app).controller.skipping:
            break
        app.step(1, dt=0.02)
    assert where(app) == "harbor:15"
    assert not play_screen(app).controller.skipping

    # The fog branch to its end: the fog horn, then the ending card.
    press(app, pygame.K_DOWN)
    press(app, pygame.K_RETURN)
    advance_to_choice(app)
    assert where(app) == "lamp_room:15"
    options = play_screen(app).controller.current.event.options
    assert len(options) == 3  # the fog horn is visible in fog
    press(app, pygame.K_DOWN)
    press(app, pygame.K_RETURN)
    for _ in range(20):
        if isinstance(app.ctx.nav.top, EndingScreen):
            break
        press(app, pygame.K_RETURN)
    assert isinstance(app.ctx.nav.top, EndingScreen)
    assert app.ctx.nav.top.ending == "lost_in_fog"
    assert "lost_in_fog" in app.ctx.progress.endings_seen

    # The ending card returns to the title; Continue resumes the newest (auto) save.
    press(app, pygame.K_RETURN)  # the first press finishes the card's fade
    press(app, pygame.K_RETURN)
    assert isinstance(app.ctx.nav.top, TitleScreen)
    newest = app.ctx.saves.newest()
    assert newest is not None and newest.slot.startswith("auto-")
    press(app, pygame.K_DOWN)  # New game -> Continue
    press(app, pygame.K_RETURN)
    assert isinstance(app.ctx.nav.top, PlayScreen)
    assert where(app) == "lamp_room:15"  # the last autosave: at the timed choice


def test_wheel_up_at_the_first_line_opens_the_history(app: App) -> None:
    press(app, pygame.K_RETURN)
    pygame.event.post(pygame.event.Event(pygame.MOUSEWHEEL, x=0, y=1, flipped=False, which=0))
    app.step(2)
    from game.ui.screens.history import HistoryScreen
    assert isinstance(app.ctx.nav.top, HistoryScreen)


def test_timed_choice_takes_the_default_when_time_runs_out(app: App) -> None:
    app.ctx.nav.replace_all(PlayScreen.new_game(app.ctx, "lamp_room"))
    app.step(2)
    advance_to_choice(app)
    play = play_screen(app)
    timer = play.controller.timer
    assert timer is not None and timer.left <= 5
    app.step(60, dt=0.1)  # let the five seconds pass

    # default 3 = "Watch the sea a while longer": no lamp; on this path it ends in shipwreck
    for _ in range(20):
        if isinstance(app.ctx.nav.top, EndingScreen):
            break
        press(app, pygame.K_RETURN)
    assert app.ctx.nav.top.ending == "shipwreck"


def test_timers_can_be_turned_off(app: App) -> None:
    app.ctx.settings.timed_choices = False
    app.ctx.nav.replace_all(PlayScreen.new_game(app.ctx, "lamp_room"))
    app.step(2)
    advance_to_choice(app)
    assert play_screen(app).controller.timer is None


def test_hot_reload_keeps_the_place_and_survives_a_broken_edit(app: App, tmp_path: Path) -> None:
    import shutil
    story = tmp_path / "story"
    shutil.copytree(SAMPLE, story)
    app.ctx.resources.set_story(story)
    from game.story.loader import load_story
    app.ctx.story = load_story(story)
    app.ctx.nav.replace_all(PlayScreen.new_game(app.ctx))
    app.step(2)
    next_line(app)
    assert where(app) == "harbor:13"
    scene = story / "scenes" / "harbor.yaml"
    original = scene.read_text(encoding="utf-8")
    scene.write_text(original.replace("There's weather coming in tonight", "A storm is coming tonight"),
                     encoding="utf-8")
    press(app, pygame.K_r, mod=pygame.KMOD_SHIFT)
    assert "A storm is coming tonight" in shown_text(app)
    assert play_screen(app).reload_errors == []
    scene.write_text(original.replace("script:", "scrpt:"), encoding="utf-8")
    press(app, pygame.K_r, mod=pygame.KMOD_SHIFT)
    errors = play_screen(app).reload_errors
    assert errors and any("scenes/harbor.yaml" in e for e in errors)
    assert "A storm is coming tonight" in shown_text(app)  # still playing the last good story
    assert play_screen(app).controller.current.event.kind == m.LINE


def test_wrap_keeps_every_row_when_closing_punctuation_hangs() -> None:
    from game.layout.wrap import wrap
    rows = wrap("a" * 99 + " !", len, 100)
    assert "".join(rows).replace(" ", "") == "a" * 99 + "!"


def test_decisions_outlive_the_rollback_window(tmp_path: Path) -> None:
    from game.play.session import MAX_ROLLBACK, Session
    from game.story.cursor import Cursor
    from game.story.loader import load_story
    (tmp_path / "scenes").mkdir()
    (tmp_path / "story.yaml").write_text("title: T\nlanguages: [en]\nstart: s\nendings: {e: {title: E}}\n")
    lines = "".join(f"  - narrator: line {i}\n" for i in range(MAX_ROLLBACK + 10))
    (tmp_path / "scenes" / "s.yaml").write_text(
        "scene: s\nscript:\n  - choice:\n      - text: one\n      - text: two\n" + lines + "  - ending: e\n")
    cursor = Cursor.of(load_story(tmp_path))
    session = Session(cursor, cursor.start())
    checkpoint = session.choose(session.current.event.options[1].index).checkpoint
    while checkpoint.event.kind != m.ENDING:
        checkpoint = session.advance().checkpoint
    assert len(session.history) == MAX_ROLLBACK
    assert [index for _, index in session.decisions] == [1]


def test_a_different_choice_after_rollback_replaces_the_later_decisions() -> None:
    from game.play.session import Session
    from game.story.cursor import Cursor
    from game.story.loader import load_story
    cursor = Cursor.of(load_story(SAMPLE))
    session = Session(cursor, cursor.start())
    checkpoint = session.current
    while not isinstance(checkpoint.event, ChoiceEvent):
        checkpoint = session.advance().checkpoint
    first = session.position
    checkpoint = session.choose(checkpoint.event.options[0].index).checkpoint
    while not isinstance(checkpoint.event, ChoiceEvent):
        checkpoint = session.advance().checkpoint
    session.choose(checkpoint.event.options[0].index)
    assert len(session.decisions) == 2
    session.jump_to(first)
    session.choose(session.current.event.options[2].index)
    assert [index for _, index in session.decisions] == [2]
