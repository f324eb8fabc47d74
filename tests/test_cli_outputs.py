"""The ``starlight`` command at its edges: stories that do not load, output places that cannot be
written, and Graphviz taking too long.  Every case ends with one clear line and an exit status,
never a traceback.

Output places are spoiled in ways that hold even for root (which writes into read-only folders):
a path under a file, a folder where a file is wanted, and /dev/full (a full disk).  The read-only
folder itself is tried where the tests do not run as root.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Callable
from pathlib import Path

os.environ.setdefault("SDL_VIDEODRIVER", "dummy")  # before pygame is imported
os.environ.setdefault("SDL_AUDIODRIVER", "dummy")

import pytest

from game.cli import checking, main

FIXTURES = Path(__file__).parent / "fixtures"
SAMPLE = FIXTURES / "sample"
UNUSED = FIXTURES / "unused"
ROOT = os.geteuid() == 0 if hasattr(os, "geteuid") else False


@pytest.fixture
def broken(tmp_path: Path) -> Path:
    story = tmp_path / "broken"
    (story / "scenes").mkdir(parents=True)
    (story / "story.yaml").write_text("title: T\nlanguages: [en]\nstart: s\nendings:\n  e: {title: E}\n")
    (story / "scenes" / "s.yaml").write_text("scene: s\nscript:\n  - narrator: hi\n  - ending: nowhere\n")
    return story


@pytest.fixture
def instant_ending(tmp_path: Path) -> Path:
    """A story that reaches its ending at once (so --record writes as soon as the game starts)."""
    story = tmp_path / "instant"
    (story / "scenes").mkdir(parents=True)
    (story / "story.yaml").write_text("title: T\nlanguages: [en]\nstart: s\nendings:\n  e: {title: E}\n")
    (story / "scenes" / "s.yaml").write_text("scene: s\nscript:\n  - ending: e\n")
    return story


def one_clear_line(capsys: pytest.CaptureFixture[str], *needles: str) -> str:
    err = capsys.readouterr().err
    assert "Traceback" not in err
    lines = [line for line in err.splitlines() if line.startswith("starlight: ")]
    assert len(lines) == 1, err
    for needle in needles:
        assert needle in lines[0], lines[0]
    return lines[0]


# --- play --warp / --set on a story that does not load ----------------------------------------------

@pytest.mark.parametrize("extra", [["--warp", "s"], ["--set", "x=1"]])
def test_play_with_warp_or_set_on_a_broken_story_prints_its_errors(broken: Path, tmp_path: Path, extra: list[str],
                                                                    capsys: pytest.CaptureFixture[str]) -> None:
    status = main(["play", str(broken), "--frames", "3", "--save-dir", str(tmp_path / "data"), *extra])
    assert status == 1
    err = capsys.readouterr().err
    assert "scenes/s.yaml:4:13: error: undeclared ending 'nowhere'" in err
    assert "does not load" in err and "Traceback" not in err


# --- output places that cannot be written -------------------------------------------------------------

def _under_a_file(tmp_path: Path, name: str) -> Path:
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("a file")
    return blocker / name


def _full(tmp_path: Path, name: str) -> Path:
    """A path with the right name that writes into /dev/full (every write: no space left on device)."""
    link = tmp_path / name
    link.symlink_to("/dev/full")
    return link


def _folder(tmp_path: Path, name: str) -> Path:
    folder = tmp_path / name
    folder.mkdir()
    return folder


SPOILERS: dict[str, Callable[[Path, str], Path]] = {"under a file": _under_a_file, "full disk": _full,
                                                   "a folder": _folder}


@pytest.mark.parametrize("spoiler", list(SPOILERS))
def test_check_junit(tmp_path: Path, capsys: pytest.CaptureFixture[str], spoiler: str) -> None:
    target = SPOILERS[spoiler](tmp_path, "report.xml")
    assert main(["check", str(SAMPLE), "--junit", str(target)]) == 2
    one_clear_line(capsys, "cannot write", str(target))


@pytest.mark.parametrize("spoiler", list(SPOILERS))
@pytest.mark.parametrize("name", ["map.dot", "map.html"])
def test_graph_output(tmp_path: Path, capsys: pytest.CaptureFixture[str], spoiler: str, name: str) -> None:
    target = SPOILERS[spoiler](tmp_path, name)
    assert main(["graph", str(UNUSED), "-o", str(target)]) == 2
    one_clear_line(capsys, "cannot write")


@pytest.mark.parametrize("spoiler", ["under a file", "full disk"])
def test_schema_output_folder(tmp_path: Path, capsys: pytest.CaptureFixture[str], spoiler: str) -> None:
    target = _under_a_file(tmp_path, "schemas") if spoiler == "under a file" else tmp_path / "schemas"
    if spoiler == "full disk":
        target.mkdir()
        (target / "story.schema.json").symlink_to("/dev/full")
    assert main(["schema", "-o", str(target)]) == 2
    one_clear_line(capsys, "cannot write")


@pytest.mark.parametrize("spoiler", ["under a file", "full disk", "a file"])
def test_capture_output_folder(tmp_path: Path, capsys: pytest.CaptureFixture[str], spoiler: str) -> None:
    if spoiler == "under a file":
        target = _under_a_file(tmp_path, "shots")
    elif spoiler == "a file":
        target = tmp_path / "shots"
        target.write_text("a file")
    else:
        target = tmp_path / "shots"
        target.mkdir()
        (target / "lines.csv").symlink_to("/dev/full")
    assert main(["capture", str(UNUSED), "-o", str(target)]) == 2
    one_clear_line(capsys, "cannot write")


@pytest.mark.parametrize("option", ["--record", "--screenshot"])
@pytest.mark.parametrize("spoiler", ["under a file", "a folder"])
def test_play_outputs_are_checked_before_the_window_opens(tmp_path: Path, capsys: pytest.CaptureFixture[str],
                                                          option: str, spoiler: str) -> None:
    target = SPOILERS[spoiler](tmp_path, "out.yaml" if option == "--record" else "out.png")
    assert main(["play", str(SAMPLE), "--frames", "3", "--save-dir", str(tmp_path / "data"), option, str(target)]) == 2
    one_clear_line(capsys, "cannot write", str(target))


def test_play_record_on_a_full_disk(instant_ending: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    target = _full(tmp_path, "play.yaml")
    assert main(["play", str(instant_ending), "--warp", "s", "--frames", "30", "--save-dir", str(tmp_path / "data"),
                 "--record", str(target)]) == 2
    one_clear_line(capsys, "cannot write the replay", "No space left on device")


def test_a_read_only_folder(tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> None:
    locked = tmp_path / "locked"
    locked.mkdir()
    locked.chmod(0o555)
    if ROOT:  # root may write anywhere: here the folder answers as it does to every other user
        access = os.access
        monkeypatch.setattr(os, "access", lambda path, mode, **kw: False if Path(path) == locked and mode & os.W_OK
                            else access(path, mode, **kw))
    try:
        assert main(["check", str(SAMPLE), "--junit", str(locked / "r.xml")]) == 2
        one_clear_line(capsys, "cannot write")
        assert main(["graph", str(UNUSED), "-o", str(locked / "map.dot")]) == 2
        one_clear_line(capsys, "cannot write")
    finally:
        locked.chmod(0o755)


# --- Graphviz that takes too long ---------------------------------------------------------------------

@pytest.fixture
def slow_dot(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A `dot` on PATH that never answers in time, and a one-second limit for it."""
    tools = tmp_path / "bin"
    tools.mkdir()
    fake = tools / "dot"
    fake.write_text("#!" + sys.executable + "\nimport sys, time\nsys.stdin.read()\ntime.sleep(60)\n", encoding="utf-8")
    fake.chmod(0o755)
    monkeypatch.setenv("PATH", f"{tools}{os.pathsep}{os.environ.get('PATH', '')}")
    monkeypatch.setattr(checking, "GRAPHVIZ_SECONDS", 1.0)
    return fake


def test_html_falls_back_to_our_layout_when_graphviz_takes_too_long(slow_dot: Path, tmp_path: Path,
                                                                    capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "map.html"
    assert main(["graph", str(UNUSED), "-o", str(out)]) == 0
    page = out.read_text(encoding="utf-8")
    assert "<svg" in page and "Graphviz took longer than 1 s" in page
    assert "Graphviz took longer than 1 s" in capsys.readouterr().err


@pytest.mark.parametrize("name", ["map.svg", "map.png"])
def test_svg_and_png_exit_2_when_graphviz_takes_too_long(slow_dot: Path, tmp_path: Path, name: str,
                                                         capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["graph", str(UNUSED), "-o", str(tmp_path / name)]) == 2
    one_clear_line(capsys, "Graphviz took longer than 1 s")
    assert not (tmp_path / name).exists() and (tmp_path / "map.dot").is_file()
