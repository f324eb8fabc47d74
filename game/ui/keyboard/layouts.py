"""The on-screen keyboard's layouts as data: rows of keys, Latin and Korean two-set (dubeolsik); no pygame.

A key either types its text or does something (``kind``): backspace, space,
done, switch language, shift (the Korean layout's double consonants and ㅒ ㅖ,
as Shift gives them on a real two-set keyboard).  Widths are in key units, so
the screen lays a row out from them and the d-pad finds the key above or below
by where keys sit, not by their number.
"""

from __future__ import annotations

from dataclasses import dataclass

TYPE, BACKSPACE, SPACE, DONE, SWITCH, SHIFT = "type", "backspace", "space", "done", "switch", "shift"


@dataclass(frozen=True)
class Key:
    text: str  # what it types (a TYPE key), or its symbol
    kind: str = TYPE
    width: float = 1.0  # in key units
    shifted: str = ""  # what it types with shift (the Korean double consonants), "" when the same

    def types(self, shift: bool) -> str:
        return self.shifted if shift and self.shifted else self.text


@dataclass(frozen=True)
class Layout:
    language: str  # "en" or "ko"
    rows: tuple[tuple[Key, ...], ...]

    def units(self) -> float:
        """The widest row, in key units."""
        return max(sum(k.width for k in row) for row in self.rows)

    def find(self, kind: str) -> tuple[int, int]:
        """(row, column) of the first key of ``kind``."""
        for r, row in enumerate(self.rows):
            for c, key in enumerate(row):
                if key.kind == kind:
                    return r, c
        raise KeyError(kind)


def _keys(letters: str, shifted: str = "") -> tuple[Key, ...]:
    return tuple(Key(c, shifted=s if s != c else "") for c, s in zip(letters, shifted or letters))


_BOTTOM = (Key("⇄", SWITCH, 1.5), Key("␣", SPACE, 5.0), Key("⌫", BACKSPACE, 1.5), Key("✓", DONE, 2.0))

LATIN = Layout("en", (
    _keys("1234567890"),
    _keys("qwertyuiop"),
    _keys("asdfghjkl'"),
    _keys("zxcvbnm,.?"),
    _BOTTOM,
))

KOREAN = Layout("ko", (
    _keys("1234567890"),
    _keys("ㅂㅈㄷㄱㅅㅛㅕㅑㅐㅔ", "ㅃㅉㄸㄲㅆㅛㅕㅑㅒㅖ"),
    _keys("ㅁㄴㅇㄹㅎㅗㅓㅏㅣ"),
    (Key("⇧", SHIFT, 1.5), *_keys("ㅋㅌㅊㅍㅠㅜㅡ"), Key("?")),
    _BOTTOM,
))

LAYOUTS = (LATIN, KOREAN)


def layout_for(language: str) -> Layout:
    """The layout of ``language`` (Latin for any language without its own)."""
    return next((layout for layout in LAYOUTS if layout.language == language), LATIN)


def other(layout: Layout, step: int = 1) -> Layout:
    """The next (or previous) layout: what the switch key and LB / RB go to."""
    return LAYOUTS[(LAYOUTS.index(layout) + step) % len(LAYOUTS)]
