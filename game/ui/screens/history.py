"""The history (backlog): every line so far, newest at the bottom, and a way back to any of them.

Names are in their character's colour, narration has none.  Arrows move from
line to line, the wheel and PageUp / PageDown scroll, Enter or a click goes
back to that line in the story (rolling back to it), Esc / H / right click close.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

import pygame

from game.layout import BACKLOG_TEXT_PX
from game.layout.wrap import wrap
from game.story import model as m

from ..backdrop import Backdrop
from ..input import Action, Input
from ..strings import tr
from ..view import HEIGHT, WIDTH
from ..widgets import AMBER, BLUE, TEXT, TEXT_DIM, draw_back_button, hex_color, panel
from .base import Screen

if TYPE_CHECKING:
    from ..context import Context
    from ..ports import HistoryGame

BOX = (110, 20, WIDTH - 220, HEIGHT - 40)
AREA = (130, 92, WIDTH - 260, 548)  # the scrolling list
NAME_X, NAME_W = 150, 170
TEXT_X = NAME_X + NAME_W + 28
TEXT_W = AREA[0] + AREA[2] - 36 - TEXT_X
LINE = 1.45
PAD_Y, GAP = 9, 4
WHEEL = 96
BACK = (BOX[0] + BOX[2] - 40 - 130, 36, 130, 38)


@dataclass
class Entry:
    index: int  # the stop's place in the game's history (what jump_to takes)
    line: m.Line
    name: str | None
    color: tuple[int, int, int]
    rows: list[str]
    top: float = 0.0  # logical, from the top of the list
    height: float = 0.0


class HistoryScreen(Screen):

    def __init__(self, ctx: Context, game: HistoryGame) -> None:
        super().__init__(ctx)
        self.game = game
        self.lines = game.lines()
        self.entries: list[Entry] = []
        self._layout_key: tuple[object, ...] = ()
        self._highlights: dict[tuple[int, int, bool], pygame.Surface] = {}
        self.hover_back = False
        self.backdrop = Backdrop(self, darken=0.45)
        self.layout()
        self.focus = len(self.entries) - 1
        self.scroll = self.newest_view()

    # --- layout ---

    def size(self) -> int:
        return BACKLOG_TEXT_PX.get(self.ctx.settings.text_size, BACKLOG_TEXT_PX["medium"])

    def layout(self) -> None:
        """Wrap every line once per language, text size and window size."""
        key = (self.ctx.language, self.ctx.settings.text_size, self.ctx.view.scale)
        if key == self._layout_key:
            return
        old_ratio = self.scroll / max(1.0, self.max_scroll()) if self.entries else 1.0
        self._layout_key = key
        view, res, lang = self.ctx.view, self.ctx.resources, self.ctx.language
        story = self.game.story
        font = res.font(view.px(self.size()))
        width = view.px(TEXT_W)
        entries: list[Entry] = []
        top = 0.0
        for index, line in self.lines:
            name, color = None, TEXT
            if line.speaker != m.NARRATOR and line.speaker in story.characters:
                character = story.characters[line.speaker]
                name, color = character.name.get(lang), hex_color(character.color)
            rows = wrap(line.text.get(lang), lambda s: font.size(s)[0], width) or [""]
            height = len(rows) * self.size() * LINE + 2 * PAD_Y
            entries.append(Entry(index, line, name, color, rows, top, height))
            top += height + GAP
        self.entries = entries
        if hasattr(self, "scroll"):
            self.scroll = old_ratio * self.max_scroll()

    def total(self) -> float:
        return self.entries[-1].top + self.entries[-1].height if self.entries else 0.0

    def newest_view(self) -> float:
        """The scroll that shows the newest lines with the top entry whole (never cut by the area's edge)."""
        bottom = self.total()
        fitting = [e.top for e in self.entries if bottom - e.top <= AREA[3]]
        return min(fitting) if fitting else self.max_scroll()

    def max_scroll(self) -> float:
        return max(0.0, self.total() - AREA[3])

    def clamp(self) -> None:
        self.scroll = min(max(0.0, self.scroll), self.max_scroll())

    def reveal(self, index: int) -> None:
        """Scroll so that entry ``index`` is wholly visible."""
        if not 0 <= index < len(self.entries):
            return
        entry = self.entries[index]
        if entry.top < self.scroll:
            self.scroll = entry.top
        elif entry.top + entry.height > self.scroll + AREA[3]:
            self.scroll = entry.top + entry.height - AREA[3]
        self.clamp()

    def offset(self) -> float:
        """Where the list starts in the area: a short history sits at the bottom, by the game's text box."""
        return max(0.0, AREA[3] - self.total())

    def entry_at(self, pos: tuple[float, float]) -> int | None:
        x, y = pos
        if not pygame.Rect(AREA).collidepoint(x, y):
            return None
        at = y - AREA[1] - self.offset() + self.scroll
        for i, entry in enumerate(self.entries):
            if entry.top <= at < entry.top + entry.height:
                return i
        return None

    def visible(self) -> range:
        first = next((i for i, e in enumerate(self.entries) if e.top + e.height > self.scroll), len(self.entries))
        last = first
        while last < len(self.entries) and self.entries[last].top < self.scroll + AREA[3]:
            last += 1
        return range(first, last)

    # --- actions ---

    def move(self, step: int) -> None:
        if not self.entries:
            return
        focus = max(0, min(len(self.entries) - 1, self.focus + step))
        if focus != self.focus:
            self.focus = focus
            self.ctx.audio.play_sfx("ui_move")
        self.reveal(self.focus)

    def page(self, step: int) -> None:
        """PageUp / PageDown: a screenful, the focus following to the first / last whole line."""
        self.scroll += step * AREA[3] * 0.9
        self.clamp()
        shown = [i for i in self.visible()
                 if self.entries[i].top >= self.scroll - 1
                 and self.entries[i].top + self.entries[i].height <= self.scroll + AREA[3] + 1]
        if shown:
            self.focus = shown[0] if step < 0 else shown[-1]
        elif self.visible():
            self.focus = self.visible()[0]

    def jump(self, index: int) -> None:
        if not 0 <= index < len(self.entries):
            return
        self.ctx.audio.play_sfx("ui_select")
        if index < len(self.entries) - 1:
            self.game.jump_to(self.entries[index].index)  # back in the game, the screens above it closed
        else:
            self.game.return_to_game()  # the line on screen now: close the history (and a menu under it)

    def back(self) -> None:
        self.ctx.audio.play_sfx("ui_back")
        self.ctx.nav.pop()

    # --- input ---

    def handle(self, inp: Input) -> None:
        action, pos = inp.action, inp.pos
        if action in (Action.BACK, Action.MENU, Action.HISTORY):
            self.back()
        elif action == Action.UP:
            self.move(-1)
        elif action == Action.DOWN:
            self.move(1)
        elif action in (Action.ROLLBACK, Action.ROLLFORWARD):
            step = -1 if action == Action.ROLLBACK else 1
            if pos is None:  # PageUp / PageDown / shoulder buttons
                self.page(step)
            else:  # the wheel
                self.scroll += step * WHEEL
                self.clamp()
                hit = self.entry_at(pos)
                if hit is not None:
                    self.focus = hit
        elif action == Action.CONFIRM:
            self.jump(self.focus)
        elif action == Action.POINT and pos is not None:
            hit = self.entry_at(pos)
            if hit is not None:
                self.focus = hit
            self.hover_back = pygame.Rect(BACK).collidepoint(pos)
        elif action == Action.CLICK and pos is not None:
            if pygame.Rect(BACK).collidepoint(pos):
                self.back()
                return
            hit = self.entry_at(pos)
            if hit is not None:
                self.focus = hit
                self.jump(hit)

    # --- drawing ---

    def highlight(self, size: tuple[int, int], current: bool) -> pygame.Surface:
        key = (size[0], size[1], current)
        surface = self._highlights.get(key)
        if surface is None:
            surface = pygame.Surface(size, pygame.SRCALPHA)
            radius = self.ctx.view.px(10)
            pygame.draw.rect(surface, (*BLUE, 34), surface.get_rect(), border_radius=radius)
            pygame.draw.rect(surface, (*BLUE, 150), surface.get_rect(), width=1, border_radius=radius)
            self._highlights[key] = surface
        return surface

    def draw(self, surface: pygame.Surface) -> None:
        view, res = self.ctx.view, self.ctx.resources
        self.layout()
        lang = self.ctx.language
        self.backdrop.draw(surface)
        box = view.rect(*BOX)
        surface.blit(panel(self.ctx, box.size, 236), box)
        head = res.text(tr("history", lang), view.px(30), TEXT, bold=True)
        surface.blit(head, head.get_rect(midleft=view.point(NAME_X, BACK[1] + BACK[3] / 2)))
        self.draw_back(surface)
        area = view.rect(*AREA)
        if not self.entries:
            empty = res.text(tr("history_empty", lang), view.px(22), TEXT_DIM)
            surface.blit(empty, empty.get_rect(center=area.center))
        else:
            self.draw_entries(surface, area)
            self.draw_scrollbar(surface)
        hint = res.text(tr("hint_history", lang), view.px(16), TEXT_DIM)
        surface.blit(hint, hint.get_rect(midleft=view.point(NAME_X, AREA[1] + AREA[3] + 28)))

    def draw_entries(self, surface: pygame.Surface, area: pygame.Rect) -> None:
        view, res = self.ctx.view, self.ctx.resources
        size = view.px(self.size())
        step = self.size() * LINE
        clip = surface.get_clip()
        surface.set_clip(area.clip(clip) if clip else area)
        last = len(self.entries) - 1
        for i in self.visible():
            entry = self.entries[i]
            y = AREA[1] + self.offset() + entry.top - self.scroll
            if i == self.focus:
                rect = view.rect(AREA[0], y, AREA[2] - 20, entry.height)
                surface.blit(self.highlight(rect.size, i == last), rect)
            if i == last:  # the line on screen now
                dot = view.point(AREA[0] + 10, y + PAD_Y + step / 2)
                pygame.draw.circle(surface, AMBER, dot, max(2, view.px(4)))
            if entry.name:
                name = res.text(entry.name, size, entry.color, bold=True)
                limit = view.px(NAME_W)
                clip_rect = pygame.Rect(0, 0, min(limit, name.get_width()), name.get_height())
                x = view.px(NAME_X + NAME_W) - clip_rect.w
                surface.blit(name, (x, view.px(y + PAD_Y)), clip_rect)
            row_y = y + PAD_Y
            for row in entry.rows:
                label = res.text(row, size, TEXT)
                surface.blit(label, view.point(TEXT_X, row_y))
                row_y += step
        surface.set_clip(clip)

    def draw_scrollbar(self, surface: pygame.Surface) -> None:
        total = self.total()
        if total <= AREA[3]:
            return
        view = self.ctx.view
        track = view.rect(AREA[0] + AREA[2] - 8, AREA[1], 4, AREA[3])
        pygame.draw.rect(surface, (44, 50, 72), track, border_radius=track.w // 2)
        length = max(30.0, AREA[3] * AREA[3] / total)
        top = AREA[1] + (AREA[3] - length) * (self.scroll / max(1.0, self.max_scroll()))
        thumb = view.rect(AREA[0] + AREA[2] - 8, top, 4, length)
        pygame.draw.rect(surface, TEXT_DIM, thumb, border_radius=thumb.w // 2)

    def draw_back(self, surface: pygame.Surface) -> None:
        draw_back_button(self.ctx, surface, BACK, self.hover_back)
