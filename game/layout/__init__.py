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

# The choice buttons, stacked over the stage above the text box.
CHOICE_WIDTH = 760
CHOICE_HEIGHT = 64.0
CHOICE_GAP = 14.0
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
    """Where the first of ``count`` choice buttons goes: centred in the stage above the text box."""
    return max(40.0, (BOX[1] - 24 - count * (CHOICE_HEIGHT + CHOICE_GAP)) / 2)
