"""Exhaustive exploration of every reachable state of a story, with the runtime's semantics.

The explorer walks a graph whose nodes are the states at which a player
decides (a choice or a map) and whose edges are the visible options.  Between
two decisions the checker's stepper (``game.check.stepper``) plays the story,
recording every op it runs.  States are exact (position, call stack, variables,
visited bits), so the walk ends on every loop, and breadth-first order gives
the shortest choice path to each ending.  Afterwards a backward pass marks the
states from which some ending can still be reached: every other reachable
decision state is a dead end.

The result keeps the graph (``Exploration.graph``) for the analyses that follow
the walk, and ``firsts``: the edges that ran a line, choice or map for the first
time, in the order they were walked, which is all capture needs to picture every
stop by its shortest path (``game.check.stops``).

Two caps bound a story whose states multiply: a number of states, and a memory
budget for the explorer's own structures, estimated every 1,024 expanded nodes
from their lengths and the measured size of recent states (cheap: a few
``getsizeof`` calls).  A stopped exploration says which cap stopped it and
carries a ``BlowUp`` report: where the states pile up and what varies there.
"""

from __future__ import annotations

import gc
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from game.story import model as m
from game.story.problems import Pos
from game.story.runtime import LOOP, State, StoryRuntimeError, apply_effects

from .blowup import BlowUp, blowup
from .limits import DEFAULT_MAX_MEMORY, DEFAULT_MAX_STATES
from .stepper import Stepper

# What the explorer spends per node and per edge besides the state itself, at its peak: a slot in
# the state -> node dict and in five lists and the int objects numbering nodes, and per edge its slot
# in the successor list and in the predecessor list of the dead-end pass.  Fitted with tracemalloc on
# the shipped story, the 5,000-scene benchmark and stories of 2**14 and 2**17 states (within 16%);
# tests/test_state_cap.py holds the estimate to what tracemalloc sees.
PER_NODE = 190
PER_EDGE = 22
CHECK_EVERY = 1024  # expanded nodes between two looks at the caps' clocks (memory, progress)
Progress = Callable[[int, float], None]


@dataclass(frozen=True)
class DeadEnd:
    """A reachable place from which no ending can be reached, and the choices that lead there."""

    kind: str  # "softlock" | "loop" | "error"
    pos: Pos
    message: str
    path: tuple[int, ...]


@dataclass
class Exploration:
    """Everything one exploration found."""

    endings: dict[str, tuple[int, ...]] = field(default_factory=dict)  # ending id -> shortest path
    dead_ends: list[DeadEnd] = field(default_factory=list)
    reached: set[tuple[int, int]] = field(default_factory=set)  # (scene, pc) of every op run
    options_shown: set[tuple[int, int, int]] = field(default_factory=set)  # (scene, pc, option)
    hotspots_active: set[tuple[str, int]] = field(default_factory=set)  # (map, hotspot)
    hidden_defaults: set[tuple[int, int]] = field(default_factory=set)  # timed choices, default hidden
    states: int = 0
    complete: bool = True
    seconds: float = 0.0
    # The decision states and how each was reached, for analyses after the walk (capture, blockers);
    # whoever holds the result may drop it (set None) to free its memory.
    graph: StateGraph | None = field(default=None, repr=False, compare=False)
    # (node, visible option) of each edge that first ran a line, choice or map, in walking order;
    # node -1 is the way from the story's start to the first decision.
    firsts: list[tuple[int, int]] = field(default_factory=list, repr=False, compare=False)
    stopped_by: str = ""  # "states" | "memory" when a cap stopped it
    memory: int = 0  # bytes the explorer's structures were estimated to hold at the end
    blowup: BlowUp | None = None  # where the states multiplied, when a cap stopped it
    max_states: int = DEFAULT_MAX_STATES  # the caps it ran under
    max_memory: int = DEFAULT_MAX_MEMORY


def state_bytes(state: State) -> int:
    """The bytes one state holds on its own (its tuples and its visited mask; small values are shared)."""
    size = sys.getsizeof(state) + sys.getsizeof(state.vars) + sys.getsizeof(state.visited)
    if state.stack:
        size += sys.getsizeof(state.stack) + sum(sys.getsizeof(frame) for frame in state.stack)
    return size


class StateGraph:
    """The decision states found so far: numbered in breadth-first order, with how each was reached.

    Kept in flat lists (hundreds of thousands of nodes): node ``n``'s successors
    are ``succ[first[n]:first[n + 1]]``, since nodes are expanded in number order.
    """

    def __init__(self) -> None:
        self.number: dict[State, int] = {}
        self.states: list[State | None] = []  # None for a dead end that is not a decision
        self.parent: list[int] = []
        self.via: list[int] = []  # the visible option taken from the parent
        self.succ: list[int] = []
        self.first: list[int] = []  # where each expanded node's successors start in succ
        self.ends: set[int] = set()  # nodes with an option leading straight to an ending
        self.dead: dict[int, tuple[str, Pos, str]] = {}

    def add(self, state: State | None, parent: int, via: int, dead: tuple[str, Pos, str] | None) -> int:
        node = len(self.parent)
        if state is not None:
            self.number[state] = node
        self.states.append(state)
        self.parent.append(parent)
        self.via.append(via)
        if dead is not None:
            self.dead[node] = dead
        return node

    def path(self, node: int) -> tuple[int, ...]:
        steps = []
        while node >= 0 and self.parent[node] >= 0:
            steps.append(self.via[node])
            node = self.parent[node]
        return tuple(reversed(steps))


class Explorer:
    """Explores one story; create one per run."""

    def __init__(self, story: m.Story, *, max_states: int = DEFAULT_MAX_STATES,
                 max_memory: int = DEFAULT_MAX_MEMORY, progress: Progress | None = None,
                 reachable_hotspots: dict[tuple[str, str], set[int]] | None = None,
                 stepper: Stepper | None = None) -> None:
        self.story = story
        self.stepper = stepper or Stepper(story)
        self.runtime = self.stepper.runtime
        self.max_states = max_states
        self.max_memory = max_memory
        self.sampled_bytes = 0  # state_bytes of the states sampled so far, and how many
        self.sampled = 0
        self.progress = progress
        # (map, spawn) -> the hotspots a player can walk to (game.check.maps); a map with no entry
        # is taken as all reachable.  The runtime knows nothing of walking: the filter is here.
        self.reachable_hotspots = reachable_hotspots
        self.result = Exploration(max_states=max_states, max_memory=max_memory)
        self.graph = StateGraph()
        self.shown: dict[tuple[int, int], int] = {}  # (scene, pc) of a choice -> bits of the options shown

    def settle(self, state: State, parent: int, via: int) -> int | None:
        """Play on from ``state`` to the next decision; return its node (None when an ending was reached)."""
        return self._settle(*state, parent, via)

    def _settle(self, scene: int, pc: int, stack: tuple[tuple[int, int], ...], values: tuple[Any, ...],
                visited: int, parent: int, via: int) -> int | None:
        graph, stepper = self.graph, self.stepper
        fresh = stepper.fresh
        try:
            state = stepper.settle(scene, pc, stack, values, visited)
        except StoryRuntimeError as exc:
            if stepper.fresh != fresh:
                self.result.firsts.append((parent, via))
            kind = "loop" if exc.kind == LOOP else "error"
            message = "a loop with no choice and no way out" if kind == "loop" else exc.message
            return graph.add(None, parent, via, (kind, exc.pos or Pos("?", 1, 1), message))
        if stepper.fresh != fresh:
            self.result.firsts.append((parent, via))
        known = graph.number.get(state)
        if known is not None:
            return known
        op: Any = stepper.op_at(state)
        if op.kind == m.ENDING:
            if op.ending not in self.result.endings:
                base = graph.path(parent) if parent >= 0 else ()
                self.result.endings[op.ending] = base + ((via,) if via >= 0 else ())
            if parent >= 0:
                graph.ends.add(parent)
            return None
        return graph.add(state, parent, via, None)

    def run(self) -> Exploration:
        started = last_report = time.perf_counter()
        result, graph, runtime = self.result, self.graph, self.runtime
        # Long-lived states pile up by the hundred thousand; the cyclic collector
        # would rescan them over and over for nothing (they hold no cycles).
        gc_was_enabled = gc.isenabled()
        gc.disable()
        try:
            self.settle(runtime.start(), -1, -1)
            node = 0
            states, first, succ = graph.states, graph.first, graph.succ
            while node < len(states):  # nodes are appended in breadth-first order
                state = states[node]
                first.append(len(succ))
                if state is not None:
                    self.expand(node, state)
                node += 1
                if len(graph.states) > self.max_states:
                    result.stopped_by = "states"
                    break
                if node % CHECK_EVERY == 0:
                    if self.memory() > self.max_memory:
                        result.stopped_by = "memory"
                        break
                    now = time.perf_counter()
                    if self.progress is not None and now - last_report >= 1.0:
                        self.progress(len(graph.states), now - started)
                        last_report = now
            result.states = len(graph.states)
            result.memory = self.memory()
            result.complete = not result.stopped_by
            if result.complete:
                self.find_dead_ends()
            else:
                result.blowup = blowup(self.story, graph.states, result.stopped_by)
        finally:
            if gc_was_enabled:
                gc.enable()
        result.reached = {(scene, pc) for scene, ops in enumerate(self.stepper.trace)
                          for pc, hit in enumerate(ops) if hit}
        result.options_shown = {(scene, pc, index) for (scene, pc), bits in self.shown.items()
                                 for index in range(bits.bit_length()) if bits >> index & 1}
        result.seconds = time.perf_counter() - started
        result.graph = graph
        return result

    def memory(self) -> int:
        """An estimate of the bytes the graph holds now: per node, per edge, and the states' mean size."""
        graph = self.graph
        latest = next((s for s in reversed(graph.states[-8:]) if s is not None), None)
        if latest is not None:
            self.sampled_bytes += state_bytes(latest)
            self.sampled += 1
        mean = self.sampled_bytes / self.sampled if self.sampled else 0.0
        return int(len(graph.states) * (PER_NODE + mean) + len(graph.succ) * PER_EDGE)

    def expand(self, node: int, state: State) -> None:
        """Take every visible option of the decision at ``node``."""
        op: Any = self.runtime.op_at(state)
        if op.kind == m.CHOICE:
            self.expand_choice(node, state, op)
        else:
            self.expand_map(node, state, op)

    def expand_choice(self, node: int, state: State, op: m.Choice) -> None:
        scene, pc, stack, values, visited = state
        successors = self.graph.succ
        settle = self._settle
        bits = visible = 0
        for index, option in enumerate(op.options):  # Runtime.visible and choose, in one pass
            cond = option.cond
            if cond is not None and not cond.evaluate(values, visited):
                continue
            bits |= 1 << index
            effects = option.effects
            child = settle(scene, option.pc, stack, apply_effects(values, effects) if effects else values,
                           visited, node, visible)
            if child is not None:
                successors.append(child)
            visible += 1
        key = (scene, pc)
        self.shown[key] = self.shown.get(key, 0) | bits
        if op.timeout is not None and op.default is not None and not bits >> op.default & 1:
            self.result.hidden_defaults.add(key)
        if not bits:
            self.graph.dead[node] = ("softlock", op.pos, "every option is hidden here")

    def expand_map(self, node: int, state: State, op: m.MapStep) -> None:
        runtime, graph = self.runtime, self.graph
        options = runtime.visible(state)
        for index in options:
            self.result.hotspots_active.add((op.map, index))
        taken = list(enumerate(options))  # (place among the visible options: the path's number, index)
        if self.reachable_hotspots is not None:
            walkable = self.reachable_hotspots.get((op.map, op.spawn))
            if walkable is not None:
                taken = [(visible, index) for visible, index in taken if index in walkable]
        if not taken:
            message = "every option is hidden here" if not options else \
                "no active hotspot of this map can be reached on foot"
            graph.dead[node] = ("softlock", op.pos, message)
            return
        successors = graph.succ
        for visible, index in taken:
            try:
                child_state = runtime.choose(state, index)
            except StoryRuntimeError as exc:
                successors.append(graph.add(None, node, visible, ("error", exc.pos or Pos("?", 1, 1),
                                                                   exc.message)))
                continue
            child = self.settle(child_state, node, visible)
            if child is not None:
                successors.append(child)

    def find_dead_ends(self) -> None:
        """Mark the nodes from which an ending can be reached, and report the others once per place."""
        good = self.can_end()
        graph = self.graph
        reported: set[tuple[str, Pos]] = set()
        node = good.find(0)
        while node >= 0:  # breadth-first numbering: the first report has the shortest path
            state = graph.states[node]
            kind, pos, message = graph.dead.get(node) or (
                "loop", self.stepper.op_at(state).pos if state is not None else Pos("?", 1, 1),
                "from here no ending can be reached: every path loops back")
            if (kind, pos) not in reported:
                reported.add((kind, pos))
                self.result.dead_ends.append(DeadEnd(kind, pos, message, graph.path(node)))
            node = good.find(0, node + 1)

    def can_end(self) -> bytearray:
        """1 for each node from which some ending can be reached.

        Most edges lead to later nodes (breadth-first numbering), so one pass from
        the last node to the first marks almost every such node; what it misses
        (a way on through an earlier node) is found by a walk back over the edges
        of the nodes still unmarked only.
        """
        graph = self.graph
        succ = graph.succ
        first = graph.first + [len(succ)]
        good = bytearray(len(graph.parent))
        for node in graph.ends:
            good[node] = 1
        marked = good.__getitem__
        for node in range(len(good) - 1, -1, -1):
            if not good[node] and any(map(marked, succ[first[node]:first[node + 1]])):
                good[node] = 1
        back: dict[int, list[int]] = {}  # a child -> its unmarked parents
        node = good.find(0)
        while node >= 0:
            for child in succ[first[node]:first[node + 1]]:
                back.setdefault(child, []).append(node)
            node = good.find(0, node + 1)
        stack = [child for child in back if good[child]]
        while stack:
            for parent in back.get(stack.pop(), ()):
                if not good[parent]:
                    good[parent] = 1
                    stack.append(parent)
        return good


def explore(story: m.Story, *, max_states: int = DEFAULT_MAX_STATES, max_memory: int = DEFAULT_MAX_MEMORY,
            progress: Progress | None = None,
            reachable_hotspots: dict[tuple[str, str], set[int]] | None = None) -> Exploration:
    """Explore ``story`` exhaustively (up to ``max_states`` decision states and ``max_memory`` bytes).

    With ``reachable_hotspots`` ((map, spawn) -> hotspot indices), a map offers
    only the active hotspots that can also be reached on foot.
    """
    return Explorer(story, max_states=max_states, max_memory=max_memory, progress=progress,
                    reachable_hotspots=reachable_hotspots).run()
