"""Exhaustive exploration of every reachable state of a story, through the real runtime.

The explorer walks a graph whose nodes are the states at which a player
decides (a choice or a map) and whose edges are the visible options.  Between
two decisions it simply plays the story, recording every op it runs.  States
are exact (position, call stack, variables, visited bits), so the walk ends on
every loop, and breadth-first order gives the shortest choice path to each
ending.  Afterwards a backward pass marks the states from which some ending can
still be reached: every other reachable decision state is a dead end.
"""

from __future__ import annotations

import time
from collections import deque
from dataclasses import dataclass, field
from typing import Callable

from game.story import model as m
from game.story.playthrough import visible_options
from game.story.runtime import ChoiceEvent, MapEvent, Runtime, State, StoryRuntimeError

DEFAULT_MAX_STATES = 2_000_000
Progress = Callable[[int, float], None]


@dataclass(frozen=True)
class DeadEnd:
    """A reachable place from which no ending can be reached, and the choices that lead there."""

    kind: str  # "softlock" | "loop" | "error"
    pos: m.Pos
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


@dataclass
class _Segment:
    """Where playing on from a state led: a decision, an ending, or a dead end."""

    state: State | None = None
    event: ChoiceEvent | MapEvent | None = None
    ending: str | None = None
    dead: tuple[str, m.Pos, str] | None = None


class Explorer:
    """Explores one story; create one per run."""

    def __init__(self, story: m.Story, *, max_states: int = DEFAULT_MAX_STATES,
                 progress: Progress | None = None) -> None:
        self.story = story
        self.runtime = Runtime(story)
        self.max_states = max_states
        self.progress = progress
        self.result = Exploration()

    def play_on(self, state: State) -> _Segment:
        """Play from ``state`` through lines and presentation until something needs the player."""
        runtime, trace = self.runtime, self.result.reached
        seen: set[State] = set()
        try:
            while True:
                state, event = runtime.present(state, trace)
                if isinstance(event, (ChoiceEvent, MapEvent)):
                    return _Segment(state=state, event=event)
                if event.kind == m.ENDING:
                    return _Segment(ending=event.ending)
                if state in seen:
                    return _Segment(dead=("loop", event.pos, "a loop with no choice and no way out"))
                seen.add(state)
                state = runtime.advance(state)
        except StoryRuntimeError as exc:
            return _Segment(dead=("error", exc.pos or m.Pos("?", 1, 1), exc.message))

    def run(self) -> Exploration:
        started = time.perf_counter()
        result = self.result
        # Node bookkeeping: each decision state gets a number; parents give shortest paths.
        number: dict[State, int] = {}
        parent: list[tuple[int, int]] = []  # (parent node, visible index); (-1, -1) for the root
        successors: list[list[int]] = []
        reaches_ending: list[bool] = []
        dead_at: list[tuple[str, m.Pos, str] | None] = []
        node_pos: list[m.Pos] = []  # the choice or map a decision node stands at
        queue: deque[tuple[int, State, ChoiceEvent | MapEvent]] = deque()
        last_report = started

        def path_to(node: int) -> tuple[int, ...]:
            steps = []
            while node >= 0:
                node, index = parent[node]
                if index >= 0:
                    steps.append(index)
            return tuple(reversed(steps))

        def arrive(segment: _Segment, from_node: int, index: int) -> int | None:
            """Record where a segment led; return the node number of a new or known decision."""
            if segment.ending is not None:
                if segment.ending not in result.endings:
                    base = path_to(from_node) if from_node >= 0 else ()
                    result.endings[segment.ending] = base + ((index,) if index >= 0 else ())
                if from_node >= 0:
                    reaches_ending[from_node] = True
                return None
            if segment.dead is not None:
                node = len(parent)
                parent.append((from_node, index))
                successors.append([])
                reaches_ending.append(False)
                dead_at.append(segment.dead)
                node_pos.append(segment.dead[1])
                return node
            assert segment.state is not None and segment.event is not None
            known = number.get(segment.state)
            if known is not None:
                return known
            node = len(parent)
            number[segment.state] = node
            parent.append((from_node, index))
            successors.append([])
            reaches_ending.append(False)
            dead_at.append(None)
            node_pos.append(segment.event.op.pos)
            queue.append((node, segment.state, segment.event))
            return node

        arrive(self.play_on(self.runtime.start()), -1, -1)
        while queue:
            node, state, event = queue.popleft()
            self.note_event(state, event)
            options = visible_options(event)
            if not options:
                dead_at[node] = ("softlock", event.op.pos, "every option is hidden here")
            for visible, index in enumerate(options):
                try:
                    child_state = self.runtime.choose(state, index)
                    segment = self.play_on(child_state)
                except StoryRuntimeError as exc:
                    segment = _Segment(dead=("error", exc.pos or event.op.pos, exc.message))
                child = arrive(segment, node, visible)
                if child is not None:
                    successors[node].append(child)
            if len(parent) > self.max_states:
                result.complete = False
                break
            now = time.perf_counter()
            if self.progress is not None and now - last_report >= 1.0:
                self.progress(len(parent), now - started)
                last_report = now
        result.states = len(parent)
        if result.complete:
            self.find_dead_ends(parent, successors, reaches_ending, dead_at, node_pos, path_to)
        result.seconds = time.perf_counter() - started
        return result

    def note_event(self, state: State, event: ChoiceEvent | MapEvent) -> None:
        if isinstance(event, ChoiceEvent):
            for option in event.options:
                self.result.options_shown.add((state.scene, state.pc, option.index))
            if event.timeout is not None and event.default is None and event.op.default is not None:
                self.result.hidden_defaults.add((state.scene, state.pc))
        else:
            for hotspot in event.hotspots:
                self.result.hotspots_active.add((event.map.name, hotspot.index))

    def find_dead_ends(self, parent: list[tuple[int, int]], successors: list[list[int]],
                       reaches_ending: list[bool], dead_at: list[tuple[str, m.Pos, str] | None],
                       node_pos: list[m.Pos], path_to: Callable[[int], tuple[int, ...]]) -> None:
        """Mark nodes that can reach an ending (backwards), and report the rest once per place."""
        predecessors: list[list[int]] = [[] for _ in parent]
        for node, children in enumerate(successors):
            for child in children:
                predecessors[child].append(node)
        good = list(reaches_ending)
        stack = [n for n, ok in enumerate(good) if ok]
        while stack:
            node = stack.pop()
            for pred in predecessors[node]:
                if not good[pred]:
                    good[pred] = True
                    stack.append(pred)
        reported: set[tuple[str, m.Pos]] = set()
        for node in range(len(parent)):  # node numbers are in BFS order: first report = shortest path
            if good[node]:
                continue
            kind, pos, message = dead_at[node] or (
                "loop", node_pos[node], "from here no ending can be reached: every path loops back")
            if (kind, pos) in reported:
                continue
            reported.add((kind, pos))
            self.result.dead_ends.append(DeadEnd(kind, pos, message, path_to(node)))


def explore(story: m.Story, *, max_states: int = DEFAULT_MAX_STATES,
            progress: Progress | None = None) -> Exploration:
    """Explore ``story`` exhaustively (up to ``max_states`` decision states)."""
    return Explorer(story, max_states=max_states, progress=progress).run()
