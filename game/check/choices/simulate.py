"""Seeded playthroughs through the real runtime, and the same playthroughs with one decision flipped.

Play goes from decision to decision: the checker's stepper (``game.check.stepper``)
plays everything between two decisions (a choice or a map) in one call, with a
coverage record that says which ops ran, so a **segment** (a decision state and
the option taken, to the next decision or ending) is known by its end and by
the lines it showed.  Segments are deterministic, so a bounded cache shares them
between playthroughs.

Randomness is **keyed**, not streamed: the number a policy draws at a decision
depends only on the seed, the playthrough's number, the decision site and how
many times this playthrough has met that site before.  A flipped playthrough
therefore meets every later decision with the same number the original had
there, whatever happened in between: "the same random stream as far as
possible".  It also means a flipped playthrough that comes back to one of the
original's decision states, with the same sites met as often, goes on exactly
as the original did, so it stops there with the original's outcome.

Policies: ``uniform`` takes any visible option with equal chance; ``devoted``
takes the option with the largest sum of ``add`` on counters (ties at random).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from game.story import model as m
from game.story.runtime import Runtime, State, StoryRuntimeError

from ..stepper import Stepper as Walk
from .facts import StoryFacts, op_bits

UNIFORM, DEVOTED = "uniform", "devoted"
POLICIES = (UNIFORM, DEVOTED)
# Outcomes that are not endings (an ending's outcome is its id).
ERROR, DEAD_END, NO_ENDING = "(error)", "(dead end)", "(no ending)"
MAX_DECISIONS = 5_000  # per playthrough: a story that loops among its choices stops here
# Entries each cache keeps (it starts over when full).  Segments hold what was shown (an int per
# scene, a bit per op), so fewer of them are kept than of the small jumps and decisions.
CACHE_LIMIT = 200_000
SEGMENT_LIMIT = 50_000
_MASK64 = (1 << 64) - 1


def mix64(value: int) -> int:
    """SplitMix64's finaliser: a well-spread 64-bit number from any int (the keyed random numbers)."""
    z = (value + 0x9E3779B97F4A7C15) & _MASK64
    z = ((z ^ (z >> 30)) * 0xBF58476D1CE4E5B9) & _MASK64
    z = ((z ^ (z >> 27)) * 0x94D049BB133111EB) & _MASK64
    return z ^ (z >> 31)


def _visit_key(site: int, times: int) -> int:
    """One term of the hash of "how often each site was met": XOR-ed in and out as counts change."""
    return 0 if times == 0 else mix64((site << 24) ^ times ^ 0x5EED)


def _visit_step(site: int, times: int) -> int:
    """What the visits hash changes by when ``site`` is met for the ``times + 1``-th time."""
    return _visit_key(site, times) ^ _visit_key(site, times + 1)


@dataclass(frozen=True, slots=True)
class Segment:
    """Play from a decision state through one option up to the next decision state or an ending."""

    next: State | None  # the next decision state; None at an ending or an error
    ending: str | None
    error: str | None  # "file:line:col: message" when the runtime refused to go on
    lines: tuple[tuple[int, int], ...]  # (scene, op bits of the lines shown) for each scene with lines
    reads: int  # bit v: an `if` reading variable v ran on the way

    @property
    def outcome(self) -> str | None:
        """The playthrough's outcome when it stops here (an ending id, or ERROR); None when it goes on."""
        if self.ending is not None:
            return self.ending
        return ERROR if self.error is not None else None


class _Record(list[bytearray]):
    """The runtime's coverage record (one bytearray per scene) that notes which scenes play looked at.

    The runtime fetches a scene's bytes each time play enters that scene, so the
    scenes noted are the only ones that can hold marks: a story of a thousand
    scenes is read back in the few that one stretch of play passed through.
    """

    def __init__(self, scenes: list[bytearray]) -> None:
        super().__init__(scenes)
        self.touched: set[int] = set()

    def __getitem__(self, index: Any) -> Any:
        self.touched.add(index)
        return super().__getitem__(index)


class Stepper:
    """Segments and visible options of one story, computed through the runtime and cached (bounded)."""

    def __init__(self, facts: StoryFacts, cache_limit: int = CACHE_LIMIT) -> None:
        self.facts = facts
        self.runtime = Runtime(facts.story)
        self.cache_limit = cache_limit
        self._segments: dict[tuple[State, int], Segment] = {}
        self._jumps: dict[tuple[State, int], tuple[State | None, str | None]] = {}
        self._decisions: dict[State, tuple[int, tuple[int, ...]]] = {}
        self._trace = _Record(self.runtime.new_trace())
        self._zeros = [bytes(len(record)) for record in self._trace]
        self._trace.touched.clear()
        self._walk = Walk(facts.story, fast=False, trace=self._trace)  # marks every op it runs
        self._jump = Walk(facts.story)  # remembers stretches' outcomes; its own coverage
        self._first: Segment | None = None

    def start(self) -> Segment:
        """From the story's start to its first decision."""
        if self._first is None:
            self._first = self.run_from(self.runtime.start())
        return self._first

    def take(self, state: State, index: int) -> Segment:
        """Take option (or hotspot) ``index`` at the decision ``state`` and play to the next one."""
        key = (state, index)
        found = self._segments.get(key)
        if found is None:
            if len(self._segments) >= min(self.cache_limit, SEGMENT_LIMIT):
                self._segments.clear()
            try:
                after = self.runtime.choose(state, index)
            except StoryRuntimeError as exc:
                found = Segment(None, None, str(exc), (), 0)
            else:
                found = self.run_from(after)
            self._segments[key] = found
        return found

    def jump(self, state: State, index: int) -> tuple[State | None, str | None]:
        """``take`` without what was shown: (next decision state, None) or (None, the outcome); cached."""
        key = (state, index)
        found = self._jumps.get(key)
        if found is None:
            if len(self._jumps) >= self.cache_limit:
                self._jumps.clear()
            known = self._segments.get(key)
            if known is not None:
                found = (known.next, known.outcome)
            else:
                try:
                    here = self._jump.settle(*self.runtime.choose(state, index))
                except StoryRuntimeError:
                    found = (None, ERROR)
                else:
                    op: Any = self.runtime.op_at(here)
                    found = (None, op.ending) if op.kind == m.ENDING else (here, None)
            self._jumps[key] = found
        return found

    def visible(self, state: State) -> tuple[int, ...]:
        """The options (hotspots) a player can take at the decision ``state``."""
        return self.decision(state)[1]

    def decision(self, state: State) -> tuple[int, tuple[int, ...]]:
        """The site of the decision ``state`` is at, and the options (hotspots) a player can take there."""
        found = self._decisions.get(state)
        if found is None:
            if len(self._decisions) >= self.cache_limit:
                self._decisions.clear()
            site = self.facts.site_at[(state.scene, state.pc)]
            found = self._decisions[state] = (site, tuple(self.runtime.visible(state)))
        return found

    def run_from(self, state: State) -> Segment:
        """Play from any state up to the next decision or ending, recording what was shown."""
        trace = self._trace
        try:
            here = self._walk.plain(*state)
        except StoryRuntimeError as exc:
            self._clear()
            return Segment(None, None, str(exc), (), 0)
        facts = self.facts
        lines: list[tuple[int, int]] = []
        reads = 0
        for scene in sorted(trace.touched):
            record = list.__getitem__(trace, scene)
            ran = op_bits(record)
            shown = ran & facts.line_masks[scene]
            if shown:
                lines.append((scene, shown))
            for var, mask in facts.branch_reads[scene]:
                if ran & mask:
                    reads |= 1 << var
            record[:] = self._zeros[scene]
        trace.touched.clear()
        op: Any = self.runtime.op_at(here)
        if op.kind == m.ENDING:
            return Segment(None, op.ending, None, tuple(lines), reads)
        return Segment(here, None, None, tuple(lines), reads)

    def _clear(self) -> None:
        for scene in self._trace.touched:
            list.__getitem__(self._trace, scene)[:] = self._zeros[scene]
        self._trace.touched.clear()


Policy = Callable[[int, tuple[int, ...], float], int]


def make_policy(name: str, facts: StoryFacts) -> Policy:
    """The rule that picks an option: (site, visible option indices, random number in [0, 1)) -> option index."""
    if name == UNIFORM:
        return lambda site, visible, u: visible[int(u * len(visible))]
    if name != DEVOTED:
        raise ValueError(f"no policy {name!r} (there are {', '.join(POLICIES)})")
    scores = [[option.score for option in site.options] for site in facts.sites]
    best_options: dict[tuple[int, tuple[int, ...]], tuple[int, ...]] = {}  # bounded by sites x option subsets

    def devoted(site: int, visible: tuple[int, ...], u: float) -> int:
        ties = best_options.get((site, visible))
        if ties is None:
            score = scores[site]
            best = max(score[i] for i in visible)
            ties = best_options[(site, visible)] = tuple(i for i in visible if score[i] == best)
        return ties[int(u * len(ties))]
    return devoted


@dataclass(slots=True)
class Decision:
    """One decision of a playthrough: where, what could be taken, what was taken, and what followed."""

    state: State
    visits: int  # the hash of how often each site had been met before this decision
    site: int
    times: int  # how often this playthrough had met this site before
    visible: tuple[int, ...]
    pick: int
    segment: Segment


class _Numbers:
    """The keyed random numbers of one playthrough.

    Called with (site, times the site was met before), it gives the number in
    [0, 1) the policy draws there, and what the visits hash changes by.
    """

    def __init__(self, seed: int, number: int) -> None:
        self.number = number
        self.base = mix64(mix64(seed & _MASK64) ^ number)
        self._drawn: dict[tuple[int, int], tuple[float, int]] = {}  # bounded by sites x MAX_DECISIONS

    def __call__(self, site: int, seen: int) -> tuple[float, int]:
        key = (site, seen)
        found = self._drawn.get(key)
        if found is None:
            found = self._drawn[key] = (mix64(self.base ^ (site << 20) ^ seen) / 2.0**64, _visit_step(site, seen))
        return found


@dataclass
class Playthrough:
    number: int
    decisions: list[Decision]
    outcome: str
    error: str | None = None


class Player:
    """Plays numbered playthroughs of one policy, and the same playthroughs with a decision flipped."""

    def __init__(self, stepper: Stepper, policy: str, seed: int) -> None:
        self.stepper = stepper
        self.policy_name = policy
        self.policy = make_policy(policy, stepper.facts)
        self.seed = seed
        self._start = stepper.start()
        self._numbers = _Numbers(seed, -1)
        self.flip_steps = 0  # decisions played by ``flipped`` so far: what the analysis budgets

    def _numbers_of(self, number: int) -> _Numbers:
        if self._numbers.number != number:  # one playthrough at a time: its original, then its flips
            self._numbers = _Numbers(self.seed, number)
        return self._numbers

    def play(self, number: int) -> Playthrough:
        """Playthrough ``number``: the same every time for the same seed."""
        decisions: list[Decision] = []
        numbers = self._numbers_of(number)
        segment = self._start
        times: dict[int, int] = {}
        visits = 0
        stepper, policy = self.stepper, self.policy
        while segment.next is not None and len(decisions) < MAX_DECISIONS:
            state = segment.next
            site, visible = stepper.decision(state)
            if not visible:
                return Playthrough(number, decisions, DEAD_END)
            seen = times.get(site, 0)
            times[site] = seen + 1
            draw, step = numbers(site, seen)
            pick = policy(site, visible, draw)
            segment = stepper.take(state, pick)
            decisions.append(Decision(state, visits, site, seen, visible, pick, segment))
            visits ^= step
        outcome = segment.outcome or NO_ENDING
        return Playthrough(number, decisions, outcome, segment.error)

    def known_outcomes(self, run: Playthrough) -> dict[tuple[State, int], str]:
        """The outcome reached from each decision of ``run``, keyed by (decision state, visits hash).

        Whoever meets one of these keys again in this playthrough's random numbers
        goes on exactly the same way, so ``flipped`` stops there; it adds the keys
        of the flipped playthroughs it plays, so later flips can stop on those too.
        """
        return {(d.state, d.visits): run.outcome for d in run.decisions}

    def flipped(self, run: Playthrough, index: int, option: int, times: dict[int, int],
                known: dict[tuple[State, int], str] | None) -> str:
        """The outcome of ``run`` with option ``option`` taken at its decision ``index`` instead.

        ``times`` counts the sites met up to and including that decision; ``known``
        (from ``known_outcomes``) holds the outcomes already found for this
        playthrough.  Without it the flipped playthrough is played to its end.
        """
        if known is None:
            known = {}
        decision = run.decisions[index]
        numbers = self._numbers_of(run.number)
        stepper, policy = self.stepper, self.policy
        # The hot loop of the analysis: the caches are read here directly, their methods fill them.
        decided, jumped, drawn = stepper._decisions, stepper._jumps, numbers._drawn
        state, outcome = stepper.jump(decision.state, option)
        times = dict(times)
        visits = decision.visits ^ numbers(decision.site, decision.times)[1]
        path: list[tuple[State, int]] = []
        self.flip_steps += 1
        while state is not None and index + len(path) < MAX_DECISIONS:
            key = (state, visits)
            outcome = known.get(key)
            if outcome is not None:
                break
            path.append(key)
            site, visible = decided.get(state) or stepper.decision(state)
            if not visible:
                outcome = DEAD_END
                break
            seen = times.get(site, 0)
            times[site] = seen + 1
            draw, step = drawn.get((site, seen)) or numbers(site, seen)
            pick = policy(site, visible, draw)
            state, outcome = jumped.get((state, pick)) or stepper.jump(state, pick)
            visits ^= step
        if outcome is None:
            outcome = NO_ENDING
        self.flip_steps += len(path)
        for key in path:
            known[key] = outcome
        return outcome
