"""Every generation job of the shipped story, family by family, in the order they run."""

from __future__ import annotations

from . import backgrounds, cg, characters, music, sfx, sprites, tiles, ui
from .output import Job


def families() -> dict[str, list[Job]]:
    """Family name -> its jobs (each family package lists its own); job names and output paths are unique."""
    found = {
        "backgrounds": backgrounds.jobs(),
        "cg": cg.jobs(),
        "characters": characters.jobs(),
        "ui": ui.jobs(),
        "tiles": tiles.jobs(),
        "sprites": sprites.jobs(),
        "music": music.jobs(),
        "sfx": sfx.jobs(),
    }
    _check_unique(found)
    return found


def _check_unique(found: dict[str, list[Job]]) -> None:
    names = [job.name for jobs in found.values() for job in jobs] + list(found)
    paths = [o.path for jobs in found.values() for job in jobs for o in job.outputs]
    for kind, items in (("job name", names), ("output", paths)):
        twice = sorted({item for item in items if items.count(item) > 1})
        if twice:
            raise ValueError(f"assetgen catalogue: {kind} used twice: {', '.join(twice)}")
