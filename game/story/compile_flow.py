"""Compiling the steps that move the story: variables, labels, jumps, calls, maps, endings and `if`.

One function per step kind, as in ``game.story.compile_stage``.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from . import model as m
from .fields import did_you_mean, read_ident
from .problems import Pos, quote
from .yamlnodes import YMap

if TYPE_CHECKING:
    from .compiler import SceneCompiler


def step_set(c: SceneCompiler, step: YMap, pos: Pos) -> bool:
    effects = c.ctx.effects(step["set"], step.at("set"), adding=False)
    c.emit(m.EffectStep(pos, c.sid(f"set\0{step['set']!r}"), effects))
    return True

def step_add(c: SceneCompiler, step: YMap, pos: Pos) -> bool:
    effects = c.ctx.effects(step["add"], step.at("add"), adding=True)
    c.emit(m.EffectStep(pos, c.sid(f"add\0{step['add']!r}"), effects))
    return True

def step_label(c: SceneCompiler, step: YMap, pos: Pos) -> bool:
    name = read_ident(step["label"], step.at("label"), "a label", c.rep)
    if name is None:
        return True
    c.start_label(name)
    c.labels.setdefault(name, len(c.ops))
    c.emit(m.LabelStep(pos, c.sid(f"label\0{name}"), name, 0))
    return True

def step_goto(c: SceneCompiler, step: YMap, pos: Pos) -> bool:
    sid = c.sid(f"goto\0{step['goto']}")
    index = c.emit(m.Goto(pos, sid, m.Target(-1, -1, 0, "")))
    c.pending(step["goto"], step.at("goto"), index, lambda t: m.Goto(pos, sid, t))
    return False

def step_call(c: SceneCompiler, step: YMap, pos: Pos) -> bool:
    sid = c.sid(f"call\0{step['call']}")
    index = c.emit(m.Call(pos, sid, m.Target(-1, -1, 0, "")))
    c.pending(step["call"], step.at("call"), index, lambda t: m.Call(pos, sid, t))
    return True

def step_ending(c: SceneCompiler, step: YMap, pos: Pos) -> bool:
    ending = step["ending"]
    if not isinstance(ending, str) or ending not in c.ctx.endings:
        c.rep.error("ending", step.at("ending"), f"undeclared ending {quote(ending)}"
                       f"{did_you_mean(str(ending), c.ctx.endings)}; declare it under `endings:` "
                       "in story.yaml")
    c.emit(m.Ending(pos, c.sid(f"ending\0{ending}"), str(ending)))
    return False

def step_map(c: SceneCompiler, step: YMap, pos: Pos) -> bool:
    name, spawn = step["map"], step.get("spawn")
    if "spawn" not in step:
        c.rep.error("map", pos, "a map step needs `spawn:`, the name of the object where the player "
                       "starts")
    elif c.ctx.asset("map", name, step.at("map")):
        c.ctx.map_steps.append((str(name), str(spawn), step.at("map"), step.at("spawn")))
    c.emit(m.MapStep(pos, c.sid(f"map\0{name}\0{spawn}"), str(name), str(spawn)))
    return False

def step_if(c: SceneCompiler, step: YMap, pos: Pos) -> bool:
    cond = c.ctx.condition(step["if"], step.at("if"), c.scene)
    if "then" not in step:
        c.rep.error("if", pos, "an `if` step needs `then:` with the steps to run when it holds")
    sid = c.sid(f"if\0{step['if']}")
    index = c.emit(m.Jump(pos, None, -1))  # replaced by the Branch below
    then_falls = c.block(step["then"], step.at("then")) if "then" in step else True
    else_falls = True
    if "else" in step:
        jump = c.emit(m.Jump(pos, None, -1))
        else_pc = len(c.ops)
        else_falls = c.block(step["else"], step.at("else"))
        c.ops[jump] = m.Jump(pos, None, len(c.ops))
    else:
        else_pc = len(c.ops)
    if cond is not None:
        c.ops[index] = m.Branch(pos, sid, cond, else_pc)
    return then_falls or else_falls
