"""A copy of the game's fonts with one file damaged, and a fresh Python to use it in.

pygame 2.6 opens a font file that is no font without a word and crashes the process on its first
use, so the tests of that case run the game's code in a fresh process.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

from game.paths import shipped_story


def with_a_damaged_font(folder: Path, damaged: str) -> Path:
    """A copy of the game's fonts in ``folder``, with the font file ``damaged`` turned into bytes that are no font."""
    shutil.copytree(shipped_story() / "fonts", folder / "fonts")
    (folder / "fonts" / damaged).write_bytes(b"not a font")
    return folder


def run_python(script: str, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    """``script`` in a fresh Python on SDL's dummy video driver."""
    return subprocess.run([sys.executable, "-c", script], cwd=cwd, capture_output=True, text=True, timeout=120,
                          env={**os.environ, "SDL_VIDEODRIVER": "dummy", "PYGAME_HIDE_SUPPORT_PROMPT": "1"})
