"""The player's flowchart of a story, before any player: its beats, forks and endings, laid out.

Derived from the story map (``storygraph.build_graph`` with ``forks``), so it is in
step with the scripts: a node for each scene's start, each label (a *beat*),
each choice (a *fork*, whose edges are its options) and each ending.  With a
complete exploration (``explore``), what no playthrough can reach is left out:
the player could never see it.

Node keys are the graph's ids (``scene``, ``scene.label``, ``choice:<step
identity>``, ``ending:<id>``); options are keyed by their choice's step
identity and a digest of their text (``option_key``), so a player's record of
them (``game.persist.progress``) survives edits elsewhere in the story.
``node_positions`` says which nodes stand at which op, for whoever watches a
playthrough pass them.  The layout is layered from the top down, in chart
units (the flowchart screen scales and pans it); nothing here needs pygame.
"""

from __future__ import annotations

import hashlib
from collections.abc import Mapping
from dataclasses import dataclass, field
from types import MappingProxyType
from typing import TYPE_CHECKING

from game.story import model as m

from .storygraph import StoryGraph, build_graph, choice_node, ending_node, layers, layout

if TYPE_CHECKING:  # (the explorer is not imported by the game for this: it only passes one in)
    from .explore import Exploration

NODE_W, NODE_H = 188.0, 58.0  # a beat's card, in chart units
FORK_SIZE = 30.0  # a choice's diamond
ROW = 92.0  # from one layer to the next
COLUMN_GAP = 44.0
FIRST_LINE_STEPS = 400  # ops walked from a beat's start looking for its first line


@dataclass(frozen=True)
class ChartNode:
    key: str  # the graph's id
    kind: str  # "scene" | "label" | "choice" | "ending"
    scene: int | None  # the scene's index (None for an ending)
    pc: int  # the op the node stands at (-1 for an ending)
    caption: m.Text  # the scene's title (an ending: its title)
    text: m.Text | None  # a beat's first line; None for forks and endings
    x: float  # centre, chart units
    y: float
    layer: int
    start: bool = False

    @property
    def width(self) -> float:
        return FORK_SIZE if self.kind == "choice" else NODE_W

    @property
    def height(self) -> float:
        return FORK_SIZE if self.kind == "choice" else NODE_H


@dataclass(frozen=True)
class ChartEdge:
    src: str
    dst: str
    kind: str  # as graph.Edge: "goto" | "flow" | "call" | "choice" | "hotspot"
    option: int | None  # the option of the fork ``src`` it leaves by


@dataclass(frozen=True)
class Fork:
    """A choice as the flowchart tells it: its options' texts and keys, in the story's order."""

    key: str
    texts: tuple[m.Text, ...]
    option_keys: tuple[str, ...]
    timed: bool


@dataclass(frozen=True)
class Flowchart:
    nodes: Mapping[str, ChartNode]  # in layer order, top to bottom
    edges: tuple[ChartEdge, ...]
    forks: Mapping[str, Fork]
    width: float
    height: float
    _out: Mapping[str, tuple[ChartEdge, ...]] = field(default_factory=lambda: MappingProxyType({}))

    def edges_from(self, key: str) -> tuple[ChartEdge, ...]:
        return self._out.get(key, ())


def option_key(choice: m.StepId, text: m.Text) -> str:
    """An option's key: its choice's identity and a digest of its text in the primary language."""
    primary = text.values[0][1] if text.values else ""
    digest = hashlib.blake2b(primary.encode("utf-8", "surrogatepass"), digest_size=5).hexdigest()
    return f"{choice}|{digest}"


def hotspot_key(map_step: m.StepId, name: str) -> str:
    """A map hotspot's key, as a decision of a route: the map step's identity and the hotspot's name."""
    return f"{map_step}|@{name}"


def scene_node_positions(story: m.Story, index: int) -> dict[int, tuple[str, ...]]:
    """pc -> the keys of the nodes standing at that op of scene ``index``: its start, labels and choices."""
    scene = story.scenes[index]
    found: dict[int, tuple[str, ...]] = {0: (scene.id,)}
    for label, pc in scene.labels.items():
        found[pc] = found.get(pc, ()) + (f"{scene.id}.{label}",)
    for pc, op in enumerate(scene.ops):
        if op.kind == m.CHOICE and op.sid is not None:
            found[pc] = found.get(pc, ()) + (choice_node(op.sid),)
    return found


def node_positions(story: m.Story) -> dict[tuple[int, int], tuple[str, ...]]:
    """(scene, pc) -> the keys of the nodes standing at that op: scene starts, labels and choices."""
    return {(index, pc): keys for index in range(len(story.scenes))
            for pc, keys in scene_node_positions(story, index).items()}


def forks_of(story: m.Story) -> dict[str, Fork]:
    """Every choice of the story as a Fork, by node key."""
    forks: dict[str, Fork] = {}
    for scene in story.scenes:
        for op in scene.ops:
            if isinstance(op, m.Choice) and op.sid is not None:
                key = choice_node(op.sid)
                forks[key] = Fork(key, tuple(o.text for o in op.options),
                                  tuple(option_key(op.sid, o.text) for o in op.options), op.timeout is not None)
    return forks


def first_line(story: m.Story, scene: int, pc: int) -> m.Line | None:
    """The first line a player meets from ``pc`` on the straight path (the first branch of each ``if``)."""
    ops = story.scenes[scene].ops
    seen: set[int] = set()
    for _ in range(FIRST_LINE_STEPS):
        if not 0 <= pc < len(ops) or pc in seen:
            return None
        seen.add(pc)
        op = ops[pc]
        if isinstance(op, m.Line):
            return op
        if op.kind in (m.CHOICE, m.MAP, m.ENDING, m.GOTO, m.RETURN, m.FALL_OFF, m.CALL):
            return None
        pc = op.pc if isinstance(op, m.Jump) else pc + 1
    return None


@dataclass(frozen=True)
class Reach:
    """What an option leads to before the next node: its lines, and the nodes it can arrive at."""

    lines: tuple[str, ...]  # str(StepId) of each line on the way
    nodes: tuple[str, ...]  # node keys (a label, a scene, a choice, an ending)


def option_reach(story: m.Story, scene: int, choice_pc: int, option: int) -> Reach:
    """Where option ``option`` of the choice at ``choice_pc`` leads, every branch of the way, up to the nodes."""
    ops = story.scenes[scene].ops
    choice = ops[choice_pc]
    if not isinstance(choice, m.Choice) or not 0 <= option < len(choice.options):
        raise ValueError(f"no option {option} of a choice at {story.scenes[scene].id}:{choice_pc}")
    scene_id = story.scenes[scene].id
    lines: list[str] = []
    nodes: list[str] = []
    todo = [choice.options[option].pc]
    seen: set[int] = set()
    while todo:
        pc = todo.pop()
        if pc in seen or not 0 <= pc < len(ops):
            continue
        seen.add(pc)
        op = ops[pc]
        if isinstance(op, m.Line):
            if op.sid is not None:
                lines.append(str(op.sid))
            todo.append(pc + 1)
        elif isinstance(op, m.LabelStep):
            nodes.append(f"{scene_id}.{op.name}")
        elif isinstance(op, m.Choice):
            nodes.extend([choice_node(op.sid)] if op.sid is not None else [])
        elif isinstance(op, m.Goto):
            nodes.append(op.target.name)
        elif isinstance(op, m.Call):  # the called part is a node; the option goes on after it
            nodes.append(op.target.name)
            todo.append(pc + 1)
        elif isinstance(op, m.Ending):
            nodes.append(ending_node(op.ending))
        elif isinstance(op, m.Branch):
            todo += [pc + 1, op.else_pc]
        elif isinstance(op, m.Jump):
            todo.append(op.pc)
        elif op.kind < m.CHOICE or op.kind == m.EFFECT:  # pictures, sounds, waits, effects
            todo.append(pc + 1)
    return Reach(tuple(lines), tuple(dict.fromkeys(nodes)))


def build_flowchart(story: m.Story, found: Exploration | None = None) -> Flowchart:
    """The flowchart of ``story``; with a complete exploration ``found``, what none can reach is left out."""
    graph = build_graph(story, found, forks=True)
    _merge_scene_starts(story, graph)
    if graph.coverage:
        _drop_unreachable(graph)
    _keep_reached_from_start(graph)
    lane = layers(graph)
    places, _, _ = layout(graph, lambda node: NODE_W if node.kind != "choice" else FORK_SIZE + COLUMN_GAP)
    left = min((x - w / 2 for x, _, w in places.values()), default=0.0)
    positions = {key: (scene, pc) for (scene, pc), keys in node_positions(story).items() for key in keys}
    nodes: dict[str, ChartNode] = {}
    for node in sorted(graph.nodes.values(), key=lambda n: (lane[n.id], places[n.id][0])):
        x = places[node.id][0] - left + COLUMN_GAP
        y = lane[node.id] * ROW + NODE_H
        nodes[node.id] = _chart_node(story, node.id, node.kind, positions.get(node.id), x, y, lane[node.id],
                                     node.start)
    edges = tuple(ChartEdge(e.src, e.dst, e.kind, e.option) for e in graph.edges
                  if e.src in nodes and e.dst in nodes)
    out: dict[str, list[ChartEdge]] = {}
    for edge in edges:
        out.setdefault(edge.src, []).append(edge)
    forks = {key: fork for key, fork in forks_of(story).items() if key in nodes}
    width = max((n.x + n.width / 2 for n in nodes.values()), default=0.0) + COLUMN_GAP
    height = max((n.y + n.height / 2 for n in nodes.values()), default=0.0) + NODE_H
    return Flowchart(MappingProxyType(nodes), edges, MappingProxyType(forks), width, height,
                     MappingProxyType({k: tuple(v) for k, v in out.items()}))


def _merge_scene_starts(story: m.Story, graph: StoryGraph) -> None:
    """A scene that starts with a label is that label's node: one card, not a card and its echo."""
    same: dict[str, str] = {}
    for scene in story.scenes:
        first = next((label for label, pc in scene.labels.items() if pc == 0), None)
        if first is not None and scene.id in graph.nodes:
            same[scene.id] = f"{scene.id}.{first}"
            if graph.nodes.pop(scene.id).start:
                graph.nodes[same[scene.id]].start = True
    for edge in graph.edges:
        edge.src, edge.dst = same.get(edge.src, edge.src), same.get(edge.dst, edge.dst)
    graph.edges = [e for e in graph.edges if e.src != e.dst or e.kind != "flow"]


def _keep_reached_from_start(graph: StoryGraph) -> None:
    """Only what can be reached from the start along the edges (a scene nothing leads to is never seen)."""
    out: dict[str, list[str]] = {}
    for edge in graph.edges:
        out.setdefault(edge.src, []).append(edge.dst)
    todo = [n.id for n in graph.nodes.values() if n.start]
    reached = set(todo)
    while todo:
        for dst in out.get(todo.pop(), ()):
            if dst not in reached:
                reached.add(dst)
                todo.append(dst)
    graph.nodes = {key: node for key, node in graph.nodes.items() if key in reached}
    graph.edges = [e for e in graph.edges if e.src in reached and e.dst in reached]


def _drop_unreachable(graph: StoryGraph) -> None:
    graph.nodes = {key: node for key, node in graph.nodes.items() if node.reachable}
    graph.edges = [e for e in graph.edges if e.reachable and e.src in graph.nodes and e.dst in graph.nodes]


def _chart_node(story: m.Story, key: str, kind: str, where: tuple[int, int] | None, x: float, y: float,
                layer: int, start: bool) -> ChartNode:
    if kind == "ending":
        ending = key.removeprefix("ending:")
        info = story.endings.get(ending)
        title = info.title if info is not None else m.Text(((story.primary_language, ending),))
        return ChartNode(key, kind, None, -1, title, None, x, y, layer, start)
    scene, pc = where if where is not None else (story.scene_index[key.split(".")[0]], 0)
    line = first_line(story, scene, pc) if kind != "choice" else None
    return ChartNode(key, kind, scene, pc, story.scenes[scene].title, line.text if line else None, x, y, layer,
                     start)


__all__ = ["ChartEdge", "ChartNode", "Flowchart", "Fork", "Reach", "build_flowchart", "choice_node", "ending_node",
           "first_line", "forks_of", "hotspot_key", "node_positions", "option_key", "option_reach",
           "scene_node_positions"]
