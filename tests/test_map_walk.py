"""The walking map screen, headless: collision, the interaction prompt, goto and call hotspots, saves."""

from __future__ import annotations

import os

os.environ["SDL_VIDEODRIVER"] = "dummy"
os.environ["SDL_AUDIODRIVER"] = "dummy"

import struct
import zlib
from collections.abc import Iterator
from pathlib import Path

import pytest

from game.paths import shipped_story
from game.story import model as m
from game.ui.app import App, Options
from game.ui.input import Action, Input
from game.ui.play.screen import PlayScreen
from game.ui.screens.map_walk import MapWalkScreen
from game.ui.screens.menu import GameMenu
from game.ui.screens.saveload import SaveLoadScreen
from game.ui.title import TitleSaves, TitleScreen

ROOM = [  # 0 floor, 1 wall
    "11111111",
    "10000001",
    "10000001",
    "10011001",
    "10000001",
    "11111111",
]


def png(width: int, height: int, pixels: list[tuple[int, int, int, int]]) -> bytes:
    rows = b"".join(b"\x00" + b"".join(bytes(p) for p in pixels[y * width:(y + 1) * width]) for y in range(height))
    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", width, height, 8, 6, 0, 0, 0))
            + chunk(b"IDAT", zlib.compress(rows)) + chunk(b"IEND", b""))


def write_story(root: Path) -> None:
    (root / "scenes").mkdir(parents=True)
    (root / "maps").mkdir()
    (root / "images" / "tiles").mkdir(parents=True)
    floor, wall = (60, 60, 80, 255), (200, 120, 90, 255)
    (root / "images" / "tiles" / "room.png").write_bytes(
        png(64, 32, [floor if x < 32 else wall for y in range(32) for x in range(64)]))
    (root / "maps" / "room.tsx").write_text(
        '<?xml version="1.0" encoding="UTF-8"?>\n<tileset version="1.10" name="room" tilewidth="32" '
        'tileheight="32" tilecount="2" columns="2">\n <image source="../images/tiles/room.png" width="64" '
        'height="32"/>\n <tile id="1"><properties><property name="collision" type="bool" value="true"/>'
        '</properties></tile>\n</tileset>\n', encoding="utf-8")
    data = ",\n".join(",".join(str(int(c) + 1) for c in row) for row in ROOM)
    (root / "maps" / "room.tmx").write_text(
        '<?xml version="1.0" encoding="UTF-8"?>\n<map version="1.10" orientation="orthogonal" '
        'renderorder="right-down" width="8" height="6" tilewidth="32" tileheight="32" infinite="0">\n'
        ' <tileset firstgid="1" source="room.tsx"/>\n'
        f' <layer id="1" name="ground" width="8" height="6"><data encoding="csv">\n{data}\n</data></layer>\n'
        ' <objectgroup id="2" name="objects">\n'
        '  <object id="1" name="start" x="32" y="32" width="32" height="32"/>\n'
        '  <object id="2" name="door" x="192" y="32" width="32" height="32"><properties>'
        '<property name="goto" value="s.out"/></properties></object>\n'
        '  <object id="3" name="poster" x="32" y="128" width="32" height="32"><properties>'
        '<property name="call" value="s.poster"/></properties></object>\n'
        ' </objectgroup>\n</map>\n', encoding="utf-8")
    (root / "story.yaml").write_text("title: Room\nlanguages: [en]\nstart: s\nendings: {out: {title: Out}}\n",
                                     encoding="utf-8")
    (root / "scenes" / "s.yaml").write_text(
        "scene: s\nscript:\n  - narrator: In the room.\n  - map: room\n    spawn: start\n"
        "  - label: poster\n  - narrator: An old poster.\n  - return\n"
        "  - label: out\n  - narrator: Outside.\n  - ending: out\n", encoding="utf-8")


@pytest.fixture
def app(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[App]:
    monkeypatch.setenv("STARLIGHT_CACHE_DIR", str(tmp_path / "cache"))
    write_story(tmp_path / "story")
    game = App(Options(story_root=tmp_path / "story", ui_root=shipped_story(), data_dir=tmp_path / "data"))
    game.ctx.settings.text_speed = 0
    play = PlayScreen.new_game(game.ctx)
    game.ctx.nav.push(play)
    for _ in range(3):  # past "In the room." onto the map (a first press completes the line)
        if isinstance(game.ctx.nav.top, MapWalkScreen):
            break
        play.stage.finish()
        play.box.finish()
        play.advance()
    game.step(2)
    try:
        yield game
    finally:
        game.close()


def walker(app: App) -> MapWalkScreen:
    screen = app.ctx.nav.top
    assert isinstance(screen, MapWalkScreen), list(app.ctx.nav)
    return screen


def walk(screen: MapWalkScreen, dx: float, dy: float, seconds: float) -> None:
    for _ in range(int(seconds * 60)):
        screen.walk(dx, dy, 1 / 60)
    screen.clock += seconds  # the map's own time passes too (the action key waits a moment on arrival)


def test_walls_stop_the_player(app: App) -> None:
    screen = walker(app)
    walk(screen, -1, 0, 2.0)
    assert screen.player.x > 32 + 8  # the left wall ends at x = 32
    walk(screen, 0, -1, 2.0)
    assert screen.player.y - 10 >= 32


def test_the_door_takes_the_story_on(app: App) -> None:
    screen = walker(app)
    assert screen.in_front() is None
    walk(screen, 1, 0, 1.5)  # along the top row towards the door at x = 192
    assert screen.in_front() is not None and screen.in_front().hotspot.name == "door"
    screen.handle(Input(Action.CONFIRM))
    play = app.ctx.nav.top
    assert isinstance(play, PlayScreen)
    assert play.controller.current.event.text.get("en") == "Outside."


def test_a_call_comes_back_to_the_same_place(app: App) -> None:
    screen = walker(app)
    walk(screen, 0, 1, 1.2)  # down towards the poster at (1, 4)
    place = (screen.player.x, screen.player.y)
    assert screen.in_front() is not None and screen.in_front().hotspot.name == "poster"
    screen.handle(Input(Action.CONFIRM))
    play = app.ctx.nav.top
    assert isinstance(play, PlayScreen) and play.controller.current.event.text.get("en") == "An old poster."
    play.box.finish()
    play.advance()  # `return` brings the map back
    back = walker(app)
    assert (back.player.x, back.player.y) == place
    data = play.saves.make_save("1", None)  # a save on the map keeps the place
    [[_step, x, y, _facing]] = data.presentation["places"]
    assert (x, y) == place
    assert isinstance(play.controller.current.event, type(back.event)) and back.event.op.kind == m.MAP


def test_rollback_leaves_the_map(app: App) -> None:
    screen = walker(app)
    screen.handle(Input(Action.ROLLBACK))
    play = app.ctx.nav.top
    assert isinstance(play, PlayScreen)
    assert play.controller.current.event.text.get("en") == "In the room."


def test_the_key_that_returns_to_the_map_uses_nothing(app: App) -> None:
    screen = walker(app)
    walk(screen, 0, 1, 1.2)  # in front of the poster
    screen.handle(Input(Action.CONFIRM))
    play = app.ctx.nav.top
    assert isinstance(play, PlayScreen)
    play.box.finish()
    play.advance()  # the poster's scene returns to the map: a fresh map screen, in front of the poster
    back = walker(app)
    assert back.in_front() is not None
    back.handle(Input(Action.CONFIRM, repeat=True))  # the same key, still held down
    back.handle(Input(Action.CONFIRM))  # or pressed again at once
    assert app.ctx.nav.top is back
    back.update(0.5)
    back.handle(Input(Action.CONFIRM))  # a new press, a moment later, uses the poster again
    assert isinstance(app.ctx.nav.top, PlayScreen)


def save_on_the_map(app: App) -> tuple[float, float]:
    """Walk a little, save in slot 1 and autosave there; the place the player stood."""
    screen = walker(app)
    walk(screen, 1, 0, 0.6)
    play = app.ctx.nav.find(PlayScreen)
    assert play is not None
    play.link.remember(screen.place())
    app.ctx.saves.write(play.saves.make_save("1", None))
    return screen.player.x, screen.player.y


def assert_on_the_map_at(app: App, place: tuple[float, float]) -> None:
    app.step(2, dt=0.1)
    screen = walker(app)
    assert (screen.player.x, screen.player.y) == place
    before = screen.player.x
    screen.walk(1, 0, 0.2)  # and the map takes input: the player walks
    assert screen.player.x > before


def test_a_map_save_resumes_from_continue(app: App) -> None:
    place = save_on_the_map(app)
    app.ctx.nav.home()
    app.step(2, dt=0.1)
    title = app.ctx.nav.top
    assert isinstance(title, TitleScreen)
    title.continue_game()
    assert_on_the_map_at(app, place)


def test_a_map_save_resumes_from_the_load_screen(app: App) -> None:
    place = save_on_the_map(app)
    app.ctx.nav.home()
    app.ctx.nav.push(SaveLoadScreen(app.ctx, "load", TitleSaves(app.ctx)))
    screen = app.ctx.nav.top
    assert isinstance(screen, SaveLoadScreen)
    screen.activate(next(i for i, card in enumerate(screen.cards) if card.slot == "1"))
    assert_on_the_map_at(app, place)


def test_a_map_save_resumes_from_the_game_menu(app: App) -> None:
    place = save_on_the_map(app)
    screen = walker(app)
    screen.handle(Input(Action.BACK))  # the game menu, over the map
    menu = app.ctx.nav.top
    assert isinstance(menu, GameMenu)
    menu.load()
    loader = app.ctx.nav.top
    assert isinstance(loader, SaveLoadScreen)
    loader.load(next(card for card in loader.cards if card.slot == "1").data)  # (the Yes of its question)
    assert_on_the_map_at(app, place)


def test_a_slot_saved_on_a_map_shows_the_map_and_the_line_before_it(app: App) -> None:
    import io

    import pygame

    screen = walker(app)
    screen.handle(Input(Action.BACK))  # the game menu over the map, then Save, then the first card
    menu = app.ctx.nav.top
    assert isinstance(menu, GameMenu)
    menu.save()
    saver = app.ctx.nav.top
    assert isinstance(saver, SaveLoadScreen)
    saver.save("1")
    data = app.ctx.saves.read("1")
    assert data.preview["en"] == "In the room."  # the line that led to the map, not nothing
    assert data.thumbnail_png is not None
    picture = pygame.image.load(io.BytesIO(data.thumbnail_png), "thumb.png")
    colours = {picture.get_at((x, y))[:3] for x in range(0, picture.get_width(), 4)
               for y in range(0, picture.get_height(), 4)}
    wall = (200, 120, 90)  # the room's wall tiles: the map is in the picture, not the text box
    assert any(sum(abs(a - b) for a, b in zip(colour, wall)) < 30 for colour in colours)
