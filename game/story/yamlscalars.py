"""How an unquoted YAML scalar in a story file is typed: YAML 1.2's core schema, with numbers bounded."""

from __future__ import annotations

import re
from typing import Any

from .problems import quote

MAX_NUMBER_CHARS = 64  # sign, prefix and digits: far more than any story needs

# Plain scalars are typed as YAML 1.2's core schema does.  (YAML 1.1 reads
# yes/no/on/off as booleans, which would turn `narrator: no` into False.)
BOOLS = {"true": True, "True": True, "TRUE": True, "false": False, "False": False, "FALSE": False}
NULLS = frozenset({"", "~", "null", "Null", "NULL"})
_INT_RE = re.compile(r"[-+]?(?:[0-9]+|0x[0-9a-fA-F]+|0o[0-7]+)\Z")
_FLOAT_RE = re.compile(r"[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?\Z")
_NUMBER_START = frozenset("0123456789+-.")


class NumberTooLong(ValueError):
    """A number literal longer than MAX_NUMBER_CHARS; the message says so (the builder adds the position)."""


def plain_scalar(value: str) -> Any:
    """The value of an unquoted scalar: a bool, null, int, float, or the text itself.

    A number written with more than MAX_NUMBER_CHARS characters raises
    NumberTooLong: hexadecimal and octal ones would be read (Python limits only
    decimal conversion) and then fail wherever a message shows them.
    """
    if value in BOOLS:
        return BOOLS[value]
    if value in NULLS:
        return None
    if value[0] in _NUMBER_START:
        if len(value) > MAX_NUMBER_CHARS and (_INT_RE.match(value) or _FLOAT_RE.match(value)):
            raise NumberTooLong(f"the number {quote(value)} is {len(value):,} characters long; numbers in story "
                                f"files have at most {MAX_NUMBER_CHARS} characters (quote it if it is text)")
        try:
            if _INT_RE.match(value):
                return int(value, 0) if value.lstrip("+-")[:2] in ("0x", "0o") else int(value)
            if _FLOAT_RE.match(value):
                return float(value)
        except ValueError:  # more digits than Python converts: leave it as text
            return value
    return value
