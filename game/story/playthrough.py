"""Drive the runtime through a whole playthrough: a fixed list of choices, or a chooser.

Tests, replays, benchmarks and the capture tool all play stories this way, so
they exercise exactly the runtime the game window uses.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

from . import model as m
from .runtime import ChoiceEvent, Event, MapEvent, Runtime, State

# Given the choice or map event, return the index of the option (among the visible ones) to take.
Chooser = Callable[[ChoiceEvent | MapEvent], int]


class PlaythroughError(Exception):
    """A playthrough that cannot go on as asked (no such option, ran out of choices)."""


@dataclass
class Playthrough:
    """What one playthrough showed: every event in order, the states at choices, and how it ended."""

    events: list[Event] = field(default_factory=list)
    choices: list[int] = field(default_factory=list)  # visible indices taken
    ending: str | None = None
    state: State | None = None

    @property
    def lines(self) -> list[m.Line]:
        return [e for e in self.events if isinstance(e, m.Line)]


def visible_options(event: ChoiceEvent | MapEvent) -> list[int]:
    """The indices ``Runtime.choose`` takes, for the options a player can see, in order."""
    if isinstance(event, ChoiceEvent):
        return [o.index for o in event.options]
    return [h.index for h in event.hotspots]


def play(runtime: Runtime, choices: Sequence[int] | Chooser, state: State | None = None,
         max_events: int = 1_000_000) -> Playthrough:
    """Play from ``state`` (default: the start) until an ending, taking ``choices`` in order.

    With a list, running out of choices stops the playthrough at the next choice
    (``ending`` stays None).
    """
    result = Playthrough()
    state = runtime.start() if state is None else state
    queue = list(choices) if not callable(choices) else None
    for _ in range(max_events):
        state, event = runtime.present(state)
        result.events.append(event)
        result.state = state
        if isinstance(event, (ChoiceEvent, MapEvent)):
            options = visible_options(event)
            if queue is not None:
                if not queue:
                    return result
                pick = queue.pop(0)
            else:
                pick = choices(event)  # type: ignore[operator]
            if not 0 <= pick < len(options):
                raise PlaythroughError(f"option {pick} is not one of the {len(options)} visible at "
                                       f"{event.op.pos}")
            result.choices.append(pick)
            state = runtime.choose(state, options[pick])
        elif isinstance(event, m.Ending):
            result.ending = event.ending
            return result
        else:
            state = runtime.advance(state)
    raise PlaythroughError(f"no ending after {max_events} events")
