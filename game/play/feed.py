"""The phone-style view of the Mars message exchanges, derived from the lines already shown.

The story writes each exchange with plain steps (docs/story-bible.md, "The signal
delay"): a header line ``[ SOL 12 · ... ]``, her message spoken by Nan-young,
``[ ▲ SENT ... ]`` when it leaves, the wait, ``[ ▼ JAY · ... ]`` when his answer
arrives, then his lines.  This module reads that convention back out of the
lines seen so far, so the phone needs no state of its own: rollback, saves and a
language change all just work.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from game.story import model as m

SENT, RECEIVED_HEADER = "[ ▲", "[ ▼"
LOOKBACK = 80  # lines
QUIET_AFTER = 8  # lines of ordinary narration after the last message entry close the phone


@dataclass(frozen=True)
class Entry:
    kind: str  # "header" | "sent" | "status" | "incoming" | "received"
    line: m.Line


def _kind_of_header(text: str) -> str | None:
    if text.startswith(SENT):
        return "status"
    if text.startswith(RECEIVED_HEADER):
        return "incoming"
    if text.startswith("[") and text.rstrip().endswith("]"):
        return "header"
    return None


def message_feed(lines: Sequence[m.Line], primary: str, me: str, them: str) -> list[Entry]:
    """The entries of the exchange the latest line belongs to (empty when no exchange is under way).

    ``me`` is the character whose phone it is, ``them`` the one at the other end (the story's
    ``phone:`` declaration says who).
    """
    if not lines:
        return []
    recent = list(lines[-LOOKBACK:])
    scene = recent[-1].sid.scene if recent[-1].sid else None
    start = None
    for i in range(len(recent) - 1, -1, -1):
        line = recent[i]
        if line.sid is not None and line.sid.scene != scene:
            break
        if line.speaker == m.NARRATOR and _kind_of_header(line.text.get(primary)) == "header":
            start = i
            break
    if start is None:
        return []
    entries: list[Entry] = []
    pending: m.Line | None = None
    receiving = False
    quiet = 0
    for line in recent[start:]:
        kind = _kind_of_header(line.text.get(primary)) if line.speaker == m.NARRATOR else None
        if kind == "header":
            entries.append(Entry("header", line))
            receiving, pending, quiet = False, None, 0
        elif kind == "status":
            if pending is not None:
                entries.append(Entry("sent", pending))
                pending = None
            entries.append(Entry("status", line))
            receiving, quiet = False, 0
        elif kind == "incoming":
            entries.append(Entry("incoming", line))
            receiving, quiet = True, 0
        elif line.speaker == them and receiving:
            entries.append(Entry("received", line))
            quiet = 0
        elif line.speaker == me:
            pending, receiving = line, False
            quiet += 1
        else:
            receiving = False
            quiet += 1
    if quiet > QUIET_AFTER or not any(e.kind in ("status", "incoming") for e in entries):
        return []
    return entries
