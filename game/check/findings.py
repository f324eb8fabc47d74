"""Turning an exploration and the model into problems: one small ``check_*`` function per concern.

Each function takes the story (and the exploration where it needs one) and
returns the problems it finds, with file and line, so a new concern is a new
function and the report is their concatenation.
"""

from __future__ import annotations

from collections.abc import Iterator

from game.story import model as m
from game.story.expr import Condition
from game.story.problems import Pos, Problem, clip, printable

from .blowup import summary
from .captions import check_captions
from .explore import Exploration
from .limits import MB
from .maps import MapAnalysis, check_maps
from .pictures import unshown_pictures
from .textfit import check_text_fit


def _error(code: str, pos: Pos, message: str) -> Problem:
    return Problem("error", code, pos, clip(printable(message)))  # as the loader's Reporter does


def _warning(code: str, pos: Pos, message: str) -> Problem:
    return Problem("warning", code, pos, clip(printable(message)))


def check_endings(story: m.Story, found: Exploration) -> list[Problem]:
    """Every declared ending must be reached by some playthrough."""
    if not found.complete:
        return []
    return [_error("unreachable-ending", info.pos, f"no playthrough reaches the ending {ending_id!r}")
            for ending_id, info in story.endings.items() if ending_id not in found.endings]


def check_dead_ends(found: Exploration) -> list[Problem]:
    """Softlocks, loops with no way out and runtime errors on a reachable path."""
    result = []
    for dead in found.dead_ends:
        path = "[" + ", ".join(str(i) for i in dead.path) + "]"
        what = {"softlock": "dead end", "loop": "dead end", "error": "runtime error"}[dead.kind]
        result.append(_error(f"dead-end-{dead.kind}", dead.pos, f"{what}: {dead.message} "
                             f"(reached by the choices {path})"))
    return result


def check_exploration_limit(found: Exploration) -> list[Problem]:
    """A stopped exploration: which cap stopped it, and where the states multiply (the blow-up report)."""
    if found.complete:
        return []
    cap = (f"the explorer's memory budget of {round(found.max_memory / MB):,} MB" if found.stopped_by == "memory"
           else f"the cap of {found.max_states:,} states")
    why = summary(found.blowup) if found.blowup is not None else ""
    return [_error("too-many-states", Pos("story.yaml", 1, 1),
                   f"exploration stopped after {found.states:,} states ({cap}); endings and dead ends were not all "
                   f"checked" + (f": {why}" if why else " (do variables with large ranges multiply the states?)"))]


def check_unreached(story: m.Story, found: Exploration) -> list[Problem]:
    """Scenes, labels and steps no playthrough reaches; a run of steps is reported once, at its start."""
    if not found.complete:
        return []
    result = []
    for index, scene in enumerate(story.scenes):
        if not any((index, pc) in found.reached for pc in range(len(scene.ops))):
            result.append(_warning("unreachable-scene", scene.pos, f"no playthrough reaches the scene {scene.id!r}"))
            continue
        previous_reached = True
        for pc, op in enumerate(scene.ops):
            reached = (index, pc) in found.reached
            if op.sid is None:
                continue
            if not reached and isinstance(op, m.LabelStep):
                result.append(_warning("unreachable-label", op.pos, f"no playthrough passes the label {op.name!r}"))
            elif not reached and previous_reached:
                result.append(_warning("unreachable-step", op.pos, "no playthrough reaches this step"))
            previous_reached = reached
    return result


def check_options(story: m.Story, found: Exploration) -> list[Problem]:
    """Options that are never shown, and timed choices whose default can be hidden."""
    if not found.complete:
        return []
    result = []
    for index, scene in enumerate(story.scenes):
        for pc, op in enumerate(scene.ops):
            if not isinstance(op, m.Choice) or (index, pc) not in found.reached:
                continue
            for number, option in enumerate(op.options):
                if (index, pc, number) not in found.options_shown:
                    result.append(_warning("option-never-shown", option.pos,
                                           f"this option is never shown: `if: {option.cond.source if option.cond else ''}` "
                                           "is false on every playthrough"))
            if (index, pc) in found.hidden_defaults:
                result.append(_warning("hidden-default", op.pos, "the default option of this timed choice is "
                                       "hidden on some playthrough; the first visible option is taken then"))
    for info in story.maps.values():
        for number, hotspot in enumerate(info.hotspots):
            if (info.name, number) not in found.hotspots_active and _map_reached(story, info.name, found):
                result.append(_warning("hotspot-never-active", hotspot.pos,
                                       f"the hotspot {hotspot.name!r} is never active"))
    return result


def _map_reached(story: m.Story, name: str, found: Exploration) -> bool:
    return any(isinstance(op, m.MapStep) and op.map == name and (i, pc) in found.reached
               for i, scene in enumerate(story.scenes) for pc, op in enumerate(scene.ops))


def conditions(story: m.Story) -> Iterator[Condition]:
    """Every compiled condition of the story."""
    for scene in story.scenes:
        for op in scene.ops:
            if isinstance(op, m.Branch):
                yield op.cond
            elif isinstance(op, m.Choice):
                yield from (o.cond for o in op.options if o.cond is not None)
    for info in story.maps.values():
        yield from (h.cond for h in info.hotspots if h.cond is not None)


def effects(story: m.Story) -> Iterator[m.Effect]:
    """Every set / add effect of the story."""
    for scene in story.scenes:
        for op in scene.ops:
            if isinstance(op, m.EffectStep):
                yield from op.effects
            elif isinstance(op, m.Choice):
                for option in op.options:
                    yield from option.effects


def check_variables(story: m.Story) -> list[Problem]:
    """Variables that nothing reads, or that nothing ever changes."""
    read = {name for cond in conditions(story) for name in cond.reads}
    written = {story.variables[e.var].name for e in effects(story)}
    result = []
    for var in story.variables:
        if var.name not in read:
            result.append(_warning("variable-never-read", var.pos, f"no condition reads the variable {var.name!r}"))
        if var.name not in written:
            result.append(_warning("variable-never-written", var.pos, f"nothing sets or adds to the variable "
                                   f"{var.name!r}: it always keeps its default"))
    return result


def check_music(story: m.Story) -> list[Problem]:
    """Once story.yaml titles its music, each track the scenes play has a title (the music room shows it)."""
    if not story.music:
        return []
    result: list[Problem] = []
    reported: set[str] = set()
    for scene in story.scenes:
        for op in scene.ops:
            if isinstance(op, m.Music) and op.name and op.name not in story.music and op.name not in reported:
                reported.add(op.name)
                result.append(_warning("music-untitled", op.pos, f"the music {op.name!r} has no title under "
                                       "`music:` in story.yaml; the music room shows its file name"))
    return result


def check_pictures(story: m.Story) -> list[Problem]:
    """Event pictures (``images/backgrounds/cg/``) that no scene shows: the gallery would never list them."""
    return [_warning("cg-unused", Pos(path, 1, 1), f"the event picture {name!r} is never shown: no scene has "
                     f"`bg: {name}`, so the gallery never lists it") for name, path in unshown_pictures(story)]


def all_findings(story: m.Story, found: Exploration, maps: MapAnalysis | None = None) -> list[Problem]:
    """Every problem the checker adds to the loader's, in a stable order (``maps``: already analysed)."""
    return [
        *check_exploration_limit(found),
        *check_endings(story, found),
        *check_dead_ends(found),
        *check_unreached(story, found),
        *check_options(story, found),
        *check_variables(story),
        *check_music(story),
        *check_pictures(story),
        *check_maps(story, maps),
        *check_text_fit(story),
        *check_captions(story),
    ]
