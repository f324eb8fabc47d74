"""Writing sound files deterministically: Ogg Vorbis through libsndfile with the stream serial number
(which libsndfile picks at random) rewritten to a fixed one and the page checksums recomputed, and WAV.
"""

from __future__ import annotations

import io
import zlib
from pathlib import Path

import numpy as np
import soundfile as sf

from .signal import SR

OGG_SERIAL = 0x5354_4C52  # 'RLTS' little-endian: a fixed stream serial for every file


_BITREV = bytes(int(f"{i:08b}"[::-1], 2) for i in range(256))


def _rev32(v: int) -> int:
    return int(f"{v:032b}"[::-1], 2)


def ogg_crc(data: bytes) -> int:
    """Ogg page CRC: CRC-32 with polynomial 0x04c11db7, not reflected, init 0, no final xor.

    Computed with zlib's reflected CRC-32 on bit-reversed bytes (the same polynomial, mirrored).
    """
    raw = zlib.crc32(data.translate(_BITREV), 0xFFFFFFFF) ^ 0xFFFFFFFF
    return _rev32(raw)


def ogg_crc_reference(data: bytes) -> int:
    """Straightforward bitwise Ogg CRC (slow; used only to check ogg_crc)."""
    crc = 0
    for byte in data:
        crc ^= byte << 24
        for _ in range(8):
            crc = ((crc << 1) ^ 0x04C11DB7) if crc & 0x80000000 else (crc << 1)
            crc &= 0xFFFFFFFF
    return crc


def fix_ogg_serial(data: bytes, serial: int = OGG_SERIAL) -> bytes:
    """Set every page's stream serial to `serial` and recompute each page's CRC."""
    buf = bytearray(data)
    pos = 0
    while pos < len(buf):
        if buf[pos : pos + 4] != b"OggS":
            raise ValueError(f"not an Ogg page at byte {pos}")
        nseg = buf[pos + 26]
        body = sum(buf[pos + 27 : pos + 27 + nseg])
        end = pos + 27 + nseg + body
        buf[pos + 14 : pos + 18] = serial.to_bytes(4, "little")
        buf[pos + 22 : pos + 26] = b"\0\0\0\0"
        buf[pos + 22 : pos + 26] = ogg_crc(bytes(buf[pos:end])).to_bytes(4, "little")
        pos = end
    return bytes(buf)


def write_ogg(path: Path, samples: np.ndarray, rate: int = SR, quality: float = 0.45) -> Path:
    """Write OGG Vorbis with byte-identical output for identical samples.

    samples: mono (n,) or stereo (2, n) / (n, 2) floats in -1..1.
    """
    x = np.asarray(samples, dtype=np.float32)
    if x.ndim == 2 and x.shape[0] == 2 and x.shape[1] != 2:
        x = x.T
    x = np.clip(x, -1.0, 1.0)
    x = np.ascontiguousarray(x)
    buffer = io.BytesIO()
    channels = 1 if x.ndim == 1 else x.shape[1]
    # libsndfile's Vorbis encoder crashes on very large single writes: feed it in blocks
    with sf.SoundFile(buffer, "w", rate, channels, "VORBIS", format="OGG", compression_level=1.0 - quality) as f:
        for i in range(0, x.shape[0], 16384):
            f.write(x[i : i + 16384])
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(fix_ogg_serial(buffer.getvalue()))
    return path


def write_wav(path: Path, samples: np.ndarray, rate: int = SR) -> Path:
    x = np.asarray(samples, dtype=np.float32)
    if x.ndim == 2 and x.shape[0] == 2 and x.shape[1] != 2:
        x = x.T
    sf.write(str(path), np.clip(x, -1, 1), rate, subtype="PCM_16")
    return Path(path)
