"""Draw every image of a story folder into one overview PNG, for reviewing the art at a glance.

    python scripts/contact_sheet.py [--story assets] [-o contact_sheet.png]

Pictures are grouped by folder (backgrounds, characters, endings, interface,
tiles, sprites), each scaled into a cell on a mid-grey / dark checker so that
transparent art shows its edges, with its name underneath.
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

os.environ.setdefault("SDL_VIDEODRIVER", "dummy")
import pygame

ROOT = Path(__file__).resolve().parent.parent
EXTENSIONS = (".png", ".jpg", ".jpeg", ".webp", ".bmp")
CELL_W, CELL_H, LABEL_H, GAP, COLUMNS = 256, 160, 22, 12, 7
BACK = (24, 26, 38)


def checker(size: tuple[int, int]) -> pygame.Surface:
    surface = pygame.Surface(size)
    for y in range(0, size[1], 16):
        for x in range(0, size[0], 16):
            surface.fill((70, 72, 84) if (x // 16 + y // 16) % 2 else (48, 50, 62), (x, y, 16, 16))
    return surface


def groups(images: Path) -> dict[str, list[Path]]:
    found: dict[str, list[Path]] = {}
    for path in sorted(images.rglob("*")):
        if path.suffix.lower() in EXTENSIONS:
            found.setdefault(path.parent.relative_to(images).parts[0], []).append(path)
    return found


def draw(story: Path, output: Path) -> int:
    pygame.display.init()
    pygame.font.init()
    pygame.display.set_mode((1, 1))
    font_file = ROOT / "assets" / "fonts" / "NanumBarunGothic.ttf"
    font = pygame.font.Font(str(font_file) if font_file.is_file() else None, 14)
    head = pygame.font.Font(str(font_file) if font_file.is_file() else None, 22)
    found = groups(story / "images")
    rows = sum((len(paths) + COLUMNS - 1) // COLUMNS for paths in found.values())
    width = COLUMNS * (CELL_W + GAP) + GAP
    height = rows * (CELL_H + LABEL_H + GAP) + len(found) * 44 + GAP
    sheet = pygame.Surface((width, height))
    sheet.fill(BACK)
    back = checker((CELL_W, CELL_H))
    y = GAP
    count = 0
    for group, paths in found.items():
        sheet.blit(head.render(f"{group} ({len(paths)})", True, (244, 241, 234)), (GAP, y + 10))
        y += 44
        for i, path in enumerate(paths):
            col = i % COLUMNS
            if i and col == 0:
                y += CELL_H + LABEL_H + GAP
            x = GAP + col * (CELL_W + GAP)
            sheet.blit(back, (x, y))
            try:
                picture = pygame.image.load(str(path))
            except pygame.error as exc:
                print(f"cannot read {path}: {exc}", file=sys.stderr)
                continue
            w, h = picture.get_size()
            scale = min(CELL_W / w, CELL_H / h)
            thumb = pygame.transform.smoothscale(picture.convert_alpha(), (max(1, int(w * scale)), max(1, int(h * scale))))
            sheet.blit(thumb, thumb.get_rect(center=(x + CELL_W // 2, y + CELL_H // 2)))
            name = path.relative_to(story / "images" / group).with_suffix("").as_posix()
            sheet.blit(font.render(f"{name}  {w}x{h}", True, (169, 180, 200)), (x, y + CELL_H + 4))
            count += 1
        y += CELL_H + LABEL_H + GAP
    pygame.image.save(sheet, str(output))
    pygame.quit()
    return count


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--story", type=Path, default=ROOT / "assets", help="story folder (default: assets)")
    parser.add_argument("-o", "--output", type=Path, default=Path("contact_sheet.png"), help="the PNG to write")
    args = parser.parse_args()
    count = draw(args.story, args.output)
    print(f"{count} pictures drawn into {args.output}")


if __name__ == "__main__":
    main()
