"""Text set run by run (game/typeset.py): English in the Latin font, Hangul in Nanum (issue 18's typography).

Nanum's Latin punctuation is made for Korean setting: its "?" carries a wide gap and its "…" is three
centred dots.  English set in the Latin font has neither; Korean keeps Nanum's; a character the
Latin font lacks ("♪" of a music caption) is set in Nanum, not drawn as the Latin font's empty box.
"""

from __future__ import annotations

import os

os.environ["SDL_VIDEODRIVER"] = "dummy"

from collections.abc import Iterator
from pathlib import Path

import pygame
import pytest
from damaged_fonts import run_python, with_a_damaged_font
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from game.paths import shipped_story
from game.typeset import LATIN_CHOICES, FontBook, Typeface, split_runs


@pytest.fixture(scope="module")
def book() -> Iterator[FontBook]:
    pygame.font.init()
    yield FontBook(shipped_story())


def fonts_of(face: Typeface, text: str) -> list[tuple[str, str]]:
    return [("hangul" if font is face.hangul else "latin", run) for font, run in face.runs(text)]


def test_runs_keep_punctuation_with_the_script_before_it() -> None:
    assert split_runs("Jay: 정말? Really?") == [(False, "Jay: "), (True, "정말? "), (False, "Really?")]
    assert split_runs("… 네.") == [(True, "… 네.")]
    assert split_runs("Wait… what?") == [(False, "Wait… what?")]


@pytest.mark.parametrize("latin", LATIN_CHOICES)
def test_english_question_marks_and_ellipses_are_the_latin_fonts(book: FontBook, latin: str) -> None:
    face = book.face(28, False, latin)
    nanum = book.face(28, False, latin).hangul
    assert fonts_of(face, "Really? Wait…") == [("latin", "Really? Wait…")]
    (_, _, _, _, latin_q), = face.latin.metrics("?")
    (_, _, _, _, nanum_q), = nanum.metrics("?")
    assert latin_q < nanum_q  # Nanum's "?" carries the wide gap the bug showed
    (_, _, dots_bottom, _, _), = face.latin.metrics("…")
    (_, _, nanum_bottom, _, _), = nanum.metrics("…")
    assert dots_bottom <= 1 < nanum_bottom  # the Latin "…" sits on the baseline; Nanum's floats mid-height


@pytest.mark.parametrize("latin", LATIN_CHOICES)
def test_a_character_the_latin_font_lacks_is_set_in_nanum(book: FontBook, latin: str) -> None:
    face = book.face(24, False, latin)
    assert fonts_of(face, "♪ The Repair Shop") == [("hangul", "♪ "), ("latin", "The Repair Shop")]
    assert fonts_of(face, "♪ 수리점") == [("hangul", "♪ 수리점")]


def test_korean_keeps_nanums_punctuation(book: FontBook) -> None:
    face = book.face(28)
    assert fonts_of(face, "정말? 네…") == [("hangul", "정말? 네…")]
    assert face.size("정말?")[0] == face.hangul.size("정말?")[0]


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(st.text(st.sampled_from("aZ?…… 정말네한글ㄱ.!'9\t—é漢カ"), max_size=12), max_size=6))
def test_a_typeface_remembers_each_characters_font_and_splits_as_the_rule_does(book: FontBook, texts: list[str]) -> None:
    face = book.face(24)
    # the same face across texts (and each text twice, once its characters are known): the face's
    # memory of characters, and the one-script shortcut it allows, must not change an answer
    for text in texts + texts:
        assert face.runs(text) == [(face.hangul if hangul else face.latin, run)
                                   for hangul, run in split_runs(text, face._has_latin)]


def test_a_font_file_that_is_not_a_font_falls_back_to_pygames_font_instead_of_crashing(tmp_path: Path) -> None:
    """pygame 2.6 opens such a file without a word and crashes the process on its first use (a segfault)."""
    fonts = with_a_damaged_font(tmp_path, "NanumBarunGothic.ttf")
    done = run_python("from pathlib import Path\n"
                      "import pygame\n"
                      "pygame.font.init()\n"
                      "from game.typeset import FontBook\n"
                      "told = []\n"
                      f"book = FontBook(Path({str(fonts)!r}), lambda path, exc: told.append(str(exc)))\n"
                      "face = book.face(28)\n"
                      "print(face.size('Hello, 정말')[0] > 0, told)\n"
                      f"strict = FontBook(Path({str(fonts)!r}))\n"
                      "try:\n"
                      "    strict.face(28)\n"
                      "except OSError as exc:\n"
                      "    print('refused:', exc)\n")
    assert done.returncode == 0, done.stderr[-2000:]
    first, second = done.stdout.strip().splitlines()
    assert first.startswith("True [") and "NanumBarunGothic.ttf is not a font file" in first
    assert second.startswith("refused:") and "is not a font file" in second
