"""Writing files so that a crash leaves either the old file or the new one, never half of either.

``write_atomic`` writes a temporary file in the same folder, flushes it to the
disk, and renames it over the target (a rename within one folder is atomic on
every platform we ship to); then it syncs the folder, where the platform
allows, so that the rename itself survives a power cut.  The temporary file is
removed if anything fails, and the old file is untouched.

``keep_damaged`` is the other half of never losing data: a file that cannot
be read is renamed aside before anything is written in its place.
"""

from __future__ import annotations

import contextlib
import json
import os
import tempfile
from datetime import datetime
from pathlib import Path
from typing import Any

DAMAGED_MARK = ".damaged-"


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
    folder.mkdir(parents=True, exist_ok=True)
    fd, temp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=folder)
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
    return target
