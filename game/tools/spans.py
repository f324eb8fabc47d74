"""Where every value of a YAML file is written: a tree of nodes with their exact spans in the text.

The loader turns a file into data with the start of each value; tools that
*edit* a file (writing translations back, renaming a label) or point into it
(the language server) need more: where each value ends, how it is quoted,
whether a mapping is written ``{a: 1}`` or as indented lines.  Nodes here carry
character offsets into the text, so an edit replaces exactly the characters of
one value and leaves every other byte (comments, order, spacing) alone.

The file is read as parser events, never constructed, with the same bounds as
the loader (size, values, nesting); aliases are kept as alias nodes.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

import yaml  # type: ignore[import-untyped,unused-ignore]

from game.story.yamlscalars import plain_scalar
from game.story.yamlsrc import MAX_DEPTH, MAX_FILE_BYTES, MAX_NODES

_Loader: Any = getattr(yaml, "CBaseLoader", None) or yaml.BaseLoader  # the C parser when PyYAML has it


class SpanError(Exception):
    """Text that is not YAML these tools can read; ``line`` and ``column`` are 1-based."""

    def __init__(self, message: str, line: int = 1, column: int = 1) -> None:
        super().__init__(f"{line}:{column}: {message}")
        self.message = message
        self.line = line
        self.column = column


@dataclass(eq=False)
class Node:
    """One value of the file: a scalar, a mapping, a list or an alias, with its span in the text."""

    kind: str  # "scalar" | "map" | "seq" | "alias"
    start: int  # character offsets into the text (end is past the last character)
    end: int
    line: int  # 1-based, as in Pos
    column: int
    value: str = ""  # a scalar's text, or an alias's anchor name
    style: str = ""  # a scalar's quoting: "" plain, "'", '"', "|" or ">"
    flow: bool = False  # a mapping or list written {...} / [...]
    pairs: list[tuple[Node, Node]] = field(default_factory=list)  # a mapping's (key, value)
    items: list[Node] = field(default_factory=list)  # a list's items
    parent: Node | None = field(default=None, repr=False)

    @property
    def close(self) -> int:
        """Where a flow collection's closing bracket is (its end, less the bracket)."""
        return self.end - 1

    def get(self, key: str) -> Node | None:
        """The value of ``key`` in this mapping, or None."""
        for k, v in self.pairs:
            if k.value == key:
                return v
        return None

    def key_node(self, key: str) -> Node | None:
        for k, _ in self.pairs:
            if k.value == key:
                return k
        return None

    def data(self) -> Any:
        """The plain value (str / number / bool / None for scalars; lists and dicts of them)."""
        if self.kind == "scalar":
            return self.value if self.style else plain_scalar(self.value) if self.value else None
        if self.kind == "map":
            return {k.value: v.data() for k, v in self.pairs}
        if self.kind == "seq":
            return [item.data() for item in self.items]
        return None

    def walk(self) -> Iterator[Node]:
        """This node and every node inside it, in document order."""
        stack = [self]
        while stack:
            node = stack.pop()
            yield node
            if node.kind == "map":
                for k, v in reversed(node.pairs):
                    stack.append(v)
                    stack.append(k)
            elif node.kind == "seq":
                stack.extend(reversed(node.items))


class Document:
    """A YAML text and its node tree, with lookups by position."""

    def __init__(self, text: str, root: Node) -> None:
        self.text = text
        self.root = root
        self._maps: dict[tuple[int, int], Node] | None = None
        self._pairs: dict[tuple[int, int], tuple[Node, Node]] = {}

    def map_at(self, line: int, column: int) -> Node | None:
        """The mapping that starts at ``line``:``column`` (where the loader places a step or an option)."""
        self._index()
        return self._maps.get((line, column)) if self._maps is not None else None

    def pair_at(self, line: int, column: int) -> tuple[Node, Node] | None:
        """The (key, value) whose key starts at ``line``:``column`` (where the loader places a declaration)."""
        self._index()
        return self._pairs.get((line, column))

    def _index(self) -> None:
        if self._maps is not None:
            return
        self._maps = {}
        self._pairs = {}
        for node in self.root.walk():
            if node.kind == "map":
                self._maps.setdefault((node.line, node.column), node)
                for key, value in node.pairs:
                    self._pairs[(key.line, key.column)] = (key, value)

    def innermost(self, offset: int) -> list[Node]:
        """The nodes whose span holds ``offset``, outermost first (for pointing into the file)."""
        chain: list[Node] = []
        node: Node | None = self.root
        while node is not None and node.start <= offset <= node.end:
            chain.append(node)
            children = [n for pair in node.pairs for n in pair] if node.kind == "map" else node.items
            node = next((c for c in children if c.start <= offset <= c.end), None)
        return chain

    def line_start(self, line: int) -> int:
        """The offset where 1-based ``line`` starts."""
        position = 0
        for _ in range(line - 1):
            found = self.text.find("\n", position)
            if found < 0:
                return len(self.text)
            position = found + 1
        return position


def parse(text: str) -> Document:
    """The node tree of ``text``; raise SpanError when it is not readable YAML."""
    if len(text) > MAX_FILE_BYTES:
        raise SpanError(f"the text is over {MAX_FILE_BYTES:,} characters")
    loader = _Loader(text)
    stack: list[Node] = []
    pending: list[Node | None] = []  # per open mapping: its key waiting for a value
    root: Node | None = None
    count = 0
    try:
        while True:
            event: Any = loader.get_event()
            if isinstance(event, yaml.StreamEndEvent):
                break
            mark: Any = event.start_mark  # (the parser always marks its events)
            if isinstance(event, (yaml.ScalarEvent, yaml.AliasEvent, yaml.MappingStartEvent,
                                  yaml.SequenceStartEvent)):
                count += 1
                if count > MAX_NODES:
                    raise SpanError(f"more than {MAX_NODES:,} values", mark.line + 1, mark.column + 1)
                end: Any = event.end_mark
                node = Node("scalar", mark.index, end.index, mark.line + 1, mark.column + 1)
                if isinstance(event, yaml.ScalarEvent):
                    node.value, node.style = event.value, event.style or ""
                elif isinstance(event, yaml.AliasEvent):
                    node.kind, node.value = "alias", event.anchor or ""
                else:
                    node.kind = "map" if isinstance(event, yaml.MappingStartEvent) else "seq"
                    node.flow = bool(event.flow_style)
                _place(node, stack, pending)
                if root is None:
                    root = node
                if node.kind in ("map", "seq"):
                    if len(stack) >= MAX_DEPTH:
                        raise SpanError(f"nested more than {MAX_DEPTH} levels deep", mark.line + 1, mark.column + 1)
                    stack.append(node)
                    pending.append(None)
            elif isinstance(event, (yaml.MappingEndEvent, yaml.SequenceEndEvent)):
                closed = stack.pop()
                pending.pop()
                finish: Any = event.end_mark
                closed.end = finish.index if closed.flow else max(closed.end, _last_end(closed))
    except yaml.MarkedYAMLError as exc:
        where: Any = exc.problem_mark or exc.context_mark
        raise SpanError(f"YAML syntax: {exc.problem or exc.context or 'invalid YAML'}",
                        where.line + 1 if where else 1, where.column + 1 if where else 1) from None
    except yaml.YAMLError as exc:
        raise SpanError(f"YAML: {exc}") from None
    finally:
        loader.dispose()
    if root is None:
        raise SpanError("the text is empty")
    return Document(text, root)


def _place(node: Node, stack: list[Node], pending: list[Node | None]) -> None:
    if not stack:
        return
    parent = stack[-1]
    node.parent = parent
    if parent.kind == "seq":
        parent.items.append(node)
    elif pending[-1] is None:
        pending[-1] = node
    else:
        key = pending[-1]
        pending[-1] = None
        parent.pairs.append((key, node))


def _last_end(node: Node) -> int:
    """Where the last value inside a block collection ends (its own end mark may lie on a later line)."""
    if node.kind == "map" and node.pairs:
        return node.pairs[-1][1].end
    if node.kind == "seq" and node.items:
        return node.items[-1].end
    return node.start


# --- writing values -----------------------------------------------------------------------------

_ESCAPES = {"\\": "\\\\", '"': '\\"', "\n": "\\n", "\t": "\\t", "\r": "\\r", "\0": "\\0"}
_PLAIN_START = frozenset("-?:,[]{}#&*!|>'\"%@` ")
_FLOW_CHARS = frozenset(",[]{}")


def double_quoted(text: str) -> str:
    """``text`` as a YAML double-quoted scalar (non-ASCII kept as it is)."""
    out = []
    for char in text:
        if char in _ESCAPES:
            out.append(_ESCAPES[char])
        elif ord(char) < 0x20 or ord(char) == 0x7F or 0x80 <= ord(char) < 0xA0 or char in "\u2028\u2029\ufeff":
            out.append(f"\\u{ord(char):04x}")
        else:
            out.append(char)
    return '"' + "".join(out) + '"'


def plain_ok(text: str, in_flow: bool) -> bool:
    """Whether ``text`` reads back as the same text written without quotes."""
    if not text or text != text.strip() or text[0] in _PLAIN_START or "\n" in text or "\r" in text:
        return False
    if ": " in text or " #" in text or text.endswith(":") or any(ord(c) < 0x20 for c in text):
        return False
    if in_flow and any(c in _FLOW_CHARS for c in text):
        return False
    return plain_scalar(text) == text and isinstance(plain_scalar(text), str)


def scalar_like(text: str, old: Node | None, in_flow: bool) -> str:
    """``text`` written as a scalar in the quoting style of ``old`` where that style can hold it."""
    style = old.style if old is not None and old.kind == "scalar" else '"'
    if style == "" and plain_ok(text, in_flow):
        return text
    if style == "'" and "\n" not in text and text == text.strip("\r") and all(ord(c) >= 0x20 for c in text):
        return "'" + text.replace("'", "''") + "'"
    return double_quoted(text)


def in_flow(node: Node) -> bool:
    """Whether ``node`` stands inside a flow collection ({...} or [...])."""
    parent = node.parent
    while parent is not None:
        if parent.flow:
            return True
        parent = parent.parent
    return False
