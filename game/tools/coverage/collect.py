"""Playing for coverage: replays and seeded random playthroughs, and what each of them ran.

Replays run through the replay engine (``game.check.replay``), so a replay
counts exactly as ``starlight replay`` plays it, expectations included.  Random
playthroughs take a random visible option at every choice (and, on maps, a
random hotspot the player can walk to) until an ending, with a bound on their
length so that a story with a loop of choices cannot keep one going forever.
"""

from __future__ import annotations

import random
from dataclasses import dataclass, field
from typing import Any

from game.check.maps import ReachableHotspots
from game.check.replay import Replay, ReplayError, ReplayResult, run_replay
from game.story import model as m
from game.story.runtime import SILENT_OP_LIMIT, ChoiceEvent, MapEvent, Runtime, State, StoryRuntimeError

MAX_CHOICES = 10_000  # per random playthrough
MAX_EVENTS = 1_000_000  # lines and decisions, per random playthrough


@dataclass
class Hits:
    """Everything some playthroughs ran: ops, options and hotspots taken, endings reached."""

    ops: list[bytearray]  # per scene, per op: 1 once run
    options: set[tuple[int, int, int]] = field(default_factory=set)  # (scene, pc of the choice, option)
    hotspots: set[tuple[str, int]] = field(default_factory=set)  # (map, hotspot)
    endings: set[str] = field(default_factory=set)
    replays: list[ReplayResult] = field(default_factory=list)
    random_runs: int = 0
    random_unfinished: int = 0  # random playthroughs that hit the length bound or a runtime error

    def merge_trace(self, trace: list[bytearray]) -> None:
        for total, run in zip(self.ops, trace):
            for pc, hit in enumerate(run):
                if hit:
                    total[pc] = 1

    def took(self, runtime: Runtime, state: State, index: int) -> None:
        """Count option (or hotspot) ``index`` taken at the choice (or map) ``state`` is at."""
        op: Any = runtime.op_at(state)
        if op.kind == m.CHOICE:
            self.options.add((state.scene, state.pc, index))
        else:
            self.hotspots.add((op.map, index))


def new_hits(story: m.Story) -> Hits:
    return Hits(Runtime(story).new_trace())


def play_replays(story: m.Story, replays: list[Replay], hits: Hits) -> None:
    """Run each replay on ``story`` (already loaded), adding what it ran to ``hits``."""
    runtime = Runtime(story)
    for replay in replays:
        trace = runtime.new_trace()  # one per replay: the engine compares it before and after labels
        taken: list[tuple[Any, int]] = []
        try:
            result = run_replay(replay, story, trace=trace, taken=taken)
        except ReplayError as exc:
            result = ReplayResult(replay.file, failures=[str(exc)])
        hits.replays.append(result)
        hits.merge_trace(trace)
        for state, index in taken:
            hits.took(runtime, state, index)
        if result.ending is not None:
            hits.endings.add(result.ending)


def play_random(story: m.Story, count: int, seed: int, hits: Hits,
                walkable: ReachableHotspots | None = None) -> None:
    """``count`` random playthroughs from the start (the same ones for the same ``seed``)."""
    runtime = Runtime(story)
    rng = random.Random(seed)
    for _ in range(count):
        hits.random_runs += 1
        if not _random_playthrough(runtime, rng, hits, walkable):
            hits.random_unfinished += 1


def _random_playthrough(runtime: Runtime, rng: random.Random, hits: Hits, walkable: ReachableHotspots | None) -> bool:
    """One playthrough; False when it did not reach an ending."""
    state = runtime.start()
    choices = passed = 0  # passed: events since the last decision
    try:
        for _ in range(MAX_EVENTS):
            state, event = runtime.present(state, hits.ops)
            if isinstance(event, m.Ending):
                hits.endings.add(event.ending)
                return True
            if isinstance(event, ChoiceEvent):
                options = [o.index for o in event.options]
            elif isinstance(event, MapEvent):
                options = [h.index for h in event.hotspots]
                allowed = (walkable or {}).get((event.map.name, event.spawn))
                if allowed is not None:
                    options = [i for i in options if i in allowed]
            else:  # a line or a change of stage: on, unless play loops without a decision
                passed += 1
                if passed > SILENT_OP_LIMIT:
                    return False
                state = runtime.advance(state)
                continue
            passed = 0
            if not options or choices >= MAX_CHOICES:
                return False
            index = rng.choice(options)
            hits.took(runtime, state, index)
            state = runtime.choose(state, index)
            choices += 1
    except StoryRuntimeError:
        return False
    return False
