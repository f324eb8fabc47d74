"""Interface pictures: night-glass panels, pills, the phone frame, cursor, line icons and the logos.

Everything is drawn from signed distance fields (``raster.sdf``), so edges are anti-aliased
analytically. Pieces the game tints (name plate, focus glow, icons, cursor) are kept white or near
white; the rest follows docs/art-direction.md ("The interface").
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from ..output import Job, Output, save_png, script_of
from ..raster.layer import Layer
from .glass import RADIUS, cursor, glass, nameplate, pill
from .icons import icon
from .logo import logo
from .phone import phone


@dataclass(frozen=True)
class Piece:
    name: str  # file name under images/ui/
    what: str
    draw: Callable[..., Layer]
    args: tuple[object, ...] = ()

    @property
    def path(self) -> str:
        return f"images/ui/{self.name}"

    def make(self, story: Path) -> None:
        save_png(self.draw(*self.args).image(), story / self.path)

    def job(self) -> Job:
        return Job(self.name.removesuffix(".png"), (Output(self.path, self.what, script_of(self.draw.__module__)),), self.make)


PIECES = (
    Piece("textbox.png", "dialogue box, night glass 1180x200", glass, (1180, 200, 0, RADIUS)),
    Piece("nameplate.png", "speaker name plate tab, white for tinting", nameplate),
    Piece("button.png", "menu button glass pill", pill, (360, 56, 7, False)),
    Piece("button_focus.png", "menu button, focused (white glow for tinting)", pill, (360, 56, 7, True)),
    Piece("choice.png", "choice glass pill", pill, (760, 64, 7, False)),
    Piece("choice_focus.png", "choice pill, focused (white glow for tinting)", pill, (760, 64, 7, True)),
    Piece("panel.png", "generic glass panel for 16 px 9-slicing", glass, (480, 480, 0, RADIUS)),
    Piece("phone.png", "phone message-screen frame for the Mars messages", phone),
    Piece("cursor.png", "four-point star cursor, hotspot at centre", cursor),
    Piece("icon_save.png", "line icon: save", icon, ("icon_save",)),
    Piece("icon_load.png", "line icon: load", icon, ("icon_load",)),
    Piece("icon_settings.png", "line icon: settings", icon, ("icon_settings",)),
    Piece("icon_history.png", "line icon: history", icon, ("icon_history",)),
    Piece("icon_auto.png", "line icon: auto-advance", icon, ("icon_auto",)),
    Piece("icon_skip.png", "line icon: skip", icon, ("icon_skip",)),
    Piece("icon_lock.png", "line icon: lock", icon, ("icon_lock",)),
    Piece("icon_message.png", "line icon: message", icon, ("icon_message",)),
    Piece("icon_back.png", "line icon: back", icon, ("icon_back",)),
    Piece("logo_en.png", "title lettering (English), Nanum font with glow", logo, ("Lost in Starlight", "SIGNAL DELAY", False)),
    Piece("logo_ko.png", "title lettering (Korean), Nanum font with glow", logo, ("로스트 인 스타라이트", "신호 지연", True)),
)


def jobs() -> list[Job]:
    return [p.job() for p in PIECES]
