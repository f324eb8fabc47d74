"""Save and load as the accessible tree describes them: the page tabs, each slot on the page with what its
card says (the scene, when it was saved, the first words; empty; or why it cannot be loaded), the focused one
focused, and "delete this save" and "back".

Self-voicing says "Save" or "Load", then the focused slot ("Slot 7: The Harbour,
saved 7 Dec 2050 21:07. Tomas: There's weather…"); turning the page moves the
focus to a slot of the new page, whose number says where it is.  A screen reader
presses a slot to save or load it (the same questions are asked first: the
confirm dialog is its own screen, described by ``ConfirmScreen``), a tab to turn
to that page, or "delete this save" for the focused slot.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from game.persist import saves
from game.persist.saves import SlotInfo

from ..access.tree import Node, screen
from ..strings import tr

if TYPE_CHECKING:
    from .saveload import SaveLoadScreen


def slot_name(page: SaveLoadScreen, info: SlotInfo) -> str:
    """ "Slot 7", "Quick save", "Autosave 2" (the second newest)."""
    lang = page.ctx.language
    if info.slot == saves.QUICK:
        return tr("ax_quick_slot", lang)
    if info.slot.startswith(saves.AUTOSAVE_PREFIX):
        place = next((i for i, auto in enumerate(page.autosaves) if auto.slot == info.slot), 0)
        return tr("ax_autosave", lang).format(n=place + 1)
    return tr("ax_slot", lang).format(n=info.slot)


def slot_value(page: SaveLoadScreen, info: SlotInfo) -> str:
    """What the slot's card says, as a sentence: the save, "Empty", or why it cannot be loaded."""
    lang = page.ctx.language
    text = page.painter.card_text(info)
    if text.error:
        return text.error.removesuffix(".")  # (", unavailable" follows)
    if text.empty:
        return tr("empty_slot", lang)
    when = " ".join(text.when.split())  # (the card's two spaces before the time are for the eye)
    return tr("ax_saved_at", lang).format(title=text.title, when=when, preview=text.preview).strip()


def saveload_tree(page: SaveLoadScreen) -> Node:
    """The tree of the save / load screen ``page`` (its tabs and the slots of the page shown)."""
    lang = page.ctx.language
    tabs = []
    for name, _rect in page.tabs():
        label = page.tab_label(name)
        tabs.append(Node("button", tr("ax_page", lang).format(n=label) if name.isdigit() else label, key=f"tab.{name}",
                         focused=page.focus < 0 and name == page.page.tab,
                         activate=lambda name=name: page.open_tab(name)))  # type: ignore[misc]
    cards = []
    for i, info in enumerate(page.cards):
        usable = page.mode == "save" or info.data is not None
        cards.append(Node("button", slot_name(page, info), key=f"slot.{info.slot}", value=slot_value(page, info),
                          focused=i == page.focus, disabled=not usable, position=(i + 1, len(page.cards)),
                          activate=lambda i=i: page.activate(i)))  # type: ignore[misc]
    nodes = [Node("group", tr("ax_pages", lang), key="tabs", children=tabs),
             Node("group", tr("ax_slots", lang), key="slots", children=cards),
             Node("button", tr("ax_delete", lang), key="delete", disabled=not page.deletable(page.focus),
                  activate=lambda: page.ask_delete(page.focus)),
             Node("button", tr("back", lang), key="back", activate=page.back)]
    return screen(tr(page.mode, lang), f"saveload.{page.mode}", lang, nodes)
