"""Tilesets as data: pieces (a surface or prop of cols x rows tiles drawn whole by one function, with
collision and animation frames), the sheet layout in rows of 8, rendering every piece into the sheet,
and the Tiled .tsx beside it (collision properties, animations).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from xml.sax.saxutils import escape

import numpy as np
from PIL import Image

from ..seeds import rng
from .canvas import Canvas

TILE = 32


COLUMNS = 8


@dataclass
class Piece:
    """A prop or surface of cols x rows tiles, drawn whole by ``draw(canvas, frame)``."""

    name: str
    cols: int
    rows: int
    draw: Callable[[Canvas, int], None]
    collision: object = False  # bool, or a rows x cols list of bools
    frames: list[int] = field(default_factory=list)  # durations in ms, one per distinct frame
    sequence: list[tuple[int, int]] | None = None  # (frame, ms) playback order; default all in order
    what: str = ""

    def blocked(self, cx: int, cy: int) -> bool:
        if isinstance(self.collision, bool):
            return self.collision
        return bool(self.collision[cy][cx])


def tile_name(piece: Piece, cx: int, cy: int, frame: int) -> str:
    name = piece.name
    if piece.cols > 1 or piece.rows > 1:
        name += f".{cx},{cy}"
    if frame:
        name += f"@{frame}"
    return name


@dataclass
class Tileset:
    name: str
    pieces: dict[str, Piece]
    layout: list[list[str | None]]  # rows of COLUMNS tile names

    def ids(self) -> dict[str, int]:
        out = {}
        for r, row in enumerate(self.layout):
            if len(row) != COLUMNS:
                raise ValueError(f"tileset {self.name}: layout row {r} has {len(row)} tiles, not {COLUMNS}")
            for c, n in enumerate(row):
                if n:
                    if n in out:
                        raise ValueError(f"tileset {self.name}: tile {n} is laid out twice")
                    out[n] = r * COLUMNS + c
        return out

    def render(self, seed_prefix: str) -> tuple[Image.Image, dict[str, int]]:
        """Draw every piece (every frame) into the sheet.  A part of an animated piece that does not
        change between frames (e.g. a console's screens when only its desk lights blink) keeps only
        its first frame and is not animated."""
        ids = self.ids()
        rows = len(self.layout)
        sheet = np.zeros((rows * TILE, COLUMNS * TILE, 4), np.uint8)
        placed = set()
        self.animated: set[str] = set()
        for piece in self.pieces.values():
            frames = []
            for frame in range(max(1, len(piece.frames))):
                canvas = Canvas(piece.cols * TILE, piece.rows * TILE)
                canvas.rng = rng(f"{seed_prefix}:{piece.name}:{frame}")
                piece.draw(canvas, frame)
                frames.append(canvas.rgba())
            for cy in range(piece.rows):
                for cx in range(piece.cols):
                    cut = [d[cy * TILE:(cy + 1) * TILE, cx * TILE:(cx + 1) * TILE] for d in frames]
                    varies = any(not np.array_equal(cut[0], c) for c in cut[1:])
                    if varies:
                        self.animated.add(tile_name(piece, cx, cy, 0))
                    for frame, data in enumerate(cut if varies else cut[:1]):
                        n = tile_name(piece, cx, cy, frame)
                        if n not in ids:
                            raise ValueError(f"tileset {self.name}: tile {n} is drawn but not in the layout")
                        r, c = divmod(ids[n], COLUMNS)
                        sheet[r * TILE:(r + 1) * TILE, c * TILE:(c + 1) * TILE] = data
                        placed.add(n)
        missing = set(ids) - placed
        if missing:
            raise ValueError(f"tileset {self.name}: layout names tiles no piece draws: {', '.join(sorted(missing))}")
        return Image.fromarray(sheet, "RGBA"), ids

    def tsx(self, ids: dict[str, int], image_w: int, image_h: int) -> str:
        count = len(self.layout) * COLUMNS
        lines = [
            '<?xml version="1.0" encoding="UTF-8"?>',
            f'<tileset version="1.10" tiledversion="1.10.2" name="{self.name}" tilewidth="{TILE}" '
            f'tileheight="{TILE}" tilecount="{count}" columns="{COLUMNS}">',
            f' <image source="../images/tiles/{self.name}.png" width="{image_w}" height="{image_h}"/>',
        ]
        by_id = sorted(ids.items(), key=lambda kv: kv[1])
        piece_of = {}
        for piece in self.pieces.values():
            for frame in range(max(1, len(piece.frames))):
                for cy in range(piece.rows):
                    for cx in range(piece.cols):
                        piece_of[tile_name(piece, cx, cy, frame)] = (piece, cx, cy, frame)
        for name, tid in by_id:
            if name not in piece_of:
                continue
            piece, cx, cy, frame = piece_of[name]
            blocked = piece.blocked(cx, cy)
            animated = name in self.animated
            if not blocked and not animated:
                continue
            lines.append(f' <!-- {escape(name)} -->')
            lines.append(f' <tile id="{tid}">')
            if blocked:
                lines.append('  <properties>')
                lines.append('   <property name="collision" type="bool" value="true"/>')
                lines.append('  </properties>')
            if animated:
                seq = piece.sequence or [(f, ms) for f, ms in enumerate(piece.frames)]
                lines.append('  <animation>')
                for f, ms in seq:
                    lines.append(f'   <frame tileid="{ids[tile_name(piece, cx, cy, f)]}" duration="{ms}"/>')
                lines.append('  </animation>')
            lines.append(' </tile>')
        lines.append('</tileset>')
        return "\n".join(lines) + "\n"
