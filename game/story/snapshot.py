"""Runtime states as JSON, and back, even after the story was edited.

A snapshot names positions by stable step identity (scene, nearest label,
offset, content digest) rather than by op number, with a little context: the
steps just before it in reading order (``trail``), the labels and choices it
can fall back to (``anchors``) and the options whose branch holds it
(``options``, as digests of their text).  A save made before a writer edited a
scene therefore still loads:

- at its step when that step still exists (where it was, moved, or under
  another label because its label was deleted), in the same option's branch;
- at the step now standing in its place when it was edited in place;
- else at the nearest surviving point before it: a label, or the choice whose
  option held it (a removed option is never swapped for another), else the
  scene's start, and a notice says the place changed.

Reading is strict: what is not a snapshot of this story (wrong types, a stack
deeper than a story allows, a return point that is not right after a call or
at a map, a save at a ``return`` with nothing to return to) is a
``SnapshotError`` with a short message, never another exception.  Format 1
(no context) is still read.
"""

from __future__ import annotations

import hashlib
from collections import Counter
from dataclasses import dataclass, field
from itertools import islice
from typing import Any

from . import model as m
from .blocks import SceneBlocks
from .runtime import Runtime, State, StoryRuntimeError
from .snapshot_ref import ANCHOR_COUNT, OPTION_DEPTH, TRAIL_LENGTH, Ref, SnapshotError, parse_ref, shown

FORMAT = 2
READABLE_FORMATS = (1, 2)
MAX_VARIABLES = 10_000
MAX_VISITED = 100_000
_VALUE_TYPES = (int, bool, str)

__all__ = ["FORMAT", "MAX_VARIABLES", "MAX_VISITED", "READABLE_FORMATS", "Restored", "SnapshotError", "from_json",
           "to_json"]


@dataclass
class Restored:
    state: State
    notices: list[str] = field(default_factory=list)  # what had to be adjusted, for the player


def _what(op: m.Op) -> str:
    """The kind of a step (and a line's speaker): what an edit in place keeps."""
    return f"line:{op.speaker}" if isinstance(op, m.Line) else type(op).__name__


def _text_digest(text: m.Text) -> str:
    primary = text.values[0][1] if text.values else ""
    return hashlib.blake2b(primary.encode("utf-8", "surrogatepass"), digest_size=5).hexdigest()


class _Scene:
    """One scene's ops and the context of its positions, worked out once per snapshot."""

    def __init__(self, story: m.Story, index: int) -> None:
        scene = story.scenes[index]
        self.index = index
        self.id = scene.id
        self.ops = tuple(scene.ops)
        self.labels = scene.labels
        self._blocks: SceneBlocks | None = None
        self._by_digest: dict[str, list[int]] | None = None

    @property
    def blocks(self) -> SceneBlocks:
        if self._blocks is None:
            self._blocks = SceneBlocks(self.ops)
        return self._blocks

    def with_digest(self, digest: str) -> list[int]:
        if self._by_digest is None:
            self._by_digest = {}
            for pc, op in enumerate(self.ops):
                if op.sid is not None:
                    self._by_digest.setdefault(op.sid.digest, []).append(pc)
        return self._by_digest.get(digest, [])

    def options(self, pc: int) -> tuple[str, ...]:
        """Digests of the options whose branch holds ``pc``, innermost first."""
        chain = []
        for choice_pc, index in self.blocks.options_of(pc)[:OPTION_DEPTH]:
            choice = self.ops[choice_pc]
            assert isinstance(choice, m.Choice)
            chain.append(_text_digest(choice.options[index].text))
        return tuple(chain)

    def trail(self, pc: int) -> list[str]:
        return [self._sid(q).digest for q in islice(self.blocks.before(pc), TRAIL_LENGTH)]

    def anchors(self, pc: int) -> list[dict[str, Any]]:
        """The labels before ``pc`` and the choices whose options hold it, nearest first."""
        enclosing = {owner for owner, _ in self.blocks.options_of(pc)}
        found: list[dict[str, Any]] = []
        for q in self.blocks.before(pc):
            op = self.ops[q]
            if isinstance(op, m.LabelStep):
                found.append({"label": op.name})
            elif q in enclosing:
                sid = self._sid(q)
                found.append({"choice": [sid.label, sid.offset, sid.digest]})
            if len(found) == ANCHOR_COUNT:
                break
        return found

    def _sid(self, pc: int) -> m.StepId:
        sid = self.ops[pc].sid
        if sid is None:
            raise SnapshotError(f"no step identity at {self.id}:{pc}")
        return sid


class _Scenes(dict[int, _Scene]):
    def __init__(self, story: m.Story) -> None:
        super().__init__()
        self.story = story

    def __missing__(self, index: int) -> _Scene:
        scene = self[index] = _Scene(self.story, index)
        return scene


# --- writing ---


def _step_ref(scene: _Scene, pc: int, anchors: bool = True) -> dict[str, Any]:
    ref: dict[str, Any] = {"step": scene._sid(pc).as_json(), "pc": pc, "what": _what(scene.ops[pc]),
                           "trail": scene.trail(pc), "options": list(scene.options(pc))}
    if anchors:
        ref["anchors"] = scene.anchors(pc)
    return ref


def _return_ref(scene: _Scene, pc: int) -> dict[str, Any]:
    if pc > 0 and isinstance(scene.ops[pc - 1], m.Call):
        return {"after": _step_ref(scene, pc - 1, anchors=False)}
    return {"at": _step_ref(scene, pc, anchors=False)}  # a map step that a hotspot call comes back to


def to_json(story: m.Story, state: State) -> dict[str, Any]:
    """A JSON-ready description of ``state`` that survives edits elsewhere in the story."""
    scenes = _Scenes(story)
    return {
        "format": FORMAT,
        "at": _step_ref(scenes[state.scene], state.pc),
        "stack": [_return_ref(scenes[scene], pc) for scene, pc in state.stack],
        "vars": {var.name: value for var, value in zip(story.variables, state.vars)},
        "visited": [key for i, key in enumerate(story.tracked) if state.visited >> i & 1],
    }


# --- finding a step in the current story ---


def _context(scene: _Scene, ref: Ref, pc: int) -> int:
    """How much of the saved step's surroundings ``pc`` shares (higher is closer)."""
    if ref.trail is not None:
        return sum((Counter(ref.trail) & Counter(scene.trail(pc))).values())
    before = next((scene.ops[q].sid for q in range(pc - 1, -1, -1) if scene.ops[q].sid is not None), None)
    return int(ref.after_step is not None and before is not None and before.digest == ref.after_step)


def _find_step(scene: _Scene, ref: Ref) -> int | None:
    """Where the saved step stands now (or the step edited in its place); None when it is gone."""
    ops, sid = scene.ops, ref.sid

    def fits(pc: int) -> bool:  # never in another option's branch than the one the save was in
        return ref.options is None or scene.options(pc) == ref.options

    if ref.pc is not None and ref.pc < len(ops) and ops[ref.pc].sid == sid and fits(ref.pc):
        return ref.pc
    same = [pc for pc in scene.with_digest(sid.digest) if fits(pc)]
    exact = [pc for pc in same if ops[pc].sid == sid]
    if exact:
        return exact[0]
    moved = [pc for pc in same if scene._sid(pc).label == sid.label]
    if moved:  # the same content under the same label: the closest context, then the nearest offset
        return min(moved, key=lambda pc: (-_context(scene, ref, pc), abs(scene._sid(pc).offset - sid.offset), pc))
    if same:  # its label was removed or renamed: only where the context says it is this step
        ranked = sorted(((_context(scene, ref, pc), pc) for pc in same), key=lambda c: (-c[0], c[1]))
        if len(ranked) == 1 or ranked[0][0] > ranked[1][0]:
            return ranked[0][1]
    if ref.what is not None:  # edited in place: the same kind of step stands where it stood
        for pc, op in enumerate(ops):
            if (op.sid is not None and op.sid.label == sid.label and op.sid.offset == sid.offset
                    and _what(op) == ref.what and fits(pc)):
                return pc
    return None


def _fall_back(scene: _Scene, ref: Ref, notices: list[str]) -> int:
    """The nearest surviving point before a step that is gone, with a notice saying so."""
    edited = f"The scene {shown(scene.id)} was edited since this save; resuming"
    choices_passed = 0
    for kind, value in ref.anchors:
        if kind == "label":
            pc = scene.labels.get(value)
            if pc is not None:
                notices.append(f"{edited} at the label {shown(value)}.")
                return pc
            continue
        choices_passed += 1
        outer = None if ref.options is None else ref.options[choices_passed:]
        pc = _find_step(scene, Ref(value, what="Choice", options=outer))
        if pc is not None and isinstance(scene.ops[pc], m.Choice):
            notices.append(f"{edited} at the choice before it.")
            return pc
    label = ref.sid.label
    if ref.trail is None and label is not None and label in scene.labels:  # format 1: its own label
        notices.append(f"{edited} at the label {shown(label)}.")
        return scene.labels[label]
    notices.append(f"{edited} at its start.")
    return 0


def _scene_of(story: m.Story, scenes: _Scenes, ref: Ref) -> _Scene:
    index = story.scene_index.get(ref.sid.scene)
    if index is None:
        raise SnapshotError(f"the scene {shown(ref.sid.scene)} is no longer in the story")
    return scenes[index]


def _return_point(story: m.Story, scenes: _Scenes, entry: Any, where: str) -> tuple[int, int]:
    if not isinstance(entry, dict) or len(entry) != 1 or not ("after" in entry or "at" in entry):
        raise SnapshotError(f"{where} must be {{\"after\": step}} or {{\"at\": step}}")
    after = "after" in entry
    ref = parse_ref(entry["after" if after else "at"], f"{where}.{'after' if after else 'at'}")
    scene = _scene_of(story, scenes, ref)
    pc = _find_step(scene, ref)
    expected = m.Call if after else m.MapStep
    if pc is None or not isinstance(scene.ops[pc], expected):
        what = "the call it returns after" if after else "the map it returns to"
        raise SnapshotError(f"{where}: {what} is no longer in the scene {shown(scene.id)}")
    return scene.index, pc + 1 if after else pc


# --- reading a snapshot ---


def from_json(story: m.Story, data: Any) -> Restored:
    """The state a snapshot describes, adjusted to the current story; SnapshotError if impossible."""
    version = data.get("format") if isinstance(data, dict) else None
    if type(version) is not int or version not in READABLE_FORMATS:
        raise SnapshotError(f"unsupported snapshot format {shown(version)} "
                            f"(this game reads {', '.join(map(str, READABLE_FORMATS))})")
    scenes = _Scenes(story)
    notices: list[str] = []
    raw_stack = data.get("stack", [])
    if not isinstance(raw_stack, list):
        raise SnapshotError(f"stack must be a list of return points, not {shown(raw_stack)}")
    if len(raw_stack) > m.MAX_CALL_DEPTH:
        raise SnapshotError(f"the call stack is {len(raw_stack):,} deep; a story allows {m.MAX_CALL_DEPTH}")
    at = parse_ref(data.get("at"), "at")
    scene = _scene_of(story, scenes, at)
    found = _find_step(scene, at)
    pc = _fall_back(scene, at, notices) if found is None else found
    stack = tuple(_return_point(story, scenes, entry, f"stack[{i}]") for i, entry in enumerate(raw_stack))
    if isinstance(scene.ops[pc], m.Return) and not stack:
        raise SnapshotError("this save is at a `return` with no call to return to")
    state = State(scene.index, pc, stack, _variables(story, data.get("vars", {}), notices),
                  _visited(story, data.get("visited", [])))
    try:
        Runtime(story).present(state)  # what the first step after loading will do, checked now
    except StoryRuntimeError as exc:
        raise SnapshotError(f"this save cannot go on: {exc.message[:80]}") from None
    return Restored(state, notices)


def _variables(story: m.Story, saved: Any, notices: list[str]) -> tuple[Any, ...]:
    if not isinstance(saved, dict) or len(saved) > MAX_VARIABLES:
        raise SnapshotError(f"vars must be a mapping of at most {MAX_VARIABLES:,} values")
    for name, value in saved.items():
        if not isinstance(name, str) or type(value) not in _VALUE_TYPES:
            raise SnapshotError(f"the saved value of {shown(name)} is {shown(value)}, not a number, "
                                "true / false or a name")
    values = list(story.defaults())
    for i, var in enumerate(story.variables):
        if var.name not in saved:
            continue
        value = saved[var.name]
        if _valid(var, value):
            values[i] = value
        else:
            notices.append(f"The saved value of {var.name!r} no longer fits; it is reset to its default.")
    return tuple(values)


def _visited(story: m.Story, keys: Any) -> int:
    if not isinstance(keys, list) or len(keys) > MAX_VISITED:
        raise SnapshotError(f"visited must be a list of at most {MAX_VISITED:,} names")
    bit = {key: i for i, key in enumerate(story.tracked)}
    visited = 0
    for key in keys:
        if not isinstance(key, str):
            raise SnapshotError(f"visited holds {shown(key)}, not a scene or label name")
        if key in bit:
            visited |= 1 << bit[key]
    return visited


def _valid(var: m.Variable, value: Any) -> bool:
    if var.type == "int":
        return type(value) is int and var.min <= value <= var.max
    if var.type == "bool":
        return type(value) is bool
    return value in var.values
