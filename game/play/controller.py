"""The play controller: a playthrough and every rule of playing it, without pygame.

The play screen turns input into calls here and draws what comes back; the
tests drive the same controller headless.  It owns the session (stops seen,
rollback, decisions), which lines are read, the skip and auto-forward modes,
the timed choice's timer, where the player stands on maps, and when to
autosave.  Every move returns a ``Shown``: the checkpoint to display, the
presentation events to play on the way (pictures, music, sounds, waits), and
whether to show it at once (rolling back, skipping) or animated.

It also keeps the player's record up to date (``Chronicle``: nodes seen,
options taken, tracks heard, the state at each node), and answers the
player's time machine: skip to the next choice, back to the last choice.

Saving and loading live in ``game.play.saving``; warps in ``game.play.warp``;
hot reload in ``game.play.reload``; recording a replay in ``game.play.recording``.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from game.persist.progress import Progress
from game.persist.settings import Settings
from game.story import model as m
from game.story import snapshot
from game.story.cursor import Cursor
from game.story.presentation import Place, Presentation
from game.story.runtime import ChoiceEvent, Event, MapEvent, Runtime, State

from .chronicle import Chronicle, node_of
from .feed import Entry, message_feed
from .flowview import OptionMark, OptionMarks
from .session import Checkpoint, Move, Session

SKIP_INTERVAL = 0.06  # seconds between lines while skipping
TIMER_GRACE = 1.5  # seconds a timed choice waits after skipping stopped on it, before its timer runs
FIRST_TIMER_GRACE = 4.0  # the player's first timed choice waits this long (while it says what the bar is)
TIMER_HINT = "timed_choice"  # the progress record's name for that one-time explanation
AUTO_PER_CHARACTER = 0.02  # auto-forward waits this much longer per character of the line
MAX_SKIP_STOPS = 5_000  # lines skip-to-choice passes at most in one go (a story looping through lines)


@dataclass(frozen=True)
class Shown:
    """What the screen displays after a move: a checkpoint, the events passed on the way there, how."""

    checkpoint: Checkpoint
    passed: tuple[Event, ...]
    instant: bool  # no transitions, typing, waits or sounds: rolled back / forward, skipped, loaded
    under: m.Line | None = None  # at a choice or map: the line the text box keeps showing

    @property
    def event(self) -> Event:
        return self.checkpoint.event


@dataclass
class Timer:
    """A timed choice's countdown: runs once the choice is on screen (and ``grace`` has passed)."""

    total: float
    left: float
    grace: float = 0.0
    hint: bool = False  # the player's first timed choice: the screen says timers can be turned off


class PlayController:
    """One playthrough, played by the rules.  ``settings`` and ``progress`` are the player's own."""

    def __init__(self, session: Session, settings: Settings, progress: Progress,
                 chronicle: Chronicle | None = None) -> None:
        self.session = session
        self.settings = settings
        self.progress = progress
        self.chronicle = chronicle or Chronicle(session.story, progress)
        self.chronicle.watch(session.cursor)
        self.marks = OptionMarks(session.story, progress)
        self.skipping = False
        self.auto = False
        self.timer: Timer | None = None
        self.autosave_due = False  # a decision or a new scene was reached: the screen autosaves after drawing
        self.ended: str | None = None  # the ending reached, once reached
        self._skip_clock = 0.0
        self._auto_clock = 0.0
        self._last_scene = session.current.state.scene
        self.chronicle.arrived(session.current.beat, True, session.decisions)

    # --- starting ---

    @classmethod
    def new_game(cls, story: m.Story, settings: Settings, progress: Progress, warp: str | None = None,
                 variables: dict[str, Any] | None = None) -> PlayController:
        """A new playthrough at the story's start, or at ``warp`` (scene / scene.label) with ``variables``."""
        runtime = Runtime(story)
        return cls.resume(Cursor(runtime), runtime.start(warp, variables), None, settings, progress)

    @classmethod
    def resume(cls, cursor: Cursor, state: State, presentation: Presentation | None, settings: Settings,
               progress: Progress, route: tuple[str, ...] = ()) -> PlayController:
        """A playthrough going on from ``state`` with the stage ``presentation`` (a save, a warp).

        ``route``: the decisions that led to ``state`` (a warp knows them; a save does not).
        """
        chronicle = Chronicle(cursor.story, progress, route)
        chronicle.watch(cursor)  # before the first stop: the nodes passed on the way there count
        return cls(Session(cursor, cursor.start(state, presentation)), settings, progress, chronicle)

    @classmethod
    def restore(cls, story: m.Story, state_json: object, stage_json: object, settings: Settings,
                progress: Progress, route: tuple[str, ...] = ()) -> tuple[PlayController, list[str]]:
        """A playthrough going on from a stored state and stage (a save's, a warp's), with notices of what
        had to be adjusted to fit the story; SnapshotError when the state no longer fits it at all."""
        restored = snapshot.from_json(story, state_json)
        presentation = Presentation.from_json(stage_json, story)
        return cls.resume(Cursor(Runtime(story)), restored.state, presentation, settings, progress, route), \
            restored.notices

    def story_changed(self) -> None:
        """The session goes on in an edited story (hot reload): watch it from here on."""
        self.chronicle = Chronicle(self.session.story, self.progress, self.chronicle.route(self.session.decisions))
        self.chronicle.watch(self.session.cursor)
        self.marks = OptionMarks(self.session.story, self.progress)

    def first_shown(self) -> Shown:
        """What to display when play (re)starts: the current stop, at once (a story may start at an ending)."""
        event = self.session.current.event
        return self._shown(Move(self.session.current, fresh=isinstance(event, m.Ending)), instant=True)

    # --- reading the present ---

    @property
    def story(self) -> m.Story:
        return self.session.story

    @property
    def current(self) -> Checkpoint:
        return self.session.current

    def is_read(self, line: m.Line) -> bool:
        return line.sid is not None and self.progress.is_read(str(line.sid))

    def current_node(self) -> str:
        """The flowchart node of the stop shown now (the play screen's place in the flowchart)."""
        return node_of(self.story, self.current.beat)

    def option_marks(self) -> list[OptionMark]:
        """At a choice: for each visible option, whether it was taken before and whether it leads somewhere new."""
        event = self.current.event
        if not isinstance(event, ChoiceEvent):
            return []
        state = self.current.state
        return self.marks.marks(event, state.scene, state.pc)

    def route(self) -> tuple[str, ...]:
        """The decisions of this playthrough so far (those before a warp too), as the record keys them."""
        return self.chronicle.route(self.session.decisions)

    def feed(self) -> list[Entry]:
        """The phone's message exchange under way (empty when none is, or the story has no phone)."""
        phone = self.story.phone
        if phone is None:
            return []
        lines = [checkpoint.event for _, checkpoint in self.session.lines_so_far()]
        return message_feed(lines, self.story.primary_language, phone.owner, phone.contact)  # type: ignore[arg-type]

    def under_line(self) -> m.Line | None:
        """The line the text box shows now: the current one, or the last before a choice or map."""
        return self.current.line or self.session.line_before(self.session.position)

    # --- moving on ---

    def advance(self) -> Shown | None:
        """Past the current line (it counts as read); None when the stop is not a line."""
        here = self.current
        line = here.line
        if line is None:
            return None
        if line.sid is not None:
            self.progress.mark_read(str(line.sid))
        move = self.session.advance()
        return self._shown(move, instant=not move.fresh or self.skipping)

    def choose(self, index: int) -> Shown:
        """Take option / hotspot ``index`` (as Runtime.choose) at the current choice or map."""
        self.timer = None
        decision = self.current.beat.decision
        if decision is not None:
            self.chronicle.chose(decision, index)
        return self._shown(self.session.choose(index), instant=False)

    def roll_back(self) -> Shown | None:
        """One stop back (None at the first: the screen opens the history instead)."""
        if not self.session.can_roll_back():
            return None
        self.skipping = self.auto = False
        return self._shown(Move(self.session.roll_back(), fresh=False), instant=True)

    def roll_forward(self) -> Shown | None:
        if not self.session.can_roll_forward():
            return None
        return self._shown(Move(self.session.roll_forward(), fresh=False), instant=True)

    def jump_to(self, index: int) -> Shown:
        """Back to checkpoint ``index`` of the history (from the history screen)."""
        self.skipping = self.auto = False
        return self._shown(Move(self.session.jump_to(index), fresh=False), instant=True)

    def last_choice(self) -> int | None:
        """Where in the history the last choice before the current stop is (None: none in reach)."""
        history = self.session.history
        return next((i for i in range(self.session.position - 1, -1, -1)
                     if isinstance(history[i].event, ChoiceEvent)), None)

    def back_to_last_choice(self) -> Shown | None:
        """Back to the last choice before the current stop, to choose again (None when there is none)."""
        index = self.last_choice()
        return None if index is None else self.jump_to(index)

    def skip_to_choice(self) -> Shown | None:
        """Play on at once to the next choice, map or ending; None when the stop is not a line.

        Past the line on screen, it stops at the first line never read in any playthrough
        (unless the player skips unread text), shown as a line is shown; a timed choice it arrives at
        waits ``TIMER_GRACE`` before its timer runs, like any choice skipping reaches.
        """
        if self.current.line is None:
            return None
        self.auto = False
        self.skipping = True
        shown = self.advance()  # past the line on screen: the player has read it, and asks to go on
        for _ in range(MAX_SKIP_STOPS):
            line = self.current.line
            if line is None or not self.skipping:
                break  # a decision or an ending, or the first unread line (_shown stopped skipping)
            if not self.settings.skip_unread and not self.is_read(line):
                self.skipping = False
                break
            shown = self.advance()
        self.skipping = False
        if shown is None:
            return None
        return Shown(shown.checkpoint, (), shown.instant, shown.under)

    def remember_place(self, place: Place) -> None:
        """Where the player stands on the current map (rollback and saves keep it)."""
        key = self.map_step_key()
        if key is not None:
            self.session.remember_place(key, place)

    def map_step_key(self) -> str | None:
        """The stable key of the current map step (None when the stop is not a map)."""
        event = self.current.event
        if not isinstance(event, MapEvent):
            return None
        return str(event.op.sid) if event.op.sid is not None else f"{event.map.name}.{event.spawn}"

    def map_place(self) -> Place | None:
        """Where the player last stood on the current map, if they have been on it."""
        key = self.map_step_key()
        return self.current.presentation.place(key) if key is not None else None

    # --- modes ---

    def toggle_skip(self) -> None:
        self.skipping = not self.skipping
        self._skip_clock = 0.0

    def toggle_auto(self) -> None:
        self.auto = not self.auto
        self._auto_clock = 0.0

    def stop_skipping(self) -> None:
        self.skipping = False

    def tick(self, dt: float, ready: bool, held: bool = False) -> Shown | None:
        """Time passes: the timer, skipping (toggled, or ``held`` for as long as Ctrl is) and auto-forward.

        ``ready`` says the screen has finished showing the current stop (text typed
        out, transitions and waits over): timers and auto-forward only run then.
        """
        if self.timer is not None:
            return self._tick_timer(dt, ready)
        if self.current.line is None:
            return None
        if self.skipping or held:
            self._skip_clock += dt
            if self._skip_clock < SKIP_INTERVAL:
                return None
            self._skip_clock = 0.0
            return self._skip_step(held)
        if self.auto and ready:
            self._auto_clock += dt
            line = self.current.line
            wait = self.settings.auto_delay + AUTO_PER_CHARACTER * len(line.text.get(self.settings.language))
            if self._auto_clock >= wait:
                self._auto_clock = 0.0
                return self.advance()
        return None

    def _start_timer(self, seconds: float, arrived_skipping: bool) -> Timer:
        """A timed choice's timer; the first one a player ever meets waits longer and explains itself."""
        if self.progress.first_time(TIMER_HINT):
            return Timer(seconds, seconds, FIRST_TIMER_GRACE, hint=True)
        return Timer(seconds, seconds, TIMER_GRACE if arrived_skipping else 0.0)

    def _tick_timer(self, dt: float, ready: bool) -> Shown | None:
        timer = self.timer
        assert timer is not None
        if not ready:
            return None
        if timer.grace > 0:
            timer.grace = max(0.0, timer.grace - dt)
            return None
        timer.left -= dt
        if timer.left > 0:
            return None
        event = self.current.event
        assert isinstance(event, ChoiceEvent)
        default = event.default if event.default is not None else event.options[0].index
        return self.choose(default)

    def _skip_step(self, held: bool) -> Shown | None:
        line = self.current.line
        if line is None or (not self.settings.skip_unread and not self.is_read(line)):
            self.skipping = False  # skipping stops at the first unread line, and at every decision
            return None
        was = self.skipping
        self.skipping = True  # (so the move shows at once even while only held)
        shown = self.advance()
        self.skipping = was and self.skipping
        return shown

    # --- arriving ---

    def _shown(self, move: Move, instant: bool) -> Shown:
        checkpoint = move.checkpoint
        self.chronicle.arrived(checkpoint.beat, move.fresh, self.session.decisions)
        event = checkpoint.event
        under = None
        if isinstance(event, (ChoiceEvent, MapEvent)):
            under = self.session.line_before(self.session.position)
            self.autosave_due = self.autosave_due or move.fresh
            arrived_skipping = self.skipping
            self.skipping = False
            self.timer = None
            if (move.fresh and isinstance(event, ChoiceEvent) and event.timeout is not None
                    and self.settings.timed_choices and event.options):
                self.timer = self._start_timer(event.timeout, arrived_skipping)
        elif isinstance(event, m.Ending):
            self.skipping = False
            if move.fresh:
                self.ended = event.ending  # (the chronicle recorded it)
        else:
            self.timer = None
            line = checkpoint.line
            if self.skipping and line is not None and not self.settings.skip_unread and not self.is_read(line):
                self.skipping = False
                instant = False  # the first unread line is shown as a line is shown
        scene = checkpoint.state.scene
        if move.fresh and scene != self._last_scene:
            self.autosave_due = True
        self._last_scene = scene
        self._auto_clock = 0.0
        return Shown(checkpoint, move.passed, instant, under)

