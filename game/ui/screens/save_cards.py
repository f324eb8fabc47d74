"""What a save card says and how it looks: the save's picture, its badge, when, where, the first words.

Kept apart from the save / load screen's navigation so the two can be read
(and tested) separately; every card is drawn once per save, language and
window size.
"""

from __future__ import annotations

import io
import logging
from dataclasses import dataclass
from datetime import datetime
from typing import TYPE_CHECKING

import pygame

from game.layout.wrap import wrap
from game.persist import saves
from game.persist.saves import SlotInfo
from game.typeset import Typeface

from ..strings import tr
from ..widgets import BLUE, GLASS, TEXT, TEXT_DIM, panel

if TYPE_CHECKING:
    from ..context import Context

log = logging.getLogger(__name__)

CARD_W, CARD_H = 368, 272
PAD = 10
THUMB_W = CARD_W - 2 * PAD
THUMB_H = round(THUMB_W * 9 / 16)
ERROR_TINT = (74, 24, 36)
ERROR_TEXT = (255, 205, 205)
MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")


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


def ellipsize(text: str, font: Typeface, width: int) -> str:
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


class CardPainter:
    """Draws save cards (and the focus ring and delete button), keeping what it drew for this window size."""

    def __init__(self, ctx: Context) -> None:
        self.ctx = ctx
        self.thumbs: dict[str, tuple[object, pygame.Surface | None]] = {}  # slot -> (stamp, picture)
        self._card_cache: dict[tuple[object, ...], pygame.Surface] = {}
        self._cache_scale = 0.0

    def _check_scale(self) -> None:
        if self.ctx.view.scale != self._cache_scale:
            self._card_cache.clear()
            self._cache_scale = self.ctx.view.scale

    def keep_only(self, slots: set[str]) -> None:
        """Forget the pictures of saves no longer on the page."""
        for slot in list(self.thumbs):
            if slot not in slots:
                del self.thumbs[slot]

    def forget(self, slot: str) -> None:
        self.thumbs.pop(slot, None)

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

    # --- drawing ---

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

    def delete_button(self, size: tuple[int, int], hover: bool) -> pygame.Surface:
        """The small round x that deletes the focused save."""
        key = ("delete", size, hover)
        button = self._card_cache.get(key)
        if button is None:
            view = self.ctx.view
            button = pygame.Surface(size, pygame.SRCALPHA)
            r = button.get_rect()
            fill = (150, 40, 56, 240) if hover else (*GLASS, 215)
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
        return button

    def card(self, info: SlotInfo, size: tuple[int, int]) -> pygame.Surface:
        """The whole card, drawn once per save, language and size."""
        self._check_scale()
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
