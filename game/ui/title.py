"""The title screen: the city at dusk with twinkling stars, the theme, and the main menu."""

from __future__ import annotations

import math
import random
from typing import TYPE_CHECKING

import pygame

from .access.tree import Node, screen
from .input import Action, Input
from .screens.base import Screen
from .strings import tr
from .view import HEIGHT, WIDTH
from .widgets import TEXT, TEXT_DIM, Button, ButtonList

if TYPE_CHECKING:
    from game.persist.progress import Passage
    from game.persist.saves import SaveData

    from .context import Context

# The screens the title opens are imported when they open, and warmed up once the title is on screen:
# the game and its screens are a good part of start-up, and the player sees the title that much sooner.
WARM_UP_AFTER = 0.25  # seconds of title on screen


def warm_up() -> None:
    """Import what the title's buttons open (then a click opens it without a pause)."""
    from .play import screen  # noqa: F401
    from .screens import flowchart, gallery, saveload, settings  # noqa: F401

STARS = 90


class TitleSaves:
    """The load screen's game when no game is in progress: loading one starts it."""

    in_progress = False

    def __init__(self, ctx: Context) -> None:
        self.ctx = ctx

    def make_save(self, slot: str) -> SaveData:
        raise RuntimeError("there is no game in progress to save")

    def load(self, data: SaveData) -> None:
        from .play.screen import open_save
        open_save(self.ctx, data)


class TitleWarps:
    """The flowchart's and the gallery's game when none is in progress: playing from a point starts one."""

    in_progress = False

    def __init__(self, ctx: Context) -> None:
        self.ctx = ctx

    def current_node(self) -> str | None:
        return None

    def warp(self, passage: Passage) -> None:
        from .play.screen import open_warp
        open_warp(self.ctx, passage)


class TitleScreen(Screen):
    frame_rate = 30  # twinkling stars and a slow drift: 30 frames a second look the same, cost half

    def __init__(self, ctx: Context) -> None:
        super().__init__(ctx)
        self.saves = TitleSaves(ctx)
        self.warps = TitleWarps(ctx)
        self.clock = 0.0
        self.shown_for = 0.0  # seconds the title has been up (its screens are warmed up after a moment)
        rng = random.Random(2050)
        self.stars = [(rng.uniform(0, WIDTH), rng.uniform(0, HEIGHT * 0.55), rng.uniform(0.6, 2.2),
                       rng.uniform(0, math.tau), rng.uniform(0.5, 2.0)) for _ in range(STARS)]
        self.menu = self.build_menu()
        if ctx.story is not None and "main_theme" in ctx.resources.story_assets.names("music"):
            ctx.audio.play_music("main_theme", 2.0)

    def build_menu(self) -> ButtonList:
        ctx = self.ctx
        playable = ctx.story is not None
        # read the save folder once per menu, not in `enabled` (called on every drawn frame)
        has_save = playable and ctx.saves.newest() is not None
        buttons = [
            Button(lambda: tr("new_game", ctx.language), self.new_game, lambda: playable),
            Button(lambda: tr("continue", ctx.language), self.continue_game, lambda: has_save),
            Button(lambda: tr("load", ctx.language), self.load, lambda: playable),
            Button(lambda: tr("flowchart", ctx.language), self.flowchart, lambda: playable),
            Button(lambda: tr("endings", ctx.language), self.gallery, lambda: playable),
            Button(lambda: tr("settings", ctx.language), self.settings),
            Button(lambda: tr("accessibility", ctx.language), self.accessibility),
            Button(lambda: tr("quit", ctx.language), self.quit),
        ]
        return ButtonList(ctx, buttons, x=96, y=318, width=300, height=40, gap=7, font_size=21)

    # --- actions ---

    def new_game(self) -> None:
        from .play.screen import PlayScreen
        options = self.ctx.options
        self.ctx.nav.replace_all(PlayScreen.new_game(self.ctx, options.warp, options.variables))

    def continue_game(self) -> None:
        newest = self.ctx.saves.newest()
        if newest is not None and newest.data is not None:
            self.saves.load(newest.data)

    def load(self) -> None:
        from .screens.saveload import SaveLoadScreen
        self.ctx.nav.push(SaveLoadScreen(self.ctx, "load", self.saves))

    def flowchart(self) -> None:
        from .screens.flowchart import FlowchartScreen
        self.ctx.nav.push(FlowchartScreen(self.ctx, self.warps))

    def gallery(self) -> None:
        from .screens.gallery import GalleryScreen
        self.ctx.nav.push(GalleryScreen(self.ctx, self.warps))

    def settings(self) -> None:
        from .screens.settings import SettingsScreen
        self.ctx.nav.push(SettingsScreen(self.ctx))

    def accessibility(self) -> None:
        from .screens.accessibility import AccessibilityScreen  # (also opened by Shift+A from anywhere)
        self.ctx.nav.push(AccessibilityScreen(self.ctx))

    def quit(self) -> None:
        self.ctx.quit_requested = True

    def resume(self) -> None:
        self.menu = self.build_menu()  # labels follow a language change; Continue may be new

    # --- loop ---

    def handle(self, inp: Input) -> None:
        if inp.action == Action.BACK:
            return
        self.menu.handle(inp)

    def update(self, dt: float) -> None:
        if self.shown_for < WARM_UP_AFTER <= self.shown_for + dt:
            warm_up()
        self.shown_for += dt
        if not self.ctx.settings.reduce_motion:  # reduced motion: the sky and the city stand still
            self.clock += dt

    def animating(self) -> bool:
        return not self.ctx.settings.reduce_motion

    def access(self) -> Node:
        lang = self.ctx.language
        story = self.ctx.story
        name = story.title.get(lang) if story is not None else tr("no_story", lang)
        return screen(name, "title", lang, self.menu.access_nodes("title"))

    def draw(self, surface: pygame.Surface) -> None:
        view, res = self.ctx.view, self.ctx.resources
        full = view.rect(0, 0, WIDTH, HEIGHT).size
        if res.exists("ui", "title_sky"):
            surface.blit(res.image("ui", "title_sky", full), (0, 0))
        else:
            surface.fill((22, 24, 48))
        for x, y, size, phase, speed in self.stars:
            glow = 0.55 + 0.45 * math.sin(self.clock * speed + phase)
            value = round(150 + 100 * glow)
            pygame.draw.circle(surface, (value, value, min(255, value + 20)), view.point(x, y),
                               max(1, view.px(size * (0.7 + 0.3 * glow))))
        if res.exists("ui", "title_city"):
            drift = math.sin(self.clock * 0.15) * 10
            city = res.image("ui", "title_city", view.rect(0, 0, WIDTH + 40, HEIGHT).size)
            surface.blit(city, view.point(-20 + drift, 0))
        self.draw_logo(surface)
        self.menu.draw(surface)
        if self.ctx.story is None:
            self.draw_errors(surface)

    def draw_logo(self, surface: pygame.Surface) -> None:
        view, res = self.ctx.view, self.ctx.resources
        name = f"logo_{self.ctx.language}"
        if res.exists("ui", name):
            w, h = res.natural_size("ui", name)
            width = 640
            surface.blit(res.image("ui", name, (view.px(width), view.px(width * h / w))), view.point(80, 70))
            return
        story = self.ctx.story
        title = story.title.get(self.ctx.language) if story else "Lost in Starlight"
        label = res.text(title, view.px(50), TEXT, bold=True)
        surface.blit(label, view.point(96, 150))

    def draw_errors(self, surface: pygame.Surface) -> None:
        view, res = self.ctx.view, self.ctx.resources
        y = 360
        head = res.text(tr("no_story", self.ctx.language), view.px(22), (255, 180, 180), bold=True)
        surface.blit(head, view.point(460, y))
        for row in self.ctx.story_errors[:10]:
            y += 30
            surface.blit(res.text(row[:110], view.px(16), TEXT_DIM), view.point(460, y))
