"""The accessible tree: one small description of what a screen shows, for speech and for screen readers.

Each screen returns its tree from ``Screen.access()``: the text box, options as
buttons, menus and settings as controls with names, values and focus, and what
activating each one does.  The self-voicing announcer (``announcer.py``) and
the AccessKit bridge (``screen_reader.py``) both read this one description, so
what is spoken and what a screen reader sees can never disagree.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass, field

# The roles a node may have (the AccessKit bridge maps each to a platform role).
ROLES = ("window", "text", "button", "option", "setting", "slider", "group", "caption", "notice")


@dataclass
class Node:
    """One thing on screen.  ``key`` names it within its screen (stable while the screen stays)."""

    role: str
    name: str
    key: str = ""
    value: str = ""  # a setting's value, a line's text
    focused: bool = False
    disabled: bool = False
    live: bool = False  # the player should hear it when it changes (the line, a caption)
    position: tuple[int, int] | None = None  # (i, n): the i-th (from 1) of n options
    activate: Callable[[], None] | None = None  # what "press" does (an option, a button)
    change: Callable[[int], None] | None = None  # a setting: one step down (-1) or up (+1)
    children: list[Node] = field(default_factory=list)
    language: str = ""  # the root's: the language the screen is in

    def walk(self) -> Iterator[Node]:
        """This node and every node under it, depth first."""
        yield self
        for child in self.children:
            yield from child.walk()

    def focus(self) -> Node | None:
        """The focused node, if any."""
        return next((node for node in self.walk() if node.focused), None)

    def find(self, key: str) -> Node | None:
        return next((node for node in self.walk() if node.key == key), None)

    def spoken(self) -> str:
        """What self-voicing says for this node: its name, then its value (a line: speaker, then text)."""
        parts = [part for part in (self.name, self.value) if part]
        return ": ".join(parts)


def screen(name: str, key: str, language: str, children: list[Node]) -> Node:
    """The root of a screen's tree."""
    return Node("window", name, key=key, children=children, language=language)


def buttons(labels: list[tuple[str, Callable[[], None], bool]], focus: int, key: str, role: str = "button") -> list[Node]:
    """Nodes for a list of (label, action, enabled) buttons, the ``focus``-th focused."""
    count = len(labels)
    return [Node(role, label, key=f"{key}.{i}", focused=i == focus, disabled=not enabled,
                 position=(i + 1, count) if role == "option" else None, activate=action)
            for i, (label, action, enabled) in enumerate(labels)]
