"""A playthrough in progress: the stops the player has seen, rollback through them, the decisions made.

Each time the player meets a line, a choice, a map or an ending, the session
records a checkpoint (the cursor's ``Beat``, and the option taken there once
one is).  Rolling back walks these checkpoints; rolling forward replays them
while the choices stay the same; choosing differently after a rollback drops
the old future.  No pygame, no clock: the play controller drives it, and tests
drive it headless.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from game.story import model as m
from game.story.cursor import Beat, Cursor
from game.story.presentation import Place, Presentation
from game.story.runtime import ChoiceEvent, Event, MapEvent, State

MAX_ROLLBACK = 200


@dataclass(frozen=True)
class Checkpoint:
    """A stop the player saw, and the option taken there (once taken)."""

    beat: Beat
    chosen: int | None = None

    @property
    def state(self) -> State:
        return self.beat.state

    @property
    def event(self) -> Event:
        return self.beat.event

    @property
    def presentation(self) -> Presentation:
        return self.beat.presentation

    @property
    def line(self) -> m.Line | None:
        return self.beat.line


@dataclass(frozen=True)
class Move:
    """Where a move of the session landed: ``fresh`` when newly played (animate ``passed``), not replayed."""

    checkpoint: Checkpoint
    fresh: bool

    @property
    def passed(self) -> tuple[Event, ...]:
        return self.checkpoint.beat.passed if self.fresh else ()


class Session:
    """One playthrough's checkpoints; ``position`` is the one shown now."""

    def __init__(self, cursor: Cursor, first: Beat) -> None:
        self.cursor = cursor
        self.history: list[Checkpoint] = [Checkpoint(first)]
        self.position = 0
        # Every decision of this playthrough, (event, option taken), oldest first: unlike the
        # history it is never trimmed, so a recording keeps choices made long ago.
        self.decisions: list[tuple[ChoiceEvent | MapEvent, int]] = []
        self._decided_before: list[int] = [0]  # len(decisions) when each checkpoint was shown

    @property
    def story(self) -> m.Story:
        return self.cursor.story

    @property
    def current(self) -> Checkpoint:
        return self.history[self.position]

    # --- moving on ---

    def advance(self) -> Move:
        """Past the current line: roll forward through history if we rolled back, else play on."""
        if self.can_roll_forward():
            return Move(self._goto(self.position + 1), fresh=False)
        if self.current.beat.kind != m.LINE:
            return Move(self.current, fresh=False)  # it needs a choice (or the game is over)
        return Move(self._record(self.cursor.advance(self.current.beat)), fresh=True)

    def choose(self, index: int) -> Move:
        """Take option / hotspot ``index`` (as Runtime.choose takes it) at the current choice or map."""
        here = self.current
        decision = here.beat.decision
        if decision is None:
            raise ValueError("choose() at a stop that is not a choice or a map")
        if self.can_roll_forward() and here.chosen == index:
            return Move(self._goto(self.position + 1), fresh=False)  # the same choice as before: keep the future
        beat = self.cursor.choose(here.beat, index)
        self.history[self.position] = replace(here, chosen=index)
        self._drop_future()
        del self.decisions[self._decided_before[self.position]:]  # a new choice drops the old future
        self.decisions.append((decision, index))
        return Move(self._record(beat), fresh=True)

    def _record(self, beat: Beat) -> Checkpoint:
        self._drop_future()
        self.history.append(Checkpoint(beat))
        self._decided_before.append(len(self.decisions))
        if len(self.history) > MAX_ROLLBACK:
            del self.history[0]
            del self._decided_before[0]
        self.position = len(self.history) - 1
        return self.current

    def _drop_future(self) -> None:
        del self.history[self.position + 1:]
        del self._decided_before[self.position + 1:]

    # --- rollback ---

    def can_roll_back(self) -> bool:
        return self.position > 0

    def can_roll_forward(self) -> bool:
        return self.position + 1 < len(self.history)

    def roll_back(self) -> Checkpoint:
        return self._goto(max(0, self.position - 1))

    def roll_forward(self) -> Checkpoint:
        return self._goto(min(len(self.history) - 1, self.position + 1))

    def jump_to(self, index: int) -> Checkpoint:
        """Back to checkpoint ``index`` (from the history screen)."""
        return self._goto(max(0, min(index, len(self.history) - 1)))

    def _goto(self, index: int) -> Checkpoint:
        self.position = index
        return self.current

    # --- reading ---

    def lines_so_far(self) -> list[tuple[int, Checkpoint]]:
        """(index in history, checkpoint) of the lines up to now (for the history screen and the phone)."""
        return [(i, c) for i, c in enumerate(self.history[: self.position + 1]) if c.beat.kind == m.LINE]

    def line_before(self, index: int) -> m.Line | None:
        """The last line shown before checkpoint ``index`` (what the text box keeps under a choice)."""
        for checkpoint in reversed(self.history[:index]):
            line = checkpoint.line
            if line is not None:
                return line
        return None

    # --- changing the present ---

    def remember_place(self, map_step: str, place: Place) -> None:
        """Where the player stands on the current map (kept in the checkpoint: rollback and saves see it)."""
        here = self.current
        presentation = here.presentation.with_place(map_step, place)
        self.history[self.position] = replace(here, beat=replace(here.beat, presentation=presentation))

    def replace_story(self, cursor: Cursor, first: Beat) -> Checkpoint:
        """Continue on an edited story (hot reload): history is dropped, play goes on at ``first``."""
        self.cursor = cursor
        self.history = [Checkpoint(first)]
        self._decided_before = [len(self.decisions)]
        self.position = 0
        return self.current
