"""The play screen's input: what each action does in the game, and the quick menu's buttons.

Kept beside the screen (``screen.py``) so that reading it shows every key's effect in one place;
the actions themselves are the screen's and its controller's.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..input import Action, Input
from ..screens.saveload import SaveLoadScreen
from ..screens.settings import SettingsScreen

if TYPE_CHECKING:
    from .screen import PlayScreen


def handle_input(play: PlayScreen, inp: Input) -> None:
    """What a key, button or click does in the game (the quick menu and the options have it first)."""
    action = inp.action
    if play.hidden:
        if action in (Action.CONFIRM, Action.CLICK, Action.HIDE_UI, Action.BACK):
            play.hidden = False
        return
    if play.quick.handle(inp):
        return
    if play.choices is not None and play.choices.handle(inp):
        return
    controller = play.controller
    if action in (Action.CONFIRM, Action.CLICK):
        if controller.skipping:
            controller.stop_skipping()
        elif play.choices is None:
            play.advance()
    elif action == Action.ROLLBACK:
        play.roll_back()
    elif action == Action.ROLLFORWARD:
        play.roll_forward()
    elif inp.repeat:
        return  # held keys repeat: nothing below may act twice (toggles, saves, loads)
    elif action == Action.SKIP:
        controller.toggle_skip()
    elif action == Action.AUTO:
        controller.toggle_auto()
    elif action == Action.HISTORY:
        play.open_history()
    elif action == Action.HIDE_UI:
        play.hidden = True
    elif action in (Action.BACK, Action.MENU):
        play.open_menu()
    elif action == Action.QUICKSAVE:
        play.saves.quick_save()
    elif action == Action.QUICKLOAD:
        play.saves.ask_quick_load()
    elif action == Action.RELOAD:
        play.reload()
    elif action == Action.LAST_CHOICE:
        play.back_to_last_choice()
    elif action == Action.NEXT_CHOICE:
        play.skip_to_choice()

def quick_action(play: PlayScreen, key: str) -> None:
    """A button of the quick menu under the text box."""
    if key == "history":
        play.open_history()
    elif key == "last_choice":
        play.back_to_last_choice()
    elif key == "next_choice":
        play.skip_to_choice()
    elif key == "skip":
        play.controller.toggle_skip()
    elif key == "auto":
        play.controller.toggle_auto()
    elif key in ("save", "load"):
        play.ctx.nav.push(SaveLoadScreen(play.ctx, key, play.link))  # type: ignore[arg-type]
    elif key == "qsave":
        play.saves.quick_save()
    elif key == "qload":
        play.saves.ask_quick_load()
    elif key == "settings":
        play.ctx.nav.push(SettingsScreen(play.ctx))
