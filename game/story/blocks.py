"""The nesting of a compiled scene: which option or branch a step is in, and what comes before it.

The compiler lays a scene out flat, each block right after the step that owns
it: an ``if`` is a ``Branch`` followed by its ``then`` ops and its ``else`` ops;
a choice is a ``Choice`` followed by each option's ops in turn.  From that
layout (and the jumps the compiler leaves at the end of each block, which
carry the position of the ``if`` or option they close) this module recovers
the blocks as ranges of ops, so a save can say which option's branch it is in
and which steps precede it in reading order, the steps of other branches
left out.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass

from . import model as m
from .problems import Pos


@dataclass(frozen=True, slots=True)
class Block:
    """Ops ``start`` to ``end - 1`` are one branch: option ``index`` of the Choice at ``owner``, or the
    then (index 0) / else (index 1) of the Branch at ``owner``."""

    start: int
    end: int
    owner: int
    index: int
    is_option: bool

    def __contains__(self, pc: object) -> bool:
        return isinstance(pc, int) and self.start <= pc < self.end


_FLOW_ENDS = (m.GOTO, m.ENDING, m.RETURN, m.MAP, m.FALL_OFF)


def _successors(ops: Sequence[m.Op], pc: int) -> tuple[int, ...]:
    """Where flow goes from ``pc`` inside the scene (gotos, endings and returns leave it)."""
    op = ops[pc]
    if op.kind in _FLOW_ENDS:
        return ()
    if isinstance(op, m.Jump):
        return (op.pc,)
    if isinstance(op, m.Branch):
        return (pc + 1, op.else_pc)
    if isinstance(op, m.Choice):
        return tuple(option.pc for option in op.options)
    return (pc + 1,)


def _reach_end(ops: Sequence[m.Op], start: int) -> int:
    """One past the last op reachable from ``start``: the end of a block that never falls through."""
    seen = {start}
    todo = [start]
    last = start
    while todo:
        pc = todo.pop()
        last = max(last, pc)
        for nxt in _successors(ops, pc):
            if 0 <= nxt < len(ops) and nxt not in seen:
                seen.add(nxt)
                todo.append(nxt)
    return last + 1


class SceneBlocks:
    """The blocks of one scene's ops, found once, as a tree: each op's innermost block and each block's parent.

    Every question then costs the nesting depth, not the number of blocks.
    """

    def __init__(self, ops: Sequence[m.Op]) -> None:
        self.ops = ops
        closing: dict[Pos, int] = {}  # position of an if / option -> the jump that closes its block
        for pc, op in enumerate(ops):
            if isinstance(op, m.Jump):
                closing.setdefault(op.pos, pc)
        self.blocks: list[Block] = []
        for pc, op in enumerate(ops):
            if isinstance(op, m.Branch):
                self._branch(pc, op, closing)
            elif isinstance(op, m.Choice):
                self._choice(pc, op, closing)
        # Blocks nest (the compiler lays each inside its owner's), so painting them from the largest
        # down leaves each op marked with its innermost block, and each block's first op, just before
        # it is painted, with its parent.
        self._inner: list[int] = [-1] * len(ops)
        self._parent: list[int] = [-1] * len(self.blocks)
        for i in sorted(range(len(self.blocks)), key=lambda i: self.blocks[i].start - self.blocks[i].end):
            block = self.blocks[i]
            if block.start >= block.end:
                continue
            self._parent[i] = self._inner[block.start]
            self._inner[block.start:block.end] = [i] * (block.end - block.start)

    def _branch(self, pc: int, op: m.Branch, closing: dict[Pos, int]) -> None:
        self.blocks.append(Block(pc + 1, op.else_pc, pc, 0, False))
        end_jump = self.ops[op.else_pc - 1]
        if op.else_pc - 1 > pc and isinstance(end_jump, m.Jump) and closing.get(op.pos) == op.else_pc - 1:
            self.blocks.append(Block(op.else_pc, max(op.else_pc, end_jump.pc), pc, 1, False))  # the else

    def _choice(self, pc: int, op: m.Choice, closing: dict[Pos, int]) -> None:
        entries = [option.pc for option in op.options]
        after = None
        for option in op.options:
            exit_jump = self.ops[closing[option.pos]] if option.pos in closing else None
            if isinstance(exit_jump, m.Jump):
                after = exit_jump.pc
                break
        for i, start in enumerate(entries):
            if i + 1 < len(entries):
                end = entries[i + 1]
            elif after is not None and after >= start:
                end = after
            else:
                end = _reach_end(self.ops, start)
            self.blocks.append(Block(start, end, pc, i, True))

    def _chain(self, pc: int) -> Iterator[int]:
        """The indexes of the blocks holding ``pc``, innermost first."""
        i = self._inner[pc] if 0 <= pc < len(self._inner) else -1
        while i >= 0:
            yield i
            i = self._parent[i]

    def containing(self, pc: int) -> list[Block]:
        """The blocks ``pc`` is in, innermost first."""
        return [self.blocks[i] for i in self._chain(pc)]

    def options_of(self, pc: int) -> list[tuple[int, int]]:
        """(choice pc, option index) of each option whose branch holds ``pc``, innermost first."""
        return [(b.owner, b.index) for b in self.containing(pc) if b.is_option]

    def before(self, pc: int) -> Iterator[int]:
        """The steps before ``pc`` in reading order, nearest first.

        Steps of a branch that does not hold ``pc`` (an earlier option of the same
        choice, the ``then`` of the ``if`` whose ``else`` holds it, any finished
        ``if`` or choice) are left out; the ``if`` or choice owning the branch is
        a step before it.
        """
        mine = set(self._chain(pc))
        q = pc - 1
        while q >= 0:
            outermost = -1
            for i in self._chain(q):
                if i in mine:
                    break
                outermost = i
            if outermost >= 0:  # q is inside a branch pc is not in: skip the whole branch
                q = self.blocks[outermost].start - 1
                continue
            if self.ops[q].sid is not None:
                yield q
            q -= 1
