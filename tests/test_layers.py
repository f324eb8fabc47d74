"""The code's layers hold: import-linter's contracts (pyproject.toml) and no import cycles.

Every import counts, including imports inside functions; the contracts are
checked on the real tree, and once on a copy with one layer crossed, to prove
the check can fail.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import grimp

ROOT = Path(__file__).resolve().parent.parent
LINT = [sys.executable, "-c", "import sys; from importlinter.cli import lint_imports_command; sys.exit(lint_imports_command())"]


def lint(root: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run([*LINT, "--no-cache"], cwd=root, capture_output=True, text=True, check=False,
                          env={"PYTHONPATH": str(root), "PATH": "/usr/bin:/bin"})


def test_the_layer_contracts_hold() -> None:
    run = lint(ROOT)
    assert run.returncode == 0, run.stdout + run.stderr
    assert "0 broken" in run.stdout


def test_crossing_a_layer_inside_a_function_breaks_the_contract(tmp_path: Path) -> None:
    shutil.copytree(ROOT / "game", tmp_path / "game", ignore=shutil.ignore_patterns("__pycache__", "_assets"))
    shutil.copy(ROOT / "pyproject.toml", tmp_path / "pyproject.toml")
    model = tmp_path / "game" / "story" / "model.py"
    model.write_text(model.read_text(encoding="utf-8")
                     + "\n\ndef _sneak() -> None:\n    from game.ui import app  # noqa: F401\n", encoding="utf-8")
    run = lint(tmp_path)
    assert run.returncode != 0
    assert "BROKEN" in run.stdout and "game.story.model -> game.ui.app" in run.stdout


def test_no_module_imports_itself_round_a_cycle() -> None:
    sys.path.insert(0, str(ROOT))
    graph = grimp.build_graph("game", exclude_type_checking_imports=True)
    cycles = []
    for module in sorted(graph.modules):
        for imported in graph.find_modules_directly_imported_by(module):
            chain = graph.find_shortest_chain(importer=imported, imported=module)
            if chain is not None:
                cycles.append(" -> ".join((module, *chain)))
    assert not cycles, "import cycles:\n" + "\n".join(sorted(set(cycles))[:10])
