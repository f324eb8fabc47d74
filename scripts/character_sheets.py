"""Draw one sheet per character: every look of the story's characters, in the order story.yaml lists
them, each cut to the part above the text box (where the stage shows faces and poses), with its name.

    python scripts/character_sheets.py [--story assets] [-o docs/characters]

Writes ``<character>.jpg`` into the output folder; docs/art-direction.md shows them.
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

import yaml

os.environ.setdefault("SDL_VIDEODRIVER", "dummy")
os.environ.setdefault("PYGAME_HIDE_SUPPORT_PROMPT", "1")
import pygame

ROOT = Path(__file__).resolve().parent.parent
SHOWN = 0.66  # the top of each picture that is drawn: what stands above the text box on the stage
CELL, LABEL, GAP, COLUMNS = 176, 20, 8, 8
BACK, CARD, TEXT = (24, 26, 38), (46, 50, 66), (200, 206, 220)


def sheet(story: Path, cid: str, names: list[str], font: pygame.font.Font) -> pygame.Surface:
    rows = (len(names) + COLUMNS - 1) // COLUMNS
    out = pygame.Surface((COLUMNS * (CELL + GAP) + GAP, rows * (CELL + LABEL + GAP) + GAP))
    out.fill(BACK)
    for i, look in enumerate(names):
        x, y = GAP + (i % COLUMNS) * (CELL + GAP), GAP + (i // COLUMNS) * (CELL + LABEL + GAP)
        out.fill(CARD, (x, y, CELL, CELL))
        path = story / "images" / "characters" / cid / f"{look}.png"
        try:
            picture = pygame.image.load(str(path)).convert_alpha()
        except (pygame.error, FileNotFoundError) as exc:
            print(f"cannot read {path}: {exc}", file=sys.stderr)
            continue
        w, h = picture.get_size()
        top = picture.subsurface((0, 0, w, int(h * SHOWN)))
        scale = min(CELL / top.get_width(), CELL / top.get_height())
        thumb = pygame.transform.smoothscale(top, (int(top.get_width() * scale), int(top.get_height() * scale)))
        out.blit(thumb, thumb.get_rect(midbottom=(x + CELL // 2, y + CELL)))
        out.blit(font.render(look, True, TEXT), (x + 2, y + CELL + 3))
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--story", type=Path, default=ROOT / "assets", help="story folder (default: assets)")
    parser.add_argument("-o", "--output", type=Path, default=ROOT / "docs" / "characters", help="folder to write to")
    args = parser.parse_args()
    characters = yaml.safe_load((args.story / "story.yaml").read_text(encoding="utf-8"))["characters"]
    pygame.display.init()
    pygame.font.init()
    pygame.display.set_mode((1, 1))
    font_file = args.story / "fonts" / "NanumBarunGothic.ttf"
    font = pygame.font.Font(str(font_file) if font_file.is_file() else None, 13)
    args.output.mkdir(parents=True, exist_ok=True)
    for cid, spec in characters.items():
        target = args.output / f"{cid}.jpg"
        pygame.image.save(sheet(args.story, cid, list(spec["looks"]), font), str(target))
        print(f"{cid}: {len(spec['looks'])} looks into {target}")
    pygame.quit()


if __name__ == "__main__":
    main()
