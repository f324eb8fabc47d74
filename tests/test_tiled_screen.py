"""The map screen refuses what the checker refuses, and shows a bad map's error instead of crashing.

The game is run headless on a small story; the map file is made hostile after
the story has loaded (as a shared folder can change under a running game), so
these exercise the screen's own reading and drawing, not the story loader's.
"""

from __future__ import annotations

import os

os.environ.setdefault("SDL_VIDEODRIVER", "dummy")
os.environ.setdefault("SDL_AUDIODRIVER", "dummy")

import struct
import zlib
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from game.paths import shipped_story
from game.ui.app import App, Options
from game.ui.play.screen import PlayScreen
from game.ui.screens.map_choice import MapChoiceScreen
from game.ui.screens.map_walk import MapWalkScreen

Entered = Callable[[], "MapWalkScreen | str"]


def png(width: int, height: int) -> bytes:
    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

    rows = (b"\x00" + b"\x3c\x3c\x50\xff" * width) * height
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", width, height, 8, 6, 0, 0, 0))
            + chunk(b"IDAT", zlib.compress(rows)) + chunk(b"IEND", b""))


TSX = ('<?xml version="1.0" encoding="UTF-8"?>\n<tileset name="room" tilewidth="32" tileheight="32" tilecount="2" '
       'columns="2">\n <image source="{image}" width="64" height="32"/>\n</tileset>\n')
TMX = ('<?xml version="1.0" encoding="UTF-8"?>\n<map version="1.10" orientation="orthogonal" width="4" height="3" '
       'tilewidth="32" tileheight="32" infinite="0">\n <tileset firstgid="1" source="room.tsx"/>\n'
       ' <layer id="1" name="ground" width="4" height="3"><data encoding="csv">1,1,1,1,1,1,1,1,1,1,1,1</data></layer>\n'
       ' <objectgroup id="2" name="objects">\n'
       '  <object id="1" name="start" x="32" y="32" width="32" height="32"/>\n'
       '  <object id="2" name="door" x="96" y="32" width="32" height="32"><properties>'
       '<property name="goto" value="s.out"/></properties></object>\n{extra} </objectgroup>\n</map>\n')


def write_story(root: Path) -> None:
    (root / "scenes").mkdir(parents=True)
    (root / "maps").mkdir()
    (root / "images" / "tiles").mkdir(parents=True)
    (root / "images" / "tiles" / "room.png").write_bytes(png(64, 32))
    (root / "maps" / "room.tsx").write_text(TSX.format(image="../images/tiles/room.png"), encoding="utf-8")
    (root / "maps" / "room.tmx").write_text(TMX.format(extra=""), encoding="utf-8")
    (root / "story.yaml").write_text("title: Room\nlanguages: [en]\nstart: s\nendings: {out: {title: Out}}\n",
                                     encoding="utf-8")
    (root / "scenes" / "s.yaml").write_text(
        "scene: s\nscript:\n  - narrator: In the room.\n  - map: room\n    spawn: start\n"
        "  - label: out\n  - narrator: Outside.\n  - ending: out\n", encoding="utf-8")


@pytest.fixture
def enter_map(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Entered]:
    """Start the game on the small story; calling the result walks onto the map (after any tampering).

    It gives the map screen, or, when the map cannot be read or drawn, the notice the game showed as it
    fell back to the list of the map's hotspots.
    """
    monkeypatch.setenv("STARLIGHT_CACHE_DIR", str(tmp_path / "cache"))
    write_story(tmp_path / "story")
    game = App(Options(story_root=tmp_path / "story", ui_root=shipped_story(), data_dir=tmp_path / "data"))
    game.ctx.settings.text_speed = 0
    play = PlayScreen.new_game(game.ctx)
    game.ctx.nav.push(play)
    game.step(1)

    def enter() -> MapWalkScreen | str:
        for _ in range(3):
            if isinstance(game.ctx.nav.top, (MapWalkScreen, MapChoiceScreen)):
                break
            play.stage.finish()
            play.box.finish()
            play.advance()
        game.step(3)  # frames drawn
        screen = game.ctx.nav.top
        if isinstance(screen, MapChoiceScreen):
            return " | ".join(message for message, _seconds in game.ctx.notices)
        assert isinstance(screen, MapWalkScreen)
        return screen

    try:
        yield enter
    finally:
        game.close()


def test_a_good_map_is_drawn(enter_map: Entered) -> None:
    screen = enter_map()
    assert isinstance(screen, MapWalkScreen) and screen.error is None and screen.picture is not None


def test_a_tileset_picture_outside_the_story_is_refused(enter_map: Entered,
                                                        tmp_path: Path) -> None:
    (tmp_path / "outside.png").write_bytes(png(64, 32))
    (tmp_path / "story" / "maps" / "room.tsx").write_text(TSX.format(image="../../outside.png"), encoding="utf-8")
    notice = enter_map()
    assert isinstance(notice, str) and "is outside the story folder" in notice and "maps/room.tsx:3:" in notice


def test_a_tileset_picture_that_is_not_a_picture_shows_an_error(enter_map: Entered,
                                                                tmp_path: Path) -> None:
    (tmp_path / "story" / "images" / "tiles" / "room.png").write_bytes(b"not a picture at all" * 10)
    notice = enter_map()
    assert isinstance(notice, str) and "not a PNG" in notice and "maps/room.tsx:3:" in notice


def test_a_huge_tile_object_shows_an_error(enter_map: Entered, tmp_path: Path) -> None:
    statue = '  <object id="3" name="statue" gid="1" x="0" y="40000" width="40000" height="40000"/>\n'
    (tmp_path / "story" / "maps" / "room.tmx").write_text(TMX.format(extra=statue), encoding="utf-8")
    notice = enter_map()
    assert isinstance(notice, str) and "40,000 x 40,000 px" in notice
