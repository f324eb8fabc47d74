"""``starlight maps``: every Tiled example map gives an exit code and JSON, never a traceback; --render."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from game.cli import main
from game.story.files import image_size as header_size

EXAMPLES = Path("/work/shared/tiled-examples")
EXAMPLE_MAPS = sorted(EXAMPLES.glob("**/*.tmx"))
UNSUPPORTED = {"iso.tmx": "isometric", "embed_tile_image.tmx": "isometric", "isometric_grass_and_water.tmx": "isometric",
               "isometric_staggered_grass_and_water.tmx": "staggered", "hexagonal-mini.tmx": "hexagonal",
               "test_hexagonal_tile_60x60x30.tmx": "hexagonal"}
ROOT = Path(__file__).resolve().parent.parent
KEYS = {"file", "ok", "loaded", "orientation", "width", "height", "layers", "objects", "problems"}

TINY_MAP = """\
<?xml version="1.0" encoding="UTF-8"?>
<map version="1.10" orientation="orthogonal" width="3" height="2" tilewidth="16" tileheight="8">
 <tileset firstgid="1" name="tiles" tilewidth="16" tileheight="8" tilecount="2" columns="1">
  <image source="tiles.png"/>
 </tileset>
 <layer id="1" name="ground" width="3" height="2">
  <data encoding="csv">1,2,1,
2,1,2</data>
 </layer>
 <objectgroup id="2" name="objects">
  <object id="1" name="door" x="0" y="0" width="16" height="8">
   <properties><property name="goto" value="street"/></properties>
  </object>
 </objectgroup>
</map>
"""


def run_maps(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(["maps", *args])
    out, err = capsys.readouterr()
    return code, out, err


def tiny_map(folder: Path) -> Path:
    import pygame

    folder.mkdir(parents=True, exist_ok=True)
    tiles = pygame.Surface((16, 16))
    tiles.fill((200, 180, 40), pygame.Rect(0, 0, 16, 8))
    tiles.fill((40, 90, 200), pygame.Rect(0, 8, 16, 8))
    pygame.image.save(tiles, str(folder / "tiles.png"))
    (folder / "tiny.tmx").write_text(TINY_MAP, encoding="utf-8")
    return folder / "tiny.tmx"


@pytest.mark.skipif(not EXAMPLE_MAPS, reason="the shared Tiled examples are not here")
@pytest.mark.parametrize("path", EXAMPLE_MAPS, ids=[str(p.relative_to(EXAMPLES)) for p in EXAMPLE_MAPS])
def test_every_example_map_gives_json_and_an_exit_code(path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run_maps(capsys, str(path), "--json")
    assert "Traceback" not in err
    [summary] = json.loads(out)
    assert set(summary) >= KEYS
    assert summary["file"] == str(path)
    assert code == 0 and summary["loaded"], summary["problems"]
    orientation = UNSUPPORTED.get(path.name)
    if orientation is None:
        assert summary["ok"] and summary["problems"] == [] and summary["orientation"] == "orthogonal"
    else:
        assert not summary["ok"] and summary["orientation"] == orientation
        assert [p.split(": ", 1)[1] for p in summary["problems"]] == [f"not supported by the game: {orientation}"]


@pytest.mark.skipif(not EXAMPLE_MAPS, reason="the shared Tiled examples are not here")
def test_all_examples_at_once_in_a_fresh_process(tmp_path: Path) -> None:
    env = {**os.environ, "SDL_VIDEODRIVER": "dummy", "PYGAME_HIDE_SUPPORT_PROMPT": "1"}
    run = subprocess.run([sys.executable, "-m", "game.cli", "maps", *map(str, EXAMPLE_MAPS),
                          "--render", str(tmp_path / "all.png")], cwd=ROOT, env=env, capture_output=True, text=True,
                         timeout=300)
    assert run.returncode == 0, run.stderr
    assert "Traceback" not in run.stderr
    assert f"{len(EXAMPLE_MAPS)} of {len(EXAMPLE_MAPS)} map(s) loaded" in run.stdout
    drawn = sorted(tmp_path.glob("all-*.png"))
    assert len(drawn) == len(EXAMPLE_MAPS) - len(UNSUPPORTED)
    assert {p.name for p in drawn} >= {"all-sewers.png", "all-sewers-2.png", "all-sewers-3.png"}  # clashing names
    for orientation in UNSUPPORTED.values():
        assert f"not supported by the game: {orientation}" in run.stdout


def test_render_writes_a_png_of_the_map_size(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tiny_map(tmp_path / "map")
    out_png = tmp_path / "out" / "tiny.png"
    code, out, _ = run_maps(capsys, str(path), "--render", str(out_png))
    assert code == 0
    assert header_size(out_png.read_bytes()) == (3 * 16, 2 * 8)
    assert "drawn:" in out and "hotspots: 1: door (goto street, interact" in out
    import pygame

    picture = pygame.image.load(str(out_png))
    assert tuple(picture.get_at((8, 12)))[:3] == (40, 90, 200)  # tile 2 at (0, 1): the second tile of the image


@pytest.mark.skipif(not (EXAMPLES / "tiled" / "examples" / "rpg" / "island.tmx").is_file(), reason="no examples")
def test_render_of_an_example_has_the_map_size(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run_maps(capsys, str(EXAMPLES / "tiled" / "examples" / "rpg" / "island.tmx"), "--json",
                            "--render", str(tmp_path / "island.png"))
    [summary] = json.loads(out)
    assert code == 0 and summary["render"] == {"file": str(tmp_path / "island.png"), "width": 928, "height": 752}
    assert header_size((tmp_path / "island.png").read_bytes()) == (58 * 16, 47 * 16)


def test_a_map_that_does_not_load_exits_1(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    good = tiny_map(tmp_path)
    bad = tmp_path / "bad.tmx"
    bad.write_text(TINY_MAP.replace("1,2,1,", "1,2,"), encoding="utf-8")
    code, out, err = run_maps(capsys, str(good), str(bad), "--json")
    assert code == 1 and "Traceback" not in err
    summaries = json.loads(out)
    assert [s["loaded"] for s in summaries] == [True, False]
    assert summaries[1]["problems"] == [f"{bad}:7: the layer 'ground': 5 tiles where 6 were expected"]
    code, out, _ = run_maps(capsys, str(bad))
    assert code == 1 and f"{bad}: FAILED" in out and "5 tiles where 6 were expected" in out


@pytest.mark.parametrize("args, message", [
    (["nowhere.tmx"], "no such map file"),
    (["@tiny", "--render", "out.jpg"], "--render takes a .png file"),
])
def test_bad_arguments_exit_2(tmp_path: Path, capsys: pytest.CaptureFixture[str], args: list[str], message: str) -> None:
    path = tiny_map(tmp_path)
    code, _, err = run_maps(capsys, *[str(path) if a == "@tiny" else a for a in args])
    assert code == 2 and message in err


def test_no_file_is_a_usage_error() -> None:
    with pytest.raises(SystemExit) as caught:
        main(["maps"])
    assert caught.value.code == 2
