"""Line breaking for English and Korean, and the typewriter's view of a wrapped text.

English breaks at spaces.  Korean also breaks at spaces (between eojeol), which
is how Korean books wrap; a single run too long for the line is broken between
syllables.  Closing punctuation never starts a line and opening punctuation never
ends one (kinsoku).  ``measure`` is any function giving a string's pixel width,
so the same rules serve the game window and the headless text-fit check.
"""

from __future__ import annotations

from collections.abc import Callable

Measure = Callable[[str], int]
NO_LINE_START = set(".,!?;:)]}」』”’…·~、。！？，")
NO_LINE_END = set("([{「『“‘")


def _split_long(word: str, measure: Measure, width: int) -> list[str]:
    """Break a run that does not fit on one line between characters, respecting kinsoku."""
    pieces: list[str] = []
    current = ""
    for char in word:
        if current and measure(current + char) > width and char not in NO_LINE_START:
            pieces.append(current)
            current = char
        else:
            current += char
    if current:
        pieces.append(current)
    return pieces


def wrap(text: str, measure: Measure, width: int) -> list[str]:
    """Lines of ``text`` that each fit ``width`` pixels (explicit newlines are kept)."""
    lines: list[str] = []
    for paragraph in text.split("\n"):
        words = paragraph.split(" ")
        line = ""
        for word in words:
            candidate = f"{line} {word}" if line else word
            if measure(candidate) <= width:
                line = candidate
                continue
            if line and word and word[0] in NO_LINE_START and measure(candidate) <= width * 1.04:
                line = candidate  # closing punctuation may hang a little past the edge (kinsoku)
                continue
            if line:
                lines.append(line)
                line = ""
            if measure(word) <= width:
                line = word
            else:
                pieces = _split_long(word, measure, width)
                lines.extend(pieces[:-1])
                line = pieces[-1] if pieces else ""
        lines.append(line)
    return _move_openers(lines)


def _move_openers(lines: list[str]) -> list[str]:
    """An opening bracket or quote at a line's end moves to the next line."""
    for i in range(len(lines) - 1):
        while lines[i] and lines[i][-1] in NO_LINE_END:
            lines[i + 1] = lines[i][-1] + lines[i + 1]
            lines[i] = lines[i][:-1]
    return lines


def reveal(lines: list[str], shown: int) -> list[str]:
    """The first ``shown`` characters of the wrapped lines (spaces at breaks are not counted)."""
    result = []
    for line in lines:
        if shown <= 0:
            break
        result.append(line[:shown])
        shown -= len(line)
    return result


def total_chars(lines: list[str]) -> int:
    return sum(len(line) for line in lines)
