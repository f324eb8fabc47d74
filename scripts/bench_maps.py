"""Benchmarks of exploration maps: how long the largest Tiled example takes to load; printed, never asserted.

    python scripts/bench_maps.py                  # the largest map (by tile count) under the examples
    python scripts/bench_maps.py --examples DIR   # another folder of .tmx files

Load time is ``game.world.tiled.load_map`` (XML, tilesets, templates, pytmx, the
collision grid); walking adds a BFS from the first object.  Frame times of the
walking view are measured by the UI's own benchmark.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("PYGAME_HIDE_SUPPORT_PROMPT", "1")

EXAMPLES = Path("/work/shared/tiled-examples")
RUNS = 20


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


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--examples", type=Path, default=EXAMPLES, help="folder of .tmx files")
    parser.add_argument("--runs", type=int, default=RUNS)
    args = parser.parse_args()
    map_benchmarks(args.examples, args.runs)


if __name__ == "__main__":
    main()
