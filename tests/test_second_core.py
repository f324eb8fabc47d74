"""A large story's scene files parsed on a second core (game/story/second_core.py, yamlcompact.py).

Whatever the helper process does (parses plainly, gives a file back, dies), the load is the one a
single core gives: the same story, the same problems in the same words and places.
"""

from __future__ import annotations

import marshal
import math
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from game.story import second_core, yamlcompact
from game.story.loader import LoadResult, read_story
from game.story.yamlnodes import YList, YMap
from game.story.yamlsrc import MAX_FILE_BYTES, YamlProblem, event_parser, parse_yaml

ROOT = Path(__file__).resolve().parent.parent


# --- the compact events give the trees the parser gives --------------------------------------

def compact_tree(data: bytes, file: str = "scenes/x.yaml") -> Any:
    """What the loader builds from the helper's events for ``data`` (None: it reads the file itself)."""
    parser = event_parser(data.decode("utf-8-sig"))
    try:
        events = yamlcompact.encode(parser)
    except yaml.YAMLError:
        return None
    finally:
        parser.dispose()
    return None if events is None else yamlcompact.build(marshal.loads(marshal.dumps(events)), file)


def assert_same_tree(mine: Any, theirs: Any) -> None:
    """The same values, of the same types, placed at the same lines and columns."""
    assert type(mine) is type(theirs)
    if isinstance(theirs, YMap):
        assert list(mine) == list(theirs) and mine.pos == theirs.pos
        for key in theirs:
            assert (mine.key_at(key), mine.at(key)) == (theirs.key_at(key), theirs.at(key))
            assert_same_tree(mine[key], theirs[key])
    elif isinstance(theirs, YList):
        assert len(mine) == len(theirs) and mine.pos == theirs.pos
        for index, item in enumerate(theirs):
            assert mine.at(index) == theirs.at(index)
            assert_same_tree(mine[index], item)
    elif isinstance(theirs, float) and math.isnan(theirs):
        assert math.isnan(mine)
    else:
        assert mine == theirs


def assert_compact_agrees(data: bytes) -> None:
    """A tree from the compact events is the parser's own; where the parser reports a problem, there is none."""
    try:
        theirs = parse_yaml(data, "scenes/x.yaml")
    except YamlProblem:
        assert compact_tree(data) is None
        return
    mine = compact_tree(data)
    if mine is not None:  # (None is always allowed: the loader then reads the file itself)
        assert_same_tree(mine, theirs)


_scalars = st.one_of(
    st.none(), st.booleans(), st.integers(-10**12, 10**12), st.floats(allow_nan=True),
    st.text(st.characters(codec="utf-8", exclude_categories=("Cs", "Cc")), max_size=12),
    st.sampled_from(["12", "0x1f", "0o17", "1e3", ".5", "true", "False", "~", "null", "<<", "a: b", "- x", "#"]))
_keys = st.text(st.characters(codec="utf-8", exclude_categories=("Cs", "Cc")), min_size=1, max_size=8)
_documents = st.recursive(_scalars, lambda inner: st.one_of(st.lists(inner, max_size=4),
                                                            st.dictionaries(_keys, inner, max_size=4)),
                          max_leaves=25)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(document=_documents, flow=st.sampled_from([None, True, False]),
       style=st.sampled_from([None, '"', "'", "|"]), indent=st.integers(2, 5), width=st.integers(20, 80))
def test_compact_events_build_the_parsers_tree(document: Any, flow: bool | None, style: str | None, indent: int,
                                               width: int) -> None:
    """Documents written in every style: block and flow, plain, quoted and literal, any indent."""
    text = yaml.safe_dump(document, default_flow_style=flow, default_style=style, indent=indent, width=width,
                          allow_unicode=True, sort_keys=False)
    assert_compact_agrees(text.encode("utf-8"))


@settings(max_examples=400, deadline=None)
@given(st.text(alphabet="ab1:- \n\t[]{},'\"#&*!<>|?.~\\", max_size=60))
def test_compact_events_agree_on_any_text(text: str) -> None:
    """Scraps of YAML syntax, broken or not: never a different tree, never a tree where the parser objects."""
    assert_compact_agrees(text.encode("utf-8"))


@pytest.mark.parametrize("data", [
    b"a: 1\na: 2\n",  # a key written twice
    b"a: &x 1\nb: *x\n",  # an anchor and an alias
    b"base: {a: 1}\nmore:\n  <<: {b: 2}\n",  # a merge key
    b"a: !!str 1\n",  # a tag
    b"? [a, b]\n: c\n",  # a list as a key
    b"a: 1\n---\nb: 2\n",  # a second document
    b"",  # empty
    b"# only a comment\n",
    b"n: " + b"9" * 65 + b"\n",  # a number past the length limit
    b"[" * 101 + b"]" * 101,  # nested too deep
    b"a: [1, 2\n",  # a syntax error
])
def test_what_yamlsrc_reports_is_left_to_it(data: bytes) -> None:
    assert compact_tree(data) is None


def test_a_file_of_too_many_values_is_left_to_yamlsrc() -> None:
    events: yamlcompact.Events = [(yamlcompact.SEQUENCE, (0, 0))]
    events += [(yamlcompact.PLAIN, "1", (0, 1))] * 200_000 + [yamlcompact.END]
    assert yamlcompact.build(events, "x.yaml") is None
    assert yamlcompact.build(events[:1] + events[2:], "x.yaml") == [1] * 199_999


# --- whole loads: the helper changes nothing but the time ------------------------------------

def synthetic(folder: Path, scenes: int) -> Path:
    subprocess.run([sys.executable, str(ROOT / "scripts" / "gen_story.py"), str(scenes), str(folder)],
                   check=True, capture_output=True)
    return folder


_START = second_core.Helper.start


def load(root: Path, monkeypatch: pytest.MonkeyPatch, helper: bool) -> LoadResult:
    """Read ``root`` with (the test's own choice, whatever this machine's cores) or without the helper."""
    monkeypatch.setattr(second_core, "helper_pays", lambda count: helper)
    used: list[bool] = []

    def start(root: Path) -> second_core.Helper | None:
        found = _START(root)
        used.append(found is not None)
        return found

    monkeypatch.setattr(second_core.Helper, "start", start)
    before = _children()
    result = read_story(root)
    assert used == [helper]
    assert _children() <= before  # the helper never outlives the load
    return result


def assert_same_load(root: Path, monkeypatch: pytest.MonkeyPatch) -> LoadResult:
    two = load(root, monkeypatch, helper=True)
    one = load(root, monkeypatch, helper=False)
    assert two.story == one.story
    assert two.problems == one.problems
    return one


def _children() -> set[str]:
    """Processes this one started that still exist (zombies included)."""
    found = set()
    for pid in os.listdir("/proc"):
        try:
            stat = Path(f"/proc/{pid}/stat").read_text()
        except OSError:
            continue
        if pid.isdigit() and stat.rsplit(")", 1)[1].split()[1] == str(os.getpid()):
            found.add(pid)
    return found


def test_a_large_story_loads_the_same_with_the_helper(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    one = assert_same_load(synthetic(tmp_path / "story", 300), monkeypatch)
    assert one.story is not None and len(one.story.scenes) == 303


def broken_story(tmp_path: Path) -> Path:
    """A large story with every kind of file the helper must leave to the loader, spread along the list."""
    root = synthetic(tmp_path / "story", 120)
    scenes = root / "scenes"
    outside = tmp_path / "outside.yaml"
    outside.write_text("scene: outside\nscript:\n  - ending: ending_1\n")
    bad = {
        "a_syntax.yaml": b"scene: a_syntax\nscript: [\n",
        "b_tag.yaml": b"scene: b_tag\nscript:\n  - narrator: !!python/object:os.system x\n",
        "c_alias.yaml": b"scene: &id c_alias\ntitle: *id\nscript:\n  - ending: ending_1\n",
        "d_twice.yaml": b"scene: d_twice\nscene: again\nscript:\n  - ending: ending_1\n",
        "k_0050.yaml": b"scene: d_merge\n<<: {title: x}\nscript:\n  - ending: ending_1\n",
        "k_0060b.yaml": b"scene: k_0060\nscript:\n  - ending: ending_1\n",  # the id of another file
        "k_0070b.yaml": b"\xff\xfe not UTF-8\n",
        "k_0080b.yaml": b"",
        "k_0090b.yaml": b"scene: deep\nscript: " + b"[" * 120 + b"]" * 120 + b"\n",
        "k_0100b.yaml": b"scene: long\nscript:\n  - wait: " + b"1" * 70 + b"\n",
        "z_second.yaml": b"scene: z_second\nscript:\n  - ending: ending_1\n---\nscene: more\n",
        "zz_good_last.yaml": b"scene: zz_good_last\nscript:\n  - narrator: fine\n  - ending: ending_1\n",
        "k_0112b.yaml": b"#" * (MAX_FILE_BYTES + 1),
    }
    for name, data in bad.items():
        (scenes / name).write_bytes(data)
    (scenes / "k_0110b.yaml").symlink_to(outside)
    (scenes / "k_0111b.yaml").symlink_to(scenes / "k_0001.yaml")
    return root


def test_every_problem_is_found_and_worded_as_on_one_core(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    one = assert_same_load(broken_story(tmp_path), monkeypatch)
    codes = {p.code for p in one.errors}
    assert {"yaml", "duplicate-scene", "unreadable"} <= codes
    words = " ".join(p.message for p in one.errors)
    for said in ("YAML syntax", "not allowed", "appears twice", "merge keys", "not UTF-8", "empty",
                 "levels deep", "characters long", "one document", "outside the story folder", "is already used",
                 "the limit for a story file"):
        assert said in words


def _fake_helper(write: str) -> Any:
    """A helper that claims every file, writes ``write`` ("nothing", "some": a record and half of another), dies."""
    def parse_from_first(root: str, entries: Any, shared: Any, out: int) -> None:
        second_core._SLOT.pack_into(shared, second_core._HELPER_NEXT, len(entries))
        if write == "some":
            body = marshal.dumps([(0, None)])  # (file 0 left to the loader)
            whole = second_core._RECORD.pack(len(body)) + body
            os.write(out, whole + whole[:5])
            second_core._SLOT.pack_into(shared, second_core._WRITTEN, len(whole) + 5)
        os._exit(3)
    return parse_from_first


@pytest.mark.parametrize("write", ["nothing", "some"])
def test_a_helper_that_dies_costs_time_not_files(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, write: str) -> None:
    root = synthetic(tmp_path / "story", 80)
    one = load(root, monkeypatch, helper=False)
    monkeypatch.setattr(second_core, "_parse_from_first", _fake_helper(write))
    two = load(root, monkeypatch, helper=True)
    assert two.story == one.story and two.problems == one.problems and one.story is not None


def test_a_helper_reaped_by_someone_else_is_no_matter(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A program's own SIGCHLD handler may reap every child, the helper too, before the loader waits for it."""
    root = synthetic(tmp_path / "story", 80)
    one = load(root, monkeypatch, helper=False)
    waitpid = os.waitpid

    def reaped_already(pid: int, options: int) -> tuple[int, int]:
        waitpid(pid, options)
        raise ChildProcessError(10, "No child processes")

    monkeypatch.setattr(second_core.os, "waitpid", reaped_already)
    assert load(root, monkeypatch, helper=True) == one


def test_a_failed_load_never_signals_a_helper_someone_else_reaped(tmp_path: Path,
                                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    """Once reaped elsewhere, the helper's process number may be another process's: it gets no signal."""
    from game.story.story_reader import StoryReader

    root = synthetic(tmp_path / "story", 200)
    waitpid, signalled = os.waitpid, []

    def reaped_elsewhere(pid: int, options: int) -> tuple[int, int]:
        waitpid(pid, 0)  # (a program's own SIGCHLD handler, once the helper has finished)
        raise ChildProcessError(10, "No child processes")

    def fail(self: StoryReader, manifest: Any) -> Any:
        raise RuntimeError("a bug in the reader")

    monkeypatch.setattr(second_core.os, "waitpid", reaped_elsewhere)
    monkeypatch.setattr(second_core.os, "kill", lambda pid, sig: signalled.append(pid))
    monkeypatch.setattr(StoryReader, "read_scenes", fail)
    before = _children()
    with pytest.raises(RuntimeError, match="a bug in the reader"):
        load(root, monkeypatch, helper=True)
    assert signalled == []
    assert _children() <= before


@pytest.mark.parametrize("refused", ["memfd_create", "fork"])
def test_a_system_that_refuses_a_helper_loads_on_one_core(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                          refused: str) -> None:
    root = synthetic(tmp_path / "story", 80)
    one = load(root, monkeypatch, helper=False)

    def refuse(*args: Any) -> Any:
        raise PermissionError(f"{refused} is not allowed here")

    monkeypatch.setattr(second_core.os, refused, refuse)
    monkeypatch.setattr(second_core, "helper_pays", lambda count: True)
    assert read_story(root) == one


def test_a_load_that_fails_stops_the_helper(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from game.story.story_reader import StoryReader

    root = synthetic(tmp_path / "story", 200)

    def fail(self: StoryReader, manifest: Any) -> Any:
        raise RuntimeError("a bug in the reader")

    monkeypatch.setattr(StoryReader, "read_scenes", fail)
    before = _children()
    with pytest.raises(RuntimeError, match="a bug in the reader"):
        load(root, monkeypatch, helper=True)
    assert _children() <= before


_PAYS = """
import sys, threading
from game.story.second_core import MIN_FILES, helper_pays
print(helper_pays(MIN_FILES - 1), helper_pays(MIN_FILES), end=" ")
release = threading.Event()
waiting = threading.Thread(target=release.wait)
waiting.start()
print(helper_pays(10_000))  # forking beside a running thread is unsafe
release.set()
"""


def test_no_helper_for_a_small_story_or_beside_a_thread() -> None:
    """In a fresh process (this one has run the game's threads): by the number of files, cores and threads."""
    out = subprocess.run([sys.executable, "-c", _PAYS], check=True, capture_output=True, text=True, cwd=ROOT).stdout
    two_cores = sys.platform.startswith("linux") and len(os.sched_getaffinity(0)) >= 2
    assert out.split() == ["False", str(two_cores), "False"]


def test_an_editors_texts_are_never_read_by_a_helper(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from game.story.yamlsrc import read_yaml

    root = synthetic(tmp_path / "story", 80)
    monkeypatch.setattr(second_core, "helper_pays", lambda count: True)
    monkeypatch.setattr(second_core.Helper, "start", lambda root: pytest.fail("a helper was started"))
    read = read_story(root, read=lambda path, file, rep, listed: read_yaml(path, file, rep, root, listed=listed))
    assert read.story is not None
