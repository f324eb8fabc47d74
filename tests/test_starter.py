"""``starlight new``: the starter story checks as written, and its CI workflow's commands pass on it."""

from __future__ import annotations

import glob
import shlex
import struct
from pathlib import Path
from xml.etree import ElementTree as ET

import pytest
import yaml  # type: ignore[import-untyped,unused-ignore]

from game.check.report import run_check
from game.cli import main
from game.tools.starter.new import new_story

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture
def starter(tmp_path: Path) -> Path:
    folder = tmp_path / "my-story"
    assert main(["new", str(folder), "--engine", "git+https://example.org/engine.git"]) == 0
    return folder


def workflow_commands(folder: Path) -> list[str]:
    workflow = yaml.safe_load((folder / ".github" / "workflows" / "story.yml").read_text(encoding="utf-8"))
    steps = workflow["jobs"]["story"]["steps"]
    return [step["run"] for step in steps if str(step.get("run", "")).startswith("starlight ")]


def test_the_starter_story_passes_check_strict(starter: Path) -> None:
    report = run_check(starter, strict=True)
    assert report.ok, [str(p) for p in report.problems]
    assert report.problems == []
    assert report.story is not None
    assert set(report.story.endings) == {"home", "stars"} and report.story.languages == ("en", "ko")
    assert report.story.maps["garden"].hotspots and all(info["reachable"] for info in report.endings().values())


def test_the_workflow_parses_and_its_commands_pass(starter: Path, monkeypatch: pytest.MonkeyPatch,
                                                   capsys: pytest.CaptureFixture[str]) -> None:
    workflow = yaml.safe_load((starter / ".github" / "workflows" / "story.yml").read_text(encoding="utf-8"))
    assert workflow[True] == {"push": None, "pull_request": None}  # `on:` (YAML 1.1 reads it as true)
    job = workflow["jobs"]["story"]
    assert job["env"]["STARLIGHT_ENGINE"] == "git+https://example.org/engine.git"
    uses = [step.get("uses", "") for step in job["steps"]]
    assert any(u.startswith("actions/checkout@") for u in uses) and any(u.startswith("actions/setup-python@") for u in uses)
    commands = workflow_commands(starter)
    assert [shlex.split(c)[1] for c in commands] == ["check", "replay", "coverage"]
    assert "--strict" in commands[0] and "--junit" in commands[0]
    monkeypatch.chdir(starter)
    for command in commands:
        args = []
        for word in shlex.split(command)[1:]:
            args += sorted(glob.glob(word)) if "*" in word else [word]  # as the shell expands them
        assert main(args) == 0, command
    capsys.readouterr()
    assert ET.parse(starter / "check.xml").getroot().get("failures") == "0"
    assert ET.parse(starter / "coverage.xml").getroot().tag == "coverage"
    assert (starter / "coverage.html").is_file()


def test_editor_setup_and_pictures(starter: Path) -> None:
    assert (starter / ".vscode" / "schemas" / "scene.schema.json").is_file()
    assert '"starlight.command"' in (starter / ".vscode" / "settings.json").read_text(encoding="utf-8")
    assert 'command = "starlight"' in (starter / ".helix" / "languages.toml").read_text(encoding="utf-8")
    assert "merge=union" in (starter / ".gitattributes").read_text(encoding="utf-8")
    pictures = sorted((starter / "images").rglob("*.png"))
    assert len(pictures) == 6
    for picture in pictures:
        data = picture.read_bytes()
        assert data.startswith(b"\x89PNG\r\n\x1a\n") and len(data) < 20_000
        width, height = struct.unpack(">II", data[16:24])
        assert 0 < width <= 320 and 0 < height <= 192
    sheet = starter / "images" / "sprites" / "mina.png"
    assert struct.unpack(">II", sheet.read_bytes()[16:24]) == (128, 192)  # 4 x 4 frames of 32 x 48


def test_new_refuses_a_folder_with_files(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "taken").mkdir()
    (tmp_path / "taken" / "notes.txt").write_text("mine", encoding="utf-8")
    assert main(["new", str(tmp_path / "taken")]) == 2
    assert "not an empty folder" in capsys.readouterr().err
    assert (tmp_path / "taken" / "notes.txt").read_text(encoding="utf-8") == "mine"
    new_story(tmp_path / "empty-is-fine")


def test_pre_commit_hooks_run_the_checker(starter: Path, monkeypatch: pytest.MonkeyPatch,
                                         capsys: pytest.CaptureFixture[str]) -> None:
    hooks = {hook["id"]: hook for hook in yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))}
    assert set(hooks) == {"starlight-check", "starlight-replay"}
    monkeypatch.chdir(starter)
    check = hooks["starlight-check"]
    assert main([*shlex.split(check["entry"])[1:], *check["args"]]) == 0
    replay = hooks["starlight-replay"]
    files = sorted(str(p.relative_to(starter)) for p in (starter / "replays").glob("*.yaml"))
    assert main([*shlex.split(replay["entry"])[1:], *files]) == 0
