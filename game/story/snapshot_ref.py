"""Reading a saved step reference strictly: names, offsets, digests and context, each bounded.

``snapshot`` stores positions as these references; anything that is not one (wrong
type, too long, out of range) is a ``SnapshotError`` short enough for a slot card.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from . import model as m

NAME_LENGTH = 200  # scene, label, variable and visited names in a snapshot
DIGEST_LENGTH = 64
TRAIL_LENGTH = 4  # steps before a position kept as its context
ANCHOR_COUNT = 8  # labels and choices a position can fall back to
OPTION_DEPTH = 16  # nested options recorded for a position
MAX_OFFSET = 10_000_000
MESSAGE_LENGTH = 84  # so that "This save no longer fits the story: ..." fits a slot card (120)
_QUOTE = 40


class SnapshotError(Exception):
    """A snapshot that cannot be turned back into a state of this story (at most MESSAGE_LENGTH characters)."""

    def __init__(self, message: str) -> None:
        super().__init__(message if len(message) <= MESSAGE_LENGTH else message[:MESSAGE_LENGTH - 1] + "…")


def shown(value: Any) -> str:
    if isinstance(value, str):
        text = repr(value[:_QUOTE])
        return text if len(value) <= _QUOTE and len(text) <= _QUOTE + 2 else text[:_QUOTE - 1] + "…'"
    if isinstance(value, (bool, float)) or value is None or (isinstance(value, int) and abs(value) < 10**9):
        return repr(value)
    return "a list" if isinstance(value, list) else "a mapping" if isinstance(value, dict) else type(value).__name__




@dataclass(frozen=True)
class Ref:
    sid: m.StepId
    pc: int | None = None
    what: str | None = None
    after_step: str | None = None  # format 1's context: the digest of the op before
    trail: tuple[str, ...] | None = None  # None: no context recorded (format 1)
    options: tuple[str, ...] | None = None
    anchors: tuple[tuple[str, Any], ...] = ()


def read_name(value: Any, where: str, nullable: bool = False) -> Any:
    if value is None and nullable:
        return None
    if not isinstance(value, str) or not value or len(value) > NAME_LENGTH:
        raise SnapshotError(f"{where} must be a name of at most {NAME_LENGTH} characters, not {shown(value)}")
    return value


def read_whole(value: Any, where: str, high: int) -> int:
    if isinstance(value, bool) or not isinstance(value, int) or not 0 <= value <= high:
        raise SnapshotError(f"{where} must be a whole number from 0 to {high:,}, not {shown(value)}")
    return value


def read_digest(value: Any, where: str) -> str:
    if not isinstance(value, str) or len(value) > DIGEST_LENGTH:
        raise SnapshotError(f"{where} must be a digest, not {shown(value)}")
    return value


def read_digests(value: Any, where: str, limit: int) -> tuple[str, ...]:
    if not isinstance(value, list) or len(value) > limit:
        raise SnapshotError(f"{where} must be a list of at most {limit} digests")
    return tuple(read_digest(item, f"{where}[{i}]") for i, item in enumerate(value))


def read_triple(value: Any, scene: str, where: str, first: int = 0) -> m.StepId:
    """A step identity from ``[label, offset, digest]`` (at ``first`` in ``value``) in ``scene``."""
    if not isinstance(value, list) or len(value) != first + 3:
        raise SnapshotError(f"{where} must be [label, offset, digest]")
    label, offset, digest = value[first:]
    return m.StepId(scene, read_name(label, f"{where}[{first}]", nullable=True),
                    read_whole(offset, f"{where}[{first + 1}]", MAX_OFFSET), read_digest(digest, f"{where}[{first + 2}]"))


def read_anchor(value: Any, scene: str, where: str) -> tuple[str, Any]:
    if isinstance(value, dict) and len(value) == 1 and "label" in value:
        return "label", read_name(value["label"], f"{where}.label")
    if isinstance(value, dict) and len(value) == 1 and "choice" in value:
        return "choice", read_triple(value["choice"], scene, f"{where}.choice")
    raise SnapshotError(f"{where} must be {{\"label\": name}} or {{\"choice\": [label, offset, digest]}}")


def parse_ref(raw: Any, where: str) -> Ref:
    if not isinstance(raw, dict):
        raise SnapshotError(f"{where} is not a step reference")
    step = raw.get("step")
    if not isinstance(step, list) or len(step) != 4:
        raise SnapshotError(f"{where}.step must be [scene, label, offset, digest]")
    sid = read_triple(step, read_name(step[0], f"{where}.step[0]"), f"{where}.step", first=1)
    pc = raw.get("pc")
    what = raw.get("what")
    after = raw.get("after_step")
    anchors = raw.get("anchors", [])
    if not isinstance(anchors, list) or len(anchors) > ANCHOR_COUNT:
        raise SnapshotError(f"{where}.anchors must be a list of at most {ANCHOR_COUNT} entries")
    return Ref(
        sid,
        None if pc is None else read_whole(pc, f"{where}.pc", 10 * MAX_OFFSET),
        None if what is None else read_name(what, f"{where}.what"),
        None if after is None else read_digest(after, f"{where}.after_step"),
        None if "trail" not in raw else read_digests(raw["trail"], f"{where}.trail", TRAIL_LENGTH),
        None if "options" not in raw else read_digests(raw["options"], f"{where}.options", OPTION_DEPTH),
        tuple(read_anchor(a, sid.scene, f"{where}.anchors[{i}]") for i, a in enumerate(anchors)),
    )
