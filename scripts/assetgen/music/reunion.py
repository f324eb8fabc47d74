"""Reunion: D major, 80 bpm; the two motifs meet in harmony, touching on the same D before parting to
C# and B; fuller chords, soft drums.
"""

from __future__ import annotations

import numpy as np

from .. import sound
from .parts import Player, arpeggiate, bassline, bell_fn, brushes, ep_fn, pads, piano_fn
from .theory import Clock, bars, melody, progression, transpose

TEMPO = 80  # beats per minute
BEATS_PER_BAR, BARS = 4, 30  # one loop
RUBATO = 0.015  # seeded tempo drift


def reunion() -> np.ndarray:
    """D major, 80 bpm, 30 bars: the two motifs meet on one D and part into A(add9); full chords."""
    bpb, n_bars = BEATS_PER_BAR, BARS
    clock = Clock(TEMPO, bpb, n_bars, rubato=RUBATO, seed="reunion")
    chords = progression("""
        Dmaj9:4 | A/C#:4 | Bm7:4 | Gmaj7:2 A7sus4:2 |
        D:4 | F#m7:4 | Em7:4 | A7sus4:2 A7:2 |
        Bm7:4 | Gmaj7:4 | Em9:4 | A9sus4:3 Aadd9:1 |
        D:4 | A/C#:4 | Bm7:4 | Gmaj7:4 |
        Em9:4 | A13:4 | F#m7:4 | Bm7:4 |
        Gmaj7:4 | A/G:4 | F#m7:2 Bm7:2 | A9sus4:3 Aadd9:1 |
        Dmaj9:4 | Bm7:4 | Gmaj7:4 | Gm6:4 | D/F#:4 | Em7:2 A7sus4:2 |""", bpb)
    nan = melody("A4:1 D5:2 C#5:1 |", bpb)
    jay = melody("E5:1 D5:2 B4:1 |", bpb)
    bell_part = (bars(melody("A4:1 D5:2 C#5:1 | C#5:2 A4:2 |", bpb), 5, bpb)
                 + bars(melody("F#4:1 B4:2 A4:1 |", bpb), 9, bpb)
                 + bars(nan, 12, bpb)
                 + bars(melody("G5:1 F#5:1 D5:2 |", bpb), 17, bpb)
                 + bars(transpose(nan, 12), 24, bpb)
                 + bars(melody("D6:4? |", bpb), 25, bpb)
                 + bars(melody("B4:1 E5:2 D5:1 |", bpb), 27, bpb)
                 + bars(melody("A4:1 D5:2 C#5:1 |", bpb), 29, bpb))
    ep_part = (bars(melody("E5:1 D5:1 B4:2 | D5:1 B4:1 C#5:1 A4:1 |", bpb), 7, bpb)
               + bars(melody("B4:1 A4:1 F#4:2 |", bpb), 10, bpb)
               + bars(melody("E5:1 D5:1 B4:2 |", bpb), 11, bpb)
               + bars(jay, 12, bpb)
               + bars(jay, 24, bpb)
               + bars(melody("E5:1 D5:1 B4:2 |", bpb), 26, bpb)
               + bars(melody("E5:1 D5:1 Bb4:2 |", bpb), 28, bpb)
               + bars(melody("F#4:1 B4:2 A4:1 | E5:1 D5:1 B4:1 A4:1 |", bpb), 29, bpb))
    theme = bars(melody("""
        F#5:1.5 E5:0.5 D5:1 A4:1 | E5:2 C#5:1 A4:1 | D5:1.5 C#5:0.5 B4:1 F#4:1 | G4:1 A4:1 B4:1 D5:1 |
        E5:1 D5:1 B4:2 | C#5:1 E5:1 A5:2! | A5:1.5 F#5:0.5 E5:1 C#5:1 | D5:2 B4:2 |
        D5:1 G5:2 F#5:1 | E5:1 A5:2 F#5:1 | E5:1 C#5:1 D5:1 F#5:1 |""", bpb), 13, bpb)
    meeting = bars(nan, 24, bpb) + bars(jay, 24, bpb) + bars(melody("[D5,F#5]:4 |", bpb), 25, bpb)

    mix = sound.Mix(clock.seconds)
    piano = mix.bus("piano", -23, 0.26)
    lead = mix.bus("lead", -18, 0.3)
    pad = mix.bus("pad", -26, 0.45)
    strings = mix.bus("strings", -27, 0.5)
    bells = mix.bus("bell", -18.5, 0.5)
    ep = mix.bus("ep", -18, 0.3)
    bass_bus = mix.bus("bass", -22, 0.08)
    drums = mix.bus("drums", -29, 0.15)
    pf = piano_fn(seed="reunion")
    p = Player(clock, "reunion:piano")
    arp = [0, 1, 2, 3, 4, 3, 2, 1]
    fuller = [0, 1, 2, 3, 4, 5, 4, 3]
    arpeggiate(p, piano, chords, pf, arp, 0.5, 0.42, 60, 52, 69, 38, 50, n_upper=3, only=(0, 48))
    arpeggiate(p, piano, chords, pf, fuller, 0.5, 0.46, 62, 52, 74, 38, 50, n_upper=4, only=(48, 96))
    arpeggiate(p, piano, chords, pf, arp, 0.5, 0.4, 60, 52, 69, 38, 50, n_upper=3, only=(96, 120))
    pads(Player(clock, "reunion:pad"), pad, chords, 4, 64, 55, 76, vel=0.4, attack=1.2, release=2.0, bright=1200)
    pads(Player(clock, "reunion:str"), strings, chords, 3, 74, 64, 84, vel=0.35, attack=1.6, release=2.0,
         bright=2200, vibrato=7.0, only=(48, 120))
    bp = Player(clock, "reunion:bell", jitter=0.004)
    bp.play(bells, bell_part, bell_fn(4.5, 0.55), vel=0.78, pan=0.25)
    epp = Player(clock, "reunion:ep", jitter=0.006)
    epp.play(ep, ep_part, ep_fn("reunion"), vel=0.7, pan=-0.25)
    lp = Player(clock, "reunion:lead")
    lp.play(lead, theme, pf, vel=0.66, pan=0.05)
    lp.play(lead, transpose(theme, -12), pf, vel=0.42, pan=-0.05)
    lp.play(bells, bars(melody("D6:2? C#6:2? |", bpb), 16, bpb), bell_fn(4.0, 0.4), vel=0.5, pan=0.35)
    lp.play(lead, meeting, pf, vel=0.55, pan=0.0)
    bassline(Player(clock, "reunion:bass"), bass_bus, chords, 33, 47, 0.7, style="roots", only=(16, 48))
    bassline(Player(clock, "reunion:bass2"), bass_bus, chords, 33, 47, 0.72, style="two", walk_prob=0.3,
             only=(48, 96))
    bassline(Player(clock, "reunion:bass3"), bass_bus, chords, 33, 47, 0.62, style="roots", only=(96, 120))
    dp = Player(clock, "reunion:drums", jitter=0.005)
    brushes(dp, drums, 13, 24, 0.6, kick=0.45, kick_and=True)
    brushes(dp, drums, 25, 28, 0.4, kick=0.0, taps=False, chick=False)
    out = mix.render(sound.room_ir("hall", 3.2, 2.4, 0.025, 0.45), wet=1.3,
                     process={"ep": lambda x: sound.tremolo(x, 3.1, 0.18)})
    return out
