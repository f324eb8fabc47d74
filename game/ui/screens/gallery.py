"""The endings gallery: a card per ending, in the story's order; the ones not yet reached stay locked.

Arrows (or the mouse) choose a card, Enter or a click shows a reached ending's
picture full screen (left / right there go through the reached ones; Enter or
its button replays the ending's final scene), Esc or right click goes back.
Below the cards (down from the last row, or a click) are the music room and,
left of it, the event pictures (``picture_room``).
"""

from __future__ import annotations

import math
from typing import TYPE_CHECKING

import pygame

from game.persist.progress import Passage

from ..backdrop import Backdrop
from ..input import Action, Input
from ..strings import tr
from ..view import HEIGHT, WIDTH
from ..widgets import BLUE, TEXT, TEXT_DIM, draw_back_button, hex_color, panel
from .base import Screen
from .gallery_access import gallery_tree, viewer_tree
from .gallery_art import DARK, draw_lock, gradient, locked_card, rounded, star
from .music_room import MusicRoomScreen
from .picture_room import PictureRoomScreen

if TYPE_CHECKING:
    from ..access.tree import Node
    from ..context import Context
    from ..ports import FlowchartGame

AREA = (64, 112, WIDTH - 128, 536)
CAPTION = 46
GAP = 24
BACK = (WIDTH - 64 - 140, 668, 140, 38)
MUSIC = (BACK[0] - 16 - 220, 668, 220, 38)  # the music room's button
PICTURES = (MUSIC[0] - 16 - 240, 668, 240, 38)  # the event pictures' button
REPLAY = (WIDTH - 48 - 320, HEIGHT - 62, 320, 42)  # the viewer's "replay the final scene"
HEAD_Y = 60
NIGHT_BLUE = hex_color("#3a4a78")
WARM = hex_color("#6b3f2a")


class GalleryScreen(Screen):

    def __init__(self, ctx: Context, game: FlowchartGame | None = None) -> None:
        super().__init__(ctx)
        self.game = game  # plays an ending's final scene again (None: no replays)
        story = ctx.story
        self.ids = list(story.endings) if story is not None else []
        self.focus = 0
        self.hover_back = False
        self._cache: dict[tuple[object, ...], pygame.Surface] = {}
        self._scale = 0.0
        self.backdrop = Backdrop(self)
        self.rects = self.layout()

    # --- layout (logical) ---

    def layout(self) -> list[pygame.Rect]:
        n = len(self.ids)
        if n == 0:
            return []
        cols = n if n <= 3 else 2 if n == 4 else 3 if n <= 6 else 4
        rows = math.ceil(n / cols)
        width = min((AREA[2] - GAP * (cols - 1)) / cols,
                    ((AREA[3] - GAP * (rows - 1)) / rows - CAPTION) * 16 / 9)
        height = width * 9 / 16
        total_w = cols * width + (cols - 1) * GAP
        total_h = rows * (height + CAPTION) + (rows - 1) * GAP
        x0 = AREA[0] + (AREA[2] - total_w) / 2
        y0 = AREA[1] + (AREA[3] - total_h) / 2
        rects = []
        for i in range(n):
            row, col = divmod(i, cols)
            in_row = min(cols, n - row * cols)  # a short last row is centred
            shift = (cols - in_row) * (width + GAP) / 2
            rect = pygame.Rect(0, 0, 0, 0)
            rect.update(round(x0 + shift + col * (width + GAP)), round(y0 + row * (height + CAPTION + GAP)),
                        round(width), round(height))
            rects.append(rect)
        self.cols = cols
        return rects

    def seen(self, ending: str) -> bool:
        return ending in self.ctx.progress.endings_seen

    def title(self, ending: str) -> str:
        story = self.ctx.story
        if story is None or ending not in story.endings:
            return ending
        return story.endings[ending].title.get(self.ctx.language)

    def counter(self) -> str:
        seen = sum(1 for e in self.ids if self.seen(e))
        return tr("endings_count", self.ctx.language).format(seen=seen, total=len(self.ids))

    # --- actions ---

    def open(self, index: int) -> None:
        if index == len(self.ids):
            self.music_room()
            return
        if index == len(self.ids) + 1:
            self.picture_room()
            return
        if not 0 <= index < len(self.ids):
            return
        if not self.seen(self.ids[index]):
            self.ctx.audio.play_sfx("ui_error")
            return
        self.ctx.audio.play_sfx("ui_select")
        self.ctx.nav.push(EndingViewer(self.ctx, self, index))

    def back(self) -> None:
        self.ctx.audio.play_sfx("ui_back")
        self.ctx.nav.pop()

    def music_room(self) -> None:
        self.ctx.audio.play_sfx("ui_select")
        self.ctx.nav.push(MusicRoomScreen(self.ctx))

    def picture_room(self) -> None:
        self.ctx.audio.play_sfx("ui_select")
        self.ctx.nav.push(PictureRoomScreen(self.ctx))

    def access(self) -> Node:
        return gallery_tree(self)

    def move(self, dx: int, dy: int) -> None:
        if not self.ids:
            return
        n = len(self.ids)
        if self.focus >= n:  # on the rooms' buttons (pictures, music): up goes back to the cards
            if dy < 0 or dx:
                self.focus = n - 1 if dy < 0 else n + 1 if dx < 0 else n
                self.ctx.audio.play_sfx("ui_move")
            return
        if dx:
            focus = (self.focus + dx) % n
        else:
            focus = self.focus + dy * self.cols
            if focus >= n and dy > 0:
                focus = n  # below the last row: the music room
            elif not 0 <= focus < n:
                return
        self.focus = focus
        self.ctx.audio.play_sfx("ui_move")

    def card_at(self, pos: tuple[float, float]) -> int | None:
        for i, rect in enumerate(self.rects):
            if pygame.Rect(rect.x, rect.y, rect.w, rect.h + CAPTION).collidepoint(pos):
                return i
        return None

    def handle(self, inp: Input) -> None:
        action, pos = inp.action, inp.pos
        if action in (Action.BACK, Action.MENU):
            self.back()
        elif action == Action.LEFT:
            self.move(-1, 0)
        elif action == Action.RIGHT:
            self.move(1, 0)
        elif action == Action.UP:
            self.move(0, -1)
        elif action == Action.DOWN:
            self.move(0, 1)
        elif action == Action.CONFIRM:
            self.open(self.focus)
        elif action == Action.POINT and pos is not None:
            hit = self.card_at(pos)
            if hit is not None:
                self.focus = hit
            self.hover_back = pygame.Rect(BACK).collidepoint(pos)
            if pygame.Rect(MUSIC).collidepoint(pos):
                self.focus = len(self.ids)
            if pygame.Rect(PICTURES).collidepoint(pos):
                self.focus = len(self.ids) + 1
        elif action == Action.CLICK and pos is not None:
            if pygame.Rect(BACK).collidepoint(pos):
                self.back()
                return
            if pygame.Rect(MUSIC).collidepoint(pos):
                self.focus = len(self.ids)
                self.music_room()
                return
            if pygame.Rect(PICTURES).collidepoint(pos):
                self.focus = len(self.ids) + 1
                self.picture_room()
                return
            hit = self.card_at(pos)
            if hit is not None:
                self.focus = hit
                self.open(hit)

    # --- drawing ---

    def picture(self, ending: str | None, size: tuple[int, int], radius: int) -> pygame.Surface:
        """A card's picture at ``size`` pixels, made once: the ending's art, the locked card, or a drawn one."""
        key = ("picture", ending, size, radius)
        cached = self._cache.get(key)
        if cached is not None:
            return cached
        res = self.ctx.resources
        if ending is not None and res.exists("ending", ending):
            base = res.image("ending", ending, size)
        elif ending is None and res.exists("ending", "locked"):
            base = res.image("ending", "locked", size)
        elif ending is None:
            base = locked_card(self.ctx, size)
        else:  # a reached ending whose story has no picture for it
            base = gradient(size, NIGHT_BLUE, WARM)
            star(base, (size[0] / 2, size[1] / 2), min(size) / 6, (244, 241, 234))
        card = rounded(base, radius)
        self._cache[key] = card
        return card

    def focus_ring(self, size: tuple[int, int]) -> pygame.Surface:
        key = ("ring", size)
        ring = self._cache.get(key)
        if ring is None:
            view = self.ctx.view
            grow = view.px(12)
            ring = pygame.Surface((size[0] + grow, size[1] + grow), pygame.SRCALPHA)
            full = ring.get_rect()
            for i, alpha in enumerate((40, 70, 110)):
                inset = i * max(1, view.px(2))
                pygame.draw.rect(ring, (*BLUE, alpha), full.inflate(-2 * inset, -2 * inset),
                                 width=max(1, view.px(2)), border_radius=view.px(18) - inset)
            pygame.draw.rect(ring, BLUE, full.inflate(-grow + 2, -grow + 2), width=max(1, view.px(2)),
                             border_radius=view.px(14))
            self._cache[key] = ring
        return ring

    def draw(self, surface: pygame.Surface) -> None:
        view, res = self.ctx.view, self.ctx.resources
        if view.scale != self._scale:
            self._cache.clear()
            self._scale = view.scale
        lang = self.ctx.language
        self.backdrop.draw(surface)
        head = res.text(tr("endings", lang), view.px(36), TEXT, bold=True)
        surface.blit(head, head.get_rect(midleft=view.point(AREA[0], HEAD_Y)))
        count = res.text(self.counter(), view.px(21), TEXT_DIM)
        surface.blit(count, count.get_rect(midright=view.point(AREA[0] + AREA[2], HEAD_Y)))
        radius = view.px(12)
        for i, (ending, r) in enumerate(zip(self.ids, self.rects)):
            rect = view.rect(*r)
            seen = self.seen(ending)
            caption = view.rect(r.x, r.bottom, r.w, CAPTION)
            if i == self.focus:
                whole = rect.union(caption)
                surface.blit(self.focus_ring(whole.size), whole.inflate(view.px(12), view.px(12)))
                surface.blit(panel(self.ctx, whole.size, 170, picture="card_focus"), whole)
            surface.blit(self.picture(ending if seen else None, rect.size, radius), rect)
            if seen:
                label = res.text(self.title(ending), view.px(21), TEXT, bold=i == self.focus)
                surface.blit(label, label.get_rect(center=caption.center))
            else:
                label = res.text(tr("locked_title", lang), view.px(21), TEXT_DIM, bold=True)
                icon = view.px(22)
                spacing = view.px(8)
                left = caption.centerx - (icon + spacing + label.get_width()) // 2
                if res.exists("ui", "icon_lock"):
                    lock = res.image("ui", "icon_lock", (icon, icon))
                    surface.blit(lock, lock.get_rect(midleft=(left, caption.centery)))
                else:
                    draw_lock(surface, (left + icon // 2, caption.centery), icon, TEXT_DIM)
                surface.blit(label, label.get_rect(midleft=(left + icon + spacing, caption.centery)))
        if not self.ids:
            empty = res.text(tr("no_story", lang), view.px(22), TEXT_DIM)
            surface.blit(empty, empty.get_rect(center=view.point(WIDTH / 2, HEIGHT / 2)))
        hint = res.text(tr("hint_gallery", lang), view.px(16), TEXT_DIM)
        surface.blit(hint, hint.get_rect(midleft=view.point(AREA[0], BACK[1] + BACK[3] / 2)))
        self.draw_room_button(surface, MUSIC, "♪  " + tr("music_room", lang), len(self.ids))
        self.draw_room_button(surface, PICTURES, "▣  " + tr("picture_room", lang), len(self.ids) + 1)
        draw_back_button(self.ctx, surface, BACK, self.hover_back)

    def draw_room_button(self, surface: pygame.Surface, where: tuple[int, int, int, int], text: str,
                         index: int) -> None:
        """A room's button below the cards (the music room, the event pictures), ringed when focused."""
        view, res = self.ctx.view, self.ctx.resources
        rect = view.rect(*where)
        focused = self.focus == index
        surface.blit(panel(self.ctx, rect.size, 230 if focused else 160), rect)
        if focused:
            pygame.draw.rect(surface, BLUE, rect, width=max(1, view.px(2)), border_radius=rect.h // 2)
        label = res.text(text, view.px(18), TEXT if focused else TEXT_DIM, bold=focused)
        surface.blit(label, label.get_rect(center=rect.center))


class EndingViewer(Screen):
    """A reached ending's card, full screen; left / right show the other reached ones."""

    def __init__(self, ctx: Context, gallery: GalleryScreen, index: int) -> None:
        super().__init__(ctx)
        self.gallery = gallery
        self.index = index
        self._band: pygame.Surface | None = None

    def step(self, direction: int) -> None:
        ids = self.gallery.ids
        for k in range(1, len(ids)):
            candidate = (self.index + direction * k) % len(ids)
            if self.gallery.seen(ids[candidate]):
                self.index = candidate
                self.gallery.focus = candidate
                self.ctx.audio.play_sfx("ui_move")
                return

    def finale(self) -> Passage | None:
        """The state at the start of the scene the shown ending was reached in, if the record has it."""
        return self.ctx.progress.finales.get(self.gallery.ids[self.index])

    def replay(self) -> None:
        """Play the ending's final scene again, from the state the player had when they reached it."""
        finale, game = self.finale(), self.gallery.game
        if finale is None or game is None:
            self.ctx.audio.play_sfx("ui_error")
            self.ctx.notify(tr("no_finale", self.ctx.language), 4.0)
            return
        self.ctx.audio.play_sfx("ui_select")
        game.warp(finale)

    def access(self) -> Node:
        return viewer_tree(self)

    def handle(self, inp: Input) -> None:
        if inp.action == Action.CONFIRM or (inp.action == Action.CLICK and inp.pos is not None
                                            and pygame.Rect(REPLAY).collidepoint(inp.pos)):
            self.replay()
        elif inp.action in (Action.BACK, Action.MENU, Action.CLICK):
            self.ctx.audio.play_sfx("ui_back")
            self.ctx.nav.pop()
        elif inp.action in (Action.LEFT, Action.ROLLBACK):
            self.step(-1)
        elif inp.action in (Action.RIGHT, Action.ROLLFORWARD):
            self.step(1)

    def draw(self, surface: pygame.Surface) -> None:
        view, res = self.ctx.view, self.ctx.resources
        surface.fill(DARK)
        ending = self.gallery.ids[self.index]
        full = view.rect(0, 0, WIDTH, HEIGHT).size
        surface.blit(self.gallery.picture(ending, full, 0), (0, 0))
        band = view.rect(0, HEIGHT - 150, WIDTH, 150)
        if self._band is None or self._band.get_size() != band.size:
            self._band = pygame.Surface(band.size, pygame.SRCALPHA)
            self._band.fill((11, 13, 26, 160))
        surface.blit(self._band, band)
        small = res.text(tr("the_end", self.ctx.language).upper(), view.px(20), TEXT_DIM)
        big = res.text(self.gallery.title(ending), view.px(46), TEXT, bold=True)
        surface.blit(small, small.get_rect(midbottom=view.point(WIDTH / 2, HEIGHT - 100)))
        surface.blit(big, big.get_rect(midtop=view.point(WIDTH / 2, HEIGHT - 92)))
        if self.gallery.game is not None:
            rect = view.rect(*REPLAY)
            ready = self.finale() is not None
            surface.blit(panel(self.ctx, rect.size, 220 if ready else 120), rect)
            label = res.text("▶  " + tr("replay_finale", self.ctx.language), view.px(18),
                             TEXT if ready else TEXT_DIM)
            surface.blit(label, label.get_rect(center=rect.center))
