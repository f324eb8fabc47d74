"""Finding a story's assets by name, without ever leaving the story folder.

Scripts name assets without extension (``bg: shop_rain`` means
``images/backgrounds/shop_rain.png`` or .jpg, ...).  A name is letters,
digits, ``_`` and ``-`` in ``/``-separated parts: no ``..``, no absolute
paths, and a file that resolves outside the folder (a symlink) or is not a
regular file (a FIFO, a device) is refused: the game never opens it.
"""

from __future__ import annotations

import os
import re
import stat
from dataclasses import dataclass
from pathlib import Path

from .files import FileRefused, inside
from .problems import quote

IMAGE_EXTENSIONS = (".png", ".jpg", ".jpeg", ".webp", ".bmp")
AUDIO_EXTENSIONS = (".ogg", ".wav", ".mp3", ".flac", ".opus")
MAP_EXTENSIONS = (".tmx",)
MAX_NAME = 200  # characters: folder and file names, far more than any real asset needs

# Where each kind of asset lives, and which files count.
KINDS: dict[str, tuple[str, tuple[str, ...]]] = {
    "background": ("images/backgrounds", IMAGE_EXTENSIONS),
    "character": ("images/characters", IMAGE_EXTENSIONS),
    "image": ("images", IMAGE_EXTENSIONS),
    "ending": ("images/endings", IMAGE_EXTENSIONS),
    "music": ("audio/music", AUDIO_EXTENSIONS),
    "sfx": ("audio/sfx", AUDIO_EXTENSIONS),
    "map": ("maps", MAP_EXTENSIONS),
}

_NAME = re.compile(r"[A-Za-z0-9_][A-Za-z0-9_\-]*(?:/[A-Za-z0-9_][A-Za-z0-9_\-]*)*\Z")


class AssetError(Exception):
    """An asset name that is malformed, escapes the story folder, or names no file."""


def check_name(name: object) -> str:
    """Return ``name`` if it is a safe asset name, else raise AssetError saying why."""
    if not isinstance(name, str) or not name:
        raise AssetError("an asset name must be a non-empty text")
    if len(name) > MAX_NAME:
        raise AssetError(f"the asset name {quote(name)} is {len(name):,} characters long; at most {MAX_NAME}")
    if ".." in name.split("/") or name.startswith(("/", "\\")) or "\\" in name or ":" in name:
        raise AssetError(f"the asset name {quote(name)} leaves the story folder; "
                         "name assets relative to their folder, e.g. shop_rain or city/shop_rain")
    if not _NAME.match(name):
        raise AssetError(f"the asset name {quote(name)} may hold only letters, digits, _, - and / "
                         "(and no extension)")
    return name


@dataclass
class AssetIndex:
    """The asset files of one story folder, listed once and looked up by kind and name."""

    root: Path

    def __post_init__(self) -> None:
        self._root_real = os.path.realpath(self.root)
        self._files: dict[str, dict[str, str]] = {}
        # (kind, name) -> the file, or why not: a story names the same picture or sound again and
        # again, and each answer costs a path resolution and a stat (the language server loads on
        # every keystroke)
        self._found: dict[tuple[str, str], Path | str] = {}

    def _listing(self, folder: str, extensions: tuple[str, ...]) -> dict[str, str]:
        key = f"{folder}|{','.join(extensions)}"
        listing = self._files.get(key)
        if listing is None:
            listing = {}
            base = self.root / folder
            for dirpath, _dirs, files in os.walk(base):
                rel_dir = os.path.relpath(dirpath, base).replace(os.sep, "/")
                for file in files:
                    stem, ext = os.path.splitext(file)
                    if ext.lower() in extensions:
                        rel = stem if rel_dir == "." else f"{rel_dir}/{stem}"
                        # the first extension in our preference order wins
                        old = listing.get(rel)
                        if old is None or extensions.index(ext.lower()) < extensions.index(
                                os.path.splitext(old)[1].lower()):
                            listing[rel] = os.path.join(dirpath, file)
            self._files[key] = listing
        return listing

    def find(self, kind: str, name: object) -> Path:
        """The file of asset ``name`` of ``kind``; raise AssetError when it is unsafe or missing."""
        safe = check_name(name)
        found = self._found.get((kind, safe))
        if found is None:
            try:
                found = self._look_up(kind, safe)
            except AssetError as exc:
                found = str(exc)
            self._found[(kind, safe)] = found
        if isinstance(found, str):
            raise AssetError(found)
        return found

    def _look_up(self, kind: str, safe: str) -> Path:
        folder, extensions = KINDS[kind]
        path = self._listing(folder, extensions).get(safe)
        if path is None:
            raise AssetError(f"no {kind} named {quote(safe)}: expected {folder}/{safe} with one of "
                             f"{', '.join(extensions)}")
        try:
            real = inside(self._root_real, path, root_is_real=True)
        except FileRefused:
            raise AssetError(f"the {kind} {quote(safe)} is a link to a file outside the story folder") from None
        try:
            regular = stat.S_ISREG(os.stat(real).st_mode)  # a stat never blocks, even on a FIFO
        except OSError as exc:
            raise AssetError(f"the {kind} {quote(safe)} cannot be read: {exc.strerror or exc}") from None
        if not regular:
            raise AssetError(f"the {kind} {quote(safe)} is not a regular file (a FIFO, device or folder)")
        return Path(path)

    def names(self, kind: str) -> list[str]:
        folder, extensions = KINDS[kind]
        return sorted(self._listing(folder, extensions))
