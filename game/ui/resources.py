"""Images and fonts, loaded once, scaled once per window size, with visible placeholders.

Story pictures (backgrounds, characters, ending cards) come from the story
folder; the interface's own pictures and fonts come from the shipped assets, so
a writer's scratch story still gets the game's look.  A missing or broken
picture becomes a visible placeholder and one warning in the log, never a crash.
"""

from __future__ import annotations

import logging
from collections import OrderedDict
from pathlib import Path

import pygame

from game.story.assets import AssetError, AssetIndex

log = logging.getLogger(__name__)

FONT_FILES = {False: "fonts/NanumBarunGothic.ttf", True: "fonts/NanumBarunGothicBold.ttf"}
TEXT_CACHE_BYTES = 24 * 2**20  # rendered rows are large: bound the cache by memory, not count


class Resources:
    def __init__(self, story_root: Path, ui_root: Path) -> None:
        self.story_assets = AssetIndex(story_root)
        self.ui_root = ui_root
        self.ui_assets = AssetIndex(ui_root)
        self._raw: dict[tuple[str, str], pygame.Surface] = {}
        self._scaled: dict[tuple[str, str, int, int, int], pygame.Surface] = {}
        self._fonts: dict[tuple[int, bool], pygame.font.Font] = {}
        self._text: OrderedDict[tuple[str, int, bool, tuple[int, ...]], pygame.Surface] = OrderedDict()
        self._text_bytes = 0
        self._exists: dict[tuple[str, str], bool] = {}  # screens ask every frame; the disk is asked once
        # Whole painted stages kept between frames (see game.ui.stage): (what was painted, surface).
        # They live here, one pair for the whole game, so a play screen that is left behind never
        # holds full-frame surfaces while it waits for the garbage collector.
        self.layers: list[tuple[tuple[object, ...], pygame.Surface] | None] = [None, None]
        self.missing: set[str] = set()

    def set_story(self, story_root: Path) -> None:
        self.story_assets = AssetIndex(story_root)
        self._raw = {k: v for k, v in self._raw.items() if k[0] == "ui"}
        self._scaled = {k: v for k, v in self._scaled.items() if k[0] == "ui"}
        self._exists = {k: v for k, v in self._exists.items() if k[0] == "ui"}
        self.layers = [None, None]

    # --- images ---

    def _load(self, kind: str, name: str) -> pygame.Surface:
        key = (kind, name)
        surface = self._raw.get(key)
        if surface is None:
            index = self.ui_assets if kind == "ui" else self.story_assets
            asset_kind = "image" if kind == "ui" else kind
            asset_name = f"ui/{name}" if kind == "ui" else name
            try:
                path = index.find(asset_kind, asset_name)
                loaded = pygame.image.load(str(path))
                if pygame.display.get_surface() is None:
                    surface = loaded
                elif loaded.get_flags() & pygame.SRCALPHA:
                    surface = loaded.convert_alpha()
                else:  # opaque pictures blit (and fade) far faster without per-pixel alpha
                    surface = loaded.convert()
            except (AssetError, pygame.error, OSError) as exc:
                if f"{kind}:{name}" not in self.missing:
                    log.warning("missing picture %s %r: %s", kind, name, exc)
                    self.missing.add(f"{kind}:{name}")
                surface = self.placeholder(name)
            self._raw[key] = surface
        return surface

    def exists(self, kind: str, name: str) -> bool:
        key = (kind, name)
        found = self._exists.get(key)
        if found is None:
            index = self.ui_assets if kind == "ui" else self.story_assets
            try:
                index.find("image" if kind == "ui" else kind, f"ui/{name}" if kind == "ui" else name)
                found = True
            except AssetError:
                found = False
            self._exists[key] = found
        return found

    def image(self, kind: str, name: str, size: tuple[int, int] | None = None, dim: int = 0) -> pygame.Surface:
        """The picture scaled to ``size`` pixels (smooth, once), optionally darkened by ``dim`` (0..255)."""
        raw = self._load(kind, name)
        w, h = size or raw.get_size()
        key = (kind, name, w, h, dim)
        surface = self._scaled.get(key)
        if surface is None:
            surface = raw if (w, h) == raw.get_size() else pygame.transform.smoothscale(raw, (w, h))
            if dim:
                surface = surface.copy()
                surface.fill((255 - dim, 255 - dim, 255 - dim, 255), special_flags=pygame.BLEND_RGBA_MULT)
            self._scaled[key] = surface
        return surface

    def natural_size(self, kind: str, name: str) -> tuple[int, int]:
        return self._load(kind, name).get_size()

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
            label = pygame.font.Font(None, 36).render(f"missing: {name}", True, (255, 255, 255))
            surface.blit(label, label.get_rect(center=(size[0] // 2, size[1] // 2)))
        return surface

    # --- text ---

    def font(self, size: int, bold: bool = False) -> pygame.font.Font:
        key = (size, bold)
        font = self._fonts.get(key)
        if font is None:
            path = self.ui_root / FONT_FILES[bold]
            try:
                font = pygame.font.Font(str(path), size)
            except (OSError, pygame.error) as exc:  # no Hangul then, but the game still runs
                log.warning("cannot load the font %s: %s", path, exc)
                font = pygame.font.Font(None, size)
            self._fonts[key] = font
        return font

    def text(self, text: str, size: int, color: tuple[int, ...], bold: bool = False) -> pygame.Surface:
        """Rendered text, cached (a line is rendered once however many frames it stays)."""
        key = (text, size, bold, color)
        surface = self._text.get(key)
        if surface is None:
            surface = self.font(size, bold).render(text, True, color)
            self._text[key] = surface
            self._text_bytes += surface.get_width() * surface.get_height() * surface.get_bytesize()
            while self._text_bytes > TEXT_CACHE_BYTES and len(self._text) > 1:
                _, old = self._text.popitem(last=False)
                self._text_bytes -= old.get_width() * old.get_height() * old.get_bytesize()
        else:
            self._text.move_to_end(key)
        return surface
