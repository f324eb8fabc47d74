"""Maps as the game reads and draws them (game.story.tiled through game.world) on real Tiled maps and on
maps written here: tile data and pictures checked against pytmx (a test-only oracle) and Tiled's rules,
collision, walking, and the checker's map findings (unreachable hotspots) with the explorer's filter.

Nothing here reads the shipped story's maps: maps and stories are written into tmp_path.
"""

from __future__ import annotations

import os
import struct
import subprocess
import sys
import zlib
from pathlib import Path
from textwrap import dedent
from typing import Any

import pytest

from game.story.files import image_size as header_size
from game.world.tiled import Flags, MapFormatError, gid_flags, load_map
from game.world.walk import hotspot_reachable, reachable_from, reachable_hotspots, walkable_grid

EXAMPLES = Path("/work/shared/tiled-examples")
TILED = EXAMPLES / "tiled" / "examples"
PYTMX = EXAMPLES / "pytmx"
needs_examples = pytest.mark.skipif(not EXAMPLES.is_dir(), reason="the shared Tiled examples are not here")
ROOT = Path(__file__).resolve().parent.parent


# --- helpers ----------------------------------------------------------------------------------


def write_png(path: Path, width: int, height: int, color: tuple[int, int, int, int] = (90, 120, 160, 255)) -> Path:
    """A plain RGBA PNG (standard library only)."""
    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)

    row = b"\x00" + bytes(color) * width
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", width, height, 8, 6, 0, 0, 0))
                     + chunk(b"IDAT", zlib.compress(row * height)) + chunk(b"IEND", b""))
    return path


TILESET = """\
 <tileset firstgid="1" name="tiles" tilewidth="16" tileheight="16" tilecount="4" columns="2">
  <image source="tiles.png" width="32" height="32"/>
  <tile id="1">
   <properties>
    <property name="collision" type="bool" value="true"/>
   </properties>
  </tile>
  <tile id="2">
   <animation>
    <frame tileid="2" duration="300"/>
    <frame tileid="3" duration="200"/>
   </animation>
  </tile>
 </tileset>
"""


def grid_csv(rows: list[str]) -> str:
    """Rows of '.' (floor, gid 1) and '#' (wall, gid 2: collision) as CSV tile data."""
    return ",\n".join(",".join("2" if c == "#" else "1" for c in row) for row in rows)


def write_map(folder: Path, rows: list[str], objects: str = "", extra_layers: str = "", name: str = "alley.tmx",
              tileset: str = TILESET) -> Path:
    """An orthogonal map of 16 px tiles drawn by ``rows``, with its tileset image."""
    write_png(folder / "tiles.png", 32, 32)
    path = folder / name
    path.write_text(dedent(f"""\
        <?xml version="1.0" encoding="UTF-8"?>
        <map version="1.10" orientation="orthogonal" renderorder="right-down" width="{len(rows[0])}" height="{len(rows)}" tilewidth="16" tileheight="16" infinite="0">
        @TILESET@ <layer id="1" name="ground" width="{len(rows[0])}" height="{len(rows)}">
          <data encoding="csv">
        @DATA@
        </data>
         </layer>
        @LAYERS@ <objectgroup id="2" name="objects">
        @OBJECTS@ </objectgroup>
        </map>
        """).replace("@TILESET@", tileset).replace("@DATA@", grid_csv(rows)).replace("@LAYERS@", extra_layers)
        .replace("@OBJECTS@", objects), encoding="utf-8")
    return path


def obj(oid: int, name: str, x: int, y: int, w: int = 16, h: int = 16, props: dict[str, str] | None = None,
        extra: str = "") -> str:
    body = ""
    if props:
        body = "\n   <properties>\n" + "".join(f'    <property name="{k}" value="{v}"/>\n' for k, v in props.items()) \
            + "   </properties>\n  "
    return f'  <object id="{oid}" name="{name}" x="{x}" y="{y}" width="{w}" height="{h}"{extra}>{body}</object>\n'


def line_of(path: Path, needle: str) -> int:
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if needle in line:
            return number
    raise AssertionError(f"{needle!r} is not in {path}")


# --- the adapter on real maps -------------------------------------------------------------------


@needs_examples
def test_external_tsx_with_zlib_data_matches_the_gzip_copy_with_an_inline_tileset() -> None:
    zlib_map = load_map(TILED / "desert.tmx")
    gzip_map = load_map(PYTMX / "apps" / "data" / "desert.tmx")
    assert (zlib_map.width, zlib_map.height, zlib_map.tile_width, zlib_map.tile_height) == (40, 40, 32, 32)
    [tileset] = zlib_map.tilesets
    assert (tileset.name, tileset.firstgid, tileset.source, tileset.image) == \
        ("Desert", 1, "desert.tsx", "tmw_desert_spacing.png")
    assert (tileset.margin, tileset.spacing, tileset.tilecount) == (1, 1, 48)
    assert gzip_map.tilesets[0].source is None
    assert zlib_map.cells[0] == gzip_map.cells[0]
    assert zlib_map.gid_at(0, 0, "Ground") == 30


@needs_examples
def test_csv_and_base64_data() -> None:
    csv_map = load_map(PYTMX / "apps" / "data" / "mapbig1.tmx")  # csv
    assert [layer.kind for layer in csv_map.layers] == ["tile", "tile", "tile", "object"]
    plain = load_map(PYTMX / "apps" / "data" / "formosa-base64.tmx")  # base64, no compression
    assert [(layer.name, layer.kind) for layer in plain.layers] == [
        ("Grass and Water", "tile"), ("Tile Layer 1", "tile"), ("Tile Layer 2", "tile"),
        ("Object Layer 1", "object"), ("Image Layer 1", "image")]
    assert plain.layers[4].image and (PYTMX / "apps" / "data" / plain.layers[4].image).is_file()


@needs_examples
@pytest.mark.parametrize("name", ["pytmx/tests/resources/test01.tmx", "pytmx/apps/data/formosa-base64.tmx",
                                  "pytmx/apps/data/mapbig1.tmx", "pytmx/apps/data/testtrack1.tmx",
                                  "tiled/examples/desert.tmx", "tiled/examples/rpg/island.tmx",
                                  "tiled/examples/orthogonal-outside.tmx", "tiled/examples/forest/forest.tmx"])
def test_tile_data_agrees_with_pytmx_reading_the_file_itself(name: str) -> None:
    import pytmx  # type: ignore[import-untyped]

    ours = load_map(EXAMPLES / name)
    theirs = pytmx.TiledMap(str(EXAMPLES / name), load_all=False)
    back = {value[0]: (key[0], value[1]) for key, value in theirs.imagemap.items() if isinstance(value, tuple)}
    layers = [layer for layer in theirs.layers if isinstance(layer, pytmx.TiledTileLayer)]
    assert len(layers) == len(ours.tile_layers())
    for mine, their in zip(ours.tile_layers(), layers):
        for y, row in enumerate(their.data):
            for x, gid in enumerate(row):
                tiled, flags = back.get(gid, (0, None)) if gid else (0, None)
                assert ours.gid_at(x, y, mine.index) == tiled, (name, mine.name, x, y)
                if tiled:
                    assert flags is not None
                    assert tuple(ours.flags_at(x, y, mine.index)) == tuple(map(bool, flags))


@needs_examples
def test_flips_typed_properties_and_object_shapes() -> None:
    tmap = load_map(PYTMX / "tests" / "resources" / "test01.tmx")
    flipped = {tmap.flags_at(x, y, layer.index) for layer in tmap.tile_layers()
               for y in range(tmap.height) for x in range(tmap.width) if tmap.gid_at(x, y, layer.index)}
    assert Flags(True, False, False) in flipped and Flags(False, True, True) in flipped
    assert tmap.properties["test_bool_true"] is True and tmap.properties["test_bool"] is False
    assert tmap.properties["test_int"] == 5 and tmap.properties["test_float"] == 37.0
    assert tmap.properties["test_string"] == "hello, bitcraft!"
    shapes = {o.name: o for o in tmap.objects}
    assert shapes["Castle"].shape == "polygon" and shapes["Castle"].properties["Population"] == "234"
    assert shapes["Coastline"].shape == "polyline" and len(shapes["Coastline"].points) >= 2
    tile_object = shapes["SandCave"]  # gid="262" x="64" y="80" width="16" height="16"
    assert (tile_object.shape, tile_object.gid) == ("tile", 262)
    # Tiled anchors tile objects at the bottom-left corner; ours are top-left like every other object.
    assert (tile_object.x, tile_object.y) == (64, 80 - 16)
    assert tile_object.properties["type"] == "SandCave"  # the tile's properties come along
    assert tmap.tile_properties_by_gid  # tile properties of the inline tilesets


@needs_examples
def test_animations_from_an_external_tileset() -> None:
    tmap = load_map(TILED / "rpg" / "island.tmx")
    assert len(tmap.animations) == 33
    frames = tmap.animation_of(38)
    assert [f.duration for f in frames] == [250] * 4 and frames[0].gid == 38


@needs_examples
def test_templates_are_merged_into_their_objects() -> None:
    tmap = load_map(TILED / "sticker-knight" / "map" / "sandbox.tmx")
    hero = tmap.object_named("hero")
    assert hero is not None and hero.template == "templates/hero.tx"
    assert (hero.type, hero.shape, hero.gid, hero.width, hero.height) == ("hero", "tile", 22, 128, 160)
    assert hero.x == 45 and hero.y == 979.5 - 160  # the instance keeps its own position
    blocks = [o for o in tmap.objects if o.template == "templates/block.tx"]
    assert blocks and all(b.properties["density"] == 2.0 and b.properties["bodyType"] == "dynamic" for b in blocks)


@needs_examples
def test_a_tileset_image_without_a_size_gets_it_from_the_file() -> None:
    tmap = load_map(TILED / "perspective_walls.tmx")
    assert (tmap.tilesets[0].image_width, tmap.tilesets[0].image_height) == (256, 256)


@needs_examples
def test_groups_keep_drawing_order_and_pass_on_visibility() -> None:
    tmap = load_map(PYTMX / "apps" / "data" / "acid0.tmx")
    kinds = [layer.kind for layer in tmap.layers]
    assert kinds.index("group") < kinds.index("image")  # pytmx would put image layers before object layers
    hidden_group = tmap.layer("Group 1")
    inner = [layer for layer in tmap.layers if layer.parent == hidden_group.index]
    assert inner and not hidden_group.visible and not any(layer.visible for layer in inner)


@needs_examples
@pytest.mark.parametrize("name, orientation", [("iso.tmx", "isometric"), ("embed_tile_image.tmx", "isometric")])
def test_unsupported_orientations_load_with_a_problem(name: str, orientation: str) -> None:
    tmap = load_map(PYTMX / "apps" / "data" / name)
    assert not tmap.supported
    assert [p.message for p in tmap.problems] == [f"not supported by the game: {orientation}"]


@needs_examples
def test_an_infinite_staggered_map_loads() -> None:
    tmap = load_map(TILED / "isometric_staggered_grass_and_water.tmx")
    assert tmap.infinite and tmap.orientation == "staggered" and tmap.width * tmap.height > 0
    assert "not supported by the game: staggered" in str(tmap.problems[0])


# --- tile pictures: cut by game.world.images, checked against pytmx (a test-only oracle) and Tiled's rules


def _pixels(surface: Any) -> bytes:
    """A picture as drawn: blitted onto a clear RGBA surface (colour keys applied), as bytes."""
    import pygame

    canvas = pygame.Surface(surface.get_size(), pygame.SRCALPHA)
    canvas.fill((0, 0, 0, 0))
    canvas.blit(surface, (0, 0))
    return pygame.image.tobytes(canvas, "RGBA")


@needs_examples
@pytest.mark.parametrize("name", ["pytmx/tests/resources/test01.tmx", "pytmx/apps/data/formosa-base64.tmx",
                                  "pytmx/apps/data/acid0.tmx", "pytmx/apps/data/testtrack1.tmx",
                                  "tiled/examples/desert.tmx", "tiled/examples/rpg/island.tmx",
                                  "tiled/examples/orthogonal-outside.tmx"])
def test_tile_pictures_agree_with_pytmx(name: str) -> None:
    """Unflipped tiles without colour keys: margins, spacing, columns, image collections cut as pytmx does."""
    import pytmx  # type: ignore[import-untyped,unused-ignore]
    from pytmx.util_pygame import load_pygame  # type: ignore[import-untyped]

    from game.world.render import ensure_display

    ensure_display()
    ours = load_map(EXAMPLES / name)
    theirs = load_pygame(str(EXAMPLES / name))
    images = ours.load_images()
    layers = [layer for layer in theirs.layers if isinstance(layer, pytmx.TiledTileLayer)]
    compared = 0
    for mine, their in zip(ours.tile_layers(), layers):
        for y in range(ours.height):
            for x in range(ours.width):
                raw = ours.raw_gid_at(x, y, mine.index)
                tileset = ours.tileset_of(raw)
                if not raw or raw & 0xF0000000 or tileset is None or tileset.trans:
                    continue
                picture = images.at(mine.index, x, y)
                assert picture is not None
                assert _pixels(picture) == _pixels(theirs.images[their.data[y][x]]), (name, mine.name, x, y)
                compared += 1
    assert compared > 0


@needs_examples
@pytest.mark.parametrize("name", ["pytmx/tests/resources/test01.tmx", "pytmx/apps/data/acid0.tmx"])
def test_flipped_tiles_follow_tileds_rule(name: str) -> None:
    """The anti-diagonal flag swaps x and y first, then the horizontal and vertical flags mirror."""
    from game.world.render import ensure_display

    ensure_display()
    tmap = load_map(EXAMPLES / name)
    images = tmap.load_images()
    raws = {tmap.raw_gid_at(x, y, layer.index) for layer in tmap.tile_layers()
            for y in range(tmap.height) for x in range(tmap.width)}
    flipped = [raw for raw in raws if raw & 0xE0000000]
    assert flipped
    for raw in flipped:
        base, picture = images.of(raw & 0x0FFFFFFF), images.of(raw)
        assert base is not None and picture is not None
        horizontal, vertical, diagonal = gid_flags(raw)
        width, height = picture.get_size()
        for x in range(0, width, 3):
            for y in range(0, height, 3):
                sx, sy = (width - 1 - x if horizontal else x), (height - 1 - y if vertical else y)
                if diagonal:
                    sx, sy = sy, sx
                assert picture.get_at((x, y)) == base.get_at((sx, sy)), (name, hex(raw), x, y)


@needs_examples
def test_a_colour_key_is_drawn_transparent() -> None:
    from game.world.render import ensure_display

    ensure_display()
    tmap = load_map(TILED / "sewers.tmx")
    [tileset] = tmap.tilesets
    assert tileset.trans == "ff00ff"
    images = tmap.load_images()
    magenta = [(raw, picture) for raw in range(1, tileset.columns * 9 + 1)  # the sheet: 8 columns, 9 rows
               if (picture := images.of(raw)) is not None and tuple(picture.get_at((0, 0)))[:3] == (255, 0, 255)]
    assert magenta and all(picture.get_at((0, 0)).a == 0 for _raw, picture in magenta)


# --- gaps of pytmx 3.32, on maps written here ---------------------------------------------------


def test_an_infinite_map_becomes_one_finite_grid(tmp_path: Path) -> None:
    write_png(tmp_path / "tiles.png", 32, 32)
    ones = ",".join(["1"] * 4)
    path = tmp_path / "endless.tmx"
    path.write_text(dedent(f"""\
        <?xml version="1.0" encoding="UTF-8"?>
        <map version="1.10" orientation="orthogonal" width="4" height="4" tilewidth="16" tileheight="16" infinite="1">
        @TILESET@ <layer id="1" name="ground" width="4" height="4">
          <data encoding="csv">
           <chunk x="-2" y="-2" width="2" height="2">{ones}</chunk>
           <chunk x="2" y="0" width="2" height="2">2,2,2,2</chunk>
          </data>
         </layer>
         <objectgroup id="2" name="objects">
          <object id="1" name="spawn" x="-32" y="-32" width="16" height="16"/>
         </objectgroup>
        </map>
        """).replace("@TILESET@", TILESET), encoding="utf-8")
    tmap = load_map(path)
    assert tmap.infinite and tmap.origin == (-2, -2) and (tmap.width, tmap.height) == (6, 4)
    assert tmap.gid_at(0, 0, "ground") == 1 and tmap.gid_at(4, 2, "ground") == 2 and tmap.gid_at(2, 2, "ground") == 0
    spawn = tmap.object_named("spawn")
    assert spawn is not None and (spawn.x, spawn.y) == (0, 0)
    assert tmap.collision[2][4] and not tmap.collision[0][0]


def test_zstd_layers_are_read_or_refused_in_one_line(tmp_path: Path) -> None:
    path = write_map(tmp_path, ["...."])
    text = path.read_text().replace('<data encoding="csv">\n1,1,1,1\n</data>',
                                    '<data encoding="base64" compression="zstd">KLUv/SAQgQAAAQAAAAEAAAABAAAAAQAAAA==</data>')
    path.write_text(text)
    try:
        import zstandard  # type: ignore[import-not-found,unused-ignore]  # noqa: F401
    except ImportError:
        with pytest.raises(MapFormatError) as caught:
            load_map(path)
        assert caught.value.line == line_of(path, "zstd")
        assert "zstd-compressed" in str(caught.value) and "CSV or Base64 (zlib)" in str(caught.value)
        assert "\n" not in str(caught.value)
    else:
        assert load_map(path).gid_at(0, 0, "ground") == 1


def test_class_and_list_properties(tmp_path: Path) -> None:
    props = """
   <properties>
    <property name="loot" type="list">
     <item type="string" value="tape"/>
     <item type="int" value="3"/>
    </property>
    <property name="door" type="class" propertytype="Door">
     <properties>
      <property name="locked" type="bool" value="true"/>
      <property name="key" value="red"/>
     </properties>
    </property>
    <property name="note">two
lines</property>
   </properties>
  """
    path = write_map(tmp_path, ["...."], objects=f'  <object id="1" name="chest" x="0" y="0" width="16" height="16">{props}</object>\n')
    chest = load_map(path).object_named("chest")
    assert chest is not None
    assert chest.properties["loot"] == ("tape", 3)
    assert dict(chest.properties["door"]) == {"locked": True, "key": "red"}
    assert chest.properties["note"] == "two\nlines"


def test_a_template_whose_tileset_the_map_lacks(tmp_path: Path) -> None:
    write_png(tmp_path / "props.png", 32, 16)
    (tmp_path / "props.tsx").write_text(dedent("""\
        <?xml version="1.0" encoding="UTF-8"?>
        <tileset name="props" tilewidth="16" tileheight="16" tilecount="2" columns="2">
         <image source="props.png"/>
         <tile id="1"><properties><property name="collision" type="bool" value="true"/></properties></tile>
        </tileset>
        """), encoding="utf-8")
    (tmp_path / "templates").mkdir()
    (tmp_path / "templates" / "crate.tx").write_text(dedent("""\
        <?xml version="1.0" encoding="UTF-8"?>
        <template>
         <tileset firstgid="1" source="../props.tsx"/>
         <object name="crate" type="prop" gid="2" width="16" height="16">
          <properties><property name="weight" type="int" value="7"/></properties>
         </object>
        </template>
        """), encoding="utf-8")
    path = write_map(tmp_path, ["...", "..."],
                     objects='  <object id="1" template="templates/crate.tx" x="16" y="32"/>\n')
    tmap = load_map(path)
    crate = tmap.object_named("crate")
    assert crate is not None and crate.type == "prop" and crate.properties["weight"] == 7
    [_, props] = tmap.tilesets
    assert (props.name, props.firstgid, props.source, props.image_width, props.image_height) == \
        ("props", 5, "props.tsx", 32, 16)
    assert crate.gid == 6 and crate.properties["collision"] is True  # the tile's properties come along
    assert tmap.collision[1][1] and crate.blocks


def test_pytmx_reserved_property_names_are_fine(tmp_path: Path) -> None:
    path = write_map(tmp_path, ["..."], objects=obj(1, "sign", 0, 0, props={"name": "x", "visible": "no"}))
    assert load_map(path).object_named("sign") is not None


def test_xml_tile_data_and_a_legacy_doctype(tmp_path: Path) -> None:
    path = write_map(tmp_path, [".."])
    text = path.read_text().replace('<data encoding="csv">\n1,1\n</data>', '<data><tile gid="2"/><tile/></data>')
    text = text.replace("<map ", '<!DOCTYPE map SYSTEM "http://mapeditor.org/dtd/1.0/map.dtd">\n<map ')
    path.write_text(text)
    tmap = load_map(path)
    assert (tmap.gid_at(0, 0, 0), tmap.gid_at(1, 0, 0)) == (2, 0)


@pytest.mark.parametrize("old, new, needle, fragment", [
    ("1,1,1\n", "1,1\n", '<data encoding="csv">', "2 tiles where 3 were expected"),
    ('<image source="tiles.png" width="32" height="32"/>', '<image source="gone.png"/>', "gone.png",
     "has no width/height and its size cannot be read"),
    ("</objectgroup>", "</objectgrup>", "</objectgrup>", "not valid XML: mismatched tag"),
    ('<map version', '<!DOCTYPE map [<!ENTITY lol "lol">]>\n<map version', "<!DOCTYPE", "declares a DTD"),
    ('tilewidth="16" tileheight="16" infinite', 'tilewidth="sixteen" tileheight="16" infinite', "sixteen",
     "tilewidth='sixteen' is not a whole number"),
    ('<data encoding="csv">', '<data encoding="base32">', "base32", "unknown tile data encoding 'base32'"),
])
def test_unreadable_maps_raise_one_clear_line(tmp_path: Path, old: str, new: str, needle: str, fragment: str) -> None:
    path = write_map(tmp_path, ["..."])
    text = path.read_text()
    assert old in text
    path.write_text(text.replace(old, new, 1))
    with pytest.raises(MapFormatError) as caught:
        load_map(path)
    error = caught.value
    assert fragment in error.message and "\n" not in str(error)
    assert (error.file, error.line) == (str(path), line_of(path, needle))


def test_a_missing_external_tileset_names_the_line(tmp_path: Path) -> None:
    path = write_map(tmp_path, [".."], tileset=' <tileset firstgid="1" source="nowhere.tsx"/>\n')
    with pytest.raises(MapFormatError, match=r"the tileset nowhere\.tsx: cannot read the file: No such file") as caught:
        load_map(path)
    assert caught.value.line == line_of(path, "nowhere.tsx")


def test_files_outside_the_root_are_refused(tmp_path: Path) -> None:
    inner = tmp_path / "story" / "maps"
    inner.mkdir(parents=True)
    write_png(tmp_path / "tiles.png", 32, 32)
    path = write_map(inner, [".."], tileset=TILESET.replace('source="tiles.png"', 'source="../../tiles.png"'))
    load_map(path)  # fine without a root
    with pytest.raises(MapFormatError, match="outside the story folder"):
        load_map(path, root=tmp_path / "story")


def test_image_size_of_png_headers(tmp_path: Path) -> None:
    assert header_size(write_png(tmp_path / "a.png", 7, 3).read_bytes()) == (7, 3)


# --- collision and walking ------------------------------------------------------------------------


ROOM = [
    "########",
    "#..#.#.#",
    "#..#.#.#",
    "#....#.#",
    "########",
]  # a corridor from (1, 1) round to (4, 1); a closed room at x = 6


def test_the_collision_grid_from_tile_properties_layers_and_objects(tmp_path: Path) -> None:
    collision_layer = f"""\
 <layer id="3" name="Collision" width="8" height="5" visible="0">
  <data encoding="csv">
{",".join(["0"] * 8)},
{",".join(["0"] * 8)},
{",".join(["0", "0", "4"] + ["0"] * 5)},
{",".join(["0"] * 8)},
{",".join(["0"] * 8)}
</data>
 </layer>
"""
    objects = obj(1, "crates", 64, 16, 16, 16, props={"collision": "true"}) + \
        '  <object id="2" name="fence" type="collision" x="24" y="36" width="8" height="4"/>\n'
    tmap = load_map(write_map(tmp_path, ROOM, objects=objects, extra_layers=collision_layer))
    blocked = {(x, y) for y, row in enumerate(tmap.collision) for x, b in enumerate(row) if b}
    walls = {(x, y) for y, row in enumerate(ROOM) for x, c in enumerate(row) if c == "#"}
    assert blocked == walls | {(2, 2), (4, 1), (1, 2)}  # the layer, the crates, the fence
    assert walkable_grid(tmap)[1][1] and not walkable_grid(tmap)[0][0]
    assert tmap.tile_properties(0, 0, "ground")["collision"] is True
    assert tmap.animation_of(3)[1].duration == 200


def test_reachability_on_foot_and_hotspots(tmp_path: Path) -> None:
    objects = (obj(1, "door", 16, 16, 16, 16)
               + obj(2, "desk", 16, 48, props={"goto": "x"})                          # (1,3) walkable
               + obj(3, "safe", 80, 32, props={"goto": "x"})                          # (5,2) a wall beside the corridor
               + obj(4, "vent", 96, 16, props={"goto": "x"})                          # (6,1) closed room
               + obj(5, "poster", 48, 16, props={"goto": "x"})                        # (3,1) a wall next to the corridor
               + obj(6, "mat", 48, 16, props={"goto": "x", "trigger": "touch"})       # the same wall, stepped on
               + obj(7, "rug", 64, 48, props={"call": "x", "trigger": "touch"}))      # (4,3) walkable
    tmap = load_map(write_map(tmp_path, ROOM, objects=objects))
    cells = reachable_from(tmap, "door")
    assert cells == {(1, 1), (2, 1), (1, 2), (2, 2), (1, 3), (2, 3), (3, 3), (4, 3), (4, 2), (4, 1)}
    reach = {o.name: hotspot_reachable(tmap, o, cells) for o in tmap.hotspots}
    assert reach == {"desk": True, "safe": True, "vent": False, "poster": True, "mat": False, "rug": True}
    assert [o.name for o in reachable_hotspots(tmap, "door")] == ["desk", "safe", "poster", "rug"]
    with pytest.raises(KeyError, match="no object named 'nobody'"):
        reachable_from(tmap, "nobody")


def test_loading_and_walking_need_no_pygame(tmp_path: Path) -> None:
    """Reading, collision and walking are headless: pygame is not even imported (the checker relies on it)."""
    path = write_map(tmp_path, ROOM, objects=obj(1, "door", 16, 16))
    code = dedent(f"""\
        import sys
        from game.world.tiled import load_map
        from game.world.walk import reachable_from
        from game.check.maps import analyse_maps
        tmap = load_map({str(path)!r})
        assert len(reachable_from(tmap, "door")) == 10
        assert not [name for name in sys.modules if name.startswith("pygame")]
        print("ok")
    """)
    env = {**os.environ, "SDL_VIDEODRIVER": "dummy"}
    run = subprocess.run([sys.executable, "-c", code], cwd=ROOT, env=env, capture_output=True, text=True, timeout=60)
    assert run.returncode == 0, run.stderr
    assert run.stdout.strip() == "ok"


# --- the checker: unreachable hotspots, and the explorer ignoring them ------------------------


def write_story_with_map(root: Path, map_objects: str, rows: list[str] = ROOM) -> Path:
    (root / "scenes").mkdir(parents=True)
    (root / "story.yaml").write_text(dedent("""\
        title: Tiny
        languages: [en]
        start: street
        endings:
          office: {title: Office}
          vault: {title: Vault}
        """), encoding="utf-8")
    scenes = {
        "street": "  - narrator: A door.\n  - map: alley\n    spawn: door\n",
        "office": "  - narrator: An office.\n  - ending: office\n",
        "vault": "  - narrator: A vault.\n  - ending: vault\n",
    }
    for scene_id, script in scenes.items():
        (root / "scenes" / f"{scene_id}.yaml").write_text(
            f"scene: {scene_id}\ntitle: {scene_id}\nscript:\n{script}", encoding="utf-8")
    write_map(root / "maps", rows, objects=map_objects)
    return root


STORY_OBJECTS = (obj(1, "door", 16, 16) + obj(2, "vent", 96, 16, props={"goto": "vault"})
                 + obj(3, "desk", 16, 48, props={"goto": "office"}))  # hotspots: 0 vent (walled in), 1 desk


def test_an_unreachable_hotspot_is_an_error_with_file_line_and_name(tmp_path: Path) -> None:
    from game.check.report import run_check

    root = write_story_with_map(tmp_path / "story", STORY_OBJECTS)
    report = run_check(root)
    unreachable = [p for p in report.problems if p.code == "hotspot-unreachable"]
    assert len(unreachable) == 1
    [problem] = unreachable
    assert (problem.severity, problem.file, problem.line) == \
        ("error", "maps/alley.tmx", line_of(root / "maps" / "alley.tmx", 'name="vent"'))
    assert "'vent'" in problem.message and "maps/alley.tmx" in problem.message and "'door'" in problem.message
    assert "hotspot-unreachable" in {p["code"] for p in report.as_json()["unreachable"]}
    # The explorer walks: the vault, behind walls, is never reached.
    assert report.endings()["office"]["reachable"] and not report.endings()["vault"]["reachable"]
    assert any(p.code == "unreachable-ending" for p in report.problems)


def test_the_explorer_filter_is_optional(tmp_path: Path) -> None:
    from game.check.explore import explore
    from game.check.maps import analyse_maps
    from game.story.loader import load_story

    story = load_story(write_story_with_map(tmp_path / "story", STORY_OBJECTS))
    analysis = analyse_maps(story)
    assert analysis.reachable == {("alley", "door"): {1}}
    assert set(explore(story).endings) == {"office", "vault"}
    walked = explore(story, reachable_hotspots=analysis.reachable)
    assert set(walked.endings) == {"office"}
    assert walked.endings["office"] == (1,)  # numbered among the active hotspots, as replays number them
    assert ("alley", 0) in walked.hotspots_active  # active (no condition), only out of reach


def test_a_map_where_nothing_can_be_reached_is_a_dead_end(tmp_path: Path) -> None:
    from game.check.report import run_check

    objects = obj(1, "door", 16, 16) + obj(2, "vent", 96, 16, props={"goto": "office"})
    report = run_check(write_story_with_map(tmp_path / "story", objects))
    dead = [p for p in report.problems if p.code == "dead-end-softlock"]
    assert dead and "no active hotspot of this map can be reached on foot" in dead[0].message


def test_a_story_map_that_does_not_load_is_reported(tmp_path: Path) -> None:
    from game.check.report import run_check

    root = write_story_with_map(tmp_path / "story", STORY_OBJECTS)
    path = root / "maps" / "alley.tmx"
    path.write_text(path.read_text().replace('<image source="tiles.png" width="32" height="32"/>',
                                             '<image source="missing.png"/>'))
    report = run_check(root)
    [problem] = [p for p in report.problems if p.code == "map-load"]
    assert problem.file == "maps/alley.tmx" and problem.line == line_of(path, "missing.png")
    assert problem.message.startswith("the map maps/alley.tmx does not load: ")
    # Not walkable, so not filtered: the explorer still takes every active hotspot.
    assert report.endings()["vault"]["reachable"]


def test_a_spawn_on_a_wall_is_a_warning(tmp_path: Path) -> None:
    from game.check.report import run_check

    objects = obj(1, "door", 0, 16) + obj(2, "desk", 16, 48, props={"goto": "office"}) + \
        obj(3, "vent", 96, 16, props={"goto": "vault"})
    report = run_check(write_story_with_map(tmp_path / "story", objects))
    spawn = [p for p in report.problems if p.code == "map-spawn"]
    assert [(p.severity, p.line) for p in spawn] == [("warning", line_of(tmp_path / "story" / "maps" / "alley.tmx",
                                                                        'name="door"'))]
