"""Seoul at night: G major ii-V-I with sevenths, 84 bpm light swing; electric piano, brushed drums,
soft bass, distant rain.
"""

from __future__ import annotations

import numpy as np

from .. import sound
from ..seeds import rng
from .parts import Player, bassline, brushes, ep_fn
from .textures import rain_layer
from .theory import Clock, bars, melody, progression, voice

TEMPO = 84  # beats per minute
BEATS_PER_BAR, BARS = 4, 28  # one loop
SWING = 0.09  # a light swing of the off-beats


def seoul_night() -> np.ndarray:
    """G major, 84 bpm light swing, 28 bars of ii-V-I with sevenths; EP, brushes, bass, rain."""
    bpb, n_bars = BEATS_PER_BAR, BARS
    clock = Clock(TEMPO, bpb, n_bars, swing=SWING, seed="seoul")
    chords = progression("""
        Am9:4 | D13:4 | Gmaj9:4 | E7b9:4 |
        Am9:4 | D13:4 | Gmaj9:4 | Cmaj9:4 |
        F#m7b5:4 | B7b9:4 | Em9:4 | A13:4 |
        Am9:4 | D13:4 | Bm7:4 | E7b9:4 |
        Am9:4 | D13:4 | Gmaj9:4 | Cmaj9:4 |
        Cm6:4 | F9:4 | Gmaj9:4 | Em9:4 |
        Am9:4 | D13:4 | Gmaj9:4 | E7b9:4 |""", bpb)
    lead = bars(melody("""
        r:1 E5:0.5 G5:0.5 B5:1 A5:1 | F#5:1.5 E5:0.5 C5:1 r:1 | D5:1 B4:1 r:0.5 A4:0.5 B4:0.5 D5:0.5 | E5:3 r:1 |
        r:0.5 E5:0.5 C5:0.5 A4:0.5 C5:1 E5:1 | D#5:1.5 C5:0.5 B4:1 r:1 | E5:1! D5:1 B4:2 |
        C#5:1 A4:0.5 B4:0.5 C#5:1 r:1 |
        r:2 C5:0.5 B4:0.5 A4:0.5 G4:0.5 | F#4:2 r:2 | r:1 D5:0.5 F#5:0.5 A5:1 F#5:1 | G#5:1.5 F5:0.5 D5:1 r:1 |
        r:1 E5:0.5 G5:0.5 B5:1 A5:1 | F#5:1.5 E5:0.5 C5:1 A4:1 | B4:1 D5:1 F#5:1.5 E5:0.5 | E5:3 r:1 |
        Eb5:1.5 D5:0.5 C5:1 A4:1 | G5:1.5 F5:0.5 Eb5:1 C5:1 | D5:1 B4:1 F#5:2 | E5:1! D5:1 B4:2 |
        C5:1 B4:1 A4:1 E5:1 | F#5:2 E5:1 C5:1 | B4:3 r:1 | r:4 |""", bpb), 5, bpb)
    mix = sound.Mix(clock.seconds)
    lead_bus = mix.bus("lead", -17, 0.3)
    comp = mix.bus("comp", -23, 0.25)
    bass_bus = mix.bus("bass", -21, 0.06)
    drums = mix.bus("drums", -27, 0.14)
    rain = mix.bus("rain", -31, 0.03)
    rain.add(rain_layer(mix.n, "seoul"), 0.0)
    Player(clock, "seoul:lead", jitter=0.008).play(lead_bus, lead, ep_fn("lead"), vel=0.72, pan=0.12, legato=0.92)
    # comping: rootless voicings, short swung figures chosen per bar
    patterns = [[(0, 1.5), (2.5, 1.0)], [(0, 0.75), (1.5, 2.0)], [(0, 3.5)], [(1, 0.5), (2.5, 1.5)],
                [(0, 2.0), (3.5, 0.5)], [(-0.5, 2.0), (2.5, 1.0)]]
    gen = rng("seoul:comp")
    cp = Player(clock, "seoul:comp", jitter=0.009)
    epf = ep_fn("comp")
    prev = None
    for beat, _beats, ch in chords:
        v = voice(prev, ch, 4, 62, 50, 72)
        prev = v
        bar = int(beat // bpb) + 1
        busy = bar <= 4 or 13 <= bar <= 14
        vel = 0.5 if busy else 0.38
        for off, d in patterns[int(gen.integers(0, len(patterns)))]:
            t0 = cp.when(beat + off)
            gate = clock.sec(beat + off + d) - t0
            vv = cp.vel(vel)
            for i, m in enumerate(v):
                comp.add(epf(m, vv * (0.85 if i < 2 else 1.0), gate), t0 + i * 0.004, -0.15 + 0.1 * i)
    bassline(Player(clock, "seoul:bass"), bass_bus, chords, 33, 47, 0.8, style="two", walk_prob=0.45,
             only=(0, 64))
    bassline(Player(clock, "seoul:bass2"), bass_bus, chords, 33, 47, 0.78, style="walk", only=(64, 112))
    dp = Player(clock, "seoul:drums", jitter=0.005)
    brushes(dp, drums, 1, 4, 0.55, kick=0.0, chick=True)
    brushes(dp, drums, 5, 28, 0.75, kick=0.35)
    out = mix.render(sound.room_ir("club", 2.2, 1.6, 0.018, 0.55), wet=1.0,
                     process={"lead": lambda x: sound.tremolo(x, 2.3, 0.22), "comp": lambda x: sound.tremolo(x, 2.3, 0.15)})
    return out
