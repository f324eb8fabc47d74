"""The geometry every part of the game agrees on: the text box, text sizes, the choice buttons.

Pure numbers in logical pixels of the 1280x720 canvas (no pygame), read by the
game's screens to draw and by the checker's text fit to prove every line fits
(``game/check/textfit.py``), so the two can never disagree.
``game.layout.wrap`` holds the line breaking both use.
"""

from __future__ import annotations

WIDTH, HEIGHT = 1280, 720

# The text box: where lines are shown.
BOX = (50, 484, 1180, 200)  # x, y, width, height
PADDING_X, PADDING_TOP = 40, 34
LINE_HEIGHT = 1.5  # rows are this many times the text size apart
TEXT_SIZES = ("small", "medium", "large")
BOX_TEXT_PX = {"small": 25, "medium": 28, "large": 32}  # the line's font size at each text size
BACKLOG_TEXT_PX = {"small": 20, "medium": 22, "large": 25}  # the history screen's, a little smaller
TEXT_WIDTH = BOX[2] - 2 * PADDING_X  # logical pixels a row of the line may take

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
CHOICE_WIDTH = 640
CHOICE_HEIGHT = 48.0
CHOICE_GAP = 8.0
CHOICE_X = (WIDTH - CHOICE_WIDTH) / 2
CHOICE_FONT_SIZE = 24  # bold while focused (any option can be), so options are measured bold
CHOICE_PADDING = 24  # each side: a label keeps clear of the pill's rounded ends


def box_text_px(size: str) -> int:
    """The text box's font size (logical px) at the player's text size setting."""
    return BOX_TEXT_PX.get(size, BOX_TEXT_PX["medium"])


def rows_that_fit(px: int) -> int:
    """How many rows of text at ``px`` the text box shows."""
    return int((BOX[3] - PADDING_TOP - 16) // (px * LINE_HEIGHT))


def choice_top(count: int) -> float:
    """Where the first of ``count`` choice buttons goes: the stack ends just above the text box."""
    return max(40.0, BOX[1] - 16 - count * CHOICE_HEIGHT - (count - 1) * CHOICE_GAP)


def choice_x(beside_phone: bool) -> float:
    """Where the choice buttons start: centred on the stage, or on the part of it left of the phone."""
    room = PHONE[0] if beside_phone else WIDTH
    return (room - CHOICE_WIDTH) / 2


def character_x(at: str, beside_phone: bool) -> float:
    """The centre of a character standing ``at`` (left, center, right)."""
    places = X_POSITIONS_BESIDE_PHONE if beside_phone else X_POSITIONS
    return WIDTH * places.get(at, 0.5)
