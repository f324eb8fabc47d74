"""The map screen: the player walks a Tiled map and uses its hotspots to move the story on.

Arrow keys / WASD / the d-pad or left stick walk; Enter / pad A uses the
hotspot the player stands by (``game.world.hotspots``: the checker's rule); a click walks
there over the tile grid, round walls and NPCs (``game.world.walkers``), and uses what
was clicked, facing it.  Hotspots marked ``trigger: touch`` fire when stepped on.
Esc opens the game menu, the wheel / PageUp rolls back to before the map.
Tab steps through the hotspots and Enter then walks to the one picked and uses
it, as a click does: with the accessible tree (``map_access``) a player who
cannot see the map hears where each one lies.

The map is drawn once at its own size and the part in view scaled each frame
(``map_view``); the frame round it, the marks on usable hotspots and the prompt
are ``map_overlay``'s.  A map that cannot be read or drawn is known when the
screen is made: ``tmap`` is then None and ``error`` says why (the play screen
falls back to a list of the hotspots).
"""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING, Any

import pygame

from game.story.presentation import Place
from game.story.runtime import HotspotOption, MapEvent
from game.world.draw import DrawError
from game.world.hotspots import facing_to, hotspot_at, in_front, inside, stand_cells, usable
from game.world.tiled import MapFormatError, TiledMap, load_map
from game.world.walkers import Ground, Route, Walker, facing_towards, find_path, move

from ..access.tree import Node
from ..input import Action, Input
from ..view import HEIGHT
from .base import Screen
from .map_access import map_tree
from .map_overlay import VIEW, Overlay
from .map_view import FRAME_H, MapView

if TYPE_CHECKING:
    from ..context import Context
    from ..ports import MapGame

log = logging.getLogger(__name__)
ZOOM = 2.0  # window pixels per map pixel at 1280x720
ARRIVAL_GRACE = 0.3  # seconds after the map opens during which the action key uses nothing
STICK = 16000  # how far a pad's stick is pushed to walk


class MapWalkScreen(Screen):
    paints_all = True  # the map and its frame cover the whole viewport

    def __init__(self, ctx: Context, game: MapGame) -> None:
        super().__init__(ctx)
        self.game = game
        self.event: MapEvent = game.event
        self.clock = 0.0
        self.route = Route()
        self.pending_use: HotspotOption | None = None  # what a click asked for, used on arrival
        self.moved_since_arrival = False
        self.device = "keyboard"  # what the player last used: the prompt names its button
        self.target: int | None = None  # the hotspot Tab picked (its place in event.hotspots), Enter goes there
        story_root = ctx.story.root if ctx.story is not None else ctx.options.story_root
        self.tmap: TiledMap | None = None
        self.error: str | None = None
        try:
            self.tmap = load_map(story_root / self.event.map.file, root=story_root)
        except MapFormatError as exc:
            self.error = str(exc)  # names the file and line
            log.warning("cannot load the map %s", self.error)
        self.player = self._player()
        self.npcs: dict[str, Walker] = {}
        for obj in self.tmap.objects if self.tmap is not None else ():
            npc = obj.properties.get("npc")
            if isinstance(npc, str) and npc:
                self.npcs[obj.name] = Walker(npc, obj.x + obj.width / 2, obj.y + obj.height,
                                             str(obj.properties.get("facing", "down")))
        self.ground = Ground(self.tmap, self.npcs.values()) if self.tmap is not None else None
        self.overlay = Overlay(ctx)
        self.picture: MapView | None = None
        self._build()  # a map that cannot be drawn is known now: the play screen falls back to its list

    def _player(self) -> Walker:
        # the map names its walker (a sprite sheet images/sprites/<name>); the engine assumes no one
        sprite = str(self.tmap.properties.get("player", "player")) if self.tmap else "player"
        saved = self.game.place()
        if saved is not None:
            return Walker(sprite, saved.x, saved.y, saved.facing)
        sx, sy = self.event.map.objects.get(self.event.spawn, (0.0, 0.0))
        return Walker(sprite, sx + 16, sy + 30, "down")

    def _build(self) -> None:
        if self.tmap is None:
            return
        try:  # the shared drawing code of game.world: one pixel cap for the screen and --render
            self.picture = MapView(self.tmap, skip_objects=set(self.npcs))
        except (MapFormatError, DrawError) as exc:
            self.error = str(exc) if isinstance(exc, MapFormatError) else f"{self.event.map.file}: {exc}"
            log.warning("cannot draw the map %s", self.error)
            self.tmap = None
            self.ground = None

    # --- walking ---

    def walk(self, dx: float, dy: float, dt: float) -> None:
        """Walk the player in a direction for ``dt`` seconds (what the keys and the stick do)."""
        if self.ground is not None and move(self.player, dx, dy, dt, self.ground):
            self.moved_since_arrival = True

    def held_direction(self) -> tuple[float, float]:
        keys = pygame.key.get_pressed()
        dx = (keys[pygame.K_RIGHT] or keys[pygame.K_d]) - (keys[pygame.K_LEFT] or keys[pygame.K_a])
        dy = (keys[pygame.K_DOWN] or keys[pygame.K_s]) - (keys[pygame.K_UP] or keys[pygame.K_w])
        if dx or dy:
            self.device = "keyboard"
            return float(dx), float(dy)
        for pad in self.ctx.pads.values():
            try:
                pdx, pdy = _pad_direction(pad)
            except (pygame.error, AttributeError):
                continue
            if pdx or pdy:
                self.device = "pad"
                return float(pdx), float(pdy)
        return 0.0, 0.0

    def walk_to(self, x: float, y: float, use: HotspotOption | None = None) -> None:
        """Walk over the tiles to the map point ``(x, y)`` (or, with ``use``, to that hotspot, then use it)."""
        ground = self.ground
        self.pending_use, self.route = None, Route()
        if ground is None:
            return
        start = ground.cell_of(self.player.x, self.player.y)
        if use is not None:
            goals = stand_cells(ground, use)
        else:
            cell = (int(x // ground.grid.tile_width), int(y // ground.grid.tile_height))
            # a click on a wall or a table: the tiles beside it
            goals = {cell} if ground.walkable(cell) else {(cell[0] + ox, cell[1] + oy) for ox, oy in
                                                          ((1, 0), (-1, 0), (0, 1), (0, -1))}
        cells = find_path(ground, start, goals)
        if cells is None:
            return  # nowhere to stand: nothing happens, nothing waits to happen later
        self.route = Route.along(ground, cells, self.player.x, self.player.y)
        self.pending_use = use

    # --- hotspots ---

    def in_front(self) -> HotspotOption | None:
        """The interact hotspot the player faces or stands by."""
        if self.ground is None:
            return None
        return in_front(self.ground, self.player, self.event.hotspots)

    def face(self, option: HotspotOption) -> None:
        """Turn the player to the hotspot, and an NPC standing for it to the player."""
        self.player.facing = facing_to(self.player, option.hotspot)
        npc = self.npcs.get(option.hotspot.name)
        if npc is not None:
            npc.facing = facing_towards(self.player.x - npc.x, self.player.y - npc.y, npc.facing)

    def use(self, option: HotspotOption) -> None:
        self.face(option)
        self.game.take(option.index, self.place())

    def go(self, option: HotspotOption) -> None:
        """Use a hotspot, walking to it first if need be (a click on it, Tab and Enter, a screen reader's press)."""
        if self.ground is not None and usable(self.ground, option, self.player):
            self.pending_use, self.route = None, Route()
            self.use(option)
            return
        self.walk_to(option.hotspot.x, option.hotspot.y, option)

    def pick_next(self) -> None:
        """Tab: the next hotspot becomes the target (said by self-voicing, focused for a screen reader)."""
        count = len(self.event.hotspots)
        if count:
            self.target = 0 if self.target is None else (self.target + 1) % count

    def place(self) -> Place:
        return Place(self.player.x, self.player.y, self.player.facing)

    # --- the screen protocol ---

    def handle(self, inp: Input) -> None:
        action = inp.action
        if action != Action.POINT:
            self.device = inp.device
        if action in (Action.BACK, Action.MENU):
            self.game.open_menu(self.place())
        elif action == Action.ROLLBACK:
            self.game.roll_back()
        elif action == Action.CONFIRM:
            if inp.repeat or self.clock < ARRIVAL_GRACE:
                return  # the key that brought the player back here (held, or just pressed) uses nothing
            if self.target is not None and self.target < len(self.event.hotspots):
                self.go(self.event.hotspots[self.target])
                return
            target = self.in_front()
            if target is not None:
                self.use(target)
        elif action == Action.SKIP:
            self.pick_next()
        elif action == Action.CLICK and inp.pos is not None and self.ground is not None:
            self.click(*self.to_map(inp.pos))
        elif action == Action.HISTORY:
            self.game.remember(self.place())
            self.game.open_history()
        elif action == Action.QUICKSAVE:
            self.game.quick_save(self.place())

    def click(self, x: float, y: float) -> None:
        """A click at the map point ``(x, y)``: use what is there (walking to it first), or walk there."""
        option = hotspot_at(self.event.hotspots, x, y, self.npcs)
        if option is not None:
            self.go(option)
        else:
            self.walk_to(x, y)

    def update(self, dt: float) -> None:
        self.clock += dt
        if self.ctx.nav.top is not self or self.ground is None:
            return
        dx, dy = self.held_direction()
        if dx or dy:
            self.route, self.pending_use, self.target = Route(), None, None  # the player takes over
            self.walk(dx, dy, dt)
        elif self.route:
            x, y = self.player.x, self.player.y
            arrived = self.route.advance(self.player, dt, self.ground)
            self.moved_since_arrival |= (x, y) != (self.player.x, self.player.y)
            if arrived and self.pending_use is not None:
                use, self.pending_use = self.pending_use, None
                self.use(use)
                return
            if not self.route:
                self.pending_use = None  # gave up (something came in the way)
        else:
            self.player.moving = False
        if self.moved_since_arrival:
            for option in self.event.hotspots:
                if option.hotspot.trigger == "touch" and inside(option, self.player):
                    self.game.take(option.index, self.place())
                    return

    def animating(self) -> bool:
        return True

    def access(self) -> Node:
        return map_tree(self)

    # --- drawing ---

    def camera(self) -> tuple[float, float]:
        """The map pixel at the view's top-left corner."""
        if self.picture is None:
            return 0.0, 0.0
        self.picture.set_zoom(ZOOM * self.ctx.view.scale)
        rect = self.overlay.view_rect()
        return self.picture.camera((self.player.x, self.player.y - 24), rect.width / self.picture.zoom,
                                   rect.height / self.picture.zoom)

    def to_map(self, pos: tuple[float, float]) -> tuple[float, float]:
        """The map point under a logical screen point."""
        if self.picture is None:
            return pos
        camera = self.camera()
        scale = self.ctx.view.scale
        return self.picture.to_map(self.overlay.view_rect(), camera, pos[0] * scale, pos[1] * scale)

    def draw(self, surface: pygame.Surface) -> None:
        picture = self.picture
        if picture is None or self.tmap is None:
            self.draw_error(surface)
            return
        camera = self.camera()
        rect = self.overlay.view_rect()
        surface.set_clip(rect)
        picture.draw_below(surface, rect, camera)
        now = int(self.clock * 1000)
        picture.draw_animated(surface, rect, camera, False, now)
        for walker in sorted([*self.npcs.values(), self.player], key=lambda w: w.y):
            picture.draw_walker(surface, rect, camera, walker, self.ctx.resources)
        picture.draw_above(surface, rect, camera)
        picture.draw_animated(surface, rect, camera, True, now)
        self.draw_marks(surface, rect, camera)
        surface.set_clip(None)
        self.overlay.draw_frame(surface, self.title(), self.device)

    def draw_marks(self, surface: pygame.Surface, rect: pygame.Rect, camera: tuple[float, float]) -> None:
        assert self.picture is not None
        front = self.in_front()
        for option in self.event.hotspots:
            x, y = self.picture.to_window(rect, camera, *self.anchor(option))
            if option is front:
                self.overlay.draw_prompt(surface, x, y, option.hotspot.label.get(self.ctx.language), self.device)
            else:
                self.overlay.draw_mark(surface, x, y, self.clock, option.index * 1.7)

    def anchor(self, option: HotspotOption) -> tuple[float, float]:
        """The map point a hotspot's mark and prompt stand on: over its NPC's head, its top, or its middle."""
        h = option.hotspot
        npc = self.npcs.get(h.name)
        if npc is not None:
            return npc.x, npc.y - FRAME_H + 4
        if h.trigger == "touch":
            return h.x + h.width / 2, h.y + h.height / 2
        return h.x + h.width / 2, h.y

    def title(self) -> str | None:
        """The place's name from the map (``title.<lang>``), if it has one."""
        if self.tmap is None:
            return None
        props = self.tmap.properties
        found = props.get(f"title.{self.ctx.language}") or props.get("title.en") or props.get("title")
        return str(found) if found else None

    def draw_error(self, surface: pygame.Surface) -> None:
        view, res = self.ctx.view, self.ctx.resources
        surface.fill((30, 10, 16))
        surface.blit(res.text(self.error or "", view.px(18), (255, 220, 220)), view.point(40, HEIGHT / 2))


def _pad_direction(pad: Any) -> tuple[int, int]:
    """Where a pad's left stick or d-pad points, each axis -1, 0 or 1."""
    ax, ay = pad.get_axis(pygame.CONTROLLER_AXIS_LEFTX), pad.get_axis(pygame.CONTROLLER_AXIS_LEFTY)
    dx = 1 if ax > STICK else -1 if ax < -STICK else 0
    dy = 1 if ay > STICK else -1 if ay < -STICK else 0
    dx = dx or pad.get_button(pygame.CONTROLLER_BUTTON_DPAD_RIGHT) - pad.get_button(pygame.CONTROLLER_BUTTON_DPAD_LEFT)
    dy = dy or pad.get_button(pygame.CONTROLLER_BUTTON_DPAD_DOWN) - pad.get_button(pygame.CONTROLLER_BUTTON_DPAD_UP)
    return int(dx), int(dy)


__all__ = ["VIEW", "ZOOM", "MapWalkScreen"]
