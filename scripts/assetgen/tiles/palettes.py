"""The tilesets' palettes (docs/art-direction.md, 'Palettes per place') and the surface colours mixed
from them: the Seoul alley at night, Jay's shop, the Mars habitat.
"""

from __future__ import annotations

from ..raster.colour import mix

S_NIGHT, S_NAVY, S_TEAL, S_MAG, S_AMB, S_CYAN = "#0b0d1a", "#1b2340", "#2e5a6b", "#c2408a", "#ffb454", "#6fe3e1"


ASPHALT = mix(S_NIGHT, S_NAVY, 0.62)


ASPHALT_HI = mix(S_NAVY, S_TEAL, 0.28)


ASPHALT_LO = mix(S_NIGHT, S_NAVY, 0.25)


PAVER = mix(S_NAVY, S_TEAL, 0.42)


PAVER_HI = mix(PAVER, "#f4f1ea", 0.10)


PAVER_SEAM = mix(S_NIGHT, S_NAVY, 0.7)


BRICK = mix(S_NAVY, S_MAG, 0.30)


BRICK_HI = mix(BRICK, "#ffb454", 0.16)


MORTAR = mix(S_NIGHT, S_NAVY, 0.85)


CONCRETE = mix(S_NAVY, S_TEAL, 0.55)


CONCRETE_HI = mix(CONCRETE, "#f4f1ea", 0.10)


ROOF = mix(S_NIGHT, S_NAVY, 0.45)


WARM = mix(S_AMB, "#f4f1ea", 0.25)


H_DARK, H_BROWN, H_WOOD, H_TAN, H_AMB, H_CREAM = "#1a1210", "#3b2618", "#7a4a2a", "#d08a4a", "#ffc27a", "#f4e3c3"


H_BLUE, H_BLUE_LIGHT = "#3a4a78", "#9ad1ff"


PLANK = mix(H_BROWN, H_WOOD, 0.42)


PLASTER = mix(H_BROWN, H_WOOD, 0.28)


M_DARK, M_BROWN, M_RUST, M_ROSE, M_AMB, M_CYAN = "#1a1413", "#3d2a24", "#7a5446", "#c98b6b", "#ffc27a", "#6fe3e1"


M_PANEL = mix(M_BROWN, M_RUST, 0.38)


M_WALL = mix(M_RUST, M_ROSE, 0.22)


M_SUIT = mix(M_ROSE, "#f4f1ea", 0.62)


M_STEEL = mix(M_RUST, "#a9b4c8", 0.35)
