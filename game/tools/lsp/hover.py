"""Hovers: what a name is, where it is written and read, a line's other languages, why a part is unreachable.

* a variable: its declaration (type, range, default) and every place that
  writes or reads it;
* a line (or an option): its text in every language of the story;
* a condition: whether it was true, false or both on the explored playthroughs
  (from the last full check), and the declared ranges of what it reads;
* anything the last full check found unreachable: its blocker
  (``game.check.blockers``): the condition never true there, with the values
  its variables do take, or the missing way in.
"""

from __future__ import annotations

from game.story import model as m

from .complete import describe_variable
from .index import StoryIndex, Symbol
from .positions import LineIndex
from .story import FullCheck

MAX_PLACES = 8


def _places(index: StoryIndex, symbols: list[Symbol]) -> str:
    lines = []
    for symbol in symbols[:MAX_PLACES]:
        text = index.files[symbol.file].text
        line = LineIndex(text).position(symbol.start).line + 1
        lines.append(f"`{symbol.file}:{line}` ({symbol.context or symbol.role})")
    more = f", and {len(symbols) - MAX_PLACES} more" if len(symbols) > MAX_PLACES else ""
    return ", ".join(lines) + more if lines else "nowhere"


def symbol_hover(story: m.Story | None, index: StoryIndex, symbol: Symbol) -> str | None:
    kind, _, name = symbol.key.partition(":")
    if kind == "var":
        var = next((v for v in story.variables if v.name == name), None) if story else None
        if var is None:
            return f"**{name}**: not a declared variable"
        writes = index.named(symbol.key, ("write",))
        reads = index.named(symbol.key, ("read",))
        return (f"**{name}**: {describe_variable(var)}, declared at `{var.pos}`\n\n"
                f"written ({len(writes)}): {_places(index, writes)}\n\nread ({len(reads)}): {_places(index, reads)}")
    if kind == "char" and story is not None and name in story.characters:
        char = story.characters[name]
        names = ", ".join(f"{lang}: {text}" for lang, text in char.name.values)
        return f"**{name}** ({names}), looks: {', '.join(char.looks)}; declared at `{char.pos}`"
    if kind in ("label", "scene"):
        refs = index.named(symbol.key, ("ref",))
        return f"{kind} **{name}**: {len(refs)} reference(s): {_places(index, refs)}"
    if kind == "ending" and story is not None and name in story.endings:
        info = story.endings[name]
        return f"ending **{name}**: " + ", ".join(f"{lang}: {text}" for lang, text in info.title.values)
    return None


def _texts(text: m.Text) -> str:
    return "\n\n".join(f"**{lang}**: {value}" for lang, value in text.values)


def line_hover(story: m.Story | None, full: FullCheck | None, file: str, line: int) -> str | None:
    """What the full check and the model know of the step or option at 1-based ``line`` of ``file``."""
    parts: list[str] = []
    if story is not None:
        for scene_number, scene in enumerate(story.scenes):
            if scene.file != file:
                continue
            for pc, op in enumerate(scene.ops):
                if op.pos.line == line and isinstance(op, m.Line) and len(op.text.values) > 1:
                    parts.append(_texts(op.text))
                elif isinstance(op, m.Choice):
                    parts += [_texts(o.text) for o in op.options if o.pos.line == line and len(o.text.values) > 1]
                    parts += [_option_condition(full, scene_number, pc, n, o) for n, o in enumerate(op.options)
                              if o.pos.line <= line <= o.pos.line + 2 and o.cond is not None]
                elif isinstance(op, m.Branch) and op.pos.line == line:
                    parts.append(_branch(full, story, scene_number, pc, op))
    if full is not None:
        for blocker in full.blockers:
            if blocker.pos.file == file and blocker.pos.line == line:
                parts.append(f"**{blocker.subject} is never reached**\n\n"
                             + "\n\n".join(f"- {message}" for message in blocker.messages()))
    return "\n\n---\n\n".join(parts) or None


def _branch(full: FullCheck | None, story: m.Story, scene: int, pc: int, op: m.Branch) -> str:
    reads = ", ".join(describe_variable_named(story, name) for name in sorted(op.cond.reads))
    head = f"`{op.cond.source}`" + (f": reads {reads}" if reads else "")
    if full is None or not full.complete or (scene, pc) not in full.reached:
        return head + ("" if full is None else "\n\nno explored playthrough reaches it")
    then_runs = (scene, pc + 1) in full.reached
    else_runs = (scene, op.else_pc) in full.reached
    verdict = "true or false" if then_runs and else_runs else "always true" if then_runs else "always false"
    return head + f"\n\non the explored playthroughs it is **{verdict}** here"


def _option_condition(full: FullCheck | None, scene: int, pc: int, number: int, option: m.Option) -> str:
    assert option.cond is not None
    if full is None or not full.complete:
        return f"`{option.cond.source}`"
    shown = (scene, pc, number) in full.options_shown
    return f"`{option.cond.source}`: the option is {'shown on some playthroughs' if shown else '**never shown**'}"


def describe_variable_named(story: m.Story, name: str) -> str:
    var = next((v for v in story.variables if v.name == name), None)
    return f"{name} ({describe_variable(var)})" if var else name
