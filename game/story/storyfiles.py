"""The files a story folder is read from: story.yaml, the scene files under ``scenes/``, the maps.

Listing never leaves the folder: a ``scenes/`` that links outside lists nothing,
linked folders are not entered, and linked files are listed so that reading them
reports why they are refused.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

from .files import FileRefused, inside

MANIFEST_FILE = "story.yaml"
SCENES_FOLDER = "scenes"


def scene_files(root: Path) -> Iterator[Path]:
    """The scene files of a story folder, in a stable order (none when ``scenes/`` leads out of the folder)."""
    if not scenes_folder_inside(root):
        return iter(())
    return (root / rel for rel, _link in scene_entries(root))


def scenes_folder_inside(root: Path) -> bool:
    """Whether ``scenes/`` (absent counts as inside) stays inside the story folder once links are resolved."""
    try:
        inside(root, root / SCENES_FOLDER)
    except FileRefused:
        return False
    return True


def scene_entries(root: Path) -> list[tuple[str, bool]]:
    """Each scene file as (path relative to the story folder, is it a link), sorted; linked folders are not entered.

    Call it once ``scenes/`` itself is known to stay inside the story folder: then
    every file listed that is no link is inside it too.
    """
    found: list[tuple[str, bool]] = []

    def visit(folder: str, prefix: str) -> None:
        try:
            entries = list(os.scandir(folder))
        except OSError:
            return
        for entry in entries:
            name = entry.name
            if name.startswith("."):
                continue
            try:
                is_dir = entry.is_dir()
            except OSError:  # e.g. a link to itself: listed, so that reading it reports the fault
                is_dir = False
            if is_dir:
                if not entry.is_symlink():  # linked folders are not entered (as os.walk does)
                    visit(entry.path, f"{prefix}{name}/")
            elif name.endswith((".yaml", ".yml")):
                found.append((f"{prefix}{name}", entry.is_symlink()))  # reading refuses what must be

    visit(os.path.join(root, SCENES_FOLDER), f"{SCENES_FOLDER}/")
    found.sort(key=lambda item: item[0].split("/"))  # folder by folder, as paths sort
    return found


def source_files(root: Path) -> list[Path]:
    """The files a story is read from: story.yaml, its scenes and its maps (what hot reload watches)."""
    maps = sorted(p for p in (root / "maps").glob("*") if p.suffix in (".tmx", ".tsx", ".tx"))
    return [root / MANIFEST_FILE, *scene_files(root), *maps]
