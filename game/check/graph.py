"""The story map drawn: Graphviz source, our own layered SVG, and a self-contained page.

The graph itself (nodes, edges, reachability, the layered layout) is built by
``game.check.storygraph`` and re-exported here for the tools that draw it.
With an exploration, the parts no playthrough reaches are dashed and grey.
Pure Python: ``to_dot`` gives Graphviz source, ``layered_svg`` draws a simple
layered layout without Graphviz, ``to_html`` wraps an SVG in a page.
"""

from __future__ import annotations

import html
from collections.abc import Sequence

from game.story.problems import printable

from .blockers import Blocker
from .storygraph import (  # the graph itself lives there (the game's flowchart builds on it)
    LABEL_LENGTH,
    MARGIN,
    NODE_H,
    Edge,
    Node,
    StoryGraph,
    build_graph,
    choice_node,
    ending_node,
    layers,
    layout,
    shorten,
)

__all__ = ["LABEL_LENGTH", "Edge", "Node", "StoryGraph", "blockers_html", "build_graph", "choice_node", "ending_node",
           "layered_svg", "layers", "layout", "shorten", "to_dot", "to_html"]

# --- Graphviz ---

EDGE_STYLE = {
    "goto": {"color": "#333333"},
    "flow": {"color": "#777777"},
    "call": {"color": "#2f6fd0", "fontcolor": "#2f6fd0", "arrowhead": "empty"},
    "choice": {"color": "#b8462e", "fontcolor": "#b8462e"},
    "hotspot": {"color": "#1f8a5b", "fontcolor": "#1f8a5b"},
}
GREY = "#9a9a9a"


def _q(text: str) -> str:
    """A DOT quoted string of ``text``: control characters shown as \\xNN (Graphviz would copy them into
    its SVG, which no XML parser then reads), backslashes and quotes escaped, newlines as DOT's \\n."""
    lines = (printable(line).replace("\\", "\\\\").replace('"', '\\"') for line in text.split("\n"))
    return '"' + "\\n".join(lines) + '"'


def _esc(text: str) -> str:
    """``text`` for HTML and SVG: markup escaped, control characters (invalid in XML) shown as \\xNN."""
    return html.escape(printable(text))


def _attrs(values: dict[str, object]) -> str:
    return ", ".join(f"{key}={_q(str(value))}" for key, value in values.items())


def to_dot(graph: StoryGraph) -> str:
    """Graphviz source of the map: scenes as clusters holding their labels, endings highlighted."""
    out = ["digraph story {", f"  graph [label={_q(graph.title)}, labelloc=t, fontsize=20, rankdir=TB, "
           'fontname="Helvetica", nodesep=0.35, ranksep=0.6];',
           '  node [fontname="Helvetica", fontsize=11, shape=box, style="rounded,filled", fillcolor="#eef3fb"];',
           '  edge [fontname="Helvetica", fontsize=9];']
    by_scene: dict[str, list[Node]] = {}
    for node in graph.nodes.values():
        if node.scene is not None:
            by_scene.setdefault(node.scene, []).append(node)
    for number, (scene, nodes) in enumerate(by_scene.items()):
        out.append(f"  subgraph cluster_{number} {{")
        out.append(f'    label={_q(nodes[0].pos.file if nodes[0].pos else scene)}; style="rounded"; '
                   f'color="#c8d0e0"; fontsize=9; fontcolor="#6a7490";')
        for node in nodes:
            out.append(f"    {_q(node.id)} [{_attrs(_node_attrs(node))}];")
        out.append("  }")
    for node in graph.nodes.values():
        if node.scene is None:
            out.append(f"  {_q(node.id)} [{_attrs(_node_attrs(node))}];")
    starts = [n for n in graph.nodes.values() if n.start]
    if starts:
        out.append('  "__start__" [shape=circle, label="start", style=filled, fillcolor="#333333", '
                   'fontcolor=white, width=0.5, fixedsize=true, fontsize=9];')
        out.append(f'  "__start__" -> {_q(starts[0].id)} [penwidth=2];')
    for edge in graph.edges:
        attrs: dict[str, object] = dict(EDGE_STYLE[edge.kind])
        if edge.label:
            attrs["label"] = edge.label
        if edge.pos is not None:
            attrs["tooltip"] = str(edge.pos)
        if not edge.reachable:
            attrs.update(style="dashed", color=GREY, fontcolor=GREY)
        out.append(f"  {_q(edge.src)} -> {_q(edge.dst)} [{_attrs(attrs)}];")
    out.append("}")
    return "\n".join(out) + "\n"


def _node_attrs(node: Node) -> dict[str, object]:
    attrs: dict[str, object] = {"label": node.label}
    if node.pos is not None:
        attrs["tooltip"] = str(node.pos)
    if node.kind == "scene":
        attrs.update(fontsize=13, penwidth=1.6, fillcolor="#d7e6ff")
    elif node.kind == "label":
        attrs.update(style="filled", fillcolor="#f5f7fb")
    elif node.kind == "choice":
        attrs.update(shape="diamond", style="filled", fillcolor="#f6d9d2", label="")
    else:  # endings stand out
        attrs.update(shape="doubleoctagon", fillcolor="#ffd27a", penwidth=1.6)
    if node.start:
        attrs["peripheries"] = 2
    if not node.reachable:
        attrs.update(style="rounded,dashed" if node.kind == "scene" else "dashed", color=GREY, fontcolor=GREY)
    return attrs


# --- our own layered layout (when Graphviz is not installed) ---

COLORS = {"goto": "#333333", "flow": "#777777", "call": "#2f6fd0", "choice": "#b8462e", "hotspot": "#1f8a5b",
          "grey": GREY}


def layered_svg(graph: StoryGraph) -> str:
    """An SVG of the map drawn by our own layered layout (no Graphviz needed)."""
    places, width, height = layout(graph)
    esc = _esc
    out = [f'<svg xmlns="http://www.w3.org/2000/svg" width="{width:.0f}" height="{height:.0f}" '
           f'viewBox="0 0 {width:.0f} {height:.0f}" font-family="Helvetica, Arial, sans-serif">', "<defs>"]
    for name, color in COLORS.items():
        out.append(f'<marker id="arrow-{name}" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" '
                   f'markerHeight="7" orient="auto-start-reverse"><path d="M0,0 L10,5 L0,10 z" fill="{color}"/>'
                   "</marker>")
    out.append("</defs>")
    out.append(f'<text x="{width / 2:.0f}" y="{MARGIN:.0f}" text-anchor="middle" font-size="20" '
               f'font-weight="bold">{esc(graph.title)}</text>')
    labels = []
    parallel: dict[tuple[str, str], int] = {}
    for e in graph.edges:
        parallel[(e.src, e.dst)] = parallel.get((e.src, e.dst), 0) + 1
    drawn: dict[tuple[str, str], int] = {}
    for e in graph.edges:
        if e.src not in places or e.dst not in places:
            continue
        (x1, y1, w1), (x2, y2, w2) = places[e.src], places[e.dst]
        nth = drawn.get((e.src, e.dst), 0)
        drawn[(e.src, e.dst)] = nth + 1
        spread = (nth - (parallel[(e.src, e.dst)] - 1) / 2) * 46  # edges between the same nodes fan out
        color = "grey" if not e.reachable else e.kind
        stroke = COLORS[color]
        dash = ' stroke-dasharray="6 4"' if not e.reachable else ""
        if e.src == e.dst:
            sx, sy = x1 + w1 / 2, y1
            d = f"M{sx:.1f},{sy - 8:.1f} C{sx + 60:.1f},{sy - 40:.1f} {sx + 60:.1f},{sy + 40:.1f} {sx:.1f},{sy + 8:.1f}"
            mx, my = sx + 48, sy
        elif y2 > y1:  # downwards: bottom to top
            sy, ty = y1 + NODE_H / 2, y2 - NODE_H / 2
            bend = (ty - sy) / 2
            c1, c2 = (x1 + spread, sy + bend), (x2 + spread, ty - bend)
            d = f"M{x1:.1f},{sy:.1f} C{c1[0]:.1f},{c1[1]:.1f} {c2[0]:.1f},{c2[1]:.1f} {x2:.1f},{ty:.1f}"
            mx, my = _bezier_mid((x1, sy), c1, c2, (x2, ty))
        else:  # back or sideways: leave and arrive on the right, bowing outwards
            sx, tx = x1 + w1 / 2, x2 + w2 / 2
            out_x = max(sx, tx) + 50 + abs(y1 - y2) * 0.15 + abs(spread)
            d = f"M{sx:.1f},{y1:.1f} C{out_x:.1f},{y1:.1f} {out_x:.1f},{y2:.1f} {tx:.1f},{y2:.1f}"
            mx, my = _bezier_mid((sx, y1), (out_x, y1), (out_x, y2), (tx, y2))
        title = f"<title>{esc(e.src)} → {esc(e.dst)}" + (f" ({esc(str(e.pos))})" if e.pos else "") + "</title>"
        out.append(f'<path d="{d}" fill="none" stroke="{stroke}" stroke-width="1.4"{dash} '
                   f'marker-end="url(#arrow-{color})" class="edge {e.kind}{"" if e.reachable else " unreachable"}">'
                   f"{title}</path>")
        if e.label:
            labels.append(f'<text x="{mx:.1f}" y="{my:.1f}" font-size="10" text-anchor="middle" fill="{stroke}" '
                          f'stroke="#ffffff" stroke-width="3" paint-order="stroke">{esc(e.label)}</text>')
    out.extend(labels)
    for node in graph.nodes.values():
        x, y, w = places[node.id]
        left, top = x - w / 2, y - NODE_H / 2
        grey = not node.reachable
        stroke = GREY if grey else ("#8a6a10" if node.kind == "ending" else "#44506a")
        fill = "#f4f4f4" if grey else {"scene": "#d7e6ff", "label": "#f5f7fb", "ending": "#ffd27a", "choice": "#f6d9d2"}[node.kind]
        dash = ' stroke-dasharray="5 3"' if grey else ""
        radius = 12 if node.kind == "scene" else 3
        cls = f"node {node.kind}{' unreachable' if grey else ''}{' start' if node.start else ''}"
        title = f"<title>{esc(node.id)}" + (f" ({esc(str(node.pos))})" if node.pos else "") + "</title>"
        out.append(f'<g class="{cls}">{title}')
        if node.kind == "ending" or node.start:
            out.append(f'<rect x="{left - 4:.1f}" y="{top - 4:.1f}" width="{w + 8:.1f}" height="{NODE_H + 8}" '
                       f'rx="{radius + 3}" fill="none" stroke="{stroke}" stroke-width="1.2"{dash}/>')
        out.append(f'<rect x="{left:.1f}" y="{top:.1f}" width="{w:.1f}" height="{NODE_H}" rx="{radius}" '
                   f'fill="{fill}" stroke="{stroke}" stroke-width="{1.6 if node.kind != "label" else 1}"{dash}/>')
        weight = ' font-weight="bold"' if node.kind != "label" else ""
        out.append(f'<text x="{x:.1f}" y="{y + 4:.1f}" font-size="12" text-anchor="middle"{weight} '
                   f'fill="{GREY if grey else "#111111"}">{esc(node.label)}</text></g>')
    out.append("</svg>")
    return "\n".join(out) + "\n"


def _bezier_mid(p0: tuple[float, float], p1: tuple[float, float], p2: tuple[float, float],
                p3: tuple[float, float]) -> tuple[float, float]:
    return ((p0[0] + 3 * p1[0] + 3 * p2[0] + p3[0]) / 8, (p0[1] + 3 * p1[1] + 3 * p2[1] + p3[1]) / 8 - 3)


LEGEND = [("scene", "#d7e6ff", "a scene (its start)"), ("label", "#f5f7fb", "a label"),
          ("ending", "#ffd27a", "an ending")]


def blockers_html(blockers: Sequence[Blocker]) -> str:
    """The "Why can't I reach this?" section: each unreachable part with its blockers (escaped)."""
    if not blockers:
        return ""
    esc = _esc
    items = "".join(f"<li><b>{esc(b.subject)}</b> <code>{esc(str(b.pos))}</code><ul>"
                    + "".join(f"<li>{esc(message)}</li>" for message in b.messages()) + "</ul></li>"
                    for b in blockers)
    return f'<section class="why"><h2>Why can\'t I reach this?</h2><ul>{items}</ul></section>\n'


def to_html(graph: StoryGraph, svg: str, drawn_by: str, sections: Sequence[str] = ()) -> str:
    """A self-contained page around ``svg`` (no scripts, no external resources).

    ``sections`` are HTML blocks placed below the map, as given: whoever makes one escapes what it
    quotes (``blockers_html`` here, ``game.check.choices.report.as_html_section``).
    """
    esc = _esc
    if svg.lstrip().startswith("<?xml") or "<!DOCTYPE" in svg[:400]:
        svg = svg[svg.index("<svg"):]
    nodes = list(graph.nodes.values())
    counts = (f"{sum(n.kind == 'scene' for n in nodes)} scenes, {sum(n.kind == 'label' for n in nodes)} labels, "
              f"{sum(n.kind == 'ending' for n in nodes)} endings, {len(graph.edges)} edges")
    if graph.coverage:
        lost = len(graph.unreachable) + sum(not e.reachable for e in graph.edges)
        counts += f"; {lost} unreachable part(s), dashed and grey" if lost else "; everything is reachable"
    else:
        counts += "; reachability unknown (the story was not explored completely)"
    legend = "".join(f'<span class="key"><i style="background:{color}"></i>{esc(text)}</span>'
                     for _, color, text in LEGEND)
    legend += "".join(f'<span class="key"><b style="color:{COLORS[k]}">→</b>{esc(t)}</span>' for k, t in
                      [("goto", "goto"), ("flow", "runs into a label"), ("call", "call (comes back)"),
                       ("choice", "an option (its text)"), ("hotspot", "a map hotspot")])
    legend += f'<span class="key"><b style="color:{GREY}">⇢</b>dashed grey: no playthrough gets there</span>'
    return ('<!DOCTYPE html>\n<html><head><meta charset="utf-8">'
            f"<title>{esc(graph.title)} — story map</title><style>"
            "body{margin:0;font:14px/1.4 system-ui,sans-serif;color:#111;background:#fff}"
            "header{padding:14px 22px;border-bottom:1px solid #ddd}h1{margin:0 0 4px;font-size:20px}"
            ".key{margin-right:16px;white-space:nowrap}.key i{display:inline-block;width:14px;height:12px;"
            "border:1px solid #666;margin-right:5px;vertical-align:-1px}.key b{margin-right:5px}"
            ".map{overflow:auto;padding:12px}section{padding:4px 22px 18px;border-top:1px solid #ddd}"
            "table{border-collapse:collapse;margin:6px 0 12px}td,th{padding:2px 10px;text-align:left;"
            "border-bottom:1px solid #eee;font-size:13px}.why code{color:#6a7490}</style></head>\n"
            f"<body><header><h1>{esc(graph.title)}: story map</h1><p>{esc(counts)}. Drawn by {esc(drawn_by)}.</p>"
            f"<p>{legend}</p></header>\n<div class=\"map\">\n{svg}</div>\n{''.join(sections)}</body></html>\n")
