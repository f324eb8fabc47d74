"""The tree a newcomer opens: no merge left half done in the code, the docs or the story."""

from __future__ import annotations

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TEXT_FILES = ("*.py", "*.md", "*.yaml", "*.toml", "*.tmx", "*.tsx", "*.json", "*.po", "*.pot")
MARKER = re.compile(r"^(?:<{7} |>{7} |={7}$)", re.MULTILINE)


def conflicted(root: Path) -> list[str]:
    found = []
    for folder in ("game", "scripts", "tests", "docs", "assets", "editors"):
        for pattern in TEXT_FILES:
            for path in (root / folder).rglob(pattern):
                if "node_modules" in path.parts:
                    continue
                if MARKER.search(path.read_text(encoding="utf-8", errors="replace")):
                    found.append(str(path.relative_to(root)))
    found += [name for name in ("README.md", "pyproject.toml")
              if MARKER.search((root / name).read_text(encoding="utf-8"))]
    return sorted(found)


def test_no_file_holds_a_merge_conflict() -> None:
    assert conflicted(ROOT) == []


def test_a_conflict_is_found(tmp_path: Path) -> None:
    (tmp_path / "docs").mkdir()
    (tmp_path / "README.md").write_text("ok\n")
    (tmp_path / "pyproject.toml").write_text("<<<<<<< HEAD\na\n=======\nb\n>>>>>>> other\n")
    (tmp_path / "docs" / "guide.md").write_text("text\n<<<<<<< HEAD\n")
    assert conflicted(tmp_path) == ["docs/guide.md", "pyproject.toml"]
