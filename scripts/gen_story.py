#!/usr/bin/env python3
"""Write the synthetic benchmark story of bench-story.md in the story format.

Usage::

    python scripts/gen_story.py N DIR [--seed S]
    python scripts/gen_story.py N FILE.ink --ink [--seed S]   # the same story in ink (for inkjs)

The story has N scenes ``k_0000`` ... ``k_{N-1}`` plus three ending scenes
``ending_1`` .. ``ending_3``; it starts at ``k_0000``.  Scene ``i`` holds, in order:

1. four dialogue lines (line ``j`` of the eight plain lines is spoken by
   ``CAST[(i + j) % 6]``);
2. ``add: {trust: 1}`` for even ``i``, ``add: {trust: -1}`` for odd ``i``;
3. a line by ``rin`` guarded by ``if: trust > 2``;
4. four more dialogue lines;
5. a choice: A -> i+1, B -> i+b (b in 2..4), and in about half of the scenes
   C -> i+c (c in 3..8), guarded by ``trust > 2`` when ``i % 4`` is 0 or 1 and
   by ``trust < 0`` otherwise.  A target at or past N becomes
   ``ending_{(target % 3) + 1}``.

Ending scene ``e`` has two lines (spoken by ``CAST[(e + j) % 6]``) and then
``ending: ending_e``.

With ``--ink`` the same story (the same texts, drawn from the same seed) is
written as one ink file for the inkjs comparison in ``scripts/bench.py``: a
knot per scene, ``trust`` a global variable, sticky choices (``+``) with
conditions in braces, an ending knot's last line ``-> END``.

Only the standard library is used: the YAML text is written directly, every
string as a JSON string (which is a valid double-quoted YAML scalar), and the
character images are small PNG files built with ``zlib`` and ``struct``.
Output is byte-identical for the same N and seed.
"""

from __future__ import annotations

import argparse
import json
import random
import struct
import sys
import zlib
from pathlib import Path

CAST: tuple[str, ...] = ("jay", "sam", "rin", "max", "zoe", "kit")

COLOURS: dict[str, str] = {
    "jay": "#ffc27a",
    "sam": "#9ad1ff",
    "rin": "#c3f584",
    "max": "#f58484",
    "zoe": "#d59af5",
    "kit": "#f5e384",
}

WORDS: tuple[str, ...] = (
    "signal", "delay", "orbit", "static", "window", "rain", "city", "night",
    "station", "radio", "letter", "memory", "tape", "engine", "rocket", "dust",
    "mars", "seoul", "alley", "light", "shadow", "echo", "voice", "silence",
    "coffee", "ticket", "platform", "train", "tower", "antenna", "cable", "noise",
    "we", "you", "they", "always", "never", "maybe", "still", "again",
    "waiting", "listening", "falling", "drifting", "running", "calling", "holding", "leaving",
    "quiet", "bright", "cold", "warm", "distant", "broken", "small", "endless",
    "the", "a", "of", "in", "under", "above", "between", "before",
    "after", "and", "but", "so", "if", "when", "while", "because",
    "red", "blue", "silver", "green", "old", "new", "last", "first",
    "sky", "sea", "road", "door", "home", "heart", "hand", "star",
)

MIN_TEXT = 60
MAX_TEXT = 100
ENDING_COUNT = 3
IMAGE_SIZE = (64, 96)


def scene_id(i: int) -> str:
    """Return the id of numbered scene ``i``."""
    return f"k_{i:04d}"


def target_id(target: int, n: int) -> str:
    """Return the scene a choice option jumps to: a numbered scene or an ending scene."""
    if target >= n:
        return f"ending_{(target % ENDING_COUNT) + 1}"
    return scene_id(target)


def q(text: str) -> str:
    """Quote ``text`` as a double-quoted YAML scalar."""
    return json.dumps(text, ensure_ascii=False)


def sentence(rng: random.Random) -> str:
    """Return 60-100 characters of random words, capitalised, ending in . ! or ?."""
    target = rng.randint(MIN_TEXT, MAX_TEXT)
    words = [rng.choice(WORDS)]
    length = len(words[0])
    # Grow until the sentence (with its final punctuation) is long enough ...
    while length + 1 < MIN_TEXT:
        word = rng.choice(WORDS)
        words.append(word)
        length += 1 + len(word)
    # ... then add words while they still fit under the drawn target length.
    while True:
        word = rng.choice(WORDS)
        if length + 1 + len(word) + 1 > target:
            break
        words.append(word)
        length += 1 + len(word)
    text = " ".join(words)
    return text[0].upper() + text[1:] + rng.choice(".!?")


def label(rng: random.Random) -> str:
    """Return an option label of 3-6 random words."""
    words = [rng.choice(WORDS) for _ in range(rng.randint(3, 6))]
    text = " ".join(words)
    return text[0].upper() + text[1:]


def manifest(n: int) -> str:
    """Return the text of story.yaml."""
    out = [
        f"title: {{en: {q(f'Synthetic benchmark story ({n} scenes)')}}}",
        "languages: [en]",
        f"start: {scene_id(0)}",
        "characters:",
    ]
    for cid in CAST:
        out.append(f"  {cid}:")
        out.append(f"    name: {{en: {q(cid.capitalize())}}}")
        out.append(f"    color: {q(COLOURS[cid])}")
        out.append("    looks: [neutral]")
    out.append("variables:")
    out.append("  trust: {type: int, min: -1000, max: 1000, default: 0}")
    out.append("endings:")
    for e in range(1, ENDING_COUNT + 1):
        out.append(f"  ending_{e}: {{title: {{en: {q(f'Ending {e}')}}}}}")
    return "\n".join(out) + "\n"


def scene_text(i: int, n: int, rng: random.Random) -> str:
    """Return the text of the file of numbered scene ``i``."""
    out = [
        f"scene: {scene_id(i)}",
        f"title: {q(f'Scene {i}')}",
        "script:",
    ]
    for j in range(4):
        out.append(f"  - {CAST[(i + j) % 6]}: {q(sentence(rng))}")
    out.append(f"  - add: {{trust: {1 if i % 2 == 0 else -1}}}")
    out.append("  - if: trust > 2")
    out.append("    then:")
    out.append(f"      - rin: {q(sentence(rng))}")
    for j in range(4, 8):
        out.append(f"  - {CAST[(i + j) % 6]}: {q(sentence(rng))}")
    out.append("  - choice:")
    out.append(f"      - text: {q(label(rng))}")
    out.append(f"        goto: {target_id(i + 1, n)}")
    b = rng.randint(2, 4)
    out.append(f"      - text: {q(label(rng))}")
    out.append(f"        goto: {target_id(i + b, n)}")
    if rng.random() < 0.5:
        c = rng.randint(3, 8)
        guard = "trust > 2" if i % 4 in (0, 1) else "trust < 0"
        out.append(f"      - text: {q(label(rng))}")
        out.append(f"        if: {guard}")
        out.append(f"        goto: {target_id(i + c, n)}")
    return "\n".join(out) + "\n"


def ending_text(e: int, rng: random.Random) -> str:
    """Return the text of the file of ending scene ``ending_e``."""
    out = [
        f"scene: ending_{e}",
        f"title: {q(f'Ending {e}')}",
        "script:",
    ]
    for j in range(2):
        out.append(f"  - {CAST[(e + j) % 6]}: {q(sentence(rng))}")
    out.append(f"  - ending: ending_{e}")
    return "\n".join(out) + "\n"


def scene_ink(i: int, n: int, rng: random.Random) -> str:
    """Return numbered scene ``i`` as an ink knot (the random draws of ``scene_text``, in its order)."""
    out = [f"=== {scene_id(i)} ==="]
    for j in range(4):
        out.append(f"{CAST[(i + j) % 6].capitalize()}: {sentence(rng)}")
    out.append(f"~ trust = trust {'+' if i % 2 == 0 else '-'} 1")
    out.append(f"{{ trust > 2:\n    Rin: {sentence(rng)}\n}}")
    for j in range(4, 8):
        out.append(f"{CAST[(i + j) % 6].capitalize()}: {sentence(rng)}")
    out.append(f"+ [{label(rng)}] -> {target_id(i + 1, n)}")
    b = rng.randint(2, 4)
    out.append(f"+ [{label(rng)}] -> {target_id(i + b, n)}")
    if rng.random() < 0.5:
        c = rng.randint(3, 8)
        guard = "trust > 2" if i % 4 in (0, 1) else "trust < 0"
        out.append(f"+ {{{guard}}} [{label(rng)}] -> {target_id(i + c, n)}")
    return "\n".join(out) + "\n"


def ending_ink(e: int, rng: random.Random) -> str:
    """Return ending scene ``ending_e`` as an ink knot."""
    out = [f"=== ending_{e} ==="]
    for j in range(2):
        out.append(f"{CAST[(e + j) % 6].capitalize()}: {sentence(rng)}")
    out.append("-> END")
    return "\n".join(out) + "\n"


def generate_ink(n: int, path: Path, seed: int = 1) -> int:
    """Write the benchmark story with ``n`` scenes as one ink file; return its length in characters.

    Our words hold no ink syntax (letters, spaces and a final . ! or ?), so texts need no escaping.
    """
    if n < 1:
        raise ValueError("N must be at least 1")
    rng = random.Random(seed)
    parts = ["VAR trust = 0\n", f"-> {scene_id(0)}\n"]
    parts += [scene_ink(i, n, rng) for i in range(n)]
    parts += [ending_ink(e, rng) for e in range(1, ENDING_COUNT + 1)]
    text = "\n".join(parts)
    write(path, text)
    return len(text)


def png_chunk(kind: bytes, data: bytes) -> bytes:
    """Return one PNG chunk: length, type, data, CRC."""
    return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))


def silhouette_png(colour: str, width: int, height: int) -> bytes:
    """Return an RGBA PNG of a flat character silhouette (head and body) in ``colour``."""
    r, g, b = (int(colour[k:k + 2], 16) for k in (1, 3, 5))
    cx = width / 2
    head_cy, head_r = height * 0.22, width * 0.2
    rows = []
    for y in range(height):
        row = bytearray(b"\x00")  # filter type: none
        for x in range(width):
            px, py = x + 0.5, y + 0.5
            in_head = (px - cx) ** 2 + (py - head_cy) ** 2 <= head_r ** 2
            in_body = py >= height * 0.42 and abs(px - cx) <= width * (0.18 + 0.25 * (py / height - 0.42))
            row += bytes((r, g, b, 255)) if in_head or in_body else b"\x00\x00\x00\x00"
        rows.append(bytes(row))
    header = struct.pack(">IIBBBBB", width, height, 8, 6, 0, 0, 0)
    return (b"\x89PNG\r\n\x1a\n" + png_chunk(b"IHDR", header)
            + png_chunk(b"IDAT", zlib.compress(b"".join(rows), 9)) + png_chunk(b"IEND", b""))


def write(path: Path, data: str | bytes) -> None:
    """Write ``data`` to ``path`` (text as UTF-8 with \\n line ends)."""
    if isinstance(data, str):
        data = data.encode("utf-8")
    path.write_bytes(data)


def generate(n: int, out_dir: Path, seed: int = 1) -> int:
    """Write the benchmark story with ``n`` scenes into ``out_dir``; return the bytes of YAML written."""
    if n < 1:
        raise ValueError("N must be at least 1")
    rng = random.Random(seed)
    scenes_dir = out_dir / "scenes"
    scenes_dir.mkdir(parents=True, exist_ok=True)
    total = 0
    text = manifest(n)
    write(out_dir / "story.yaml", text)
    total += len(text)
    for i in range(n):
        text = scene_text(i, n, rng)
        write(scenes_dir / f"{scene_id(i)}.yaml", text)
        total += len(text)
    for e in range(1, ENDING_COUNT + 1):
        text = ending_text(e, rng)
        write(scenes_dir / f"ending_{e}.yaml", text)
        total += len(text)
    for cid in CAST:
        char_dir = out_dir / "images" / "characters" / cid
        char_dir.mkdir(parents=True, exist_ok=True)
        write(char_dir / "neutral.png", silhouette_png(COLOURS[cid], *IMAGE_SIZE))
    return total


def main(argv: list[str] | None = None) -> int:
    """Parse the command line and write the story."""
    parser = argparse.ArgumentParser(description="Write the synthetic benchmark story.")
    parser.add_argument("n", metavar="N", type=int, help="number of numbered scenes (k_0000 ... k_{N-1})")
    parser.add_argument("dir", metavar="DIR", type=Path, help="story folder to write (with --ink: the .ink file)")
    parser.add_argument("--seed", type=int, default=1, help="random seed (default 1)")
    parser.add_argument("--ink", action="store_true", help="write the same story as one ink file instead")
    args = parser.parse_args(argv)
    if args.n < 1:
        parser.error("N must be at least 1")
    if args.ink:
        size = generate_ink(args.n, args.dir, args.seed)
        print(f"wrote {args.n} scenes + {ENDING_COUNT} endings ({size} characters of ink) to {args.dir}")
        return 0
    size = generate(args.n, args.dir, args.seed)
    print(f"wrote {args.n} scenes + {ENDING_COUNT} endings ({size} bytes of YAML) to {args.dir}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
