"""Where the player's files live.

``data_dir`` holds saves, settings, progress and screenshots; ``cache_dir``
holds what can be rebuilt (the compiled-story cache).  Environment variables
move both, which is what tests, portable installs and testers use::

    STARLIGHT_SAVE_DIR=/tmp/run1 starlight
"""

from __future__ import annotations

import os
from pathlib import Path

import platformdirs

APP_NAME = "starlight-signal-delay"
DATA_ENV = "STARLIGHT_SAVE_DIR"
CACHE_ENV = "STARLIGHT_CACHE_DIR"


def _from_env(name: str) -> Path | None:
    value = os.environ.get(name, "").strip()
    return Path(value).expanduser() if value else None


def data_dir(override: Path | None = None) -> Path:
    """The player's data folder: ``override``, else ``$STARLIGHT_SAVE_DIR``, else the platform's user data folder.

    The folder is not created here; writers create it when they first write.
    """
    if override is not None:
        return Path(override)
    return _from_env(DATA_ENV) or Path(platformdirs.user_data_dir(APP_NAME, appauthor=False))


def saves_dir(base: Path) -> Path:
    """The folder of save files inside the data folder ``base``."""
    return base / "saves"


def screenshots_dir(base: Path) -> Path:
    """The folder of screenshots (F12) inside the data folder ``base``."""
    return base / "screenshots"


def cache_dir() -> Path:
    """The folder of rebuildable caches: ``$STARLIGHT_CACHE_DIR``, else the platform's user cache folder."""
    return _from_env(CACHE_ENV) or Path(platformdirs.user_cache_dir(APP_NAME, appauthor=False))
