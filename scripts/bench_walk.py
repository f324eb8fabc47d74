"""Frame times while the player walks each shipped map and the largest Tiled example, at 1280x720
and 1920x1080, with the dummy driver (target p99 < 4 ms); run through ``python scripts/bench.py --ui``.
"""

from __future__ import annotations

import tempfile
import time
from pathlib import Path
from typing import Any

from bench_ui import ROOT, app_for, percentiles


class _StillMap:
    """A map screen's game for the walking benchmark: the map alone, nothing taken or saved."""

    def __init__(self, event: Any) -> None:
        self.event = event

    def place(self) -> None:
        return None

    def remember(self, place: Any) -> None:
        pass

    def take(self, index: int, place: Any) -> None:
        pass

    def open_menu(self, place: Any) -> None:
        pass

    def open_history(self) -> None:
        pass

    def roll_back(self) -> None:
        pass

    def quick_save(self, place: Any) -> None:
        pass


def _story_of(path: Path) -> tuple[Path, str]:
    """The folder a map is read in (its story: a shipped map's ``assets/``, else its own folder) and its name there."""
    for folder in path.resolve().parents:
        if (folder / "story.yaml").is_file():
            return folder, path.resolve().relative_to(folder).as_posix()
    return path.resolve().parent, path.name


def walking(map_paths: list[Path], size: tuple[int, int] = (1280, 720)) -> dict[str, Any]:
    """Frame times while the player walks each map (camera moving) in a window of ``size``, dummy driver.

    Each map is read inside its own story folder, as the game reads it (a map outside the story
    would only show the map screen's error).
    """
    from game.story import model as m
    from game.story.problems import Pos
    from game.story.runtime import HotspotOption, MapEvent
    from game.ui.play.screen import PlayScreen
    from game.ui.screens.map_walk import MapWalkScreen
    from game.world.tiled import load_map
    from game.world.walk import walkable_grid

    results: dict[str, Any] = {}
    with tempfile.TemporaryDirectory() as save_dir:
        for path in map_paths:
            root, name = _story_of(path)
            app = app_for(root, save_dir)
            app.window = app._open_window(size)
            play = PlayScreen.new_game(app.ctx) if app.ctx.story is not None else None
            tmap = load_map(path)
            grid = walkable_grid(tmap)
            cells = [(x, y) for y, row in enumerate(grid) for x, ok in enumerate(row) if ok]
            cx, cy = min(cells, key=lambda c: abs(c[0] - tmap.width / 2) + abs(c[1] - tmap.height / 2))
            # a shipped map has its story's hotspots (each drawn with a mark or the prompt every frame)
            known = app.ctx.story.maps.get(path.stem) if app.ctx.story is not None else None
            hotspots = known.hotspots if known is not None else ()
            info = m.MapInfo(path.stem, name, {"spawn": (cx * tmap.tile_width, cy * tmap.tile_height)}, hotspots)
            options = tuple(HotspotOption(i, h) for i, h in enumerate(hotspots))
            event = MapEvent(info, "spawn", options, m.MapStep(Pos(path.name, 1, 1), None, path.stem, "spawn"))
            started = time.perf_counter()
            screen = MapWalkScreen(app.ctx, _StillMap(event))
            if screen.error is not None:
                raise RuntimeError(f"the walking benchmark cannot draw {path}: {screen.error}")
            if play is not None:
                app.ctx.nav.replace_all(play)
            app.ctx.nav.push(screen)
            app.draw()  # builds the map pictures
            build = time.perf_counter() - started
            samples, cpu = [], []
            directions = [(1, 0), (0, 1), (-1, 0), (0, -1)]
            for frame in range(400):
                dx, dy = directions[(frame // 50) % 4]
                began, began_cpu = time.perf_counter(), time.thread_time()
                screen.walk(dx, dy, 1 / 60)
                screen.update(1 / 60)
                app.draw()
                samples.append(time.perf_counter() - began)
                cpu.append(time.thread_time() - began_cpu)
            # the CPU time beside the wall time: on a busy machine the wall time also counts waiting for a core
            results[path.name] = {"tiles": f"{tmap.width}x{tmap.height}", "hotspots": len(options),
                                  "first_frame_ms": round(build * 1000, 1),
                                  **percentiles(samples),
                                  **{f"cpu_{k}": v for k, v in percentiles(cpu).items()}}
            app.close()
    return results


def run() -> dict[str, Any]:
    maps = sorted((ROOT / "assets" / "maps").glob("*.tmx"))
    examples = [folder / "shared" / "tiled-examples" / "pytmx" / "apps" / "data" / "mapbig1.tmx"
                for folder in (ROOT.parent, ROOT.parent.parent)]  # beside the checkout, or beside its worktree
    largest = next((path for path in examples if path.is_file()), None)
    walked = maps + ([largest] if largest is not None else [])
    return {"walking": walking(walked), "walking_1080p": walking(walked, (1920, 1080))}
