"""The story map's graph: scenes, labels and endings as nodes; gotos, calls, choices and hotspots as edges.

Nodes are the places a story can be sent to: each scene (its start), each
label, each declared ending.  The edges of a node come from a static walk of
its ops from there on, through ``if`` branches and every option of a choice,
up to the next place: a ``goto`` (or an option's ``goto``) is an edge to its
target, a ``call`` an edge that comes back (the walk goes on after it), running
into a label an edge to that label, an ``ending`` an edge to the ending.  Edges
that leave through an option carry the option's text (primary language,
shortened); a map's hotspots are edges named after the hotspot.

With ``forks`` set, each choice is a node of its own (the player's flowchart,
``game.check.flowchart``): a walk that meets a choice ends there with an edge
to it, and the choice's node has one or more edges per option, each carrying
the option's number.  With an exploration, the parts no playthrough reaches
are marked.  ``layers`` and ``layout`` place the nodes top-down.

Only the graph and its layout: ``game.check.graph`` draws it (DOT, SVG, HTML).
The game's flowchart builds on this module, which imports nothing that draws.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from game.story import model as m
from game.story.problems import Pos

if TYPE_CHECKING:  # (the explorer is not imported by the game for this: it only passes one in)
    from .explore import Exploration


NODE_H, ROW_GAP, COL_GAP, MARGIN = 34, 96, 36, 40

LABEL_LENGTH = 28


def shorten(text: str, length: int = LABEL_LENGTH) -> str:
    text = " ".join(text.split())
    return text if len(text) <= length else text[: length - 1].rstrip() + "…"


@dataclass
class Node:
    id: str  # "scene", "scene.label", "ending:id" or (with forks) "choice:<step identity>"
    kind: str  # "scene" | "label" | "ending" | "choice"
    label: str
    scene: str | None  # the scene a scene or label node belongs to
    pos: Pos | None
    reachable: bool = True
    start: bool = False


@dataclass
class Edge:
    src: str
    dst: str
    kind: str  # "goto" | "call" | "choice" | "hotspot" | "flow"
    label: str = ""
    reachable: bool = True
    pos: Pos | None = None
    option: int | None = None  # with forks: the option of the choice node ``src`` this edge leaves by


@dataclass
class StoryGraph:
    title: str
    nodes: dict[str, Node] = field(default_factory=dict)
    edges: list[Edge] = field(default_factory=list)
    coverage: bool = False  # reachability is known (a complete exploration was given)

    def edges_from(self, node: str) -> list[Edge]:
        return [e for e in self.edges if e.src == node]

    @property
    def unreachable(self) -> list[str]:
        return [n.id for n in self.nodes.values() if not n.reachable]


def ending_node(ending: str) -> str:
    return f"ending:{ending}"


def choice_node(sid: m.StepId) -> str:
    return f"choice:{sid}"


def build_graph(story: m.Story, found: Exploration | None = None, forks: bool = False) -> StoryGraph:
    """The story map of ``story``; with a complete exploration ``found``, unreached parts are marked.

    ``forks``: every choice is a node, its options the edges leaving it (see the module's docstring).
    """
    lang = story.primary_language
    known = found is not None and found.complete
    reached = found.reached if known and found is not None else set()
    graph = StoryGraph(story.title.get(lang), coverage=known)
    for index, scene in enumerate(story.scenes):
        graph.nodes[scene.id] = Node(scene.id, "scene", scene.id, scene.id, scene.pos,
                                     not known or (index, 0) in reached)
        for label, pc in scene.labels.items():
            key = f"{scene.id}.{label}"
            graph.nodes[key] = Node(key, "label", label, scene.id, scene.ops[pc].pos,
                                    not known or (index, pc) in reached)
    for ending, info in story.endings.items():
        graph.nodes[ending_node(ending)] = Node(
            ending_node(ending), "ending", f"{ending}: {info.title.get(lang)}", None, info.pos,
            not known or (found is not None and ending in found.endings))
    choices = _choices(story) if forks else {}
    for (index, pc), sid in choices.items():
        node_id = choice_node(sid)
        graph.nodes[node_id] = Node(node_id, "choice", "choice", story.scenes[index].id,
                                    story.scenes[index].ops[pc].pos, not known or (index, pc) in reached)
    start = graph.nodes.get(story.start.name)
    if start is not None:
        start.start = True
    merged: dict[tuple[str, str, str, str, int | None], Edge] = {}
    for index, scene in enumerate(story.scenes):
        entries = [(scene.id, 0)] + [(f"{scene.id}.{label}", pc) for label, pc in scene.labels.items()]
        entries += [(choice_node(sid), pc) for (at, pc), sid in choices.items() if at == index]
        for node, pc in entries:
            for edge in _walk(story, index, node, pc, found if known else None, choices if forks else None):
                edge_key = (edge.src, edge.dst, edge.kind, edge.label, edge.option)
                if edge_key in merged:
                    merged[edge_key].reachable = merged[edge_key].reachable or edge.reachable
                else:
                    merged[edge_key] = edge
    graph.edges = list(merged.values())
    return graph


def _choices(story: m.Story) -> dict[tuple[int, int], m.StepId]:
    """(scene, pc) -> step identity of every choice of the story, in story order."""
    found: dict[tuple[int, int], m.StepId] = {}
    for index, scene in enumerate(story.scenes):
        for pc, op in enumerate(scene.ops):
            if op.kind == m.CHOICE and op.sid is not None:
                found[(index, pc)] = op.sid
    return found


def _walk(story: m.Story, index: int, node: str, entry: int, found: Exploration | None,
          forks: dict[tuple[int, int], m.StepId] | None = None) -> Iterable[Edge]:
    """The edges leaving ``node``: a walk of the scene's ops from ``entry`` up to the next places.

    With ``forks`` (the choices that are nodes), a choice other than the entry is such a place.
    """
    ops = story.scenes[index].ops
    stack: list[tuple[int, str, tuple[int, int, int] | None]] = [(entry, "", None)]
    seen: set[tuple[int, str, tuple[int, int, int] | None]] = set()
    lang = story.primary_language

    def reachable(pc: int, via: tuple[int, int, int] | None) -> bool:
        if found is None:
            return True
        return (index, pc) in found.reached and (via is None or via in found.options_shown)

    def option_of(via: tuple[int, int, int] | None) -> int | None:
        return via[2] if forks is not None and via is not None else None

    while stack:
        item = stack.pop()
        if item in seen:
            continue
        seen.add(item)
        pc, label, via = item
        op: m.Op = ops[pc]
        kind = op.kind
        edge_kind = "choice" if via is not None else "goto"
        if kind == m.LABEL and (pc != entry or node == story.scenes[index].id):
            target = f"{story.scenes[index].id}.{op.name}"  # type: ignore[attr-defined]
            yield Edge(node, target, "choice" if via is not None else "flow", label, reachable(pc, via), op.pos,
                       option_of(via))
        elif kind == m.GOTO:
            yield Edge(node, op.target.name, edge_kind, label, reachable(pc, via), op.pos,  # type: ignore[attr-defined]
                       option_of(via))
        elif kind == m.CALL:
            yield Edge(node, op.target.name, "call", "call", reachable(pc, via), op.pos,  # type: ignore[attr-defined]
                       option_of(via))
            stack.append((pc + 1, label, via))
        elif kind == m.ENDING:
            yield Edge(node, ending_node(op.ending), edge_kind, label, reachable(pc, via), op.pos,  # type: ignore[attr-defined]
                       option_of(via))
        elif kind == m.CHOICE and forks and (index, pc) in forks and (pc != entry or via is not None):
            yield Edge(node, choice_node(forks[(index, pc)]), edge_kind, label, reachable(pc, via), op.pos,
                       option_of(via))
        elif kind == m.CHOICE:
            for number, option in reversed(list(enumerate(op.options))):  # type: ignore[attr-defined]
                stack.append((option.pc, shorten(option.text.get(lang)), (index, pc, number)))
        elif kind == m.MAP:
            info = story.maps.get(op.map)  # type: ignore[attr-defined]
            for number, hotspot in enumerate(info.hotspots if info else ()):
                active = found is None or ((index, pc) in found.reached
                                           and (info.name, number) in found.hotspots_active)  # type: ignore[union-attr]
                yield Edge(node, hotspot.target.name, "hotspot" if hotspot.action == "goto" else "call",
                           shorten(hotspot.name.replace("_", " ")), active, hotspot.pos)
        elif kind == m.BRANCH:
            stack.append((op.else_pc, label, via))  # type: ignore[attr-defined]
            stack.append((pc + 1, label, via))
        elif kind == m.JUMP:
            stack.append((op.pc, label, via))  # type: ignore[attr-defined]
        elif kind in (m.RETURN, m.FALL_OFF):
            continue
        else:  # lines, presentation, effects, labels at the entry
            stack.append((pc + 1, label, via))


# --- a layered layout ---


def _width(node: Node) -> float:
    return max(70.0, 7.0 * len(node.label) + 26)


def layers(graph: StoryGraph) -> dict[str, int]:
    """Longest-path layering of the graph with its back edges (found depth-first from the start) ignored."""
    ids = list(graph.nodes)
    succ: dict[str, list[str]] = {n: [] for n in ids}
    for e in graph.edges:
        if e.src in succ and e.dst in succ and e.src != e.dst:
            succ[e.src].append(e.dst)
    place = {n: i for i, n in enumerate(ids)}
    order = sorted(ids, key=lambda n: (not graph.nodes[n].start, place[n]))
    state: dict[str, int] = {}  # 1 on the stack, 2 done
    back: set[tuple[str, str]] = set()
    for root in order:
        if root in state:
            continue
        stack = [(root, iter(succ[root]))]
        state[root] = 1
        while stack:
            node, children = stack[-1]
            child = next(children, None)
            if child is None:
                state[node] = 2
                stack.pop()
            elif state.get(child) == 1:
                back.add((node, child))
            elif child not in state:
                state[child] = 1
                stack.append((child, iter(succ[child])))
    preds: dict[str, list[str]] = {n: [] for n in ids}
    indegree = dict.fromkeys(ids, 0)
    for src in ids:
        for dst in succ[src]:
            if (src, dst) not in back:
                preds[dst].append(src)
                indegree[dst] += 1
    layer = dict.fromkeys(ids, 0)
    ready = [n for n in order if indegree[n] == 0]
    while ready:
        node = ready.pop(0)
        for dst in succ[node]:
            if (node, dst) in back:
                continue
            layer[dst] = max(layer[dst], layer[node] + 1)
            indegree[dst] -= 1
            if indegree[dst] == 0:
                ready.append(dst)
    return layer


def _barycentre(node: str, layer_no: int, neighbours: dict[str, list[str]], layer: dict[str, int],
                rank: dict[str, float]) -> float:
    adjacent = [rank[x] for x in neighbours[node] if layer[x] == layer_no]
    return sum(adjacent) / len(adjacent) if adjacent else rank[node]


def layout(graph: StoryGraph, width: Callable[[Node], float] | None = None
           ) -> tuple[dict[str, tuple[float, float, float]], float, float]:
    """Node id -> (centre x, centre y, width), and the drawing's width and height.

    ``width`` gives each node's width (default: from its label's length).
    """
    layer = layers(graph)
    rows: dict[int, list[str]] = {}
    for node in graph.nodes:
        rows.setdefault(layer[node], []).append(node)
    neighbours: dict[str, list[str]] = {n: [] for n in graph.nodes}
    for e in graph.edges:
        if e.src in neighbours and e.dst in neighbours and e.src != e.dst:
            neighbours[e.src].append(e.dst)
            neighbours[e.dst].append(e.src)
    rank = {n: float(i) for row in rows.values() for i, n in enumerate(row)}
    for sweep in range(8):  # barycentre ordering, alternating down and up
        keys = sorted(rows) if sweep % 2 == 0 else sorted(rows, reverse=True)
        for key in keys:
            row = rows[key]
            above = key - 1 if sweep % 2 == 0 else key + 1
            row.sort(key=lambda n: _barycentre(n, above, neighbours, layer, rank))
            for i, n in enumerate(row):
                rank[n] = float(i)
    measure = width or _width
    widths = {n: measure(graph.nodes[n]) for n in graph.nodes}
    row_width = {k: sum(widths[n] for n in row) + COL_GAP * (len(row) - 1) for k, row in rows.items()}
    total = max(row_width.values(), default=0.0) + 2 * MARGIN + 160
    places: dict[str, tuple[float, float, float]] = {}
    for key in sorted(rows):
        x = (total - row_width[key]) / 2
        y = MARGIN + 40 + key * (NODE_H + ROW_GAP) + NODE_H / 2
        for n in rows[key]:
            places[n] = (x + widths[n] / 2, y, widths[n])
            x += widths[n] + COL_GAP
    height = MARGIN * 2 + 40 + (max(rows, default=0) + 1) * (NODE_H + ROW_GAP)
    return places, total, height
