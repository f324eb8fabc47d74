"""``make_assets --check``: compare freshly generated files with the committed ones, file by file.

A file matches when its SHA-256 is the same. For a file that differs we say how much: for pictures
the largest channel difference and the share of pixels that changed, for sound the largest sample
difference, for text the first line that differs.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from pathlib import Path

import numpy as np
from PIL import Image

PICTURES = (".png", ".jpg", ".jpeg")
SOUNDS = (".ogg", ".wav")


@dataclass(frozen=True)
class Difference:
    path: str  # relative to the story folder
    detail: str

    def __str__(self) -> str:
        return f"differs: {self.path} ({self.detail})"


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def picture_difference(old: Path, new: Path) -> str:
    a, b = Image.open(old), Image.open(new)
    if a.size != b.size or a.mode != b.mode:
        return f"{a.size[0]}x{a.size[1]} {a.mode} became {b.size[0]}x{b.size[1]} {b.mode}"
    diff = np.abs(np.asarray(a, np.int16) - np.asarray(b, np.int16))
    per_pixel = diff.max(axis=-1) if diff.ndim == 3 else diff
    changed = float(np.count_nonzero(per_pixel)) / per_pixel.size
    return f"max channel difference {int(diff.max())}/255, {changed:.2%} of pixels"


def sound_difference(old: Path, new: Path) -> str:
    import soundfile  # only the check of sound files needs it

    a, rate_a = soundfile.read(str(old), dtype="float32", always_2d=True)
    b, rate_b = soundfile.read(str(new), dtype="float32", always_2d=True)
    if a.shape != b.shape or rate_a != rate_b:
        return f"{a.shape[0]} samples x {a.shape[1]} at {rate_a} Hz became {b.shape[0]} x {b.shape[1]} at {rate_b} Hz"
    return f"max sample difference {float(np.abs(a - b).max()):.5f}"


def text_difference(old: Path, new: Path) -> str:
    a = old.read_text(encoding="utf-8", errors="replace").splitlines()
    b = new.read_text(encoding="utf-8", errors="replace").splitlines()
    for number, (x, y) in enumerate(zip(a, b), start=1):
        if x != y:
            return f"first difference on line {number}"
    return f"{len(a)} lines became {len(b)}"


def describe(old: Path, new: Path) -> str:
    suffix = old.suffix.lower()
    try:
        if suffix in PICTURES:
            return picture_difference(old, new)
        if suffix in SOUNDS:
            return sound_difference(old, new)
        return text_difference(old, new)
    except (OSError, ValueError, RuntimeError) as exc:  # an unreadable file still differs; say why
        return f"cannot compare contents: {exc}"


def compare(committed: Path, fresh: Path, paths: list[str]) -> list[Difference | str]:
    """Each of ``paths`` that is missing from ``committed`` or differs from ``fresh`` (in order)."""
    found: list[Difference | str] = []
    for rel in paths:
        old, new = committed / rel, fresh / rel
        if not old.is_file():
            found.append(f"missing: {rel} (made by the generator, not in {committed.name}/)")
        elif digest(old) != digest(new):
            found.append(Difference(rel, describe(old, new)))
    return found


def strays(committed: Path, folders: tuple[str, ...], made: set[str]) -> list[str]:
    """Files under ``folders`` of ``committed`` that the generator does not make (left over, or hand-made)."""
    out = []
    for folder in folders:
        for path in sorted((committed / folder).rglob("*")):
            rel = path.relative_to(committed).as_posix()
            if path.is_file() and rel not in made:
                out.append(rel)
    return out
