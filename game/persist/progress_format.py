"""What ``progress.json`` may hold, described with ``schema`` (as ``save_format`` describes a save).

    {"format": 2, "seq": 57,
     "endings_seen": [id, ...], "lines_read": [step, ...], "nodes_seen": [node, ...],
     "options_seen": [option, ...], "options_taken": [option, ...], "tracks_heard": [name, ...], "hints_shown": [hint, ...],
     "pictures_seen": [background, ...],
     "passages": {node: [PASSAGE, ...], ...},            # newest first, at most MAX_ROUTES a node
     "finales": {ending: PASSAGE, ...}}

    PASSAGE = {"route": [decision, ...], "snapshot": SNAPSHOT, "presentation": PRESENTATION, "seq": 12}

A passage's snapshot and presentation are a save's (``save_format``), with the
same bounds; keys are short strings (``KEY``).  Each list and mapping is read
entry by entry by ``progress``, so one bad entry costs only itself.
"""

from __future__ import annotations

from .save_format import PRESENTATION, SNAPSHOT
from .schema import Integer, ListOf, Record, Text

MAX_ENTRIES = 1_000_000  # strings kept per list (lines read, nodes seen, ...)
MAX_ROUTE = 64  # decisions kept per route
MAX_FINALES = 64
MAX_PASSAGE_NODES = 100_000  # nodes read from the passages mapping (the record keeps far fewer)
KEY = Text(512)  # a step identity, a node, an option or an ending id, a track's or a picture's name
SEQ = Integer(0, 2**53)
PASSAGE = Record({"route": ListOf(KEY, MAX_ROUTE), "snapshot": SNAPSHOT, "presentation": PRESENTATION,
                  "seq": SEQ})
