"""Drawing capture's pictures with the game's own play screen, off screen and silent."""

from __future__ import annotations

import base64
import io
import os
from pathlib import Path
from typing import Any

from game.check.stops import Step
from game.story import model as m
from game.story.runtime import Runtime

from .staging import collisions

THUMBNAIL = (320, 180)


class _Silent:
    """Audio that plays nothing (captures are pictures)."""

    current_music: str | None = None

    def play_music(self, name: str | None, fade: float = 1.5) -> None:
        self.current_music = name

    def play_sfx(self, name: str) -> None:
        pass

    def set_volumes(self, master: float, music: float, sfx: float) -> None:
        pass

    def forget(self) -> None:
        pass

    def update(self) -> None:
        pass


class Renderer:
    """Draws steps with the game's own play screen onto an off-screen surface."""

    def __init__(self, story: m.Story, language: str, ui_root: Path, data_dir: Path,
                 text_size: str = "medium") -> None:
        os.environ.setdefault("SDL_VIDEODRIVER", "dummy")
        os.environ.setdefault("SDL_AUDIODRIVER", "dummy")
        os.environ.setdefault("PYGAME_HIDE_SUPPORT_PROMPT", "1")
        import pygame

        from game.persist.progress import Progress
        from game.persist.saves import SaveStore
        from game.persist.settings import Settings

        from ..context import Context, Options
        from ..navigator import Navigator
        from ..resources import Resources
        from ..view import HEIGHT, WIDTH, View

        pygame.font.init()
        if not pygame.display.get_init() or pygame.display.get_surface() is None:
            # A (dummy, 1x1) display lets pictures be converted to the screen format: blits get faster.
            pygame.display.init()
            pygame.display.set_mode((1, 1))
            self.opened_display = True
        else:
            self.opened_display = False
        self.pygame = pygame
        self.story = story
        options = Options(story_root=story.root, ui_root=ui_root, data_dir=data_dir, language=language,
                          window=False)
        settings = Settings(language=language, text_speed=0, text_size=text_size)
        view = View((WIDTH, HEIGHT))
        self.ctx = Context(options, view, Resources(story.root, ui_root, view), _Silent(),  # type: ignore[arg-type]
                           settings, SaveStore(data_dir / "saves"), Progress(), story, [], Navigator())
        self.surface = pygame.Surface((WIDTH, HEIGHT))
        self.runtime = Runtime(story)
        self.play: Any = None

    def render(self, step: Step) -> Any:
        """The picture of ``step`` (a pygame Surface, reused: copy it to keep it)."""
        from game.play.controller import PlayController, Shown
        from game.story.cursor import Cursor

        from ..play.screen import PlayScreen

        ctx = self.ctx
        controller = PlayController.resume(Cursor(self.runtime), step.state, step.presentation, ctx.settings,
                                           ctx.progress)
        play = PlayScreen(ctx, controller)
        ctx.nav.replace_all(play)  # (enter shows the stop; a map opens its map screen over the game)
        if step.kind != "line":  # the text box keeps the line the choice follows
            play.display(Shown(controller.current, (), True, step.under))
        play.stage.finish()
        play.box.finish()
        play.hold = 0.0
        controller.autosave_due = False
        for screen in ctx.nav.visible():
            screen.draw(self.surface)
        self.play = play
        return self.surface

    def collisions(self) -> list[str]:
        """What covers what in the picture just rendered (see ``staging``)."""
        return collisions(self.play) if self.play is not None else []

    def close(self) -> None:
        if self.opened_display:
            self.pygame.display.quit()

    def png_data(self, surface: Any) -> tuple[bytes, int, int]:
        """The surface's RGB pixels and size, for ``encode_png`` (which may run on another thread)."""
        width, height = surface.get_size()
        return self.pygame.image.tobytes(surface, "RGB"), width, height

    def thumbnail(self, surface: Any) -> str:
        """A small JPEG of ``surface`` as a data: URI (PNG when JPEG is unavailable)."""
        pygame = self.pygame
        small = pygame.transform.smoothscale(surface, THUMBNAIL)
        if pygame.image.get_extended():
            buffer = io.BytesIO()
            pygame.image.save(small, buffer, "thumbnail.jpg")
            return "data:image/jpeg;base64," + base64.b64encode(buffer.getvalue()).decode("ascii")
        from ..png import encode_png
        return "data:image/png;base64," + base64.b64encode(encode_png(small)).decode("ascii")


