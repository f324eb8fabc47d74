"""What every full-screen picture shares: the ``Picture`` record (name, drawing function, credits
line, where it goes), its generation job, and the two finishing looks (Seoul, and space / Mars)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from ..output import Job, Output, save_jpeg, save_png, script_of
from ..raster.colour import rgb
from ..raster.compose import finish, tone

Draw = Callable[[str], np.ndarray]  # name -> H x W x 3 (or x 4) float picture
Look = Callable[[np.ndarray, str], np.ndarray]  # (picture, name) -> the picture as saved

# Space and Mars pictures tone a little later and floor on a bluer-less near-black than Seoul's.
SPACE_KNEE = 0.82
SPACE_FLOOR = rgb("#0b0d13")


def seoul_look(img: np.ndarray, name: str) -> np.ndarray:
    """Tone and film grain."""
    return finish(img, f"seoul:{name}")


def space_look(img: np.ndarray, name: str) -> np.ndarray:
    """Tone, film grain, and a last clamp so that not even the grain reaches pure black or white."""
    return finish(img, f"space:{name}", SPACE_KNEE, SPACE_FLOOR, clamp=True)


def glass_look(img: np.ndarray, name: str) -> np.ndarray:
    """Tone only: interface glass stays clean (and small as a PNG)."""
    return tone(img, SPACE_KNEE, SPACE_FLOOR)


def flat(img: np.ndarray, name: str) -> np.ndarray:
    """As drawn (plain fills, alpha layers that are finished by their drawing function)."""
    return img


@dataclass(frozen=True)
class Picture:
    name: str
    draw: Draw
    what: str
    look: Look = seoul_look
    folder: str = "backgrounds"  # under images/
    ext: str = "jpg"

    @property
    def path(self) -> str:
        return f"images/{self.folder}/{self.name}.{self.ext}"

    def output(self) -> Output:
        return Output(self.path, self.what, script_of(self.draw.__module__))

    def make(self, story: Path) -> None:
        pixels = self.look(self.draw(self.name), self.name)
        if self.ext == "png":
            save_png(pixels, story / self.path)
        else:
            save_jpeg(pixels, story / self.path)

    def job(self) -> Job:
        return Job(self.name, (self.output(),), self.make)
