"""The geometry every part of the game agrees on: the text box, text sizes, the choice buttons.

Pure numbers in logical pixels of the 1280x720 canvas (no pygame), read by the
game's screens to draw and by the checker's text fit to prove every line fits
(``game/check/textfit.py``), so the two can never disagree.
``game.layout.wrap`` holds the line breaking both use.
"""

from __future__ import annotations

from dataclasses import dataclass

WIDTH, HEIGHT = 1280, 720

# The text box: where lines are shown.  It grows upwards from its bottom edge when the text is set
# larger or looser than its 200 px hold (``box_rect``); BOX is its place at the default settings.
BOX = (50, 484, 1180, 200)  # x, y, width, height
PADDING_X, PADDING_TOP, PADDING_BOTTOM = 40, 34, 16
LINE_HEIGHT = 1.5  # rows are this many times the text size apart (at the "normal" line spacing)
# The text sizes: up to sofa distance.  Subtitles readable from a sofa are 46 px high at 1080p
# (the Xbox Accessibility Guidelines' 104): 30.7 logical px; "x-large" and "xx-large" go past it.
TEXT_SIZES = ("small", "medium", "large", "x-large", "xx-large")
BOX_TEXT_PX = {"small": 25, "medium": 28, "large": 32, "x-large": 36, "xx-large": 40}  # the line's font size
BACKLOG_TEXT_PX = {"small": 20, "medium": 22, "large": 25, "x-large": 29, "xx-large": 33}  # the history screen's
BOX_ROWS = 3  # the text box always shows at least this many rows, however large or loose the text,
SOFA_ROWS, SOFA_PX = 4, 40  # and this many from this text size up (a line wraps to more rows there)
LINE_SPACINGS = {"compact": 1.3, "normal": LINE_HEIGHT, "relaxed": 1.8}  # the player's line spacing setting
TEXT_WIDTH = BOX[2] - 2 * PADDING_X  # logical pixels a row of the line may take
SOFA_PX_AT_1080P = 46

# The stage: characters stand on the bottom edge, this tall; x positions are fractions of the width.
CHARACTER_HEIGHT = 680
X_POSITIONS = {"left": 0.22, "center": 0.5, "right": 0.78}
# While the phone shows an exchange, the stage makes room for it: everyone moves left of it.
X_POSITIONS_BESIDE_PHONE = {"left": 0.15, "center": 0.37, "right": 0.58}
FACE_SHARE = 0.34  # the top part of a character's picture where the face is (kept clear of buttons)

# The phone, beside the stage above the text box, while a message exchange is under way.
PHONE = (958, 24, 280, 440)  # x, y, width, height

# The map screen's prompt over a hotspot: one row of its label, regular weight.
MAP_PROMPT_FONT_SIZE = 18
MAP_PROMPT_WIDTH = 420

# The choice buttons, stacked upwards from just above the text box, so faces above them stay in view.
CHOICE_WIDTH = 680
CHOICE_HEIGHT = 48.0
CHOICE_GAP = 8.0
CHOICE_X = (WIDTH - CHOICE_WIDTH) / 2
CHOICE_FONT_SIZE = 24  # bold while focused (any option can be), so options are measured bold
CHOICE_PADDING = 24  # each side: a label keeps clear of the pill's rounded ends


def box_text_px(size: str) -> int:
    """The text box's font size (logical px) at the player's text size setting."""
    return BOX_TEXT_PX.get(size, BOX_TEXT_PX["medium"])


def row_step(px: int, spacing: str = "normal") -> int:
    """Logical pixels from one row of text at ``px`` to the next, at the line ``spacing``."""
    return round(px * LINE_SPACINGS.get(spacing, LINE_HEIGHT))


def box_rect(px: int = BOX_TEXT_PX["medium"], spacing: str = "normal") -> tuple[float, float, float, float]:
    """The text box for text at ``px`` and ``spacing``: BOX, taller (upwards) when BOX_ROWS rows need more room."""
    height = max(BOX[3], PADDING_TOP + PADDING_BOTTOM + box_rows(px) * row_step(px, spacing))
    return BOX[0], BOX[1] + BOX[3] - height, BOX[2], height


def box_rows(px: int) -> int:
    """The fewest rows the text box shows for text at ``px``."""
    return SOFA_ROWS if px >= SOFA_PX else BOX_ROWS


def rows_that_fit(px: int, spacing: str = "normal") -> int:
    """How many rows of text at ``px`` the text box shows (at least BOX_ROWS)."""
    height = box_rect(px, spacing)[3]
    return max(box_rows(px), int((height - PADDING_TOP - PADDING_BOTTOM) // (px * LINE_SPACINGS.get(spacing, LINE_HEIGHT))))


def choice_top(count: int, box_top: float = BOX[1], height: float = CHOICE_HEIGHT, gap: float = CHOICE_GAP) -> float:
    """Where the first of ``count`` choice buttons goes: the stack ends just above the text box."""
    return max(40.0, box_top - 16 - count * height - (count - 1) * gap)


@dataclass(frozen=True)
class ChoiceLook:
    """The choice buttons at a text size: larger text gets larger buttons."""

    font_px: int
    width: float
    height: float

    @property
    def room(self) -> float:
        """The width a label may take inside its button."""
        return self.width - 2 * CHOICE_PADDING


CHOICE_LOOKS = {"x-large": ChoiceLook(29, 820, 56), "xx-large": ChoiceLook(33, 930, 62)}


def choice_look(size: str) -> ChoiceLook:
    """The choice buttons' font size and button size at the player's text size."""
    return CHOICE_LOOKS.get(size, ChoiceLook(CHOICE_FONT_SIZE, CHOICE_WIDTH, CHOICE_HEIGHT))


def choice_x(beside_phone: bool, width: float = CHOICE_WIDTH) -> float:
    """Where the choice buttons start: centred on the stage, or on the part of it left of the phone."""
    room = PHONE[0] if beside_phone else WIDTH
    return max(8.0, (room - width) / 2)


# Captions of sounds and music: one row in a pill at the top of the stage, between the mode badge
# (top left) and the phone (right); their text follows the player's text size.
CAPTION_Y = 22
CAPTION_WIDTH = 560
CAPTION_PADDING = 18
CAPTION_PX = {"small": 20, "medium": 22, "large": 25, "x-large": 29, "xx-large": 33}


def caption_px(size: str) -> int:
    """The caption's font size (logical px) at the player's text size setting."""
    return CAPTION_PX.get(size, CAPTION_PX["medium"])


def character_x(at: str, beside_phone: bool) -> float:
    """The centre of a character standing ``at`` (left, center, right)."""
    places = X_POSITIONS_BESIDE_PHONE if beside_phone else X_POSITIONS
    return WIDTH * places.get(at, 0.5)
