"""Hostile and odd YAML: refused cleanly, never executed, in bounded time, with the file named.

``parse_yaml`` is tested directly (it raises ``YamlProblem``), and ``read_story``
on copies of the sample story with one hostile scene file added: no exception may
escape, the story must not load, and the error must name the hostile file.
"""

from __future__ import annotations

import random
import shutil
import time
from pathlib import Path

import pytest
import yaml

from game.story.loader import LoadResult, read_story
from game.story.model import Line
from game.story.yamlsrc import YamlProblem, parse_yaml

SAMPLE = Path(__file__).parent / "fixtures" / "sample"
HOSTILE = "scenes/hostile.yaml"
SAFETY_BOUND = 5.0  # seconds: a bound against runaway work, not a benchmark


# --- helpers ------------------------------------------------------------------

def parse_error(data: bytes, file: str = HOSTILE) -> YamlProblem:
    """The YamlProblem that parsing ``data`` raises."""
    with pytest.raises(YamlProblem) as info:
        parse_yaml(data, file)
    return info.value


def sample_copy(tmp_path: Path) -> Path:
    root = tmp_path / "story"
    shutil.copytree(SAMPLE, root)
    return root


def read_with_file(tmp_path: Path, data: bytes, file: str = HOSTILE) -> LoadResult:
    """read_story on the sample story with ``file`` written as ``data``; it must not raise."""
    root = sample_copy(tmp_path)
    (root / file).write_bytes(data)
    return read_story(root)


def assert_refused(result: LoadResult, file: str = HOSTILE) -> None:
    """The story did not load, and every error is in ``file``."""
    assert result.story is None
    errors = [p for p in result.problems if p.severity == "error"]
    assert errors, "no error reported"
    assert {p.file for p in errors} == {file}, "\n".join(map(str, errors))


def billion_laughs(levels: int = 9, width: int = 10) -> bytes:
    """A YAML alias bomb: each level is a list of ``width`` aliases to the level below."""
    lines = ['l0: &l0 ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]']
    for level in range(1, levels):
        aliases = ", ".join([f"*l{level - 1}"] * width)
        lines.append(f"l{level}: &l{level} [{aliases}]")
    return ("\n".join(lines) + "\n").encode()


# YAML that an unsafe loader would run (creating the file MARKER) or turn into a live callable.
PAYLOADS = {
    "object/apply": 'scene: x\nscript: !!python/object/apply:os.system ["touch MARKER"]\n',
    "object/new": 'scene: x\nscript: !!python/object/new:os.system ["touch MARKER"]\n',
    "apply subprocess": '- !!python/object/apply:subprocess.check_call [["touch", "MARKER"]]\n',
    "name": "scene: x\nscript: !!python/name:os.system\n",
    "module": "scene: x\nscript: !!python/module:os\n",
}


def payload(kind: str, marker: Path) -> bytes:
    return PAYLOADS[kind].replace("MARKER", str(marker)).encode()


def edit_file(path: Path, old: str, new: str) -> None:
    """Replace the one occurrence of ``old`` in the file at ``path``."""
    text = path.read_text(encoding="utf-8")
    assert text.count(old) == 1, f"{old!r} is not in {path.name} exactly once"
    path.write_text(text.replace(old, new), encoding="utf-8")


# --- code-running tags --------------------------------------------------------------

def test_the_payloads_are_live_for_an_unsafe_loader(tmp_path: Path) -> None:
    """Control: the payload really creates the marker, so the marker checks below can fail."""
    marker = tmp_path / "pwned"
    yaml.unsafe_load(payload("object/apply", marker))
    assert marker.exists()


@pytest.mark.parametrize("kind", PAYLOADS)
def test_python_tags_are_refused_by_parse_yaml_and_never_run(tmp_path: Path, kind: str) -> None:
    marker = tmp_path / "pwned"
    error = parse_error(payload(kind, marker))
    assert "is not allowed" in error.message and "python/" in error.message
    assert error.pos.file == HOSTILE
    assert not marker.exists()


@pytest.mark.parametrize("kind", PAYLOADS)
def test_python_tags_in_a_scene_file_are_refused_by_read_story(tmp_path: Path, kind: str) -> None:
    marker = tmp_path / "pwned"
    result = read_with_file(tmp_path, payload(kind, marker))
    assert_refused(result)
    assert not marker.exists()


def test_python_tag_in_story_yaml_is_refused(tmp_path: Path) -> None:
    marker = tmp_path / "pwned"
    root = sample_copy(tmp_path)
    edit_file(root / "story.yaml", "start: harbor", f'start: !!python/object/apply:os.system ["touch {marker}"]')
    result = read_story(root)
    assert result.story is None
    error = next(p for p in result.problems if p.file == "story.yaml")
    assert (error.severity, error.line, error.column) == ("error", 3, 8)
    assert "python/object/apply:os.system" in error.message
    assert not marker.exists()


@pytest.mark.parametrize("data", [b"a: !custom 1\n", b"a: !!binary aGk=\n", b"a: !!set {x}\n"],
                         ids=["local tag", "binary", "set"])
def test_other_non_plain_tags_are_refused(data: bytes) -> None:
    error = parse_error(data)
    assert "is not allowed" in error.message
    assert (error.pos.line, error.pos.column) == (1, 4)


# --- alias bombs, recursion, nesting -------------------------------------------------

def test_billion_laughs_gives_a_clean_error_quickly() -> None:
    started = time.perf_counter()
    error = parse_error(billion_laughs())
    assert time.perf_counter() - started < SAFETY_BOUND
    assert "too many values" in error.message
    assert error.pos.file == HOSTILE


def test_billion_laughs_in_a_scene_file(tmp_path: Path) -> None:
    started = time.perf_counter()
    result = read_with_file(tmp_path, billion_laughs())
    assert time.perf_counter() - started < SAFETY_BOUND
    assert_refused(result)


def test_recursive_alias_is_an_error() -> None:
    error = parse_error(b"a: &a [*a]\n")
    assert "contains itself" in error.message
    assert (error.pos.line, error.pos.column) == (1, 8)  # at the alias that refers back


def test_recursive_alias_in_a_scene_file(tmp_path: Path) -> None:
    assert_refused(read_with_file(tmp_path, b"scene: loop\nscript: &s\n  - then: *s\n"))


@pytest.mark.parametrize("data", [
    b"[" * 10000,
    b"[" * 10000 + b"]" * 10000,
    b"{a: " * 10000 + b"1" + b"}" * 10000,
    b"".join(b"  " * i + b"- \n" for i in range(1000)),
], ids=["unclosed [", "closed [", "flow mappings", "block lists"])
def test_deep_nesting_gives_a_clean_error_quickly(data: bytes) -> None:
    started = time.perf_counter()
    error = parse_error(data)
    assert time.perf_counter() - started < SAFETY_BOUND
    assert error.pos.file == HOSTILE


def test_deep_nesting_in_a_scene_file(tmp_path: Path) -> None:
    assert_refused(read_with_file(tmp_path, b"[" * 10000 + b"]" * 10000))


def test_nesting_a_story_needs_is_accepted() -> None:
    # a: [{b: [{b: ... [1] ...}]}] with 29 b's: about 60 levels, deeper than any real script
    data = b"a:\n" + b"".join(b"  " * i + b"- b:\n" for i in range(1, 30)) + b"  " * 30 + b"- 1\n"
    value = parse_yaml(data, HOSTILE)["a"]
    for _ in range(29):
        value = value[0]["b"]
    assert value == [1]


# --- bytes that are not YAML text ----------------------------------------------------------

def junk() -> bytes:
    data = bytes(random.Random(1234).randrange(256) for _ in range(4096))
    return b"scene: junk\n" + data[:100] + b"\x00\xff\xfe" + data[100:]


def test_binary_junk_is_an_error_naming_the_file() -> None:
    error = parse_error(junk())
    assert error.pos.file == HOSTILE
    assert error.pos.line >= 1 and error.pos.column >= 1


def test_binary_junk_in_a_scene_file(tmp_path: Path) -> None:
    assert_refused(read_with_file(tmp_path, junk()))


def test_invalid_utf8_names_the_byte_and_its_place() -> None:
    error = parse_error(b"scene: x\nscript:\n  - narrator: caf\xe9\n")
    assert "not UTF-8" in error.message and "0xe9" in error.message
    assert (error.pos.line, error.pos.column) == (3, 18)


def test_nul_byte_in_utf8_text_is_an_error_at_its_place() -> None:
    error = parse_error(b"scene: x\nscript:\n  - narrator: a\x00b\n")
    assert "character YAML does not allow" in error.message
    assert (error.pos.line, error.pos.column) == (3, 16)


def test_nul_byte_after_non_ascii_text_is_placed_by_character() -> None:
    # Two Hangul syllables (3 bytes each in UTF-8) before the NUL on the same line.
    error = parse_error("scene: x\nscript:\n  - narrator: 안녕\x00\n".encode())
    assert (error.pos.line, error.pos.column) == (3, 17)


def test_file_over_the_size_limit_is_refused() -> None:
    data = b"scene: big\nscript:\n  - ending: dawn\n" + b"#" * (9 * 1024 * 1024)
    error = parse_error(data)
    assert "the limit for a story file" in error.message
    assert (error.pos.file, error.pos.line, error.pos.column) == (HOSTILE, 1, 1)


def test_file_over_the_size_limit_in_a_scene_folder(tmp_path: Path) -> None:
    data = b"scene: big\nscript:\n  - ending: dawn\n" + b"#" * (9 * 1024 * 1024)
    result = read_with_file(tmp_path, data)
    assert_refused(result)
    assert any("the limit for a story file" in p.message for p in result.problems)


def test_a_huge_file_is_never_read_whole(tmp_path: Path) -> None:
    from game.story.files import FileRefused
    from game.story.yamlsrc import read_story_file

    huge = tmp_path / "huge.yaml"
    with open(huge, "wb") as handle:
        handle.truncate(4 * 2**30)  # 4 GB, sparse: costs no disk, would cost memory if read
    with pytest.raises(FileRefused, match="4,294,967,296 bytes, over 8,388,608 bytes"):
        read_story_file(huge, tmp_path)
    small = tmp_path / "small.yaml"
    small.write_bytes(b"scene: s\n")
    assert read_story_file(small, tmp_path) == b"scene: s\n"


# --- benign oddities -----------------------------------------------------------------------

def test_utf8_bom_is_accepted() -> None:
    assert parse_yaml(b"\xef\xbb\xbfscene: x\n", HOSTILE) == {"scene": "x"}


def test_utf8_bom_does_not_shift_positions(tmp_path: Path) -> None:
    root = sample_copy(tmp_path)
    harbor = root / "scenes/harbor.yaml"
    harbor.write_bytes(b"\xef\xbb\xbf" + harbor.read_bytes())
    result = read_story(root)
    assert result.story is not None
    assert [str(p) for p in result.problems] == [
        "scenes/harbor.yaml:14:11: warning: missing translation (ko) of the line of 'mira'"]


def test_duplicate_key_is_an_error_at_the_second_key() -> None:
    error = parse_error(b"scene: x\ntitle: A\nscript: []\ntitle: B\n")
    assert "the key 'title' appears twice" in error.message and "first at line 2" in error.message
    assert (error.pos.line, error.pos.column) == (4, 1)


def test_duplicate_key_in_a_step_of_a_scene_file(tmp_path: Path) -> None:
    data = b"scene: dup\nscript:\n  - bg: stairwell\n    bg: lamp_room\n  - ending: dawn\n"
    result = read_with_file(tmp_path, data)
    assert_refused(result)
    error = next(p for p in result.problems if p.severity == "error")
    assert (error.line, error.column) == (4, 5)


@pytest.mark.parametrize("word", ["yes", "no", "on", "off", "y", "n", "Yes", "NO", "On"])
def test_yaml_1_1_booleans_stay_text(word: str) -> None:
    assert parse_yaml(f"a: {word}\n".encode(), HOSTILE) == {"a": word}


@pytest.mark.parametrize("word, value", [("true", True), ("false", False), ("True", True), ("FALSE", False)])
def test_yaml_1_2_booleans_are_booleans(word: str, value: bool) -> None:
    assert parse_yaml(f"a: {word}\n".encode(), HOSTILE) == {"a": value}


def test_narrator_no_is_a_line_saying_no(tmp_path: Path) -> None:
    root = sample_copy(tmp_path)
    edit_file(root / "scenes/harbor.yaml", "  - mira: Then the lamp has to burn until morning.", "  - narrator: no")
    result = read_story(root)
    assert result.story is not None
    scene = result.story.scenes[result.story.scene_index["harbor"]]
    line = next(op for op in scene.ops if isinstance(op, Line) and op.pos.line == 14)
    assert (line.speaker, line.text.get("en")) == ("narrator", "no")


def test_set_bool_to_yes_is_a_type_error(tmp_path: Path) -> None:
    root = sample_copy(tmp_path)
    edit_file(root / "scenes/tower/lamp_room.yaml", "set: {lamp_lit: true}", "set: {lamp_lit: yes}")
    result = read_story(root)
    assert_refused(result, "scenes/tower/lamp_room.yaml")
    assert any("'lamp_lit' is true/false; cannot set it to 'yes'" in p.message for p in result.problems)


@pytest.mark.parametrize("data, line", [
    (b"---\nscene: a\n---\nscene: b\n", 3),
    (b"scene: a\n---\nscene: b\n", 2),
    (b"scene: a\n...\n---\nscene: b\n", 3),
])
def test_multi_document_file_is_an_error(data: bytes, line: int) -> None:
    error = parse_error(data)
    assert "document" in error.message
    assert error.pos.line == line


def test_multi_document_scene_file(tmp_path: Path) -> None:
    data = b"scene: one\nscript:\n  - ending: dawn\n---\nscene: two\nscript:\n  - ending: dawn\n"
    result = read_with_file(tmp_path, data)
    assert_refused(result)
    assert [p.line for p in result.problems if p.severity == "error"] == [4]


def test_merge_keys_are_refused() -> None:
    error = parse_error(b"base: &b {x: 1}\nother:\n  <<: *b\n")
    assert "merge keys" in error.message
    assert (error.pos.line, error.pos.column) == (3, 3)


@pytest.mark.parametrize("data", [b"", b"# only a comment\n", b"\n\n   \n"])
def test_empty_file_is_an_error(data: bytes) -> None:
    error = parse_error(data)
    assert "the file is empty" in error.message
    assert (error.pos.file, error.pos.line, error.pos.column) == (HOSTILE, 1, 1)
