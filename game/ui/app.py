"""The game window: start-up, the main loop, the screen stack, and keys that work everywhere.

The loop runs at most 60 frames a second and, when nothing moves, waits for
input instead of drawing (an idle game costs no CPU).  F11 / Alt+Enter toggle
fullscreen, F12 saves a screenshot to the player's folder.
"""

from __future__ import annotations

import logging
import signal
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

import pygame

from game.persist import paths
from game.persist.progress import Progress, load_progress, save_progress
from game.persist.saves import SaveStore
from game.persist.settings import Settings, load_settings, save_settings
from game.story import model as m
from game.story.loader import read_story

from .audio import Audio
from .input import InputMapper
from .resources import Resources
from .screens.base import Screen
from .view import HEIGHT, WIDTH, View

log = logging.getLogger(__name__)
FPS = 60


@dataclass
class Options:
    """How the game was started (from the command line)."""

    story_root: Path
    ui_root: Path
    data_dir: Path
    frames: int | None = None
    screenshot: Path | None = None
    warp: str | None = None
    variables: dict[str, object] = field(default_factory=dict)
    language: str | None = None
    record: Path | None = None
    window: bool = True


@dataclass
class Context:
    """What screens share: the services, and the stack to push and pop screens on."""

    options: Options
    view: View
    resources: Resources
    audio: Audio
    settings: Settings
    saves: SaveStore
    progress: Progress
    story: m.Story | None
    story_errors: list[str]
    stack: list[Screen] = field(default_factory=list)
    notices: list[tuple[str, float]] = field(default_factory=list)  # (message, seconds left)
    quit_requested: bool = False
    pads: dict[int, object] = field(default_factory=dict)  # open game controllers, for held-stick walking
    toggle_fullscreen: Callable[[], None] = lambda: None
    capture: Callable[[], pygame.Surface] | None = None

    @property
    def language(self) -> str:
        return self.settings.language

    def push(self, screen: Screen) -> None:
        self.stack.append(screen)

    def pop(self) -> None:
        if self.stack:
            self.stack.pop()
        if self.stack:
            self.stack[-1].resume()

    def replace(self, screen: Screen) -> None:
        self.stack.clear()
        self.stack.append(screen)

    def notify(self, message: str, seconds: float = 2.5) -> None:
        self.notices.append((message, seconds))

    def save_settings(self) -> None:
        save_settings(self.options.data_dir / "settings.json", self.settings)
        self.audio.set_volumes(self.settings.master_volume, self.settings.music_volume, self.settings.sfx_volume)

    def save_progress(self) -> None:
        save_progress(self.options.data_dir / "progress.json", self.progress)


class App:
    def __init__(self, options: Options) -> None:
        self.options = options
        started = time.perf_counter()
        pygame.init()
        settings, warnings = load_settings(options.data_dir / "settings.json")
        for warning in warnings:
            log.warning("%s", warning)
        if options.language:
            settings.language = options.language
        self.view = View((WIDTH, HEIGHT))
        self.fullscreen = settings.fullscreen
        self.window = self._open_window(tuple(settings.window_size) if not self.fullscreen else (0, 0))
        pygame.display.set_caption("Lost in Starlight: Signal Delay")
        resources = Resources(options.story_root, options.ui_root, self.view)
        audio = Audio(resources.story_file, resources.story_root)
        audio.set_volumes(settings.master_volume, settings.music_volume, settings.sfx_volume)
        progress, warnings = load_progress(options.data_dir / "progress.json")
        for warning in warnings:
            log.warning("%s", warning)
        result = read_story(options.story_root, paths.cache_dir())
        errors = [str(p) for p in result.problems if p.severity == "error"]
        self.ctx = Context(options, self.view, resources, audio, settings,
                           SaveStore(paths.saves_dir(options.data_dir)), progress, result.story, errors)
        self.ctx.toggle_fullscreen = self.toggle_fullscreen
        self.ctx.capture = self.capture
        self.mapper = InputMapper(self.view.to_logical)
        self.mapper.pads = self.ctx.pads
        self.clock = pygame.time.Clock()
        self.frames = 0
        self.first_frame_logged = False
        self.dirty = True  # something changed since the last frame drawn
        self.frame_times: list[float] = []
        pygame.key.set_repeat(380, 55)
        # SDL turns SIGTERM into a window-close request, which a game in progress answers
        # with "quit?"; a terminated game must simply end (saving the player's progress).
        signal.signal(signal.SIGTERM, lambda *_: setattr(self.ctx, "quit_requested", True))
        log.info("started in %.3f s", time.perf_counter() - started)

    def _open_window(self, size: tuple[int, int]) -> pygame.Surface:
        flags = pygame.FULLSCREEN if self.fullscreen else pygame.RESIZABLE
        window = pygame.display.set_mode(size, flags)
        self.view.window_size = window.get_size()
        return window

    def toggle_fullscreen(self) -> None:
        self.fullscreen = not self.fullscreen
        self.ctx.settings.fullscreen = self.fullscreen
        self.window = self._open_window((0, 0) if self.fullscreen else tuple(self.ctx.settings.window_size))
        self.ctx.save_settings()

    def viewport_surface(self) -> pygame.Surface:
        return self.window.subsurface(self.view.viewport)

    def capture(self) -> pygame.Surface:
        """A copy of what the viewport shows now (for thumbnails and screenshots)."""
        return self.viewport_surface().copy()

    def screenshot(self, path: Path | None = None) -> Path:
        if path is None:
            folder = paths.screenshots_dir(self.options.data_dir)
            folder.mkdir(parents=True, exist_ok=True)
            path = folder / f"starlight-{datetime.now():%Y%m%d-%H%M%S-%f}.png"
        path.parent.mkdir(parents=True, exist_ok=True)
        pygame.image.save(self.capture(), str(path))
        return path

    # --- the loop ---

    def handle_global(self, event: pygame.event.Event) -> bool:
        """Keys and window events every screen shares; True when the event is used up."""
        if event.type == pygame.QUIT:
            self.request_quit()
            return True
        if event.type == pygame.VIDEORESIZE and not self.fullscreen:
            self.view.window_size = self.window.get_size()
            self.ctx.settings.window_size = list(self.window.get_size())
            return True
        if event.type == pygame.KEYDOWN:
            if event.key == pygame.K_F11 or (event.key == pygame.K_RETURN and event.mod & pygame.KMOD_ALT):
                self.toggle_fullscreen()
                return True
            if event.key == pygame.K_F12:
                path = self.screenshot()
                self.ctx.notify(f"Screenshot: {path.name}")
                return True
        return False

    def request_quit(self) -> None:
        top = self.ctx.stack[-1] if self.ctx.stack else None
        ask = getattr(top, "confirm_quit", None)
        if callable(ask):
            ask()
        else:
            self.ctx.quit_requested = True

    def run(self, first: Callable[[Context], Screen]) -> int:
        self.ctx.push(first(self.ctx))
        self.dirty = True
        while self.step(1, wait=True):
            if self.options.frames is not None and self.frames >= self.options.frames:
                break
        if self.options.screenshot is not None:
            self.draw()
            self.screenshot(self.options.screenshot)
        self.ctx.save_progress()
        return 0

    def step(self, frames: int = 1, wait: bool = False) -> bool:
        """Run the loop body ``frames`` times; False once the game is over (quit, or no screen left).

        ``wait`` is the interactive loop's pacing: at most ``FPS`` frames a second, and
        an idle game sleeps until input comes.  Without it (tests, tools) a step never blocks.
        """
        for _ in range(frames):
            if self.ctx.quit_requested or not self.ctx.stack:
                return False
            top = self.ctx.stack[-1]
            busy = self.dirty or top.animating() or bool(self.ctx.notices) or self.options.frames is not None
            events = pygame.event.get() if busy or not wait else [pygame.event.wait(250)]
            for event in events:
                if event.type == pygame.NOEVENT:
                    continue
                self.dirty = True
                if self.handle_global(event):
                    continue
                for inp in self.mapper.translate(event):
                    if self.ctx.stack:
                        self.ctx.stack[-1].handle(inp)
            # pace to the screen's own rate (the title's slow drift asks for fewer frames than play)
            dt = min(self.clock.tick(min(FPS, top.frame_rate) if wait else 0) / 1000.0, 0.1)
            if not self.ctx.stack:
                return False
            frame_start = time.perf_counter()
            self.ctx.stack[-1].update(dt)
            self.ctx.audio.update()  # a track waiting for the last one to fade out starts now
            self.ctx.notices = [(text, left - dt) for text, left in self.ctx.notices if left - dt > 0]
            if self.dirty or self.ctx.stack[-1].animating() or self.ctx.notices or self.options.frames is not None:
                self.draw()
                self.dirty = False
            self.frame_times.append(time.perf_counter() - frame_start)
            self.frames += 1
        return not self.ctx.quit_requested and bool(self.ctx.stack)

    def close(self) -> None:
        """Stop the sound (the music stream first) and shut pygame down: always close this way."""
        self.ctx.audio.close()
        pygame.quit()

    def draw(self) -> None:
        surface = self.viewport_surface()
        stack = self.ctx.stack
        first = max((i for i, s in enumerate(stack) if s.opaque), default=0)
        self.clear(surface, paints_all=bool(stack) and stack[first].paints_all)
        for screen in stack[first:]:
            screen.draw(surface)
        self.draw_notices(surface)
        pygame.display.flip()
        if not self.first_frame_logged:
            self.first_frame_logged = True
            log.info("first frame at %.6f", time.time())  # wall clock: benchmarks compare it with their launch
        if stack:
            after = getattr(stack[-1], "after_draw", None)
            if callable(after):
                after(surface)

    def clear(self, surface: pygame.Surface, paints_all: bool) -> None:
        """Black letterbox bars, and a black viewport unless the screen at the bottom paints all of it."""
        viewport = self.view.viewport
        window = self.window.get_rect()
        if viewport != window:
            for bar in (pygame.Rect(0, 0, window.width, viewport.top),
                        pygame.Rect(0, viewport.bottom, window.width, window.height - viewport.bottom),
                        pygame.Rect(0, viewport.top, viewport.left, viewport.height),
                        pygame.Rect(viewport.right, viewport.top, window.width - viewport.right, viewport.height)):
                if bar.width > 0 and bar.height > 0:
                    self.window.fill((0, 0, 0), bar)
        if not paints_all:
            surface.fill((0, 0, 0))

    def draw_notices(self, surface: pygame.Surface) -> None:
        view, res = self.view, self.ctx.resources
        y = 24
        for text, left in self.ctx.notices[-3:]:
            label = res.text(text, view.px(22), (244, 241, 234))
            box = label.get_rect(topright=(view.px(WIDTH - 28), view.px(y)))
            panel = pygame.Surface(box.inflate(view.px(28), view.px(14)).size, pygame.SRCALPHA)
            panel.fill((11, 13, 26, int(220 * min(1.0, left / 0.4))))
            surface.blit(panel, box.inflate(view.px(28), view.px(14)))
            surface.blit(label, box)
            y += 48


def run_game(options: Options, first: Callable[[Context], Screen] | None = None) -> int:
    """Open the window and play; returns the exit status."""
    if first is None:
        from .screens.title import TitleScreen
        first = TitleScreen
    app = App(options)
    try:
        return app.run(first)
    finally:
        app.close()
