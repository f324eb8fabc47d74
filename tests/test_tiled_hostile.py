"""The hostile map corpus (tests/hostile/maps/) through every reader of maps: 0 tracebacks, 0 hangs.

Each attack goes through the one reader (``game.world.tiled.load_map`` with the
story folder as root), ``starlight check`` on a story that walks the map,
``starlight maps --json --render`` and the game's drawing code; each must give
its clear message (at the attack's line, marked ``<!-- ATTACK -->`` in the file)
and nothing else.  A subprocess runs the whole corpus under an address-space
limit and a time limit: a hang or a memory blow-up fails the suite instead of
stalling it.  How long each attack takes is printed by ``scripts/bench_maps.py``.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path
from textwrap import dedent

import pytest

from game.cli import main
from game.world.tiled import MapFormatError, load_map

HERE = Path(__file__).resolve().parent
CORPUS = HERE / "hostile" / "maps"
ROOT = HERE.parent
MARK = "<!-- ATTACK -->"
sys.path.insert(0, str(CORPUS))
import make_corpus  # noqa: E402


@dataclass(frozen=True)
class Attack:
    name: str
    verdict: str  # "refused": the reader raises; "problem": it loads with a problem; "loads": nothing to say
    fragment: str = ""


ATTACKS = [
    # files outside the story, and files that are not files
    Attack("escape_tileset_dotdot", "refused", "is outside the story folder"),
    Attack("escape_tileset_absolute", "refused", "is outside the story folder"),
    Attack("escape_image_dotdot", "refused", "is outside the story folder"),
    Attack("escape_image_absolute", "refused", "is outside the story folder"),
    Attack("escape_template", "refused", "is outside the story folder"),
    Attack("escape_image_layer", "refused", "is outside the story folder"),
    Attack("link_tileset", "refused", "is outside the story folder"),
    Attack("fifo_tileset", "refused", "not a regular file"),
    Attack("fifo_image", "problem", "not a regular file"),
    Attack("folder_tileset", "refused", "not a regular file"),
    # XML
    Attack("deep_groups", "refused", "nested more than 100 deep"),
    Attack("deep_properties", "refused", "nested more than 100 deep"),
    Attack("entities", "refused", "declares a DTD of its own"),
    Attack("external_entity", "refused", "declares a DTD of its own"),
    Attack("not_xml", "refused", "is not valid XML"),
    Attack("empty", "refused", "file is empty"),
    Attack("wrong_root", "refused", "not a Tiled map"),
    # numbers
    Attack("huge_width", "refused", "is not a whole number"),
    Attack("infinite_number", "refused", "is not a finite number"),
    Attack("nan_offset", "refused", "is not a finite number"),
    # cost, per map
    Attack("many_layers", "refused", "more than 512 layers"),
    Attack("huge_map", "refused", "the map size 60,000 x 60,000 is not allowed"),
    Attack("spread_chunks", "refused", "chunks span"),
    Attack("zlib_bomb", "refused", "more tile data than the layer holds"),
    Attack("layers_16x2048", "refused", "a map may have at most 4,194,304"),
    Attack("overlapping_chunks", "refused", "a map may have at most 4,194,304"),
    Attack("objects_50000", "refused", "more than 10,000 objects"),
    Attack("hotspots_10000", "loads"),
    Attack("blocking_objects", "loads"),
    # pictures and drawing
    Attack("tileset_not_image", "problem", "not a PNG, GIF, BMP, WebP or JPEG image"),
    Attack("tileset_30000", "refused", "30,000x30,000 pixels"),
    Attack("image_layer_not_image", "problem", "not a PNG, GIF, BMP, WebP or JPEG image"),
    Attack("huge_tiles", "refused", "the tile size 40000 x 40000 px is not allowed"),
    Attack("big_map_pixels", "problem", "128,000 x 128,000 px"),
    Attack("huge_tile_object", "problem", "40,000 x 40,000 px; too large to draw"),
]
LARGE = set(make_corpus.large())


@pytest.fixture(scope="module")
def story(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A story folder holding every attack under maps/ (a scene per attack), and a folder outside it."""
    base = tmp_path_factory.mktemp("hostile")
    outside = base / "outside"
    outside.mkdir()
    make_corpus.write(outside, {"tiles.png": make_corpus.png(32, 32)})
    (outside / "evil.tsx").write_text('<?xml version="1.0"?>\n<tileset name="evil" tilewidth="16" tileheight="16" '
                                      'tilecount="4" columns="2"><image source="tiles.png" width="32" height="32"/>'
                                      '</tileset>\n', encoding="utf-8")
    (outside / "evil.tx").write_text('<?xml version="1.0"?>\n<template><object name="evil" width="16" height="16">'
                                     '<properties><property name="goto" value="end"/></properties></object>'
                                     '</template>\n', encoding="utf-8")
    root = base / "story"
    maps = root / "maps"
    maps.mkdir(parents=True)
    for path in CORPUS.iterdir():
        if path.suffix in (".tmx", ".png"):
            data = path.read_bytes().replace(b"@OUTSIDE@", str(outside).encode())
            (maps / path.name).write_bytes(data)
    make_corpus.write(maps, make_corpus.large())
    os.symlink(outside / "evil.tsx", maps / "link.tsx")
    os.mkfifo(maps / "fifo.tsx")
    os.mkfifo(maps / "fifo.png")
    (maps / "folder.tsx").mkdir()
    (root / "scenes").mkdir()
    (root / "story.yaml").write_text("title: Hostile\nlanguages: [en]\nstart: end\nendings: {end: {title: End}}\n",
                                     encoding="utf-8")
    (root / "scenes" / "end.yaml").write_text("scene: end\nscript:\n  - narrator: The end.\n  - ending: end\n",
                                              encoding="utf-8")
    return root


def one_map_story(story: Path, attack: Attack, tmp_path: Path) -> Path:
    """A story whose start walks onto the attack's map (the other maps are left out)."""
    root = tmp_path / "story"
    def left_out(folder: str, names: list[str]) -> list[str]:
        if Path(folder).name != "maps":
            return []
        return [n for n in names if n in ("fifo.tsx", "fifo.png") or (n.endswith(".tmx") and n != f"{attack.name}.tmx")]

    shutil.copytree(story, root, symlinks=True, ignore=left_out)
    for fifo in ("fifo.tsx", "fifo.png"):  # copytree cannot copy FIFOs
        os.mkfifo(root / "maps" / fifo)
    (root / "story.yaml").write_text("title: Hostile\nlanguages: [en]\nstart: s\nendings: {end: {title: End}}\n",
                                     encoding="utf-8")
    (root / "scenes" / "s.yaml").write_text(dedent(f"""\
        scene: s
        script:
          - narrator: A map.
          - map: {attack.name}
            spawn: spawn
          - label: never
          - goto: end
        """), encoding="utf-8")
    return root


def marked_line(path: Path) -> int | None:
    try:
        text = path.read_text(encoding="utf-8", errors="replace")
    except OSError:
        return None
    for number, line in enumerate(text.splitlines(), 1):
        if MARK in line:
            return number
    return None


def test_every_attack_file_has_an_expectation() -> None:
    kept = {name[:-4] for name in make_corpus.kept() if name.endswith(".tmx")}
    large = {name[:-4] for name in LARGE}
    assert {a.name for a in ATTACKS} == kept | large
    assert {p.stem for p in CORPUS.glob("*.tmx")} == kept  # the kept files are make_corpus's output


@pytest.mark.parametrize("attack", ATTACKS, ids=[a.name for a in ATTACKS])
def test_the_reader(story: Path, attack: Attack) -> None:
    path = story / "maps" / f"{attack.name}.tmx"
    line = marked_line(path)
    if attack.verdict == "refused":
        with pytest.raises(MapFormatError) as caught:
            load_map(path, root=story)
        error = caught.value
        assert attack.fragment in error.message, str(error)
        assert "\n" not in str(error) and len(str(error)) < 400
        assert error.file.startswith("maps/"), str(error)
        if line is not None:
            assert (error.file, error.line) == (f"maps/{attack.name}.tmx", line), str(error)
        return
    tmap = load_map(path, root=story)
    if attack.verdict == "loads":
        assert tmap.problems == ()
        return
    [problem] = [p for p in tmap.problems if attack.fragment in p.message]
    if line is not None:
        assert (problem.file, problem.line) == (f"maps/{attack.name}.tmx", line), str(problem)


@pytest.mark.parametrize("attack", ATTACKS, ids=[a.name for a in ATTACKS])
def test_check(story: Path, attack: Attack, tmp_path: Path) -> None:
    from game.check.report import run_check

    root = one_map_story(story, attack, tmp_path)
    report = run_check(root)
    if attack.verdict == "loads":
        assert not [p for p in report.problems if p.file.startswith("maps/") and p.severity == "error"]
        return
    found = [p for p in report.problems if attack.fragment in p.message and p.severity == "error"]
    assert found, "\n".join(map(str, report.problems))
    line = marked_line(root / "maps" / f"{attack.name}.tmx")
    if line is not None:
        assert (found[0].file, found[0].line) == (f"maps/{attack.name}.tmx", line), str(found[0])


@pytest.mark.parametrize("attack", ATTACKS, ids=[a.name for a in ATTACKS])
def test_maps_tool(story: Path, attack: Attack, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code = main(["maps", str(story / "maps" / f"{attack.name}.tmx"), "--json", "--render", str(tmp_path / "out.png")])
    out, err = capsys.readouterr()
    assert "Traceback" not in err
    [summary] = json.loads(out)
    assert code == (1 if attack.verdict == "refused" else 0)
    assert summary["loaded"] == (attack.verdict != "refused")
    said = " ".join(summary["problems"]) + " " + summary.get("render_error", "")
    assert attack.fragment in said


@pytest.mark.parametrize("attack", [a for a in ATTACKS if a.verdict != "refused"], ids=lambda a: a.name)
def test_the_games_drawing(story: Path, attack: Attack) -> None:
    """What the map screen draws: a clean error or a picture within the cap, at the screen's zoom."""
    from game.world.draw import DrawError, draw_map
    from game.world.render import ensure_display

    ensure_display()
    tmap = load_map(story / "maps" / f"{attack.name}.tmx", root=story)
    for zoom in (1.0, 3.0):  # the map screen draws at 2 x the window's scale
        try:
            pictures = draw_map(tmap, tmap.load_images(), zoom=zoom, split=True)
        except (MapFormatError, DrawError) as exc:
            assert attack.verdict == "problem" or (zoom > 1 and "at zoom" in str(exc)), str(exc)
            assert "\n" not in str(exc)
        else:
            assert attack.verdict == "loads"
            assert pictures.below.get_size() == (tmap.pixel_size[0] * zoom, tmap.pixel_size[1] * zoom)


def test_the_whole_corpus_in_bounded_time_and_memory(story: Path) -> None:
    """Every attack, read and summarised in one process limited to 1.5 GB of address space and 120 s."""
    code = dedent(f"""\
        import resource, sys
        from pathlib import Path
        resource.setrlimit(resource.RLIMIT_AS, (1536 * 1024 * 1024, 1536 * 1024 * 1024))
        from game.world.summary import summarise
        root = Path({str(story)!r})
        for path in sorted((root / "maps").glob("*.tmx")):
            summary = summarise(path, root=root)
            print(path.name, summary["loaded"], flush=True)
        print("done")
    """)
    env = {**os.environ, "SDL_VIDEODRIVER": "dummy", "SDL_AUDIODRIVER": "dummy", "PYGAME_HIDE_SUPPORT_PROMPT": "1"}
    run = subprocess.run([sys.executable, "-c", code], cwd=ROOT, env=env, capture_output=True, text=True, timeout=120)
    assert run.returncode == 0, run.stderr[-2000:]
    assert run.stdout.strip().endswith("done") and "Traceback" not in run.stderr
