"""What every screen shares: how the game was started, the services, and the navigator.

Screens reach the window, pictures, sound, the player's settings, saves and
progress, and the story through a ``Context``; they change the screen stack
only through ``ctx.nav``.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

import pygame

from game.persist.progress import Progress, save_progress
from game.persist.saves import SaveStore
from game.persist.settings import Settings, save_settings
from game.story import model as m

from .navigator import Navigator
from .view import View

if TYPE_CHECKING:
    from .access.manager import Access
    from .audio import Audio
    from .early import EarlyPictures
    from .resources import Resources

NOTICE_LOG = 16  # notices kept for self-voicing to say (it reads them the frame after)


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
    early: EarlyPictures | None = None  # the title's pictures, being decoded while the game starts


@dataclass
class Context:
    """The services screens share, and the navigator that stacks them."""

    options: Options
    view: View
    resources: Resources
    audio: Audio
    settings: Settings
    saves: SaveStore
    progress: Progress
    story: m.Story | None
    story_errors: list[str]
    nav: Navigator = field(default_factory=Navigator)
    notices: list[tuple[str, float]] = field(default_factory=list)  # (message, seconds left)
    quit_requested: bool = False
    pads: dict[int, object] = field(default_factory=dict)  # open game controllers, for held-stick walking
    typing: bool = False  # a search field has the keys (the input mapper lets letters type)
    toggle_fullscreen: Callable[[], None] = lambda: None
    rebind: Callable[[], None] = lambda: None  # play with the key and pad bindings in the settings from now on
    capture: Callable[[], pygame.Surface] | None = None
    access: Access | None = None  # self-voicing and the screen reader's view (game.ui.access)
    notice_log: list[str] = field(default_factory=list)  # the last NOTICE_LOG notices, oldest first
    notice_total: int = 0  # notices given since the start
    save_place: tuple[str, int, int] | None = None  # the save screen's page (kind, number) and card, as left

    @property
    def language(self) -> str:
        return self.settings.language

    def notify(self, message: str, seconds: float = 2.5) -> None:
        self.notices.append((message, seconds))
        self.notice_log = [*self.notice_log[-(NOTICE_LOG - 1):], message]
        self.notice_total += 1

    def save_settings(self) -> None:
        save_settings(self.options.data_dir / "settings.json", self.settings)
        self.audio.set_volumes(self.settings.master_volume, self.settings.music_volume, self.settings.sfx_volume)

    def save_progress(self) -> None:
        save_progress(self.options.data_dir / "progress.json", self.progress)
