"""Benchmarks of the game window (run through ``python scripts/bench.py --ui``); figures printed.

- start-up: whole-process time from launch to the title screen's first frame, beside a bare
  python + pygame + first flip; and the pip-installed game (``starlight``) beside the desktop build
  in ``dist/`` (``scripts/build_app.py``), each unpacked and started as a player would (target:
  the build within 1.3x of pip);
- frame time p50 / p99 at 1280x720 with the dummy driver while a line types out over a
  background with two characters, and during a dissolve (target p99 < 4 ms);
- frame time p50 / p99 of the flowchart at 1280x720 while panning (a drag) and while the view eases
  from node to node (arrows), with every ending of the story seen (target p99 < 4 ms);
- memory over a long scripted play (instant text, random choices, restarting at endings), in a process
  of its own: peak and end resident memory (target, issue 11: under 250 MB for the shipped game);
- CPU use of an idle game (a finished line waiting for the player).

Walking the maps is measured by ``bench_walk.py`` (``bench.py --ui`` runs both).
"""

from __future__ import annotations

import json
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from bench_env import compiled_env, peak_of

ROOT = Path(__file__).resolve().parent.parent
SAMPLE = ROOT / "tests" / "fixtures" / "sample"
DUMMY = {"SDL_VIDEODRIVER": "dummy", "SDL_AUDIODRIVER": "dummy"}


def _env() -> dict[str, str]:
    return {**os.environ, **DUMMY, "PYGAME_HIDE_SUPPORT_PROMPT": "1"}


def startup(story: Path) -> dict[str, float]:
    """Median of 5 runs: from launching a fresh process to its first frame on screen (the game logs when).

    With compiled bytecode, as a player has it (``bench_env``): the first run, which writes it, is not
    counted.

    The target's bare window imports pygame as anyone would, numpy and pkg_resources included; the game
    leaves those two out (``game/lean_pygame.py``).  The same bare window with pygame imported the
    game's way is timed too ("lean"), so that what the game itself adds stays in view.
    """
    game, bare, game_cpu, bare_cpu, lean = [], [], [], [], []
    with tempfile.TemporaryDirectory() as save_dir, compiled_env(_env()) as env:
        for run in range(6):
            cpu = _children_cpu()
            launched = time.time()
            done = subprocess.run([sys.executable, "-m", "game", "play", str(story), "--frames", "1", "-v",
                                   "--save-dir", save_dir], env=env, check=True, capture_output=True, cwd=ROOT,
                                  text=True)
            first = next(float(line.rsplit(" ", 1)[1]) for line in done.stderr.splitlines() if "first frame at" in line)
            cpu, game_run = _children_cpu(), _children_cpu() - cpu
            started = time.perf_counter()
            subprocess.run([sys.executable, "-c", "import pygame; pygame.init(); "
                            "pygame.display.set_mode((1280, 720)); pygame.display.flip()"],
                           env=env, check=True, capture_output=True)
            bare_run = time.perf_counter() - started
            bare_run_cpu = _children_cpu() - cpu
            started = time.perf_counter()
            subprocess.run([sys.executable, "-c", "from game.lean_pygame import import_pygame; "
                            "pygame = import_pygame(); pygame.init(); "
                            "pygame.display.set_mode((1280, 720)); pygame.display.flip()"],
                           env=env, check=True, capture_output=True, cwd=ROOT)
            if run:  # the first run compiled the bytecode
                game.append(first - launched)
                bare.append(bare_run)
                game_cpu.append(game_run)
                bare_cpu.append(bare_run_cpu)
                lean.append(time.perf_counter() - started)
    figures = {"startup_seconds": round(statistics.median(game), 3),
               "bare_pygame_seconds": round(statistics.median(bare), 3),
               "bare_lean_pygame_seconds": round(statistics.median(lean), 3),
               # CPU seconds of each whole process (the game's includes its exit after the frame): steadier
               # than wall seconds when others load the machine
               "startup_cpu_seconds": round(statistics.median(game_cpu), 3),
               "bare_pygame_cpu_seconds": round(statistics.median(bare_cpu), 3),
               "load_average": float(os.getloadavg()[0])}
    # the ratios of the target (at most 1.3x), each run's pair side by side: steadier on a noisy machine
    figures["startup_ratio"] = round(statistics.median(g / b for g, b in zip(game, bare)), 2)
    figures["startup_cpu_ratio"] = round(statistics.median(g / b for g, b in zip(game_cpu, bare_cpu)), 2)
    figures["startup_vs_lean_ratio"] = round(statistics.median(g / b for g, b in zip(game, lean)), 2)
    return figures


def _children_cpu() -> float:
    used = resource.getrusage(resource.RUSAGE_CHILDREN)
    return used.ru_utime + used.ru_stime


def _first_frame_after(command: list[str], env: dict[str, str]) -> float:
    """Seconds from launching ``command`` to its first frame (it logs the wall-clock time with -v)."""
    launched = time.time()
    done = subprocess.run(command, env=env, check=True, capture_output=True, text=True, timeout=120)
    return next(float(line.rsplit(" ", 1)[1]) for line in done.stderr.splitlines() if "first frame at" in line) - launched


def desktop_startup(runs: int = 7) -> dict[str, Any]:
    """Launch to the title's first frame: the pip-installed ``starlight`` beside the desktop build, medians.

    Both play the shipped story with a clean environment (a fresh HOME, the dummy drivers) after one
    run each that fills their caches; the build is this machine's archive in ``dist/``, unpacked
    into a fresh folder.  The pip game is the ``starlight`` script of the Python running this.
    """
    import build_app

    system, arch = build_app.platform_tag()
    archive = ROOT / "dist" / build_app.archive_name(build_app.project_version(), system, arch)
    starlight = Path(sys.executable).parent / ("starlight.exe" if system == "windows" else "starlight")
    if not archive.is_file() or not starlight.is_file():
        return {"desktop_build": f"not measured: needs {archive.relative_to(ROOT)} (python scripts/build_app.py) "
                                 f"and {starlight} (pip install .)"}
    with tempfile.TemporaryDirectory() as scratch:
        folder = build_app.unpack(archive, Path(scratch) / "unpacked")
        commands = {"pip": [str(starlight)], "built": [str(build_app.launcher_path(folder, system))]}
        envs = {side: {**DUMMY, "HOME": str(Path(scratch) / side)} for side in commands}
        times: dict[str, list[float]] = {side: [] for side in commands}
        for run in range(runs + 1):
            for side, command in commands.items():  # interleaved, so the machine's mood hits both alike
                seconds = _first_frame_after([*command, "--frames", "1", "-v"], envs[side])
                if run:
                    times[side].append(seconds)
    pip, built = statistics.median(times["pip"]), statistics.median(times["built"])
    return {"pip_installed_seconds": round(pip, 3), "desktop_build_seconds": round(built, 3),
            "build_over_pip": round(built / pip, 2), "target": 1.3, "archive": archive.name}


def percentiles(samples: list[float]) -> dict[str, float]:
    ordered = sorted(samples)
    return {"p50_ms": round(ordered[len(ordered) // 2] * 1000, 3),
            "p99_ms": round(ordered[int(len(ordered) * 0.99)] * 1000, 3)}


def app_for(story: Path, save_dir: str) -> Any:
    os.environ.update(DUMMY)
    from game.ui.app import App, Options
    return App(Options(story_root=story, ui_root=ROOT / "assets", data_dir=Path(save_dir)))


def frames(story: Path, warp: str | None) -> dict[str, Any]:
    """Frame times while typing (two characters on stage) and during a dissolve."""
    from game.ui.play.screen import PlayScreen

    with tempfile.TemporaryDirectory() as save_dir:
        app = app_for(story, save_dir)
        ctx = app.ctx
        ctx.settings.text_speed = 12  # keep typing through every measured frame
        play = PlayScreen.new_game(ctx, warp)
        ctx.nav.push(play)
        _to_a_line_with_two_characters(play, app)
        for _ in range(30):  # warm the caches (scaled pictures, rendered text)
            play.update(1 / 60)
            app.draw()
        play.stage.finish()
        play.hold = 0.0
        play.box.shown = 0.0
        typing = []
        for _ in range(300):
            started = time.perf_counter()
            play.update(1 / 60)
            app.draw()
            typing.append(time.perf_counter() - started)
        on_stage = len(play.stage.actors)
        others = [n for n in ctx.resources.story_assets.names("background") if n != play.stage.background]
        dissolve = []
        play.stage.set_background(others[0] if others else play.stage.background or "", "dissolve", 5.0)
        for _ in range(300):
            started = time.perf_counter()
            play.update(1 / 60)
            app.draw()
            dissolve.append(time.perf_counter() - started)
        app.close()
    return {"characters_on_stage": on_stage, "typing": percentiles(typing), "dissolve": percentiles(dissolve)}


def _to_a_line_with_two_characters(play: Any, app: Any, limit: int = 400) -> None:
    """Click on from the warp point until a line shows with at least two characters on stage."""
    from game.story import model as m

    for _ in range(limit):
        event = play.controller.current.event
        if getattr(event, "kind", None) == m.LINE and len(play.stage.actors) >= 2:
            return
        play.advance()
        play.update(1 / 60)
        app.draw()
    raise RuntimeError("no line with two characters on stage near the warp point")


def flowchart(story: Path) -> dict[str, Any]:
    """Frame times of the flowchart screen while panning, over the record of a playthrough to each ending."""
    from game.check.explore import explore
    from game.play.controller import PlayController
    from game.story.runtime import ChoiceEvent, MapEvent
    from game.ui.screens.flowchart import FlowchartScreen
    from game.ui.screens.flowchart_camera import AREA
    from game.ui.title import TitleWarps

    with tempfile.TemporaryDirectory() as save_dir:
        app = app_for(story, save_dir)
        ctx = app.ctx
        assert ctx.story is not None
        for path in explore(ctx.story).endings.values():  # the shortest way to each ending, played
            play = PlayController.new_game(ctx.story, ctx.settings, ctx.progress)
            choices = list(path)
            while play.ended is None:
                event = play.current.event
                if isinstance(event, (ChoiceEvent, MapEvent)):
                    visible = [o.index for o in event.options] if isinstance(event, ChoiceEvent) \
                        else [h.index for h in event.hotspots]
                    play.choose(visible[choices.pop(0)])
                else:
                    play.advance()
        screen = FlowchartScreen(ctx, TitleWarps(ctx))
        ctx.nav.push(screen)
        for _ in range(30):  # warm the caches (cards, rendered text)
            screen.camera.pan(0, -20)
            app.draw()
        screen.show(screen.focus)
        dragging: list[tuple[float, float]] = []
        easing: list[tuple[float, float]] = []
        def frame() -> None:
            screen.update(1 / 60)
            app.draw()

        for step in range(600):  # a drag down the chart and back, a few pixels a frame
            screen.camera.pan(0, -12 if step < 300 else 12)
            dragging.append(_timed(frame))
        for _ in range(40):  # from node to node with the arrows, the view easing after each
            screen.move(0, 1)
            for _ in range(10):
                easing.append(_timed(frame))
        nodes = len(screen.view.chart.nodes)
        seen = len(screen.view.seen_keys())
        app.close()
    # Wall-clock times count the moments other processes had the CPU; the thread's own CPU time does not
    # (on a shared machine the first has spikes the game never caused: both are printed, with the load).
    return {"nodes": nodes, "seen": seen, "view": f"{AREA[2]}x{AREA[3]}",
            "panning": percentiles([w for w, _ in dragging]), "panning_cpu": percentiles([c for _, c in dragging]),
            "easing": percentiles([w for w, _ in easing]), "easing_cpu": percentiles([c for _, c in easing]),
            "load_average": round(os.getloadavg()[0], 2)}


def _timed(frame: Callable[[], None]) -> tuple[float, float]:
    """(wall-clock seconds, this thread's CPU seconds) that calling ``frame`` took."""
    wall, cpu = time.perf_counter(), time.thread_time()
    frame()
    return time.perf_counter() - wall, time.thread_time() - cpu


def _rss_mb() -> float:
    with open("/proc/self/statm") as handle:
        return int(handle.read().split()[1]) * os.sysconf("SC_PAGE_SIZE") / 2**20


def memory(story: Path, frame_count: int) -> dict[str, Any]:
    """RSS along a long scripted play, in a fresh process (so its peak is the play's own, ``bench_env``):
    every line shown instantly and advanced, choices taken at random, endings restart."""
    peak, text = peak_of([sys.executable, __file__, "--memory", str(story), str(frame_count)], _env(), ROOT)
    result: dict[str, Any] = json.loads(text)
    result["peak_rss_mb"] = peak
    return result


def _scripted_play(story: Path, frame_count: int) -> dict[str, Any]:
    """(In this process) the long play of ``memory``."""
    import random

    from game.story import model as m
    from game.story.presentation import Place
    from game.story.runtime import ChoiceEvent, MapEvent
    from game.ui.play.screen import PlayScreen

    rng = random.Random(7)
    with tempfile.TemporaryDirectory() as save_dir:
        app = app_for(story, save_dir)
        ctx = app.ctx
        ctx.settings.text_speed = 0
        play = PlayScreen.new_game(ctx)
        ctx.nav.push(play)
        samples = []
        lines = 0
        for frame in range(frame_count):
            event = play.controller.current.event
            if isinstance(event, ChoiceEvent):
                play.choose(rng.choice(event.options).index)
            elif isinstance(event, MapEvent):
                play.take_hotspot(rng.choice(event.hotspots).index, Place(0.0, 0.0, "down"))
            elif getattr(event, "kind", None) == m.ENDING:
                play = PlayScreen.new_game(ctx)
                ctx.nav.replace_all(play)
            else:
                play.stage.finish()
                play.hold = 0
                play.box.finish()
                play.advance()
                lines += 1
            play.update(1 / 60)
            app.draw()
            if frame % max(1, frame_count // 10) == 0:
                samples.append(round(_rss_mb(), 1))
        end = round(_rss_mb(), 1)
        app.close()
    return {"frames": frame_count, "lines": lines, "rss_mb_samples": samples, "end_rss_mb": end,
            "rss_growth_mb": round(samples[-1] - samples[1], 1) if len(samples) > 2 else 0.0}


def idle_cpu(story: Path, seconds: float = 5.0) -> dict[str, float]:
    """CPU share of a game left alone: on the (animated) title screen, and on a finished line."""
    from game.story.loader import load_story

    start = load_story(story).scenes[load_story(story).start.scene].id
    return {"title_screen_cpu_percent": _cpu_of([], story, seconds),
            "finished_line_cpu_percent": _cpu_of(["--warp", start], story, seconds)}


def _cpu_of(extra: list[str], story: Path, seconds: float) -> float:
    with tempfile.TemporaryDirectory() as save_dir:
        process = subprocess.Popen([sys.executable, "-m", "game", "play", str(story), "--save-dir", save_dir,
                                    *extra], env=_env(), cwd=ROOT, stdout=subprocess.DEVNULL,
                                   stderr=subprocess.DEVNULL)
        # start-up, the first line types out, and the pictures the next steps need are prefetched
        # (a one-time load of about a tenth of a second): what is measured is the idle steady state
        time.sleep(8.0)
        ticks = os.sysconf("SC_CLK_TCK")

        def cpu() -> float:
            fields = Path(f"/proc/{process.pid}/stat").read_text().rsplit(")", 1)[1].split()
            return (int(fields[11]) + int(fields[12])) / ticks

        before, started = cpu(), time.perf_counter()
        time.sleep(seconds)
        used, elapsed = cpu() - before, time.perf_counter() - started
        process.terminate()
        process.wait(5)
    return round(100 * used / elapsed, 1)


def run(story: Path | None = None, long: bool = False) -> dict[str, Any]:
    story = story or (ROOT / "assets" if (ROOT / "assets" / "story.yaml").is_file() else SAMPLE)
    # a line with characters on stage: the shop (Nan-young, Dori, Jay) or the sample's harbour
    warp = "repair_shop.door" if (story / "scenes" / "seoul" / "repair_shop.yaml").is_file() else None
    result: dict[str, Any] = {"story": str(story)}
    result.update(startup(story))
    result["startup_pip_vs_desktop_build"] = desktop_startup()
    result["frames"] = frames(story, warp)
    result["flowchart"] = flowchart(story)
    result["memory"] = memory(story, 216_000 if long else 20_000)
    result["idle"] = idle_cpu(story)
    # (this benchmark process's own peak, frame and flowchart runs included: not the game's; see "memory")
    result["bench_process_peak_rss_mb"] = round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1)
    return result


if __name__ == "__main__":
    if len(sys.argv) == 4 and sys.argv[1] == "--memory":  # the fresh process of ``memory``
        sys.path.insert(0, str(ROOT))
        print(json.dumps(_scripted_play(Path(sys.argv[2]), int(sys.argv[3]))))
    else:  # the start-up comparison alone (the rest: python scripts/bench.py --ui)
        print(json.dumps(desktop_startup(), indent=2))
