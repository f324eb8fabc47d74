"""The history's list of lines as laid out: entries stacked top to bottom, a scroll and a focus.

Pure arithmetic in the list's logical pixels (no pygame): the history screen wraps
the lines into entries, this keeps the newest ones in view with the top one whole,
moves the focus and pages, and finds the entry at a height.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from game.story import model as m


@dataclass
class Entry:
    """One line of the history as laid out."""

    index: int  # the stop's place in the game's history (what jump_to takes)
    line: m.Line
    name: str | None
    color: tuple[int, int, int]
    rows: list[str]
    top: float = 0.0  # logical, from the top of the list
    height: float = 0.0


@dataclass
class BacklogList:
    """Entries in a scrolling area ``height`` tall; ``scroll`` is how far down the list the area starts."""

    height: float
    entries: list[Entry] = field(default_factory=list)
    scroll: float = 0.0
    focus: int = -1

    def total(self) -> float:
        return self.entries[-1].top + self.entries[-1].height if self.entries else 0.0

    def max_scroll(self) -> float:
        return max(0.0, self.total() - self.height)

    def newest_view(self) -> float:
        """The scroll that shows the newest lines with the top entry whole (never cut by the area's edge)."""
        bottom = self.total()
        fitting = [e.top for e in self.entries if bottom - e.top <= self.height]
        return min(fitting) if fitting else self.max_scroll()

    def show_newest(self) -> None:
        """Focus the newest line, scrolled to the bottom."""
        self.focus = len(self.entries) - 1
        self.scroll = self.newest_view()

    def replace(self, entries: list[Entry]) -> None:
        """New entries (wrapped again), kept at the same relative scroll."""
        ratio = self.scroll / max(1.0, self.max_scroll()) if self.entries else 1.0
        self.entries = entries
        self.scroll = ratio * self.max_scroll()

    def clamp(self) -> None:
        self.scroll = min(max(0.0, self.scroll), self.max_scroll())

    def scroll_by(self, amount: float) -> None:
        self.scroll += amount
        self.clamp()

    def reveal(self, index: int) -> None:
        """Scroll so that entry ``index`` is wholly visible."""
        if not 0 <= index < len(self.entries):
            return
        entry = self.entries[index]
        if entry.top < self.scroll:
            self.scroll = entry.top
        elif entry.top + entry.height > self.scroll + self.height:
            self.scroll = entry.top + entry.height - self.height
        self.clamp()

    def offset(self) -> float:
        """Where the list starts in the area: a short history sits at the bottom, by the game's text box."""
        return max(0.0, self.height - self.total())

    def index_at(self, y: float) -> int | None:
        """The entry at ``y`` from the top of the area, if any."""
        at = y - self.offset() + self.scroll
        for i, entry in enumerate(self.entries):
            if entry.top <= at < entry.top + entry.height:
                return i
        return None

    def visible(self) -> range:
        first = next((i for i, e in enumerate(self.entries) if e.top + e.height > self.scroll), len(self.entries))
        last = first
        while last < len(self.entries) and self.entries[last].top < self.scroll + self.height:
            last += 1
        return range(first, last)

    def move(self, step: int) -> bool:
        """Move the focus ``step`` entries, in view; whether it moved."""
        if not self.entries:
            return False
        focus = max(0, min(len(self.entries) - 1, self.focus + step))
        moved = focus != self.focus
        self.focus = focus
        self.reveal(focus)
        return moved

    def page(self, step: int) -> None:
        """A screenful up or down, the focus following to the first / last whole line."""
        self.scroll_by(step * self.height * 0.9)
        whole = [i for i in self.visible()
                 if self.entries[i].top >= self.scroll - 1
                 and self.entries[i].top + self.entries[i].height <= self.scroll + self.height + 1]
        if whole:
            self.focus = whole[0] if step < 0 else whole[-1]
        elif self.visible():
            self.focus = self.visible()[0]
