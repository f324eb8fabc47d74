"""What the variables a condition reads are at one place of the story, over the explored states there.

"Why is this option never shown?" is answered with the values its condition's
variables do take where it is asked: ``trust`` is 0..3 there, and the path
that gets nearest (the state needing the smallest change to make the
condition hold) is this list of choices.

The places are decision states (choices, maps), which the exploration keeps,
and ``if`` steps, which it passes without keeping a state: ``states_at_branches``
plays every explored edge once more with those steps turned into stops (the
same Explorer, a copy of the story), so the states there are exact too.
"""

from __future__ import annotations

import operator
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field, replace
from typing import Any

from game.story import model as m
from game.story.expr import Condition
from game.story.runtime import Runtime, State, StoryRuntimeError

from .explore import Exploration, Explorer
from .flow import leading_to

MAX_PROJECTIONS = 4096  # distinct value combinations kept per place (ranges stay exact past it)
MAX_CANDIDATES = 64  # other values of a whole-number variable tried, nearest first, per state
_PROBE = "\0probe"  # the ending id of the stops put in place of watched `if` steps


@dataclass
class Tally:
    """The states seen at one place, reduced to what one condition reads there."""

    story: m.Story
    cond: Condition
    scene: str | None  # where the condition is written (a bare visited('label') is a label of it)
    states: int = 0
    values: dict[int, set[Any]] = field(default_factory=dict)  # variable index -> values seen
    bits: dict[str, set[bool]] = field(default_factory=dict)  # visited key -> seen visited or not
    seen: set[tuple[Any, ...]] = field(default_factory=set)  # projections: the values read, the visited bits
    first: dict[tuple[Any, ...], tuple[State, int, int]] = field(default_factory=dict)  # projection -> (state, node, via)
    nearest_found: dict[bool, tuple[str, State, int, int] | None] = field(default_factory=dict)

    def __post_init__(self) -> None:
        index = self.story.var_index
        self.read = sorted(index[name] for name in self.cond.reads if name in index)
        self.visit_bits = {key: bit for key in sorted(self.cond.visits)
                           if (bit := visit_bit(self.story, key, self.scene)) is not None}
        self.values = {i: set() for i in self.read}
        self.bits = {key: set() for key in self.visit_bits}
        # the values read, always as a tuple (one index is repeated so that a single one gives a tuple too)
        self.pick: Callable[[tuple[Any, ...]], Any] = (operator.itemgetter(*self.read, *self.read[:1])
                                                        if self.read else lambda values: ())
        self.visit_mask = sum(1 << bit for bit in set(self.visit_bits.values()))

    def add(self, state: State, node: int, via: int) -> None:
        """Count ``state`` (reached at graph node ``node``, then option ``via``; -1 for none)."""
        self.states += 1
        values, visited = state.vars, state.visited
        projection = (self.pick(values), visited & self.visit_mask)  # (this runs once per state)
        if projection in self.seen:
            return
        self.seen.add(projection)
        for i in self.read:
            self.values[i].add(values[i])
        for key, bit in self.visit_bits.items():
            self.bits[key].add(bool(visited >> bit & 1))
        if len(self.first) < MAX_PROJECTIONS:
            self.first[projection] = (state, node, via)

    def ranges(self, never_written: Iterable[str] = ()) -> dict[str, str]:
        """Each variable (and visited key) the condition reads, with the values it takes here, in words."""
        quiet = set(never_written)
        out: dict[str, str] = {}
        for i, seen in self.values.items():
            var = self.story.variables[i]
            text = describe_values(var, seen)
            out[var.name] = text + (", and nothing ever changes it" if var.name in quiet else "")
        for key, flags in self.bits.items():
            out[f"visited('{key}')"] = ("true or false" if len(flags) > 1 else
                                        f"always {str(next(iter(flags))).lower()}" if flags else "never asked")
        return out

    def nearest(self, want: bool) -> tuple[str, State, int, int] | None:
        """The state needing the smallest single change to make the condition ``want``, and that change.

        (change in words, state, graph node, option taken from it); None when no
        one variable's change would do.  Ties go to the state found first (the
        shortest path, as the exploration is breadth-first).
        """
        if want in self.nearest_found:
            return self.nearest_found[want]
        best: tuple[int, str, State, int, int] | None = None
        for state, node, via in self.first.values():
            change = self._cheapest_change(state, want)
            if change is not None and (best is None or change[0] < best[0]):
                best = (change[0], change[1], state, node, via)
        answer = self.nearest_found[want] = None if best is None else best[1:]
        return answer

    def _cheapest_change(self, state: State, want: bool) -> tuple[int, str] | None:
        """(cost, words) of the cheapest single-variable change that makes the condition ``want``."""
        found: list[tuple[int, str]] = []
        evaluate, values, visited = self.cond.evaluate, list(state.vars), state.visited
        for i in self.read:
            var, current = self.story.variables[i], values[i]
            for candidate in _candidates(var, current):
                values[i] = candidate
                if bool(evaluate(tuple(values), visited)) == want:
                    cost = abs(candidate - current) if var.type == "int" else 1
                    found.append((cost, f"{var.name} {_show(var, current)} (needs {_show(var, candidate)})"))
                    break
            values[i] = current
        for key, bit in self.visit_bits.items():
            if bool(evaluate(tuple(values), visited ^ (1 << bit))) == want:
                now = bool(visited >> bit & 1)
                found.append((1, f"visited('{key}') {str(now).lower()} (needs {str(not now).lower()})"))
        return min(found, key=lambda item: item[0]) if found else None


def _candidates(var: m.Variable, current: Any) -> list[Any]:
    """The other values of ``var``, nearest to ``current`` first."""
    if var.type == "int":
        low, high = max(var.min, current - MAX_CANDIDATES), min(var.max, current + MAX_CANDIDATES)
        return sorted((v for v in range(low, high + 1) if v != current), key=lambda v: (abs(v - current), v))
    if var.type == "bool":
        return [not current]
    return [v for v in var.values if v != current]


def _show(var: m.Variable, value: Any) -> str:
    if var.type == "bool":
        return str(value).lower()
    return repr(value) if var.type == "enum" else str(value)


def describe_values(var: m.Variable, seen: set[Any]) -> str:
    """The values a variable takes somewhere, in words: ``0..3``, ``always false``, ``'stay' or 'go'``."""
    if not seen:
        return "never set here"
    if var.type == "int":
        ordered = sorted(seen)
        if len(ordered) == 1:
            return f"always {ordered[0]}"
        if ordered[-1] - ordered[0] + 1 == len(ordered):
            return f"{ordered[0]}..{ordered[-1]}"
        return _either([str(v) for v in ordered]) if len(ordered) <= 5 else \
            f"{ordered[0]}..{ordered[-1]} ({len(ordered)} values)"
    if len(seen) == 1:
        return f"always {_show(var, next(iter(seen)))}"
    order = [True, False] if var.type == "bool" else list(var.values)
    return _either([_show(var, v) for v in order if v in seen])


def _either(words: list[str]) -> str:
    return words[0] if len(words) == 1 else ", ".join(words[:-1]) + " or " + words[-1]


def visit_bit(story: m.Story, key: str, scene: str | None) -> int | None:
    """The visited-mask bit a condition's visited(key) reads (a bare label is one of ``scene``)."""
    if key in story.tracked:
        return story.tracked.index(key)
    if scene is not None and "." not in key and f"{scene}.{key}" in story.tracked:
        return story.tracked.index(f"{scene}.{key}")
    return None


def path_to(found: Exploration, node: int, via: int) -> tuple[int, ...]:
    """The choices that lead to graph node ``node`` and then take its visible option ``via`` (-1: none)."""
    if found.graph is None or node < 0:
        return ()
    base = found.graph.path(node)
    return base + ((via,) if via >= 0 else ())


def states_at_decisions(story: m.Story, found: Exploration, choices: Mapping[tuple[int, int], list[Tally]],
                        maps: Mapping[str, list[Tally]]) -> None:
    """Add every explored decision state at the choices in ``choices`` ((scene, pc) keys) and the maps in ``maps``."""
    if found.graph is None:
        return
    runtime = Runtime(story)
    for node, state in enumerate(found.graph.states):
        if state is None:
            continue
        tallies = choices.get((state.scene, state.pc), ())
        if not tallies and maps:
            op: Any = runtime.op_at(state)
            tallies = maps.get(op.map, ()) if op.kind == m.MAP else ()
        for tally in tallies:
            tally.add(state, node, -1)


class _Probe(Explorer):
    """Replays every edge of an exploration on a copy of the story whose watched ``if`` steps are stops.

    At a stop the state is counted, the real step's condition decides where to
    go on, and the walk goes on to the next decision; nothing new is explored.
    """

    def __init__(self, story: m.Story, tallies: Mapping[tuple[int, int], Tally], region: set[tuple[int, int]],
                 reachable_hotspots: dict[tuple[str, str], set[int]] | None) -> None:
        branches: dict[tuple[int, int], m.Branch] = {}
        scenes = list(story.scenes)
        for (scene, pc) in tallies:
            ops = list(scenes[scene].ops)
            op = ops[pc]
            if isinstance(op, m.Branch):
                branches[(scene, pc)] = op
                ops[pc] = m.Ending(op.pos, op.sid, _PROBE)
                scenes[scene] = replace(scenes[scene], ops=tuple(ops))
        super().__init__(replace(story, scenes=tuple(scenes)), reachable_hotspots=reachable_hotspots)
        self.branches = branches
        self.tallies = tallies
        self.region = region  # the ops from which a watched step can be reached before the next decision

    def _settle(self, scene: int, pc: int, stack: tuple[tuple[int, int], ...], values: tuple[Any, ...],
                visited: int, parent: int, via: int) -> int | None:
        state = State(scene, pc, stack, values, visited)
        passed: set[State] = set()
        while (state.scene, state.pc) in self.region:
            try:
                state = self.stepper.settle(*state)
            except StoryRuntimeError:
                return None
            branch = self.branches.get((state.scene, state.pc))
            if branch is None or state in passed:  # a decision or an ending; or round a silent loop
                return None
            passed.add(state)
            self.tallies[(state.scene, state.pc)].add(state, parent, via)
            if (state.scene, state.pc + 1) not in self.region and (state.scene, branch.else_pc) not in self.region:
                return None  # no other watched step lies ahead before the next decision
            holds = branch.cond.evaluate(state.vars, state.visited)
            state = state._replace(pc=state.pc + 1 if holds else branch.else_pc)
        return None


def states_at_branches(story: m.Story, found: Exploration, tallies: Mapping[tuple[int, int], Tally],
                       reachable_hotspots: dict[tuple[str, str], set[int]] | None = None) -> None:
    """Add every state in which play reaches the ``if`` steps in ``tallies`` ((scene, pc) keys)."""
    if not tallies or found.graph is None:
        return
    # Only the decisions (and their options) from which a watched `if` can be reached before the next
    # decision are played again.
    wanted, region = leading_to(story, list(tallies))
    probe = _Probe(story, tallies, region, reachable_hotspots)
    probe.settle(probe.runtime.start(), -1, -1)
    for node, state in enumerate(found.graph.states):
        if state is not None and (state.scene, state.pc) in wanted:
            probe.expand(node, state)
