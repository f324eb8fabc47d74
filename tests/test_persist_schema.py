"""The declarative checks saves, settings and progress are read with (game.persist.schema)."""

from __future__ import annotations

import re
from datetime import timedelta
from typing import Any

import pytest

from game.persist.schema import (
    AwareTime,
    Either,
    Fixed,
    Flag,
    Integer,
    ListOf,
    MapOf,
    Nullable,
    OneKey,
    OneOf,
    Real,
    Record,
    SchemaError,
    Spec,
    Text,
    shown,
)


def problem(spec: Spec, value: Any, where: str = "x") -> str:
    with pytest.raises(SchemaError) as caught:
        spec.check(value, where)
    return str(caught.value)


def test_text_length_pattern_and_cut() -> None:
    name = Text(5, re.compile(r"[a-z]+"), "a name")
    assert name.check("abc") == "abc"
    assert problem(name, "abcdef") == "x: is 6 characters long (at most 5)"
    assert problem(name, "ab1") == "x: must be a name, not 'ab1'"
    assert problem(name, 3) == "x: must be a name, not 3"  # the kind is wrong: the limit does not matter
    assert Text(3, cut=True).check("abcdef") == "abc"


@pytest.mark.parametrize("value", [True, False, 1.0, "1", None, [1], 11, -1])
def test_integer_refuses_other_types_and_ranges(value: Any) -> None:
    with pytest.raises(SchemaError):
        Integer(0, 10).check(value)


def test_integer_extra_values() -> None:
    spec = Integer(10, 20, also=(0,))
    assert [spec.check(v) for v in (0, 10, 20)] == [0, 10, 20]
    assert "or 0" in problem(spec, 5)


@pytest.mark.parametrize("value", [float("nan"), float("inf"), -float("inf"), 1e300, True, "1", 10**400])
def test_real_is_finite_and_in_range(value: Any) -> None:
    with pytest.raises(SchemaError):
        Real(-1e6, 1e6).check(value)


def test_real_returns_floats() -> None:
    assert Real(0, 10).check(3) == 3.0 and isinstance(Real(0, 10).check(3), float)


def test_one_of_compares_types() -> None:
    spec = OneOf(("up", 1))
    assert spec.check("up") == "up" and spec.check(1) == 1
    for value in (True, 1.0, ["up"], {"up": 1}, None):
        with pytest.raises(SchemaError):
            spec.check(value)


def test_flag_and_nullable() -> None:
    assert Flag().check(False) is False
    assert problem(Flag(), 0) == "x: must be true or false, not 0"
    assert Nullable(Flag()).check(None) is None


def test_lists_fixed_lists_and_mappings_name_the_place() -> None:
    spec = Record({"items": ListOf(Fixed(Text(3), Integer(0, 9)), 2), "names": MapOf(Text(4), Flag(), 2)})
    assert spec.check({"items": [["a", 1]], "names": {"b": True}}) == {"items": [["a", 1]], "names": {"b": True}}
    assert problem(spec, {"items": [["a", 1], ["b", 10]], "names": {}}, "") == \
        "items[1][1]: must be a whole number from 0 to 9, not 10"
    assert problem(spec, {"items": [[]] * 3, "names": {}}, "") == "items: must hold at most 2 entries, not 3"
    assert problem(spec, {"items": [], "names": {"toolong": True}}, "") == \
        "names key 'toolong': is 7 characters long (at most 4)"
    assert problem(spec, {"items": []}, "") == "names: is missing"
    assert problem(spec, {"items": [], "names": {}, "extra": 1}, "") == "unknown key 'extra'"


def test_one_key() -> None:
    spec = OneKey({"after": Integer(0, 9), "at": Text(3)})
    assert spec.check({"at": "abc"}) == {"at": "abc"}
    assert problem(spec, {"after": 10}) == "x.after: must be a whole number from 0 to 9, not 10"
    for value in ({}, {"after": 1, "at": "a"}, {"other": 1}, [1]):
        with pytest.raises(SchemaError):
            spec.check(value)


def test_either_takes_the_first_that_fits() -> None:
    spec = Either((Flag(), Integer(0, 9), Text(3)), "a value")
    assert [spec.check(v) for v in (True, 3, "abc")] == [True, 3, "abc"]
    assert problem(spec, [1]) == "x: must be a value, not a list"


@pytest.mark.parametrize("text, offset", [
    ("2050-04-01T21:07:13.512+09:00", timedelta(hours=9)),
    ("2050-04-01T21:07:13-12:00", timedelta(hours=-12)),
    ("1970-01-02T00:00:00+14:00", timedelta(hours=14)),
    ("9998-12-31T23:59:59+00:00", timedelta(0)),
])
def test_aware_time_accepts_real_offsets(text: str, offset: timedelta) -> None:
    assert AwareTime().check(text).utcoffset() == offset


@pytest.mark.parametrize("text, words", [
    ("9999-12-31T23:59:59-23:59", "year 9999"),
    ("2050-01-01T00:00:00+23:59", "offset"),
    ("2050-01-01T00:00:00-14:01", "offset"),
    ("0001-01-01T00:00:00+00:00", "year 1"),
    ("yesterday", "must be a date"),
    ("2" * 100, "must be a date"),
])
def test_aware_time_refuses_what_cannot_be_compared_or_shown(text: str, words: str) -> None:
    assert words in problem(AwareTime(), text)


def test_a_time_without_offset_is_local() -> None:
    when = AwareTime().check("2050-04-01T12:00:00")
    assert when.tzinfo is not None


def test_messages_quote_at_most_forty_characters() -> None:
    assert len(shown("x" * 2_000_000)) <= 41
    assert len(shown("\x00" * 40)) <= 41
    assert shown(10**400) == "a huge number" and shown([1] * 10**6) == "a list" and shown(None) == "null"
    assert len(problem(OneOf(("a",)), "y" * 10**6)) < 100
    assert len(problem(Record({}), {"k" * 10**6: 1})) < 80
