"""Text fit: every line, option and caption, in every language, laid out as the game lays it out.

A line is wrapped into the text box's width at each text size a player can
choose (small to xx-large), with each Latin font the player can pick (Hangul is
always set in Nanum), and must fit the rows the box shows at the tightest line
spacing; one that needs more rows is cut off on screen.  An option is drawn on
one row inside its choice button (which grows with the text size); one wider
than the button runs past its edges.  A caption of a sound or a music track is
one row of the caption pill.  All are errors (``text-overflow``) at the text's
file:line, naming the language and the sizes.  A hotspot's label is drawn on
one row of the map prompt; one wider than the prompt is an error at the
object's line in the map.

Texts are measured by ``game.typeset`` (run by run, Latin and Hangul fonts),
the very code the game draws with, at scale 1 (the logical 1280x720 canvas)
and broken into rows by ``game.layout.wrap``, so no window is needed:
``pygame.font.init()`` works without a display.  pygame is imported only when
the check runs, so the rest of ``game.check`` stays free of it.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

from game.layout import (
    BOX_TEXT_PX,
    CAPTION_PADDING,
    CAPTION_WIDTH,
    LINE_SPACINGS,
    MAP_PROMPT_FONT_SIZE,
    MAP_PROMPT_WIDTH,
    TEXT_WIDTH,
    caption_px,
    choice_look,
    rows_that_fit,
)
from game.layout import wrap as textlayout
from game.lean_pygame import import_pygame
from game.paths import shipped_story
from game.story import model as m
from game.story.problems import Pos, Problem, quote
from game.typeset import LATIN_CHOICES, FontBook

from .wordwidths import WordWidths

CODE = "text-overflow"
# The narrowest glyphs a line can be made of: what bounds how many characters a row can hold.
NARROW = " il.,:;'|!"
FAR = 2  # a text over FAR times the characters its box (or button) could ever hold is not laid out at all


def _texts(story: m.Story) -> Iterator[tuple[str, m.Text, Pos]]:
    """("line" | "option", text, position) of every line and option of the story."""
    for scene in story.scenes:
        for op in scene.ops:
            if isinstance(op, m.Line):
                yield "line", op.text, op.pos
            elif isinstance(op, m.Choice):
                for option in op.options:
                    yield "option", option.text, option.pos


def _labels(story: m.Story) -> Iterator[tuple[str, m.Text, Pos]]:
    """The map name and label of every hotspot of the story's maps."""
    for info in story.maps.values():
        for hotspot in info.hotspots:
            yield hotspot.name, hotspot.label, hotspot.pos


def _check_labels(story: m.Story, font: Any) -> list[Problem]:
    """Hotspot labels wider than the map prompt's one row."""
    measure = _measure(font)
    problems = []
    for name, label, pos in _labels(story):
        for lang, value in label.values:
            width = measure(value[:200])
            if width > MAP_PROMPT_WIDTH or "\n" in value:
                problems.append(Problem("error", CODE, pos, f"the {lang} label of the hotspot {quote(name)} is {width} px "
                                        f"wide at size {MAP_PROMPT_FONT_SIZE}; the map prompt shows one row of "
                                        f"{MAP_PROMPT_WIDTH} px: shorten it ({quote(value)})"))
    return problems


def _fonts(font_dir: Path) -> tuple[Any, Callable[..., Any]] | str:
    """(pygame, face(size, bold, latin)) with the game's own typesetting, or why the check cannot run."""
    os.environ.setdefault("PYGAME_HIDE_SUPPORT_PROMPT", "1")  # keep --json output clean
    try:
        import_pygame()  # without numpy and pkg_resources: a tenth of a second of every check
        import pygame
        import pygame.font
    except ImportError as exc:  # pragma: no cover - pygame is a dependency of the game
        return f"pygame is not installed ({exc})"
    try:
        if not pygame.font.get_init():
            pygame.font.init()
    except pygame.error as exc:  # pragma: no cover
        return f"pygame cannot render fonts here ({exc})"
    book = FontBook(font_dir)
    missing = book.missing()
    if missing:
        return f"the game's font {missing[0]} is missing"
    for path in book.files():
        try:
            book.check(path)
        except OSError as exc:
            return f"the game's font cannot be used: {exc}"
    return pygame, book.face


def _measure(font: Any) -> Callable[[str], int]:
    def width(text: str) -> int:
        return int(font.size(text.replace("\0", ""))[0]) if text else 0
    return width


def _advance(font: Any, advances: dict[str, int], char: str) -> int:
    """The advance of ``char`` in ``font`` (-1 if the font lacks it), remembered in ``advances``."""
    advance = advances.get(char)
    if advance is None:
        metric = font.metrics(char)[0]
        advance = advances[char] = metric[4] if metric is not None else -1
    return advance


def _surely_fits(text: str, font: Any, advances: dict[str, int], width: int, rows: int, widths: WordWidths) -> bool:
    """Whether ``text`` wraps into at most ``rows`` rows of ``width`` px, proved without wrapping it.

    Greedy wrapping only breaks a row when the next word does not fit, so every
    row but the last is filled past ``width`` minus the widest word (and its
    space).  Hence rows <= 1 + total width / (width - widest word).  The widest
    word is bounded by its length times the widest glyph of the text; 2% is kept
    in hand for kerning.  The total width is bounded from above by ``widths``.
    False means "wrap it to know", never "it does not fit".
    """
    if "\n" in text or "\0" in text:
        return False
    words = text.split(" ")
    if len(words) < 2:
        return False
    chars = set(text)
    try:
        glyphs = list(map(advances.__getitem__, chars))  # (the common case: every glyph known, at C speed)
    except KeyError:
        glyphs = [_advance(font, advances, char) for char in chars]
    if min(glyphs) < 0:  # a letter the font lacks: leave it to the real layout
        return False
    widest_glyph = max(glyphs)
    widest_word = (max(map(len, words)) + 1) * widest_glyph
    room = width * 0.98 - widest_word
    if room <= 0:
        return False
    return 1 + int(widths.bound(font, text) // room) <= rows


def most_characters(font: Any, advances: dict[str, int], width: int, rows: int) -> int:
    """An upper bound on the characters ``rows`` rows of ``width`` px can show in ``font`` (narrowest glyphs)."""
    narrowest = min((a for a in (_advance(font, advances, c) for c in NARROW) if a > 0), default=1)
    return rows * (width // narrowest + 1)


def _font_note(latin: str) -> str:
    return "" if latin == "standard" else f" with the {latin} Latin font"


class _Fit:
    """The layouts of one check, shared by every text (lines repeat across a story)."""

    def __init__(self, face: Callable[..., Any]) -> None:
        self.face = face
        self.sizes = sorted(BOX_TEXT_PX.items(), key=lambda kv: kv[1])
        # the rows the box shows at a size, at its tightest line spacing
        self.capacity = {name: min(rows_that_fit(px, spacing) for spacing in LINE_SPACINGS) for name, px in self.sizes}
        self.advances: dict[tuple[str, str], dict[str, int]] = {}
        self.laid_out: dict[tuple[str, str, str], int] = {}  # (text, size name, latin) -> rows
        self.words = WordWidths()
        self.row_limits: dict[tuple[int, bool, str, int], int] = {}

    def rows(self, value: str, name: str, latin: str) -> int:
        key = (value, name, latin)
        rows = self.laid_out.get(key)
        if rows is None:
            font = self.face(BOX_TEXT_PX[name], False, latin)
            advances = self.advances.setdefault((name, latin), {})
            if _surely_fits(value, font, advances, TEXT_WIDTH, self.capacity[name], self.words):
                rows = self.capacity[name]  # at most this many (only "does it fit" is asked)
            else:
                measure = _measure(font)
                rows = 1 if "\n" not in value and measure(value) <= TEXT_WIDTH else \
                    len(textlayout.wrap(value, measure, TEXT_WIDTH))
            self.laid_out[key] = rows
        return rows

    def line(self, lang: str, value: str, pos: Pos, limit: int) -> list[Problem]:
        if len(value) > limit:
            return [Problem("error", CODE, pos, f"the {lang} text is {len(value):,} characters long, "
                            "far more than the text box shows at any text size (at most about "
                            f"{limit // FAR:,}): shorten or split the line")]
        problems = []
        for latin in LATIN_CHOICES:
            over: list[str] = []
            # Largest size first: a text that fits the box at the largest size fits at the smaller
            # ones too (narrower glyphs, as many rows shown), so most lines are laid out only once.
            for name, _px in reversed(self.sizes):
                rows = self.rows(value, name, latin)
                if rows <= self.capacity[name]:
                    break
                over.insert(0, f"{name} ({rows} rows, the box shows {self.capacity[name]})")
            if over:
                fits = [name for name, _ in self.sizes if not any(o.startswith(name + " ") for o in over)]
                also = f"; it fits at {' and '.join(fits)}" if fits else ""
                problems.append(Problem("error", CODE, pos, f"the {lang} text is too long for the text box "
                                        f"at text size {', '.join(over)}{_font_note(latin)}{also}: "
                                        "shorten or split the line"))
        return problems[:1]  # one message per text is enough: the standard font's, or the first that fails

    def row_limit(self, font: Any, px: int, bold: bool, latin: str, room: int) -> int:
        """FAR times the characters one row of ``room`` px can hold (the same for every text of a font)."""
        key = (px, bold, latin, room)
        limit = self.row_limits.get(key)
        if limit is None:
            advances = self.advances.setdefault((f"{px}{bold}", latin), {})
            limit = self.row_limits[key] = FAR * most_characters(font, advances, room, 1)
        return limit

    def one_row(self, what: str, lang: str, value: str, pos: Pos, px_of: Callable[[str], int],
                room_of: Callable[[str], float], bold: bool) -> list[Problem]:
        """An option or a caption: one row of at most ``room_of(size)`` px at every size and Latin font."""
        for latin in LATIN_CHOICES:
            for name, _px in self.sizes:
                px, room = px_of(name), room_of(name)
                font = self.face(px, bold, latin)
                limit = self.row_limit(font, px, bold, latin, int(room))
                if len(value) > limit:
                    return [Problem("error", CODE, pos, f"the {lang} {what} is {len(value):,} characters "
                                    f"long, far more than its {'button' if what == 'option' else 'row'} shows (at most "
                                    f"about {limit // FAR:,}): shorten it ({quote(value)})")]
                if "\n" not in value and "\0" not in value and self.words.bound(font, value) <= room * 0.98:
                    continue  # surely one row (measured word by word): the common case needs no layout
                width = _measure(font)(value)
                if width > room or (what == "caption" and "\n" in value):  # a caption row shows no line break
                    holder = "its button leaves" if what == "option" else "the caption row leaves"
                    return [Problem("error", CODE, pos, f"the {lang} {what} is {width} px wide at size {px}"
                                    f" (text size {name}{_font_note(latin)}); {holder} {int(room)} px: "
                                    f"shorten it ({quote(value)})")]
        return []


def _captions(story: m.Story) -> Iterator[tuple[m.Text, Pos]]:
    """Every caption as shown: the declared ones, and each titled track's ("♪ title")."""
    for caption in story.captions.values():
        yield caption.text, caption.pos
    for track in story.music.values():
        if f"music:{track.name}" not in story.captions:
            text = story.caption("music", track.name)
            if text is not None:
                yield text, track.pos


def check_text_fit(story: m.Story, font_dir: Path | None = None) -> list[Problem]:
    """``text-overflow`` errors for lines too long for the text box, options too wide for their button,
    captions too wide for their row and hotspot labels too wide for the map prompt."""
    found = _fonts(font_dir or shipped_story())
    if isinstance(found, str):
        return [Problem("warning", "text-fit-skipped", Pos("story.yaml", 1, 1),
                        f"text fit was not checked: {found}")]
    pygame, face = found
    fit = _Fit(face)
    smallest, smallest_px = fit.sizes[0]
    # Texts far longer than any box shows are reported from their length alone: laying out a
    # 7 MB line (a measure per word per size) takes minutes and tells nothing more.
    line_limit = FAR * most_characters(face(smallest_px), {}, TEXT_WIDTH, fit.capacity[smallest])
    problems: list[Problem] = _check_labels(story, face(MAP_PROMPT_FONT_SIZE))

    def option_px(name: str) -> int:
        return choice_look(name).font_px

    def option_room(name: str) -> float:
        return choice_look(name).room

    def caption_room(name: str) -> float:
        return CAPTION_WIDTH - 2 * CAPTION_PADDING

    texts = [(what, text, pos) for what, text, pos in _texts(story)]
    texts += [("caption", text, pos) for text, pos in _captions(story)]
    for what, text, pos in texts:
        for lang, value in text.values:
            try:
                if what == "option":
                    problems += fit.one_row("option", lang, value, pos, option_px, option_room, True)
                elif what == "caption":
                    problems += fit.one_row("caption", lang, value, pos, caption_px, caption_room, False)
                else:
                    problems += fit.line(lang, value, pos, line_limit)
            except (pygame.error, ValueError) as exc:  # a text the font cannot measure at all
                problems.append(Problem("warning", "text-fit-skipped", pos,
                                        f"the {lang} text could not be measured: {quote(str(exc))}"))
    return problems
