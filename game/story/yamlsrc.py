"""Safe YAML reading that keeps the source position of every value.

Files are composed (never constructed) with PyYAML's C parser when available,
then converted into plain dicts, lists and scalars.  Each mapping and list
remembers where its items came from, so every later message can name
``file:line:column``.  Nothing here can run code: tags other than the plain
YAML ones are refused, and alias expansion, nesting depth and file size are
bounded so that hostile bytes cost bounded time and memory.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import yaml

from .problems import Pos, Reporter

try:  # the C parser is about ten times faster; the pure one behaves the same
    from yaml import CSafeLoader as _BaseLoader
except ImportError:  # pragma: no cover - depends on how PyYAML was built
    from yaml import SafeLoader as _BaseLoader  # type: ignore[assignment]

MAX_FILE_BYTES = 8 * 1024 * 1024
MAX_NODES = 200_000
MAX_DEPTH = 100

_STR = "tag:yaml.org,2002:str"
_INT = "tag:yaml.org,2002:int"
_FLOAT = "tag:yaml.org,2002:float"
_BOOL = "tag:yaml.org,2002:bool"
_NULL = "tag:yaml.org,2002:null"
_MAP = "tag:yaml.org,2002:map"
_SEQ = "tag:yaml.org,2002:seq"
_ALLOWED_TAGS = {_STR, _INT, _FLOAT, _BOOL, _NULL, _MAP, _SEQ, "tag:yaml.org,2002:timestamp"}

# YAML 1.1 reads yes/no/on/off as booleans, which turns a line like
# `narrator: no` into False.  Writers expect YAML 1.2 here: only true/false.
_BOOL_RE = re.compile(r"^(?:true|True|TRUE|false|False|FALSE)$")


class _Loader(_BaseLoader):  # type: ignore[misc, valid-type]
    """The safe loader with YAML 1.2 booleans."""


def _yaml12_resolvers() -> dict[str, list[tuple[str, re.Pattern[str]]]]:
    table: dict[str, list[tuple[str, re.Pattern[str]]]] = {}
    for first, resolvers in _BaseLoader.yaml_implicit_resolvers.items():
        kept = [(tag, regexp) for tag, regexp in resolvers if tag != _BOOL]
        if kept:
            table[first] = kept
    for first in "tTfF":
        table.setdefault(first, []).append((_BOOL, _BOOL_RE))
    return table


_Loader.yaml_implicit_resolvers = _yaml12_resolvers()


class YMap(dict[str, Any]):
    """A mapping read from YAML, with the position of itself, each key and each value."""

    __slots__ = ("pos", "key_pos", "value_pos")

    def __init__(self, pos: Pos) -> None:
        super().__init__()
        self.pos = pos
        self.key_pos: dict[str, Pos] = {}
        self.value_pos: dict[str, Pos] = {}

    def at(self, key: str) -> Pos:
        """Where the value of ``key`` starts (or the mapping itself if the key is absent)."""
        return self.value_pos.get(key, self.pos)


class YList(list[Any]):
    """A sequence read from YAML, with the position of itself and of each item."""

    __slots__ = ("pos", "item_pos")

    def __init__(self, pos: Pos) -> None:
        super().__init__()
        self.pos = pos
        self.item_pos: list[Pos] = []

    def at(self, index: int) -> Pos:
        return self.item_pos[index] if 0 <= index < len(self.item_pos) else self.pos


class YamlProblem(Exception):
    """A file that is not readable YAML; carries the position to report."""

    def __init__(self, pos: Pos, message: str) -> None:
        super().__init__(message)
        self.pos = pos
        self.message = message


class _Converter:
    """Turns a composed node graph into YMap / YList / scalars, within budgets."""

    def __init__(self, file: str) -> None:
        self.file = file
        self.nodes = 0
        self.on_path: set[int] = set()
        self.constructor = yaml.constructor.SafeConstructor()

    def pos(self, node: yaml.Node) -> Pos:
        mark = node.start_mark
        return Pos(self.file, mark.line + 1, mark.column + 1)

    def convert(self, node: yaml.Node, depth: int = 0) -> Any:
        self.nodes += 1
        if self.nodes > MAX_NODES:
            raise YamlProblem(self.pos(node), f"too many values (over {MAX_NODES:,}); "
                              "is an alias (*name) repeated many times?")
        if depth > MAX_DEPTH:
            raise YamlProblem(self.pos(node), f"nested more than {MAX_DEPTH} levels deep")
        if node.tag not in _ALLOWED_TAGS:
            raise YamlProblem(self.pos(node), f"the tag {node.tag!r} is not allowed: "
                              "story files hold plain data only")
        if isinstance(node, yaml.ScalarNode):
            return self.scalar(node)
        key = id(node)
        if key in self.on_path:
            raise YamlProblem(self.pos(node), "an alias refers to a value that contains itself")
        self.on_path.add(key)
        try:
            if isinstance(node, yaml.MappingNode):
                return self.mapping(node, depth)
            return self.sequence(node, depth)
        finally:
            self.on_path.discard(key)

    def scalar(self, node: yaml.ScalarNode) -> Any:
        tag = node.tag
        if tag == _STR:
            return node.value
        if tag == _BOOL:
            return node.value.lower() == "true"
        if tag == _NULL:
            return None
        if tag in (_INT, _FLOAT):
            try:
                return self.constructor.construct_object(node)
            except (ValueError, yaml.YAMLError):
                return node.value
        return node.value  # timestamps and the like stay text

    def mapping(self, node: yaml.MappingNode, depth: int) -> YMap:
        result = YMap(self.pos(node))
        for key_node, value_node in node.value:
            if key_node.tag == "tag:yaml.org,2002:merge":
                raise YamlProblem(self.pos(key_node), "merge keys (<<) are not supported")
            if not isinstance(key_node, yaml.ScalarNode):
                raise YamlProblem(self.pos(key_node), "a key must be a plain name, not a list or mapping")
            key = str(key_node.value)
            if key in result:
                raise YamlProblem(self.pos(key_node), f"the key {key!r} appears twice in this mapping "
                                  f"(first at line {result.key_pos[key].line})")
            result.key_pos[key] = self.pos(key_node)
            result.value_pos[key] = self.pos(value_node)
            result[key] = self.convert(value_node, depth + 1)
        return result

    def sequence(self, node: yaml.SequenceNode, depth: int) -> YList:
        result = YList(self.pos(node))
        for item in node.value:
            result.item_pos.append(self.pos(item))
            result.append(self.convert(item, depth + 1))
        return result


def parse_yaml(data: bytes, file: str) -> Any:
    """Parse one YAML document from ``data``; raise YamlProblem with a position on any fault."""
    if len(data) > MAX_FILE_BYTES:
        raise YamlProblem(Pos(file, 1, 1), f"the file is {len(data):,} bytes; "
                          f"story files are limited to {MAX_FILE_BYTES:,}")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data.count(b"\n", 0, exc.start) + 1
        column = exc.start - (data.rfind(b"\n", 0, exc.start) + 1) + 1
        raise YamlProblem(Pos(file, line, column), "the file is not UTF-8 text "
                          f"(byte 0x{data[exc.start]:02x})") from None
    try:
        node = yaml.compose(text, Loader=_Loader)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        pos = Pos(file, mark.line + 1, mark.column + 1) if mark else Pos(file, 1, 1)
        what = exc.problem or exc.context or "invalid YAML"
        raise YamlProblem(pos, f"YAML syntax: {what}") from None
    except yaml.reader.ReaderError as exc:
        line = text.count("\n", 0, exc.position) + 1
        column = exc.position - (text.rfind("\n", 0, exc.position) + 1) + 1
        raise YamlProblem(Pos(file, line, column),
                          f"the file holds a character YAML does not allow ({exc.character!r})") from None
    except yaml.YAMLError as exc:
        raise YamlProblem(Pos(file, 1, 1), f"YAML: {exc}") from None
    except RecursionError:
        raise YamlProblem(Pos(file, 1, 1), "the file is nested too deeply") from None
    if node is None:
        raise YamlProblem(Pos(file, 1, 1), "the file is empty")
    try:
        return _Converter(file).convert(node)
    except RecursionError:
        raise YamlProblem(Pos(file, 1, 1), "the file is nested too deeply") from None


def read_yaml(path: Path, file: str, reporter: Reporter) -> Any:
    """Read and parse ``path``; report a problem and return None if it cannot be read."""
    try:
        data = path.read_bytes()
    except OSError as exc:
        reporter.error("unreadable", Pos(file, 1, 1), f"cannot read the file: {exc.strerror or exc}")
        return None
    try:
        return parse_yaml(data, file)
    except YamlProblem as exc:
        reporter.error("yaml", exc.pos, exc.message)
        return None
