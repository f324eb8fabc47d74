"""Where the shipped story lives: in the desktop build's bundle, inside the package once installed, beside it in a checkout."""

from __future__ import annotations

import sys
from pathlib import Path

_PACKAGE = Path(__file__).resolve().parent


def shipped_story() -> Path:
    """The folder of the game's own story (``assets/``)."""
    candidates = []
    bundle = getattr(sys, "_MEIPASS", None)  # set by PyInstaller's bootloader in the desktop build
    if isinstance(bundle, str):
        candidates.append(Path(bundle) / "assets")  # placed there by scripts/build_app.py
    candidates.append(_PACKAGE / "_assets")  # placed there by the wheel build (pyproject.toml)
    for folder in candidates:
        if (folder / "story.yaml").is_file():
            return folder
    return _PACKAGE.parent / "assets"
