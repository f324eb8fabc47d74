"""The game's icon, made from its own title art: Mars over the neon shop street, with rounded corners.

``scripts/build_app.py`` calls this at build time (the icon is never kept in the repository);
run it alone to look at the icon::

    python scripts/make_icon.py /tmp/icon.png [--size 256]
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
UI = ROOT / "assets" / "images" / "ui"
# The square of the 1280x720 title that reads best small: the red dot of Mars, the tower, the neon signs.
CROP = (760, 100, 520)  # left, top, side
CORNER = 0.18  # corner radius as a share of the side
SUPERSAMPLE = 4  # the corner mask is drawn this much larger and scaled down, for smooth edges


def make_icon(out: Path, size: int = 256, ui: Path = UI) -> Path:
    """Write the icon as a ``size`` x ``size`` PNG with transparent corners; returns ``out``."""
    os.environ.setdefault("PYGAME_HIDE_SUPPORT_PROMPT", "1")
    import pygame

    sky = pygame.image.load(str(ui / "title_sky.jpg"))
    city = pygame.image.load(str(ui / "title_city.png"))
    scene = pygame.Surface(sky.get_size())
    scene.blit(sky, (0, 0))
    scene.blit(city, (0, 0))
    left, top, side = CROP
    picture = pygame.transform.smoothscale(scene.subsurface((left, top, side, side)), (size, size))

    big = size * SUPERSAMPLE
    mask = pygame.Surface((big, big), pygame.SRCALPHA)
    pygame.draw.rect(mask, (255, 255, 255, 255), mask.get_rect(), border_radius=round(big * CORNER))
    icon = pygame.Surface((size, size), pygame.SRCALPHA)
    icon.blit(picture, (0, 0))
    icon.blit(pygame.transform.smoothscale(mask, (size, size)), (0, 0), special_flags=pygame.BLEND_RGBA_MULT)
    out.parent.mkdir(parents=True, exist_ok=True)
    pygame.image.save(icon, str(out))
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("out", type=Path, help="the PNG to write")
    parser.add_argument("--size", type=int, default=256, help="side in pixels (default 256)")
    args = parser.parse_args(argv)
    print(make_icon(args.out, args.size))
    return 0


if __name__ == "__main__":
    sys.exit(main())
