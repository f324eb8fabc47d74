"""Character busts: every look of every character, 600x900 RGBA, clean flat vector with one shadow tone.

Each character module builds one ``Bust`` per outfit (hair, head, neck, clothes, shading, rim light)
and lists its looks at the top (outfit and expression); every look only redraws the face features
on the same body, so the silhouette is identical across looks of one outfit and a look change never
jumps. Shapes are polygons sampled from centripetal Catmull-Rom splines, rasterised with
anti-aliasing by pygame's SVG loader at 2x and box-reduced (``raster.svg``), composited on RGBA
layers (``raster.layer``). Nothing is random except the hologram flicker of the mother's recording.

Light: Nan-young's rim light (and Yoon's, the mother's, Dori's) is on the right edge, Jay's (and
Min-su's) on the left, so with Nan-young staged left and Jay right each is lit from the other's side.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from ..output import Job, Output, save_png, script_of
from . import dori, jay, minsu, mother, nanyoung, yoon
from .body import Bust, draw_look
from .face import Expr


@dataclass(frozen=True)
class Character:
    cid: str
    who: str
    build: Callable[[str], Bust]  # outfit -> its bust
    looks: dict[str, tuple[str, Expr]]  # look -> (outfit, expression), in the order they are written

    def path(self, look: str) -> str:
        return f"images/characters/{self.cid}/{look}.png"

    def outputs(self) -> tuple[Output, ...]:
        script = script_of(self.build.__module__)
        return tuple(Output(self.path(look), f"{self.who}, bust, look '{look}' (procedural vector drawing)", script)
                     for look in self.looks)

    def make(self, story: Path) -> None:
        """Every look, built from one bust per outfit."""
        busts: dict[str, Bust] = {}
        for look, (outfit, expr) in self.looks.items():
            if outfit not in busts:
                busts[outfit] = self.build(outfit)
            save_png(draw_look(busts[outfit], expr).image(), story / self.path(look))

    def job(self) -> Job:
        return Job(self.cid, self.outputs(), self.make)


CHARACTERS = (
    Character("nanyoung", "Nan-young", nanyoung.nanyoung, nanyoung.NANYOUNG),
    Character("jay", "Jay", jay.jay, jay.JAY),
    Character("yoon", "Commander Yoon Seo-jin", yoon.yoon, yoon.YOON),
    Character("minsu", "Park Min-su", minsu.minsu, minsu.MINSU),
    Character("dori", "Dori the companion robot", dori.dori, dori.DORI),
    Character("mother", "Captain Han Eun-seo (hologram recording)", mother.mother, mother.MOTHER),
)


def jobs() -> list[Job]:
    return [c.job() for c in CHARACTERS]
