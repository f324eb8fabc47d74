"""Compiling the steps that change what is on stage: pictures, characters, sound, waits, the signal clock.

Each function compiles one step kind for a ``SceneCompiler`` (the table in
``game.story.compiler`` names them); each reports what is wrong at the key's
own position and returns whether control goes on below the step.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from . import model as m
from .fields import did_you_mean, read_ident, read_number
from .problems import Pos, quote
from .vocabulary import DEFAULT_TIMES, MAX_ELAPSE_MINUTES, MAX_LIGHT_MINUTES
from .yamlnodes import YMap

if TYPE_CHECKING:
    from .compiler import SceneCompiler


def step_bg(c: SceneCompiler, step: YMap, pos: Pos) -> bool:
    name = step["bg"]
    c.ctx.asset("background", name, step.at("bg"))
    transition = step.get("transition", "cut")
    if transition not in m.TRANSITIONS:
        c.rep.error("transition", step.at("transition"), f"unknown transition {quote(transition)}"
                       f"{did_you_mean(str(transition), m.TRANSITIONS)}; use cut, fade or dissolve")
        transition = "cut"
    time = DEFAULT_TIMES[transition]
    if "time" in step:
        time = read_number(step["time"], step.at("time"), "`time`", c.rep, high=60) or 0.0
    c.emit(m.Background(pos, c.sid(f"bg\0{name}\0{transition}\0{time}"), str(name), transition, time))
    return True

def step_show(c: SceneCompiler, step: YMap, pos: Pos) -> bool:
    char_id = step["show"]
    character = c.ctx.characters.get(char_id) if isinstance(char_id, str) else None
    if character is None:
        c.rep.error("character", step.at("show"), f"unknown character {quote(char_id)}"
                       f"{did_you_mean(str(char_id), c.ctx.characters)}")
        return True
    look = step.get("look", character.looks[0])
    if look not in character.looks:
        c.rep.error("look", step.at("look"), f"{quote(char_id)} has no look {quote(look)}"
                       f"{did_you_mean(str(look), character.looks)}")
        look = character.looks[0]
    at = step.get("at", "center")
    if at not in m.POSITIONS:
        c.rep.error("position", step.at("at"), f"`at` must be left, center or right, not {quote(at)}"
                       f"{did_you_mean(str(at), m.POSITIONS)}")
        at = "center"
    c.emit(m.Show(pos, c.sid(f"show\0{char_id}\0{look}\0{at}"), char_id, look, at))
    return True

def step_hide(c: SceneCompiler, step: YMap, pos: Pos) -> bool:
    char_id = step["hide"]
    if not isinstance(char_id, str) or char_id not in c.ctx.characters:
        c.rep.error("character", step.at("hide"), f"unknown character {quote(char_id)}"
                       f"{did_you_mean(str(char_id), c.ctx.characters)}")
        return True
    c.emit(m.Hide(pos, c.sid(f"hide\0{char_id}"), char_id))
    return True

def step_music(c: SceneCompiler, step: YMap, pos: Pos) -> bool:
    name = step["music"]
    if name != "stop":
        c.ctx.asset("music", name, step.at("music"))
    time = 1.5
    if "time" in step:
        time = read_number(step["time"], step.at("time"), "`time`", c.rep, high=60) or 0.0
    c.emit(m.Music(pos, c.sid(f"music\0{name}"), None if name == "stop" else str(name), time))
    return True

def step_sfx(c: SceneCompiler, step: YMap, pos: Pos) -> bool:
    c.ctx.asset("sfx", step["sfx"], step.at("sfx"))
    c.emit(m.Sfx(pos, c.sid(f"sfx\0{step['sfx']}"), str(step["sfx"])))
    return True

def step_wait(c: SceneCompiler, step: YMap, pos: Pos) -> bool:
    seconds = read_number(step["wait"], step.at("wait"), "`wait`", c.rep, high=600)
    c.emit(m.Wait(pos, c.sid(f"wait\0{seconds}"), seconds or 0.0))
    return True

def step_transmit(c: SceneCompiler, step: YMap, pos: Pos) -> bool:
    to = step["transmit"]
    if to not in ("earth", "mars", "none"):
        c.rep.error("transmit", step.at("transmit"), f"`transmit` is earth, mars or none, not {quote(to)}"
                       f"{did_you_mean(str(to), ('earth', 'mars', 'none'))}")
        return True
    minutes = 0.0
    if to != "none":
        if "minutes" not in step:
            c.rep.error("transmit", pos, "a transmit step needs `minutes:`, the one-way light time")
        else:
            minutes = read_number(step["minutes"], step.at("minutes"), "`minutes`", c.rep,
                                  high=MAX_LIGHT_MINUTES, unit="minutes") or 0.0
            if minutes <= 0 and isinstance(step["minutes"], (int, float)):
                c.rep.error("range", step.at("minutes"), "`minutes` must be more than 0")
    elif "minutes" in step or "as" in step:
        key = "minutes" if "minutes" in step else "as"
        c.rep.error("transmit", step.key_at(key), f"`transmit: none` takes no `{key}`")
    name = read_ident(step["as"], step.at("as"), "a message name", c.rep) if "as" in step else None
    c.emit(m.Transmit(pos, c.sid(f"transmit\0{to}\0{minutes}\0{name}"),
                          None if to == "none" else str(to), minutes, name))
    return True

def step_elapse(c: SceneCompiler, step: YMap, pos: Pos) -> bool:
    minutes = read_number(step["elapse"], step.at("elapse"), "`elapse`", c.rep, high=MAX_ELAPSE_MINUTES,
                          unit="minutes")
    c.emit(m.Elapse(pos, c.sid(f"elapse\0{minutes}"), minutes or 0.0))
    return True
