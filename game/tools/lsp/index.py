"""Every name a story's files define or use, with where it is written: definitions, references, renames.

Names are keys like ``scene:rooftop``, ``label:rooftop.bench``,
``var:trust``, ``char:jay``, ``look:jay/smile``, ``ending:reunion`` and
``asset:background/shop_night``.  Each symbol is one place in one file (the
characters of the name itself, so that a rename replaces exactly them) with
its role: defined there, read (a condition), written (``set`` / ``add``) or
referred to (a goto, a speaker, a background...).

Scene files and story.yaml are read through ``game.tools.spans``; Tiled maps
(``.tmx``, ``.tx``) are XML whose hotspot properties (``goto``, ``call``,
``if``) are found in the text.  A goto's bare name means a scene if one has that
id, else a label of its own scene: the loader's rule (``model.split_target``).
"""

from __future__ import annotations

import html
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field

from game.story.model import split_target
from game.story.vocabulary import RESERVED

from ..spans import Document, Node, SpanError, parse

KEYWORDS = frozenset({"and", "or", "not", "true", "false", "visited"})
_CONDITION_TOKEN = re.compile(r"'[^']*'|\"[^\"]*\"|[A-Za-z_][A-Za-z0-9_]*|\(")
_PROPERTY = re.compile(r"<property\b[^>]*>")
_ATTRIBUTE = re.compile(r'(\w+)\s*=\s*"([^"]*)"')
ASSET_KEYS = {"bg": "background", "music": "music", "sfx": "sfx", "map": "map"}


@dataclass(frozen=True)
class Symbol:
    key: str  # what is named, e.g. "label:rooftop.bench"
    file: str  # relative to the story folder
    start: int  # character offsets of the name in the file's text
    end: int
    role: str  # "def" | "ref" | "read" | "write"
    context: str = ""  # how it is used: "goto", "call", "if", "set", "add", "start", "hotspot", "visited", ...


@dataclass
class FileSymbols:
    """The symbols of one file's text."""

    file: str
    text: str
    scene: str | None  # the scene a scene file defines
    symbols: list[Symbol] = field(default_factory=list)


def value_offset(node: Node, text: str) -> int | None:
    """Where the characters of a scalar's value start in the text, if they stand there unchanged."""
    if node.kind != "scalar":
        return None
    if node.style == "":
        return node.start if text[node.start:node.end] == node.value else None
    if node.style in ("'", '"') and text[node.start + 1:node.end - 1] == node.value:
        return node.start + 1
    return None


class _Builder:
    """Collects the symbols of one file."""

    def __init__(self, file: str, text: str, is_scene: Callable[[str], bool]) -> None:
        self.file = file
        self.text = text
        self.is_scene = is_scene
        self.symbols: list[Symbol] = []

    def add(self, key: str, start: int, end: int, role: str, context: str = "") -> None:
        self.symbols.append(Symbol(key, self.file, start, end, role, context))

    def scalar(self, node: Node | None, key: str, role: str, context: str = "") -> None:
        offset = value_offset(node, self.text) if node is not None else None
        if node is not None and offset is not None:
            self.add(key, offset, offset + len(node.value), role, context)

    def target(self, name: str, offset: int, scene: str | None, context: str) -> None:
        """A goto / call / start / hotspot / visited name at ``offset``: the scene and the label it names."""
        scene_id, label = split_target(name, scene, self.is_scene)
        if "." in name:
            self.add(f"scene:{scene_id}", offset, offset + len(scene_id), "ref", context)
            self.add(f"label:{scene_id}.{label}", offset + len(scene_id) + 1, offset + len(name), "ref", context)
        elif label is None:
            self.add(f"scene:{scene_id}", offset, offset + len(name), "ref", context)
        else:
            self.add(f"label:{scene_id}.{label}", offset, offset + len(name), "ref", context)

    def target_node(self, node: Node | None, scene: str | None, context: str) -> None:
        offset = value_offset(node, self.text) if node is not None else None
        if node is not None and offset is not None and node.value:
            self.target(node.value, offset, scene, context)

    def condition(self, source: str, offset: int | None, scene: str | None) -> None:
        """Variables a condition reads and the places its visited() names (when its text can be placed)."""
        if offset is None:
            return
        tokens = list(_CONDITION_TOKEN.finditer(source))
        for i, token in enumerate(tokens):
            word = token.group()
            if word[0] in "'\"":
                if i >= 2 and tokens[i - 1].group() == "(" and tokens[i - 2].group() == "visited":
                    self.target(word[1:-1], offset + token.start() + 1, scene, "visited")
            elif word != "(" and word not in KEYWORDS:
                self.add(f"var:{word}", offset + token.start(), offset + token.end(), "read", "if")

    def condition_node(self, node: Node | None, scene: str | None) -> None:
        if node is not None and node.kind == "scalar":
            self.condition(node.value, value_offset(node, self.text), scene)


def _scene_file(builder: _Builder, doc: Document) -> str | None:
    top = doc.root
    if top.kind != "map":
        return None
    scene_node = top.get("scene")
    scene = scene_node.value if scene_node is not None and scene_node.kind == "scalar" else None
    if scene is not None:
        builder.scalar(scene_node, f"scene:{scene}", "def")
    script = top.get("script")
    if script is not None:
        _steps(builder, script, scene)
    return scene


def _steps(builder: _Builder, steps: Node, scene: str | None) -> None:
    for step in steps.items if steps.kind == "seq" else ():
        if step.kind != "map" or not step.pairs:
            continue
        kinds = [k.value for k, _ in step.pairs if k.value in RESERVED]
        if not kinds:
            _line(builder, step)
        else:
            _step(builder, step, kinds[0], scene)


def _line(builder: _Builder, step: Node) -> None:
    key = step.pairs[0][0]
    offset = value_offset(key, builder.text)
    if offset is None:
        return
    speaker, _, look = key.value.partition(" ")
    if speaker != "narrator":
        builder.add(f"char:{speaker}", offset, offset + len(speaker), "ref", "line")
        if look:
            start = offset + len(speaker) + 1
            builder.add(f"look:{speaker}/{look}", start, start + len(look), "ref", "line")


def _step(builder: _Builder, step: Node, kind: str, scene: str | None) -> None:
    value = step.get(kind)
    if kind == "label" and value is not None and scene is not None:
        builder.scalar(value, f"label:{scene}.{value.value}", "def")
    elif kind in ("goto", "call"):
        builder.target_node(value, scene, kind)
    elif kind == "if":
        builder.condition_node(value, scene)
        for part in ("then", "else"):
            block = step.get(part)
            if block is not None:
                _steps(builder, block, scene)
    elif kind == "choice" and value is not None:
        options = value.get("options") if value.kind == "map" else value
        for option in options.items if options is not None and options.kind == "seq" else ():
            if option.kind == "map":
                _option(builder, option, scene)
    elif kind in ("set", "add") and value is not None and value.kind == "map":
        for name, _ in value.pairs:
            builder.scalar(name, f"var:{name.value}", "write", kind)
    elif kind in ("show", "hide") and value is not None:
        builder.scalar(value, f"char:{value.value}", "ref", kind)
        look = step.get("look")
        if look is not None and kind == "show":
            builder.scalar(look, f"look:{value.value}/{look.value}", "ref", "show")
    elif kind in ASSET_KEYS and value is not None and not (kind == "music" and value.value == "stop"):
        builder.scalar(value, f"asset:{ASSET_KEYS[kind]}/{value.value}", "ref", kind)
    elif kind == "ending" and value is not None:
        builder.scalar(value, f"ending:{value.value}", "ref", "ending")


def _option(builder: _Builder, option: Node, scene: str | None) -> None:
    builder.condition_node(option.get("if"), scene)
    for what in ("set", "add"):
        effects = option.get(what)
        if effects is not None and effects.kind == "map":
            for name, _ in effects.pairs:
                builder.scalar(name, f"var:{name.value}", "write", what)
    then = option.get("then")
    if then is not None:
        _steps(builder, then, scene)
    builder.target_node(option.get("goto"), scene, "goto")


def _manifest(builder: _Builder, doc: Document) -> None:
    top = doc.root
    if top.kind != "map":
        return
    builder.target_node(top.get("start"), None, "start")
    for section, prefix in (("characters", "char"), ("variables", "var"), ("endings", "ending")):
        entries = top.get(section)
        for name, spec in entries.pairs if entries is not None and entries.kind == "map" else ():
            builder.scalar(name, f"{prefix}:{name.value}", "def")
            items = spec.get("looks" if section == "characters" else "values") if spec.kind == "map" else None
            for item in items.items if items is not None and items.kind == "seq" else ():
                key = f"look:{name.value}/{item.value}" if section == "characters" else f"value:{name.value}/{item.value}"
                builder.scalar(item, key, "def")


def _tiled(builder: _Builder) -> None:
    """Hotspot properties of a Tiled map or template: goto / call targets, `if` conditions."""
    for element in _PROPERTY.finditer(builder.text):
        attributes = {m.group(1): m for m in _ATTRIBUTE.finditer(element.group())}
        name, value = attributes.get("name"), attributes.get("value")
        if name is None or value is None or name.group(2) not in ("goto", "call", "if"):
            continue
        raw = value.group(2)
        offset = element.start() + value.start(2)
        if name.group(2) == "if":
            source = html.unescape(raw)
            builder.condition(source, offset if source == raw else None, None)
        elif "&" not in raw and raw:
            builder.target(raw, offset, None, "hotspot")


def file_symbols(file: str, text: str, is_scene: Callable[[str], bool]) -> FileSymbols:
    """The symbols of ``file`` (its text as the editor holds it)."""
    builder = _Builder(file, text, is_scene)
    if file.endswith((".tmx", ".tx", ".tsx")):
        _tiled(builder)
        return FileSymbols(file, text, None, builder.symbols)
    try:
        doc = parse(text)
    except SpanError:  # text that is no YAML now: no symbols until it is again
        return FileSymbols(file, text, None, [])
    scene = None
    if file == "story.yaml":
        _manifest(builder, doc)
    else:
        scene = _scene_file(builder, doc)
    return FileSymbols(file, text, scene, builder.symbols)


def scene_id(text: str) -> str | None:
    """The `scene:` of a scene file's text, found cheaply (for resolving bare names before indexing)."""
    match = re.search(r"^scene:\s*['\"]?([A-Za-z_][A-Za-z0-9_]*)", text, re.MULTILINE)
    return match.group(1) if match else None


@dataclass
class StoryIndex:
    """The symbols of every file of a story."""

    files: dict[str, FileSymbols] = field(default_factory=dict)

    def all(self) -> Iterator[Symbol]:
        for symbols in self.files.values():
            yield from symbols.symbols

    def at(self, file: str, offset: int) -> Symbol | None:
        """The symbol whose name holds ``offset`` (the cursor may stand just after it)."""
        found = self.files.get(file)
        for symbol in found.symbols if found else ():
            if symbol.start <= offset <= symbol.end:
                return symbol
        return None

    def named(self, key: str, roles: tuple[str, ...] | None = None) -> list[Symbol]:
        return [s for s in self.all() if s.key == key and (roles is None or s.role in roles)]

    def keys(self, prefix: str) -> list[str]:
        """The names defined with ``prefix`` (e.g. "label:"), without it, sorted."""
        return sorted({s.key[len(prefix):] for s in self.all() if s.role == "def" and s.key.startswith(prefix)})
