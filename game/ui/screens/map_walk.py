"""The map screen: the player walks a Tiled map and uses its hotspots to move the story on.

The map is drawn once into two pictures at the zoomed scale, the layers under
the player and the layers over it (a tile layer whose name contains "above",
or with the property ``above: true``); a frame then blits the camera's view of
each, the animated tiles in view, and the sprites.  Arrow keys / WASD / the
d-pad walk; Enter / pad A uses the hotspot in front; a click walks there
(path found over the collision grid) and uses what was clicked; hotspots
marked ``trigger: touch`` fire when stepped on.  Esc opens the game menu, the
wheel / PageUp rolls back to before the map.
"""

from __future__ import annotations

import logging
from collections import deque
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

import pygame

from game.layout import MAP_PROMPT_FONT_SIZE
from game.story.presentation import Place
from game.story.runtime import HotspotOption, MapEvent
from game.world.draw import DrawError, draw_map
from game.world.tiled import MapFormatError, TiledMap, load_map

from ..input import Action, Input
from ..strings import tr
from ..view import HEIGHT, WIDTH
from ..widgets import TEXT, TEXT_DIM, panel
from .base import Screen

if TYPE_CHECKING:
    from ..context import Context
    from ..ports import MapGame

log = logging.getLogger(__name__)
ZOOM = 2.0
SPEED = 110.0  # map pixels a second
FRAME_W, FRAME_H = 32, 48
DIRECTIONS = {"down": 0, "left": 1, "right": 2, "up": 3}
STEP = {"down": (0, 1), "up": (0, -1), "left": (-1, 0), "right": (1, 0)}
REACH = 10.0  # map pixels between the player's feet and a hotspot to use it
FEET = (18, 10)  # the player's collision box at the feet
ARRIVAL_GRACE = 0.3  # seconds after the map opens during which the action key uses nothing


@dataclass
class Walker:
    """A sprite on the map: feet position in map pixels, facing, walk cycle."""

    sprite: str
    x: float
    y: float
    facing: str = "down"
    phase: float = 0.0
    moving: bool = False


class MapWalkScreen(Screen):
    def __init__(self, ctx: Context, game: MapGame) -> None:
        super().__init__(ctx)
        self.game = game
        self.event: MapEvent = game.event
        event = self.event
        self.clock = 0.0
        self.path: list[tuple[int, int]] = []
        self.pending_use: HotspotOption | None = None
        self.moved_since_arrival = False
        story_root = ctx.story.root if ctx.story is not None else ctx.options.story_root
        self.tmap: TiledMap | None = None
        self.error: str | None = None
        try:
            self.tmap = load_map(story_root / event.map.file, root=story_root)
        except MapFormatError as exc:
            self.error = str(exc)  # names the file and line
            log.warning("cannot load the map %s", self.error)
        # the map names its walker (a sprite sheet images/sprites/<name>); the engine assumes no one
        sprite = str(self.tmap.properties.get("player", "player")) if self.tmap else "player"
        saved = game.place()
        if saved is not None:
            x, y, facing = saved.x, saved.y, saved.facing
        else:
            sx, sy = event.map.objects.get(event.spawn, (0.0, 0.0))
            x, y, facing = sx + 16, sy + 30, "down"
        self.player = Walker(sprite, x, y, facing)
        self.npcs: dict[str, Walker] = {}
        self.below: pygame.Surface | None = None
        self.above: pygame.Surface | None = None
        self.animated: list[tuple[bool, int, int, list[tuple[Any, int]], int]] = []
        self._scale = 0.0
        if self.tmap is not None:
            for obj in self.tmap.objects:
                npc = obj.properties.get("npc")
                if isinstance(npc, str) and npc:
                    self.npcs[obj.name] = Walker(npc, obj.x + obj.width / 2, obj.y + obj.height,
                                                 str(obj.properties.get("facing", "down")))
        self.build()  # a map that cannot be drawn is known now: the play screen falls back to its list

    # --- the picture, made once per window size ---

    def zoom(self) -> float:
        return ZOOM * self.ctx.view.scale

    def build(self) -> None:
        tmap = self.tmap
        if tmap is None or self._scale == self.ctx.view.scale:
            return
        self._scale = self.ctx.view.scale
        try:  # the shared drawing code of game.world: one pixel cap for the screen and --render
            pictures = draw_map(tmap, tmap.load_images(), zoom=self.zoom(), split=True, skip_objects=set(self.npcs))
        except (MapFormatError, DrawError) as exc:
            self.error = str(exc) if isinstance(exc, MapFormatError) else f"{self.event.map.file}: {exc}"
            log.warning("cannot draw the map %s", self.error)
            self.tmap = None
            return
        self.below, self.above = pictures.below, pictures.above
        self.animated = [(a.above, a.x, a.y, a.frames, a.total) for a in pictures.animated]

    # --- walking ---

    def blocked(self, x: float, y: float) -> bool:
        tmap = self.tmap
        if tmap is None:
            return False
        w, h = FEET
        for px, py in ((x - w / 2, y - h), (x + w / 2, y - h), (x - w / 2, y - 1), (x + w / 2, y - 1)):
            cx, cy = int(px // tmap.tile_width), int(py // tmap.tile_height)
            if not (0 <= cx < tmap.width and 0 <= cy < tmap.height) or tmap.collision[cy][cx]:
                return True
        return any(abs(npc.x - x) < w and abs(npc.y - y) < h for npc in self.npcs.values())

    def held_direction(self) -> tuple[float, float]:
        keys = pygame.key.get_pressed()
        dx = (keys[pygame.K_RIGHT] or keys[pygame.K_d]) - (keys[pygame.K_LEFT] or keys[pygame.K_a])
        dy = (keys[pygame.K_DOWN] or keys[pygame.K_s]) - (keys[pygame.K_UP] or keys[pygame.K_w])
        for pad in self.ctx_pads():
            try:
                ax, ay = pad.get_axis(pygame.CONTROLLER_AXIS_LEFTX), pad.get_axis(pygame.CONTROLLER_AXIS_LEFTY)
                dx = dx or (1 if ax > 16000 else -1 if ax < -16000 else 0)
                dy = dy or (1 if ay > 16000 else -1 if ay < -16000 else 0)
                dx = dx or pad.get_button(pygame.CONTROLLER_BUTTON_DPAD_RIGHT) - pad.get_button(
                    pygame.CONTROLLER_BUTTON_DPAD_LEFT)
                dy = dy or pad.get_button(pygame.CONTROLLER_BUTTON_DPAD_DOWN) - pad.get_button(
                    pygame.CONTROLLER_BUTTON_DPAD_UP)
            except (pygame.error, AttributeError):
                continue
        return float(dx), float(dy)

    def ctx_pads(self) -> list[Any]:
        return list(self.ctx.pads.values())

    def walk(self, dx: float, dy: float, dt: float) -> None:
        p = self.player
        if dx == 0 and dy == 0:
            p.moving = False
            return
        if abs(dx) >= abs(dy):
            p.facing = "right" if dx > 0 else "left"
        else:
            p.facing = "down" if dy > 0 else "up"
        length = (dx * dx + dy * dy) ** 0.5
        step = SPEED * dt / length
        moved = False
        free = self.blocked(p.x, p.y)  # standing inside something (a badly placed spawn): let them walk out
        if free or not self.blocked(p.x + dx * step, p.y):
            p.x += dx * step
            moved = True
        if free or not self.blocked(p.x, p.y + dy * step):
            p.y += dy * step
            moved = True
        p.moving = moved
        if moved:
            self.moved_since_arrival = True
            p.phase += dt * 8

    def follow_path(self, dt: float) -> None:
        if not self.path or self.tmap is None:
            return
        cx, cy = self.path[0]
        tx = (cx + 0.5) * self.tmap.tile_width
        ty = (cy + 0.8) * self.tmap.tile_height
        dx, dy = tx - self.player.x, ty - self.player.y
        if abs(dx) < 3 and abs(dy) < 3:
            self.path.pop(0)
            if not self.path and self.pending_use is not None:
                use, self.pending_use = self.pending_use, None
                self.face(use)
                self.take(use)
            return
        self.walk(max(-1.0, min(1.0, dx / 4)), max(-1.0, min(1.0, dy / 4)), dt)
        if not self.player.moving:  # stuck on a corner: give up rather than push forever
            self.path.clear()

    def find_path(self, goal: tuple[int, int]) -> list[tuple[int, int]]:
        tmap = self.tmap
        if tmap is None:
            return []
        start = (int(self.player.x // tmap.tile_width), int((self.player.y - 1) // tmap.tile_height))
        came: dict[tuple[int, int], tuple[int, int] | None] = {start: None}
        queue = deque([start])
        while queue:
            cell = queue.popleft()
            if cell == goal:
                break
            for ox, oy in ((1, 0), (-1, 0), (0, 1), (0, -1)):
                nx, ny = cell[0] + ox, cell[1] + oy
                if (0 <= nx < tmap.width and 0 <= ny < tmap.height and (nx, ny) not in came
                        and not tmap.collision[ny][nx]):
                    came[(nx, ny)] = cell
                    queue.append((nx, ny))
        if goal not in came:
            return []
        path = []
        node: tuple[int, int] | None = goal
        while node is not None and node != start:
            path.append(node)
            node = came[node]
        return list(reversed(path))

    # --- hotspots ---

    def near(self, option: HotspotOption, reach: float = REACH) -> bool:
        h = option.hotspot
        p = self.player
        left, top, right, bottom = h.x - reach, h.y - reach, h.x + max(h.width, 1) + reach, h.y + max(h.height, 1) + reach
        return left <= p.x <= right and top <= p.y - FEET[1] / 2 <= bottom

    def inside(self, option: HotspotOption) -> bool:
        h = option.hotspot
        return h.x <= self.player.x <= h.x + max(h.width, 1) and h.y <= self.player.y - 4 <= h.y + max(h.height, 1)

    def in_front(self) -> HotspotOption | None:
        """The interact hotspot the player faces (or stands by), nearest first."""
        candidates = [o for o in self.event.hotspots if o.hotspot.trigger == "interact" and self.near(o)]
        if not candidates:
            return None
        fx, fy = STEP[self.player.facing]

        def score(o: HotspotOption) -> float:
            h = o.hotspot
            cx, cy = h.x + h.width / 2, h.y + h.height / 2
            dx, dy = cx - self.player.x, cy - (self.player.y - 8)
            return float((dx * dx + dy * dy) ** 0.5 - 12 * (dx * fx + dy * fy > 0))

        return min(candidates, key=score)

    def face(self, option: HotspotOption) -> None:
        h = option.hotspot
        dx, dy = h.x + h.width / 2 - self.player.x, h.y + h.height / 2 - self.player.y
        self.player.facing = ("right" if dx > 0 else "left") if abs(dx) > abs(dy) else ("down" if dy > 0 else "up")
        npc = self.npcs.get(h.name)
        if npc is not None:  # NPCs turn to the player who speaks to them
            ndx, ndy = self.player.x - npc.x, self.player.y - npc.y
            npc.facing = ("right" if ndx > 0 else "left") if abs(ndx) > abs(ndy) else ("down" if ndy > 0 else "up")

    def place(self) -> Place:
        return Place(self.player.x, self.player.y, self.player.facing)

    def take(self, option: HotspotOption) -> None:
        self.game.take(option.index, self.place())

    # --- the screen protocol ---

    def handle(self, inp: Input) -> None:
        action = inp.action
        if action in (Action.BACK, Action.MENU):
            self.game.open_menu(self.place())
        elif action == Action.ROLLBACK:
            self.game.roll_back()
        elif action == Action.CONFIRM:
            if inp.repeat or self.clock < ARRIVAL_GRACE:
                return  # the key that brought the player back here (held, or just pressed) uses nothing
            target = self.in_front()
            if target is not None:
                self.face(target)
                self.take(target)
        elif action == Action.CLICK and inp.pos is not None and self.tmap is not None:
            mx, my = self.to_map(inp.pos)
            for option in self.event.hotspots:
                h = option.hotspot
                if h.x <= mx <= h.x + max(h.width, 16) and h.y <= my <= h.y + max(h.height, 16):
                    if self.near(option):
                        self.face(option)
                        self.take(option)
                        return
                    self.pending_use = option
                    mx, my = h.x + h.width / 2, h.y + h.height + 8
                    break
            goal = (int(mx // self.tmap.tile_width), int(my // self.tmap.tile_height))
            self.path = self.find_path(goal)
        elif action == Action.HISTORY:
            self.game.remember(self.place())
            self.game.open_history()
        elif action == Action.QUICKSAVE:
            self.game.quick_save(self.place())

    def update(self, dt: float) -> None:
        self.clock += dt
        if self.ctx.nav.top is not self:
            return
        dx, dy = self.held_direction()
        if dx or dy:
            self.path.clear()
            self.pending_use = None
            self.walk(dx, dy, dt)
        elif self.path:
            self.follow_path(dt)
        else:
            self.player.moving = False
        if self.moved_since_arrival:
            for option in self.event.hotspots:
                if option.hotspot.trigger == "touch" and self.inside(option):
                    self.take(option)
                    return

    def animating(self) -> bool:
        return True

    # --- drawing ---

    def camera(self) -> tuple[float, float]:
        """The map pixel at the view's top-left corner."""
        z = ZOOM
        view_w, view_h = WIDTH / z, HEIGHT / z
        if self.tmap is None:
            return 0.0, 0.0
        mw, mh = self.tmap.pixel_size
        cx = (mw - view_w) / 2 if mw <= view_w else min(max(self.player.x - view_w / 2, 0), mw - view_w)
        cy = (mh - view_h) / 2 if mh <= view_h else min(max(self.player.y - 24 - view_h / 2, 0), mh - view_h)
        return cx, cy

    def to_map(self, pos: tuple[float, float]) -> tuple[float, float]:
        cx, cy = self.camera()
        return cx + pos[0] / ZOOM, cy + pos[1] / ZOOM

    def draw(self, surface: pygame.Surface) -> None:
        self.build()
        if self.tmap is None or self.below is None or self.above is None:
            self.draw_error(surface)
            return
        z = self.zoom()
        cx, cy = self.camera()
        surface.fill((11, 13, 26))
        origin = (round(-cx * z), round(-cy * z))
        surface.blit(self.below, origin)
        self.draw_animated(surface, False, cx, cy)
        walkers = sorted([*self.npcs.values(), self.player], key=lambda w: w.y)
        for walker in walkers:
            self.draw_walker(surface, walker, cx, cy)
        surface.blit(self.above, origin)
        self.draw_animated(surface, True, cx, cy)
        self.draw_prompt(surface, cx, cy)
        self.draw_hud(surface)

    def draw_animated(self, surface: pygame.Surface, over: bool, cx: float, cy: float) -> None:
        z = self.zoom()
        now = int(self.clock * 1000)
        for is_over, x, y, pictures, total in self.animated:
            if is_over != over or not pictures:
                continue
            surface.blit(_frame_at(pictures, now % total), (round((x - cx) * z), round((y - cy) * z)))

    def draw_walker(self, surface: pygame.Surface, walker: Walker, cx: float, cy: float) -> None:
        res = self.ctx.resources
        if not res.exists("image", f"sprites/{walker.sprite}"):
            pygame.draw.circle(surface, (255, 194, 122), (round((walker.x - cx) * self.zoom()),
                                                          round((walker.y - 12 - cy) * self.zoom())), 10)
            return
        sheet = res.image("image", f"sprites/{walker.sprite}")
        column = int(walker.phase) % 4 if walker.moving else 0
        row = DIRECTIONS.get(walker.facing, 0)
        frame = sheet.subsurface((column * FRAME_W, row * FRAME_H, FRAME_W, FRAME_H))
        z = self.zoom()
        scaled = pygame.transform.scale(frame, (round(FRAME_W * z), round(FRAME_H * z)))
        surface.blit(scaled, (round((walker.x - FRAME_W / 2 - cx) * z), round((walker.y - FRAME_H - cy) * z)))

    def draw_prompt(self, surface: pygame.Surface, cx: float, cy: float) -> None:
        target = self.in_front()
        if target is None:
            return
        view, res = self.ctx.view, self.ctx.resources
        name = target.hotspot.label.get(self.ctx.language)
        label = res.text(f"Enter ·  {name}", view.px(MAP_PROMPT_FONT_SIZE), TEXT)
        z = self.zoom()
        h = target.hotspot
        anchor = (round((h.x + h.width / 2 - cx) * z), round((h.y - cy) * z) - view.px(16))
        box = label.get_rect(midbottom=anchor).inflate(view.px(20), view.px(10))
        surface.blit(panel(self.ctx, box.size, 220), box)
        surface.blit(label, label.get_rect(center=box.center))

    def draw_hud(self, surface: pygame.Surface) -> None:
        view, res = self.ctx.view, self.ctx.resources
        title = tr("map_title", self.ctx.language)
        label = res.text(title, view.px(20), TEXT_DIM)
        box = label.get_rect(topleft=view.point(28, 22)).inflate(view.px(24), view.px(12))
        surface.blit(panel(self.ctx, box.size, 190), box)
        surface.blit(label, label.get_rect(center=box.center))

    def draw_error(self, surface: pygame.Surface) -> None:
        view, res = self.ctx.view, self.ctx.resources
        surface.fill((30, 10, 16))
        surface.blit(res.text(self.error or "", view.px(18), (255, 220, 220)), view.point(40, HEIGHT / 2))


def _frame_at(pictures: list[tuple[pygame.Surface, int]], t: int) -> pygame.Surface:
    """The frame of an animation shown ``t`` milliseconds into its cycle."""
    for picture, duration in pictures:
        if t < duration:
            return picture
        t -= duration
    return pictures[-1][0]
