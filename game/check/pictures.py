"""Event pictures (CGs): the backgrounds named ``cg/<name>``, and the order the story first shows them in.

The gallery lists them in the story's order, not by file name: scenes as play
first reaches them from the story's start (each scene's steps in order, its
``goto`` / ``call`` targets and its maps' hotspots queued as they come), then
any scene nothing leads to, in the story's own order.  What counts as *seen* is
decided by the play layer (``game.play.chronicle``); ``check`` warns of pictures no scene shows.
"""

from __future__ import annotations

import os
from collections import deque
from typing import TypeGuard

from game.story import model as m
from game.story.assets import KINDS, AssetError, AssetIndex

PREFIX = "cg/"


def is_event_picture(background: str | None) -> TypeGuard[str]:
    """Whether the background ``background`` (a name as ``bg:`` gives it) is an event picture."""
    return background is not None and background.startswith(PREFIX) and len(background) > len(PREFIX)


def _targets(story: m.Story, op: m.Op) -> list[int]:
    """The scenes ``op`` can lead to (a jump, a call, a map's hotspots), in the order they are written."""
    if isinstance(op, (m.Goto, m.Call)):
        return [op.target.scene]
    if isinstance(op, m.MapStep) and op.map in story.maps:
        return [hotspot.target.scene for hotspot in story.maps[op.map].hotspots]
    return []


def event_pictures(story: m.Story) -> list[str]:
    """Every event picture the scenes show, once each, in the order the story first shows them."""
    order: list[int] = []
    queued: set[int] = set()
    waiting: deque[int] = deque()

    def queue(scene: int) -> None:
        if 0 <= scene < len(story.scenes) and scene not in queued:
            queued.add(scene)
            waiting.append(scene)

    for scene in (story.start.scene, *range(len(story.scenes))):  # (scenes nothing leads to come last)
        queue(scene)
        while waiting:
            current = waiting.popleft()
            order.append(current)
            for op in story.scenes[current].ops:
                for target in _targets(story, op):
                    queue(target)
    pictures: dict[str, None] = {}
    for scene in order:
        for op in story.scenes[scene].ops:
            if isinstance(op, m.Background) and is_event_picture(op.name):
                pictures.setdefault(op.name)
    return list(pictures)


def unshown_pictures(story: m.Story) -> list[tuple[str, str]]:
    """The event picture files of the story folder that no scene shows: (name, file relative to the folder)."""
    shown = {op.name for scene in story.scenes for op in scene.ops if isinstance(op, m.Background)}
    index = AssetIndex(story.root)
    found: list[tuple[str, str]] = []
    for name in index.names("background"):
        if not is_event_picture(name) or name in shown:
            continue
        try:
            path = os.path.relpath(index.find("background", name), story.root).replace(os.sep, "/")
        except AssetError:  # (a link out of the folder, a FIFO: the loader says so where a scene names it)
            path = f"{KINDS['background'][0]}/{name}"
        found.append((name, path))
    return found
