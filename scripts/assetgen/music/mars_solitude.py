"""Mars: D lydian colour, 64 bpm; slow wide pads, sparse bells with delayed echoes, distant radio
beeps.
"""

from __future__ import annotations

import numpy as np

from .. import sound
from ..seeds import rng
from .parts import Player, bell_fn, pads
from .textures import radio_beeps
from .theory import Clock, bars, bass_note, melody, progression, transpose

TEMPO = 64  # beats per minute
BEATS_PER_BAR, BARS = 4, 24  # one loop


def mars_solitude() -> np.ndarray:
    """D (lydian colour), 64 bpm, 24 bars: slow wide pads, sparse bells, distant radio beeps."""
    bpb, n_bars = BEATS_PER_BAR, BARS
    clock = Clock(TEMPO, bpb, n_bars, seed="mars")
    chords = progression("""
        Dmaj9:8 | | Bm9:8 | | Gmaj9#11:8 | | A9sus4:8 | |
        Dmaj9/F#:8 | | Em9:8 | | Gmaj7#11:8 | | F#m7:8 | |
        Bm9:8 | | Gmaj9#11:8 | | Em9:8 | | A9sus4:8 | |""", bpb)
    mix = sound.Mix(clock.seconds)
    pad = mix.bus("pad", -23, 0.55)
    air = mix.bus("air", -29, 0.7)
    low = mix.bus("low", -27, 0.3)
    bells = mix.bus("bell", -18, 0.65)
    echo = mix.bus("echo", -25, 0.8)
    radio = mix.bus("radio", -25, 0.7)
    gen2 = rng("mars:bed")
    bed = np.stack([sound.spectral(sound.coloured(gen2, mix.n, -4.5), sound.bandpass(60, 1200, 1.0)) for _ in range(2)])
    mix.bus("bed", -42, 0.3).add(bed, 0.0)
    pads(Player(clock, "mars:pad"), pad, chords, 4, 62, 52, 76, vel=0.45, attack=3.5, release=4.0, bright=750,
         detune=9.0)
    pads(Player(clock, "mars:air"), air, chords, 3, 81, 72, 91, vel=0.35, attack=4.5, release=5.0, bright=2600,
         detune=12.0, odd=0.3)
    for beat, beats, ch in chords:
        t0 = clock.sec(beat)
        m = bass_note(ch.bass, 38, 49)
        low.add(sound.pad(m, clock.sec(beat + beats) - t0 + 0.2, 0.5, attack=2.5, release=3.0, bright=220, detune=4.0),
                t0, 0.0)
    motif = melody("A4:1 D5:2 C#5:5 |", bpb)
    bell_part = (bars(motif, 3, bpb) + bars(transpose(motif, 12), 11, bpb) + bars(motif, 19, bpb))
    # sparse pentatonic bell notes around the motifs, seeded
    gen = rng("mars:bells")
    scale = [sound.note(n) for n in ("F#5", "A5", "B5", "D6", "E6", "F#6", "A6")]
    extra = []
    beat = 0.0
    idx = 3
    while beat < clock.total - 2:
        bar = int(beat // bpb) + 1
        if bar not in (3, 4, 11, 12, 19, 20) and gen.uniform() < 0.55:
            idx = int(np.clip(idx + gen.integers(-2, 3), 0, len(scale) - 1))
            extra.append((beat, 2.0, [scale[idx]], 0.5 + 0.4 * gen.uniform()))
        beat += float(gen.choice([2.0, 3.0, 4.0, 5.0]))
    bp = Player(clock, "mars:bell", jitter=0.01)
    bp.play(bells, bell_part, bell_fn(6.0, 0.6), vel=0.8, pan=-0.15)
    bp.play(bells, extra, bell_fn(5.0, 0.45), vel=0.45, pan=0.3)
    # the signal delay: every motif comes back later, fainter and further away
    delayed = [(b + 6, d, n, a * 0.8) for b, d, n, a in bell_part]
    bp.play(echo, delayed, bell_fn(6.0, 0.3), vel=0.6, pan=0.55)
    beep_times = [clock.sec(b) for b in (22.0, 49.0, 58.5, 85.0)]
    radio.add(radio_beeps(mix.n, "mars", beep_times), 0.0)
    out = mix.render(sound.room_ir("void", 5.0, 4.2, 0.06, 0.5), wet=1.3,
                     process={"echo": lambda x: sound.spectral(x, sound.bandpass(500, 3000, 1.5)),
                              "radio": lambda x: sound.widen(sound.balance(x, 0.5), 1.0)})
    return out
