"""``starlight coverage``: what replays and random playthroughs reach, as a table, JSON, HTML and Cobertura XML."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any
from xml.etree import ElementTree as ET

import pytest

from game.check.replay import read_replay
from game.cli import main
from game.paths import shipped_story
from game.story.loader import load_story
from game.tools.coverage.run import run_coverage

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = ROOT / "tests" / "fixtures"
PLAYTHROUGHS = ROOT / "tests" / "playthroughs"
SAMPLE = FIXTURES / "sample"


def coverage_json(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, dict[str, Any]]:
    code = main(["coverage", "--json", *args])
    return code, json.loads(capsys.readouterr().out)


def write_story(root: Path, script: str, variables: str = "") -> Path:
    (root / "scenes").mkdir(parents=True)
    (root / "story.yaml").write_text(f"title: Tiny\nlanguages: [en]\nstart: a\n{variables}"
                                     "endings:\n  done: {title: Done}\n", encoding="utf-8")
    (root / "scenes" / "a.yaml").write_text(f"scene: a\nscript:\n{script}", encoding="utf-8")
    return root


def test_two_replays_of_the_sample_miss_the_third_ending(capsys: pytest.CaptureFixture[str]) -> None:
    code, data = coverage_json(capsys, str(SAMPLE), str(PLAYTHROUGHS / "sample_dawn.yaml"),
                               str(PLAYTHROUGHS / "sample_shipwreck.yaml"))
    assert code == 0
    assert data["kinds"]["endings"] == {"covered": 2, "total": 3, "percent": 66.67}
    missed = {(m["kind"], m["name"]) for m in data["missed"]}
    assert ("endings", "lost_in_fog") in missed
    assert ("options", "Say the fog worries you more.") in missed  # the fog route is no replay's
    assert all(r["ok"] for r in data["replays"]) and len(data["replays"]) == 2
    assert data["files"]["scenes/harbor.yaml"]["options"]["total"] == 3


def test_the_sample_replays_miss_one_line(capsys: pytest.CaptureFixture[str]) -> None:
    code, data = coverage_json(capsys, str(SAMPLE), str(PLAYTHROUGHS))  # a folder: its other story's files skipped
    assert code == 0
    # the three replays never take the logbook's "leave it shut" branch
    assert data["missed"] == [{"kind": "lines", "file": "scenes/tower/lamp_room.yaml", "line": 33,
                               "name": "narrator: The logbook stayed shut tonight."}]
    assert data["total"] == {"covered": 33, "total": 34, "percent": 97.06}
    shipped = sorted(str(p) for p in PLAYTHROUGHS.glob("shipped_*.yaml"))
    assert len(shipped) >= 4 and sorted(data["skipped"]) == shipped  # the shipped story's replays, skipped


def test_an_option_counts_only_when_taken() -> None:
    story = load_story(SAMPLE)
    replay = read_replay(PLAYTHROUGHS / "sample_dawn.yaml", shipped_story())
    run = run_coverage(story, [replay])
    options = [i for i in run.coverage.items if i.kind == "options"]
    taken = [i.name for i in options if i.covered]
    assert taken and len(taken) < len(options)
    assert len(taken) == run.hits.replays[0].choices_made


def test_random_playthroughs_are_seeded() -> None:
    story = load_story(ROOT / "assets")
    first = run_coverage(story, [], 5, seed=7)
    again = run_coverage(story, [], 5, seed=7)
    other = run_coverage(story, [], 5, seed=8)
    assert first.hits.options == again.hits.options and first.hits.endings == again.hits.endings
    assert first.hits.options != other.hits.options


def test_shipped_replays_and_random_play_cover_the_maps_hotspots(capsys: pytest.CaptureFixture[str]) -> None:
    code, data = coverage_json(capsys, *[str(p) for p in sorted(PLAYTHROUGHS.glob("shipped_*.yaml"))],
                               "--random", "30", "--seed", "1")
    assert code == 0
    hotspots = data["kinds"]["hotspots"]
    assert hotspots["total"] == 14 and hotspots["covered"] >= 10
    assert data["kinds"]["endings"]["covered"] == 4
    assert any(file.endswith(".tmx") for file in data["files"])


def test_a_loop_of_choices_does_not_keep_a_random_playthrough_going(tmp_path: Path) -> None:
    root = write_story(tmp_path / "s", "  - label: top\n  - choice:\n      - text: Again\n        goto: top\n"
                                       "      - text: Stop\n  - ending: done\n")
    run = run_coverage(load_story(root), [], 50, seed=3)
    assert run.hits.random_runs == 50 and run.coverage.percent() == 100.0


def test_fail_under_and_failed_replays_exit_1(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["coverage", str(FIXTURES / "unused"), "--random", "3", "--fail-under", "90"]) == 1
    assert "under 90%" in capsys.readouterr().err
    assert main(["coverage", str(FIXTURES / "unused"), "--random", "3", "--fail-under", "50"]) == 0
    bad = tmp_path / "bad.yaml"
    bad.write_text(f"story: {SAMPLE}\nchoices: [0, 0, 0]\nexpect: {{ending: lost_in_fog}}\n", encoding="utf-8")
    assert main(["coverage", str(SAMPLE), str(bad)]) == 1
    assert "FAIL" in capsys.readouterr().out
    assert main(["coverage", str(SAMPLE)]) == 2  # nothing to play


def test_html_report_marks_lines_and_escapes_the_story(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    root = write_story(tmp_path / "s", "  - narrator: \"<script>alert('x')</script> & more\"\n"
                                       "  - choice:\n      - text: Left\n      - text: Right\n        if: never\n"
                                       "  - ending: done\n", variables="variables:\n  never: {type: bool, default: false}\n")
    page = tmp_path / "cover.html"
    assert main(["coverage", str(root), "--random", "2", "--html", str(page)]) == 0
    text = page.read_text(encoding="utf-8")
    assert "<script>" not in text and "&lt;script&gt;alert(&#x27;x&#x27;)&lt;/script&gt; &amp; more" in text
    assert re.search(r'<span class="l hit" title="line narrator: [^"]*"><span class="n">3</span>', text)
    assert re.search(r'<span class="l miss" title="option Right: never reached"><span class="n">6</span>', text)
    assert "<link" not in text and "src=" not in text  # self-contained


def test_cobertura_xml(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "coverage.xml"
    assert main(["coverage", str(SAMPLE), str(PLAYTHROUGHS / "sample_dawn.yaml"), "--xml", str(out)]) == 0
    top = ET.parse(out).getroot()
    assert top.tag == "coverage"
    assert 0 < float(top.get("line-rate", "0")) < 1 and 0 < float(top.get("branch-rate", "0")) < 1
    harbor = next(c for c in top.iter("class") if c.get("filename") == "scenes/harbor.yaml")
    choice = next(line for line in harbor.iter("line") if line.get("branch") == "true")
    assert choice.get("number") == "15" and choice.get("condition-coverage") == "33% (1/3)"
    assert {p.get("name") for p in top.iter("package")} == {".", "scenes", "scenes.memories", "scenes.tower"}
