"""The one reader's two depths agree: the story's outline and the whole map give the same objects."""

from __future__ import annotations

from pathlib import Path

import pytest

from game.paths import shipped_story
from game.story.loader import read_story
from game.story.tiled import MapFormatError, read_map, read_outline

EXAMPLES = Path("/work/shared/tiled-examples")
MAPS = sorted(EXAMPLES.glob("**/*.tmx")) + sorted((shipped_story() / "maps").glob("*.tmx"))


@pytest.mark.skipif(not EXAMPLES.is_dir(), reason="the shared Tiled examples are not here")
@pytest.mark.parametrize("path", MAPS, ids=[p.name for p in MAPS])
def test_the_outline_has_the_whole_maps_objects_and_layers(path: Path) -> None:
    outline, whole = read_outline(path), read_map(path)
    assert outline.objects == whole.objects
    assert outline.layers == whole.layers
    assert (outline.width, outline.height, outline.origin) == (whole.width, whole.height, whole.origin)


def test_the_storys_hotspots_are_the_readers_objects() -> None:
    story = read_story(shipped_story()).story
    assert story is not None
    for info in story.maps.values():
        tmap = read_map(shipped_story() / info.file, root=shipped_story())
        for hotspot in info.hotspots:
            obj = tmap.object_named(hotspot.name)
            assert obj is not None and (obj.x, obj.y, obj.width, obj.height) == \
                (hotspot.x, hotspot.y, hotspot.width, hotspot.height)
            assert (obj.file, obj.line) == (hotspot.pos.file, hotspot.pos.line)


TSX_MAP = """<?xml version="1.0"?>
<map version="1.10" orientation="orthogonal" width="2" height="2" tilewidth="16" tileheight="16">
 <tileset firstgid="1" source="gone.tsx"/>
 <objectgroup id="1" name="objects">
  <object id="1" name="door" x="0" y="0" width="16" height="16"/>{tile}
 </objectgroup>
</map>
"""


def test_the_outline_reads_a_tileset_only_for_tile_objects(tmp_path: Path) -> None:
    path = tmp_path / "m.tmx"
    path.write_text(TSX_MAP.format(tile=""), encoding="utf-8")
    assert [o.name for o in read_outline(path, root=tmp_path).objects] == ["door"]
    with pytest.raises(MapFormatError, match=r"the tileset gone\.tsx: cannot read the file"):
        read_map(path, root=tmp_path)
    path.write_text(TSX_MAP.format(tile='\n  <object id="2" name="crate" gid="1" x="0" y="32"/>'), encoding="utf-8")
    with pytest.raises(MapFormatError, match=r"the tileset gone\.tsx: cannot read the file") as caught:
        read_outline(path, root=tmp_path)
    assert (caught.value.file, caught.value.line) == ("m.tmx", 3)
