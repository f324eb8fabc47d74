"""The title's pictures, decoded on a helper thread while the game is still starting.

Before the title's first frame the game imports itself (most of the wait) and
decodes the title's pictures (about a fifth of it).  pygame decodes without
holding the interpreter's lock, so a helper thread started first decodes them on
another core while the main thread imports.  The picture cache takes them from
here (``Resources``); a picture the helper could not have is decoded there as
if the helper had never run, with the same warning and placeholder.
"""

from __future__ import annotations

import threading
from collections.abc import Iterable
from pathlib import Path

import pygame

from game.story.assets import AssetIndex

from .picture_file import decode_picture

# What the title draws first (title.py): its sky, its city and the logo in either language.
TITLE_PICTURES = ("title_sky", "title_city", "logo_en", "logo_ko")


class EarlyPictures:
    """Interface pictures (``images/ui/``) being decoded on a helper thread; ``take`` waits for it."""

    def __init__(self, ui_root: Path, names: Iterable[str] = TITLE_PICTURES) -> None:
        self._decoded: dict[str, pygame.Surface] = {}
        # Not a daemon: the helper is inside SDL while it decodes, and pygame must not shut SDL down
        # under it; an interpreter that exits (after a crash, say) waits for it first, and the game
        # waits for it before it quits pygame (``wait``).
        self._thread = threading.Thread(target=self._decode_all, args=(AssetIndex(ui_root), tuple(names)),
                                        name="early-pictures")
        self._thread.start()

    def _decode_all(self, index: AssetIndex, names: tuple[str, ...]) -> None:
        for name in names:
            try:
                self._decoded[name] = decode_picture(index, "image", f"ui/{name}")
            except Exception:  # noqa: BLE001 - the cache decodes it again and reports why, as always
                continue

    def take(self, name: str) -> pygame.Surface | None:
        """The interface picture ``name`` if the helper decoded it (once: it is handed over), else None."""
        self.wait()
        return self._decoded.pop(name, None)

    def wait(self) -> None:
        """Until the helper is done (at once when it is); before pygame quits, always."""
        self._thread.join()
