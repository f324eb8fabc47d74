"""Puts scripts/ on the import path, so the tests can import the asset generator package ``assetgen``
(it lives beside the game, not in it, and is run through scripts/make_assets.py)."""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SCRIPTS = ROOT / "scripts"
if str(SCRIPTS) not in sys.path:
    sys.path.insert(0, str(SCRIPTS))
