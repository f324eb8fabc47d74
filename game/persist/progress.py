"""What the player keeps across playthroughs, in ``progress.json``: endings seen and lines read.

Lines are keyed by the string form of their step identity (``str(StepId)``),
which survives edits elsewhere in the story, so "skip read lines only" keeps
working after an update.  Loading never fails and never loses data: a damaged
file is kept aside, and within a readable file each entry that is not a
short string is dropped on its own, as are entries past ``MAX_ENTRIES`` (the
original file is then kept aside).

>>> progress = Progress()
>>> progress.mark_read("intro.+0#ab12")
>>> progress.is_read("intro.+0#ab12"), progress.is_read("intro.+1#cd34")
(True, False)
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ._document import load_document
from .atomic import keep_damaged, write_json
from .schema import SchemaError, Text

MAX_ENTRIES = 1_000_000  # lines read or endings seen kept from one file
_KEY = Text(512)  # a step identity or an ending id


@dataclass
class Progress:
    endings_seen: set[str] = field(default_factory=set)
    lines_read: set[str] = field(default_factory=set)

    def mark_read(self, key: str) -> None:
        self.lines_read.add(key)

    def is_read(self, key: str) -> bool:
        return key in self.lines_read

    def record_ending(self, ending_id: str) -> None:
        self.endings_seen.add(ending_id)

    def to_json(self) -> dict[str, Any]:
        return {"endings_seen": sorted(self.endings_seen), "lines_read": sorted(self.lines_read)}


def _strings(raw: dict[str, Any], name: str, warnings: list[str]) -> set[str]:
    value = raw.get(name, [])
    if not isinstance(value, list):
        warnings.append(f"{name} must be a list of strings, not {type(value).__name__}; it was reset.")
        return set()
    kept: set[str] = set()
    dropped = max(0, len(value) - MAX_ENTRIES)
    for item in value[:MAX_ENTRIES]:
        try:
            kept.add(_KEY.check(item))
        except SchemaError:
            dropped += 1
    if dropped:
        warnings.append(f"{name}: {dropped:,} entr{'y' if dropped == 1 else 'ies'} that were not strings of at most "
                        f"{_KEY.max_length} characters (or past {MAX_ENTRIES:,}) were dropped.")
    return kept


def progress_from_json(raw: dict[str, Any]) -> tuple[Progress, list[str]]:
    """Progress from a parsed ``progress.json``, keeping every valid entry; warnings say what was dropped."""
    warnings: list[str] = []
    endings = _strings(raw, "endings_seen", warnings)
    lines = _strings(raw, "lines_read", warnings)
    return Progress(endings, lines), warnings


def load_progress(path: Path) -> tuple[Progress, list[str]]:
    """The progress stored at ``path`` and warnings for the player; never raises.

    Missing file: nothing seen yet.  Damaged file: nothing seen yet, and the
    file is kept as ``progress.json.damaged-<timestamp>``.
    """
    raw, warnings = load_document(path)
    if raw is None:
        return Progress(), warnings
    progress, problems = progress_from_json(raw)
    warnings += [f"{Path(path).name}: {problem}" for problem in problems]
    if problems:
        warnings.append(_keep_original(Path(path), progress))
    return progress, warnings


def _keep_original(path: Path, progress: Progress) -> str:
    """Set a partly invalid file aside and store what was kept, so neither half is ever lost."""
    try:
        kept = keep_damaged(path)
        save_progress(path, progress)
    except OSError as error:
        return f"{path.name} could not be repaired ({error.strerror or error})."
    return f"The original {path.name} was kept as {kept.name}."


def save_progress(path: Path, progress: Progress) -> None:
    """Write ``progress`` to ``path`` atomically (sorted lists); raises ``OSError`` when the disk refuses."""
    write_json(path, progress.to_json())
