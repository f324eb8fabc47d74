"""The desktop build end to end: build it, unpack it into a fresh folder, run it with nothing but HOME.

A PyInstaller build takes a while, so these run only when asked for::

    pip install -e '.[test,build]'
    SDL_VIDEODRIVER=dummy SDL_AUDIODRIVER=dummy python -m pytest -m build

With ``STARLIGHT_APP_ARCHIVE`` naming an archive made by ``scripts/build_app.py`` (the release
workflow does this), that archive is tested instead of a new build.  The built game runs with a
clean environment (no PATH, so no Python and no venv; SDL's dummy drivers) and its screenshots are
compared with the same frames drawn by the game run from this checkout.
"""

from __future__ import annotations

import importlib.util
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path
from types import ModuleType

import pytest

from game.paths import shipped_story
from game.story.loader import load_story

pytestmark = pytest.mark.build

ROOT = Path(__file__).resolve().parent.parent
NAME = "LostInStarlight"


def _load_build_app() -> ModuleType:
    spec = importlib.util.spec_from_file_location("build_app", ROOT / "scripts" / "build_app.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


build_app = _load_build_app()
TIMEOUT = 120


@pytest.fixture(scope="module")
def archive(tmp_path_factory: pytest.TempPathFactory) -> Path:
    given = os.environ.get("STARLIGHT_APP_ARCHIVE")
    if given:
        return Path(given).resolve()
    assert importlib.util.find_spec("PyInstaller") is not None, "the build test needs the build extra: pip install -e '.[build]'"
    out = tmp_path_factory.mktemp("build")
    subprocess.run([sys.executable, str(ROOT / "scripts" / "build_app.py"), "--dist", str(out / "dist"),
                    "--work", str(out / "work")], check=True, cwd=ROOT, timeout=900)
    (built,) = (out / "dist").iterdir()
    return built


@pytest.fixture(scope="module")
def unpacked(archive: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The archive unpacked into a fresh folder; returns the game's folder."""
    fresh = tmp_path_factory.mktemp("fresh")
    folder = Path(build_app.unpack(archive, fresh))
    assert list(fresh.iterdir()) == [folder]  # one folder, named like the archive
    return folder


def _launcher(folder: Path) -> Path:
    return Path(build_app.launcher_path(folder, build_app.platform_tag()[0]))


def _clean_env(home: Path) -> dict[str, str]:
    """Only HOME and SDL's dummy drivers (and on Windows what any program needs to start)."""
    env = {"HOME": str(home), "SDL_VIDEODRIVER": "dummy", "SDL_AUDIODRIVER": "dummy"}
    if sys.platform == "win32":
        env.update(SYSTEMROOT=os.environ["SYSTEMROOT"], USERPROFILE=str(home),
                   STARLIGHT_CACHE_DIR=str(home / "cache"))  # the system's folders, not these, hold the cache
    return env


def _data_dir(home: Path) -> Path:
    """Where platformdirs puts the user data folder under this HOME (as the pip install does).

    Windows asks the system for the user's folders, not the environment: there the test names a
    folder with --save-dir instead (see _play_built), so it never touches the real one.
    """
    if sys.platform == "darwin":
        return home / "Library" / "Application Support" / "starlight-signal-delay"
    if sys.platform == "win32":
        return home / "data"
    return home / ".local" / "share" / "starlight-signal-delay"


def _play_built(folder: Path, home: Path, *args: str) -> subprocess.CompletedProcess[str]:
    own_folder = ["--save-dir", str(_data_dir(home))] if sys.platform == "win32" else []
    return subprocess.run([str(_launcher(folder)), *own_folder, *args], env=_clean_env(home), cwd=home,
                          capture_output=True, text=True, timeout=TIMEOUT, check=False)


def _play_checkout(save_dir: Path, *args: str) -> None:
    env = {**os.environ, "SDL_VIDEODRIVER": "dummy", "SDL_AUDIODRIVER": "dummy", "STARLIGHT_CACHE_DIR": str(save_dir / "cache")}
    subprocess.run([sys.executable, "-m", "game", "play", "--save-dir", str(save_dir), *args], env=env, cwd=ROOT,
                   check=True, capture_output=True, timeout=TIMEOUT)


def _thumbnail(path: Path) -> bytes:
    import pygame

    picture = pygame.image.load(str(path))
    assert picture.get_size() == (1280, 720)
    return pygame.image.tobytes(pygame.transform.smoothscale(picture, (160, 90)), "RGB")


def _difference(a: Path, b: Path) -> float:
    """Mean difference per colour channel (0-255) of two screenshots, on thumbnails."""
    x, y = _thumbnail(a), _thumbnail(b)
    return sum(abs(i - j) for i, j in zip(x, y)) / len(x)


def test_the_archive_holds_the_game_its_story_licences_and_icon(archive: Path, unpacked: Path) -> None:
    assert re.fullmatch(rf"{NAME}-\d+\.\d+\.\d+-(linux|macos|windows)-[a-z0-9_]+\.(tar\.gz|zip)", archive.name)
    assert archive.name.startswith(unpacked.name)
    assert os.access(_launcher(unpacked), os.X_OK)
    assert (unpacked / "README.txt").is_file()
    licences = {p.name for p in (unpacked / "licenses").iterdir()}
    assert {"pygame-LGPL.txt", "Python-LICENSE.txt"} <= licences and any(n.startswith("PyYAML") for n in licences)
    stories = list(unpacked.rglob("assets/story.yaml"))
    assert len(stories) == 1 and (stories[0].parent / "fonts" / "LICENSE-Nanum.txt").is_file()
    assert (stories[0].parent / "CREDITS.md").is_file()
    size = sum(p.lstat().st_size for p in unpacked.rglob("*") if p.is_file() and not p.is_symlink())
    assert size < 120e6, f"{size / 1e6:.1f} MB unpacked"
    if sys.platform.startswith("linux"):
        entry = (unpacked / "lost-in-starlight.desktop").read_text(encoding="utf-8")
        assert "Type=Application" in entry and f"Exec={NAME}" in entry
        assert (unpacked / "lost-in-starlight.png").read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"


def test_the_built_game_reaches_the_title_with_a_clean_environment(unpacked: Path, tmp_path: Path) -> None:
    home = tmp_path / "home"
    home.mkdir()
    shot = tmp_path / "title.png"
    done = _play_built(unpacked, home, "--frames", "30", "--screenshot", str(shot))
    assert done.returncode == 0, done.stderr
    log = (_data_dir(home) / "logs" / "starlight.log").read_text(encoding="utf-8")
    assert "built" in log and "first frame at" in log  # the frozen game, logging to the player's folder
    reference = tmp_path / "checkout-title.png"
    _play_checkout(tmp_path / "checkout", "--frames", "30", "--screenshot", str(reference))
    assert _difference(shot, reference) < 2.0


@pytest.mark.parametrize("language", ["en", "ko"])
def test_the_built_game_shows_a_line_of_the_story(unpacked: Path, tmp_path: Path, language: str) -> None:
    home = tmp_path / "home"
    home.mkdir()
    story = load_story(shipped_story())
    start = story.scenes[story.start.scene].id  # its first line
    args = ["--warp", start, "--lang", language, "--frames", "240"]
    shot, title = tmp_path / "line.png", tmp_path / "title.png"
    done = _play_built(unpacked, home, *args, "--screenshot", str(shot))
    assert done.returncode == 0, done.stderr
    reference = tmp_path / "checkout-line.png"
    _play_checkout(tmp_path / "checkout", *args, "--screenshot", str(reference))
    assert _difference(shot, reference) < 2.0  # the same line, in the same font, on the same stage
    _play_checkout(tmp_path / "checkout", "--frames", "30", "--screenshot", str(title))
    # and not the title screen: the story opens at night under stars, as the title does, so the two
    # differ by about 9.5 here, against under 2 for the same line
    assert _difference(shot, title) > 5.0


def test_a_crash_in_the_built_game_leaves_a_report_and_says_where(unpacked: Path, tmp_path: Path) -> None:
    home = tmp_path / "home"
    home.mkdir()
    # a damaged install: every font of the bundle (the story's and pygame's own) is not a font, so
    # the first text drawn fails (what the game meets from the player it answers with a message)
    damaged = tmp_path / "damaged"
    shutil.copytree(unpacked, damaged, symlinks=True)
    for font in [*damaged.rglob("*.ttf"), *damaged.rglob("*.otf")]:
        font.write_bytes(b"not a font")
    done = _play_built(damaged, home, "--frames", "2", "--screenshot", str(tmp_path / "shot.png"))
    assert done.returncode == 3
    (report,) = (_data_dir(home) / "logs").glob("crash-*.txt")
    text = report.read_text(encoding="utf-8")
    assert "(desktop build)" in text and "Traceback" in text and "shot.png" in text
    assert "status = playing.cmd_play(args)" in text  # the traceback quotes the game's source lines
    # told on the console; a windowed Windows build has none, and writes it to logs/console.txt instead
    said = (_data_dir(home) / "logs" / "console.txt").read_text(encoding="utf-8") if sys.platform == "win32" else done.stderr
    assert str(report) in said


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="the desktop entry is Linux's")
def test_the_desktop_entry_installs_pointing_at_the_unpacked_game(unpacked: Path, tmp_path: Path) -> None:
    env = {"HOME": str(tmp_path), "XDG_DATA_HOME": str(tmp_path / "share"), "PATH": os.environ["PATH"]}
    subprocess.run([str(unpacked / "install-desktop-entry.sh")], env=env, check=True, capture_output=True)
    entry = (tmp_path / "share" / "applications" / "lost-in-starlight.desktop").read_text(encoding="utf-8")
    assert f'Exec="{_launcher(unpacked)}"' in entry
    assert f"Icon={unpacked / 'lost-in-starlight.png'}" in entry
    assert (unpacked / "lost-in-starlight.desktop").read_text(encoding="utf-8").replace(f"Exec={NAME}", "").replace(
        "Icon=lost-in-starlight", "") == entry.replace(f'Exec="{_launcher(unpacked)}"', "").replace(
        f"Icon={unpacked / 'lost-in-starlight.png'}", "")  # the rest as shipped
