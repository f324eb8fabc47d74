"""Save and load: 30 numbered slots in pages of six cards, the quick save, and the autosaves.

Each card shows the game's picture at the moment of saving, when it was saved,
the scene's title and the first words of the line, in the current language.  A
slot whose file cannot be used says why on its card; it cannot be loaded, but
saving over it is allowed (the store keeps the unusable file aside first).

Keyboard: arrows move between cards (left / right at the edge of a row turn
the page, up from the top row reaches the page tabs), Enter saves or loads,
Backspace or Delete deletes (after asking), Esc goes back.  Mouse: hover,
click, the wheel turns pages, a click on the small x deletes, right click goes
back.  Pad: the same through the d-pad, A, B, Y (delete), LB / RB (pages).
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from typing import TYPE_CHECKING, Literal

import pygame

from game.persist import saves
from game.persist.saves import SaveData, SlotInfo

from ..backdrop import Backdrop
from ..input import Action, Input
from ..strings import tr
from ..widgets import BLUE, TEXT, TEXT_DIM, draw_back_button, panel
from .base import Screen
from .confirm import ConfirmScreen
from .save_cards import CARD_H, CARD_W, PAD, CardPainter, error_text

if TYPE_CHECKING:
    from ..context import Context
    from ..ports import SaveGame

log = logging.getLogger(__name__)

Mode = Literal["save", "load"]
PER_PAGE = 6
COLS = 3
NUMBERED_PAGES = 5
GRID_X, GRID_Y = 64, 100
GAP_X, GAP_Y = 24, 16
TAB_X, TAB_Y, TAB_H = 250, 36, 42  # the tabs follow the heading; notices use the top right
TAB_WIDTHS = {"auto": 96, "quick": 120}
NUMBER_TAB_W = 54
TAB_GAP = 8
BACK = (1216 - 140, 672, 140, 36)
DELETE_SIZE = 34


@dataclass(frozen=True)
class Page:
    kind: str  # "auto" | "quick" | "numbered"
    number: int  # numbered: 1..5; auto: 1.. (ten autosaves fill two pages)

    @property
    def tab(self) -> str:
        return str(self.number) if self.kind == "numbered" else self.kind


class SaveLoadScreen(Screen):

    def __init__(self, ctx: Context, mode: Mode, game: SaveGame) -> None:
        super().__init__(ctx)
        if mode == "save" and not game.in_progress:
            raise ValueError("saving needs a game in progress")
        self.mode: Mode = mode
        self.game = game
        self.pages: list[Page] = []
        self.cards: list[SlotInfo] = []
        self.autosaves: list[SlotInfo] = []
        self.page = Page("numbered", 1)
        self.focus = 0  # a card index, or -1: the tab row
        self.hover_tab: str | None = None
        self.hover_delete = False
        self.hover_back = False
        self.painter = CardPainter(ctx)
        self.backdrop = Backdrop(self)
        self.refresh()
        self.page, self.focus = self.initial_place()
        self.refresh()

    # --- pages and slots ---

    def initial_place(self) -> tuple[Page, int]:
        if self.mode == "save":  # where the player saved last time
            kind, number, focus = self.ctx.save_place or ("numbered", 1, 0)
            page = Page(kind, number)
            return (page, focus) if page in self.pages else (Page("numbered", 1), 0)
        # loading starts at the newest save
        newest = self.ctx.saves.newest()
        if newest is None:
            return Page("numbered", 1), 0
        slot = newest.slot
        if slot == saves.QUICK:
            return Page("quick", 1), 0
        if slot.startswith(saves.AUTOSAVE_PREFIX):
            for i, info in enumerate(self.autosaves):
                if info.slot == slot:
                    return Page("auto", i // PER_PAGE + 1), i % PER_PAGE
            return Page("auto", 1), 0
        if slot.isdigit() and 1 <= int(slot) <= NUMBERED_PAGES * PER_PAGE:
            n = int(slot) - 1
            return Page("numbered", n // PER_PAGE + 1), n % PER_PAGE
        return Page("numbered", 1), 0

    def refresh(self) -> None:
        """Read the slots again (after opening, saving, deleting or turning the page)."""
        store = self.ctx.saves
        pages: list[Page] = []
        if self.mode == "load":
            ring = store.autosave_slots()
            used = sorted((i for i in ring if i.data is not None), key=lambda i: i.data.saved_at,  # type: ignore
                          reverse=True) + [i for i in ring if i.error is not None]
            self.autosaves = used or [ring[0]]
            count = (len(self.autosaves) + PER_PAGE - 1) // PER_PAGE
            pages += [Page("auto", n) for n in range(1, count + 1)]
        pages.append(Page("quick", 1))
        pages += [Page("numbered", n) for n in range(1, NUMBERED_PAGES + 1)]
        self.pages = pages
        if self.page not in pages:
            same = [p for p in pages if p.kind == self.page.kind]
            self.page = same[-1] if same else pages[0]
        if self.page.kind == "auto":
            start = (self.page.number - 1) * PER_PAGE
            self.cards = self.autosaves[start:start + PER_PAGE]
        elif self.page.kind == "quick":
            self.cards = [store.info(saves.QUICK)]
        else:
            self.cards = store.numbered_slots(self.page.number, PER_PAGE)
        self.focus = min(self.focus, len(self.cards) - 1)
        self.painter.keep_only({info.slot for info in self.cards})

    def go_to(self, page: Page, focus: int | None = None) -> None:
        if page != self.page:
            self.ctx.audio.play_sfx("ui_move")
        self.page = page
        if focus is not None:
            self.focus = focus
        self.refresh()

    def turn(self, step: int, focus: int | None = None) -> None:
        index = self.pages.index(self.page) if self.page in self.pages else 0
        self.go_to(self.pages[(index + step) % len(self.pages)], focus)

    def tabs(self) -> list[tuple[str, pygame.Rect]]:
        """The page tabs, on the heading's line after it (logical rectangles)."""
        names = (["auto"] if self.mode == "load" else []) + ["quick"] + [str(n) for n in range(1, NUMBERED_PAGES + 1)]
        widths = [TAB_WIDTHS.get(name, NUMBER_TAB_W) for name in names]
        x = TAB_X
        result = []
        for name, w in zip(names, widths):
            result.append((name, pygame.Rect(x, TAB_Y, w, TAB_H)))
            x += w + TAB_GAP
        return result

    def tab_label(self, name: str) -> str:
        lang = self.ctx.language
        return tr("tab_auto", lang) if name == "auto" else tr("tab_quick", lang) if name == "quick" else name

    def open_tab(self, name: str) -> None:
        page = next(p for p in self.pages if p.tab == name)
        self.go_to(page, 0 if self.focus >= 0 else -1)

    def card_rect(self, index: int) -> pygame.Rect:
        row, col = divmod(index, COLS)
        return pygame.Rect(GRID_X + col * (CARD_W + GAP_X), GRID_Y + row * (CARD_H + GAP_Y), CARD_W, CARD_H)

    def delete_rect(self, index: int) -> pygame.Rect:
        card = self.card_rect(index)
        return pygame.Rect(card.right - PAD - 8 - DELETE_SIZE, card.y + PAD + 8, DELETE_SIZE, DELETE_SIZE)

    def deletable(self, index: int) -> bool:
        return 0 <= index < len(self.cards) and not self.cards[index].empty

    # --- what a card says ---

    # --- actions ---

    def activate(self, index: int) -> None:
        if not 0 <= index < len(self.cards):
            return
        info = self.cards[index]
        lang = self.ctx.language
        if self.mode == "save":
            if info.empty:
                self.save(info.slot)
            else:
                self.ctx.audio.play_sfx("ui_select")
                self.ctx.nav.push(ConfirmScreen(self.ctx, tr("overwrite_confirm", lang), lambda: self.save(info.slot)))
            return
        if info.data is None:
            self.ctx.audio.play_sfx("ui_error")
            if info.error is not None:
                self.ctx.notify(error_text(info.error, lang), 4.0)
            return
        data = info.data
        self.ctx.audio.play_sfx("ui_select")
        if self.game.in_progress:
            self.ctx.nav.push(ConfirmScreen(self.ctx, tr("load_confirm", lang), lambda: self.load(data)))
        else:
            self.load(data)

    def save(self, slot: str) -> None:
        data = self.game.make_save(slot)
        try:
            self.ctx.saves.write(data)
        except OSError as exc:
            self.ctx.audio.play_sfx("ui_error")
            self.ctx.notify(tr("save_failed", self.ctx.language).format(reason=exc.strerror or exc), 5.0)
            return
        self.ctx.notify(tr("saved", self.ctx.language))
        self.refresh()

    def load(self, data: SaveData) -> None:
        """Play on from ``data``: the game replaces whatever is on the screen stack."""
        self.game.load(data)

    def ask_delete(self, index: int) -> None:
        if not self.deletable(index):
            self.ctx.audio.play_sfx("ui_error")
            return
        slot = self.cards[index].slot
        self.ctx.nav.push(ConfirmScreen(self.ctx, tr("delete_confirm", self.ctx.language), lambda: self.delete(slot)))

    def delete(self, slot: str) -> None:
        try:
            self.ctx.saves.delete(slot)
        except OSError as exc:
            self.ctx.notify(tr("delete_failed", self.ctx.language).format(reason=exc.strerror or exc), 5.0)
            return
        self.painter.forget(slot)
        self.ctx.notify(tr("deleted", self.ctx.language))
        self.refresh()

    def back(self) -> None:
        if self.mode == "save":
            self.ctx.save_place = (self.page.kind, self.page.number, max(0, self.focus))
        self.ctx.audio.play_sfx("ui_back")
        self.ctx.nav.pop()

    # --- input ---

    def handle(self, inp: Input) -> None:
        action, pos = inp.action, inp.pos
        if action in (Action.BACK, Action.MENU):
            self.back()
        elif action in (Action.DELETE, Action.HIDE_UI, Action.SKIP):
            if action == Action.HIDE_UI and pos is not None:
                return  # a middle click is not a delete
            self.ask_delete(self.focus)
        elif action == Action.ROLLBACK:
            self.turn(-1)
        elif action == Action.ROLLFORWARD:
            self.turn(1)
        elif action in (Action.LEFT, Action.RIGHT, Action.UP, Action.DOWN):
            self.navigate(action)
        elif action == Action.CONFIRM:
            if self.focus >= 0:
                self.activate(self.focus)
            else:
                self.focus = 0
        elif action == Action.POINT and pos is not None:
            self.point(pos)
        elif action == Action.CLICK and pos is not None:
            self.click(pos)

    def navigate(self, action: Action) -> None:
        focus, count = self.focus, len(self.cards)
        if focus < 0:  # on the tabs
            if action == Action.LEFT:
                self.turn(-1, -1)
            elif action == Action.RIGHT:
                self.turn(1, -1)
            elif action == Action.DOWN:
                self.focus = 0
                self.ctx.audio.play_sfx("ui_move")
            return
        row, col = divmod(focus, COLS)
        if action == Action.LEFT:
            if col > 0:
                self.focus -= 1
            else:
                self.turn(-1, row * COLS + COLS - 1)
                self.focus = min(self.focus, len(self.cards) - 1)
                return
        elif action == Action.RIGHT:
            if col < COLS - 1 and focus + 1 < count:
                self.focus += 1
            else:
                self.turn(1, row * COLS)
                self.focus = min(self.focus, len(self.cards) - 1)
                return
        elif action == Action.UP:
            self.focus = focus - COLS if row > 0 else -1
        elif action == Action.DOWN:
            if focus + COLS < count:
                self.focus = focus + COLS
            elif row + 1 < (count + COLS - 1) // COLS:
                self.focus = count - 1
            else:
                return
        self.ctx.audio.play_sfx("ui_move")

    def card_at(self, pos: tuple[float, float]) -> int | None:
        for i in range(len(self.cards)):
            if self.card_rect(i).collidepoint(pos):
                return i
        return None

    def tab_at(self, pos: tuple[float, float]) -> str | None:
        for name, rect in self.tabs():
            if rect.collidepoint(pos):
                return name
        return None

    def point(self, pos: tuple[float, float]) -> None:
        hit = self.card_at(pos)
        if hit is not None:
            self.focus = hit
        self.hover_tab = self.tab_at(pos)
        self.hover_delete = self.deletable(self.focus) and self.delete_rect(self.focus).collidepoint(pos)
        self.hover_back = pygame.Rect(BACK).collidepoint(pos)

    def click(self, pos: tuple[float, float]) -> None:
        if pygame.Rect(BACK).collidepoint(pos):
            self.back()
            return
        tab = self.tab_at(pos)
        if tab is not None:
            self.open_tab(tab)
            return
        hit = self.card_at(pos)
        if hit is None:
            return
        self.focus = hit
        if self.deletable(hit) and self.delete_rect(hit).collidepoint(pos):
            self.ask_delete(hit)
        else:
            self.activate(hit)

    # --- drawing ---

    def draw(self, surface: pygame.Surface) -> None:
        view, res = self.ctx.view, self.ctx.resources
        self.backdrop.draw(surface)
        lang = self.ctx.language
        head = res.text(tr(self.mode, lang), view.px(36), TEXT, bold=True)
        surface.blit(head, head.get_rect(midleft=view.point(GRID_X, TAB_Y + TAB_H / 2)))
        if self.page.kind == "auto" and sum(p.kind == "auto" for p in self.pages) > 1:
            pages = sum(p.kind == "auto" for p in self.pages)
            note = res.text(tr("auto_page", lang).format(page=self.page.number, pages=pages), view.px(17), TEXT_DIM)
            last = self.tabs()[-1][1]
            surface.blit(note, note.get_rect(midleft=view.point(last.right + 20, TAB_Y + TAB_H / 2)))
        self.draw_tabs(surface)
        for i, info in enumerate(self.cards):
            rect = view.rect(*self.card_rect(i))
            surface.blit(self.painter.card(info, rect.size), rect)
            if i == self.focus:
                surface.blit(self.painter.focus_ring(rect.size), rect.inflate(view.px(12), view.px(12)))
                if self.deletable(i):
                    delete = view.rect(*self.delete_rect(i))
                    surface.blit(self.painter.delete_button(delete.size, self.hover_delete), delete)
        hint = res.text(tr(f"hint_{self.mode}", lang), view.px(16), TEXT_DIM)
        surface.blit(hint, hint.get_rect(midleft=view.point(GRID_X, BACK[1] + BACK[3] / 2)))
        self.draw_back(surface)

    def draw_tabs(self, surface: pygame.Surface) -> None:
        view, res = self.ctx.view, self.ctx.resources
        for name, r in self.tabs():
            rect = view.rect(*r)
            active = name == self.page.tab
            focused = self.focus < 0 and active
            surface.blit(panel(self.ctx, rect.size, 235 if active else 150), rect)
            if active:
                line = view.rect(r.x + 12, r.bottom - 5, r.w - 24, 3)
                pygame.draw.rect(surface, BLUE, line, border_radius=2)
            if focused:
                pygame.draw.rect(surface, BLUE, rect, width=max(1, view.px(2)), border_radius=rect.h // 3)
            elif name == self.hover_tab and not active:
                pygame.draw.rect(surface, (*TEXT, 90), rect, width=1, border_radius=rect.h // 3)
            color = TEXT if active or name == self.hover_tab else TEXT_DIM
            label = res.text(self.tab_label(name), view.px(19), color, bold=active)
            surface.blit(label, label.get_rect(center=rect.center))

    def draw_back(self, surface: pygame.Surface) -> None:
        draw_back_button(self.ctx, surface, BACK, self.hover_back)

