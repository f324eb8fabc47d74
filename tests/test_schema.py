"""Tests of game.story.schema: the JSON Schemas that writers' editors use."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
import yaml
from jsonschema import Draft7Validator

from game.story.schema import (
    RESERVED_STEP_KEYS,
    scene_schema,
    story_schema,
    write_schemas,
)

FIXTURES = Path(__file__).parent / "fixtures"

# The examples of the format contract (scene-format.md), nearly verbatim.
STORY_YAML = """\
title: {en: "Lost in Starlight: Signal Delay", ko: "..."}
languages: [en, ko]
start: prologue
characters:
  nanyoung:
    name: {en: Nan-young, ko: 난영}
    color: "#9ad1ff"
    looks: [neutral, smile, tears]
  jay:
    name: {en: Jay, ko: 제이}
    color: "#ffc27a"
    looks: [neutral, smile, tired]
variables:
  trust:     {type: int, min: 0, max: 5, default: 0}
  courage:   {type: int, min: 0, max: 3, default: 0}
  kept_tape: {type: bool, default: false}
  route:     {type: enum, values: [undecided, stay, go], default: undecided}
endings:
  reunion:   {title: {en: Reunion, ko: 재회}}
  signal_lost: {title: {en: Signal Lost, ko: 신호 두절}}
"""

SCENE_YAML = """\
scene: repair_shop
title: {en: The Repair Shop, ko: 수리점}
script:
  - bg: shop_rain
    transition: dissolve
  - music: rain_theme
  - sfx: door_bell
  - show: jay
    look: tired
    at: right
  - narrator: Rain drums on the tin awning.
  - nanyoung: {en: "Do you fix turntables?", ko: "턴테이블도 고치세요?"}
  - jay smile: {en: "Depends on the turntable.", ko: "턴테이블 나름이죠."}
  - choice:
      - text: {en: "It was my mother's.", ko: "엄마 거였어요."}
        add: {trust: 1}
        then:
          - jay: {en: "Then I'll be careful.", ko: "그럼 조심해서 볼게요."}
      - text: {en: "Can you fix it or not?", ko: "고칠 수 있어요, 없어요?"}
        if: courage >= 1
        set: {route: go}
        goto: blunt
  - jay: {en: "Leave it with me.", ko: "두고 가세요."}
  - if: trust >= 2 and not kept_tape
    then:
      - set: {kept_tape: true}
    else:
      - wait: 1.5
  - hide: jay
  - label: blunt
  - call: memories.tape
  - choice:
      timeout: 8
      default: 2
      options:
        - text: Stay.
        - text: Go.
          then: []
  - map: seoul_alley
    spawn: shop_door
  - music: stop
    time: 2
  - bg: black
    transition: fade
    time: 0.5
  - goto: rooftop
  - ending: reunion
"""

# A tiny scene of its own, with the two spellings of `return`.
TINY_SCENE_YAML = """\
scene: memories
script:
  - narrator: The tape hisses.
  - return
  - label: tape
  - narrator: {en: A voice from far away.}
  - return:
"""


def _load(text: str) -> Any:
    return yaml.safe_load(text)


def _errors(schema: dict[str, object], document: Any) -> list[str]:
    validator = Draft7Validator(schema)
    return [
        f"{'/'.join(map(str, error.absolute_path)) or '<root>'}: {error.message}"
        for error in validator.iter_errors(document)
    ]


def _scene(*steps: Any) -> dict[str, Any]:
    return {"scene": "test", "script": list(steps)}


def _valid_scene(*steps: Any) -> bool:
    return Draft7Validator(scene_schema()).is_valid(_scene(*steps))


def _walk(node: Any, path: str = "#") -> Any:
    """Yield (path, schema) for every subschema-bearing dict in *node*."""
    if isinstance(node, dict):
        yield path, node
        for key, value in node.items():
            yield from _walk(value, f"{path}/{key}")
    elif isinstance(node, list):
        for index, value in enumerate(node):
            yield from _walk(value, f"{path}/{index}")


# --------------------------------------------------------------------------
# the schemas themselves


@pytest.mark.parametrize("make", [story_schema, scene_schema])
def test_schemas_are_valid_draft_07(make: Any) -> None:
    schema = make()
    assert schema["$schema"] == "http://json-schema.org/draft-07/schema#"
    Draft7Validator.check_schema(schema)


@pytest.mark.parametrize("make", [story_schema, scene_schema])
def test_every_property_has_a_description(make: Any) -> None:
    missing = []
    for path, node in _walk(make()):
        for keyword in ("properties", "patternProperties"):
            members = node.get(keyword)
            if not isinstance(members, dict):
                continue
            for name, sub in members.items():
                if "description" not in sub:
                    missing.append(f"{path}/{keyword}/{name}")
    assert not missing, missing


@pytest.mark.parametrize("make", [story_schema, scene_schema])
def test_all_references_resolve(make: Any) -> None:
    schema = make()
    definitions = schema["definitions"]
    for path, node in _walk(schema):
        ref = node.get("$ref")
        if isinstance(ref, str):
            prefix = "#/definitions/"
            assert ref.startswith(prefix), (path, ref)
            assert ref[len(prefix):] in definitions, (path, ref)


def test_schema_functions_return_fresh_objects() -> None:
    first = scene_schema()
    first["definitions"]["step"]["oneOf"].clear()  # type: ignore[index]
    assert scene_schema()["definitions"]["step"]["oneOf"]  # type: ignore[index]


def test_write_schemas(tmp_path: Path) -> None:
    target = tmp_path / ".vscode" / "schemas"
    written = write_schemas(target)
    assert written == [target / "story.schema.json", target / "scene.schema.json"]
    for path, schema in zip(written, (story_schema(), scene_schema())):
        text = path.read_text(encoding="utf-8")
        assert text.endswith("}\n") and not text.endswith("\n\n")
        assert json.loads(text) == schema
        expected = json.dumps(schema, sort_keys=True, indent=2, ensure_ascii=False)
        assert text == expected + "\n"
    # Writing again replaces the files with identical content.
    assert write_schemas(target) == written


# --------------------------------------------------------------------------
# valid documents


def test_contract_story_is_valid() -> None:
    assert _errors(story_schema(), _load(STORY_YAML)) == []


def test_contract_scene_is_valid() -> None:
    assert _errors(scene_schema(), _load(SCENE_YAML)) == []


def test_tiny_scene_is_valid() -> None:
    assert _errors(scene_schema(), _load(TINY_SCENE_YAML)) == []


def test_minimal_story_is_valid() -> None:
    story = {"title": "Tiny", "languages": ["en"], "start": "intro.begin"}
    assert _errors(story_schema(), story) == []


def test_fixture_stories_are_valid() -> None:
    """Every story.yaml and scenes/**/*.yaml under tests/fixtures validates."""
    story_files = sorted(FIXTURES.glob("**/story.yaml"))
    scene_files = sorted(
        path
        for path in FIXTURES.glob("**/*.yaml")
        if "scenes" in path.relative_to(FIXTURES).parts[:-1]
    )
    if (FIXTURES / "sample" / "story.yaml").exists():
        assert story_files and scene_files
    problems = []
    for files, schema in ((story_files, story_schema()), (scene_files, scene_schema())):
        for path in files:
            document = _load(path.read_text(encoding="utf-8"))
            for error in _errors(schema, document):
                problems.append(f"{path.relative_to(FIXTURES)}: {error}")
    assert not problems, "\n".join(problems)


# --------------------------------------------------------------------------
# typical mistakes are rejected


def test_unknown_key_in_bg_step_is_rejected() -> None:
    assert _valid_scene({"bg": "x", "transition": "fade"})
    assert not _valid_scene({"bg": "x", "transiton": "fade"})


def test_unknown_position_is_rejected() -> None:
    assert _valid_scene({"show": "jay", "at": "left"})
    assert not _valid_scene({"show": "jay", "at": "middle"})


def test_option_without_text_is_rejected() -> None:
    assert not _valid_scene({"choice": [{"goto": "x"}]})
    assert not _valid_scene(
        {"choice": {"timeout": 5, "default": 1, "options": [{"set": {"a": 1}}]}}
    )


def test_float_variable_is_rejected() -> None:
    story = _load(STORY_YAML)
    story["variables"]["heat"] = {"type": "float", "min": 0, "max": 1, "default": 0}
    assert _errors(story_schema(), story)


@pytest.mark.parametrize(
    "variable",
    [
        {"type": "int", "min": 0, "max": 5},  # default missing
        {"type": "int", "min": 0, "max": 5, "default": 1.5},
        {"type": "bool", "default": "no"},
        {"type": "bool", "default": False, "min": 0},
        {"type": "enum", "values": [], "default": "a"},
        {"type": "enum", "values": ["a b"], "default": "a b"},
    ],
)
def test_bad_variables_are_rejected(variable: dict[str, Any]) -> None:
    story = {"title": "T", "languages": ["en"], "start": "s", "variables": {"v": variable}}
    assert _errors(story_schema(), story)


@pytest.mark.parametrize(
    "change",
    [
        {"languages": []},
        {"start": "not a target"},
        {"titel": "typo"},
        {"characters": {"jay": {"name": "Jay", "color": "orange", "looks": ["a"]}}},
        {"characters": {"jay": {"name": "Jay", "color": "#ffffff", "looks": []}}},
        {"characters": {"2jay": {"name": "Jay", "color": "#ffffff", "looks": ["a"]}}},
        {"endings": {"e": {"name": "E"}}},
    ],
)
def test_bad_stories_are_rejected(change: dict[str, Any]) -> None:
    story = {"title": "T", "languages": ["en"], "start": "s", **change}
    assert _errors(story_schema(), story)


@pytest.mark.parametrize(
    "step",
    [
        "retrun",
        {"bg": "x", "transition": "wipe"},
        {"bg": "x", "time": -1},
        {"wait": -1},
        {"wait": "long"},
        {"show": "jay", "look": "big smile"},
        {"choice": []},
        {"choice": {"timeout": 0, "default": 1, "options": [{"text": "a"}]}},
        {"choice": {"timeout": 5, "default": 0, "options": [{"text": "a"}]}},
        {"choice": [{"text": "a", "iff": "x > 1"}]},
        {"if": "x > 1"},  # then missing
        {"if": "x > 1", "then": [], "elif": []},
        {"set": {"trust": 1.5}},
        {"add": {"trust": "1"}},
        {"add": {"trust": True}},
        {"goto": "a.b.c"},
        {"return": 1},
        {"label": "has space"},
        {"jay": "Hi.", "bg": "x"},  # two keys
        {"jay": "Hi.", "narrator": "Hi."},
        {"jay smile wide": "Hi."},
        {"jay": 42},
        {"jay": {"en": 42}},
        {"then": "Hello."},  # reserved keys are never speakers
        {"look": "Hello."},
        {},
    ],
)
def test_bad_steps_are_rejected(step: Any) -> None:
    assert not _valid_scene(step)


@pytest.mark.parametrize("key", RESERVED_STEP_KEYS)
def test_reserved_keys_are_not_speakers(key: str) -> None:
    schema = scene_schema()
    definitions: Any = schema["definitions"]
    speaker_line = {**definitions["step"]["oneOf"][-1], "definitions": definitions}
    assert Draft7Validator(speaker_line).is_valid({"jay": "Hello."})
    assert not Draft7Validator(speaker_line).is_valid({key: "Hello."})


def test_scene_needs_id_and_script() -> None:
    assert _errors(scene_schema(), {"scene": "a"})
    assert _errors(scene_schema(), {"script": []})
    assert _errors(scene_schema(), {"scene": "a b", "script": []})
    assert _errors(scene_schema(), {"scene": "a", "script": [], "tittle": "x"})
