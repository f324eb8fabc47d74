"""Runtime states as JSON, and back, even after the story was edited.

A snapshot names positions by stable step identity (scene, nearest label,
offset, content digest) rather than by op number, so a save made before a
writer edited a scene still loads: at its step when that step still exists
(where it was, or moved), at the step now standing in its place when it was
edited in place, else at the nearest label before it, with a notice saying so.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from . import model as m
from .runtime import State

FORMAT = 1


class SnapshotError(Exception):
    """A snapshot that cannot be turned back into a state of this story."""


@dataclass
class Restored:
    state: State
    notices: list[str] = field(default_factory=list)  # what had to be adjusted, for the player


def _previous_digest(ops: tuple[m.Op, ...], pc: int) -> str | None:
    """The digest of the source step before ``pc``: context that tells repeated steps apart."""
    for before in range(pc - 1, -1, -1):
        sid = ops[before].sid
        if sid is not None:
            return sid.digest
    return None


def _step_ref(story: m.Story, scene: int, pc: int) -> dict[str, Any]:
    ops = story.scenes[scene].ops
    op = ops[pc]
    if op.sid is None:
        raise SnapshotError(f"no step identity at {story.scenes[scene].id}:{pc}")
    return {"step": op.sid.as_json(), "pc": pc, "after_step": _previous_digest(ops, pc), "what": _what(op)}


def _what(op: m.Op) -> str:
    """The kind of a step (and a line's speaker): what an edit in place keeps."""
    return f"line:{op.speaker}" if isinstance(op, m.Line) else type(op).__name__


def _return_ref(story: m.Story, scene: int, pc: int) -> dict[str, Any]:
    ops = story.scenes[scene].ops
    if pc > 0 and isinstance(ops[pc - 1], m.Call):
        return {"after": _step_ref(story, scene, pc - 1)}
    return {"at": _step_ref(story, scene, pc)}  # a map step that a hotspot call comes back to


def to_json(story: m.Story, state: State) -> dict[str, Any]:
    """A JSON-ready description of ``state`` that survives edits elsewhere in the story."""
    return {
        "format": FORMAT,
        "at": _step_ref(story, state.scene, state.pc),
        "stack": [_return_ref(story, scene, pc) for scene, pc in state.stack],
        "vars": {var.name: value for var, value in zip(story.variables, state.vars)},
        "visited": [key for i, key in enumerate(story.tracked) if state.visited >> i & 1],
    }


def locate(story: m.Story, ref: Any, notices: list[str]) -> tuple[int, int]:
    """(scene, pc) of a step reference; falls back to the nearest label, then the scene start."""
    try:
        sid = m.StepId.from_json(ref["step"])
        hint = ref.get("pc")
    except (KeyError, TypeError, ValueError):
        raise SnapshotError(f"not a step reference: {ref!r}") from None
    index = story.scene_index.get(sid.scene)
    if index is None:
        raise SnapshotError(f"the scene {sid.scene!r} is no longer in the story")
    ops = story.scenes[index].ops
    if isinstance(hint, int) and 0 <= hint < len(ops) and ops[hint].sid == sid:
        return index, hint
    exact = [pc for pc, op in enumerate(ops) if op.sid == sid]
    if exact:
        return index, exact[0]
    # The step moved: the same content under the same label; prefer the one that
    # still follows the same step, then the one nearest to where it was.
    context = ref.get("after_step")
    moved = [(_previous_digest(ops, pc) != context, abs(op.sid.offset - sid.offset), pc)
             for pc, op in enumerate(ops)
             if op.sid is not None and op.sid.digest == sid.digest and op.sid.label == sid.label]
    if moved:
        return index, min(moved)[2]
    # The step was edited in place: the same kind of step (a line by the same speaker)
    # stands where it stood.
    what = ref.get("what")
    for pc, op in enumerate(ops):
        if (what is not None and op.sid is not None and op.sid.label == sid.label
                and op.sid.offset == sid.offset and _what(op) == what):
            return index, pc
    label_pc = story.scenes[index].labels.get(sid.label, 0) if sid.label else 0
    where = f"label {sid.label!r}" if sid.label and sid.label in story.scenes[index].labels else "its start"
    notices.append(f"The scene {sid.scene!r} was edited since this save; resuming at {where}.")
    return index, label_pc


def from_json(story: m.Story, data: Any) -> Restored:
    """The state a snapshot describes, adjusted to the current story; raise SnapshotError if impossible."""
    if not isinstance(data, dict) or data.get("format") != FORMAT:
        version = data.get("format") if isinstance(data, dict) else None
        raise SnapshotError(f"unsupported snapshot format {version!r} (this game reads {FORMAT})")
    notices: list[str] = []
    scene, pc = locate(story, data.get("at"), notices)
    stack = []
    for entry in data.get("stack", []):
        if not isinstance(entry, dict):
            raise SnapshotError(f"not a return point: {entry!r}")
        if "after" in entry:
            s, p = locate(story, entry["after"], notices)
            if isinstance(story.scenes[s].ops[p], m.Call):
                p += 1
            stack.append((s, p))
        else:
            stack.append(locate(story, entry.get("at"), notices))
    if len(stack) > m.MAX_CALL_DEPTH:
        raise SnapshotError("the call stack is deeper than a story allows")
    values = list(story.defaults())
    saved = data.get("vars", {})
    if not isinstance(saved, dict):
        raise SnapshotError("`vars` must be a mapping")
    for i, var in enumerate(story.variables):
        if var.name not in saved:
            continue
        value = saved[var.name]
        if _valid(var, value):
            values[i] = value
        else:
            notices.append(f"The saved value of {var.name!r} no longer fits; it is reset to its default.")
    visited = 0
    for key in data.get("visited", []):
        if key in story.tracked:
            visited |= 1 << story.tracked.index(key)
    return Restored(State(scene, pc, tuple(stack), tuple(values), visited), notices)


def _valid(var: m.Variable, value: Any) -> bool:
    if var.type == "int":
        return type(value) is int and var.min <= value <= var.max
    if var.type == "bool":
        return type(value) is bool
    return value in var.values
