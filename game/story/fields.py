"""Small readers for the values of story files: names, numbers, texts, key sets.

Each reader reports what is wrong with a value at the value's own position and
returns None, so the loader can go on and report every problem in one pass.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Callable, Collection, Iterable
from typing import Any

from .model import Text
from .problems import Pos, Reporter, quote
from .yamlnodes import YList, YMap

IDENT = re.compile(r"[A-Za-z_][A-Za-z0-9_]*\Z")


def did_you_mean(word: str, options: Iterable[str]) -> str:
    """`` (did you mean 'x'?)`` when a close match exists, else the empty string."""
    close = difflib.get_close_matches(word, list(options), n=1, cutoff=0.6)
    return f" (did you mean {quote(close[0])}?)" if close else ""


def kind_of(value: Any) -> str:
    """How a YAML value is called in messages."""
    if isinstance(value, bool):
        return "true/false"
    if isinstance(value, (int, float)):
        return "a number"
    if isinstance(value, str):
        return "a text"
    if isinstance(value, dict):
        return "a mapping"
    if isinstance(value, list):
        return "a list"
    return "nothing"


def check_keys(mapping: YMap, allowed: Collection[str], what: str, rep: Reporter) -> None:
    """Report every key of ``mapping`` that is not in ``allowed``, with a did-you-mean."""
    for key in mapping:
        if key not in allowed:
            rep.error("unknown-key", mapping.key_at(key),
                      f"unknown key {quote(key)} in {what}{did_you_mean(key, allowed)}; "
                      f"allowed: {', '.join(sorted(allowed))}")


def require_map(value: Any, pos: Pos, what: str, rep: Reporter) -> YMap | None:
    if isinstance(value, YMap):
        return value
    rep.error("type", pos, f"{what} must be a mapping (key: value lines), not {kind_of(value)}")
    return None


def require_list(value: Any, pos: Pos, what: str, rep: Reporter) -> YList | None:
    if isinstance(value, YList):
        return value
    rep.error("type", pos, f"{what} must be a list (lines starting with '- '), not {kind_of(value)}")
    return None


def read_ident(value: Any, pos: Pos, what: str, rep: Reporter) -> str | None:
    if isinstance(value, str) and IDENT.match(value):
        return value
    shown = repr(value) if isinstance(value, str) else kind_of(value)
    rep.error("name", pos, f"{what} must be a name of letters, digits and _ (not starting with a digit), "
              f"not {shown}")
    return None


def read_number(value: Any, pos: Pos, what: str, rep: Reporter, *, low: float = 0.0,
                high: float = 3600.0, unit: str = "seconds") -> float | None:
    if isinstance(value, (int, float)) and not isinstance(value, bool) and low <= value <= high:
        return float(value)
    rep.error("number", pos, f"{what} must be a number of {unit} from {low:g} to {high:g}, "
              f"not {quote(value)}" if not isinstance(value, (dict, list)) else f"{what} must be a number")
    return None


def read_int(value: Any, pos: Pos, what: str, rep: Reporter) -> int | None:
    if isinstance(value, int) and not isinstance(value, bool):
        return value
    rep.error("type", pos, f"{what} must be a whole number, not {kind_of(value)}")
    return None


class TextReader:
    """Reads texts (a string, or a map from language to string) for a story's languages."""

    def __init__(self, languages: tuple[str, ...]) -> None:
        self.languages = languages
        self.primary = languages[0] if languages else "en"

    def read(self, value: Any, where: Pos | Callable[[], Pos], what: str | Callable[[], str], rep: Reporter, *,
             translate: bool = True) -> Text | None:
        """Read a text; a missing translation is a warning when ``translate`` is set.

        ``where`` and ``what`` (the text's name in messages) may be functions: they are only
        called when there is something to report (positions and names cost time on large
        stories, and the language server reads the whole story on every keystroke).
        """
        if type(value) is str and (not translate or len(self.languages) == 1):
            return Text(((self.primary, value),))
        if type(value) is YMap and len(value) == len(self.languages):
            # The common case of a translated story: every language once, each a text (so no key is
            # unknown): nothing to report.
            every: list[tuple[str, str]] = []
            for lang in self.languages:
                each = value.get(lang)
                if type(each) is not str:
                    break
                every.append((lang, each))
            else:
                return Text(tuple(every))
        pos = where() if callable(where) else where
        if callable(what):
            what = what()
        if isinstance(value, str):
            if translate and len(self.languages) > 1:
                missing = ", ".join(self.languages[1:])
                rep.warning("translation", pos, f"missing translation ({missing}) of {what}")
            return Text(((self.primary, value),))
        if not isinstance(value, YMap):
            rep.error("text", pos, f"{what} must be a text or a map of languages "
                      f"({', '.join(self.languages)}), not {kind_of(value)}")
            return None
        found: dict[str, str] = {}
        for lang, text in value.items():
            if lang not in self.languages:
                rep.error("language", value.key_at(lang),
                          f"unknown language {quote(lang)} in {what}{did_you_mean(lang, self.languages)}; "
                          f"the story's languages are {', '.join(self.languages)}")
            elif not isinstance(text, str):
                rep.error("text", value.at(lang), f"the {lang} text of {what} must be text, "
                          f"not {kind_of(text)} (put it in quotes)")
            else:
                found[lang] = text
        if not found:
            if not value:
                rep.error("text", pos, f"{what} is empty")
            return None
        missing_langs = [lang for lang in self.languages if lang not in found]
        if missing_langs and translate:
            rep.warning("translation", pos, f"missing translation ({', '.join(missing_langs)}) of {what}")
        ordered = tuple((lang, found[lang]) for lang in self.languages if lang in found)
        return Text(ordered)
