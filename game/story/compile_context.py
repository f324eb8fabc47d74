"""What every scene compiler of one load shares: declarations, assets, problems, and what is used where.

``StoryContext`` compiles conditions and effects (checking names, types and
ranges), finds assets, hands out visited-bits, and collects the goto / call
names to resolve once every scene is compiled.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from . import model as m
from .assets import AssetError, AssetIndex
from .expr import Condition, ExprError, Scope, VarInfo, compile_condition
from .fields import TextReader, did_you_mean, kind_of, require_map
from .problems import QUOTE_LENGTH, Pos, Reporter, clip, quote


@dataclass
class PendingTarget:
    """A goto / call name to resolve once all scenes are known."""

    scene: str  # the scene whose labels a bare name may refer to (None-like "" for maps)
    name: str
    pos: Pos
    patch: Callable[[m.Target], None]


@dataclass
class StoryContext:
    """What every scene compiler of one load shares: declarations, assets, problem list, usage."""

    rep: Reporter
    texts: TextReader
    characters: dict[str, m.Character]
    variables: dict[str, m.Variable]
    var_info: dict[str, VarInfo]
    endings: dict[str, m.EndingInfo]
    assets: AssetIndex
    scene_labels: dict[str, dict[str, Pos]]
    tracked: list[str] = field(default_factory=list)
    pending: list[PendingTarget] = field(default_factory=list)
    conditions: list[tuple[Condition, Pos]] = field(default_factory=list)
    writes: dict[str, Pos] = field(default_factory=dict)
    map_steps: list[tuple[str, str, Pos, Pos]] = field(default_factory=list)  # map, spawn, positions
    speakers: dict[str, tuple[str, str]] = field(default_factory=dict)  # line key -> checked (speaker, look)
    _conditions_cache: dict[tuple[str, str], Condition] = field(default_factory=dict)

    def scope(self, scene: str | None) -> Scope:
        return Scope(self.var_info, lambda key: self.visit_bit(key, scene))

    def visit_bit(self, key: str, scene: str | None) -> int:
        """The visited-mask bit for ``key`` (scene or scene.label), assigned on first use."""
        scene_id, _, label = key.partition(".")
        if not label and scene is not None and scene_id not in self.scene_labels \
                and key in self.scene_labels.get(scene, {}):
            scene_id, label = scene, key
        if scene_id not in self.scene_labels:
            raise ExprError(f"visited({quote(key)}) names no scene{did_you_mean(scene_id, self.scene_labels)}")
        if label and label not in self.scene_labels[scene_id]:
            raise ExprError(f"visited({quote(key)}): scene {quote(scene_id)} has no label {quote(label)}"
                            f"{did_you_mean(label, self.scene_labels[scene_id])}")
        canonical = f"{scene_id}.{label}" if label else scene_id
        if canonical not in self.tracked:
            self.tracked.append(canonical)
        return self.tracked.index(canonical)

    def condition(self, source: Any, pos: Pos, scene: str | None) -> Condition | None:
        """Compile ``source``, reporting a parse or type error at ``pos``."""
        if not isinstance(source, str):
            if isinstance(source, bool):
                source = "true" if source else "false"
            else:
                self.rep.error("expression", pos, f"a condition must be text like `trust >= 2`, "
                               f"not {kind_of(source)}")
                return None
        # Only visited('label') depends on the scene it is written in.
        key = (scene or "" if "visited" in source else "", source)
        cached = self._conditions_cache.get(key)
        if cached is not None:
            self.conditions.append((cached, pos))
            return cached
        try:
            cond = compile_condition(source, self.scope(scene))
        except ExprError as exc:
            self.rep.error("expression", pos, f"in condition `{clip(source, 2 * QUOTE_LENGTH)}`: {exc.message} "
                           f"(at character {exc.offset + 1})")
            return None
        self._conditions_cache[key] = cond
        self.conditions.append((cond, pos))
        return cond

    def effects(self, value: Any, pos: Pos, adding: bool) -> tuple[m.Effect, ...]:
        """Read a `set` or `add` mapping into effects, checking types and ranges."""
        what = "add" if adding else "set"
        mapping = require_map(value, pos, f"`{what}`", self.rep)
        if mapping is None:
            return ()
        result = []
        for name, literal in mapping.items():
            var = self.variables.get(name)
            vpos = mapping.at(name)
            if var is None:
                self.rep.error("variable", mapping.key_at(name),
                               f"unknown variable {quote(name)}{did_you_mean(name, self.variables)}")
                continue
            self.writes.setdefault(name, mapping.key_at(name))
            index = list(self.variables).index(name)
            effect = self._effect(var, index, literal, vpos, adding)
            if effect is not None:
                result.append(effect)
        return tuple(result)

    def _effect(self, var: m.Variable, index: int, literal: Any, pos: Pos, adding: bool) -> m.Effect | None:
        if adding:
            if var.type != "int":
                self.rep.error("type", pos, f"`add` works on whole-number variables; {var.name!r} is {var.type}")
            elif not isinstance(literal, int) or isinstance(literal, bool):
                self.rep.error("type", pos, f"`add` needs a whole number for {var.name!r}, not {kind_of(literal)}")
            else:
                return m.Effect(index, True, literal, var.min, var.max)
            return None
        if var.type == "int":
            if not isinstance(literal, int) or isinstance(literal, bool):
                self.rep.error("type", pos, f"{var.name!r} is a whole number; cannot set it to {quote(literal)}")
            elif not var.min <= literal <= var.max:
                self.rep.error("range", pos, f"{literal} is outside the range of {var.name!r} "
                               f"({var.min}..{var.max})")
            else:
                return m.Effect(index, False, literal, var.min, var.max)
        elif var.type == "bool":
            if not isinstance(literal, bool):
                self.rep.error("type", pos, f"{var.name!r} is true/false; cannot set it to {quote(literal)}")
            else:
                return m.Effect(index, False, literal, 0, 0)
        elif literal not in var.values:
            self.rep.error("enum", pos, f"{quote(literal)} is not a value of {var.name!r} "
                           f"({', '.join(var.values)}){did_you_mean(str(literal), var.values)}")
        else:
            return m.Effect(index, False, literal, 0, 0)
        return None

    def asset(self, kind: str, name: Any, pos: Pos) -> bool:
        try:
            self.assets.find(kind, name)
        except AssetError as exc:
            self.rep.error("asset", pos, str(exc))
            return False
        return True
