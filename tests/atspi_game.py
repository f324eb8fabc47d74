"""The game for tests/test_screen_reader.py: the sample story headless, AccessKit on, played to its first choice.

Prints one JSON line when the screen reader took an option (or when time is up), then exits.
"""

import json
import os
import sys
import time
from pathlib import Path

os.environ["SDL_VIDEODRIVER"] = "dummy"
os.environ["SDL_AUDIODRIVER"] = "dummy"
os.environ["STARLIGHT_ACCESSKIT"] = "1"

import pygame

from game.paths import shipped_story
from game.ui.app import App, Options
from game.ui.play.screen import PlayScreen

SAMPLE = Path(__file__).parent / "fixtures" / "sample"


def main() -> int:
    app = App(Options(story_root=SAMPLE, ui_root=shipped_story(), data_dir=Path(sys.argv[1])))
    app.ctx.settings.text_speed = 0
    play = PlayScreen.new_game(app.ctx)
    app.ctx.nav.replace_all(play)
    result = {"reader": app.ctx.access is not None and app.ctx.access.reader is not None, "chosen": None}
    end = time.time() + float(sys.argv[2])
    at_choice = None
    while time.time() < end:
        if play.choices is None and at_choice is None:
            pygame.event.post(pygame.event.Event(pygame.KEYDOWN, key=pygame.K_RETURN, mod=0, unicode="", scancode=0))
            pygame.event.post(pygame.event.Event(pygame.KEYUP, key=pygame.K_RETURN, mod=0, unicode="", scancode=0))
        app.step(1, dt=0.05)
        if play.choices is not None and at_choice is None:
            at_choice = play.controller.session.position
        elif at_choice is not None and play.controller.session.position != at_choice:
            result["chosen"] = play.box.text  # the line after the option the reader pressed
            break
        time.sleep(0.02)
    result["reader"] = app.ctx.access is not None and app.ctx.access.reader is not None
    print(json.dumps(result, ensure_ascii=False), flush=True)
    app.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
