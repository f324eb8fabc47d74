"""The stage: background with transitions, and characters fading in and out at their places.

The stage follows a Presentation (what should be on stage) and animates toward
it: a new background cuts, fades through black or dissolves; characters fade in,
out, or change look in place; the character who speaks is drawn at full light
and the others a little dimmed.  Every picture is scaled once per window size.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

import pygame

from game.layout import CHARACTER_HEIGHT, FACE_SHARE, character_x
from game.story.presentation import Presentation

from .view import HEIGHT, WIDTH
from .widgets import blit_faded

if TYPE_CHECKING:
    from .context import Context

FADE_SECONDS = 0.3
DIM = 80
BACKDROP = (11, 13, 26)
# The photosensitivity guard: the stage never gets brighter by more than this contrast ratio
# ((L1 + 0.05) / (L0 + 0.05), relative luminance) from one frame to the next; a brighter cut is
# veiled and the veil lifts over GUARD_SECONDS, so no full-screen flash is faster than 2 a second
# (WCAG 2.3.1 allows 3).
FLASH_CONTRAST = 1.5
GUARD_SECONDS = 0.5


def relative_luminance(picture: pygame.Surface) -> float:
    """The mean relative luminance (0 black .. 1 white, WCAG's formula) of ``picture``, from an 8x8 thumbnail."""
    small = pygame.transform.smoothscale(picture.convert(24) if picture.get_bitsize() < 24 else picture, (8, 8))
    total = 0.0
    for y in range(8):
        for x in range(8):
            r, g, b, *_ = small.get_at((x, y))
            total += sum(weight * _linear(channel) for weight, channel in ((0.2126, r), (0.7152, g), (0.0722, b)))
    return total / 64


def _linear(channel: int) -> float:
    c = channel / 255
    return c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4


@dataclass
class _Actor:
    name: str
    look: str
    at: str
    alpha: float = 0.0
    target: float = 1.0


class Stage:
    def __init__(self, ctx: Context) -> None:
        self.ctx = ctx
        self.background: str | None = None
        self.previous: str | None = None
        self.transition = "cut"
        self.duration = 0.0
        self.elapsed = 0.0
        self.actors: dict[str, _Actor] = {}
        self.speaker: str | None = None
        self.beside_phone = False  # the phone is on screen: characters stand left of it
        self.veil = 0.0  # the flash guard's darkening of the whole stage (0 none .. 1 black), lifting
        self.lift = 0.0  # how much of the veil goes each second
        self.luminance: dict[str, float] = {}  # per background (a few dozen names at most)
        self.shown_luminance: float | None = None  # of the stage as last shown

    def _luminance(self, name: str | None) -> float:
        if name is None:
            return 0.0
        found = self.luminance.get(name)
        if found is None:
            found = self.luminance[name] = relative_luminance(self.ctx.resources.image("background", name, (64, 36)))
        return found

    def _guard(self) -> None:
        """Veil a background much brighter than what is on screen (the photosensitivity guard)."""
        if not self.ctx.settings.flash_guard or self.background is None:
            return
        before = self.shown_luminance
        after = self._luminance(self.background)
        if before is not None and (after + 0.05) > FLASH_CONTRAST * (before + 0.05):
            allowed = FLASH_CONTRAST * (before + 0.05) - 0.05  # the brightest the next frame may be
            self.veil = max(self.veil, 1.0 - max(0.0, allowed) / after)
            self.lift = self.veil / GUARD_SECONDS
    def set_background(self, name: str, transition: str, seconds: float, instant: bool = False) -> None:
        self.previous, self.background = self.background, name
        still = instant or seconds <= 0 or self.ctx.settings.reduce_motion  # reduced motion: every change a cut
        self.transition = "cut" if still else transition
        self.duration = 0.0 if self.transition == "cut" else seconds
        self.elapsed = 0.0
        if self.transition == "cut":
            self._guard()

    def follow(self, presentation: Presentation, instant: bool = False) -> None:
        """Move toward ``presentation``: new characters fade in, gone ones fade out."""
        wanted = dict(presentation.characters)
        for name, actor in self.actors.items():
            if name not in wanted:
                actor.target = 0.0
        for name, on_stage in wanted.items():
            known = self.actors.get(name)
            if known is None or (known.target == 0.0 and known.alpha == 0.0):
                actor = _Actor(name, on_stage.look, on_stage.at)
                self.actors[name] = actor
            else:
                actor = known
            actor.look, actor.at, actor.target = on_stage.look, on_stage.at, 1.0
        # keep the stage's order the order characters came on
        order = [name for name, _ in presentation.characters]
        self.actors = dict(sorted(self.actors.items(), key=lambda kv: order.index(kv[0]) if kv[0] in order else -1))
        self.speaker = presentation.speaker
        if presentation.background is not None and presentation.background != self.background and instant:
            self.set_background(presentation.background, "cut", 0.0)
        if instant or self.ctx.settings.reduce_motion:  # reduced motion: no fades either
            self.finish()

    def finish(self) -> None:
        """Jump every animation to its end."""
        self.elapsed = self.duration
        for actor in self.actors.values():
            actor.alpha = actor.target
        self.actors = {n: a for n, a in self.actors.items() if a.target > 0}

    def busy(self) -> bool:
        return self.elapsed < self.duration or any(a.alpha != a.target for a in self.actors.values())

    def animating(self) -> bool:
        """Frames must be drawn: a transition, a fade, or the flash guard's veil lifting."""
        return self.busy() or self.veil > 0

    def remaining(self) -> float:
        return max(0.0, self.duration - self.elapsed)

    def update(self, dt: float) -> None:
        self.veil = max(0.0, self.veil - self.lift * dt)
        self.elapsed = min(self.duration, self.elapsed + dt)
        step = dt / FADE_SECONDS
        for actor in self.actors.values():
            if actor.alpha < actor.target:
                actor.alpha = min(actor.target, actor.alpha + step)
            elif actor.alpha > actor.target:
                actor.alpha = max(actor.target, actor.alpha - step)
        self.actors = {n: a for n, a in self.actors.items() if a.target > 0 or a.alpha > 0}

    # --- drawing ---

    def _background(self, name: str | None) -> pygame.Surface | None:
        if name is None:
            return None
        return self.ctx.resources.image("background", name, self.ctx.view.rect(0, 0, WIDTH, HEIGHT).size)

    def draw(self, surface: pygame.Surface) -> None:
        self._draw(surface)
        if self.veil > 0:
            shade = pygame.Surface(surface.get_size(), pygame.SRCALPHA)
            shade.fill((0, 0, 0, round(255 * min(1.0, self.veil))))
            surface.blit(shade, (0, 0))
        if self.background is not None and self.ctx.settings.flash_guard:
            self.shown_luminance = self._luminance(self.background) * (1.0 - self.veil)

    def _draw(self, surface: pygame.Surface) -> None:
        t = 1.0 if self.duration <= 0 else self.elapsed / self.duration
        new, old = self._background(self.background), self._background(self.previous)
        actors = self._actor_pictures()
        settled = all(actor.alpha == actor.target for actor in self.actors.values())
        if t >= 1.0 or self.transition == "cut":
            if settled:  # nothing moves (the text is typing, or waiting for a click): one kept layer
                surface.blit(self._layer(surface.get_size(), new, actors), (0, 0))
                return
            self._paint(surface, new, actors)
        elif self.transition == "dissolve" and settled:
            # The whole stage dissolves: compositing is linear, so fading "new background + characters"
            # over "old background + characters" shows exactly the characters over the two backgrounds
            # blended, for two flat blits a frame instead of a blend and the characters' alpha edges.
            before = self._layer(surface.get_size(), old, actors)
            surface.blit(before, (0, 0))
            blit_faded(surface, self._layer(surface.get_size(), new, actors, keep=before), (0, 0), t)
            return
        elif self.transition == "dissolve":
            self._paint(surface, old, [])
            if new is not None:
                blit_faded(surface, new, (0, 0), t)
            self._paint_actors(surface, actors)
        else:  # fade: out to black, then in
            shown, level = (old, 1.0 - 2 * t) if t < 0.5 else (new, 2 * t - 1.0)
            surface.fill(BACKDROP)
            if shown is not None:
                blit_faded(surface, shown, (0, 0), level)
            self._paint_actors(surface, actors)

    def _layer(self, size: tuple[int, int], background: pygame.Surface | None,
               actors: list[tuple[pygame.Surface, tuple[int, int], float]],
               keep: pygame.Surface | None = None) -> pygame.Surface:
        """``background`` and ``actors`` painted once, into a kept layer other than the layer ``keep``."""
        # The key holds the pictures themselves (not their ids), so a freed picture is never mistaken
        # for a new one; any change of picture, place, light or window size paints the layer again.
        key = (size, background, tuple(actors))
        layers = self.ctx.resources.layers  # two for the whole game
        for kept in layers:  # e.g. after a dissolve, the stage it dissolved to is already painted
            if kept is not None and kept[0] == key:
                return kept[1]
        slot = 1 if layers[0] is not None and layers[0][1] is keep else 0
        layer = layers[slot]
        canvas = layer[1] if layer is not None and layer[1].get_size() == size else _opaque_surface(size)
        self._paint(canvas, background, actors)
        layers[slot] = (key, canvas)
        return canvas

    @staticmethod
    def _paint(surface: pygame.Surface, background: pygame.Surface | None,
               actors: list[tuple[pygame.Surface, tuple[int, int], float]]) -> None:
        if background is None or background.get_flags() & pygame.SRCALPHA \
                or background.get_size() != surface.get_size():
            surface.fill(BACKDROP)
        if background is not None:
            surface.blit(background, (0, 0))
        Stage._paint_actors(surface, actors)

    @staticmethod
    def _paint_actors(surface: pygame.Surface, actors: list[tuple[pygame.Surface, tuple[int, int], float]]) -> None:
        for picture, pos, level in actors:
            blit_faded(surface, picture, pos, level)

    def _actor_pictures(self) -> list[tuple[pygame.Surface, tuple[int, int], float]]:
        """(picture, place, opacity) of each character to draw, in stage order."""
        view = self.ctx.view
        pictures = []
        for actor in self.actors.values():
            if actor.alpha <= 0:
                continue
            dim = DIM if self.speaker is not None and self.speaker != actor.name else 0
            picture, width = self._character(actor.name, actor.look, dim)
            x = character_x(actor.at, self.beside_phone) - width / 2
            pictures.append((picture, view.point(x, HEIGHT - CHARACTER_HEIGHT), actor.alpha))
        return pictures

    def figures(self) -> list[tuple[str, pygame.Rect, pygame.Rect]]:
        """(character, body, face) of each character on stage, in viewport pixels: what must stay in view.

        The body is the visible part of the picture; the face is the top ``FACE_SHARE`` of it, its
        middle half across.
        """
        found = []
        for (picture, (x, y), _level), name in zip(self._actor_pictures(),
                                                   (a.name for a in self.actors.values() if a.alpha > 0)):
            body = picture.get_bounding_rect().move(x, y)
            face = pygame.Rect(body.x + body.w // 4, body.y, body.w // 2, round(body.h * FACE_SHARE))
            found.append((name, body, face))
        return found

    def _character(self, name: str, look: str, dim: int) -> tuple[pygame.Surface, float]:
        """A character's look scaled to stage height (and dimmed by ``dim``), with its logical width."""
        view, res = self.ctx.view, self.ctx.resources
        w, h = res.natural_size("character", f"{name}/{look}")
        width = w * CHARACTER_HEIGHT / max(h, 1)
        size = (view.px(width), view.px(CHARACTER_HEIGHT))
        return res.image("character", f"{name}/{look}", size, dim), width

    def prepare(self, picture: tuple[str, str, str | None]) -> None:
        """Load and scale a picture the stage will soon need (see game.ui.prefetch)."""
        kind, name, look = picture
        if kind == "background":
            self._background(name)
        elif look is not None:
            self._character(name, look, 0)  # lit while speaking,
            self._character(name, look, DIM)  # dimmed while others speak


def _opaque_surface(size: tuple[int, int]) -> pygame.Surface:
    surface = pygame.Surface(size)
    return surface.convert() if pygame.display.get_surface() is not None else surface
