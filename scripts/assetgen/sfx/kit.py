"""What the effects share: seconds to samples, placing a sound on a timeline, a touch of small-room
reverb, setting a level by RMS.
"""

from __future__ import annotations

import numpy as np

from .. import sound

SR = sound.SR


def _n(seconds: float) -> int:
    return int(round(seconds * SR))


def _place(out: np.ndarray, sig: np.ndarray, t: float, gain: float = 1.0) -> None:
    i = int(round(t * SR))
    sig = sig[: max(0, out.size - i)]
    out[i : i + sig.size] += sig * np.float32(gain)


def _room(x: np.ndarray, name: str, rt60: float, wet: float, seconds: float = 1.2) -> np.ndarray:
    """A touch of small-room reverb on a one-shot (mono in, mono out, tail kept within the length)."""
    ir = sound.room_ir(name, seconds, rt60, 0.008, 0.6)
    y = sound.convolve(x, ir)[:, : x.size].mean(axis=0)
    return x + y * np.float32(wet)


def _rms_to(x: np.ndarray, db: float) -> np.ndarray:
    return x * np.float32(10 ** ((db - sound.rms_db(x)) / 20))
