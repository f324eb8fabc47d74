"""The step vocabulary is the one definition: the compiler, the schema and the writers' guide follow it."""

from __future__ import annotations

from pathlib import Path

from game.story.compiler import STEP_COMPILERS
from game.story.schema import RESERVED_STEP_KEYS, scene_schema
from game.story.vocabulary import COMPANION_KEYS, STEPS

GUIDE = Path(__file__).resolve().parent.parent / "docs" / "writers-guide.md"


def test_every_step_kind_has_a_compiler() -> None:
    # `return` is read before the dispatch (it may be a bare word)
    assert set(STEP_COMPILERS) == {step.name for step in STEPS} - {"return"}


def test_the_schema_has_one_shape_per_step_kind_with_its_keys() -> None:
    shapes = scene_schema()["definitions"]["step"]["oneOf"]  # type: ignore[index]
    by_key = {next(iter(shape["required"])): shape for shape in shapes if "required" in shape}
    for step in STEPS:
        assert set(by_key[step.name]["properties"]) == step.key_names, step.name
    assert set(RESERVED_STEP_KEYS) == {s.name for s in STEPS} | COMPANION_KEYS


def test_the_writers_guide_documents_every_step_key() -> None:
    guide = GUIDE.read_text(encoding="utf-8")
    missing = [key for step in STEPS for key in step.key_names if f"`{key}" not in guide and f"{key}:" not in guide]
    assert not missing, f"the writers' guide never mentions: {missing}"
