"""Reads the story's view of a Tiled map: named objects (spawn points) and hotspots.

Only object layers matter to the story: which objects exist, where, and the
custom properties ``goto`` / ``call`` / ``if`` / ``trigger`` that make an object a
hotspot.  Drawing and collision belong to ``game.world``.  This reader uses the
standard library's expat so that each object keeps its line number, and it
refuses DTDs (no entity tricks in a file that a player might share).
"""

from __future__ import annotations

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


class MapReadError(Exception):
    def __init__(self, pos: Pos, message: str) -> None:
        super().__init__(message)
        self.pos = pos
        self.message = message


class _ObjectCollector:
    """Expat handlers that collect <object> elements and their <property> children."""

    def __init__(self, parser: "xml.parsers.expat.XMLParserType", file: str) -> None:
        self.parser = parser
        self.file = file
        self.objects: list[MapObject] = []
        self.current: MapObject | None = None
        self.depth_in_object = 0
        self.root_tag: str | None = None

    def here(self) -> Pos:
        return Pos(self.file, self.parser.CurrentLineNumber, self.parser.CurrentColumnNumber + 1)

    def start(self, tag: str, attrs: dict[str, str]) -> None:
        if self.root_tag is None:
            self.root_tag = tag
            if tag != "map":
                raise MapReadError(self.here(), f"not a Tiled map: the root element is <{tag}>, not <map>")
        if tag == "object":
            self.current = MapObject(
                attrs.get("name", ""), _num(attrs.get("x")), _num(attrs.get("y")),
                _num(attrs.get("width")), _num(attrs.get("height")), self.here())
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

    def no_dtd(self, *_args: object) -> None:
        raise MapReadError(self.here(), "the map declares a DTD; Tiled maps never need one")


def _num(value: str | None) -> float:
    try:
        return float(value) if value else 0.0
    except ValueError:
        return 0.0


def read_map_objects(path: Path, file: str) -> list[MapObject]:
    """Every object of the map at ``path``; raise MapReadError naming file and line on a fault."""
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise MapReadError(Pos(file, 1, 1), f"cannot read the map: {exc.strerror or exc}") from None
    if len(data) > MAX_MAP_BYTES:
        raise MapReadError(Pos(file, 1, 1), f"the map is {len(data):,} bytes; the limit is {MAX_MAP_BYTES:,}")
    parser = xml.parsers.expat.ParserCreate()
    collector = _ObjectCollector(parser, file)
    parser.StartElementHandler = collector.start
    parser.EndElementHandler = collector.end
    parser.CharacterDataHandler = collector.text
    parser.StartDoctypeDeclHandler = collector.no_dtd
    parser.EntityDeclHandler = collector.no_dtd
    try:
        parser.Parse(data, True)
    except xml.parsers.expat.ExpatError as exc:
        raise MapReadError(Pos(file, exc.lineno, exc.offset + 1),
                           f"the map is not valid XML: {xml.parsers.expat.ErrorString(exc.code)}") from None
    if collector.root_tag is None:
        raise MapReadError(Pos(file, 1, 1), "the map file is empty")
    return collector.objects
