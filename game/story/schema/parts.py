"""Small builders and the definitions both schemas share (identifiers, text)."""

from __future__ import annotations

DRAFT_07 = "http://json-schema.org/draft-07/schema#"
IDENTIFIER_PATTERN = r"^[A-Za-z_][A-Za-z0-9_]*$"  # scene, label, character, look, variable, ending, map ids

ID = r"[A-Za-z_][A-Za-z0-9_]*"
TARGET_PATTERN = rf"^{ID}(\.{ID})?$"
SPEAKER_PATTERN = rf"^{ID}( {ID})?$"
LANGUAGE_PATTERN = r"^[A-Za-z]{2,3}([-_][A-Za-z0-9]{1,8})*$"
COLOR_PATTERN = r"^#[0-9A-Fa-f]{6}$"

Schema = dict[str, object]


def described(schema: Schema, description: str, markdown: str | None = None) -> Schema:
    """``schema`` with a plain ``description`` and, if given, a ``markdownDescription`` (hover prefers it)."""
    result = dict(schema)
    result["description"] = description
    if markdown is not None:
        result["markdownDescription"] = markdown
    return result


def ref(name: str, description: str, markdown: str | None = None) -> Schema:
    """A reference to ``#/definitions/<name>`` with its own hover help.

    In draft-07 keywords beside ``$ref`` are ignored, so the reference is
    wrapped in ``allOf`` to keep the description standard-conformant.
    """
    return described({"allOf": [{"$ref": f"#/definitions/{name}"}]}, description, markdown)


def identifier(description: str, markdown: str | None = None) -> Schema:
    return described({"type": "string", "pattern": IDENTIFIER_PATTERN}, description, markdown)


def text_definition() -> Schema:
    return {
        "description": ("Text shown to the player: a plain string in the primary language, "
                        "or a map from language code to string."),
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
            {"type": "string", "description": "Text in the primary language of the story."},
            {
                "type": "object",
                "description": "Text per language: language code -> string.",
                "minProperties": 1,
                "propertyNames": {"pattern": LANGUAGE_PATTERN, "description": "A language code such as en or ko."},
                "additionalProperties": {"type": "string", "description": "The text in this language."},
            },
        ],
    }


def common_definitions() -> dict[str, Schema]:
    return {
        "identifier": {
            "type": "string",
            "pattern": IDENTIFIER_PATTERN,
            "description": "An id: letters, digits and _, not starting with a digit.",
        },
        "text": text_definition(),
    }
