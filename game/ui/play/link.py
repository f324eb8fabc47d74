"""The narrow door through which screens opened from a game reach it (see ``game.ui.ports``).

Every call goes to the play controller, or asks the play screen to show what
the controller answered.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from game.persist.progress import Passage
from game.persist.saves import SaveData
from game.story import model as m
from game.story.presentation import Place
from game.story.runtime import MapEvent

from ..ports import FlowchartGame, HistoryGame, SaveGame

if TYPE_CHECKING:
    from .screen import PlayScreen


class GameLink:
    """One game's door for the screens it opens (satisfies every Protocol above)."""

    def __init__(self, play: PlayScreen) -> None:
        self._play = play

    # --- menu ---

    def scene_title(self, lang: str) -> str:
        controller = self._play.controller
        return controller.story.scenes[controller.current.state.scene].title.get(lang)

    def save_link(self) -> SaveGame:
        return self

    def history_link(self) -> HistoryGame:
        return self

    def flowchart_link(self) -> FlowchartGame:
        return self

    # --- saves ---

    @property
    def in_progress(self) -> bool:
        return True

    def make_save(self, slot: str) -> SaveData:
        return self._play.saves.make_save(slot, self._play.game_picture())

    def load(self, data: SaveData) -> None:
        self._play.load(data)

    # --- history ---

    @property
    def story(self) -> m.Story:
        return self._play.controller.story

    def lines(self) -> list[tuple[int, m.Line]]:
        return [(index, checkpoint.event) for index, checkpoint in self._play.controller.session.lines_so_far()
                if isinstance(checkpoint.event, m.Line)]

    def jump_to(self, index: int) -> None:
        self._play.jump_to(index)

    def return_to_game(self) -> None:
        self._play.return_to_game()

    def last_choice(self) -> int | None:
        return self._play.controller.last_choice()

    # --- flowchart ---

    def current_node(self) -> str | None:
        return self._play.controller.current_node()

    def warp(self, passage: Passage) -> None:
        self._play.warp_to(passage)

    # --- maps ---

    @property
    def event(self) -> MapEvent:
        event = self._play.controller.current.event
        if not isinstance(event, MapEvent):
            raise RuntimeError("a map screen is open while the story is not at a map")
        return event

    def place(self) -> Place | None:
        return self._play.controller.map_place()

    def remember(self, place: Place) -> None:
        self._play.controller.remember_place(place)

    def take(self, index: int, place: Place) -> None:
        self._play.take_hotspot(index, place)

    def open_menu(self, place: Place) -> None:
        self.remember(place)
        self._play.open_menu()

    def open_history(self) -> None:
        self._play.open_history()

    def roll_back(self) -> None:
        self._play.leave_map_back()

    def quick_save(self, place: Place) -> None:
        self.remember(place)
        self._play.saves.quick_save()
