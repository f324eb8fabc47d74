"""The release workflow (.github/workflows/release.yml) parses and builds with the developers' own script."""

from __future__ import annotations

import shlex
import tomllib
from pathlib import Path
from typing import Any

import yaml

ROOT = Path(__file__).resolve().parent.parent
WORKFLOW = ROOT / ".github" / "workflows" / "release.yml"
BUILD = "python scripts/build_app.py"


def _workflow() -> dict[Any, Any]:
    data = yaml.safe_load(WORKFLOW.read_text(encoding="utf-8"))
    assert isinstance(data, dict)
    return data


def _runs(job: dict[str, Any]) -> list[str]:
    return [step["run"].strip() for step in job["steps"] if "run" in step]


def test_it_runs_on_version_tags_only() -> None:
    triggers = _workflow()[True]  # YAML 1.1 reads the key `on` as true
    assert set(triggers) == {"push"}
    assert triggers["push"] == {"tags": ["v*"]}


def test_it_builds_on_linux_macos_and_windows_with_the_build_script() -> None:
    build = _workflow()["jobs"]["build"]
    systems = build["strategy"]["matrix"]["os"]
    assert {name.split("-")[0] for name in systems} == {"ubuntu", "macos", "windows"}
    assert build["runs-on"] == "${{ matrix.os }}"
    runs = _runs(build)
    assert BUILD in runs  # the very command the README gives developers
    assert (ROOT / shlex.split(BUILD)[1]).is_file()
    install = next(run for run in runs if "pip install" in run)
    extras = shlex.split(install)[-1].split("[")[1].rstrip("]").split(",")
    with open(ROOT / "pyproject.toml", "rb") as handle:
        declared = tomllib.load(handle)["project"]["optional-dependencies"]
    assert "build" in extras and set(extras) <= set(declared)
    assert runs.index(BUILD) > runs.index(install)


def test_each_build_is_tested_from_its_archive_before_release() -> None:
    runs = _runs(_workflow()["jobs"]["build"])
    test = next(run for run in runs if "pytest" in run)
    assert "STARLIGHT_APP_ARCHIVE=" in test and "-m build" in test and "tests/test_desktop_build.py" in test
    assert runs.index(test) > runs.index(BUILD)
    assert (ROOT / "tests" / "test_desktop_build.py").is_file()


def test_the_archives_are_attached_to_the_release() -> None:
    jobs = _workflow()["jobs"]
    upload = next(step for step in jobs["build"]["steps"] if step.get("uses", "").startswith("actions/upload-artifact"))
    assert upload["with"]["path"] == "dist/LostInStarlight-*"
    release = jobs["release"]
    assert release["needs"] == "build" and release["permissions"] == {"contents": "write"}
    assert _workflow()["permissions"] == {"contents": "read"}  # only the release job may write
    attach = _runs(release)[-1]
    assert "gh release upload" in attach and "dist/LostInStarlight-*" in attach


def test_the_readme_gives_developers_the_same_build_command() -> None:
    assert BUILD in (ROOT / "README.md").read_text(encoding="utf-8")
