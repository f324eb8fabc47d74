"""Reads ``story.yaml``: title, languages, start, characters, variables and endings."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from . import model as m
from .assets import AssetError, AssetIndex
from .fields import TextReader, check_keys, did_you_mean, kind_of, read_ident, require_list, require_map
from .problems import Pos, Reporter, quote
from .vocabulary import RESERVED
from .yamlnodes import YMap

MANIFEST_KEYS = frozenset({"title", "languages", "start", "characters", "variables", "endings", "phone", "music",
                           "captions"})
PHONE_KEYS = frozenset({"owner", "contact"})
CHARACTER_KEYS = frozenset({"name", "color", "looks"})
VARIABLE_KEYS = {
    "int": frozenset({"type", "min", "max", "default"}),
    "bool": frozenset({"type", "default"}),
    "enum": frozenset({"type", "values", "default"}),
}
ENDING_KEYS = frozenset({"title"})
MUSIC_KEYS = frozenset({"title"})
LANGUAGE = re.compile(r"[a-z]{2,3}(?:-[A-Za-z0-9]{2,8})?\Z")
COLOR = re.compile(r"#[0-9A-Fa-f]{6}\Z")


@dataclass
class Manifest:
    """story.yaml as read, before scenes are known."""

    title: m.Text
    languages: tuple[str, ...]
    start: str
    start_pos: Pos
    characters: dict[str, m.Character] = field(default_factory=dict)
    variables: dict[str, m.Variable] = field(default_factory=dict)
    endings: dict[str, m.EndingInfo] = field(default_factory=dict)
    phone: m.Phone | None = None
    music: dict[str, m.MusicInfo] = field(default_factory=dict)
    captions: dict[str, m.Caption] = field(default_factory=dict)


def read_manifest(data: Any, file: str, assets: AssetIndex, rep: Reporter) -> Manifest:
    """Read the manifest mapping; problems go to ``rep`` and a usable Manifest comes back regardless."""
    top = require_map(data, Pos(file, 1, 1), "story.yaml", rep) or YMap.empty(file)
    check_keys(top, MANIFEST_KEYS, "story.yaml", rep)
    languages = _languages(top, rep)
    texts = TextReader(languages)
    title = m.Text(((languages[0], "Untitled"),))
    if "title" in top:
        title = texts.read(top["title"], top.at("title"), "the story's title", rep) or title
    else:
        rep.error("missing", top.pos, "story.yaml needs `title:`")
    start = top.get("start")
    if not isinstance(start, str):
        rep.error("missing", top.at("start"), "story.yaml needs `start:`, the scene (or scene.label) "
                  "where a new game begins")
        start = ""
    manifest = Manifest(title, languages, start, top.at("start"))
    for char_id, value, pos in _entries(top, "characters", rep):
        character = _character(char_id, value, pos, texts, assets, rep)
        if character is not None:
            manifest.characters[char_id] = character
    for name, value, pos in _entries(top, "variables", rep):
        variable = _variable(name, value, pos, rep)
        if variable is not None:
            manifest.variables[name] = variable
    for ending_id, value, pos in _entries(top, "endings", rep):
        spec = require_map(value, pos, f"the ending {quote(ending_id)}", rep)
        if spec is None:
            continue
        check_keys(spec, ENDING_KEYS, f"the ending {quote(ending_id)}", rep)
        title_text = texts.read(spec.get("title", ending_id), spec.at("title"), f"the title of ending "
                                f"{quote(ending_id)}", rep)
        manifest.endings[ending_id] = m.EndingInfo(ending_id, title_text or m.Text(((languages[0], ending_id),)),
                                                   pos)
    if "phone" in top:
        manifest.phone = _phone(top, manifest.characters, rep)
    for name, value, pos in _entries(top, "music", rep):
        track = _music(name, value, pos, texts, assets, rep)
        if track is not None:
            manifest.music[name] = track
    if top.get("captions") is not None:
        manifest.captions = _captions(top, texts, assets, rep)
    return manifest


def _music(name: str, value: Any, pos: Pos, texts: TextReader, assets: AssetIndex, rep: Reporter) -> m.MusicInfo | None:
    """``music: {name: {title: text}}``: a track of audio/music and its title for the music room."""
    spec = require_map(value, pos, f"the music {name!r}", rep)
    if spec is None:
        return None
    check_keys(spec, MUSIC_KEYS, f"the music {name!r}", rep)
    try:
        assets.find("music", name)
    except AssetError as exc:
        rep.error("asset", pos, str(exc))
        return None
    if "title" not in spec:
        rep.error("missing", spec.pos, f"the music {name!r} needs `title:`, its name in the music room")
        return None
    title = texts.read(spec["title"], spec.at("title"), f"the title of the music {name!r}", rep)
    return m.MusicInfo(name, title, pos) if title is not None else None


def _captions(top: YMap, texts: TextReader, assets: AssetIndex, rep: Reporter) -> dict[str, m.Caption]:
    """``captions: {sfx: {name: text}, music: {name: text}}``: what is shown when each sound plays."""
    section = require_map(top["captions"], top.at("captions"), "`captions`", rep)
    if section is None:
        return {}
    check_keys(section, frozenset(m.CAPTION_KINDS), "`captions`", rep)
    found: dict[str, m.Caption] = {}
    for kind in m.CAPTION_KINDS:
        if section.get(kind) is None:
            continue
        entries = require_map(section[kind], section.at(kind), f"`captions: {kind}`", rep)
        for name, value in (entries.items() if entries is not None else ()):
            pos = entries.key_at(name) if entries is not None else section.pos
            if not isinstance(name, str):
                rep.error("caption", pos, f"a caption is named by its {kind} file's name, not {quote(name)}")
                continue
            try:
                assets.find(kind, name)
            except AssetError as exc:
                rep.warning("caption", pos, f"a caption for a {kind} the story does not have: {exc}")
            text = texts.read(value, pos, f"the caption of {kind} {quote(name)}", rep)
            if text is not None:
                found[f"{kind}:{name}"] = m.Caption(kind, name, text, pos)
    return found


def _phone(top: YMap, characters: dict[str, m.Character], rep: Reporter) -> m.Phone | None:
    """``phone: {owner: id, contact: id}``: the two ends of the message exchanges the phone shows."""
    spec = require_map(top["phone"], top.at("phone"), "`phone`", rep)
    if spec is None:
        return None
    check_keys(spec, PHONE_KEYS, "`phone`", rep)
    ends = []
    for key in ("owner", "contact"):
        value = spec.get(key)
        if not isinstance(value, str) or value not in characters:
            where = spec.at(key) if key in spec else spec.pos
            rep.error("character", where, f"`phone: {key}` names a declared character, not {value!r}"
                      f"{did_you_mean(str(value), characters)}")
            return None
        ends.append(value)
    return m.Phone(ends[0], ends[1])


def _languages(top: YMap, rep: Reporter) -> tuple[str, ...]:
    if "languages" not in top:
        rep.error("missing", top.pos, "story.yaml needs `languages:`, e.g. [en, ko] (the first is primary)")
        return ("en",)
    items = require_list(top["languages"], top.at("languages"), "`languages`", rep)
    result: list[str] = []
    for i, lang in enumerate(items or []):
        if not isinstance(lang, str) or not LANGUAGE.match(lang):
            rep.error("language", items.at(i) if items else top.pos,
                      f"a language is a code like en or ko, not {quote(lang)}")
        elif lang in result:
            rep.error("language", items.at(i) if items else top.pos, f"the language {quote(lang)} is listed twice")
        else:
            result.append(lang)
    if not result:
        rep.error("language", top.at("languages"), "list at least one language")
        return ("en",)
    return tuple(result)


def _entries(top: YMap, key: str, rep: Reporter) -> list[tuple[str, Any, Pos]]:
    """The (name, value, position) of each entry of a declaration section, with valid names only."""
    if key not in top or top[key] is None:
        return []
    section = require_map(top[key], top.at(key), f"`{key}`", rep)
    if section is None:
        return []
    result = []
    for name, value in section.items():
        pos = section.key_at(name)
        if read_ident(name, pos, f"a name under `{key}`", rep) is not None:
            result.append((name, value, pos))
    return result


def _character(char_id: str, value: Any, pos: Pos, texts: TextReader, assets: AssetIndex,
               rep: Reporter) -> m.Character | None:
    if char_id == m.NARRATOR or char_id in RESERVED:
        rep.error("name", pos, f"{quote(char_id)} is reserved and cannot be a character id")
        return None
    spec = require_map(value, pos, f"the character {quote(char_id)}", rep)
    if spec is None:
        return None
    check_keys(spec, CHARACTER_KEYS, f"the character {quote(char_id)}", rep)
    name = texts.read(spec.get("name", char_id), spec.at("name"), f"the name of {quote(char_id)}", rep)
    color = spec.get("color", "#ffffff")
    if not isinstance(color, str) or not COLOR.match(color):
        rep.error("color", spec.at("color"), f"a colour is written \"#rrggbb\" in quotes, not {quote(color)}")
        color = "#ffffff"
    looks: list[str] = []
    items = require_list(spec.get("looks"), spec.at("looks"), f"the looks of {quote(char_id)}", rep)
    for i, look in enumerate(items or []):
        if read_ident(look, items.at(i) if items else pos, "a look", rep) is None:
            continue
        if look in looks:
            rep.error("look", items.at(i) if items else pos, f"the look {quote(look)} is listed twice")
            continue
        looks.append(look)
        try:
            assets.find("character", f"{char_id}/{look}")
        except AssetError as exc:
            rep.error("asset", items.at(i) if items else pos, str(exc))
    if items is not None and not looks:
        rep.error("look", spec.at("looks"), f"{quote(char_id)} needs at least one look")
    if not looks:
        return None
    return m.Character(char_id, name or m.Text(((texts.primary, char_id),)), color, tuple(looks), pos)


def _variable(name: str, value: Any, pos: Pos, rep: Reporter) -> m.Variable | None:
    spec = require_map(value, pos, f"the variable {quote(name)}", rep)
    if spec is None:
        return None
    kind = spec.get("type")
    if kind not in VARIABLE_KEYS:
        rep.error("variable", spec.at("type"), f"the type of {quote(name)} must be int, bool or enum, not {quote(kind)}"
                  f"{did_you_mean(str(kind), VARIABLE_KEYS)}")
        return None
    check_keys(spec, VARIABLE_KEYS[kind], f"the {kind} variable {quote(name)}", rep)
    for key in VARIABLE_KEYS[kind] - {"type"}:
        if key not in spec:
            rep.error("variable", spec.pos, f"the {kind} variable {quote(name)} needs `{key}:`")
            return None
    if kind == "int":
        return _int_variable(name, spec, pos, rep)
    if kind == "bool":
        if not isinstance(spec["default"], bool):
            rep.error("variable", spec.at("default"), f"the default of {quote(name)} must be true or false")
            return None
        return m.Variable(name, "bool", spec["default"], 0, 1, (), pos)
    values: list[str] = []
    items = require_list(spec["values"], spec.at("values"), f"the values of {quote(name)}", rep)
    for i, item in enumerate(items or []):
        ident = read_ident(item, items.at(i) if items else pos, "an enum value", rep)
        if ident is not None and ident not in values:
            values.append(ident)
    if not values:
        return None
    if spec["default"] not in values:
        rep.error("variable", spec.at("default"), f"the default of {quote(name)} must be one of "
                  f"{', '.join(values)}, not {quote(spec['default'])}")
        return None
    return m.Variable(name, "enum", spec["default"], 0, len(values) - 1, tuple(values), pos)


def _int_variable(name: str, spec: YMap, pos: Pos, rep: Reporter) -> m.Variable | None:
    numbers = {}
    for key in ("min", "max", "default"):
        value = spec[key]
        if not isinstance(value, int) or isinstance(value, bool):
            rep.error("variable", spec.at(key), f"`{key}` of {quote(name)} must be a whole number, not {kind_of(value)}")
            return None
        numbers[key] = value
    if numbers["min"] > numbers["max"]:
        rep.error("variable", spec.at("min"), f"`min` of {quote(name)} is above its `max`")
        return None
    if not numbers["min"] <= numbers["default"] <= numbers["max"]:
        rep.error("variable", spec.at("default"), f"the default of {quote(name)} ({numbers['default']}) is outside "
                  f"{numbers['min']}..{numbers['max']}")
        return None
    return m.Variable(name, "int", numbers["default"], numbers["min"], numbers["max"], (), pos)
