"""What the game loads to start: pygame the game's way (game/lean_pygame.py), and no YAML parser.

`import pygame` loads numpy and pkg_resources for two modules the game never
uses; the game and the checker leave them out (140 ms of every start-up here).
A story that is in the compiled-story cache starts without PyYAML.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def run(script: str, extra: dict[str, str] | None = None) -> str:
    env = {**os.environ, "SDL_VIDEODRIVER": "dummy", "SDL_AUDIODRIVER": "dummy", "PYGAME_HIDE_SUPPORT_PROMPT": "1",
           **(extra or {})}
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


def test_the_game_starts_from_the_story_cache_without_pyyaml(tmp_path: Path) -> None:
    """The title comes from the compiled-story cache: nothing at start-up parses YAML, so PyYAML stays unloaded."""
    script = ("import sys\n"
              "from game.cli import main\n"
              f"main(['play', '--frames', '1', '--save-dir', {str(tmp_path / 'saves')!r}])\n"
              "print('yaml' in sys.modules)\n")
    env_cache = {"STARLIGHT_CACHE_DIR": str(tmp_path / "cache")}
    first = run(script, env_cache)  # reads the story (PyYAML) and fills the cache
    assert first.endswith("True")
    assert run(script, env_cache).endswith("False")
