"""The checker's look at the story's maps: do they load, and can every hotspot be reached on foot?

For every map that a ``map`` step names, with every spawn point used with it:

* the map must load with the game's adapter (``game.world.tiled``) and be one
  the game can walk (orthogonal, images present);
* the spawn object must exist (the loader checks the name too; this is the
  adapter's view, templates included);
* every hotspot must be usable on foot from that spawn point
  (``game.world.walk``): an error at the object's line naming it.

``analyse_maps`` also gives, per (map, spawn), the hotspots that can be reached,
which the explorer uses so that an unreachable hotspot leads nowhere.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from game.story import model as m
from game.story.problems import Problem

if TYPE_CHECKING:
    from game.world.tiled import MapObject, TiledMap

ReachableHotspots = dict[tuple[str, str], set[int]]  # (map name, spawn) -> indices into MapInfo.hotspots


@dataclass
class MapAnalysis:
    problems: list[Problem] = field(default_factory=list)
    reachable: ReachableHotspots = field(default_factory=dict)


def spawns_by_map(story: m.Story) -> dict[str, dict[str, m.Pos]]:
    """Every spawn point each map is entered at, with the first map step that uses it."""
    found: dict[str, dict[str, m.Pos]] = {}
    for scene in story.scenes:
        for op in scene.ops:
            if isinstance(op, m.MapStep):
                found.setdefault(op.map, {}).setdefault(op.spawn, op.pos)
    return found


def analyse_maps(story: m.Story) -> MapAnalysis:
    """Load every map of the story once; report its problems and which hotspots each spawn reaches."""
    result = MapAnalysis()
    if not story.maps:
        return result  # no need to import pytmx (and pygame) at all
    spawns = spawns_by_map(story)
    for name, info in story.maps.items():
        _analyse_map(story, info, spawns.get(name, {}), result)
    return result


def check_maps(story: m.Story, analysis: MapAnalysis | None = None) -> list[Problem]:
    """Maps that do not load, missing spawn points, hotspots that cannot be reached on foot."""
    return list((analysis or analyse_maps(story)).problems)


def _analyse_map(story: m.Story, info: m.MapInfo, spawns: dict[str, m.Pos], result: MapAnalysis) -> None:
    from game.world.tiled import MapFormatError, load_map
    from game.world.walk import hotspot_reachable, reachable_cells, spawn_cell

    problems = result.problems
    try:
        tmap = load_map(story.root / info.file, root=story.root)
    except MapFormatError as exc:
        problems.append(Problem("error", "map-load", m.Pos(_relative(story.root, exc.file), exc.line or 1, 1),
                                f"the map {info.file} does not load: {exc.message}"))
        return
    for issue in tmap.problems:
        problems.append(Problem("error", "map-problem", m.Pos(_relative(story.root, issue.file), issue.line or 1, 1),
                                f"the map {info.file}: {issue.message}"))
    if not tmap.supported:
        return
    for spawn, step_pos in spawns.items():
        spawn_obj = tmap.object_named(spawn)
        if spawn_obj is None:
            problems.append(Problem("error", "map-spawn", step_pos, f"no object named {spawn!r} in {info.file}"))
            continue
        start = spawn_cell(tmap, spawn_obj)
        cells = reachable_cells(tmap, start)
        spawn_pos = m.Pos(info.file, spawn_obj.line, 1)
        if not cells:
            problems.append(Problem("error", "map-spawn", spawn_pos, f"the spawn point {spawn!r} is outside "
                                    f"the map {info.file}"))
        elif tmap.collision[start[1]][start[0]]:
            problems.append(Problem("warning", "map-spawn", spawn_pos, f"the spawn point {spawn!r} in "
                                    f"{info.file} stands on a blocked tile"))
        reachable: set[int] = set()
        for index, hotspot in enumerate(info.hotspots):
            area = _area(tmap, hotspot)
            if hotspot_reachable(tmap, area, cells, hotspot.trigger):
                reachable.add(index)
                continue
            how = "stepped on" if hotspot.trigger == "touch" else "faced"
            problems.append(Problem("error", "hotspot-unreachable", hotspot.pos,
                                    f"the hotspot {hotspot.name!r} in {info.file} cannot be {how} on foot from the "
                                    f"spawn point {spawn!r}: blocked tiles are in the way"))
        result.reachable[(info.name, spawn)] = reachable


def _area(tmap: TiledMap, hotspot: m.Hotspot) -> MapObject | m.Hotspot:
    """The adapter's view of the hotspot's object (top-left corner, template and tile sizes applied)."""
    found = tmap.object_at_line(hotspot.pos.line)
    return found if found is not None else hotspot


def _relative(root: Path, file: str) -> str:
    """A file named by a map error, relative to the story folder when it is inside."""
    try:
        return Path(os.path.relpath(os.path.realpath(file), os.path.realpath(root))).as_posix()
    except ValueError:
        return file
