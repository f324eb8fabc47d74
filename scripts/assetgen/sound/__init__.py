"""Sound synthesis, the toolkit of the music and the sound effects (numpy only, soundfile to write).

Everything is deterministic: randomness comes from ``seeds.rng(name)`` (or a generator passed in),
and ``write_ogg`` rewrites the Ogg stream serial number that libsndfile picks at random, so the same
samples always give the same bytes.

Loops are made circular: a piece is rendered onto a timeline one loop long, anything that rings
past the end (note tails, reverb) is folded back onto the head (``fold``), and filters, reverb and
the limiter work circularly, so the file's end flows into its start as if played forever.

Modules: ``signal`` (pitches, oscillators, envelopes), ``filters`` (spectral filters, noise, clicks),
``instruments``, ``mixing`` (rooms, buses, the mix, effects), ``master`` (loudness, limiter), ``ogg``.
The names the pieces and effects use are gathered here: ``from .. import sound`` then ``sound.piano``.
"""

from __future__ import annotations

from .filters import bandpass, chain, clicks, coloured, highpass, lowpass, peak, spectral, stft_noise, white
from .instruments import bass, bell, brush_swish, brush_tap, epiano, hat_chick, hum, pad, piano, soft_kick, table_osc
from .master import limit, master, normalise_peak, quiet_start, rms_db
from .mixing import Bus, Mix, balance, convolve, fold, room_ir, tremolo, widen, wow
from .ogg import write_ogg
from .signal import SR, TWO_PI, decay, fade, hz, note, ramp_in, sine, sweep_cycles

__all__ = [
    "SR", "TWO_PI", "Bus", "Mix", "balance", "bandpass", "bass", "bell", "brush_swish", "brush_tap", "chain", "clicks",
    "coloured", "convolve", "decay", "epiano", "fade", "fold", "hat_chick", "highpass", "hum", "hz", "limit", "lowpass", "master",
    "normalise_peak", "note", "pad", "peak", "piano", "quiet_start", "ramp_in", "rms_db", "room_ir", "sine", "soft_kick",
    "spectral", "stft_noise", "sweep_cycles", "table_osc", "tremolo", "white", "widen", "wow", "write_ogg",
]
