"""The flowchart as one player sees it: nodes seen or locked, options taken or only seen, routes to warp by.

``PlayerChart`` puts the player's record (``game.persist.progress``) over the
story's flowchart (``game.check.flowchart``):

- a node is *seen* once the player passed it in some playthrough (an ending
  once reached); every other node is *locked*, drawn as a silhouette;
- an edge leaving a choice is *taken* when its option was taken and where it
  goes was seen, a *stub* when its option was only seen (or taken, but that
  way not followed yet), *locked* otherwise; any other edge is *taken* once
  both its ends were seen;
- a seen node offers the states the player had there, one per route, each
  labelled by the decisions that set its route apart from the others.

``OptionMarks`` tells the choice buttons which options were taken before and,
for players who turn the hint on, which lead to something not seen yet.
No pygame: the flowchart screen draws what this answers.
"""

from __future__ import annotations

from dataclasses import dataclass

from game.check.flowchart import ChartEdge, Flowchart, option_key, option_reach
from game.persist.progress import Passage, Progress
from game.story import model as m
from game.story.runtime import ChoiceEvent

TAKEN, STUB, LOCKED = "taken", "stub", "locked"
ROUTE_WORDS = 3  # decisions a route's label names


@dataclass(frozen=True)
class Route:
    """A state the player had at a node, and the decisions that tell its route from the others."""

    passage: Passage
    decisions: tuple[m.Text, ...]  # newest last


class PlayerChart:
    """``chart`` as the player whose record is ``progress`` sees it; ``current`` is where the game is, if any."""

    def __init__(self, chart: Flowchart, story: m.Story, progress: Progress, current: str | None = None) -> None:
        self.chart = chart
        self.story = story
        self.progress = progress
        self.current = self.on_chart(current) if current is not None else None
        self._texts = {key: text for fork in chart.forks.values() for key, text in zip(fork.option_keys, fork.texts)}
        self._hotspots = {h.name: h.label for info in story.maps.values() for h in info.hotspots}

    def on_chart(self, key: str) -> str | None:
        """``key`` as a node of the chart: a scene that starts with a label is that label's node."""
        if key in self.chart.nodes:
            return key
        index = self.story.scene_index.get(key)
        if index is not None:
            first = next((label for label, pc in self.story.scenes[index].labels.items() if pc == 0), None)
            if first is not None and f"{key}.{first}" in self.chart.nodes:
                return f"{key}.{first}"
        return None

    # --- nodes ---

    def seen(self, key: str) -> bool:
        if key.startswith("ending:"):
            return key.removeprefix("ending:") in self.progress.endings_seen or key in self.progress.nodes_seen
        return key in self.progress.nodes_seen

    def seen_keys(self) -> set[str]:
        return {key for key in self.chart.nodes if self.seen(key)}

    def routes(self, key: str) -> list[Route]:
        """The states kept at ``key``, newest first, each with the decisions that set its route apart."""
        found = self.progress.passages.get(key, [])
        if not found:
            return []
        shared = set(found[0].route).intersection(*(set(p.route) for p in found[1:]))
        routes = []
        for passage in found:
            own = [k for k in passage.route if k not in shared] or list(passage.route)
            texts = tuple(text for text in (self.decision_text(k) for k in own) if text is not None)
            routes.append(Route(passage, texts[-ROUTE_WORDS:]))
        return routes

    def decision_text(self, key: str) -> m.Text | None:
        """What a decision key says: the option's text, or the hotspot's label."""
        text = self._texts.get(key)
        if text is not None:
            return text
        _, bar, name = key.rpartition("|@")
        if bar:
            return self._hotspots.get(name) or m.Text(((self.story.primary_language, name.replace("_", " ")),))
        return None

    # --- edges and options ---

    def option_state(self, fork: str, option: int) -> str:
        keys = self.chart.forks[fork].option_keys
        key = keys[option] if 0 <= option < len(keys) else ""
        if key in self.progress.options_taken:
            return TAKEN
        return STUB if key in self.progress.options_seen else LOCKED

    def edge_state(self, edge: ChartEdge) -> str:
        if edge.option is not None and edge.src in self.chart.forks:
            state = self.option_state(edge.src, edge.option)
            if state == TAKEN and not self.seen(edge.dst):
                return STUB  # the option was taken, but not (yet) on the way that leads here
            return state
        return TAKEN if self.seen(edge.src) and self.seen(edge.dst) else LOCKED


@dataclass(frozen=True)
class OptionMark:
    taken: bool  # taken in some earlier playthrough: a small check and a dimmer face
    new: bool  # leads to content not seen yet (shown only when the player turns the hint on)


class OptionMarks:
    """Marks for the options of the choices a player meets (worked out once per option, then kept)."""

    def __init__(self, story: m.Story, progress: Progress) -> None:
        self.story = story
        self.progress = progress
        self._reach: dict[tuple[int, int, int], tuple[tuple[str, ...], tuple[str, ...]]] = {}

    def marks(self, event: ChoiceEvent, scene: int, pc: int) -> list[OptionMark]:
        """One mark per visible option of ``event`` (the choice at op ``pc`` of scene ``scene``)."""
        sid = event.op.sid
        result = []
        for option in event.options:
            key = option_key(sid, option.text) if sid is not None else ""
            taken = key in self.progress.options_taken
            result.append(OptionMark(taken, not taken and self._leads_somewhere_new(scene, pc, option.index)))
        return result

    def _leads_somewhere_new(self, scene: int, pc: int, option: int) -> bool:
        where = (scene, pc, option)
        if where not in self._reach:
            reach = option_reach(self.story, scene, pc, option)
            self._reach[where] = (reach.lines, reach.nodes)
        lines, nodes = self._reach[where]
        progress = self.progress
        return (any(not progress.is_read(line) for line in lines)
                or any(not _seen(progress, node) for node in nodes))


def _seen(progress: Progress, node: str) -> bool:
    if node.startswith("ending:"):
        return node.removeprefix("ending:") in progress.endings_seen
    return node in progress.nodes_seen
