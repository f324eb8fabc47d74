"""Every stop a player can reach (line, choice, map), each with the shortest way there and its stage.

``find_stops`` is what ``starlight capture`` pictures.  The explorer's one
breadth-first search of the decision states (choices and maps) says which way
(option taken at a decision) first ran each line, choice and map; those ways are
played again stop by stop with the real runtime, so that the stage
(``Presentation``) is known at each line.  Every Line, Choice and Map op gets
the first state at which it is presented, so each is reached by the shortest
list of choices.  No pygame: rendering is the UI's.
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


@dataclass
class _Walked:
    state: State  # at the decision the walk stopped at
    presentation: Presentation
    last: m.Line | None


def find_stops(story: m.Story, max_states: int = 2_000_000) -> tuple[list[Step], bool]:
    """Every reachable line, choice and map with its first (shortest-path) state; and whether all were found.

    One exploration finds every decision state breadth-first and the ways (edges) that ran a line,
    choice or map for the first time (``Exploration.firsts``).  Only those ways are played again,
    event by event, with the stage known at their start (itself rebuilt, when needed, by playing the
    ways that led there).  So the cost stays close to one exploration of the story.
    """
    found = explore(story, max_states=max_states)
    graph = found.graph
    assert graph is not None
    runtime = Runtime(story)
    cursor = Cursor(runtime)
    wanted = {(scene, pc) for scene, pc in found.reached if story.scenes[scene].ops[pc].kind in (m.LINE, m.CHOICE, m.MAP)}
    steps: dict[tuple[int, int], Step] = {}
    stage: dict[int, tuple[Presentation, m.Line | None]] = {}

    def record(kind: str, state: State, presentation: Presentation, event: Any, under: m.Line | None,
               path: Callable[[], tuple[int, ...]]) -> None:
        key = (state.scene, state.pc)
        if key not in steps:
            steps[key] = Step(len(steps) + 1, kind, story.scenes[state.scene].id, runtime.op_at(state).pos, state,
                              presentation, event, under, path())

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

    def option_of(node: int) -> State:
        """The state just after the option that first led to ``node`` was taken."""
        parent = graph.parent[node]
        before = graph.states[parent]
        assert before is not None
        return runtime.choose(before, runtime.visible(before)[graph.via[node]])

    def stage_at(node: int) -> tuple[Presentation, m.Line | None]:
        """The stage (and the line in the text box) at decision ``node``, replaying the ways there if needed."""
        chain = []
        while node not in stage:
            chain.append(node)
            node = graph.parent[node]
        for child in reversed(chain):
            presentation, last = stage[graph.parent[child]]
            walked = walk(option_of(child), presentation, last, lambda child=child: graph.path(child))  # type: ignore[misc]
            assert walked is not None and walked.state == graph.states[child]
            stage[child] = (walked.presentation, walked.last)
        return stage[chain[0] if chain else node]

    def arrive(walked: _Walked) -> None:
        """The decision a way first led to: its stage, and its own step when the choice or map is new."""
        node = graph.number[walked.state]
        stage.setdefault(node, (walked.presentation, walked.last))
        if (walked.state.scene, walked.state.pc) not in steps:
            event = runtime.event_at(walked.state)
            record("choice" if isinstance(event, ChoiceEvent) else "map", walked.state, walked.presentation, event,
                   walked.last, lambda: graph.path(node))

    for node, visible in found.firsts:
        if node < 0:
            walked = walk(runtime.start(), Presentation(), None, tuple)
        else:
            state = graph.states[node]
            assert state is not None
            try:
                child = runtime.choose(state, runtime.visible(state)[visible])
            except StoryRuntimeError:
                continue  # a call nesting too deep: nothing is shown on that way
            presentation, last = stage_at(node)
            walked = walk(child, presentation, last, lambda node=node, visible=visible: graph.path(node) + (visible,))  # type: ignore[misc]
        if walked is not None:
            arrive(walked)
    return list(steps.values()), found.complete and wanted <= steps.keys()
