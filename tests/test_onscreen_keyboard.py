"""The history's on-screen keyboard in the real game, headless: a pad-only player (and a mouse) searches.

Driven by a virtual SDL game controller and posted mouse events, on the sample
story: the pad's Y opens the keyboard under the search field, the d-pad walks
to each key, A types, B takes back, LB / RB switch layout, Y / Start are done.
Screenshots go to $STARLIGHT_SHOTS (default: the temp folder).
"""

from __future__ import annotations

import os

os.environ["SDL_VIDEODRIVER"] = "dummy"  # before pygame is imported
os.environ["SDL_AUDIODRIVER"] = "dummy"

import pygame
import pytest
from test_gamepad import VirtualPad
from test_time_machine_ui import choose, click, new_game, press, shot, top

from game.ui.app import App
from game.ui.keyboard.layouts import DONE, KOREAN, LATIN, SHIFT, TYPE
from game.ui.screens import history as history_screen
from game.ui.screens.history import HistoryScreen
from game.ui.screens.keyboard import KeyboardScreen

A, B, X, Y, START, LB, RB = 0, 1, 2, 3, 6, 9, 10
DPAD = {(-1, 0): 11, (1, 0): 12, (0, -1): 13, (0, 1): 14}  # up, down, left, right
STORM_EN = "Storm warning. Keep the lamp burning."
STORM_KO = "폭풍 경보. 등불을 꺼뜨리지 말 것."


@pytest.fixture
def heard_unfocused(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SDL_JOYSTICK_ALLOW_BACKGROUND_EVENTS", "1")  # the dummy window never has focus


@pytest.fixture
def pad_app(heard_unfocused: None, title_app: App) -> App:  # the hint first: SDL reads it at start-up
    return title_app


def open_history(app: App) -> HistoryScreen:
    """A game played to the lamp room (the logbook's storm warning is in the history), then its history."""
    new_game(app)
    app.ctx.settings.skip_unread = True
    press(app, pygame.K_END)
    choose(app, "Promise to keep the lamp lit.")
    press(app, pygame.K_END)
    press(app, pygame.K_END)
    press(app, pygame.K_h)
    history = top(app)
    assert isinstance(history, HistoryScreen)
    return history


def place(keyboard: KeyboardScreen, char: str) -> tuple[tuple[int, int], bool]:
    """Where ``char`` is on the keyboard's layout, and whether it needs shift."""
    for shift in (False, True):
        for r, row in enumerate(keyboard.layout.rows):
            for c, key in enumerate(row):
                if key.kind == TYPE and key.types(shift) == char:
                    return (r, c), shift
    raise AssertionError(f"{char!r} is not on the {keyboard.layout.language} layout")


def walk(pad: VirtualPad, keyboard: KeyboardScreen, goal: tuple[int, int]) -> None:
    """The d-pad to ``goal``: rows first (the key below is the nearest one), then along the row."""
    for _ in range(30):
        (r, c), (gr, gc) = keyboard.focus, goal
        if (r, c) == goal:
            return
        pad.press(DPAD[(1 if gr > r else -1, 0)] if r != gr else DPAD[(0, 1 if gc > c else -1)], frames=1)
    raise AssertionError(f"the d-pad never reached {goal}: at {keyboard.focus}")


def pad_type(pad: VirtualPad, keyboard: KeyboardScreen, keys: str) -> None:
    for char in keys:
        goal, shift = place(keyboard, char)
        if shift:
            walk(pad, keyboard, keyboard.layout.find(SHIFT))
            pad.press(A, frames=1)
        walk(pad, keyboard, goal)
        pad.press(A, frames=1)


def lines(history: HistoryScreen, lang: str) -> list[str]:
    return [e.line.text.get(lang) for e in history.backlog.entries]


def test_a_pad_only_player_types_a_search_in_english(pad_app: App) -> None:
    app = pad_app
    history = open_history(app)
    everything = len(history.backlog.entries)
    pad = VirtualPad(app)
    pad.press(Y)
    keyboard = top(app)
    assert isinstance(keyboard, KeyboardScreen) and keyboard.layout is LATIN and keyboard.device == "pad"
    assert not app.ctx.typing  # the pad's keys move the highlight, not SDL's text input
    pad_type(pad, keyboard, "stor")
    assert history.query == "stor" and lines(history, "en") == [STORM_EN]  # filtered as the player types
    pad_type(pad, keyboard, "m")
    assert history.query == "storm"
    shot(app, "keyboard-en")
    pad.press(B)  # back one letter
    assert history.query == "stor" and keyboard.composer.text == "stor"
    pad.press(X)  # a space
    assert history.query == "stor "
    pad.press(B)
    pad.press(Y)  # done: the keyboard closes, the search stays
    assert top(app) is history and history.query == "stor" and lines(history, "en") == [STORM_EN]
    pad.press(Y)  # again: the keyboard opens on what was typed; B back to nothing, then B closes
    keyboard = top(app)
    assert isinstance(keyboard, KeyboardScreen) and keyboard.composer.text == "stor"
    for _ in range(4):
        pad.press(B)
    assert top(app) is keyboard and history.query == "" and len(history.backlog.entries) == everything
    pad.press(B)
    assert top(app) is history


def test_a_pad_only_player_types_a_search_in_korean(pad_app: App) -> None:
    app = pad_app
    history = open_history(app)
    app.ctx.settings.language = "ko"
    pad = VirtualPad(app)
    pad.press(Y)
    keyboard = top(app)
    assert isinstance(keyboard, KeyboardScreen) and keyboard.layout is KOREAN  # the game's language
    pad_type(pad, keyboard, "ㅍㅗㄱㅍㅜㅇ")
    assert history.query == "폭풍" and lines(history, "ko") == [STORM_KO]
    shot(app, "keyboard-ko")
    pad.press(B)  # one jamo at a time inside the syllable being composed
    assert history.query == "폭푸"
    pad.press(B)
    assert history.query == "폭ㅍ"
    pad_type(pad, keyboard, "ㅜㅇ")
    pad.press(RB)  # the other layout (the syllable finished first)
    assert keyboard.layout is LATIN and keyboard.composer.composing == ""
    pad.press(LB)
    assert keyboard.layout is KOREAN
    pad_type(pad, keyboard, "ㄲ")  # a shifted double consonant
    assert history.query == "폭풍ㄲ" and lines(history, "ko") == []
    pad.press(B)
    pad.press(START)  # done
    assert top(app) is history and history.query == "폭풍" and lines(history, "ko") == [STORM_KO]
    pad.press(A)  # back to that line in the game
    play = top(app)
    assert not isinstance(play, HistoryScreen)
    assert app.ctx.nav.find(HistoryScreen) is None


def test_the_mouse_opens_the_keyboard_and_clicks_its_keys(title_app: App) -> None:
    app = title_app
    history = open_history(app)
    keys = history_screen.KEYS
    click(app, keys[0] + keys[2] / 2, keys[1] + keys[3] / 2)  # the keyboard button in the search field
    keyboard = top(app)
    assert isinstance(keyboard, KeyboardScreen)
    for char in "lamp":
        (r, c), _ = place(keyboard, char)
        click(app, *keyboard.key_rect(r, c).center)
    assert history.query == "lamp" and all("lamp" in text.lower() for text in lines(history, "en"))
    assert keyboard.device == "mouse"  # (its hint names clicks, not pad buttons)
    shot(app, "keyboard-mouse")
    tree = keyboard.access()  # what self-voicing and screen readers get: the text so far, keys as buttons
    text = tree.find("keyboard.text")
    assert text is not None and text.value == "lamp"
    row, col = LATIN.find(DONE)
    done = tree.find(f"keyboard.{row}.{col}")
    assert done is not None and done.role == "button" and done.name == "Done" and done.activate is not None
    done.activate()
    app.step(2)
    assert top(app) is history and history.query == "lamp"
