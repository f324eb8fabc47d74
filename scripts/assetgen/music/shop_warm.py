"""Jay's shop: a C major slow waltz (3/4, 90 bpm) on a slightly worn piano with vinyl crackle.
"""

from __future__ import annotations

import numpy as np

from .. import sound
from .parts import Player, piano_fn
from .textures import crackle_layer
from .theory import Clock, bass_note, melody, progression, voice

TEMPO = 90  # beats per minute
BEATS_PER_BAR, BARS = 3, 32  # one loop
RUBATO = 0.045  # seeded tempo drift


def shop_warm() -> np.ndarray:
    """C major, 3/4 waltz at 90 bpm, 32 bars: a slightly worn piano on an old record."""
    bpb, n_bars = BEATS_PER_BAR, BARS
    clock = Clock(TEMPO, bpb, n_bars, rubato=RUBATO, seed="shop")
    chords = progression("""
        C:3 | Am7:3 | Dm7:3 | G7:3 | C/E:3 | A7:3 | Dm7:3 | G7:3 |
        C:3 | Am7:3 | Dm7:3 | G7:3 | Em7:3 | A7:3 | Dm7:3 | G7:3 |
        Fmaj7:3 | Fm6:3 | Em7:3 | A7:3 | Dm7:3 | G7:3 | C:3 | C7:3 |
        Fmaj7:3 | Fm6:3 | Em7:3 | A7:3 | Dm7:3 | G7sus4:3 | C:3 | G7:3 |""", bpb)
    tune = melody("""
        E5:1.5 D5:0.5 B4:1 | C5:2 A4:1 | F5:1.5 E5:0.5 C5:1 | D5:3 |
        G5:1.5 F5:0.5 E5:1 | C#5:2 E5:1 | D5:1.5 C5:0.5 A4:1 | B4:2 r:1 |
        E5:1.5 D5:0.5 B4:1 | C5:1 E5:1 A5:1 | A5:1.5 G5:0.5 F5:1 | F5:1 E5:1 D5:1 |
        E5:1.5! D5:0.5 B4:1 | C#5:1.5 D5:0.5 E5:1 | F5:1 E5:1 D5:1 | B4:2 G4:1 |
        A5:1.5 G5:0.5 E5:1 | Ab5:1.5 G5:0.5 D5:1 | G5:1.5 E5:0.5 B4:1 | C#5:1.5 E5:0.5 G5:1 |
        F5:1.5 E5:0.5 D5:1 | B4:1 D5:1 F5:1 | E5:3 | r:1 E5:1 Bb4:1 |
        A4:1.5 C5:0.5 E5:1 | Ab4:1.5 C5:0.5 D5:1 | E5:1.5! D5:0.5 B4:1 | C#5:2 A4:1 |
        D5:1.5 E5:0.5 F5:1 | G5:2 F5:1 | E5:3 | D5:1 B4:1 G4:1 |""", bpb)
    mix = sound.Mix(clock.seconds)
    piano = mix.bus("piano", -16, 0.22)
    mix.bus("crackle", -34, 0.0).add(crackle_layer(mix.n, "shop"), 0.0)
    pf = piano_fn(worn=0.55, variants=2, seed="shop")
    Player(clock, "shop:tune", jitter=0.012).play(piano, tune, pf, vel=0.62, pan=0.1, legato=1.05)
    # left hand: bass on one, a soft chord on two and three
    lh = Player(clock, "shop:lh", jitter=0.012)
    prev, prev_bass = None, None
    for i, (beat, beats, ch) in enumerate(chords):
        v = voice(prev, ch, 3, 57, 50, 65)
        prev = v
        b = bass_note(ch.bass, 36, 48, prev_bass)
        if i % 2 == 1 and (ch.bass + 7) % 12 in ch.pcs and ch.bass == ch.root and b + 7 <= 50:
            b_play = b - 5 if b - 5 >= 36 else b + 7  # alternate bass: the fifth on repeated shapes
        else:
            b_play = b
        prev_bass = b
        t0 = lh.when(beat)
        lh_end = clock.sec(beat + beats)
        piano.add(pf(b_play, lh.vel(0.52), lh_end - t0 - 0.02), t0, -0.15)
        for k in (1, 2):
            tk = lh.when(beat + k)
            vv = lh.vel(0.34 if k == 1 else 0.3)
            for j, m in enumerate(v):
                piano.add(pf(m, vv, clock.spb * 0.8), tk + j * 0.006, -0.05 + 0.05 * j)
    out = mix.render(sound.room_ir("parlour", 2.0, 1.15, 0.012, 0.7), wet=1.0,
                     process={"piano": lambda x: sound.spectral(sound.wow(sound.widen(x, 0.7), 1.0, 0.45, 0.06),
                                                            sound.chain(sound.lowpass(6500, 1.5), sound.highpass(70, 1.0),
                                                                    sound.peak(300, 1.0, 1.5)))})
    return out
