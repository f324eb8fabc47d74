"""Where the shipped story lives: beside the package in a checkout, inside it once installed."""

from __future__ import annotations

from pathlib import Path

_PACKAGE = Path(__file__).resolve().parent


def shipped_story() -> Path:
    """The folder of the game's own story (``assets/``)."""
    installed = _PACKAGE / "_assets"  # placed there by the wheel build (pyproject.toml)
    if (installed / "story.yaml").is_file():
        return installed
    return _PACKAGE.parent / "assets"
