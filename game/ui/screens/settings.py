"""Settings: text speed, auto-forward, volumes, window mode, language, and reading comfort.

Up / down choose a row, left / right change its value; the mouse clicks a
slider's track or arrows (and drags the knob) or an option; every change is
saved and takes effect at once, the language too, even in the middle of a scene.
"""

from __future__ import annotations

import logging
import math
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

import pygame

from game.layout import TEXT_SIZES

from ..access.tree import Node, screen
from ..backdrop import Backdrop
from ..input import Action, Input
from ..strings import tr
from ..view import WIDTH
from ..widgets import BLUE, TEXT, TEXT_DIM, draw_back_button, draw_focus_row, fixed_label, panel, tr_label
from .base import Screen

if TYPE_CHECKING:
    from ..context import Context

log = logging.getLogger(__name__)

BOX = (140, 20, WIDTH - 280, 680)
LABEL_X = 196
ROW_X, ROW_W = 160, WIDTH - 320
ROWS_Y, ROW_H, ROW_GAP = 96, 40, 3  # thirteen rows above the hint
ARROW_W = 28
TRACK_X, TRACK_W = 604, 300
VALUE_X = 950
CHOICE_X, CHOICE_W, CHOICE_GAP = 604, 496, 8
BACK = (BOX[0] + BOX[2] - 40 - 130, 34, 130, 38)
LANGUAGES = [("en", "English"), ("ko", "한국어")]
INSTANT = 210  # the text-speed slider's far end: every line at once


@dataclass
class Row:
    key: str  # the label's string key
    get: Callable[[], Any]
    set: Callable[[Any], None]
    # a slider: a number from low to high, moved by step (keys) or fine (mouse)
    low: float = 0.0
    high: float = 1.0
    step: float = 0.1
    fine: float = 0.01
    show: Callable[[float], str] | None = None
    # a choice: the values and their labels
    options: list[tuple[Any, Callable[[], str]]] = field(default_factory=list)

    @property
    def slider(self) -> bool:
        return not self.options


class SettingsScreen(Screen):

    def __init__(self, ctx: Context) -> None:
        super().__init__(ctx)
        self.rows = self.build_rows()
        self.focus = 0
        self.dragging: int | None = None
        self.hover: tuple[int, str, int] | None = None  # row, part, option
        self.hover_back = False
        self.backdrop = Backdrop(self, darken=0.45)

    # --- the rows ---

    def build_rows(self) -> list[Row]:
        s = self.ctx.settings
        def lang() -> str:
            return self.ctx.language

        on_off = [(True, tr_label(self.ctx, "on")), (False, tr_label(self.ctx, "off"))]

        def setter(name: str) -> Callable[[Any], None]:
            return lambda value: setattr(s, name, value)

        def speed(value: float) -> str:
            return tr("instant", lang()) if value > 200 else tr("cps", lang()).format(n=round(value))

        def volume(value: float) -> str:
            return f"{round(value * 100)}%"

        return [
            Row("text_speed", lambda: INSTANT if s.text_speed == 0 else s.text_speed,
                lambda v: setattr(s, "text_speed", 0 if v > 200 else int(round(v))),
                low=10, high=INSTANT, step=10, fine=5, show=speed),
            Row("auto_delay", lambda: s.auto_delay, setter("auto_delay"), low=0.5, high=10.0, step=0.5, fine=0.5,
                show=lambda v: tr("seconds", lang()).format(n=f"{v:g}")),
            Row("master_volume", lambda: s.master_volume, setter("master_volume"), step=0.05, fine=0.01,
                show=volume),
            Row("music_volume", lambda: s.music_volume, setter("music_volume"), step=0.05, fine=0.01,
                show=volume),
            Row("sfx_volume", lambda: s.sfx_volume, setter("sfx_volume"), step=0.05, fine=0.01, show=volume),
            Row("display", lambda: s.fullscreen, self.set_fullscreen,
                options=[(False, tr_label(self.ctx, "window")), (True, tr_label(self.ctx, "fullscreen"))]),
            Row("language", lambda: s.language, self.set_language,
                options=[(code, fixed_label(name)) for code, name in LANGUAGES]),
            Row("timed_choices", lambda: s.timed_choices, setter("timed_choices"), options=on_off),
            Row("skip_unread", lambda: s.skip_unread, setter("skip_unread"), options=on_off),
            Row("text_size", lambda: s.text_size, setter("text_size"),
                options=[(size, tr_label(self.ctx, f"size_{size}")) for size in TEXT_SIZES]),
            Row("high_contrast", lambda: s.high_contrast, setter("high_contrast"), options=on_off),
            Row("read_text_color", lambda: s.read_text_color, setter("read_text_color"), options=on_off),
            Row("unseen_hint", lambda: s.unseen_hint, setter("unseen_hint"), options=on_off),
        ]

    def access(self) -> Node:
        """Each row as a setting with its value (self-voicing and screen readers)."""
        lang = self.ctx.language
        nodes = []
        for i, row in enumerate(self.rows):
            value = row.get()
            shown = row.show(float(value)) if row.slider and row.show else next(
                (label() for v, label in row.options if v == value), str(value))
            nodes.append(Node("setting", tr(row.key, lang), key=row.key, value=shown, focused=i == self.focus,
                              change=lambda step, i=i: self.nudge(i, step)))  # type: ignore[misc]
        return screen(tr("settings", lang), "settings", lang, nodes)

    def set_fullscreen(self, value: bool) -> None:
        if value != self.ctx.settings.fullscreen:
            self.ctx.toggle_fullscreen()

    def set_language(self, code: str) -> None:
        self.ctx.settings.language = code
        self.ctx.nav.language_changed()  # the game under the menus shows its line in the new language

    def change(self, index: int, value: Any) -> None:
        """Set row ``index`` to ``value``, apply and save it at once."""
        row = self.rows[index]
        if row.slider:
            value = min(row.high, max(row.low, value))
            value = round(value, 4)
        if value == row.get():
            return
        row.set(value)
        if row.key in ("language", "text_size", "high_contrast"):
            self.backdrop.invalidate()  # the game behind looks different now
        try:
            self.ctx.save_settings()  # also sets the volumes
        except OSError as exc:
            log.warning("cannot save the settings: %s", exc)
            self.ctx.notify(f"Settings not saved: {exc.strerror or exc}", 4.0)
        self.ctx.audio.play_sfx("ui_move")

    def nudge(self, index: int, direction: int) -> None:
        row = self.rows[index]
        if row.slider:
            value, step = float(row.get()), row.step
            if direction > 0:
                target = math.floor(value / step + 1e-6) * step + step
            else:
                target = math.ceil(value / step - 1e-6) * step - step
            if row.key == "text_speed" and target > 200:
                target = INSTANT
            self.change(index, target)
        else:
            values = [v for v, _ in row.options]
            current = values.index(row.get()) if row.get() in values else 0
            self.change(index, values[max(0, min(len(values) - 1, current + direction))])

    def cycle(self, index: int) -> None:
        row = self.rows[index]
        if row.slider:
            return
        values = [v for v, _ in row.options]
        current = values.index(row.get()) if row.get() in values else 0
        self.change(index, values[(current + 1) % len(values)])

    # --- geometry (logical) ---

    def row_rect(self, index: int) -> pygame.Rect:
        return pygame.Rect(ROW_X, ROWS_Y + index * (ROW_H + ROW_GAP), ROW_W, ROW_H)

    def parts(self, index: int) -> list[tuple[str, int, pygame.Rect]]:
        """The clickable parts of a row: ("left"|"track"|"right", 0, rect) or ("option", i, rect)."""
        row, r = self.rows[index], self.row_rect(index)
        if row.slider:
            return [("left", 0, pygame.Rect(TRACK_X - ARROW_W - 10, r.y, ARROW_W, r.h)),
                    ("track", 0, pygame.Rect(TRACK_X - 4, r.y, TRACK_W + 8, r.h)),
                    ("right", 0, pygame.Rect(TRACK_X + TRACK_W + 10, r.y, ARROW_W, r.h))]
        count = len(row.options)
        width = (CHOICE_W - CHOICE_GAP * (count - 1)) / count
        return [("option", i, pygame.Rect(round(CHOICE_X + i * (width + CHOICE_GAP)), r.y + 5, round(width), r.h - 10))
                for i in range(count)]

    def row_at(self, pos: tuple[float, float]) -> int | None:
        for i in range(len(self.rows)):
            if self.row_rect(i).collidepoint(pos):
                return i
        return None

    def part_at(self, index: int, pos: tuple[float, float]) -> tuple[str, int] | None:
        for name, option, rect in self.parts(index):
            if rect.collidepoint(pos):
                return name, option
        return None

    def slide_to(self, index: int, x: float) -> None:
        row = self.rows[index]
        ratio = min(1.0, max(0.0, (x - TRACK_X) / TRACK_W))
        value = row.low + ratio * (row.high - row.low)
        value = round(value / row.fine) * row.fine
        if row.key == "text_speed":
            value = INSTANT if value > 200 else value
        self.change(index, value)

    # --- input ---

    def back(self) -> None:
        self.ctx.audio.play_sfx("ui_back")
        self.ctx.nav.pop()

    def handle(self, inp: Input) -> None:
        action, pos = inp.action, inp.pos
        if action in (Action.BACK, Action.MENU):
            self.back()
        elif action == Action.UP:
            self.focus = (self.focus - 1) % len(self.rows)
            self.ctx.audio.play_sfx("ui_move")
        elif action == Action.DOWN:
            self.focus = (self.focus + 1) % len(self.rows)
            self.ctx.audio.play_sfx("ui_move")
        elif action == Action.LEFT:
            self.nudge(self.focus, -1)
        elif action == Action.RIGHT:
            self.nudge(self.focus, 1)
        elif action == Action.CONFIRM:
            self.cycle(self.focus)
        elif action == Action.POINT and pos is not None:
            self.point(pos)
        elif action == Action.CLICK and pos is not None:
            self.click(pos)
        elif action in (Action.ROLLBACK, Action.ROLLFORWARD) and pos is not None:
            hit = self.row_at(pos)  # the wheel over a row changes it
            if hit is not None and self.rows[hit].slider:
                self.focus = hit
                self.nudge(hit, 1 if action == Action.ROLLBACK else -1)

    def point(self, pos: tuple[float, float]) -> None:
        self.hover_back = pygame.Rect(BACK).collidepoint(pos)
        if self.dragging is not None:
            if pygame.mouse.get_pressed()[0]:
                self.slide_to(self.dragging, pos[0])
                return
            self.dragging = None
        hit = self.row_at(pos)
        self.hover = None
        if hit is not None:
            self.focus = hit
            part = self.part_at(hit, pos)
            if part is not None:
                self.hover = (hit, *part)

    def click(self, pos: tuple[float, float]) -> None:
        if pygame.Rect(BACK).collidepoint(pos):
            self.back()
            return
        hit = self.row_at(pos)
        if hit is None:
            return
        self.focus = hit
        part = self.part_at(hit, pos)
        if part is None:
            return
        name, option = part
        if name == "left":
            self.nudge(hit, -1)
        elif name == "right":
            self.nudge(hit, 1)
        elif name == "track":
            self.slide_to(hit, pos[0])
            self.dragging = hit
        elif name == "option":
            self.change(hit, self.rows[hit].options[option][0])

    # --- drawing ---

    def draw(self, surface: pygame.Surface) -> None:
        view, res = self.ctx.view, self.ctx.resources
        lang = self.ctx.language
        self.backdrop.draw(surface)
        box = view.rect(*BOX)
        surface.blit(panel(self.ctx, box.size, 236), box)
        head = res.text(tr("settings", lang), view.px(30), TEXT, bold=True)
        surface.blit(head, head.get_rect(midleft=view.point(LABEL_X - 16, BACK[1] + BACK[3] / 2)))
        self.draw_back(surface)
        for i in range(len(self.rows)):
            self.draw_row(surface, i)
        hint = res.text(tr("hint_settings", lang), view.px(16), TEXT_DIM)
        surface.blit(hint, hint.get_rect(midleft=view.point(LABEL_X - 16, BOX[1] + BOX[3] - 26)))

    def draw_row(self, surface: pygame.Surface, index: int) -> None:
        view, res = self.ctx.view, self.ctx.resources
        row, r = self.rows[index], self.row_rect(index)
        focused = index == self.focus
        if focused:
            draw_focus_row(self.ctx, surface, r, inset=12)
        label = res.text(tr(row.key, self.ctx.language), view.px(21), TEXT if focused else (214, 220, 232))
        surface.blit(label, label.get_rect(midleft=view.point(LABEL_X, r.centery)))
        if row.slider:
            self.draw_slider(surface, index, row, r, focused)
        else:
            self.draw_choice(surface, index, row, focused)

    def draw_arrow(self, surface: pygame.Surface, rect: pygame.Rect, direction: int, lit: bool) -> None:
        view = self.ctx.view
        c = view.rect(*rect).center
        s = view.px(7)
        color = TEXT if lit else TEXT_DIM
        points = [(c[0] - direction * s * 0.6, c[1] - s), (c[0] + direction * s * 0.8, c[1]),
                  (c[0] - direction * s * 0.6, c[1] + s)]
        pygame.draw.polygon(surface, color, points)

    def draw_slider(self, surface: pygame.Surface, index: int, row: Row, r: pygame.Rect, focused: bool) -> None:
        view, res = self.ctx.view, self.ctx.resources
        parts = {name: rect for name, _, rect in self.parts(index)}
        hover = self.hover[1] if self.hover and self.hover[0] == index else None
        self.draw_arrow(surface, parts["left"], -1, hover == "left")
        self.draw_arrow(surface, parts["right"], 1, hover == "right")
        value = float(row.get())
        ratio = (value - row.low) / (row.high - row.low)
        track = view.rect(TRACK_X, r.centery - 3, TRACK_W, 6)
        pygame.draw.rect(surface, (48, 56, 82), track, border_radius=track.h // 2)
        filled = track.copy()
        filled.width = max(track.h, round(track.width * ratio))
        pygame.draw.rect(surface, BLUE if focused else (120, 160, 200), filled, border_radius=track.h // 2)
        if row.key == "text_speed":  # where "instant" begins
            tick = view.point(TRACK_X + TRACK_W * (200 - row.low) / (row.high - row.low), r.centery)
            pygame.draw.line(surface, TEXT_DIM, (tick[0], tick[1] - view.px(9)), (tick[0], tick[1] + view.px(9)),
                             max(1, view.px(1)))
        knob = view.point(TRACK_X + TRACK_W * ratio, r.centery)
        radius = view.px(10 if focused else 8)
        if focused:
            pygame.draw.circle(surface, (*BLUE, 255), knob, radius + max(1, view.px(3)))
        pygame.draw.circle(surface, TEXT, knob, radius)
        show = row.show(value) if row.show else f"{value:g}"
        label = res.text(show, view.px(19), TEXT if focused else TEXT_DIM)
        surface.blit(label, label.get_rect(midleft=view.point(VALUE_X, r.centery)))

    def draw_choice(self, surface: pygame.Surface, index: int, row: Row, focused: bool) -> None:
        view, res = self.ctx.view, self.ctx.resources
        current = row.get()
        hover = self.hover if self.hover and self.hover[0] == index else None
        for (value, label_of), (_, option, rect) in zip(row.options, self.parts(index)):
            box = view.rect(*rect)
            chosen = value == current
            hovered = hover is not None and hover[2] == option
            surface.blit(panel(self.ctx, box.size, 235 if chosen else 120, picture="segment"), box)
            if chosen:
                pygame.draw.rect(surface, BLUE if focused else (120, 160, 200), box, width=max(1, view.px(2)),
                                 border_radius=box.h // 2)
            elif hovered:
                pygame.draw.rect(surface, TEXT_DIM, box, width=1, border_radius=box.h // 2)
            color = TEXT if chosen or hovered else TEXT_DIM
            label = res.text(label_of(), view.px(19), color, bold=chosen)
            surface.blit(label, label.get_rect(center=box.center))

    def draw_back(self, surface: pygame.Surface) -> None:
        draw_back_button(self.ctx, surface, BACK, self.hover_back)
