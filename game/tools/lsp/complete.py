"""Completion: what may be written where the cursor is, read from the line before it.

``goto: `` offers scenes and labels, ``bg: `` the backgrounds in the story
folder, ``if: `` the variables (with their type and range) and enum values
after ``== '``, ``- `` the step keys and the speakers (``jay smile``), ``look: ``
the looks of the character the step shows, and so on.  Everything offered comes
from the story as last loaded and the files in its folder.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from lsprotocol import types as lsp

from game.story import model as m
from game.story.assets import AssetIndex
from game.story.vocabulary import OPTION_KEYS, STEPS, TIMED_CHOICE_KEYS

from .index import ASSET_KEYS, StoryIndex

K = lsp.CompletionItemKind
_KEY_VALUE = re.compile(r"^\s*(?:-\s+)?([A-Za-z_][\w ]*?):\s+(?:\{[^}]*?)?([^:{}\s]*)$")
_STEP_START = re.compile(r"^\s*-\s+([A-Za-z_]*)$")
_SPEAKER_LOOK = re.compile(r"^\s*-\s+([A-Za-z_]\w*) ([A-Za-z_]*)$")
_KEY_START = re.compile(r"^\s+([A-Za-z_]*)$")
_ENUM_VALUE = re.compile(r"([A-Za-z_]\w*)\s*[!=]=\s*'([A-Za-z_]*)$")
_VISITED = re.compile(r"visited\(\s*'([\w.]*)$")
_FLOW_KEY = re.compile(r"^\s*(?:-\s+)?(set|add):\s*\{(?:[^}]*,)?\s*([A-Za-z_]*)$")


def _item(label: str, kind: lsp.CompletionItemKind, detail: str = "", doc: str = "") -> lsp.CompletionItem:
    return lsp.CompletionItem(label=label, kind=kind, detail=detail or None,
                              documentation=lsp.MarkupContent(kind=lsp.MarkupKind.Markdown, value=doc) if doc else None)


def describe_variable(var: m.Variable) -> str:
    """``int 0..5 (default 0)``, ``bool (default false)``, ``enum: a, b (default a)``."""
    default = str(var.default).lower() if var.type == "bool" else var.default
    if var.type == "int":
        return f"int {var.min}..{var.max} (default {default})"
    if var.type == "enum":
        return f"enum: {', '.join(var.values)} (default {default})"
    return f"bool (default {default})"


def variables(story: m.Story, only_int: bool = False) -> list[lsp.CompletionItem]:
    return [_item(v.name, K.Variable, describe_variable(v)) for v in story.variables if not only_int or v.type == "int"]


def targets(index: StoryIndex, scene: str | None) -> list[lsp.CompletionItem]:
    """Scenes, scene.label, and this scene's bare labels."""
    items = [_item(s, K.Module, "scene") for s in index.keys("scene:")]
    for label in index.keys("label:"):
        items.append(_item(label, K.Reference, "label"))
        owner, _, bare = label.partition(".")
        if owner == scene:
            items.append(_item(bare, K.Reference, f"label of this scene ({label})"))
    return items


def _names(labels: Iterable[str], kind: lsp.CompletionItemKind, detail: str) -> list[lsp.CompletionItem]:
    return [_item(name, kind, detail) for name in labels]


def _step_of(lines: list[str], line: int) -> dict[str, str]:
    """The keys and plain values of the step the cursor's line belongs to (scanning up to its `- `)."""
    found: dict[str, str] = {}
    indent = len(lines[line]) - len(lines[line].lstrip(" -"))
    for number in range(line, max(-1, line - 12), -1):
        text = lines[number]
        stripped = text.lstrip(" ")
        match = re.match(r"(?:-\s+)?([A-Za-z_]\w*):\s*(\S*)", stripped)
        if match and (len(text) - len(text.lstrip(" -"))) == indent:
            found.setdefault(match.group(1), match.group(2))
        if stripped.startswith("- ") or (len(text) - len(stripped)) < indent - 2:
            break
    return found


def complete(story: m.Story | None, index: StoryIndex, assets: AssetIndex, file: str, lines: list[str],
             line: int, character: int) -> list[lsp.CompletionItem]:
    """The completions at 0-based ``line`` / ``character`` of ``file`` (given as its lines)."""
    if not 0 <= line < len(lines):
        return []
    before = lines[line][:character]
    scene = index.files[file].scene if file in index.files else None
    if story is None:
        return targets(index, scene) if re.search(r"(goto|call|start):\s*\S*$", before) else []
    visited = _VISITED.search(before)
    if visited:
        return targets(index, scene)
    enum = _ENUM_VALUE.search(before)
    if enum:
        var = next((v for v in story.variables if v.name == enum.group(1) and v.type == "enum"), None)
        return _names(var.values, K.EnumMember, f"a value of {var.name}") if var else []
    flow = _FLOW_KEY.match(before)
    if flow:
        return variables(story, only_int=flow.group(1) == "add")
    look = _SPEAKER_LOOK.match(before)
    if look and look.group(1) in story.characters:
        return _names(story.characters[look.group(1)].looks, K.Property, f"a look of {look.group(1)}")
    start = _STEP_START.match(before)
    if start:
        return step_starts(story)
    if re.match(r"^\s*(?:-\s+)?if:\s", before):
        return _values(story, index, assets, "if", before, scene, {})
    parent = _parent_key(lines, line)
    pair = _KEY_VALUE.match(before)
    if parent in ("set", "add"):
        if pair is None:
            return variables(story, only_int=parent == "add")
        var = next((v for v in story.variables if v.name == pair.group(1)), None)
        if var is not None and parent == "set" and var.type != "int":
            return _names(var.values if var.type == "enum" else ("true", "false"), K.EnumMember, var.name)
        return []
    if pair:
        return _values(story, index, assets, pair.group(1).strip(), before, scene, _step_of(lines, line))
    if _KEY_START.match(before):
        keys = {key.name: key.help for step in STEPS for key in step.keys[1:]}
        keys.update({key.name: key.help for key in (*OPTION_KEYS, *TIMED_CHOICE_KEYS)})
        return [_item(name, K.Keyword, "a key of a step or option", help) for name, help in sorted(keys.items())]
    return []


def _parent_key(lines: list[str], line: int) -> str | None:
    """The key of the mapping the cursor's line stands in (the nearest line above that is indented less)."""
    indent = len(lines[line]) - len(lines[line].lstrip(" "))
    for number in range(line - 1, max(-1, line - 40), -1):
        text = lines[number]
        if not text.strip() or text.lstrip().startswith("#"):
            continue
        if len(text) - len(text.lstrip(" ")) < indent:
            match = re.match(r"^\s*(?:-\s+)?([A-Za-z_]\w*):\s*(?:#.*)?$", text)
            return match.group(1) if match else None
    return None


def step_starts(story: m.Story) -> list[lsp.CompletionItem]:
    """What a step may start with: a step key, the narrator, a character, or a character with a look."""
    items = [_item(step.name, K.Keyword, "step", step.summary) for step in STEPS]
    items.append(_item("narrator", K.Class, "a line of narration"))
    for char in story.characters.values():
        name = char.name.get(story.primary_language)
        items.append(_item(char.id, K.Class, f"a line of {name}"))
        items += [_item(f"{char.id} {look}", K.Class, f"a line of {name}, looking {look}") for look in char.looks]
    return items


def _values(story: m.Story, index: StoryIndex, assets: AssetIndex, key: str, before: str, scene: str | None,
            step: dict[str, str]) -> list[lsp.CompletionItem]:
    if key in ("goto", "call", "start"):
        return targets(index, scene)
    if key in ASSET_KEYS:
        kind = ASSET_KEYS[key]
        items = _names(assets.names(kind), K.File, f"{kind} in the story folder")
        return items + ([_item("stop", K.Keyword, "stop the music")] if key == "music" else [])
    if key in ("show", "hide"):
        return [_item(c.id, K.Class, c.name.get(story.primary_language)) for c in story.characters.values()]
    if key == "look":
        character = story.characters.get(step.get("show", ""))
        return _names(character.looks, K.Property, f"a look of {character.id}") if character else []
    if key == "at":
        return _names(m.POSITIONS, K.EnumMember, "stage position")
    if key == "transition":
        return _names(m.TRANSITIONS, K.EnumMember, "transition")
    if key == "ending":
        return [_item(e.id, K.Event, e.title.get(story.primary_language)) for e in story.endings.values()]
    if key == "spawn":
        info = story.maps.get(step.get("map", ""))
        return _names(sorted(info.objects), K.Field, f"an object of {info.file}") if info else []
    if key == "if":
        return variables(story) + [_item("visited", K.Function, "visited('scene') or visited('scene.label')")]
    return []
