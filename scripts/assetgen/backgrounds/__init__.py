"""Full-screen pictures, one module per place (or pair of places): Seoul's skyline and title layers,
the alley, Jay's shop and back room, the rooftop, Hongdae's hologram street, the training centre, the
memorial garden, and the plain black for fades.

Painterly-flat layered vector (docs/art-direction.md): sky gradients, depth layers with aerial
perspective, lights drawn as emission and added back as glow, film grain. Shared pieces live in
``city`` (towers, rain, people, holograms), ``street`` (the perspective raycaster), ``signs`` and
``shop_gear``; every picture takes its randomness from ``rng(name)``.
"""

from __future__ import annotations

from ..output import Job
from . import alley, holo_street, memorial, plain, rooftop, shop, skyline, training
from .picture import Picture

MODULES = (skyline, alley, shop, rooftop, holo_street, training, memorial, plain)


def pictures() -> list[Picture]:
    return [p for module in MODULES for p in module.PICTURES]


def jobs() -> list[Job]:
    return [p.job() for p in pictures()]
