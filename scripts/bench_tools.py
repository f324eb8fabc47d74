"""Benchmarks of the testers' tools (run through ``python scripts/bench.py --tools``); figures printed.

- capture: ``starlight capture`` of every reachable line and choice (headless, dummy driver): the time
  to find them, to render them, and per picture;
- choices: ``starlight choices`` with its defaults (seconds, CPU seconds, playthroughs played and
  flipped per policy); its target is a few seconds on the shipped story;
- replay: every replay of the story (tests/playthroughs/ files that name it; for a story with none,
  one replay per ending made from the explorer's shortest choice path), run repeatedly: seconds per
  replay and microseconds per line seen;
- diagnostics: the language server's quick pass after a keystroke (in process: loader on the edited
  buffer, other files' parses kept, static checks), and end to end over stdio: a real client sends a
  keystroke and waits for the diagnostics of that file (the debounce included);
- coverage: ``starlight coverage`` of the story's replays and 100 seeded random playthroughs;
- blockers: what "why can't I reach this?" adds to ``starlight check`` (on the story as it is, and on a
  copy with one ending made unreachable by its condition, when the story has such an `if`).

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
        play_seconds, _ = _time(lambda replay=replay: replay_module.run_replay(replay, loaded.story))
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


def _edited_scene(story_dir: Path) -> tuple[Path, str]:
    """The story's largest scene file and its text (what the keystroke benchmarks edit)."""
    from game.story.storyfiles import scene_files

    path = max(scene_files(story_dir), key=lambda p: p.stat().st_size)
    return path, path.read_text(encoding="utf-8")


def measure_quick_pass(story_dir: Path, keystrokes: int = 20) -> dict[str, Any]:
    """The language server's quick pass, in process: after each edit of the largest scene file."""
    from game.tools.lsp.story import StoryState

    path, text = _edited_scene(story_dir)
    state = StoryState(story_dir)
    file = state.rel(path) or path.name
    cold = time.perf_counter()
    state.quick_check()
    cold = time.perf_counter() - cold
    times, cpu = [], []
    for number in range(keystrokes):
        state.edited(file, text + "#" * (number + 1) + "\n")
        started = time.process_time()
        times.append(state.quick_check().seconds)
        cpu.append(time.process_time() - started)  # (what the pass costs, however busy the machine is)
    times.sort()
    cpu.sort()
    return {"file": file, "cold_ms": round(cold * 1000, 1), "median_ms": round(times[len(times) // 2] * 1000, 1),
            "worst_ms": round(times[-1] * 1000, 1), "cpu_median_ms": round(cpu[len(cpu) // 2] * 1000, 1)}


def measure_diagnostics_latency(story_dir: Path, keystrokes: int = 10) -> dict[str, Any]:
    """Over stdio, as an editor sees it: from sending a keystroke to the diagnostics of that file arriving."""
    import asyncio

    from lsprotocol import types as lsp
    from pygls.lsp.client import LanguageClient

    path, text = _edited_scene(story_dir)
    uri = path.resolve().as_uri()

    async def drive() -> list[float]:
        client = LanguageClient("bench", "1")
        arrived: asyncio.Queue[float] = asyncio.Queue()

        @client.feature(lsp.TEXT_DOCUMENT_PUBLISH_DIAGNOSTICS)  # type: ignore[untyped-decorator,unused-ignore]
        def diagnostics(params: lsp.PublishDiagnosticsParams) -> None:
            if params.uri == uri:
                arrived.put_nowait(time.perf_counter())

        @client.feature(lsp.WINDOW_LOG_MESSAGE)  # type: ignore[untyped-decorator,unused-ignore]
        def log(params: lsp.LogMessageParams) -> None:
            """The server's log (what it explored, and how long it took): an editor's output panel."""

        await client.start_io(sys.executable, "-m", "game", "lsp")
        await client.initialize_async(lsp.InitializeParams(capabilities=lsp.ClientCapabilities(),
                                                           root_uri=story_dir.resolve().as_uri()))
        client.initialized(lsp.InitializedParams())
        client.text_document_did_open(lsp.DidOpenTextDocumentParams(text_document=lsp.TextDocumentItem(
            uri=uri, language_id="yaml", version=1, text=text)))
        await asyncio.wait_for(arrived.get(), 120)  # the first quick pass (cold)
        await asyncio.sleep(0.5)
        latencies = []
        for number in range(keystrokes):
            while not arrived.empty():
                arrived.get_nowait()
            sent = time.perf_counter()
            client.text_document_did_change(lsp.DidChangeTextDocumentParams(
                text_document=lsp.VersionedTextDocumentIdentifier(uri=uri, version=number + 2),
                content_changes=[lsp.TextDocumentContentChangeWholeDocument(text=text + "#" * (number + 1) + "\n")]))
            latencies.append(await asyncio.wait_for(arrived.get(), 60) - sent)
            await asyncio.sleep(0.3)
        await client.shutdown_async(None)
        client.exit(None)
        await client.stop()  # type: ignore[no-untyped-call,unused-ignore]
        return latencies

    times = sorted(asyncio.run(drive()))
    return {"median_ms": round(times[len(times) // 2] * 1000, 1), "worst_ms": round(times[-1] * 1000, 1),
            "keystrokes": keystrokes}


def measure_coverage(story_dir: Path, random_count: int = 100) -> dict[str, Any]:
    from game.story.loader import load_story
    from game.tools.coverage.run import run_coverage

    story = load_story(story_dir)
    replays = _replays(story_dir)
    run = run_coverage(story, replays, random_count, seed=1)
    return {"replays": len(replays), "random": random_count, "seconds": round(run.seconds, 3),
            "percent": round(run.coverage.percent() or 0.0, 1)}


def measure_blockers(story_dir: Path) -> dict[str, Any]:
    """Blockers on the story as it is, and on a copy whose first `if` guarding an ending can never hold."""
    import re
    import shutil

    from game.check.blockers import explain
    from game.check.explore import explore
    from game.check.findings import all_findings
    from game.check.maps import analyse_maps
    from game.story.loader import load_story
    from game.story.storyfiles import scene_files

    def once(folder: Path) -> dict[str, Any]:
        story = load_story(folder)
        maps = analyse_maps(story)
        started = time.perf_counter()
        found = explore(story, reachable_hotspots=maps.reachable)
        explore_seconds = time.perf_counter() - started
        problems = all_findings(story, found, maps)
        started = time.perf_counter()
        blockers = explain(story, found, problems, maps.reachable)
        return {"explore_seconds": round(explore_seconds, 3), "blockers_seconds": round(time.perf_counter() - started, 3),
                "parts": len(blockers)}

    result = {"as_is": once(story_dir)}
    with tempfile.TemporaryDirectory() as scratch:
        copy = Path(shutil.copytree(story_dir, Path(scratch) / "story"))
        for path in scene_files(copy):  # the last `if` before the first ending step of a file: never true now
            text = path.read_text(encoding="utf-8")
            ending = text.find("ending:")
            guards = list(re.finditer(r"^\s*- if: (.+)$", text[:max(ending, 0)], re.MULTILINE))
            if guards:
                guard = guards[-1]
                path.write_text(text[:guard.start(1)] + f"({guard.group(1)}) and 1 == 2" + text[guard.end(1):],
                                encoding="utf-8")
                result["one_ending_blocked"] = once(copy)
                break
    return result


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
                         "quick_pass": measure_quick_pass(folder), "diagnostics": measure_diagnostics_latency(folder),
                         "coverage": measure_coverage(folder), "blockers": measure_blockers(folder),
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
        q, d = r["quick_pass"], r["diagnostics"]
        print(f"  language server, editing {q['file']}: quick pass {q['median_ms']:.0f} ms median ({q['cpu_median_ms']:.0f} ms "
              f"of CPU), {q['worst_ms']:.0f} ms worst (first load {q['cold_ms']:.0f} ms); keystroke to diagnostics over "
              f"stdio {d['median_ms']:.0f} ms median, {d['worst_ms']:.0f} ms worst ({d['keystrokes']} keystrokes)")
        cov = r["coverage"]
        print(f"  coverage: {cov['replays']} replays + {cov['random']} random playthroughs in {cov['seconds']:.2f} s "
              f"({cov['percent']:.1f}% covered)")
        for case, b in r["blockers"].items():
            print(f"  blockers ({case.replace('_', ' ')}): {b['parts']} unreachable part(s) explained in "
                  f"{b['blockers_seconds']:.3f} s (the exploration: {b['explore_seconds']:.2f} s)")
