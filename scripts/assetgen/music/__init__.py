"""The game's music: six loopable pieces, synthesised from written scores (``sound``).

Leitmotifs (docs/art-direction.md): Nan-young's is a rising fourth then a step down, A-D-C#, on a
clear bell; Jay's is a falling line through the flat seven, E-D-B, on a warm electric piano. Both live
in the D-major family (E-D-B is E dorian's b7 and 5th), so they can meet: in ``reunion`` the two lines
are played together and touch on the same D before parting to C# and B.

Scores are written as text (``theory``); accompaniment voicings are voice-led automatically; timing
and velocity get a tiny seeded humanisation (``parts``). Each piece is one module and renders on a
circular timeline one loop long, so its end flows into its start; here it is mastered and written.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from .. import sound
from ..output import Job, Output, script_of
from .main_theme import main_theme
from .mars_solitude import mars_solitude
from .old_light import old_light, old_light_demo
from .reunion import reunion
from .seoul_night import seoul_night
from .shop_warm import shop_warm
from .storm import storm

TARGET_LUFS = -16.0  # every piece is mastered to the same loudness
CEILING_DB = -1.5
QUALITY = 0.6  # Vorbis quality


@dataclass(frozen=True)
class Piece:
    name: str
    compose: Callable[[], np.ndarray]  # the unmastered stereo loop (2, n)
    what: str

    @property
    def path(self) -> str:
        return f"audio/music/{self.name}.ogg"

    def render(self) -> np.ndarray:
        """The mastered stereo loop (2, n)."""
        eq = sound.chain(sound.highpass(28, 2), sound.lowpass(15000, 2))
        return sound.quiet_start(sound.master(self.compose(), TARGET_LUFS, CEILING_DB, eq=eq), 0.004)

    def make(self, story: Path) -> None:
        sound.write_ogg(story / self.path, self.render(), sound.SR, quality=QUALITY)

    def job(self) -> Job:
        return Job(f"music:{self.name}", (Output(self.path, self.what, script_of(self.compose.__module__)),), self.make)


PIECES = (
    Piece("main_theme", main_theme, "title music: D major, 75 bpm; both leads' motifs (bell and electric piano) "
                                     "over piano arpeggios and pad"),
    Piece("seoul_night", seoul_night, "Seoul at night: G major ii-V-I with sevenths, 84 bpm light swing; "
                                      "electric piano, brushed drums, soft bass, distant rain"),
    Piece("shop_warm", shop_warm, "Jay's shop: C major slow waltz (3/4, 90 bpm) on a slightly worn piano with vinyl crackle"),
    Piece("mars_solitude", mars_solitude, "Mars: D lydian colour, 64 bpm; slow wide pads, sparse bells with "
                                          "delayed echoes, distant radio beeps"),
    Piece("storm", storm, "the storm: D minor over a D pedal, 96 bpm; low drones, restless pulse, tension chords, "
                          "filtered wind"),
    Piece("reunion", reunion, "reunion: D major, 80 bpm; the two motifs meet in harmony, fuller chords, soft drums"),
    Piece("old_light", old_light, "\"Old Light\", the finished song: E minor with a dorian lift, 76 bpm, about 2'45\"; a hummed voice "
                                  "over electric piano, pad, bass and brushes; the last verse opens on Nan-young's motif"),
    Piece("old_light_demo", old_light_demo, "\"Old Light\", Jay's 2044 demo: a close, dry, worn piano and a hummed voice, "
                                            "the verse and two chorus lines, then a stop mid-note; tape hiss to the loop's end"),
)


def jobs() -> list[Job]:
    return [p.job() for p in PIECES]
