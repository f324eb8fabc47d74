"""The mouse over a list with a Back button (music room, picture room), through its one handler."""

from __future__ import annotations

from dataclasses import dataclass, field

from game.ui.input import Action, Input
from game.ui.screens.pointer import point_and_pick

BACK = (1000, 60, 130, 38)


@dataclass
class Room:
    focus: int = 0
    hover_back: bool = False
    backs: int = 0
    picked: list[int] = field(default_factory=list)

    def back(self) -> None:
        self.backs += 1

    def item_at(self, pos: tuple[float, float]) -> int | None:
        return int(pos[1] // 100) if pos[0] < 500 else None


def test_pointing_focuses_an_item_and_lights_back() -> None:
    room = Room()
    assert point_and_pick(room, Input(Action.POINT, (100, 250)), BACK, room.item_at, room.picked.append)
    assert room.focus == 2 and not room.hover_back and room.picked == []
    point_and_pick(room, Input(Action.POINT, (1010, 70)), BACK, room.item_at, room.picked.append)
    assert room.hover_back and room.focus == 2


def test_a_click_picks_an_item_or_goes_back_and_other_input_is_left_alone() -> None:
    room = Room()
    point_and_pick(room, Input(Action.CLICK, (100, 150)), BACK, room.item_at, room.picked.append)
    assert room.picked == [1] and room.focus == 1
    point_and_pick(room, Input(Action.CLICK, (1010, 70)), BACK, room.item_at, room.picked.append)
    assert room.backs == 1 and room.picked == [1]
    point_and_pick(room, Input(Action.CLICK, (700, 400)), BACK, room.item_at, room.picked.append)
    assert room.picked == [1] and room.backs == 1  # nothing there
    assert not point_and_pick(room, Input(Action.CONFIRM), BACK, room.item_at, room.picked.append)
