"""Object templates (``.tx``): an object made from one takes what it does not set itself, as Tiled does.

The template's attributes (name, size, class, gid...), properties and shape are
merged into the object's node; what comes from the template keeps the
template's file and line, so a mistake in it is reported there.  A template's
tile is renumbered into the map's gids, adding the template's tileset to the
map when the map does not use it yet.
"""

from __future__ import annotations

import os
from pathlib import Path

from .document import Node
from .limits import MAX_TEMPLATES
from .model import GID_FLAGS
from .sources import Sources
from .tilesets import TilesetReader
from .values import fail, integer

SHAPES = ("ellipse", "point", "polygon", "polyline", "text")


class TemplateReader:
    def __init__(self, sources: Sources, tilesets: TilesetReader, map_node: Node, map_dir: Path) -> None:
        self.sources = sources
        self.tilesets = tilesets
        self.map_node = map_node
        self.map_dir = map_dir
        self.used: set[str] = set()

    def apply(self, objects: list[Node]) -> dict[int, str]:
        """Merge every object's template into it; the template each object was made from, by node id."""
        made: dict[int, str] = {}
        for obj in objects:
            name = obj.attrs.get("template")
            if name:
                self.merge(obj, name)
                made[id(obj)] = name
        return made

    def merge(self, obj: Node, name: str) -> None:
        path = self.sources.resolve(name, self.map_dir, obj, "the template")
        self.used.add(str(path))
        if len(self.used) > MAX_TEMPLATES:
            raise fail(obj, f"the map uses more than {MAX_TEMPLATES:,} templates")
        tree = self.sources.xml(path, obj, "template", name)
        template = tree.find("object") if tree.tag == "template" else None
        if template is None:
            raise fail(obj, f"the template {name} has no <template><object>")
        own_gid = "gid" in obj.attrs
        for key, value in template.attrs.items():
            if key not in obj.attrs and key not in ("id", "x", "y"):
                obj.attrs[key] = value
        if not own_gid and "gid" in template.attrs:
            obj.attrs["gid"] = str(self.gid(tree, template, path, obj, name))
        self.merge_properties(obj, template)
        if not any(obj.find(shape) is not None for shape in SHAPES):
            obj.children.extend(child.copy() for child in template.children if child.tag in SHAPES)
        del obj.attrs["template"]

    @staticmethod
    def merge_properties(obj: Node, template: Node) -> None:
        theirs = template.find("properties")
        if theirs is None:
            return
        mine = obj.find("properties")
        if mine is None:
            obj.children.insert(0, theirs.copy())
            return
        names = {p.attrs.get("name") for p in mine.findall("property")}
        mine.children.extend(p.copy() for p in theirs.findall("property") if p.attrs.get("name") not in names)

    def gid(self, tree: Node, template: Node, path: Path, obj: Node, name: str) -> int:
        """A template's tile gid in the map's numbering (adding the template's tileset when missing)."""
        tileset = tree.find("tileset")
        raw = integer(template, "gid", 0, 0, 0xFFFFFFFF)
        if tileset is None or not tileset.attrs.get("source"):
            raise fail(obj, f"the template {name} has a tile but no external tileset")
        tsx = self.sources.resolve(tileset.attrs["source"], path.parent, tileset, "the tileset")
        local = (raw & ~GID_FLAGS) - integer(tileset, "firstgid", 1, 1, ~GID_FLAGS & 0xFFFFFFFF)
        next_gid = 1
        for mine in self.map_node.findall("tileset"):
            first = integer(mine, "firstgid", 1, 1, ~GID_FLAGS & 0xFFFFFFFF)
            source = mine.attrs.get("source")
            if source and self.sources.resolve(source, self.map_dir, mine, "the tileset") == tsx:
                return (first + local) | (raw & GID_FLAGS)
            next_gid = max(next_gid, first + self.tilesets.span(mine))
        added = Node("tileset", {"firstgid": str(next_gid), "source": os.path.relpath(tsx, self.map_dir)},
                     tileset.file, tileset.line, tileset.column)
        at = max((i + 1 for i, child in enumerate(self.map_node.children) if child.tag == "tileset"), default=0)
        self.map_node.children.insert(at, added)
        return (next_gid + local) | (raw & GID_FLAGS)
