"""Reading the maps a story's map steps name: each Tiled map's hotspots, resolved against the scenes.

Part of one load (``story_reader.StoryReader``), imported only when a story has
map steps: a story without maps loads without the map readers.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from . import model as m
from .assets import AssetError
from .compiler import SceneCompiler, StoryContext
from .fields import did_you_mean
from .maps import hotspot_label, text_property
from .problems import Pos, quote
from .tiled import MapFormatError, MapObject, read_outline

if TYPE_CHECKING:
    from .story_reader import StoryReader

HOTSPOT_ACTIONS = ("goto", "call")
TRIGGERS = ("interact", "touch")


class MapReader:
    """The maps of one load: reports go to the load's reporter, names resolve as the load resolves them."""

    def __init__(self, story: StoryReader, ctx: StoryContext, compiled: dict[str, SceneCompiler]) -> None:
        self.story = story
        self.rep = story.rep
        self.ctx = ctx
        self.compiled = compiled

    def read_maps(self) -> dict[str, m.MapInfo]:
        """The maps the story's map steps name, each read once, and each spawn point checked."""
        ctx, compiled = self.ctx, self.compiled
        maps: dict[str, m.MapInfo] = {}
        order = {scene_id: i for i, scene_id in enumerate(compiled)}
        for name, spawn, map_pos, spawn_pos in ctx.map_steps:
            if name not in maps:
                info = self.read_map(order, name, map_pos)
                if info is None:
                    continue
                maps[name] = info
            info = maps[name]
            if spawn not in info.objects:
                self.rep.error("map", spawn_pos, f"no object named {quote(spawn)} in {info.file}"
                               f"{did_you_mean(spawn, info.objects)}")
        return maps

    def read_map(self, order: dict[str, int], name: str, pos: Pos) -> m.MapInfo | None:
        ctx, compiled, story = self.ctx, self.compiled, self.story
        try:
            path = story.assets.find("map", name)
        except AssetError:
            return None  # already reported by the map step
        file = story.rel(path)
        try:
            outline = read_outline(path, story.root)
        except MapFormatError as exc:
            self.rep.error("map", exc.pos, exc.message)
            return None
        hotspots = []
        languages = ctx.texts.languages
        for obj in outline.objects:
            actions = [a for a in HOTSPOT_ACTIONS if a in obj.properties]
            if not actions:
                continue
            spot = obj.name or f"object@{obj.line}"
            if len(actions) > 1:
                self.rep.error("hotspot", obj.pos, f"the object {quote(obj.name)} has both goto and call; a hotspot does one")
                continue
            action = actions[0]
            wanted = {key: text_property(obj, key, spot, lambda pos, text: self.rep.error("hotspot", pos, text))
                      for key in (action, "if", "trigger")}
            if wanted[action] is None or any(key in obj.properties and wanted[key] is None for key in wanted):
                continue
            found = story.lookup(ctx, compiled, wanted[action] or "", None)
            if isinstance(found, str):
                self.rep.error("hotspot", obj.property_pos[action], f"the {action} of {quote(obj.name)}: {found}")
                continue
            cond = None
            if wanted["if"] is not None:
                cond = ctx.condition(wanted["if"], obj.property_pos["if"], None)
                if cond is None:
                    continue
            trigger = wanted["trigger"] or "interact"
            if trigger not in TRIGGERS:
                self.rep.error("hotspot", obj.property_pos["trigger"], f"`trigger` of {quote(obj.name)} must be "
                               f"interact or touch, not {quote(trigger)}")
                continue
            label = self.read_label(obj, spot, languages)
            target = story.target(ctx, compiled, order, *found)
            hotspots.append(m.Hotspot(spot, action, target, cond, trigger, obj.x, obj.y, obj.width, obj.height,
                                      obj.pos, label))
        named: dict[str, tuple[float, float]] = {}
        for obj in outline.objects:
            if obj.name:
                named.setdefault(obj.name, (obj.x, obj.y))
        return m.MapInfo(name, file, m.frozen_map(named), tuple(hotspots))

    def read_label(self, obj: MapObject, spot: str, languages: tuple[str, ...]) -> m.Text:
        """A hotspot's display name in every language; what is missing is a warning, like a translation."""
        reading = hotspot_label(obj, spot, languages)
        for pos, message in reading.errors:
            self.rep.error("language", pos, message)
        if len(languages) < 2 or not reading.missing:
            return reading.label  # as with a line of text, a story in one language has nothing to translate
        if len(reading.missing) == len(languages):
            keys = ", ".join(f"label.{lang}" for lang in languages)
            self.rep.warning("translation", obj.pos, f"the hotspot {spot!r} has no label ({keys}): the map prompt "
                             f"shows {reading.label.get(languages[0])!r} in every language")
        else:
            self.rep.warning("translation", obj.pos, f"missing translation ({', '.join(reading.missing)}) of the "
                             f"label of the hotspot {spot!r}: add " + ", ".join(f"label.{lang}" for lang in reading.missing))
        return reading.label
