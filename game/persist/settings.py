"""The player's preferences, kept in ``settings.json``.

Loading never fails: a missing file gives the defaults, a damaged file gives
the defaults and is kept aside, and each value that is of the wrong type or
out of range falls back to its own default with a warning, so one bad value
(say, hand-edited) costs only that value.  Unknown keys are ignored, which
lets an older game read the settings of a newer one.  Each value is checked by
a ``schema`` spec; the window size is bounded by the largest screen the game
supports, and ``clamp_window`` fits it to the screen the game starts on.

>>> settings, warnings = settings_from_json({"text_speed": 500, "fullscreen": True})
>>> settings.text_speed, settings.fullscreen
(45, True)
>>> warnings
['text_speed must be a whole number from 10 to 200 (or 0 for instant), not 500; using 45.']
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import asdict, dataclass, field, fields
from pathlib import Path
from typing import Any

from game.layout import LINE_SPACINGS, TEXT_SIZES

from ._document import load_document
from .atomic import write_json
from .schema import Fixed, Flag, Integer, ListOf, MapOf, OneOf, Real, SchemaError, Spec, Text, shown

__all__ = ["TEXT_SIZES", "Settings", "clamp_window", "load_settings", "save_settings", "settings_from_json"]
WINDOW_MIN = (320, 180)
WINDOW_MAX = (7680, 4320)  # an 8K screen: a window size beyond it is a mistake, not a preference
MAX_SETTINGS_BYTES = 1024 * 1024
_LANGUAGE = re.compile(r"[A-Za-z]{2,8}(?:[-_][A-Za-z0-9]{1,8})*")


@dataclass
class Settings:
    text_speed: int = 45  # characters per second, 10..200; 0 shows each line at once
    auto_delay: float = 2.0  # seconds auto-advance waits after a line is complete, 0.5..10
    master_volume: float = 0.8
    music_volume: float = 0.7
    sfx_volume: float = 0.8
    fullscreen: bool = False
    language: str = "en"
    timed_choices: bool = True  # False: timed choices wait for the player
    skip_unread: bool = False  # False: skip stops at lines never read in any playthrough
    text_size: str = "medium"  # one of TEXT_SIZES
    high_contrast: bool = False
    confirm_load: bool = True  # F9 asks before loading the quick save
    read_text_color: bool = False  # lines read in an earlier playthrough are drawn in their own colour
    unseen_hint: bool = False  # choice buttons say which option leads to something not seen yet
    window_size: list[int] = field(default_factory=lambda: [1280, 720])
    # --- accessibility (the accessibility screen) ---
    access_offered: bool = False  # the accessibility screen was offered at the very first launch
    self_voicing: bool = False  # the game speaks every line, option, menu item and notice
    voice: str = ""  # the speech engine's voice id; "" picks one for the story's language
    voice_rate: int = 175  # words a minute
    voice_volume: float = 1.0
    speech_clipboard: bool = False  # each spoken text also goes to the clipboard (for the player's own reader)
    screen_reader: bool = True  # expose the screen to the platform's accessibility API (AccessKit)
    reduce_motion: bool = False  # no transitions, typing, drift, fades
    flash_guard: bool = True  # no full-screen brightness jump above FLASH_CONTRAST faster than a fade
    captions: bool = False  # captions of sounds and music
    line_spacing: str = "normal"  # one of LINE_SPACINGS
    latin_font: str = "standard"  # "standard" or "legible" (game.typeset.LATIN_CHOICES)
    ui_scale: float = 1.0  # the interface's text, 1.0..1.5
    mono_audio: bool = False
    duck_music: bool = True  # music is quieter while the game speaks
    switch_scan: float = 0.0  # one-switch scanning: seconds per option at a choice (0: off)
    key_bindings: dict[str, list[str]] = field(default_factory=dict)  # action -> keys ("shift+a"), over the defaults
    pad_bindings: dict[str, list[str]] = field(default_factory=dict)  # action -> pad buttons ("a", "dpup")

    def to_json(self) -> dict[str, Any]:
        return asdict(self)


# --- one spec per setting, and what it expects in words for the warning ---

_VOLUME = (Real(0.0, 1.0), "a number from 0.0 to 1.0")
LATIN_FONTS = ("standard", "legible")  # game.typeset.LATIN_CHOICES (persist may not import it)
# What the interface may bind an action to: a few names of keys or buttons each (the UI reads the names;
# a name it does not know is ignored with a warning there).
_BINDING_NAME = Text(40, re.compile(r"[a-z0-9 +_\-\[\]\\;',./=`]{1,40}"), "a key name")
_BINDINGS = MapOf(Text(40, re.compile(r"[a-z_]{1,40}"), "an action name"), ListOf(_BINDING_NAME, 4), 64)
_FLAG = (Flag(), "true or false")
_CHECKS: dict[str, tuple[Spec, str]] = {
    "text_speed": (Integer(10, 200, also=(0,)), "a whole number from 10 to 200 (or 0 for instant)"),
    "auto_delay": (Real(0.5, 10.0), "a number of seconds from 0.5 to 10"),
    "master_volume": _VOLUME,
    "music_volume": _VOLUME,
    "sfx_volume": _VOLUME,
    "fullscreen": _FLAG,
    "language": (Text(35, _LANGUAGE), "a language code such as \"en\" or \"ko\""),
    "timed_choices": _FLAG,
    "skip_unread": _FLAG,
    "text_size": (OneOf(TEXT_SIZES), "one of " + ", ".join(TEXT_SIZES)),
    "high_contrast": _FLAG,
    "confirm_load": _FLAG,
    "read_text_color": _FLAG,
    "unseen_hint": _FLAG,
    "access_offered": _FLAG,
    "self_voicing": _FLAG,
    "voice": (Text(200), "a voice id of at most 200 characters"),
    "voice_rate": (Integer(80, 400), "a whole number of words a minute from 80 to 400"),
    "voice_volume": _VOLUME,
    "speech_clipboard": _FLAG,
    "screen_reader": _FLAG,
    "reduce_motion": _FLAG,
    "flash_guard": _FLAG,
    "captions": _FLAG,
    "line_spacing": (OneOf(tuple(LINE_SPACINGS)), "one of " + ", ".join(LINE_SPACINGS)),
    "latin_font": (OneOf(LATIN_FONTS), "one of " + ", ".join(LATIN_FONTS)),
    "ui_scale": (Real(1.0, 1.5), "a number from 1.0 to 1.5"),
    "mono_audio": _FLAG,
    "duck_music": _FLAG,
    "switch_scan": (Real(0.0, 10.0), "a number of seconds from 0 to 10 (0 for off)"),
    "key_bindings": (_BINDINGS, "a mapping of actions to lists of keys"),
    "pad_bindings": (_BINDINGS, "a mapping of actions to lists of pad buttons"),
    "window_size": (Fixed(Integer(WINDOW_MIN[0], WINDOW_MAX[0]), Integer(WINDOW_MIN[1], WINDOW_MAX[1])),
                    f"[width, height], from {WINDOW_MIN[0]} x {WINDOW_MIN[1]} to {WINDOW_MAX[0]} x {WINDOW_MAX[1]}"),
}
assert set(_CHECKS) == {f.name for f in fields(Settings)}, "every setting needs a check"


def _shown(value: Any) -> str:
    if isinstance(value, list) and len(value) <= 4:
        return "[" + ", ".join(shown(v) for v in value) + "]"
    return shown(value)


def clamp_window(size: Sequence[int], display_size: Sequence[int]) -> tuple[int, int]:
    """The window size to open for ``size`` on a screen of ``display_size``: as it is when it fits, else the
    largest size of the same shape that does.  An unknown display size (0 or less) only applies WINDOW_MAX.

    Pass the usable desktop size (``pygame.display.get_desktop_sizes()[0]``).

    >>> clamp_window((1280, 720), (1920, 1080))
    (1280, 720)
    >>> clamp_window((16384, 16384), (1920, 1080))
    (1080, 1080)
    >>> clamp_window((2560, 1440), (1366, 768))
    (1365, 768)
    >>> clamp_window((16384, 16384), (0, 0))
    (7680, 4320)
    """
    width, height = max(1, int(size[0])), max(1, int(size[1]))
    room_w, room_h = int(display_size[0]), int(display_size[1])
    if room_w <= 0 or room_h <= 0:
        room_w, room_h = WINDOW_MAX
        return min(width, room_w), min(height, room_h)
    if width <= room_w and height <= room_h:
        return width, height
    scale = min(room_w / width, room_h / height)
    return max(1, min(room_w, int(width * scale))), max(1, min(room_h, int(height * scale)))


def settings_from_json(raw: dict[str, Any]) -> tuple[Settings, list[str]]:
    """Settings from a parsed ``settings.json``: each invalid value is replaced by its default, with a warning."""
    defaults = Settings()
    values: dict[str, Any] = {}
    warnings: list[str] = []
    for name, (spec, expected) in _CHECKS.items():
        if name not in raw:
            continue
        try:
            values[name] = spec.check(raw[name], name)
        except SchemaError:
            warnings.append(f"{name} must be {expected}, not {_shown(raw[name])}; "
                            f"using {_shown(getattr(defaults, name))}.")
    return Settings(**values), warnings


def load_settings(path: Path) -> tuple[Settings, list[str]]:
    """The settings stored at ``path`` and warnings for the player; never raises.

    Missing file: the defaults.  Damaged file: the defaults, and the file is
    kept as ``settings.json.damaged-<timestamp>``.
    """
    raw, warnings = load_document(path, MAX_SETTINGS_BYTES)
    if raw is None:
        return Settings(), warnings
    settings, problems = settings_from_json(raw)
    return settings, warnings + [f"{Path(path).name}: {problem}" for problem in problems]


def save_settings(path: Path, settings: Settings) -> None:
    """Write ``settings`` to ``path`` atomically; raises ``OSError`` when the disk refuses."""
    write_json(path, settings.to_json())
