"""Prefetching: the pictures the next steps show are loaded while the player reads."""

from __future__ import annotations

import os

os.environ["SDL_VIDEODRIVER"] = "dummy"  # before pygame is imported
os.environ["SDL_AUDIODRIVER"] = "dummy"

from collections.abc import Iterator
from pathlib import Path

import pygame
import pytest

from game.paths import shipped_story
from game.story.loader import load_story
from game.story.runtime import Runtime
from game.ui.app import App, Options
from game.ui.play.screen import PlayScreen
from game.ui.prefetch import Prefetcher, upcoming_pictures


def test_the_pictures_after_a_step_in_its_scene() -> None:
    story = load_story(shipped_story())
    runtime = Runtime(story)
    state, _ = runtime.present(runtime.start("repair_shop.door"))
    wanted = upcoming_pictures(story, state)
    # the door of the shop: Dori rolls out, Jay looks up, Nan-young steps in (repair_shop.yaml)
    characters = [(name, look) for kind, name, look in wanted if kind == "character"]
    assert characters[:3] == [("dori", "happy"), ("jay", "tired"), ("nanyoung", "neutral")]
    assert len(wanted) == len(set(wanted))


def test_work_keeps_to_its_budget_and_never_prepares_twice() -> None:
    now = [0.0]
    prepared = []

    def prepare(picture: tuple[str, str, str | None]) -> None:
        prepared.append(picture)
        now[0] += 0.005  # each picture takes 5 ms

    prefetcher = Prefetcher(prepare, clock=lambda: now[0])
    pictures = [("background", f"bg{i}", None) for i in range(5)]
    prefetcher.plan(pictures)
    assert prefetcher.work(budget=0.012) == 3  # 0, 5, 10 ms: the third starts inside the budget
    prefetcher.plan(pictures)  # a new step names the same pictures
    assert prefetcher.work(budget=1.0) == 2
    assert prepared == pictures
    prefetcher.forget()
    prefetcher.plan(pictures[:1])
    assert prefetcher.work() == 1


@pytest.fixture
def app(tmp_path: Path) -> Iterator[App]:
    game = App(Options(story_root=shipped_story(), ui_root=shipped_story(), data_dir=tmp_path / "data"))
    try:
        yield game
    finally:
        game.close()


def test_a_look_is_ready_before_its_step_comes(app: App) -> None:
    play = PlayScreen.new_game(app.ctx, "repair_shop.door")
    app.ctx.nav.push(play)
    res = app.ctx.resources
    assert ("character", "jay/tired") not in res._raw
    play.stage.finish()
    play.hold = 0.0
    play.box.finish()
    for _ in range(20):  # idle updates while the player reads the first line
        play.update(0.25)
    assert ("character", "jay/tired") in res._raw
    decoded: list[tuple[str, str]] = []
    real_decode = res._decode

    def recording(kind: str, name: str) -> pygame.Surface:
        decoded.append((kind, name))
        return real_decode(kind, name)

    res._decode = recording  # type: ignore[method-assign]
    for _ in range(12):  # on through Dori and Jay coming on stage
        play.stage.finish()
        play.hold = 0.0
        play.box.finish()
        play.advance()
        play.update(1 / 60)
        app.draw()
    assert "jay" in play.stage.actors
    assert not [d for d in decoded if d[0] == "character"]  # every look was already loaded
