"""Compiles one scene's script (nested YAML steps) into a flat list of ops.

Blocks become straight-line code with jumps: an ``if`` is a Branch to its
``else`` part, a choice is a Choice op whose options point at their ``then``
blocks, each block ending in a Goto or in a Jump back below the choice.  Names
of other scenes and labels are left pending here and resolved by the loader
once every scene is compiled.  Each step kind is compiled by one function
(``STEP_COMPILERS``), grouped by theme in ``compile_stage``, ``compile_flow``
and ``compile_choice``.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from typing import Any

from . import compile_choice, compile_flow, compile_stage
from . import model as m
from .compile_context import PendingTarget, StoryContext
from .fields import IDENT, check_keys, did_you_mean, kind_of, require_list
from .problems import Pos, Reporter, quote
from .vocabulary import COMPANION_KEYS, RESERVED, STEP_KEYS, owner_of
from .yamlnodes import YList, YMap

__all__ = ["STEP_COMPILERS", "PendingTarget", "SceneCompiler", "StoryContext", "collect_labels"]

# Pos(...) and StepId(...) run a Python-level __new__; the per-step hot paths build the tuples directly.
_new_tuple = tuple.__new__

StepCompiler = Callable[["SceneCompiler", YMap, Pos], bool]


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

    def sid(self, content: str) -> m.StepId:
        """The identity of the next source step, from its content (see ``model.StepId``)."""
        digest = hashlib.blake2b(content.encode("utf-8", "surrogatepass"), digest_size=5).hexdigest()
        sid = _new_tuple(m.StepId, (self.scene, self._label, self._offset, digest))
        self._offset += 1
        return sid

    def emit(self, op: m.Op) -> int:
        self.ops.append(op)
        return len(self.ops) - 1

    def start_label(self, name: str) -> None:
        """Steps from here on are counted from label ``name`` (their identities survive edits above it)."""
        self._label, self._offset = name, 0

    def pending(self, name: Any, pos: Pos, index: int, make: Callable[[m.Target], m.Op]) -> None:
        """Op ``index`` jumps to ``name``; ``make`` builds it once the loader has resolved the target."""
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
        self.emit(m.FallOff(script.pos, None))

    def block(self, steps: Any, pos: Pos | None = None) -> bool:
        """Compile a list of steps; return whether control can fall off its end."""
        where: Pos = pos or getattr(steps, "pos", None) or Pos(self.file, 1, 1)
        items = require_list(steps, where, "a script block", self.rep)
        if items is None:
            return True
        falls = True
        file, marks, step = self.file, items.marks, self.step
        for i, item in enumerate(items):
            mark = marks[i]  # (YList.at and mark_pos, inlined: this loop runs once per step of the story)
            if type(mark) is tuple:
                falls = step(item, _new_tuple(Pos, (file, mark[0] + 1, mark[1] + 1)))
            else:
                falls = step(item, _new_tuple(Pos, (file, mark.line + 1, mark.column + 1)))
        return falls

    def step(self, step: Any, pos: Pos) -> bool:
        if type(step) is YMap and len(step) == 1:  # the common cases first: a line, a one-key step
            for key in step:
                if key not in RESERVED and key not in COMPANION_KEYS:
                    return self.one_line(step, key, pos)
                compile_step = STEP_COMPILERS.get(key)
                if compile_step is not None:  # (its one key is its kind, which its keys always allow)
                    return compile_step(self, step, pos)
        if step == "return" or (isinstance(step, YMap) and "return" in step):
            if isinstance(step, YMap):
                check_keys(step, STEP_KEYS["return"], "a return step", self.rep)
                if step["return"] is not None:
                    self.rep.error("type", step.at("return"), "`return` takes no value: write `- return`")
            self.emit(m.Return(pos, self.sid("return")))
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
        check_keys(step, STEP_KEYS[kind], f"{'an' if kind[0] in 'aeiou' else 'a'} {kind} step", self.rep)
        return STEP_COMPILERS[kind](self, step, pos)

    # --- lines ---

    def line(self, step: YMap, pos: Pos) -> bool:
        if len(step) > 1:
            keys = list(step)
            stray = [k for k in keys if k in COMPANION_KEYS]
            if stray:
                owner = owner_of(stray[0])
                self.rep.error("step", step.key_at(stray[0]), f"{quote(stray[0])} belongs to a {owner!r} step, "
                               f"which this step lacks")
                return True
            self.rep.error("step", step.key_at(keys[1]), f"one line per step: {quote(keys[0])} and {quote(keys[1])} "
                           "are in the same step (start each with '- ')")
            return True
        return self.one_line(step, next(iter(step)), pos)

    def one_line(self, step: YMap, key: str, pos: Pos) -> bool:
        """A step that is one line, ``key: text`` (``key`` is its only key)."""
        ctx = self.ctx
        known = ctx.speakers.get(key)
        if known is not None:  # a speaker (and look) already checked on an earlier line
            speaker, look = known
        else:
            checked = self._speaker(step, key)
            if checked is None:
                return True
            speaker, look = ctx.speakers[key] = checked
        value = step[key]
        texts = ctx.texts
        if type(value) is str and len(texts.languages) == 1:  # (TextReader.read's first case, inlined)
            text: m.Text | None = m.Text(((texts.primary, value),))
        else:
            text = texts.read(value, lambda: step.at(key), lambda: f"the line of {quote(speaker)}", self.rep)
        if text is None:
            return True
        self.ops.append(m.Line(pos, self.sid(f"{key}\0{text.values[0][1]}"), speaker, look or None, text))
        return True

    def _speaker(self, step: YMap, key: str) -> tuple[str, str] | None:
        """(speaker, look or "") of a line's key like ``jay`` or ``jay smile``, or None after reporting why not."""
        if key in COMPANION_KEYS:
            owner = owner_of(key)
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


STEP_COMPILERS: dict[str, StepCompiler] = {
    "bg": compile_stage.step_bg,
    "show": compile_stage.step_show,
    "hide": compile_stage.step_hide,
    "music": compile_stage.step_music,
    "sfx": compile_stage.step_sfx,
    "wait": compile_stage.step_wait,
    "transmit": compile_stage.step_transmit,
    "elapse": compile_stage.step_elapse,
    "set": compile_flow.step_set,
    "add": compile_flow.step_add,
    "label": compile_flow.step_label,
    "goto": compile_flow.step_goto,
    "call": compile_flow.step_call,
    "ending": compile_flow.step_ending,
    "map": compile_flow.step_map,
    "if": compile_flow.step_if,
    "choice": compile_choice.step_choice,
}


_LABEL_HOLDERS = frozenset({"label", "then", "else", "choice"})  # the keys collect_labels looks in


def collect_labels(script: Any, scene: str, rep: Reporter) -> dict[str, Pos]:
    """Every label of a scene script (in nested blocks too), reporting duplicates."""
    labels: dict[str, Pos] = {}

    def walk(steps: YList) -> None:
        for step in steps:
            if not isinstance(step, YMap) or (len(step) == 1 and next(iter(step)) not in _LABEL_HOLDERS):
                continue  # (most steps: a line, which holds no label and no block)
            name = step.get("label")
            if isinstance(name, str) and IDENT.match(name):
                if name in labels:
                    rep.error("duplicate-label", step.at("label"), f"the label {name!r} is already defined in "
                              f"scene {scene!r} at line {labels[name].line}")
                else:
                    labels[name] = step.at("label")
            for key in ("then", "else"):
                block = step.get(key)
                if isinstance(block, YList):
                    walk(block)
            options = step.get("choice")
            if isinstance(options, YMap):
                options = options.get("options")
            if isinstance(options, YList):
                for option in options:
                    if isinstance(option, YMap):
                        block = option.get("then")
                        if isinstance(block, YList):
                            walk(block)

    if isinstance(script, YList):
        walk(script)
    return labels
