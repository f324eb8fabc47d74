"""Between our positions (character offsets; 1-based line and column) and LSP's (0-based, UTF-16 units).

Editors count columns in UTF-16 code units by default: a Hangul syllable is
one unit, an emoji two.  Every conversion goes through the line's own text.
"""

from __future__ import annotations

import bisect

from lsprotocol import types as lsp


class LineIndex:
    """Line starts of one text, for converting offsets and positions."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.starts = [0]
        position = text.find("\n")
        while position >= 0:
            self.starts.append(position + 1)
            position = text.find("\n", position + 1)

    def line_text(self, line: int) -> str:
        """0-based ``line``'s text, without its line end."""
        if not 0 <= line < len(self.starts):
            return ""
        end = self.starts[line + 1] - 1 if line + 1 < len(self.starts) else len(self.text)
        return self.text[self.starts[line]:end].removesuffix("\r")

    def position(self, offset: int) -> lsp.Position:
        """The LSP position of character ``offset``."""
        offset = max(0, min(offset, len(self.text)))
        line = bisect.bisect_right(self.starts, offset) - 1
        prefix = self.text[self.starts[line]:offset]
        return lsp.Position(line=line, character=_utf16(prefix))

    def offset(self, position: lsp.Position) -> int:
        """The character offset of an LSP position (clamped to its line)."""
        line = min(max(position.line, 0), len(self.starts) - 1)
        text = self.line_text(line)
        units = 0
        for index, char in enumerate(text):
            if units >= position.character:
                return self.starts[line] + index
            units += 2 if ord(char) > 0xFFFF else 1
        return self.starts[line] + len(text)

    def range(self, start: int, end: int) -> lsp.Range:
        return lsp.Range(start=self.position(start), end=self.position(end))

    def at(self, line: int, column: int) -> int:
        """The offset of a 1-based line and column (as in ``Pos``)."""
        line = min(max(line - 1, 0), len(self.starts) - 1)
        return min(self.starts[line] + max(column - 1, 0), len(self.text))

    def word_end(self, offset: int) -> int:
        """Where the value starting at ``offset`` ends on its line (for underlining a problem)."""
        line = bisect.bisect_right(self.starts, offset) - 1
        text = self.line_text(line)
        rest = text[offset - self.starts[line]:].rstrip()
        return offset + max(len(rest), 1) if rest else offset + 1


def _utf16(text: str) -> int:
    return len(text) + sum(1 for char in text if ord(char) > 0xFFFF)
