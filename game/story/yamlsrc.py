"""Safe YAML reading that keeps the source position of every value.

Files are read as a stream of parser events (never constructed) with PyYAML's
C parser when available, and built into plain dicts, lists and scalars with an
explicit stack (libyaml's own composer recurses in C and crashes on deeply
nested input).  Each mapping and list
remembers where its items came from, so every later message can name
``file:line:column``.  Nothing here can run code: tags other than the plain
YAML ones are refused, and alias expansion, nesting depth and file size are
bounded so that hostile bytes cost bounded time and memory.
"""

from __future__ import annotations

import os
import stat
from pathlib import Path
from typing import Any

import yaml

from . import files
from .problems import Pos, Reporter, quote
from .yamlnodes import YList, YMap, mark_pos
from .yamlscalars import BOOLS, NumberTooLong, plain_scalar

try:  # the C parser is about ten times faster; the pure one behaves the same
    from yaml import CBaseLoader as _BaseLoader
    _C_READER = True  # it counts positions in bytes of UTF-8, the pure one in characters
except ImportError:  # pragma: no cover - depends on how PyYAML was built
    from yaml import BaseLoader as _BaseLoader  # type: ignore[assignment]
    _C_READER = False

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

_Loader = _BaseLoader  # only its parser is used: events, never nodes or constructed objects


def event_parser(text: str) -> Any:
    """PyYAML's parser over ``text``, giving events (``get_event``); ``dispose`` it when done."""
    return _Loader(text)


class YamlProblem(Exception):
    """A file that is not readable YAML; carries the position to report."""

    def __init__(self, pos: Pos, message: str) -> None:
        super().__init__(message)
        self.pos = pos
        self.message = message


class _Builder:
    """Builds YMap / YList / scalars straight from the parser's events, with an explicit stack.

    Depth, alias expansion (aliases count the values they repeat) and
    self-reference are checked as the events arrive.
    """

    def __init__(self, file: str) -> None:
        self.file = file
        self.anchors: dict[str, Any] = {}
        self.open_anchors: set[str] = set()
        self.sizes: dict[int, int] = {}  # id(anchored value) -> values inside it, aliases expanded
        self.total = 0

    def problem(self, mark: Any, message: str) -> YamlProblem:
        return YamlProblem(mark_pos(self.file, mark), message)

    def key_problem(self, container: YMap, key: str, event: Any) -> YamlProblem:
        """Why ``key`` cannot go into ``container``: a merge key, or a key written twice."""
        if key == "<<" and not event.style:
            return self.problem(event.start_mark, "merge keys (<<) are not supported")
        return self.problem(event.start_mark, f"the key {quote(key)} appears twice in this mapping "
                            f"(first at line {container.key_at(key).line})")

    def check_tag(self, event: Any) -> None:
        tag = event.tag
        if tag is not None and tag != "!" and tag not in _ALLOWED_TAGS:
            raise self.problem(event.start_mark, f"the tag {quote(tag)} is not allowed: "
                               "story files hold plain data only")

    def scalar(self, event: Any) -> Any:
        self.check_tag(event)
        tag, value = event.tag, event.value
        if tag is None or tag == "!" or tag == _STR:
            if tag == _STR or event.style:
                return value  # quoted, or explicitly text
            return plain_scalar(value)
        if tag == _BOOL and value in BOOLS:
            return BOOLS[value]
        if tag == _NULL:
            return None
        if tag in (_INT, _FLOAT):
            typed = plain_scalar(value)
            if isinstance(typed, (int, float)) and not isinstance(typed, bool):
                return typed
            raise self.problem(event.start_mark, f"{quote(value)} is not a number")
        return value  # timestamps and the like stay text

    def count(self, amount: int, mark: Any) -> None:
        self.total += amount
        if self.total > MAX_NODES:
            raise self.problem(mark, f"too many values (over {MAX_NODES:,}); "
                               "is an alias (*name) repeated many times?")

    def build(self, loader: Any) -> Any:
        # A frame: [collection, pending key (or None), key mark, values inside, anchor]
        stack: list[list[Any]] = []
        root: Any = None
        documents = 0
        total = 0  # values so far (kept in self.total when an alias or a collection needs it)
        get_event = loader.get_event
        # locals for the hot loop (it is most of a story's load time)
        ScalarEvent, AliasEvent = yaml.ScalarEvent, yaml.AliasEvent
        MappingStartEvent, SequenceStartEvent = yaml.MappingStartEvent, yaml.SequenceStartEvent
        MappingEndEvent, SequenceEndEvent = yaml.MappingEndEvent, yaml.SequenceEndEvent
        DocumentStartEvent, StreamEndEvent = yaml.DocumentStartEvent, yaml.StreamEndEvent
        file = self.file
        event: Any = None
        try:
            while True:
                event = get_event()
                kind = type(event)
                size = 1
                if kind is ScalarEvent:
                    total += 1
                    if total > MAX_NODES:
                        self.total = total
                        self.count(0, event.start_mark)
                    if stack and event.tag is None and not event.anchor:
                        # The common case, placed at once (this loop is most of a story's load time).
                        frame = stack[-1]
                        container = frame[0]
                        if type(container) is YMap and frame[1] is None:  # a key: its text is all we need
                            key = event.value
                            if key in container or (key == "<<" and not event.style):
                                raise self.key_problem(container, key, event)
                            frame[1] = key
                            frame[2] = event.start_mark
                            frame[3] += 1
                            continue
                        value = event.value
                        if not event.style:
                            value = plain_scalar(value) if value else None  # an empty plain scalar is null
                        frame[3] += 1
                        if type(container) is YList:
                            container.marks.append(event.start_mark)
                            container.append(value)
                        else:
                            key = frame[1]
                            container.marks[key] = (frame[2], event.start_mark)
                            container[key] = value
                            frame[1] = None
                        continue
                    if event.tag is None:
                        value = event.value
                        if not event.style:
                            value = plain_scalar(value) if value else None
                    else:
                        value = self.scalar(event)
                    if event.anchor:
                        self.anchors[event.anchor] = value
                    start = event.start_mark
                elif kind is MappingStartEvent or kind is SequenceStartEvent:
                    if event.tag is not None:
                        self.check_tag(event)
                    if len(stack) >= MAX_DEPTH:
                        raise self.problem(event.start_mark, f"nested more than {MAX_DEPTH} levels deep")
                    collection = (YMap if kind is MappingStartEvent else YList)(file, event.start_mark)
                    if event.anchor:
                        self.anchors[event.anchor] = collection
                        self.open_anchors.add(event.anchor)
                    total += 1
                    if total > MAX_NODES:
                        self.total = total
                        self.count(0, event.start_mark)
                    stack.append([collection, None, None, 1, event.anchor])
                    continue
                elif kind is MappingEndEvent or kind is SequenceEndEvent:
                    value, _key, _mark, size, anchor = stack.pop()
                    start = value.mark  # a collection is placed where it starts, not where it ends
                    if anchor:
                        self.open_anchors.discard(anchor)
                        self.sizes[id(value)] = size
                elif kind is AliasEvent:
                    name = event.anchor
                    if name in self.open_anchors:
                        raise self.problem(event.start_mark, "an alias refers to a value that contains itself")
                    if name not in self.anchors:
                        raise self.problem(event.start_mark, f"unknown alias *{name}")
                    value = self.anchors[name]
                    size = self.sizes.get(id(value), 1)
                    self.total = total
                    self.count(size, event.start_mark)
                    total = self.total
                    start = event.start_mark
                elif kind is DocumentStartEvent:
                    documents += 1
                    if documents > 1:
                        raise self.problem(event.start_mark, "a story file holds one document (remove the second ---)")
                    continue
                elif kind is StreamEndEvent:
                    self.total = total
                    return root
                else:  # stream start, document end
                    continue
                if not stack:
                    root = value
                    continue
                frame = stack[-1]
                frame[3] += size
                container = frame[0]
                if type(container) is YList:
                    container.marks.append(start)
                    container.append(value)
                elif frame[1] is None:  # this value is a key
                    if kind is not ScalarEvent:
                        raise self.problem(event.start_mark, "a key must be a plain name, not a list or mapping")
                    key = event.value
                    if key in container or (key == "<<" and not event.style):
                        raise self.key_problem(container, key, event)
                    frame[1] = key
                    frame[2] = start
                else:
                    key = frame[1]
                    container.marks[key] = (frame[2], start)
                    container[key] = value
                    frame[1] = None
        except NumberTooLong as exc:  # raised by plain_scalar while placing ``event``
            raise self.problem(event.start_mark, str(exc)) from None


def _line_column(text: str, position: int) -> tuple[int, int]:
    """1-based line and column of a reader error's position.

    The C reader counts bytes of the UTF-8 text, the pure one counts characters.
    """
    if _C_READER:
        prefix = text.encode("utf-8")[:position].decode("utf-8", "ignore")
    else:
        prefix = text[:position]
    line = prefix.count("\n") + 1
    return line, len(prefix) - (prefix.rfind("\n") + 1) + 1


def parse_yaml(data: bytes, file: str) -> Any:
    """Parse one YAML document from ``data``; raise YamlProblem with a position on any fault."""
    if len(data) > MAX_FILE_BYTES:
        raise YamlProblem(Pos(file, 1, 1), f"the file is over {MAX_FILE_BYTES:,} bytes, "
                          "the limit for a story file")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data.count(b"\n", 0, exc.start) + 1
        column = exc.start - (data.rfind(b"\n", 0, exc.start) + 1) + 1
        raise YamlProblem(Pos(file, line, column), "the file is not UTF-8 text "
                          f"(byte 0x{data[exc.start]:02x})") from None
    loader = event_parser(text)
    try:
        value = _Builder(file).build(loader)
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
    finally:
        loader.dispose()
    if value is None:
        raise YamlProblem(Pos(file, 1, 1), "the file is empty")
    return value


def read_story_file(path: Path | str, root: Path | str | None = None, limit: int = MAX_FILE_BYTES, *,
                    listed: bool = False) -> bytes:
    """The bytes of a story file, through ``game.story.files``: inside ``root``, regular, at most ``limit`` bytes.

    Raises ``FileRefused`` whose message speaks of "the file" (the caller names
    it by its place): a link leaving ``root``, a FIFO or device, or a file over
    the limit is refused before anything is read, and nothing of an outside
    file's content can reach a message.  ``listed``: the caller found the file by
    listing folders inside ``root`` without following links, and it is no link
    itself (the loader's scene listing), so resolving its path again is skipped:
    a story is thousands of files.
    """
    if root is not None and not listed:
        try:
            path = files.inside(root, path)
        except files.FileRefused:
            raise files.FileRefused("the file is a link to outside the story folder") from None
    try:
        return files.read_limited(path, limit)
    except files.FileRefused:
        raise files.FileRefused(_refusal(path, limit)) from None


def _refusal(path: Path | str, limit: int) -> str:
    """Why ``files.read_limited`` refused ``path``, said without the path (looked at only when it did)."""
    try:
        info = os.stat(path)
    except OSError as exc:
        return f"cannot read the file: {exc.strerror or exc}"
    if not stat.S_ISREG(info.st_mode):
        return "the file is not a regular file (a FIFO, device or folder): story files are plain files"
    if info.st_size > limit:
        return f"the file is {info.st_size:,} bytes, over {limit:,} bytes, the limit for a story file"
    if not os.access(path, os.R_OK):
        return "cannot read the file: Permission denied"
    return "the file changed while it was read"


def read_yaml(path: Path | str, file: str, reporter: Reporter, root: Path | str | None = None, *,
              listed: bool = False) -> Any:
    """Read (see ``read_story_file``) and parse ``path``; report a problem and return None if it cannot be read."""
    try:
        data = read_story_file(path, root, listed=listed)
    except files.FileRefused as exc:
        reporter.error("unreadable", Pos(file, 1, 1), str(exc))
        return None
    try:
        return parse_yaml(data, file)
    except YamlProblem as exc:
        reporter.error("yaml", exc.pos, exc.message)
        return None
