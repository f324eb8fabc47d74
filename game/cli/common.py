"""What every command shares: exit codes, story folders, output places, the exploration caps."""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from game.paths import shipped_story

if TYPE_CHECKING:
    from game.story.model import Story


EXIT_OK, EXIT_PROBLEMS, EXIT_USAGE = 0, 1, 2


MB = 1024 * 1024


class CannotWrite(Exception):
    """An output place the command cannot write to; ``str()`` is the line to print."""


def failure_reason(exc: OSError) -> str:
    return exc.strerror or str(exc)


def check_output(path: Path, folder: bool = False) -> None:
    """CannotWrite unless ``path`` can be made as a file (or, with ``folder``, a folder to write into).

    Catches what can be seen before writing: a folder where a file is wanted (or
    a file where a folder is), a path under a file, a folder we may not write
    into.  A full disk shows only when writing (``write_output``).
    """
    if path.is_dir() and not folder:
        raise CannotWrite(f"cannot write {path}: it is a folder")
    if path.exists() and folder and not path.is_dir():
        raise CannotWrite(f"cannot write to {path}: it is a file, not a folder")
    existing = path if folder and path.is_dir() else path.parent
    while not existing.exists() and existing != existing.parent:
        existing = existing.parent
    if not existing.is_dir():
        raise CannotWrite(f"cannot write {path}: {existing} is a file, not a folder")
    if not os.access(existing, os.W_OK | os.X_OK):
        raise CannotWrite(f"cannot write {path}: the folder {existing} is not writable")
    if path.exists() and not folder and not os.access(path, os.W_OK):
        raise CannotWrite(f"cannot write {path}: the file is not writable")


def write_output(path: Path, data: str | bytes) -> None:
    """Write ``data`` to ``path`` (making its folder); CannotWrite with the system's reason when that fails."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(data, str):
            path.write_text(data, encoding="utf-8")
        else:
            path.write_bytes(data)
    except OSError as exc:
        raise CannotWrite(f"cannot write {path}: {failure_reason(exc)}") from None


class Stop(Exception):
    """The command ends here with exit status ``code``; what went wrong has been printed already."""

    def __init__(self, code: int) -> None:
        super().__init__(code)
        self.code = code


def story_dir(value: str | None) -> Path:
    return Path(value) if value else shipped_story()


def story_folder(value: str | Path | None) -> Path:
    """The story folder a command was given (the shipped story by default); Stop(EXIT_USAGE) if it is none."""
    path = Path(value) if value else shipped_story()
    if not path.is_dir():
        print(f"starlight: no such story folder: {path}", file=sys.stderr)
        raise Stop(EXIT_USAGE)
    manifest = path / "story.yaml"
    if not manifest.is_file():
        why = "its story.yaml is not a regular file" if os.path.lexists(manifest) else "it has no story.yaml"
        print(f"starlight: {path} is not a story folder ({why})", file=sys.stderr)
        raise Stop(EXIT_USAGE)
    return path


def story_in(root: Path) -> Story:
    """The story of folder ``root``; Stop(EXIT_PROBLEMS) after printing why it does not load."""
    from game.story.loader import read_story

    loaded = read_story(root)
    if loaded.story is None:
        for problem in loaded.errors:
            print(problem, file=sys.stderr)
        print(f"starlight: the story in {root} does not load ({len(loaded.errors)} error(s)); "
              "`starlight check` says more", file=sys.stderr)
        raise Stop(EXIT_PROBLEMS)
    return loaded.story


def add_caps(parser: argparse.ArgumentParser) -> None:
    from game.check.limits import DEFAULT_MAX_MEMORY, DEFAULT_MAX_STATES

    parser.add_argument("--max-states", type=int, default=DEFAULT_MAX_STATES, help="stop exploring after this many states")
    parser.add_argument("--max-memory", type=int, default=DEFAULT_MAX_MEMORY // MB, metavar="MB",
                        help="stop exploring when the explorer's structures reach about this many megabytes")
