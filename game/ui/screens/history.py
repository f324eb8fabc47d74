"""The history (backlog): every line so far, newest at the bottom, and a way back to any of them.

Names are in their character's colour, narration has none.  Arrows move from
line to line, the wheel and PageUp / PageDown scroll, Enter or a click goes
back to that line in the story (rolling back to it), Esc / H / right click close.

Search: Ctrl+F or a click on the field, then type; pad Y or the field's keyboard
button opens the on-screen keyboard (screens/keyboard.py); only the lines holding the words stay, the words
lit, in the language the player reads (``game.play.backlog``).  The speaker
chip (click, A or pad X) keeps one speaker's lines; "back to the last choice"
(Home, the button, pad left stick) returns to the last choice to choose again.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import pygame

from game.layout import BACKLOG_TEXT_PX
from game.layout.wrap import wrap
from game.play.backlog import MAX_QUERY, matches, search, speakers
from game.story import model as m

from ..backdrop import Backdrop
from ..input import Action, Input
from ..strings import tr
from ..view import HEIGHT, WIDTH
from ..widgets import AMBER, BLUE, TEXT, TEXT_DIM, draw_back_button, hex_color, panel
from . import keyboard
from .backlog_list import BacklogList, Entry
from .base import Screen
from .history_access import history_tree

if TYPE_CHECKING:
    from ..access.tree import Node
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
SEARCH = (300, 36, 300, 38)  # the search field
SPEAKER = (612, 36, 180, 38)  # the speaker filter
LAST = (804, 36, 180, 38)  # back to the last choice
KEYS = (SEARCH[0] + SEARCH[2] - 46, SEARCH[1] + 3, 42, SEARCH[3] - 6)  # in the field: the on-screen keyboard


class HistoryScreen(Screen):

    def __init__(self, ctx: Context, game: HistoryGame) -> None:
        super().__init__(ctx)
        self.game = game
        self.lines = game.lines()
        self.query = ""
        self.typing = False  # the search field has the keys
        self.speaker: str | None = None  # a character id or "narrator"; None: everyone
        self.backlog = BacklogList(AREA[3])
        self._layout_key: tuple[object, ...] = ()
        self._highlights: dict[tuple[int, int, bool], pygame.Surface] = {}
        self.hover_back = False
        self.hover: str | None = None  # the header control under the pointer
        self.backdrop = Backdrop(self, darken=0.45)
        self.layout()
        self.backlog.show_newest()

    # --- layout ---

    def size(self) -> int:
        return BACKLOG_TEXT_PX.get(self.ctx.settings.text_size, BACKLOG_TEXT_PX["medium"])

    def layout(self) -> None:
        """Wrap every line kept by the search once per language, text size, window size and search."""
        key = (self.ctx.language, self.ctx.settings.text_size, self.ctx.view.scale, self.query, self.speaker)
        if key == self._layout_key:
            return
        self._layout_key = key
        view, res, lang = self.ctx.view, self.ctx.resources, self.ctx.language
        story = self.game.story
        font = res.font(view.px(self.size()))
        width = view.px(TEXT_W)
        entries: list[Entry] = []
        top = 0.0
        for index, line in search(self.lines, lang, self.query, self.speaker):
            name, color = None, TEXT
            if line.speaker != m.NARRATOR and line.speaker in story.characters:
                character = story.characters[line.speaker]
                name, color = character.name.get(lang), hex_color(character.color)
            rows = wrap(line.text.get(lang), lambda s: font.size(s)[0], width) or [""]
            height = len(rows) * self.size() * LINE + 2 * PAD_Y
            entries.append(Entry(index, line, name, color, rows, top, height))
            top += height + GAP
        self.backlog.replace(entries)

    def entry_at(self, pos: tuple[float, float]) -> int | None:
        if not pygame.Rect(AREA).collidepoint(pos):
            return None
        return self.backlog.index_at(pos[1] - AREA[1])

    # --- actions ---

    def move(self, step: int) -> None:
        if self.backlog.move(step):
            self.ctx.audio.play_sfx("ui_move")

    def jump(self, index: int) -> None:
        if not 0 <= index < len(self.backlog.entries):
            return
        self.ctx.audio.play_sfx("ui_select")
        self.end_typing()
        if self.backlog.entries[index].index != self.lines[-1][0]:
            self.game.jump_to(self.backlog.entries[index].index)  # back in the game, the screens above it closed
        else:
            self.game.return_to_game()  # the line on screen now: close the history (and a menu under it)

    def back(self) -> None:
        self.ctx.audio.play_sfx("ui_back")
        self.end_typing()
        self.ctx.nav.pop()

    def back_to_last_choice(self) -> None:
        index = self.game.last_choice()
        if index is None:
            self.ctx.audio.play_sfx("ui_error")
            self.ctx.notify(tr("no_last_choice", self.ctx.language))
            return
        self.ctx.audio.play_sfx("ui_select")
        self.end_typing()
        self.game.jump_to(index)

    # --- search ---

    def start_typing(self) -> None:
        self.typing = self.ctx.typing = True
        pygame.key.start_text_input()  # (a Steam Deck opens its keyboard)

    def end_typing(self) -> None:
        if self.typing:
            pygame.key.stop_text_input()
        self.typing = self.ctx.typing = False

    def open_keyboard(self, device: str = "pad") -> None:
        """The on-screen keyboard under the search field (a pad, or the field's keyboard button)."""
        self.end_typing()
        self.ctx.audio.play_sfx("ui_select")
        self.ctx.nav.push(keyboard.KeyboardScreen(self.ctx, self.query, self.set_query, below=SEARCH, device=device))

    def set_query(self, query: str) -> None:
        self.query = query[:MAX_QUERY]
        self.refilter()

    def cycle_speaker(self) -> None:
        """Everyone, then each speaker of the history in the order they first speak, then everyone again."""
        choices: list[str | None] = [None, *speakers(self.lines)]
        self.speaker = choices[(choices.index(self.speaker) + 1) % len(choices)]
        self.ctx.audio.play_sfx("ui_move")
        self.refilter()

    def refilter(self) -> None:
        self.layout()
        self.backlog.show_newest()

    def speaker_label(self) -> str:
        lang = self.ctx.language
        story = self.game.story
        if self.speaker is None:
            return tr("speaker_all", lang)
        if self.speaker in story.characters:
            return story.characters[self.speaker].name.get(lang)
        return tr("speaker_narrator", lang)

    def leave(self) -> None:
        self.end_typing()

    def pause(self) -> None:
        self.end_typing()

    def access(self) -> Node:
        return history_tree(self)

    # --- input ---

    def handle(self, inp: Input) -> None:
        action, pos = inp.action, inp.pos
        if self.typing and self.type(inp):
            return
        if action in (Action.BACK, Action.MENU, Action.HISTORY):
            self.back()
        elif action in (Action.SEARCH, Action.SKIP) and inp.device == "pad":
            self.open_keyboard()  # no keys to type with: the on-screen keyboard
        elif action in (Action.SEARCH, Action.SKIP):
            self.start_typing()
        elif action == Action.AUTO:
            self.cycle_speaker()
        elif action == Action.LAST_CHOICE:
            self.back_to_last_choice()
        elif action == Action.UP:
            self.move(-1)
        elif action == Action.DOWN:
            self.move(1)
        elif action in (Action.ROLLBACK, Action.ROLLFORWARD):
            step = -1 if action == Action.ROLLBACK else 1
            if pos is None:  # PageUp / PageDown / shoulder buttons
                self.backlog.page(step)
            else:  # the wheel
                self.backlog.scroll_by(step * WHEEL)
                hit = self.entry_at(pos)
                if hit is not None:
                    self.backlog.focus = hit
        elif action == Action.CONFIRM:
            self.jump(self.backlog.focus)
        elif action == Action.POINT and pos is not None:
            hit = self.entry_at(pos)
            if hit is not None:
                self.backlog.focus = hit
            self.hover_back = pygame.Rect(BACK).collidepoint(pos)
            boxes = (("keys", KEYS), ("search", SEARCH), ("speaker", SPEAKER), ("last", LAST))
            self.hover = next((name for name, box in boxes
                               if pygame.Rect(box).collidepoint(pos)), None)
        elif action == Action.CLICK and pos is not None:
            if pygame.Rect(BACK).collidepoint(pos):
                self.back()
                return
            if self.click_header(pos):
                return
            hit = self.entry_at(pos)
            if hit is not None:
                self.backlog.focus = hit
                self.jump(hit)

    def type(self, inp: Input) -> bool:
        """Input while the search field has the keys; False when it is not the field's to use."""
        action = inp.action
        if action == Action.TEXT:
            self.set_query(self.query + inp.text)
        elif action == Action.DELETE:
            self.set_query(self.query[:-1])
        elif action in (Action.BACK, Action.MENU, Action.SEARCH):
            self.end_typing()  # the words stay; Esc again closes the history
        else:
            return False
        return True

    def click_header(self, pos: tuple[float, float]) -> bool:
        if pygame.Rect(KEYS).collidepoint(pos):
            self.open_keyboard("mouse")
        elif pygame.Rect(SEARCH).collidepoint(pos):
            self.start_typing()
        elif pygame.Rect(SPEAKER).collidepoint(pos):
            self.cycle_speaker()
        elif pygame.Rect(LAST).collidepoint(pos):
            self.back_to_last_choice()
        else:
            if self.typing:
                self.end_typing()
            return False
        return True

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
        self.draw_header(surface)
        area = view.rect(*AREA)
        if not self.backlog.entries:
            words = "search_none" if self.lines and (self.query or self.speaker) else "history_empty"
            empty = res.text(tr(words, lang), view.px(22), TEXT_DIM)
            surface.blit(empty, empty.get_rect(center=area.center))
        else:
            self.draw_entries(surface, area)
            self.draw_scrollbar(surface)
        hint = res.text(tr("hint_history_search" if self.typing else "hint_history", lang), view.px(16), TEXT_DIM)
        surface.blit(hint, hint.get_rect(midleft=view.point(NAME_X, AREA[1] + AREA[3] + 28)))

    def draw_entries(self, surface: pygame.Surface, area: pygame.Rect) -> None:
        view, res = self.ctx.view, self.ctx.resources
        size = view.px(self.size())
        step = self.size() * LINE
        clip = surface.get_clip()
        surface.set_clip(area.clip(clip) if clip else area)
        last = len(self.backlog.entries) - 1
        for i in self.backlog.visible():
            entry = self.backlog.entries[i]
            y = AREA[1] + self.backlog.offset() + entry.top - self.backlog.scroll
            if i == self.backlog.focus:
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
                at = view.point(TEXT_X, row_y)
                self.draw_matches(surface, row, at, size)
                surface.blit(label, at)
                row_y += step
        surface.set_clip(clip)

    def draw_matches(self, surface: pygame.Surface, row: str, at: tuple[int, int], size: int) -> None:
        """The searched words lit behind the text of ``row``."""
        font = self.ctx.resources.font(size)
        for start, end in matches(row, self.query):
            left = font.size(row[:start])[0]
            lit = pygame.Surface((font.size(row[start:end])[0] + 4, font.get_height()), pygame.SRCALPHA)
            pygame.draw.rect(lit, (*AMBER, 110), lit.get_rect(), border_radius=4)
            surface.blit(lit, (at[0] + left - 2, at[1]))

    def draw_header(self, surface: pygame.Surface) -> None:
        """The search field, the speaker filter and back to the last choice."""
        view, res, lang = self.ctx.view, self.ctx.resources, self.ctx.language
        field = view.rect(*SEARCH)
        lit = self.typing or self.hover in ("search", "keys")
        surface.blit(panel(self.ctx, field.size, 230 if lit else 150), field)
        if self.typing:
            pygame.draw.rect(surface, BLUE, field, width=max(1, view.px(2)), border_radius=field.h // 2)
        words = self.query or tr("search_prompt" if self.typing else "search", lang)
        label = res.text(words, view.px(18), TEXT if self.query else TEXT_DIM)
        clip = pygame.Rect(0, 0, min(label.get_width(), field.w - view.px(44 + KEYS[2])), label.get_height())
        keyboard.draw_keyboard_icon(surface, view.rect(*KEYS), TEXT if self.hover == "keys" else TEXT_DIM, view.px(2))
        left = field.x + view.px(34)
        surface.blit(label, label.get_rect(midleft=(left, field.centery)), clip)
        pygame.draw.circle(surface, TEXT_DIM, (field.x + view.px(18), field.centery - view.px(2)), view.px(6),
                           max(1, view.px(2)))
        pygame.draw.line(surface, TEXT_DIM, (field.x + view.px(22), field.centery + view.px(2)),
                         (field.x + view.px(27), field.centery + view.px(7)), max(1, view.px(2)))
        if self.typing:  # the caret (steady: a blink would keep the loop drawing)
            x = left + clip.w + view.px(2)
            pygame.draw.line(surface, TEXT, (x, field.centery - view.px(10)), (x, field.centery + view.px(10)),
                             max(1, view.px(2)))
        for name, box, text in (("speaker", SPEAKER, self.speaker_label()), ("last", LAST, tr("back_to_choice", lang))):
            rect = view.rect(*box)
            surface.blit(panel(self.ctx, rect.size, 220 if self.hover == name else 150), rect)
            color = AMBER if name == "speaker" and self.speaker is not None else TEXT if self.hover == name else TEXT_DIM
            label = res.text(text, view.px(16), color)
            surface.blit(label, label.get_rect(center=rect.center),
                         pygame.Rect(0, 0, min(label.get_width(), rect.w - view.px(16)), label.get_height()))

    def draw_scrollbar(self, surface: pygame.Surface) -> None:
        total = self.backlog.total()
        if total <= AREA[3]:
            return
        view = self.ctx.view
        track = view.rect(AREA[0] + AREA[2] - 8, AREA[1], 4, AREA[3])
        pygame.draw.rect(surface, (44, 50, 72), track, border_radius=track.w // 2)
        length = max(30.0, AREA[3] * AREA[3] / total)
        top = AREA[1] + (AREA[3] - length) * (self.backlog.scroll / max(1.0, self.backlog.max_scroll()))
        thumb = view.rect(AREA[0] + AREA[2] - 8, top, 4, length)
        pygame.draw.rect(surface, TEXT_DIM, thumb, border_radius=thumb.w // 2)

    def draw_back(self, surface: pygame.Surface) -> None:
        draw_back_button(self.ctx, surface, BACK, self.hover_back)
