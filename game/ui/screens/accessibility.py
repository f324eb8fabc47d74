"""The accessibility screen: self-voicing, the screen reader's view, motion, captions, reading, controls, sound.

Reachable from the title, the game menu, and Shift+A on every screen; offered
once at the very first launch.  It works like the settings screen (up / down
choose a row, left / right change it, Enter cycles or opens, the mouse clicks
a value), scrolls when its rows do not fit, and says at the top whether the
game can speak here, and if not, why.  Every change is saved and applied at once.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

import pygame

from game.layout import LINE_SPACINGS, TEXT_SIZES
from game.layout.wrap import wrap

from ..access.tree import Node, screen
from ..backdrop import Backdrop
from ..input import Action, Input
from ..strings import tr
from ..view import WIDTH
from ..widgets import AMBER, TEXT, TEXT_DIM, draw_back_button, draw_focus_row, panel, ui_px
from .base import Screen

if TYPE_CHECKING:
    from ..context import Context

log = logging.getLogger(__name__)

BOX = (120, 16, WIDTH - 240, 688)
LABEL_X, VALUE_X, VALUE_W = 170, 640, 440
ROWS_Y, ROW_H, ROW_GAP, VISIBLE = 150, 44, 4, 10
BACK = (BOX[0] + BOX[2] - 40 - 130, 30, 130, 38)
ARROW_W = 28
SCANS = (0.0, 1.0, 1.5, 2.0, 3.0)
RATES = (120, 150, 175, 200, 250, 300, 350)
SCALES = (1.0, 1.15, 1.3, 1.5)


@dataclass
class Row:
    """A setting: its label key, its values (value, label) and how to read and write it; or an action row."""

    key: str
    get: Callable[[], Any]
    set: Callable[[Any], None]
    values: list[tuple[Any, Callable[[], str]]] = field(default_factory=list)
    open: Callable[[], None] | None = None  # an action row ("Controls…")

    def index(self) -> int:
        current = self.get()
        return next((i for i, (v, _) in enumerate(self.values) if v == current), 0)

    def shown(self) -> str:
        return self.values[self.index()][1]() if self.values else ""


class AccessibilityScreen(Screen):

    def __init__(self, ctx: Context, first_launch: bool = False) -> None:
        super().__init__(ctx)
        self.first_launch = first_launch
        self.rows = self.build_rows()
        self.focus = 0
        self.top = 0  # the first row shown
        self.hover_back = False
        self.backdrop = Backdrop(self, darken=0.4)

    # --- the rows ---

    def build_rows(self) -> list[Row]:
        ctx, s = self.ctx, self.ctx.settings

        def label(key: str) -> Callable[[], str]:
            return lambda: tr(key, ctx.language)

        def fixed(text: str) -> Callable[[], str]:
            return lambda: text

        on_off = [(False, label("off")), (True, label("on"))]

        def flag(name: str) -> Row:
            return Row(name, lambda: getattr(s, name), lambda v: setattr(s, name, v), on_off)

        voices = [("", label("voice_auto"))]
        access = ctx.access
        if access is not None and access.engine is not None:
            voices += [(v.id, fixed(v.name)) for v in access.engine.voices()[:40]]
        return [
            Row("self_voicing", lambda: s.self_voicing, self.set_self_voicing, on_off),
            Row("voice", lambda: s.voice, lambda v: setattr(s, "voice", v), voices),
            Row("voice_rate", lambda: s.voice_rate, lambda v: setattr(s, "voice_rate", v),
                [(r, lambda r=r: tr("wpm", ctx.language).format(n=r)) for r in RATES]),  # type: ignore[misc]
            Row("voice_volume", lambda: s.voice_volume, lambda v: setattr(s, "voice_volume", v),
                [(v / 10, fixed(f"{v * 10}%")) for v in range(2, 11)]),
            flag("speech_clipboard"),
            flag("screen_reader"),
            flag("reduce_motion"),
            flag("flash_guard"),
            flag("captions"),
            Row("text_size", lambda: s.text_size, lambda v: setattr(s, "text_size", v),
                [(size, label(f"size_{size}")) for size in TEXT_SIZES]),
            Row("line_spacing", lambda: s.line_spacing, lambda v: setattr(s, "line_spacing", v),
                [(name, label(f"spacing_{name}")) for name in LINE_SPACINGS]),
            Row("latin_font", lambda: s.latin_font, self.set_font,
                [("standard", label("font_standard")), ("legible", label("font_legible"))]),
            flag("high_contrast"),
            Row("ui_scale", lambda: s.ui_scale, lambda v: setattr(s, "ui_scale", v),
                [(v, fixed(f"{round(v * 100)}%")) for v in SCALES]),
            Row("mono_audio", lambda: s.mono_audio, self.set_mono, on_off),
            flag("duck_music"),
            flag("timed_choices"),
            Row("switch_scan", lambda: s.switch_scan, lambda v: setattr(s, "switch_scan", v),
                [(v, label("scan_off") if v == 0 else fixed(tr("seconds", ctx.language).format(n=f"{v:g}")))
                 for v in SCANS]),
            Row("controls", lambda: None, lambda v: None, open=self.open_controls),
        ]

    def set_self_voicing(self, on: bool) -> None:
        s = self.ctx.settings
        s.self_voicing = on
        if on:
            s.timed_choices = False  # timers wait for a player who listens (they may turn them on again)
            if self.ctx.access is not None:
                self.ctx.access.open()
            self.rows = self.build_rows()  # the engine's voices are known now

    def set_font(self, latin: str) -> None:
        self.ctx.settings.latin_font = latin
        self.ctx.resources.latin = latin

    def set_mono(self, on: bool) -> None:
        self.ctx.settings.mono_audio = on
        self.ctx.audio.set_mono(on)

    def open_controls(self) -> None:
        from .controls import ControlsScreen  # (the controls screen is opened from here only)
        self.ctx.nav.push(ControlsScreen(self.ctx))

    def change(self, index: int, step: int) -> None:
        """Row ``index`` to its next (``step`` 1) or previous (-1) value, applied and saved at once."""
        row = self.rows[index]
        if row.open is not None or not row.values:
            return
        values = [v for v, _ in row.values]
        target = values[max(0, min(len(values) - 1, row.index() + step))]
        self.set_value(index, target)

    def set_value(self, index: int, value: Any) -> None:
        row = self.rows[index]
        if value == row.get():
            return
        row.set(value)
        self.backdrop.invalidate()  # the screen behind may look different now
        self.ctx.nav.language_changed()  # (lines are laid out again: size, spacing, font)
        try:
            self.ctx.save_settings()
        except OSError as exc:
            log.warning("cannot save the settings: %s", exc)
            self.ctx.notify(f"Settings not saved: {exc.strerror or exc}", 4.0)
        self.ctx.audio.play_sfx("ui_move")

    def cycle(self, index: int) -> None:
        row = self.rows[index]
        if row.open is not None:
            self.ctx.audio.play_sfx("ui_select")
            row.open()
            return
        values = [v for v, _ in row.values]
        if values:
            self.set_value(index, values[(row.index() + 1) % len(values)])

    # --- geometry (logical) ---

    def row_rect(self, index: int) -> pygame.Rect:
        return pygame.Rect(BOX[0] + 20, ROWS_Y + (index - self.top) * (ROW_H + ROW_GAP), BOX[2] - 40, ROW_H)

    def shown_rows(self) -> range:
        return range(self.top, min(len(self.rows), self.top + VISIBLE))

    def follow_focus(self) -> None:
        if self.focus < self.top:
            self.top = self.focus
        elif self.focus >= self.top + VISIBLE:
            self.top = self.focus - VISIBLE + 1

    def row_at(self, pos: tuple[float, float]) -> int | None:
        return next((i for i in self.shown_rows() if self.row_rect(i).collidepoint(pos)), None)

    def arrows(self, index: int) -> tuple[pygame.Rect, pygame.Rect]:
        r = self.row_rect(index)
        return (pygame.Rect(VALUE_X - ARROW_W - 8, r.y, ARROW_W, r.h),
                pygame.Rect(VALUE_X + VALUE_W + 8, r.y, ARROW_W, r.h))

    # --- input ---

    def handle(self, inp: Input) -> None:
        action, pos = inp.action, inp.pos
        if action in (Action.BACK, Action.MENU, Action.ACCESS):
            self.ctx.audio.play_sfx("ui_back")
            self.ctx.nav.pop()
        elif action in (Action.UP, Action.DOWN):
            self.focus = (self.focus + (1 if action == Action.DOWN else -1)) % len(self.rows)
            self.follow_focus()
            self.ctx.audio.play_sfx("ui_move")
        elif action in (Action.LEFT, Action.RIGHT):
            self.change(self.focus, 1 if action == Action.RIGHT else -1)
        elif action == Action.CONFIRM:
            self.cycle(self.focus)
        elif action == Action.POINT and pos is not None:
            self.hover_back = pygame.Rect(BACK).collidepoint(pos)
            hit = self.row_at(pos)
            if hit is not None:
                self.focus = hit
        elif action == Action.CLICK and pos is not None:
            self.click(pos)
        elif action in (Action.ROLLBACK, Action.ROLLFORWARD):
            self.top = max(0, min(len(self.rows) - VISIBLE, self.top + (-1 if action == Action.ROLLBACK else 1)))
            self.focus = min(max(self.focus, self.top), self.top + VISIBLE - 1)

    def click(self, pos: tuple[float, float]) -> None:
        if pygame.Rect(BACK).collidepoint(pos):
            self.ctx.nav.pop()
            return
        hit = self.row_at(pos)
        if hit is None:
            return
        self.focus = hit
        left, right = self.arrows(hit)
        if left.collidepoint(pos):
            self.change(hit, -1)
        elif right.collidepoint(pos):
            self.change(hit, 1)
        else:
            self.cycle(hit)

    # --- what a screen reader and self-voicing see ---

    def access(self) -> Node:
        lang = self.ctx.language
        nodes = []
        status = self.status()
        if status:
            nodes.append(Node("notice", status, key="status"))
        for i, row in enumerate(self.rows):
            if row.open is not None:
                nodes.append(Node("button", tr(row.key, lang), key=row.key, focused=i == self.focus,
                                  activate=row.open))
            else:
                nodes.append(Node("setting", tr(row.key, lang), key=row.key, value=row.shown(),
                                  focused=i == self.focus,
                                  change=lambda step, i=i: self.change(i, step),  # type: ignore[misc]
                                  activate=lambda i=i: self.cycle(i)))  # type: ignore[misc]
        return screen(tr("accessibility", lang), "accessibility", lang, nodes)

    def status(self) -> str:
        """Whether the game can speak here (shown and spoken at the top)."""
        access = self.ctx.access
        if access is None or not self.ctx.settings.self_voicing:
            return ""
        reason = access.speech_status()
        return tr("speech_unavailable", self.ctx.language).format(reason=reason) if reason else ""

    # --- drawing ---

    def draw(self, surface: pygame.Surface) -> None:
        view, res, lang = self.ctx.view, self.ctx.resources, self.ctx.language
        self.backdrop.draw(surface)
        box = view.rect(*BOX)
        surface.blit(panel(self.ctx, box.size, 236), box)
        head = res.text(tr("accessibility", lang), ui_px(self.ctx, 30), TEXT, bold=True)
        surface.blit(head, head.get_rect(midleft=view.point(LABEL_X - 16, BACK[1] + BACK[3] / 2)))
        draw_back_button(self.ctx, surface, BACK, self.hover_back)
        note = self.status() or (tr("access_offer", lang) if self.first_launch else "")
        if note:
            font = res.font(ui_px(self.ctx, 17))
            y = 78
            for line in wrap(note, lambda t: font.size(t)[0], view.px(BOX[2] - 100))[:3]:
                label = res.text(line, ui_px(self.ctx, 17), AMBER if self.status() else TEXT_DIM)
                surface.blit(label, view.point(LABEL_X - 16, y))
                y += 22
        for i in self.shown_rows():
            self.draw_row(surface, i)
        hint = res.text(tr("hint_access", lang), ui_px(self.ctx, 16), TEXT_DIM)
        surface.blit(hint, hint.get_rect(midleft=view.point(LABEL_X - 16, BOX[1] + BOX[3] - 22)))

    def draw_row(self, surface: pygame.Surface, index: int) -> None:
        view, res = self.ctx.view, self.ctx.resources
        row, r = self.rows[index], self.row_rect(index)
        focused = index == self.focus
        if focused:
            draw_focus_row(self.ctx, surface, r)
        label = res.text(tr(row.key, self.ctx.language), ui_px(self.ctx, 21), TEXT if focused else (214, 220, 232))
        surface.blit(label, label.get_rect(midleft=view.point(LABEL_X, r.centery)))
        if row.open is not None:
            text = res.text(tr("open", self.ctx.language) + "  ▸", ui_px(self.ctx, 19), TEXT if focused else TEXT_DIM)
            surface.blit(text, text.get_rect(midleft=view.point(VALUE_X, r.centery)))
            return
        left, right = self.arrows(index)
        for arrow, direction in ((left, -1), (right, 1)):
            c = view.rect(*arrow).center
            s = view.px(7)
            pygame.draw.polygon(surface, TEXT if focused else TEXT_DIM,
                                [(c[0] - direction * s * 0.6, c[1] - s), (c[0] + direction * s * 0.8, c[1]),
                                 (c[0] - direction * s * 0.6, c[1] + s)])
        value = res.text(row.shown(), ui_px(self.ctx, 19), TEXT if focused else TEXT_DIM, bold=focused)
        surface.blit(value, value.get_rect(center=view.rect(VALUE_X, r.y, VALUE_W, r.h).center))
