"""Build the desktop game for the machine it runs on, for players without Python.

    pip install -e '.[build]'          # PyInstaller, pinned
    python scripts/build_app.py        # -> dist/LostInStarlight-<version>-<os>-<arch>.tar.gz (.zip on Windows)

A one-folder PyInstaller build of ``game/desktop.py`` (the player's launcher: ``starlight play``'s
options, a log and crash reports in the user data folder) with the shipped story, its fonts, the
licences of everything inside and an icon made from the title art (``scripts/make_icon.py``).  The
archive unpacks to one folder named like the archive:

- Linux: ``LostInStarlight`` (run it), ``_internal/``, ``lost-in-starlight.desktop`` and
  ``lost-in-starlight.png`` (``install-desktop-entry.sh`` adds the game to the applications menu);
- macOS: ``LostInStarlight.app``;
- Windows: ``LostInStarlight.exe`` (with the icon, no console window) and ``_internal/``;

and on every system ``README.txt`` and ``licenses/``.  The build stops if the unpacked folder
passes ``SIZE_LIMIT_MB``.  The release workflow (``.github/workflows/release.yml``) runs this same
script on Windows, macOS and Linux.
"""

from __future__ import annotations

import argparse
import importlib.metadata as metadata
import importlib.util
import os
import platform
import re
import shutil
import subprocess
import sys
import sysconfig
import tarfile
import tempfile
import time
import tomllib
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "scripts"))

sys.path.insert(0, str(ROOT))

from make_icon import make_icon  # noqa: E402 - a sibling script

from game.desktop import GAME_NAME, ICON_FILE, LAUNCHER  # noqa: E402

NAME = LAUNCHER  # the launcher, the archive and the macOS bundle
TITLE = GAME_NAME
SLUG = ICON_FILE.removesuffix(".png")  # the Linux desktop entry and the icon
BUNDLE_ID = "dev.starlight.signal-delay"
SIZE_LIMIT_MB = 120
# Never needed by the game: pygame's optional numpy support, the tests and examples pygame ships,
# image and GUI toolkits a build machine may have, the build and test tools themselves, and what
# only a debugger or the network would use (the game never goes online: no ssl and its libcrypto).
EXCLUDES = ("numpy", "PIL", "tkinter", "_tkinter", "pygame.tests", "pygame.examples", "pygame.docs",
            "unittest", "pydoc", "pdb", "readline", "pytest", "hypothesis", "jsonschema", "setuptools",
            "pkg_resources", "pip", "PyInstaller", "ssl", "_ssl", "ftplib", "smtplib", "xmlrpc")
LAUNCHER = '''"""The desktop build's entry point (written by scripts/build_app.py)."""
import sys

from game.desktop import main

sys.exit(main())
'''


def platform_tag() -> tuple[str, str]:
    """This machine as ``(os, arch)`` for the archive's name: linux / macos / windows, x86_64 / arm64 / ..."""
    system = {"darwin": "macos", "win32": "windows"}.get(sys.platform, sys.platform.rstrip("0123456789"))
    machine = platform.machine().lower()
    arch = {"amd64": "x86_64", "x64": "x86_64", "aarch64": "arm64", "arm64": "arm64"}.get(machine, machine)
    return system, arch


def project_version() -> str:
    with open(ROOT / "pyproject.toml", "rb") as handle:
        return str(tomllib.load(handle)["project"]["version"])


def archive_name(version: str, system: str, arch: str) -> str:
    return f"{NAME}-{version}-{system}-{arch}" + (".zip" if system == "windows" else ".tar.gz")


def pyinstaller_command(work: Path, launcher: Path, icon: Path, system: str) -> list[str]:
    """The PyInstaller call: one folder, the story as data, windowed on macOS and Windows.

    The game's own sources go in too (``work/sources``, see ``copy_sources``): the code runs from
    PyInstaller's compiled archive, but a crash report's traceback quotes the lines.
    """
    command = [sys.executable, "-m", "PyInstaller", str(launcher), "--name", NAME, "--onedir", "--noconfirm",
               "--clean", "--log-level", "WARN", "--distpath", str(work / "dist"), "--workpath", str(work / "build"),
               "--specpath", str(work), "--paths", str(ROOT), "--add-data", f"{ROOT / 'assets'}:assets",
               "--add-data", f"{icon}:.", "--add-data", f"{work / 'sources' / 'game'}:game"]
    for module in EXCLUDES:
        command += ["--exclude-module", module]
    if system == "linux":
        command.append("--strip")  # debug symbols are most of libpython and the extensions' size
    if system in ("macos", "windows"):  # a game, not a console program (Linux has no console window to hide)
        command += ["--windowed", "--icon", str(icon)]  # PyInstaller turns the PNG into .icns / .ico with Pillow
    if system == "macos":
        command += ["--osx-bundle-identifier", BUNDLE_ID]
    return command


def copy_sources(work: Path) -> Path:
    """The game's .py files (no caches) into ``work/sources/game``, for tracebacks with their lines."""
    target = work / "sources" / "game"
    if target.exists():
        shutil.rmtree(target)
    shutil.copytree(ROOT / "game", target, ignore=shutil.ignore_patterns("__pycache__", "*.pyc", "_assets"))
    return target


def _requirement_names(requirements: list[str]) -> list[str]:
    """Distribution names of the requirements that apply at run time (extras left out)."""
    names = []
    for text in requirements:
        if "extra ==" in text:
            continue
        match = re.match(r"\s*([A-Za-z0-9][A-Za-z0-9._-]*)", text)
        if match:
            names.append(match.group(1))
    return names


def runtime_distributions() -> list[str]:
    """The project's run-time dependencies and theirs, as installed in this build environment."""
    with open(ROOT / "pyproject.toml", "rb") as handle:
        todo = _requirement_names(tomllib.load(handle)["project"]["dependencies"])
    seen: dict[str, str] = {}
    while todo:
        name = todo.pop()
        key = re.sub(r"[-_.]+", "-", name).lower()
        if key in seen:
            continue
        try:
            dist = metadata.distribution(name)
        except metadata.PackageNotFoundError:  # a requirement for other Pythons (a marker that does not apply here)
            continue
        seen[key] = dist.metadata["Name"]
        todo += _requirement_names(dist.requires or [])
    return sorted(seen.values(), key=str.lower)


def copy_licences(dest: Path) -> list[str]:
    """Copy the licence files of Python and of every run-time dependency into ``dest``; names of those without one."""
    dest.mkdir(parents=True, exist_ok=True)
    python_licence = Path(sysconfig.get_path("stdlib")) / "LICENSE.txt"
    if python_licence.is_file():
        shutil.copyfile(python_licence, dest / "Python-LICENSE.txt")
    missing = []
    for name in runtime_distributions():
        dist = metadata.distribution(name)
        found = [f for f in dist.files or [] if re.search(r"LICEN[CS]E|COPYING|LGPL", f.name, re.IGNORECASE)
                 and not f.name.endswith((".py", ".pyc"))]
        for file in found:
            shutil.copyfile(Path(str(file.locate())), dest / f"{name}-{file.name}")
        if not found:
            missing.append(name)
    (dest / "README.txt").write_text(
        f"{TITLE} is built with Python and these libraries; their licences are in this folder.\n"
        "The game's own pictures, music and fonts are listed in _internal/assets/CREDITS.md "
        "(the fonts' licence: _internal/assets/fonts/LICENSE-Nanum.txt).\n\n"
        + "".join(f"- {name} {metadata.version(name)}\n" for name in runtime_distributions()), encoding="utf-8")
    return missing


def desktop_entry(languages: dict[str, str]) -> str:
    """The Linux desktop entry; install-desktop-entry.sh fills in where the game was unpacked."""
    names = "".join(f"Name[{lang}]={title}\n" for lang, title in languages.items() if lang != "en")
    return ("[Desktop Entry]\nType=Application\n"
            f"Name={languages.get('en', TITLE)}\n{names}"
            "Comment=A branching visual novel from Seoul 2050 to Mars\n"
            f"Exec={NAME}\nIcon={SLUG}\nTerminal=false\nCategories=Game;AdventureGame;\n"
            "StartupNotify=true\n")


INSTALL_ENTRY = r"""#!/bin/sh
# Adds TITLE to this user's applications menu, started from this folder.
# Run it again after moving the folder; remove the entry with:
#   rm "${XDG_DATA_HOME:-$HOME/.local/share}/applications/SLUG.desktop"
set -eu
here=$(cd "$(dirname "$0")" && pwd)
# shellcheck disable=SC1003 # the backslash inside quotes is meant: a path with one is refused
case "$here" in
  *'"'* | *'`'* | *'$'* | *'\'* | *'|'* | *'&'*)
    echo 'Move the game to a folder whose path has none of these in it: " ` $ \ | &' >&2; exit 1;;
esac
apps="${XDG_DATA_HOME:-$HOME/.local/share}/applications"
mkdir -p "$apps"
sed -e "s|^Exec=.*|Exec=\"$here/NAME\"|" -e "s|^Icon=.*|Icon=$here/SLUG.png|" "$here/SLUG.desktop" > "$apps/SLUG.desktop"
echo "Added TITLE to the applications menu ($apps/SLUG.desktop)."
""".replace("TITLE", TITLE).replace("SLUG", SLUG).replace("NAME", NAME)


def player_readme(system: str) -> str:
    start = {"linux": f"Run ./{NAME} (./install-desktop-entry.sh adds the game to your applications menu).",
             "macos": f"Open {NAME}.app. The game is not signed yet: the first time, macOS refuses to open it; then\n"
                      "open System Settings > Privacy & Security and choose Open Anyway.",
             "windows": f"Double-click {NAME}.exe. The game is not signed yet: if Windows warns, choose\n"
                        "More info, then Run anyway."}[system]
    data = {"linux": "~/.local/share/starlight-signal-delay", "macos": "~/Library/Application Support/starlight-signal-delay",
            "windows": r"%LOCALAPPDATA%\starlight-signal-delay"}[system]
    return (f"{TITLE}\n\n{start}\n\n"
            f"Saves, settings, screenshots (F12), the log and crash reports (logs/) are kept in {data}.\n"
            "It takes the same options as the pip package's `starlight play`: --lang ko plays in Korean,\n"
            "--save-dir FOLDER keeps the saves elsewhere" + ("" if system == "windows" else f", {NAME} --help lists them all")
            + ".\n"
            "The licences of what the game is built with are in licenses/.\n")


def launcher_path(folder: Path, system: str) -> Path:
    """The game's executable in an unpacked archive's ``folder``."""
    if system == "macos":
        return folder / f"{NAME}.app" / "Contents" / "MacOS" / NAME
    return folder / (f"{NAME}.exe" if system == "windows" else NAME)


def unpack(archive: Path, into: Path) -> Path:
    """Unpack an archive made by ``pack`` into ``into``; returns the game's folder."""
    if archive.suffix == ".zip":
        with zipfile.ZipFile(archive) as packed:
            packed.extractall(into)
    else:
        with tarfile.open(archive) as packed:
            packed.extractall(into, filter="tar")  # no absolute paths or links out of the folder, whoever made it
    return into / archive.name.removesuffix(".zip").removesuffix(".tar.gz")


def assemble(work: Path, system: str, icon: Path, folder: Path) -> Path:
    """Gather PyInstaller's output and the extras into ``folder`` (what the archive holds); returns the launcher."""
    built = work / "dist"
    if system == "macos":
        shutil.copytree(built / f"{NAME}.app", folder / f"{NAME}.app", symlinks=True)
    else:
        shutil.copytree(built / NAME, folder, symlinks=True)
    launcher = launcher_path(folder, system)
    if system == "linux":
        import yaml

        title = yaml.safe_load((ROOT / "assets" / "story.yaml").read_text(encoding="utf-8")).get("title", {})
        (folder / f"{SLUG}.desktop").write_text(desktop_entry(title if isinstance(title, dict) else {}), encoding="utf-8")
        shutil.copyfile(icon, folder / f"{SLUG}.png")
        script = folder / "install-desktop-entry.sh"
        script.write_text(INSTALL_ENTRY, encoding="utf-8")
        script.chmod(0o755)
    missing = copy_licences(folder / "licenses")
    if missing:
        print(f"build_app: no licence file found for {', '.join(missing)}; add it to licenses/ by hand", file=sys.stderr)
    (folder / "README.txt").write_text(player_readme(system), encoding="utf-8", newline="\r\n" if system == "windows" else None)
    return launcher


def check_size(folder: Path) -> float:
    """The unpacked size in MB; stops the build when it passes ``SIZE_LIMIT_MB``."""
    size_mb = sum(p.lstat().st_size for p in folder.rglob("*") if p.is_file() and not p.is_symlink()) / 1e6
    if size_mb > SIZE_LIMIT_MB:
        raise SystemExit(f"build_app: the build is {size_mb:.1f} MB unpacked, over the {SIZE_LIMIT_MB} MB limit "
                         "(see EXCLUDES in scripts/build_app.py)")
    return size_mb


def pack(folder: Path, archive: Path) -> Path:
    """``folder`` as a .tar.gz (modes and symlinks kept, owner cleared) or a .zip, with the folder at the top."""
    archive.parent.mkdir(parents=True, exist_ok=True)
    if archive.suffix == ".zip":
        with zipfile.ZipFile(archive, "w", zipfile.ZIP_DEFLATED) as zipped:
            for path in sorted(folder.rglob("*")):
                zipped.write(path, Path(folder.name) / path.relative_to(folder))
        return archive

    def anonymous(info: tarfile.TarInfo) -> tarfile.TarInfo:
        info.uid = info.gid = 0
        info.uname = info.gname = ""
        return info

    with tarfile.open(archive, "w:gz", compresslevel=6) as tarred:
        tarred.add(folder, arcname=folder.name, filter=anonymous)
    return archive


def build(dist: Path, work: Path) -> Path:
    """Build, assemble and pack; returns the archive."""
    system, arch = platform_tag()
    version = project_version()
    name = archive_name(version, system, arch)
    folder = work / "app" / name.removesuffix(".zip").removesuffix(".tar.gz")
    if folder.exists():
        shutil.rmtree(folder)
    launcher_script = work / f"{NAME}.py"
    launcher_script.parent.mkdir(parents=True, exist_ok=True)
    launcher_script.write_text(LAUNCHER, encoding="utf-8")
    icon = make_icon(work / f"{SLUG}.png")
    copy_sources(work)
    started = time.perf_counter()
    subprocess.run(pyinstaller_command(work, launcher_script, icon, system), check=True, cwd=ROOT)
    print(f"PyInstaller: {time.perf_counter() - started:.0f} s")
    launcher = assemble(work, system, icon, folder)
    size_mb = check_size(folder)
    print(f"unpacked: {size_mb:.1f} MB, {folder.name}/{launcher.relative_to(folder).as_posix()} starts the game")
    archive = pack(folder, dist / name)
    print(f"archive:  {archive} ({archive.stat().st_size / 1e6:.1f} MB)")
    return archive


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Build the desktop game for this machine with PyInstaller.")
    parser.add_argument("--dist", type=Path, default=ROOT / "dist", help="where the archive goes (default: dist/)")
    parser.add_argument("--work", type=Path, help="PyInstaller's working folder (default: a temporary one)")
    args = parser.parse_args(argv)
    if importlib.util.find_spec("PyInstaller") is None:
        print("build_app: PyInstaller is not installed here: pip install -e '.[build]'", file=sys.stderr)
        return 2
    os.environ.setdefault("SDL_VIDEODRIVER", "dummy")  # the icon is drawn without a window
    if args.work is not None:
        build(args.dist.resolve(), args.work.resolve())
        return 0
    with tempfile.TemporaryDirectory(prefix="build-app-") as work:
        build(args.dist.resolve(), Path(work))
    return 0


if __name__ == "__main__":
    sys.exit(main())
