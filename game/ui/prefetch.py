"""Pictures the next steps will show, loaded while the player reads, so no frame waits for the disk.

A new background costs about 14 ms to decode and convert, a character's look
about 15 ms to decode, convert and scale: a frame and a half at 60 FPS, and a
scene that opens on a background and two characters would stall three frames.
So while a line waits for the player, the play screen asks for the pictures
that the next steps of the scene name (backgrounds, shown characters, a
speaker's new look), a few milliseconds at a time; when those steps come, the
stage finds them already in the resources' caches.  The look-ahead is static
(the steps that follow in the scene, whichever branch runs): a picture loaded
for nothing costs only memory the caches would hold anyway.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Sequence
from typing import Protocol

from game.story import model as m
from game.story.runtime import State

LOOKAHEAD_STEPS = 40
BUDGET_SECONDS = 0.012  # per idle update: a click during it waits no longer than this

Picture = tuple[str, str, str | None]  # ("background", name, None) or ("character", name, look)


def upcoming_pictures(story: m.Story, state: State) -> list[Picture]:
    """The pictures the steps after ``state`` in its scene will show, in order, each once."""
    ops = story.scenes[state.scene].ops
    wanted: list[Picture] = []
    for op in ops[state.pc + 1:state.pc + 1 + LOOKAHEAD_STEPS]:
        picture: Picture | None = None
        if isinstance(op, m.Background):
            picture = ("background", op.name, None)
        elif isinstance(op, m.Show):
            picture = ("character", op.character, op.look)
        elif isinstance(op, m.Line) and op.look is not None:
            picture = ("character", op.speaker, op.look)
        if picture is not None and picture not in wanted:
            wanted.append(picture)
    return wanted


class Ledger(Protocol):
    """What the prefetcher reads of the picture caches (``game.ui.resources.Resources`` is one)."""

    @property
    def served(self) -> int:
        """Bytes of pictures handed out so far (loaded or found ready)."""
        ...

    def prefetch_allowance(self) -> int:
        """Bytes of pictures that may be prepared ahead."""
        ...


class Prefetcher:
    """A queue of pictures to prepare, worked through in small slices of idle time, within an allowance.

    Without a ``ledger`` nothing bounds the bytes prepared (only the time per slice).
    """

    def __init__(self, prepare: Callable[[Picture], None], clock: Callable[[], float] = time.perf_counter,
                 ledger: Ledger | None = None) -> None:
        self.prepare = prepare
        self.clock = clock
        self.ledger = ledger
        self.queue: list[Picture] = []
        self.done: dict[Picture, int] = {}  # prepared pictures of the look-ahead, and their bytes

    def plan(self, pictures: Sequence[Picture]) -> None:
        """Replace the queue with ``pictures`` (those prepared before are skipped).

        Only pictures still ahead are remembered: one that comes back into view later
        is prepared again (at no cost if the caches still hold it).
        """
        wanted = set(pictures)
        self.done = {p: cost for p, cost in self.done.items() if p in wanted}
        self.queue = [p for p in pictures if p not in self.done]

    def forget(self) -> None:
        """Pictures may have to be prepared again (the story or the window size changed)."""
        self.done.clear()

    @property
    def spent(self) -> int:
        """Bytes of the pictures prepared for the steps ahead."""
        return sum(self.done.values())

    def work(self, budget: float = BUDGET_SECONDS) -> int:
        """Prepare queued pictures until ``budget`` seconds or the allowance are spent; return how many."""
        started = self.clock()
        allowance = self.ledger.prefetch_allowance() if self.ledger is not None else None
        spent = self.spent
        count = 0
        while self.queue and self.clock() - started < budget:
            if allowance is not None and spent >= allowance:
                break  # the rest would push out what is on stage, or what was prepared for sooner
            picture = self.queue.pop(0)
            before = self.ledger.served if self.ledger is not None else 0
            self.prepare(picture)
            cost = self.ledger.served - before if self.ledger is not None else 0
            self.done[picture] = cost
            spent += cost
            count += 1
        return count
