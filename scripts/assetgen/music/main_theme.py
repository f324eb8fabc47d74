"""The title music: D major, 75 bpm; both leads' motifs (a bell for Nan-young, electric piano for Jay)
over piano arpeggios and a pad.
"""

from __future__ import annotations

import numpy as np

from .. import sound
from .parts import Player, arpeggiate, bell_fn, ep_fn, pads, piano_fn
from .theory import Clock, bars, melody, progression, transpose

TEMPO = 75  # beats per minute
BEATS_PER_BAR, BARS = 4, 28  # one loop
RUBATO = 0.018  # seeded tempo drift


def main_theme() -> np.ndarray:
    """D major, 75 bpm, 28 bars: piano arpeggios and pad; Nan-young's bell, Jay's electric piano."""
    bpb, n_bars = BEATS_PER_BAR, BARS
    clock = Clock(TEMPO, bpb, n_bars, rubato=RUBATO, seed="main_theme")
    chords = progression("""
        Dmaj9:4 | Bm7:4 | Gmaj7:4 | A7sus4:2 A:2 |
        D:4 | F#m7:4 | Gmaj7:4 | A7sus4:2 A7:2 |
        Em7:4 | A13:4 | Dmaj7:4 | Bm7:4 |
        Gmaj7:4 | Gm6:4 | D/F#:4 | Em7:2 A7:2 |
        D:4 | F#m7:4 | Gmaj7:4 | A7sus4:2 A7:2 |
        Em9:4 | F#m7:4 | Gmaj7:4 | Gm6:4 |
        D/A:4 | Bm7:4 | Em7:4 | A7sus4:2 A7:2 |""", bpb)
    nan_a = "A4:1 D5:2 C#5:1 | C#5:2 A4:1 F#4:1 | B4:1 E5:2 D5:1 | D5:2 C#5:2 |"
    bell_part = (bars(melody(nan_a, bpb), 5, bpb)
                 + bars(melody("D5:1 G5:2 F#5:1 | r:4 | A4:1 D5:2 C#5:1 | r:4 |", bpb), 13, bpb)
                 + bars(transpose(melody(nan_a, bpb), 12), 17, bpb)
                 + bars(melody("A4:1 D5:2 C#5:1 | B4:4 |", bpb), 25, bpb)
                 + bars(melody("r:2 D6:1? B5:1? | A5:4? |", bpb), 3, bpb))
    ep_part = (bars(melody("E5:1 D5:1 B4:2 | C#5:1 B4:1 G4:2 | F#5:1 E5:1 C#5:2 | D5:1 B4:1 A4:2 |", bpb), 9, bpb)
               + bars(melody("E5:1 D5:1 Bb4:2 |", bpb), 14, bpb)
               + bars(melody("E5:1 D5:1 B4:1 C#5:1 |", bpb), 16, bpb)
               + bars(melody("E5:1 D5:1 B4:2 | A4:2 r:2 |", bpb), 27, bpb))
    ep_counter = bars(melody("r:2 F#4:1 E4:1 | r:2 E4:1 C#4:1 | r:2 D4:1 B3:1 | r:2 E4:2 |", bpb), 17, bpb)
    piano_melody = (bars(melody("F#5:1.5 E5:0.5 D5:1 B4:1 | C#5:1.5 E5:0.5 A4:2 | B4:1 D5:1 F#5:1 A5:1 |"
                                " G5:2 E5:1 Bb4:1 |", bpb), 21, bpb)
                    + bars(melody(nan_a, bpb), 17, bpb))

    mix = sound.Mix(clock.seconds)
    piano = mix.bus("piano", -23, 0.28)
    melody_bus = mix.bus("piano_melody", -19, 0.3)
    pad = mix.bus("pad", -26, 0.45)
    bells = mix.bus("bell", -17, 0.5)
    ep = mix.bus("ep", -17.5, 0.32)
    pf = piano_fn(seed="main")
    p = Player(clock, "main:piano")
    arp = [0, 1, 2, 3, 4, 3, 2, 1]
    sparse = [0, -1, 1, -1, 2, -1, 3, -1]
    sections = [(0, 32, arp, 0.42), (32, 48, sparse, 0.42), (48, 64, arp, 0.44), (64, 80, arp, 0.44),
                (80, 96, arp, 0.5), (96, 104, sparse, 0.4), (104, 112, arp, 0.42)]
    for a, b, pattern, v in sections:
        arpeggiate(p, piano, chords, pf, pattern, 0.5, v, 60, 52, 69, 38, 50, n_upper=3, only=(a, b))
    pads(Player(clock, "main:pad"), pad, chords, 4, 64, 55, 76, vel=0.42, attack=1.4, release=2.2, bright=1100)
    Player(clock, "main:bell", jitter=0.004).play(bells, bell_part, bell_fn(4.5, 0.55), vel=0.8, pan=0.22)
    epp = Player(clock, "main:ep", jitter=0.006)
    epp.play(ep, ep_part, ep_fn("main"), vel=0.72, pan=-0.2, legato=0.98)
    epp.play(ep, ep_counter, ep_fn("main2"), vel=0.45, pan=-0.3)
    Player(clock, "main:pm").play(melody_bus, piano_melody, pf, vel=0.55, pan=0.05)
    out = mix.render(sound.room_ir("hall", 3.2, 2.4, 0.025, 0.45), wet=1.3,
                     process={"ep": lambda x: sound.tremolo(x, 3.1, 0.18)})
    return out
