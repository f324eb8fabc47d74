"""The one driver every player of a story uses: the game, replays, capture, playthroughs, the tools.

A ``Cursor`` steps the runtime from stop to stop, where a *stop* is what a
player meets: a line, a choice, a map or an ending.  Each step returns a
``Beat``: the state at the stop, its event, the stage then (``Presentation``)
and the presentation events passed on the way (pictures, music, sounds, waits,
signals), which the game animates and the tools ignore.  Beats are immutable;
the cursor keeps no play state, so a beat can be stepped from again at will
(rollback, exploration).

    cursor = Cursor.of(story)
    beat = cursor.start()                 # the first line (or choice...)
    beat = cursor.advance(beat)           # past a line
    beat = cursor.choose(beat, index)     # at a choice or map
    beat.ending                           # the ending's id once one is reached
"""

from __future__ import annotations

from dataclasses import dataclass, field

from . import model as m
from .presentation import Presentation
from .runtime import ChoiceEvent, Event, MapEvent, Runtime, State, Trace

MAX_PASSED = 100_000  # presentation events between two stops before the story is called looping


class CursorError(Exception):
    """Asked to step past a stop that does not allow it (advance at a choice, choose at a line...)."""


@dataclass(frozen=True, slots=True)
class Beat:
    """A stop of the story, the stage at it, and what was passed on the way there."""

    state: State  # at the stop's op
    event: Event  # a Line, ChoiceEvent, MapEvent or Ending
    presentation: Presentation  # the stage while the stop is shown (a line's speaker and look applied)
    passed: tuple[Event, ...] = field(default=())  # presentation events passed since the previous stop

    @property
    def kind(self) -> int:
        return self.event.kind

    @property
    def line(self) -> m.Line | None:
        return self.event if isinstance(self.event, m.Line) else None

    @property
    def decision(self) -> ChoiceEvent | MapEvent | None:
        return self.event if isinstance(self.event, (ChoiceEvent, MapEvent)) else None

    @property
    def ending(self) -> str | None:
        return self.event.ending if isinstance(self.event, m.Ending) else None


class Cursor:
    """Steps one story's runtime from stop to stop; ``trace`` (optional) records every op run."""

    def __init__(self, runtime: Runtime, trace: Trace | None = None) -> None:
        self.runtime = runtime
        self.trace = trace

    @classmethod
    def of(cls, story: m.Story) -> Cursor:
        return cls(Runtime(story))

    @property
    def story(self) -> m.Story:
        return self.runtime.story

    def start(self, state: State | None = None, presentation: Presentation | None = None) -> Beat:
        """The first stop from ``state`` (default: the story's start) with the stage ``presentation``."""
        return self.run(self.runtime.start() if state is None else state, presentation or Presentation())

    def advance(self, beat: Beat) -> Beat:
        """The next stop after a line."""
        if beat.kind != m.LINE:
            raise CursorError("only a line can be advanced past; a choice or map needs choose()")
        return self.run(self.runtime.advance(beat.state), beat.presentation)

    def choose(self, beat: Beat, index: int) -> Beat:
        """The next stop after taking option (or hotspot) ``index`` at a choice or map, as Runtime.choose."""
        if beat.decision is None:
            raise CursorError("choose() at a stop that is not a choice or a map")
        return self.run(self.runtime.choose(beat.state, index), beat.presentation)

    def run(self, state: State, presentation: Presentation) -> Beat:
        """Pass presentation events from ``state`` up to the next stop, applying them to the stage."""
        present, advance, trace = self.runtime.present, self.runtime.advance, self.trace
        passed: list[Event] = []
        for _ in range(MAX_PASSED):
            state, event = present(state, trace)
            kind = event.kind
            if kind == m.LINE:
                return Beat(state, event, presentation.apply(event), tuple(passed))
            if kind >= m.CHOICE:
                return Beat(state, event, presentation, tuple(passed))
            presentation = presentation.apply(event)
            passed.append(event)
            state = advance(state)
        raise CursorError(f"no line, choice or ending after {MAX_PASSED:,} steps from {state}")


def visible_options(decision: ChoiceEvent | MapEvent) -> list[int]:
    """The indices ``choose`` takes, for the options a player can see, in order."""
    if isinstance(decision, ChoiceEvent):
        return [option.index for option in decision.options]
    return [hotspot.index for hotspot in decision.hotspots]
