"""The flowchart: the story as the player has seen it across every playthrough, and a warp to any of it.

Beats (a scene's start, its labels) are cards with their scene and first
words, choices are diamonds whose options leave them, endings are their
card once reached; what the player has not seen stands as a silhouette with
a "?", options seen but never taken as short stubs.  The game's current place
is ringed.  Choosing a seen node plays on from there with the state the player
had (``routes``: one per route, labelled by its choices); a game in progress
is asked about and autosaved first (``FlowchartGame.warp``).

Arrows (d-pad, stick) move from node to node and the view follows; Home goes
to the start, End to the game's place (or the last ending); dragging with the
mouse pans, a click on the bar at the right jumps there; the wheel, + / -,
PageUp / PageDown and LB / RB zoom; Enter, a click on the chosen node or A
opens it; Esc, right click or B go back.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import pygame

from game.check.flowchart import build_flowchart
from game.persist.progress import Passage
from game.play.flowview import STUB, TAKEN, PlayerChart

from ..input import Action, Input
from ..strings import tr
from ..view import HEIGHT, WIDTH
from ..widgets import AMBER, BLUE, TEXT, TEXT_DIM, draw_back_button, panel
from .base import Screen
from .confirm import ConfirmScreen
from .flowchart_access import flowchart_tree
from .flowchart_camera import AREA, FOOT, Camera, in_area
from .flowchart_draw import CardPainter, EdgePath, edge_paths, edge_style, fit
from .flowchart_routes import RoutePicker

if TYPE_CHECKING:
    from ..access.tree import Node
    from ..context import Context
    from ..ports import FlowchartGame

BACK = (WIDTH - 40 - 130, 20, 130, 38)
PAN_STEP = 140.0  # chart units a held direction pans with no node that way
SKY = (9, 11, 24)
TRACK = (WIDTH - 18, AREA[1] + 8, 6, AREA[3] - 16)  # where the view is in the whole chart


class FlowchartScreen(Screen):
    frame_rate = 60
    paints_all = True  # its own dark sky under everything
    def __init__(self, ctx: Context, game: FlowchartGame) -> None:
        super().__init__(ctx)
        if ctx.story is None:
            raise RuntimeError("the flowchart needs a story that loads")
        self.game = game
        self.view = PlayerChart(build_flowchart(ctx.story), ctx.story, ctx.progress, game.current_node())
        nodes = self.view.chart.nodes
        start = next((key for key, node in nodes.items() if node.start), next(iter(nodes), ""))
        self.focus = self.view.current or start
        self.camera = Camera(self.view.chart.width, self.view.chart.height)
        self.show(self.focus)
        self.drag_from: tuple[float, float] | None = None
        self.hover_back = False
        self.paths = edge_paths(self.view)
        self.cards = CardPainter(ctx, self.view)
        self._into: dict[str, list[str]] = {}
        for edge in self.view.chart.edges:
            self._into.setdefault(edge.dst, []).append(edge.src)

    # --- the camera ---

    @property
    def zoom(self) -> float:
        return self.camera.zoom

    def to_area(self, x: float, y: float) -> tuple[float, float]:
        return self.camera.to_area(x, y)

    def show(self, key: str) -> None:
        """Choose ``key`` and bring it to the middle of the view at once."""
        node = self.view.chart.nodes.get(key)
        if node is not None:
            self.focus = key
            self.camera.look_at(node.x, node.y)

    def follow(self, key: str) -> None:
        """Ease the view towards ``key`` (as far as the chart's edges let it)."""
        node = self.view.chart.nodes.get(key)
        if node is not None:
            self.camera.ease_to(node.x, node.y)

    # --- moving between nodes ---

    def move(self, dx: int, dy: int) -> None:
        """Arrows: the focus to the nearest node that way (down and up prefer the edges' ends)."""
        nodes = self.view.chart.nodes
        here = nodes.get(self.focus)
        if here is None:
            return
        linked = [e.dst for e in self.view.chart.edges_from(self.focus)] if dy > 0 else \
            self._into.get(self.focus, []) if dy < 0 else []
        candidates = [nodes[k] for k in linked if k in nodes and (nodes[k].y - here.y) * dy > 0]
        if not candidates:
            candidates = [n for n in nodes.values() if n.key != here.key and (
                (dx and (n.x - here.x) * dx > 0 and abs(n.y - here.y) <= abs(n.x - here.x))
                or (dy and (n.y - here.y) * dy > 0))]
        if not candidates:
            self.camera.pan(-dx * PAN_STEP * self.zoom, -dy * PAN_STEP * self.zoom)
            return
        best = min(candidates, key=lambda n: abs(n.x - here.x) * (1 if dx else 3) + abs(n.y - here.y) * (3 if dx else 1))
        self.focus = best.key
        self.follow(best.key)
        self.ctx.audio.play_sfx("ui_move")

    def jump(self, start: bool) -> None:
        """Home: to the story's start; End: to the game's place, or the last ending of the chart."""
        nodes = self.view.chart.nodes
        if start:
            key = next((k for k, n in nodes.items() if n.start), None)
        else:
            key = self.view.current or next((k for k in reversed(list(nodes)) if nodes[k].kind == "ending"), None)
        if key is not None:
            self.focus = key
            self.follow(key)
            self.ctx.audio.play_sfx("ui_move")

    def node_at(self, pos: tuple[float, float]) -> str | None:
        if not in_area(pos):
            return None
        x, y = self.camera.to_chart(*pos)
        for node in self.view.chart.nodes.values():
            if abs(x - node.x) <= node.width / 2 and abs(y - node.y) <= node.height / 2:
                return node.key
        return None

    # --- opening a node ---

    def open(self, key: str) -> None:
        """Play on from ``key``: straight away with one route, or after picking among several."""
        node = self.view.chart.nodes.get(key)
        if node is None:
            return
        if not self.view.seen(key):
            self.ctx.audio.play_sfx("ui_error")
            self.ctx.notify(tr("node_locked", self.ctx.language))
            return
        passages = self.passages(key)
        if not passages:
            self.ctx.audio.play_sfx("ui_error")
            self.ctx.notify(tr("no_passage", self.ctx.language), 4.0)
            return
        self.ctx.audio.play_sfx("ui_select")
        if len(passages) == 1:
            self.choose(passages[0])
        else:
            self.ctx.nav.push(RoutePicker(self.ctx, self.view.routes(key), self.choose))

    def passages(self, key: str) -> list[Passage]:
        if key.startswith("ending:"):  # an ending plays its final scene again
            finale = self.ctx.progress.finales.get(key.removeprefix("ending:"))
            return [finale] if finale is not None else []
        return [route.passage for route in self.view.routes(key)]

    def choose(self, passage: Passage) -> None:
        """Warp, asking first when a game is in progress (the game autosaves before it is replaced)."""
        if self.game.in_progress:
            self.ctx.nav.push(ConfirmScreen(self.ctx, tr("warp_confirm", self.ctx.language),
                                            lambda: self.game.warp(passage)))
        else:
            self.game.warp(passage)

    def back(self) -> None:
        self.ctx.audio.play_sfx("ui_back")
        self.ctx.nav.pop()

    def access(self) -> Node:
        return flowchart_tree(self)

    # --- input ---

    def handle(self, inp: Input) -> None:
        action, pos = inp.action, inp.pos
        if action in (Action.BACK, Action.MENU):
            self.back()
        elif action in (Action.UP, Action.DOWN, Action.LEFT, Action.RIGHT):
            dx = {Action.LEFT: -1, Action.RIGHT: 1}.get(action, 0)
            dy = {Action.UP: -1, Action.DOWN: 1}.get(action, 0)
            self.move(dx, dy)
        elif action in (Action.ROLLBACK, Action.ZOOM_IN):
            self.camera.zoom_by(1, pos)
        elif action in (Action.ROLLFORWARD, Action.ZOOM_OUT):
            self.camera.zoom_by(-1, pos)
        elif action == Action.CONFIRM:
            self.open(self.focus)
        elif action in (Action.LAST_CHOICE, Action.NEXT_CHOICE):
            self.jump(start=action == Action.LAST_CHOICE)
        elif action == Action.POINT and pos is not None:
            self.point(pos, inp.held)
        elif action == Action.CLICK and pos is not None:
            self.click(pos)

    def point(self, pos: tuple[float, float], held: bool) -> None:
        self.hover_back = pygame.Rect(BACK).collidepoint(pos)
        if held and self.drag_from is not None:
            self.camera.pan(pos[0] - self.drag_from[0], pos[1] - self.drag_from[1])
            self.drag_from = pos
            return
        self.drag_from = None

    def click(self, pos: tuple[float, float]) -> None:
        if pygame.Rect(BACK).collidepoint(pos):
            self.back()
            return
        if pygame.Rect(TRACK).inflate(16, 0).collidepoint(pos):  # the bar at the right: there at once
            self.camera.look_at(self.camera.cx, (pos[1] - TRACK[1]) / TRACK[3] * self.view.chart.height)
            return
        hit = self.node_at(pos)
        if hit is not None and hit == self.focus:
            self.open(hit)
            return
        if hit is not None:
            self.focus = hit
            self.ctx.audio.play_sfx("ui_move")
        self.drag_from = pos if in_area(pos) else None

    # --- time ---

    def update(self, dt: float) -> None:
        self.camera.update(dt)

    def animating(self) -> bool:
        return self.camera.target is not None

    # --- drawing ---

    def draw(self, surface: pygame.Surface) -> None:
        view = self.ctx.view
        surface.fill(SKY)
        self.cards.prepare(self.zoom)
        area = view.rect(*AREA)
        clip = surface.get_clip()
        surface.set_clip(area.clip(clip) if clip else area)
        self.draw_edges(surface)
        self.draw_nodes(surface)
        surface.set_clip(clip)
        self.draw_scrollbar(surface)
        self.draw_head(surface)
        self.draw_info(surface)

    def draw_edges(self, surface: pygame.Surface) -> None:
        left, top, right, bottom = self.camera.visible_box()
        transform = self.camera.pixels(self.ctx.view.scale)
        for path in self.paths:
            x0, y0, x1, y1 = path.box
            if x1 < left or x0 > right or y1 < top or y0 > bottom:
                continue
            self.draw_edge(surface, path, transform)

    def draw_edge(self, surface: pygame.Surface, path: EdgePath, transform: tuple[float, float, float]) -> None:
        state = self.view.edge_state(path.edge)
        color, width = edge_style(state)
        factor, ox, oy = transform
        scale = self.ctx.view.scale
        pixels = [(round(x * factor + ox), round(y * factor + oy))
                  for x, y in (path.stub if state == STUB else path.points)]
        pygame.draw.lines(surface, color, False, pixels, max(1, round(width * scale)))
        if state == STUB:
            pygame.draw.circle(surface, color, pixels[-1], max(2, round(3 * scale)))
        elif state == TAKEN:
            self.draw_arrowhead(surface, pixels[-2], pixels[-1], color, scale)

    @staticmethod
    def draw_arrowhead(surface: pygame.Surface, before: tuple[int, int], tip: tuple[int, int],
                       color: tuple[int, int, int], scale: float) -> None:
        dx, dy = tip[0] - before[0], tip[1] - before[1]
        length = max(1.0, (dx * dx + dy * dy) ** 0.5)
        ux, uy = dx / length, dy / length
        size = 7 * scale
        back = (tip[0] - ux * size, tip[1] - uy * size)
        pygame.draw.polygon(surface, color, [tip, (back[0] - uy * size * 0.6, back[1] + ux * size * 0.6),
                                             (back[0] + uy * size * 0.6, back[1] - ux * size * 0.6)])

    def draw_nodes(self, surface: pygame.Surface) -> None:
        view, zoom = self.ctx.view, self.zoom
        left, top, right, bottom = self.camera.visible_box()
        factor, ox, oy = self.camera.pixels(self.ctx.view.scale)
        for node in self.view.chart.nodes.values():
            half_w, half_h = node.width / 2, node.height / 2
            if node.x + half_w < left or node.x - half_w > right or node.y + half_h < top or node.y - half_h > bottom:
                continue
            card = self.cards.card(node, zoom)
            rect = card.get_rect(topleft=(round((node.x - half_w) * factor + ox), round((node.y - half_h) * factor + oy)))
            surface.blit(card, rect)
            if node.key == self.view.current:
                self.draw_current(surface, rect)
            if node.key == self.focus:
                pygame.draw.rect(surface, BLUE, rect.inflate(view.px(8), view.px(8)), width=max(2, view.px(2)),
                                 border_radius=max(3, rect.h // 4))

    def draw_current(self, surface: pygame.Surface, rect: pygame.Rect) -> None:
        view, res = self.ctx.view, self.ctx.resources
        ring = rect.inflate(view.px(14), view.px(14))
        pygame.draw.rect(surface, AMBER, ring, width=max(2, view.px(3)), border_radius=max(4, ring.h // 4))
        tag = res.text(tr("you_are_here", self.ctx.language), view.px(14), (20, 22, 34), bold=True)
        box = tag.get_rect(midbottom=(ring.centerx, ring.top - view.px(4))).inflate(view.px(12), view.px(4))
        pygame.draw.rect(surface, AMBER, box, border_radius=box.h // 2)
        surface.blit(tag, tag.get_rect(center=box.center))

    def draw_scrollbar(self, surface: pygame.Surface) -> None:
        """Where the view is in the whole chart, at the right edge; seen nodes are small ticks."""
        view = self.ctx.view
        chart = self.view.chart
        track = TRACK
        pygame.draw.rect(surface, (34, 40, 62), view.rect(*track), border_radius=view.px(3))
        height = max(1.0, chart.height)
        _, top, _, bottom = self.camera.visible_box()
        start = track[1] + track[3] * max(0.0, top) / height
        end = track[1] + track[3] * min(height, bottom) / height
        pygame.draw.rect(surface, TEXT_DIM, view.rect(track[0], start, track[2], max(6.0, end - start)),
                         border_radius=view.px(3))

    def draw_head(self, surface: pygame.Surface) -> None:
        view, res, lang = self.ctx.view, self.ctx.resources, self.ctx.language
        head = res.text(tr("flowchart", lang), view.px(32), TEXT, bold=True)
        surface.blit(head, head.get_rect(midleft=view.point(48, BACK[1] + BACK[3] / 2)))
        nodes = self.view.chart.nodes
        beats = {k for k, n in nodes.items() if n.kind in ("scene", "label")}
        endings = {k for k, n in nodes.items() if n.kind == "ending"}
        seen = self.view.seen_keys()
        count = tr("flowchart_count", lang).format(seen=len(seen & beats), total=len(beats),
                                                   endings=len(seen & endings), all_endings=len(endings))
        label = res.text(count, view.px(18), TEXT_DIM)
        surface.blit(label, label.get_rect(midleft=(view.px(48) + head.get_width() + view.px(24),
                                                    view.px(BACK[1] + BACK[3] / 2))))
        draw_back_button(self.ctx, surface, BACK, self.hover_back)

    def draw_info(self, surface: pygame.Surface) -> None:
        """The chosen node in words: its scene and first line, a choice's options, an ending's title."""
        view, res, lang = self.ctx.view, self.ctx.resources, self.ctx.language
        box = view.rect(32, HEIGHT - FOOT + 6, WIDTH - 64, FOOT - 38)
        surface.blit(panel(self.ctx, box.size, 215), box)
        node = self.view.chart.nodes.get(self.focus)
        if node is not None:
            caption, action, body = self.info(node.key)
            left, width = box.x + view.px(20), box.w - view.px(40)
            if action:
                label = res.text(action, view.px(16), AMBER if self.passages(node.key) else TEXT_DIM, bold=True)
                surface.blit(label, label.get_rect(topright=(box.right - view.px(20), box.y + view.px(12))))
                width -= label.get_width() + view.px(24)
            if caption:
                label = res.text(fit(res.font(view.px(16)), caption, width), view.px(16), TEXT_DIM)
                surface.blit(label, (left, box.y + view.px(12)))
            label = res.text(fit(res.font(view.px(20)), body, box.w - view.px(40)), view.px(20), TEXT)
            surface.blit(label, (left, box.y + view.px(42)))
        hint = res.text(tr("hint_flowchart", lang), view.px(15), TEXT_DIM)
        surface.blit(hint, hint.get_rect(midleft=view.point(48, HEIGHT - 16)))

    def info(self, key: str) -> tuple[str, str, str]:
        """(caption, action, body) of the info bar for node ``key``."""
        lang = self.ctx.language
        node = self.view.chart.nodes[key]
        if not self.view.seen(key):
            return "", "", tr("node_ending_locked" if node.kind == "ending" else "node_locked", lang)
        if node.kind == "ending":
            action = tr("replay_finale", lang) if self.passages(key) else tr("no_finale", lang)
            return tr("the_end", lang), action, node.caption.get(lang)
        routes = len(self.view.routes(key))
        action = (tr("play_from_here", lang) + (f"  ({routes})" if routes > 1 else "")) if routes \
            else tr("no_passage", lang)
        if node.kind == "choice":
            marks = {TAKEN: "●", STUB: "○"}
            fork = self.view.chart.forks[key]
            options = []
            for i, text in enumerate(fork.texts):
                state = self.view.option_state(key, i)
                options.append(f"{marks[state]} {text.get(lang)}" if state in marks else f"? {tr('option_unseen', lang)}")
            return f"{node.caption.get(lang)}  ·  {tr('node_choice', lang)}", action, "    ".join(options)
        return node.caption.get(lang), action, node.text.get(lang) if node.text else ""
