"""The map screen described for players who cannot see it (game/ui/screens/map_access.py).

On test_map_screen's room (a desk, a vent, Dori; the safe not usable yet): self-voicing says the
place and how to play it, Tab picks each hotspot saying where it lies, Enter walks there and uses
it; a screen reader's press on a hotspot's button does the same; Korean is said in Korean.
"""

from __future__ import annotations

import os

os.environ["SDL_VIDEODRIVER"] = "dummy"
os.environ["SDL_AUDIODRIVER"] = "dummy"

from collections.abc import Iterator
from pathlib import Path

import pygame
import pytest
import test_map_screen as room

from game.paths import shipped_story
from game.ui.access.speech import RecordingEngine
from game.ui.app import App, Options
from game.ui.play.screen import PlayScreen
from game.ui.screens.map_access import direction
from game.ui.screens.map_walk import MapWalkScreen


@pytest.fixture
def voiced(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[tuple[App, RecordingEngine]]:
    """The game on the room's map with self-voicing on, speaking into a recording engine."""
    monkeypatch.setenv("STARLIGHT_CACHE_DIR", str(tmp_path / "cache"))
    room.write_story(tmp_path / "story")
    game = App(Options(story_root=tmp_path / "story", ui_root=shipped_story(), data_dir=tmp_path / "data"))
    engine = RecordingEngine()
    assert game.ctx.access is not None
    game.ctx.access.engine_factory = lambda: engine
    game.ctx.settings.text_speed = 0
    game.ctx.settings.access_offered = True
    game.ctx.settings.self_voicing = True
    game.ctx.nav.push(PlayScreen.new_game(game.ctx))
    game.step(2)
    press(game, pygame.K_RETURN, frames=4)  # past "In the room." onto the map
    try:
        yield game, engine
    finally:
        game.close()


def press(app: App, key: int, frames: int = 2) -> None:
    pygame.event.post(pygame.event.Event(pygame.KEYDOWN, key=key, mod=0, unicode="", scancode=0))
    pygame.event.post(pygame.event.Event(pygame.KEYUP, key=key, mod=0, unicode="", scancode=0))
    app.step(frames, dt=1 / 60)


def on_map(app: App) -> MapWalkScreen:
    screen = app.ctx.nav.top
    assert isinstance(screen, MapWalkScreen), list(app.ctx.nav)
    return screen


def walk_until_the_map_leaves(app: App) -> None:
    for _ in range(600):  # ten seconds of game time at most
        if not isinstance(app.ctx.nav.top, MapWalkScreen):
            return
        app.step(1, dt=1 / 60)
    raise AssertionError("the player never got there")


def test_the_map_is_said_and_tab_then_enter_walks_to_a_hotspot_and_uses_it(voiced: tuple[App, RecordingEngine]) -> None:
    app, voice = voiced
    screen = on_map(app)
    press(app, pygame.K_RETURN, frames=30)  # past the arrival grace: nothing in front, nothing happens
    assert voice.texts[-2:] == ["Map", "Arrows walk. Tab picks a place, Enter goes there and uses it."]
    press(app, pygame.K_TAB)
    assert voice.texts[-1] == "Desk: to the right, a few steps"
    press(app, pygame.K_TAB)
    assert voice.texts[-1] == "Vent: down, a few steps"
    press(app, pygame.K_TAB)
    assert voice.texts[-1] == "Dori: to the right, a few steps"
    press(app, pygame.K_TAB)  # round again; the safe is not usable yet, so not offered
    assert voice.texts[-1] == "Desk: to the right, a few steps"
    assert screen.access().find("hotspot.safe") is None
    press(app, pygame.K_RETURN)
    walk_until_the_map_leaves(app)
    app.step(4, dt=1 / 60)
    assert "The desk." in voice.texts


def test_what_stands_in_front_is_said_as_the_player_reaches_it(voiced: tuple[App, RecordingEngine]) -> None:
    app, voice = voiced
    screen = on_map(app)
    room.stand(screen, 80, 224 - 2, "down")  # above the vent, facing it
    app.step(2, dt=1 / 60)
    assert voice.texts[-1] == "In front of you: Vent, Enter"
    tree = screen.access()
    assert tree.find("hotspot.vent") is not None and tree.find("hotspot.vent").value == "right here"  # type: ignore[union-attr]


def test_a_screen_readers_press_on_a_hotspot_walks_there_and_uses_it(voiced: tuple[App, RecordingEngine]) -> None:
    app, voice = voiced
    screen = on_map(app)
    vent = screen.access().find("hotspot.vent")
    assert vent is not None and vent.role == "button" and vent.activate is not None
    vent.activate()  # what the AccessKit bridge does when a screen reader presses the button
    walk_until_the_map_leaves(app)
    app.step(4, dt=1 / 60)
    assert "The vent." in voice.texts


def test_the_map_is_described_in_korean(voiced: tuple[App, RecordingEngine]) -> None:
    app, voice = voiced
    app.ctx.settings.language = "ko"
    tree = on_map(app).access()
    assert tree.name == "지도" and tree.language == "ko"
    desk = tree.find("hotspot.desk")
    assert desk is not None and desk.name == "책상" and desk.value == "오른쪽, 몇 걸음"
    app.step(2, dt=1 / 60)
    said = voice.spoken[-1]
    assert said.text == "화살표로 걷습니다. Tab으로 장소를 고르고 Enter로 가서 씁니다." and said.language == "ko"


@pytest.mark.parametrize(("dx", "dy", "said"), [(5, 0, "to the right"), (0, 5, "down"), (-5, -5, "up and to the left"),
                                                 (0, -5, "up"), (-5, 1, "to the left"), (4, -4, "up and to the right")])
def test_directions_are_the_screens(dx: float, dy: float, said: str) -> None:
    assert direction(dx, dy, "en") == said
