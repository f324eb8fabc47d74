"""The words of a compiled scene: texts, step identities, jump targets, effects and the ops.

``model`` gathers these with the story's own records (characters, variables, scenes, the story)
and is what the rest of the code imports; this module only keeps the ops' file readable.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, ClassVar, NamedTuple

from .expr import Condition
from .problems import Pos


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
