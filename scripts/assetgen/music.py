"""The game's music: six loopable pieces, synthesised from written scores (numpy only).

Leitmotifs (docs/art-direction.md): Nan-young's is a rising fourth then a step down, A-D-C#,
on a clear bell; Jay's is a falling line through the flat seven, E-D-B, on a warm electric piano.
Both live in the D-major family (E-D-B is E dorian's b7 and 5th), so they can meet: in
`reunion` the two lines are played together and touch on the same D before parting to C# and B.

Scores are written as text (see ``melody`` and ``progression``); accompaniment voicings are
voice-led automatically; timing and velocity get a tiny seeded humanisation. Each piece is
rendered on a circular timeline one loop long (see audio.py), so its end flows into its start.
"""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from . import audio as A
from .common import Made, rng

SCRIPT = "scripts/assetgen/music.py"
TARGET_LUFS = -16.0

# --------------------------------------------------------------------------------------------
# score notation

QUALITIES = {  # chord quality -> intervals, most important first (upper voices take the first n)
    "": [4, 7, 0], "m": [3, 7, 0], "5": [7, 0],
    "7": [4, 10, 7, 0], "maj7": [4, 11, 7, 0], "m7": [3, 10, 7, 0], "m7b5": [3, 6, 10, 0],
    "6": [4, 9, 7, 0], "m6": [3, 9, 7, 0], "69": [4, 9, 14, 7, 0],
    "9": [4, 10, 14, 7, 0], "m9": [3, 10, 14, 7, 0], "maj9": [4, 11, 14, 7, 0],
    "13": [4, 10, 21, 14, 7, 0], "7b9": [4, 10, 13, 7, 0], "m11": [3, 10, 14, 17, 7, 0],
    "sus4": [5, 7, 0], "sus2": [2, 7, 0], "7sus4": [5, 10, 7, 0], "9sus4": [5, 10, 14, 7, 0],
    "add9": [4, 14, 7, 0], "madd9": [3, 14, 7, 0], "maj7#11": [4, 11, 18, 7, 0],
    "maj9#11": [4, 11, 14, 18, 7, 0], "dim7": [3, 6, 9, 0],
}
_CHORD_RE = re.compile(r"^([A-G][#b]?)([^/]*)(?:/([A-G][#b]?))?$")


@dataclass(frozen=True)
class Chord:
    name: str
    root: int  # pitch class
    tones: tuple[int, ...]  # intervals above the root, priority order
    bass: int  # pitch class of the bass

    @property
    def pcs(self) -> set[int]:
        return {(self.root + i) % 12 for i in self.tones}


def chord(symbol: str) -> Chord:
    m = _CHORD_RE.match(symbol)
    if not m or m.group(2) not in QUALITIES:
        raise ValueError(f"bad chord {symbol!r}")
    root = A.note(m.group(1) + "0") % 12
    bass = A.note(m.group(3) + "0") % 12 if m.group(3) else root
    return Chord(symbol, root, tuple(QUALITIES[m.group(2)]), bass)


def _tokens(text: str):
    for tok in text.replace("\n", " ").split():
        yield tok


def progression(text: str, beats_per_bar: int) -> list[tuple[float, float, Chord]]:
    """'Dmaj9:4 | A7sus4:2 A7:2 | ...' -> [(start beat, beats, Chord)], bar lines checked."""
    out, beat = [], 0.0
    for tok in _tokens(text):
        if tok == "|":
            assert abs(beat / beats_per_bar - round(beat / beats_per_bar)) < 1e-9, f"bar line at beat {beat}"
            continue
        sym, dur = tok.rsplit(":", 1)
        out.append((beat, float(dur), chord(sym)))
        beat += float(dur)
    return out


def melody(text: str, beats_per_bar: int, start: float = 0.0) -> list[tuple[float, float, list[int], float]]:
    """'A4:1 D5:2 C#5:1 | r:2 [A4,E5]:2!' -> [(beat, beats, [midi...], velocity factor)].

    'r' is a rest; a trailing '!' accents a note, '?' softens it; '|' checks the bar line.
    """
    out, beat = [], start
    for tok in _tokens(text):
        if tok == "|":
            assert abs((beat - start) / beats_per_bar - round((beat - start) / beats_per_bar)) < 1e-9, \
                f"bar line at beat {beat} in {text[:40]!r}"
            continue
        accent = 1.0
        if tok.endswith("!"):
            tok, accent = tok[:-1], 1.2
        elif tok.endswith("?"):
            tok, accent = tok[:-1], 0.7
        pitch, dur = tok.rsplit(":", 1)
        if pitch != "r":
            notes = [A.note(p) for p in pitch.strip("[]").split(",")]
            out.append((beat, float(dur), notes, accent))
        beat += float(dur)
    return out


def bars(events, first_bar: int, beats_per_bar: int):
    """Shift events written from beat 0 to start at a 1-based bar number."""
    shift = (first_bar - 1) * beats_per_bar
    return [(b + shift, d, n, a) for b, d, n, a in events]


def transpose(events, semitones: int):
    return [(b, d, [m + semitones for m in n], a) for b, d, n, a in events]


class Clock:
    """Beats to seconds with light swing and a loop-preserving rubato (tempo breathes, total fixed)."""

    def __init__(self, bpm: float, beats_per_bar: int, n_bars: int, swing: float = 0.0, rubato: float = 0.0,
                 seed: str = ""):
        self.spb = 60.0 / bpm
        self.bpb = beats_per_bar
        self.total = beats_per_bar * n_bars
        self.seconds = self.total * self.spb
        self.swing = swing
        gen = rng(f"rubato:{seed}")
        cycles = (n_bars // 4, n_bars // 2) if rubato else ()
        self.waves = [(k, rubato * gen.uniform(0.3, 1.0), gen.uniform(0, 2 * np.pi)) for k in cycles]

    def sec(self, beat: float) -> float:
        b = beat
        if self.swing:
            whole = np.floor(b)
            f = b - whole
            s = 0.5 + self.swing
            f = f / 0.5 * s if f <= 0.5 else s + (f - 0.5) / 0.5 * (1 - s)
            b = whole + f
        warp = 0.0
        for k, a, ph in self.waves:
            w = 2 * np.pi * k / self.total
            warp += a / w * (np.sin(w * b + ph) - np.sin(ph))
        return (b - warp) * self.spb


# --------------------------------------------------------------------------------------------
# voicing


def voice(prev: list[int] | None, ch: Chord, n: int, center: float, lo: int, hi: int) -> list[int]:
    """Choose n upper-voice pitches for a chord, moving as little as possible from prev."""
    tones = list(ch.tones)
    while len(tones) < n:
        tones.append(tones[len(tones) % len(ch.tones)])
    pcs = [(ch.root + i) % 12 for i in tones[:n]]
    if prev is None:
        prev = [int(round(center + (i - (n - 1) / 2) * 4)) for i in range(n)]
    best, best_cost = None, 1e9
    for perm in set(itertools.permutations(pcs)):
        cand = []
        for target, pc in zip(prev, perm):
            base = target - ((target - pc) % 12)
            options = (base, base + 12)
            cand.append(min(options, key=lambda p: (abs(p - target), p)))
        if any(b <= a for a, b in zip(cand, cand[1:])) or cand[0] < lo or cand[-1] > hi:
            continue
        cost = sum(abs(a - b) for a, b in zip(cand, prev))
        cost += 0.35 * abs(np.mean(cand) - center)
        cost += sum(3.0 for a, b in zip(cand, cand[1:]) if b - a == 1)
        cost += sum(1.0 for a, b in zip(cand, cand[1:]) if b - a > 9)
        if cand[-1] - cand[-2] == 1:
            cost += 4.0
        if cost < best_cost:
            best, best_cost = cand, cost
    if best is None:  # no smooth option in range: restart around the centre
        return voice(None, ch, n, center, lo, hi) if prev is not None and prev != [
            int(round(center + (i - (n - 1) / 2) * 4)) for i in range(n)] else sorted(
            lo + ((pc - lo) % 12) for pc in pcs)
    return best


def bass_note(pc: int, lo: int, hi: int, prev: int | None = None) -> int:
    options = [m for m in range(lo, hi + 1) if m % 12 == pc]
    if prev is None:
        return options[0]
    return min(options, key=lambda m: abs(m - prev))


# --------------------------------------------------------------------------------------------
# performance helpers


class Player:
    """Places humanised notes of a score onto a bus."""

    def __init__(self, clock: Clock, name: str, jitter: float = 0.007, vel_jitter: float = 0.06):
        self.clock = clock
        self.gen = rng(f"humanise:{name}")
        self.jitter = jitter
        self.vel_jitter = vel_jitter

    def when(self, beat: float) -> float:
        j = self.jitter
        return self.clock.sec(beat) + float(np.clip(self.gen.normal(0, j), -2.5 * j, 2.5 * j))

    def vel(self, v: float) -> float:
        return float(np.clip(v * (1 + self.gen.normal(0, self.vel_jitter)), 0.05, 1.0))

    def play(self, bus: A.Bus, events, voice_fn, vel: float = 0.7, pan: float = 0.0, legato: float = 1.0,
             gain: float = 1.0, spread: float = 0.0):
        for beat, dur, notes, accent in events:
            t0 = self.when(beat)
            t1 = self.clock.sec(beat + dur)
            v = self.vel(vel * accent)
            for i, m in enumerate(sorted(notes)):
                gate = max(0.05, (t1 - t0) * legato)
                sig = voice_fn(m, v, gate)
                bus.add(sig, t0 + i * spread, pan, gain)


def piano_fn(worn: float = 0.0, variants: int = 1, seed: str = "p"):
    gen = rng(f"piano-variant:{seed}")

    def fn(m, v, gate):
        return A.piano(m, v, gate, int(gen.integers(0, variants)), worn)

    return fn


def ep_fn(seed: str = "ep"):
    gen = rng(f"ep-variant:{seed}")
    return lambda m, v, gate: A.epiano(m, v, gate, int(gen.integers(0, 3)))


def bell_fn(length: float = 4.0, bright: float = 0.5):
    return lambda m, v, gate: A.bell(m, v, max(length, gate + 1.5), bright)


def arpeggiate(player: Player, bus: A.Bus, chords, fn, pattern: list[int], step: float, vel: float, center: float,
               lo: int, hi: int, bass_lo: int, bass_hi: int, n_upper: int = 3, pan_spread: float = 0.25,
               pedal: bool = True, only: tuple[int, int] | None = None, accent_every: float = 1.0):
    """Broken-chord accompaniment: bass, a fifth or octave above it, then voice-led upper tones."""
    prev, prev_bass = None, None
    clock = player.clock
    for beat, beats, ch in chords:
        upper = voice(prev, ch, n_upper, center, lo, hi)
        prev = upper
        b = bass_note(ch.bass, bass_lo, bass_hi, prev_bass)
        prev_bass = b
        second = b + 7 if (ch.bass + 7) % 12 in ch.pcs else b + 12
        tones = [b, second] + [u for u in upper if u > second]
        if only and not (only[0] <= beat < only[1]):
            continue
        end = clock.sec(beat + beats)
        steps = int(round(beats / step))
        for i in range(steps):
            idx = pattern[i % len(pattern)]
            if idx < 0:
                continue
            m = tones[min(idx, len(tones) - 1)]
            at = beat + i * step
            t0 = player.when(at)
            on_beat = abs((at / accent_every) - round(at / accent_every)) < 1e-6
            v = player.vel(vel * (1.1 if idx == 0 else 0.82) * (1.08 if on_beat else 0.95))
            gate = (end - t0 + 0.05) if pedal else clock.spb * step * 0.95
            pan = (m - 60) / 30.0 * pan_spread
            bus.add(fn(m, v, gate), t0, float(np.clip(pan, -0.6, 0.6)))


def pads(player: Player, bus: A.Bus, chords, n: int, center: float, lo: int, hi: int, vel: float = 0.5,
         only=None, **kw):
    prev = None
    clock = player.clock
    for beat, beats, ch in chords:
        v = voice(prev, ch, n, center, lo, hi)
        prev = v
        if only and not (only[0] <= beat < only[1]):
            continue
        t0 = clock.sec(beat)
        dur = clock.sec(beat + beats) - t0
        for i, m in enumerate(v):
            bus.add(A.pad(m, dur + 0.15, vel, seed=i, **kw), t0, 0.0)


def bassline(player: Player, bus: A.Bus, chords, lo: int, hi: int, vel: float, style: str = "roots",
             only=None, walk_prob: float = 0.5):
    """Soft bass: 'roots' (whole/half notes), 'two' (root and fifth with a swung approach), 'walk'."""
    prev = None
    gen = rng(f"bass:{style}:{lo}")
    clock = player.clock
    for idx, (beat, beats, ch) in enumerate(chords):
        nxt = chords[(idx + 1) % len(chords)][2]
        r = bass_note(ch.bass, lo, hi, prev)
        prev = r
        if only and not (only[0] <= beat < only[1]):
            continue
        target = bass_note(nxt.bass, lo, hi, r)
        notes: list[tuple[float, float, int]] = []
        if style == "roots" or beats < 3:
            notes = [(0, beats, r)]
        elif style == "two":
            fifth = r + 7 if r + 7 <= hi + 2 else r - 5
            third_or_fifth = fifth if (ch.root + 7) % 12 in ch.pcs else r + (ch.tones[0] if ch.tones[0] < 12 else 0)
            notes = [(0, 2, r), (2, 2, third_or_fifth)]
            if gen.uniform() < walk_prob:
                notes[-1] = (2, 1.5, third_or_fifth)
                notes.append((3.5, 0.5, target + (1 if gen.uniform() < 0.5 else -1)))
        elif style == "walk":
            tones = sorted({r + i for i in ch.tones if i < 12} | {r + 12})
            mid = [t for t in tones if t != r]
            a = mid[0] if mid else r + 7
            b = mid[min(1, len(mid) - 1)] if mid else r + 7
            approach = target + (1 if gen.uniform() < 0.5 else -1)
            notes = [(0, 1, r), (1, 1, a), (2, 1, b), (3, 1, approach)]
        for off, d, m in notes:
            t0 = player.when(beat + off)
            gate = clock.sec(beat + off + d) - t0 - 0.03
            bus.add(A.bass(m, player.vel(vel), gate), t0, 0.0)


def brushes(player: Player, bus: A.Bus, first_bar: int, last_bar: int, vel: float, kick: float = 0.0,
            taps: bool = True, chick: bool = True, kick_and: bool = False):
    """Brushed kit: a swish on every beat, slaps on 2 and 4, a feathered kick, hi-hat foot."""
    gen = rng(f"brushes:{first_bar}:{last_bar}:{vel}")
    clock = player.clock
    bpb = clock.bpb
    for bar in range(first_bar, last_bar + 1):
        for beat in range(bpb):
            at = (bar - 1) * bpb + beat
            t = player.when(at)
            length = clock.spb * 0.9
            bus.add(A.brush_swish(gen, player.vel(vel * (0.8 + 0.2 * (beat % 2 == 0))), length), t - 0.02,
                    -0.25 if beat % 2 else 0.2)
            if taps and beat in (1, 3):
                bus.add(A.brush_tap(gen, player.vel(vel)), t, 0.1)
            if chick and beat in (1, 3):
                bus.add(A.hat_chick(gen, player.vel(vel)), t + 0.004, 0.35)
            if kick and beat in (0, 2):
                bus.add(A.soft_kick(player.vel(kick * (1.0 if beat == 0 else 0.8))), t, 0.0)
            if kick and kick_and and beat == 1 and gen.uniform() < 0.6:
                bus.add(A.soft_kick(player.vel(kick * 0.6)), player.when(at + 0.5), 0.0)
            if taps and beat == 3 and gen.uniform() < 0.3:  # a ghosted swung pickup into the next bar
                bus.add(A.brush_tap(gen, player.vel(vel * 0.4)), player.when(at + 0.5), -0.1)


def rain_layer(n: int, name: str, level: float = 1.0) -> np.ndarray:
    """Distant rain: soft broadband hiss, many tiny drops, a faint low city rumble. (2, n), circular."""
    out = []
    for ch in range(2):
        gen = rng(f"rain:{name}:{ch}")
        hiss = A.spectral(A.coloured(gen, n, -2.0), A.chain(A.bandpass(500, 6000, 2), A.peak(2500, 0.8, 3)))
        drops = A.clicks(gen, n, rate=900, length=0.004, tone=0.3, amp_spread=0.12)
        drops = A.spectral(drops, A.chain(A.highpass(1500, 1.5), A.lowpass(7000, 2)))
        rumble = A.spectral(A.coloured(gen, n, -6.0), A.lowpass(140, 2))
        out.append(hiss * 0.05 + drops * 0.6 + rumble * 0.03)
    return np.stack(out) * np.float32(level)


def crackle_layer(n: int, name: str, level: float = 1.0) -> np.ndarray:
    """Vinyl surface: sparse crackles, a few louder pops, faint hiss and rumble. (2, n), circular."""
    out = []
    for ch in range(2):
        gen = rng(f"crackle:{name}:{ch}")
        fine = A.clicks(gen, n, rate=35, length=0.0015, tone=0.35, amp_spread=0.08)
        pops = A.clicks(gen, n, rate=1.2, length=0.004, tone=0.55, amp_spread=0.25)
        hiss = A.spectral(A.white(gen, n), A.bandpass(2000, 9000, 1.0)) * 0.006
        rumble = A.spectral(A.coloured(gen, n, -6.0), A.bandpass(20, 90, 2)) * 0.01
        out.append(fine + pops + hiss + rumble)
    x = np.stack(out)
    return A.widen(x, 0.6) * np.float32(level)


def radio_beeps(n: int, name: str, times: list[float], level: float = 1.0) -> np.ndarray:
    """Distant spacecraft comms: short sine beeps and a quindar-like tone, band-limited, with static."""
    gen = rng(f"beeps:{name}")
    out = np.zeros(n + 3 * A.SR, dtype=np.float32)
    for t in times:
        start = int(t * A.SR)
        kind = gen.integers(0, 3)
        if kind == 0:  # three short data beeps
            seq = [(0.0, 0.07, 1760.0), (0.12, 0.07, 1760.0), (0.24, 0.11, 2349.0)]
        elif kind == 1:  # quindar-like intro tone
            seq = [(0.0, 0.25, 2525.0)]
        else:  # two beeps, low-high
            seq = [(0.0, 0.09, 1175.0), (0.16, 0.13, 1568.0)]
        for off, d, f in seq:
            m = int(d * A.SR)
            beep = A.sine(f, m) * A.ramp_in(m, 0.004)
            beep = A.fade(beep, 0.0, 0.01)
            s = start + int(off * A.SR)
            out[s : s + m] += beep * np.float32(0.5)
        m = int(0.6 * A.SR)
        static = A.white(gen, m) * A.decay(m, 0.12) * np.float32(0.08)
        out[start : start + m] += static
    out = A.spectral(out, A.chain(A.bandpass(350, 3200, 2.0)))
    return A.fold(out[None, :], n)[0] * np.float32(level)


# --------------------------------------------------------------------------------------------
# the pieces


def main_theme() -> np.ndarray:
    """D major, 75 bpm, 28 bars: piano arpeggios and pad; Nan-young's bell, Jay's electric piano."""
    bpb, n_bars = 4, 28
    clock = Clock(75, bpb, n_bars, rubato=0.018, seed="main_theme")
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

    mix = A.Mix(clock.seconds)
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
    out = mix.render(A.room_ir("hall", 3.2, 2.4, 0.025, 0.45), wet=1.3,
                     process={"ep": lambda x: A.tremolo(x, 3.1, 0.18)})
    return out


def seoul_night() -> np.ndarray:
    """G major, 84 bpm light swing, 28 bars of ii-V-I with sevenths; EP, brushes, bass, rain."""
    bpb, n_bars = 4, 28
    clock = Clock(84, bpb, n_bars, swing=0.09, seed="seoul")
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
    mix = A.Mix(clock.seconds)
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
    for beat, beats, ch in chords:
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
    out = mix.render(A.room_ir("club", 2.2, 1.6, 0.018, 0.55), wet=1.0,
                     process={"lead": lambda x: A.tremolo(x, 2.3, 0.22), "comp": lambda x: A.tremolo(x, 2.3, 0.15)})
    return out


def shop_warm() -> np.ndarray:
    """C major, 3/4 waltz at 90 bpm, 32 bars: a slightly worn piano on an old record."""
    bpb, n_bars = 3, 32
    clock = Clock(90, bpb, n_bars, rubato=0.045, seed="shop")
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
    mix = A.Mix(clock.seconds)
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
    out = mix.render(A.room_ir("parlour", 2.0, 1.15, 0.012, 0.7), wet=1.0,
                     process={"piano": lambda x: A.spectral(A.wow(A.widen(x, 0.7), 1.0, 0.45, 0.06),
                                                            A.chain(A.lowpass(6500, 1.5), A.highpass(70, 1.0),
                                                                    A.peak(300, 1.0, 1.5)))})
    return out


def mars_solitude() -> np.ndarray:
    """D (lydian colour), 64 bpm, 24 bars: slow wide pads, sparse bells, distant radio beeps."""
    bpb, n_bars = 4, 24
    clock = Clock(64, bpb, n_bars, seed="mars")
    chords = progression("""
        Dmaj9:8 | | Bm9:8 | | Gmaj9#11:8 | | A9sus4:8 | |
        Dmaj9/F#:8 | | Em9:8 | | Gmaj7#11:8 | | F#m7:8 | |
        Bm9:8 | | Gmaj9#11:8 | | Em9:8 | | A9sus4:8 | |""", bpb)
    mix = A.Mix(clock.seconds)
    pad = mix.bus("pad", -23, 0.55)
    air = mix.bus("air", -29, 0.7)
    low = mix.bus("low", -27, 0.3)
    bells = mix.bus("bell", -18, 0.65)
    echo = mix.bus("echo", -25, 0.8)
    radio = mix.bus("radio", -25, 0.7)
    gen2 = rng("mars:bed")
    bed = np.stack([A.spectral(A.coloured(gen2, mix.n, -4.5), A.bandpass(60, 1200, 1.0)) for _ in range(2)])
    mix.bus("bed", -42, 0.3).add(bed, 0.0)
    pads(Player(clock, "mars:pad"), pad, chords, 4, 62, 52, 76, vel=0.45, attack=3.5, release=4.0, bright=750,
         detune=9.0)
    pads(Player(clock, "mars:air"), air, chords, 3, 81, 72, 91, vel=0.35, attack=4.5, release=5.0, bright=2600,
         detune=12.0, odd=0.3)
    for beat, beats, ch in chords:
        t0 = clock.sec(beat)
        m = bass_note(ch.bass, 38, 49)
        low.add(A.pad(m, clock.sec(beat + beats) - t0 + 0.2, 0.5, attack=2.5, release=3.0, bright=220, detune=4.0),
                t0, 0.0)
    motif = melody("A4:1 D5:2 C#5:5 |", bpb)
    bell_part = (bars(motif, 3, bpb) + bars(transpose(motif, 12), 11, bpb) + bars(motif, 19, bpb))
    # sparse pentatonic bell notes around the motifs, seeded
    gen = rng("mars:bells")
    scale = [A.note(n) for n in ("F#5", "A5", "B5", "D6", "E6", "F#6", "A6")]
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
    out = mix.render(A.room_ir("void", 5.0, 4.2, 0.06, 0.5), wet=1.3,
                     process={"echo": lambda x: A.spectral(x, A.bandpass(500, 3000, 1.5)),
                              "radio": lambda x: A.widen(A.balance(x, 0.5), 1.0)})
    return out


def storm() -> np.ndarray:
    """D minor over a D pedal, 96 bpm, 24 bars: low drones, a restless pulse, tension chords, wind."""
    bpb, n_bars = 4, 24
    clock = Clock(96, bpb, n_bars, seed="storm")
    chords = progression("""
        Dmadd9:8 | | Bb/D:8 | | Dmadd9:8 | | Gm/D:8 | | Eb/D:8 | | Dm:8 | |
        Bb/D:8 | | Eb/D:8 | | Gm/D:8 | | A7b9/D:8 | | Bb/D:8 | | Dm:8 | |""", bpb)
    mix = A.Mix(clock.seconds)
    n = mix.n
    drone = mix.bus("drone", -19, 0.2)
    tension = mix.bus("tension", -22, 0.5)
    pulse = mix.bus("pulse", -21, 0.2)
    bells = mix.bus("bell", -22, 0.7)
    hits = mix.bus("hits", -24, 0.4)
    mix.bus("wind", -20, 0.1).add(wind_layer(n, "storm", 1.0), 0.0)
    # drone: loop-periodic oscillators (whole cycles per loop) so the hum never seams
    loop_s = n / A.SR
    for m, level, bright in ((26, 0.28, 200.0), (38, 0.35, 340.0), (45, 0.2, 420.0)):
        for ch in range(2):
            for cents in (-6.0, 5.0):
                spread = 0.0 if m < 30 else (0.02 if ch else -0.02)  # the lowest drone stays mono
                f = A.hz(m + cents / 100 + spread)
                f = round(f * loop_s) / loop_s
                sig = A.table_osc(f, n, bright, 1.0, phase=(0.13 * ch if m >= 30 else 0.0) + cents / 50)
                drone.data[ch, :n] += sig * np.float32(level * 0.5)
    sw = np.arange(n) / n
    swell = (1.0 + 0.35 * np.sin(2 * np.pi * 3 * sw) + 0.15 * np.sin(2 * np.pi * 7 * sw + 1)).astype(np.float32)
    drone.data[:, :n] *= swell
    pads(Player(clock, "storm:pad"), tension, chords, 4, 60, 50, 72, vel=0.5, attack=2.5, release=3.0, bright=650,
         detune=10.0, vibrato=6.0)
    # high dissonant swell before the turn (bars 17-20)
    for m in (A.note("A5"), A.note("Bb5")):
        tension.add(A.pad(m, clock.sec(80) - clock.sec(64), 0.22, attack=6.0, release=2.0, bright=1800, seed=m,
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
        m = int(2.5 * A.SR)
        boom = A.spectral(A.white(gen, m), A.lowpass(110, 2), circular=False, pad=0.2)
        boom *= A.ramp_in(m, 0.08) * A.decay(m, 0.6)
        hits.add(A.fade(boom * np.float32(0.9), 0.0, 0.3), clock.sec((bar - 1) * bpb), float(gen.uniform(-0.4, 0.4)))
    out = mix.render(A.room_ir("canyon", 4.0, 3.0, 0.04, 0.6), wet=1.2,
                     process={"pulse": lambda x: A.spectral(x, A.lowpass(900, 2)),
                              "tension": lambda x: A.spectral(x, A.lowpass(2500, 1.5))})
    return out


def wind_layer(n: int, name: str, level: float) -> np.ndarray:
    """Filtered wind: noise through a band that follows gusts; a faint whistle on the strongest gusts."""
    out = []
    loop_s = n / A.SR
    for ch in range(2):
        gen = rng(f"wind:{name}:{ch}")
        comps = [(k, gen.uniform(0.4, 1.0) / k ** 0.6, gen.uniform(0, 2 * np.pi))
                 for k in (2, 3, 5, 7, 11, 13)]
        norm = sum(c[1] for c in comps)

        def gust(t, comps=comps, norm=norm):
            g = sum(a * np.sin(2 * np.pi * k * t / loop_s + ph) for k, a, ph in comps) / norm
            return 0.5 + 0.5 * g

        def shape(t, f, gust=gust):
            g = gust(t)
            centre = 260.0 * 2 ** (2.0 * g)
            band = np.exp(-0.5 * (np.log2(np.maximum(f, 20) / centre) / 1.1) ** 2)
            whistle = 0.35 * g ** 3 * np.exp(-0.5 * (np.log2(np.maximum(f, 20) / (centre * 2.6)) / 0.08) ** 2)
            low = 0.5 * np.exp(-0.5 * (np.log2(np.maximum(f, 20) / 80) / 1.0) ** 2)
            return (0.25 + 0.9 * g) * (band + whistle + low)

        x = A.stft_noise(gen, n, shape)
        out.append(x)
    return A.widen(np.stack(out), 1.2) * np.float32(0.09 * level)


def reunion() -> np.ndarray:
    """D major, 80 bpm, 30 bars: the two motifs meet on one D and part into A(add9); full chords."""
    bpb, n_bars = 4, 30
    clock = Clock(80, bpb, n_bars, rubato=0.015, seed="reunion")
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

    mix = A.Mix(clock.seconds)
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
    out = mix.render(A.room_ir("hall", 3.2, 2.4, 0.025, 0.45), wet=1.3,
                     process={"ep": lambda x: A.tremolo(x, 3.1, 0.18)})
    return out


# --------------------------------------------------------------------------------------------

PIECES = {
    "main_theme": (main_theme, "title music: D major, 75 bpm; both leads' motifs (bell and electric piano) "
                               "over piano arpeggios and pad"),
    "seoul_night": (seoul_night, "Seoul at night: G major ii-V-I with sevenths, 84 bpm light swing; "
                                 "electric piano, brushed drums, soft bass, distant rain"),
    "shop_warm": (shop_warm, "Jay's shop: C major slow waltz (3/4, 90 bpm) on a slightly worn piano "
                             "with vinyl crackle"),
    "mars_solitude": (mars_solitude, "Mars: D lydian colour, 64 bpm; slow wide pads, sparse bells with "
                                     "delayed echoes, distant radio beeps"),
    "storm": (storm, "the storm: D minor over a D pedal, 96 bpm; low drones, restless pulse, tension chords, "
                     "filtered wind"),
    "reunion": (reunion, "reunion: D major, 80 bpm; the two motifs meet in harmony, fuller chords, soft drums"),
}


def _path(assets: Path, name: str) -> Path:
    return assets / "audio" / "music" / f"{name}.ogg"


def render(name: str) -> np.ndarray:
    """The mastered stereo loop (2, n) of one piece."""
    fn, _ = PIECES[name]
    x = fn()
    y = A.master(x, TARGET_LUFS, -1.5, eq=A.chain(A.highpass(28, 2), A.lowpass(15000, 2)))
    return A.quiet_start(y, 0.004)


def generate(assets: Path) -> list[Made]:
    made = []
    for name, (_, what) in PIECES.items():
        path = A.write_ogg(_path(assets, name), render(name), A.SR, quality=0.6)
        made.append(Made(path, what, SCRIPT))
    return made


def listing(assets: Path) -> list[Made]:
    return [Made(_path(assets, name), what, SCRIPT) for name, (_, what) in PIECES.items()]
