"""Compiling a choice: its options, their conditions and effects, timed choices, and the jumps between.

A choice becomes a Choice op whose options point at their ``then`` blocks; each
block ends in a Goto or in a Jump back below the choice.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from . import model as m
from .fields import check_keys, read_number, require_list, require_map
from .problems import Pos, quote
from .vocabulary import OPTION_KEY_NAMES, TIMED_CHOICE_KEY_NAMES
from .yamlnodes import YMap

if TYPE_CHECKING:
    from .compiler import SceneCompiler


def step_choice(c: SceneCompiler, step: YMap, pos: Pos) -> bool:
    value = step["choice"]
    timeout: float | None = None
    default: int | None = None
    if isinstance(value, YMap):
        check_keys(value, TIMED_CHOICE_KEY_NAMES, "a timed choice", c.rep)
        if "timeout" in value:
            timeout = read_number(value["timeout"], value.at("timeout"), "`timeout`", c.rep,
                                  low=0.5, high=600)
        if "default" in value:
            default = _default(c, value["default"], value.at("default"), value.get("options"))
        elif timeout is not None:
            c.rep.error("choice", value.pos, "a timed choice needs `default:`, the option (1-based) "
                           "taken when time runs out")
        value = value.get("options")
        if value is None:
            c.rep.error("choice", step.at("choice"), "a timed choice lists its options under `options:`")
            return True
    options_yaml = require_list(value, step.at("choice"), "the options of a choice", c.rep)
    if options_yaml is None:
        return True
    if not options_yaml:
        c.rep.error("choice", step.at("choice"), "a choice needs at least one option")
        return True
    sid = c.sid("choice\0" + "\0".join(_option_key(o) for o in options_yaml))
    index = c.emit(m.Jump(pos, None, -1))  # replaced by the Choice below
    built: list[tuple[Any, int, Pos]] = []
    exits: list[int] = []
    falls = False
    for i, option in enumerate(options_yaml):
        opos = options_yaml.at(i)
        entry = len(c.ops)
        option_falls = compile_option(c, option, opos, exits)
        falls = falls or option_falls
        built.append((option, entry, opos))
    after = len(c.ops)
    for jump in exits:
        c.ops[jump] = m.Jump(c.ops[jump].pos, None, after)
    options = tuple(filter(None, (_make_option(c, o, entry, opos) for o, entry, opos in built)))
    if len(options) == len(built):
        c.ops[index] = m.Choice(pos, sid, options, timeout, default)
    return falls

def _default(c: SceneCompiler, value: Any, pos: Pos, options: Any) -> int | None:
    count = len(options) if isinstance(options, list) else 0
    if isinstance(value, int) and not isinstance(value, bool) and 1 <= value <= max(count, 1):
        return value - 1
    c.rep.error("choice", pos, f"`default` is the number of an option, 1 to {count}, not {quote(value)}")
    return None

def _option_key(option: Any) -> str:
    if isinstance(option, dict):
        text = option.get("text")
        if isinstance(text, dict):
            text = next(iter(text.values()), "")
        return str(text)
    return ""

def compile_option(c: SceneCompiler, option: Any, pos: Pos, exits: list[int]) -> bool:
    """Compile an option's block; return whether it falls through below the choice."""
    mapping = require_map(option, pos, "a choice option", c.rep)
    if mapping is None:
        return False
    check_keys(mapping, OPTION_KEY_NAMES, "a choice option", c.rep)
    if "text" not in mapping:
        c.rep.error("option", pos, "a choice option needs `text:`")
    falls = c.block(mapping["then"], mapping.at("then")) if "then" in mapping else True
    if "goto" in mapping:
        gpos = mapping.at("goto")
        index = c.emit(m.Goto(gpos, None, m.Target(-1, -1, 0, "")))
        c.pending(mapping["goto"], gpos, index, lambda t: m.Goto(gpos, None, t))
        return False
    if falls:
        exits.append(c.emit(m.Jump(pos, None, -1)))
    return falls

def _make_option(c: SceneCompiler, option: Any, entry: int, pos: Pos) -> m.Option | None:
    if not isinstance(option, YMap) or "text" not in option:
        return None
    text = c.ctx.texts.read(option["text"], lambda: option.at("text"), "an option", c.rep)
    cond = None
    if "if" in option:
        cond = c.ctx.condition(option["if"], option.at("if"), c.scene)
        if cond is None:
            return None
    effects = c.ctx.effects(option["set"], option.at("set"), False) if "set" in option else ()
    if "add" in option:
        effects += c.ctx.effects(option["add"], option.at("add"), True)
    if text is None:
        return None
    return m.Option(text, cond, effects, entry, pos)
