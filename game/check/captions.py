"""Captions: every sound effect and music track a story plays should have a caption (``captions:`` in story.yaml).

A player who cannot hear reads "[door bell]" or "[music: Seoul Night]" when
the sound plays; a sound played without one is a warning at the step that
plays it (once per sound).  A missing translation of a caption is reported
when story.yaml is read, and captions are laid out by the text fit.
"""

from __future__ import annotations

from game.story import model as m
from game.story.problems import Problem, quote


def check_captions(story: m.Story) -> list[Problem]:
    """A ``missing-caption`` warning at the first step playing each sound or track that has no caption."""
    seen: set[tuple[str, str]] = set()
    problems = []
    for scene in story.scenes:
        for op in scene.ops:
            if isinstance(op, m.Sfx):
                kind, name = "sfx", op.name
            elif isinstance(op, m.Music) and op.name is not None:
                kind, name = "music", op.name
            else:
                continue
            if (kind, name) in seen or story.caption(kind, name) is not None:
                continue
            seen.add((kind, name))
            problems.append(Problem("warning", "missing-caption", op.pos,
                                    f"the {kind} {quote(name)} has no caption: add it under `captions: {kind}:` "
                                    f"in story.yaml, e.g. {name}: {{en: \"[...]\"}} (players who cannot hear read it)"))
    return problems
