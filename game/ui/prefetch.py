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
from collections.abc import Callable

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
        if op.kind == m.BG:
            picture = ("background", op.name, None)
        elif op.kind == m.SHOW:
            picture = ("character", op.character, op.look)
        elif op.kind == m.LINE and op.look is not None:
            picture = ("character", op.speaker, op.look)
        if picture is not None and picture not in wanted:
            wanted.append(picture)
    return wanted


class Prefetcher:
    """A queue of pictures to prepare, worked through in small slices of idle time."""

    def __init__(self, prepare: Callable[[Picture], None], clock: Callable[[], float] = time.perf_counter) -> None:
        self.prepare = prepare
        self.clock = clock
        self.queue: list[Picture] = []
        self.done: set[Picture] = set()

    def plan(self, pictures: list[Picture]) -> None:
        """Replace the queue with ``pictures`` (those prepared before are skipped)."""
        self.queue = [p for p in pictures if p not in self.done]

    def forget(self) -> None:
        """Pictures may have to be prepared again (the story or the window size changed)."""
        self.done.clear()

    def work(self, budget: float = BUDGET_SECONDS) -> int:
        """Prepare queued pictures until ``budget`` seconds are spent; return how many were prepared."""
        started = self.clock()
        count = 0
        while self.queue and self.clock() - started < budget:
            picture = self.queue.pop(0)
            self.prepare(picture)
            self.done.add(picture)
            count += 1
        return count
