"""The one interpreter of stories: deterministic, pure, shared by the game and every tool.

A ``State`` says where the story is (scene, op), the call stack, the variables
and the visited bits.  It is an immutable, hashable tuple, so copying is free
and tools can put millions in a set.  The runtime never changes a state:

    state = runtime.start()
    state, event = runtime.present(state)   # runs silent ops up to the next event
    state = runtime.advance(state)          # past a line / bg / show / ... event
    state = runtime.choose(state, index)    # at a Choice or MapEvent: take option `index`
    runtime.visible(state)                  # ... the indices a player can take there

``present`` returns the state positioned *at* the event, which is what a save
records: loading it presents the same line again.  It can also keep a coverage
record (``trace``) of every op it runs, for replays and coverage tools.  The
checker plays between decisions with its own stepper (``game.check.stepper``),
which keeps to these semantics.
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


class PerScene(dict[int, _T]):
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
        self._ops: PerScene[tuple[m.Op, ...]] = PerScene(lambda s: tuple(story.scenes[s].ops))

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

    def present(self, state: State, trace: Trace | None = None) -> tuple[State, Event]:
        """Run silent ops from ``state`` up to the next event; the returned state is at that event.

        ``trace``, when given, gets ``trace[scene][pc] = 1`` for every op run (coverage).
        """
        scene, pc, stack, values, visited = state
        ops = self._ops[scene]
        if trace is None:
            op: Any = ops[pc]
            if op.kind < m.CHOICE:  # already at a line (or a picture, a sound): most calls, in play
                return state, op
        covered = trace[scene] if trace is not None else None
        for ran in range(SILENT_OP_LIMIT):  # ran: how many silent ops were run before this one
            op = ops[pc]
            if covered is not None:
                covered[pc] = 1
            kind = op.kind
            # The hot loop of the game: an if-chain on small ints, events first.
            if kind <= m.LAST_EVENT_KIND:
                if ran:
                    state = _new_state(State, (scene, pc, stack, values, visited))
                return state, op if kind < m.CHOICE else self.event_at(state)
            if kind == m.BRANCH:
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
                ops = self._ops[scene]
                covered = trace[scene] if trace is not None else None
            elif kind == m.RETURN:
                if not stack:
                    raise StoryRuntimeError(NO_RETURN, "`return` with no call to return to", op.pos)
                scene, pc = stack[-1]
                stack = stack[:-1]
                ops = self._ops[scene]
                covered = trace[scene] if trace is not None else None
            else:
                raise StoryRuntimeError(FELL_OFF, "the scene ran off its end", op.pos)
        raise StoryRuntimeError(LOOP, "a loop runs without ever reaching a line or choice", op.pos)

    def event_at(self, state: State) -> Event:
        """The event of the presentation, choice, map or ending op ``state`` is at."""
        op: Any = self._ops[state.scene][state.pc]
        if op.kind == m.CHOICE:
            return self._choice_event(op, state.vars, state.visited)
        if op.kind == m.MAP:
            return self._map_event(op, state.vars, state.visited)
        return op  # type: ignore[no-any-return]

    def new_trace(self) -> list[bytearray]:
        """An empty coverage record for ``present(trace=...)``: one byte per op."""
        return [bytearray(len(scene.ops)) for scene in self.story.scenes]

    def advance(self, state: State) -> State:
        """Past the presentation event ``state`` is at (not a choice, map or ending)."""
        scene, pc, stack, values, visited = state
        if m.CHOICE <= self._ops[scene][pc].kind <= m.ENDING:
            raise ValueError("advance() past a choice, map or ending: use choose(), or start again")
        return _new_state(State, (scene, pc + 1, stack, values, visited))

    def choose(self, state: State, index: int) -> State:
        """Take option (or hotspot) ``index`` of the choice or map ``state`` is at."""
        op: Any = self._ops[state.scene][state.pc]
        if op.kind == m.CHOICE:
            return self._take_option(state, op, index)
        if op.kind == m.MAP:
            return self._take_hotspot(state, op, index)
        raise ValueError("choose() at a step that is not a choice or a map")

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
            stack = push(stack, state.scene, state.pc, hotspot.pos)  # come back to the map itself
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


def push(stack: tuple[tuple[int, int], ...], scene: int, pc: int, pos: m.Pos) -> tuple[tuple[int, int], ...]:
    """``stack`` with the return point (scene, pc) on top; a call nesting too deep is an error at ``pos``."""
    if len(stack) >= m.MAX_CALL_DEPTH:
        raise StoryRuntimeError(TOO_DEEP, f"calls nest deeper than {m.MAX_CALL_DEPTH}", pos)
    return stack + ((scene, pc),)


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
