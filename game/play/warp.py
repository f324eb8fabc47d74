"""Warping: playing on from a node of the flowchart with the state the player had there.

A ``Passage`` of the player's record holds that state as a snapshot and the
stage as data, so a warp is read exactly as a save is: on an edited story it
resumes at the same step, or at the nearest surviving point with notices
saying what changed, or fails with a ``WarpError`` worded for the player.
The playthrough it starts knows the decisions that led there (its route), so
what the player passes from there is recorded under the same route.
"""

from __future__ import annotations

from game.persist.progress import Passage, Progress
from game.persist.settings import Settings
from game.story import model as m
from game.story import snapshot

from .controller import PlayController


class WarpError(Exception):
    """A passage that no longer fits the story (its message is for the player)."""


def warp(story: m.Story, passage: Passage, settings: Settings, progress: Progress
         ) -> tuple[PlayController, list[str]]:
    """A controller playing on from ``passage``, and notices of what had to be adjusted."""
    try:
        return PlayController.restore(story, passage.snapshot, passage.presentation, settings, progress, passage.route)
    except snapshot.SnapshotError as exc:
        raise WarpError(f"This point no longer fits the story: {exc}") from None
