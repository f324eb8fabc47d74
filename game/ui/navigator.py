"""The screen stack, and the one API that changes it: push, pop, replace, home.

Only the navigator edits the stack.  A screen is told when it is placed
(``enter``), covered by another (``pause``), uncovered again (``resume``) and
removed (``leave``), so a screen never pushes another while it is being built:
what it opens, it opens in ``enter``, once it stands on the stack.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import TYPE_CHECKING, TypeVar

if TYPE_CHECKING:
    from .screens.base import Screen

S = TypeVar("S", bound="Screen")


class Navigator:
    """The stack of screens; ``home`` makes the screen that "back to the title" goes to."""

    def __init__(self, home: Callable[[], Screen] | None = None) -> None:
        self._stack: list[Screen] = []
        self._home = home

    # --- reading ---

    @property
    def top(self) -> Screen | None:
        return self._stack[-1] if self._stack else None

    def __iter__(self) -> Iterator[Screen]:
        return iter(tuple(self._stack))

    def __len__(self) -> int:
        return len(self._stack)

    def __contains__(self, screen: object) -> bool:
        return screen in self._stack

    def below(self, screen: Screen) -> list[Screen]:
        """The screens under ``screen`` (all of them if it is not on the stack), bottom first."""
        return self._stack[:self._stack.index(screen)] if screen in self._stack else list(self._stack)

    def find(self, kind: type[S]) -> S | None:
        """The topmost screen of class ``kind``, if any."""
        return next((s for s in reversed(self._stack) if isinstance(s, kind)), None)

    def visible(self, up_to: Screen | None = None) -> list[Screen]:
        """The screens to draw, bottom first: from the topmost opaque one up (to ``up_to`` only, if given)."""
        stack = self._stack[:self._stack.index(up_to) + 1] if up_to in self._stack else self._stack
        first = max((i for i, s in enumerate(stack) if s.opaque), default=0)
        return stack[first:]

    # --- changing ---

    def push(self, screen: Screen) -> None:
        if self._stack:
            self._stack[-1].pause()
        self._stack.append(screen)
        screen.enter()

    def pop(self) -> None:
        """Close the top screen and uncover the one below."""
        if not self._stack:
            return
        self._stack.pop().leave()
        if self._stack:
            self._stack[-1].resume()

    def pop_to(self, screen: Screen) -> None:
        """Close every screen above ``screen`` (nothing if it is not on the stack)."""
        if screen not in self._stack:
            return
        while self._stack and self._stack[-1] is not screen:
            self._stack.pop().leave()
        screen.resume()

    def replace_all(self, screen: Screen) -> None:
        """Make ``screen`` the only screen (a new game, a loaded save, back to the title)."""
        while self._stack:
            self._stack.pop().leave()
        self._stack.append(screen)
        screen.enter()

    def home(self) -> None:
        """Back to the title screen (or close everything when there is no home)."""
        if self._home is None:
            while self._stack:
                self._stack.pop().leave()
            return
        self.replace_all(self._home())

    def language_changed(self) -> None:
        """Tell every screen the player switched language (the game re-shows its line at once)."""
        for screen in tuple(self._stack):
            screen.language_changed()

    def guarded(self) -> bool:
        """True when some screen holds a game that quitting would leave (so quitting asks first)."""
        return any(screen.guards_quit for screen in self._stack)
