"""Rebinding: every action on the keyboard and the gamepad, saved in the settings, with a reset.

Up / down choose an action, Enter listens for the next key (or pad button, on
the gamepad page; Tab switches pages); that key becomes the action's first
binding.  A key another action already uses is refused with a message naming
that action; Esc while listening cancels.  The last row resets every binding.
The game plays with the new bindings at once, and after a restart.
"""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING

import pygame

from ..access.tree import Node, screen
from ..backdrop import Backdrop
from ..input import REBINDABLE, Action, Bindings, Input
from ..strings import tr
from ..view import WIDTH
from ..widgets import AMBER, TEXT, TEXT_DIM, draw_back_button, draw_focus_row, panel, ui_px
from .base import Screen

if TYPE_CHECKING:
    from ..context import Context

log = logging.getLogger(__name__)

BOX = (120, 16, WIDTH - 240, 688)
LABEL_X, KEYS_X = 170, 600
ROWS_Y, ROW_H, VISIBLE = 120, 40, 12
BACK = (BOX[0] + BOX[2] - 40 - 130, 30, 130, 38)


class ControlsScreen(Screen):

    def __init__(self, ctx: Context) -> None:
        super().__init__(ctx)
        s = ctx.settings
        self.bindings = Bindings(s.key_bindings, s.pad_bindings)
        self.pad = False  # the gamepad page
        self.focus = 0
        self.top = 0
        self.listening = False
        self.message = ""
        self.hover_back = False
        self.device = "keyboard"  # what the player last used here: the hint names its keys or buttons
        self.backdrop = Backdrop(self, darken=0.4)

    @property
    def count(self) -> int:
        return len(REBINDABLE) + 1  # the actions, then "reset"

    def action_name(self, action: Action) -> str:
        return tr(f"action_{action.value}", self.ctx.language)

    def keys_of(self, action: Action) -> str:
        names = (self.bindings.pad if self.pad else self.bindings.keys)[action]
        return ", ".join(names) if names else tr("unbound", self.ctx.language)

    # --- changing ---

    def listen(self) -> None:
        if self.focus == len(REBINDABLE):
            self.reset()
            return
        self.listening = True
        key = "press_button" if self.pad else "press_key"
        self.message = tr(key, self.ctx.language).format(action=self.action_name(REBINDABLE[self.focus]))

    def take(self, name: str) -> None:
        """The key (or pad button) pressed while listening."""
        self.listening = False
        action = REBINDABLE[self.focus]
        lang = self.ctx.language
        other = self.bindings.bind(action, name, pad=self.pad)
        if other is not None:
            self.ctx.audio.play_sfx("ui_error")
            self.message = tr("key_taken", lang).format(key=name, action=self.action_name(other))
            self.ctx.notify(self.message, 4.0)
            return
        self.message = tr("key_bound", lang).format(action=self.action_name(action), key=name)
        self.save()

    def clear(self) -> None:
        """Backspace on an action: unbind it on this page, freeing its keys or buttons."""
        if self.focus >= len(REBINDABLE):
            return
        action, lang = REBINDABLE[self.focus], self.ctx.language
        if not self.bindings.clear(action, pad=self.pad):
            self.ctx.audio.play_sfx("ui_error")
            self.message = tr("key_needed", lang).format(action=self.action_name(action))
            return
        self.message = tr("key_cleared", lang).format(action=self.action_name(action))
        self.save()

    def reset(self) -> None:
        self.bindings = Bindings()
        self.message = tr("controls_reset", self.ctx.language)
        self.ctx.notify(self.message)
        self.save()

    def save(self) -> None:
        s = self.ctx.settings
        s.key_bindings, s.pad_bindings = self.bindings.to_settings()
        self.ctx.rebind()
        try:
            self.ctx.save_settings()
        except OSError as exc:
            log.warning("cannot save the settings: %s", exc)
            self.ctx.notify(f"Settings not saved: {exc.strerror or exc}", 4.0)

    # --- input ---

    def handle(self, inp: Input) -> None:
        if self.listening:
            self.handle_listening(inp)
            return
        action = inp.action
        if inp.device != "mouse":
            self.device = inp.device  # (the hint names the keys or the buttons of what the player holds)
        if action in (Action.BACK, Action.MENU):
            self.ctx.audio.play_sfx("ui_back")
            self.ctx.nav.pop()
        elif action in (Action.UP, Action.DOWN):
            self.focus = (self.focus + (1 if action == Action.DOWN else -1)) % self.count
            self.top = min(max(self.top, self.focus - VISIBLE + 1), self.focus)
            self.ctx.audio.play_sfx("ui_move")
        elif action in (Action.SKIP, Action.LEFT, Action.RIGHT):
            self.pad = not self.pad
            self.message = ""
        elif action == Action.CONFIRM:
            self.listen()
        elif action == Action.DELETE or (action == Action.AUTO and inp.device == "pad"):
            self.clear()  # (a pad has no Backspace: X clears, so a pad alone can free a button to rebind)
        elif action == Action.POINT and inp.pos is not None:
            self.hover_back = pygame.Rect(BACK).collidepoint(inp.pos)
            hit = self.row_at(inp.pos)
            if hit is not None:
                self.focus = hit
        elif action == Action.CLICK and inp.pos is not None:
            if pygame.Rect(BACK).collidepoint(inp.pos):
                self.ctx.nav.pop()
            elif self.row_at(inp.pos) is not None:
                self.focus = self.row_at(inp.pos) or 0
                self.listen()

    def handle_listening(self, inp: Input) -> None:
        name = inp.key
        if name is None:
            return  # the mouse: not something to bind
        if name == "escape":
            self.listening = False
            self.message = ""
            return
        if name.startswith("pad:") != self.pad:
            return  # a key on the gamepad page (or a button on the keyboard page)
        self.take(name.removeprefix("pad:"))

    def row_at(self, pos: tuple[float, float]) -> int | None:
        for i in range(self.top, min(self.count, self.top + VISIBLE)):
            if self.row_rect(i).collidepoint(pos):
                return i
        return None

    def row_rect(self, index: int) -> pygame.Rect:
        return pygame.Rect(BOX[0] + 20, ROWS_Y + (index - self.top) * ROW_H, BOX[2] - 40, ROW_H - 4)

    # --- accessible tree ---

    def access(self) -> Node:
        lang = self.ctx.language
        nodes = [Node("text", tr("gamepad" if self.pad else "keyboard", lang), key="page")]
        if self.message:
            nodes.append(Node("notice", self.message, key="message", live=True))
        for i, action in enumerate(REBINDABLE):
            nodes.append(Node("button", self.action_name(action), key=f"action.{action.value}",
                              value=self.keys_of(action), focused=i == self.focus,
                              activate=lambda i=i: self.pick(i)))  # type: ignore[misc]
        nodes.append(Node("button", tr("reset_controls", lang), key="reset", focused=self.focus == len(REBINDABLE),
                          activate=self.reset))
        return screen(tr("controls_title", lang), "controls", lang, nodes)

    def pick(self, index: int) -> None:
        self.focus = index
        self.listen()

    # --- drawing ---

    def draw(self, surface: pygame.Surface) -> None:
        view, res, lang = self.ctx.view, self.ctx.resources, self.ctx.language
        self.backdrop.draw(surface)
        box = view.rect(*BOX)
        surface.blit(panel(self.ctx, box.size, 236), box)
        page = tr("gamepad" if self.pad else "keyboard", lang)
        head = res.text(f"{tr('controls_title', lang)} · {page}", ui_px(self.ctx, 30), TEXT, bold=True)
        surface.blit(head, head.get_rect(midleft=view.point(LABEL_X - 16, BACK[1] + BACK[3] / 2)))
        draw_back_button(self.ctx, surface, BACK, self.hover_back)
        if self.message:
            note = res.text(self.message, ui_px(self.ctx, 18), AMBER)
            surface.blit(note, view.point(LABEL_X - 16, 82))
        for i in range(self.top, min(self.count, self.top + VISIBLE)):
            r = self.row_rect(i)
            focused = i == self.focus
            if focused:
                draw_focus_row(self.ctx, surface, r, inset=10)
            color = TEXT if focused else (214, 220, 232)
            if i == len(REBINDABLE):
                label = res.text(tr("reset_controls", lang), ui_px(self.ctx, 20), color, bold=focused)
                surface.blit(label, label.get_rect(midleft=view.point(LABEL_X, r.centery)))
                continue
            action = REBINDABLE[i]
            label = res.text(self.action_name(action), ui_px(self.ctx, 20), color)
            surface.blit(label, label.get_rect(midleft=view.point(LABEL_X, r.centery)))
            keys = "…" if focused and self.listening else self.keys_of(action)
            value = res.text(keys, ui_px(self.ctx, 19), AMBER if focused and self.listening else TEXT_DIM)
            surface.blit(value, value.get_rect(midleft=view.point(KEYS_X, r.centery)))
        hint = res.text(tr("hint_controls_pad" if self.device == "pad" else "hint_controls", lang),
                        ui_px(self.ctx, 16), TEXT_DIM)
        surface.blit(hint, hint.get_rect(midleft=view.point(LABEL_X - 16, BOX[1] + BOX[3] - 22)))
