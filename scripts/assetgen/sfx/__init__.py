"""The game's sound effects: short mono OGG files, synthesised (``sound``), seeded per effect.

One-shots start and end in silence (short fades); the ambience loops (record_crackle, tape_hiss,
radio_static, storm_wind, rain_loop) are generated circularly, so their last sample flows into their
first. Levels: interface sounds peak well below full scale; ambiences are set by RMS.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from .. import sound
from ..output import Job, Output, script_of
from .interface import ui_back, ui_error, ui_move, ui_select
from .radio import message_arrive, message_send, radio_beep, radio_static
from .shop import door_bell, needle_drop, record_crackle, tape_click, tape_hiss
from .weather import footstep, rain_loop, storm_wind

PEAK = 0.89  # no effect goes above this (linear)
QUALITY = 0.6  # Vorbis quality


@dataclass(frozen=True)
class Effect:
    name: str
    synth: Callable[[], np.ndarray]
    what: str
    loop: bool = False  # a loop gets a click-free start where it wraps

    @property
    def path(self) -> str:
        return f"audio/sfx/{self.name}.ogg"

    def render(self) -> np.ndarray:
        x = np.asarray(self.synth(), dtype=np.float32)
        if self.loop:
            x = sound.quiet_start(x, 0.005)
        return np.clip(x, -PEAK, PEAK)

    def make(self, story: Path) -> None:
        sound.write_ogg(story / self.path, self.render(), sound.SR, quality=QUALITY)

    def job(self) -> Job:
        return Job(f"sfx:{self.name}", (Output(self.path, self.what, script_of(self.synth.__module__)),), self.make)


EFFECTS = (
    Effect("ui_move", ui_move, "interface: a soft tick"),
    Effect("ui_select", ui_select, "interface: a gentle glassy chime (A5 and E6)"),
    Effect("ui_back", ui_back, "interface: a lower soft tone falling a fourth"),
    Effect("ui_error", ui_error, "interface: a muted double bump"),
    Effect("door_bell", door_bell, "a small brass shop bell on a spring"),
    Effect("record_crackle", record_crackle, "vinyl crackle, 4 s loop", loop=True),
    Effect("needle_drop", needle_drop, "a record needle landing in the groove"),
    Effect("tape_click", tape_click, "a cassette deck's play key and mechanism"),
    Effect("tape_hiss", tape_hiss, "cassette hiss, 4 s loop", loop=True),
    Effect("radio_beep", radio_beep, "spacecraft comms beeps over static"),
    Effect("radio_static", radio_static, "radio static, 3 s loop", loop=True),
    Effect("message_send", message_send, "a rising digital swoosh"),
    Effect("message_arrive", message_arrive, "two soft pings a fourth apart"),
    Effect("storm_wind", storm_wind, "storm wind with gusts, 6 s loop", loop=True),
    Effect("footstep", footstep, "one soft footstep"),
    Effect("rain_loop", rain_loop, "steady rain, 6 s loop", loop=True),
)


def jobs() -> list[Job]:
    return [e.job() for e in EFFECTS]
