"""The story's view of a Tiled map: spawn points, and hotspots with their display names.

Maps are read by the one reader, ``game.story.tiled`` (its outline: objects,
templates applied, no tile data).  Here the objects become what the story
needs: the positions of named objects (spawn points), and for hotspots their
text properties and their label, the name the map prompt shows, one per story
language, from the string properties ``label.<lang>`` (``label.en``,
``label.ko``).  A language without a label shows the object's name, tidied.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from .fields import did_you_mean
from .model import Text
from .problems import Pos
from .tiled import MapObject
from .tiled.values import shorten

LABEL = "label."


def tidy_name(name: str) -> str:
    """An object name as a player could read it: "dori_dock" -> "Dori dock"."""
    words = name.replace("_", " ").replace("-", " ").split()
    text = " ".join(words)
    return text[:1].upper() + text[1:]


@dataclass
class LabelReading:
    """A hotspot's label, and what is wrong with its label properties."""

    label: Text
    errors: list[tuple[Pos, str]] = field(default_factory=list)
    missing: tuple[str, ...] = ()  # story languages with no label.<lang>


def hotspot_label(obj: MapObject, name: str, languages: tuple[str, ...]) -> LabelReading:
    """The label of the hotspot ``obj`` (called ``name``) in every language of the story."""
    found: dict[str, str] = {}
    errors: list[tuple[Pos, str]] = []
    for key, value in obj.properties.items():
        if not key.startswith(LABEL):
            continue
        lang = key[len(LABEL):]
        where = obj.property_pos.get(key, obj.pos)
        if lang not in languages:
            errors.append((where, f"unknown language {shorten(lang)} in the label {shorten(key)} of {name!r}"
                                  f"{did_you_mean(lang, languages)}; the story's languages are "
                                  f"{', '.join(languages)}"))
        elif not isinstance(value, str):
            errors.append((where, f"the label {key} of {name!r} must be a string property"))
        elif value.strip():
            found[lang] = value.strip()
    fallback = tidy_name(name)
    label = Text(tuple((lang, found.get(lang, fallback)) for lang in languages))
    return LabelReading(label, errors, tuple(lang for lang in languages if lang not in found))


def text_property(obj: MapObject, key: str, name: str, error: Callable[[Pos, str], None]) -> str | None:
    """A hotspot's text property (goto, call, if, trigger); an error when it holds another type."""
    value: Any = obj.properties.get(key)
    if value is None or isinstance(value, str):
        return value
    error(obj.property_pos.get(key, obj.pos), f"`{key}` of {name!r} must be a string property, not "
                                              f"{type(value).__name__}")
    return None
