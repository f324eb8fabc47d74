"""The synthetic benchmark story written as ink (for inkjs, in scripts/bench.py) is the same story as ours."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

from game.story.loader import load_story

ROOT = Path(__file__).resolve().parent.parent


def _write(tmp_path: Path, n: int) -> tuple[Path, str]:
    gen = str(ROOT / "scripts" / "gen_story.py")
    folder, ink = tmp_path / "story", tmp_path / "story.ink"
    subprocess.run([sys.executable, gen, str(n), str(folder)], check=True, capture_output=True)
    subprocess.run([sys.executable, gen, str(n), str(ink), "--ink"], check=True, capture_output=True)
    return folder, ink.read_text(encoding="utf-8")


def test_the_ink_holds_our_story_knot_for_scene(tmp_path: Path) -> None:
    """Every scene's lines (speaker and text), option labels, guards and targets, in order, in its knot."""
    folder, ink = _write(tmp_path, 40)
    story = load_story(folder)
    knots = dict(re.findall(r"^=== (\w+) ===\n(.*?)(?=^=== |\Z)", ink, re.S | re.M))
    assert set(knots) == {scene.id for scene in story.scenes}
    assert ink.startswith("VAR trust = 0\n") and f"-> {story.start.name}\n" in ink
    for scene in story.scenes:
        source = (folder / "scenes" / f"{scene.id}.yaml").read_text(encoding="utf-8")
        ours = [(who.capitalize(), text) for who, text in re.findall(r'^\s+- (\w+): "(.*)"$', source, re.M)
                if who != "text"]
        theirs = re.findall(r"^\s*(\w+): (.*)$", knots[scene.id], re.M)
        assert theirs == ours, scene.id
        labels = re.findall(r'- text: "(.*)"', source)
        assert re.findall(r"^\+ (?:\{[^}]*\} )?\[(.*)\]", knots[scene.id], re.M) == labels, scene.id
        targets = re.findall(r"goto: (\w+)", source)
        assert re.findall(r"\] -> (\w+)$", knots[scene.id], re.M) == targets, scene.id
        guards = re.findall(r"^\s+(?:- )?if: (trust [<>] -?\d+)$", source, re.M)
        assert re.findall(r"\{ ?(trust [<>] -?\d+):?\}?", knots[scene.id]) == guards, scene.id
