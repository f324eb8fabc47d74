"""Reading a small JSON document (settings, progress) without ever failing.

A missing file is simply absent.  A file that cannot be parsed as a JSON
object is set aside (see ``atomic.keep_damaged``) so that the next write does
not destroy it, and the caller gets a warning to show or log.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from .atomic import keep_damaged

MAX_BYTES = 16 * 1024 * 1024


def _parse(raw: bytes) -> dict[str, Any]:
    """The JSON object in ``raw``; ``ValueError`` for anything else."""
    if len(raw) > MAX_BYTES:
        raise ValueError(f"the file is too large ({len(raw)} bytes)")
    try:
        value = json.loads(raw.decode("utf-8-sig"))
    except RecursionError:
        raise ValueError("the JSON is nested too deeply") from None
    except ValueError as error:  # UnicodeDecodeError and JSONDecodeError are ValueErrors
        raise ValueError(str(error)) from None
    if not isinstance(value, dict):
        raise ValueError(f"expected a JSON object, found {type(value).__name__}")
    return value


def load_document(path: Path) -> tuple[dict[str, Any] | None, list[str]]:
    """The JSON object stored at ``path`` (None when missing or unusable) and warnings for the player."""
    path = Path(path)
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        return None, []
    except OSError as error:
        return None, [f"{path.name} could not be read ({error.strerror or error}); the defaults are used."]
    try:
        return _parse(raw), []
    except ValueError as error:
        reason = str(error)
    try:
        kept = keep_damaged(path)
    except OSError as error:
        return None, [f"{path.name} is damaged ({reason}) and could not be set aside "
                      f"({error.strerror or error}); the defaults are used."]
    return None, [f"{path.name} is damaged ({reason}); the defaults are used and the damaged file "
                  f"was kept as {kept.name}."]
