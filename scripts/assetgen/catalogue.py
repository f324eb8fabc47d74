"""Every generation job of the shipped story, family by family, in the order they run."""

from __future__ import annotations

import importlib
from pathlib import Path

from .output import Job, Output

# Generator modules still in their old one-file form, each with generate(assets) and listing(assets).
LEGACY = ["music", "sfx"]


def _legacy(name: str) -> list[Job]:
    module = importlib.import_module(f"assetgen.{name}")
    outputs = tuple(Output(m.path.as_posix(), m.what, m.script) for m in module.listing(Path()))

    def make(story: Path) -> None:
        module.generate(story)

    return [Job(name, outputs, make)]


def families() -> dict[str, list[Job]]:
    """Family name -> its jobs."""
    from . import backgrounds, characters, sprites, tiles, ui

    return {"backgrounds": backgrounds.jobs(), "characters": characters.jobs(), "ui": ui.jobs(), "tiles": tiles.jobs(), "sprites": sprites.jobs(), **{name: _legacy(name) for name in LEGACY}}
