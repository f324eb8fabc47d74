"""Compiles one scene's script (nested YAML steps) into a flat list of ops.

Blocks become straight-line code with jumps: an ``if`` is a Branch to its
``else`` part, a choice is a Choice op whose options point at their ``then``
blocks, each block ending in a Goto or in a Jump back below the choice.  Names
of other scenes and labels are left pending here and resolved by the loader
once every scene is compiled.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from . import model as m
from .assets import AssetError, AssetIndex
from .expr import Condition, ExprError, Scope, VarInfo, compile_condition
from .fields import IDENT, TextReader, check_keys, did_you_mean, kind_of, read_ident, read_number, require_list, require_map
from .problems import QUOTE_LENGTH, Pos, Reporter, clip, quote
from .yamlsrc import YList, YMap

# The first key found decides what a step is; the set lists every key that step may hold.
STEP_KEYS: dict[str, frozenset[str]] = {
    "choice": frozenset({"choice"}),
    "if": frozenset({"if", "then", "else"}),
    "bg": frozenset({"bg", "transition", "time"}),
    "show": frozenset({"show", "look", "at"}),
    "hide": frozenset({"hide"}),
    "music": frozenset({"music", "time"}),
    "sfx": frozenset({"sfx"}),
    "wait": frozenset({"wait"}),
    "set": frozenset({"set"}),
    "add": frozenset({"add"}),
    "label": frozenset({"label"}),
    "goto": frozenset({"goto"}),
    "call": frozenset({"call"}),
    "return": frozenset({"return"}),
    "ending": frozenset({"ending"}),
    "map": frozenset({"map", "spawn"}),
}
RESERVED = frozenset(STEP_KEYS)
# Pos(...) and StepId(...) run a Python-level __new__; the per-step hot paths build the tuples directly.
_new_tuple = tuple.__new__
COMPANION_KEYS = frozenset().union(*STEP_KEYS.values()) - RESERVED
OPTION_KEYS = frozenset({"text", "if", "set", "add", "then", "goto"})
TIMED_CHOICE_KEYS = frozenset({"timeout", "default", "options"})
DEFAULT_TIMES = {"cut": 0.0, "fade": 1.0, "dissolve": 0.6}


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


class SceneCompiler:
    """Compiles one scene; ``ops`` and ``labels`` are complete after ``compile``."""

    def __init__(self, ctx: StoryContext, scene_id: str, file: str) -> None:
        self.ctx = ctx
        self.rep = ctx.rep
        self.scene = scene_id
        self.file = file
        self.ops: list[m.Op] = []
        self.labels: dict[str, int] = {}
        self._label: str | None = None
        self._offset = 0

    # --- bookkeeping ---

    def _sid(self, content: str) -> m.StepId:
        digest = hashlib.blake2b(content.encode("utf-8", "surrogatepass"), digest_size=5).hexdigest()
        sid = _new_tuple(m.StepId, (self.scene, self._label, self._offset, digest))
        self._offset += 1
        return sid

    def _emit(self, op: m.Op) -> int:
        self.ops.append(op)
        return len(self.ops) - 1

    def _pending(self, name: Any, pos: Pos, index: int, make: Callable[[m.Target], m.Op]) -> None:
        if not isinstance(name, str) or not name:
            self.rep.error("target", pos, f"a goto / call target is a scene or scene.label, not {kind_of(name)}")
            return

        def patch(target: m.Target) -> None:
            self.ops[index] = make(target)

        self.ctx.pending.append(PendingTarget(self.scene, name, pos, patch))

    # --- blocks ---

    def compile(self, script: YList) -> None:
        falls_through = self.block(script)
        if falls_through:
            last = script.at(len(script) - 1) if script else script.pos
            self.rep.error("fall-off", last, f"scene {self.scene!r} runs off its end here: finish it with "
                           "goto, ending or return (on every branch)")
        self._emit(m.FallOff(script.pos, None))

    def block(self, steps: Any, pos: Pos | None = None) -> bool:
        """Compile a list of steps; return whether control can fall off its end."""
        where: Pos = pos or getattr(steps, "pos", None) or Pos(self.file, 1, 1)
        items = require_list(steps, where, "a script block", self.rep)
        if items is None:
            return True
        falls = True
        file, marks, step = self.file, items.marks, self.step
        for i, item in enumerate(items):
            mark = marks[i]  # (YList.at, inlined: this loop runs once per step of the story)
            falls = step(item, _new_tuple(Pos, (file, mark.line + 1, mark.column + 1)))
        return falls

    def step(self, step: Any, pos: Pos) -> bool:
        if type(step) is YMap and len(step) == 1:  # the common case first: a line
            for key in step:
                if key not in RESERVED and key not in COMPANION_KEYS:
                    return self.line(step, pos)
        if step == "return" or (isinstance(step, YMap) and "return" in step):
            if isinstance(step, YMap):
                check_keys(step, STEP_KEYS["return"], "a return step", self.rep)
                if step["return"] is not None:
                    self.rep.error("type", step.at("return"), "`return` takes no value: write `- return`")
            self._emit(m.Return(pos, self._sid("return")))
            return False
        if not isinstance(step, YMap):
            self.rep.error("step", pos, f"a step must be a mapping like `narrator: ...` or `goto: scene`, "
                           f"not {kind_of(step)}" + (f" ({quote(step)})" if isinstance(step, str) else ""))
            return True
        if not step:
            self.rep.error("step", pos, "an empty step")
            return True
        kinds = [key for key in step if key in RESERVED]
        if len(kinds) > 1:
            self.rep.error("step", step.key_at(kinds[1]), f"one step per list item: {quote(kinds[0])} and "
                           f"{quote(kinds[1])} are in the same step (start each with '- ')")
            return True
        if not kinds:
            return self.line(step, pos)
        kind = kinds[0]
        check_keys(step, STEP_KEYS[kind], f"a {kind} step", self.rep)
        return bool(getattr(self, f"step_{kind}")(step, pos))

    # --- lines ---

    def line(self, step: YMap, pos: Pos) -> bool:
        if len(step) > 1:
            keys = list(step)
            stray = [k for k in keys if k in COMPANION_KEYS]
            if stray:
                owner = next(k for k, allowed in STEP_KEYS.items() if stray[0] in allowed)
                self.rep.error("step", step.key_at(stray[0]), f"{quote(stray[0])} belongs to a {owner!r} step, "
                               f"which this step lacks")
                return True
            self.rep.error("step", step.key_at(keys[1]), f"one line per step: {quote(keys[0])} and {quote(keys[1])} "
                           "are in the same step (start each with '- ')")
            return True
        key = next(iter(step))
        known = self.ctx.speakers.get(key)
        if known is not None:  # a speaker (and look) already checked on an earlier line
            speaker, look = known
        else:
            checked = self._speaker(step, key)
            if checked is None:
                return True
            speaker, look = self.ctx.speakers[key] = checked
        value = step[key]
        texts = self.ctx.texts
        if type(value) is str and len(texts.languages) == 1:  # (TextReader.read's first case, inlined)
            text: m.Text | None = m.Text(((texts.primary, value),))
        else:
            text = texts.read(value, lambda: step.at(key), f"the line of {quote(speaker)}", self.rep)
        if text is None:
            return True
        self.ops.append(m.Line(pos, self._sid(f"{key}\0{text.values[0][1]}"), speaker, look or None, text))
        return True

    def _speaker(self, step: YMap, key: str) -> tuple[str, str] | None:
        """(speaker, look or "") of a line's key like ``jay`` or ``jay smile``, or None after reporting why not."""
        if key in COMPANION_KEYS:
            owner = next(k for k, allowed in STEP_KEYS.items() if key in allowed)
            self.rep.error("step", step.key_at(key), f"{quote(key)} belongs to a {owner!r} step, which this step lacks")
            return None
        speaker, _, look = key.partition(" ")
        if speaker != m.NARRATOR and speaker not in self.ctx.characters:
            choices = [m.NARRATOR, *self.ctx.characters, *RESERVED]
            self.rep.error("speaker", step.key_at(key), f"unknown speaker or step {quote(speaker)}"
                           f"{did_you_mean(speaker, choices)}")
            return None
        if look:
            if speaker == m.NARRATOR:
                self.rep.error("look", step.key_at(key), "the narrator has no looks")
                return None
            looks = self.ctx.characters[speaker].looks
            if look not in looks:
                self.rep.error("look", step.key_at(key), f"{quote(speaker)} has no look {quote(look)}"
                               f"{did_you_mean(look, looks)}; declared looks: {', '.join(looks)}")
                return None
        return speaker, look

    # --- presentation ---

    def step_bg(self, step: YMap, pos: Pos) -> bool:
        name = step["bg"]
        self.ctx.asset("background", name, step.at("bg"))
        transition = step.get("transition", "cut")
        if transition not in m.TRANSITIONS:
            self.rep.error("transition", step.at("transition"), f"unknown transition {quote(transition)}"
                           f"{did_you_mean(str(transition), m.TRANSITIONS)}; use cut, fade or dissolve")
            transition = "cut"
        time = DEFAULT_TIMES[transition]
        if "time" in step:
            time = read_number(step["time"], step.at("time"), "`time`", self.rep, high=60) or 0.0
        self._emit(m.Background(pos, self._sid(f"bg\0{name}\0{transition}\0{time}"), str(name), transition, time))
        return True

    def step_show(self, step: YMap, pos: Pos) -> bool:
        char_id = step["show"]
        character = self.ctx.characters.get(char_id) if isinstance(char_id, str) else None
        if character is None:
            self.rep.error("character", step.at("show"), f"unknown character {quote(char_id)}"
                           f"{did_you_mean(str(char_id), self.ctx.characters)}")
            return True
        look = step.get("look", character.looks[0])
        if look not in character.looks:
            self.rep.error("look", step.at("look"), f"{quote(char_id)} has no look {quote(look)}"
                           f"{did_you_mean(str(look), character.looks)}")
            look = character.looks[0]
        at = step.get("at", "center")
        if at not in m.POSITIONS:
            self.rep.error("position", step.at("at"), f"`at` must be left, center or right, not {quote(at)}"
                           f"{did_you_mean(str(at), m.POSITIONS)}")
            at = "center"
        self._emit(m.Show(pos, self._sid(f"show\0{char_id}\0{look}\0{at}"), char_id, look, at))
        return True

    def step_hide(self, step: YMap, pos: Pos) -> bool:
        char_id = step["hide"]
        if not isinstance(char_id, str) or char_id not in self.ctx.characters:
            self.rep.error("character", step.at("hide"), f"unknown character {quote(char_id)}"
                           f"{did_you_mean(str(char_id), self.ctx.characters)}")
            return True
        self._emit(m.Hide(pos, self._sid(f"hide\0{char_id}"), char_id))
        return True

    def step_music(self, step: YMap, pos: Pos) -> bool:
        name = step["music"]
        if name != "stop":
            self.ctx.asset("music", name, step.at("music"))
        time = 1.5
        if "time" in step:
            time = read_number(step["time"], step.at("time"), "`time`", self.rep, high=60) or 0.0
        self._emit(m.Music(pos, self._sid(f"music\0{name}"), None if name == "stop" else str(name), time))
        return True

    def step_sfx(self, step: YMap, pos: Pos) -> bool:
        self.ctx.asset("sfx", step["sfx"], step.at("sfx"))
        self._emit(m.Sfx(pos, self._sid(f"sfx\0{step['sfx']}"), str(step["sfx"])))
        return True

    def step_wait(self, step: YMap, pos: Pos) -> bool:
        seconds = read_number(step["wait"], step.at("wait"), "`wait`", self.rep, high=600)
        self._emit(m.Wait(pos, self._sid(f"wait\0{seconds}"), seconds or 0.0))
        return True

    # --- state ---

    def step_set(self, step: YMap, pos: Pos) -> bool:
        effects = self.ctx.effects(step["set"], step.at("set"), adding=False)
        self._emit(m.EffectStep(pos, self._sid(f"set\0{step['set']!r}"), effects))
        return True

    def step_add(self, step: YMap, pos: Pos) -> bool:
        effects = self.ctx.effects(step["add"], step.at("add"), adding=True)
        self._emit(m.EffectStep(pos, self._sid(f"add\0{step['add']!r}"), effects))
        return True

    # --- flow ---

    def step_label(self, step: YMap, pos: Pos) -> bool:
        name = read_ident(step["label"], step.at("label"), "a label", self.rep)
        if name is None:
            return True
        self._label, self._offset = name, 0
        self.labels.setdefault(name, len(self.ops))
        self._emit(m.LabelStep(pos, self._sid(f"label\0{name}"), name, 0))
        return True

    def step_goto(self, step: YMap, pos: Pos) -> bool:
        sid = self._sid(f"goto\0{step['goto']}")
        index = self._emit(m.Goto(pos, sid, m.Target(-1, -1, 0, "")))
        self._pending(step["goto"], step.at("goto"), index, lambda t: m.Goto(pos, sid, t))
        return False

    def step_call(self, step: YMap, pos: Pos) -> bool:
        sid = self._sid(f"call\0{step['call']}")
        index = self._emit(m.Call(pos, sid, m.Target(-1, -1, 0, "")))
        self._pending(step["call"], step.at("call"), index, lambda t: m.Call(pos, sid, t))
        return True

    def step_ending(self, step: YMap, pos: Pos) -> bool:
        ending = step["ending"]
        if not isinstance(ending, str) or ending not in self.ctx.endings:
            self.rep.error("ending", step.at("ending"), f"undeclared ending {quote(ending)}"
                           f"{did_you_mean(str(ending), self.ctx.endings)}; declare it under `endings:` "
                           "in story.yaml")
        self._emit(m.Ending(pos, self._sid(f"ending\0{ending}"), str(ending)))
        return False

    def step_map(self, step: YMap, pos: Pos) -> bool:
        name, spawn = step["map"], step.get("spawn")
        if "spawn" not in step:
            self.rep.error("map", pos, "a map step needs `spawn:`, the name of the object where the player "
                           "starts")
        elif self.ctx.asset("map", name, step.at("map")):
            self.ctx.map_steps.append((str(name), str(spawn), step.at("map"), step.at("spawn")))
        self._emit(m.MapStep(pos, self._sid(f"map\0{name}\0{spawn}"), str(name), str(spawn)))
        return False

    def step_if(self, step: YMap, pos: Pos) -> bool:
        cond = self.ctx.condition(step["if"], step.at("if"), self.scene)
        if "then" not in step:
            self.rep.error("if", pos, "an `if` step needs `then:` with the steps to run when it holds")
        sid = self._sid(f"if\0{step['if']}")
        index = self._emit(m.Jump(pos, None, -1))  # replaced by the Branch below
        then_falls = self.block(step["then"], step.at("then")) if "then" in step else True
        else_falls = True
        if "else" in step:
            jump = self._emit(m.Jump(pos, None, -1))
            else_pc = len(self.ops)
            else_falls = self.block(step["else"], step.at("else"))
            self.ops[jump] = m.Jump(pos, None, len(self.ops))
        else:
            else_pc = len(self.ops)
        if cond is not None:
            self.ops[index] = m.Branch(pos, sid, cond, else_pc)
        return then_falls or else_falls

    def step_choice(self, step: YMap, pos: Pos) -> bool:
        value = step["choice"]
        timeout: float | None = None
        default: int | None = None
        if isinstance(value, YMap):
            check_keys(value, TIMED_CHOICE_KEYS, "a timed choice", self.rep)
            if "timeout" in value:
                timeout = read_number(value["timeout"], value.at("timeout"), "`timeout`", self.rep,
                                      low=0.5, high=600)
            if "default" in value:
                default = self._default(value["default"], value.at("default"), value.get("options"))
            elif timeout is not None:
                self.rep.error("choice", value.pos, "a timed choice needs `default:`, the option (1-based) "
                               "taken when time runs out")
            value = value.get("options")
            if value is None:
                self.rep.error("choice", step.at("choice"), "a timed choice lists its options under `options:`")
                return True
        options_yaml = require_list(value, step.at("choice"), "the options of a choice", self.rep)
        if options_yaml is None:
            return True
        if not options_yaml:
            self.rep.error("choice", step.at("choice"), "a choice needs at least one option")
            return True
        sid = self._sid("choice\0" + "\0".join(self._option_key(o) for o in options_yaml))
        index = self._emit(m.Jump(pos, None, -1))  # replaced by the Choice below
        built: list[tuple[Any, int, Pos]] = []
        exits: list[int] = []
        falls = False
        for i, option in enumerate(options_yaml):
            opos = options_yaml.at(i)
            entry = len(self.ops)
            option_falls = self.option(option, opos, exits)
            falls = falls or option_falls
            built.append((option, entry, opos))
        after = len(self.ops)
        for jump in exits:
            self.ops[jump] = m.Jump(self.ops[jump].pos, None, after)
        options = tuple(filter(None, (self._make_option(o, entry, opos) for o, entry, opos in built)))
        if len(options) == len(built):
            self.ops[index] = m.Choice(pos, sid, options, timeout, default)
        return falls

    def _default(self, value: Any, pos: Pos, options: Any) -> int | None:
        count = len(options) if isinstance(options, list) else 0
        if isinstance(value, int) and not isinstance(value, bool) and 1 <= value <= max(count, 1):
            return value - 1
        self.rep.error("choice", pos, f"`default` is the number of an option, 1 to {count}, not {quote(value)}")
        return None

    @staticmethod
    def _option_key(option: Any) -> str:
        if isinstance(option, dict):
            text = option.get("text")
            if isinstance(text, dict):
                text = next(iter(text.values()), "")
            return str(text)
        return ""

    def option(self, option: Any, pos: Pos, exits: list[int]) -> bool:
        """Compile an option's block; return whether it falls through below the choice."""
        mapping = require_map(option, pos, "a choice option", self.rep)
        if mapping is None:
            return False
        check_keys(mapping, OPTION_KEYS, "a choice option", self.rep)
        if "text" not in mapping:
            self.rep.error("option", pos, "a choice option needs `text:`")
        falls = self.block(mapping["then"], mapping.at("then")) if "then" in mapping else True
        if "goto" in mapping:
            index = self._emit(m.Goto(mapping.at("goto"), None, m.Target(-1, -1, 0, "")))
            gpos = mapping.at("goto")
            self._pending(mapping["goto"], gpos, index, lambda t: m.Goto(gpos, None, t))
            return False
        if falls:
            exits.append(self._emit(m.Jump(pos, None, -1)))
        return falls

    def _make_option(self, option: Any, entry: int, pos: Pos) -> m.Option | None:
        if not isinstance(option, YMap) or "text" not in option:
            return None
        text = self.ctx.texts.read(option["text"], lambda: option.at("text"), "an option", self.rep)
        cond = None
        if "if" in option:
            cond = self.ctx.condition(option["if"], option.at("if"), self.scene)
            if cond is None:
                return None
        effects = self.ctx.effects(option["set"], option.at("set"), False) if "set" in option else ()
        if "add" in option:
            effects += self.ctx.effects(option["add"], option.at("add"), True)
        if text is None:
            return None
        return m.Option(text, cond, effects, entry, pos)


def collect_labels(script: Any, scene: str, rep: Reporter) -> dict[str, Pos]:
    """Every label of a scene script (in nested blocks too), reporting duplicates."""
    labels: dict[str, Pos] = {}

    def walk(steps: Any) -> None:
        if not isinstance(steps, YList):
            return
        for _i, step in enumerate(steps):
            if not isinstance(step, YMap):
                continue
            name = step.get("label")
            if isinstance(name, str) and IDENT.match(name):
                if name in labels:
                    rep.error("duplicate-label", step.at("label"), f"the label {name!r} is already defined in "
                              f"scene {scene!r} at line {labels[name].line}")
                else:
                    labels[name] = step.at("label")
            walk(step.get("then"))
            walk(step.get("else"))
            options = step.get("choice")
            if isinstance(options, YMap):
                options = options.get("options")
            if isinstance(options, YList):
                for option in options:
                    if isinstance(option, YMap):
                        walk(option.get("then"))

    walk(script)
    return labels
