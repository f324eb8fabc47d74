"""Variables the player never sees: written by the story, yet no line, option or ending differs with them.

A variable is tested at decision states where the playthroughs were about to
read it (an option's or hotspot's ``if`` there, or an ``if`` in the play that
followed): the state is copied with the variable changed to each other value
(for an int: one and two either side, and its bounds), and the two copies are played side by side
with the same option first and the same random numbers after
(``lockstep``).  The first difference the player could notice is
kept: different options offered, different lines shown, or a different ending.

Verdicts, for each variable some ``set`` / ``add`` writes:

* ``shown``: some line or option differs with it;
* ``ending-only``: only which ending is reached differs (no line or option on the way);
* ``unseen``: no test found any difference (a sample, not a proof: the tests are counted);
* ``never-read``: no condition reads it at all;
* ``not-reached``: conditions read it, but no playthrough ran one.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from game.story.problems import Pos
from game.story.runtime import State

from .simulate import MAX_DECISIONS, UNIFORM, Segment, Stepper, make_policy, mix64

SHOWN, ENDING_ONLY, UNSEEN, NEVER_READ, NOT_REACHED = "shown", "ending-only", "unseen", "never-read", "not-reached"
MAX_ALTERNATIVES = 6


@dataclass(frozen=True, slots=True)
class Sample:
    """A state to test a variable at; ``pick`` is the option the playthrough took there."""

    state: State
    pick: int | None
    from_start: bool  # the state is the story's start, not a decision


@dataclass
class VariableRow:
    variable: int
    name: str
    status: str
    tests: int = 0
    example: str = ""  # where and how the value showed, for "shown" and "ending-only"


def variable_visibility(stepper: Stepper, samples: dict[int, list[Sample]], seed: int) -> list[VariableRow]:
    """A verdict for every variable the story writes, in declaration order."""
    facts = stepper.facts
    rows = []
    base = mix64(seed ^ 0x7E57)
    for var in sorted(facts.written):
        name = facts.var_name(var)
        if var not in facts.read:
            rows.append(VariableRow(var, name, NEVER_READ))
        elif not samples.get(var):
            rows.append(VariableRow(var, name, NOT_REACHED))
        else:
            rows.append(_test(stepper, var, samples[var], base))
    return rows


def _test(stepper: Stepper, var: int, samples: list[Sample], base: int) -> VariableRow:
    declared = stepper.facts.story.variables[var]
    row = VariableRow(var, declared.name, UNSEEN)
    for sample in samples:
        current = sample.state.vars[var]
        for value in alternatives(declared, current):
            changed = stepper.runtime.with_variables(sample.state.vars, {declared.name: value})
            other = State(sample.state.scene, sample.state.pc, sample.state.stack, changed, sample.state.visited)
            row.tests += 1
            found = lockstep(stepper, sample.state, other, base, sample.from_start, sample.pick)
            if found is None:
                continue
            verdict, where = found
            what = {"line": "a line", "option": "the options", "ending": "the ending"}[verdict]
            example = f"{declared.name} {_show(current)} or {_show(value)} changes {what} at {where.file}:{where.line}"
            if verdict == "ending":
                if row.status == UNSEEN:
                    row.status, row.example = ENDING_ONLY, example
                continue
            row.status, row.example = SHOWN, example
            return row
    return row


def alternatives(declared: Any, current: Any) -> list[Any]:
    """The other values to try: every other enum value, the other bool; for an int, near ones and the bounds."""
    if declared.type == "bool":
        return [not current]
    if declared.type == "enum":
        return [value for value in declared.values if value != current]
    candidates = [current - 1, current + 1, current - 2, current + 2, declared.min, declared.max]
    others: list[Any] = []
    for value in candidates:
        if declared.min <= value <= declared.max and value != current and value not in others:
            others.append(value)
    return others[:MAX_ALTERNATIVES]


def _show(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    return repr(value) if isinstance(value, str) else str(value)


Difference = tuple[str, Pos]  # what differs ("option" | "line" | "ending") and where it shows


def lockstep(stepper: Stepper, first: State, second: State, base: int, from_start: bool = False,
             first_pick: int | None = None) -> Difference | None:
    """Play two states side by side with the uniform policy and the same random numbers.

    Returns what first differs for the player and where: ``"option"`` (the options
    shown at a decision), ``"line"`` (the first line shown by one and not the
    other), ``"ending"`` (which ending, or whether one is reached; at the
    decision before it); or None when both reach the same ending showing the same
    things (or become the same state, after which nothing can differ).  With
    ``from_start`` the two states are not decision states: play starts by running
    up to the first.  ``first_pick`` is the option taken at the first decision.
    """
    facts = stepper.facts
    policy = make_policy(UNIFORM, facts)
    times: dict[int, int] = {}
    where = facts.story.scenes[first.scene].ops[first.pc].pos
    if from_start:
        a, b = stepper.run_from(first), stepper.run_from(second)
        verdict = _compare(stepper, a, b, where)
        if verdict is not None or a.next is None or b.next is None:
            return verdict
        first, second = a.next, b.next
    for _ in range(MAX_DECISIONS):
        if first == second:
            return None
        here = (first.scene, first.pc)
        where = facts.story.scenes[first.scene].ops[first.pc].pos
        if here != (second.scene, second.pc):
            return "option", where  # a different choice (or map) is put to the player
        visible = stepper.visible(first)
        if visible != stepper.visible(second):
            return "option", where
        if not visible:
            return None
        site = facts.site_at[here]
        seen = times.get(site, 0)
        times[site] = seen + 1
        if first_pick is not None and first_pick in visible:
            pick = first_pick
        else:
            pick = policy(site, visible, mix64(base ^ (site << 20) ^ seen) / 2.0**64)
        first_pick = None
        a, b = stepper.take(first, pick), stepper.take(second, pick)
        verdict = _compare(stepper, a, b, where)
        if verdict is not None or a.next is None or b.next is None:
            return verdict
        first, second = a.next, b.next
    return None


def _compare(stepper: Stepper, a: Segment, b: Segment, where: Pos) -> Difference | None:
    """How two segments from the same decision differ for the player (see ``lockstep``)."""
    if a.outcome != b.outcome:
        return "ending", where
    if a.lines == b.lines:
        return None
    ours, theirs = dict(a.lines), dict(b.lines)
    for scene in sorted(set(ours) | set(theirs)):
        differ = ours.get(scene, 0) ^ theirs.get(scene, 0)
        if differ:
            pc = ((differ & -differ).bit_length() - 1) // 8
            return "line", stepper.facts.story.scenes[scene].ops[pc].pos
    return None
