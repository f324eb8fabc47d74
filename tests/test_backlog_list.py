"""The history's list arithmetic, without a window: whole entries at the top, paging, hits."""

from __future__ import annotations

from game.story import model as m
from game.story.problems import Pos
from game.ui.screens.backlog_list import BacklogList, Entry


def stacked(heights: list[float], gap: float = 4.0) -> list[Entry]:
    entries, top = [], 0.0
    for i, height in enumerate(heights):
        line = m.Line(Pos("s.yaml", i + 1, 1), None, m.NARRATOR, None, m.Text((("en", f"line {i}"),)))
        entries.append(Entry(i, line, None, (255, 255, 255), [f"line {i}"], top, height))
        top += height + gap
    return entries


def test_the_newest_view_never_cuts_the_top_entry() -> None:
    backlog = BacklogList(100.0, stacked([40.0] * 10))
    backlog.show_newest()
    first = backlog.entries[backlog.visible()[0]]
    assert first.top >= backlog.scroll
    assert backlog.focus == 9 and backlog.entries[9].top + 40.0 <= backlog.scroll + 100.0


def test_a_short_history_sits_at_the_bottom_and_is_hit_there() -> None:
    backlog = BacklogList(100.0, stacked([30.0]))
    assert backlog.offset() == 70.0
    assert backlog.index_at(10.0) is None and backlog.index_at(80.0) == 0


def test_paging_up_focuses_the_first_whole_line_and_stops_at_the_top() -> None:
    backlog = BacklogList(100.0, stacked([40.0] * 10))
    backlog.show_newest()
    for _ in range(20):
        backlog.page(-1)
    assert backlog.scroll == 0.0 and backlog.focus == 0
    assert not backlog.move(-1) and backlog.move(1) and backlog.focus == 1
