"""The flowchart's camera: where the view looks on the chart, how far in, and its easing.

Pure arithmetic on logical coordinates (no pygame): the chart is measured in
chart units, the view is ``AREA`` of the 1280x720 logical screen, and a zoom
level says how many logical pixels a chart unit is.  The screen asks the
camera where things are; the camera never draws.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..view import HEIGHT, WIDTH

ZOOMS = (0.4, 0.55, 0.75, 1.0, 1.3)
START_ZOOM = 3
HEAD, FOOT = 76, 124
AREA = (0, HEAD, WIDTH, HEIGHT - HEAD - FOOT)  # where the chart shows, logical
EASE = 10.0  # the camera closes this share of the way to its target per second (times dt)


def in_area(pos: tuple[float, float]) -> bool:
    """Whether a logical point is inside the chart's view."""
    x, y = pos
    return AREA[0] <= x < AREA[0] + AREA[2] and AREA[1] <= y < AREA[1] + AREA[3]


@dataclass
class Camera:
    """The view's centre (``cx``, ``cy``, chart units) on a chart of ``width`` x ``height``."""

    width: float
    height: float
    zoom_index: int = START_ZOOM
    cx: float = 0.0
    cy: float = 0.0
    target: tuple[float, float] | None = None  # where the view is easing to

    @property
    def zoom(self) -> float:
        return ZOOMS[self.zoom_index]

    def to_area(self, x: float, y: float) -> tuple[float, float]:
        """A chart point in logical screen coordinates."""
        return (AREA[0] + AREA[2] / 2 + (x - self.cx) * self.zoom, AREA[1] + AREA[3] / 2 + (y - self.cy) * self.zoom)

    def to_chart(self, x: float, y: float) -> tuple[float, float]:
        """A logical screen point on the chart."""
        return (self.cx + (x - AREA[0] - AREA[2] / 2) / self.zoom, self.cy + (y - AREA[1] - AREA[3] / 2) / self.zoom)

    def clamp(self) -> None:
        """Keep the chart in view: centred when it is smaller than the view, else no emptiness past its edges."""
        half_w, half_h = AREA[2] / 2 / self.zoom, AREA[3] / 2 / self.zoom
        self.cx = self.width / 2 if self.width <= 2 * half_w else min(max(self.cx, half_w), self.width - half_w)
        self.cy = self.height / 2 if self.height <= 2 * half_h else min(max(self.cy, half_h), self.height - half_h)

    def zoom_by(self, step: int, at: tuple[float, float] | None = None) -> None:
        """One zoom level in (``step`` 1) or out (-1), keeping the point under ``at`` (logical) in place."""
        index = max(0, min(len(ZOOMS) - 1, self.zoom_index + step))
        if index == self.zoom_index:
            return
        anchor = at if at is not None and in_area(at) else None
        before = self.to_chart(*anchor) if anchor is not None else None
        self.zoom_index = index
        if anchor is not None and before is not None:
            after = self.to_chart(*anchor)
            self.cx += before[0] - after[0]
            self.cy += before[1] - after[1]
        self.target = None
        self.clamp()

    def pan(self, dx: float, dy: float) -> None:
        """Move the view by logical pixels (a drag)."""
        self.cx -= dx / self.zoom
        self.cy -= dy / self.zoom
        self.target = None
        self.clamp()

    def look_at(self, x: float, y: float) -> None:
        """Centre the view on a chart point at once (as far as the chart's edges let it)."""
        self.cx, self.cy = x, y
        self.target = None
        self.clamp()

    def ease_to(self, x: float, y: float) -> None:
        """Ease the view towards a chart point (as far as the chart's edges let it)."""
        here = (self.cx, self.cy)
        self.cx, self.cy = x, y
        self.clamp()
        self.target = (self.cx, self.cy)
        self.cx, self.cy = here

    def update(self, dt: float) -> None:
        if self.target is None:
            return
        share = min(1.0, EASE * dt)
        self.cx += (self.target[0] - self.cx) * share
        self.cy += (self.target[1] - self.cy) * share
        if abs(self.target[0] - self.cx) < 0.5 and abs(self.target[1] - self.cy) < 0.5:
            self.cx, self.cy = self.target
            self.target = None

    def visible_box(self) -> tuple[float, float, float, float]:
        """(left, top, right, bottom) of the chart in view, in chart units."""
        left, top = self.to_chart(AREA[0], AREA[1])
        right, bottom = self.to_chart(AREA[0] + AREA[2], AREA[1] + AREA[3])
        return left, top, right, bottom

    def pixels(self, scale: float) -> tuple[float, float, float]:
        """(factor, x offset, y offset): a chart point in viewport pixels is point * factor + offset."""
        zoom = self.zoom
        return (zoom * scale, (AREA[0] + AREA[2] / 2 - self.cx * zoom) * scale,
                (AREA[1] + AREA[3] / 2 - self.cy * zoom) * scale)
