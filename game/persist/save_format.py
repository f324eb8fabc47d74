"""What a save file may hold, field by field, described with ``schema``.

``SAVE`` checks a save's JSON after its format was upgraded (``format``,
``game`` and ``thumbnail`` are checked apart: the first two decide whether
the file is a save of ours at all, and a bad thumbnail costs only the picture).
Every text, list and mapping has a maximum size, every number a range, so a
save that passes is safe to show, to compare and to hand to the story.

The ``snapshot`` part follows ``game.story.snapshot`` and ``snapshot_ref`` (its limits are those
modules'), the ``presentation`` part is what the play screen stores:

    {"background": "shop" | null, "music": "rain" | null, "speaker": "jay" | null,
     "characters": [["jay", "neutral", "left"], ...],        # at most 16
     "clock": 12.5, "signals": [["earth" | "mars", name | null, sent_at, minutes], ...],   # the phone
     "places": [[map step, x, y, facing], ...],              # where the player last stood on each map
     "map_position": [x, y, facing]}                         # saves made before places were kept

A presentation key the game does not know is refused: a new one is declared here first.
"""

from __future__ import annotations

import re

from game.story import model as m
from game.story import presentation as stage
from game.story import snapshot as snap
from game.story import snapshot_ref as ref

from .schema import (
    AwareTime,
    Either,
    Fixed,
    Flag,
    Integer,
    ListOf,
    MapOf,
    Nullable,
    OneKey,
    OneOf,
    Real,
    Record,
    Text,
)

TITLE_LENGTH = 120  # characters of a story or scene title kept when a save is read
PREVIEW_LENGTH = 120  # characters of a preview kept (the game writes about 60)
MAX_LANGUAGES = 16
MAX_CHARACTERS = 16  # characters on stage in a save
MAP_EXTENT = 1_000_000.0  # pixels from the map's origin a saved position may be
FACINGS = ("up", "down", "left", "right")
MAX_CLOCK, MAX_SIGNALS, MAX_PLACES = stage.MAX_CLOCK, stage.MAX_SIGNALS, stage.MAX_PLACES  # the stage's own bounds

_PRINTABLE = re.compile(r"[^\x00-\x1f\x7f]+")
NAME = Text(ref.NAME_LENGTH, _PRINTABLE, "a name")
LANGUAGE = Text(16, re.compile(r"[A-Za-z]{2,8}(?:[-_][A-Za-z0-9]{1,8})*"), "a language code")
TITLES = MapOf(LANGUAGE, Text(TITLE_LENGTH, cut=True), MAX_LANGUAGES)
PREVIEWS = MapOf(LANGUAGE, Text(PREVIEW_LENGTH, cut=True), MAX_LANGUAGES)

# --- the snapshot (game.story.snapshot) ---

DIGEST = Text(ref.DIGEST_LENGTH, re.compile(r"[0-9a-f]*"), "a digest")
OFFSET = Integer(0, ref.MAX_OFFSET)
STEP = Fixed(NAME, Nullable(NAME), OFFSET, DIGEST)
ANCHOR = OneKey({"label": NAME, "choice": Fixed(Nullable(NAME), OFFSET, DIGEST)})
STEP_REF = Record(
    {"step": STEP, "pc": Integer(0, 10 * ref.MAX_OFFSET), "what": Text(2 * ref.NAME_LENGTH, _PRINTABLE),
     "after_step": Nullable(DIGEST), "trail": ListOf(DIGEST, ref.TRAIL_LENGTH),
     "options": ListOf(DIGEST, ref.OPTION_DEPTH), "anchors": ListOf(ANCHOR, ref.ANCHOR_COUNT)},
    optional={"pc", "what", "after_step", "trail", "options", "anchors"},
)
VALUE = Either((Flag(), Integer(-(2**63), 2**63 - 1), NAME), "a number, true / false or a name")
SNAPSHOT = Record({
    "format": OneOf(snap.READABLE_FORMATS),
    "at": STEP_REF,
    "stack": ListOf(OneKey({"after": STEP_REF, "at": STEP_REF}), m.MAX_CALL_DEPTH),
    "vars": MapOf(NAME, VALUE, snap.MAX_VARIABLES),
    "visited": ListOf(Text(2 * ref.NAME_LENGTH + 1, _PRINTABLE, "a name"), snap.MAX_VISITED),
})

# --- what the stage showed ---

COORDINATE = Real(-MAP_EXTENT, MAP_EXTENT)
MINUTES = Real(-MAX_CLOCK, MAX_CLOCK)
PRESENTATION = Record(
    {"background": Nullable(NAME), "music": Nullable(NAME), "speaker": Nullable(NAME),
     "characters": ListOf(Fixed(NAME, NAME, OneOf(m.POSITIONS)), MAX_CHARACTERS),
     "clock": MINUTES,
     "signals": ListOf(Fixed(OneOf(("earth", "mars")), Nullable(NAME), MINUTES, MINUTES), MAX_SIGNALS),
     "places": ListOf(Fixed(Text(2 * ref.NAME_LENGTH + 32, _PRINTABLE, "a map step"), COORDINATE, COORDINATE,
                            OneOf(FACINGS)), MAX_PLACES),
     "map_position": Fixed(COORDINATE, COORDINATE, OneOf(FACINGS))},
    optional={"clock", "signals", "places", "map_position"},
)

# --- the whole save, but for format, game and thumbnail ---

SAVE = Record(
    {"slot": Text(64), "saved_at": AwareTime(), "story": Record({"title": TITLES}), "scene_title": TITLES,
     "preview": PREVIEWS, "language": LANGUAGE, "snapshot": SNAPSHOT, "presentation": PRESENTATION},
    optional={"slot"},
)
CHECKED_APART = ("format", "game", "thumbnail")
