"""pygame imported the game's way (game/lean_pygame.py): without numpy and pkg_resources, nothing lost.

`import pygame` loads numpy and pkg_resources for two modules the game never
uses; the game and the checker leave them out (140 ms of every start-up here).
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def run(script: str) -> str:
    env = {**os.environ, "SDL_VIDEODRIVER": "dummy", "SDL_AUDIODRIVER": "dummy", "PYGAME_HIDE_SUPPORT_PROMPT": "1"}
    done = subprocess.run([sys.executable, "-c", script], env=env, cwd=ROOT, capture_output=True, text=True,
                          timeout=120)
    assert done.returncode == 0, done.stderr
    return done.stdout.strip()


def test_the_game_and_the_checker_import_pygame_without_numpy_or_pkg_resources() -> None:
    out = run("import sys\n"
              "import game.ui.app\n"  # the game (its screens import pygame)
              "from game.check.textfit import check_text_fit\n"
              "from game.story.loader import load_story\n"
              "assert check_text_fit(load_story('tests/fixtures/sample')) == []\n"
              "print(sorted(name for name in ('numpy', 'pkg_resources') if name in sys.modules))\n")
    assert out == "[]"


def test_they_stay_importable_and_pygame_works() -> None:
    out = run("import game.ui\n"
              "import pygame\n"
              "pygame.display.init()\n"
              "surface = pygame.display.set_mode((64, 32))\n"
              "pygame.font.init()\n"
              "assert pygame.font.Font(None, 12).size('x')[0] > 0\n"  # pygame's own font, found without pkg_resources
              "import numpy\n"  # held back only while pygame was imported
              "import pygame.surfarray\n"
              "print(pygame.surfarray.array2d(surface).shape)\n")
    assert out == "(64, 32)"


def test_a_process_that_has_numpy_keeps_it() -> None:
    out = run("import numpy, sys\n"
              "from game.lean_pygame import import_pygame\n"
              "pygame = import_pygame()\n"
              "print(sys.modules['numpy'] is numpy, pygame.surfarray.__name__)\n")
    assert out == "True pygame.surfarray"
