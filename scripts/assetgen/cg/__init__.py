"""Event pictures (CGs): the moments the story turns on, full-screen like the backgrounds, drawn in the
same painterly-flat style with the characters in colour (``people``). Each is shown by a scene as
``bg: cg/<name>`` and lives in ``images/backgrounds/cg/``; the gallery lists the ones a player has seen.

``people`` is the figure kit, ``roof`` the rooftop seen close (shared by the pictures played there);
one module per picture.
"""

from __future__ import annotations

from ..backgrounds.picture import Picture
from ..output import Job
from . import cave_cairn, ending_new_orbit, ending_reunion, ending_same_sky, ending_signal_lost, launch, orbit_keyboard, rooftop_record, storm_mast

MODULES = (rooftop_record, launch, orbit_keyboard, cave_cairn, storm_mast, ending_reunion, ending_new_orbit, ending_same_sky, ending_signal_lost)


def pictures() -> list[Picture]:
    return [p for module in MODULES for p in module.PICTURES]


def jobs() -> list[Job]:
    return [p.job() for p in pictures()]
