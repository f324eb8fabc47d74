"""Why an exploration ran out of room: where the decision states multiply, and which variables do it.

When the explorer stops at a cap, the states it holds show the cause.  States pile up
at a few decisions (choices or maps), and there some variables take many values, or
many variables each take a few (22 booleans: 4 million combinations).  ``blowup``
counts the states per decision exactly and the values of each variable on an even
sample of the states (bounded work, whatever their number), and returns the places
with the most states, each with the variables that vary there.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from math import prod
from typing import Any

from game.story import model as m
from game.story.problems import Pos
from game.story.runtime import State

SAMPLE = 50_000  # states whose variables are looked at: enough to see every value that matters
PLACES = 3  # decisions reported


@dataclass(frozen=True)
class Spread:
    """How many distinct values a variable takes among the states looked at."""

    name: str
    values: int

    def as_dict(self) -> dict[str, Any]:
        return {"name": self.name, "values": self.values}


@dataclass(frozen=True)
class Place:
    """A decision where states pile up: how many, and what varies there."""

    pos: Pos
    kind: str  # "choice" | "map"
    states: int
    variables: tuple[Spread, ...]  # those taking more than one value here, most values first
    visited: int  # distinct sets of visited scenes / labels
    stacks: int  # distinct call stacks

    @property
    def combinations(self) -> int:
        """The product of the values the varying variables take here: what the states can multiply to."""
        return prod(v.values for v in self.variables)

    def as_dict(self) -> dict[str, Any]:
        return {"file": self.pos.file, "line": self.pos.line, "column": self.pos.column, "kind": self.kind,
                "states": self.states, "combinations": self.combinations,
                "variables": [v.as_dict() for v in self.variables], "visited_sets": self.visited,
                "call_stacks": self.stacks}


@dataclass(frozen=True)
class BlowUp:
    """The state-space report of a stopped exploration."""

    stopped_by: str  # "states" | "memory"
    states: int
    sampled: int
    variables: tuple[Spread, ...]  # every variable taking more than one value, most values first
    places: tuple[Place, ...]

    def as_dict(self) -> dict[str, Any]:
        return {"stopped_by": self.stopped_by, "states": self.states, "sampled": self.sampled,
                "variables": [v.as_dict() for v in self.variables], "places": [p.as_dict() for p in self.places]}


def _spreads(story: m.Story, states: Sequence[State]) -> tuple[Spread, ...]:
    seen: list[set[Any]] = [set() for _ in story.variables]
    for state in states:
        for index, value in enumerate(state.vars):
            seen[index].add(value)
    spreads = [Spread(var.name, len(values)) for var, values in zip(story.variables, seen) if len(values) > 1]
    return tuple(sorted(spreads, key=lambda s: (-s.values, s.name)))


def blowup(story: m.Story, states: Sequence[State | None], stopped_by: str) -> BlowUp:
    """The places and variables that multiply ``states`` (the explorer's decision states, None for dead ends)."""
    held = [s for s in states if s is not None]
    per_place = Counter((s.scene, s.pc) for s in held)
    stride = max(1, len(held) // SAMPLE)
    sample = held[::stride]
    places = []
    for (scene, pc), count in per_place.most_common(PLACES):
        here = [s for s in sample if s.scene == scene and s.pc == pc]
        op: Any = story.scenes[scene].ops[pc]
        places.append(Place(op.pos, "choice" if op.kind == m.CHOICE else "map", count, _spreads(story, here),
                            len({s.visited for s in here}), len({s.stack for s in here})))
    return BlowUp(stopped_by, len(held), len(sample), _spreads(story, sample), tuple(places))


def _names(spreads: Sequence[Spread], limit: int) -> str:
    shown = ", ".join(f"{s.name} {s.values} values" for s in spreads[:limit])
    return shown + (f" and {len(spreads) - limit} more" if len(spreads) > limit else "")


def summary(report: BlowUp) -> str:
    """One sentence for the too-many-states problem: the busiest place and what varies there."""
    if not report.places:
        return ""
    place = report.places[0]
    varying = f"{len(place.variables)} variables vary ({_names(place.variables, 4)})" if place.variables \
        else "no variable varies (the visited scenes and call stacks do)"
    return (f"the states pile up at the {place.kind} at {place.pos} ({place.states:,} of them), "
            f"where {varying}; up to {place.combinations:,} combinations")


def as_lines(report: BlowUp) -> list[str]:
    """The state-space section of the check's text report."""
    cap = "the memory budget" if report.stopped_by == "memory" else "the state cap"
    out = [f"State space (exploration stopped at {cap}): {report.states:,} decision states held"]
    for place in report.places:
        out.append(f"  {place.pos} {place.kind}: {place.states:,} states; "
                   f"{len(place.variables)} variable(s) vary here, up to {place.combinations:,} combinations; "
                   f"{place.visited:,} sets of visited places; {place.stacks:,} call stacks")
        if place.variables:
            out.append(f"    {_names(place.variables, 12)}")
    if report.variables:
        out.append(f"  Variables with the most distinct values: {_names(report.variables, 12)}")
    out.append("  Fewer values per variable (a smaller range, a reset when a loop comes round) keep the states few.")
    return out
