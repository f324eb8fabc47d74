"""Writing files so that a crash leaves either the old file or the new one, never half of either.

``write_atomic`` writes a temporary file in the same folder, flushes it to the
disk, and renames it over the target (a rename within one folder is atomic on
every platform we ship to); then it syncs the folder, where the platform
allows, so that the rename itself survives a power cut.  The temporary file is
removed if anything fails, and the old file is untouched.

A folder the write creates is made durable too (its parent is synced), and
``keep_damaged``, the other half of never losing data, renames a file that
cannot be read aside (and syncs the folder) before anything is written in its
place.

A write killed between creating its temporary file and the rename leaves that
file behind; ``clean_stale_temps`` removes such files at start-up: only names
``write_atomic`` makes, only regular files, only once they are a minute old
(a write still running elsewhere is never touched).
"""

from __future__ import annotations

import contextlib
import json
import os
import re
import stat
import tempfile
import time
from datetime import datetime
from pathlib import Path
from typing import Any

DAMAGED_MARK = ".damaged-"
TEMP_SUFFIX = ".tmp"
STALE_AFTER = 60.0  # seconds: a temporary file this old belongs to a write that died
# ".<target>.<8 random characters of mkstemp>.tmp", for the JSON files we write
_TEMP_NAME = re.compile(r"\.[^/\\]+\.json\.[a-z0-9_]{8}\.tmp")


def _fsync_folder(folder: Path) -> None:
    """Make a rename in ``folder`` durable; a no-op where folders cannot be opened (Windows)."""
    if not hasattr(os, "O_DIRECTORY"):
        return
    try:
        fd = os.open(folder, os.O_RDONLY | os.O_DIRECTORY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass  # some file systems refuse to sync a folder; the data itself is already synced
    finally:
        os.close(fd)


def write_atomic(path: Path, data: bytes) -> None:
    """Replace ``path`` with ``data`` atomically, creating its folder if needed.

    Raises ``OSError`` when the file cannot be written; ``path`` is then as it was.
    """
    path = Path(path)
    folder = path.parent
    _make_folder(folder)
    fd, temp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=TEMP_SUFFIX, dir=folder)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(temp, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(temp)
        raise
    _fsync_folder(folder)


def _make_folder(folder: Path) -> None:
    """Create ``folder`` and its missing parents, syncing the parent of each one created."""
    missing: list[Path] = []
    current = folder
    while not current.is_dir() and current.parent != current:
        missing.append(current)
        current = current.parent
    if not missing:
        return
    folder.mkdir(parents=True, exist_ok=True)
    for created in reversed(missing):
        _fsync_folder(created.parent)


def clean_stale_temps(folder: Path, max_age: float = STALE_AFTER, now: float | None = None) -> list[Path]:
    """Remove the temporary files interrupted writes left in ``folder``; returns what was removed.

    Only names ``write_atomic`` makes for JSON files, only regular files, only
    those last changed ``max_age`` seconds or more ago.  Never raises: what
    cannot be listed or removed is left alone.
    """
    moment = time.time() if now is None else now
    removed: list[Path] = []
    try:
        entries = os.scandir(folder)
    except OSError:
        return removed
    with entries:
        for entry in entries:
            if not _TEMP_NAME.fullmatch(entry.name):
                continue
            try:
                info = entry.stat(follow_symlinks=False)
                if stat.S_ISREG(info.st_mode) and moment - info.st_mtime >= max_age:
                    os.unlink(entry.path)
                    removed.append(Path(entry.path))
            except OSError:
                continue
    return removed


def dumps(obj: Any) -> bytes:
    """The house JSON style: UTF-8, readable (indent 1), keys sorted so diffs stay small."""
    return json.dumps(obj, ensure_ascii=False, indent=1, sort_keys=True).encode("utf-8") + b"\n"


def write_json(path: Path, obj: Any) -> None:
    """Write ``obj`` as JSON to ``path`` atomically (see ``dumps`` for the style)."""
    write_atomic(path, dumps(obj))


def keep_damaged(path: Path, now: datetime | None = None) -> Path:
    """Rename ``path`` to ``<name>.damaged-<timestamp>`` beside it and return the new path.

    The name never collides with an earlier damaged copy.  Raises ``OSError``
    if the rename fails (then nothing must be written over ``path``).
    """
    path = Path(path)
    stamp = (now or datetime.now()).strftime("%Y%m%d-%H%M%S")
    target = path.with_name(f"{path.name}{DAMAGED_MARK}{stamp}")
    n = 1
    while target.exists():
        n += 1
        target = path.with_name(f"{path.name}{DAMAGED_MARK}{stamp}-{n}")
    os.replace(path, target)
    _fsync_folder(path.parent)
    return target
