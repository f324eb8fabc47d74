"""Bounded literals and bounded work: what a story file can make the loader and the checker do.

- number literals are bounded where YAML is read (a hexadecimal or octal integer of
  thousands of digits passes Python's int-to-text limit on the way in and fails on the
  way out, in any message that shows it);
- a condition is refused by its length before it is tokenised, and tokenising stops at
  the token cap;
- text fit reports a line far longer than any text box without laying it out;
- every message quotes input through one helper (``problems.quote``) and stays short.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest

from game.story import expr, expr_syntax
from game.story.expr import ExprError, Scope, VarInfo, compile_condition
from game.story.loader import LoadResult, read_story
from game.story.problems import MAX_MESSAGE, quote
from game.story.yamlscalars import MAX_NUMBER_CHARS
from game.story.yamlsrc import YamlProblem, parse_yaml

HEX = "0x" + "f" * 5000
OCT = "0o" + "7" * 5000
MANIFEST = ("title: T\nlanguages: [en]\nstart: s\ncharacters:\n  jay: {name: Jay, looks: [neutral]}\n"
            "variables:\n  n: {type: int, min: 0, max: 3, default: 0}\n  b: {type: bool, default: false}\n"
            "endings:\n  e: {title: E}\n")


def story(root: Path, script: str, manifest: str = MANIFEST) -> Path:
    (root / "scenes").mkdir(parents=True)
    (root / "images" / "characters" / "jay").mkdir(parents=True)
    (root / "images" / "characters" / "jay" / "neutral.png").write_bytes(b"")
    (root / "story.yaml").write_text(manifest, encoding="utf-8")
    (root / "scenes" / "s.yaml").write_text(f"scene: s\nscript:\n{script}", encoding="utf-8")
    return root


def messages(result: LoadResult) -> list[str]:
    assert result.story is None
    return [str(p) for p in result.errors]


# --- number literals ------------------------------------------------------------------------

@pytest.mark.parametrize("literal", [HEX, OCT, "-" + HEX, "1" * 5000, "1." + "5" * 5000, "1e" + "9" * 5000])
def test_a_number_literal_of_thousands_of_digits_is_refused_where_it_is_written(literal: str) -> None:
    with pytest.raises(YamlProblem) as info:
        parse_yaml(f"scene: s\nscript:\n  - wait: {literal}\n".encode(), "scenes/s.yaml")
    assert (info.value.pos.line, info.value.pos.column) == (3, 11)
    assert f"at most {MAX_NUMBER_CHARS} characters" in info.value.message
    assert len(info.value.message) < 200


def test_ordinary_numbers_and_quoted_digits_are_unchanged() -> None:
    data = parse_yaml(b"a: 0x1f\nb: 0o17\nc: -12\nd: 2.5\ne: '0xffff'\nf: 123456789012345678901234567890\n", "x.yaml")
    assert data == {"a": 31, "b": 15, "c": -12, "d": 2.5, "e": "0xffff", "f": 123456789012345678901234567890}


@pytest.mark.parametrize("where, script, manifest", [
    ("wait", f"  - wait: {HEX}\n  - ending: e\n", MANIFEST),
    ("set", f"  - set: {{n: {HEX}}}\n  - ending: e\n", MANIFEST),
    ("add", f"  - add: {{n: {OCT}}}\n  - ending: e\n", MANIFEST),
    ("show at", f"  - show: jay\n    at: {HEX}\n  - ending: e\n", MANIFEST),
    ("choice timeout", f"  - choice:\n      timeout: {HEX}\n      default: {OCT}\n      options:\n"
                       "        - text: a\n  - ending: e\n", MANIFEST),
    ("variable", "  - ending: e\n", MANIFEST.replace("max: 3", f"max: {HEX}")),
    ("title", "  - ending: e\n", MANIFEST.replace("title: T", f"title: {OCT}")),
])
def test_huge_literals_anywhere_in_a_story_are_one_clear_error(tmp_path: Path, where: str, script: str,
                                                               manifest: str) -> None:
    errors = messages(read_story(story(tmp_path / "story", script, manifest)))
    assert errors and all("number" in e and "at most" in e for e in errors), errors
    assert all(len(e) < 300 for e in errors)


# --- conditions -------------------------------------------------------------------------------

SCOPE = Scope({"a": VarInfo("a", "bool", 0)}, lambda key: None)


class CountingPattern:
    """Stands in for the token pattern and counts how many tokens were asked for."""

    def __init__(self, pattern: re.Pattern[str]) -> None:
        self.pattern = pattern
        self.calls = 0

    def match(self, text: str, pos: int = 0) -> Any:
        self.calls += 1
        return self.pattern.match(text, pos)


def test_an_8_mb_condition_is_refused_before_it_is_tokenised(monkeypatch: pytest.MonkeyPatch) -> None:
    counting = CountingPattern(expr_syntax.TOKEN)
    monkeypatch.setattr(expr_syntax, "TOKEN", counting)
    with pytest.raises(ExprError, match="the condition is 8,000,001 characters long"):
        compile_condition("a or " * 1_600_000 + "a", SCOPE)
    assert counting.calls == 0


def test_tokenising_stops_at_the_token_cap(monkeypatch: pytest.MonkeyPatch) -> None:
    counting = CountingPattern(expr_syntax.TOKEN)
    monkeypatch.setattr(expr_syntax, "TOKEN", counting)
    source = "a or " * 400 + "a"  # 801 tokens, within the length cap
    assert len(source) <= expr.MAX_CONDITION_CHARS
    with pytest.raises(ExprError, match=f"at most {expr.MAX_TOKENS}"):
        compile_condition(source, SCOPE)
    assert counting.calls <= expr.MAX_TOKENS + 1


def test_a_condition_within_the_caps_still_compiles() -> None:
    cond = compile_condition(" or ".join(["a"] * 90), SCOPE)
    assert cond.evaluate((True,), 0) is True


def test_a_long_unknown_name_in_a_condition_is_quoted_short() -> None:
    with pytest.raises(ExprError) as info:
        compile_condition("x" * 3000 + " == 1", SCOPE)
    assert "unknown variable 'xxxx" in info.value.message and len(info.value.message) < 200


# --- text fit ---------------------------------------------------------------------------------

def test_a_line_far_longer_than_any_box_is_reported_without_laying_it_out(tmp_path: Path,
                                                                         monkeypatch: pytest.MonkeyPatch) -> None:
    from game.check import textfit
    from game.story.loader import load_story

    measured = [0]
    real_measure = textfit._measure

    def counting_measure(font: Any) -> Any:
        width = real_measure(font)

        def count(text: str) -> int:
            measured[0] += len(text)
            return width(text)
        return count

    monkeypatch.setattr(textfit, "_measure", counting_measure)
    line = "word " * 60_000  # 300,000 characters
    root = story(tmp_path / "story", f"  - narrator: \"{line}\"\n  - choice:\n      - text: \"{line}\"\n  - ending: e\n")
    found = [p for p in textfit.check_text_fit(load_story(root)) if p.code == textfit.CODE]
    assert [p.line for p in found] == [3, 5]
    assert "the en text is 300,000 characters long" in found[0].message
    assert "the en option is 300,000 characters long" in found[1].message
    assert measured[0] < 50_000, f"{measured[0]:,} characters were measured"
    assert all(len(p.message) < 400 for p in found)


# --- messages quote input through one helper ----------------------------------------------------

def test_quote_cuts_long_values_and_bounds_nested_ones() -> None:
    assert quote("short") == "'short'"
    long = quote("a" * 1_000_000)
    assert len(long) < 100 and long.startswith("'aaa") and long.endswith("aaa'") and "..." in long
    assert len(quote({"k": ["v" * 10_000] * 10_000})) < 200
    assert len(quote(1 << 20_000)) < 100  # a number too large to turn into decimal text


@pytest.mark.parametrize("script", [
    "  - show: \"{big}\"\n  - ending: e\n",
    "  - ending: \"{big}\"\n",
    "  - bg: \"{big}\"\n  - ending: e\n",
    "  - goto: \"{big}\"\n",
    "  - \"{big}\": hello\n  - ending: e\n",
    "  - narrator: hi\n    \"{big}\": 1\n  - ending: e\n",
    "  - set: {{\"{big}\": 1}}\n  - ending: e\n",
    "  - set: {{n: \"{big}\"}}\n  - ending: e\n",
    "  - if: \"{big}\"\n    then: [{{narrator: x}}]\n  - ending: e\n",
    "  - jay {big}: hello\n  - ending: e\n",
])
def test_no_message_echoes_megabytes_of_input(tmp_path: Path, script: str) -> None:
    big = "x" * 2_000_000
    errors = messages(read_story(story(tmp_path / "story", script.format(big=big))))
    assert errors
    assert all(len(e) <= MAX_MESSAGE + 40 for e in errors), [len(e) for e in errors]
    assert all(len(e) < 400 for e in errors), [e[:200] for e in errors]


def test_a_long_key_in_story_yaml_is_quoted_short(tmp_path: Path) -> None:
    big = "k" * 1000  # YAML itself refuses keys over 1,024 characters
    errors = messages(read_story(story(tmp_path / "story", "  - ending: e\n", MANIFEST + f'"{big}": 1\n')))
    assert any("unknown key 'kkk" in e for e in errors)
    assert all(len(e) < 400 for e in errors)
