"""Stretches of a story the checker's stepper passes in one step, remembering where each one leads.

Between two decisions most ops neither change the state nor depend on much of
it: lines, pictures and sounds, labels, internal jumps, and ``if`` branches that
read a variable or two.  A *region* is such a stretch: every op reachable inside
one scene from an entry op without running an op that changes the variables or
the call stack or leaves the scene (an effect, a goto, a call, a return) or
stops play (a choice, a map, an ending).  That op is the region's *exit*; which
exit is reached, the visited bits set on the way and the ops run depend only on
what the region's conditions read.  Past a goto or an effect exit, play goes on
the same way whatever the state until the next ``if``, decision, call or return
(the effects only pile up), so an *outcome* runs on to there: where play is
then, the visited bits set, the effects to apply and the ops run.  The stepper
remembers, per region, the outcome for each *key*:

* a region that reads nothing has one outcome;
* otherwise the key is the values of the variables its conditions read (and the
  visited bits they read), when those take few combinations (``VALUE_KEY_LIMIT``);
* else, for a region with one or two conditions, it is their answers (an int
  ranging over hundreds of values is read as ``trust > 2``: two keys, not
  hundreds, for one evaluation, as many as the plain walk does).  This needs
  conditions whose answers cannot change inside the region: only a label could
  change what they read (its visited bit); such a region keys on values.  With
  more conditions, answering them all costs more than remembering more keys.

A region is worked out the first time play enters a scene at its entry op.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable
from math import prod
from operator import itemgetter
from typing import Any

from game.story import model as m
from game.story.expr import Condition

# Kinds that end a region: they change the state, leave the scene, or stop play.
EXITS = frozenset({m.CHOICE, m.MAP, m.ENDING, m.GOTO, m.CALL, m.RETURN, m.EFFECT, m.FALL_OFF})
VALUE_KEY_LIMIT = 256  # combinations of the read values above which a region keys on its conditions' answers
ANSWERS_KEY_MAX = 2  # ... if it has at most this many conditions

# Where play is after the region and what follows it: scene, pc (an `if`, a decision, a call, a return),
# the visited bits set, the effects to apply in order, and the ops run to get there.
Outcome = tuple[int, int, int, tuple[m.Effect, ...], int]
KeyOf = Callable[[tuple[Any, ...], int], Hashable]


class Region:
    """Where play goes from one entry op to its exit: ``key(values, visited)`` -> Outcome, remembered."""

    __slots__ = ("fixed", "key", "outcomes")

    def __init__(self, key: KeyOf | None) -> None:
        self.key = key  # None: the region reads nothing, its one outcome is ``fixed``
        self.outcomes: dict[Hashable, Outcome] = {}
        self.fixed: Outcome | None = None


class RegionError(Exception):
    """A stretch of ops that loops inside one scene (the loader never compiles one): play it op by op."""


def region_at(story: m.Story, ops: tuple[m.Op, ...], pc: int, value_key_limit: int = VALUE_KEY_LIMIT) -> Region:
    """The region entered at ``ops[pc]``; RegionError if its ops can loop without an exit.

    ``value_key_limit``: the combinations of read values above which it keys on answers, if it can.
    """
    conditions: dict[str, Condition] = {}
    labels = 0  # visited bits the region's labels set
    state = {pc: 1}  # 1 on the walk's path, 2 done (a cycle meets a 1)
    path = [(pc, iter(_successors(ops, pc)))]
    while path:  # depth first, to find cycles
        here, following = path[-1]
        nxt = next(following, None)
        if nxt is None:
            state[here] = 2
            path.pop()
            continue
        seen = state.get(nxt)
        if seen == 1:
            raise RegionError(f"ops loop at {ops[nxt].pos}")
        if seen is None:
            state[nxt] = 1
            op: Any = ops[nxt]
            if op.kind == m.BRANCH:
                conditions.setdefault(op.cond.source, op.cond)
            elif op.kind == m.LABEL:
                labels |= op.mask
            path.append((nxt, iter(_successors(ops, nxt))))
    first: Any = ops[pc]
    if first.kind == m.BRANCH:
        conditions.setdefault(first.cond.source, first.cond)
    elif first.kind == m.LABEL:
        labels |= first.mask
    return Region(_key(story, list(conditions.values()), labels, value_key_limit))


def _successors(ops: tuple[m.Op, ...], pc: int) -> tuple[int, ...]:
    """The ops that can run right after ``ops[pc]`` inside its region (none after an exit)."""
    op: Any = ops[pc]
    kind = op.kind
    if kind in EXITS:
        return ()
    if kind == m.BRANCH:
        return (pc + 1, op.else_pc)
    if kind == m.JUMP:
        return (op.pc,)
    return (pc + 1,)


def _key(story: m.Story, conditions: list[Condition], labels: int, limit: int) -> KeyOf | None:
    """How to key a region whose branches test ``conditions`` and whose labels set ``labels``."""
    if not conditions:
        return None
    index = story.var_index
    reads = sorted({index[name] for cond in conditions for name in cond.reads})
    seen = 0
    for cond in conditions:
        for key in cond.visits:
            seen |= 1 << story.tracked.index(key)
    combinations = prod(_values(story.variables[i]) for i in reads) << seen.bit_count()
    if combinations > limit and len(conditions) <= ANSWERS_KEY_MAX and not seen & labels:
        return _answers_key([cond.evaluate for cond in conditions])
    return _values_key(reads, seen)


def _values(var: m.Variable) -> int:
    """How many values a variable can take."""
    if var.type == "int":
        return var.max - var.min + 1
    return 2 if var.type == "bool" else len(var.values)


def _values_key(reads: list[int], seen: int) -> KeyOf:
    if not reads:
        return lambda values, visited: visited & seen
    get = itemgetter(*reads)  # one index: the value itself; more: a tuple (both made in C)
    if not seen:
        return lambda values, visited: get(values)
    return lambda values, visited: (get(values), visited & seen)


def _answers_key(tests: list[Callable[[tuple[Any, ...], int], Any]]) -> KeyOf:
    if len(tests) == 1:
        test = tests[0]
        return test  # its answer: conditions are type-checked to give True or False
    return lambda values, visited: tuple([test(values, visited) for test in tests])
