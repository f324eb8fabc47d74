"""The storm: D minor over a D pedal, 96 bpm; low drones, a restless pulse, tension chords, filtered
wind.
"""

from __future__ import annotations

import numpy as np

from .. import sound
from ..seeds import rng
from .parts import Player, bell_fn, pads, piano_fn
from .textures import wind_layer
from .theory import Clock, bars, melody, progression, transpose

TEMPO = 96  # beats per minute
BEATS_PER_BAR, BARS = 4, 24  # one loop


def storm() -> np.ndarray:
    """D minor over a D pedal, 96 bpm, 24 bars: low drones, a restless pulse, tension chords, wind."""
    bpb, n_bars = BEATS_PER_BAR, BARS
    clock = Clock(TEMPO, bpb, n_bars, seed="storm")
    chords = progression("""
        Dmadd9:8 | | Bb/D:8 | | Dmadd9:8 | | Gm/D:8 | | Eb/D:8 | | Dm:8 | |
        Bb/D:8 | | Eb/D:8 | | Gm/D:8 | | A7b9/D:8 | | Bb/D:8 | | Dm:8 | |""", bpb)
    mix = sound.Mix(clock.seconds)
    n = mix.n
    drone = mix.bus("drone", -19, 0.2)
    tension = mix.bus("tension", -22, 0.5)
    pulse = mix.bus("pulse", -21, 0.2)
    bells = mix.bus("bell", -22, 0.7)
    hits = mix.bus("hits", -24, 0.4)
    mix.bus("wind", -20, 0.1).add(wind_layer(n, "storm", 1.0), 0.0)
    # drone: loop-periodic oscillators (whole cycles per loop) so the hum never seams
    loop_s = n / sound.SR
    for m, level, bright in ((26, 0.28, 200.0), (38, 0.35, 340.0), (45, 0.2, 420.0)):
        for ch in range(2):
            for cents in (-6.0, 5.0):
                spread = 0.0 if m < 30 else (0.02 if ch else -0.02)  # the lowest drone stays mono
                f = sound.hz(m + cents / 100 + spread)
                f = round(f * loop_s) / loop_s
                sig = sound.table_osc(f, n, bright, 1.0, phase=(0.13 * ch if m >= 30 else 0.0) + cents / 50)
                drone.data[ch, :n] += sig * np.float32(level * 0.5)
    sw = np.arange(n) / n
    swell = (1.0 + 0.35 * np.sin(2 * np.pi * 3 * sw) + 0.15 * np.sin(2 * np.pi * 7 * sw + 1)).astype(np.float32)
    drone.data[:, :n] *= swell
    pads(Player(clock, "storm:pad"), tension, chords, 4, 60, 50, 72, vel=0.5, attack=2.5, release=3.0, bright=650,
         detune=10.0, vibrato=6.0)
    # high dissonant swell before the turn (bars 17-20)
    for m in (sound.note("A5"), sound.note("Bb5")):
        tension.add(sound.pad(m, clock.sec(80) - clock.sec(64), 0.22, attack=6.0, release=2.0, bright=1800, seed=m,
                          vibrato=9.0), clock.sec(64), 0.3 if m % 2 else -0.3)
    # pulse: muffled low piano eighths, 3+3+2 accents, from bar 5 to 20
    pp = Player(clock, "storm:pulse", jitter=0.004)
    pf = piano_fn(seed="storm")
    accents = [1.0, 0.55, 0.6, 0.9, 0.55, 0.6, 0.85, 0.55]
    for bar in range(5, 21):
        for i in range(8):
            at = (bar - 1) * bpb + i * 0.5
            m = 38 if i not in (6, 7) or bar % 4 else 37
            level = 0.45 * accents[i] * (0.7 + 0.3 * min(1.0, (bar - 4) / 8))
            pulse.add(pf(m, pp.vel(level), clock.spb * 0.42), pp.when(at), 0.0)
    # Nan-young's motif, dark and far, against the minor: its C# pulls like a leading tone
    motif = melody("A4:1 D5:2 C#5:5 |", bpb)
    Player(clock, "storm:bell").play(bells, bars(motif, 11, bpb) + bars(transpose(motif, -12), 23, bpb),
                                     bell_fn(6.0, 0.3), vel=0.6, pan=-0.3)
    # distant booms
    gen = rng("storm:booms")
    for bar in (1, 9, 17):
        m = int(2.5 * sound.SR)
        boom = sound.spectral(sound.white(gen, m), sound.lowpass(110, 2), circular=False, pad=0.2)
        boom *= sound.ramp_in(m, 0.08) * sound.decay(m, 0.6)
        hits.add(sound.fade(boom * np.float32(0.9), 0.0, 0.3), clock.sec((bar - 1) * bpb), float(gen.uniform(-0.4, 0.4)))
    out = mix.render(sound.room_ir("canyon", 4.0, 3.0, 0.04, 0.6), wet=1.2,
                     process={"pulse": lambda x: sound.spectral(x, sound.lowpass(900, 2)),
                              "tension": lambda x: sound.spectral(x, sound.lowpass(2500, 1.5))})
    return out
