"""Scores as text and the harmony under them: chord symbols ('Dmaj7', 'A7/C#', 'Bm9'), progressions
and melodies in a small notation (see ``progression`` and ``melody``), a clock with swing and rubato,
and voice leading of chords and bass notes.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterator
from dataclasses import dataclass

import numpy as np

from .. import sound
from ..seeds import rng

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



Chords = list[tuple[float, float, Chord]]  # (start beat, length in beats, chord)
Events = list[tuple[float, float, list[int], float]]  # (start beat, length in beats, MIDI notes, velocity)

def chord(symbol: str) -> Chord:
    m = _CHORD_RE.match(symbol)
    if not m or m.group(2) not in QUALITIES:
        raise ValueError(f"bad chord {symbol!r}")
    root = sound.note(m.group(1) + "0") % 12
    bass = sound.note(m.group(3) + "0") % 12 if m.group(3) else root
    return Chord(symbol, root, tuple(QUALITIES[m.group(2)]), bass)


def _tokens(text: str) -> Iterator[str]:
    yield from text.replace("\n", " ").split()


def progression(text: str, beats_per_bar: int) -> list[tuple[float, float, Chord]]:
    """'Dmaj9:4 | A7sus4:2 A7:2 | ...' -> [(start beat, beats, Chord)], bar lines checked."""
    out, beat = [], 0.0
    for tok in _tokens(text):
        if tok == "|":
            if abs(beat / beats_per_bar - round(beat / beats_per_bar)) >= 1e-9:
                raise ValueError(f"progression: bar line at beat {beat}, not at a bar's end, in {text[:40]!r}")
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
            if abs((beat - start) / beats_per_bar - round((beat - start) / beats_per_bar)) >= 1e-9:
                raise ValueError(f"melody: bar line at beat {beat}, not at a bar's end, in {text[:40]!r}")
            continue
        accent = 1.0
        if tok.endswith("!"):
            tok, accent = tok[:-1], 1.2
        elif tok.endswith("?"):
            tok, accent = tok[:-1], 0.7
        pitch, dur = tok.rsplit(":", 1)
        if pitch != "r":
            notes = [sound.note(p) for p in pitch.strip("[]").split(",")]
            out.append((beat, float(dur), notes, accent))
        beat += float(dur)
    return out


def bars(events: Events, first_bar: int, beats_per_bar: int) -> Events:
    """Shift events written from beat 0 to start at a 1-based bar number."""
    shift = (first_bar - 1) * beats_per_bar
    return [(b + shift, d, n, a) for b, d, n, a in events]


def transpose(events: Events, semitones: int) -> Events:
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
        if any(b <= a for a, b in itertools.pairwise(cand)) or cand[0] < lo or cand[-1] > hi:
            continue
        cost = sum(abs(a - b) for a, b in zip(cand, prev))
        cost += 0.35 * abs(np.mean(cand) - center)
        cost += sum(3.0 for a, b in itertools.pairwise(cand) if b - a == 1)
        cost += sum(1.0 for a, b in itertools.pairwise(cand) if b - a > 9)
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
