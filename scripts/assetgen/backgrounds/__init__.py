"""Full-screen pictures, one module per place (or pair of places), and the ending cards.

Seoul: ``skyline`` (the title's two layers, the establishing shot at dusk), ``alley``, ``shop`` (Jay's
shop by night and day, the back room), ``rooftop``, ``holo_street``, ``training``, ``memorial``, ``plain``.
Space and Mars: ``launch``, ``spacecraft``, ``habitat``, ``comms``, ``mars`` (desert by day, blue
sunset), ``cave_storm``. Endings: ``ending_reunion``, ``ending_new_orbit``, ``ending_same_sky``,
``ending_signal_lost``, and the gallery's ``locked_card``.

Painterly-flat layered vector (docs/art-direction.md): sky gradients, depth layers with aerial
perspective, lights drawn as emission and added back as glow, film grain. Shared pieces live in
``city`` (towers, rain, people, holograms), ``street`` (the perspective raycaster), ``signs``,
``shop_gear``, ``space_kit`` and ``figures``; every picture takes its randomness from ``rng(name)``.
"""

from __future__ import annotations

from ..output import Job
from . import (
    alley,
    cave_storm,
    comms,
    debrief,
    ending_new_orbit,
    ending_reunion,
    ending_same_sky,
    ending_signal_lost,
    goheung,
    habitat,
    holo_street,
    launch,
    locked_card,
    mars,
    memorial,
    orbit,
    plain,
    rooftop,
    shop,
    sim_module,
    skyline,
    spacecraft,
    training,
)
from .picture import Picture

MODULES = (skyline, alley, shop, rooftop, holo_street, orbit, training, sim_module, debrief, memorial, plain, launch, goheung,
           spacecraft, habitat, comms, mars, cave_storm, ending_reunion, ending_new_orbit, ending_same_sky, ending_signal_lost, locked_card)


def pictures() -> list[Picture]:
    return [p for module in MODULES for p in module.PICTURES]


def jobs() -> list[Job]:
    return [p.job() for p in pictures()]
