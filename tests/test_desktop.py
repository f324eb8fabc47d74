"""The desktop build's launcher (game/desktop.py) and where the built game finds its story (game/paths.py).

These run the launcher in this process, on the sample story, with SDL's dummy drivers; the
frozen build itself is tested in tests/test_desktop_build.py (``pytest -m build``).
"""

from __future__ import annotations

import logging
import os
import sys
import threading
from pathlib import Path

import pytest

import game
from game import cli, desktop
from game.cli import common, playing
from game.paths import shipped_story

SAMPLE = Path(__file__).parent / "fixtures" / "sample"
CHECKOUT_STORY = Path(__file__).resolve().parent.parent / "assets"


@pytest.fixture(autouse=True)
def _headless(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("SDL_VIDEODRIVER", "dummy")
    monkeypatch.setenv("SDL_AUDIODRIVER", "dummy")
    monkeypatch.setenv("STARLIGHT_CACHE_DIR", str(tmp_path / "cache"))
    monkeypatch.delenv("STARLIGHT_SAVE_DIR", raising=False)


# --- the story inside the bundle ---

def test_the_built_game_finds_the_story_in_its_bundle(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    bundle = tmp_path / "_internal"
    (bundle / "assets").mkdir(parents=True)
    (bundle / "assets" / "story.yaml").write_text("title: x\n", encoding="utf-8")
    monkeypatch.setattr(sys, "_MEIPASS", str(bundle), raising=False)
    assert shipped_story() == bundle / "assets"


def test_a_bundle_without_the_story_falls_back_to_the_checkout(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sys, "_MEIPASS", str(tmp_path), raising=False)
    assert shipped_story().resolve() == CHECKOUT_STORY


# --- the launcher's options are starlight play's ---

@pytest.mark.parametrize("argv", [
    [],
    ["--warp", "harbour.dock", "--set", "oil=2", "--set", "lamp=true", "--lang", "ko", "--frames", "5",
     "--screenshot", "x.png", "--record", "r.yaml", "--save-dir", "saves", "-v"],
    ["some/story", "--frames", "1"],
])
def test_the_launcher_takes_what_starlight_play_takes(argv: list[str]) -> None:
    ours = vars(desktop.build_parser().parse_args(argv))
    theirs = vars(cli.build_parser().parse_args(["play", *argv]))
    theirs.pop("command")
    theirs.pop("run")
    assert ours == theirs


@pytest.mark.parametrize("argv", [["check", "--strict"], ["capture", "-o", "shots"], ["schema", "scene"]])
def test_the_launcher_has_no_writer_or_tester_commands(argv: list[str], capsys: pytest.CaptureFixture[str]) -> None:
    cli.build_parser().parse_args(argv)  # the pip package's command takes them
    with pytest.raises(SystemExit):
        desktop.build_parser().parse_args(argv)
    assert "unrecognized arguments" in capsys.readouterr().err


# --- playing: the log goes to the data folder ---

def _run(tmp_path: Path, *extra: str) -> int:
    return desktop.main(["--save-dir", str(tmp_path / "data"), str(SAMPLE), *extra])


def test_plays_and_logs_to_the_data_folder(tmp_path: Path) -> None:
    root = logging.getLogger()
    handlers_before = list(root.handlers)
    shot = tmp_path / "shot.png"
    assert _run(tmp_path, "--frames", "3", "--screenshot", str(shot)) == 0
    assert shot.stat().st_size > 1000
    log = (tmp_path / "data" / "logs" / "starlight.log").read_text(encoding="utf-8")
    assert "starting" in log and "first frame at" in log and "quit with status 0" in log
    assert root.handlers == handlers_before  # the session's handlers are gone again
    assert threading.excepthook is not desktop._log_thread_crash


def test_bad_arguments_are_refused_as_by_starlight_play(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert _run(tmp_path, "--warp", "no_such_scene") == common.EXIT_USAGE
    assert "no_such_scene" in capsys.readouterr().err
    assert not list((tmp_path / "data" / "logs").glob("crash-*.txt"))


# --- crashes ---

def _crash(args: object) -> int:
    raise RuntimeError("the decoder caught fire (a test)")


def test_a_crash_writes_a_readable_report_and_says_where(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                          capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.setattr(playing, "cmd_play", _crash)
    assert _run(tmp_path, "--frames", "1") == desktop.EXIT_CRASH
    reports = list((tmp_path / "data" / "logs").glob("crash-*.txt"))
    assert len(reports) == 1
    report = reports[0].read_text(encoding="utf-8")
    assert report.startswith("Lost in Starlight: Signal Delay stopped because of an error.")
    assert f"version:   {game.__version__}" in report
    assert "Traceback (most recent call last):" in report and "in _crash" in report
    assert "RuntimeError: the decoder caught fire (a test)" in report
    assert "the end of the log" in report and "starting" in report  # the log's tail is quoted
    err = capsys.readouterr().err
    assert str(reports[0]) in err and "stopped because of an error" in err
    log = (tmp_path / "data" / "logs" / "starlight.log").read_text(encoding="utf-8")
    assert "CRITICAL" in log and "the decoder caught fire" in log


def test_only_the_newest_crash_reports_are_kept(tmp_path: Path) -> None:
    folder = tmp_path / "logs"
    folder.mkdir()
    for number in range(desktop.REPORTS_KEPT + 3):
        old = folder / f"crash-2020010{number:02d}.txt"
        old.write_text("old", encoding="utf-8")
        os.utime(old, (1_600_000_000 + number, 1_600_000_000 + number))
    written = desktop.write_crash_report(folder, ValueError("x"), None)
    kept = sorted(folder.glob("crash-*.txt"))
    assert written in kept and len(kept) == desktop.REPORTS_KEPT
    assert not (folder / "crash-20200100.txt").exists()  # the oldest went first


def test_a_report_that_cannot_be_written_goes_to_the_console(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    blocker = tmp_path / "data"
    blocker.write_text("a file where the data folder should be", encoding="utf-8")
    assert desktop.write_crash_report(blocker / "logs", KeyError("lost"), None) is None
    desktop.tell_player(None)
    err = capsys.readouterr().err
    assert "KeyError: 'lost'" in err and "could not be saved" in err


def test_the_game_still_runs_when_the_log_cannot_be_written(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                            capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.setattr(desktop, "logs_dir", lambda data: tmp_path / "not-a-folder" / "logs")
    (tmp_path / "not-a-folder").write_text("", encoding="utf-8")
    assert _run(tmp_path, "--frames", "1") == 0
    assert "cannot write the log" in capsys.readouterr().err


def test_a_crashed_thread_is_logged(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def play_with_a_failing_thread(args: object) -> int:
        worker = threading.Thread(target=lambda: 1 / 0, name="music-decoder")
        worker.start()
        worker.join()
        return 0

    monkeypatch.setattr(playing, "cmd_play", play_with_a_failing_thread)
    assert _run(tmp_path) == 0
    log = (tmp_path / "data" / "logs" / "starlight.log").read_text(encoding="utf-8")
    assert "thread music-decoder crashed" in log and "ZeroDivisionError" in log


def test_without_a_console_what_the_game_prints_goes_to_a_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def play_and_complain(args: object) -> int:
        print("starlight: something for the player", file=sys.stderr)
        return 2

    monkeypatch.setattr(playing, "cmd_play", play_and_complain)
    monkeypatch.setattr(sys, "stdout", None)  # as in a windowed build on Windows
    monkeypatch.setattr(sys, "stderr", None)
    assert _run(tmp_path) == 2
    assert sys.stderr is None and sys.stdout is None  # put back as they were
    console = (tmp_path / "data" / "logs" / "console.txt").read_text(encoding="utf-8")
    assert "starlight: something for the player" in console
