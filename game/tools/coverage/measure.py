"""Counting coverage: every coverable item of a story, reached or not, per kind and per file.

Items are the story's lines, the options of its choices, its labels, the
hotspots of its maps and its endings; each has a place (file:line) and is
covered once some playthrough ran it (a line, a label), took it (an option, a
hotspot) or ended there (an ending).  The total percentage counts every item
once, whatever its kind.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from game.story import model as m
from game.story.problems import Pos

from .collect import Hits

KINDS = ("lines", "options", "labels", "hotspots", "endings")


@dataclass(frozen=True)
class Item:
    kind: str  # one of KINDS
    pos: Pos
    name: str  # what it is, in words: the text, the label, the hotspot or ending id
    covered: bool


@dataclass
class Coverage:
    """The items of one story and how many of them were covered."""

    title: str
    items: list[Item] = field(default_factory=list)
    choices: dict[tuple[str, int], tuple[bool, int, int]] = field(default_factory=dict)  # (file, line) ->
    # (the choice was reached, options taken, options): branches, for CI dashboards

    def count(self, kind: str | None = None, file: str | None = None) -> tuple[int, int]:
        """(covered, total) of the items of ``kind`` in ``file`` (None: all)."""
        chosen = [i for i in self.items if (kind is None or i.kind == kind) and (file is None or i.pos.file == file)]
        return sum(i.covered for i in chosen), len(chosen)

    def percent(self, kind: str | None = None, file: str | None = None) -> float | None:
        covered, total = self.count(kind, file)
        return 100.0 * covered / total if total else None

    @property
    def files(self) -> list[str]:
        return sorted({i.pos.file for i in self.items})

    def by_line(self, file: str) -> dict[int, list[Item]]:
        """The items of ``file`` by line number."""
        lines: dict[int, list[Item]] = {}
        for item in self.items:
            if item.pos.file == file:
                lines.setdefault(item.pos.line, []).append(item)
        return lines

    def as_json(self) -> dict[str, Any]:
        def figures(kind: str | None = None, file: str | None = None) -> dict[str, Any]:
            covered, total = self.count(kind, file)
            percent = self.percent(kind, file)
            return {"covered": covered, "total": total, "percent": None if percent is None else round(percent, 2)}

        return {
            "total": figures(),
            "kinds": {kind: figures(kind) for kind in KINDS},
            "files": {file: {"total": figures(None, file), **{kind: figures(kind, file) for kind in KINDS}}
                      for file in self.files},
            "missed": [{"kind": i.kind, "file": i.pos.file, "line": i.pos.line, "name": i.name}
                       for i in self.items if not i.covered],
        }


def _short(text: str, length: int = 60) -> str:
    text = " ".join(text.split())
    return text if len(text) <= length else text[:length - 1] + "…"


def measure(story: m.Story, hits: Hits) -> Coverage:
    """The coverage of ``story`` by ``hits``."""
    lang = story.primary_language
    result = Coverage(story.title.get(lang))
    items = result.items
    for si, scene in enumerate(story.scenes):
        ran = hits.ops[si]
        for pc, op in enumerate(scene.ops):
            if isinstance(op, m.Line) and op.sid is not None:
                items.append(Item("lines", op.pos, f"{op.speaker}: {_short(op.text.get(lang))}", bool(ran[pc])))
            elif isinstance(op, m.LabelStep) and op.sid is not None:
                items.append(Item("labels", op.pos, f"{scene.id}.{op.name}", bool(ran[pc])))
            elif isinstance(op, m.Choice):
                taken = [(si, pc, number) in hits.options for number in range(len(op.options))]
                for option, was_taken in zip(op.options, taken):
                    items.append(Item("options", option.pos, _short(option.text.get(lang)), was_taken))
                result.choices[(op.pos.file, op.pos.line)] = (bool(ran[pc]), sum(taken), len(taken))
    used_maps = {op.map for scene in story.scenes for op in scene.ops if isinstance(op, m.MapStep)}
    for name in sorted(used_maps & set(story.maps)):
        for number, hotspot in enumerate(story.maps[name].hotspots):
            items.append(Item("hotspots", hotspot.pos, f"{name}: {hotspot.name}", (name, number) in hits.hotspots))
    for ending, info in story.endings.items():
        items.append(Item("endings", info.pos, ending, ending in hits.endings))
    return result


def as_text(coverage: Coverage, headline: str) -> str:
    """The summary table: covered / total / percent per kind, then per file."""
    out = [headline, "", f"{'':<12}{'covered':>9}{'total':>8}{'%':>8}"]
    for kind in (*KINDS, None):
        covered, total = coverage.count(kind)
        percent = coverage.percent(kind)
        shown = f"{percent:.1f}" if percent is not None else "-"
        out.append(f"{kind or 'total':<12}{covered:>9}{total:>8}{shown:>8}")
    out.append("")
    width = max((len(f) for f in coverage.files), default=4)
    for file in coverage.files:
        parts = []
        for kind in KINDS:
            covered, total = coverage.count(kind, file)
            if total:
                parts.append(f"{kind} {covered}/{total}")
        percent = coverage.percent(None, file)
        out.append(f"  {file:<{width}}  {percent:5.1f}%  " + ", ".join(parts) if percent is not None else file)
    return "\n".join(out)
