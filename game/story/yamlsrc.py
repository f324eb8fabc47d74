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
from typing import Any, NamedTuple

import yaml

from .problems import Pos, Reporter

try:  # the C parser is about ten times faster; the pure one behaves the same
    from yaml import CBaseLoader as _BaseLoader
except ImportError:  # pragma: no cover - depends on how PyYAML was built
    from yaml import BaseLoader as _BaseLoader  # type: ignore[assignment]

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

# Plain scalars are typed as YAML 1.2's core schema does.  (YAML 1.1 reads
# yes/no/on/off as booleans, which would turn `narrator: no` into False.)
_BOOLS = {"true": True, "True": True, "TRUE": True, "false": False, "False": False, "FALSE": False}
_NULLS = frozenset({"", "~", "null", "Null", "NULL"})
_INT_RE = re.compile(r"[-+]?(?:[0-9]+|0x[0-9a-fA-F]+|0o[0-7]+)\Z")
_FLOAT_RE = re.compile(r"[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?\Z")
_NUMBER_START = frozenset("0123456789+-.")


def plain_scalar(value: str) -> Any:
    """The value of an unquoted scalar: a bool, null, int, float, or the text itself."""
    if value in _BOOLS:
        return _BOOLS[value]
    if value in _NULLS:
        return None
    if value[0] in _NUMBER_START:
        if _INT_RE.match(value):
            return int(value, 0) if value.lstrip("+-")[:2] in ("0x", "0o") else int(value)
        if _FLOAT_RE.match(value):
            return float(value)
    return value


class _Loader(_BaseLoader):  # type: ignore[misc, valid-type]
    """The base (no-constructor) loader; node kinds are tagged without regex work per scalar."""

    def resolve(self, kind: type, value: Any, implicit: Any) -> str:
        if kind is yaml.ScalarNode:
            return _STR
        return _SEQ if kind is yaml.SequenceNode else _MAP


class _Mark(NamedTuple):
    line: int
    column: int


_TOP = _Mark(0, 0)


def _pos(file: str, mark: Any) -> Pos:
    return Pos(file, mark.line + 1, mark.column + 1)


class YMap(dict[str, Any]):
    """A mapping read from YAML, with the position of itself, each key and each value.

    Positions are kept as the parser's marks and turned into ``Pos`` only when
    asked for: most are never needed.
    """

    __slots__ = ("file", "mark", "marks")

    def __init__(self, file: str, mark: Any) -> None:
        super().__init__()
        self.file = file
        self.mark = mark
        self.marks: dict[str, tuple[Any, Any]] = {}  # key -> (key mark, value mark)

    @classmethod
    def empty(cls, file: str) -> "YMap":
        """An empty mapping standing at the top of ``file`` (for files that hold something else)."""
        return cls(file, _TOP)

    @property
    def pos(self) -> Pos:
        return _pos(self.file, self.mark)

    def at(self, key: str) -> Pos:
        """Where the value of ``key`` starts (or the mapping itself if the key is absent)."""
        marks = self.marks.get(key)
        return _pos(self.file, marks[1] if marks else self.mark)

    def key_at(self, key: str) -> Pos:
        """Where ``key`` itself is written."""
        marks = self.marks.get(key)
        return _pos(self.file, marks[0] if marks else self.mark)


class YList(list[Any]):
    """A sequence read from YAML, with the position of itself and of each item."""

    __slots__ = ("file", "mark", "marks")

    def __init__(self, file: str, mark: Any) -> None:
        super().__init__()
        self.file = file
        self.mark = mark
        self.marks: list[Any] = []

    @property
    def pos(self) -> Pos:
        return _pos(self.file, self.mark)

    def at(self, index: int) -> Pos:
        return _pos(self.file, self.marks[index] if 0 <= index < len(self.marks) else self.mark)


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

    def pos(self, node: yaml.Node) -> Pos:
        return _pos(self.file, node.start_mark)

    def convert(self, node: yaml.Node, depth: int = 0) -> Any:
        self.nodes += 1
        if self.nodes > MAX_NODES:
            raise YamlProblem(self.pos(node), f"too many values (over {MAX_NODES:,}); "
                              "is an alias (*name) repeated many times?")
        if node.tag not in _ALLOWED_TAGS:
            raise YamlProblem(self.pos(node), f"the tag {node.tag!r} is not allowed: "
                              "story files hold plain data only")
        if type(node) is yaml.ScalarNode:
            return self.scalar(node)
        if depth > MAX_DEPTH:
            raise YamlProblem(self.pos(node), f"nested more than {MAX_DEPTH} levels deep")
        key = id(node)
        if key in self.on_path:
            raise YamlProblem(self.pos(node), "an alias refers to a value that contains itself")
        self.on_path.add(key)
        try:
            if type(node) is yaml.MappingNode:
                return self.mapping(node, depth)
            return self.sequence(node, depth)
        finally:
            self.on_path.discard(key)

    def scalar(self, node: yaml.ScalarNode) -> Any:
        tag, value = node.tag, node.value
        if tag == _STR:
            return value if node.style else plain_scalar(value)  # plain is typed; quoted stays text
        if tag == _BOOL and value in _BOOLS:
            return _BOOLS[value]
        if tag == _NULL:
            return None
        if tag in (_INT, _FLOAT):
            typed = plain_scalar(value)
            if isinstance(typed, (int, float)) and not isinstance(typed, bool):
                return typed if tag == _FLOAT or isinstance(typed, int) else value
            raise YamlProblem(self.pos(node), f"{value!r} is not a number")
        return value  # timestamps and the like stay text

    def mapping(self, node: yaml.MappingNode, depth: int) -> YMap:
        result = YMap(self.file, node.start_mark)
        marks = result.marks
        for key_node, value_node in node.value:
            if key_node.tag == "tag:yaml.org,2002:merge" or (
                    type(key_node) is yaml.ScalarNode and key_node.value == "<<" and not key_node.style):
                raise YamlProblem(self.pos(key_node), "merge keys (<<) are not supported")
            if type(key_node) is not yaml.ScalarNode:
                raise YamlProblem(self.pos(key_node), "a key must be a plain name, not a list or mapping")
            key = key_node.value
            if key in result:
                raise YamlProblem(self.pos(key_node), f"the key {key!r} appears twice in this mapping "
                                  f"(first at line {result.key_at(key).line})")
            self.nodes += 1
            marks[key] = (key_node.start_mark, value_node.start_mark)
            result[key] = self.convert(value_node, depth + 1)
        return result

    def sequence(self, node: yaml.SequenceNode, depth: int) -> YList:
        result = YList(self.file, node.start_mark)
        marks = result.marks
        for item in node.value:
            marks.append(item.start_mark)
            result.append(self.convert(item, depth + 1))
        return result


def _line_column(text: str, position: int) -> tuple[int, int]:
    """1-based line and column of a reader error's position.

    The C reader counts bytes of the UTF-8 text, the pure one counts characters.
    """
    if _BaseLoader is not yaml.BaseLoader:
        prefix = text.encode("utf-8")[:position].decode("utf-8", "ignore")
    else:
        prefix = text[:position]
    line = prefix.count("\n") + 1
    return line, len(prefix) - (prefix.rfind("\n") + 1) + 1


_BRACKETS = re.compile(r"[\[\]{}]")


def _check_flow_depth(text: str, file: str) -> None:
    """Refuse deeply nested [ { before parsing: libyaml's composer recurses in C and would crash."""
    depth = 0
    for match in _BRACKETS.finditer(text):
        depth += 1 if match.group() in "[{" else -1
        if depth > MAX_DEPTH:
            line, column = _line_column_chars(text, match.start())
            raise YamlProblem(Pos(file, line, column), f"brackets nest more than {MAX_DEPTH} levels deep")


def _line_column_chars(text: str, index: int) -> tuple[int, int]:
    line = text.count("\n", 0, index) + 1
    return line, index - (text.rfind("\n", 0, index) + 1) + 1


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
    _check_flow_depth(text, file)
    try:
        node = yaml.compose(text, Loader=_Loader)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        pos = Pos(file, mark.line + 1, mark.column + 1) if mark else Pos(file, 1, 1)
        what = exc.problem or exc.context or "invalid YAML"
        raise YamlProblem(pos, f"YAML syntax: {what}") from None
    except yaml.reader.ReaderError as exc:
        line, column = _line_column(text, exc.position)
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
