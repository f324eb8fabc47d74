"""The stage's painted layers: what a settled stage or a dissolve shows, and when it is painted again."""

from __future__ import annotations

import os

os.environ["SDL_VIDEODRIVER"] = "dummy"  # before pygame is imported
os.environ["SDL_AUDIODRIVER"] = "dummy"

from collections.abc import Iterator
from pathlib import Path

import pygame
import pytest

from game.paths import shipped_story
from game.story.presentation import OnStage, Presentation
from game.ui.app import App, Options
from game.ui.stage import Stage
from game.ui.view import HEIGHT, WIDTH
from game.ui.widgets import blit_faded

CAST = (("nanyoung", OnStage("neutral", "left")), ("jay", OnStage("smile", "right")))


@pytest.fixture
def stage(tmp_path: Path) -> Iterator[Stage]:
    app = App(Options(story_root=shipped_story(), ui_root=shipped_story(), data_dir=tmp_path / "data"))
    stage = Stage(app.ctx)
    stage.set_background("shop_night", "cut", 0.0)
    stage.follow(Presentation(background="shop_night", characters=CAST, speaker="jay"), instant=True)
    try:
        yield stage
    finally:
        app.close()


def frame(stage: Stage) -> pygame.Surface:
    surface = pygame.Surface((WIDTH, HEIGHT)).convert()
    surface.fill((255, 0, 255))  # anything left unpainted would show magenta
    stage.draw(surface)
    return surface


def pixels(surface: pygame.Surface) -> bytes:
    return pygame.image.tobytes(surface, "RGB")


def largest_difference(a: pygame.Surface, b: pygame.Surface) -> int:
    return max(abs(x - y) for x, y in zip(pixels(a), pixels(b)))


def test_a_settled_stage_is_painted_once_and_shown_from_its_layer(stage: Stage,
                                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    painted = []
    paint = Stage._paint
    monkeypatch.setattr(Stage, "_paint", staticmethod(lambda *args: painted.append(1) or paint(*args)))
    first = frame(stage)
    second = frame(stage)
    assert pixels(first) == pixels(second)
    assert len(painted) == 1  # the second frame is the kept layer
    assert b"\xff\x00\xff" not in pixels(first)  # every pixel painted: no clear needed before the stage
    stage.follow(Presentation(background="shop_night", characters=CAST, speaker="nanyoung"), instant=True)
    third = frame(stage)
    assert len(painted) == 2 and pixels(third) != pixels(first)  # the light moved from Jay to Nan-young


def test_a_dissolve_shows_the_characters_over_the_two_backgrounds_blended(stage: Stage) -> None:
    stage.set_background("rooftop_night", "dissolve", 1.0)
    stage.update(0.5)
    shown = frame(stage)
    # what the dissolve means: the backgrounds blended, then the characters on top
    expected = pygame.Surface((WIDTH, HEIGHT)).convert()
    expected.blit(stage._background("shop_night"), (0, 0))
    blit_faded(expected, stage._background("rooftop_night"), (0, 0), 0.5)
    for picture, pos, level in stage._actor_pictures():
        blit_faded(expected, picture, pos, level)
    assert largest_difference(shown, expected) <= 3  # 8-bit rounding of the blends, nothing more
    stage.update(0.5)
    done = frame(stage)
    settled = pygame.Surface((WIDTH, HEIGHT)).convert()
    settled.blit(stage._background("rooftop_night"), (0, 0))
    for picture, pos, level in stage._actor_pictures():
        blit_faded(settled, picture, pos, level)
    assert pixels(done) == pixels(settled)


def test_a_dissolve_paints_each_stage_once(stage: Stage, monkeypatch: pytest.MonkeyPatch) -> None:
    frame(stage)
    painted = []
    paint = Stage._paint
    monkeypatch.setattr(Stage, "_paint", staticmethod(lambda *args: painted.append(1) or paint(*args)))
    stage.set_background("rooftop_night", "dissolve", 1.0)
    for _ in range(12):
        stage.update(0.1)
        frame(stage)
    assert len(painted) == 1  # only the stage it dissolves to: the one it leaves was already kept
    stage.set_background("shop_night", "dissolve", 1.0)  # and back again: both stages are kept
    for _ in range(12):
        stage.update(0.1)
        frame(stage)
    assert len(painted) == 1
