"""Reads the story's view of a Tiled map: named objects (spawn points) and hotspots.

Only object layers matter to the story: which objects exist, where, and the
custom properties ``goto`` / ``call`` / ``if`` / ``trigger`` that make an object a
hotspot.  Drawing and collision belong to ``game.world``.  This reader uses the
standard library's expat so that each object keeps its line number, and it
refuses DTDs of the file's own (no entity tricks in a file that a player might
share); the harmless ``<!DOCTYPE map SYSTEM ...>`` line old Tiled wrote is let be.

An object made from a template (``template="door.tx"``) takes the template's
name, size and properties wherever it has none of its own, as Tiled does; a
property from the template is placed at its line in the ``.tx`` file.
"""

from __future__ import annotations

import os
import xml.parsers.expat
from dataclasses import dataclass, field
from pathlib import Path

from .problems import Pos

MAX_MAP_BYTES = 32 * 1024 * 1024


@dataclass
class MapObject:
    """A Tiled object as the story sees it."""

    name: str
    x: float
    y: float
    width: float
    height: float
    pos: Pos
    properties: dict[str, str] = field(default_factory=dict)
    property_pos: dict[str, Pos] = field(default_factory=dict)
    template: str = ""  # the .tx file it was made from, as the map names it
    attributes: frozenset[str] = frozenset()  # which of name / width / height the map gives itself


class MapReadError(Exception):
    def __init__(self, pos: Pos, message: str) -> None:
        super().__init__(message)
        self.pos = pos
        self.message = message


class _ObjectCollector:
    """Expat handlers that collect <object> elements and their <property> children."""

    def __init__(self, parser: xml.parsers.expat.XMLParserType, file: str, expected_root: str = "map") -> None:
        self.parser = parser
        self.file = file
        self.expected_root = expected_root
        self.objects: list[MapObject] = []
        self.current: MapObject | None = None
        self.depth_in_object = 0
        self.root_tag: str | None = None

    def here(self) -> Pos:
        return Pos(self.file, self.parser.CurrentLineNumber, self.parser.CurrentColumnNumber + 1)

    def start(self, tag: str, attrs: dict[str, str]) -> None:
        if self.root_tag is None:
            self.root_tag = tag
            if tag != self.expected_root:
                raise MapReadError(self.here(), f"not a Tiled {self.expected_root}: the root element is "
                                   f"<{tag}>, not <{self.expected_root}>")
        if tag == "object":
            self.current = MapObject(
                attrs.get("name", ""), _num(attrs.get("x")), _num(attrs.get("y")),
                _num(attrs.get("width")), _num(attrs.get("height")), self.here(),
                template=attrs.get("template", ""),
                attributes=frozenset(k for k in ("name", "width", "height") if k in attrs))
            self.depth_in_object = 0
        elif self.current is not None:
            self.depth_in_object += 1
            if tag == "property" and "name" in attrs:
                self.current.properties[attrs["name"]] = attrs.get("value", "")
                self.current.property_pos[attrs["name"]] = self.here()

    def end(self, tag: str) -> None:
        if tag == "object" and self.current is not None:
            self.objects.append(self.current)
            self.current = None
        elif self.current is not None:
            self.depth_in_object -= 1

    def text(self, data: str) -> None:
        # A multi-line string property keeps its value as element text.
        if self.current is not None and self.current.properties and self.depth_in_object > 0:
            last = next(reversed(self.current.properties))
            if self.current.properties[last] == "" and data.strip():
                self.current.properties[last] = data

    def doctype(self, _name: str, _system: str | None, _public: str | None, internal: int) -> None:
        # Old Tiled wrote <!DOCTYPE map SYSTEM "...map.dtd">: harmless, never fetched.  Declarations
        # inside the file could define entities: those are refused.
        if internal:
            self.no_dtd()

    def no_dtd(self, *_args: object) -> None:
        raise MapReadError(self.here(), "the map declares a DTD of its own; Tiled maps never need one")


def _num(value: str | None) -> float:
    try:
        return float(value) if value else 0.0
    except ValueError:
        return 0.0


def read_map_objects(path: Path, file: str, root: Path | None = None) -> list[MapObject]:
    """Every object of the map at ``path``; raise MapReadError naming file and line on a fault.

    With ``root`` (the story folder), templates must lie inside it and are named relative to it.
    """
    objects = _parse(path, file, "map")
    templates: dict[str, MapObject] = {}
    for obj in objects:
        if obj.template:
            template = templates.get(obj.template)
            if template is None:
                template = templates[obj.template] = _read_template(path, obj, root)
            _apply_template(obj, template)
    return objects


def _read_template(map_path: Path, obj: MapObject, root: Path | None) -> MapObject:
    """The object of the template ``obj`` names, its positions naming the .tx file."""
    path = map_path.parent / obj.template
    shown = obj.template
    if root is not None:
        real, story = os.path.realpath(path), os.path.realpath(root)
        if os.path.commonpath([real, story]) != story:
            raise MapReadError(obj.pos, f"the template {obj.template} is outside the story folder")
        shown = os.path.relpath(real, story).replace(os.sep, "/")
    try:
        found = _parse(path, shown, "template")
    except MapReadError as exc:
        if exc.pos.file == shown and exc.message.startswith("cannot read"):
            raise MapReadError(obj.pos, f"the template {obj.template}: {exc.message}") from None
        raise
    if not found:
        raise MapReadError(Pos(shown, 1, 1), "the template has no <object>")
    return found[0]


def _apply_template(obj: MapObject, template: MapObject) -> None:
    """Fill in what ``obj`` leaves to its template (its own attributes and properties win)."""
    if "name" not in obj.attributes:
        obj.name = template.name
    if "width" not in obj.attributes:
        obj.width = template.width
    if "height" not in obj.attributes:
        obj.height = template.height
    for name, value in template.properties.items():
        if name not in obj.properties:
            obj.properties[name] = value
            obj.property_pos[name] = template.property_pos[name]


def _parse(path: Path, file: str, expected_root: str) -> list[MapObject]:
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise MapReadError(Pos(file, 1, 1), f"cannot read the file: {exc.strerror or exc}") from None
    if len(data) > MAX_MAP_BYTES:
        raise MapReadError(Pos(file, 1, 1), f"the file is {len(data):,} bytes; the limit is {MAX_MAP_BYTES:,}")
    parser = xml.parsers.expat.ParserCreate()
    collector = _ObjectCollector(parser, file, expected_root)
    parser.StartElementHandler = collector.start
    parser.EndElementHandler = collector.end
    parser.CharacterDataHandler = collector.text
    parser.StartDoctypeDeclHandler = collector.doctype
    parser.EntityDeclHandler = collector.no_dtd
    try:
        parser.Parse(data, True)
    except xml.parsers.expat.ExpatError as exc:
        raise MapReadError(Pos(file, exc.lineno, exc.offset + 1),
                           f"the {expected_root} is not valid XML: {xml.parsers.expat.ErrorString(exc.code)}") from None
    if collector.root_tag is None:
        raise MapReadError(Pos(file, 1, 1), f"the {expected_root} file is empty")
    return collector.objects
