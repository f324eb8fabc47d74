"""The music room (from the gallery): every track of the story, locked until the player has heard it.

Tracks are those story.yaml titles under ``music:``, in that order, each with
its title in the player's language (a story without the section lists its
music files by name).  Up / down choose, Enter, a click or A plays a track
heard before (again: stops it), Esc, right click or B go back, and the music
that played before the room comes back.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import pygame

from ..backdrop import Backdrop
from ..input import Action, Input
from ..strings import tr
from ..view import WIDTH
from ..widgets import AMBER, BLUE, TEXT, TEXT_DIM, draw_back_button, panel
from .base import Screen
from .gallery_access import music_room_tree
from .pointer import point_and_pick

if TYPE_CHECKING:
    from ..access.tree import Node
    from ..context import Context

BOX = (240, 40, WIDTH - 480, 640)
ROWS_Y, ROW_H, ROW_GAP = 130, 52, 8
BACK = (BOX[0] + BOX[2] - 40 - 130, 60, 130, 38)
VISIBLE = 8  # rows shown at once; the list scrolls past them


class MusicRoomScreen(Screen):

    def __init__(self, ctx: Context) -> None:
        super().__init__(ctx)
        self.tracks = self.listed()
        self.focus = 0
        self.top = 0
        self.playing: str | None = None
        self.before = ctx.audio.current_music  # what plays again when the room is left
        self.hover_back = False
        self.backdrop = Backdrop(self, darken=0.45)

    def listed(self) -> list[str]:
        story = self.ctx.story
        if story is None:
            return []
        if story.music:
            return list(story.music)
        return sorted(self.ctx.resources.story_assets.names("music"))

    def heard(self, track: str) -> bool:
        return track in self.ctx.progress.tracks_heard

    def title(self, track: str) -> str:
        story = self.ctx.story
        if story is not None and track in story.music:
            return story.music[track].title.get(self.ctx.language)
        return track.replace("_", " ")

    # --- actions ---

    def play(self, index: int) -> None:
        if not 0 <= index < len(self.tracks):
            return
        track = self.tracks[index]
        if not self.heard(track):
            self.ctx.audio.play_sfx("ui_error")
            return
        self.playing = None if self.playing == track else track
        self.ctx.audio.play_music(self.playing, 0.8)

    def move(self, step: int) -> None:
        if not self.tracks:
            return
        self.focus = (self.focus + step) % len(self.tracks)
        self.top = min(max(self.top, self.focus - VISIBLE + 1), self.focus)
        self.ctx.audio.play_sfx("ui_move")

    def back(self) -> None:
        self.ctx.audio.play_sfx("ui_back")
        self.ctx.nav.pop()

    def leave(self) -> None:
        if self.playing is not None:
            self.ctx.audio.play_music(self.before, 1.0)

    def access(self) -> Node:
        return music_room_tree(self)

    def row_rect(self, place: int) -> pygame.Rect:
        return pygame.Rect(BOX[0] + 40, ROWS_Y + place * (ROW_H + ROW_GAP), BOX[2] - 80, ROW_H)

    def row_at(self, pos: tuple[float, float]) -> int | None:
        for place in range(min(VISIBLE, len(self.tracks) - self.top)):
            if self.row_rect(place).collidepoint(pos):
                return self.top + place
        return None

    def handle(self, inp: Input) -> None:
        action = inp.action
        if point_and_pick(self, inp, BACK, self.row_at, self.play):
            return
        if action in (Action.BACK, Action.MENU):
            self.back()
        elif action == Action.UP:
            self.move(-1)
        elif action == Action.DOWN:
            self.move(1)
        elif action == Action.CONFIRM:
            self.play(self.focus)
        elif action in (Action.ROLLBACK, Action.ROLLFORWARD):
            self.move(-1 if action == Action.ROLLBACK else 1)

    # --- drawing ---

    def draw(self, surface: pygame.Surface) -> None:
        view, res, lang = self.ctx.view, self.ctx.resources, self.ctx.language
        self.backdrop.draw(surface)
        box = view.rect(*BOX)
        surface.blit(panel(self.ctx, box.size, 236), box)
        head = res.text(tr("music_room", lang), view.px(30), TEXT, bold=True)
        surface.blit(head, head.get_rect(midleft=view.point(BOX[0] + 40, BACK[1] + BACK[3] / 2)))
        heard = sum(self.heard(t) for t in self.tracks)
        count = res.text(tr("music_count", lang).format(heard=heard, total=len(self.tracks)), view.px(17), TEXT_DIM)
        surface.blit(count, count.get_rect(midleft=view.point(BOX[0] + 44, BACK[1] + BACK[3] + 22)))
        draw_back_button(self.ctx, surface, BACK, self.hover_back)
        for place in range(min(VISIBLE, len(self.tracks) - self.top)):
            self.draw_row(surface, self.top + place, self.row_rect(place))
        hint = res.text(tr("hint_music", lang), view.px(16), TEXT_DIM)
        surface.blit(hint, hint.get_rect(midleft=view.point(BOX[0] + 40, BOX[1] + BOX[3] - 28)))

    def draw_row(self, surface: pygame.Surface, index: int, r: pygame.Rect) -> None:
        view, res, lang = self.ctx.view, self.ctx.resources, self.ctx.language
        track = self.tracks[index]
        rect = view.rect(r.x, r.y, r.w, r.h)
        focused = index == self.focus
        surface.blit(panel(self.ctx, rect.size, 200 if focused else 120), rect)
        if focused:
            pygame.draw.rect(surface, BLUE, rect, width=max(1, view.px(2)), border_radius=rect.h // 2)
        number = res.text(f"{index + 1:02d}", view.px(18), TEXT_DIM)
        surface.blit(number, number.get_rect(midleft=(rect.x + view.px(22), rect.centery)))
        left = rect.x + view.px(70)
        if not self.heard(track):
            label = res.text(tr("track_locked", lang), view.px(20), TEXT_DIM)
            surface.blit(label, label.get_rect(midleft=(left, rect.centery)))
            return
        playing = track == self.playing
        label = res.text(("♪  " if playing else "") + self.title(track), view.px(21), AMBER if playing else TEXT,
                         bold=focused)
        surface.blit(label, label.get_rect(midleft=(left, rect.centery)))
        if playing:
            state = res.text(tr("now_playing", lang), view.px(16), AMBER)
            surface.blit(state, state.get_rect(midright=(rect.right - view.px(24), rect.centery)))
