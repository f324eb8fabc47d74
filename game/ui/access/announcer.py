"""What self-voicing says, worked out from the accessible tree frame by frame.

The announcer compares each frame's tree with the last one: a new screen is
announced by its name, then its live texts (the line: speaker, then text) and
its focused control; on the same screen, a changed live text, a moved focus or
a changed value is said.  New notices follow.  Nothing here speaks: it returns
the texts, and whether they should cut off what is being said (they do when
the player acted this frame: interrupt on advance).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from ..strings import tr
from .tree import Node

MAX_REMEMBERED = 256  # live texts remembered per screen (a history of hundreds of lines stays bounded)


def describe(node: Node, lang: str) -> str:
    """A control as it is said: "Text speed: 45 characters/s", "Option 2 of 3: Go.", "Load, unavailable"."""
    text = node.spoken()
    if node.position is not None and node.role == "option":
        text = tr("option_of", lang).format(i=node.position[0], n=node.position[1]) + ": " + text
    if node.disabled:
        text = f"{text}, {tr('unavailable', lang)}"
    return text


@dataclass
class Announcer:
    """Remembers what was said of the last tree; ``frame`` gives what to say of the next."""

    screen_key: str | None = None
    focus_said: tuple[str, str] | None = None  # (key, description) of the focused control last said
    live_said: dict[str, str] = field(default_factory=dict)  # live node key -> its text last said
    last: list[str] = field(default_factory=list)  # the last texts said, for "speak again"

    def frame(self, tree: Node | None, notices: list[str]) -> list[str]:
        """The texts to say for this frame's ``tree`` and the ``notices`` new since the last frame."""
        said: list[str] = []
        if tree is not None:
            lang = tree.language
            if tree.key != self.screen_key:
                self.screen_key = tree.key
                self.live_said = {}
                self.focus_said = None
                if tree.name:
                    said.append(tree.name)
            for node in tree.walk():
                if node.live and node.spoken() and self.live_said.get(node.key) != node.spoken():
                    if len(self.live_said) >= MAX_REMEMBERED:
                        self.live_said.clear()
                    self.live_said[node.key] = node.spoken()
                    said.append(node.spoken())
            focus = tree.focus()
            if focus is not None:
                described = (focus.key, describe(focus, lang))
                if described != self.focus_said:
                    # the same control with a new value: only the value is news
                    value_only = self.focus_said is not None and self.focus_said[0] == focus.key and focus.value
                    said.append(focus.value if value_only else described[1])
                    self.focus_said = described
        said.extend(notices)
        if said:
            self.last = said
        return said

    def again(self) -> list[str]:
        """What was said last, to say it once more."""
        return list(self.last)
