"""Fixtures shared by the test files that run the real game headless."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

if TYPE_CHECKING:
    from game.ui.app import App

SAMPLE = Path(__file__).parent / "fixtures" / "sample"


@pytest.fixture
def title_app(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[App]:
    """The real game on the sample story, at its title screen.

    SDL's dummy drivers, saves and the story cache in the test's own folder, and
    lines shown at once (tests that want the typewriter set the speed).
    """
    os.environ.setdefault("SDL_VIDEODRIVER", "dummy")  # before pygame is first imported
    os.environ.setdefault("SDL_AUDIODRIVER", "dummy")
    from game.paths import shipped_story
    from game.ui.app import App, Options
    from game.ui.title import TitleScreen

    monkeypatch.setenv("STARLIGHT_CACHE_DIR", str(tmp_path / "cache"))
    game = App(Options(story_root=SAMPLE, ui_root=shipped_story(), data_dir=tmp_path / "data"))
    game.ctx.settings.text_speed = 0
    game.ctx.nav.push(TitleScreen(game.ctx))
    game.step(2)
    try:
        yield game
    finally:
        game.close()
