"""Writes the hostile map corpus (the small files kept here; the large ones into a folder given).

    python tests/hostile/maps/make_corpus.py          # rewrite the kept files

Each attack is one ``.tmx`` (with any file it needs) whose offending line ends
with ``<!-- ATTACK -->``.  ``@OUTSIDE@`` in a file stands for a folder outside
the story (the test puts a tileset, a template and a picture there); FIFOs and
symbolic links cannot be kept in git and are made by the test
(``tests/test_tiled_hostile.py``), which also says what each attack must give.
"""

from __future__ import annotations

import base64
import struct
import sys
import zlib
from collections.abc import Mapping
from pathlib import Path

HERE = Path(__file__).resolve().parent
MARK = " <!-- ATTACK -->"
TILESET = ('<tileset firstgid="1" name="tiles" tilewidth="16" tileheight="16" tilecount="4" columns="2">'
           '<image source="tiles.png" width="32" height="32"/></tileset>')
SPAWN = '<object id="1" name="spawn" x="16" y="16" width="16" height="16"/>'


def png(width: int, height: int, rgba: bytes = b"\x50\x60\x70\xff") -> bytes:
    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)

    rows = (b"\x00" + rgba * width) * height
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", width, height, 8, 6, 0, 0, 0))
            + chunk(b"IDAT", zlib.compress(rows)) + chunk(b"IEND", b""))


def png_header_only(width: int, height: int) -> bytes:
    """A PNG whose header claims a size its (absent) data never gives: refused from the header alone."""
    ihdr = struct.pack(">IIBBBBB", width, height, 8, 6, 0, 0, 0)
    return (b"\x89PNG\r\n\x1a\n" + struct.pack(">I", len(ihdr)) + b"IHDR" + ihdr
            + struct.pack(">I", zlib.crc32(b"IHDR" + ihdr) & 0xFFFFFFFF))


def tmx(body: str, *, width: int = 4, height: int = 4, tile: int = 16, extra: str = "", tileset: str = TILESET,
        objects: str = SPAWN) -> str:
    csv = ",".join(["1"] * (width * height)) if width * height <= 4096 else ""
    ground = (f' <layer id="1" name="ground" width="{width}" height="{height}"><data encoding="csv">{csv}</data>'
              f'</layer>\n' if csv else "")
    return (f'<?xml version="1.0" encoding="UTF-8"?>\n<map version="1.10" orientation="orthogonal" '
            f'width="{width}" height="{height}" tilewidth="{tile}" tileheight="{tile}" infinite="0"{extra}>\n'
            f' {tileset}\n{ground}{body}'
            f' <objectgroup id="90" name="objects">\n  {objects}\n </objectgroup>\n</map>\n')


def hotspots(count: int) -> str:
    return "\n".join(f'  <object id="{i + 2}" name="h{i}" x="{16 + i % 8 * 16}" y="16" width="16" height="16">'
                     f'<properties><property name="goto" value="end"/></properties></object>' for i in range(count))


def kept() -> dict[str, str | bytes]:
    """The attack files small enough to keep in git."""
    deep = "".join(f'<group id="{i}" name="g{i}">\n' for i in range(5000)) + "</group>\n" * 5000
    deep_props = ('<properties><property name="p" type="class">' * 2500
                  + "<properties/>" + "</property></properties>" * 2500)
    return {
        "tiles.png": png(32, 32),
        "not_an_image.png": b"this is not a picture, only text pretending to be one\n" * 20,
        "huge_30000.png": png_header_only(30000, 30000),
        # --- files outside the story folder -------------------------------------------------------
        "escape_tileset_dotdot.tmx": tmx("", tileset='<tileset firstgid="1" source="../../outside/evil.tsx"/>' + MARK),
        "escape_tileset_absolute.tmx": tmx("", tileset='<tileset firstgid="1" source="@OUTSIDE@/evil.tsx"/>' + MARK),
        "escape_image_dotdot.tmx": tmx("", tileset=TILESET.replace('source="tiles.png"',
                                                                   'source="../../outside/tiles.png"')
                                       .replace("<image", "\n  <image").replace("/></tileset>", "/>" + MARK
                                                                                 + "\n </tileset>")),
        "escape_image_absolute.tmx": tmx("", tileset=TILESET.replace('source="tiles.png"',
                                                                     'source="@OUTSIDE@/tiles.png"')
                                         .replace("<image", "\n  <image").replace("/></tileset>", "/>" + MARK
                                                                                   + "\n </tileset>")),
        "escape_template.tmx": tmx("", objects=SPAWN + '\n  <object id="2" template="../../outside/evil.tx" x="0" '
                                   'y="0"/>' + MARK),
        "escape_image_layer.tmx": tmx(' <imagelayer id="5" name="sky">\n  <image source="../../outside/tiles.png"/>'
                                      + MARK + "\n </imagelayer>\n"),
        "link_tileset.tmx": tmx("", tileset='<tileset firstgid="1" source="link.tsx"/>' + MARK),
        "fifo_tileset.tmx": tmx("", tileset='<tileset firstgid="1" source="fifo.tsx"/>' + MARK),
        "fifo_image.tmx": tmx("", tileset=TILESET.replace('source="tiles.png"', 'source="fifo.png"')
                              .replace("<image", "\n  <image").replace("/></tileset>", "/>" + MARK + "\n </tileset>")),
        "folder_tileset.tmx": tmx("", tileset='<tileset firstgid="1" source="folder.tsx"/>' + MARK),
        # --- XML ------------------------------------------------------------------------------------
        "deep_groups.tmx": tmx(deep),
        "deep_properties.tmx": tmx("", objects=SPAWN.replace("/>", ">") + deep_props + "</object>"),
        "entities.tmx": '<?xml version="1.0"?>\n<!DOCTYPE map [' + MARK + '\n <!ENTITY a "aaaaaaaaaa">\n'
                        ' <!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">\n <!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;">\n'
                        ']>\n<map version="1.10" orientation="orthogonal" width="4" height="4" tilewidth="16" '
                        'tileheight="16"><properties><property name="x" value="&c;"/></properties></map>\n',
        "external_entity.tmx": '<?xml version="1.0"?>\n<!DOCTYPE map [<!ENTITY x SYSTEM "file:///etc/passwd">]>'
                               + MARK + '\n<map version="1.10" orientation="orthogonal" width="4" height="4" '
                               'tilewidth="16" tileheight="16"><properties><property name="x" value="&x;"/>'
                               '</properties></map>\n',
        "not_xml.tmx": "\x00\x01\x02 PK this is no XML at all" + MARK + "\n",
        "empty.tmx": "",
        "wrong_root.tmx": '<?xml version="1.0"?>\n<tileset name="x" tilewidth="16" tileheight="16"/>' + MARK + "\n",
        # --- numbers ----------------------------------------------------------------------------------
        "huge_width.tmx": tmx("").replace('width="4" height="4" tilewidth', f'width="{"9" * 5000}" height="4" '
                                          'tilewidth', 1).replace("infinite=\"0\">", "infinite=\"0\">" + MARK, 1),
        "infinite_number.tmx": tmx("", objects=SPAWN + '\n  <object id="2" name="far" x="1e999" y="0"/>' + MARK),
        "nan_offset.tmx": tmx(' <layer id="7" name="l" width="4" height="4" offsetx="nan"/>' + MARK + "\n"),
        # --- cost -------------------------------------------------------------------------------------
        "many_layers.tmx": tmx("".join(f' <layer id="{i + 10}" name="l{i}" width="4" height="4"/>\n'
                                       for i in range(600))),
        "huge_map.tmx": tmx("", width=60000, height=60000).replace("infinite=\"0\">", "infinite=\"0\">" + MARK, 1),
        "spread_chunks.tmx": tmx(' <layer id="5" name="far" width="16" height="16">\n  <data encoding="csv">\n'
                                 '   <chunk x="-1000000" y="0" width="1" height="1">1</chunk>\n'
                                 '   <chunk x="1000000" y="1000000" width="1" height="1">1</chunk>\n  </data>\n'
                                 ' </layer>\n').replace('infinite="0">', 'infinite="1">' + MARK, 1),
        "zlib_bomb.tmx": tmx(' <layer id="5" name="bomb" width="4" height="4"><data encoding="base64" '
                             'compression="zlib">' + base64.b64encode(zlib.compress(bytes(64 * 1024 * 1024), 9))
                             .decode() + "</data></layer>" + MARK + "\n"),
        # --- pictures and drawing ---------------------------------------------------------------------
        "tileset_not_image.tmx": tmx("", tileset=TILESET.replace('source="tiles.png"', 'source="not_an_image.png"')
                                     .replace("<image", "\n  <image").replace("/></tileset>", "/>" + MARK
                                                                               + "\n </tileset>")),
        "tileset_30000.tmx": tmx("", tileset=TILESET.replace('source="tiles.png" width="32" height="32"',
                                                             'source="huge_30000.png"')
                                 .replace("<image", "\n  <image").replace("/></tileset>", "/>" + MARK + "\n </tileset>")),
        "image_layer_not_image.tmx": tmx(' <imagelayer id="5" name="sky">\n  <image source="not_an_image.png"/>'
                                         + MARK + "\n </imagelayer>\n"),
        "huge_tiles.tmx": tmx("", tile=40000).replace("infinite=\"0\">", "infinite=\"0\">" + MARK, 1),
        "big_map_pixels.tmx": tmx("", width=2000, height=2000, tile=64).replace("infinite=\"0\">",
                                                                                "infinite=\"0\">" + MARK, 1),
        "huge_tile_object.tmx": tmx("", objects=SPAWN + '\n  <object id="2" name="statue" gid="1" x="0" y="40000" '
                                    'width="40000" height="40000"/>' + MARK),
    }


def large() -> dict[str, str]:
    """Attack files too large to keep: written by the test into its own folder."""
    layer = base64.b64encode(zlib.compress(bytes(4 * 2048 * 2048), 9)).decode()
    sixteen = "".join(f' <layer id="{i + 10}" name="l{i}" width="2048" height="2048"><data encoding="base64" '
                      f'compression="zlib">{layer}</data></layer>' + (MARK if i == 1 else "") + "\n"
                      for i in range(16))
    chunk = ",".join(["1"] * 4096)
    overlap = "".join(f'   <chunk x="0" y="0" width="64" height="64">{chunk}</chunk>\n' for i in range(1100))
    return {
        "layers_16x2048.tmx": tmx(sixteen, width=2048, height=2048),
        "overlapping_chunks.tmx": tmx(f' <layer id="5" name="ground" width="64" height="64">\n  <data encoding="csv">\n'
                                      f"{overlap}  </data>\n </layer>\n").replace('infinite="0">', 'infinite="1">', 1),
        "objects_50000.tmx": tmx("", width=64, height=64, objects=SPAWN + "\n" + hotspots(50000)),
        "hotspots_10000.tmx": tmx("", width=64, height=64, objects=SPAWN + "\n" + hotspots(9990)),
        "blocking_objects.tmx": tmx("", width=200, height=200, objects=SPAWN + "\n" + "\n".join(
            f'  <object id="{i + 2}" name="wall{i}" type="collision" x="0" y="0" width="3200" height="3200"/>'
            for i in range(9990))),
    }


def write(folder: Path, files: Mapping[str, str | bytes]) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    for name, content in files.items():
        path = folder / name
        if isinstance(content, bytes):
            path.write_bytes(content)
        else:
            path.write_text(content, encoding="utf-8")


if __name__ == "__main__":
    write(Path(sys.argv[1]) if len(sys.argv) > 1 else HERE, kept())
