"""Expressions every person shares (each character may tune them), and how looks are named.

Each expression is meant to read at a glance from the eyes as much as from brows and mouth: open,
soft (lids lowered, cheeks up), closed (calm arcs), wet (tears), wide (white round the iris).
A look is ``<expression>`` in a character's default pose and ``<pose>_<expression>`` in any other
(the neutral one is the pose's bare name: ``suit``, ``helmet``, ``record``).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from .face import Expr

STANDARD: dict[str, Expr] = {
    # eyes open and level, lips closed with the corners barely up
    "neutral": Expr(curve=1.0, blush=0.1),
    # cheeks push the lower lids up, lips open over the teeth
    "smile": Expr(lower=0.4, open=0.84, mouth="open", gape=11, curve=6, mw=1.3, brow_lift=-3, brow_in=-1, blush=0.26),
    # soft eyes (lids half lowered, looking down a little), a closed, small smile
    "soft": Expr(lower=0.3, open=0.62, look=(0, 3), curve=3.2, mw=1.05, brow_lift=-1, brow_in=-3, blush=0.22),
    # brows up at the inner ends, lids drooping outward, corners down
    "sad": Expr(open=0.72, inner=3, droop=3, look=(0, 3), brow_in=-9, brow_out=3, brow_arch=-2, curve=-3.0, mw=0.85,
                blush=0.1),
    # sad, wet eyes with tears on the cheeks
    "tears": Expr(open=0.78, inner=3, droop=3, look=(0, 2), wet=True, tears=True, brow_in=-10, brow_out=3, brow_arch=-2,
                  curve=-3.5, mw=0.8, blush=0.32),
    # brows down and in, lower lids up, mouth set
    "determined": Expr(open=0.84, lower=0.15, brow_in=7, brow_out=-2, brow_lift=2, curve=-0.5, mw=0.9, blush=0.08),
    # wide eyes (white round the iris), brows high, a small round mouth
    "surprised": Expr(open=1.32, iris=0.8, brow_lift=-9, brow_arch=2, mouth="o", gape=13, blush=0.14),
    # eyes closed in calm arcs, mouth closed and relaxed
    "closed": Expr(eyes="closed", curve=0.6, brow_in=-2, brow_lift=1, blush=0.08),
    # wide, wet-edged eyes, brows pinched up, lips pressed
    "worried": Expr(open=1.08, iris=0.9, inner=4, look=(0, 1), brow_in=-11, brow_out=2, brow_lift=-3, curve=-2.2, mw=0.78,
                    blush=0.06),
    # eyes shut in smiling arcs, mouth open wide
    "laugh": Expr(eyes="happy", mouth="open", gape=16, curve=6, mw=1.3, brow_lift=-5, brow_in=-2, blush=0.22),
    # heavy lids, bags, a flat mouth
    "tired": Expr(open=0.42, droop=2, bags=0.6, lid=0.7, look=(0, 3), brow_in=-4, brow_out=3, brow_lift=2, curve=-1.5,
                  mw=0.85),
    # narrowed eyes, brows hard and level, mouth pressed down
    "stern": Expr(open=0.78, lower=0.14, brow_in=6, brow_out=-1, brow_lift=3, curve=-2.5, mw=0.9),
    # a wide grin with teeth
    "grin": Expr(lower=0.4, open=0.78, mouth="teeth", gape=13, curve=7, mw=1.45, brow_lift=-3, brow_out=-2, blush=0.05),
    # brows a little in, eyes level, mouth flat
    "serious": Expr(open=0.84, brow_in=5, brow_lift=2, curve=-1.5, mw=0.9, look=(0, 1)),
}


Row = tuple[str, str, Sequence[str]]  # (name prefix, pose, expressions); prefix "" is the default pose


def looks(rows: Sequence[Row], expressions: Mapping[str, Expr]) -> dict[str, tuple[str, Expr]]:
    """Look name -> (pose, expression), in the order of ``rows``."""
    out: dict[str, tuple[str, Expr]] = {}
    for prefix, pose, names in rows:
        for name in names:
            look = name if not prefix else (prefix if name == "neutral" else f"{prefix}_{name}")
            if look in out:
                raise ValueError(f"characters: look {look!r} named twice")
            out[look] = (pose, expressions[name])
    return out
