"""Drive a story through a whole playthrough: a fixed list of choices, or a chooser.

Tests, benchmarks and the tools play stories this way, through the same
``Cursor`` the game window uses.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

from . import model as m
from .cursor import Beat, Cursor, visible_options
from .runtime import ChoiceEvent, Event, MapEvent, Runtime, State

# Given the choice or map event, return the index of the option (among the visible ones) to take.
Chooser = Callable[[ChoiceEvent | MapEvent], int]

__all__ = ["Chooser", "Playthrough", "PlaythroughError", "play", "visible_options"]


class PlaythroughError(Exception):
    """A playthrough that cannot go on as asked (no such option, ran out of choices)."""


@dataclass
class Playthrough:
    """What one playthrough showed: every event in order, the choices taken, and how it ended."""

    events: list[Event] = field(default_factory=list)
    choices: list[int] = field(default_factory=list)  # visible indices taken
    ending: str | None = None
    state: State | None = None

    @property
    def lines(self) -> list[m.Line]:
        return [e for e in self.events if isinstance(e, m.Line)]


def play(runtime: Runtime, choices: Sequence[int] | Chooser, state: State | None = None,
         max_stops: int = 1_000_000) -> Playthrough:
    """Play from ``state`` (default: the start) until an ending, taking ``choices`` in order.

    With a list, running out of choices stops the playthrough at the next choice
    (``ending`` stays None).
    """
    result = Playthrough()
    cursor = Cursor(runtime)
    queue = list(choices) if not callable(choices) else None
    beat: Beat = cursor.start(state)
    for _ in range(max_stops):
        result.events.extend(beat.passed)
        result.events.append(beat.event)
        result.state = beat.state
        decision = beat.decision
        if decision is not None:
            options = visible_options(decision)
            if queue is not None:
                if not queue:
                    return result
                pick = queue.pop(0)
            else:
                pick = choices(decision)  # type: ignore[operator]
            if not 0 <= pick < len(options):
                raise PlaythroughError(f"option {pick} is not one of the {len(options)} visible at "
                                       f"{decision.op.pos}")
            result.choices.append(pick)
            beat = cursor.choose(beat, options[pick])
        elif beat.ending is not None:
            result.ending = beat.ending
            return result
        else:
            beat = cursor.advance(beat)
    raise PlaythroughError(f"no ending after {max_stops} stops")
