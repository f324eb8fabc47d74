"""The generator's locked package versions (the ``assets`` extra of pyproject.toml) against the
installed ones. Pictures and sounds are byte-identical only with the locked versions: a newer numpy
or Pillow (or the libjpeg, zlib, FreeType or libsndfile inside their wheels) may move a level here
and there, so ``make_assets`` says when they differ."""

from __future__ import annotations

import tomllib
from importlib import metadata
from pathlib import Path

PYPROJECT = Path(__file__).resolve().parents[2] / "pyproject.toml"


def locked(pyproject: Path = PYPROJECT) -> dict[str, str]:
    """Package -> exact version, from the ``name==version`` entries of the ``assets`` extra."""
    extras = tomllib.loads(pyproject.read_text(encoding="utf-8"))["project"]["optional-dependencies"]
    pins = {}
    for requirement in extras["assets"]:
        name, sep, version = requirement.partition("==")
        if sep:
            pins[name.strip()] = version.strip()
    return pins


def installed(name: str) -> str | None:
    try:
        return metadata.version(name)
    except metadata.PackageNotFoundError:
        return None


def mismatches(pins: dict[str, str]) -> dict[str, tuple[str, str | None]]:
    """Package -> (locked, installed) for every pin the environment does not meet."""
    return {name: (want, have) for name, want in pins.items() if (have := installed(name)) != want}


def lock_report(pyproject: Path = PYPROJECT) -> str:
    pins = locked(pyproject)
    wrong = mismatches(pins)
    versions = ", ".join(f"{name} {version}" for name, version in pins.items())
    if not wrong:
        return f"generator tools at the locked versions ({versions})"
    found = ", ".join(f"{name} {have or 'missing'} (locked {want})" for name, (want, have) in wrong.items())
    return f"warning: not the locked versions: {found}; results may differ by a level here and there. Fix: pip install -e '.[assets]'"
