"""JSON Schemas (draft-07) for the story format, for writers' editors.

The story format is described in ``scene-format.md`` (the writers' contract)
and its steps in ``game.story.vocabulary``.  This package turns them into two
JSON Schemas so that an editor such as VS Code with the Red Hat YAML extension
(``redhat.vscode-yaml``) can show hover help, offer completion and underline
typos while a writer types:

* ``story_schema()`` describes ``story.yaml``, the manifest of a story;
* ``scene_schema()`` describes each scene file, ``scenes/**/*.yaml``, its steps
  generated from the vocabulary (so a new step kind appears here by itself);
* ``write_schemas(folder)`` writes both as ``story.schema.json`` and
  ``scene.schema.json`` (``starlight schema -o DIR`` calls it).

The schemas check the *shape* of the files only; cross-references (does
``show: jay`` name a declared character?) and expressions are left to the
loader and ``starlight check``.  Every call returns fresh dictionaries.
"""

from __future__ import annotations

import json
from pathlib import Path

from .parts import DRAFT_07, IDENTIFIER_PATTERN
from .scene import RESERVED_STEP_KEYS, scene_schema
from .story import story_schema

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

STORY_SCHEMA_FILE = "story.schema.json"
SCENE_SCHEMA_FILE = "scene.schema.json"


def _dump(schema: dict[str, object]) -> str:
    return json.dumps(schema, sort_keys=True, indent=2, ensure_ascii=False) + "\n"


def write_schemas(directory: Path) -> list[Path]:
    """Write ``story.schema.json`` and ``scene.schema.json`` into ``directory`` (created if needed).

    Sorted keys, a two-space indent and a final newline keep the output stable
    and diff-friendly.  Returns the written paths, story first.
    """
    directory = Path(directory)
    directory.mkdir(parents=True, exist_ok=True)
    written: list[Path] = []
    for name, schema in ((STORY_SCHEMA_FILE, story_schema()), (SCENE_SCHEMA_FILE, scene_schema())):
        path = directory / name
        path.write_text(_dump(schema), encoding="utf-8")
        written.append(path)
    return written
