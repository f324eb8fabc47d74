"""The event pictures (from the gallery): a thumbnail per ``cg/`` picture, locked until the player has seen it.

Pictures are listed in the order the story first shows them
(``game.play.pictures.event_pictures``); what counts as seen is the play
layer's rule (``game.play.chronicle``).  Arrows, the mouse or the pad choose,
Enter, a click or A shows a seen picture full screen with nothing over it
(``PictureViewer``: left / right, the wheel or LB / RB go through the seen ones,
any other key, a click, Esc, right click or B come back), Esc, right click or B
go back to the gallery.

Thumbnails are made once at their size, one a frame (a plain card stands in
meanwhile), and kept in a small bounded cache; the pictures come through the
resources' own bounded caches, one at a time, so the room never holds every
picture decoded at full size and opening it never stalls a frame.
"""

from __future__ import annotations

import math
from typing import TYPE_CHECKING

import pygame

from game.check.pictures import event_pictures

from ..backdrop import Backdrop
from ..cache import ByteLRU
from ..input import Action, Input
from ..resources import MB, surface_bytes
from ..strings import tr
from ..view import HEIGHT, WIDTH
from ..widgets import BLUE, TEXT, TEXT_DIM, draw_back_button, panel
from .base import Screen
from .gallery_access import picture_room_tree, picture_viewer_tree
from .gallery_art import DARK, DEEP, gradient, locked_card, rounded
from .pointer import point_and_pick

if TYPE_CHECKING:
    from ..access.tree import Node
    from ..context import Context

BOX = (120, 40, WIDTH - 240, 640)
BACK = (BOX[0] + BOX[2] - 40 - 130, 60, 130, 38)
GRID = (BOX[0] + 40, 146, BOX[2] - 80, 462)  # where the thumbnails go (logical)
GAP = 20
MAX_ROWS = 3  # rows shown at once; the grid scrolls past them
THUMB_BUDGET = 4 * MB  # the rounded thumbnails kept (about 35 at 1280x720)
THUMBS_PER_FRAME = 1  # pictures decoded for thumbnails per frame (a 1280x720 JPEG takes ~40 ms): no hitch


class PictureRoomScreen(Screen):

    def __init__(self, ctx: Context) -> None:
        super().__init__(ctx)
        self.pictures = event_pictures(ctx.story) if ctx.story is not None else []
        self.cols, self.rows, self.thumb = self.layout(len(self.pictures))
        self.top = 0  # the first row shown
        self.focus = 0
        # the first picture seen has the focus (the first of all when none is)
        self.show(next((i for i, p in enumerate(self.pictures) if self.seen(p)), 0))
        self.hover_back = False
        self.backdrop = Backdrop(self, darken=0.45)
        self._thumbs: ByteLRU[tuple[str | None, int, int], pygame.Surface] = ByteLRU(THUMB_BUDGET, surface_bytes)
        self._scale = 0.0
        self._to_make = 0  # thumbnails this frame may still make
        self._waiting = False  # a thumbnail was left for a later frame

    @staticmethod
    def layout(n: int) -> tuple[int, int, tuple[int, int]]:
        """Columns, rows shown and the thumbnails' size for ``n`` pictures: as large as the grid allows."""
        cols = max(1, n) if n <= 3 else 2 if n == 4 else 3 if n <= 9 else 4
        rows = max(1, min(MAX_ROWS, math.ceil(n / cols)))
        width = min((GRID[2] - GAP * (cols - 1)) / cols, (GRID[3] - GAP * (rows - 1)) / rows * 16 / 9)
        return cols, rows, (round(width), round(width * 9 / 16))

    def seen(self, picture: str) -> bool:
        return picture in self.ctx.progress.pictures_seen

    def seen_count(self) -> int:
        return sum(self.seen(p) for p in self.pictures)

    # --- actions ---

    def open(self, index: int) -> None:
        if not 0 <= index < len(self.pictures):
            return
        if not self.seen(self.pictures[index]):
            self.ctx.audio.play_sfx("ui_error")
            return
        self.ctx.audio.play_sfx("ui_select")
        self.ctx.nav.push(PictureViewer(self.ctx, self, index))

    def back(self) -> None:
        self.ctx.audio.play_sfx("ui_back")
        self.ctx.nav.pop()

    def show(self, index: int) -> None:
        """Focus thumbnail ``index``, scrolling its row into view."""
        self.focus = index
        row = index // self.cols
        self.top = min(max(self.top, row - self.rows + 1), row)

    def move(self, dx: int, dy: int) -> None:
        n = len(self.pictures)
        if not n:
            return
        if dx:
            focus = (self.focus + dx) % n
        else:
            focus = self.focus + dy * self.cols
            if focus >= n and self.focus // self.cols < (n - 1) // self.cols:
                focus = n - 1  # down onto a short last row
            if not 0 <= focus < n:
                return
        self.show(focus)
        self.ctx.audio.play_sfx("ui_move")

    def access(self) -> Node:
        return picture_room_tree(self)

    def thumb_rect(self, index: int) -> pygame.Rect | None:
        """Where thumbnail ``index`` is (logical), or None when its row is scrolled away."""
        row, col = divmod(index, self.cols)
        if not self.top <= row < self.top + self.rows:
            return None
        (w, h), n = self.thumb, len(self.pictures)
        in_row = min(self.cols, n - row * self.cols)  # a short last row is centred, like the endings
        x0 = GRID[0] + (GRID[2] - in_row * w - (in_row - 1) * GAP) / 2
        y0 = GRID[1] + (GRID[3] - self.rows * h - (self.rows - 1) * GAP) / 2
        return pygame.Rect(round(x0 + col * (w + GAP)), round(y0 + (row - self.top) * (h + GAP)), w, h)

    def shown(self) -> range:
        """The pictures whose row is shown."""
        return range(self.top * self.cols, min(len(self.pictures), (self.top + self.rows) * self.cols))

    def thumb_at(self, pos: tuple[float, float]) -> int | None:
        for index in self.shown():
            rect = self.thumb_rect(index)
            if rect is not None and rect.collidepoint(pos):
                return index
        return None

    def handle(self, inp: Input) -> None:
        action = inp.action
        if point_and_pick(self, inp, BACK, self.thumb_at, self.open):
            return
        if action in (Action.BACK, Action.MENU):
            self.back()
        elif action in (Action.LEFT, Action.RIGHT, Action.UP, Action.DOWN):
            self.move(*{Action.LEFT: (-1, 0), Action.RIGHT: (1, 0), Action.UP: (0, -1), Action.DOWN: (0, 1)}[action])
        elif action in (Action.ROLLBACK, Action.ROLLFORWARD):
            self.move(0, -1 if action == Action.ROLLBACK else 1)
        elif action == Action.CONFIRM and not inp.repeat:
            self.open(self.focus)

    # --- drawing ---

    def animating(self) -> bool:
        return self._waiting  # (frames go on until every thumbnail shown is made)

    def thumbnail(self, picture: str | None, size: tuple[int, int]) -> pygame.Surface:
        """A seen picture's thumbnail at ``size`` pixels (None: the locked card), made once and kept."""
        key = (picture, size[0], size[1])
        thumb = self._thumbs.get(key)
        if thumb is not None:
            return thumb
        res = self.ctx.resources
        if picture is not None and self._to_make <= 0:
            self._waiting = True
            return rounded(gradient(size, DEEP, DARK), self.ctx.view.px(10))  # (cheap: no picture decoded)
        if picture is not None:
            self._to_make -= 1
            base = res.image("background", picture, size).copy()
        else:
            base = locked_card(self.ctx, size)
        thumb = rounded(base, self.ctx.view.px(10))
        self._thumbs.put(key, thumb)
        return thumb

    def draw(self, surface: pygame.Surface) -> None:
        view, res, lang = self.ctx.view, self.ctx.resources, self.ctx.language
        if view.scale != self._scale:
            self._thumbs.clear()
            self._scale = view.scale
        self._to_make, self._waiting = THUMBS_PER_FRAME, False
        self.backdrop.draw(surface)
        box = view.rect(*BOX)
        surface.blit(panel(self.ctx, box.size, 236), box)
        head = res.text(tr("picture_room", lang), view.px(30), TEXT, bold=True)
        surface.blit(head, head.get_rect(midleft=view.point(BOX[0] + 40, BACK[1] + BACK[3] / 2)))
        count = res.text(tr("pictures_count", lang).format(seen=self.seen_count(), total=len(self.pictures)),
                         view.px(17), TEXT_DIM)
        surface.blit(count, count.get_rect(midleft=view.point(BOX[0] + 44, BACK[1] + BACK[3] + 22)))
        draw_back_button(self.ctx, surface, BACK, self.hover_back)
        for index in self.shown():
            self.draw_thumb(surface, index)
        if not self.pictures:
            empty = res.text(tr("no_pictures", lang), view.px(20), TEXT_DIM)
            surface.blit(empty, empty.get_rect(center=view.point(WIDTH / 2, HEIGHT / 2)))
        rows = math.ceil(len(self.pictures) / self.cols)
        if rows > self.rows:  # more rows above / below the ones shown
            marks = ("▲" if self.top > 0 else "") + ("  ▼" if self.top + self.rows < rows else "")
            more = res.text(marks.strip(), view.px(18), TEXT_DIM)
            surface.blit(more, more.get_rect(midright=view.point(BOX[0] + BOX[2] - 40, BOX[1] + BOX[3] - 28)))
        hint = res.text(tr("hint_pictures", lang), view.px(16), TEXT_DIM)
        surface.blit(hint, hint.get_rect(midleft=view.point(BOX[0] + 40, BOX[1] + BOX[3] - 28)))

    def draw_thumb(self, surface: pygame.Surface, index: int) -> None:
        view = self.ctx.view
        r = self.thumb_rect(index)
        if r is None:
            return
        rect = view.rect(r.x, r.y, r.w, r.h)
        picture = self.pictures[index]
        surface.blit(self.thumbnail(picture if self.seen(picture) else None, rect.size), rect)
        if index == self.focus:
            ring = rect.inflate(view.px(8), view.px(8))
            pygame.draw.rect(surface, BLUE, ring, width=max(2, view.px(3)), border_radius=view.px(14))


class PictureViewer(Screen):
    """A seen event picture, full screen with nothing over it; left / right go through the seen ones."""

    def __init__(self, ctx: Context, room: PictureRoomScreen, index: int) -> None:
        super().__init__(ctx)
        self.room = room
        self.index = index

    @property
    def picture(self) -> str:
        return self.room.pictures[self.index]

    def step(self, direction: int) -> None:
        pictures = self.room.pictures
        for k in range(1, len(pictures)):
            candidate = (self.index + direction * k) % len(pictures)
            if self.room.seen(pictures[candidate]):
                self.index = candidate
                self.room.show(candidate)
                self.ctx.audio.play_sfx("ui_move")
                return

    def access(self) -> Node:
        return picture_viewer_tree(self)

    def handle(self, inp: Input) -> None:
        action = inp.action
        if action in (Action.LEFT, Action.ROLLBACK, Action.UP):
            self.step(-1)
        elif action in (Action.RIGHT, Action.ROLLFORWARD, Action.DOWN):
            self.step(1)
        elif action in (Action.POINT, Action.TEXT) or inp.repeat:
            return  # (the key that opened the picture, still held, does not close it)
        else:  # any other key, a click, Esc, right click, a pad button
            self.ctx.audio.play_sfx("ui_back")
            self.ctx.nav.pop()

    def draw(self, surface: pygame.Surface) -> None:
        view = self.ctx.view
        surface.fill(DARK)
        full = view.rect(0, 0, WIDTH, HEIGHT)
        surface.blit(self.ctx.resources.image("background", self.picture, full.size), full)
