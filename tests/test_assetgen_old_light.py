""""Old Light" as a score (scripts/assetgen/music/old_light.py): the song's harmony and tune line up, every
strong beat of the tune is a chord tone and every other note a step away, the motifs are where the story
puts them, the demo stops inside a sung note, the loop comes home; and the hummed voice it is sung with."""

from __future__ import annotations

import importlib

import assetgen_support  # noqa: F401  (puts scripts/ on the path)
import numpy as np
from assetgen import sound
from assetgen.music.theory import Chord, Chords, Events, melody, progression

OL = importlib.import_module("assetgen.music.old_light")
BPB = OL.BEATS_PER_BAR


def _chord_at(chords: Chords, beat: float) -> Chord:
    return next(c for start, length, c in chords if start <= beat < start + length)


def _check_tune(tune: Events, chords: Chords) -> list[str]:
    """What breaks the rules: strong beats (1 and 3) off the chord, other notes not a step from a neighbour."""
    problems = []
    pitches = [notes[0] for _b, _d, notes, _a in tune]
    for i, (beat, _dur, notes, _a) in enumerate(tune):
        chord = _chord_at(chords, beat)
        in_chord = notes[0] % 12 in chord.pcs
        strong = abs(beat % 2) < 1e-9
        if strong and not in_chord:
            problems.append(f"beat {beat}: {notes[0]} is not in {chord.name}")
        if not in_chord:
            steps = [abs(notes[0] - pitches[j]) for j in (i - 1, i + 1) if 0 <= j < len(pitches)]
            if not any(s <= 2 for s in steps):
                problems.append(f"beat {beat}: {notes[0]} over {chord.name} is neither a chord tone nor a step")
    return problems


def test_every_section_of_the_tune_fits_its_harmony() -> None:
    for harmony, tune in ((OL.VERSE, OL.VERSE_TUNE), (OL.CHORUS, OL.CHORUS_TUNE), (OL.BRIDGE, OL.BRIDGE_TUNE)):
        chords, events = progression(harmony, BPB), melody(tune, BPB)
        assert sum(length for _s, length, _c in chords) == 8 * BPB
        assert events[-1][0] + events[-1][1] == 8 * BPB
        assert _check_tune(events, chords) == []


def test_the_check_catches_a_wrong_note() -> None:
    chords = progression(OL.CHORUS, BPB)
    wrong = melody(OL.CHORUS_TUNE.replace("B4:1 D5:1 G4:2", "B4:1 D5:1 F4:2", 1), BPB)  # F over G/B on beat 3
    assert any("not in G/B" in p for p in _check_tune(wrong, chords))


def test_the_song_is_whole_and_comes_home_across_the_loop() -> None:
    chords = OL.song_chords()
    assert sum(length for _s, length, _c in chords) == OL.FULL_BARS * BPB
    first, last = chords[0][2], chords[-1][2]
    assert first.root == last.root == 4  # E minor at both ends of the loop
    sung, last_verse, _motifs = OL.song_tune()
    assert max(b + d for b, d, _n, _a in sung + last_verse) <= OL.FULL_BARS * BPB
    assert all(47 <= n[0] <= 79 for _b, _d, n, _a in sung + last_verse)  # B2..G5: a voice can hum it


def test_the_motifs_are_where_the_story_puts_them() -> None:
    jay = [n[0] for _b, _d, n, _a in melody(OL.JAY_MOTIF, BPB)]
    nan = [n[0] for _b, _d, n, _a in melody(OL.NAN_MOTIF, BPB)]
    assert jay == [sound.note("E5"), sound.note("D5"), sound.note("B4")]  # "E, D, B": the first bars Jay plays
    assert nan == [sound.note("A4"), sound.note("D5"), sound.note("C#5")]
    verse = [n[0] for _b, _d, n, _a in melody(OL.VERSE_TUNE, BPB)]
    bridge = [n[0] for _b, _d, n, _a in melody(OL.BRIDGE_TUNE, BPB)]
    assert verse[:3] == jay and bridge[:3] == nan
    _sung, _last, motifs = OL.song_tune()
    assert [n[0] for _b, _d, n, _a in motifs][:3] == jay and motifs[0][0] == 0  # the song opens on his motif


def test_the_demo_stops_in_the_middle_of_a_sung_note() -> None:
    chorus = melody(OL.CHORUS_TUNE, BPB)
    start = 10 * BPB  # the chorus starts on the demo's bar 11
    stop = OL.DEMO_STOP_BEAT
    inside = [e for e in chorus if start + e[0] < stop < start + e[0] + e[1]]
    assert len(inside) == 1 and stop - (start + inside[0][0]) > 0.1  # cut in the middle, not at a note's end
    assert stop < OL.DEMO_BARS * BPB - 4  # and the tape runs on after it


def test_the_hummed_voice_sings_the_note_it_is_given() -> None:
    a = sound.hum(57, 0.8, 1.0)
    assert np.array_equal(a, sound.hum(57, 0.8, 1.0))  # seeded: the same note always sounds the same
    assert np.isfinite(a).all() and np.abs(a).max() < 1.0
    n = 32768
    seg = a[4410:4410 + n] * np.hanning(n)
    freqs = np.fft.rfftfreq(n, 1.0 / sound.SR)
    peak = freqs[np.argmax(np.abs(np.fft.rfft(seg)))]
    assert abs(peak - sound.hz(57)) < 3.0  # A3 = 220 Hz carries the most energy (a closed mouth's hum)
