"""A playthrough in progress: the runtime state, what is on stage, rollback history, read lines.

No pygame here: the game screen drives a Session and draws what it says, and the
tests drive the same Session headless.  Each time the player sees a line or a
choice, the session records a checkpoint (runtime state + presentation); rolling
back walks these checkpoints, rolling forward replays them while the choices
stay the same, and choosing differently after a rollback drops the old future.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from game.story import model as m
from game.story.runtime import ChoiceEvent, MapEvent, Runtime, State

from .presentation import Presentation

MAX_ROLLBACK = 200


@dataclass(frozen=True)
class Checkpoint:
    """A moment the player saw: the state at a line / choice / map / ending and the stage then."""

    state: State
    presentation: Presentation
    event: Any  # the Line op, ChoiceEvent, MapEvent or Ending op shown
    chosen: int | None = None  # the option taken here, once taken


@dataclass
class Session:
    """One playthrough.  ``on_event`` hears every presentation event as it passes (sound, transitions)."""

    runtime: Runtime
    state: State
    presentation: Presentation = field(default_factory=Presentation)
    on_event: Callable[[Any], None] | None = None
    history: list[Checkpoint] = field(default_factory=list)
    position: int = -1  # index into history of what is shown now
    # Every decision of this playthrough, (event, option taken), oldest first: unlike the
    # history it is never trimmed, so a recording keeps choices made long ago.
    decisions: list[tuple[Any, int]] = field(default_factory=list)
    _decided_before: list[int] = field(default_factory=list)  # len(decisions) when each checkpoint was shown

    @property
    def story(self) -> m.Story:
        return self.runtime.story

    @property
    def current(self) -> Checkpoint:
        return self.history[self.position]

    def start(self) -> Checkpoint:
        """Show the first line / choice from ``state``."""
        return self._run_to_next(self.state)

    def _run_to_next(self, state: State) -> Checkpoint:
        """Pass presentation events up to the next line, choice, map or ending, and record it."""
        presentation = self.presentation
        while True:
            state, event = self.runtime.present(state)
            kind = getattr(event, "kind", None)
            if isinstance(event, (ChoiceEvent, MapEvent)) or kind in (m.LINE, m.ENDING):
                if kind == m.LINE:
                    presentation = presentation.apply(event)
                break
            presentation = presentation.apply(event)
            if self.on_event is not None:
                self.on_event(event)
            state = self.runtime.advance(state)
        self.state, self.presentation = state, presentation
        del self.history[self.position + 1:]
        del self._decided_before[self.position + 1:]
        self.history.append(Checkpoint(state, presentation, event))
        self._decided_before.append(len(self.decisions))
        if len(self.history) > MAX_ROLLBACK:
            del self.history[0]
            del self._decided_before[0]
        self.position = len(self.history) - 1
        return self.current

    def advance(self) -> Checkpoint:
        """Past the current line: roll forward through history if we rolled back, else play on."""
        if self.position + 1 < len(self.history):
            return self._goto(self.position + 1)
        event = self.current.event
        if isinstance(event, (ChoiceEvent, MapEvent)) or getattr(event, "kind", None) == m.ENDING:
            return self.current  # needs a choice (or the game is over)
        return self._run_to_next(self.runtime.advance(self.state))

    def choose(self, index: int) -> Checkpoint:
        """Take option / hotspot ``index`` (as Runtime.choose takes it) at the current choice or map."""
        here = self.current
        ahead = self.position + 1 < len(self.history)
        if ahead and here.chosen == index:
            return self._goto(self.position + 1)  # the same choice as before: keep the future
        self.history[self.position] = Checkpoint(here.state, here.presentation, here.event, index)
        del self.history[self.position + 1:]
        del self._decided_before[self.position + 1:]
        del self.decisions[self._decided_before[self.position]:]  # a new choice drops the old future
        self.decisions.append((here.event, index))
        return self._run_to_next(self.runtime.choose(here.state, index))

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
        checkpoint = self.history[index]
        self.state, self.presentation = checkpoint.state, checkpoint.presentation
        return checkpoint

    def lines_so_far(self) -> list[Checkpoint]:
        """The checkpoints up to now that are lines (for the history screen)."""
        return [c for c in self.history[: self.position + 1] if getattr(c.event, "kind", None) == m.LINE]

    def replace_story(self, runtime: Runtime, state: State, presentation: Presentation) -> Checkpoint:
        """Continue on an edited story (hot reload): history is dropped, play goes on at ``state``."""
        self.runtime = runtime
        self.history.clear()
        self._decided_before.clear()
        self.position = -1
        self.presentation = presentation
        return self._run_to_next(state)
