"""The game window: start-up, the main loop, the screen stack, and keys that work everywhere.

The loop runs at most 60 frames a second and, when nothing moves, waits for
input instead of drawing (an idle game costs no CPU).  F11 / Alt+Enter toggle
fullscreen, F12 saves a screenshot to the player's folder.
"""

from __future__ import annotations

import logging
import os
import signal
import time
from collections.abc import Callable
from datetime import datetime
from pathlib import Path

import pygame

from game.persist import paths
from game.persist.progress import load_progress
from game.persist.saves import SaveStore
from game.persist.settings import clamp_window, load_settings
from game.play.chronicle import relocate_record
from game.story.loader import read_story

from .access.manager import Access
from .access.screen_reader import open_screen_reader
from .audio import Audio
from .context import Context, Options
from .input import Action, Bindings, Input, InputMapper
from .navigator import Navigator
from .quiet import library_noise_caught
from .resources import Resources
from .screens.base import Screen
from .screens.confirm import ConfirmScreen
from .strings import tr
from .view import HEIGHT, WIDTH, View

__all__ = ["App", "Context", "Options", "run_game"]

log = logging.getLogger(__name__)
FPS = 60


class App:
    def __init__(self, options: Options) -> None:
        self.options = options
        started = time.perf_counter()
        with library_noise_caught():  # SDL probing for sound on a silent machine prints a dozen lines
            pygame.init()
        settings, warnings = load_settings(options.data_dir / "settings.json")
        for warning in warnings:
            log.warning("%s", warning)
        if options.language:
            settings.language = options.language
        self.view = View((WIDTH, HEIGHT))
        self.fullscreen = settings.fullscreen
        self.window = self._open_window(self.window_size(settings.window_size) if not self.fullscreen else (0, 0))
        resources = Resources(options.story_root, options.ui_root, self.view, early=options.early)
        resources.latin = settings.latin_font
        with library_noise_caught():
            audio = Audio(resources.story_file, resources.story_root, mono=settings.mono_audio)
        audio.set_volumes(settings.master_volume, settings.music_volume, settings.sfx_volume)
        progress, warnings = load_progress(options.data_dir / "progress.json")
        for warning in warnings:
            log.warning("%s", warning)
        result = read_story(options.story_root, paths.cache_dir())
        errors = [str(p) for p in result.problems if p.severity == "error"]
        if result.story is not None:
            moved = relocate_record(progress, result.story)  # the story may have been edited since
            if moved:
                log.info("the player's record followed %d choice(s) the story moved", moved)
        self.ctx = Context(options, self.view, resources, audio, settings,
                           SaveStore(paths.saves_dir(options.data_dir)), progress, result.story, errors,
                           Navigator(self._title))
        story = result.story
        pygame.display.set_caption(story.title.get(settings.language) if story else "starlight")
        self.ctx.toggle_fullscreen = self.toggle_fullscreen
        self.ctx.capture = self.capture
        self.mapper = InputMapper(self.view.to_logical, self.bindings())
        self.mapper.pads = self.ctx.pads
        self.ctx.rebind = lambda: self.mapper.use(self.bindings())
        # A screen reader reads a real window (SDL's dummy driver, for tests and tools, has none, unless
        # STARLIGHT_ACCESSKIT=1 asks for the bridge anyway, as the AT-SPI test does)
        real = pygame.display.get_driver() != "dummy" or os.environ.get("STARLIGHT_ACCESSKIT") == "1"
        self.ctx.access = Access(self.ctx, reader_factory=open_screen_reader if real and options.window else None)
        self.clock = pygame.time.Clock()
        self.frames = 0
        self.first_frame_logged = False
        self.dirty = True  # something changed since the last frame drawn
        self.was_animating = False
        self.frame_times: list[float] = []
        pygame.key.set_repeat(380, 55)
        log.info("started in %.3f s", time.perf_counter() - started)

    def bindings(self) -> Bindings:
        """The player's key and pad bindings (names this game does not know are dropped, with a warning)."""
        found = Bindings(self.ctx.settings.key_bindings, self.ctx.settings.pad_bindings)
        if found.ignored:
            log.warning("settings.json: unknown keys or actions in the bindings were ignored: %s",
                        ", ".join(found.ignored[:8]))
        return found

    def _title(self) -> Screen:
        from .title import TitleScreen  # the home screen opens the rest of the game
        return TitleScreen(self.ctx)

    @staticmethod
    def window_size(wanted: list[int]) -> tuple[int, int]:
        """The window size to open: the player's, but never larger than the display can show."""
        size = (wanted + [WIDTH, HEIGHT])[:2]
        # (SDL's dummy driver, for tests and tools, has no real screen: its 1024x768 bounds nothing)
        desktop = pygame.display.get_desktop_sizes() if pygame.display.get_driver() != "dummy" else []
        return clamp_window(size, desktop[0] if desktop else (0, 0))

    def _open_window(self, size: tuple[int, int]) -> pygame.Surface:
        flags = pygame.FULLSCREEN if self.fullscreen else pygame.RESIZABLE
        window = pygame.display.set_mode(size, flags)
        self.view.window_size = window.get_size()
        return window

    def toggle_fullscreen(self) -> None:
        self.fullscreen = not self.fullscreen
        self.ctx.settings.fullscreen = self.fullscreen
        self.window = self._open_window((0, 0) if self.fullscreen else self.window_size(self.ctx.settings.window_size))
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
                if not self.mapper.key_repeats(event):  # held F11 must not toggle again and again
                    self.toggle_fullscreen()
                return True
            if event.key == pygame.K_F12:
                path = self.screenshot()
                self.ctx.notify(f"Screenshot: {path.name}")
                return True
        return False

    def handle_access(self, inp: Input) -> bool:
        """Shift+A opens the accessibility screen on any screen; V says the last thing again."""
        from .screens.accessibility import AccessibilityScreen  # (opened from every screen)
        action = inp.action
        if action == Action.ACCESS and not inp.repeat and not isinstance(self.ctx.nav.top, AccessibilityScreen):
            self.ctx.nav.push(AccessibilityScreen(self.ctx))
            return True
        if action == Action.SPEAK_AGAIN and self.ctx.access is not None:
            self.ctx.access.again()
            return True
        return False

    def request_quit(self) -> None:
        """The window's close button: a game in progress asks first; anything else just ends."""
        nav = self.ctx.nav
        if not nav.guarded():
            self.ctx.quit_requested = True
        elif not isinstance(nav.top, ConfirmScreen):
            nav.push(ConfirmScreen(self.ctx, tr("quit_confirm", self.ctx.language), self.quit_now))

    def quit_now(self) -> None:
        self.ctx.quit_requested = True

    def run(self, first: Callable[[Context], Screen] | None = None) -> int:
        if first is None:
            self.ctx.nav.home()
            self.offer_access()
        else:
            self.ctx.nav.push(first(self.ctx))
        self.dirty = True
        while self.step(1, wait=True):
            if self.options.frames is not None and self.frames >= self.options.frames:
                break
        if self.options.screenshot is not None:
            self.draw()
            self.screenshot(self.options.screenshot)
        self.ctx.save_progress()
        return 0

    def offer_access(self) -> None:
        """The very first launch opens the accessibility screen over the title, once."""
        from .screens.accessibility import AccessibilityScreen
        if not self.ctx.settings.access_offered:
            self.ctx.nav.push(AccessibilityScreen(self.ctx, first_launch=True))
            self.ctx.settings.access_offered = True
            try:
                self.ctx.save_settings()
            except OSError as exc:  # offered again next time, then
                log.warning("cannot save the settings: %s", exc)

    def step(self, frames: int = 1, wait: bool = False, dt: float | None = None) -> bool:
        """Run the loop body ``frames`` times; False once the game is over (quit, or no screen left).

        ``wait`` is the interactive loop's pacing: at most ``FPS`` frames a second, and
        an idle game sleeps until input comes.  Without it (tests, tools) a step never blocks.
        ``dt`` makes every frame last that many seconds of game time (tests: a steady clock).
        """
        nav = self.ctx.nav
        for _ in range(frames):
            top = nav.top
            if self.ctx.quit_requested or top is None:
                return False
            busy = self.dirty or top.animating() or bool(self.ctx.notices) or self.options.frames is not None
            events = pygame.event.get() if busy or not wait else [pygame.event.wait(250)]
            acted = False
            for event in events:
                if event.type == pygame.NOEVENT:
                    continue
                self.dirty = True
                if self.handle_global(event):
                    continue
                self.mapper.typing = self.ctx.typing
                for inp in self.mapper.translate(event):
                    acted = acted or inp.action not in (Action.POINT, Action.KEY)
                    if self.handle_access(inp):
                        continue
                    if nav.top is not None:
                        nav.top.handle(inp)
            # pace to the screen's own rate (the title's slow drift asks for fewer frames than play);
            # never the first frame: there is nothing to pace it against, and the player waits for it
            pace = min(FPS, top.frame_rate) if wait and self.frames else 0
            elapsed = min(self.clock.tick(pace) / 1000.0, 0.1)
            if dt is not None:
                elapsed = dt
            top = nav.top
            if top is None:
                return False
            frame_start = time.perf_counter()
            top.update(elapsed)
            self.ctx.audio.update()  # a track waiting for the last one to fade out starts now
            top = nav.top
            self.ctx.notices = [(text, left - elapsed) for text, left in self.ctx.notices if left - elapsed > 0]
            # Draw when something changed or moves, and once more after an animation ends, so its
            # last frame (the last typed characters, the "go on" mark) is on screen, not the one before.
            animating = top is not None and top.animating()
            if self.dirty or animating or self.was_animating or self.ctx.notices or self.options.frames is not None:
                self.draw()
                self.dirty = False
            self.was_animating = animating
            if self.ctx.access is not None:
                self.ctx.access.frame(nav.top, acted)
            self.frame_times.append(time.perf_counter() - frame_start)
            self.frames += 1
        return not self.ctx.quit_requested and nav.top is not None

    def close(self) -> None:
        """Stop the sound (the music stream first) and shut pygame down: always close this way."""
        if self.ctx.access is not None:
            self.ctx.access.close()
        self.ctx.audio.close()
        self.forget_early_pictures()  # (a game that fails before its first frame: the helper may still decode)
        pygame.quit()

    def forget_early_pictures(self) -> None:
        """Drop the title's early pictures, once their helper is done (it must be before pygame quits)."""
        early = self.ctx.resources.early
        if early is not None:
            early.wait()
            self.ctx.resources.early = None

    def draw(self) -> None:
        surface = self.viewport_surface()
        shown = self.ctx.nav.visible()
        self.clear(surface, paints_all=bool(shown) and shown[0].paints_all)
        for screen in shown:
            screen.draw(surface)
        self.draw_notices(surface)
        pygame.display.flip()
        if not self.first_frame_logged:
            self.first_frame_logged = True
            log.info("first frame at %.6f", time.time())  # wall clock: benchmarks compare it with their launch
            self.forget_early_pictures()  # what the title did not take (the other language's logo) goes
        for screen in self.ctx.nav:
            screen.after_draw(surface)

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
    """Open the window and play (``first``: a screen to start on instead of the title); the exit status."""
    app = App(options)
    # SDL turns SIGTERM into a window-close request, which a game in progress answers
    # with "quit?"; a terminated game must simply end (saving the player's progress).
    previous = signal.signal(signal.SIGTERM, lambda *_: setattr(app.ctx, "quit_requested", True))
    try:
        return app.run(first)
    finally:
        signal.signal(signal.SIGTERM, previous)
        app.close()
