"""What the generators read rather than make: the Nanum fonts shipped under assets/fonts."""

from __future__ import annotations

from pathlib import Path

FONTS = Path(__file__).resolve().parents[2] / "assets" / "fonts"
REGULAR = FONTS / "NanumBarunGothic.ttf"
BOLD = FONTS / "NanumBarunGothicBold.ttf"
