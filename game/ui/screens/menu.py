"""The game menu (Esc during play): the game stays visible, darkened, behind a glass panel.

Return to game, Save, Load, History, Settings, Title screen and Quit; the last
two ask first.  Keyboard (arrows + Enter, Esc back), mouse (hover, click, right
click back) and pad (d-pad + A, B back) all work the same.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

import pygame

from ..input import Action, Input
from ..strings import tr
from ..view import HEIGHT, WIDTH
from ..widgets import TEXT, TEXT_DIM, Button, ButtonList, panel
from .base import Screen

if TYPE_CHECKING:
    from ..app import Context
    from ..resources import Resources
    from .play import PlayScreen

PANEL_W = 440
BUTTON_H, GAP = 50, 10
HEAD = 108
SHADE = (5, 6, 12, 160)
DARK = (11, 13, 26)

def shade(resources: Resources, size: tuple[int, int], color: tuple[int, int, int, int] = SHADE) -> pygame.Surface:
    """A translucent full-screen darkening layer, made once per window size (kept by ``resources``)."""

    def make() -> pygame.Surface:
        surface = pygame.Surface(size, pygame.SRCALPHA)
        surface.fill(color)
        return surface

    return resources.piece(("shade", size, color), make)


class Backdrop:
    """The glass behind a full-screen menu: the game (or title) under it, blurred and darkened, made once.

    Only the opaque screen under the menus is drawn (not the menus between), so a
    save screen opened from the game menu shows the game, not the menu.  Call
    ``invalidate`` when that screen changes (a new language, text size...).
    """

    def __init__(self, screen: Screen, darken: float = 0.36) -> None:
        self.screen = screen
        self.darken = darken
        self._surface: pygame.Surface | None = None

    def invalidate(self) -> None:
        self._surface = None

    def draw(self, surface: pygame.Surface) -> None:
        size = surface.get_size()
        if self._surface is None or self._surface.get_size() != size:
            self._surface = self.render(size)
        surface.blit(self._surface, (0, 0))

    def render(self, size: tuple[int, int]) -> pygame.Surface:
        stack = self.screen.ctx.stack
        below = stack[:stack.index(self.screen)] if self.screen in stack else list(stack)
        base = next((s for s in reversed(below) if s.opaque), None)
        canvas = pygame.Surface(size)
        canvas.fill(DARK)
        if base is not None:
            base.draw(canvas)
        w, h = size
        blurred = canvas
        for step in ((w // 4, h // 4), (w // 12, h // 12), (w // 28, h // 28),  # a strong, soft blur
                     (w // 12, h // 12), (w // 4, h // 4), (w, h)):
            blurred = pygame.transform.smoothscale(blurred, (max(1, step[0]), max(1, step[1])))
        level = round(255 * self.darken)
        blurred.fill((level, level, min(255, level + 8)), special_flags=pygame.BLEND_MULT)
        return blurred


class GameMenu(Screen):
    opaque = False

    def __init__(self, ctx: Context, play: PlayScreen) -> None:
        super().__init__(ctx)
        self.play = play
        entries: list[tuple[str, Callable[[], None]]] = [("resume", self.resume_game), ("save", self.save), ("load", self.load),
                   ("history", self.history), ("settings", self.settings),
                   ("title_screen", self.title), ("quit", self.quit)]

        def label(key: str) -> Callable[[], str]:
            return lambda: tr(key, ctx.language)  # read at each draw: the language may change meanwhile

        buttons = [Button(label(k), action) for k, action in entries]
        height = len(buttons) * (BUTTON_H + GAP) - GAP
        self.box = (WIDTH / 2 - PANEL_W / 2, (HEIGHT - height - HEAD - 36) / 2, PANEL_W, height + HEAD + 36)
        self.list = ButtonList(ctx, buttons, x=WIDTH / 2 - 180, y=self.box[1] + HEAD, width=360,
                               height=BUTTON_H, gap=GAP, font_size=23)

    # --- actions ---

    def resume_game(self) -> None:
        self.ctx.pop()

    def save(self) -> None:
        from .saveload import SaveLoadScreen
        self.ctx.push(SaveLoadScreen(self.ctx, "save", self.play))

    def load(self) -> None:
        from .saveload import SaveLoadScreen
        self.ctx.push(SaveLoadScreen(self.ctx, "load", self.play))

    def history(self) -> None:
        from .history import HistoryScreen
        self.ctx.push(HistoryScreen(self.ctx, self.play))

    def settings(self) -> None:
        from .settings import SettingsScreen
        self.ctx.push(SettingsScreen(self.ctx))

    def title(self) -> None:
        from .confirm import ConfirmScreen
        self.ctx.push(ConfirmScreen(self.ctx, tr("title_confirm", self.ctx.language), self.to_title))

    def to_title(self) -> None:
        from .title import TitleScreen
        self.ctx.audio.play_music(None, 1.0)
        self.ctx.replace(TitleScreen(self.ctx))

    def quit(self) -> None:
        from .confirm import ConfirmScreen
        self.ctx.push(ConfirmScreen(self.ctx, tr("quit_confirm", self.ctx.language), self.quit_now))

    def quit_now(self) -> None:
        self.ctx.quit_requested = True

    def confirm_quit(self) -> None:
        """The window's close button while the menu is open."""
        self.quit()

    # --- loop ---

    def handle(self, inp: Input) -> None:
        if inp.action in (Action.BACK, Action.MENU):
            self.ctx.audio.play_sfx("ui_back")
            self.ctx.pop()
        elif inp.action == Action.HISTORY:
            self.history()
        else:
            self.list.handle(inp)

    def draw(self, surface: pygame.Surface) -> None:
        view, res = self.ctx.view, self.ctx.resources
        surface.blit(shade(res, surface.get_size()), (0, 0))
        box = view.rect(*self.box)
        surface.blit(panel(self.ctx, box.size, 232), box)
        lang = self.ctx.language
        head = res.text(tr("menu_title", lang), view.px(30), TEXT, bold=True)
        surface.blit(head, head.get_rect(midtop=(box.centerx, box.y + view.px(28))))
        story = self.ctx.story
        scene = self.play.session.current.state.scene
        scenes = self.play.session.story.scenes
        if 0 <= scene < len(scenes):
            sub = res.text(scenes[scene].title.get(lang), view.px(18), TEXT_DIM)
            surface.blit(sub, sub.get_rect(midtop=(box.centerx, box.y + view.px(68))))
        elif story is not None:
            sub = res.text(story.title.get(lang), view.px(18), TEXT_DIM)
            surface.blit(sub, sub.get_rect(midtop=(box.centerx, box.y + view.px(68))))
        self.list.draw(surface)
