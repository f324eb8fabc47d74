"""The history as the accessible tree describes it: how many lines, the search and the speaker filter, every
line (speaker, then text) as a button that goes back to it, the focused one focused.

Self-voicing says "History", how to use it (once), how many lines there are and
which filter holds them, then the focused line; moving says each line reached.
While the search field has the keys, the status says the words typed and how many
lines hold them ("Search: lamp, 2 of 14 lines") as each key is typed, and the
arrows still read the lines found (the field keeps the keys as a combo box does).
A screen reader presses a line to go back to it, changes the speaker filter
(increment / decrement), presses "back to the last choice" or "back".
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from game.story import model as m

from ..access.tree import Node, screen
from ..input import Action, Bindings
from ..strings import tr

if TYPE_CHECKING:
    from .history import HistoryScreen


def count(shown: int, total: int, lang: str) -> str:
    """ "14 lines", "1 line", "2 of 14 lines"."""
    if shown != total:
        return tr("ax_lines_of", lang).format(n=shown, total=total)
    return tr("ax_line_one", lang) if shown == 1 else tr("ax_lines", lang).format(n=shown)


def status(history: HistoryScreen) -> str:
    """What the list holds now: the count and the filters, or the search as it is typed."""
    lang = history.ctx.language
    shown, total = len(history.backlog.entries), len(history.lines)
    if not total:
        return tr("history_empty", lang)
    how_many = count(shown, total, lang) if shown else tr("search_none", lang)
    if history.typing:
        return f"{tr('search', lang)}: {history.query or tr('search_prompt', lang)}, {how_many}"
    parts = [how_many]
    if history.speaker is not None:
        parts.append(tr("ax_speaker_is", lang).format(name=history.speaker_label()))
    if history.query:
        parts.append(tr("ax_search_is", lang).format(query=history.query))
    return ", ".join(parts)


def help_text(history: HistoryScreen) -> str:
    """How to use the history, naming the keys the player has bound (the first of each) for the filter and
    "back to the last choice"."""
    lang, settings = history.ctx.language, history.ctx.settings
    keys = Bindings(settings.key_bindings, settings.pad_bindings).keys

    def key(action: Action) -> str:
        names = keys.get(action, [])
        return names[0].title() if names else tr("unbound", lang)

    return tr("ax_history_help", lang).format(speaker=key(Action.AUTO), last=key(Action.LAST_CHOICE))


def history_tree(history: HistoryScreen) -> Node:
    """The tree of the history screen (a node per line kept by the search and the filter)."""
    lang = history.ctx.language
    entries = history.backlog.entries
    newest = history.lines[-1][0] if history.lines else None
    lines = []
    for i, entry in enumerate(entries):
        name = entry.name or ("" if entry.line.speaker == m.NARRATOR else entry.line.speaker)
        text = entry.line.text.get(lang)
        if entry.index == newest:
            text = f"{text} ({tr('ax_now', lang)})"  # the line on screen in the game now
        # narration is named by its text (a button a screen reader names by nothing would be read as "button")
        lines.append(Node("button", name or text, key=f"line.{entry.index}", value=text if name else "",
                          focused=i == history.backlog.focus,
                          position=(i + 1, len(entries)),
                          activate=lambda i=i: history.jump(i)))  # type: ignore[misc]
    nodes = [
        Node("text", help_text(history), key="help", live=True),  # said once, on opening
        Node("notice", status(history), key="status", live=True),
        Node("field", tr("search", lang), key="search", value=history.query, activate=history.start_typing),
        Node("setting", tr("ax_speaker", lang), key="speaker", value=history.speaker_label(),
             change=lambda _step: history.cycle_speaker()),
        Node("button", tr("back_to_choice", lang), key="last_choice", activate=history.back_to_last_choice),
        Node("group", tr("history", lang), key="lines", children=lines),
        Node("button", tr("back", lang), key="back", activate=history.back),
    ]
    return screen(tr("history", lang), "history", lang, nodes)
