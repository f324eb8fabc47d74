"""Text fit's fast measure (game/check/wordwidths.py): a sum of word widths never below the real measure.

Text fit skips the layout of a line or an option when this bound says it surely
fits, so a bound below pygame's own measure would pass a text that runs out of
its box.  Held here over every text of the shipped story at every size and font
the check uses, and over random texts mixing scripts and punctuation.
"""

from __future__ import annotations

import os

os.environ["SDL_VIDEODRIVER"] = "dummy"

from collections.abc import Iterator
from pathlib import Path

import pygame
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from game.check.textfit import _texts
from game.check.wordwidths import WordWidths
from game.layout import BOX_TEXT_PX, choice_look
from game.paths import shipped_story
from game.story.loader import load_story
from game.typeset import LATIN_CHOICES, FontBook

SIZES = sorted({*BOX_TEXT_PX.values(), *(choice_look(name).font_px for name in BOX_TEXT_PX)})  # lines, options


@pytest.fixture(scope="module")
def book() -> Iterator[FontBook]:
    pygame.font.init()
    yield FontBook(shipped_story())


@pytest.fixture(scope="module")
def shipped_texts() -> list[str]:
    story = load_story(Path(shipped_story()))
    return [value for _what, text, _pos in _texts(story) for _lang, value in text.values
            if "\n" not in value and "\0" not in value]


FACES = [(latin, bold) for latin in LATIN_CHOICES for bold in (False, True)]


@pytest.mark.parametrize("face_number", range(len(FACES)))
def test_the_bound_is_never_below_the_measure_on_the_shipped_story(book: FontBook, shipped_texts: list[str],
                                                                   face_number: int) -> None:
    assert len(shipped_texts) > 3000  # both languages, lines and options
    # every text at every size, in one of the four fonts in turn (all of them at once take long)
    latin, bold = FACES[face_number]
    texts = shipped_texts[face_number::len(FACES)]
    widths = WordWidths()
    for px in SIZES:
        face = book.face(px, bold, latin)
        below = [text for text in texts if widths.bound(face, text) < face.size(text)[0]]
        assert not below, (px, below[:3])


WORDS = ["signal", "Mars", "Twenty", "AV", "To", "minutes,", "I", "a", "“record”", "WWWW", "iiii", "—", "(Seoul)",
         "…", "?!", "별빛", "신호가", "이십", "분", "늦게", "도착해요.", "정말?", "ㅋㅋ", "Jay:", "♪", "é", ""]


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(st.sampled_from(WORDS), min_size=1, max_size=30), st.sampled_from(SIZES),
       st.sampled_from(LATIN_CHOICES), st.booleans())
def test_the_bound_holds_for_mixed_scripts(book: FontBook, words: list[str], px: int, latin: str, bold: bool) -> None:
    face = book.face(px, bold, latin)
    text = " ".join(words)
    widths = WordWidths()
    assert widths.bound(face, text) >= face.size(text)[0]
    assert widths.bound(face, text) >= face.size(text)[0]  # again, from the words remembered


def test_a_word_is_measured_once_per_font(book: FontBook) -> None:
    face = book.face(SIZES[0])
    widths = WordWidths()
    measured: list[str] = []
    real_size = face.latin.size

    class Counting:  # a font that counts its measures
        def size(self, text: str) -> tuple[int, int]:
            measured.append(text)
            return real_size(text)

    font = Counting()
    widths.bound(font, "the signal the signal the")
    widths.bound(font, "signal the")
    assert sorted(measured) == [" ", "signal", "the"]
