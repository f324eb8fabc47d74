"""Why can't I reach this?  The blocker of every unreachable ending, scene, label, step, option and hotspot.

The checker says *that* a part of the story is never reached; this says *why*:

* a condition that is never true there (or never false, for an ``else``),
  with the values its variables do take at that point over every explored
  state that reaches it, and the path of choices that gets nearest;
* a missing way in: nothing jumps to this label, no goto names this scene,
  no step says ``ending: x``;
* a ``call`` that never comes back, or a hotspot that cannot be walked to.

The story's ops form a static flow graph (a step leads to the next, a branch
to both sides, an option to its block, a goto to its target).  From an
unreached op the search walks that graph backwards through unreached ops; every
edge coming from a reached op is a blocker (its condition, its call), and an
unreached op that nothing leads to is a missing way in.  Values come from the
exploration's own states (``game.check.values``).
"""

from __future__ import annotations

from collections import deque
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from game.story import model as m
from game.story.problems import Pos, Problem

from .explore import Exploration
from .findings import check_endings, check_options, check_unreached, effects
from .flow import Edge, Op, incoming
from .values import Tally, path_to, states_at_branches, states_at_decisions

EXPLAINED = ("unreachable-ending", "unreachable-scene", "unreachable-label", "unreachable-step",
             "option-never-shown", "hotspot-never-active")
MAX_SEARCH = 20_000  # ops visited walking back from one unreached op
MAX_REASONS = 3  # blockers told per unreachable part (the nearest ones)

@dataclass(frozen=True)
class Reason:
    """One thing that keeps a part of the story from being reached."""

    kind: str  # "never-true" | "never-false" | "no-way-in" | "no-return" | "on-foot" | "stuck"
    pos: Pos  # where the blocker is written (the if, the option, the call, the label...)
    message: str
    ranges: dict[str, str] = field(default_factory=dict)  # what the condition reads, and its values there
    nearest: str | None = None  # the smallest change that would do, at the state that gets nearest
    path: tuple[int, ...] | None = None  # the choices that reach that state
    states: int = 0  # explored states at the blocker

    def as_dict(self) -> dict[str, Any]:
        return {"kind": self.kind, "file": self.pos.file, "line": self.pos.line, "column": self.pos.column,
                "message": self.message, "values": dict(self.ranges), "states": self.states,
                "nearest": self.nearest, "path": list(self.path) if self.path is not None else None}


@dataclass(frozen=True)
class Blocker:
    """Why one unreachable part (the finding ``code`` at ``pos``) is never reached."""

    code: str
    pos: Pos
    subject: str
    reasons: tuple[Reason, ...]

    def messages(self) -> list[str]:
        """The explanation, a sentence per reason, for reports and hovers."""
        return [reason.message for reason in self.reasons] or ["no reason was found"]

    def as_dict(self) -> dict[str, Any]:
        return {"code": self.code, "file": self.pos.file, "line": self.pos.line, "column": self.pos.column,
                "subject": self.subject, "reasons": [r.as_dict() for r in self.reasons]}


@dataclass
class _Place:
    """An unreachable part: in words, and the ops to search back from (or its root, when known at once)."""

    subject: str
    ops: list[Op]
    roots: list[tuple[str, Op, int]] = field(default_factory=list)


class _Explainer:
    """Finds the blockers of one checked story; one per check."""

    def __init__(self, story: m.Story, found: Exploration,
                 reachable_hotspots: dict[tuple[str, str], set[int]] | None) -> None:
        self.story = story
        self.found = found
        self.reachable_hotspots = reachable_hotspots
        self.into = incoming(story)
        self.never_written = {v.name for v in story.variables} - {story.variables[e.var].name
                                                                   for e in effects(story)}
        self.branch_tallies: dict[Op, Tally] = {}
        self.choice_tallies: dict[tuple[int, int, int], Tally] = {}  # (scene, pc, option)
        self.map_tallies: dict[str, list[Tally]] = {}
        self.hotspot_tallies: dict[tuple[str, int], Tally] = {}

    def op(self, at: Op) -> m.Op:
        return self.story.scenes[at[0]].ops[at[1]]

    # --- the search ---

    def roots(self, targets: Iterable[Op]) -> list[tuple[str, Op, int]]:
        """The blockers of ``targets`` (unreached ops): (kind, op, option / hotspot number), nearest first."""
        found: list[tuple[str, Op, int]] = []
        queue = deque(targets)
        seen = set(queue)
        while queue and len(seen) < MAX_SEARCH:
            at = queue.popleft()
            edges = self.into.get(at, [])
            if not edges and at != (self.story.start.scene, self.story.start.pc):
                found.append(("no-way-in", at, -1))
            for edge in edges:
                if edge.source in self.found.reached:
                    found.append((self.kind_of(edge), edge.source, edge.number))
                elif edge.source not in seen:
                    seen.add(edge.source)
                    queue.append(edge.source)
        unique = list(dict.fromkeys(found))
        return unique

    def kind_of(self, edge: Edge) -> str:
        if edge.kind == "then":
            return "never-true"
        if edge.kind == "else":
            return "never-false"
        if edge.kind == "option":
            return "option"
        if edge.kind == "hotspot":
            return "hotspot"
        return "no-return" if edge.kind == "return" else "stuck"

    # --- values at the blockers ---

    def gather(self, roots: Iterable[tuple[str, Op, int]]) -> None:
        """Count the explored states at every condition among ``roots`` (one pass for all of them)."""
        for kind, at, number in roots:
            op = self.op(at)
            scene = self.story.scenes[at[0]].id
            if kind in ("never-true", "never-false") and isinstance(op, m.Branch):
                self.branch_tallies.setdefault(at, Tally(self.story, op.cond, scene))
            elif kind == "option" and isinstance(op, m.Choice):
                cond = op.options[number].cond
                if cond is not None:
                    self.choice_tallies.setdefault((*at, number), Tally(self.story, cond, scene))
            elif kind == "hotspot" and isinstance(op, m.MapStep):
                self.hotspot_tally(op.map, number)
        self.run_tallies()

    def hotspot_tally(self, map_name: str, number: int) -> None:
        info = self.story.maps.get(map_name)
        cond = info.hotspots[number].cond if info is not None else None
        key = (map_name, number)
        if cond is not None and key not in self.hotspot_tallies:
            tally = self.hotspot_tallies[key] = Tally(self.story, cond, None)
            self.map_tallies.setdefault(map_name, []).append(tally)

    def run_tallies(self) -> None:
        by_choice: dict[Op, list[Tally]] = {}
        for (scene, pc, _number), tally in self.choice_tallies.items():
            by_choice.setdefault((scene, pc), []).append(tally)
        if by_choice or self.map_tallies:
            states_at_decisions(self.story, self.found, by_choice, self.map_tallies)
        states_at_branches(self.story, self.found, self.branch_tallies, self.reachable_hotspots)

    # --- words ---

    def reason(self, kind: str, at: Op, number: int) -> Reason:
        op = self.op(at)
        if kind in ("never-true", "never-false") and isinstance(op, m.Branch):
            return self.condition_reason(kind, op.pos, f"`if: {op.cond.source}`", self.branch_tallies.get(at),
                                         "here")
        if kind == "option" and isinstance(op, m.Choice):
            option = op.options[number]
            tally = self.choice_tallies.get((*at, number))
            if option.cond is None:
                return Reason("stuck", option.pos, f"the option at {option.pos} is never taken")
            return self.condition_reason("never-true", option.pos, f"the option's `if: {option.cond.source}`", tally,
                                         f"at the choice ({op.pos})")
        if kind == "hotspot" and isinstance(op, m.MapStep):
            return self.hotspot_reason(op, number)
        if kind == "no-return" and isinstance(op, m.Call):
            return Reason("no-return", op.pos, f"the call to {op.target.name!r} at {op.pos} never comes back: "
                          "every way through it ends, goes elsewhere or waits for a choice that leaves")
        if kind == "no-way-in":
            return Reason("no-way-in", op.pos, self.no_way_in(at, op))
        return Reason("stuck", op.pos, f"the step at {op.pos} runs, but play never gets past it "
                      "(a dead end or a runtime error there is reported above)")

    def no_way_in(self, at: Op, op: m.Op) -> str:
        scene = self.story.scenes[at[0]]
        if at[1] == 0:
            return (f"nothing goes to the scene {scene.id!r}: no goto, call, option or hotspot names it, "
                    "and it is not the story's start")
        if isinstance(op, m.LabelStep):
            return (f"nothing jumps to the label {op.name!r}: no goto, call, option or hotspot names "
                    f"{scene.id}.{op.name}, and the step above it never runs on into it")
        return (f"nothing leads to the step at {op.pos}: the step above it never runs on into it "
                "(a goto, ending or return), and there is no label here to jump to")

    def condition_reason(self, kind: str, pos: Pos, what: str, tally: Tally | None, where: str) -> Reason:
        never = "never true" if kind == "never-true" else "never false (its `else` never runs)"
        if tally is None or tally.states == 0:
            return Reason(kind, pos, f"{what} ({pos}) is {never} {where}")
        ranges = tally.ranges(self.never_written)
        values = "; ".join(f"{name} is {text}" for name, text in ranges.items())
        message = f"{what} ({pos}) is {never} {where}: {values or 'it reads no variable'}"
        message += f", over {tally.states:,} explored state{'s' if tally.states != 1 else ''} there"
        nearest = tally.nearest(kind == "never-true")
        path = None
        change = None
        if nearest is not None:
            change, _state, node, via = nearest
            path = path_to(self.found, node, via)
            how = f"by the choices [{', '.join(map(str, path))}]" if path else "right at the start"
            message += f"; nearest: {change} {how}"
        return Reason(kind, pos, message, ranges, change, path, tally.states)

    def hotspot_reason(self, op: m.MapStep, number: int) -> Reason:
        info = self.story.maps[op.map]
        hotspot = info.hotspots[number]
        walkable = (self.reachable_hotspots or {}).get((op.map, op.spawn))
        if walkable is not None and number not in walkable:
            return Reason("on-foot", hotspot.pos, f"the hotspot {hotspot.name!r} ({hotspot.pos}) cannot be walked "
                          f"to from the spawn point {op.spawn!r}: blocked tiles are in the way")
        tally = self.hotspot_tallies.get((op.map, number))
        if hotspot.cond is None:
            return Reason("stuck", hotspot.pos, f"the hotspot {hotspot.name!r} ({hotspot.pos}) is never used")
        return self.condition_reason("never-true", hotspot.pos, f"the hotspot {hotspot.name!r}'s "
                                     f"`if: {hotspot.cond.source}`", tally, f"on the map ({op.pos})")

    # --- per finding ---

    def places(self, wanted: set[tuple[str, Pos]]) -> dict[tuple[str, Pos], _Place]:
        """The parts the findings ``wanted`` name, by (finding code, position).

        Options and hotspots come with their one root already (the choice or map that never shows them);
        scenes, labels, steps and endings with the unreached ops to search back from.  Only the
        wanted ones are described: a story has tens of thousands of steps and few findings.
        """
        story, found = self.story, self.found
        out: dict[tuple[str, Pos], _Place] = {}
        endings: dict[str, list[Op]] = {ending: [] for ending in story.endings}
        maps_at: dict[str, Op] = {}
        named = {pos for _code, pos in wanted}
        for si, scene in enumerate(story.scenes):
            if ("unreachable-scene", scene.pos) in wanted:
                out[("unreachable-scene", scene.pos)] = _Place(f"the scene {scene.id!r}", [(si, 0)])
            for pc, op in enumerate(scene.ops):
                if op.sid is not None and op.pos in named:
                    subject = f"the label {op.name!r}" if isinstance(op, m.LabelStep) else f"the step at {op.pos}"
                    code = "unreachable-label" if isinstance(op, m.LabelStep) else "unreachable-step"
                    out[(code, op.pos)] = _Place(subject, [(si, pc)])
                if isinstance(op, m.Ending) and op.ending in endings:
                    endings[op.ending].append((si, pc))
                elif isinstance(op, m.MapStep) and (si, pc) in found.reached:
                    maps_at.setdefault(op.map, (si, pc))
                elif isinstance(op, m.Choice):
                    for number, option in enumerate(op.options):
                        if ("option-never-shown", option.pos) in wanted:
                            text = option.text.get(story.primary_language)
                            out[("option-never-shown", option.pos)] = _Place(f"the option {text!r}", [],
                                                                             [("option", (si, pc), number)])
        for ending, info in story.endings.items():
            out[("unreachable-ending", info.pos)] = _Place(f"the ending {ending!r}", endings[ending])
        for name, map_info in story.maps.items():
            if name in maps_at:
                for number, hotspot in enumerate(map_info.hotspots):
                    out[("hotspot-never-active", hotspot.pos)] = _Place(f"the hotspot {hotspot.name!r}", [],
                                                                        [("hotspot", maps_at[name], number)])
        return out

    def explain(self, problems: list[Problem]) -> list[Blocker]:
        places = self.places({(problem.code, problem.pos) for problem in problems})
        plans: list[tuple[Problem, str, list[tuple[str, Op, int]]]] = []
        for problem in problems:
            place = places.get((problem.code, problem.pos))
            if place is not None:
                plans.append((problem, place.subject, place.roots + (self.roots(place.ops) if place.ops else [])))
        self.gather(root for _, _, roots in plans for root in roots)
        blockers = []
        for problem, subject, roots in plans:
            reasons = [self.reason(*root) for root in roots[:MAX_REASONS]]
            if not roots and problem.code == "unreachable-ending":
                ending = next(e for e, info in self.story.endings.items() if info.pos == problem.pos)
                reasons = [Reason("no-way-in", problem.pos, f"no step says `ending: {ending}`")]
            blockers.append(Blocker(problem.code, problem.pos, subject, tuple(reasons)))
        return blockers


def explain(story: m.Story, found: Exploration, problems: list[Problem],
            reachable_hotspots: dict[tuple[str, str], set[int]] | None = None) -> list[Blocker]:
    """The blocker of each unreachable part among ``problems`` (the checker's findings), in their order.

    Needs a complete exploration that kept its graph (``Exploration.graph``);
    otherwise nothing can be said and the list is empty.
    """
    if not found.complete or found.graph is None or not any(p.code in EXPLAINED for p in problems):
        return []
    return _Explainer(story, found, reachable_hotspots).explain(problems)


def explain_unreached(story: m.Story, found: Exploration,
                      reachable_hotspots: dict[tuple[str, str], set[int]] | None = None) -> list[Blocker]:
    """The blockers of every part ``found`` never reached (for tools that explore without a full check)."""
    problems = [*check_endings(story, found), *check_unreached(story, found), *check_options(story, found)]
    return explain(story, found, problems, reachable_hotspots)
