"""The flowchart's pictures: node cards made once per zoom, and edge paths worked out once per chart.

A card is drawn for a node as the player sees it (a beat with its scene and
first words, a fork's diamond, an ending's picture, or a locked silhouette
with its "?") and kept until the zoom, the language or the window's scale
changes, so panning only blits.  Edges are Bézier paths in chart units, made
once, each a handful of points moved by the camera every frame.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

import pygame

from game.check.flowchart import ChartEdge, ChartNode
from game.play.flowview import STUB, TAKEN, PlayerChart
from game.typeset import Typeface

from ..widgets import AMBER, BLUE, GLASS, TEXT, TEXT_DIM
from .gallery_art import rounded

if TYPE_CHECKING:
    from ..context import Context

SEEN_FILL = (26, 32, 56)
LOCKED_FILL = (17, 19, 32)
LOCKED_EDGE = (52, 58, 84)
TAKEN_EDGE = (150, 196, 240)
STUB_EDGE = (196, 150, 96)
FORK_FILL = (78, 56, 34)
START_MARK = BLUE
CURVE_POINTS = 12  # points along an edge's curve
STUB_LENGTH = 26.0  # chart units: an option seen but not taken is a short line towards where it would go
TEXT_ZOOM = 0.55  # below this zoom, cards carry no words (the info bar has them)
MAX_CARDS = 600  # cards kept (a chart far larger than the shipped story's 136 nodes drops the oldest)


@dataclass(frozen=True)
class EdgePath:
    edge: ChartEdge
    points: tuple[tuple[float, float], ...]  # chart units
    box: tuple[float, float, float, float]  # left, top, right, bottom
    stub: tuple[tuple[float, float], tuple[float, float]]  # a short straight start towards where it goes


def edge_path(edge: ChartEdge, src: ChartNode, dst: ChartNode, spread: float) -> EdgePath:
    """A downward edge leaves the bottom of ``src`` for the top of ``dst``; any other bows out to the right."""
    if dst.y > src.y:
        start, end = (src.x + spread, src.y + src.height / 2), (dst.x, dst.y - dst.height / 2)
        bend = (end[1] - start[1]) / 2
        controls = ((start[0], start[1] + bend), (end[0], end[1] - bend))
    else:
        start, end = (src.x + src.width / 2, src.y), (dst.x + dst.width / 2, dst.y)
        out = max(start[0], end[0]) + 60 + abs(src.y - dst.y) * 0.12 + abs(spread)
        controls = ((out, start[1]), (out, end[1]))
    points = tuple(_bezier(start, controls[0], controls[1], end, i / (CURVE_POINTS - 1)) for i in range(CURVE_POINTS))
    xs, ys = [p[0] for p in points], [p[1] for p in points]
    dx, dy = end[0] - start[0], max(1.0, end[1] - start[1]) if dst.y > src.y else end[1] - start[1]
    length = max(1.0, (dx * dx + dy * dy) ** 0.5)
    stub = (start, (start[0] + dx / length * STUB_LENGTH, start[1] + dy / length * STUB_LENGTH))
    return EdgePath(edge, points, (min(xs), min(ys), max(xs), max(ys)), stub)


def _bezier(p0: tuple[float, float], p1: tuple[float, float], p2: tuple[float, float], p3: tuple[float, float],
            t: float) -> tuple[float, float]:
    u = 1 - t
    return (u**3 * p0[0] + 3 * u * u * t * p1[0] + 3 * u * t * t * p2[0] + t**3 * p3[0],
            u**3 * p0[1] + 3 * u * u * t * p1[1] + 3 * u * t * t * p2[1] + t**3 * p3[1])


def edge_paths(view: PlayerChart) -> list[EdgePath]:
    """Every edge of the chart as a path; edges between the same two nodes fan out."""
    nodes = view.chart.nodes
    count: dict[tuple[str, str], int] = {}
    for edge in view.chart.edges:
        count[(edge.src, edge.dst)] = count.get((edge.src, edge.dst), 0) + 1
    drawn: dict[tuple[str, str], int] = {}
    paths = []
    for edge in view.chart.edges:
        pair = (edge.src, edge.dst)
        nth = drawn.get(pair, 0)
        drawn[pair] = nth + 1
        spread = (nth - (count[pair] - 1) / 2) * 10
        paths.append(edge_path(edge, nodes[edge.src], nodes[edge.dst], spread))
    return paths


def edge_style(state: str) -> tuple[tuple[int, int, int], int]:
    """Colour and width (logical) of an edge in ``state``."""
    if state == TAKEN:
        return TAKEN_EDGE, 2
    if state == STUB:
        return STUB_EDGE, 2
    return LOCKED_EDGE, 1


def fit(font: Typeface | pygame.font.Font, text: str, width: int) -> str:
    """``text`` cut (with "…") to ``width`` pixels of ``font``, on one line."""
    text = " ".join(text.split())
    if font.size(text)[0] <= width:
        return text
    low, high = 0, len(text)
    while low < high:
        middle = (low + high + 1) // 2
        if font.size(text[:middle].rstrip() + "…")[0] <= width:
            low = middle
        else:
            high = middle - 1
    return text[:low].rstrip() + "…"


class CardPainter:
    """Node cards as surfaces, made once per (node, state, zoom, language, scale) and kept."""

    def __init__(self, ctx: Context, view: PlayerChart) -> None:
        self.ctx = ctx
        self.view = view
        self._cards: dict[tuple[object, ...], pygame.Surface] = {}
        self._key: tuple[object, ...] = ()

    def card(self, node: ChartNode, zoom: float) -> pygame.Surface:
        """The card of ``node`` at ``zoom`` (made now if it was not yet)."""
        self.prepare(zoom, every=False)
        seen = self.view.seen(node.key)
        key = (node.key, seen)
        card = self._cards.get(key)
        if card is None:
            card = self._paint(node, seen, zoom)
            if len(self._cards) >= MAX_CARDS:
                self._cards.pop(next(iter(self._cards)))
            self._cards[key] = card
        return card

    def prepare(self, zoom: float, every: bool = True) -> None:
        """Start afresh when the zoom, the language or the window's scale changed; with ``every``, paint
        every card at once (one slow frame when the view opens or zooms, none while it pans)."""
        ctx = self.ctx
        setting = (zoom, ctx.language, ctx.view.scale)
        if setting == self._key:
            return
        self._cards.clear()
        self._key = setting
        if every:
            for node in list(self.view.chart.nodes.values())[:MAX_CARDS]:
                self.card(node, zoom)

    def _paint(self, node: ChartNode, seen: bool, zoom: float) -> pygame.Surface:
        view = self.ctx.view
        size = (max(4, view.px(node.width * zoom)), max(4, view.px(node.height * zoom)))
        surface = pygame.Surface(size, pygame.SRCALPHA)
        if node.kind == "choice":
            self._fork(surface, seen)
        elif node.kind == "ending":
            self._ending(surface, node, seen, zoom)
        else:
            self._beat(surface, node, seen, zoom)
        return surface

    def _fork(self, surface: pygame.Surface, seen: bool) -> None:
        w, h = surface.get_size()
        diamond = [(w / 2, 1), (w - 1, h / 2), (w / 2, h - 1), (1, h / 2)]
        pygame.draw.polygon(surface, FORK_FILL if seen else LOCKED_FILL, diamond)
        pygame.draw.polygon(surface, AMBER if seen else LOCKED_EDGE, diamond, width=max(1, w // 12))
        if not seen:
            self._question(surface, max(6, h // 2))

    def _beat(self, surface: pygame.Surface, node: ChartNode, seen: bool, zoom: float) -> None:
        w, h = surface.get_size()
        radius = max(2, h // 5)
        rect = surface.get_rect()
        pygame.draw.rect(surface, (*(SEEN_FILL if seen else LOCKED_FILL), 240), rect, border_radius=radius)
        pygame.draw.rect(surface, (*TEXT, 70) if seen else (*LOCKED_EDGE, 255), rect, width=1, border_radius=radius)
        if not seen:
            self._question(surface, max(8, h // 2))
            return
        if node.kind == "scene" or node.start:
            bar = pygame.Rect(0, radius, max(2, w // 60), h - 2 * radius)
            pygame.draw.rect(surface, START_MARK, bar, border_radius=bar.w)
        view, res, lang = self.ctx.view, self.ctx.resources, self.ctx.language
        pad = view.px(10 * zoom)
        small, body = view.px(max(12 * zoom, 9)), view.px(15 * zoom)
        caption = fit(res.font(small), node.caption.get(lang), w - 2 * pad)
        label = res.text(caption, small, TEXT_DIM)
        if zoom < TEXT_ZOOM:  # far out: the scene's name only, in the smallest size still read
            surface.blit(label, label.get_rect(midleft=(pad, h // 2)))
            return
        if node.text is None:  # a beat that opens on a map or a call: its scene says enough
            surface.blit(label, label.get_rect(midleft=(pad, h // 2)))
            return
        surface.blit(label, (pad, view.px(7 * zoom)))
        words = res.text(fit(res.font(body), node.text.get(lang), w - 2 * pad), body, TEXT)
        surface.blit(words, (pad, h - view.px(10 * zoom) - words.get_height()))

    def _ending(self, surface: pygame.Surface, node: ChartNode, seen: bool, zoom: float) -> None:
        w, h = surface.get_size()
        res, view = self.ctx.resources, self.ctx.view
        ending = node.key.removeprefix("ending:")
        radius = max(2, h // 5)
        if seen and res.exists("ending", ending):  # the ending's own card, once seen
            surface.blit(rounded(res.image("ending", ending, (w, h)), radius), (0, 0))
        else:
            pygame.draw.rect(surface, (*(FORK_FILL if seen else LOCKED_FILL), 245), surface.get_rect(),
                             border_radius=radius)
        pygame.draw.rect(surface, AMBER if seen else LOCKED_EDGE, surface.get_rect(), width=max(1, view.px(2 * zoom)),
                         border_radius=radius)
        if not seen:
            self._question(surface, max(8, h // 2))
            return
        if zoom < TEXT_ZOOM:
            return
        band = pygame.Surface((w, h // 2), pygame.SRCALPHA)
        band.fill((*GLASS, 170))
        surface.blit(band, (0, h - h // 2))
        size = view.px(15 * zoom)
        title = res.text(fit(res.font(size, True), node.caption.get(self.ctx.language), w - view.px(16 * zoom)),
                         size, TEXT, bold=True)
        surface.blit(title, title.get_rect(center=(w // 2, h - h // 4)))

    def _question(self, surface: pygame.Surface, size: int) -> None:
        mark = self.ctx.resources.text("?", size, TEXT_DIM, bold=True)
        surface.blit(mark, mark.get_rect(center=surface.get_rect().center))
