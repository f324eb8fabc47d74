"""Reading a small JSON document (settings, progress) without ever failing.

A missing file is simply absent.  The file's kind and size are checked before
anything is read (a FIFO or a device named ``settings.json`` is refused at
once, never waited on).  A file that is too large or cannot be parsed as a
JSON object is set aside (see ``atomic.keep_damaged``) so that the next write
does not destroy it, and the caller gets a warning to show or log.  Reading
a document is what the game does at start-up, so it also removes the
temporary files interrupted writes left beside it (``clean_stale_temps``).
"""

from __future__ import annotations

import json
import os
import stat
from pathlib import Path
from typing import Any

from game.story.files import FileRefused, read_limited

from .atomic import clean_stale_temps, keep_damaged

MAX_BYTES = 16 * 1024 * 1024


def _parse(raw: bytes) -> dict[str, Any]:
    """The JSON object in ``raw``; ``ValueError`` for anything else."""
    try:
        value = json.loads(raw.decode("utf-8-sig"))
    except RecursionError:
        raise ValueError("the JSON is nested too deeply") from None
    except ValueError as error:  # UnicodeDecodeError and JSONDecodeError are ValueErrors
        raise ValueError(str(error)[:200]) from None
    if not isinstance(value, dict):
        raise ValueError(f"expected a JSON object, found {type(value).__name__}")
    return value


def _read(path: Path, limit: int) -> bytes:
    """The bytes of ``path``; OSError if it cannot be read, ValueError if it is too large to be ours."""
    info = os.stat(path)
    if not stat.S_ISREG(info.st_mode):
        raise OSError(f"{path.name} is not a file")
    if info.st_size > limit:
        raise ValueError(f"the file is too large ({info.st_size:,} bytes; at most {limit:,})")
    try:
        return read_limited(path, limit)
    except FileRefused as error:  # it changed since the stat
        raise OSError(str(error)[:200]) from None


def load_document(path: Path, limit: int = MAX_BYTES) -> tuple[dict[str, Any] | None, list[str]]:
    """The JSON object stored at ``path`` (None when missing or unusable) and warnings for the player."""
    path = Path(path)
    clean_stale_temps(path.parent)
    try:
        return _parse(_read(path, limit)), []
    except FileNotFoundError:
        return None, []
    except OSError as error:
        return None, [f"{path.name} could not be read ({error.strerror or error}); the defaults are used."]
    except ValueError as error:
        reason = str(error)
    try:
        kept = keep_damaged(path)
    except OSError as error:
        return None, [f"{path.name} is damaged ({reason}) and could not be set aside "
                      f"({error.strerror or error}); the defaults are used."]
    return None, [f"{path.name} is damaged ({reason}); the defaults are used and the damaged file "
                  f"was kept as {kept.name}."]
