"""The JSON Schema of a scene file, its steps generated from ``game.story.vocabulary``."""

from __future__ import annotations

from game.story.vocabulary import COMPANION_KEYS, OPTION_KEYS, STEPS, TIMED_CHOICE_KEYS, Key

from .parts import DRAFT_07, IDENTIFIER_PATTERN, SPEAKER_PATTERN, TARGET_PATTERN, Schema, common_definitions, described, identifier, ref

RESERVED_STEP_KEYS: tuple[str, ...] = tuple(step.name for step in STEPS) + tuple(sorted(COMPANION_KEYS))
"""Keys that can never be a speaker in a speaker line."""

_SIMPLE: dict[str, Schema] = {
    "asset": {"type": "string", "minLength": 1},
    "identifier": {"type": "string", "pattern": IDENTIFIER_PATTERN},
    "none": {"type": "null"},
}
_REFERENCES = {"text", "expression", "target", "steps", "assignments", "additions", "option"}


def _value(key: Key) -> Schema:
    """The schema of one key's value, with the vocabulary's help as its description."""
    if key.value in _SIMPLE:
        return described(dict(_SIMPLE[key.value]), _plain(key.help), key.help)
    if key.value in _REFERENCES:
        return ref(key.value, _plain(key.help), key.help)
    if key.value in ("number", "count"):
        bounds: Schema = {"type": "number" if key.value == "number" else "integer"}
        if key.low is not None:
            bounds["minimum"] = key.low
        if key.high is not None:
            bounds["maximum"] = key.high
        return described(bounds, _plain(key.help), key.help)
    if key.value == "enum":
        return described({"enum": list(key.choices)}, _plain(key.help), key.help)
    if key.value == "choice":
        return _choice_value()
    if key.value == "options":
        return _options()
    raise ValueError(f"no schema for values of kind {key.value!r}")


def _plain(markdown: str) -> str:
    return markdown.replace("`", "")


def _object(keys: tuple[Key, ...], description: str, extra_required: tuple[str, ...] = ()) -> Schema:
    return {
        "type": "object",
        "description": description,
        "properties": {key.name: _value(key) for key in keys},
        "required": [*extra_required, *(key.name for key in keys if key.required)],
        "additionalProperties": False,
    }


def _options() -> Schema:
    return {"type": "array", "minItems": 1, "description": "The options, in the order shown.",
            "items": {"$ref": "#/definitions/option"}}


def _choice_value() -> Schema:
    timed = _object(TIMED_CHOICE_KEYS, "A timed choice: the default option is taken when time runs out.")
    return described(
        {"oneOf": [_options(), timed]},
        "A choice: a list of options, or {timeout, default, options}.",
        "A choice: a list of options\n\n```yaml\n- choice:\n"
        "    - text: It was my mother's.\n      add: {trust: 1}\n"
        "    - text: Can you fix it or not?\n      goto: blunt\n```\n\n"
        "or a timed choice `{timeout: 8, default: 2, options: [...]}`.",
    )


def _step_definition() -> Schema:
    speaker_line: Schema = {
        "type": "object",
        "description": "A line of dialogue: speaker: text.",
        "markdownDescription": (
            "A line of dialogue. The key is the speaker: `narrator`, a character id, or a character id, "
            "a space and one of its looks (`jay smile`). The value is the text."
        ),
        "minProperties": 1,
        "maxProperties": 1,
        "patternProperties": {
            SPEAKER_PATTERN: ref("text", "narrator, a character, or \"character look\": the line they say."),
        },
        "propertyNames": {"not": {"enum": list(RESERVED_STEP_KEYS)}},
        "additionalProperties": False,
    }
    shapes = [_object(step.keys, step.summary, extra_required=(step.name,)) for step in STEPS]
    return {
        "description": "A step of a script.",
        "oneOf": [{"const": "return", "description": "Go back to just after the last call."}, *shapes, speaker_line],
    }


def _assignments() -> Schema:
    return {
        "type": "object",
        "description": "Variables to assign: variable -> value.",
        "markdownDescription": ("Assigns literals to declared variables, checked against their type: "
                                "`{route: go, kept_tape: true}`."),
        "minProperties": 1,
        "propertyNames": {"pattern": IDENTIFIER_PATTERN, "description": "A declared variable."},
        "additionalProperties": {"type": ["string", "integer", "boolean"],
                                 "description": "The new value: an integer, true/false, or an enum word."},
    }


def _additions() -> Schema:
    return {
        "type": "object",
        "description": "Integers to add to int variables (negative to subtract).",
        "markdownDescription": ("Adds an integer to declared `int` variables, clamped to their range; "
                                "negative to subtract: `{trust: 1, courage: -1}`."),
        "minProperties": 1,
        "propertyNames": {"pattern": IDENTIFIER_PATTERN, "description": "A declared int variable."},
        "additionalProperties": {"type": "integer", "description": "How much to add (negative to subtract)."},
    }


def scene_schema() -> dict[str, object]:
    """Return the draft-07 JSON Schema of a scene file, ``scenes/**/*.yaml``."""
    definitions = common_definitions()
    definitions["expression"] = {
        "type": "string",
        "minLength": 1,
        "description": "A condition in the story's expression language.",
        "markdownDescription": (
            "A condition: declared variables, integers, `true`/`false`, quoted enum values "
            "(`route == 'go'`), `== != < <= > >=`, `and or not`, `+ -`, parentheses, and "
            "`visited('scene')` / `visited('scene.label')`."
        ),
    }
    definitions["target"] = {"type": "string", "pattern": TARGET_PATTERN,
                             "description": "A scene id, scene.label, or a label of this scene."}
    definitions["assignments"] = _assignments()
    definitions["additions"] = _additions()
    definitions["option"] = described(
        _object(OPTION_KEYS, "An option of a choice."), "An option of a choice.",
        "An option of a choice. Its effects (`set`, `add`) run when it is taken, then its `then` steps; "
        "afterwards flow goes on below the choice, or jumps to `goto`.")
    definitions["step"] = _step_definition()
    definitions["steps"] = {"type": "array", "description": "A list of steps, run in order.",
                            "items": {"$ref": "#/definitions/step"}}
    return {
        "$schema": DRAFT_07,
        "title": "Scene file",
        "description": "A scene of a Lost in Starlight story: one scene per file.",
        "type": "object",
        "properties": {
            "scene": identifier("The scene's unique id: letters, digits and _.",
                                "The scene's unique id (letters, digits, `_`); `goto`, `call` and `start` name it."),
            "title": ref("text", "The scene's title."),
            "script": ref("steps", "The steps of the scene, run in order.",
                          "The steps of the scene, run in order. A scene must not run off its last step: "
                          "end it with `goto`, `ending` or `return`."),
        },
        "required": ["scene", "script"],
        "additionalProperties": False,
        "definitions": definitions,
    }
