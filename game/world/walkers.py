"""Walking on a map: walkers, what they bump into (the map's blocked tiles and the NPCs), paths.

Pure geometry in map pixels, no pygame, so the rules are tested without a window.
A walker's position is its feet; it collides with a small box at the feet
(``FEET``).  An NPC stands on the ground as a body (``NPC_BODY``), deeper than
wide because the view is top-down 3/4: the player can pass behind an NPC or in
front of it, never stand on it.  Paths are found on the tile grid (four
directions, breadth first) over the tiles where a walker's feet fit, so a path
never leads into a wall or an NPC; the walker then walks from tile centre to
tile centre.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Protocol

SPEED = 110.0  # map pixels a second
FEET = (18, 10)  # the player's collision box at the feet: width, height (above the feet point)
NPC_BODY = (24, 16, 8)  # an NPC's box: width, how far it reaches above the feet and below them
STEP = {"down": (0, 1), "up": (0, -1), "left": (-1, 0), "right": (1, 0)}
STAND = 0.8  # where in a tile a walker stops on a path: its centre across, this far down
ARRIVED = 1.0  # map pixels from a path's point that count as there
STUCK_AFTER = 0.25  # seconds without moving before a walker following a path gives up
MAX_SEARCH = 10_000  # tiles a path search may visit (a click on a huge map costs a bounded moment, ~0.1 s)

Cell = tuple[int, int]


class Grid(Protocol):
    """What walking needs of a map: its size and where it is blocked (``collision[y][x]``)."""

    @property
    def width(self) -> int: ...
    @property
    def height(self) -> int: ...
    @property
    def tile_width(self) -> int: ...
    @property
    def tile_height(self) -> int: ...
    @property
    def collision(self) -> Sequence[bytes]: ...


@dataclass
class Walker:
    """A sprite on the map: feet position in map pixels, facing, walk cycle."""

    sprite: str
    x: float
    y: float
    facing: str = "down"
    phase: float = 0.0
    moving: bool = False


@dataclass(frozen=True)
class Box:
    left: float
    top: float
    right: float
    bottom: float

    def overlaps(self, other: Box) -> bool:
        return self.left < other.right and other.left < self.right and self.top < other.bottom and other.top < self.bottom


def feet_box(x: float, y: float) -> Box:
    w, h = FEET
    return Box(x - w / 2, y - h, x + w / 2, y)


def npc_box(npc: Walker) -> Box:
    w, up, down = NPC_BODY
    return Box(npc.x - w / 2, npc.y - up, npc.x + w / 2, npc.y + down)


def facing_towards(dx: float, dy: float, current: str = "down") -> str:
    """The direction of the larger part of ``(dx, dy)``; ``current`` when it is nothing."""
    if dx == 0 and dy == 0:
        return current
    if abs(dx) > abs(dy):
        return "right" if dx > 0 else "left"
    return "down" if dy > 0 else "up"


class Ground:
    """Where walkers may stand on one map: its blocked tiles and the NPCs' bodies."""

    def __init__(self, grid: Grid, npcs: Iterable[Walker] = ()) -> None:
        self.grid = grid
        self.npcs = list(npcs)

    def cell_of(self, x: float, y: float) -> Cell:
        """The tile a walker's feet are on (the middle of its feet box)."""
        return int(x // self.grid.tile_width), int((y - FEET[1] / 2) // self.grid.tile_height)

    def stand_point(self, cell: Cell) -> tuple[float, float]:
        """Where a walker stops on a tile of a path."""
        return (cell[0] + 0.5) * self.grid.tile_width, (cell[1] + STAND) * self.grid.tile_height

    def wall_at(self, x: float, y: float) -> bool:
        """Whether feet at ``(x, y)`` touch a blocked tile or leave the map."""
        g = self.grid
        box = feet_box(x, y)
        for px, py in ((box.left, box.top), (box.right, box.top), (box.left, box.bottom - 1), (box.right, box.bottom - 1)):
            cx, cy = int(px // g.tile_width), int(py // g.tile_height)
            if px < 0 or py < 0 or not (0 <= cx < g.width and 0 <= cy < g.height) or g.collision[cy][cx]:
                return True
        return False

    def npc_at(self, x: float, y: float) -> Walker | None:
        """The NPC whose body feet at ``(x, y)`` would stand on, if any."""
        box = feet_box(x, y)
        return next((npc for npc in self.npcs if npc_box(npc).overlaps(box)), None)

    def free(self, x: float, y: float) -> bool:
        return not self.wall_at(x, y) and self.npc_at(x, y) is None

    def allows(self, x: float, y: float, nx: float, ny: float) -> bool:
        """Whether a walker at ``(x, y)`` may step to ``(nx, ny)``.

        Into a wall only from inside one (a badly placed spawn: let them walk out); into an NPC
        only from inside the same NPC, and only away from it (so nobody ends up standing on one).
        """
        if self.wall_at(nx, ny) and not self.wall_at(x, y):
            return False
        npc = self.npc_at(nx, ny)
        if npc is None:
            return True
        if self.npc_at(x, y) is not npc:
            return False
        return (nx - npc.x) ** 2 + (ny - npc.y) ** 2 > (x - npc.x) ** 2 + (y - npc.y) ** 2

    def walkable(self, cell: Cell) -> bool:
        """Whether a path may stop on this tile: a walker fits at its stand point."""
        cx, cy = cell
        if not (0 <= cx < self.grid.width and 0 <= cy < self.grid.height) or self.grid.collision[cy][cx]:
            return False
        return self.free(*self.stand_point(cell))


def move(walker: Walker, dx: float, dy: float, dt: float, ground: Ground, reach: float | None = None) -> bool:
    """Walk ``walker`` in the direction ``(dx, dy)`` for ``dt`` seconds, sliding along what blocks it.

    At most ``reach`` map pixels when given (a path's next point is that far: never overshoot it).
    Turns it to face the direction; returns whether it moved.
    """
    if dx == 0 and dy == 0:
        walker.moving = False
        return False
    walker.facing = facing_towards(dx, dy, walker.facing)
    distance = SPEED * dt if reach is None else min(SPEED * dt, reach)
    step = distance / (dx * dx + dy * dy) ** 0.5
    moved = False
    if dx and ground.allows(walker.x, walker.y, walker.x + dx * step, walker.y):
        walker.x += dx * step
        moved = True
    if dy and ground.allows(walker.x, walker.y, walker.x, walker.y + dy * step):
        walker.y += dy * step
        moved = True
    walker.moving = moved
    if moved:
        walker.phase += dt * 8
    return moved


def find_path(ground: Ground, start: Cell, goals: Iterable[Cell]) -> list[Cell] | None:
    """The shortest walk over tiles from ``start`` to the nearest of ``goals`` (start included); None: none.

    Only tiles where a walker fits are walked (the start always counts); four directions.  A goal
    further than ``MAX_SEARCH`` tiles of searching counts as out of reach.
    """
    wanted = {cell for cell in goals if ground.walkable(cell) or cell == start}
    if not wanted:
        return None
    came: dict[Cell, Cell | None] = {start: None}
    queue = deque([start])
    while queue:
        cell = queue.popleft()
        if cell in wanted:
            path = []
            node: Cell | None = cell
            while node is not None:
                path.append(node)
                node = came[node]
            return path[::-1]
        for ox, oy in ((1, 0), (-1, 0), (0, 1), (0, -1)):
            nxt = (cell[0] + ox, cell[1] + oy)
            if nxt not in came and ground.walkable(nxt):
                came[nxt] = cell
                queue.append(nxt)
        if len(came) > MAX_SEARCH:
            return None
    return None


@dataclass
class Route:
    """A path being walked: the stand points left, and how long the walker has not moved."""

    points: list[tuple[float, float]] = field(default_factory=list)
    still: float = 0.0

    @classmethod
    def along(cls, ground: Ground, cells: list[Cell], x: float, y: float) -> Route:
        """The route over ``cells`` from a walker at ``(x, y)``.

        The first tile is the walker's own: it is skipped when the walker can head for the next
        tile straight away (no tile corner in the way), else the walker first steps to its centre.
        """
        points = [ground.stand_point(cell) for cell in cells]
        if len(points) > 1 and _straight(ground, x, y, points[1]):
            points.pop(0)
        return cls(points)

    def __bool__(self) -> bool:
        return bool(self.points)

    def advance(self, walker: Walker, dt: float, ground: Ground) -> bool:
        """Walk on for ``dt`` seconds; True once the last point is reached (the route is then empty).

        A walker that cannot move for a moment (something came in the way) gives up: the route empties.
        """
        while self.points:
            tx, ty = self.points[0]
            dx, dy = tx - walker.x, ty - walker.y
            if abs(dx) > ARRIVED or abs(dy) > ARRIVED:
                break
            self.points.pop(0)
        if not self.points:
            walker.moving = False
            return True
        if move(walker, dx, dy, dt, ground, reach=(dx * dx + dy * dy) ** 0.5):
            self.still = 0.0
        else:
            self.still += dt
            if self.still >= STUCK_AFTER:
                self.points.clear()
                walker.moving = False
        return False


def _straight(ground: Ground, x: float, y: float, target: tuple[float, float]) -> bool:
    """Whether feet can slide from ``(x, y)`` to ``target`` (both axes, each way round) without a wall."""
    tx, ty = target
    return all(ground.free(px, py) for px, py in ((tx, y), (x, ty), (tx, ty)))
