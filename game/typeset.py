"""Text set run by run: Latin text in a Latin font, Hangul in Nanum; one measure for the game and the checker.

Nanum Barun Gothic has Hangul but its Latin punctuation is made for Korean
setting ("?" with a wide gap after it, "…" as centred dots), so English is set
in a Latin font (Inter, or Atkinson Hyperlegible when the player picks the
reading-friendly font) and Hangul in Nanum.  A text is cut into runs: a run of
Hangul (or CJK) goes to Nanum; letters of other scripts go to the Latin font;
spaces, digits and punctuation stay with the run before them (the run after at
the start of a text), so "정말?" keeps Korean punctuation and "Really?" Latin
punctuation.  A character the Latin font lacks is set in Nanum.

``Typeface`` behaves like a ``pygame.font.Font`` where the game needs one
(``size``, ``render``, ``get_height``...), so the text box, the menus and the
checker's text fit (``game/check/textfit.py``) measure through the same code.
This is a leaf module: pygame is imported only when fonts are loaded, so
importing it costs nothing and needs no display.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    import pygame

HANGUL_FONT = {False: "fonts/NanumBarunGothic.ttf", True: "fonts/NanumBarunGothicBold.ttf"}
LATIN_FONTS: dict[str, dict[bool, str]] = {
    "standard": {False: "fonts/Inter-Regular.otf", True: "fonts/Inter-Bold.otf"},
    "legible": {False: "fonts/AtkinsonHyperlegible-Regular.ttf", True: "fonts/AtkinsonHyperlegible-Bold.ttf"},
}
LATIN_CHOICES = tuple(LATIN_FONTS)  # what the "Latin font" setting may be
# The first bytes of a TrueType, OpenType (CFF), Apple TrueType and collection file.  pygame 2.6 opens
# a file that is none of these without a word and crashes the process on its first use, so a font
# file is looked at before pygame gets it.
FONT_SIGNATURES = (b"\x00\x01\x00\x00", b"OTTO", b"true", b"ttcf")


def check_font_file(path: Path) -> None:
    """Raise OSError unless ``path`` starts as a font file does (FileNotFoundError when it is missing)."""
    with open(path, "rb") as handle:
        head = handle.read(4)
    if head not in FONT_SIGNATURES:
        raise OSError(f"{path} is not a font file (it starts with {head!r})")


def _wide(char: str) -> bool:
    """Whether ``char`` belongs in the Hangul font: Hangul, CJK ideographs and kana, full-width forms."""
    code = ord(char)
    return (0x1100 <= code <= 0x11FF or 0x3130 <= code <= 0x318F or 0xAC00 <= code <= 0xD7AF
            or 0xA960 <= code <= 0xA97F or 0xD7B0 <= code <= 0xD7FF or 0x3000 <= code <= 0x30FF
            or 0x4E00 <= code <= 0x9FFF or 0xFF00 <= code <= 0xFFEF)


def _strong(char: str) -> bool | None:
    """True for a Hangul-font character, False for a Latin-font letter, None for one that follows its neighbours."""
    if _wide(char):
        return True
    return False if unicodedata.category(char).startswith("L") else None


def split_runs(text: str, has_latin: Callable[[str], bool] = lambda c: True,
               classify: Callable[[str], bool | None] | None = None) -> list[tuple[bool, str]]:
    """``text`` cut into (hangul, run) pieces, in order; ``has_latin`` says whether the Latin font has a glyph.

    ``classify`` (a character's font: True Hangul, False Latin, None its neighbours') replaces
    ``has_latin`` when given: a ``Typeface`` answers it from its own memory of characters.

    >>> split_runs("Jay: 정말? Really?")
    [(False, 'Jay: '), (True, '정말? '), (False, 'Really?')]
    >>> split_runs("… 네.")
    [(True, '… 네.')]
    """
    kinds: list[bool | None] = (list(map(classify, text)) if classify is not None
                                else [_strong(c) if has_latin(c) else True for c in text])
    following = next((k for k in kinds if k is not None), False)
    runs: list[tuple[bool, str]] = []
    current: bool = following
    start = 0
    for i, kind in enumerate(kinds):
        if kind is None or kind == current:
            continue
        if i > start:
            runs.append((current, text[start:i]))
        current, start = kind, i
    if start < len(text) or not runs:
        runs.append((current, text[start:]))
    return [run for run in runs if run[1]] or [(current, "")]


class Typeface:
    """A Latin font and a Hangul font of one size and weight, used together as one font."""

    def __init__(self, latin: pygame.font.Font, hangul: pygame.font.Font) -> None:
        self.latin = latin
        self.hangul = hangul
        self._has: dict[str, bool] = {}  # glyph present in the Latin font (a few hundred characters at most)
        self._kinds: dict[str, bool | None] = {}  # each character's font (see split_runs), bounded like _has
        # the characters of _kinds that never start a Hangul run (Latin or neutral), and those that never
        # start a Latin run (Hangul or neutral): a text of one script is one run, known at C speed
        self._latin_side: set[str] = set()
        self._hangul_side: set[str] = set()
        self._notdef: tuple[Any, bytes] | None = None  # the Latin font's "missing glyph": metrics and pixels
        self.ascent = max(latin.get_ascent(), hangul.get_ascent())
        self.descent = min(latin.get_descent(), hangul.get_descent())

    def _has_latin(self, char: str) -> bool:
        found = self._has.get(char)
        if found is None:
            if len(self._has) > 4096:  # a hostile text of many distinct characters: stay bounded
                self._has.clear()
            metric = self.latin.metrics(char)
            found = bool(metric) and metric[0] is not None
            if found:  # an OpenType font answers metrics for a glyph it lacks: those of its "missing" box
                notdef = self._missing()
                found = metric != notdef[0] or self._pixels(char) != notdef[1]
            self._has[char] = found
        return found

    def _kind(self, char: str) -> bool | None:
        # (text fit measures every line at every size: classifying each character once saves most of its time)
        try:
            return self._kinds[char]
        except KeyError:
            if len(self._kinds) > 4096:  # a hostile text of many distinct characters: stay bounded
                self._kinds.clear()
                self._latin_side.clear()
                self._hangul_side.clear()
            found = self._kinds[char] = _strong(char) if self._has_latin(char) else True
            if found is not True:
                self._latin_side.add(char)
            if found is not False:
                self._hangul_side.add(char)
            return found

    def _pixels(self, char: str) -> bytes:
        return bytes(self.latin.render(char, False, (255, 255, 255)).get_buffer().raw)

    def _missing(self) -> tuple[Any, bytes]:
        if self._notdef is None:
            nowhere = "\uffff"  # a noncharacter: no font draws it (and pygame measures only the BMP)
            self._notdef = (self.latin.metrics(nowhere), self._pixels(nowhere))
        return self._notdef

    def runs(self, text: str) -> list[tuple[pygame.font.Font, str]]:
        """The runs of ``text`` with the font each is set in."""
        # Most texts are in one script.  Every character known to sit with the Latin font (or with
        # its neighbours) makes one Latin run, as split_runs would cut it; likewise for Hangul (a
        # text of neutral characters alone passed the first test).  Text fit measures every line
        # at every size: this halves its time.
        if self._latin_side.issuperset(text):
            return [(self.latin, text)]
        if self._hangul_side.issuperset(text):
            return [(self.hangul, text)]
        return [(self.hangul if hangul else self.latin, run) for hangul, run in split_runs(text, classify=self._kind)]

    # --- what pygame.font.Font offers, for the game's callers ---

    def size(self, text: str) -> tuple[int, int]:
        """Width and height of ``text`` set run by run (the one measure the game and the checker use)."""
        text = text.replace("\0", "")
        width = sum(font.size(run)[0] for font, run in self.runs(text)) if text else 0
        return width, self.get_height()

    def get_height(self) -> int:
        return self.ascent - self.descent

    def get_linesize(self) -> int:
        return max(self.latin.get_linesize(), self.hangul.get_linesize())

    def get_ascent(self) -> int:
        return self.ascent

    def metrics(self, text: str) -> list[Any]:
        """Per-character metrics, each from the font the character is set in."""
        out: list[Any] = []
        for font, run in self.runs(text):
            out.extend(font.metrics(run))
        return out

    def render(self, text: str, antialias: bool, color: tuple[int, ...]) -> pygame.Surface:
        """``text`` drawn run by run on one transparent surface, the runs sharing a baseline."""
        import pygame

        text = text.replace("\0", "")
        runs = self.runs(text)
        if len(runs) == 1:
            font, run = runs[0]
            if font.get_ascent() == self.ascent and font.get_descent() == self.descent:
                return font.render(run, antialias, color)
        pieces = [(font, font.render(run, antialias, color)) for font, run in runs if run]
        surface = pygame.Surface((max(1, sum(p.get_width() for _, p in pieces)), self.get_height()), pygame.SRCALPHA)
        x = 0
        for font, piece in pieces:
            surface.blit(piece, (x, self.ascent - font.get_ascent()))
            x += piece.get_width()
        return surface


class FontBook:
    """The game's fonts from ``root`` (the shipped assets), as typefaces by Latin choice, size and weight.

    ``fallback`` is called with the path and the error when a font file cannot be
    loaded; pygame's own font is used then (no Hangul, but the game goes on).
    """

    def __init__(self, root: Path, fallback: Callable[[Path, Exception], None] | None = None) -> None:
        self.root = root
        self.fallback = fallback
        self._fonts: dict[tuple[str, int], pygame.font.Font] = {}
        self._faces: dict[tuple[str, int, bool], Typeface] = {}
        self._checked: set[Path] = set()  # font files found to be fonts (each is opened at several sizes)

    def files(self) -> list[Path]:
        """Every font file of the book."""
        names = [*HANGUL_FONT.values(), *(path for faces in LATIN_FONTS.values() for path in faces.values())]
        return [self.root / name for name in names]

    def check(self, path: Path) -> None:
        """``check_font_file``, once per file for this book."""
        if path not in self._checked:
            check_font_file(path)
            self._checked.add(path)

    def missing(self) -> list[Path]:
        """The font files that are not there (the checker says so instead of measuring with another font)."""
        return [path for path in self.files() if not path.is_file()]

    def _font(self, name: str, size: int) -> pygame.font.Font:
        import pygame
        import pygame.font

        key = (name, size)
        font = self._fonts.get(key)
        if font is None:
            if not pygame.font.get_init():
                pygame.font.init()
            path = self.root / name
            try:
                self.check(path)
                font = pygame.font.Font(str(path), size)
            except (OSError, pygame.error) as exc:
                if self.fallback is None:
                    raise
                self.fallback(path, exc)
                self.check(Path(pygame.__file__).parent / pygame.font.get_default_font())  # pygame's own
                font = pygame.font.Font(None, size)
            self._fonts[key] = font
        return font

    def face(self, size: int, bold: bool = False, latin: str = "standard") -> Typeface:
        """The typeface of ``size`` pixels (``latin``: one of LATIN_CHOICES; an unknown one is the standard)."""
        key = (latin, size, bold)
        face = self._faces.get(key)
        if face is None:
            family = LATIN_FONTS.get(latin, LATIN_FONTS["standard"])
            face = Typeface(self._font(family[bold], size), self._font(HANGUL_FONT[bold], size))
            self._faces[key] = face
        return face

    def clear(self) -> None:
        """Forget every loaded font (the window's scale changed: other pixel sizes are wanted now)."""
        self._fonts.clear()
        self._faces.clear()
