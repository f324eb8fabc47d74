"""Reading a text of the story's languages (game/story/fields.py TextReader): the short way and the long way agree.

A translated story's lines are maps of every language; ``TextReader.read`` takes them the short way
(every language once, each a text: nothing to report).  Anything else goes the long way, which
reports what is wrong.  A subclass of YMap always goes the long way, so the two are compared here.
"""

from __future__ import annotations

from typing import Any, NamedTuple

from hypothesis import given
from hypothesis import strategies as st

from game.story.fields import TextReader
from game.story.problems import Pos, Reporter
from game.story.yamlnodes import YMap


class LongWay(YMap):
    """The same mapping, which the short way does not take (it checks the exact type)."""

    __slots__ = ()


class Mark(NamedTuple):  # where the parser says a value is (0-based)
    line: int
    column: int


def mapping(cls: type[YMap], items: list[tuple[str, Any]]) -> YMap:
    value = cls("scene.yaml", Mark(2, 4))
    for number, (key, text) in enumerate(items, 3):
        value[key] = text
        value.marks[key] = (Mark(number, 4), Mark(number, 8))
    return value


LANGS = st.sampled_from(["en", "ko", "ja", "fr"])
VALUES = st.one_of(st.text(max_size=8), st.integers(), st.none())


@given(st.lists(st.tuples(LANGS, VALUES), max_size=5, unique_by=lambda item: item[0]),
       st.sampled_from([("en",), ("en", "ko"), ("ko", "en"), ("en", "ko", "ja")]), st.booleans())
def test_the_short_way_reads_as_the_long_way(items: list[tuple[str, Any]], languages: tuple[str, ...],
                                             translate: bool) -> None:
    reader = TextReader(languages)
    short, long = Reporter(), Reporter()
    where = Pos("scene.yaml", 3, 5)
    fast = reader.read(mapping(YMap, items), where, "the line", short, translate=translate)
    slow = reader.read(mapping(LongWay, items), where, "the line", long, translate=translate)
    assert fast == slow
    assert short.problems == long.problems


def test_a_name_given_as_a_function_is_asked_for_only_to_report() -> None:
    reader = TextReader(("en", "ko"))
    asked: list[str] = []

    def name() -> str:
        asked.append("asked")
        return "the line of 'jay'"

    every = mapping(YMap, [("ko", "안녕"), ("en", "Hi")])
    text = reader.read(every, Pos("a.yaml", 1, 1), name, Reporter())
    assert text is not None and text.values == (("en", "Hi"), ("ko", "안녕"))
    assert asked == []
    rep = Reporter()
    reader.read(mapping(YMap, [("en", "Hi")]), Pos("a.yaml", 1, 1), name, rep)
    assert [p.message for p in rep.problems] == ["missing translation (ko) of the line of 'jay'"]
    assert asked == ["asked"]
