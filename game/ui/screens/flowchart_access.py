"""The flowchart as the accessible tree describes it: how much of the story was seen, how to move (the legend,
said once), and every node as a button that plays from it, the focused one focused.

A node says what the card shows: a scene or label by its title and first words, a
choice by its options and what became of each (chosen before, seen, not seen), an
ending by its title; a node not seen yet is "Locked" (the card's "?"); then
whether the game is there now and whether it can be played from (how many ways,
when a route picker will ask).  Pressing a node is the screen's Enter: it plays
from there (asking first in a game), opens the route picker, or says why not.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from game.play.flowview import STUB, TAKEN

from ..access.tree import Node, screen
from ..strings import tr

if TYPE_CHECKING:
    from .flowchart import FlowchartScreen
    from .flowchart_routes import RoutePicker

OPTION_STATES = {TAKEN: "option_taken", STUB: "option_seen"}


def node_name(chart: FlowchartScreen, key: str) -> str:
    """A node's title: its scene (and "a choice"), "Ending: …", or "Locked" when not seen yet."""
    lang = chart.ctx.language
    node = chart.view.chart.nodes[key]
    if not chart.view.seen(key):
        return tr("ax_ending_locked" if node.kind == "ending" else "ax_node_locked", lang)
    caption = node.caption.get(lang)
    if node.kind == "ending":
        return tr("ax_node_ending", lang).format(caption=caption)
    if node.kind == "choice":
        return tr("ax_node_choice", lang).format(caption=caption)
    return caption


def node_value(chart: FlowchartScreen, key: str, passages: int) -> str:
    """What a node holds and what pressing it does (``passages``: the states it can be played from)."""
    lang = chart.ctx.language
    view = chart.view
    node = view.chart.nodes[key]
    parts: list[str] = []
    if key == view.current:
        parts.append(tr("you_are_here", lang))
    if not view.seen(key):
        parts.append(tr("node_ending_locked" if node.kind == "ending" else "node_locked", lang))
        return " ".join(sentence(part) for part in parts).removesuffix(".")
    if node.kind == "choice":
        fork = view.chart.forks[key]
        for i, text in enumerate(fork.texts):
            state = view.option_state(key, i)
            parts.append(tr("ax_option", lang).format(state=tr(OPTION_STATES[state], lang), text=text.get(lang))
                         if state in OPTION_STATES else tr("option_unseen", lang))
    elif node.kind != "ending" and node.text is not None:
        parts.append(node.text.get(lang))
    if node.kind == "ending":
        parts.append(tr("replay_finale" if passages else "no_finale", lang))
    elif passages > 1:
        parts.append(tr("ax_routes", lang).format(n=passages))
    else:
        parts.append(tr("play_from_here" if passages else "no_passage", lang))
    return " ".join(sentence(part) for part in parts if part).removesuffix(".")  # (", unavailable" may follow)


def sentence(text: str) -> str:
    """``text`` as a sentence: a capital first (where the script has capitals) and a full stop at the end."""
    text = text.strip()
    return text[:1].upper() + text[1:] + ("" if text.endswith((".", "!", "?", "…")) else ".")


def flowchart_tree(chart: FlowchartScreen) -> Node:
    """The tree of the flowchart (a node per chart node, in the chart's order: top to bottom)."""
    lang = chart.ctx.language
    nodes = chart.view.chart.nodes
    beats = {k for k, n in nodes.items() if n.kind in ("scene", "label")}
    endings = {k for k, n in nodes.items() if n.kind == "ending"}
    seen = chart.view.seen_keys()
    count = tr("ax_flowchart_count", lang).format(seen=len(seen & beats), total=len(beats),
                                                  endings=len(seen & endings), all_endings=len(endings))
    buttons = []
    for key in nodes:
        passages = len(chart.passages(key)) if key in seen else 0
        buttons.append(Node("button", node_name(chart, key), key=f"node.{key}", value=node_value(chart, key, passages),
                            focused=key == chart.focus, disabled=not passages,
                            activate=lambda key=key: chart.open(key)))  # type: ignore[misc]
    children = [Node("text", tr("ax_flowchart_help", lang), key="help", live=True),  # the legend, said once
                Node("text", count, key="count", live=True),
                Node("group", tr("flowchart", lang), key="nodes", children=buttons),
                Node("button", tr("back", lang), key="back", activate=chart.back)]
    return screen(tr("flowchart", lang), "flowchart", lang, children)


def routes_tree(picker: RoutePicker) -> Node:
    """The route picker over the flowchart: its question and a button per route."""
    lang = picker.ctx.language
    return screen(tr("routes_title", lang), f"routes.{id(picker)}", lang, picker.list.access_nodes("route"))
