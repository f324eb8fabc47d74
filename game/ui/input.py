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
    ACCESS = "access"          # Shift+A: the accessibility screen, from anywhere
    SPEAK_AGAIN = "speak_again"  # V: self-voicing says the last thing again
    KEY = "key"                # a key or button bound to nothing (``Input.key`` names it): the rebinding screen's


@dataclass(frozen=True)
class Input:
    action: Action
    pos: tuple[float, float] | None = None
    repeat: bool = False  # a key held down repeating: toggles, saves and loads ignore these
    text: str = ""  # Action.TEXT: what was typed
    held: bool = False  # Action.POINT: the left button is down (a drag)
    device: str = "keyboard"  # "keyboard", "mouse" or "pad": what the player used (prompts name its buttons)
    key: str | None = None  # the key's binding name ("shift+a", "pad:a"), for the rebinding screen


# The default bindings, by name: a key as pygame names it ("page up"), "shift+" before it for Shift;
# pad buttons by SDL's game-controller names.  The player's own (settings.key_bindings / pad_bindings)
# replace an action's list.  Every action the player may rebind is listed here.
DEFAULT_KEYS: dict[Action, tuple[str, ...]] = {
    Action.CONFIRM: ("return", "enter", "space"), Action.BACK: ("escape",), Action.UP: ("up",),
    Action.DOWN: ("down",), Action.LEFT: ("left",), Action.RIGHT: ("right",), Action.ROLLBACK: ("page up",),
    Action.ROLLFORWARD: ("page down",), Action.SKIP: ("tab",), Action.AUTO: ("a",), Action.HISTORY: ("h",),
    Action.HIDE_UI: ("delete",), Action.MENU: (), Action.QUICKSAVE: ("f5",), Action.QUICKLOAD: ("f9",),
    Action.RELOAD: ("shift+r",), Action.DELETE: ("backspace",), Action.LAST_CHOICE: ("home",),
    Action.NEXT_CHOICE: ("end",), Action.ZOOM_IN: ("+", "=", "[+]"), Action.ZOOM_OUT: ("-", "[-]"),
    Action.ACCESS: ("shift+a",), Action.SPEAK_AGAIN: ("v",),
}
DEFAULT_PAD: dict[Action, tuple[str, ...]] = {
    Action.CONFIRM: ("a",), Action.BACK: ("b",), Action.AUTO: ("x",), Action.SKIP: ("y",),
    Action.HISTORY: ("back",), Action.MENU: ("start",), Action.UP: ("dpup",), Action.DOWN: ("dpdown",),
    Action.LEFT: ("dpleft",), Action.RIGHT: ("dpright",), Action.ROLLBACK: ("leftshoulder",),
    Action.ROLLFORWARD: ("rightshoulder",), Action.LAST_CHOICE: ("leftstick",), Action.NEXT_CHOICE: ("rightstick",),
    Action.ACCESS: ("guide",),
}
# Never left without a key or button: every pad button has an action by default, so a pad player frees
# one by clearing another action; these are the ones that cannot be cleared.
ESSENTIAL = frozenset({Action.CONFIRM, Action.BACK, Action.UP, Action.DOWN})
REBINDABLE = tuple(DEFAULT_KEYS)  # (KEY, TEXT, SEARCH, POINT and CLICK are not actions one binds)
# While a search field has the keys (``InputMapper.typing``), these still act; the rest type.
TYPING_KEYS = frozenset({pygame.K_RETURN, pygame.K_KP_ENTER, pygame.K_ESCAPE, pygame.K_BACKSPACE, pygame.K_UP,
                         pygame.K_DOWN, pygame.K_PAGEUP, pygame.K_PAGEDOWN, pygame.K_HOME, pygame.K_END,
                         pygame.K_TAB, pygame.K_DELETE, pygame.K_F5, pygame.K_F9})
PAD_NAMES: dict[str, int] = {}
if sdl_controller is not None:
    PAD_NAMES = {name: getattr(pygame, f"CONTROLLER_BUTTON_{const}") for name, const in (
        ("a", "A"), ("b", "B"), ("x", "X"), ("y", "Y"), ("back", "BACK"), ("start", "START"), ("guide", "GUIDE"),
        ("dpup", "DPAD_UP"), ("dpdown", "DPAD_DOWN"), ("dpleft", "DPAD_LEFT"), ("dpright", "DPAD_RIGHT"),
        ("leftshoulder", "LEFTSHOULDER"), ("rightshoulder", "RIGHTSHOULDER"), ("leftstick", "LEFTSTICK"),
        ("rightstick", "RIGHTSTICK"))}
STICK_THRESHOLD = 20000
MAX_BINDINGS = 4  # per action and device (the settings' limit)
SHIFTS = (pygame.K_LSHIFT, pygame.K_RSHIFT)


def key_name(key: int, shift: bool) -> str:
    """The binding name of a key press: "a", "shift+a", "page up"."""
    return ("shift+" if shift else "") + pygame.key.name(key)


def key_code(name: str) -> tuple[int, bool] | None:
    """(key, shift) of a binding name; None for a name pygame does not know."""
    shift = name.startswith("shift+")
    base = name[len("shift+"):] if shift else name
    try:
        code = pygame.key.key_code(base)
    except ValueError:
        return None
    return (code, shift) if code != pygame.K_UNKNOWN else None


class Bindings:
    """Which key and pad button does which action: the defaults, with the player's own over them."""

    def __init__(self, keys: dict[str, list[str]] | None = None, pad: dict[str, list[str]] | None = None) -> None:
        self.keys: dict[Action, list[str]] = {a: list(v) for a, v in DEFAULT_KEYS.items()}
        self.pad: dict[Action, list[str]] = {a: list(DEFAULT_PAD.get(a, ())) for a in REBINDABLE}
        self.ignored: list[str] = []  # names in the player's settings this game does not know
        for table, mine, known in ((self.keys, keys, key_code), (self.pad, pad, PAD_NAMES.get)):
            for action_name, names in (mine or {}).items():
                try:
                    action = Action(action_name)
                except ValueError:
                    self.ignored.append(action_name)
                    continue
                if action in table:
                    good = [n for n in names if known(n) is not None]
                    self.ignored += [n for n in names if known(n) is None]
                    table[action] = good[:MAX_BINDINGS]

    def to_settings(self) -> tuple[dict[str, list[str]], dict[str, list[str]]]:
        """(key_bindings, pad_bindings) as settings keep them: only what differs from the defaults."""
        keys = {a.value: v for a, v in self.keys.items() if tuple(v) != DEFAULT_KEYS[a]}
        pad = {a.value: v for a, v in self.pad.items() if tuple(v) != DEFAULT_PAD.get(a, ())}
        return keys, pad

    def owner(self, name: str, pad: bool = False) -> Action | None:
        """The action ``name`` is bound to, if any."""
        table = self.pad if pad else self.keys
        return next((a for a, names in table.items() if name in names), None)

    def bind(self, action: Action, name: str, pad: bool = False) -> Action | None:
        """Make ``name`` the first binding of ``action``; refused (the other action returned) when it is taken."""
        other = self.owner(name, pad)
        if other is not None and other != action:
            return other
        table = self.pad if pad else self.keys
        names = [name] + [n for n in table[action] if n != name]
        table[action] = names[:MAX_BINDINGS]
        return None

    def clear(self, action: Action, pad: bool = False) -> bool:
        """Unbind ``action`` (freeing its keys or buttons for another); refused (False) for the actions one
        needs to find one's way back here (``ESSENTIAL``)."""
        if action in ESSENTIAL:
            return False
        (self.pad if pad else self.keys)[action] = []
        return True

    def key_table(self) -> dict[tuple[int, bool], Action]:
        table: dict[tuple[int, bool], Action] = {}
        for action, names in self.keys.items():
            for name in names:
                code = key_code(name)
                if code is not None:
                    table.setdefault(code, action)
        return table

    def pad_table(self) -> dict[int, Action]:
        return {PAD_NAMES[name]: action for action, names in self.pad.items() for name in names if name in PAD_NAMES}


class InputMapper:
    """Translates pygame events; ``to_logical`` maps window pixels to the logical canvas."""

    def __init__(self, to_logical: Callable[[tuple[int, int]], tuple[float, float]],
                 bindings: Bindings | None = None) -> None:
        self.to_logical = to_logical
        self.use(bindings or Bindings())
        self.pads: dict[int, object] = {}  # SDL instance id -> the opened controller
        self._stick: dict[tuple[int, int], int] = {}
        self._down: set[int] = set()  # keys pressed and not yet released: a second KEYDOWN is a repeat
        self.typing = False  # a search field has the keys: letters, digits and space type (TEXTINPUT)
        if sdl_controller is not None:
            try:
                sdl_controller.init()
            except pygame.error as error:  # the game is played with keys and mouse then
                log.warning("game controllers are not available: %s", error)

    def use(self, bindings: Bindings) -> None:
        """Play with ``bindings`` from now on (the rebinding screen changed them)."""
        self.bindings = bindings
        self._keys = bindings.key_table()
        self._pad_buttons = bindings.pad_table()

    def translate(self, event: pygame.event.Event) -> list[Input]:
        kind = event.type
        if kind == pygame.KEYDOWN:
            repeat = self.key_repeats(event)
            if event.key == pygame.K_f and event.mod & pygame.KMOD_CTRL:
                return [Input(Action.SEARCH, repeat=repeat)]
            if self.typing and event.key not in TYPING_KEYS:
                return []  # the character comes as TEXTINPUT
            shift = bool(event.mod & pygame.KMOD_SHIFT)
            action = self._keys.get((event.key, shift)) or self._keys.get((event.key, False))
            name = key_name(event.key, shift) if event.key not in SHIFTS else None
            if action is None:
                return [Input(Action.KEY, repeat=repeat, key=name)] if name else []
            return [Input(action, repeat=repeat, key=name)]
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
            action = self._pad_buttons.get(event.button)
            name = next((n for n, b in PAD_NAMES.items() if b == event.button), None)
            return [Input(action, key=f"pad:{name}" if name else None, device="pad")] if action else \
                [Input(Action.KEY, key=f"pad:{name}", device="pad")] if name else []
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
