"""``starlight check`` and ``starlight schema`` through the command line entry point."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path
from typing import Any
from xml.etree import ElementTree as ET

import pytest

from game.cli import main

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = ROOT / "tests" / "fixtures"
PROBLEM_LINE = re.compile(r"^(?P<file>[^\s:][^:]*):(?P<line>\d+):(?P<column>\d+): (?P<severity>error|warning): .+$")


# --- helpers ---


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


def check_json(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, dict[str, Any]]:
    code, out, _ = run(capsys, "check", "--json", *args)
    return code, json.loads(out)


def problem_lines(text: str) -> list[re.Match[str]]:
    return [match for line in text.splitlines() if (match := PROBLEM_LINE.match(line))]


def junit(capsys: pytest.CaptureFixture[str], tmp_path: Path, story: str, *args: str) -> tuple[int, ET.Element]:
    target = tmp_path / "report.xml"
    code, _, _ = run(capsys, "check", str(FIXTURES / story), "--junit", str(target), *args)
    return code, ET.parse(target).getroot()


def cases(suite: ET.Element) -> dict[str, ET.Element]:
    return {case.get("name", ""): case for case in suite.iter("testcase")}


# --- exit codes ---


@pytest.mark.parametrize("story, expected", [
    ("sample", 0), ("unused", 0), ("softlock", 1), ("endless_loop", 1), ("unreachable_ending", 1),
])
def test_exit_code(capsys: pytest.CaptureFixture[str], story: str, expected: int) -> None:
    code, _, _ = run(capsys, "check", str(FIXTURES / story))
    assert code == expected


def test_missing_folder_exits_2(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    code, _out, err = run(capsys, "check", str(tmp_path / "nowhere"))
    assert code == 2
    assert "nowhere" in err


def test_folder_without_story_yaml_exits_2(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    (tmp_path / "scenes").mkdir()
    code, _, err = run(capsys, "check", str(tmp_path))
    assert code == 2
    assert "story.yaml" in err


def test_a_file_instead_of_a_folder_exits_2(capsys: pytest.CaptureFixture[str]) -> None:
    code, _, _ = run(capsys, "check", str(FIXTURES / "sample" / "story.yaml"))
    assert code == 2


def test_strict_on_unused_exits_1(capsys: pytest.CaptureFixture[str]) -> None:
    assert run(capsys, "check", str(FIXTURES / "unused"))[0] == 0
    code, out, _ = run(capsys, "check", "--strict", str(FIXTURES / "unused"))
    assert code == 1
    assert {m["severity"] for m in problem_lines(out)} == {"error"}
    assert len(problem_lines(out)) == 7


def test_strict_on_sample_exits_1_for_its_translation_warning(capsys: pytest.CaptureFixture[str]) -> None:
    assert run(capsys, "check", "--strict", str(FIXTURES / "sample"))[0] == 1


def test_story_with_load_errors_exits_1(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    (tmp_path / "scenes").mkdir()
    (tmp_path / "story.yaml").write_text("title: Broken\nlanguages: [en]\nstart: a\n"
                                         "endings:\n  done: {title: Done}\n", encoding="utf-8")
    (tmp_path / "scenes" / "a.yaml").write_text("scene: a\ntitle: A\nscript:\n  - narrator: hi\n"
                                                "  - goto: nowhere\n", encoding="utf-8")
    code, data = check_json(capsys, str(tmp_path))
    assert code == 1
    assert data["ok"] is False
    assert any(p["severity"] == "error" and p["file"] == "scenes/a.yaml" and p["line"] == 5
               for p in data["problems"])


def test_no_command_plays_and_bad_arguments_exit_2(capsys: pytest.CaptureFixture[str], tmp_path: Path,
                                                    monkeypatch: pytest.MonkeyPatch) -> None:
    # `starlight` alone opens the game: here one frame of the sample story on the dummy drivers
    monkeypatch.setenv("SDL_VIDEODRIVER", "dummy")
    monkeypatch.setenv("SDL_AUDIODRIVER", "dummy")
    monkeypatch.setenv("STARLIGHT_CACHE_DIR", str(tmp_path / "cache"))
    shot = tmp_path / "first.png"
    assert main(["play", str(FIXTURES / "sample"), "--frames", "1", "--save-dir", str(tmp_path / "data"),
                 "--screenshot", str(shot)]) == 0
    assert shot.is_file()
    with pytest.raises(SystemExit) as info:
        main(["check", "--no-such-option"])
    assert info.value.code == 2
    capsys.readouterr()


# --- JSON ---


def test_json_report_of_sample(capsys: pytest.CaptureFixture[str]) -> None:
    code, data = check_json(capsys, str(FIXTURES / "sample"))
    assert code == 0
    assert {"ok", "problems", "endings", "unreachable", "dead_ends", "states", "words", "stats",
            "seconds"} <= set(data)
    assert data["ok"] is True
    assert data["endings"] == {
        "dawn": {"reachable": True, "path": [0, 0]},
        "shipwreck": {"reachable": True, "path": [0, 1]},
        "lost_in_fog": {"reachable": True, "path": [1, 1]},
    }
    (problem,) = data["problems"]
    assert set(problem) >= {"severity", "code", "file", "line", "column", "message"}
    assert (problem["severity"], problem["code"], problem["file"], problem["line"]) == \
        ("warning", "translation", "scenes/harbor.yaml", 14)
    assert isinstance(problem["column"], int) and problem["column"] >= 1
    assert data["unreachable"] == [] and data["dead_ends"] == []
    assert isinstance(data["states"], int) and data["states"] > 0
    assert set(data["words"]) == {"en", "ko"}
    assert all(isinstance(n, int) and n > 0 for n in data["words"].values())
    assert data["words"]["en"] > data["words"]["ko"]  # one line has no ko text
    stats = data["stats"]
    assert (stats["scenes"], stats["steps"], stats["choices"], stats["lines"]) == (4, 60, 2, 19)
    assert stats["options"] == 6
    assert isinstance(data["seconds"], (int, float)) and data["seconds"] >= 0


def test_json_report_of_softlock(capsys: pytest.CaptureFixture[str]) -> None:
    code, data = check_json(capsys, str(FIXTURES / "softlock"))
    assert code == 1
    assert data["ok"] is False
    (dead,) = data["dead_ends"]
    assert (dead["kind"], dead["file"], dead["line"], dead["path"]) == ("softlock", "scenes/gate.yaml", 5, [2])
    assert [(p["severity"], p["code"]) for p in data["problems"]] == [("error", "dead-end-softlock")]


def test_json_report_of_unreachable_ending(capsys: pytest.CaptureFixture[str]) -> None:
    _, data = check_json(capsys, str(FIXTURES / "unreachable_ending"))
    assert data["endings"]["treasure"] == {"reachable": False, "path": None}
    assert data["endings"]["full_pockets"] == {"reachable": True, "path": [0, 0]}
    assert [(p["code"], p["file"], p["line"]) for p in data["unreachable"]] == \
        [("unreachable-step", "scenes/shore.yaml", 18)]
    assert data["words"] == {"en": data["words"]["en"]} and data["words"]["en"] > 0


def test_json_report_of_unused(capsys: pytest.CaptureFixture[str]) -> None:
    code, data = check_json(capsys, str(FIXTURES / "unused"))
    assert code == 0
    assert sorted(p["code"] for p in data["unreachable"]) == [
        "option-never-shown", "unreachable-label", "unreachable-scene", "unreachable-step"]
    assert all(p["severity"] == "warning" for p in data["problems"])
    code, strict = check_json(capsys, "--strict", str(FIXTURES / "unused"))
    assert code == 1 and strict["ok"] is False
    assert all(p["severity"] == "error" for p in strict["problems"])


# --- text ---


def test_text_output_lists_problems_as_file_line_column(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "check", str(FIXTURES / "unused"))
    assert code == 0
    found = {(m["file"], int(m["line"]), m["severity"]) for m in problem_lines(out)}
    assert found == {
        ("scenes/attic.yaml", 1, "warning"), ("scenes/library.yaml", 7, "warning"),
        ("scenes/library.yaml", 12, "warning"), ("scenes/library.yaml", 15, "warning"),
        ("scenes/library.yaml", 20, "warning"), ("story.yaml", 10, "warning"), ("story.yaml", 11, "warning"),
    }


def test_text_output_of_softlock(capsys: pytest.CaptureFixture[str]) -> None:
    _, out, _ = run(capsys, "check", str(FIXTURES / "softlock"))
    (match,) = problem_lines(out)
    assert (match["file"], match["line"], match["severity"]) == ("scenes/gate.yaml", "5", "error")
    assert "through_the_gate" in out and "over_the_wall" in out


def test_text_output_of_sample(capsys: pytest.CaptureFixture[str]) -> None:
    _, out, _ = run(capsys, "check", str(FIXTURES / "sample"))
    (match,) = problem_lines(out)
    assert (match["file"], match["line"], match["severity"]) == ("scenes/harbor.yaml", "14", "warning")
    for ending in ("dawn", "shipwreck", "lost_in_fog"):
        assert ending in out


# --- JUnit ---


def test_junit_for_softlock(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    code, suite = junit(capsys, tmp_path, "softlock")
    assert code == 1
    by_name = cases(suite)
    failures = [case for case in suite.iter("testcase") if case.find("failure") is not None]
    assert len(failures) == 1
    failure = failures[0].find("failure")
    assert failure is not None
    assert "scenes/gate.yaml:5" in (failure.get("message", "") + (failure.text or ""))
    assert "dead" in failures[0].get("name", "")
    for ending in ("through_the_gate", "over_the_wall"):
        (case,) = [c for name, c in by_name.items() if ending in name]
        assert case.find("failure") is None
    assert suite.get("failures") == "1"
    assert int(suite.get("tests", "0")) == len(by_name)


def test_junit_for_sample_has_no_failures(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    code, suite = junit(capsys, tmp_path, "sample")
    assert code == 0
    assert all(case.find("failure") is None for case in suite.iter("testcase"))
    names = list(cases(suite))
    for ending in ("dawn", "shipwreck", "lost_in_fog"):
        assert sum(ending in name for name in names) == 1


def test_junit_for_unreachable_ending(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    _, suite = junit(capsys, tmp_path, "unreachable_ending")
    failed = [name for name, case in cases(suite).items() if case.find("failure") is not None]
    assert len(failed) == 1 and "treasure" in failed[0]


def test_junit_strict_fails_on_warnings(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    _, lenient = junit(capsys, tmp_path, "unused")
    assert all(case.find("failure") is None for case in lenient.iter("testcase"))
    code, strict = junit(capsys, tmp_path, "unused", "--strict")
    assert code == 1
    assert any(case.find("failure") is not None for case in strict.iter("testcase"))


# --- schema ---


def test_schema_prints_both(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "schema")
    assert code == 0
    data = json.loads(out)
    assert set(data) >= {"scene", "story"}
    assert data["scene"]["type"] == "object" and data["story"]["type"] == "object"


def test_schema_output_directory(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    target = tmp_path / "schemas"
    code, out, _ = run(capsys, "schema", "-o", str(target))
    assert code == 0
    written = sorted(target.iterdir())
    assert [p.name for p in written] == ["scene.schema.json", "story.schema.json"]
    for path in written:
        assert isinstance(json.loads(path.read_text(encoding="utf-8")), dict)
        assert str(path) in out
    _, both, _ = run(capsys, "schema")
    assert json.loads((target / "scene.schema.json").read_text(encoding="utf-8")) == json.loads(both)["scene"]


# --- a real process ---


@pytest.mark.parametrize("story, expected", [("sample", 0), ("softlock", 1)])
def test_subprocess(story: str, expected: int) -> None:
    done = subprocess.run([sys.executable, "-m", "game", "check", "--json", str(FIXTURES / story)],
                          cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert done.returncode == expected, done.stderr
    data = json.loads(done.stdout)
    assert data["ok"] is (expected == 0)


def test_subprocess_missing_folder(tmp_path: Path) -> None:
    done = subprocess.run([sys.executable, "-m", "game", "check", str(tmp_path / "nowhere")],
                          cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert done.returncode == 2
    assert "nowhere" in done.stderr and done.stdout == ""
