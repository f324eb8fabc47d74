"""Benchmarks of the testers' tools (run through ``python scripts/bench.py --tools``); figures printed.

- capture: ``starlight capture`` of every reachable line and choice (headless, dummy driver): the time
  to find them, to render them, and per picture;
- choices: ``starlight choices`` with its defaults (seconds, CPU seconds, playthroughs played and
  flipped per policy); its target is a few seconds on the shipped story;
- replay: every replay of the story (tests/playthroughs/ files that name it; for a story with none,
  one replay per ending made from the explorer's shortest choice path), run repeatedly: seconds per
  replay and microseconds per line seen.

Measured on tests/fixtures/sample and, when it loads, the shipped story (or on ``--story DIR`` only).
"""

from __future__ import annotations

import os
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("SDL_VIDEODRIVER", "dummy")
os.environ.setdefault("SDL_AUDIODRIVER", "dummy")
os.environ.setdefault("PYGAME_HIDE_SUPPORT_PROMPT", "1")

SAMPLE = ROOT / "tests" / "fixtures" / "sample"
PLAYTHROUGHS = ROOT / "tests" / "playthroughs"
MIN_REPLAY_SECONDS = 0.5


def _replays(story_dir: Path) -> list[Any]:
    from game.check.explore import explore
    from game.check.replay import Replay, read_replay
    from game.paths import shipped_story
    from game.story.loader import load_story

    target = story_dir.resolve()
    found = []
    for path in sorted(PLAYTHROUGHS.glob("*.y*ml")) if PLAYTHROUGHS.is_dir() else []:
        replay = read_replay(path, shipped_story())
        if replay.story.resolve() == target:
            found.append(replay)
    if found:
        return found
    story = load_story(story_dir)
    exploration = explore(story)
    return [Replay(Path(f"<shortest path to {ending}>"), target, story.primary_language, list(path), ending, [], [])
            for ending, path in exploration.endings.items()]


def _time(run: Any) -> tuple[float, Any]:
    """Seconds per call of ``run()`` (repeated for at least MIN_REPLAY_SECONDS), and its last result."""
    runs = 0
    started = time.perf_counter()
    while True:
        result = run()
        runs += 1
        elapsed = time.perf_counter() - started
        if elapsed >= MIN_REPLAY_SECONDS:
            return elapsed / runs, result


def measure_replays(story_dir: Path) -> dict[str, Any]:
    """Each replay as ``starlight replay`` runs it (loading its story), and its play alone (story loaded once)."""
    from game.check import replay as replay_module
    from game.story.loader import read_story

    replays = _replays(story_dir)
    load_seconds, loaded = _time(lambda: read_story(story_dir))
    rows = []
    for replay in replays:
        seconds, result = _time(lambda replay=replay: replay_module.run_replay(replay))
        original = replay_module.read_story  # type: ignore[attr-defined]
        replay_module.read_story = lambda root, *a, **k: loaded  # type: ignore[attr-defined]
        try:
            play_seconds, _ = _time(lambda replay=replay: replay_module.run_replay(replay))
        finally:
            replay_module.read_story = original  # type: ignore[attr-defined]
        lines = max(1, result.lines_seen)
        rows.append({"replay": replay.file.name, "ok": result.ok, "ending": result.ending,
                     "choices": result.choices_made, "lines": result.lines_seen,
                     "seconds": round(seconds, 6), "us_per_line": round(seconds / lines * 1e6, 1),
                     "play_seconds": round(play_seconds, 6),
                     "play_us_per_line": round(play_seconds / lines * 1e6, 1)})
    return {"replays": rows, "story_load_seconds": round(load_seconds, 6)}


def measure_choices(story_dir: Path) -> dict[str, Any]:
    """``starlight choices`` with its defaults (the story loaded once, outside the timing)."""
    from game.check.choices import analyse_choices
    from game.story.loader import load_story

    story = load_story(story_dir)
    wall, cpu = time.perf_counter(), time.process_time()
    result = analyse_choices(story)
    wall, cpu = time.perf_counter() - wall, time.process_time() - cpu
    return {"runs": result.runs, "seconds": round(wall, 3), "cpu_seconds": round(cpu, 3),
            "played": {p: r.runs for p, r in result.policies.items()},
            "flipped": {p: r.flipped for p, r in result.policies.items()}}


def measure_capture(story_dir: Path, lang: str | None = None) -> dict[str, Any]:
    from game.story.loader import load_story
    from game.ui.capture import capture

    story = load_story(story_dir)
    with tempfile.TemporaryDirectory() as out:
        started = time.perf_counter()
        result = capture(story, Path(out), lang)
        total = time.perf_counter() - started
    pictures = len(result.steps)
    return {"pictures": pictures, "lines": result.lines, "language": result.language,
            "find_seconds": round(result.find_seconds, 3), "render_seconds": round(result.render_seconds, 3),
            "total_seconds": round(total, 3), "ms_per_picture": round(total / max(1, pictures) * 1000, 1),
            "complete": result.complete}


def stories(story: Path | None) -> list[tuple[str, Path]]:
    if story is not None:
        return [(story.name, story)]
    from game.paths import shipped_story
    from game.story.loader import read_story

    found = [("sample", SAMPLE)]
    shipped = shipped_story()
    if (shipped / "story.yaml").is_file() and read_story(shipped).story is not None:
        found.append(("shipped", shipped))
    else:
        print("(the shipped story does not load yet: measuring the sample only)", file=sys.stderr)
    return found


def run(story: Path | None = None) -> dict[str, Any]:
    results = {}
    for name, folder in stories(story):
        print(f"measuring {name} ...", file=sys.stderr, flush=True)
        results[name] = {"story": str(folder), "capture": measure_capture(folder), **measure_replays(folder),
                         "choices": measure_choices(folder)}
    return results


def print_table(results: dict[str, Any]) -> None:
    for name, r in results.items():
        c = r["capture"]
        print(f"{name}: capture {c['pictures']} pictures ({c['lines']} lines) in {c['total_seconds']:.2f} s = "
              f"{c['ms_per_picture']:.1f} ms per picture (finding {c['find_seconds']:.2f} s, rendering "
              f"{c['render_seconds']:.2f} s)")
        ch = r["choices"]
        print(f"  choices: {ch['runs']} playthroughs per policy in {ch['seconds']:.2f} s ({ch['cpu_seconds']:.2f} s "
              f"CPU); played {ch['played']}, flipped {ch['flipped']}")
        print(f"  replays (each loads the story: {r['story_load_seconds'] * 1000:.2f} ms of it)")
        for row in r["replays"]:
            print(f"  replay {row['replay']:<34} {'ok' if row['ok'] else 'FAIL':<4} {row['lines']:>5} lines "
                  f"{row['seconds'] * 1000:>9.2f} ms  {row['us_per_line']:>8.1f} us/line "
                  f"({row['play_us_per_line']:.1f} us/line playing)")
