"""The desktop build's launcher: the game for players, frozen by PyInstaller (``scripts/build_app.py``).

It takes the same arguments as ``starlight play`` (the writers' and testers' commands stay in the
pip package) and plays through the same code.  What it adds is what a player without a terminal
needs: the log goes to a file in the player's data folder (``logs/starlight.log``, rotated), and a
crash becomes a readable text report in the same folder, named to the player on the console and in
a message box, never a silent exit.  A hard crash inside a library (a segfault in SDL, say) still
leaves Python's own dump of every thread in ``logs/faults.txt``.

Exit status: as ``starlight play`` (0 fine, 2 bad arguments), and 3 after a crash.
"""

from __future__ import annotations

import argparse
import faulthandler
import logging
import logging.handlers
import os
import platform
import sys
import threading
import traceback
from collections.abc import Iterator, Sequence
from contextlib import ExitStack, contextmanager
from datetime import datetime
from pathlib import Path

from . import __version__
from .cli import playing
from .cli.common import EXIT_USAGE, CannotWrite, Stop
from .persist import paths

log = logging.getLogger(__name__)

GAME_NAME = "Lost in Starlight: Signal Delay"
LAUNCHER = "LostInStarlight"  # the built game's executable (scripts/build_app.py builds it under this name)
ICON_FILE = "lost-in-starlight.png"  # the icon scripts/build_app.py puts at the top of the bundle
EXIT_CRASH = 3
LOG_BYTES = 1_000_000  # per log file; with its backups the log never passes 4 MB
LOG_BACKUPS = 3
REPORTS_KEPT = 10  # older crash reports are removed when a new one is written
LOG_TAIL_BYTES = 16_000  # how much of the log a crash report quotes


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog=LAUNCHER, description=f"{GAME_NAME} (version {__version__}). "
                                     "Saves, settings, the log and crash reports live in the user data folder.")
    playing.add_play_arguments(parser)
    parser.add_argument("--version", action="version", version=f"{GAME_NAME} {__version__}")
    return parser


def logs_dir(data_dir: Path) -> Path:
    """The folder of the log, fault dumps and crash reports inside the data folder."""
    return data_dir / "logs"


def main(argv: Sequence[str] | None = None) -> int:
    """Play, with the log in the data folder and any crash turned into a report; returns the exit status."""
    os.environ.setdefault("PYGAME_HIDE_SUPPORT_PROMPT", "1")
    args = build_parser().parse_args(argv)
    folder = logs_dir(paths.data_dir(args.save_dir))
    with _player_session(folder, args.verbose) as log_file:
        log.info("%s %s starting (%s, Python %s%s); arguments: %s", GAME_NAME, __version__, platform.platform(),
                 platform.python_version(), ", built" if getattr(sys, "frozen", False) else "",
                 list(sys.argv[1:] if argv is None else argv))
        try:
            _set_window_icon()
            status = playing.cmd_play(args)
        except Stop as stop:  # a bad story folder or argument, already said
            status = stop.code
        except CannotWrite as exc:
            print(f"{LAUNCHER}: {exc}", file=sys.stderr)
            status = EXIT_USAGE
        except KeyboardInterrupt:
            return 130
        except Exception as exc:  # noqa: BLE001 - the edge of the game: every crash becomes a report
            report = write_crash_report(folder, exc, log_file)
            tell_player(report)
            return EXIT_CRASH
        log.info("quit with status %d", status)
        return status


def _set_window_icon() -> None:
    """The window and task bar show the game's icon (made from its title art at build time), not pygame's."""
    bundle = getattr(sys, "_MEIPASS", None)
    icon = Path(bundle) / ICON_FILE if isinstance(bundle, str) else None
    if icon is None or not icon.is_file():
        return  # not the desktop build
    import pygame

    try:
        pygame.display.set_icon(pygame.image.load(str(icon)))  # before the window opens, as SDL wants
    except pygame.error as exc:
        log.warning("could not set the window icon from %s: %s", icon, exc)


# --- logging and the hooks for crashes outside the main flow ---

@contextmanager
def _player_session(folder: Path, verbose: bool) -> Iterator[Path | None]:
    """Log to ``folder`` (and the console), dump hard crashes there, log thread crashes; all undone after.

    Yields the log file, or None when the folder cannot be written (the game still runs, logging
    to the console only, and says so).
    """
    with ExitStack() as undo:
        root = logging.getLogger()
        previous_level = root.level
        root.setLevel(logging.INFO)
        undo.callback(root.setLevel, previous_level)
        if sys.stderr is not None:  # None in a windowed build on Windows: there is no console
            console = logging.StreamHandler(sys.stderr)
            console.setLevel(logging.INFO if verbose else logging.WARNING)
            console.setFormatter(logging.Formatter("%(levelname)s %(name)s: %(message)s"))
            _add_handler(undo, root, console)
        log_file: Path | None = folder / "starlight.log"
        try:
            folder.mkdir(parents=True, exist_ok=True)
            faults = undo.enter_context(open(folder / "faults.txt", "a", encoding="utf-8"))
            handler = logging.handlers.RotatingFileHandler(folder / "starlight.log", maxBytes=LOG_BYTES,
                                                           backupCount=LOG_BACKUPS, encoding="utf-8")
        except OSError as exc:
            log.warning("cannot write the log in %s (%s): logging to the console only", folder, exc)
            log_file = None
        else:
            handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
            _add_handler(undo, root, handler)
            if not faulthandler.is_enabled():  # a developer's own (python -X faulthandler, pytest) stays
                faulthandler.enable(faults)
                undo.callback(faulthandler.disable)
            _redirect_missing_streams(undo, folder)
        previous_hook = threading.excepthook
        threading.excepthook = _log_thread_crash
        undo.callback(setattr, threading, "excepthook", previous_hook)
        yield log_file


def _add_handler(undo: ExitStack, logger: logging.Logger, handler: logging.Handler) -> None:
    logger.addHandler(handler)
    undo.callback(handler.close)
    undo.callback(logger.removeHandler, handler)


def _redirect_missing_streams(undo: ExitStack, folder: Path) -> None:
    """A windowed build has no console (sys.stdout and sys.stderr are None): what the game prints goes to a file."""
    if sys.stdout is not None and sys.stderr is not None:
        return
    stream = undo.enter_context(open(folder / "console.txt", "w", encoding="utf-8", buffering=1))  # noqa: SIM115 - for the session
    for name in ("stdout", "stderr"):
        if getattr(sys, name) is None:
            setattr(sys, name, stream)
            undo.callback(setattr, sys, name, None)


def _log_thread_crash(args: threading.ExceptHookArgs) -> None:
    """A background thread (music decoding, prefetch) died: into the log with its traceback, not lost on no console."""
    if args.exc_type is SystemExit:
        return
    name = args.thread.name if args.thread is not None else "?"
    log.error("thread %s crashed", name,
              exc_info=(args.exc_type, args.exc_value or args.exc_type(), args.exc_traceback))


# --- crash reports ---

def write_crash_report(folder: Path, exc: BaseException, log_file: Path | None) -> Path | None:
    """Write a readable report of ``exc`` to ``folder``; its path, or None when it could not be written.

    The report holds what a developer asks first: the version, the system, the arguments, the
    traceback, and the end of the log.  The newest ``REPORTS_KEPT`` reports are kept.
    """
    text = crash_report_text(exc, log_file)
    log.critical("crashed: %s", "".join(traceback.format_exception_only(exc)).strip(), exc_info=exc)
    stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
    try:
        folder.mkdir(parents=True, exist_ok=True)
        path = folder / f"crash-{stamp}.txt"
        number = 2
        while path.exists():
            path = folder / f"crash-{stamp}-{number}.txt"
            number += 1
        path.write_text(text, encoding="utf-8")
    except OSError as error:
        log.error("cannot write the crash report in %s: %s", folder, error)
        if sys.stderr is not None:
            print(text, file=sys.stderr)
        return None
    for old in sorted(folder.glob("crash-*.txt"), key=lambda p: p.stat().st_mtime)[:-REPORTS_KEPT]:
        old.unlink(missing_ok=True)
    return path


def crash_report_text(exc: BaseException, log_file: Path | None) -> str:
    lines = [
        f"{GAME_NAME} stopped because of an error.",
        "",
        f"version:   {__version__}{' (desktop build)' if getattr(sys, 'frozen', False) else ''}",
        f"time:      {datetime.now().isoformat(timespec='seconds')}",
        f"system:    {platform.platform()} ({platform.machine()})",
        f"python:    {platform.python_version()}",
        f"arguments: {sys.argv[1:]}",
        "",
        "".join(traceback.format_exception(exc)).rstrip(),
    ]
    tail = _log_tail(log_file)
    if tail:
        lines += ["", f"--- the end of the log ({log_file}) ---", tail.rstrip()]
    return "\n".join(lines) + "\n"


def _log_tail(log_file: Path | None) -> str:
    if log_file is None:
        return ""
    try:
        with open(log_file, "rb") as handle:
            handle.seek(max(0, handle.seek(0, os.SEEK_END) - LOG_TAIL_BYTES))
            return handle.read().decode("utf-8", errors="replace")
    except OSError:
        return ""


def crash_message(report: Path | None) -> str:
    if report is None:
        return (f"{GAME_NAME} stopped because of an error, and the crash report could not be saved "
                "(the user data folder is not writable).")
    return (f"{GAME_NAME} stopped because of an error.\n\nA report was saved to:\n{report}\n\n"
            "Please send this file along with your bug report.")


def tell_player(report: Path | None) -> None:
    """Say where the crash report is: on the console when there is one, and in a message box on a real display."""
    message = crash_message(report)
    if sys.stderr is not None:
        print(message, file=sys.stderr)
    if os.environ.get("SDL_VIDEODRIVER", "") in ("dummy", "offscreen"):
        return  # nothing would show (headless runs and tests)
    try:
        from pygame._sdl2.video import messagebox

        messagebox("Lost in Starlight", message, error=True, buttons=("OK",))
    except Exception as error:  # noqa: BLE001 - the report is written and the console told: a box that fails is logged
        log.warning("could not show the crash message box: %s", error)
