"""Characters: every look of every character, 600x900 RGBA, clean flat vector with one shadow tone.

Each character is drawn from the head to about the hips, standing on the bottom edge, with arms, in a
few poses; a look is a pose and an expression (``<expression>`` in the default pose,
``<pose>_<expression>`` in another). Every look of a pose only redraws the face on the same figure,
so the silhouette is identical across the looks of a pose and a look change never jumps. Heads are
drawn in head units and placed small (``headspace``); shapes are polygons sampled from centripetal
Catmull-Rom splines, rasterised with anti-aliasing by pygame's SVG loader and box-reduced
(``raster.svg``), composited on RGBA layers (``raster.layer``). Nothing is random except the
hologram flicker of the mother's recording.

Light: Nan-young's rim light (and Yoon's, the mother's, Dori's) is on the right edge, Jay's (and
Min-su's) on the left, so with Nan-young staged left and Jay right each is lit from the other's side.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from ..output import Job, Output, save_png, script_of
from . import dori, jay, minsu, mother, nanyoung, yoon
from .face import Expr
from .figure import Figure, draw_look


@dataclass(frozen=True)
class Character:
    cid: str
    who: str
    build: Callable[[str], Figure]  # pose -> its figure
    looks: dict[str, tuple[str, Expr]]  # look -> (pose, expression), in the order they are written

    def path(self, look: str) -> str:
        return f"images/characters/{self.cid}/{look}.png"

    def outputs(self) -> tuple[Output, ...]:
        script = script_of(self.build.__module__)
        return tuple(Output(self.path(look), f"{self.who}, half figure, look '{look}' (procedural vector drawing)", script)
                     for look in self.looks)

    def make(self, story: Path) -> None:
        """Every look, built from one figure per pose (each pose is built once, when first needed)."""
        figures: dict[str, Figure] = {}
        for look, (pose, expr) in self.looks.items():
            if pose not in figures:
                figures[pose] = self.build(pose)
            save_png(draw_look(figures[pose], expr).image(), story / self.path(look))

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
