"""Text fit: every line and option, in every language, laid out as the game lays it out.

A line is wrapped with the game's font into the text box's width at each text
size a player can choose (small / medium / large); one that needs more rows than
the box shows at that size is cut off on screen.  An option is drawn on one row
inside its choice button; one wider than the button runs past its edges.  Both
are errors (``text-overflow``) at the step's file:line, naming the language and
the sizes.  A hotspot's label is drawn on one row of the map prompt; one wider
than the prompt is an error at the object's line in the map.

The layout is done at scale 1 (the logical 1280x720 canvas) with
``game.layout.wrap`` and the font's own measurements, so no window is
needed: ``pygame.font.init()`` works without a display.  pygame is imported only
when the check runs, so the rest of ``game.check`` stays free of it.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

from game.layout import BOX_TEXT_PX, CHOICE_FONT_SIZE, CHOICE_PADDING, CHOICE_WIDTH, MAP_PROMPT_FONT_SIZE, MAP_PROMPT_WIDTH, TEXT_WIDTH, rows_that_fit
from game.layout import wrap as textlayout
from game.paths import shipped_story
from game.story import model as m
from game.story.problems import Pos, Problem, quote

FONT_FILE = "fonts/NanumBarunGothic.ttf"
BOLD_FONT_FILE = "fonts/NanumBarunGothicBold.ttf"
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
    """(pygame, font(size, bold)), or why the check cannot run."""
    os.environ.setdefault("PYGAME_HIDE_SUPPORT_PROMPT", "1")  # keep --json output clean
    try:
        import pygame
        import pygame.font
    except ImportError as exc:  # pragma: no cover - pygame is a dependency of the game
        return f"pygame is not installed ({exc})"
    try:
        if not pygame.font.get_init():
            pygame.font.init()
    except pygame.error as exc:  # pragma: no cover
        return f"pygame cannot render fonts here ({exc})"
    paths = {False: font_dir / FONT_FILE, True: font_dir / BOLD_FONT_FILE}
    for path in paths.values():
        if not path.is_file():
            return f"the game's font {path} is missing"
    cache: dict[tuple[int, bool], Any] = {}

    def font(size: int, bold: bool = False) -> Any:
        key = (size, bold)
        if key not in cache:
            cache[key] = pygame.font.Font(str(paths[bold]), size)
        return cache[key]

    return pygame, font


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


def _surely_fits(text: str, font: Any, advances: dict[str, int], width: int, rows: int) -> bool:
    """Whether ``text`` wraps into at most ``rows`` rows of ``width`` px, proved without wrapping it.

    Greedy wrapping only breaks a row when the next word does not fit, so every
    row but the last is filled past ``width`` minus the widest word (and its
    space).  Hence rows <= 1 + total width / (width - widest word).  The widest
    word is bounded by its length times the widest glyph of the text; 2% is kept
    in hand for kerning.  False means "wrap it to know", never "it does not fit".
    """
    if "\n" in text or "\0" in text:
        return False
    words = text.split(" ")
    if len(words) < 2:
        return False
    glyphs = [_advance(font, advances, char) for char in set(text)]
    if min(glyphs) < 0:  # a letter the font lacks: leave it to the real layout
        return False
    widest_glyph = max(glyphs)
    widest_word = (max(map(len, words)) + 1) * widest_glyph
    room = width * 0.98 - widest_word
    if room <= 0:
        return False
    total = font.size(text)[0]
    return 1 + int(total // room) <= rows


def most_characters(font: Any, advances: dict[str, int], width: int, rows: int) -> int:
    """An upper bound on the characters ``rows`` rows of ``width`` px can show in ``font`` (narrowest glyphs)."""
    narrowest = min((a for a in (_advance(font, advances, c) for c in NARROW) if a > 0), default=1)
    return rows * (width // narrowest + 1)


def check_text_fit(story: m.Story, font_dir: Path | None = None) -> list[Problem]:
    """``text-overflow`` errors for lines too long for the text box, options too wide for their button and
    hotspot labels too wide for the map prompt."""
    found = _fonts(font_dir or shipped_story())
    if isinstance(found, str):
        return [Problem("warning", "text-fit-skipped", Pos("story.yaml", 1, 1),
                        f"text fit was not checked: {found}")]
    pygame, font = found
    sizes = sorted(BOX_TEXT_PX.items(), key=lambda kv: kv[1])
    fonts = {name: font(size, False) for name, size in sizes}
    measures = {name: _measure(fonts[name]) for name, size in sizes}
    advances: dict[str, dict[str, int]] = {name: {} for name, _ in sizes}
    capacity = {name: rows_that_fit(size) for name, size in sizes}
    option_font = font(CHOICE_FONT_SIZE, True)
    option_measure = _measure(option_font)
    option_room = CHOICE_WIDTH - 2 * CHOICE_PADDING
    # Texts far longer than any box shows are reported from their length alone: laying out a
    # 7 MB line (a measure per word per size) takes minutes and tells nothing more.
    smallest = sizes[0][0]
    line_limit = FAR * most_characters(fonts[smallest], advances[smallest], TEXT_WIDTH, capacity[smallest])
    option_limit = FAR * most_characters(option_font, {}, option_room, 1)
    problems: list[Problem] = _check_labels(story, font(MAP_PROMPT_FONT_SIZE, False))
    laid_out: dict[tuple[str, str], int] = {}  # (text, size name) -> rows; lines repeat across a story
    for what, text, pos in _texts(story):
        for lang, value in text.values:
            try:
                if what == "option":
                    if len(value) > option_limit:
                        problems.append(Problem("error", CODE, pos, f"the {lang} option is {len(value):,} characters "
                                                f"long, far more than its button shows (at most about {option_limit // FAR:,}): "
                                                f"shorten it ({quote(value)})"))
                        continue
                    width = option_measure(value)
                    if width > option_room:
                        problems.append(Problem("error", CODE, pos, f"the {lang} option is {width} px wide at "
                                                f"size {CHOICE_FONT_SIZE}; its button leaves {option_room} px: "
                                                f"shorten it ({quote(value)})"))
                    continue
                if len(value) > line_limit:
                    problems.append(Problem("error", CODE, pos, f"the {lang} text is {len(value):,} characters long, "
                                            "far more than the text box shows at any text size (at most about "
                                            f"{line_limit // FAR:,}): shorten or split the line"))
                    continue
                over: list[str] = []
                # Largest size first: a text that fits the box at the largest size fits at the smaller
                # ones too (narrower glyphs, more rows shown), so most lines are laid out only once.
                for name, _size in reversed(sizes):
                    key = (value, name)
                    rows = laid_out.get(key)
                    if rows is None:
                        measure = measures[name]
                        if _surely_fits(value, fonts[name], advances[name], TEXT_WIDTH, capacity[name]):
                            rows = capacity[name]  # at most this many (only "does it fit" is asked)
                        else:
                            rows = 1 if "\n" not in value and measure(value) <= TEXT_WIDTH else \
                                len(textlayout.wrap(value, measure, TEXT_WIDTH))
                        laid_out[key] = rows
                    if rows <= capacity[name]:
                        break
                    over.insert(0, f"{name} ({rows} rows, the box shows {capacity[name]})")
                if over:
                    fits = [name for name, _ in sizes if not any(o.startswith(name + " ") for o in over)]
                    also = f"; it fits at {' and '.join(fits)}" if fits else ""
                    problems.append(Problem("error", CODE, pos, f"the {lang} text is too long for the text box "
                                            f"at text size {', '.join(over)}{also}: shorten or split the line"))
            except (pygame.error, ValueError) as exc:  # a text the font cannot measure at all
                problems.append(Problem("warning", "text-fit-skipped", pos,
                                        f"the {lang} text could not be measured: {quote(str(exc))}"))
    return problems
