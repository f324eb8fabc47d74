"""A gamepad plays the game: SDL's own virtual controller, so presses travel SDL's real controller path.

pygame has no way to make a controller, but the SDL library it loads does
(``SDL_JoystickAttachVirtual``, SDL 2.0.14+).  The pad below is a game
controller as far as SDL is concerned: SDL maps it, reports it added, and turns
its button states into CONTROLLERBUTTONDOWN / AXISMOTION events during the
game's own event pumping, exactly as for a pad on a USB port.  Only the hint
that lets an unfocused window hear a pad is set (the dummy video driver never
has focus).
"""

from __future__ import annotations

import os

os.environ["SDL_VIDEODRIVER"] = "dummy"  # before pygame is imported
os.environ["SDL_AUDIODRIVER"] = "dummy"

import ctypes
import glob
from pathlib import Path

import pygame
import pytest

from game.story.runtime import ChoiceEvent
from game.ui.app import App
from game.ui.play.screen import PlayScreen
from game.ui.screens.menu import GameMenu

SAMPLE = Path(__file__).parent / "fixtures" / "sample"
# SDL's default mapping of a virtual game controller: button i is SDL_CONTROLLER_BUTTON i
A, B, START, LEFT_SHOULDER, RIGHT_SHOULDER, DPAD_DOWN = 0, 1, 6, 9, 10, 12
LEFT_Y = 1


def sdl_library() -> ctypes.CDLL:
    """The SDL2 library pygame itself loaded (never a second copy: the pad must live in pygame's SDL)."""
    with open("/proc/self/maps", encoding="utf-8") as maps:
        loaded = sorted({line.split()[-1] for line in maps if "libSDL2-2" in line or "libSDL2.so" in line
                         or "libSDL2-2.0.so" in line})
    candidates = loaded or glob.glob(os.path.join(os.path.dirname(pygame.__file__), os.pardir,
                                                  "pygame.libs", "libSDL2-2*"))
    assert candidates, "cannot find the SDL2 library pygame uses"
    return ctypes.CDLL(candidates[0])


class VirtualPad:
    def __init__(self, app: App) -> None:
        self.app = app
        self.sdl = sdl_library()
        self.sdl.SDL_JoystickAttachVirtual.restype = ctypes.c_int
        self.sdl.SDL_JoystickOpen.restype = ctypes.c_void_p
        self.index = self.sdl.SDL_JoystickAttachVirtual(1, 6, 15, 0)  # SDL_JOYSTICK_TYPE_GAMECONTROLLER
        assert self.index >= 0, "SDL could not attach a virtual controller"
        self.joystick = ctypes.c_void_p(self.sdl.SDL_JoystickOpen(self.index))
        assert self.joystick.value, "SDL could not open the virtual controller"
        app.step(3)  # the game hears CONTROLLERDEVICEADDED and opens the pad

    def press(self, button: int, frames: int = 3) -> None:
        assert self.sdl.SDL_JoystickSetVirtualButton(self.joystick, button, 1) == 0
        self.app.step(frames, dt=0.1)
        assert self.sdl.SDL_JoystickSetVirtualButton(self.joystick, button, 0) == 0
        self.app.step(frames, dt=0.1)

    def stick(self, axis: int, value: int) -> None:
        assert self.sdl.SDL_JoystickSetVirtualAxis(self.joystick, axis, ctypes.c_int16(value)) == 0
        self.app.step(3)

    def unplug(self) -> None:
        self.sdl.SDL_JoystickClose(self.joystick)
        assert self.sdl.SDL_JoystickDetachVirtual(self.index) == 0
        self.app.step(3)


@pytest.fixture
def pad_heard_unfocused(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SDL_JOYSTICK_ALLOW_BACKGROUND_EVENTS", "1")  # the dummy window never has focus


@pytest.fixture
def app(pad_heard_unfocused: None, title_app: App) -> App:  # the hint first: SDL reads it at start-up
    return title_app


def top(app: App) -> object:
    return app.ctx.nav.top


def confirm_until(pad: VirtualPad, play: PlayScreen, done: object, limit: int = 40) -> None:
    for _ in range(limit):
        if done():  # type: ignore[operator]
            return
        pad.press(A)
    assert done(), "pressing A never got there"  # type: ignore[operator]


def test_a_gamepad_plays_from_the_title_to_a_choice_and_back(app: App) -> None:
    pad = VirtualPad(app)
    assert app.mapper.pads, "the game did not open the pad SDL reported"
    pad.press(A)  # New game is the title's first button
    play = top(app)
    assert isinstance(play, PlayScreen)

    first = play.controller.session.position
    confirm_until(pad, play, lambda: play.controller.session.position >= first + 2)
    reached = play.controller.session.position
    pad.press(LEFT_SHOULDER)  # roll back one step
    assert play.controller.session.position == reached - 1
    pad.press(RIGHT_SHOULDER)  # and forward again
    assert play.controller.session.position == reached

    pad.press(START)  # the game menu, and B closes it
    assert isinstance(top(app), GameMenu)
    pad.press(B)
    assert top(app) is play

    confirm_until(pad, play, lambda: isinstance(play.controller.current.event, ChoiceEvent))
    options = play.controller.current.event.options
    assert len(options) >= 2
    pad.stick(LEFT_Y, 32767)  # stick down: focus the second option (d-pad down does the same)
    pad.stick(LEFT_Y, 0)
    pad.press(A)
    event, index = play.controller.session.decisions[-1]
    assert index == options[1].index  # the second visible option was taken
    assert event is not play.controller.current.event  # the story moved on past the choice


def test_unplugging_the_pad_mid_game_is_harmless(app: App) -> None:
    pad = VirtualPad(app)
    pad.press(A)
    play = top(app)
    assert isinstance(play, PlayScreen)
    pad.unplug()
    assert not app.mapper.pads
    app.step(5)
    assert top(app) is play  # the game goes on; the keyboard still works
    before = play.controller.session.position
    for _ in range(10):
        pygame.event.post(pygame.event.Event(pygame.KEYDOWN, key=pygame.K_RETURN, mod=0, unicode="\r"))
        app.step(3)
        if play.controller.session.position != before:
            break
    assert play.controller.session.position != before
