"""Hot reload: when a story source file changes, play goes on in the edited story at the same step.

The controller's place is written as a snapshot (stable step identities) and
read back against the edited story, so play continues where it was, or at the
nearest place that survived the edit (with a notice).  A story with errors is
not loaded: the errors are returned for the screen to show, and play goes on
with the last good version.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from game.story import model as m
from game.story import snapshot
from game.story.cursor import Cursor
from game.story.loader import read_story
from game.story.runtime import Runtime
from game.story.storyfiles import source_files

from .controller import PlayController, Shown

Stamp = tuple[tuple[str, int, int], ...]


def sources_stamp(root: Path) -> Stamp:
    """Name, size and modification time of each story source file: a change means reload."""
    stamp = []
    for path in source_files(root):
        try:
            info = path.stat()
        except OSError:
            continue
        stamp.append((str(path), info.st_size, info.st_mtime_ns))
    return tuple(stamp)


@dataclass
class Reloaded:
    """The outcome of a reload: the new story and what to show, or the errors that kept the old one."""

    story: m.Story | None = None
    shown: Shown | None = None
    notices: list[str] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)


POLL = 1.0  # seconds between looks at the story's source files


class Reloader:
    """Watches a story's source files and reloads the controller's story when they change."""

    def __init__(self, root: Path) -> None:
        self.root = root
        self.stamp: Stamp | None = None  # taken at the first look (a screen that never polls pays nothing)
        self.clock = 0.0  # seconds since the last look

    def poll(self, dt: float) -> bool:
        """Whether a source file changed, looking once every POLL seconds of play (``dt`` since the last call)."""
        self.clock += dt
        if self.clock < POLL:
            return False
        self.clock = 0.0
        return self.changed()

    def changed(self) -> bool:
        """Whether a source file changed since the last look (the first look only takes the stamp)."""
        now = sources_stamp(self.root)
        if self.stamp is None:
            self.stamp = now
        return now != self.stamp

    def reload(self, controller: PlayController) -> Reloaded:
        """Load the story again and move ``controller`` onto it at the same step."""
        self.stamp = sources_stamp(self.root)
        result = read_story(self.root)
        if result.story is None:
            return Reloaded(errors=[str(p) for p in result.problems if p.severity == "error"])
        story = result.story
        try:
            restored = snapshot.from_json(story, snapshot.to_json(controller.story, controller.current.state))
        except snapshot.SnapshotError as exc:
            return Reloaded(errors=[f"cannot continue on the edited story: {exc}"])
        cursor = Cursor(Runtime(story))
        first = cursor.start(restored.state, controller.current.presentation)
        controller.session.replace_story(cursor, first)
        controller.story_changed()
        return Reloaded(story, controller.first_shown(), restored.notices)
