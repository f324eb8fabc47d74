"""Keyboard, mouse and gamepad events turned into the game's actions.

Screens never look at raw keys: they get an ``Input`` with an ``Action`` (and
the pointer position in logical coordinates for mouse input), so every screen
works the same with keyboard alone, mouse alone, or a gamepad.
"""

from __future__ import annotations

import enum
import logging
from collections.abc import Callable
from dataclasses import dataclass
from types import ModuleType

import pygame

log = logging.getLogger(__name__)

sdl_controller: ModuleType | None
try:  # SDL's game-controller API: standard button names for any pad
    from pygame._sdl2 import controller as sdl_controller
except ImportError:  # pragma: no cover - pygame built without it
    sdl_controller = None


class Action(enum.Enum):
    CONFIRM = "confirm"        # Enter, Space, pad A
    BACK = "back"              # Esc, right click, pad B: open the menu / go back
    UP = "up"
    DOWN = "down"
    LEFT = "left"
    RIGHT = "right"
    POINT = "point"            # the mouse moved
    CLICK = "click"            # left click at pos
    ROLLBACK = "rollback"      # wheel up, PageUp, pad LB
    ROLLFORWARD = "rollforward"  # wheel down, PageDown, pad RB
    SKIP = "skip"              # Tab, pad Y: toggle skipping
    AUTO = "auto"              # A, pad X
    HISTORY = "history"        # H, pad Back
    HIDE_UI = "hide_ui"        # Delete, middle click
    MENU = "menu"              # pad Start
    QUICKSAVE = "quicksave"    # F5
    QUICKLOAD = "quickload"    # F9
    RELOAD = "reload"          # Shift+R
    DELETE = "delete"          # Backspace (on the save screen, and in a search field)
    LAST_CHOICE = "last_choice"  # Home, pad left stick click: back to the last choice
    NEXT_CHOICE = "next_choice"  # End, pad right stick click: skip to the next choice
    SEARCH = "search"          # Ctrl+F: the history's search field
    TEXT = "text"              # text typed (``Input.text``), for a search field
    ZOOM_IN = "zoom_in"        # + (the flowchart; the wheel, PageUp / PageDown and LB / RB zoom there too)
    ZOOM_OUT = "zoom_out"      # -


@dataclass(frozen=True)
class Input:
    action: Action
    pos: tuple[float, float] | None = None
    repeat: bool = False  # a key held down repeating: toggles, saves and loads ignore these
    text: str = ""  # Action.TEXT: what was typed
    held: bool = False  # Action.POINT: the left button is down (a drag)
    device: str = "keyboard"  # "keyboard", "mouse" or "pad": what the player used (prompts name its buttons)


KEYS: dict[int, Action] = {
    pygame.K_RETURN: Action.CONFIRM, pygame.K_KP_ENTER: Action.CONFIRM, pygame.K_SPACE: Action.CONFIRM,
    pygame.K_ESCAPE: Action.BACK, pygame.K_UP: Action.UP, pygame.K_DOWN: Action.DOWN,
    pygame.K_LEFT: Action.LEFT, pygame.K_RIGHT: Action.RIGHT, pygame.K_PAGEUP: Action.ROLLBACK,
    pygame.K_PAGEDOWN: Action.ROLLFORWARD, pygame.K_TAB: Action.SKIP, pygame.K_a: Action.AUTO,
    pygame.K_h: Action.HISTORY, pygame.K_DELETE: Action.HIDE_UI, pygame.K_F5: Action.QUICKSAVE,
    pygame.K_F9: Action.QUICKLOAD, pygame.K_BACKSPACE: Action.DELETE,
    pygame.K_HOME: Action.LAST_CHOICE, pygame.K_END: Action.NEXT_CHOICE,
    pygame.K_PLUS: Action.ZOOM_IN, pygame.K_EQUALS: Action.ZOOM_IN, pygame.K_KP_PLUS: Action.ZOOM_IN,
    pygame.K_MINUS: Action.ZOOM_OUT, pygame.K_KP_MINUS: Action.ZOOM_OUT,
}
# While a search field has the keys (``InputMapper.typing``), these still act; the rest type.
TYPING_KEYS = frozenset({pygame.K_RETURN, pygame.K_KP_ENTER, pygame.K_ESCAPE, pygame.K_BACKSPACE, pygame.K_UP,
                         pygame.K_DOWN, pygame.K_PAGEUP, pygame.K_PAGEDOWN, pygame.K_HOME, pygame.K_END,
                         pygame.K_TAB, pygame.K_DELETE, pygame.K_F5, pygame.K_F9})
PAD_BUTTONS: dict[int, Action] = {}
if sdl_controller is not None:
    PAD_BUTTONS = {
        pygame.CONTROLLER_BUTTON_A: Action.CONFIRM, pygame.CONTROLLER_BUTTON_B: Action.BACK,
        pygame.CONTROLLER_BUTTON_X: Action.AUTO, pygame.CONTROLLER_BUTTON_Y: Action.SKIP,
        pygame.CONTROLLER_BUTTON_BACK: Action.HISTORY, pygame.CONTROLLER_BUTTON_START: Action.MENU,
        pygame.CONTROLLER_BUTTON_DPAD_UP: Action.UP, pygame.CONTROLLER_BUTTON_DPAD_DOWN: Action.DOWN,
        pygame.CONTROLLER_BUTTON_DPAD_LEFT: Action.LEFT, pygame.CONTROLLER_BUTTON_DPAD_RIGHT: Action.RIGHT,
        pygame.CONTROLLER_BUTTON_LEFTSHOULDER: Action.ROLLBACK,
        pygame.CONTROLLER_BUTTON_RIGHTSHOULDER: Action.ROLLFORWARD,
        pygame.CONTROLLER_BUTTON_LEFTSTICK: Action.LAST_CHOICE,
        pygame.CONTROLLER_BUTTON_RIGHTSTICK: Action.NEXT_CHOICE,
    }
STICK_THRESHOLD = 20000


class InputMapper:
    """Translates pygame events; ``to_logical`` maps window pixels to the logical canvas."""

    def __init__(self, to_logical: Callable[[tuple[int, int]], tuple[float, float]]) -> None:
        self.to_logical = to_logical
        self.pads: dict[int, object] = {}  # SDL instance id -> the opened controller
        self._stick: dict[tuple[int, int], int] = {}
        self._down: set[int] = set()  # keys pressed and not yet released: a second KEYDOWN is a repeat
        self.typing = False  # a search field has the keys: letters, digits and space type (TEXTINPUT)
        if sdl_controller is not None:
            try:
                sdl_controller.init()
            except pygame.error as error:  # the game is played with keys and mouse then
                log.warning("game controllers are not available: %s", error)

    def translate(self, event: pygame.event.Event) -> list[Input]:
        kind = event.type
        if kind == pygame.KEYDOWN:
            repeat = self.key_repeats(event)
            if event.key == pygame.K_f and event.mod & pygame.KMOD_CTRL:
                return [Input(Action.SEARCH, repeat=repeat)]
            if self.typing and event.key not in TYPING_KEYS:
                return []  # the character comes as TEXTINPUT
            if event.key == pygame.K_r and event.mod & pygame.KMOD_SHIFT:
                return [Input(Action.RELOAD, repeat=repeat)]
            action = KEYS.get(event.key)
            return [Input(action, repeat=repeat)] if action else []
        if kind == pygame.TEXTINPUT:
            return [Input(Action.TEXT, text=event.text)] if self.typing and event.text.isprintable() else []
        if kind == pygame.KEYUP:
            self._down.discard(event.key)
            return []
        if kind == pygame.WINDOWFOCUSLOST:  # keys released in another window never send KEYUP here
            self._down.clear()
            return []
        if kind == pygame.MOUSEMOTION:
            buttons = getattr(event, "buttons", (0, 0, 0))
            return [Input(Action.POINT, self.to_logical(event.pos), held=bool(buttons and buttons[0]), device="mouse")]
        if kind == pygame.MOUSEBUTTONDOWN:
            pos = self.to_logical(event.pos)
            button = {1: Action.CLICK, 2: Action.HIDE_UI, 3: Action.BACK}.get(event.button)
            return [Input(button, pos, device="mouse")] if button else []
        if kind == pygame.MOUSEWHEEL:
            pos = self.to_logical(pygame.mouse.get_pos())
            if event.y > 0:
                return [Input(Action.ROLLBACK, pos, device="mouse")]
            if event.y < 0:
                return [Input(Action.ROLLFORWARD, pos, device="mouse")]
            return []
        return self._pad(event)

    def key_repeats(self, event: pygame.event.Event) -> bool:
        """Whether a KEYDOWN is the key repeating (it was down already), noting it as down."""
        repeat = event.key in self._down or bool(getattr(event, "repeat", False))
        self._down.add(event.key)
        return repeat

    def _pad(self, event: pygame.event.Event) -> list[Input]:
        if sdl_controller is None:
            return []
        kind = event.type
        if kind == pygame.CONTROLLERDEVICEADDED:
            try:
                pad = sdl_controller.Controller(event.device_index)
                self.pads[pad.as_joystick().get_instance_id()] = pad
            except pygame.error as error:  # e.g. unplugged again before it was opened
                log.warning("a game controller could not be opened: %s", error)
            return []
        if kind == pygame.CONTROLLERDEVICEREMOVED:
            gone = self.pads.pop(event.instance_id, None)
            if gone is not None:
                gone.quit()  # type: ignore[attr-defined]
            return []
        if kind == pygame.CONTROLLERBUTTONDOWN:
            action = PAD_BUTTONS.get(event.button)
            return [Input(action, device="pad")] if action else []
        if kind == pygame.CONTROLLERAXISMOTION and event.axis in (pygame.CONTROLLER_AXIS_LEFTX,
                                                                   pygame.CONTROLLER_AXIS_LEFTY):
            direction = 0 if abs(event.value) < STICK_THRESHOLD else (1 if event.value > 0 else -1)
            key = (event.instance_id, event.axis)
            if direction == self._stick.get(key, 0):
                return []
            self._stick[key] = direction
            if direction == 0:
                return []
            if event.axis == pygame.CONTROLLER_AXIS_LEFTY:
                return [Input(Action.DOWN if direction > 0 else Action.UP, device="pad")]
            return [Input(Action.RIGHT if direction > 0 else Action.LEFT, device="pad")]
        return []
