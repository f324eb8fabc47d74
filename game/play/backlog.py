"""Searching the history (backlog): which lines a query and a speaker filter keep, and where a query matches.

The history screen shows what this keeps; matching ignores case and runs of
spaces and takes the line's text in the language the player reads, so a
search in Korean finds Korean lines and one in English finds English ones.
"""

from __future__ import annotations

from collections.abc import Sequence

from game.story import model as m

MAX_QUERY = 80  # characters a search holds


def normal(text: str) -> str:
    """``text`` as a search compares it: case folded, runs of white space as one space."""
    return " ".join(text.casefold().split())


def search(lines: Sequence[tuple[int, m.Line]], lang: str, query: str = "",
           speaker: str | None = None) -> list[tuple[int, m.Line]]:
    """The lines (history index, line) whose text in ``lang`` holds ``query``, said by ``speaker`` if given.

    ``speaker`` is a character id or ``narrator``; None keeps every speaker.
    """
    wanted = normal(query)
    return [(index, line) for index, line in lines
            if (speaker is None or line.speaker == speaker) and wanted in normal(line.text.get(lang))]


def speakers(lines: Sequence[tuple[int, m.Line]]) -> list[str]:
    """Who speaks in ``lines``, in the order they first speak (the speaker filter's choices)."""
    return list(dict.fromkeys(line.speaker for _, line in lines))


def matches(text: str, query: str) -> list[tuple[int, int]]:
    """Where ``query`` occurs in ``text`` as (start, end) character offsets, ignoring case; none for ""."""
    needle = query.casefold().strip()
    if not needle:
        return []
    folded = text.casefold()
    found: list[tuple[int, int]] = []
    start = folded.find(needle)
    while start >= 0 and len(folded) == len(text):  # offsets hold only when folding kept the length
        found.append((start, start + len(needle)))
        start = folded.find(needle, start + len(needle))
    return found
