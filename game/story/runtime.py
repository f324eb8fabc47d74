"""The one interpreter of stories: deterministic, pure, shared by the game and every tool.

A ``State`` says where the story is (scene, op), the call stack, the variables
and the visited bits.  It is an immutable, hashable tuple, so copying is free
and the explorer can put millions in a set.  The runtime never changes a state:

    state = runtime.start()
    state, event = runtime.present(state)   # runs silent ops up to the next event
    state = runtime.advance(state)          # past a line / bg / show / ... event
    state = runtime.choose(state, index)    # at a Choice or MapEvent: take option `index`

``present`` returns the state positioned *at* the event, which is what a save
records: loading it presents the same line again.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, ClassVar, NamedTuple, Protocol, TypeVar

from . import model as m

_T = TypeVar("_T")

SILENT_OP_LIMIT = 100_000


# What went wrong, for tools that treat each differently (the explorer reports loops as dead ends).
LOOP, TOO_DEEP, NO_RETURN, FELL_OFF = "loop", "too-deep", "no-return", "fell-off"


class StoryRuntimeError(Exception):
    """The story did something only a run can reveal: too deep a call, a return with no call, a silent loop."""

    def __init__(self, kind: str, message: str, pos: m.Pos | None = None) -> None:
        super().__init__(f"{pos}: {message}" if pos else message)
        self.kind = kind
        self.pos = pos
        self.message = message


class State(NamedTuple):
    scene: int
    pc: int
    stack: tuple[tuple[int, int], ...]  # return points: (scene, pc)
    vars: tuple[Any, ...]
    visited: int  # bit i set: story.tracked[i] has been visited


# State(...) runs a Python-level __new__; the hot paths build the tuple directly.
_new_state = tuple.__new__


@dataclass(frozen=True, slots=True)
class ChoiceOption:
    """A visible option: ``index`` is its place among all options of the choice (what ``choose`` takes)."""

    index: int
    text: m.Text


@dataclass(frozen=True, slots=True)
class ChoiceEvent:
    """A choice as the player meets it: the options visible now."""

    kind: ClassVar[int] = m.CHOICE
    options: tuple[ChoiceOption, ...]
    timeout: float | None
    default: int | None  # the option index taken when time runs out, if that option is visible
    op: m.Choice

    @property
    def sid(self) -> m.StepId | None:
        return self.op.sid


@dataclass(frozen=True, slots=True)
class HotspotOption:
    """An active hotspot: ``index`` is its place among all the map's hotspots (what ``choose`` takes)."""

    index: int
    hotspot: m.Hotspot


@dataclass(frozen=True, slots=True)
class MapEvent:
    """A map as the player meets it: the hotspots active now."""

    kind: ClassVar[int] = m.MAP
    map: m.MapInfo
    spawn: str
    hotspots: tuple[HotspotOption, ...]  # the active ones
    op: m.MapStep

    @property
    def sid(self) -> m.StepId | None:
        return self.op.sid


Event = (m.Line | m.Background | m.Show | m.Hide | m.Music | m.Sfx | m.Wait | m.Transmit | m.Elapse | m.Ending
         | ChoiceEvent | MapEvent)


class Trace(Protocol):
    """A coverage record: ``trace[scene][pc] = 1`` for every op run (a list, or a dict filled lazily)."""

    def __getitem__(self, scene: int, /) -> bytearray: ...


class _PerScene(dict[int, _T]):
    """Something worked out per scene index the first time it is asked for."""

    def __init__(self, make: Callable[[int], _T]) -> None:
        super().__init__()
        self._make = make

    def __missing__(self, scene: int) -> _T:
        value = self[scene] = self._make(scene)
        return value


class Runtime:
    """Plays one Story.  Holds no play state of its own: everything lives in State."""

    def __init__(self, story: m.Story) -> None:
        self.story = story
        # Per scene, filled on first use: a story from the cache decodes a scene's
        # ops only when play reaches it (tuple() also turns them into a plain tuple).
        self._ops: _PerScene[tuple[m.Op, ...]] = _PerScene(lambda s: tuple(story.scenes[s].ops))
        self._runs: _PerScene[Any] = _PerScene(lambda s: _presentation_runs(self._ops[s]))
        self._chains: _PerScene[Any] = _PerScene(lambda s: _silent_chains(self._ops[s]))

    # --- starting ---

    def start(self, at: str | None = None, variables: dict[str, Any] | None = None) -> State:
        """A new playthrough at the story's start (or at scene / scene.label ``at``)."""
        target = self.story.start
        if at is not None:
            found = self.story.resolve(at)
            if found is None:
                raise KeyError(f"no scene or scene.label {at!r} in this story")
            target = found
        values = self.story.defaults()
        if variables:
            values = self.with_variables(values, variables)
        return State(target.scene, target.pc, (), values, target.mask)

    def with_variables(self, values: tuple[Any, ...], changes: dict[str, Any]) -> tuple[Any, ...]:
        """``values`` with ``changes`` applied, each checked against its declaration."""
        result = list(values)
        index = self.story.var_index
        for name, value in changes.items():
            if name not in index:
                raise KeyError(f"no variable {name!r} in this story")
            var = self.story.variables[index[name]]
            ok = ((var.type == "int" and type(value) is int and var.min <= value <= var.max)
                  or (var.type == "bool" and type(value) is bool)
                  or (var.type == "enum" and value in var.values))
            if not ok:
                raise ValueError(f"{value!r} is not a valid value of {name!r} ({var.type})")
            result[index[name]] = value
        return tuple(result)

    # --- stepping ---

    def op_at(self, state: State) -> m.Op:
        return self._ops[state.scene][state.pc]

    def present(self, state: State, trace: Trace | None = None,
                through: bool = False) -> tuple[State, Event]:
        """Run silent ops from ``state`` up to the next event; the returned state is at that event.

        ``trace``, when given, gets ``trace[scene][pc] = 1`` for every op run: the
        checker's coverage.  With ``through`` set, lines and other presentation
        events are passed by too, up to the next choice, map or ending: how the
        checker and fast-forwarding tools play between decisions.
        """
        here = self.seek(state, trace, through)
        return here, self.event_at(here)

    def event_at(self, state: State) -> Event:
        """The event of the presentation, choice, map or ending op ``state`` is at."""
        op: Any = self._ops[state.scene][state.pc]
        if op.kind == m.CHOICE:
            return self._choice_event(op, state.vars, state.visited)
        if op.kind == m.MAP:
            return self._map_event(op, state.vars, state.visited)
        return op  # type: ignore[no-any-return]

    def seek(self, state: State, trace: Trace | None = None, through: bool = False) -> State:
        """The state at the next event from ``state`` (see ``present``), without building the event."""
        scene, pc, stack, values, visited = state
        ops = self._ops[scene]
        runs = self._runs[scene]
        chains = self._chains[scene] if through else None
        covered = trace[scene] if trace is not None else None
        budget = SILENT_OP_LIMIT
        moved = False
        # The hot loop of the game and of every tool: locals and an if-chain on small ints.
        while True:
            if chains is not None:
                chain = chains[pc]
                # Lines, pictures, sounds, jumps and labels passed in one step, unless the loop budget
                # would run out on the way (then op by op, so a silent loop is caught at the same op).
                if chain is not None and chain[2] < budget:
                    end, mask, steps, spans = chain
                    # A marked op has its whole chain marked: whatever passed it went on the same way
                    # (or, failing a loop budget, round a loop that had marked the rest many times over).
                    if covered is not None and not covered[pc]:
                        for first, stop, ones in spans:
                            covered[first:stop] = ones
                    visited |= mask
                    budget -= steps
                    pc = end
                    moved = True
            op: Any = ops[pc]
            kind = op.kind
            if covered is not None:
                covered[pc] = 1
            if kind <= m.LAST_EVENT_KIND:
                if kind >= m.CHOICE or not through:
                    return _new_state(State, (scene, pc, stack, values, visited)) if moved else state
                end = runs[pc]  # pass the whole run of lines / bg / show ... at once
                # Whoever marked the next op of the run marked the rest of it too; a run entered
                # in its middle before is not marked from here, so test that op, not the run's end.
                if covered is not None and end > pc + 1 and not covered[pc + 1]:
                    covered[pc:end] = b"\x01" * (end - pc)
                pc = end
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
                    if len(stack) >= m.MAX_CALL_DEPTH:
                        raise StoryRuntimeError(TOO_DEEP, f"calls nest deeper than {m.MAX_CALL_DEPTH}", op.pos)
                    stack = stack + ((scene, pc + 1),)
                target = op.target
                scene, pc = target.scene, target.pc
                visited |= target.mask
                ops, runs = self._ops[scene], self._runs[scene]
                chains = self._chains[scene] if through else None
                covered = trace[scene] if trace is not None else None
            elif kind == m.RETURN:
                if not stack:
                    raise StoryRuntimeError(NO_RETURN, "`return` with no call to return to", op.pos)
                scene, pc = stack[-1]
                stack = stack[:-1]
                ops, runs = self._ops[scene], self._runs[scene]
                chains = self._chains[scene] if through else None
                covered = trace[scene] if trace is not None else None
            else:
                raise StoryRuntimeError(FELL_OFF, "the scene ran off its end", op.pos)
            moved = True
            budget -= 1
            if budget == 0:
                what = "choice or ending" if through else "line or choice"
                raise StoryRuntimeError(LOOP, f"a loop runs without ever reaching a {what}", op.pos)

    def new_trace(self) -> list[bytearray]:
        """An empty coverage record for ``present(trace=...)``: one byte per op."""
        return [bytearray(len(scene.ops)) for scene in self.story.scenes]

    def advance(self, state: State) -> State:
        """Past the presentation event ``state`` is at (not a choice, map or ending)."""
        kind = self._ops[state.scene][state.pc].kind
        if kind in (m.CHOICE, m.MAP, m.ENDING):
            raise ValueError("advance() past a choice, map or ending: use choose(), or start again")
        return _new_state(State, (state.scene, state.pc + 1, state.stack, state.vars, state.visited))

    def choose(self, state: State, index: int) -> State:
        """Take option (or hotspot) ``index`` of the choice or map ``state`` is at."""
        op: Any = self._ops[state.scene][state.pc]
        if op.kind == m.CHOICE:
            return self._take_option(state, op, index)
        if op.kind == m.MAP:
            return self._take_hotspot(state, op, index)
        raise ValueError("choose() at a step that is not a choice or a map")

    def option_states(self, state: State) -> list[tuple[int, State]]:
        """At a choice: (index, the state taking it gives) for each option visible now.

        The same as ``visible`` then ``choose`` for each option, in one pass (the
        checker asks this once per decision state of a story).
        """
        scene, _pc, stack, values, visited = state
        op: Any = self._ops[scene][state.pc]
        if op.kind != m.CHOICE:
            raise ValueError("option_states() at a step that is not a choice")
        result = []
        for index, option in enumerate(op.options):
            cond = option.cond
            if cond is None or cond.evaluate(values, visited):
                effects = option.effects
                result.append((index, _new_state(State, (scene, option.pc, stack,
                                                         apply_effects(values, effects) if effects else values,
                                                         visited))))
        return result

    def _take_option(self, state: State, op: m.Choice, index: int) -> State:
        if not 0 <= index < len(op.options):
            raise ValueError(f"the choice has no option {index}")
        option = op.options[index]
        if option.cond is not None and not option.cond.evaluate(state.vars, state.visited):
            raise ValueError(f"option {index} is hidden now")
        values = apply_effects(state.vars, option.effects) if option.effects else state.vars
        return State(state.scene, option.pc, state.stack, values, state.visited)

    def _take_hotspot(self, state: State, op: m.MapStep, index: int) -> State:
        hotspots = self.story.maps[op.map].hotspots
        if not 0 <= index < len(hotspots):
            raise ValueError(f"the map has no hotspot {index}")
        hotspot = hotspots[index]
        if hotspot.cond is not None and not hotspot.cond.evaluate(state.vars, state.visited):
            raise ValueError(f"hotspot {hotspot.name!r} is not active now")
        stack = state.stack
        if hotspot.action == "call":
            if len(stack) >= m.MAX_CALL_DEPTH:
                raise StoryRuntimeError(TOO_DEEP, f"calls nest deeper than {m.MAX_CALL_DEPTH}", hotspot.pos)
            stack = stack + ((state.scene, state.pc),)  # come back to the map itself
        target = hotspot.target
        return State(target.scene, target.pc, stack, state.vars, state.visited | target.mask)

    def visible(self, state: State) -> list[int]:
        """The option (or hotspot) indices a player can take at the choice or map ``state`` is at."""
        op: Any = self._ops[state.scene][state.pc]
        values, visited = state.vars, state.visited
        items = op.options if op.kind == m.CHOICE else self.story.maps[op.map].hotspots
        return [i for i, item in enumerate(items) if item.cond is None or item.cond.evaluate(values, visited)]

    # --- events ---

    @staticmethod
    def _choice_event(op: m.Choice, values: tuple[Any, ...], visited: int) -> ChoiceEvent:
        shown = tuple(ChoiceOption(i, o.text) for i, o in enumerate(op.options)
                      if o.cond is None or o.cond.evaluate(values, visited))
        default = op.default if op.default is not None and any(o.index == op.default for o in shown) else None
        return ChoiceEvent(shown, op.timeout, default, op)

    def _map_event(self, op: m.MapStep, values: tuple[Any, ...], visited: int) -> MapEvent:
        info = self.story.maps[op.map]
        active = tuple(HotspotOption(i, h) for i, h in enumerate(info.hotspots)
                       if h.cond is None or h.cond.evaluate(values, visited))
        return MapEvent(info, op.spawn, active, op)

    # --- reading state ---

    def variables(self, state: State) -> dict[str, Any]:
        return {var.name: value for var, value in zip(self.story.variables, state.vars)}

    def visited_keys(self, state: State) -> list[str]:
        return [key for i, key in enumerate(self.story.tracked) if state.visited >> i & 1]


def _presentation_runs(ops: tuple[m.Op, ...]) -> list[int]:
    """For each op, where the run of presentation ops (line, bg, show, ...) it stands in ends."""
    ends = [0] * len(ops)
    end = len(ops)
    for pc in range(len(ops) - 1, -1, -1):
        if ops[pc].kind >= m.CHOICE:
            end = pc
        ends[pc] = end if ops[pc].kind < m.CHOICE else pc
    return ends


Span = tuple[int, int, memoryview]  # first pc, pc after the last, the bytes that mark them covered
Chain = tuple[int, int, int, tuple[Span, ...]]  # where it ends, visited bits it sets, loop steps, spans
_PRESENTATION = frozenset(range(m.LINE, m.CHOICE))  # lines, pictures, sounds, waits, signals
_FOLDABLE = _PRESENTATION | {m.JUMP, m.LABEL}


def _silent_chains(ops: tuple[m.Op, ...]) -> list[Chain | None]:
    """For each op, the chain of ops from it that need no state to pass (when nothing stops at lines).

    Lines, pictures, sounds, jumps and labels always lead to the same next op, so
    a seek "through" them can jump straight to the first op that reads or
    changes the state (a branch, an effect, a goto...) or stops (a choice, a map,
    an ending), setting the visited bits of the labels on the way.  A chain also
    counts the steps the op-by-op loop would take (a run of presentation ops is
    one), so the loop budget runs out where it would have.  None for other ops,
    and for ops caught in a loop of such ops (the seek's own budget reports those).
    """
    result: list[tuple[int, int, int, tuple[tuple[int, int], ...]] | None] = [None] * len(ops)
    done = [False] * len(ops)
    for start, first_op in enumerate(ops):
        if done[start] or first_op.kind not in _FOLDABLE:
            continue
        path: list[int] = []
        on_path: set[int] = set()
        pc = start
        tail: tuple[int, int, int, tuple[tuple[int, int], ...]] | None
        while True:  # walk to the end of the chain (or into one already known, or round a loop)
            op: Any = ops[pc]
            if op.kind not in _FOLDABLE:
                tail = (pc, 0, 0, ())
                break
            if done[pc]:
                tail = result[pc]
                break
            if pc in on_path:
                tail = None
                break
            path.append(pc)
            on_path.add(pc)
            pc = op.pc if op.kind == m.JUMP else pc + 1
        for pc in reversed(path):  # each op's chain is its own span followed by its successor's chain
            done[pc] = True
            if tail is not None:
                end, mask, steps, spans = tail
                op = ops[pc]
                if op.kind == m.LABEL:
                    mask |= op.mask
                # the op-by-op loop passes a whole run of presentation ops in one step
                if not (op.kind in _PRESENTATION and ops[pc + 1].kind in _PRESENTATION):
                    steps += 1
                if spans and spans[0][0] == pc + 1 and op.kind != m.JUMP:
                    spans = ((pc, spans[0][1]),) + spans[1:]
                else:
                    spans = ((pc, pc + 1),) + spans
                tail = (end, mask, steps, spans)
            result[pc] = tail
    ones = memoryview(b"\x01" * len(ops))  # one buffer per scene; each span marks with a view of it
    return [None if chain is None else
            (chain[0], chain[1], chain[2], tuple((a, b, ones[:b - a]) for a, b in chain[3]))
            for chain in result]


def apply_effects(values: tuple[Any, ...], effects: tuple[m.Effect, ...]) -> tuple[Any, ...]:
    """``values`` after `set` / `add` effects; additions are clamped to the variable's range."""
    result = list(values)
    for index, add, value, low, high in effects:
        if add:
            total = result[index] + value
            result[index] = low if total < low else high if total > high else total
        else:
            result[index] = value
    return tuple(result)
