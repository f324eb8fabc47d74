"""``starlight check``'s result: load, explore, collect findings; print as text, JSON or JUnit XML."""

from __future__ import annotations

import json
import time
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any
from xml.etree import ElementTree as ET

from game.story import model as m
from game.story.loader import read_story
from game.story.problems import Problem, printable, sort_problems

from .blockers import Blocker, explain
from .blowup import as_lines
from .explore import Exploration, Progress, explore
from .findings import all_findings
from .limits import DEFAULT_MAX_MEMORY, DEFAULT_MAX_STATES
from .maps import analyse_maps
from .stats import Stats, story_stats
from .translations import check_stale_translations

UNREACHABLE_CODES = ("unreachable-scene", "unreachable-label", "unreachable-step", "option-never-shown",
                     "hotspot-never-active", "hotspot-unreachable")


@dataclass
class CheckReport:
    """Everything ``starlight check`` says about one story folder."""

    root: Path
    story: m.Story | None
    problems: list[Problem]
    exploration: Exploration | None = None
    stats: Stats = field(default_factory=Stats)
    seconds: float = 0.0
    strict: bool = False
    blockers: list[Blocker] = field(default_factory=list)  # why each unreachable part is not reached

    def effective(self, problem: Problem) -> Problem:
        """The problem as reported: under --strict every warning counts as an error."""
        if self.strict and problem.severity == "warning":
            return replace(problem, severity="error")
        return problem

    @property
    def reported(self) -> list[Problem]:
        return [self.effective(p) for p in self.problems]

    @property
    def errors(self) -> list[Problem]:
        return [p for p in self.reported if p.severity == "error"]

    @property
    def warnings(self) -> list[Problem]:
        return [p for p in self.problems if p.severity == "warning"]

    @property
    def ok(self) -> bool:
        return not self.errors

    def endings(self) -> dict[str, dict[str, Any]]:
        if self.story is None:
            return {}
        found = self.exploration.endings if self.exploration else {}
        return {ending: {"reachable": ending in found, "path": list(found[ending]) if ending in found else None}
                for ending in self.story.endings}

    def why(self, problem: Problem) -> list[str]:
        """Why an unreachable part is not reached, a sentence per reason (none for other problems)."""
        for blocker in self.blockers:
            if blocker.pos == problem.pos and blocker.code == problem.code:
                return blocker.messages()
        return []

    def as_json(self) -> dict[str, Any]:
        found = self.exploration
        return {
            "ok": self.ok,
            "story": str(self.root),
            "strict": self.strict,
            "problems": [p.as_dict() for p in self.reported],
            "endings": self.endings(),
            "unreachable": [{**p.as_dict(), "why": self.why(p)}
                            for p in self.reported if p.code in UNREACHABLE_CODES],
            "blockers": [b.as_dict() for b in self.blockers],
            "dead_ends": [{"kind": d.kind, "file": d.pos.file, "line": d.pos.line, "column": d.pos.column,
                           "message": d.message, "path": list(d.path)} for d in (found.dead_ends if found else [])],
            "states": found.states if found else 0,
            "blowup": found.blowup.as_dict() if found and found.blowup else None,
            "words": dict(self.stats.words),
            "stats": self.stats.as_dict(),
            "seconds": round(self.seconds, 4),
        }

    def as_text(self) -> str:
        out = []
        for problem in self.reported:
            out.append(str(problem))
            out.extend(f"    why: {line}" for line in self.why(problem))
        if self.story is not None:
            out.append("")
            out.append(f"Story: {printable(self.story.title.get(self.story.primary_language))} "
                       f"({printable(str(self.root))})")
            out.append("Endings:")
            width = max((len(e) for e in self.story.endings), default=0)
            for ending, info in self.endings().items():
                if info["reachable"]:
                    out.append(f"  {ending:<{width}}  reachable    choices {info['path']}")
                else:
                    out.append(f"  {ending:<{width}}  UNREACHABLE")
            s = self.stats
            words = ", ".join(f"{lang} {n:,}" for lang, n in s.words.items())
            lines = ", ".join(f"{lang} {n:,}" for lang, n in s.lines_by_language.items())
            out.append(f"Stats: {s.scenes} scenes, {s.steps} steps, {s.choices} choices, {s.lines} lines "
                       f"({lines}); words: {words}")
            speakers = ", ".join(f"{who} {n}" for who, n in sorted(s.lines_by_speaker.items(), key=lambda kv: -kv[1]))
            out.append(f"Lines by speaker: {speakers}")
            states = self.exploration.states if self.exploration else 0
            out.append(f"Explored {states:,} states in {self.seconds:.2f} s")
            if self.exploration is not None and self.exploration.blowup is not None:
                out.extend(as_lines(self.exploration.blowup))
        verdict = "OK" if self.ok else "FAILED"
        out.append(f"{verdict}: {len(self.errors)} error(s), {len(self.warnings)} warning(s)")
        return "\n".join(out)

    def as_junit(self) -> str:
        """JUnit XML for CI dashboards: one test case per concern, per ending.

        Every text from the story goes through ``printable``: XML 1.0 cannot hold
        most control characters at all (a parser rejects the whole file).
        """
        dead = [printable(str(p)) for p in self.problems if p.code.startswith("dead-end")]
        endings = {"unreachable-ending", "too-many-states"}
        load = [printable(str(p)) for p in self.problems
                if p.severity == "error" and not p.code.startswith("dead-end") and p.code not in endings]
        cases: list[tuple[str, list[str], bool]] = [("story loads and validates", load, True)]
        for ending, info in self.endings().items():
            cases.append((f"ending {ending} is reachable",
                          [] if info["reachable"] else [f"no playthrough reaches the ending {ending!r}"], True))
        cases.append(("no dead ends", dead, True))
        cases.append(("no warnings", [printable(str(p)) for p in self.warnings], self.strict))
        suite = ET.Element("testsuite", name="starlight check", tests=str(len(cases)), time=f"{self.seconds:.3f}")
        failures = 0
        for name, messages, fails in cases:
            case = ET.SubElement(suite, "testcase", classname=printable(f"story.{self.root.name}"), name=name)
            if messages and fails:
                failures += 1
                failure = ET.SubElement(case, "failure", message=messages[0][:200])
                failure.text = "\n".join(messages)
            elif messages:
                ET.SubElement(case, "system-out").text = "\n".join(messages)
        suite.set("failures", str(failures))
        return ET.tostring(suite, encoding="unicode", xml_declaration=True) + "\n"


def run_check(root: Path, *, strict: bool = False, max_states: int = DEFAULT_MAX_STATES,
              max_memory: int = DEFAULT_MAX_MEMORY, progress: Progress | None = None) -> CheckReport:
    """Load and validate ``root``, explore it when it loads, and gather every finding."""
    started = time.perf_counter()
    loaded = read_story(root)
    report = CheckReport(root, loaded.story, list(loaded.problems), strict=strict)
    if loaded.story is not None:
        maps = analyse_maps(loaded.story)  # which hotspots can be walked to, for the explorer too
        report.exploration = explore(loaded.story, max_states=max_states, max_memory=max_memory, progress=progress,
                                     reachable_hotspots=maps.reachable)
        report.problems.extend(all_findings(loaded.story, report.exploration, maps))
        report.problems.extend(check_stale_translations(loaded.story))
        report.blockers = explain(loaded.story, report.exploration, report.problems, maps.reachable)
        report.exploration.graph = None  # the decision graph is large; nothing after this needs it
        report.stats = story_stats(loaded.story)
    report.problems = sort_problems(report.problems)
    report.seconds = time.perf_counter() - started
    return report


def dumps(report: CheckReport) -> str:
    return json.dumps(report.as_json(), ensure_ascii=False, indent=2)
