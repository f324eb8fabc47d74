"""The play screen's saving: quick save, quick load (asking first), autosave with the frame as its picture."""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import TYPE_CHECKING

import pygame

from game.persist.saves import SaveData
from game.play.controller import PlayController
from game.play.saving import make_save

from ..png import encode_png
from ..screens.confirm import ConfirmScreen
from ..strings import tr

if TYPE_CHECKING:
    from ..context import Context
    from ..screens.base import Screen

log = logging.getLogger(__name__)
THUMBNAIL = (320, 180)


class SaveActions:
    """Saves of one game: ``picture`` draws the game as a thumbnail, ``load`` replaces the game by a save."""

    def __init__(self, ctx: Context, controller: PlayController, picture: Callable[[], bytes | None],
                 load: Callable[[SaveData, str | None], None]) -> None:
        self.ctx = ctx
        self.controller = controller
        self.picture = picture
        self.load = load

    def make_save(self, slot: str, picture: bytes | None) -> SaveData:
        return make_save(self.controller, slot, self.ctx.language, picture)

    def quick_save(self) -> None:
        try:
            self.ctx.saves.write(self.make_save("quick", self.picture()))
        except OSError as exc:
            self.ctx.notify(tr("save_failed", self.ctx.language).format(reason=exc.strerror or exc), 5.0)
            return
        self.ctx.notify(tr("quick_saved", self.ctx.language))

    def ask_quick_load(self) -> None:
        """F9: load the quick save, after asking (unless the player turned the question off)."""
        info = self.ctx.saves.info("quick")
        if info.data is None:
            self.ctx.notify(info.error or tr("no_quick_save", self.ctx.language))
            return
        data = info.data
        done = tr("quick_loaded", self.ctx.language)
        if self.ctx.settings.confirm_load:
            self.ctx.nav.push(ConfirmScreen(self.ctx, tr("load_confirm", self.ctx.language),
                                            lambda: self.load(data, done)))
        else:
            self.load(data, done)

    def autosave_now(self) -> bool:
        """Autosave at once, the game's own picture as the thumbnail (before a warp replaces the game)."""
        try:
            self.ctx.saves.autosave(self.make_save("auto", self.picture()))
        except OSError as exc:
            log.warning("autosave failed: %s", exc)
            self.ctx.notify(tr("autosave_failed", self.ctx.language).format(reason=exc.strerror or exc), 4.0)
            return False
        return True

    def autosave(self, surface: pygame.Surface) -> None:
        """Save in the autosave ring, the frame just drawn as its picture."""
        self.controller.autosave_due = False
        picture = encode_png(pygame.transform.smoothscale(surface, THUMBNAIL))
        try:
            self.ctx.saves.autosave(self.make_save("auto", picture))
        except OSError as exc:  # a full disk must not stop the game; the player is told
            log.warning("autosave failed: %s", exc)
            self.ctx.notify(tr("autosave_failed", self.ctx.language).format(reason=exc.strerror or exc), 4.0)


def thumbnail(ctx: Context, up_to: Screen) -> bytes | None:
    """The screens up to ``up_to`` as the player sees them, as a save's thumbnail (PNG); None if it cannot be drawn."""
    try:
        canvas = pygame.Surface(ctx.view.viewport.size)
        for screen in ctx.nav.visible(up_to=up_to):
            screen.draw(canvas)
        return encode_png(pygame.transform.smoothscale(canvas, THUMBNAIL))
    except pygame.error as exc:
        log.warning("no picture for the save: %s", exc)
        return None
