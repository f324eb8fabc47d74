"""Picture memory (run through ``python scripts/bench.py --memory``); figures printed, never asserted.

Two generated stories of the same length and the same lines, one naming 300
distinct backgrounds and one cycling through 30 of them: the peak resident
memory of the game playing through all of it (every step drawn, prefetch given
its idle time) and of ``starlight capture`` over it, each in a fresh process on
SDL's dummy drivers.  Target (issue 11, "Bounded memory"): 300 within 1.3x of 30.

    python scripts/bench_memory.py --play STORY   # (internal) one play-through, one JSON object
"""

from __future__ import annotations

import json
import os
import struct
import sys
import tempfile
import zlib
from pathlib import Path
from typing import Any

from bench_env import peak_of

ROOT = Path(__file__).resolve().parent.parent
STEPS = 300
SIZE = (1280, 720)
DUMMY = {"SDL_VIDEODRIVER": "dummy", "SDL_AUDIODRIVER": "dummy", "PYGAME_HIDE_SUPPORT_PROMPT": "1"}


def _png(width: int, height: int, seed: int) -> bytes:
    """An RGB picture (a gradient of its own colours), small on disk, full-size once decoded."""
    base = ((seed * 67) % 256, (seed * 151) % 256, (seed * 29) % 256)
    row = bytearray()
    for x in range(width):
        shade = x * 96 // width
        row += bytes(((base[0] + shade) % 256, (base[1] + shade) % 256, base[2]))
    raw = b"".join(b"\x00" + bytes(row) for _ in range(height))

    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)

    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(raw, 9)) + chunk(b"IEND", b"")


def write_story(folder: Path, distinct: int, steps: int = STEPS) -> Path:
    """A story of ``steps`` (background, line) pairs naming ``distinct`` backgrounds in turn."""
    (folder / "scenes").mkdir(parents=True, exist_ok=True)
    (folder / "images" / "backgrounds").mkdir(parents=True, exist_ok=True)
    (folder / "story.yaml").write_text(
        'title: {en: "Backgrounds"}\nlanguages: [en]\nstart: main\n'
        'endings:\n  done: {title: {en: "Done"}}\n', encoding="utf-8")
    script = ["scene: main", 'title: {en: "Main"}', "script:"]
    for step in range(steps):
        script.append(f"  - bg: bg_{step % distinct:03d}")
        script.append(f'  - narrator: "Line {step}: the same words whichever picture is behind them."')
    script.append("  - ending: done")
    (folder / "scenes" / "main.yaml").write_text("\n".join(script) + "\n", encoding="utf-8")
    for index in range(distinct):
        (folder / "images" / "backgrounds" / f"bg_{index:03d}.png").write_bytes(_png(*SIZE, index))
    return folder


def _peak_of(command: list[str]) -> tuple[float, str]:
    """Run ``command``; its own peak resident memory in MB and its standard output (``bench_env.peak_of``)."""
    return peak_of(command, {**os.environ, **DUMMY}, ROOT)


def play_through(story: Path) -> dict[str, Any]:
    """(In this process) the game plays ``story`` to its end, every step drawn, prefetch working."""
    import resource

    from game.story import model as m
    from game.ui.app import App, Options
    from game.ui.play.screen import PlayScreen

    with tempfile.TemporaryDirectory() as save_dir:
        app = App(Options(story_root=story, ui_root=ROOT / "assets", data_dir=Path(save_dir)))
        ctx = app.ctx
        ctx.settings.text_speed = 0
        play = PlayScreen.new_game(ctx)
        ctx.nav.push(play)
        steps = 0
        while getattr(play.controller.current.event, "kind", None) != m.ENDING and steps < 10 * STEPS:
            for _ in range(3):  # a few idle frames on each line: the prefetcher works in them
                play.update(1 / 60)
                app.draw()
            play.stage.finish()
            play.hold = 0
            play.box.finish()
            play.advance()
            steps += 1
        app.close()
    return {"steps": steps, "peak_rss_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1)}


def run() -> dict[str, Any]:
    results: dict[str, Any] = {}
    with tempfile.TemporaryDirectory() as tmp:
        for distinct in (30, 300):
            story = write_story(Path(tmp) / f"bg{distinct}", distinct)
            game_peak, out = _peak_of([sys.executable, __file__, "--play", str(story)])
            played = json.loads(out)
            capture_peak, _ = _peak_of([sys.executable, "-m", "game", "capture", str(story),
                                        "-o", str(Path(tmp) / f"out{distinct}")])
            results[f"{distinct}_backgrounds"] = {"steps_played": played["steps"], "game_peak_mb": game_peak,
                                                   "capture_peak_mb": capture_peak}
    few, many = results["30_backgrounds"], results["300_backgrounds"]
    results["game_ratio"] = round(many["game_peak_mb"] / few["game_peak_mb"], 2)
    results["capture_ratio"] = round(many["capture_peak_mb"] / few["capture_peak_mb"], 2)
    return results


def print_table(results: dict[str, Any]) -> None:
    print(f"{'story':<18}{'steps':>7}{'game peak MB':>15}{'capture peak MB':>18}")
    for distinct in (30, 300):
        r = results[f"{distinct}_backgrounds"]
        print(f"{distinct:>3} backgrounds   {r['steps_played']:>7}{r['game_peak_mb']:>15.0f}{r['capture_peak_mb']:>18.0f}")
    print(f"300 / 30: game {results['game_ratio']}x, capture {results['capture_ratio']}x (target: within 1.3x)")


if __name__ == "__main__":
    if len(sys.argv) == 3 and sys.argv[1] == "--play":
        sys.path.insert(0, str(ROOT))
        os.environ.update(DUMMY)
        print(json.dumps(play_through(Path(sys.argv[2]))))
    else:
        sys.path.insert(0, str(ROOT))
        print_table(run())
