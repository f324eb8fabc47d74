"""The JSON Schema of ``story.yaml``, the manifest of a story."""

from __future__ import annotations

from .parts import (
    COLOR_PATTERN,
    DRAFT_07,
    IDENTIFIER_PATTERN,
    LANGUAGE_PATTERN,
    TARGET_PATTERN,
    Schema,
    common_definitions,
    described,
    identifier,
    ref,
)


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
            "default": identifier(
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
    definitions = common_definitions()
    definitions["character"] = {
        "type": "object",
        "description": "A character who can speak and be shown.",
        "properties": {
            "name": ref("text", "The name shown above the character's lines."),
            "color": described(
                {"type": "string", "pattern": COLOR_PATTERN},
                "Colour of the name, as \"#rrggbb\" (quote it in YAML).",
                "Colour of the name, as `\"#rrggbb\"`; quote it, since `#` "
                "starts a comment in YAML.",
            ),
            "looks": described(
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
    definitions["phone"] = {
        "type": "object",
        "description": "Whose phone shows the message exchanges, and who is at the other end.",
        "markdownDescription": ("Whose phone shows the message exchanges (`owner`) and who is at the "
                                "other end (`contact`): `{owner: nanyoung, contact: jay}`."),
        "properties": {
            "owner": identifier("The character whose phone it is."),
            "contact": identifier("The character at the other end."),
        },
        "required": ["owner", "contact"],
        "additionalProperties": False,
    }
    definitions["music"] = {
        "type": "object",
        "description": "A music track (audio/music/<id>.*) and its title in the music room.",
        "properties": {
            "title": ref("text", "The track's title, shown in the music room once the player has heard it."),
        },
        "required": ["title"],
        "additionalProperties": False,
    }
    definitions["ending"] = {
        "type": "object",
        "description": "An ending of the story.",
        "properties": {
            "title": ref("text", "The ending's title, shown when it is reached."),
        },
        "required": ["title"],
        "additionalProperties": False,
    }

    def id_map(item: str, description: str, markdown: str) -> Schema:
        return described(
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
            "title": ref("text", "The title of the story."),
            "languages": described(
                {
                    "type": "array",
                    "minItems": 1,
                    "uniqueItems": True,
                    "items": {
                        "type": "string",
                        "pattern": LANGUAGE_PATTERN,
                        "description": "A language code such as en or ko.",
                    },
                },
                "The story's languages; the first is the primary language.",
                "The story's languages, e.g. `[en, ko]`. The first is the "
                "**primary** language: plain-string text is in it.",
            ),
            "start": described(
                {"type": "string", "pattern": TARGET_PATTERN},
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
            "phone": ref("phone", "Whose phone shows the message exchanges: {owner, contact}."),
            "music": id_map(
                "music",
                "Music titles for the music room: track id -> {title}.",
                "The music room's titles, by track (a file of `audio/music/`); a track the scenes play "
                "but this section leaves out is a warning once the section is there:\n\n"
                "```yaml\nshop_warm: {title: {en: The Repair Shop, ko: 수리점}}\n```",
            ),
            "captions": described(
                {
                    "type": "object",
                    "properties": {kind: id_map("text", f"Captions of {what}: name -> text.", f"Captions of {what}, "
                                                f"by file name (`audio/{kind}/<name>.ogg`).")
                                   for kind, what in (("sfx", "sound effects"), ("music", "music tracks"))},
                    "additionalProperties": False,
                },
                "Captions shown (and spoken) when a sound plays: {sfx: {name: text}, music: {name: text}}.",
                "What the player reads when a sound plays or a music track starts, in every language (a "
                "track without one shows its music-room title, \"♪ Title\"); `starlight check` warns about a "
                "sound played without one:\n\n```yaml\ncaptions:\n"
                "  sfx:\n    door_bell: {en: \"[door bell]\", ko: \"[문 종소리]\"}\n```",
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
