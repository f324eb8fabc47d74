"""Benchmarks of exploration maps: printed, never asserted.

    python scripts/bench_maps.py                  # the largest example map, the shipped maps, hotspot scaling
    python scripts/bench_maps.py --examples DIR   # another folder of .tmx files
    python scripts/bench_maps.py --hostile        # also every attack of tests/hostile/maps: time and peak memory

Load time is ``game.world.tiled.load_map`` (XML, tilesets, templates, tile data,
the collision grid); walking adds a reachability walk from the first object.
The shipped maps are timed through ``game.check.maps.analyse_maps`` (what
``starlight check`` does per map).  Hotspot scaling checks a map of N hotspots
(N doubling): linear work shows as a constant time per hotspot.  Frame times of
the walking view are measured by the UI's own benchmark.
"""

from __future__ import annotations

import argparse
import os
import signal
import statistics
import sys
import tempfile
import time
import tracemalloc
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("PYGAME_HIDE_SUPPORT_PROMPT", "1")
os.environ.setdefault("SDL_VIDEODRIVER", "dummy")

EXAMPLES = Path("/work/shared/tiled-examples")
CORPUS = ROOT / "tests" / "hostile" / "maps"
RUNS = 20
ATTACK_SECONDS = 60  # an attack still running after this is reported as a hang


def largest_map(folder: Path) -> tuple[Path, int]:
    """The .tmx under ``folder`` with the most tiles (width x height; then the most tile layers) that loads."""
    from game.world.tiled import MapFormatError, load_map

    best: tuple[tuple[int, int], Path] | None = None
    for path in sorted(folder.glob("**/*.tmx")):
        try:
            tmap = load_map(path)
        except MapFormatError:
            continue
        key = (tmap.width * tmap.height, len(tmap.tile_layers()))
        if best is None or key > best[0]:
            best = (key, path)
    if best is None:
        raise SystemExit(f"no loadable .tmx under {folder}")
    return best[1], best[0][0]


def map_benchmarks(folder: Path = EXAMPLES, runs: int = RUNS) -> dict[str, Any]:
    """Print (and return) the load time of the largest map of ``folder``."""
    from game.world.tiled import load_map
    from game.world.walk import reachable_cells, spawn_cell

    path, tiles = largest_map(folder)
    started = time.perf_counter()
    tmap = load_map(path)  # the first load pays for imports and a cold file cache
    first = time.perf_counter() - started
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        load_map(path)
        times.append(time.perf_counter() - started)
    walk_seconds = None
    if tmap.objects:
        started = time.perf_counter()
        reachable_cells(tmap, spawn_cell(tmap, tmap.objects[0]))
        walk_seconds = time.perf_counter() - started
    result = {
        "map": str(path), "width": tmap.width, "height": tmap.height, "tile_layers": len(tmap.tile_layers()),
        "tiles": tiles, "objects": len(tmap.objects), "first_load_ms": round(first * 1000, 2),
        "load_ms_median": round(statistics.median(times) * 1000, 2), "load_ms_max": round(max(times) * 1000, 2),
        "bfs_ms": round(walk_seconds * 1000, 3) if walk_seconds is not None else None,
    }
    print(f"largest map: {path} ({tmap.width} x {tmap.height} = {tiles:,} tiles, {result['tile_layers']} tile "
          f"layers, {len(tmap.objects)} objects)")
    print(f"load_map: first {result['first_load_ms']} ms; median {result['load_ms_median']} ms, "
          f"max {result['load_ms_max']} ms over {runs} runs")
    if walk_seconds is not None:
        print(f"reachability (BFS from the first object): {result['bfs_ms']} ms")
    return result


def shipped_maps(runs: int = RUNS) -> float:
    """The checker's map analysis of the shipped story (its three maps), median ms."""
    from game.check.maps import analyse_maps
    from game.paths import shipped_story
    from game.story.loader import load_story

    story = load_story(shipped_story())
    analyse_maps(story)
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        analyse_maps(story)
        times.append(time.perf_counter() - started)
    median = statistics.median(times) * 1000
    print(f"shipped maps (check's analysis of {len(story.maps)} maps): median {median:.2f} ms over {runs} runs")
    return median


def _hotspot_story(root: Path, count: int) -> Path:
    (root / "scenes").mkdir(parents=True)
    (root / "maps").mkdir()
    (root / "story.yaml").write_text("title: H\nlanguages: [en]\nstart: s\nendings: {end: {title: End}}\n",
                                     encoding="utf-8")
    (root / "scenes" / "s.yaml").write_text("scene: s\nscript:\n  - map: m\n    spawn: spawn\n  - label: out\n"
                                            "  - ending: end\n", encoding="utf-8")
    objects = "".join(f'  <object id="{i + 2}" name="h{i}" x="{i % 64 * 16}" y="{i // 64 % 64 * 16}" width="16" '
                      f'height="16"><properties><property name="goto" value="s.out"/></properties></object>\n'
                      for i in range(count))
    (root / "maps" / "m.tmx").write_text(
        '<?xml version="1.0"?>\n<map version="1.10" orientation="orthogonal" width="64" height="64" tilewidth="16" '
        'tileheight="16">\n <objectgroup id="1" name="objects">\n  <object id="1" name="spawn" x="0" y="0" '
        f'width="16" height="16"/>\n{objects} </objectgroup>\n</map>\n', encoding="utf-8")
    return root


def hotspot_scaling(counts: tuple[int, ...] = (1250, 2500, 5000, 9999)) -> None:
    """Time to load a story and check its map, for maps of more and more hotspots."""
    from game.check.maps import analyse_maps
    from game.story.loader import load_story

    print("hotspots   load story   check's map analysis   per hotspot")
    with tempfile.TemporaryDirectory() as folder:
        for count in counts:
            root = _hotspot_story(Path(folder) / f"h{count}", count)
            started = time.perf_counter()
            story = load_story(root)
            loaded = time.perf_counter() - started
            started = time.perf_counter()
            analyse_maps(story)
            analysed = time.perf_counter() - started
            print(f"{count:>8,}   {loaded:8.2f} s   {analysed:16.2f} s   {analysed / count * 1e6:9.1f} µs")


def _timeout(_signal: int, _frame: Any) -> None:
    raise TimeoutError


def hostile(seconds: int = ATTACK_SECONDS) -> None:
    """Every attack of the hostile corpus read with the story folder as root: outcome, time, peak memory."""
    sys.path.insert(0, str(CORPUS))
    import make_corpus  # type: ignore[import-not-found]

    from game.world.tiled import MapFormatError, load_map

    with tempfile.TemporaryDirectory() as folder:
        base = Path(folder)
        outside = base / "outside"
        make_corpus.write(outside, {"tiles.png": make_corpus.png(32, 32)})
        (outside / "evil.tsx").write_text('<tileset name="e" tilewidth="16" tileheight="16"><image '
                                          'source="tiles.png" width="32" height="32"/></tileset>', encoding="utf-8")
        (outside / "evil.tx").write_text('<template><object name="e"/></template>', encoding="utf-8")
        root = base / "story"
        maps = root / "maps"
        maps.mkdir(parents=True)
        (root / "story.yaml").write_text("title: H\n", encoding="utf-8")
        for path in CORPUS.iterdir():
            if path.suffix in (".tmx", ".png"):
                (maps / path.name).write_bytes(path.read_bytes().replace(b"@OUTSIDE@", str(outside).encode()))
        make_corpus.write(maps, make_corpus.large())
        os.symlink(outside / "evil.tsx", maps / "link.tsx")
        os.mkfifo(maps / "fifo.tsx")
        os.mkfifo(maps / "fifo.png")
        (maps / "folder.tsx").mkdir()
        signal.signal(signal.SIGALRM, _timeout)
        worst: tuple[str, float] = ("", 0.0)
        print(f"{'attack':<24} {'outcome':<9} {'seconds':>8} {'peak MB':>8}  message")
        for path in sorted(maps.glob("*.tmx")):
            tracemalloc.start()
            started = time.perf_counter()
            signal.alarm(seconds)
            try:
                tmap = load_map(path, root=root)
                outcome, message = ("problem", str(tmap.problems[0])) if tmap.problems else ("loads", "")
            except MapFormatError as exc:
                outcome, message = "refused", str(exc)
            except TimeoutError:
                outcome, message = "HANG", f"still running after {seconds} s"
            except Exception as exc:  # noqa: BLE001 - a benchmark reports every failure and goes on
                outcome, message = "CRASH", f"{type(exc).__name__}: {str(exc)[:80]}"
            finally:
                signal.alarm(0)
            elapsed = time.perf_counter() - started
            peak = tracemalloc.get_traced_memory()[1] / 1e6
            tracemalloc.stop()
            if peak > worst[1]:
                worst = (path.stem, peak)
            print(f"{path.stem:<24} {outcome:<9} {elapsed:8.3f} {peak:8.1f}  {message[-90:]}")
        print(f"worst peak (Python allocations): {worst[1]:.1f} MB ({worst[0]})")


def main() -> None:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--examples", type=Path, default=EXAMPLES, help="folder of .tmx files")
    parser.add_argument("--runs", type=int, default=RUNS)
    parser.add_argument("--hostile", action="store_true", help="also time every attack of tests/hostile/maps")
    args = parser.parse_args()
    map_benchmarks(args.examples, args.runs)
    shipped_maps(args.runs)
    hotspot_scaling()
    if args.hostile:
        hostile()


if __name__ == "__main__":
    main()
