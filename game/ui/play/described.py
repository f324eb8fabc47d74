"""The play screen as the accessible tree describes it: the line (speaker, then text), the captions
on screen, and the options as buttons (or the text box as one button that moves on)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..access.tree import Node, screen
from ..strings import tr

if TYPE_CHECKING:
    from .screen import PlayScreen


def play_tree(play: PlayScreen) -> Node:
    lang = play.ctx.language
    nodes = []
    if play.box.text:
        nodes.append(Node("text", play.box.speaker_name or "", key=f"line.{play.line_serial}",
                          value=play.box.text, live=True))
    for serial, caption in play.captions.shown():
        nodes.append(Node("caption", caption, key=f"caption.{serial}", live=True))
    if play.choices is not None:
        nodes.append(Node("group", tr("choices", lang), key="choices", children=play.choices.access()))
    else:
        nodes.append(Node("button", tr("text_box", lang), key="next", activate=play.advance))
    story = play.controller.story
    title = story.scenes[play.controller.current.state.scene].title.get(lang)
    return screen(title, "play", lang, nodes)
