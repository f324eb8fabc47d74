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
from typing import Any

from .expr import Condition
from .problems import Pos, Problem
from .steps import (
    BG,
    BRANCH,
    CALL,
    CHOICE,
    EFFECT,
    ELAPSE,
    ENDING,
    FALL_OFF,
    GOTO,
    HIDE,
    JUMP,
    LABEL,
    LAST_EVENT_KIND,
    LINE,
    MAP,
    MUSIC,
    RETURN,
    SFX,
    SHOW,
    TRANSMIT,
    WAIT,
    Background,
    Branch,
    Call,
    Choice,
    Effect,
    EffectStep,
    Elapse,
    Ending,
    FallOff,
    Goto,
    Hide,
    Jump,
    LabelStep,
    Line,
    MapStep,
    Music,
    Op,
    Option,
    Return,
    Sfx,
    Show,
    StepId,
    Target,
    Text,
    Transmit,
    Wait,
)
from .vocabulary import POSITIONS, TRANSITIONS

# re-exported: the model's own words, and the steps of a compiled scene (``steps``)
__all__ = [
    "BG", "BRANCH", "CALL", "CHOICE", "EFFECT", "ELAPSE", "ENDING", "FALL_OFF", "GOTO", "HIDE", "JUMP",
    "LABEL", "LAST_EVENT_KIND", "LINE", "MAP", "MUSIC", "POSITIONS", "RETURN", "SFX", "SHOW", "TRANSITIONS",
    "TRANSMIT", "WAIT", "Background", "Branch", "Call", "Choice", "Effect", "EffectStep", "Elapse", "Ending",
    "FallOff", "Goto", "Hide", "Jump", "LabelStep", "Line", "MapStep", "Music", "Op", "Option", "Pos",
    "Problem", "Return", "Sfx", "Show", "StepId", "Target", "Text", "Transmit", "Wait",
]

NARRATOR = "narrator"
MAX_CALL_DEPTH = 16


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
class Caption:
    """What the player reads (and a self-voicing game says) when a sound plays or a music track starts.

    Declared once per sound in ``story.yaml`` (``captions: {sfx: {...}, music: {...}}``), in every language.
    """

    kind: str  # "sfx" | "music"
    name: str
    text: Text
    pos: Pos


CAPTION_KINDS = ("sfx", "music")


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
    captions: Mapping[str, Caption] = field(default_factory=lambda: MappingProxyType({}))  # "kind:name" -> caption

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

    def caption(self, kind: str, name: str) -> Text | None:
        """The caption of sound effect (``kind`` "sfx") or music track ``name``, if the story gives one."""
        found = self.captions.get(f"{kind}:{name}")
        if found is not None:
            return found.text
        track = self.music.get(name) if kind == "music" else None
        if track is not None:  # a track's caption is its music-room title
            return Text(tuple((lang, f"♪ {title}") for lang, title in track.title.values))
        return None


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
