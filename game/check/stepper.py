"""The checker's stepper: from one decision to the next, as a player would play, at full speed.

The explorer asks one question millions of times: from this state (just after
an option is taken), where does play stop next, at a choice, a map or an
ending?  A player gets there through ``Runtime.present`` and ``advance``, line
by line.  ``settle`` answers the same, op for op (``plain``), or, by default,
region by region (``game.check.regions``): a stretch of lines, labels and
``if`` branches is passed in one step, its outcome remembered per key.

Both keep the same books: ``trace`` marks every op run (coverage), ``fresh``
counts the lines, choices and maps run for the first time (capture pictures
those), and a stretch that runs ``SILENT_OP_LIMIT`` ops without a decision is a
loop (``StoryRuntimeError`` of kind LOOP, raised at the same op either way:
where a remembered outcome would cross the limit, the plain walk is replayed).
``tests/test_stepper.py`` holds the two walks to each other and to the runtime.
"""

from __future__ import annotations

from typing import Any

from game.story import model as m
from game.story.runtime import (
    FELL_OFF,
    LOOP,
    NO_RETURN,
    SILENT_OP_LIMIT,
    PerScene,
    Runtime,
    State,
    StoryRuntimeError,
    apply_effects,
    push,
)

from .regions import VALUE_KEY_LIMIT, Outcome, Region, RegionError, region_at

MAX_OUTCOMES = 1 << 18  # remembered outcomes over all regions; past it they are forgotten and found again
PICTURED = frozenset({m.LINE, m.CHOICE, m.MAP})  # what capture pictures: ``fresh`` counts these
_new_state = tuple.__new__  # State(...) runs a Python-level __new__


class _Regions(dict[int, Region | None]):
    """One scene's regions by entry pc, worked out on first entry (None: play that stretch op by op)."""

    def __init__(self, story: m.Story, ops: tuple[m.Op, ...], value_key_limit: int) -> None:
        super().__init__()
        self.story = story
        self.ops = ops
        self.value_key_limit = value_key_limit

    def __missing__(self, pc: int) -> Region | None:
        try:
            region: Region | None = region_at(self.story, self.ops, pc, self.value_key_limit)
        except RegionError:
            region = None
        self[pc] = region
        return region


class Stepper:
    """Settles states of one story for the checker; ``fast=False`` plays every op (the reference walk).

    ``max_outcomes`` bounds the outcomes remembered; ``value_key_limit`` is the regions' (see there).
    ``trace``: the coverage record to mark (one bytearray per scene, fetched on entering a scene);
    a fresh one by default.  Only the plain walk marks every op it runs each time.
    """

    def __init__(self, story: m.Story, *, fast: bool = True, max_outcomes: int = MAX_OUTCOMES,
                 value_key_limit: int = VALUE_KEY_LIMIT, trace: list[bytearray] | None = None) -> None:
        self.story = story
        self.runtime = Runtime(story)
        self.fast = fast
        self.max_outcomes = max_outcomes
        self.trace: list[bytearray] = self.runtime.new_trace() if trace is None else trace
        self.fresh = 0
        self._ops: PerScene[tuple[m.Op, ...]] = PerScene(lambda s: tuple(story.scenes[s].ops))
        self._regions: PerScene[_Regions] = PerScene(lambda s: _Regions(story, self._ops[s], value_key_limit))
        # both at once, for ``settle`` (one lookup where it enters a scene, millions of times)
        self._scene: PerScene[tuple[tuple[m.Op, ...], _Regions]] = PerScene(lambda s: (self._ops[s], self._regions[s]))
        self._remembered = 0
        self._interned: dict[Outcome, Outcome] = {}

    def start(self) -> State:
        return self.runtime.start()

    def op_at(self, state: State) -> m.Op:
        return self._ops[state.scene][state.pc]

    def settle(self, scene: int, pc: int, stack: tuple[tuple[int, int], ...], values: tuple[Any, ...],
               visited: int) -> State:
        """The state at the first choice, map or ending from this one (lines and all else passed)."""
        if not self.fast:
            return self.plain(scene, pc, stack, values, visited)
        # where it started, for the op-by-op walk to replay from (kept apart: a tuple a call costs more)
        entry_scene, entry_pc, entry_stack, entry_values, entry_visited = scene, pc, stack, values, visited
        ops, regions = self._scene[scene]
        budget = SILENT_OP_LIMIT
        while True:
            region = regions[pc]
            if region is None:
                return self.plain(entry_scene, entry_pc, entry_stack, entry_values, entry_visited)
            key = region.key
            if key is None:
                outcome = region.fixed or self._run(scene, pc, values, visited, region, None)
            else:
                value = key(values, visited)
                outcome = region.outcomes.get(value) or self._run(scene, pc, values, visited, region, value)
            there, pc, bits, effects, steps = outcome
            if steps >= budget:  # the limit runs out on the way (or it loops): find the op it runs out at
                return self.plain(entry_scene, entry_pc, entry_stack, entry_values, entry_visited)
            budget -= steps
            visited |= bits
            if effects:
                values = apply_effects(values, effects)
            if there != scene:
                scene = there
                ops, regions = self._scene[scene]
            op: Any = ops[pc]
            kind = op.kind
            if kind == m.BRANCH:  # the next region
                continue
            if kind <= m.LAST_EVENT_KIND:  # a choice, a map or an ending
                return _new_state(State, (scene, pc, stack, values, visited))
            if kind == m.CALL:
                stack = push(stack, scene, pc + 1, op.pos)
                target = op.target
                scene, pc = target.scene, target.pc
                visited |= target.mask
            elif kind == m.RETURN:
                if not stack:
                    raise StoryRuntimeError(NO_RETURN, "`return` with no call to return to", op.pos)
                scene, pc = stack[-1]
                stack = stack[:-1]
            else:
                raise StoryRuntimeError(FELL_OFF, "the scene ran off its end", op.pos)
            ops, regions = self._scene[scene]
            budget -= 1
            if budget == 0:
                raise StoryRuntimeError(LOOP, "a loop runs without ever reaching a choice or ending", op.pos)

    def _run(self, scene: int, pc: int, values: tuple[Any, ...], visited: int, region: Region, key: Any) -> Outcome:
        """Play ``region`` op by op from ``pc`` (marking coverage) and on past its exit; remember the outcome.

        Past a goto or an effect nothing depends on the state up to the next ``if`` or stop: the
        effects met are only collected.  A way that runs ``SILENT_OP_LIMIT`` ops (round a loop with
        no ``if``) ends there, at any op: ``settle`` then replays it op by op.
        """
        ops, covered = self._ops[scene], self.trace[scene]
        bits = steps = 0
        effects: list[m.Effect] = []
        past_exit = False
        while steps < SILENT_OP_LIMIT:
            op: Any = ops[pc]
            kind = op.kind
            if not covered[pc]:
                covered[pc] = 1
                self.fresh += kind in PICTURED
            if kind < m.CHOICE:
                pc += 1
            elif kind == m.BRANCH:
                if past_exit:
                    break
                pc = pc + 1 if op.cond.evaluate(values, visited) else op.else_pc
            elif kind == m.JUMP:
                pc = op.pc
            elif kind == m.LABEL:
                bits |= op.mask
                visited |= op.mask
                pc += 1
            elif kind == m.GOTO:
                past_exit = True
                target = op.target
                bits |= target.mask
                scene, pc = target.scene, target.pc
                ops, covered = self._ops[scene], self.trace[scene]
            elif kind == m.EFFECT:
                past_exit = True
                effects += op.effects
                pc += 1
            else:  # a decision, a call, a return, the end of a scene
                break
            steps += 1
        outcome: Outcome = (scene, pc, bits, tuple(effects), steps)
        outcome = self._interned.setdefault(outcome, outcome)
        if key is None:
            region.fixed = outcome
            return outcome
        if self._remembered >= self.max_outcomes:
            self._forget()
        region.outcomes[key] = outcome
        self._remembered += 1
        return outcome

    def _forget(self) -> None:
        """Drop every remembered outcome keyed by values (the bound on this cache's memory)."""
        for regions in self._regions.values():
            for region in regions.values():
                if region is not None:
                    region.outcomes.clear()
        self._interned.clear()
        self._remembered = 0

    def plain(self, scene: int, pc: int, stack: tuple[tuple[int, int], ...], values: tuple[Any, ...],
              visited: int) -> State:
        """``settle`` op by op: what ``Runtime.present`` and ``advance`` do, with every line passed."""
        ops, covered = self._ops[scene], self.trace[scene]
        for _ in range(SILENT_OP_LIMIT):
            op: Any = ops[pc]
            kind = op.kind
            if not covered[pc]:
                covered[pc] = 1
                self.fresh += kind in PICTURED
            if kind < m.CHOICE:
                pc += 1
            elif kind <= m.LAST_EVENT_KIND:
                return State(scene, pc, stack, values, visited)
            elif kind == m.BRANCH:
                pc = pc + 1 if op.cond.evaluate(values, visited) else op.else_pc
            elif kind == m.JUMP:
                pc = op.pc
            elif kind == m.EFFECT:
                values = apply_effects(values, op.effects)
                pc += 1
            elif kind == m.LABEL:
                visited |= op.mask
                pc += 1
            elif kind == m.GOTO or kind == m.CALL:
                if kind == m.CALL:
                    stack = push(stack, scene, pc + 1, op.pos)
                target = op.target
                scene, pc = target.scene, target.pc
                visited |= target.mask
                ops, covered = self._ops[scene], self.trace[scene]
            elif kind == m.RETURN:
                if not stack:
                    raise StoryRuntimeError(NO_RETURN, "`return` with no call to return to", op.pos)
                scene, pc = stack[-1]
                stack = stack[:-1]
                ops, covered = self._ops[scene], self.trace[scene]
            else:
                raise StoryRuntimeError(FELL_OFF, "the scene ran off its end", op.pos)
        raise StoryRuntimeError(LOOP, "a loop runs without ever reaching a choice or ending", op.pos)
