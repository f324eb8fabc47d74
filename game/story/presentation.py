"""What is on stage: background, characters, music, the phone's signal clock, where the player stands.

The runtime's State says where the story is; it does not know what the player
sees.  A ``Presentation`` is computed here, in the story layer, from the
presentation events the story passes, so the game, capture and every tool see
the same stage.  It is plain immutable data: stored in every rollback
checkpoint and every save, compared and tested headless.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import dataclass, replace
from typing import Any

from . import model as m

FACINGS = ("up", "down", "left", "right")
MAX_PLACES = 64  # map steps remembered (a story has a handful)
MAX_SIGNALS = 16  # messages the phone remembers (older ones drop off)
MAX_CLOCK = 1e6  # story minutes: a clock looping forever stops here


@dataclass(frozen=True)
class OnStage:
    look: str
    at: str


@dataclass(frozen=True)
class Signal:
    """A message in flight between Mars and Earth, on the story's clock (minutes)."""

    to: str  # "earth" | "mars"
    name: str | None
    sent_at: float
    minutes: float  # one-way light time

    def travelled(self, clock: float) -> float:
        """Light-minutes covered by ``clock`` (at most the whole way)."""
        return max(0.0, min(self.minutes, clock - self.sent_at))

    def arrived(self, clock: float) -> bool:
        return clock - self.sent_at >= self.minutes


@dataclass(frozen=True)
class Place:
    """Where the player stood on a map: feet position in map pixels, and facing."""

    x: float
    y: float
    facing: str


@dataclass(frozen=True)
class Presentation:
    background: str | None = None
    characters: tuple[tuple[str, OnStage], ...] = ()  # in the order they came on
    music: str | None = None
    speaker: str | None = None  # the character speaking the current line
    clock: float = 0.0  # story minutes since the exchange began (transmit / elapse)
    signals: tuple[Signal, ...] = ()
    places: tuple[tuple[str, Place], ...] = ()  # map step identity -> where the player last stood there

    def apply(self, event: Any) -> Presentation:
        """The presentation after ``event`` (events that change nothing on stage return self)."""
        step = _APPLY.get(getattr(event, "kind", -1))
        return step(self, event) if step is not None else self

    # --- map places ---

    def place(self, map_step: str) -> Place | None:
        return next((place for key, place in self.places if key == map_step), None)

    def with_place(self, map_step: str, place: Place) -> Presentation:
        others = tuple(item for item in self.places if item[0] != map_step)
        return replace(self, places=(others + ((map_step, place),))[-MAX_PLACES:])

    # --- changes ---

    def _with_character(self, character: str, on_stage: OnStage) -> tuple[tuple[str, OnStage], ...]:
        items = list(self.characters)
        for i, (name, _) in enumerate(items):
            if name == character:
                items[i] = (character, on_stage)
                return tuple(items)
        return (*items, (character, on_stage))

    def _background(self, op: m.Background) -> Presentation:
        return replace(self, background=op.name)

    def _show(self, op: m.Show) -> Presentation:
        return replace(self, characters=self._with_character(op.character, OnStage(op.look, op.at)))

    def _hide(self, op: m.Hide) -> Presentation:
        return replace(self, characters=tuple(c for c in self.characters if c[0] != op.character))

    def _music(self, op: m.Music) -> Presentation:
        return replace(self, music=op.name)

    def _line(self, op: m.Line) -> Presentation:
        chars = self.characters
        if op.look is not None:
            current = dict(chars).get(op.speaker)
            if current is not None:
                chars = self._with_character(op.speaker, OnStage(op.look, current.at))
        return replace(self, characters=chars, speaker=op.speaker if op.speaker != m.NARRATOR else None)

    def _transmit(self, op: m.Transmit) -> Presentation:
        if op.to is None:
            return replace(self, clock=0.0, signals=())
        signal = Signal(op.to, op.name, self.clock, op.minutes)
        return replace(self, signals=(*self.signals, signal)[-MAX_SIGNALS:])

    def _elapse(self, op: m.Elapse) -> Presentation:
        return replace(self, clock=min(MAX_CLOCK, self.clock + op.minutes))

    # --- saves ---

    def to_json(self) -> dict[str, Any]:
        return {
            "background": self.background,
            "characters": [[name, s.look, s.at] for name, s in self.characters],
            "music": self.music,
            "speaker": self.speaker,
            "clock": self.clock,
            "signals": [[s.to, s.name, s.sent_at, s.minutes] for s in self.signals],
            "places": [[key, p.x, p.y, p.facing] for key, p in self.places],
        }

    @classmethod
    def from_json(cls, data: Any, story: m.Story) -> Presentation:
        """Rebuild from a save, dropping what is malformed or what the current story no longer has."""
        if not isinstance(data, dict):
            return cls()
        characters = []
        for item in _list(data.get("characters")):
            if (isinstance(item, list) and len(item) == 3 and all(isinstance(v, str) for v in item)
                    and item[0] in story.characters and item[1] in story.characters[item[0]].looks
                    and item[2] in m.POSITIONS):
                characters.append((item[0], OnStage(item[1], item[2])))
        signals = tuple(Signal(item[0], item[1], float(item[2]), float(item[3]))
                        for item in _list(data.get("signals"))
                        if isinstance(item, list) and len(item) == 4 and item[0] in ("earth", "mars")
                        and (item[1] is None or isinstance(item[1], str)) and _finite(item[2])
                        and _finite(item[3]))
        places = tuple((item[0], Place(float(item[1]), float(item[2]), item[3]))
                       for item in _list(data.get("places"))
                       if isinstance(item, list) and len(item) == 4 and isinstance(item[0], str)
                       and _finite(item[1]) and _finite(item[2]) and item[3] in FACINGS)
        clock = data.get("clock")
        speaker = data.get("speaker")
        return cls(_name(data.get("background")), tuple(characters), _name(data.get("music")),
                   speaker if isinstance(speaker, str) and speaker in story.characters else None,
                   float(clock) if isinstance(clock, (int, float)) and _finite(clock) else 0.0,
                   signals[-MAX_SIGNALS:], places[-MAX_PLACES:])


def _list(value: Any) -> list[Any]:
    return value if isinstance(value, list) else []


def _name(value: Any) -> str | None:
    return value if isinstance(value, str) and 0 < len(value) <= 200 else None


def _finite(value: Any) -> bool:
    return isinstance(value, (int, float)) and not isinstance(value, bool) and math.isfinite(value) \
        and abs(value) <= MAX_CLOCK


_APPLY: dict[int, Callable[[Presentation, Any], Presentation]] = {
    m.BG: Presentation._background,
    m.SHOW: Presentation._show,
    m.HIDE: Presentation._hide,
    m.MUSIC: Presentation._music,
    m.LINE: Presentation._line,
    m.TRANSMIT: Presentation._transmit,
    m.ELAPSE: Presentation._elapse,
}
