"""Widths of texts from the widths of their words, each word measured once: text fit's fast measure.

A story says the same words again and again, so text fit measures each word
once per font and adds them up, instead of measuring every line and option
whole at every text size and Latin font (pygame's ``size``, most of the check's
time).  The sum is an upper bound of the whole measure, never below it:

- pygame measures in fractions of a pixel and rounds each measure, so a piece
  measured alone may come out up to a pixel narrower than in the line: one
  pixel per word is added;
- kerning between a space and a letter is the one thing a sum of words cannot
  see; the game's fonts have none that widens a line (``tests/test_textfit.py``
  holds the bound over every text of the shipped story), and the callers keep
  2% in hand besides;
- a text set in two fonts (Hangul and Latin runs) is measured whole: its runs
  fall where the whole text puts them, not where a word alone would.

Callers ask "surely fits?" with the bound and measure for real only when it
says no: a "no" costs one measure, a "yes" is always right.
"""

from __future__ import annotations

from typing import Any

from game.typeset import Typeface

MEMORY = 1 << 16  # words remembered per font: a story's vocabulary, and bounded whatever the bytes


class WordWidths:
    """Widths of words, per pygame font; ``bound`` answers for a whole text."""

    def __init__(self) -> None:
        self._widths: dict[Any, dict[str, int]] = {}  # pygame font -> word -> px
        self._spaces: dict[Any, int] = {}

    def bound(self, font: Any, text: str) -> int:
        """At least ``font.size(text)[0]`` (a ``Typeface`` or a pygame font), from the widths of its words."""
        if isinstance(font, Typeface):
            runs = font.runs(text)
            if len(runs) != 1:
                return int(font.size(text)[0])
            font = runs[0][0]
        widths = self._widths.get(font)
        if widths is None:
            widths = self._widths[font] = {}
            self._spaces[font] = int(font.size(" ")[0])
        words = text.split(" ")
        total = self._spaces[font] * (len(words) - 1) + len(words)  # the spaces, and a pixel a word
        size = font.size
        for word in words:
            width = widths.get(word)
            if width is None:
                if len(widths) >= MEMORY:
                    widths.clear()
                width = widths[word] = int(size(word)[0]) if word else 0
            total += width
        return total
