"""The checker's look at the story's maps: do they load, and can every hotspot be reached on foot?

For every map that a ``map`` step names, with every spawn point used with it:

* the map must load whole with the one reader (``game.story.tiled.read_map``:
  tile data, pictures checked from their headers) and be one the game can walk
  and draw (orthogonal, pictures usable, not too large to draw);
* the spawn object must exist;
* every hotspot must be usable on foot from that spawn point
  (``game.story.tiled.reach``): an error at the object's line naming it.

Hotspots come from the same reader as the map (the story loader reads its
outline), so their rectangles are the map's own.  The work is linear: one walk
over the map per spawn point, then a constant-time question per hotspot.

``analyse_maps`` also gives, per (map, spawn), the hotspots that can be reached,
which the explorer uses so that an unreachable hotspot leads nowhere.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from game.story import model as m
from game.story.problems import Pos, Problem
from game.story.tiled import MapFormatError, TiledMap, read_map
from game.story.tiled.reach import Reach, reachable_rows, spawn_cell

ReachableHotspots = dict[tuple[str, str], set[int]]  # (map name, spawn) -> indices into MapInfo.hotspots


@dataclass
class MapAnalysis:
    problems: list[Problem] = field(default_factory=list)
    reachable: ReachableHotspots = field(default_factory=dict)


def spawns_by_map(story: m.Story) -> dict[str, dict[str, Pos]]:
    """Every spawn point each map is entered at, with the first map step that uses it."""
    found: dict[str, dict[str, Pos]] = {}
    for scene in story.scenes:
        for op in scene.ops:
            if isinstance(op, m.MapStep):
                found.setdefault(op.map, {}).setdefault(op.spawn, op.pos)
    return found


def analyse_maps(story: m.Story) -> MapAnalysis:
    """Read every map of the story once; report its problems and which hotspots each spawn reaches."""
    result = MapAnalysis()
    if not story.maps:
        return result
    spawns = spawns_by_map(story)
    for name, info in story.maps.items():
        _analyse_map(story, info, spawns.get(name, {}), result)
    return result


def check_maps(story: m.Story, analysis: MapAnalysis | None = None) -> list[Problem]:
    """Maps that do not load, missing spawn points, hotspots that cannot be reached on foot."""
    return list((analysis or analyse_maps(story)).problems)


def _analyse_map(story: m.Story, info: m.MapInfo, spawns: dict[str, Pos], result: MapAnalysis) -> None:
    problems = result.problems
    try:
        tmap = read_map(story.root / info.file, root=story.root)
    except MapFormatError as exc:
        problems.append(Problem("error", "map-load", exc.pos, f"the map {info.file} does not load: {exc.message}"))
        return
    for issue in tmap.problems:
        problems.append(Problem("error", "map-problem", issue.pos, f"the map {info.file}: {issue.message}"))
    if not tmap.supported:
        return
    for spawn, step_pos in spawns.items():
        _analyse_spawn(tmap, info, spawn, step_pos, result)


def _analyse_spawn(tmap: TiledMap, info: m.MapInfo, spawn: str, step_pos: Pos, result: MapAnalysis) -> None:
    problems = result.problems
    spawn_obj = tmap.object_named(spawn)
    if spawn_obj is None:
        problems.append(Problem("error", "map-spawn", step_pos, f"no object named {spawn!r} in {info.file}"))
        return
    start = spawn_cell(tmap, spawn_obj)
    rows = reachable_rows(tmap, start)
    spawn_pos = Pos(info.file, spawn_obj.line, 1)
    if not any(1 in row for row in rows):
        problems.append(Problem("error", "map-spawn", spawn_pos, f"the spawn point {spawn!r} is outside "
                                f"the map {info.file}"))
    elif tmap.collision[start[1]][start[0]]:
        problems.append(Problem("warning", "map-spawn", spawn_pos, f"the spawn point {spawn!r} in "
                                f"{info.file} stands on a blocked tile"))
    reach = Reach(tmap.width, tmap.height, rows)
    reachable: set[int] = set()
    for index, hotspot in enumerate(info.hotspots):
        if reach.usable(tmap.covered_span(hotspot.x, hotspot.y, hotspot.width, hotspot.height), hotspot.trigger):
            reachable.add(index)
            continue
        how = "stepped on" if hotspot.trigger == "touch" else "faced"
        problems.append(Problem("error", "hotspot-unreachable", hotspot.pos,
                                f"the hotspot {hotspot.name!r} in {info.file} cannot be {how} on foot from the "
                                f"spawn point {spawn!r}: blocked tiles are in the way"))
    result.reachable[(info.name, spawn)] = reachable
