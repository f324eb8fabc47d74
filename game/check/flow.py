"""The static flow graph of a story's ops: which op can lead into which, and how.

A line leads to the next step, an ``if`` to both its sides, a choice to the
block of each option, a map to each hotspot's target, a goto or call to its
target (and a call, once it returns, to the step after it).  Tools that reason
backwards from a step ("what leads here?") read this graph; the runtime never
does.
"""

from __future__ import annotations

from dataclasses import dataclass

from game.story import model as m

Op = tuple[int, int]  # (scene index, pc)


@dataclass(frozen=True)
class Edge:
    """An edge into an op: from ``source``, and how."""

    source: Op
    kind: str  # "flow" | "then" | "else" | "option" | "hotspot" | "return"
    number: int = -1  # the option or hotspot


def incoming(story: m.Story) -> dict[Op, list[Edge]]:
    """For every op, the edges that lead into it."""
    into: dict[Op, list[Edge]] = {}

    def add(target: Op, edge: Edge) -> None:
        into.setdefault(target, []).append(edge)

    for si, scene in enumerate(story.scenes):
        for pc, op in enumerate(scene.ops):
            here, kind = (si, pc), op.kind
            if kind < m.CHOICE or kind in (m.EFFECT, m.LABEL):  # lines, pictures, sounds, waits, set / add
                add((si, pc + 1), Edge(here, "flow"))
            elif isinstance(op, m.Choice):
                for number, option in enumerate(op.options):
                    add((si, option.pc), Edge(here, "option", number))
            elif isinstance(op, m.MapStep):
                info = story.maps.get(op.map)
                for number, hotspot in enumerate(info.hotspots if info else ()):
                    add((hotspot.target.scene, hotspot.target.pc), Edge(here, "hotspot", number))
            elif isinstance(op, m.Branch):
                add((si, pc + 1), Edge(here, "then"))
                add((si, op.else_pc), Edge(here, "else"))
            elif isinstance(op, m.Jump):
                add((si, op.pc), Edge(here, "flow"))
            elif isinstance(op, (m.Goto, m.Call)):
                add((op.target.scene, op.target.pc), Edge(here, "flow"))
                if isinstance(op, m.Call):
                    add((si, pc + 1), Edge(here, "return"))
    return into


def returns(story: m.Story) -> list[Op]:
    """Every ``return`` op of the story."""
    return [(si, pc) for si, scene in enumerate(story.scenes) for pc, op in enumerate(scene.ops)
            if op.kind == m.RETURN]


def leading_to(story: m.Story, targets: list[Op], into: dict[Op, list[Edge]] | None = None) -> tuple[set[Op], set[Op]]:
    """What can reach one of ``targets`` without another decision: (the choices and maps, the ops).

    Walks the graph backwards from the targets and stops at options and
    hotspots.  A call's way back is its callee's ``return``: passing it
    backwards continues from every ``return`` of the story (more than needed,
    never less).
    """
    into = incoming(story) if into is None else into
    found: set[Op] = set()
    seen = set(targets)
    stack = list(targets)
    returns_added = False
    while stack:
        at = stack.pop()
        for edge in into.get(at, ()):
            if edge.kind in ("option", "hotspot"):
                found.add(edge.source)
                continue
            sources = [edge.source]
            if edge.kind == "return" and not returns_added:
                returns_added = True
                sources += returns(story)
            for source in sources:
                if source not in seen:
                    seen.add(source)
                    stack.append(source)
    return found, seen
