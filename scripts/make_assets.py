"""Regenerate every generated asset of the shipped story, deterministically.

    python scripts/make_assets.py            # everything
    python scripts/make_assets.py music ui   # only some generators

Needs the generator tools (not needed to play): ``pip install -e '.[assets]'``.
Writes into assets/ and rewrites the generated part of assets/CREDITS.md.
"""

from __future__ import annotations

import argparse
import importlib
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "scripts"))

from assetgen.common import Made  # noqa: E402

# Generator modules under scripts/assetgen/, each with generate(assets: Path) -> list[Made].
GENERATORS = ["backgrounds_seoul", "backgrounds_space", "characters", "ui", "tiles", "music", "sfx"]
CREDITS = ROOT / "assets" / "CREDITS.md"
FIXED_CREDITS = """\
| `fonts/NanumBarunGothic.ttf`, `fonts/NanumBarunGothicBold.ttf` | NAVER Corporation, from Debian's package fonts-nanum 20200506-1, unmodified | SIL Open Font License 1.1, `fonts/LICENSE-Nanum.txt` |
"""  # noqa: E501


def write_credits(made: list[Made], assets: Path) -> None:
    lines = [
        "# Asset credits",
        "",
        "Every file under `assets/` and who or what made it. Generated files come from",
        "`python scripts/make_assets.py` (seeded, byte-identical on every run); the story files",
        "(`story.yaml`, `scenes/`, `maps/*.tmx`) are written by the team.",
        "",
        "| file | made by | licence |",
        "| --- | --- | --- |",
        FIXED_CREDITS.rstrip("\n"),
    ]
    for item in sorted(made, key=lambda m: m.path.as_posix()):
        rel = item.path.relative_to(assets).as_posix()
        lines.append(f"| `{rel}` | {item.what}; `{item.script}` | ours (project licence) |")
    CREDITS.write_text("\n".join(lines) + "\n", encoding="utf-8")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("only", nargs="*", choices=[[], *GENERATORS], help="generators to run (default: all)")
    parser.add_argument("--credits-only", action="store_true", help="only rewrite assets/CREDITS.md")
    args = parser.parse_args()
    assets = ROOT / "assets"
    names = [] if args.credits_only else (args.only or GENERATORS)
    made: list[Made] = []
    for name in GENERATORS:
        module = importlib.import_module(f"assetgen.{name}")
        if name in names:
            print(f"generating {name} ...", flush=True)
            made.extend(module.generate(assets))
        else:
            made.extend(module.listing(assets))
    write_credits(made, assets)
    print(f"{len(made)} files; credits in {CREDITS.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
