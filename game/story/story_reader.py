"""Reading one story folder into a ``Story``: story.yaml, every scene file, the maps, every name resolved.

``loader`` calls this when the compiled-story cache has nothing for the folder (and for tools
that read the text an editor holds). The steps: read story.yaml, read every scene file, collect
labels, compile each scene (``compiler``), read the maps that map steps name, then resolve every
goto / call / start name; every problem goes to the reporter.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from dataclasses import dataclass, replace
from functools import partial
from pathlib import Path
from typing import Any

from . import model as m
from .assets import AssetIndex
from .compiler import SceneCompiler, StoryContext, collect_labels
from .expr import VarInfo
from .fields import TextReader, check_keys, did_you_mean, read_ident, require_list, require_map
from .manifest import Manifest, read_manifest
from .problems import Pos, Reporter, quote
from .second_core import Helper
from .storyfiles import MANIFEST_FILE, SCENES_FOLDER, scene_entries, scenes_folder_inside
from .yamlnodes import YMap
from .yamlsrc import read_yaml

SCENE_KEYS = frozenset({"scene", "title", "script"})
# How story.yaml and scene files are read: (path, file relative to the story, reporter, whether the file was
# found by listing the folder rather than through a link) -> data, or None after reporting why not.  The
# default reads the disk, confined to the story folder; an editor passes the text it holds.
YamlReader = Callable[[str, str, Reporter, bool], Any]


def _title_of(scene_id: str) -> str:
    return f"the title of scene {quote(scene_id)}"


@dataclass
class SceneSource:
    id: str
    file: str
    data: YMap
    script: Any
    title: m.Text | None  # None when absent or unreadable (the scene is then titled by its id)


class StoryReader:
    """One load of one story folder."""

    def __init__(self, root: Path, rep: Reporter, read: YamlReader | None = None,
                 helper: Helper | None = None) -> None:
        self.root = root
        self.rep = rep
        self.read: YamlReader = read or self.read_disk
        self.helper = helper  # parsing scene files on a second core (``second_core``), for a large story
        self.assets = AssetIndex(root)

    def read_disk(self, path: str, file: str, rep: Reporter, listed: bool) -> Any:
        """A story file from the disk, confined to the story folder (see ``yamlsrc.read_story_file``)."""
        return read_yaml(path, file, rep, self.root, listed=listed)

    def rel(self, path: Path) -> str:
        return path.relative_to(self.root).as_posix()

    def load(self) -> m.Story | None:
        data = self.read(str(self.root / MANIFEST_FILE), MANIFEST_FILE, self.rep, False)
        manifest = read_manifest(data, MANIFEST_FILE, self.assets, self.rep) if data is not None else None
        sources = self.read_scenes(manifest)
        if manifest is None:
            return None
        ctx = self.context(manifest, sources)
        compiled: dict[str, SceneCompiler] = {}
        for source in sources:
            compiler = SceneCompiler(ctx, source.id, source.file)
            if source.script is not None:
                compiler.compile(source.script)
            compiled[source.id] = compiler
        maps: dict[str, m.MapInfo] = {}
        if ctx.map_steps:  # (a story without maps needs none of the map reading: its cold load is faster)
            from .map_reader import MapReader
            maps = MapReader(self, ctx, compiled).read_maps()
        scenes, scene_index = self.resolve(ctx, sources, compiled)
        maps = {name: self.remask_hotspots(ctx, info) for name, info in maps.items()}
        start = self.resolve_start(manifest, ctx, compiled)
        if self.rep.has_errors or start is None:
            return None
        variables = tuple(manifest.variables.values())
        return m.Story(
            root=self.root, title=manifest.title, languages=manifest.languages, start=start,
            characters=m.frozen_map(manifest.characters), variables=variables,
            endings=m.frozen_map(manifest.endings), scenes=scenes, scene_index=m.frozen_map(scene_index),
            tracked=tuple(ctx.tracked), maps=m.frozen_map(maps), phone=manifest.phone,
            music=m.frozen_map(manifest.music), captions=m.frozen_map(manifest.captions))

    # --- scenes ---

    def read_scenes(self, manifest: Manifest | None) -> list[SceneSource]:
        texts = TextReader(manifest.languages if manifest else ("en",))
        sources: list[SceneSource] = []
        seen: dict[str, Pos] = {}
        if not scenes_folder_inside(self.root):
            self.rep.error("unreadable", Pos(SCENES_FOLDER, 1, 1), "the scenes folder is a link to outside the story folder")
            return []
        files = self.helper.entries if self.helper else scene_entries(self.root)
        if not files:
            self.rep.error("missing", Pos(MANIFEST_FILE, 1, 1), "the story has no scene files under scenes/")
        for (file, _is_link), data in zip(files, self.read_files(files)):
            if data is None:
                continue
            top = require_map(data, Pos(file, 1, 1), "a scene file", self.rep)
            if top is None:
                continue
            check_keys(top, SCENE_KEYS, "a scene file", self.rep)
            if "scene" not in top:
                self.rep.error("missing", top.pos, "a scene file needs `scene:`, the scene's unique id")
                continue
            scene_id = read_ident(top["scene"], top.at("scene"), "a scene id", self.rep)
            if scene_id is None:
                continue
            if scene_id in seen:
                first = seen[scene_id]
                self.rep.error("duplicate-scene", top.at("scene"), f"the scene id {quote(scene_id)} is already used "
                               f"by {first.file}:{first.line}")
                continue
            seen[scene_id] = top.at("scene")
            title = None
            if "title" in top and manifest is not None:  # without story.yaml, languages are unknown
                # (where and what are worked out only if there is something to report)
                title = texts.read(top["title"], partial(top.at, "title"), partial(_title_of, scene_id), self.rep)
            script = top.get("script")
            if "script" not in top:
                self.rep.error("missing", top.pos, f"the scene {quote(scene_id)} needs `script:`, its list of steps")
            elif require_list(script, top.at("script"), "`script`", self.rep) is None:
                script = None
            elif not script:
                self.rep.error("fall-off", top.at("script"), f"the script of {quote(scene_id)} is empty")
                script = None
            sources.append(SceneSource(scene_id, file, top, script, title))
        return sources

    def read_files(self, files: list[tuple[str, bool]]) -> list[Any]:
        """Each scene file's data (None where it could not be read: reported); part of them from the helper."""
        root = str(self.root)

        def read_one(index: int) -> Any:
            file, is_link = files[index]
            return self.read(os.path.join(root, file), file, self.rep, not is_link)

        if self.helper is not None:
            return self.helper.read(read_one)
        return [read_one(i) for i in range(len(files))]

    def context(self, manifest: Manifest, sources: list[SceneSource]) -> StoryContext:
        scene_labels = {s.id: collect_labels(s.script, s.id, self.rep) for s in sources}
        var_info = {}
        for index, var in enumerate(manifest.variables.values()):
            var_info[var.name] = VarInfo(var.name, var.type, index, var.min, var.max, var.values)
        return StoryContext(self.rep, TextReader(manifest.languages), manifest.characters, manifest.variables,
                            var_info, manifest.endings, self.assets, scene_labels)

    # --- names ---

    def lookup(self, ctx: StoryContext, compiled: dict[str, SceneCompiler], name: str,
               from_scene: str | None) -> tuple[str, str | None] | str:
        """(scene, label) that ``name`` refers to, or the text of an error."""
        scene_id, label = m.split_target(name, from_scene, compiled.__contains__)
        if "." not in name and label is not None:  # a bare name that is no scene: a label of this scene
            if label not in compiled[scene_id].labels:
                return (f"no scene or label {quote(name)}"
                        f"{did_you_mean(name, [*compiled, *compiled[scene_id].labels])}")
            return scene_id, label
        if scene_id not in compiled:
            return f"no scene {quote(scene_id)}{did_you_mean(scene_id, compiled)}"
        if label is not None and label not in compiled[scene_id].labels:
            return f"scene {quote(scene_id)} has no label {quote(label)}{did_you_mean(label, compiled[scene_id].labels)}"
        return scene_id, label

    def target(self, ctx: StoryContext, compiled: dict[str, SceneCompiler], order: dict[str, int],
               scene_id: str, label: str | None) -> m.Target:
        pc = compiled[scene_id].labels[label] if label else 0
        mask = 1 << ctx.tracked.index(scene_id) if scene_id in ctx.tracked else 0
        return m.Target(order[scene_id], pc, mask, f"{scene_id}.{label}" if label else scene_id)

    def resolve(self, ctx: StoryContext, sources: list[SceneSource],
                compiled: dict[str, SceneCompiler]) -> tuple[tuple[m.Scene, ...], dict[str, int]]:
        order = {source.id: i for i, source in enumerate(sources)}
        for pending in ctx.pending:
            found = self.lookup(ctx, compiled, pending.name, pending.scene or None)
            if isinstance(found, str):
                self.rep.error("target", pending.pos, f"goto / call target {quote(pending.name)}: {found}")
            else:
                pending.patch(self.target(ctx, compiled, order, *found))
        primary = ctx.texts.primary
        scenes = []
        for source in sources:
            compiler = compiled[source.id]
            ops = self.label_masks(ctx, source.id, compiler)
            scenes.append(m.Scene(source.id, source.title or m.Text(((primary, source.id),)), source.file,
                                  tuple(ops), m.frozen_map(compiler.labels), source.data.pos))
        return tuple(scenes), order

    @staticmethod
    def label_masks(ctx: StoryContext, scene_id: str, compiler: SceneCompiler) -> list[m.Op]:
        """The scene's ops (the compiler's, changed in place), with the visited-bit of each label a condition reads."""
        ops = compiler.ops
        for name, pc in compiler.labels.items():
            key = f"{scene_id}.{name}"
            label = ops[pc]
            if key in ctx.tracked and isinstance(label, m.LabelStep):  # (always a LabelStep: labels point at them)
                ops[pc] = replace(label, mask=1 << ctx.tracked.index(key))
        return ops

    def resolve_start(self, manifest: Manifest, ctx: StoryContext,
                      compiled: dict[str, SceneCompiler]) -> m.Target | None:
        if not manifest.start or not compiled:
            return None
        found = self.lookup(ctx, compiled, manifest.start, None)
        if isinstance(found, str):
            self.rep.error("target", manifest.start_pos, f"`start`: {found}")
            return None
        order = {scene_id: i for i, scene_id in enumerate(compiled)}
        return self.target(ctx, compiled, order, *found)

    @staticmethod
    def remask_hotspots(ctx: StoryContext, info: m.MapInfo) -> m.MapInfo:
        """Hotspot targets were made while conditions were still being compiled: redo their masks."""
        def remask(target: m.Target) -> m.Target:
            scene_id = target.name.partition(".")[0]
            mask = 1 << ctx.tracked.index(scene_id) if scene_id in ctx.tracked else 0
            return target._replace(mask=mask)
        return replace(info, hotspots=tuple(replace(h, target=remask(h.target)) for h in info.hotspots))
