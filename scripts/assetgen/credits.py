"""assets/CREDITS.md: every file under assets/ and who or what made it (rewritten on every run)."""

from __future__ import annotations

from .output import Output

HEADER = """\
# Asset credits

Every file under `assets/` and who or what made it. Generated files come from
`python scripts/make_assets.py` (seeded, byte-identical on every run); the story files
(`story.yaml`, `scenes/`, `maps/*.tmx`) are written by the team.

| file | made by | licence |
| --- | --- | --- |
| `fonts/NanumBarunGothic.ttf`, `fonts/NanumBarunGothicBold.ttf` | NAVER Corporation, from Debian's package fonts-nanum 20200506-1, unmodified | SIL Open Font License 1.1, `fonts/LICENSE-Nanum.txt` |
| `fonts/Inter-Regular.otf`, `fonts/Inter-Bold.otf` | The Inter Project Authors (Rasmus Andersson), from Debian's package fonts-inter 4.0~beta7+ds-1, unmodified; the Latin text of the game | SIL Open Font License 1.1, `fonts/LICENSE-Inter.txt` |
| `fonts/AtkinsonHyperlegible-Regular.ttf`, `fonts/AtkinsonHyperlegible-Bold.ttf` | Braille Institute of America, from PyPI's fontpkg-atkinson-hyperlegible 1.6 (font version 1.006), unmodified; the reading-friendly Latin font | SIL Open Font License 1.1, `fonts/LICENSE-AtkinsonHyperlegible.txt` |
"""  # noqa: E501


def credits_text(outputs: list[Output]) -> str:
    lines = [f"| `{o.path}` | {o.what}; `{o.script}` | ours (project licence) |" for o in sorted(outputs, key=lambda o: o.path)]
    return HEADER + "\n".join(lines) + "\n"
