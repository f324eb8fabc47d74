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

import io
import logging
from dataclasses import dataclass
from datetime import datetime
from typing import TYPE_CHECKING, ClassVar, Literal

import pygame

from game.layout.wrap import wrap
from game.persist import saves
from game.persist.saves import SaveData, SlotInfo

from ..backdrop import Backdrop
from ..input import Action, Input
from ..strings import tr
from ..widgets import BLUE, GLASS, TEXT, TEXT_DIM, draw_back_button, panel
from .base import Screen
from .confirm import ConfirmScreen

if TYPE_CHECKING:
    from ..context import Context
    from ..ports import SaveGame

log = logging.getLogger(__name__)

Mode = Literal["save", "load"]
PER_PAGE = 6
COLS = 3
NUMBERED_PAGES = 5
GRID_X, GRID_Y = 64, 100
CARD_W, CARD_H = 368, 272
GAP_X, GAP_Y = 24, 16
PAD = 10
THUMB_W = CARD_W - 2 * PAD
THUMB_H = round(THUMB_W * 9 / 16)
TAB_X, TAB_Y, TAB_H = 250, 36, 42  # the tabs follow the heading; notices use the top right
TAB_WIDTHS = {"auto": 96, "quick": 120}
NUMBER_TAB_W = 54
TAB_GAP = 8
BACK = (1216 - 140, 672, 140, 36)
DELETE_SIZE = 34
ERROR_TINT = (74, 24, 36)
ERROR_TEXT = (255, 205, 205)
MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")


@dataclass(frozen=True)
class Page:
    kind: str  # "auto" | "quick" | "numbered"
    number: int  # numbered: 1..5; auto: 1.. (ten autosaves fill two pages)

    @property
    def tab(self) -> str:
        return str(self.number) if self.kind == "numbered" else self.kind


@dataclass(frozen=True)
class CardText:
    """What a card says (kept apart from the drawing so tests can read it)."""

    badge: str
    title: str = ""
    when: str = ""
    preview: str = ""
    error: str = ""
    empty: bool = False


def format_when(when: datetime, lang: str) -> str:
    """The save's date and time in the player's local time."""
    local = when.astimezone()
    if lang == "ko":
        return f"{local.year}. {local.month}. {local.day}.  {local:%H:%M}"
    return f"{local.day} {MONTHS[local.month - 1]} {local.year}  {local:%H:%M}"


def error_text(message: str, lang: str) -> str:
    """A SlotInfo error for the player, in their language when it is one the store writes."""
    if lang == "en":
        return message
    known = [(saves.DAMAGED, "save_damaged"), (saves.FOREIGN, "save_foreign"),
             (saves.NEWER.split("(")[0], "save_newer"), (saves.TOO_OLD.split("(")[0], "save_too_old"),
             (saves.UNREADABLE.split("(")[0], "save_unreadable")]
    for prefix, key in known:
        if message.startswith(prefix.strip()):
            return tr(key, lang)
    return message


def pick(texts: dict[str, str], *langs: str) -> str:
    for lang in langs:
        if texts.get(lang):
            return texts[lang]
    return next(iter(texts.values()), "")


def ellipsize(text: str, font: pygame.font.Font, width: int) -> str:
    """``text`` cut with an ellipsis to fit ``width`` pixels."""
    if font.size(text)[0] <= width:
        return text
    low, high = 0, len(text)
    while low < high:
        mid = (low + high + 1) // 2
        if font.size(text[:mid].rstrip() + "…")[0] <= width:
            low = mid
        else:
            high = mid - 1
    return text[:low].rstrip() + "…"


class SaveLoadScreen(Screen):
    remembered: ClassVar[dict[str, tuple[Page, int]]] = {}  # the page and card each mode was left on

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
        self.thumbs: dict[str, tuple[object, pygame.Surface | None]] = {}  # slot -> (stamp, picture)
        self._card_cache: dict[tuple[object, ...], pygame.Surface] = {}
        self._cache_scale = 0.0
        self.backdrop = Backdrop(self)
        self.refresh()
        self.page, self.focus = self.initial_place()
        self.refresh()

    # --- pages and slots ---

    def initial_place(self) -> tuple[Page, int]:
        if self.mode == "save":  # where the player saved last time
            page, focus = self.remembered.get("save", (Page("numbered", 1), 0))
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
        live = {info.slot for info in self.cards}
        for slot in list(self.thumbs):
            if slot not in live:
                del self.thumbs[slot]

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

    def badge(self, info: SlotInfo) -> str:
        lang = self.ctx.language
        if info.slot == saves.QUICK:
            return tr("badge_quick", lang)
        if info.slot.startswith(saves.AUTOSAVE_PREFIX):
            return tr("badge_auto", lang)
        return info.slot

    def card_text(self, info: SlotInfo) -> CardText:
        lang = self.ctx.language
        badge = self.badge(info)
        if info.data is not None:
            data = info.data
            return CardText(badge, title=pick(data.scene_title, lang, data.language),
                            when=format_when(data.saved_at, lang),
                            preview=pick(data.preview, lang, data.language))
        if info.error is not None:
            return CardText(badge, error=error_text(info.error, lang))
        return CardText(badge, empty=True)

    def thumbnail(self, info: SlotInfo) -> pygame.Surface | None:
        """The save's picture, decoded once per slot and save."""
        data = info.data
        stamp = data.saved_at if data is not None else None
        cached = self.thumbs.get(info.slot)
        if cached is not None and cached[0] == stamp:
            return cached[1]
        picture = None
        if data is not None and data.thumbnail_png:
            try:
                picture = pygame.image.load(io.BytesIO(data.thumbnail_png), "thumbnail.png")
            except (pygame.error, ValueError) as exc:
                log.warning("cannot show the picture of save %s: %s", info.slot, exc)
        self.thumbs[info.slot] = (stamp, picture)
        return picture

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
        self.thumbs.pop(slot, None)
        self.ctx.notify(tr("deleted", self.ctx.language))
        self.refresh()

    def back(self) -> None:
        self.remembered[self.mode] = (self.page, max(0, self.focus))
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
        if view.scale != self._cache_scale:
            self._card_cache.clear()
            self._cache_scale = view.scale
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
            surface.blit(self.card_surface(info, rect.size), rect)
            if i == self.focus:
                surface.blit(self.focus_ring(rect.size), rect.inflate(view.px(12), view.px(12)))
                if self.deletable(i):
                    self.draw_delete(surface, view.rect(*self.delete_rect(i)))
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

    def focus_ring(self, size: tuple[int, int]) -> pygame.Surface:
        view = self.ctx.view
        key = ("ring", size)
        ring = self._card_cache.get(key)
        if ring is None:
            grow = view.px(12)
            ring = pygame.Surface((size[0] + grow, size[1] + grow), pygame.SRCALPHA)
            full = ring.get_rect()
            radius = view.px(18)
            for i, alpha in enumerate((40, 70, 110)):  # a soft glow, then the line
                inset = i * max(1, view.px(2))
                pygame.draw.rect(ring, (*BLUE, alpha), full.inflate(-2 * inset, -2 * inset),
                                 width=max(1, view.px(2)), border_radius=radius - inset)
            pygame.draw.rect(ring, BLUE, full.inflate(-grow + 2, -grow + 2), width=max(1, view.px(2)),
                             border_radius=view.px(14))
            self._card_cache[key] = ring
        return ring

    def draw_delete(self, surface: pygame.Surface, rect: pygame.Rect) -> None:
        key = ("delete", rect.size, self.hover_delete)
        button = self._card_cache.get(key)
        if button is None:
            view = self.ctx.view
            button = pygame.Surface(rect.size, pygame.SRCALPHA)
            r = button.get_rect()
            fill = (150, 40, 56, 240) if self.hover_delete else (*GLASS, 215)
            pygame.draw.ellipse(button, fill, r)
            pygame.draw.ellipse(button, (*TEXT, 120), r, width=1)
            arm = r.w * 0.2
            width = max(2, view.px(2))
            c = pygame.Vector2(r.center)
            for a, b in (((-arm, -arm), (arm, arm)), ((-arm, arm), (arm, -arm))):
                p, q = c + a, c + b
                pygame.draw.line(button, TEXT, p, q, width)
                for end in (p, q):  # round caps
                    pygame.draw.circle(button, TEXT, end, width / 2)
            self._card_cache[key] = button
        surface.blit(button, rect)

    def card_surface(self, info: SlotInfo, size: tuple[int, int]) -> pygame.Surface:
        """The whole card, drawn once per save, language and size."""
        text = self.card_text(info)
        key = ("card", info.slot, text, self.ctx.language, size, self.ctx.settings.high_contrast,
               info.data.saved_at if info.data is not None else None)
        card = self._card_cache.get(key)
        if card is None:
            card = self.render_card(info, text, size)
            self._card_cache[key] = card
        return card

    def render_card(self, info: SlotInfo, text: CardText, size: tuple[int, int]) -> pygame.Surface:
        view, res = self.ctx.view, self.ctx.resources
        card = pygame.Surface(size, pygame.SRCALPHA)
        card.blit(panel(self.ctx, size, 215), (0, 0))
        pad = view.px(PAD)
        thumb = pygame.Rect(pad, pad, size[0] - 2 * pad, view.px(THUMB_H))
        radius = view.px(9)
        if text.error:
            pygame.draw.rect(card, (*ERROR_TINT, 235), thumb, border_radius=radius)
        elif text.empty:
            pygame.draw.rect(card, (*GLASS, 130), thumb, border_radius=radius)
            pygame.draw.rect(card, (*TEXT, 34), thumb, width=1, border_radius=radius)
        else:
            picture = self.thumbnail(info)
            if picture is not None:
                scaled = pygame.transform.smoothscale(picture, thumb.size)
                mask = pygame.Surface(thumb.size, pygame.SRCALPHA)  # rounded corners
                pygame.draw.rect(mask, (255, 255, 255, 255), mask.get_rect(), border_radius=radius)
                rounded = scaled.convert_alpha() if pygame.display.get_surface() else scaled.copy()
                rounded.blit(mask, (0, 0), special_flags=pygame.BLEND_RGBA_MIN)
                card.blit(rounded, thumb)
            else:
                pygame.draw.rect(card, (27, 35, 64, 255), thumb, border_radius=radius)
        self.draw_badge(card, text.badge, (thumb.x + view.px(8), thumb.y + view.px(8)))
        inner = size[0] - 2 * pad - view.px(4)
        x = pad + view.px(2)
        if text.empty:
            label = res.font(view.px(24)).render(tr("empty_slot", self.ctx.language), True, TEXT_DIM)
            card.blit(label, label.get_rect(center=thumb.center))
            return card
        if text.error:
            self.draw_error(card, text.error, thumb)
            return card
        y = thumb.bottom + view.px(10)
        when_font = res.font(view.px(15))
        when = when_font.render(text.when, True, TEXT_DIM)
        title_font = res.font(view.px(19), bold=True)
        title = ellipsize(text.title, title_font, inner - when.get_width() - view.px(12))
        title_label = title_font.render(title, True, TEXT)
        card.blit(title_label, (x, y))
        card.blit(when, when.get_rect(bottomright=(x + inner, y + title_label.get_height() - view.px(2))))
        y += title_label.get_height() + view.px(4)
        preview_font = res.font(view.px(16))
        preview = ellipsize(text.preview, preview_font, inner)
        card.blit(preview_font.render(preview, True, (205, 212, 226)), (x, y))
        return card

    def draw_badge(self, card: pygame.Surface, text: str, at: tuple[int, int]) -> None:
        view, res = self.ctx.view, self.ctx.resources
        label = res.font(view.px(15), bold=True).render(text, True, (20, 22, 34))
        plate = pygame.Rect(at, (max(label.get_width() + view.px(18), view.px(30)), label.get_height() + view.px(6)))
        pygame.draw.rect(card, (*BLUE, 235), plate, border_radius=plate.h // 2)
        card.blit(label, label.get_rect(center=plate.center))

    def draw_error(self, card: pygame.Surface, message: str, area: pygame.Rect) -> None:
        view, res = self.ctx.view, self.ctx.resources
        font = res.font(view.px(18))
        rows = wrap(message, lambda s: font.size(s)[0], area.w - view.px(40))[:4]
        step = round(font.get_linesize() * 1.1)
        # a warning sign above the message
        cx = area.centerx
        top = area.centery - (len(rows) * step + view.px(44)) // 2
        s = view.px(16)
        points = [(cx, top), (cx + s, top + round(s * 1.7)), (cx - s, top + round(s * 1.7))]
        pygame.draw.polygon(card, ERROR_TEXT, points, width=max(2, view.px(2)))
        pygame.draw.line(card, ERROR_TEXT, (cx, top + view.px(9)), (cx, top + view.px(18)), max(2, view.px(2)))
        pygame.draw.circle(card, ERROR_TEXT, (cx, top + view.px(23)), max(1, view.px(1.5)))
        y = top + view.px(42)
        for row in rows:
            label = font.render(row, True, ERROR_TEXT)
            card.blit(label, label.get_rect(midtop=(cx, y)))
            y += step
