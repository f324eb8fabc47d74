"""What the game itself saves passes the save validator and comes back the same (a line, and a place on a map)."""

from __future__ import annotations

import os

os.environ.setdefault("SDL_VIDEODRIVER", "dummy")
os.environ.setdefault("SDL_AUDIODRIVER", "dummy")

import dataclasses
import json
from collections.abc import Iterator
from datetime import timedelta
from pathlib import Path

import pytest
import test_map_walk as maps

from game.paths import shipped_story
from game.story import model as m
from game.story import snapshot
from game.story.loader import load_story
from game.story.runtime import MapEvent, Runtime
from game.ui.app import App, Options
from game.ui.input import Action, Input
from game.ui.play.screen import PlayScreen
from game.ui.screens.map_walk import MapWalkScreen

SAMPLE = Path(__file__).parent / "fixtures" / "sample"


def start(root: Path, data_dir: Path) -> tuple[App, PlayScreen]:
    game = App(Options(story_root=root, ui_root=shipped_story(), data_dir=data_dir))
    game.ctx.settings.text_speed = 0
    play = PlayScreen.new_game(game.ctx)
    game.ctx.nav.push(play)
    return game, play


def forward(play: PlayScreen) -> None:
    play.stage.finish()
    play.box.finish()
    play.advance()


@pytest.fixture
def cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("STARLIGHT_CACHE_DIR", str(tmp_path / "cache"))


@pytest.fixture
def sample_game(tmp_path: Path, cache: None) -> Iterator[tuple[App, PlayScreen]]:
    game, play = start(SAMPLE, tmp_path / "data")
    try:
        yield game, play
    finally:
        game.close()


def test_a_save_on_a_line_with_characters_on_stage_reads_back_the_same(sample_game: tuple[App, PlayScreen]) -> None:
    game, play = sample_game
    for _ in range(3):  # to "There's weather coming in tonight": two characters on stage, music playing
        forward(play)
    game.step(2)
    data = play.saves.make_save("4", None)
    assert len(data.presentation["characters"]) == 2 and data.presentation["music"] == "waves"
    game.ctx.saves.write(data)
    read = game.ctx.saves.read("4")
    assert abs(read.saved_at - data.saved_at) < timedelta(milliseconds=1)  # written to the millisecond
    assert dataclasses.replace(read, saved_at=data.saved_at) == data
    assert snapshot.from_json(game.ctx.story, read.snapshot).state == play.controller.current.state  # type: ignore[arg-type]


def test_a_save_on_a_map_reads_back_with_its_place(tmp_path: Path, cache: None) -> None:
    maps.write_story(tmp_path / "story")
    game, play = start(tmp_path / "story", tmp_path / "data")
    try:
        for _ in range(3):
            if isinstance(game.ctx.nav.top, MapWalkScreen):
                break
            forward(play)
        game.step(2)
        walker = maps.walker(game)
        maps.walk(walker, 0, 1, 1.2)
        game.step(1)
        walker.handle(Input(Action.QUICKSAVE))  # F5 on the map, as a player saves there
        read = game.ctx.saves.read("quick")
        [[_step, *place]] = read.presentation["places"]
        assert place == [walker.player.x, walker.player.y, walker.player.facing]
        resumed = PlayScreen.from_save(game.ctx, read)
        event = resumed.controller.current.event
        assert isinstance(event, MapEvent) and isinstance(event.op, m.MapStep)
        where = resumed.controller.map_place()
        assert where is not None and [where.x, where.y, where.facing] == place
    finally:
        game.close()


def test_a_save_inside_a_hotspot_call_returns_to_the_map(tmp_path: Path) -> None:
    maps.write_story(tmp_path / "story")
    story = load_story(tmp_path / "story")
    runtime = Runtime(story)
    state, _ = runtime.present(runtime.start())
    state, event = runtime.present(runtime.advance(state))
    assert isinstance(event, MapEvent)
    poster = next(option.index for option in event.hotspots if option.hotspot.name == "poster")
    state, line = runtime.present(runtime.choose(state, poster))
    assert isinstance(line, m.Line) and len(state.stack) == 1
    data = json.loads(json.dumps(snapshot.to_json(story, state)))
    assert list(data["stack"][0]) == ["at"]  # the map step the call comes back to
    restored = snapshot.from_json(story, data)
    assert (restored.state, restored.notices) == (state, [])
    _, back = runtime.present(runtime.advance(restored.state))
    assert isinstance(back, MapEvent)
