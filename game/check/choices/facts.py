"""What the choice analysis needs to know of a story before playing it: pure reading of the model.

* the **decision sites**: every choice and map step, numbered, with their options
  (a map's options are its hotspots) and what each option adds to the counters;
* the **counters**: the int variables that an ending's routing condition wants
  high (``trust >= 5``, ``courage + music >= 5``; a routing condition is the one
  of an ``if`` whose then-side leads straight to other endings than its
  else-side), or every int variable when no such condition is found
  (``counters_rule`` says which rule was used);
* bit masks over each scene's ops, read against the runtime's coverage record:
  which ops are lines, which ``if`` ops read which variable, and for each choice
  the ops of its own option blocks (the options' ``then`` text).

Nothing here plays the story; ``simulate`` does, through the runtime.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from typing import Any

from game.story import model as m
from game.story.expr_syntax import parse
from game.story.problems import Pos

_AT_LEAST, _AT_MOST = (">=", ">"), ("<=", "<")
_WALK_LIMIT = 20_000  # ops visited when following an `if` towards the endings


@dataclass(frozen=True, slots=True)
class OptionInfo:
    """One option of a decision site (an option of a choice, or a hotspot of a map)."""

    index: int  # what Runtime.choose takes
    text: str  # primary language (a hotspot's name)
    pos: Pos
    adds: tuple[tuple[int, int], ...]  # (variable index, amount) of its `add` on counters
    score: int  # the sum of ``adds``: what the devoted player maximises


@dataclass(frozen=True, slots=True)
class Site:
    """A place where the player decides: a choice step or a map step."""

    id: int
    scene: int
    pc: int
    kind: str  # "choice" | "map"
    pos: Pos
    options: tuple[OptionInfo, ...]
    option_reads: frozenset[int]  # variables its options' (hotspots') `if` read
    own: tuple[int, int]  # pc range of its options' own blocks, [start, end) (empty for a map)

    def describe(self, width: int = 34) -> str:
        """A short name for tables: the options' texts, shortened."""
        prefix = "map: " if self.kind == "map" else ""
        text = prefix + " / ".join(o.text for o in self.options)
        text = " ".join(text.split())
        return text if len(text) <= width else text[: width - 1].rstrip() + "…"


@dataclass(frozen=True)
class StoryFacts:
    """The static facts of one story that the analyses share."""

    story: m.Story
    sites: tuple[Site, ...]
    site_at: dict[tuple[int, int], int]  # (scene, pc) -> site id
    counters: tuple[int, ...]  # variable indices
    counters_rule: str  # "ending-thresholds" | "all-int"
    line_masks: tuple[int, ...]  # per scene: the op bits (``op_bits``) of its lines
    branch_reads: tuple[tuple[tuple[int, int], ...], ...]  # per scene: (variable, op bits of the `if`s reading it)
    written: frozenset[int]  # variables some `set` / `add` writes
    read: frozenset[int]  # variables some condition reads

    def var_name(self, index: int) -> str:
        return self.story.variables[index].name

    def own_mask(self, site: Site) -> int:
        """The op bits of ``site``'s own option blocks."""
        start, end = site.own
        return op_bits(bytes(start) + b"\x01" * (end - start))


def op_bits(record: bytes | bytearray) -> int:
    """A scene's ops marked in ``record`` (one byte per op, 1 = marked) as an int mask: op pc is bit 8 * pc.

    The runtime's coverage record has exactly this shape, so the ops a stretch of
    play ran are tested against a mask (its lines, its `if`s) in one ``&``.
    """
    return int.from_bytes(record, "little")


def story_facts(story: m.Story) -> StoryFacts:
    """Read the decision sites, counters and masks of ``story``."""
    counters, rule = find_counters(story)
    counter_set = set(counters)
    sites: list[Site] = []
    site_at: dict[tuple[int, int], int] = {}
    line_masks: list[int] = []
    branch_reads: list[tuple[tuple[int, int], ...]] = []
    var_index = dict(story.var_index)
    written: set[int] = set()
    read: set[int] = set()
    for scene_no, scene in enumerate(story.scenes):
        lines = bytearray(len(scene.ops))
        reads: dict[int, bytearray] = {}
        for pc, op in enumerate(scene.ops):
            kind = op.kind
            if kind == m.LINE:
                lines[pc] = 1
            elif kind == m.BRANCH:
                for name in op.cond.reads:  # type: ignore[attr-defined]
                    reads.setdefault(var_index[name], bytearray(len(scene.ops)))[pc] = 1
                    read.add(var_index[name])
            elif kind == m.EFFECT:
                written.update(effect.var for effect in op.effects)  # type: ignore[attr-defined]
            elif kind in (m.CHOICE, m.MAP):
                site = _site(story, len(sites), scene_no, pc, op, counter_set, var_index)
                sites.append(site)
                site_at[(scene_no, pc)] = site.id
                read.update(site.option_reads)
                if kind == m.CHOICE:
                    for option in op.options:  # type: ignore[attr-defined]
                        written.update(effect.var for effect in option.effects)
        line_masks.append(op_bits(lines))
        branch_reads.append(tuple((var, op_bits(ops)) for var, ops in sorted(reads.items())))
    return StoryFacts(story, tuple(sites), site_at, counters, rule, tuple(line_masks), tuple(branch_reads),
                      frozenset(written), frozenset(read))


def _site(story: m.Story, number: int, scene: int, pc: int, op: Any, counters: set[int],
          var_index: dict[str, int]) -> Site:
    lang = story.primary_language
    options: list[OptionInfo] = []
    reads: set[int] = set()
    if op.kind == m.CHOICE:
        for index, option in enumerate(op.options):
            adds = tuple((e.var, e.value) for e in option.effects if e.add and e.var in counters)
            options.append(OptionInfo(index, option.text.get(lang), option.pos, adds, sum(v for _, v in adds)))
            if option.cond is not None:
                reads.update(var_index[name] for name in option.cond.reads)
        own = (op.options[0].pc, choice_end(story.scenes[scene].ops, op))
        kind = "choice"
    else:
        for index, hotspot in enumerate(story.maps[op.map].hotspots):
            options.append(OptionInfo(index, hotspot.name, hotspot.pos, (), 0))
            if hotspot.cond is not None:
                reads.update(var_index[name] for name in hotspot.cond.reads)
        own = (pc + 1, pc + 1)
        kind = "map"
    return Site(number, scene, pc, kind, op.pos, tuple(options), frozenset(reads), own)


def choice_end(ops: Sequence[m.Op], choice: m.Choice) -> int:
    """Where the code of ``choice``'s option blocks ends (the op its fall-through options jump to).

    The compiler lays a choice's option blocks one after another right after the
    choice; each block that falls through ends with a jump (at the option's own
    position) to the op below the choice.  When no option falls through, the last
    block ends at the first goto, ending or return that no jump inside it passes.
    """
    last = choice.options[-1].pc
    for pc in range(choice.options[0].pc, last):  # an earlier block's exit jump names the end
        op: Any = ops[pc]
        if op.kind == m.JUMP and op.pc > last:
            return int(op.pc)
    reach = last  # the furthest op a jump inside the last block goes to
    for pc in range(last, len(ops)):
        op = ops[pc]
        if op.kind == m.JUMP:
            if op.pos == choice.options[-1].pos:  # the last option's own exit jump
                return int(op.pc)
            reach = max(reach, op.pc)
        elif op.kind == m.BRANCH:
            reach = max(reach, op.else_pc)
        elif op.kind == m.CHOICE:
            reach = max(reach, *(o.pc for o in op.options))
        elif op.kind in (m.GOTO, m.ENDING, m.RETURN, m.FALL_OFF) and reach <= pc:
            return pc + 1
    return len(ops)


def find_counters(story: m.Story) -> tuple[tuple[int, ...], str]:
    """The counters: int variables that an ending's routing condition wants high (see ``rising``).

    A routing condition is the condition of an ``if`` whose then-side leads, with
    no decision on the way, only to endings, and to other endings than its
    else-side.  With no such variable, every int variable is a counter.
    """
    ints = {v.name: i for i, v in enumerate(story.variables) if v.type == "int"}
    found: set[int] = set()
    for scene_no, scene in enumerate(story.scenes):
        for pc, op in enumerate(scene.ops):
            if op.kind != m.BRANCH:
                continue
            then_side = _endings_ahead(story, scene_no, pc + 1)
            if then_side is None or not then_side:
                continue
            if then_side == _endings_ahead(story, scene_no, op.else_pc):  # type: ignore[attr-defined]
                continue  # a variant of one ending's text, not a route between endings
            for name in rising(op.cond.source):  # type: ignore[attr-defined]
                if name in ints:
                    found.add(ints[name])
    if found:
        return tuple(sorted(found)), "ending-thresholds"
    return tuple(sorted(ints.values())), "all-int"


def rising(source: str) -> set[str]:
    """The variables a condition wants high: those that a larger value can turn it from false to true.

    ``trust >= 5``, ``3 < courage``, ``courage + music >= 5`` and ``not (kept < 2)``
    all want theirs high; in ``trust <= 2`` or ``x - kept > 1``, ``trust`` and ``kept``
    are wanted low.  Read from the condition's syntax tree (``game.story.expr.parse``).
    """
    found: set[str] = set()
    _walk_condition(parse(source), True, found)
    return found


def _walk_condition(node: Any, upward: bool, found: set[str]) -> None:
    op = getattr(node, "op", None)
    if op == "not":
        _walk_condition(node.operand, not upward, found)
    elif op in ("and", "or"):
        _walk_condition(node.left, upward, found)
        _walk_condition(node.right, upward, found)
    elif op in _AT_LEAST or op in _AT_MOST:
        high, low = (node.left, node.right) if (op in _AT_LEAST) == upward else (node.right, node.left)
        _terms(high, 1, found)
        _terms(low, -1, found)


def _terms(node: Any, sign: int, found: set[str]) -> None:
    """Add to ``found`` the variables of a sum that appear with ``sign`` +1 (the ones that raise it)."""
    op = getattr(node, "op", None)
    if op == "+":
        _terms(node.left, sign, found)
        _terms(node.right, sign, found)
    elif op == "-" and hasattr(node, "right"):
        _terms(node.left, sign, found)
        _terms(node.right, -sign, found)
    elif op == "-":
        _terms(node.operand, -sign, found)
    elif sign > 0 and hasattr(node, "name"):
        found.add(node.name)


def _endings_ahead(story: m.Story, scene: int, pc: int) -> frozenset[str] | None:
    """The endings the flow from (scene, pc) can reach before any decision; None if it can meet one."""
    found: set[str] = set()
    seen: set[tuple[int, int]] = set()
    stack = [(scene, pc)]
    while stack:
        here = stack.pop()
        if here in seen:
            continue
        seen.add(here)
        if len(seen) > _WALK_LIMIT:
            return None
        for step in _next_ops(story, *here):
            if isinstance(step, str):
                found.add(step)
            elif step is None:
                return None
            else:
                stack.append(step)
    return frozenset(found)


def _next_ops(story: m.Story, scene: int, pc: int) -> Iterator[tuple[int, int] | str | None]:
    """Where the flow goes from one op: positions, an ending's id, or None (a decision or the unknown)."""
    op: Any = story.scenes[scene].ops[pc]
    kind = op.kind
    if kind == m.ENDING:
        yield op.ending
    elif kind in (m.CHOICE, m.MAP, m.RETURN, m.CALL, m.FALL_OFF):
        yield None  # a decision, or flow that depends on the call stack
    elif kind == m.GOTO:
        yield op.target.scene, op.target.pc
    elif kind == m.JUMP:
        yield scene, op.pc
    elif kind == m.BRANCH:
        yield scene, pc + 1
        yield scene, op.else_pc
    else:
        yield scene, pc + 1
