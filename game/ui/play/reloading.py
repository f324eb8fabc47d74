"""Hot reload for writers: the play screen reads the story again and goes on where it was.

The controller's ``Reloader`` (``game.play.reload``) does the reading and relocating; this puts
the result on screen: the new story everywhere it is held, the caches forgotten, the stop shown
again, and what moved said as notices (or the errors shown over the game, which keeps going).
"""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING

from game.play.chronicle import relocate_record

from ..strings import tr

if TYPE_CHECKING:
    from .screen import PlayScreen

log = logging.getLogger(__name__)


def reload_story(play: PlayScreen) -> None:
    """Read the story again (Shift+R, or a source file changed) and go on at the same stop, or show why not."""
    result = play.reloader.reload(play.controller)
    play.reload_errors = result.errors
    if result.errors:
        log.warning("story reload failed:\n%s", "\n".join(result.errors))
        return
    assert result.story is not None and result.shown is not None
    play.ctx.story = result.story
    relocate_record(play.ctx.progress, result.story)
    play.ctx.resources.set_story(result.story.root)
    play.prefetcher.forget()
    play.ctx.audio.forget()
    play.close_map()
    play.display(result.shown)
    for notice in result.notices:
        play.ctx.notify(notice, 5.0)
    play.ctx.notify(tr("story_reloaded", play.ctx.language))
