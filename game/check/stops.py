"""Every stop a player can reach (line, choice, map), each with the shortest way there and its stage.

``find_stops`` is what ``starlight capture`` pictures: decision states (choices
and maps) are walked breadth-first with the real runtime, like the explorer,
but between two decisions the story is played stop by stop so that the stage
(``Presentation``) is known at each line.  Every Line, Choice and Map op gets
the first state at which it is presented, so each is reached by the shortest
list of choices.  The walk stops as soon as every op the explorer found
reachable has its stop.  No pygame: rendering is the UI's.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from game.story import model as m
from game.story.cursor import Cursor, CursorError
from game.story.presentation import Presentation
from game.story.runtime import ChoiceEvent, Runtime, State, StoryRuntimeError

from .explore import explore

MAX_SEGMENT_EVENTS = 200_000  # events between two decisions before a line loop is given up on


@dataclass
class Step:
    """One line, choice or map to picture, and how the player first gets there."""

    number: int
    kind: str  # "line" | "choice" | "map"
    scene: str
    pos: m.Pos
    state: State  # at the op
    presentation: Presentation  # the stage while the op is shown
    event: Any  # the Line op, ChoiceEvent or MapEvent
    under: m.Line | None  # for a choice or map: the line the text box still shows
    path: tuple[int, ...]  # visible option indices taken to get here

    @property
    def png(self) -> str:
        return f"{self.number:04d}-{self.scene}-{self.pos.line}.png"


class _LazyTrace(dict):  # type: ignore[type-arg]
    """A coverage record for ``Runtime.seek`` that allocates only the scenes a walk enters."""

    def __init__(self, sizes: list[int]) -> None:
        super().__init__()
        self.sizes = sizes

    def __missing__(self, scene: int) -> bytearray:
        covered = bytearray(self.sizes[scene])
        self[scene] = covered
        return covered


@dataclass
class _Walked:
    state: State  # at the decision the walk stopped at
    presentation: Presentation
    last: m.Line | None


def find_stops(story: m.Story, max_states: int = 2_000_000) -> tuple[list[Step], bool]:
    """Every reachable line, choice and map with its first (shortest-path) state; and whether all were found.

    Decision states are numbered breadth-first as the explorer numbers them.  Each option's way to
    the next decision is first run at full speed (``seek`` through lines, with a coverage record of
    only the scenes it enters); only a way that shows something not pictured yet is played again
    event by event, with the stage known at its start (itself rebuilt, when needed, by playing the
    ways that led there).  So the cost stays close to one exploration of the story.
    """
    found = explore(story, max_states=max_states)
    runtime = Runtime(story)
    cursor = Cursor(runtime)
    sizes = [len(scene.ops) for scene in story.scenes]
    pending: dict[int, bytearray] = {}  # scene -> 1 at each reachable line / choice / map not pictured yet
    for scene, pc in found.reached:
        if story.scenes[scene].ops[pc].kind in (m.LINE, m.CHOICE, m.MAP):
            pending.setdefault(scene, bytearray(sizes[scene]))[pc] = 1
    pending_bits = {scene: int.from_bytes(marks, "little") for scene, marks in pending.items()}
    missing = [sum(marks.count(1) for marks in pending.values())]
    steps: dict[tuple[int, int], Step] = {}
    states: list[State] = []
    parent: list[int] = []
    option: list[int] = []  # the option index (for choose) that led here from the parent
    visible_no: list[int] = []  # ... and its number among the visible options (for the path)
    number: dict[State, int] = {}
    stage: dict[int, tuple[Presentation, m.Line | None]] = {}

    def path_of(node: int) -> tuple[int, ...]:
        taken = []
        while node >= 0 and parent[node] >= 0:
            taken.append(visible_no[node])
            node = parent[node]
        return tuple(reversed(taken))

    def record(kind: str, state: State, presentation: Presentation, event: Any, under: m.Line | None,
               path: Callable[[], tuple[int, ...]]) -> None:
        key = (state.scene, state.pc)
        if key in steps:
            return
        steps[key] = Step(len(steps) + 1, kind, story.scenes[state.scene].id, runtime.op_at(state).pos, state,
                          presentation, event, under, path())
        marks = pending.get(state.scene)
        if marks is not None and marks[state.pc]:
            marks[state.pc] = 0
            pending_bits[state.scene] = int.from_bytes(marks, "little")
            missing[0] -= 1

    def walk(state: State, presentation: Presentation, last: m.Line | None,
             path: Callable[[], tuple[int, ...]]) -> _Walked | None:
        """Play event by event to the next decision, picturing new lines; None at an ending or a dead loop."""
        looping: set[State] = set()
        try:
            beat = cursor.run(state, presentation)
            for _ in range(MAX_SEGMENT_EVENTS):
                if beat.decision is not None:
                    return _Walked(beat.state, beat.presentation, last)
                line = beat.line
                if line is None:  # an ending
                    return None
                if (beat.state.scene, beat.state.pc) not in steps:
                    record("line", beat.state, beat.presentation, line, last, path)
                elif beat.state in looping:
                    return None  # a loop of lines with no choice: every line of it is pictured
                else:
                    looping.add(beat.state)
                last = line
                beat = cursor.advance(beat)
        except (StoryRuntimeError, CursorError):
            return None
        return None

    def stage_at(node: int) -> tuple[Presentation, m.Line | None]:
        """The stage (and the line in the text box) at decision ``node``, replaying the ways there if needed."""
        chain = []
        while node not in stage:
            chain.append(node)
            node = parent[node]
        for child in reversed(chain):
            presentation, last = stage[parent[child]]
            walked = walk(runtime.choose(states[parent[child]], option[child]), presentation, last,
                          lambda child=child: path_of(child))  # type: ignore[misc]
            assert walked is not None and walked.state == states[child]
            stage[child] = (walked.presentation, walked.last)
        return stage[chain[0] if chain else node]

    def add(state: State, from_node: int, index: int, visible: int,
            seen: tuple[Presentation, m.Line | None] | None) -> None:
        if state in number:
            return
        node = len(states)
        number[state] = node
        states.append(state)
        parent.append(from_node)
        option.append(index)
        visible_no.append(visible)
        if seen is not None:
            stage[node] = seen
        if (state.scene, state.pc) not in steps:
            presentation, last = stage_at(node)
            event = runtime.event_at(state)
            record("choice" if isinstance(event, ChoiceEvent) else "map", state, presentation, event, last,
                   lambda: path_of(node))

    first = walk(runtime.start(), Presentation(), None, tuple)
    if first is not None:
        add(first.state, -1, -1, -1, (first.presentation, first.last))
    node = 0
    while node < len(states) and missing[0] > 0 and len(states) <= max_states:
        state = states[node]
        for visible, index in enumerate(runtime.visible(state)):
            try:
                child = runtime.choose(state, index)
            except StoryRuntimeError:
                continue
            trace = _LazyTrace(sizes)
            try:
                end: State | None = runtime.seek(child, trace, through=True)
                new = any(pending_bits.get(scene, 0) & int.from_bytes(covered, "little")
                          for scene, covered in trace.items())
            except StoryRuntimeError:
                end, new = None, True  # a loop of lines, say: play it event by event
            if new:
                presentation, last = stage_at(node)
                walked = walk(child, presentation, last, lambda node=node, visible=visible: path_of(node) + (visible,))  # type: ignore[misc]
                if walked is not None:
                    add(walked.state, node, index, visible, (walked.presentation, walked.last))
            elif end is not None and runtime.op_at(end).kind != m.ENDING:
                add(end, node, index, visible, None)
        node += 1
    return list(steps.values()), found.complete and missing[0] == 0
