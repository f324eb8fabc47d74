"""Images, fonts and rendered text: read safely, scaled once per window size, kept within a memory budget.

Story pictures (backgrounds, characters, ending cards) come from the story
folder; the interface's own pictures and fonts come from the shipped assets, so
a writer's scratch story still gets the game's look.

A picture file is shared data: it is read and decoded by ``picture_file`` (a
regular file inside its folder, of bounded size, whose header promises a size
safe to decode), so a decompression bomb is never decoded; the title's first
pictures may come decoded already from ``early``.  A missing, refused or broken
picture becomes a visible placeholder and one warning in the log, never a crash.

Every cache here is a ``ByteLRU``: decoded pictures, pictures scaled to the
window, interface pieces (panels, shades), rendered text.  A story may name any
number of pictures; the game holds a bounded number of bytes of them.  When the
window's scale changes, everything made for the old scale is dropped at once.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from pathlib import Path

import pygame

from game.story.assets import AssetError, AssetIndex
from game.story.files import FileRefused
from game.typeset import FontBook, Typeface

from .cache import ByteLRU
from .early import EarlyPictures
from .picture_file import decode_picture
from .view import View

log = logging.getLogger(__name__)

MB = 2**20
# Pictures scaled to the window, at 1280x720 (a bigger window gets a budget as much bigger as its area):
# about 17 full-screen pictures: the stage (two backgrounds in a transition, characters lit and dimmed,
# about 6), the pictures prefetched for the next steps (a third) and the most recently seen ones.
# (Measured on the shipped game's long play: the game without picture caches holds about 105 MB;
# these budgets bring its peak to about 205 MB, under the 250 MB target; twice them, to 255 MB.)
PICTURE_BUDGET = 64 * MB
RAW_BUDGET = 24 * MB  # pictures as decoded, before scaling (kept to make the other sizes of them)
PIECE_BUDGET = 12 * MB  # panels and shades made at the window's size
TEXT_CACHE_BYTES = 12 * MB  # rendered rows are large: bound the cache by memory, not count
PREFETCH_SHARE = 3  # prefetching may fill a third of the picture budget (see game.ui.prefetch)


def surface_bytes(surface: pygame.Surface) -> int:
    """The pixel memory of ``surface``."""
    return surface.get_pitch() * surface.get_height()


class Resources:
    """The pictures, fonts and text of the game and of the story being played.

    ``view`` (the window's logical canvas) tells the scale; without one the
    scale is 1.  ``picture_budget`` and ``raw_budget`` bound the picture caches
    in bytes (``picture_budget`` is for a 1280x720 window).
    """

    def __init__(self, story_root: Path, ui_root: Path, view: View | None = None, *,
                 picture_budget: int = PICTURE_BUDGET, raw_budget: int = RAW_BUDGET,
                 early: EarlyPictures | None = None) -> None:
        self.story_assets = AssetIndex(story_root)
        self.early = early  # the title's pictures decoded while the game started (None once it has drawn)
        self.ui_root = ui_root
        self.ui_assets = AssetIndex(ui_root)
        self.view = view
        self.picture_budget = picture_budget
        self._scale = self._current_scale()
        self._raw: ByteLRU[tuple[str, str], pygame.Surface] = ByteLRU(raw_budget, surface_bytes)
        self._scaled: ByteLRU[tuple[str, str, int, int, int], pygame.Surface] = ByteLRU(
            self._scaled_budget(), surface_bytes)
        self._pieces: ByteLRU[tuple[object, ...], pygame.Surface] = ByteLRU(PIECE_BUDGET, surface_bytes)
        self._text: ByteLRU[tuple[str, int, bool, tuple[int, ...], str], pygame.Surface] = ByteLRU(
            TEXT_CACHE_BYTES, surface_bytes)
        # The layout's few sizes at this scale, Latin text in the player's Latin font, Hangul in Nanum
        self._fonts = FontBook(ui_root, lambda path, exc: log.warning("cannot load the font %s: %s", path, exc))
        self.latin = "standard"  # the Latin font (the player's setting; game.typeset.LATIN_CHOICES)
        # One entry per picture file asked for (small): screens ask every frame; the disk is asked once.
        self._exists: dict[tuple[str, str], bool] = {}
        self._sizes: dict[tuple[str, str], tuple[int, int]] = {}
        # Whole painted stages kept between frames (see game.ui.stage): (what was painted, surface).
        # They live here, one pair for the whole game, so a play screen that is left behind never
        # holds full-frame surfaces while it waits for the garbage collector.
        self.layers: list[tuple[tuple[object, ...], pygame.Surface] | None] = [None, None]
        self.missing: set[str] = set()
        self.served = 0  # bytes of scaled pictures handed out so far (the prefetcher measures with it)

    def set_story(self, story_root: Path) -> None:
        self.story_assets = AssetIndex(story_root)
        self._raw.discard_where(lambda key: key[0] != "ui")
        self._scaled.discard_where(lambda key: key[0] != "ui")
        self._exists = {k: v for k, v in self._exists.items() if k[0] == "ui"}
        self._sizes = {k: v for k, v in self._sizes.items() if k[0] == "ui"}
        self.layers = [None, None]

    def story_file(self, kind: str, name: str) -> Path:
        """The file of a story asset (AssetError when missing or unsafe), in the story being played now."""
        return self.story_assets.find(kind, name)

    def story_root(self) -> Path:
        return self.story_assets.root

    # --- the window's scale ---

    def _current_scale(self) -> float:
        return self.view.scale if self.view is not None else 1.0

    def _scaled_budget(self) -> int:
        return int(self.picture_budget * max(1.0, self._scale) ** 2)

    def follow_scale(self) -> None:
        """Drop what was made for another window scale (called by every lookup; cheap when nothing changed)."""
        scale = self._current_scale()
        if scale == self._scale:
            return
        self._scale = scale
        self._scaled.clear()
        self._pieces.clear()
        self._text.clear()
        self._fonts.clear()  # text sizes are pixel sizes: the old scale's fonts are not asked for again
        self.layers = [None, None]
        self._scaled.budget = self._scaled_budget()

    def prefetch_allowance(self) -> int:
        """Bytes of scaled pictures the prefetcher may prepare ahead of the stage."""
        self.follow_scale()
        return self._scaled.budget // PREFETCH_SHARE

    # --- images ---

    def _index(self, kind: str) -> tuple[AssetIndex, str, str]:
        return (self.ui_assets, "image", "ui/") if kind == "ui" else (self.story_assets, kind, "")

    def _decode(self, kind: str, name: str) -> pygame.Surface:
        """The picture read from its file (checked before any decoding), converted for fast blits."""
        loaded = self.early.take(name) if self.early is not None and kind == "ui" else None
        if loaded is None:
            index, asset_kind, prefix = self._index(kind)
            loaded = decode_picture(index, asset_kind, prefix + name)
        if pygame.display.get_surface() is None:
            return loaded
        if loaded.get_flags() & pygame.SRCALPHA:
            return loaded.convert_alpha()
        return loaded.convert()  # opaque pictures blit (and fade) far faster without per-pixel alpha

    def _load(self, kind: str, name: str) -> pygame.Surface:
        key = (kind, name)
        surface = self._raw.get(key)
        if surface is None:
            try:
                surface = self._decode(kind, name)
            except (AssetError, FileRefused, pygame.error, OSError) as exc:
                if f"{kind}:{name}" not in self.missing:
                    log.warning("missing picture %s %r: %s", kind, name, exc)
                    self.missing.add(f"{kind}:{name}")
                surface = self.placeholder(name)
            self._raw.put(key, surface)
            self._sizes[key] = surface.get_size()
        return surface

    def exists(self, kind: str, name: str) -> bool:
        key = (kind, name)
        found = self._exists.get(key)
        if found is None:
            index, asset_kind, prefix = self._index(kind)
            try:
                index.find(asset_kind, prefix + name)
                found = True
            except AssetError:
                found = False
            self._exists[key] = found
        return found

    def image(self, kind: str, name: str, size: tuple[int, int] | None = None, dim: int = 0) -> pygame.Surface:
        """The picture scaled to ``size`` pixels (smooth, once), optionally darkened by ``dim`` (0..255)."""
        self.follow_scale()
        w, h = size or self.natural_size(kind, name)
        key = (kind, name, w, h, dim)
        surface = self._scaled.get(key)
        if surface is None:
            raw = self._load(kind, name)
            surface = raw if (w, h) == raw.get_size() else pygame.transform.smoothscale(raw, (w, h))
            if dim:
                surface = surface.copy()
                surface.fill((255 - dim, 255 - dim, 255 - dim, 255), special_flags=pygame.BLEND_RGBA_MULT)
            self._scaled.put(key, surface)
        self.served += surface_bytes(surface)
        return surface

    def natural_size(self, kind: str, name: str) -> tuple[int, int]:
        size = self._sizes.get((kind, name))
        return size if size is not None else self._load(kind, name).get_size()

    def holds(self, kind: str, name: str, size: tuple[int, int], dim: int = 0) -> bool:
        """Whether the picture at ``size`` (and ``dim``) is ready in the cache (nothing is loaded)."""
        return (kind, name, size[0], size[1], dim) in self._scaled

    @staticmethod
    def placeholder(name: str, size: tuple[int, int] = (640, 360)) -> pygame.Surface:
        """A magenta-and-dark checker with the missing name on it: impossible to overlook."""
        surface = pygame.Surface(size, pygame.SRCALPHA)
        cell = 40
        for y in range(0, size[1], cell):
            for x in range(0, size[0], cell):
                dark = (x // cell + y // cell) % 2
                surface.fill((120, 20, 110, 230) if dark else (40, 10, 40, 230), (x, y, cell, cell))
        if pygame.font.get_init():
            label = pygame.font.Font(None, 36).render(f"missing: {name[:80]}", True, (255, 255, 255))
            surface.blit(label, label.get_rect(center=(size[0] // 2, size[1] // 2)))
        return surface

    # --- interface pieces ---

    def piece(self, key: tuple[object, ...], make: Callable[[], pygame.Surface]) -> pygame.Surface:
        """An interface piece (a panel, a shade) made once by ``make`` for ``key`` at this window scale."""
        self.follow_scale()
        surface = self._pieces.get(key)
        if surface is None:
            surface = make()
            self._pieces.put(key, surface)
        return surface

    # --- text ---

    def font(self, size: int, bold: bool = False) -> Typeface:
        """The typeface of ``size`` pixels: Latin runs in the player's Latin font, Hangul runs in Nanum."""
        return self._fonts.face(size, bold, self.latin)

    def text(self, text: str, size: int, color: tuple[int, ...], bold: bool = False) -> pygame.Surface:
        """Rendered text, cached (a line is rendered once however many frames it stays)."""
        self.follow_scale()
        key = (text, size, bold, color, self.latin)
        surface = self._text.get(key)
        if surface is None:
            surface = self.font(size, bold).render(text, True, color)
            self._text.put(key, surface)
        return surface
