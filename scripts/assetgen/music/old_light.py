""""Old Light" (오래된 빛), the song the story turns on: Jay's song for Signal Delay, left mid-line in 2044,
finished on the nights the delay was twelve minutes.

One score, two recordings:

* ``old_light``: the finished song, a hummed voice over electric piano, a soft pad, bass and brushes
  (about 2'45", a loop whose last chorus comes home to E minor and falls into the intro's E minor again).
* ``old_light_demo``: the 2044 demo in the keyboard's memory: a close, dry, slightly worn piano, a voice
  humming the verse and the first line of the chorus, then the next line starts and stops in the
  middle of a note (not a fade: a stop, like someone got up from the bench); tape hiss to the loop's end.

The key is E minor with a dorian lift (A major in the verse). The song opens on Jay's motif, the
falling line E-D-B (art direction); the chorus moves to the relative major (C-G/B-Am-D); the last verse,
the one written for her, is in D and opens on Nan-young's motif, A-D-C#, and the two motifs meet in its
fifth and sixth bars before the last chorus. Every melody note is a chord tone on the strong beats and a
step between them (by construction; see the comments in the score).
"""

from __future__ import annotations

import numpy as np

from .. import sound
from ..seeds import rng
from .parts import Player, VoiceFn, arpeggiate, bassline, bell_fn, brushes, ep_fn, pads, piano_fn
from .theory import Chords, Clock, Events, bars, melody, progression, transpose, voice

BEATS_PER_BAR = 4

# The harmony, section by section (bars of 4 beats)
INTRO = "Em9:4 | A13:4 | Em9:4 | A7sus4:4 |"
VERSE = "Em7:4 | A7:4 | Dmaj7:4 | Bm7:4 | Cmaj7:4 | G/B:4 | Am7:4 | B7sus4:2 B7:2 |"
CHORUS = "Cmaj7:4 | G/B:4 | Am7:4 | D:4 | Cmaj7:4 | G/B:4 | Am7:2 D/F#:2 | Em7:4 |"
BRIDGE = "Dmaj7:4 | A/C#:4 | Bm7:4 | Gmaj7:4 | Em7:4 | A7sus4:2 A7:2 | Dmaj7:4 | Bm7:2 B7sus4:1 B7:1 |"

# The tune. Verse: Jay's motif E-D-B on E minor, up through A major's C#, down the D major seventh.
VERSE_TUNE = """
    E5:1.5 D5:0.5 B4:2 | A4:0.5 B4:0.5 C#5:1 E5:1.5 C#5:0.5 | D5:1.5 C#5:0.5 A4:2 | F#4:1 A4:1 B4:2 |
    E5:1.5 D5:0.5 B4:1 G4:1 | G4:0.5 B4:0.5 D5:1 B4:2 | C5:1 B4:0.5 A4:0.5 E4:2 | F#4:1 E4:1 D#4:1 F#4:1 |"""
# Chorus: "You're looking at old light / it left before you looked" (the first two lines)
CHORUS_TUNE = """
    G4:0.5 G4:0.5 E5:1 E5:0.5 D5:0.5 B4:1 | B4:1 D5:1 G4:2 | A4:0.5 A4:0.5 C5:1 C5:0.5 B4:0.5 A4:1 | F#4:1.5 A4:0.5 D5:2 |
    E5:1.5 D5:0.5 B4:1 C5:1 | D5:1 B4:1 G4:1 A4:1 | C5:1 A4:1 F#4:1 A4:1 | G4:1 E4:3 |"""
# The last verse, in D: her motif A-D-C#, then both motifs in bars 5-6 ("Late is just the distance /
# the light still gets home")
BRIDGE_TUNE = """
    A4:1 D5:2 C#5:1 | C#5:2 A4:1 E4:1 | B4:1 E5:2 D5:1 | D5:2 B4:1 F#4:1 |
    E5:1 D5:1 B4:2 | A4:1 D5:1 C#5:1 E5:1 | F#5:1.5 E5:0.5 D5:2 | D5:2 E5:1 D#5:1 |"""
JAY_MOTIF = "E5:1.5 D5:0.5 B4:2 |"
NAN_MOTIF = "A4:1 D5:2 C#5:1 |"

FULL_TEMPO, FULL_BARS = 76, 52  # intro 4, verse 8, chorus 8, verse 8, chorus 8, bridge 8, chorus 8
DEMO_TEMPO, DEMO_BARS = 72, 16  # intro 2, verse 8, chorus 4, the line that stops, then tape to the loop's end
DEMO_STOP_BEAT = 14 * 4 + 1.75  # the stop: in the middle of the third line's second note


def song_chords(bpb: int = BEATS_PER_BAR) -> Chords:
    """The whole finished song's harmony, 52 bars."""
    return progression(" ".join((INTRO, VERSE, CHORUS, VERSE, CHORUS, BRIDGE, CHORUS)), bpb)


def song_tune(bpb: int = BEATS_PER_BAR) -> tuple[Events, Events, Events]:
    """The sung line (verses and choruses), her line in the last verse, and the motifs in the intro."""
    verse, chorus, bridge = melody(VERSE_TUNE, bpb), melody(CHORUS_TUNE, bpb), melody(BRIDGE_TUNE, bpb)
    sung = bars(verse, 5, bpb) + bars(chorus, 13, bpb) + bars(verse, 21, bpb) + bars(chorus, 29, bpb) + bars(chorus, 45, bpb)
    last_verse = bars(bridge, 37, bpb)
    motifs = bars(melody(JAY_MOTIF, bpb), 1, bpb) + bars(melody(JAY_MOTIF, bpb), 3, bpb)
    return sung, last_verse, motifs


def _comp(player: Player, bus: sound.Bus, chords: Chords, fn: VoiceFn, only: tuple[int, int], vel: float, seed: str) -> None:
    """Electric piano comping: voice-led four-note chords in short figures, a figure chosen per bar."""
    figures: list[list[tuple[float, float]]] = [[(0, 1.5), (2.5, 1.0)], [(0, 0.75), (1.5, 2.0)], [(0, 3.5)], [(0, 2.0), (3.0, 1.0)]]
    gen = rng(f"old_light:comp:{seed}")
    clock = player.clock
    prev = None
    for beat, beats, ch in chords:
        v = voice(prev, ch, 4, 60, 50, 70)
        prev = v
        if not only[0] <= beat < only[1]:
            continue
        fig = figures[int(gen.integers(0, len(figures)))] if beats == 4 else [(0, beats - 0.1)]
        for off, d in fig:
            t0 = player.when(beat + off)
            gate = clock.sec(beat + off + d) - t0
            vv = player.vel(vel)
            for i, m in enumerate(v):
                bus.add(fn(m, vv * (0.85 if i < 2 else 1.0), gate), t0 + i * 0.005, -0.2 + 0.12 * i)


def old_light() -> np.ndarray:
    """The finished song: E minor, 76 bpm, 52 bars; hummed voice, electric piano, pad, bass, brushes."""
    bpb = BEATS_PER_BAR
    clock = Clock(FULL_TEMPO, bpb, FULL_BARS, rubato=0.012, seed="old_light")
    chords = song_chords(bpb)
    sung, last_verse, motifs = song_tune(bpb)
    mix = sound.Mix(clock.seconds)
    voice_bus = mix.bus("voice", -17.5, 0.3)
    ep = mix.bus("ep", -21, 0.26)
    ep_lead = mix.bus("ep_lead", -19, 0.3)
    bells = mix.bus("bell", -20, 0.45)
    pad = mix.bus("pad", -27, 0.45)
    strings = mix.bus("strings", -28, 0.5)
    bass_bus = mix.bus("bass", -23, 0.08)
    drums = mix.bus("drums", -30, 0.15)
    hum: VoiceFn = sound.hum
    vp = Player(clock, "old_light:voice", jitter=0.01)
    vp.play(voice_bus, sung, hum, vel=0.8, pan=0.05, legato=1.02)
    vp.play(voice_bus, transpose(bars(melody(BRIDGE_TUNE, bpb)[12:], 37, bpb), -12), hum, vel=0.7, pan=-0.05)  # he joins her line
    Player(clock, "old_light:bell", jitter=0.004).play(bells, last_verse, bell_fn(4.5, 0.55), vel=0.75, pan=0.25)
    Player(clock, "old_light:bell2", jitter=0.004).play(bells, transpose(bars(melody(CHORUS_TUNE, bpb), 45, bpb), 12),
                                                        bell_fn(3.5, 0.45), vel=0.45, pan=0.3)  # the last chorus, an octave up
    epl = Player(clock, "old_light:ep_lead", jitter=0.006)
    epl.play(ep_lead, motifs, ep_fn("old_light:motif"), vel=0.72, pan=-0.15)
    epf = ep_fn("old_light:comp")
    cp = Player(clock, "old_light:comp", jitter=0.008)
    arpeggiate(cp, ep, chords, epf, [0, 2, 1, 3, 2, 4, 3, 1], 0.5, 0.36, 60, 52, 70, 40, 52, n_upper=3, only=(0, 16))
    arpeggiate(cp, ep, chords, epf, [0, 2, 1, 3, 2, 4, 3, 1], 0.5, 0.4, 60, 52, 70, 40, 52, n_upper=3, only=(16, 48))
    _comp(cp, ep, chords, epf, (48, 144), 0.42, "a")
    arpeggiate(cp, ep, chords, epf, [0, 2, 1, 3, 2, 4, 3, 1], 0.5, 0.38, 60, 52, 70, 40, 52, n_upper=3, only=(144, 176))
    _comp(cp, ep, chords, epf, (176, 208), 0.46, "b")
    pads(Player(clock, "old_light:pad"), pad, chords, 4, 64, 55, 76, vel=0.4, attack=1.4, release=2.2, bright=1000, only=(8, 208))
    pads(Player(clock, "old_light:str"), strings, chords, 3, 72, 62, 82, vel=0.34, attack=1.6, release=2.2, bright=2000,
         vibrato=7.0, only=(144, 208))
    bassline(Player(clock, "old_light:bass"), bass_bus, chords, 28, 43, 0.7, style="roots", only=(48, 80))
    bassline(Player(clock, "old_light:bass2"), bass_bus, chords, 28, 43, 0.72, style="two", walk_prob=0.25, only=(80, 144))
    bassline(Player(clock, "old_light:bass3"), bass_bus, chords, 28, 43, 0.66, style="roots", only=(144, 176))
    bassline(Player(clock, "old_light:bass4"), bass_bus, chords, 28, 43, 0.74, style="two", walk_prob=0.3, only=(176, 208))
    dp = Player(clock, "old_light:drums", jitter=0.005)
    brushes(dp, drums, 21, 36, 0.55, kick=0.3)
    brushes(dp, drums, 37, 44, 0.4, kick=0.0, taps=False)
    brushes(dp, drums, 45, 52, 0.62, kick=0.42, kick_and=True)
    return mix.render(sound.room_ir("hall", 3.0, 2.2, 0.022, 0.5), wet=1.2,
                      process={"ep": lambda x: sound.tremolo(x, 3.0, 0.16), "ep_lead": lambda x: sound.tremolo(x, 3.0, 0.12)})


def old_light_demo() -> np.ndarray:
    """The 2044 demo: a close, dry, slightly worn piano and a hummed voice, verse and two lines of the
    chorus, then the next line starts and stops mid-note; tape hiss runs on to the loop's end."""
    bpb = BEATS_PER_BAR
    clock = Clock(DEMO_TEMPO, bpb, DEMO_BARS, rubato=0.03, seed="old_light_demo")
    chords = progression(" ".join(("Em9:4 | A13:4 |", VERSE, "Cmaj7:4 | G/B:4 | Am7:4 | D:4 | Cmaj7:4 | Em7:4 |")), bpb)
    verse, chorus = melody(VERSE_TUNE, bpb), melody(CHORUS_TUNE, bpb)
    sung = bars(verse, 3, bpb) + bars(chorus[:20], 11, bpb)  # two lines of the chorus and the start of the third
    stop = DEMO_STOP_BEAT
    mix = sound.Mix(clock.seconds)
    piano = mix.bus("piano", -19, 0.12)
    voice_bus = mix.bus("voice", -17, 0.12)
    pf = piano_fn(worn=0.5, variants=2, seed="old_light_demo")
    hum = lambda m, v, g: sound.hum(m, v, g, seed=1, scoop=0.5)  # noqa: E731
    vp = Player(clock, "old_light_demo:voice", jitter=0.014)
    vp.play(voice_bus, [e for e in sung if e[0] < stop], hum, vel=0.78, legato=1.0)
    lh = Player(clock, "old_light_demo:piano", jitter=0.012)
    arpeggiate(lh, piano, [c for c in chords if c[0] < stop], pf, [0, 1, 2, 3, 2, 1, 2, 3], 0.5, 0.4, 60, 52, 69, 40, 52, n_upper=3)
    Player(clock, "old_light_demo:motif", jitter=0.01).play(piano, bars(melody(JAY_MOTIF, bpb), 1, bpb), pf, vel=0.55)
    out = mix.render(sound.room_ir("close", 0.8, 0.35, 0.004, 0.7), wet=0.6,
                     process={"piano": lambda x: sound.spectral(sound.wow(x, 0.8, 0.4, 0.05),
                                                                sound.chain(sound.lowpass(7000, 1.5), sound.highpass(60, 1.0)))})
    # the stop: everything cut in the middle of the note (a few milliseconds so it doesn't click), the
    # bench's creak as he gets up, then only the tape
    n = out.shape[-1]
    t_stop = int(clock.sec(stop) * sound.SR)
    gate = np.ones(n, dtype=np.float32)
    ramp = int(0.006 * sound.SR)
    gate[t_stop:t_stop + ramp] = np.linspace(1, 0, ramp, dtype=np.float32)
    gate[t_stop + ramp:] = 0
    lead_in = int(0.01 * sound.SR)  # the loop's start: the tape comes up under the first chord
    gate[:lead_in] = np.minimum(gate[:lead_in], np.linspace(0, 1, lead_in, dtype=np.float32))
    out = out * gate
    gen = rng("old_light_demo:tape")
    creak_at = t_stop + int(0.35 * sound.SR)
    m = int(0.25 * sound.SR)
    creak = sound.spectral(gen.standard_normal(m), sound.bandpass(120, 600, 2.0), circular=False, pad=0.02)
    creak *= sound.decay(m, 0.06) * np.float32(0.05)
    out[:, creak_at:creak_at + m] += creak
    hiss = np.stack([sound.spectral(sound.coloured(gen, n, -1.0), sound.bandpass(2500, 12000, 1.5)) for _ in range(2)])
    hiss *= np.float32(0.005)
    result: np.ndarray = out + hiss
    return result
