"""``starlight capture`` on the sample fixture: a picture per reachable line and choice, CSV and HTML index.

Every step of the sample is reachable (tests/fixtures/sample/EXPECTED.md), so the pictures are exactly
its 19 lines and 2 choices, each reached by the shortest list of choices.  Runs headless (SDL dummy
drivers); the pictures are left in $STARLIGHT_SHOTS when it is set, for a human to look at.
"""

from __future__ import annotations

import os

os.environ.setdefault("SDL_VIDEODRIVER", "dummy")  # before pygame is imported
os.environ.setdefault("SDL_AUDIODRIVER", "dummy")

import csv
import hashlib
import re
import shutil
import struct
from pathlib import Path

import pytest

from game.cli import main
from game.story import model as m
from game.story.loader import load_story
from game.ui.capture import capture
from game.ui.capture import find_stops as find_steps

SAMPLE = Path(__file__).parent / "fixtures" / "sample"
NAME = re.compile(r"^(\d{4})-([a-z_]+)-(\d+)\.png$")


def steps_of(story: m.Story) -> set[tuple[str, int]]:
    """(file, line) of every line and choice of the story (all reachable in the sample)."""
    return {(op.pos.file, op.pos.line) for scene in story.scenes for op in scene.ops
            if isinstance(op, (m.Line, m.Choice))}


def png_size(path: Path) -> tuple[int, int]:
    data = path.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    return struct.unpack(">II", data[16:24])


def read_csv(path: Path) -> list[dict[str, str]]:
    with open(path, encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f))


def keep(folder: Path, lang: str) -> None:
    shots = os.environ.get("STARLIGHT_SHOTS")
    if shots:
        shutil.copytree(folder, Path(shots) / f"starlight-capture-{lang}", dirs_exist_ok=True)


def test_finding_gives_each_step_its_shortest_path() -> None:
    story = load_story(SAMPLE)
    steps, complete = find_steps(story)
    assert complete
    assert {(s.pos.file, s.pos.line) for s in steps} == steps_of(story)
    assert [s.number for s in steps] == list(range(1, len(steps) + 1))
    by_line = {(s.pos.file, s.pos.line): s for s in steps}
    assert by_line[("scenes/harbor.yaml", 12)].path == ()
    assert by_line[("scenes/harbor.yaml", 15)].kind == "choice"
    assert by_line[("scenes/harbor.yaml", 23)].path == (1,)  # the fog option
    assert by_line[("scenes/memories/logbook.yaml", 7)].path == (2,)  # bone dry: the oil was given away
    assert by_line[("scenes/tower/lamp_room.yaml", 46)].path == (1, 1)  # only after the fog horn
    lamp = by_line[("scenes/tower/lamp_room.yaml", 15)]
    assert lamp.kind == "choice" and lamp.path == (0,)
    assert lamp.under is not None and lamp.under.pos.line == 12  # the box still shows the line before
    # the stage is right: at the lamp room's first line the background is the lamp room, Mira is on
    first = by_line[("scenes/tower/lamp_room.yaml", 12)]
    assert first.presentation.background == "lamp_room"
    assert [name for name, _ in first.presentation.characters] == ["mira"]
    fog = by_line[("scenes/tower/lamp_room.yaml", 14)]  # on the fog path Tomas was never hidden
    assert [name for name, _ in fog.presentation.characters] == ["tomas", "mira"]


@pytest.mark.parametrize("lang", ["en", "ko"])
def test_capture_writes_a_picture_per_line_and_choice(tmp_path: Path, lang: str) -> None:
    story = load_story(SAMPLE)
    out = tmp_path / f"capture-{lang}"
    result = capture(story, out, lang)
    keep(out, lang)
    assert result.complete and result.language == lang
    assert result.lines == 19 and len(result.steps) == 21
    pictures = sorted(p.name for p in out.glob("*.png"))
    assert pictures == sorted(s.png for s in result.steps)
    numbers = []
    for name in pictures:
        match = NAME.match(name)
        assert match, name
        numbers.append(int(match.group(1)))
        assert match.group(2) in story.scene_index
        assert png_size(out / name) == (1280, 720)
    assert numbers == list(range(1, 22))
    digests = {hashlib.sha256((out / name).read_bytes()).hexdigest() for name in pictures}
    assert len(digests) == len(pictures)  # every picture shows something different

    rows = read_csv(out / "lines.csv")
    assert list(rows[0])[:5] == ["file", "line", "speaker", "text", "png"]
    assert {(r["file"], int(r["line"])) for r in rows} == steps_of(story)
    assert [r["png"] for r in rows] == [s.png for s in result.steps]
    by_line = {(r["file"], int(r["line"])): r for r in rows}
    tomas = by_line[("scenes/harbor.yaml", 13)]
    gulls = by_line[("scenes/harbor.yaml", 12)]
    choice = by_line[("scenes/harbor.yaml", 15)]
    if lang == "en":
        assert (tomas["speaker"], tomas["text"]) == ("Tomas", "There's weather coming in tonight, Mira.")
        assert choice["text"].split(" / ")[0] == "Promise to keep the lamp lit."
    else:
        assert (tomas["speaker"], tomas["text"]) == ("토마스", "오늘 밤 날씨가 심상치 않아, 미라.")
        assert choice["text"].split(" / ")[0] == "등불을 지키겠다고 약속한다."
        # the one line with no Korean shows (and is captured) in English
        assert by_line[("scenes/harbor.yaml", 14)]["text"] == "Then the lamp has to burn until morning."
    assert gulls["speaker"] == "" and choice["speaker"] == ""

    page = (out / "index.html").read_text(encoding="utf-8")
    assert page.startswith("<!DOCTYPE html>") and f'lang="{lang}"' in page
    for step in result.steps:
        assert f'href="{step.png}"' in page
        assert f"{step.pos.file}:{step.pos.line}" in page
    assert page.count("<img ") == 21
    # self-contained: thumbnails inline, no scripts, no style sheets or pictures from elsewhere
    assert all(src.startswith("data:image/") for src in re.findall(r'src="([^"]*)"', page))
    assert "<script" not in page and "<link" not in page and "http" not in page
    assert "Tomas" in page if lang == "en" else "토마스" in page


def test_the_command(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "shots"
    assert main(["capture", str(SAMPLE), "-o", str(out), "--lang", "ko", "--text-size", "large"]) == 0
    printed = capsys.readouterr().out
    assert "captured 19 lines and 2 choices/maps" in printed and "ms per picture" in printed
    assert len(list(out.glob("*.png"))) == 21
    assert (out / "index.html").is_file() and (out / "lines.csv").is_file()


def test_the_command_refuses_an_unknown_language(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["capture", str(SAMPLE), "-o", str(tmp_path / "x"), "--lang", "fr"]) == 2
    assert "no language 'fr'" in capsys.readouterr().err
    assert not (tmp_path / "x").exists()
    assert main(["capture", str(tmp_path / "nowhere"), "-o", str(tmp_path / "x")]) == 2


def map_story(root: Path) -> Path:
    """A story whose only decision is a map with one hotspot (a `goto` to scene b)."""
    (root / "scenes").mkdir(parents=True)
    (root / "maps").mkdir()
    (root / "story.yaml").write_text("title: Alley\nlanguages: [en]\nstart: a\nendings:\n  done: {title: Done}\n",
                                     encoding="utf-8")
    (root / "scenes" / "a.yaml").write_text("scene: a\ntitle: A\nscript:\n  - narrator: Rain on the alley.\n"
                                            "  - map: alley\n    spawn: door\n", encoding="utf-8")
    (root / "scenes" / "b.yaml").write_text("scene: b\ntitle: B\nscript:\n  - narrator: Out of the rain.\n"
                                            "  - ending: done\n", encoding="utf-8")
    (root / "maps" / "alley.tmx").write_text(
        '<?xml version="1.0" encoding="UTF-8"?>\n<map version="1.10" orientation="orthogonal" width="4" '
        'height="4" tilewidth="16" tileheight="16">\n <objectgroup id="1" name="objects">\n'
        '  <object id="1" name="door" x="0" y="0" width="16" height="16"/>\n'
        '  <object id="2" name="shop_exit" x="32" y="0" width="16" height="16">\n'
        '   <properties><property name="goto" value="b"/></properties>\n  </object>\n </objectgroup>\n</map>\n',
        encoding="utf-8")
    return root


def test_a_map_is_pictured_too(tmp_path: Path) -> None:
    story = load_story(map_story(tmp_path / "story"))
    result = capture(story, tmp_path / "out")
    assert [(s.kind, s.pos.file, s.pos.line, s.path) for s in result.steps] == [
        ("line", "scenes/a.yaml", 4, ()), ("map", "scenes/a.yaml", 5, ()), ("line", "scenes/b.yaml", 4, (0,))]
    rows = read_csv(tmp_path / "out" / "lines.csv")
    assert rows[1]["text"] == "map alley: shop_exit" and rows[1]["png"] == "0002-a-5.png"
    assert png_size(tmp_path / "out" / "0002-a-5.png") == (1280, 720)
