"""JSON Schemas (draft-07) for the story format, for writers' editors.

The story format is described in ``scene-format.md`` (the writers' contract).
This module turns it into two JSON Schemas so that an editor such as VS Code
with the Red Hat YAML extension (``redhat.vscode-yaml``) can show hover help,
offer completion and underline typos while a writer types:

* :func:`story_schema` describes ``story.yaml``, the manifest of a story;
* :func:`scene_schema` describes each scene file, ``scenes/**/*.yaml``;
* :func:`write_schemas` writes both as ``story.schema.json`` and
  ``scene.schema.json`` into a folder (``starlight schema -o DIR`` calls it).

The schemas check the *shape* of the files only: which keys exist, what kind of
value each takes, and which words are allowed. They cannot know the story's
declared characters, variables, labels or languages, so cross-references
(does ``show: jay`` name a declared character? does ``goto: rooftop`` name a
scene?) and expressions are left to the loader and ``starlight check``.

Draft-07 is used because it is the draft the YAML extension supports best.
This module uses the standard library only; every call returns fresh
dictionaries that the caller may modify.
"""

from __future__ import annotations

import json
from pathlib import Path

__all__ = [
    "DRAFT_07",
    "IDENTIFIER_PATTERN",
    "RESERVED_STEP_KEYS",
    "SCENE_SCHEMA_FILE",
    "STORY_SCHEMA_FILE",
    "scene_schema",
    "story_schema",
    "write_schemas",
]

DRAFT_07 = "http://json-schema.org/draft-07/schema#"
"""The ``$schema`` URI of both schemas."""

STORY_SCHEMA_FILE = "story.schema.json"
"""File name that :func:`write_schemas` gives the story.yaml schema."""

SCENE_SCHEMA_FILE = "scene.schema.json"
"""File name that :func:`write_schemas` gives the scene file schema."""

IDENTIFIER_PATTERN = r"^[A-Za-z_][A-Za-z0-9_]*$"
"""Scene, label, character, look, variable, ending and map ids."""

_ID = r"[A-Za-z_][A-Za-z0-9_]*"
_TARGET_PATTERN = rf"^{_ID}(\.{_ID})?$"
_SPEAKER_PATTERN = rf"^{_ID}( {_ID})?$"
_LANGUAGE_PATTERN = r"^[A-Za-z]{2,3}([-_][A-Za-z0-9]{1,8})*$"
_COLOR_PATTERN = r"^#[0-9A-Fa-f]{6}$"

RESERVED_STEP_KEYS: tuple[str, ...] = (
    # step kinds
    "bg", "show", "hide", "music", "sfx", "wait", "choice", "if", "set", "add",
    "label", "goto", "call", "return", "ending", "map",
    # companion keys of those steps
    "transition", "time", "look", "at", "spawn", "then", "else",
    "timeout", "default", "options",
)  # fmt: skip
"""Keys that can never be a speaker in a speaker line."""

_TRANSITIONS = ("cut", "fade", "dissolve")
_POSITIONS = ("left", "center", "right")

Schema = dict[str, object]


# --------------------------------------------------------------------------
# small builders


def _described(
    schema: Schema, description: str, markdown: str | None = None
) -> Schema:
    """Return *schema* with a plain ``description`` and, if given, a
    ``markdownDescription`` (which the YAML extension prefers for hover)."""
    result = dict(schema)
    result["description"] = description
    if markdown is not None:
        result["markdownDescription"] = markdown
    return result


def _ref(name: str, description: str, markdown: str | None = None) -> Schema:
    """A reference to ``#/definitions/<name>`` carrying its own hover help.

    In draft-07 keywords beside ``$ref`` are ignored, so the reference is
    wrapped in ``allOf`` to keep the description standard-conformant.
    """
    return _described(
        {"allOf": [{"$ref": f"#/definitions/{name}"}]}, description, markdown
    )


def _identifier(description: str, markdown: str | None = None) -> Schema:
    return _described(
        {"type": "string", "pattern": IDENTIFIER_PATTERN}, description, markdown
    )


def _seconds(description: str, *, positive: bool = False) -> Schema:
    bound = {"exclusiveMinimum": 0} if positive else {"minimum": 0}
    return _described({"type": "number", **bound}, description)


def _step(
    key: str,
    properties: dict[str, Schema],
    description: str,
    required: tuple[str, ...] = (),
) -> Schema:
    """One mapping shape of a step: *key* is required, only *properties*
    (which include *key*) are allowed."""
    return {
        "type": "object",
        "description": description,
        "properties": properties,
        "required": [key, *required],
        "additionalProperties": False,
    }


# --------------------------------------------------------------------------
# definitions shared by both schemas


def _text_definition() -> Schema:
    return {
        "description": (
            "Text shown to the player: a plain string in the primary language, "
            "or a map from language code to string."
        ),
        "markdownDescription": (
            "Text shown to the player.\n\n"
            "* a plain string is in the **primary** language (the first of "
            "`languages`): `Rain drums on the tin awning.`\n"
            "* or a map from language code to string: "
            "`{en: The Repair Shop, ko: 수리점}`\n\n"
            "A language of `languages` missing from a line is a warning; the "
            "primary language is shown instead."
        ),
        "oneOf": [
            {
                "type": "string",
                "description": "Text in the primary language of the story.",
            },
            {
                "type": "object",
                "description": "Text per language: language code -> string.",
                "minProperties": 1,
                "propertyNames": {
                    "pattern": _LANGUAGE_PATTERN,
                    "description": "A language code such as en or ko.",
                },
                "additionalProperties": {
                    "type": "string",
                    "description": "The text in this language.",
                },
            },
        ],
    }


def _common_definitions() -> dict[str, Schema]:
    return {
        "identifier": {
            "type": "string",
            "pattern": IDENTIFIER_PATTERN,
            "description": "An id: letters, digits and _, not starting with a digit.",
        },
        "text": _text_definition(),
    }


# --------------------------------------------------------------------------
# story.yaml


def _variable_definition() -> Schema:
    int_variable: Schema = {
        "type": "object",
        "description": "An integer variable, bounded by min and max.",
        "properties": {
            "type": {"const": "int", "description": "An integer variable."},
            "min": {"type": "integer", "description": "Smallest value (add clamps here)."},
            "max": {"type": "integer", "description": "Largest value (add clamps here)."},
            "default": {
                "type": "integer",
                "description": "Value at the start of a playthrough, between min and max.",
            },
        },
        "required": ["type", "min", "max", "default"],
        "additionalProperties": False,
    }
    bool_variable: Schema = {
        "type": "object",
        "description": "A true/false variable.",
        "properties": {
            "type": {"const": "bool", "description": "A true/false variable."},
            "default": {
                "type": "boolean",
                "description": "Value at the start of a playthrough: true or false.",
            },
        },
        "required": ["type", "default"],
        "additionalProperties": False,
    }
    enum_variable: Schema = {
        "type": "object",
        "description": "A variable holding one of a fixed list of words.",
        "properties": {
            "type": {"const": "enum", "description": "One of a fixed list of words."},
            "values": {
                "type": "array",
                "description": "The words the variable may hold.",
                "minItems": 1,
                "uniqueItems": True,
                "items": {"$ref": "#/definitions/identifier"},
            },
            "default": _identifier(
                "Value at the start of a playthrough: one of values."
            ),
        },
        "required": ["type", "values", "default"],
        "additionalProperties": False,
    }
    return {
        "description": "A declared variable: int, bool or enum.",
        "markdownDescription": (
            "A declared, typed and bounded variable:\n\n"
            "* `{type: int, min: 0, max: 5, default: 0}`\n"
            "* `{type: bool, default: false}`\n"
            "* `{type: enum, values: [undecided, stay, go], default: undecided}`"
        ),
        "oneOf": [int_variable, bool_variable, enum_variable],
    }


def story_schema() -> dict[str, object]:
    """Return the draft-07 JSON Schema of a story's manifest, ``story.yaml``."""
    definitions = _common_definitions()
    definitions["character"] = {
        "type": "object",
        "description": "A character who can speak and be shown.",
        "properties": {
            "name": _ref("text", "The name shown above the character's lines."),
            "color": _described(
                {"type": "string", "pattern": _COLOR_PATTERN},
                "Colour of the name, as \"#rrggbb\" (quote it in YAML).",
                "Colour of the name, as `\"#rrggbb\"`; quote it, since `#` "
                "starts a comment in YAML.",
            ),
            "looks": _described(
                {
                    "type": "array",
                    "minItems": 1,
                    "uniqueItems": True,
                    "items": {"$ref": "#/definitions/identifier"},
                },
                "The character's looks; the first is the default.",
                "The character's looks, one image each: "
                "`images/characters/<id>/<look>.png`. The first is the default.",
            ),
        },
        "required": ["name", "color", "looks"],
        "additionalProperties": False,
    }
    definitions["variable"] = _variable_definition()
    definitions["ending"] = {
        "type": "object",
        "description": "An ending of the story.",
        "properties": {
            "title": _ref("text", "The ending's title, shown when it is reached."),
        },
        "required": ["title"],
        "additionalProperties": False,
    }

    def id_map(item: str, description: str, markdown: str) -> Schema:
        return _described(
            {
                "type": "object",
                "propertyNames": {
                    "pattern": IDENTIFIER_PATTERN,
                    "description": "An id: letters, digits and _.",
                },
                "additionalProperties": {"$ref": f"#/definitions/{item}"},
            },
            description,
            markdown,
        )

    return {
        "$schema": DRAFT_07,
        "title": "story.yaml",
        "description": "The manifest of a Lost in Starlight story.",
        "type": "object",
        "properties": {
            "title": _ref("text", "The title of the story."),
            "languages": _described(
                {
                    "type": "array",
                    "minItems": 1,
                    "uniqueItems": True,
                    "items": {
                        "type": "string",
                        "pattern": _LANGUAGE_PATTERN,
                        "description": "A language code such as en or ko.",
                    },
                },
                "The story's languages; the first is the primary language.",
                "The story's languages, e.g. `[en, ko]`. The first is the "
                "**primary** language: plain-string text is in it.",
            ),
            "start": _described(
                {"type": "string", "pattern": _TARGET_PATTERN},
                "Where a new playthrough begins: a scene id, or scene.label.",
                "Where a new playthrough begins: a scene id (`prologue`) or "
                "`scene.label`.",
            ),
            "characters": id_map(
                "character",
                "The characters: id -> {name, color, looks}.",
                "The characters, by id:\n\n```yaml\njay:\n  name: {en: Jay, ko: 제이}\n"
                "  color: \"#ffc27a\"\n  looks: [neutral, smile, tired]\n```",
            ),
            "variables": id_map(
                "variable",
                "The variables: every variable is declared, typed and bounded.",
                "The variables, by id. Every variable is declared, typed and "
                "bounded:\n\n```yaml\ntrust: {type: int, min: 0, max: 5, default: 0}\n"
                "kept_tape: {type: bool, default: false}\n"
                "route: {type: enum, values: [undecided, stay, go], default: undecided}\n```",
            ),
            "endings": id_map(
                "ending",
                "The endings: id -> {title}.",
                "The endings, by id; `ending: <id>` ends a playthrough:\n\n"
                "```yaml\nreunion: {title: {en: Reunion, ko: 재회}}\n```",
            ),
        },
        "required": ["title", "languages", "start"],
        "additionalProperties": False,
        "definitions": definitions,
    }


# --------------------------------------------------------------------------
# scene files


def _target(description: str, markdown: str | None = None) -> Schema:
    return _ref("target", description, markdown)


def _assignments() -> Schema:
    return {
        "type": "object",
        "description": "Variables to assign: variable -> value.",
        "markdownDescription": (
            "Assigns literals to declared variables, checked against their "
            "type: `{route: go, kept_tape: true}`."
        ),
        "minProperties": 1,
        "propertyNames": {
            "pattern": IDENTIFIER_PATTERN,
            "description": "A declared variable.",
        },
        "additionalProperties": {
            "type": ["string", "integer", "boolean"],
            "description": "The new value: an integer, true/false, or an enum word.",
        },
    }


def _additions() -> Schema:
    return {
        "type": "object",
        "description": "Integers to add to int variables (negative to subtract).",
        "markdownDescription": (
            "Adds an integer to declared `int` variables, clamped to their "
            "range; negative to subtract: `{trust: 1, courage: -1}`."
        ),
        "minProperties": 1,
        "propertyNames": {
            "pattern": IDENTIFIER_PATTERN,
            "description": "A declared int variable.",
        },
        "additionalProperties": {
            "type": "integer",
            "description": "How much to add (negative to subtract).",
        },
    }


def _option_definition() -> Schema:
    return {
        "type": "object",
        "description": "An option of a choice.",
        "markdownDescription": (
            "An option of a choice. Its effects (`set`, `add`) run when it is "
            "taken, then its `then` steps; afterwards flow goes on below the "
            "choice, or jumps to `goto`."
        ),
        "properties": {
            "text": _ref("text", "What the option says."),
            "if": _ref(
                "expression",
                "A condition; while it is false the option is hidden.",
                "A condition such as `courage >= 1`; while it is false the "
                "option is hidden.",
            ),
            "set": _ref("assignments", "Variables to assign when the option is taken."),
            "add": _ref("additions", "Integers to add when the option is taken."),
            "then": _ref(
                "steps",
                "Steps of this branch; afterwards flow goes on below the choice.",
            ),
            "goto": _target(
                "Where to jump after the option (and its then steps).",
                "Where to jump after the option (and its `then` steps): a "
                "scene, `scene.label`, or a label of this scene.",
            ),
        },
        "required": ["text"],
        "additionalProperties": False,
    }


def _choice_value() -> Schema:
    options: Schema = {
        "type": "array",
        "minItems": 1,
        "description": "The options, in the order shown.",
        "items": {"$ref": "#/definitions/option"},
    }
    timed: Schema = {
        "type": "object",
        "description": "A timed choice: the default option is taken when time runs out.",
        "properties": {
            "timeout": _seconds(
                "Seconds before the default option is taken.", positive=True
            ),
            "default": {
                "type": "integer",
                "minimum": 1,
                "description": "The option taken when time runs out (1 = first).",
            },
            "options": options,
        },
        "required": ["timeout", "default", "options"],
        "additionalProperties": False,
    }
    return _described(
        {"oneOf": [options, timed]},
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
            "A line of dialogue. The key is the speaker: `narrator`, a "
            "character id, or a character id, a space and one of its looks "
            "(`jay smile`). The value is the text."
        ),
        "minProperties": 1,
        "maxProperties": 1,
        "patternProperties": {
            _SPEAKER_PATTERN: _ref(
                "text",
                "narrator, a character, or \"character look\": the line they say.",
            ),
        },
        "propertyNames": {"not": {"enum": list(RESERVED_STEP_KEYS)}},
        "additionalProperties": False,
    }
    shapes: list[Schema] = [
        _step(
            "bg",
            {
                "bg": _described(
                    {"type": "string", "minLength": 1},
                    "Background image to show.",
                    "Background image to show: `images/backgrounds/<name>.png`.",
                ),
                "transition": _described(
                    {"enum": list(_TRANSITIONS)},
                    "How the background changes: cut (default), fade or dissolve.",
                ),
                "time": _seconds("Length of the transition in seconds."),
            },
            "Change the background.",
        ),
        _step(
            "music",
            {
                "music": _described(
                    {"type": "string", "minLength": 1},
                    "Music to loop, or stop to stop it.",
                    "Music to loop: `audio/music/<name>.ogg`; `music: stop` "
                    "stops it.",
                ),
                "time": _seconds("Crossfade / fade-out length in seconds."),
            },
            "Change the music.",
        ),
        _step(
            "sfx",
            {
                "sfx": _described(
                    {"type": "string", "minLength": 1},
                    "Sound effect to play once.",
                    "Sound effect to play once: `audio/sfx/<name>.ogg`.",
                ),
            },
            "Play a sound effect.",
        ),
        _step(
            "show",
            {
                "show": _identifier("The character to show."),
                "look": _identifier("One of its looks (default: its first)."),
                "at": _described(
                    {"enum": list(_POSITIONS)},
                    "Where: left, center (default) or right.",
                ),
            },
            "Show a character.",
        ),
        _step(
            "hide",
            {"hide": _identifier("The character to hide.")},
            "Hide a character.",
        ),
        _step(
            "wait",
            {"wait": _seconds("Seconds to wait.")},
            "Pause for some seconds.",
        ),
        _step("choice", {"choice": _choice_value()}, "Let the player choose."),
        _step(
            "if",
            {
                "if": _ref(
                    "expression",
                    "The condition.",
                    "The condition, e.g. `trust >= 2 and not kept_tape`.",
                ),
                "then": _ref("steps", "Steps run when the condition is true."),
                "else": _ref("steps", "Steps run when the condition is false."),
            },
            "Run steps depending on a condition.",
            required=("then",),
        ),
        _step(
            "set",
            {"set": _ref("assignments", "Variables to assign.")},
            "Assign variables.",
        ),
        _step(
            "add",
            {"add": _ref("additions", "Integers to add to variables.")},
            "Add to int variables.",
        ),
        _step(
            "label",
            {"label": _identifier("The label's name, unique in the scene.")},
            "A place to goto or call.",
        ),
        _step(
            "goto",
            {
                "goto": _target(
                    "Where to go on: a scene, scene.label, or a label of this scene."
                )
            },
            "Jump elsewhere.",
        ),
        _step(
            "call",
            {
                "call": _target(
                    "What to run: a scene, scene.label or label; "
                    "come back at return."
                )
            },
            "Run a scene or label, then come back here at its return.",
        ),
        _step(
            "return",
            {
                "return": {
                    "type": "null",
                    "description": "Takes no value: write `return:` or just `- return`.",
                }
            },
            "Go back to just after the last call.",
        ),
        _step(
            "ending",
            {"ending": _identifier("A declared ending.")},
            "End the playthrough with a declared ending.",
        ),
        _step(
            "map",
            {
                "map": _identifier(
                    "The map to walk.", "The map to walk: `maps/<name>.tmx`."
                ),
                "spawn": _identifier(
                    "The map object where the player appears."
                ),
            },
            "Let the player walk a map until a hotspot sends the story on.",
        ),
        speaker_line,
    ]
    return {
        "description": "A step of a script.",
        "oneOf": [
            {
                "const": "return",
                "description": "Go back to just after the last call.",
            },
            *shapes,
        ],
    }


def scene_schema() -> dict[str, object]:
    """Return the draft-07 JSON Schema of a scene file, ``scenes/**/*.yaml``."""
    definitions = _common_definitions()
    definitions["expression"] = {
        "type": "string",
        "minLength": 1,
        "description": "A condition in the story's expression language.",
        "markdownDescription": (
            "A condition: declared variables, integers, `true`/`false`, quoted "
            "enum values (`route == 'go'`), `== != < <= > >=`, `and or not`, "
            "`+ -`, parentheses, and `visited('scene')` / "
            "`visited('scene.label')`."
        ),
    }
    definitions["target"] = {
        "type": "string",
        "pattern": _TARGET_PATTERN,
        "description": "A scene id, scene.label, or a label of this scene.",
    }
    definitions["assignments"] = _assignments()
    definitions["additions"] = _additions()
    definitions["option"] = _option_definition()
    definitions["step"] = _step_definition()
    definitions["steps"] = {
        "type": "array",
        "description": "A list of steps, run in order.",
        "items": {"$ref": "#/definitions/step"},
    }
    return {
        "$schema": DRAFT_07,
        "title": "Scene file",
        "description": "A scene of a Lost in Starlight story: one scene per file.",
        "type": "object",
        "properties": {
            "scene": _identifier(
                "The scene's unique id: letters, digits and _.",
                "The scene's unique id (letters, digits, `_`); `goto`, `call` "
                "and `start` name it.",
            ),
            "title": _ref("text", "The scene's title."),
            "script": _ref(
                "steps",
                "The steps of the scene, run in order.",
                "The steps of the scene, run in order. A scene must not run "
                "off its last step: end it with `goto`, `ending` or `return`.",
            ),
        },
        "required": ["scene", "script"],
        "additionalProperties": False,
        "definitions": definitions,
    }


# --------------------------------------------------------------------------
# files


def _dump(schema: dict[str, object]) -> str:
    return json.dumps(schema, sort_keys=True, indent=2, ensure_ascii=False) + "\n"


def write_schemas(directory: Path) -> list[Path]:
    """Write ``story.schema.json`` and ``scene.schema.json`` into *directory*.

    The directory is created if needed; existing files are replaced. The JSON
    has sorted keys and a two-space indent and ends with a newline, so the
    output is stable and diffs well. Returns the written paths, story first.
    """
    directory = Path(directory)
    directory.mkdir(parents=True, exist_ok=True)
    written: list[Path] = []
    for name, schema in (
        (STORY_SCHEMA_FILE, story_schema()),
        (SCENE_SCHEMA_FILE, scene_schema()),
    ):
        path = directory / name
        path.write_text(_dump(schema), encoding="utf-8")
        written.append(path)
    return written
