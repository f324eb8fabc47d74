"""Exploration-map art: 32x32 tilesets (Seoul alley, Jay's shop, Mars habitat), each with its Tiled
.tsx beside the maps.

Pixel-art-ish but clean: flat colours from each place's palette (``palettes``), 1 px highlights and
shadows, a little seeded speckle, and soft glow only where there is a light. The view is the usual
top-down 3/4: roofs and wall tops seen from above, wall faces seen from the front. Sheets are rows of
8 tiles; multi-tile props are drawn whole and cut so their parts line up; animated tiles keep their
frames side by side and get a Tiled <animation>; every tile that blocks walking carries
``collision = true``; overlay props have transparent backgrounds and go on a layer above the ground.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from ..output import Job, Output, save_png, save_text, script_of
from .mars import mars
from .seoul import seoul
from .shop import shop
from .tileset import Tileset


@dataclass(frozen=True)
class Sheet:
    name: str
    build: Callable[[], Tileset]

    def outputs(self) -> tuple[Output, ...]:
        script = script_of(self.build.__module__)
        return (Output(f"images/tiles/{self.name}.png", f"{self.name} map tileset, 32x32 tiles", script),
                Output(f"maps/{self.name}.tsx", f"Tiled tileset for {self.name}.png", script))

    def make(self, story: Path) -> None:
        tileset = self.build()
        image, ids = tileset.render(f"tiles:{self.name}")
        save_png(image, story / "images" / "tiles" / f"{self.name}.png")
        save_text(tileset.tsx(ids, image.width, image.height), story / "maps" / f"{self.name}.tsx")

    def job(self) -> Job:
        return Job(f"tiles:{self.name}", self.outputs(), self.make)


SHEETS = (Sheet("seoul", seoul), Sheet("shop", shop), Sheet("mars", mars))


def jobs() -> list[Job]:
    return [s.job() for s in SHEETS]
