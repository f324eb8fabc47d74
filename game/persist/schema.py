"""Declarative checks for JSON that other people can edit: saves, settings, progress.

A spec says what a value must be; ``spec.check(value, where)`` returns the value
(converted where the spec says so: a float for a number, a datetime for a
time) or raises ``SchemaError`` naming the place (``snapshot.stack[3].after``)
and the problem in a few words.  Messages never quote more than ``QUOTE``
characters of what the file holds, so a 10 MB name costs a short line, and
every size is bounded (texts, lists, mappings), so a check costs time in
proportion to what it accepts.

>>> POINT = Fixed(Real(-10, 10), Real(-10, 10), OneOf(("up", "down")))
>>> POINT.check([1, 2.5, "up"], "where")
[1.0, 2.5, 'up']
>>> POINT.check([1, float("nan"), "up"], "where")
Traceback (most recent call last):
...
game.persist.schema.SchemaError: where[1]: must be a number within ±10, not nan

The specs here are generic; ``save_format`` describes a save with them.
"""

from __future__ import annotations

import math
import re
from abc import ABC, abstractmethod
from collections.abc import Collection, Mapping
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from types import MappingProxyType
from typing import Any

from game.story.fields import kind_of as yaml_kind_of

QUOTE = 40  # characters of a bad value a message may quote


class SchemaError(ValueError):
    """A value that does not fit its spec: ``where`` it is and what is wrong (short, for the player)."""

    def __init__(self, where: str, problem: str) -> None:
        super().__init__(f"{where}: {problem}" if where else problem)
        self.where = where
        self.problem = problem


def kind_of(value: Any) -> str:
    """What a JSON value is, in words (as the story's messages say it; JSON's null is "null")."""
    return "null" if value is None else yaml_kind_of(value)


def shown(value: Any) -> str:
    """A value as a message may quote it: at most ``QUOTE`` characters, containers by kind only."""
    if isinstance(value, str):
        text = repr(value[:QUOTE])
        if len(value) > QUOTE or len(text) > QUOTE + 2:  # cut, escapes included
            text = text[:QUOTE - 1] + "…'"
        return text
    if isinstance(value, bool) or value is None:
        return "true" if value is True else "false" if value is False else "null"
    if isinstance(value, int):
        return str(value) if value.bit_length() <= 100 else "a huge number"
    if isinstance(value, float):
        return repr(value)[:QUOTE]
    return kind_of(value)


def _plural(n: int, one: str, many: str | None = None) -> str:
    return f"{n:,} {one if n == 1 else many or one + 's'}"


class Spec(ABC):
    """What a value must be."""

    @abstractmethod
    def check(self, value: Any, where: str = "") -> Any:
        """The value (converted as the spec says); ``SchemaError`` if it does not fit."""

    @abstractmethod
    def describe(self) -> str:
        """What the spec accepts, in a few words ("a number from 0 to 1")."""

    def noun(self) -> str:
        """What kind of value the spec takes, shorter than ``describe`` ("a list"), for a value of the wrong kind."""
        return self.describe()

    def fail(self, value: Any, where: str) -> SchemaError:
        """The error for a value that is not what the spec describes."""
        return SchemaError(where, f"must be {self.describe()}, not {shown(value)}")

    def wrong_kind(self, value: Any, where: str) -> SchemaError:
        """The error for a value of the wrong kind altogether (limits do not matter then)."""
        return SchemaError(where, f"must be {self.noun()}, not {shown(value)}")


@dataclass(frozen=True)
class Text(Spec):
    """A string of at most ``max_length`` characters, matching ``pattern`` when given.

    ``cut``: a longer string is cut to ``max_length`` instead of refused (for
    texts that are only shown, such as a preview).
    """

    max_length: int
    pattern: re.Pattern[str] | None = None
    what: str = "a text"
    cut: bool = False

    def check(self, value: Any, where: str = "") -> str:
        if not isinstance(value, str):
            raise self.wrong_kind(value, where)
        text: str = value
        if len(text) > self.max_length:
            if not self.cut:
                raise SchemaError(where, f"is {_plural(len(text), 'character')} long (at most {self.max_length:,})")
            text = text[:self.max_length]
        if self.pattern is not None and not self.pattern.fullmatch(text):
            raise self.wrong_kind(text, where)
        return text

    def describe(self) -> str:
        return f"{self.what} of at most {_plural(self.max_length, 'character')}"

    def noun(self) -> str:
        return self.what


@dataclass(frozen=True)
class Integer(Spec):
    """A whole number (not true / false) from ``low`` to ``high``, or one of ``also``."""

    low: int
    high: int
    also: tuple[int, ...] = ()

    def check(self, value: Any, where: str = "") -> int:
        if isinstance(value, bool) or not isinstance(value, int):
            raise self.fail(value, where)
        if not (self.low <= value <= self.high or value in self.also):
            raise self.fail(value, where)
        return value

    def describe(self) -> str:
        extra = "".join(f" or {v}" for v in self.also)
        return f"a whole number from {self.low:,} to {self.high:,}{extra}"


@dataclass(frozen=True)
class Real(Spec):
    """A finite number (whole or not, not true / false) from ``low`` to ``high``, as a float."""

    low: float
    high: float

    def check(self, value: Any, where: str = "") -> float:
        if isinstance(value, bool) or not isinstance(value, (int, float)):
            raise self.fail(value, where)
        if isinstance(value, int) and value.bit_length() > 1024:
            raise self.fail(value, where)
        number = float(value)
        if not math.isfinite(number) or not self.low <= number <= self.high:
            raise self.fail(value, where)
        return number

    def describe(self) -> str:
        if self.low == -self.high:
            return f"a number within ±{self.high:g}"
        return f"a number from {self.low:g} to {self.high:g}"


@dataclass(frozen=True)
class Flag(Spec):
    """true or false."""

    def check(self, value: Any, where: str = "") -> bool:
        if not isinstance(value, bool):
            raise self.fail(value, where)
        return value

    def describe(self) -> str:
        return "true or false"


@dataclass(frozen=True)
class OneOf(Spec):
    """One of a few strings or numbers (compared with their type: 1 is not true)."""

    values: tuple[str | int, ...]

    def check(self, value: Any, where: str = "") -> Any:
        for allowed in self.values:
            if type(value) is type(allowed) and value == allowed:
                return value
        raise self.fail(value, where)

    def describe(self) -> str:
        return "one of " + ", ".join(str(v) for v in self.values)


@dataclass(frozen=True)
class Nullable(Spec):
    """null, or what ``inner`` accepts."""

    inner: Spec

    def check(self, value: Any, where: str = "") -> Any:
        return None if value is None else self.inner.check(value, where)

    def describe(self) -> str:
        return f"null or {self.inner.describe()}"


@dataclass(frozen=True)
class Either(Spec):
    """What the first of ``options`` that accepts it returns; ``what`` describes them together."""

    options: tuple[Spec, ...]
    what: str

    def check(self, value: Any, where: str = "") -> Any:
        for option in self.options:
            try:
                return option.check(value, where)
            except SchemaError:
                continue
        raise self.fail(value, where)

    def describe(self) -> str:
        return self.what


@dataclass(frozen=True)
class ListOf(Spec):
    """A list of ``min_items`` to ``max_items`` values, each what ``item`` accepts."""

    item: Spec
    max_items: int
    min_items: int = 0

    def check(self, value: Any, where: str = "") -> list[Any]:
        if not isinstance(value, list):
            raise self.wrong_kind(value, where)
        if not self.min_items <= len(value) <= self.max_items:
            raise SchemaError(where, f"must hold {self._count()}, not {len(value):,}")
        return [self.item.check(item, f"{where}[{i}]") for i, item in enumerate(value)]

    def _count(self) -> str:
        if self.min_items == 0:
            return f"at most {_plural(self.max_items, 'entry', 'entries')}"
        return f"{self.min_items:,} to {_plural(self.max_items, 'entry', 'entries')}"

    def describe(self) -> str:
        return f"a list of {self._count()}"

    def noun(self) -> str:
        return "a list"


@dataclass(frozen=True)
class Fixed(Spec):
    """A list of exactly one value per spec, in order (``[x, y, facing]``)."""

    items: tuple[Spec, ...]

    def __init__(self, *items: Spec) -> None:
        object.__setattr__(self, "items", items)

    def check(self, value: Any, where: str = "") -> list[Any]:
        if not isinstance(value, list):
            raise self.fail(value, where)
        if len(value) != len(self.items):
            raise SchemaError(where, f"must be {self.describe()}, not {len(value):,}")
        return [spec.check(item, f"{where}[{i}]") for i, (spec, item) in enumerate(zip(self.items, value))]

    def describe(self) -> str:
        return f"a list of {len(self.items)} values"


@dataclass(frozen=True)
class MapOf(Spec):
    """A mapping of at most ``max_items`` keys (each what ``key`` accepts) to values ``value`` accepts."""

    key: Text
    value: Spec
    max_items: int

    def check(self, value: Any, where: str = "") -> dict[str, Any]:
        if not isinstance(value, dict):
            raise self.wrong_kind(value, where)
        if len(value) > self.max_items:
            raise SchemaError(where, f"must hold at most {_plural(self.max_items, 'entry', 'entries')}, "
                                     f"not {len(value):,}")
        checked: dict[str, Any] = {}
        for key, item in value.items():
            self.key.check(key, f"{where} key {shown(key)}")
            checked[key] = self.value.check(item, _child(where, key))
        return checked

    def describe(self) -> str:
        return f"a mapping of at most {_plural(self.max_items, 'entry', 'entries')}"

    def noun(self) -> str:
        return "a mapping"


@dataclass(frozen=True)
class Record(Spec):
    """A mapping with known keys: each of ``fields`` (all required but ``optional``), nothing else."""

    fields: Mapping[str, Spec]
    optional: Collection[str] = field(default=frozenset())

    def __post_init__(self) -> None:  # specs live at module level: keep them read-only
        object.__setattr__(self, "fields", MappingProxyType(dict(self.fields)))
        object.__setattr__(self, "optional", frozenset(self.optional))

    def check(self, value: Any, where: str = "") -> dict[str, Any]:
        if not isinstance(value, dict):
            raise self.fail(value, where)
        for key in value:
            if key not in self.fields:
                raise SchemaError(where, f"unknown key {shown(key)}")
        checked: dict[str, Any] = {}
        for key, spec in self.fields.items():
            if key in value:
                checked[key] = spec.check(value[key], _child(where, key))
            elif key not in self.optional:
                raise SchemaError(_child(where, key), "is missing")
        return checked

    def describe(self) -> str:
        return "a mapping"


@dataclass(frozen=True)
class OneKey(Spec):
    """A mapping of exactly one key, one of ``options``, whose value that option's spec accepts."""

    options: Mapping[str, Spec]

    def __post_init__(self) -> None:
        object.__setattr__(self, "options", MappingProxyType(dict(self.options)))

    def check(self, value: Any, where: str = "") -> dict[str, Any]:
        if not isinstance(value, dict) or len(value) != 1:
            raise self.fail(value, where)
        key, item = next(iter(value.items()))
        spec = self.options.get(key) if isinstance(key, str) else None
        if spec is None:
            raise self.fail(value, where)
        return {key: spec.check(item, _child(where, key))}

    def describe(self) -> str:
        return f"a mapping of one key ({' or '.join(self.options)})"


def _child(where: str, key: Any) -> str:
    name = key if isinstance(key, str) and len(key) <= QUOTE and key.isidentifier() else shown(key)
    return f"{where}.{name}" if where else name


@dataclass(frozen=True)
class AwareTime(Spec):
    """An ISO 8601 date and time with a UTC offset of at most ``max_offset``, in a sane range of years.

    A time without an offset is taken as local time.  The range keeps every
    conversion (to UTC, to the player's time zone) inside what datetime holds.
    """

    max_offset: timedelta = timedelta(hours=14)
    first_year: int = 1970
    last_year: int = 9998

    def check(self, value: Any, where: str = "") -> datetime:
        if not isinstance(value, str) or len(value) > 64:
            raise self.fail(value, where)
        try:
            when = datetime.fromisoformat(value)
        except ValueError:
            raise self.fail(value, where) from None
        if not self.first_year <= when.year <= self.last_year:
            raise SchemaError(where, f"the year {when.year} is outside {self.first_year} to {self.last_year}")
        offset = when.utcoffset()
        if offset is None:
            try:
                when = when.astimezone()
            except (OverflowError, OSError, ValueError):
                raise self.fail(value, where) from None
            offset = when.utcoffset()
        if offset is None or abs(offset) > self.max_offset:
            hours = self.max_offset.total_seconds() / 3600
            raise SchemaError(where, f"the time zone offset of {shown(value)} is beyond ±{hours:g} hours")
        return when

    def describe(self) -> str:
        return "a date and time such as 2050-04-01T21:07:13+09:00"
