"""The choice analysis of a story: seeded playthroughs under each policy, their flips, and what they show.

For each policy (``simulate``), ``runs`` numbered playthroughs are played, and
every one of their decisions is flipped to each other visible option; from
these come:

* the **ending distribution** per policy;
* **inert counter choices**: each option's ``add`` on a counter, how often it was
  taken while the counter already sat at its bound (so the add changed nothing);
* **decisive decisions**: per decision site and ending, how many flips change
  whether that ending is reached; and, for every playthrough that missed the
  best ending, the sites where one flip alone would have reached it;
* **cosmetic decision points**: choices whose every option leads on to the same
  next decision state (position, variables, visited marks) or the same ending,
  showing the same lines after the options' own ``then`` text;
* **variables the player never sees** (``visibility``).
"""

from __future__ import annotations

import time
from collections import Counter
from dataclasses import dataclass, field

from game.story import model as m
from game.story.runtime import State

from .facts import Site, StoryFacts, story_facts
from .simulate import POLICIES, Player, Playthrough, Segment, Stepper
from .visibility import Sample, VariableRow, variable_visibility

DEFAULT_RUNS = 400
# Decisions the flipped playthroughs of one policy may play, per playthrough asked for.  Flips cost
# the square of a playthrough's length; the shipped story needs about 1,050 per playthrough.  Past
# the budget, later playthroughs are played but not flipped (the report says how many were): the
# work stays bounded, and the same for the same story, seed and runs on any machine.
FLIP_STEPS_PER_RUN = 2_500
# Decisions the playthroughs themselves may take, per playthrough asked for (the shipped story takes
# about 50): a very long story is played fewer times, and the report says so.
PLAY_STEPS_PER_RUN = 300
SAMPLES_PER_VARIABLE = 24  # decision states per variable and policy where its value is tested
MEMO_LIMIT = 100_000


@dataclass
class InertRow:
    """One option's ``add`` on one counter: how often taken, and how often it changed nothing."""

    site: int
    option: int
    variable: int
    amount: int
    taken: Counter[str] = field(default_factory=Counter)  # policy -> times taken
    inert: Counter[str] = field(default_factory=Counter)  # policy -> times the counter sat at its bound


@dataclass
class SiteFlips:
    """What flipping one decision site did, over one policy's playthroughs."""

    met: int = 0  # playthroughs that met the site with two or more options visible
    flips: int = 0  # (playthrough, visit, other visible option) flips tried
    lost: Counter[str] = field(default_factory=Counter)  # outcome -> flips that no longer reach it
    gained: Counter[str] = field(default_factory=Counter)  # outcome -> flips that reach it instead

    def changes(self, ending: str) -> int:
        """Flips that change whether ``ending`` is reached."""
        return self.lost[ending] + self.gained[ending]


@dataclass
class PolicyResult:
    policy: str
    runs: int  # playthroughs played (fewer than asked for when the play budget ran out)
    outcomes: Counter[str] = field(default_factory=Counter)
    sites: dict[int, SiteFlips] = field(default_factory=dict)
    flipped: int = 0  # playthroughs whose decisions were flipped (all, unless the flip budget ran out)
    missed_best: int = 0  # flipped playthroughs that did not reach the best ending
    rescued: Counter[int] = field(default_factory=Counter)  # site -> missed playthroughs one flip there saves
    unrescued: int = 0  # missed playthroughs that no single flip saves
    errors: Counter[str] = field(default_factory=Counter)  # runtime errors met, by message


@dataclass
class CosmeticRow:
    site: int
    encounters: int = 0  # times met with two or more options visible
    cosmetic: int = 0  # of which every option led on to the same state and lines

    @property
    def always(self) -> bool:
        return self.encounters > 0 and self.cosmetic == self.encounters


@dataclass
class ChoiceAnalysis:
    """Everything ``analyse_choices`` found; ``report`` renders it as text, JSON or HTML."""

    facts: StoryFacts
    seed: int
    runs: int
    best: str
    policies: dict[str, PolicyResult]
    inert: list[InertRow]
    cosmetic: list[CosmeticRow]
    variables: list[VariableRow]
    seconds: float = 0.0

    @property
    def endings(self) -> list[str]:
        return list(self.facts.story.endings)

    def site(self, number: int) -> Site:
        return self.facts.sites[number]


def analyse_choices(story: m.Story, *, runs: int = DEFAULT_RUNS, seed: int = 0,
                    best: str | None = None, flip_budget: int | None = None) -> ChoiceAnalysis:
    """Play ``runs`` seeded playthroughs per policy and analyse the decisions; the same seed, the same answer.

    ``best`` is the ending whose misses are traced to single decisions (default:
    the first declared); ``flip_budget`` caps the decisions flipped playthroughs
    may play per policy (default: ``runs * FLIP_STEPS_PER_RUN``).
    """
    if runs < 1:
        raise ValueError("--runs must be at least 1")
    best = best if best is not None else next(iter(story.endings), "")
    if best not in story.endings:
        raise ValueError(f"no ending {best!r} in this story (it has {', '.join(story.endings)})")
    started = time.perf_counter()
    budget = runs * FLIP_STEPS_PER_RUN if flip_budget is None else flip_budget
    facts = story_facts(story)
    stepper = Stepper(facts)
    watcher = _Watcher(stepper)
    policies = {}
    for policy in POLICIES:
        player = Player(stepper, policy, seed)
        result = PolicyResult(policy, 0)
        played = 0
        for number in range(runs):
            if played >= runs * PLAY_STEPS_PER_RUN:
                break
            run = player.play(number)
            played += len(run.decisions)
            result.runs += 1
            result.outcomes[run.outcome] += 1
            if run.error is not None:
                result.errors[run.error] += 1
            watcher.observe(policy, run)
            if player.flip_steps < budget:
                _flip_all(player, run, result, best)
                result.flipped += 1
        policies[policy] = result
    variables = variable_visibility(stepper, watcher.samples, seed)
    inert = sorted(watcher.inert.values(), key=lambda row: (-_inert_share(row), -sum(row.inert.values()),
                                                             row.site, row.option))
    cosmetic = [row for row in watcher.cosmetic.values() if row.cosmetic]
    cosmetic.sort(key=lambda row: (-row.cosmetic / row.encounters, row.site))
    return ChoiceAnalysis(facts, seed, runs, best, policies, inert, cosmetic, variables,
                          time.perf_counter() - started)


def _inert_share(row: InertRow) -> float:
    taken = sum(row.taken.values())
    return sum(row.inert.values()) / taken if taken else 0.0


def _flip_all(player: Player, run: Playthrough, result: PolicyResult, best: str) -> None:
    """Flip each decision of ``run`` to each other visible option, and count what changes."""
    known = player.known_outcomes(run)
    times: dict[int, int] = {}
    met: set[int] = set()
    rescuers: set[int] = set()
    for index, decision in enumerate(run.decisions):
        times[decision.site] = decision.times + 1
        if len(decision.visible) < 2:
            continue
        stats = result.sites.get(decision.site)
        if stats is None:
            stats = result.sites[decision.site] = SiteFlips()
        if decision.site not in met:
            met.add(decision.site)
            stats.met += 1
        for option in decision.visible:
            if option == decision.pick:
                continue
            outcome = player.flipped(run, index, option, times, known)
            stats.flips += 1
            if outcome != run.outcome:
                stats.lost[run.outcome] += 1
                stats.gained[outcome] += 1
                if outcome == best:
                    rescuers.add(decision.site)
    if run.outcome != best:
        result.missed_best += 1
        result.rescued.update(rescuers)
        result.unrescued += not rescuers


class _Watcher:
    """Looks at every original playthrough: inert adds, cosmetic decisions, states to test variables at."""

    def __init__(self, stepper: Stepper) -> None:
        self.stepper = stepper
        self.facts = stepper.facts
        self.inert: dict[tuple[int, int, int], InertRow] = {}
        self.cosmetic: dict[int, CosmeticRow] = {}
        self.samples: dict[int, list[Sample]] = {}
        self._sampled: set[tuple[int, State, int | None]] = set()
        self._per_policy: Counter[tuple[str, int]] = Counter()
        self._verdicts: dict[State, bool] = {}
        self._option_reads = [sum(1 << v for v in site.option_reads) for site in self.facts.sites]
        self._own = [self.facts.own_mask(site) for site in self.facts.sites]
        self._limits = [(v.min, v.max) for v in self.facts.story.variables]

    def observe(self, policy: str, run: Playthrough) -> None:
        start = self.stepper.start()
        self._sample(policy, start.reads, self.stepper.runtime.start(), None, True)
        sites = self.facts.sites
        for decision in run.decisions:
            site = sites[decision.site]
            self._count_adds(policy, site, decision.state, decision.pick)
            if site.kind == "choice" and len(decision.visible) > 1:
                row = self.cosmetic.get(site.id)
                if row is None:
                    row = self.cosmetic[site.id] = CosmeticRow(site.id)
                row.encounters += 1
                row.cosmetic += self._is_cosmetic(site, decision.state, decision.visible)
            reads = decision.segment.reads | self._option_reads[site.id]
            if reads:
                self._sample(policy, reads, decision.state, decision.pick, False)

    def _count_adds(self, policy: str, site: Site, state: State, pick: int) -> None:
        option = site.options[pick]
        for var, amount in option.adds:
            key = (site.id, pick, var)
            row = self.inert.get(key)
            if row is None:
                row = self.inert[key] = InertRow(site.id, pick, var, amount)
            row.taken[policy] += 1
            low, high = self._limits[var]
            before = state.vars[var]
            if min(high, max(low, before + amount)) == before:
                row.inert[policy] += 1

    def _is_cosmetic(self, site: Site, state: State, visible: tuple[int, ...]) -> bool:
        verdict = self._verdicts.get(state)
        if verdict is None:
            if len(self._verdicts) >= MEMO_LIMIT:
                self._verdicts.clear()
            own = self._own[site.id]
            ends = {self._after_own(self.stepper.take(state, option), site.scene, own) for option in visible}
            verdict = self._verdicts[state] = len(ends) == 1
        return verdict

    @staticmethod
    def _after_own(segment: Segment, scene: int, own: int) -> tuple[object, ...]:
        """What an option leads on to, leaving out the lines of the choice's own option blocks."""
        lines = tuple((s, bits & ~own if s == scene else bits) for s, bits in segment.lines)
        return segment.next, segment.outcome, tuple(item for item in lines if item[1])

    def _sample(self, policy: str, reads: int, state: State, pick: int | None, from_start: bool) -> None:
        var = 0
        while reads:
            if reads & 1 and self._per_policy[(policy, var)] < SAMPLES_PER_VARIABLE:
                key = (var, state, pick)
                if key not in self._sampled:
                    self._sampled.add(key)
                    self._per_policy[(policy, var)] += 1
                    self.samples.setdefault(var, []).append(Sample(state, pick, from_start))
            reads >>= 1
            var += 1
