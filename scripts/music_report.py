"""Look at a piece of the game's music without hearing it: levels, the loop's seam, its key, and a picture.

    python scripts/music_report.py assets/audio/music/old_light.ogg [more.ogg ...] [--png DIR]

For each file: sample peak and RMS (dBFS), integrated loudness (LUFS, ITU-R BS.1770 as the generator
masters it), the jump across the loop's seam (last sample to first) against the largest step inside,
the pitch classes that carry the most energy (a chroma of the whole piece: the key shows in its top
five), and the loudness in 1-second steps. ``--png`` writes a waveform envelope and a log-frequency
spectrogram per file to look at. Needs the generator's tools (``pip install -e '.[assets]'``).
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

import numpy as np
import soundfile as sf  # type: ignore[import-untyped]
from PIL import Image, ImageDraw

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "scripts"))

from assetgen.sound.master import loudness  # noqa: E402

NAMES = ["C", "C#", "D", "D#", "E", "F", "F#", "G", "G#", "A", "A#", "B"]


def chroma(x: np.ndarray, sr: int) -> np.ndarray:
    """Energy per pitch class (0 = C) between 80 Hz and 2 kHz, from 8192-point frames."""
    mono = x.mean(axis=0)
    n = 8192
    freqs = np.fft.rfftfreq(n, 1.0 / sr)
    band = (freqs > 80) & (freqs < 2000)
    pcs = (np.round(12 * np.log2(freqs[band] / 440.0)) + 9) % 12
    out = np.zeros(12)
    window = np.hanning(n)
    for start in range(0, mono.size - n, n // 2):
        spec = np.abs(np.fft.rfft(mono[start:start + n] * window))[band] ** 2
        np.add.at(out, pcs.astype(int), spec)
    result: np.ndarray = out / out.sum()
    return result


def picture(x: np.ndarray, sr: int, path: Path) -> None:
    """A waveform envelope over a log-frequency spectrogram, 1200 x 420."""
    w, h_wave, h_spec = 1200, 120, 300
    mono = x.mean(axis=0)
    img = Image.new("RGB", (w, h_wave + h_spec), (11, 13, 26))
    d = ImageDraw.Draw(img)
    cols = np.array_split(np.abs(mono), w)
    for i, c in enumerate(cols):
        a = float(c.max()) if c.size else 0.0
        d.line([(i, h_wave / 2 - a * h_wave / 2), (i, h_wave / 2 + a * h_wave / 2)], fill=(154, 209, 255))
    n = 4096
    hop = max(1, (mono.size - n) // w)
    freqs = np.fft.rfftfreq(n, 1.0 / sr)
    edges = np.geomspace(40, 12000, h_spec + 1)
    spec_img = np.zeros((h_spec, w))
    window = np.hanning(n)
    for i in range(w):
        seg = mono[i * hop:i * hop + n]
        if seg.size < n:
            break
        s = np.abs(np.fft.rfft(seg * window))
        idx = np.searchsorted(freqs, edges)
        for j in range(h_spec):
            part = s[idx[j]:max(idx[j] + 1, idx[j + 1])]
            spec_img[h_spec - 1 - j, i] = part.max() if part.size else 0
    db = 20 * np.log10(spec_img + 1e-9)
    db = np.clip((db - (db.max() - 70)) / 70, 0, 1)
    rgb = (np.stack([db ** 1.5 * 255, db * 194, db ** 0.7 * 122], axis=-1)).astype(np.uint8)
    img.paste(Image.fromarray(rgb, "RGB"), (0, h_wave))
    img.save(path)


def report(path: Path, png: Path | None) -> None:
    data, sr = sf.read(str(path), dtype="float32", always_2d=True)
    x = data.T
    peak = float(np.abs(x).max())
    rms = float(np.sqrt(np.mean(x.astype(np.float64) ** 2)))
    steps = np.abs(np.diff(x, axis=1)).max()
    seam = float(np.abs(x[:, -1] - x[:, 0]).max())
    c = chroma(x, sr)
    top = np.argsort(c)[::-1][:5]
    blocks = [loudness(x[:, i:i + sr]) if np.abs(x[:, i:i + sr]).max() > 1e-4 else -99.0 for i in range(0, x.shape[1] - sr + 1, sr)]
    print(f"{path.name}: {x.shape[1] / sr:.1f} s, {sr} Hz, {x.shape[0]} channels")
    print(f"  peak {20 * np.log10(peak + 1e-12):.2f} dBFS, RMS {20 * np.log10(rms + 1e-12):.2f} dBFS, loudness {loudness(x):.2f} LUFS")
    print(f"  loop seam: jump {seam:.4f} (largest step inside {steps:.4f})")
    print("  pitch classes by energy: " + ", ".join(f"{NAMES[k]} {c[k] * 100:.0f}%" for k in top))
    print("  loudness per second: " + " ".join(f"{b:.0f}" for b in blocks))
    if png is not None:
        png.mkdir(parents=True, exist_ok=True)
        picture(x, sr, png / (path.stem + ".png"))
        print(f"  picture: {png / (path.stem + '.png')}")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("files", nargs="+", type=Path)
    parser.add_argument("--png", type=Path, help="write a waveform and spectrogram picture per file into this folder")
    args = parser.parse_args()
    for f in args.files:
        report(f, args.png)
    return 0


if __name__ == "__main__":
    sys.exit(main())
