"""``starlight new DIR``: a small, valid, bilingual starter story, from zero to CI.

What it writes: ``story.yaml``; three scenes with a choice, a Tiled map with
hotspots (one a ``call``, one behind a condition) and two endings; a replay per
ending; its pictures, drawn by code (``pictures``); the JSON Schemas and editor
settings for VS Code and Helix; and a GitHub Actions workflow that runs
``check --strict --junit``, the replays and coverage.  ``starlight check``
passes on it as written.

The text files are kept in ``template/`` (``dot-x`` there is ``.x`` in the
story: hidden files travel badly in packages); ``$title`` and ``$engine`` in
the README and the workflow are filled in.
"""

from __future__ import annotations

from pathlib import Path
from string import Template

from game.story.schema import write_schemas

from .pictures import draw_pictures

TEMPLATE = Path(__file__).resolve().parent / "template"
FILLED = {"README.md", "story.yml"}  # files whose $names are substituted
DEFAULT_ENGINE = "lost-in-starlight-signal-delay"


class StarterError(Exception):
    """The folder cannot take a new story (it holds files already)."""


def _target(rel: Path) -> Path:
    return Path(*[part.replace("dot-", ".", 1) if part.startswith("dot-") else part for part in rel.parts])


def new_story(folder: Path, *, title: str = "A Small Starry Night", engine: str = DEFAULT_ENGINE) -> list[Path]:
    """Write the starter story into ``folder`` (made if missing, else it must be empty); return the files."""
    if folder.exists() and (not folder.is_dir() or any(folder.iterdir())):
        raise StarterError(f"{folder} is not an empty folder: a new story needs one of its own")
    folder.mkdir(parents=True, exist_ok=True)
    written: list[Path] = []
    for source in sorted(p for p in TEMPLATE.rglob("*") if p.is_file()):
        target = folder / _target(source.relative_to(TEMPLATE))
        target.parent.mkdir(parents=True, exist_ok=True)
        text = source.read_text(encoding="utf-8")
        if source.name in FILLED:
            text = Template(text).substitute(title=title, engine=engine)
        target.write_text(text, encoding="utf-8", newline="\n")
        written.append(target)
    written += draw_pictures(folder)
    written += write_schemas(folder / ".vscode" / "schemas")
    return written
