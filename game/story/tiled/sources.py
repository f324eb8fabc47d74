"""The files one map names (tilesets, templates, pictures), opened the one safe way.

Every name is resolved against the folder of the file that names it and must
stay inside the story folder once links are resolved (``game.story.files``);
only regular files of bounded size are read, and a picture's size comes from
its header, checked before anything would decode it.  Each XML file is read
and parsed once per map, within one element budget for the map and all its files.
"""

from __future__ import annotations

import os
from pathlib import Path

from .. import files
from .document import ElementBudget, Node, parse
from .errors import MapFormatError
from .limits import MAX_FILE_BYTES, MAX_IMAGE_BYTES
from .values import fail


def detail(error: files.FileRefused, path: Path | str) -> str:
    """The reason of a refusal, without the absolute path it starts with."""
    text = str(error)
    for prefix in (f"cannot open {path}: ", f"{path} is ", f"{path}: ", f"{path} "):
        if text.startswith(prefix):
            return text[len(prefix):]
    return text


class Sources:
    """The files of one map read: where they are, how messages name them, their parsed XML."""

    def __init__(self, root: Path | None, budget: ElementBudget | None = None) -> None:
        self.root = Path(os.path.realpath(root)) if root is not None else None
        self.budget = budget or ElementBudget()
        self.trees: dict[str, Node] = {}
        self.sizes: dict[str, tuple[int, int] | str] = {}

    def shown(self, real: Path) -> str:
        """How messages name a file (``real``: links resolved): relative to the story folder, else as it is."""
        if self.root is not None and real.is_relative_to(self.root):
            return real.relative_to(self.root).as_posix()
        return str(real)

    def resolve(self, name: str, base: Path, node: Node, what: str) -> Path:
        """The file ``node`` names, relative to ``base``, links resolved; refused when it leaves the story."""
        if not name:
            raise fail(node, f"{what} has an empty file name")
        if "\0" in name:
            raise fail(node, f"{what} {name!r} is not a file name")
        path = base / name
        if self.root is None:
            return Path(os.path.realpath(path))
        try:
            return files.inside(self.root, path)
        except files.FileRefused:
            raise fail(node, f"{what} {name} is outside the story folder") from None

    def xml(self, path: Path, node: Node | None, what: str, name: str, shown: str | None = None) -> Node:
        """The parsed XML of a tileset, template (or the map itself, ``node`` None); read once per map.

        ``path`` comes from ``resolve`` (links resolved); the read checks it again, on the file it opens.
        ``shown`` names the file in messages (by default ``shown(path)``).
        """
        key = str(path)
        found = self.trees.get(key)
        if found is not None:
            return found
        shown = shown or self.shown(path)
        try:
            data = files.read_limited(path, MAX_FILE_BYTES, self.root)
        except files.FileRefused as exc:
            if node is None:
                raise MapFormatError(shown, None, f"cannot read the {what}: {detail(exc, path)}") from None
            raise fail(node, f"the {what} {name}: cannot read the file: {detail(exc, path)}") from None
        tree = parse(data, shown, what, self.budget)
        self.trees[key] = tree
        return tree

    def image_size(self, path: Path) -> tuple[int, int] | str:
        """A picture's width and height from its header, or why it cannot be used (read once per map)."""
        key = str(path)
        found = self.sizes.get(key)
        if found is None:
            try:
                data = files.read_image(path, MAX_IMAGE_BYTES, self.root)
                found = files.image_size(data)
            except files.FileRefused as exc:
                found = detail(exc, path)
            except ValueError as exc:  # read_image checked the header already; kept for safety
                found = str(exc)
            self.sizes[key] = found
        return found
