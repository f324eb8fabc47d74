"""Tiled's XML read into small nodes that remember their file, line and column.

The standard library's expat does the parsing; the nodes are built from its
callbacks with a stack of open elements, so nothing here recurses however deep
a file nests (and a file nesting deeper than ``MAX_DEPTH`` is refused at the
element that goes too deep).  A DTD of the file's own could define entities and
is refused; the harmless ``<!DOCTYPE map SYSTEM "...">`` line old Tiled wrote is
let be (it is never fetched).  ``<tile>`` elements of XML tile layer data are
gathered as numbers on their ``<data>`` / ``<chunk>`` node, not as nodes (a
large map has millions of them).
"""

from __future__ import annotations

import re
import xml.parsers.expat
from array import array
from dataclasses import dataclass, field

from .errors import MapFormatError
from .limits import MAX_DEPTH, MAX_ELEMENTS, MAX_OBJECTS

_GID = re.compile(r"[0-9]{1,10}")


@dataclass(slots=True, eq=False)
class Node:
    """One XML element: its tag, attributes, children, text and place."""

    tag: str
    attrs: dict[str, str]
    file: str
    line: int
    column: int
    children: list[Node] = field(default_factory=list)
    text: str = ""
    gids: array[int] | None = None  # the <tile gid> children of a <data> or <chunk>, when it has any

    def get(self, name: str, default: str | None = None) -> str | None:
        return self.attrs.get(name, default)

    def find(self, tag: str) -> Node | None:
        for child in self.children:
            if child.tag == tag:
                return child
        return None

    def findall(self, tag: str) -> list[Node]:
        return [child for child in self.children if child.tag == tag]

    def copy(self) -> Node:
        """A deep copy, keeping every node's file and line (without recursion)."""
        top = Node(self.tag, dict(self.attrs), self.file, self.line, self.column, [], self.text,
                   array("I", self.gids) if self.gids is not None else None)
        stack = [(self, top)]
        while stack:
            old, new = stack.pop()
            for child in old.children:
                twin = Node(child.tag, dict(child.attrs), child.file, child.line, child.column, [], child.text,
                            array("I", child.gids) if child.gids is not None else None)
                new.children.append(twin)
                stack.append((child, twin))
        return top


class ElementBudget:
    """How many more elements (and objects) one map's files may hold (the map, its tilesets and templates)."""

    def __init__(self, limit: int = MAX_ELEMENTS, objects: int = MAX_OBJECTS) -> None:
        self.left = limit
        self.limit = limit
        self.objects_left = objects
        self.objects = objects


class _Builder:
    """expat handlers building the node tree of one file."""

    def __init__(self, parser: xml.parsers.expat.XMLParserType, file: str, what: str, budget: ElementBudget) -> None:
        self.parser = parser
        self.file = file
        self.what = what
        self.budget = budget
        self.stack: list[Node] = []
        self.texts: list[list[str]] = []
        self.root: Node | None = None

    def fail(self, message: str) -> MapFormatError:
        return MapFormatError(self.file, self.parser.CurrentLineNumber, message, self.parser.CurrentColumnNumber + 1)

    def start(self, tag: str, attrs: dict[str, str]) -> None:
        parent = self.stack[-1] if self.stack else None
        if tag == "tile" and parent is not None and parent.tag in ("data", "chunk"):
            self.tile_gid(parent, attrs.get("gid", "0"))
            self.stack.append(parent)  # its end pops the parent back off; it has no children of its own
            self.texts.append([])
            return
        if len(self.stack) >= MAX_DEPTH:
            raise self.fail(f"elements are nested more than {MAX_DEPTH} deep here; Tiled files never nest so deep")
        self.budget.left -= 1
        if self.budget.left < 0:
            raise self.fail(f"the map and its files hold more than {self.budget.limit:,} XML elements")
        if tag == "object" and parent is not None and parent.tag == "objectgroup":
            self.budget.objects_left -= 1
            if self.budget.objects_left < 0:  # refused while reading, not after building them all
                raise self.fail(f"the map has more than {self.budget.objects:,} objects")
        node = Node(tag, attrs, self.file, self.parser.CurrentLineNumber, self.parser.CurrentColumnNumber + 1)
        if parent is not None:
            parent.children.append(node)
        else:
            self.root = node
        self.stack.append(node)
        self.texts.append([])

    def tile_gid(self, parent: Node, value: str) -> None:
        value = value.strip() or "0"
        if _GID.fullmatch(value) is None or int(value) > 0xFFFFFFFF:
            raise self.fail(f"the tile gid {value[:20]!r} is not a whole number from 0 to 4294967295")
        if parent.gids is None:
            parent.gids = array("I")
        parent.gids.append(int(value))

    def end(self, _tag: str) -> None:
        node = self.stack.pop()
        pieces = self.texts.pop()
        if pieces:
            node.text += "".join(pieces)

    def data(self, text: str) -> None:
        if self.texts:
            self.texts[-1].append(text)

    def doctype(self, _name: str, _system: str | None, _public: str | None, internal: int) -> None:
        if internal:
            self.no_dtd()

    def no_dtd(self, *_args: object) -> None:
        raise self.fail(f"the {self.what} declares a DTD of its own; Tiled files never need one")


def parse(data: bytes, file: str, what: str, budget: ElementBudget) -> Node:
    """The root node of one file's XML; MapFormatError (naming ``file`` and the line) when it is not XML.

    ``what`` names the file in messages: "map", "tileset" or "template".
    """
    if not data.strip():
        raise MapFormatError(file, 1, f"the {what} file is empty")
    parser = xml.parsers.expat.ParserCreate()
    builder = _Builder(parser, file, what, budget)
    parser.StartElementHandler = builder.start
    parser.EndElementHandler = builder.end
    parser.CharacterDataHandler = builder.data
    parser.StartDoctypeDeclHandler = builder.doctype
    parser.EntityDeclHandler = builder.no_dtd
    parser.UnparsedEntityDeclHandler = builder.no_dtd
    parser.NotationDeclHandler = builder.no_dtd
    parser.ElementDeclHandler = builder.no_dtd
    parser.AttlistDeclHandler = builder.no_dtd
    parser.buffer_text = True
    try:
        parser.Parse(data, True)
    except xml.parsers.expat.ExpatError as exc:
        raise MapFormatError(file, exc.lineno, f"the {what} is not valid XML: {xml.parsers.expat.ErrorString(exc.code)}",
                             exc.offset + 1) from None
    if builder.root is None:
        raise MapFormatError(file, 1, f"the {what} file is empty")
    return builder.root
