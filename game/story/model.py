"""The immutable model of a loaded story.

The loader compiles each scene's nested script into a flat tuple of ops with
jumps, like a tiny bytecode: the runtime then needs only a position
(scene number, op number) to know where it is.  Ops that present something
(a line, a background, ...) are handed to the front end as they are: they are
the presentation events.  Every op made from a source step carries that step's
position (for messages) and its stable identity (for saves, read-tracking and
translations).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from types import MappingProxyType
from typing import Any, ClassVar, NamedTuple

from .expr import Condition
from .problems import Pos, Problem
from .vocabulary import POSITIONS, TRANSITIONS

__all__ = ["POSITIONS", "TRANSITIONS", "Pos", "Problem"]  # re-exported: the model's own words

NARRATOR = "narrator"
MAX_CALL_DEPTH = 16


@dataclass(frozen=True, slots=True)
class Text:
    """A piece of text in one or more languages; the story's primary language comes first."""

    values: tuple[tuple[str, str], ...]

    def get(self, lang: str) -> str:
        """The text in ``lang``, or in the primary language when it has no translation."""
        for code, text in self.values:
            if code == lang:
                return text
        return self.values[0][1] if self.values else ""

    def has(self, lang: str) -> bool:
        return any(code == lang for code, _ in self.values)

    @property
    def languages(self) -> tuple[str, ...]:
        return tuple(code for code, _ in self.values)

    def as_dict(self) -> dict[str, str]:
        return dict(self.values)


class StepId(NamedTuple):
    """A step's identity that survives edits elsewhere in its scene.

    ``label`` is the nearest label before the step in reading order (None at
    the top of the scene), ``offset`` counts steps since that label, and
    ``digest`` hashes the step's own content.
    """

    scene: str
    label: str | None
    offset: int
    digest: str

    def __str__(self) -> str:
        return f"{self.scene}.{self.label or ''}+{self.offset}#{self.digest}"

    def as_json(self) -> list[Any]:
        return [self.scene, self.label, self.offset, self.digest]

    @classmethod
    def from_json(cls, data: Any) -> StepId:
        scene, label, offset, digest = data
        if not (isinstance(scene, str) and (label is None or isinstance(label, str))
                and isinstance(offset, int) and isinstance(digest, str)):
            raise ValueError(f"not a step identity: {data!r}")
        return cls(scene, label, offset, digest)


class Target(NamedTuple):
    """A resolved goto / call destination: scene number, op number, and visited bits to set."""

    scene: int
    pc: int
    mask: int
    name: str


class Effect(NamedTuple):
    """`set` (add=False) or `add` (add=True) of variable number ``var``, clamped to [low, high] when adding."""

    var: int
    add: bool
    value: Any
    low: int
    high: int


# Op kinds.  The runtime dispatches on these small integers on its hot path;
# presentation kinds come first so one comparison tells them from flow ops.
LINE, BG, SHOW, HIDE, MUSIC, SFX, WAIT, TRANSMIT, ELAPSE, CHOICE, MAP, ENDING = range(12)
BRANCH, JUMP, EFFECT, LABEL, GOTO, CALL, RETURN, FALL_OFF = range(12, 20)
LAST_EVENT_KIND = ENDING


@dataclass(frozen=True, slots=True)
class Op:
    """Fields every op has; ``kind`` (one of the constants above) is set by each op class."""

    kind: ClassVar[int]
    pos: Pos
    sid: StepId | None


@dataclass(frozen=True, slots=True)
class Line(Op):
    speaker: str  # NARRATOR or a character id
    look: str | None
    text: Text
    kind: ClassVar[int] = LINE


@dataclass(frozen=True, slots=True)
class Background(Op):
    name: str
    transition: str
    time: float
    kind: ClassVar[int] = BG


@dataclass(frozen=True, slots=True)
class Show(Op):
    character: str
    look: str
    at: str
    kind: ClassVar[int] = SHOW


@dataclass(frozen=True, slots=True)
class Hide(Op):
    character: str
    kind: ClassVar[int] = HIDE


@dataclass(frozen=True, slots=True)
class Music(Op):
    name: str | None  # None stops the music
    time: float
    kind: ClassVar[int] = MUSIC


@dataclass(frozen=True, slots=True)
class Sfx(Op):
    name: str
    kind: ClassVar[int] = SFX


@dataclass(frozen=True, slots=True)
class Wait(Op):
    seconds: float
    kind: ClassVar[int] = WAIT


@dataclass(frozen=True, slots=True)
class Transmit(Op):
    """A message sets off for ``to`` ("earth" or "mars") taking ``minutes``; ``to`` None ends the exchange."""

    to: str | None
    minutes: float
    name: str | None
    kind: ClassVar[int] = TRANSMIT


@dataclass(frozen=True, slots=True)
class Elapse(Op):
    """``minutes`` of story time pass (the phone's clock moves on)."""

    minutes: float
    kind: ClassVar[int] = ELAPSE


@dataclass(frozen=True, slots=True)
class Option:
    """One option of a choice: shown while ``cond`` holds; taking it runs ``effects``, then goes to ``pc``."""

    text: Text
    cond: Condition | None
    effects: tuple[Effect, ...]
    pc: int
    pos: Pos


@dataclass(frozen=True, slots=True)
class Choice(Op):
    options: tuple[Option, ...]
    timeout: float | None
    default: int | None  # 0-based index into options
    kind: ClassVar[int] = CHOICE


@dataclass(frozen=True, slots=True)
class MapStep(Op):
    map: str
    spawn: str
    kind: ClassVar[int] = MAP


@dataclass(frozen=True, slots=True)
class Ending(Op):
    ending: str
    kind: ClassVar[int] = ENDING


@dataclass(frozen=True, slots=True)
class Branch(Op):
    """`if`: go on below when ``cond`` holds, else jump to ``else_pc``."""

    cond: Condition
    else_pc: int
    kind: ClassVar[int] = BRANCH


@dataclass(frozen=True, slots=True)
class Jump(Op):
    """An internal jump inside a scene (end of a branch); not a source step."""

    pc: int
    kind: ClassVar[int] = JUMP


@dataclass(frozen=True, slots=True)
class EffectStep(Op):
    effects: tuple[Effect, ...]
    kind: ClassVar[int] = EFFECT


@dataclass(frozen=True, slots=True)
class LabelStep(Op):
    name: str
    mask: int  # visited bit of scene.label, or 0 when no condition reads it
    kind: ClassVar[int] = LABEL


@dataclass(frozen=True, slots=True)
class Goto(Op):
    target: Target
    kind: ClassVar[int] = GOTO


@dataclass(frozen=True, slots=True)
class Call(Op):
    target: Target
    kind: ClassVar[int] = CALL


@dataclass(frozen=True, slots=True)
class Return(Op):
    kind: ClassVar[int] = RETURN


@dataclass(frozen=True, slots=True)
class FallOff(Op):
    """Placed after a scene's last step; reaching it is a runtime error the loader rules out."""

    kind: ClassVar[int] = FALL_OFF


@dataclass(frozen=True, slots=True)
class Character:
    id: str
    name: Text
    color: str
    looks: tuple[str, ...]
    pos: Pos


@dataclass(frozen=True, slots=True)
class Variable:
    name: str
    type: str  # "int" | "bool" | "enum"
    default: Any
    min: int
    max: int
    values: tuple[str, ...]
    pos: Pos


@dataclass(frozen=True, slots=True)
class EndingInfo:
    id: str
    title: Text
    pos: Pos


@dataclass(frozen=True, slots=True)
class MusicInfo:
    """A music track's title, for the music room (``music:`` in story.yaml)."""

    name: str
    title: Text
    pos: Pos


@dataclass(frozen=True, slots=True)
class Hotspot:
    """A map object that moves the story on: a `goto` leaves the map, a `call` comes back to it."""

    name: str
    action: str  # "goto" | "call"
    target: Target
    cond: Condition | None
    trigger: str  # "interact" | "touch"
    x: float
    y: float
    width: float
    height: float
    pos: Pos
    label: Text  # what the map prompt shows, in every story language (Tiled properties label.<lang>)


@dataclass(frozen=True, slots=True)
class MapInfo:
    """What the story needs to know of a Tiled map: its spawn points and hotspots."""

    name: str
    file: str
    objects: Mapping[str, tuple[float, float]]
    hotspots: tuple[Hotspot, ...]


@dataclass(frozen=True, slots=True)
class Scene:
    id: str
    title: Text
    file: str
    ops: Sequence[Op]  # a tuple, or the cache's lazily decoded sequence
    labels: Mapping[str, int]
    pos: Pos


@dataclass(frozen=True, slots=True)
class Phone:
    """Whose phone shows the story's message exchanges (``owner``), and who is at the other end."""

    owner: str
    contact: str


@dataclass(frozen=True, slots=True)
class Story:
    """A whole loaded and validated story; build it with ``game.story.loader.load_story``."""

    root: Path
    title: Text
    languages: tuple[str, ...]
    start: Target
    characters: Mapping[str, Character]
    variables: tuple[Variable, ...]
    endings: Mapping[str, EndingInfo]
    scenes: tuple[Scene, ...]
    scene_index: Mapping[str, int]
    tracked: tuple[str, ...]  # visited('...') keys, bit i of the visited mask is tracked[i]
    maps: Mapping[str, MapInfo]
    phone: Phone | None = None
    music: Mapping[str, MusicInfo] = field(default_factory=lambda: MappingProxyType({}))  # titled tracks, in order
    warnings: tuple[Problem, ...] = field(default=(), compare=False)

    @property
    def primary_language(self) -> str:
        return self.languages[0]

    @property
    def var_index(self) -> Mapping[str, int]:
        return MappingProxyType({v.name: i for i, v in enumerate(self.variables)})

    def scene(self, scene_id: str) -> Scene:
        return self.scenes[self.scene_index[scene_id]]

    def resolve(self, name: str, from_scene: str | None = None) -> Target | None:
        """Resolve a goto / call name: `scene`, `scene.label`, or a label of ``from_scene``."""
        scene_id, label = split_target(name, from_scene, self.scene_index.__contains__)
        index = self.scene_index.get(scene_id)
        if index is None:
            return None
        scene = self.scenes[index]
        pc = scene.labels.get(label, -1) if label else 0
        if pc < 0:
            return None
        mask = 0
        if scene_id in self.tracked:
            mask = 1 << self.tracked.index(scene_id)
        return Target(index, pc, mask, f"{scene_id}.{label}" if label else scene_id)

    def defaults(self) -> tuple[Any, ...]:
        return tuple(v.default for v in self.variables)


def split_target(name: str, from_scene: str | None, is_scene: Callable[[str], bool]) -> tuple[str, str | None]:
    """The (scene, label) a goto / call name means; label None for the scene's start.

    ``scene.label``; ``scene``; or, when no scene has that name, a label of
    ``from_scene`` (scene ids come first, so a label never hides a scene).  The
    loader and the runtime both read names through this one rule.
    """
    scene_id, dot, label = name.partition(".")
    if dot:
        return scene_id, label
    if from_scene is not None and not is_scene(name):
        return from_scene, name
    return name, None


def frozen_map(items: Mapping[str, Any]) -> Mapping[str, Any]:
    """A read-only view of a fresh dict, for the model's mappings."""
    return MappingProxyType(dict(items))
