"""A screen reader's view of the game through AccessKit: the accessible tree on the platform's accessibility API.

AccessKit (``accesskit`` on PyPI, an optional dependency) exposes a tree of
nodes through AT-SPI on Linux, UI Automation on Windows and NSAccessibility on
macOS.  The bridge turns each frame's accessible tree (``tree.Node``) into
AccessKit nodes: the text box as a label with the line as its value, options
and menu items as buttons, settings as spin buttons with their values, the
focused one focused.  AccessKit asks for the first tree and sends actions
(click, focus, increment, decrement) on its own threads; they are queued and
carried out on the game's thread (``pending``), through the same callables the
game's own input uses.

Linux is the platform tested here (from a second process over AT-SPI, as Orca
reads it): its adapter needs no window handle.  On Windows and macOS AccessKit
must subclass the native window; pygame hands its handle over
(``pygame.display.get_wm_info()``), and the adapters are created that way, but
that path is not tested here.
"""

from __future__ import annotations

import logging
import queue
import sys
import threading
from collections.abc import Callable
from typing import Any

from .tree import Node

log = logging.getLogger(__name__)
MAX_IDS = 4096  # node ids remembered (keys of controls seen); past it they are handed out afresh


class ScreenReader:
    """Keeps AccessKit's tree in step with the game's; ``adapter`` is made by ``connect(activation, action)``."""

    def __init__(self, accesskit: Any, connect: Callable[[Callable[[], Any], Callable[[Any], None]], Any]) -> None:
        self.ak = accesskit
        self._lock = threading.Lock()
        self._ids: dict[str, int] = {}
        self._nodes: dict[int, Node] = {}
        self._built: list[tuple[int, Any]] = []
        self._focus = 1
        self._signature: object = None
        self._actions: queue.Queue[tuple[int, str]] = queue.Queue(maxsize=64)
        self.adapter = connect(self._first_tree, self._act)
        self.focused: bool | None = None

    # --- AccessKit's threads ---

    def _first_tree(self) -> Any:
        with self._lock:
            return self._update(full=True)

    def _act(self, request: Any) -> None:
        ak = self.ak  # (AccessKit's actions compare equal but do not hash)
        names = ((ak.Action.CLICK, "click"), (ak.Action.FOCUS, "focus"), (ak.Action.INCREMENT, "up"),
                 (ak.Action.DECREMENT, "down"))
        name = next((word for action, word in names if action == request.action), None)
        if name is not None:
            try:
                self._actions.put_nowait((int(request.target), name))
            except queue.Full:
                log.warning("screen reader: too many actions at once; one was dropped")

    # --- the game's thread ---

    def pending(self) -> list[Callable[[], None]]:
        """What the screen reader asked for since the last frame, as calls to make now."""
        calls: list[Callable[[], None]] = []
        while True:
            try:
                target, name = self._actions.get_nowait()
            except queue.Empty:
                return calls
            with self._lock:
                node = self._nodes.get(target)
            if node is None:
                continue
            if name == "click" and node.activate is not None and not node.disabled:
                calls.append(node.activate)
            elif name in ("up", "down") and node.change is not None:
                step = 1 if name == "up" else -1
                change = node.change
                calls.append(lambda change=change, step=step: change(step))  # type: ignore[misc]

    def window_focus(self, focused: bool) -> None:
        """Tell the reader whether the game's window has the keyboard (focus is only reported then)."""
        if focused != self.focused and hasattr(self.adapter, "update_window_focus_state"):
            self.focused = focused
            try:
                self.adapter.update_window_focus_state(focused)
            except Exception as exc:  # noqa: BLE001 - a failing bridge must never stop the game
                log.warning("screen reader: focus state failed: %s", exc)

    def update(self, tree: Node | None) -> None:
        """Send the tree to the screen reader when it changed (nothing is sent while no reader listens)."""
        root = tree or Node("window", "", key="empty")
        signature = _signature(root)
        if signature == self._signature:
            return
        self._signature = signature
        with self._lock:
            self._build(root)
        try:
            events = self.adapter.update_if_active(self._locked_update)
            if events is not None and hasattr(events, "raise_events"):  # (Windows and macOS queue them)
                events.raise_events()
        except Exception as exc:  # noqa: BLE001 - a failing bridge must never stop the game
            log.warning("screen reader: update failed: %s", exc)

    def _locked_update(self) -> Any:
        with self._lock:
            return self._update(full=True)

    def _id(self, key: str) -> int:
        found = self._ids.get(key)
        if found is None:
            if len(self._ids) >= MAX_IDS:
                self._ids.clear()
            found = self._ids[key] = len(self._ids) + 2  # 1 is the window
        return found

    def _build(self, root: Node) -> None:
        ak = self.ak
        built: list[tuple[int, Any]] = []
        nodes: dict[int, Node] = {}
        focus = 1

        def add(node: Node, node_id: int) -> None:
            nonlocal focus
            children = [(child, self._id(f"{root.key}/{child.key or i}")) for i, child in enumerate(node.children)]
            made = ak.Node(_role(ak, node.role))
            if node.role in ("text", "caption", "notice"):
                # a label's text is all a reader says of it: speaker, then line (AccessKit names a label by its value)
                made.set_label(node.spoken())
                made.set_value(node.spoken())
            else:
                if node.name:
                    made.set_label(node.name)
                if node.value:
                    made.set_value(node.value)
            if node.disabled:
                made.set_disabled()
            if node.live:
                made.set_live(ak.Live.POLITE)
            if node.language:
                made.set_language(node.language)
            if node.activate is not None:
                made.add_action(ak.Action.CLICK)
            if node.activate is not None or node.change is not None:
                made.add_action(ak.Action.FOCUS)
            if node.change is not None:
                made.add_action(ak.Action.INCREMENT)
                made.add_action(ak.Action.DECREMENT)
            if node.position is not None:
                made.set_position_in_set(node.position[0])
                made.set_size_of_set(node.position[1])
            made.set_children([child_id for _, child_id in children])
            built.append((node_id, made))
            nodes[node_id] = node
            if node.focused:
                focus = node_id
            for child, child_id in children:
                add(child, child_id)

        add(root, 1)
        self._built, self._nodes, self._focus = built, nodes, focus

    def _update(self, full: bool) -> Any:
        update = self.ak.TreeUpdate(self._focus)
        if full:
            tree = self.ak.Tree(1)
            tree.toolkit_name = "Lost in Starlight"
            update.tree = tree
        for pair in self._built:
            update.nodes.append(pair)
        return update

    def close(self) -> None:
        self.adapter = _Closed()


class _Closed:
    def update_if_active(self, factory: Callable[[], Any]) -> None:
        pass


def _role(ak: Any, role: str) -> Any:
    roles = {"window": ak.Role.WINDOW, "text": ak.Role.LABEL, "button": ak.Role.BUTTON, "option": ak.Role.BUTTON,
             "setting": ak.Role.SPIN_BUTTON, "slider": ak.Role.SLIDER, "group": ak.Role.GROUP,
             "caption": ak.Role.STATUS, "notice": ak.Role.STATUS}
    return roles.get(role, ak.Role.GENERIC_CONTAINER)


def _signature(node: Node) -> tuple[object, ...]:
    return (node.key, node.role, node.name, node.value, node.focused, node.disabled,
            tuple(_signature(child) for child in node.children))


def open_screen_reader() -> ScreenReader | None:
    """The AccessKit bridge for this platform, or None (no accesskit installed, or no adapter here; logged)."""
    try:
        import accesskit
    except ImportError:
        log.info("screen reader view: accesskit is not installed")
        return None
    try:
        if sys.platform.startswith(("linux", "freebsd", "openbsd", "netbsd")):
            return ScreenReader(accesskit, lambda first, act: accesskit.unix.Adapter(first, act, lambda: None))
        import pygame

        window = pygame.display.get_wm_info().get("window")
        if sys.platform == "win32":  # pragma: no cover - not testable on this machine
            return ScreenReader(accesskit, lambda first, act: accesskit.windows.SubclassingAdapter(window, first, act))
        if sys.platform == "darwin":  # pragma: no cover - not testable on this machine
            return ScreenReader(accesskit, lambda first, act:
                                accesskit.macos.SubclassingAdapter.for_window(window, first, act))
    except Exception as exc:  # noqa: BLE001 - the game runs on without the view; the log says why
        log.warning("screen reader view unavailable: %s", exc)
        return None
    log.info("screen reader view: no AccessKit adapter for %s", sys.platform)
    return None
