"""The map screen as a player meets it: clicks that walk and use, NPCs that collide, marks, prompts, pictures.

Headless, on a small two-language story: a room with a wide desk (its tiles
blocked), a vent in the bottom wall, Dori standing on the floor, and a safe
that is not usable yet.
"""

from __future__ import annotations

import os

os.environ["SDL_VIDEODRIVER"] = "dummy"
os.environ["SDL_AUDIODRIVER"] = "dummy"

from collections.abc import Callable, Iterator
from pathlib import Path

import pygame
import pytest
import test_map_walk as maps

from game.paths import shipped_story
from game.story import model as m
from game.ui.app import App, Options
from game.ui.input import Action, Input
from game.ui.play.screen import PlayScreen
from game.ui.screens.map_walk import MapWalkScreen

ROOM = [  # 0 floor, 1 wall; the desk is the three wall tiles in the middle
    "1111111111",
    "1000000001",
    "1000000001",
    "1000111001",
    "1000000001",
    "1000000001",
    "1000000001",
    "1111111111",
]
FLOOR, WALL = (60, 60, 80), (200, 120, 90)
T = 32


def hotspot(oid: int, name: str, x: int, y: int, w: int, h: int, props: dict[str, str]) -> str:
    body = "".join(f'<property name="{k}" value="{v}"/>' for k, v in props.items())
    return (f'  <object id="{oid}" name="{name}" x="{x}" y="{y}" width="{w}" height="{h}">'
            f'<properties>{body}</properties></object>\n')


def write_story(root: Path, rows: list[str] = ROOM, extra: str = "") -> None:
    (root / "scenes").mkdir(parents=True)
    (root / "maps").mkdir()
    (root / "images" / "tiles").mkdir(parents=True)
    (root / "images" / "tiles" / "room.png").write_bytes(
        maps.png(64, 32, [(*FLOOR, 255) if x < 32 else (*WALL, 255) for y in range(32) for x in range(64)]))
    (root / "maps" / "room.tsx").write_text(
        '<?xml version="1.0" encoding="UTF-8"?>\n<tileset version="1.10" name="room" tilewidth="32" '
        'tileheight="32" tilecount="2" columns="2">\n <image source="../images/tiles/room.png" width="64" '
        'height="32"/>\n <tile id="1"><properties><property name="collision" type="bool" value="true"/>'
        '</properties></tile>\n</tileset>\n', encoding="utf-8")
    width, height = len(rows[0]), len(rows)
    data = ",\n".join(",".join(str(int(c) + 1) for c in row) for row in rows)
    objects = ('  <object id="1" name="start" x="32" y="32" width="32" height="32"/>\n'
               + hotspot(2, "desk", 128, 96, 96, 32, {"call": "s.desk", "label.en": "Desk", "label.ko": "책상"})
               + hotspot(3, "vent", 64, 224, 32, 32, {"call": "s.vent", "label.en": "Vent", "label.ko": "환풍구"})
               + hotspot(4, "dori", 256, 160, 32, 32, {"call": "s.dori", "npc": "dori", "label.en": "Dori",
                                                       "label.ko": "도리"})
               + hotspot(5, "safe", 32, 160, 32, 32, {"call": "s.safe", "if": "opened", "label.en": "Safe",
                                                      "label.ko": "금고"})
               + extra)
    (root / "maps" / "room.tmx").write_text(
        '<?xml version="1.0" encoding="UTF-8"?>\n<map version="1.10" orientation="orthogonal" '
        f'renderorder="right-down" width="{width}" height="{height}" tilewidth="32" tileheight="32" infinite="0">\n'
        ' <tileset firstgid="1" source="room.tsx"/>\n'
        f' <layer id="1" name="ground" width="{width}" height="{height}"><data encoding="csv">\n{data}\n</data></layer>\n'
        f' <objectgroup id="2" name="objects">\n{objects} </objectgroup>\n</map>\n', encoding="utf-8")
    (root / "story.yaml").write_text(
        "title: Room\nlanguages: [en, ko]\nstart: s\nvariables:\n  opened: {type: bool, default: false}\n"
        "endings: {out: {title: {en: Out, ko: 끝}}}\n", encoding="utf-8")
    said = {name: f'  - label: {name}\n  - narrator: {{en: "The {name}.", ko: "{name}."}}\n  - return\n'
            for name in ("desk", "vent", "dori", "safe")}
    (root / "scenes" / "s.yaml").write_text(
        'scene: s\nscript:\n  - narrator: {en: "In the room.", ko: "방 안."}\n  - map: room\n    spawn: start\n'
        + "".join(said.values()) + '  - label: out\n  - narrator: {en: "Out.", ko: "밖."}\n  - ending: out\n',
        encoding="utf-8")


Start = Callable[..., App]


@pytest.fixture
def start(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Start]:
    """Start the game on the room; ``start(size=(w, h), rows=..., lang=...)`` walks onto the map."""
    monkeypatch.setenv("STARLIGHT_CACHE_DIR", str(tmp_path / "cache"))
    games: list[App] = []

    def begin(size: tuple[int, int] = (1280, 720), rows: list[str] = ROOM, lang: str = "en") -> App:
        write_story(tmp_path / "story", rows)
        game = App(Options(story_root=tmp_path / "story", ui_root=shipped_story(), data_dir=tmp_path / "data"))
        games.append(game)
        game.window = game._open_window(size)
        game.ctx.settings.text_speed = 0
        game.ctx.settings.language = lang
        play = PlayScreen.new_game(game.ctx)
        game.ctx.nav.push(play)
        for _ in range(3):  # past "In the room." onto the map
            if not isinstance(game.ctx.nav.top, PlayScreen):
                break
            play.stage.finish()
            play.box.finish()
            play.advance()
        game.step(2)
        return game

    try:
        yield begin
    finally:
        for game in games:
            game.close()


def walker(app: App) -> MapWalkScreen:
    screen = app.ctx.nav.top
    assert isinstance(screen, MapWalkScreen), (list(app.ctx.nav), app.ctx.notices)
    return screen


def logical_of(screen: MapWalkScreen, x: float, y: float) -> tuple[float, float]:
    """The logical screen point showing the map point ``(x, y)`` (the inverse of the screen's ``to_map``)."""
    ox, oy = screen.to_map((0.0, 0.0))
    sx, _ = screen.to_map((100.0, 0.0))
    _, sy = screen.to_map((0.0, 100.0))
    return (x - ox) * 100 / (sx - ox), (y - oy) * 100 / (sy - oy)


def click(screen: MapWalkScreen, x: float, y: float) -> None:
    screen.handle(Input(Action.CLICK, logical_of(screen, x, y), device="mouse"))


def run(app: App, screen: MapWalkScreen, seconds: float, watch: Callable[[], None] = lambda: None) -> None:
    """Let the map screen live for ``seconds`` (or until it leaves the top of the stack)."""
    for _ in range(int(seconds * 60)):
        if app.ctx.nav.top is not screen:
            return
        screen.clock += 1 / 60
        screen.update(1 / 60)
        watch()


def shown(app: App) -> str:
    play = app.ctx.nav.top
    assert isinstance(play, PlayScreen), list(app.ctx.nav)
    event = play.controller.current.event
    assert isinstance(event, m.Line), event
    return event.text.get("en")


def stand(screen: MapWalkScreen, x: float, y: float, facing: str = "down") -> None:
    screen.player.x, screen.player.y, screen.player.facing = x, y, facing
    screen.clock = 1.0  # long after arriving: the action key is live


# --- clicking a hotspot walks there, uses it, facing it ---------------------------------------------


def test_clicking_a_hotspot_in_a_wall_walks_to_it_and_uses_it_facing_it(start: Start) -> None:
    app = start()
    screen = walker(app)
    click(screen, 64 + 16, 224 + 16)  # the vent, in the bottom wall: nothing to stand on below it
    run(app, screen, 6.0)
    assert shown(app) == "The vent."
    assert screen.player.facing == "down"
    assert 64 <= screen.player.x <= 96 and screen.player.y <= 224  # in front of it, on the floor


def test_the_key_uses_a_wide_hotspot_from_above_facing_down(start: Start) -> None:
    app = start()
    screen = walker(app)
    stand(screen, 6.5 * T, 95.0, "right")  # above the desk's right end, against it
    screen.handle(Input(Action.CONFIRM))
    assert shown(app) == "The desk."
    assert screen.player.facing == "down"


def test_the_key_uses_a_wide_hotspot_from_the_tile_beside_it(start: Start) -> None:
    app = start()
    screen = walker(app)
    stand(screen, 7.5 * T, 3.8 * T, "left")  # on the tile to the right of the desk, in its middle
    front = screen.in_front()
    assert front is not None and front.hotspot.name == "desk"
    screen.handle(Input(Action.CONFIRM))
    assert shown(app) == "The desk." and screen.player.facing == "left"


def test_clicking_dori_walks_up_and_dori_turns_to_the_player(start: Start) -> None:
    app = start()
    screen = walker(app)
    dori = screen.npcs["dori"]
    click(screen, dori.x, dori.y - 40)  # on Dori's picture, above the object's rectangle
    run(app, screen, 8.0)
    assert shown(app) == "The dori."
    p = screen.player
    towards = {"left": (-1, 0), "right": (1, 0), "up": (0, -1), "down": (0, 1)}[p.facing]
    assert towards[0] * (dori.x - p.x) + towards[1] * (dori.y - p.y) > 0  # she faces Dori
    back = {"left": (-1, 0), "right": (1, 0), "up": (0, -1), "down": (0, 1)}[dori.facing]
    assert back[0] * (p.x - dori.x) + back[1] * (p.y - dori.y) > 0  # and Dori faces her


def test_a_click_on_a_hotspot_that_cannot_be_reached_leaves_nothing_pending(start: Start) -> None:
    app = start(rows=ROOM[:6] + ["1111111111"] * 2)  # the vent is walled off
    screen = walker(app)
    click(screen, 64 + 16, 224 + 16)
    run(app, screen, 3.0)
    assert app.ctx.nav.top is screen
    before = (screen.player.x, screen.player.y)
    screen.walk(1, 0, 0.3)  # walking on does not use the vent later
    run(app, screen, 2.0)
    assert app.ctx.nav.top is screen and (screen.player.x, screen.player.y) != before


# --- NPCs collide ------------------------------------------------------------------------------------


def test_the_player_cannot_walk_onto_dori(start: Start) -> None:
    app = start()
    screen = walker(app)
    dori = screen.npcs["dori"]
    stand(screen, dori.x, dori.y + 28, "up")
    for _ in range(120):
        screen.walk(0, -1, 1 / 60)
    assert screen.player.y >= dori.y + 16, (screen.player.y, dori.y)  # in front of Dori, not on it
    stand(screen, dori.x - 40, dori.y, "right")
    for _ in range(120):
        screen.walk(1, 0, 1 / 60)
    assert screen.player.x <= dori.x - 20, (screen.player.x, dori.x)


def test_a_click_behind_dori_walks_round_dori(start: Start) -> None:
    app = start()
    screen = walker(app)
    dori = screen.npcs["dori"]
    stand(screen, dori.x, dori.y + 28, "up")
    closest: list[float] = []

    def watch() -> None:
        p = screen.player
        if abs(p.x - dori.x) < 20:
            closest.append(abs(p.y - dori.y))

    click(screen, dori.x, dori.y - 56)  # the floor just behind Dori (above its picture)
    run(app, screen, 6.0, watch)
    assert abs(screen.player.x - dori.x) < 4 and abs(screen.player.y - 4.8 * T) < 4  # got there
    assert all(d >= 16 for d in closest), min(closest)  # never over Dori


def test_a_player_restored_on_top_of_dori_can_only_walk_away(start: Start) -> None:
    app = start()
    screen = walker(app)
    dori = screen.npcs["dori"]
    stand(screen, dori.x, dori.y + 4, "up")  # an old save put her there
    y = screen.player.y
    for _ in range(30):
        screen.walk(0, -1, 1 / 60)  # not through Dori
    assert screen.player.y >= y
    for _ in range(60):
        screen.walk(0, 1, 1 / 60)  # but out, yes
    assert screen.player.y >= dori.y + 16


# --- what can be used is marked ---------------------------------------------------------------------


def bright_near(surface: pygame.Surface, x: int, y: int, half: int, above: int) -> bool:
    """Whether a light grey pixel (the mark's; the room is dark blue and orange) lies in the box over ``(x, y)``."""
    for py in range(max(y - above, 0), min(y + 2, surface.get_height())):
        for px in range(max(x - half, 0), min(x + half, surface.get_width())):
            r, g, b, *_ = surface.get_at((px, py))
            if r > 150 and g > 150 and b > 150:
                return True
    return False


def test_usable_hotspots_are_marked_and_unusable_ones_not(start: Start) -> None:
    app = start()
    screen = walker(app)
    assert screen.in_front() is None
    app.draw()
    surface = app.viewport_surface()
    scale = app.ctx.view.scale
    for name, (x, y) in {"desk": (176, 96), "vent": (80, 224)}.items():
        lx, ly = logical_of(screen, x, y)
        assert bright_near(surface, round(lx * scale), round(ly * scale), 14, 40), name
    dori = screen.npcs["dori"]
    lx, ly = logical_of(screen, dori.x, dori.y - 48)
    assert bright_near(surface, round(lx * scale), round(ly * scale), 14, 40), "dori"
    lx, ly = logical_of(screen, 48, 160)  # the safe: its `if` is false, nothing marks it
    assert not bright_near(surface, round(lx * scale), round(ly * scale), 14, 40)


# --- the prompt: translated, naming the button of the device in use ------------------------------------


def texts_drawn(app: App, monkeypatch: pytest.MonkeyPatch) -> list[str]:
    drawn: list[str] = []
    real = app.ctx.resources.text

    def record(text: str, *args: object, **kwargs: object) -> pygame.Surface:
        drawn.append(text)
        return real(text, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(app.ctx.resources, "text", record)
    return drawn


def test_the_prompt_is_translated_and_names_the_pads_button(start: Start, monkeypatch: pytest.MonkeyPatch) -> None:
    app = start(lang="ko")
    screen = walker(app)
    dori = screen.npcs["dori"]
    stand(screen, dori.x, dori.y + 24, "up")
    drawn = texts_drawn(app, monkeypatch)
    app.draw()
    assert "Enter · 도리" in drawn
    screen.handle(Input(Action.UP, device="pad"))  # the player picks up a pad
    drawn.clear()
    app.draw()
    assert "Ⓐ · 도리" in drawn and not any(text.startswith("Enter") for text in drawn)
    click(screen, screen.player.x, screen.player.y - 5)  # a click where she stands: the mouse names its button
    run(app, screen, 0.5)
    drawn.clear()
    app.draw()
    assert "클릭 · 도리" in drawn


# --- the map's picture ----------------------------------------------------------------------------------


def wall_at(app: App, screen: MapWalkScreen, x: float, y: float) -> tuple[int, int, int]:
    lx, ly = logical_of(screen, x, y)
    scale = app.ctx.view.scale
    colour = app.viewport_surface().get_at((round(lx * scale), round(ly * scale)))
    return colour[0], colour[1], colour[2]


@pytest.mark.parametrize("size", [(1280, 720), (1920, 1080)])
def test_a_map_larger_than_the_picture_limit_once_zoomed_is_walked_at_1080p(start: Start, size: tuple[int, int]) -> None:
    # 80 x 80 tiles of 32 px: 6.6 million px, 59 million at 1080p's zoom (more than the 50 million a picture may have)
    rows = ["1" * 80] + [row[:-1] + "0" * 70 + "1" for row in ROOM[1:-1]]
    rows += ["1" + "0" * 78 + "1"] * (79 - len(rows)) + ["1" * 80]
    app = start(size=size, rows=rows)
    screen = walker(app)
    assert screen.error is None and not app.ctx.notices
    app.draw()
    assert wall_at(app, screen, 5 * T + 16, 3 * T + 16) == WALL  # a desk tile
    assert wall_at(app, screen, 2 * T + 16, 2 * T + 16) == FLOOR
    for _ in range(480):  # walk right along the room: the view follows
        screen.walk(1, 0, 1 / 30)
    app.draw()
    p = screen.player
    assert p.x > 40 * T
    assert wall_at(app, screen, p.x, 16) == WALL  # the top wall above her
    assert wall_at(app, screen, p.x + 2 * T, 2 * T + 16) == FLOOR


# --- paths stay cheap ------------------------------------------------------------------------------------


class OpenField:
    """A grid with nothing blocked, as large as asked."""

    def __init__(self, width: int, height: int) -> None:
        self.width, self.height, self.tile_width, self.tile_height = width, height, 32, 32
        self.collision = [bytes(width)] * height


def test_a_path_search_on_a_huge_map_is_bounded() -> None:
    from game.world.walkers import MAX_SEARCH, Ground, find_path

    ground = Ground(OpenField(400, 400))
    near = find_path(ground, (0, 0), {(20, 20)})
    assert near is not None and len(near) == 41  # the start, then 40 steps
    assert find_path(ground, (0, 0), {(399, 399)}) is None  # 160,000 tiles away in search: out of reach
    assert MAX_SEARCH < 400 * 400
