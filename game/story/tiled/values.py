"""Attribute values and custom properties of Tiled elements, read strictly and within bounds.

Whole numbers are plain decimal of at most ``MAX_DIGITS`` digits (no thousands of
digits reach ``int``), numbers are finite and within ``MAX_COORDINATE``.
Custom properties keep Tiled's types: ``int``, ``float``, ``bool``, text for
``string`` / ``color`` / ``file`` / enum values, nested mappings for ``class``
properties and tuples for ``list`` ones (Tiled 1.8 and 1.12).
"""

from __future__ import annotations

import math
import re
from collections.abc import Mapping
from types import MappingProxyType
from typing import Any

from ..problems import Pos
from .document import Node
from .errors import MapFormatError
from .limits import MAX_COORDINATE, MAX_DIGITS

_WHOLE = re.compile(rf"[+-]?[0-9]{{1,{MAX_DIGITS}}}")
_NUMBER_CHARS = 64
EMPTY: Mapping[str, Any] = MappingProxyType({})


def fail(node: Node, message: str) -> MapFormatError:
    """An error at ``node``'s file and line."""
    return MapFormatError(node.file, node.line, message, node.column)


def shorten(text: str, limit: int = 40) -> str:
    """Quoted input cut to a readable length for a message."""
    return repr(text if len(text) <= limit else text[:limit] + "…")


def whole(text: str, node: Node, what: str, low: int, high: int) -> int:
    """``text`` as a whole number from ``low`` to ``high``; MapFormatError naming ``what`` otherwise."""
    stripped = text.strip()
    if _WHOLE.fullmatch(stripped) is None:
        raise fail(node, f"{what}={shorten(text)} is not a whole number")
    value = int(stripped)
    if not low <= value <= high:
        raise fail(node, f"{what}={value} is out of range ({low:,} to {high:,})")
    return value


def integer(node: Node, name: str, default: int = 0, low: int = -(2**31), high: int = 2**32 - 1) -> int:
    """A whole-number attribute (``default`` when absent or empty)."""
    value = node.attrs.get(name)
    if value is None or value == "":
        return default
    return whole(value, node, f"<{node.tag}> {name}", low, high)


def real(text: str, node: Node, what: str, limit: float = MAX_COORDINATE) -> float:
    """``text`` as a finite number of at most ``limit`` in size."""
    try:
        if len(text) > _NUMBER_CHARS:
            raise ValueError
        value = float(text)
    except ValueError:
        raise fail(node, f"{what}={shorten(text)} is not a number") from None
    if not math.isfinite(value):
        raise fail(node, f"{what}={shorten(text)} is not a finite number")
    if abs(value) > limit:
        raise fail(node, f"{what}={shorten(text)} is out of range (at most {limit:,.0f} either way)")
    return value


def number(node: Node, name: str, default: float = 0.0, limit: float = MAX_COORDINATE) -> float:
    """A number attribute (``default`` when absent or empty)."""
    value = node.attrs.get(name)
    if value is None or value == "":
        return default
    return real(value, node, f"<{node.tag}> {name}", limit)


def flag(node: Node, name: str, default: bool = True) -> bool:
    """A 0 / 1 attribute such as ``visible`` (Tiled writes 0 and 1; true / false are accepted too)."""
    value = node.attrs.get(name)
    if value is None or value == "":
        return default
    return value.strip().lower() in ("1", "true")


def pos(node: Node) -> Pos:
    return Pos(node.file, node.line, node.column)


def properties(node: Node) -> tuple[Mapping[str, Any], Mapping[str, Pos]]:
    """The custom properties of ``node`` and where each is written.

    Class properties nest; the reader's depth cap (``MAX_DEPTH``) bounds how
    deep, so the recursion here stays shallow.
    """
    found: dict[str, Any] = {}
    where: dict[str, Pos] = {}
    holder = node.find("properties")
    if holder is not None:
        for prop in holder.findall("property"):
            name = prop.attrs.get("name", "")
            found[name] = value(prop)
            where[name] = pos(prop)
    return MappingProxyType(found), MappingProxyType(where)


def value(prop: Node) -> Any:
    """The typed value of a ``<property>`` or a list ``<item>``."""
    kind = prop.attrs.get("type", "string")
    if kind == "class":
        return properties(prop)[0]
    if kind == "list":
        return tuple(value(item) for item in prop.findall("item"))
    text = prop.attrs.get("value")
    if text is None:
        text = prop.text  # a multi-line string keeps its value as element text
    what = f"the property {shorten(prop.attrs.get('name', ''))}"
    if kind in ("int", "object"):
        return whole(text, prop, what, -(2**63), 2**63 - 1) if text.strip() else 0
    if kind == "float":
        return real(text, prop, what, 1e300) if text.strip() else 0.0
    if kind == "bool":
        return text.strip().lower() == "true"
    return text  # string, color, file, enum values and unknown types stay text
