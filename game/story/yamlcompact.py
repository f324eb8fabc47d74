"""A story file's YAML events in compact form, and the trees built from them: how a helper hands work back.

``second_core`` parses scene files in a helper process.  The helper turns each
file's parser events into small tuples (``encode``) that cross to the loader as
plain data; the loader builds the same ``YMap`` / ``YList`` trees from them
(``build``) as ``yamlsrc`` builds from the parser, without running the parser.

Only the plain part of YAML travels this way: scalars, mappings and lists
without tags, anchors or aliases, in one document.  Anything else, and
anything ``yamlsrc`` would report (a key written twice, a merge key, nesting or
size past its bounds, an over-long number, an empty file), makes ``encode`` or
``build`` give None: the loader then reads that file itself, through
``yamlsrc``, which says what is wrong exactly as it always does.

Positions are kept as ``(line, column)`` tuples, counted from 0 as the
parser's marks are (``yamlnodes.mark_pos`` reads both kinds).
"""

from __future__ import annotations

from typing import Any

import yaml

from .yamlnodes import YList, YMap
from .yamlscalars import NumberTooLong, plain_scalar
from .yamlsrc import MAX_DEPTH, MAX_NODES

# An event is (kind, ...): (PLAIN or QUOTED, text, mark), (MAPPING or SEQUENCE, mark), or END.
PLAIN, QUOTED, MAPPING, SEQUENCE, CLOSE = 0, 1, 2, 3, 4
END = (CLOSE,)  # the end of a mapping or list (one tuple for all: marshal sends it once)

Events = list[tuple[Any, ...]]


def encode(loader: Any) -> Events | None:
    """The events of the one document ``loader`` parses, compactly; None if any is outside the plain part.

    Raises what the parser raises on a syntax error (the caller leaves that file to ``yamlsrc``).
    """
    ScalarEvent, MappingStartEvent, SequenceStartEvent = yaml.ScalarEvent, yaml.MappingStartEvent, yaml.SequenceStartEvent
    MappingEndEvent, SequenceEndEvent = yaml.MappingEndEvent, yaml.SequenceEndEvent
    DocumentStartEvent, StreamEndEvent, AliasEvent = yaml.DocumentStartEvent, yaml.StreamEndEvent, yaml.AliasEvent
    events: Events = []
    add = events.append
    get_event = loader.get_event
    documents = 0
    while True:
        event = get_event()
        kind = type(event)
        if kind is ScalarEvent:
            if event.tag is not None or event.anchor:
                return None
            mark = event.start_mark
            add((QUOTED if event.style else PLAIN, event.value, (mark.line, mark.column)))
        elif kind is MappingEndEvent or kind is SequenceEndEvent:
            add(END)
        elif kind is MappingStartEvent or kind is SequenceStartEvent:
            if event.tag is not None or event.anchor:
                return None
            mark = event.start_mark
            add((MAPPING if kind is MappingStartEvent else SEQUENCE, (mark.line, mark.column)))
        elif kind is DocumentStartEvent:
            documents += 1
            if documents > 1:
                return None
        elif kind is StreamEndEvent:
            return events
        elif kind is AliasEvent:
            return None
        # (stream start, document end: nothing to keep)


def build(events: Events, file: str) -> Any:
    """The tree ``yamlsrc.parse_yaml`` gives for the file these events came from, or None if it would report one."""
    try:
        return _build(events, file)
    except NumberTooLong:
        return None


def _build(events: Events, file: str) -> Any:
    # A frame: [collection, pending key (or None), the key's mark]; as yamlsrc's builder, without anchors.
    stack: list[list[Any]] = []
    root: Any = None
    total = 0
    for event in events:
        kind = event[0]
        if kind <= QUOTED:
            total += 1
            if total > MAX_NODES:
                return None
            value = event[1]
            if kind == PLAIN:
                value = plain_scalar(value) if value else None  # an empty plain scalar is null
            if not stack:
                root = value
                continue
            frame = stack[-1]
            container = frame[0]
            if type(container) is YMap and frame[1] is None:  # a key: its text as written
                key = event[1]
                if key in container or (key == "<<" and kind == PLAIN):
                    return None
                frame[1] = key
                frame[2] = event[2]
                continue
            mark = event[2]
        elif kind == CLOSE:
            value = stack.pop()[0]
            mark = value.mark
            if not stack:
                root = value
                continue
            frame = stack[-1]
            container = frame[0]
            if type(container) is YMap and frame[1] is None:  # a list or mapping as a key
                return None
        else:
            total += 1
            if total > MAX_NODES or len(stack) >= MAX_DEPTH:
                return None
            stack.append([(YMap if kind == MAPPING else YList)(file, event[1]), None, None])
            continue
        if type(container) is YList:
            container.marks.append(mark)
            container.append(value)
        else:
            key = frame[1]
            container.marks[key] = (frame[2], mark)
            container[key] = value
            frame[1] = None
    return root
