"""Kill -9 a process that is saving, over and over, and count what the kills cost.

    python scripts/stress_saves.py                  # 200 rounds in a fresh temporary folder
    python scripts/stress_saves.py --rounds 500 --dir /tmp/stress --seed 7

Each round starts a writer process that saves without pause (the slots "1",
"2", "quick" and the autosave ring, then settings.json and progress.json, each
write with a sequence number in it) and reports each write once it has
returned; after a random 0-120 ms the writer is killed with SIGKILL, often in
the middle of a write.  Then every file is read back as the game would read it:

- corrupt: a slot, settings or progress file that no longer reads cleanly;
- lost: a write the writer reported done whose data is gone (the file is
  missing, or holds an older sequence number);
- temp files left: the temporary files interrupted writes left behind, and
  how many are left after the start-up clean a minute later (what the game
  does when it opens its save folder and reads its settings).

Figures are printed, never asserted; the exit status is 1 if anything was
corrupt or lost, or a temp file outlived the start-up clean.
"""

from __future__ import annotations

import argparse
import dataclasses
import json
import os
import random
import re
import select
import signal
import subprocess
import sys
import tempfile
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from game.persist import atomic  # noqa: E402
from game.persist.progress import Progress, load_progress, save_progress  # noqa: E402
from game.persist.saves import EmptySlot, SaveData, SaveError, SaveStore  # noqa: E402
from game.persist.settings import Settings, load_settings  # noqa: E402

SLOTS = ("1", "2", "quick")
TEMP = re.compile(r"\..+\.json\.[a-z0-9_]{8}\.tmp")


def _save(seq: int) -> SaveData:
    return SaveData(
        slot="1", saved_at=datetime(2050, 1, 1, tzinfo=UTC) + timedelta(seconds=seq),
        story_title={"en": "Stress"}, scene_title={"en": "Scene"}, preview={"en": f"write {seq}"}, language="en",
        snapshot={"format": 2, "at": {"step": ["a", None, 0, "ab"], "pc": 0}, "stack": [],
                  "vars": {"seq": seq, **{f"v{i}": i for i in range(200)}}, "visited": []},
        presentation={"background": "room", "characters": [], "music": None, "speaker": None},
        thumbnail_png=None,
    )


def writer(folder: Path, first: int) -> None:
    """Save forever, printing "<what> <seq>" after each write returns (run in the child); seq starts at ``first``."""
    store = SaveStore(folder / "saves")
    print("ready", flush=True)
    seq = first
    while True:
        seq += 1
        kind = seq % 6
        if kind < len(SLOTS):
            slot = SLOTS[kind]
            store.write(dataclasses.replace(_save(seq), slot=slot))
            print(f"{slot} {seq}", flush=True)
        elif kind == 3:
            slot = store.autosave(_save(seq))
            print(f"{slot} {seq}", flush=True)
        elif kind == 4:  # as save_settings writes it, with the sequence number as an unknown key
            atomic.write_json(folder / "settings.json", {**Settings().to_json(), "stress_seq": seq})
            print(f"settings {seq}", flush=True)
        else:
            progress = Progress(lines_read={f"line-{seq}"})
            save_progress(folder / "progress.json", progress)
            print(f"progress {seq}", flush=True)


def _acked(pipe: subprocess.Popen[str]) -> tuple[dict[str, int], int]:
    """The last sequence number the writer reported for each file, and how many writes it reported."""
    assert pipe.stdout is not None
    done: dict[str, int] = {}
    count = 0
    for line in pipe.stdout.read().splitlines():
        parts = line.split()
        if len(parts) == 2 and parts[1].isdigit():
            done[parts[0]] = max(done.get(parts[0], 0), int(parts[1]))
            count += 1
    return done, count


def _wait_ready(pipe: subprocess.Popen[str]) -> None:
    assert pipe.stdout is not None
    ready, _, _ = select.select([pipe.stdout], [], [], 30)
    if not ready or pipe.stdout.readline().strip() != "ready":
        raise SystemExit("the writer did not start")


def _check(folder: Path, acked: dict[str, int], known: dict[str, int]) -> tuple[int, set[tuple[str, int]]]:
    """(corrupt files, lost writes as (file, seq)) after a kill; ``known`` keeps every write acknowledged so far."""
    for name, seq in acked.items():
        known[name] = max(known.get(name, 0), seq)
    corrupt = 0
    lost: set[tuple[str, int]] = set()
    store = SaveStore(folder / "saves")
    for name, seq in known.items():
        if name in ("settings", "progress"):
            continue
        try:
            if store.read(name).snapshot["vars"]["seq"] < seq:
                lost.add((name, seq))
        except EmptySlot:
            lost.add((name, seq))
        except SaveError:
            corrupt += 1
    _, warnings = load_settings(folder / "settings.json")
    corrupt += bool(warnings)
    if not warnings and "settings" in known:
        saved = json.loads((folder / "settings.json").read_text(encoding="utf-8")).get("stress_seq", 0)
        if saved < known["settings"]:
            lost.add(("settings", known["settings"]))
    progress, warnings = load_progress(folder / "progress.json")
    corrupt += bool(warnings)
    if "progress" in known:
        newest = max((int(key.split("-")[1]) for key in progress.lines_read), default=0)
        if newest < known["progress"]:
            lost.add(("progress", known["progress"]))
    return corrupt, lost


def _temps(folder: Path) -> list[Path]:
    return [p for p in folder.rglob("*") if TEMP.fullmatch(p.name)]


def run(rounds: int, folder: Path, seed: int) -> int:
    rng = random.Random(seed)
    known: dict[str, int] = {}
    lost: set[tuple[str, int]] = set()
    corrupt = interrupted = writes = 0
    started = time.perf_counter()
    for n in range(1, rounds + 1):
        first = n * 10_000_000  # sequence numbers keep growing across writers
        pipe = subprocess.Popen([sys.executable, __file__, "--writer", str(folder), "--first", str(first)],
                                stdout=subprocess.PIPE, text=True)
        before = set(_temps(folder))
        _wait_ready(pipe)
        time.sleep(rng.uniform(0.0, 0.12))
        pipe.send_signal(signal.SIGKILL)
        pipe.wait()
        acked, count = _acked(pipe)
        writes += count
        interrupted += bool(set(_temps(folder)) - before)
        damaged, missing = _check(folder, acked, known)
        corrupt += damaged
        lost |= missing
        if n % 50 == 0 or n == rounds:
            print(f"  {n} rounds, {writes:,} writes done, corrupt {corrupt}, lost {len(lost)}", flush=True)
    left = _temps(folder)
    later = time.time() + atomic.STALE_AFTER + 1  # the game starting a minute after the last kill
    for place in (folder, folder / "saves"):
        atomic.clean_stale_temps(place, now=later)
    remaining = _temps(folder)
    seconds = time.perf_counter() - started
    print(f"rounds: {rounds}  (in {seconds:.0f} s)")
    print(f"kills that interrupted a write (a temp file was there): {interrupted}")
    print(f"corrupt: {corrupt}")
    print(f"writes reported done: {writes:,}")
    print(f"lost: {len(lost)}")
    print(f"temp files there at the end: {len(left)} (older ones were removed by the next writers' start-ups "
          f"once a minute old); after the start-up clean a minute later: {len(remaining)}")
    return 1 if corrupt or lost or remaining else 0


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=200)
    parser.add_argument("--dir", type=Path, help="the folder to save in (default: a fresh temporary one)")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--writer", type=Path, help=argparse.SUPPRESS)
    parser.add_argument("--first", type=int, default=0, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.writer is not None:
        writer(args.writer, args.first)
        return 0
    if args.dir is not None:
        args.dir.mkdir(parents=True, exist_ok=True)
        return run(args.rounds, args.dir, args.seed)
    with tempfile.TemporaryDirectory(prefix="stress-saves-", dir=os.environ.get("TMPDIR")) as folder:
        return run(args.rounds, Path(folder), args.seed)


if __name__ == "__main__":
    sys.exit(main())
