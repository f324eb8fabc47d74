"""The game menu (Esc during play): the game stays visible, darkened, behind a glass panel.

Return to game, Save, Load, History, Settings, Flowchart, Title screen and
Quit; the last two ask first.  Keyboard (arrows + Enter, Esc back), mouse (hover, click, right
click back) and pad (d-pad + A, B back) all work the same.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import pygame

from ..access.tree import Node, screen
from ..backdrop import shade
from ..input import Action, Input
from ..strings import tr
from ..view import HEIGHT, WIDTH
from ..widgets import TEXT, TEXT_DIM, Button, ButtonList, panel, tr_label
from .base import Screen
from .confirm import ConfirmScreen
from .flowchart import FlowchartScreen
from .history import HistoryScreen
from .saveload import SaveLoadScreen
from .settings import SettingsScreen

if TYPE_CHECKING:
    from ..context import Context
    from ..ports import MenuGame

PANEL_W = 440
BUTTON_H, GAP = 50, 10
HEAD = 108
class GameMenu(Screen):
    opaque = False

    def __init__(self, ctx: Context, game: MenuGame) -> None:
        super().__init__(ctx)
        self.game = game
        entries = [("resume", self.resume_game), ("save", self.save), ("load", self.load),
                   ("history", self.history), ("settings", self.settings), ("flowchart", self.flowchart),
                   ("accessibility", self.accessibility),
                   ("title_screen", self.title), ("quit", self.quit)]
        buttons = [Button(tr_label(ctx, k), action) for k, action in entries]
        height = len(buttons) * (BUTTON_H + GAP) - GAP
        self.box = (WIDTH / 2 - PANEL_W / 2, (HEIGHT - height - HEAD - 36) / 2, PANEL_W, height + HEAD + 36)
        self.list = ButtonList(ctx, buttons, x=WIDTH / 2 - 180, y=self.box[1] + HEAD, width=360,
                               height=BUTTON_H, gap=GAP, font_size=23)

    # --- actions ---

    def resume_game(self) -> None:
        self.ctx.nav.pop()

    def save(self) -> None:
        self.ctx.nav.push(SaveLoadScreen(self.ctx, "save", self.game.save_link()))

    def load(self) -> None:
        self.ctx.nav.push(SaveLoadScreen(self.ctx, "load", self.game.save_link()))

    def history(self) -> None:
        self.ctx.nav.push(HistoryScreen(self.ctx, self.game.history_link()))

    def flowchart(self) -> None:
        self.ctx.nav.push(FlowchartScreen(self.ctx, self.game.flowchart_link()))

    def settings(self) -> None:
        self.ctx.nav.push(SettingsScreen(self.ctx))

    def accessibility(self) -> None:
        from .accessibility import AccessibilityScreen  # (also opened by Shift+A from anywhere)
        self.ctx.nav.push(AccessibilityScreen(self.ctx))

    def access(self) -> Node:
        lang = self.ctx.language
        return screen(tr("menu_title", lang), "menu", lang, self.list.access_nodes("menu"))

    def title(self) -> None:
        self.ctx.nav.push(ConfirmScreen(self.ctx, tr("title_confirm", self.ctx.language), self.to_title))

    def to_title(self) -> None:
        self.ctx.audio.play_music(None, 1.0)
        self.ctx.nav.home()

    def quit(self) -> None:
        self.ctx.nav.push(ConfirmScreen(self.ctx, tr("quit_confirm", self.ctx.language), self.quit_now))

    def quit_now(self) -> None:
        self.ctx.quit_requested = True

    # --- loop ---

    def handle(self, inp: Input) -> None:
        if inp.action in (Action.BACK, Action.MENU):
            self.ctx.audio.play_sfx("ui_back")
            self.ctx.nav.pop()
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
        sub = res.text(self.game.scene_title(lang), view.px(18), TEXT_DIM)
        surface.blit(sub, sub.get_rect(midtop=(box.centerx, box.y + view.px(68))))
        self.list.draw(surface)
