"""Writing one translation into a text's value, as the writer would have typed it.

* ``{en: "...", ko: "..."}``: the ``ko`` value is replaced, in the quoting it had
  (plain, single or double quotes) when that can hold the new text;
* a missing language is added to the mapping: ``, ja: "..."`` before the ``}``,
  or a new ``ja: ...`` line under the others, indented like them;
* a plain text (primary language only) becomes ``{en: <as written>, ko: "..."}``.

Nothing else in the file moves: the edit covers only the characters of the value.
"""

from __future__ import annotations

from ..edits import Edit
from ..spans import Node, double_quoted, in_flow, plain_ok, scalar_like
from .sources import Slot


class WriteError(Exception):
    """A text that cannot be given a translation where it stands (an alias, a list...)."""


def translation_edit(slot: Slot, primary: str, lang: str, translation: str) -> Edit | None:
    """The edit that makes ``slot``'s ``lang`` text ``translation``; None when it already is."""
    value = slot.value
    text = slot.file.doc.text
    if value.kind == "scalar":
        return _scalar_to_map(value, text, primary, lang, translation)
    if value.kind != "map":
        raise WriteError(f"{slot.file.rel}:{value.line}: the text is {_what(value)}: write it out to translate it")
    current = value.get(lang)
    if current is not None:
        if current.kind != "scalar":
            raise WriteError(f"{slot.file.rel}:{current.line}: the {lang} text is {_what(current)}")
        if current.data() == translation:
            return None
        return Edit(current.start, _end(current, text), scalar_like(translation, current, in_flow(current)))
    model = value.get(primary)
    if value.flow:
        return _add_to_flow(value, model, lang, translation)
    return _add_to_block(value, model, text, lang, translation)


def _end(node: Node, text: str) -> int:
    """Where a scalar's own characters end: a block scalar's span runs on past its last line break."""
    return node.start + len(text[node.start:node.end].rstrip("\r\n")) if node.style in ("|", ">") else node.end


def _what(node: Node) -> str:
    return {"alias": f"an alias (*{node.value})", "seq": "a list"}.get(node.kind, "not text")


def _scalar_to_map(value: Node, text: str, primary: str, lang: str, translation: str) -> Edit:
    written = text[value.start:value.end]
    single_line = "\n" not in written and value.style in ("", "'", '"')
    if single_line and (value.style or plain_ok(value.value, True)):
        source = written  # kept exactly as the writer wrote it
    else:
        source = double_quoted(value.value)
    new = scalar_like(translation, value if value.style in ("'", '"') else None, True)
    return Edit(value.start, _end(value, text), f"{{{primary}: {source}, {lang}: {new}}}")


def _add_to_flow(value: Node, model: Node | None, lang: str, translation: str) -> Edit:
    new = scalar_like(translation, model, True)
    if not value.pairs:
        return Edit(value.close, value.close, f"{lang}: {new}")
    last = value.pairs[-1][1]
    return Edit(last.end, last.end, f", {lang}: {new}")


def _add_to_block(value: Node, model: Node | None, text: str, lang: str, translation: str) -> Edit:
    if not value.pairs:
        raise WriteError(f"line {value.line}: an empty mapping of languages")
    indent = " " * (value.pairs[0][0].column - 1)
    new = scalar_like(translation, model, False)
    last = value.pairs[-1][1]
    if last.end > 0 and text[last.end - 1] == "\n":  # a block scalar ends past its line: add a line of our own
        return Edit(last.end, last.end, f"{indent}{lang}: {new}\n")
    line_end = text.find("\n", last.end)
    line_end = len(text) if line_end < 0 else line_end
    if line_end > 0 and text[line_end - 1] == "\r":
        line_end -= 1
    newline = "\r\n" if text[line_end:line_end + 2] == "\r\n" else "\n"
    return Edit(line_end, line_end, f"{newline}{indent}{lang}: {new}")
