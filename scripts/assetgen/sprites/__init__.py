"""Walking sprites for the exploration maps: 32x48 frames, 4 columns (0 standing, 1 step, 2 passing,
3 other step) x 4 rows (down, left, right, up); Dori hovers instead of walking."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from PIL import Image

from ..output import Job, Output, save_png, script_of
from .frames import dori_frame, human_sheet, sprite_sheet


def dori_sheet() -> Image.Image:
    return sprite_sheet(dori_frame, hover=True)


@dataclass(frozen=True)
class Walker:
    name: str
    draw: Callable[[], Image.Image]

    @property
    def path(self) -> str:
        return f"images/sprites/{self.name}.png"

    def make(self, story: Path) -> None:
        save_png(self.draw(), story / self.path)

    def job(self) -> Job:
        what = f"{self.name} walking sprite sheet, 32x48 frames"
        return Job(f"sprite:{self.name}", (Output(self.path, what, script_of(sprite_sheet.__module__)),), self.make)


WALKERS = (
    Walker("nanyoung", human_sheet("nanyoung")),
    Walker("jay", human_sheet("jay")),
    Walker("minsu", human_sheet("minsu")),
    Walker("dori", dori_sheet),
)


def jobs() -> list[Job]:
    return [w.job() for w in WALKERS]
