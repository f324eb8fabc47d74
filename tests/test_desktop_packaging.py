"""The pieces of scripts/build_app.py that need no PyInstaller: names, the PyInstaller call, licences, packing.

The build itself is tested in tests/test_desktop_build.py (``pytest -m build``).
"""

from __future__ import annotations

import importlib.util
import os
import stat
import sys
import tarfile
import zipfile
from pathlib import Path
from types import ModuleType

import pytest

from game import desktop

ROOT = Path(__file__).resolve().parent.parent


def _load(name: str) -> ModuleType:
    spec = importlib.util.spec_from_file_location(name, ROOT / "scripts" / f"{name}.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


build_app = _load("build_app")


@pytest.mark.parametrize("platform, machine, expected", [
    ("linux", "x86_64", ("linux", "x86_64")),
    ("linux", "aarch64", ("linux", "arm64")),
    ("darwin", "arm64", ("macos", "arm64")),
    ("win32", "AMD64", ("windows", "x86_64")),
])
def test_the_archive_is_named_for_the_os_and_arch(monkeypatch: pytest.MonkeyPatch, platform: str, machine: str,
                                                  expected: tuple[str, str]) -> None:
    monkeypatch.setattr(sys, "platform", platform)
    monkeypatch.setattr(build_app.platform, "machine", lambda: machine)
    assert build_app.platform_tag() == expected
    suffix = ".zip" if expected[0] == "windows" else ".tar.gz"
    assert build_app.archive_name("1.2.3", *expected) == f"LostInStarlight-1.2.3-{expected[0]}-{expected[1]}{suffix}"


def test_the_version_is_the_packages() -> None:
    import game

    assert build_app.project_version() == game.__version__


@pytest.mark.parametrize("system", ["linux", "macos", "windows"])
def test_the_pyinstaller_call(system: str, tmp_path: Path) -> None:
    icon = tmp_path / desktop.ICON_FILE
    command = build_app.pyinstaller_command(tmp_path, tmp_path / "launcher.py", icon, system)
    assert command[1:3] == ["-m", "PyInstaller"] and "--onedir" in command
    assert command[command.index("--name") + 1] == desktop.LAUNCHER
    data = [command[i + 1] for i, arg in enumerate(command) if arg == "--add-data"]
    assert f"{ROOT / 'assets'}:assets" in data  # where game.paths.shipped_story() looks in a bundle
    assert f"{icon}:." in data  # where game.desktop sets the window icon from
    assert f"{tmp_path / 'sources' / 'game'}:game" in data  # sources beside the compiled code, for tracebacks
    excluded = {command[i + 1] for i, arg in enumerate(command) if arg == "--exclude-module"}
    assert {"numpy", "pygame.tests", "tkinter"} <= excluded
    assert ("--windowed" in command) == (system != "linux")
    assert ("--icon" in command) == (system != "linux")


def test_the_licences_of_python_and_every_runtime_library_are_copied(tmp_path: Path) -> None:
    assert {"pygame", "PyYAML", "platformdirs", "polib", "pygls"} <= set(build_app.runtime_distributions())
    missing = build_app.copy_licences(tmp_path)
    names = {p.name for p in tmp_path.iterdir()}
    assert missing == []
    assert {"Python-LICENSE.txt", "pygame-LGPL.txt", "README.txt"} <= names
    assert any(n.startswith("PyYAML-") for n in names) and any(n.startswith("polib-") for n in names)
    assert "GNU LESSER GENERAL PUBLIC LICENSE" in (tmp_path / "pygame-LGPL.txt").read_text(encoding="utf-8")


def test_the_sources_are_copied_without_caches(tmp_path: Path) -> None:
    copied = build_app.copy_sources(tmp_path)
    assert (copied / "desktop.py").read_text(encoding="utf-8") == (ROOT / "game" / "desktop.py").read_text(encoding="utf-8")
    assert (copied / "story" / "runtime.py").is_file()
    assert not list(copied.rglob("__pycache__")) and not list(copied.rglob("*.pyc"))


def _a_build(tmp_path: Path) -> Path:
    folder = tmp_path / "LostInStarlight-1.0.0-linux-x86_64"
    (folder / "_internal").mkdir(parents=True)
    launcher = folder / "LostInStarlight"
    launcher.write_bytes(b"#!/bin/sh\n")
    launcher.chmod(0o755)
    (folder / "_internal" / "lib.so.1").write_bytes(b"x" * 100)
    (folder / "_internal" / "lib.so").symlink_to("lib.so.1")
    return folder


@pytest.mark.skipif(sys.platform == "win32", reason="symlinks and modes are a POSIX archive's")
def test_a_tar_keeps_modes_and_links_and_no_owner(tmp_path: Path) -> None:
    folder = _a_build(tmp_path)
    archive = build_app.pack(folder, tmp_path / "dist" / "game.tar.gz")
    with tarfile.open(archive) as packed:
        members = {m.name: m for m in packed.getmembers()}
    assert set(members) == {folder.name, f"{folder.name}/LostInStarlight", f"{folder.name}/_internal",
                            f"{folder.name}/_internal/lib.so.1", f"{folder.name}/_internal/lib.so"}
    assert members[f"{folder.name}/LostInStarlight"].mode & stat.S_IXUSR
    assert members[f"{folder.name}/_internal/lib.so"].issym()
    assert {(m.uid, m.gid, m.uname, m.gname) for m in members.values()} == {(0, 0, "", "")}


def test_a_zip_has_the_folder_at_the_top(tmp_path: Path) -> None:
    folder = tmp_path / "LostInStarlight-1.0.0-windows-x86_64"
    (folder / "_internal").mkdir(parents=True)
    (folder / "LostInStarlight.exe").write_bytes(b"MZ")
    archive = build_app.pack(folder, tmp_path / "dist" / "game.zip")
    with zipfile.ZipFile(archive) as packed:
        assert sorted(packed.namelist()) == [f"{folder.name}/LostInStarlight.exe", f"{folder.name}/_internal/"]


def test_a_build_over_the_size_limit_stops(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    folder = _a_build(tmp_path)
    assert build_app.check_size(folder) == pytest.approx(110 / 1e6)  # the link is not counted twice
    monkeypatch.setattr(build_app, "SIZE_LIMIT_MB", 50 / 1e6)
    with pytest.raises(SystemExit, match="over the"):
        build_app.check_size(folder)


def test_the_desktop_entry_names_the_game_in_each_language() -> None:
    entry = build_app.desktop_entry({"en": "Lost in Starlight: Signal Delay", "ko": "로스트 인 스타라이트: 신호 지연"})
    lines = entry.splitlines()
    assert lines[0] == "[Desktop Entry]"
    assert "Name=Lost in Starlight: Signal Delay" in lines and "Name[ko]=로스트 인 스타라이트: 신호 지연" in lines
    assert f"Exec={desktop.LAUNCHER}" in lines and "Icon=lost-in-starlight" in lines


def test_the_icon_is_made_from_the_title_art(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(os.environ, "SDL_VIDEODRIVER", "dummy")
    import pygame

    icon = pygame.image.load(str(_load("make_icon").make_icon(tmp_path / "icon.png", 64)))
    assert icon.get_size() == (64, 64)
    assert icon.get_at((0, 0)).a == 0 and icon.get_at((32, 32)).a == 255  # rounded corners, a solid middle
    assert len({tuple(icon.get_at((x, 40))) for x in range(64)}) > 8  # a picture, not a flat square
