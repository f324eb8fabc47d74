"""The player's preferences, kept in ``settings.json``.

Loading never fails: a missing file gives the defaults, a damaged file gives
the defaults and is kept aside, and each value that is of the wrong type or
out of range falls back to its own default with a warning, so one bad value
(say, hand-edited) costs only that value.  Unknown keys are ignored, which
lets an older game read the settings of a newer one.

>>> settings, warnings = settings_from_json({"text_speed": 500, "fullscreen": True})
>>> settings.text_speed, settings.fullscreen
(45, True)
>>> warnings
['text_speed must be a whole number from 10 to 200 (or 0 for instant), not 500; using 45.']
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable
from dataclasses import asdict, dataclass, field, fields
from pathlib import Path
from typing import Any

from ._document import load_document
from .atomic import write_json

TEXT_SIZES = ("small", "medium", "large")
_LANGUAGE = re.compile(r"^[A-Za-z]{2,8}(?:[-_][A-Za-z0-9]{1,8})*$")


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
    window_size: list[int] = field(default_factory=lambda: [1280, 720])

    def to_json(self) -> dict[str, Any]:
        return asdict(self)


# --- one check per kind of value: each returns the value to keep, or None when it is invalid ---

def _is_number(value: Any) -> bool:
    return isinstance(value, (int, float)) and not isinstance(value, bool) and math.isfinite(value)


def _whole(low: int, high: int, also: tuple[int, ...] = ()) -> Callable[[Any], int | None]:
    def check(value: Any) -> int | None:
        if isinstance(value, bool) or not isinstance(value, int):
            return None
        return value if low <= value <= high or value in also else None
    return check


def _real(low: float, high: float) -> Callable[[Any], float | None]:
    def check(value: Any) -> float | None:
        return float(value) if _is_number(value) and low <= value <= high else None
    return check


def _flag(value: Any) -> bool | None:
    return value if isinstance(value, bool) else None


def _language(value: Any) -> str | None:
    return value if isinstance(value, str) and _LANGUAGE.match(value) else None


def _text_size(value: Any) -> str | None:
    return value if value in TEXT_SIZES else None


def _window_size(value: Any) -> list[int] | None:
    if not isinstance(value, list) or len(value) != 2:
        return None
    sizes = [_whole(160, 16384)(v) for v in value]
    return [size for size in sizes if size is not None] if None not in sizes else None


_VOLUME = (_real(0.0, 1.0), "a number from 0.0 to 1.0")
_CHECKS: dict[str, tuple[Callable[[Any], Any], str]] = {
    "text_speed": (_whole(10, 200, also=(0,)), "a whole number from 10 to 200 (or 0 for instant)"),
    "auto_delay": (_real(0.5, 10.0), "a number of seconds from 0.5 to 10"),
    "master_volume": _VOLUME,
    "music_volume": _VOLUME,
    "sfx_volume": _VOLUME,
    "fullscreen": (_flag, "true or false"),
    "language": (_language, "a language code such as \"en\" or \"ko\""),
    "timed_choices": (_flag, "true or false"),
    "skip_unread": (_flag, "true or false"),
    "text_size": (_text_size, "one of " + ", ".join(TEXT_SIZES)),
    "high_contrast": (_flag, "true or false"),
    "confirm_load": (_flag, "true or false"),
    "window_size": (_window_size, "a list of two whole numbers [width, height]"),
}
assert set(_CHECKS) == {f.name for f in fields(Settings)}, "every setting needs a check"


def _shown(value: Any) -> str:
    text = repr(value)
    return text if len(text) <= 40 else text[:37] + "..."


def settings_from_json(raw: dict[str, Any]) -> tuple[Settings, list[str]]:
    """Settings from a parsed ``settings.json``: each invalid value is replaced by its default, with a warning."""
    defaults = Settings()
    values: dict[str, Any] = {}
    warnings: list[str] = []
    for name, (check, expected) in _CHECKS.items():
        if name not in raw:
            continue
        value = check(raw[name])
        if value is None:
            warnings.append(f"{name} must be {expected}, not {_shown(raw[name])}; "
                            f"using {_shown(getattr(defaults, name))}.")
        else:
            values[name] = value
    return Settings(**values), warnings


def load_settings(path: Path) -> tuple[Settings, list[str]]:
    """The settings stored at ``path`` and warnings for the player; never raises.

    Missing file: the defaults.  Damaged file: the defaults, and the file is
    kept as ``settings.json.damaged-<timestamp>``.
    """
    raw, warnings = load_document(path)
    if raw is None:
        return Settings(), warnings
    settings, problems = settings_from_json(raw)
    return settings, warnings + [f"{Path(path).name}: {problem}" for problem in problems]


def save_settings(path: Path, settings: Settings) -> None:
    """Write ``settings`` to ``path`` atomically; raises ``OSError`` when the disk refuses."""
    write_json(path, settings.to_json())
