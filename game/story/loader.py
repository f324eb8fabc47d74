"""Loads a story folder into an immutable ``Story``, or reports every problem at once.

    story = load_story(Path("assets"))          # raises StoryLoadError listing all errors
    result = read_story(Path("assets"))         # .story (or None) and .problems, for tools

An unchanged story comes from the compiled-story cache (``cache``); otherwise
``story_reader`` reads the folder (story.yaml, the scenes, the maps) and the
result is cached.  A story with any error is never returned half-built.
"""

from __future__ import annotations

import gc
import os
from dataclasses import dataclass, replace
from pathlib import Path
from typing import TYPE_CHECKING

from .. import __version__
from . import cache, second_core
from . import model as m
from .problems import Pos, Problem, Reporter, StoryLoadError, sort_problems
from .storyfiles import MANIFEST_FILE

if TYPE_CHECKING:
    from .story_reader import YamlReader


@dataclass(frozen=True)
class LoadResult:
    """The outcome of reading a story: the story when it has no errors, and every problem found."""

    story: m.Story | None
    problems: tuple[Problem, ...]

    @property
    def errors(self) -> list[Problem]:
        return [p for p in self.problems if p.severity == "error"]


def load_story(root: Path | str, cache_dir: Path | None = None) -> m.Story:
    """Load the story in ``root``; raise StoryLoadError (with every problem) if it has errors."""
    result = read_story(root, cache_dir)
    if result.story is None:
        raise StoryLoadError(result.problems)
    return result.story


def read_story(root: Path | str, cache_dir: Path | None = None, *, read: YamlReader | None = None) -> LoadResult:
    """Read and validate the story in ``root`` without raising for problems in its files.

    With ``cache_dir``, an unchanged story comes from the compiled-story cache
    there, and a freshly compiled one is stored in it.  With ``read``, story.yaml
    and the scene files are read through it (the cache is not used): the
    language server gives the text of the files being edited that way.
    """
    root = Path(root)
    # Loading allocates many small objects that all live on; the cyclic collector
    # would only rescan them again and again (it halves YAML reading speed).
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        return _read_story(root, read) if read is not None else _read_cached(root, cache_dir)
    finally:
        if was_enabled:
            gc.enable()


def _read_cached(root: Path, cache_dir: Path | None) -> LoadResult:
    fingerprint = ""
    if cache_dir is not None and (root / MANIFEST_FILE).is_file():
        fingerprint = cache.story_fingerprint(root, __version__)
        try:
            story = cache.load(cache_dir, root, fingerprint)
            return LoadResult(story, story.warnings)
        except cache.CacheMiss:
            pass
    result = _read_story(root)
    if cache_dir is not None and result.story is not None:
        cache.save(cache_dir, result.story, fingerprint)
    return result


def _read_story(root: Path, read: YamlReader | None = None) -> LoadResult:
    rep = Reporter()
    if not os.path.lexists(root / MANIFEST_FILE):  # anything else there is refused when read, saying why
        rep.error("missing", Pos(MANIFEST_FILE, 1, 1), f"no {MANIFEST_FILE} in {root}: not a story folder")
        return LoadResult(None, tuple(rep.problems))
    # A large story's scene files are parsed on a second core too, from now on: while the reader is imported.
    helper = second_core.Helper.start(root) if read is None else None
    try:
        from .story_reader import StoryReader  # (a story from the cache needs none of the reader: start-up is faster)
        story = StoryReader(root, rep, read, helper).load()
    finally:
        if helper is not None:
            helper.stop()
    problems = tuple(sort_problems(rep.problems))
    if rep.has_errors or story is None:
        return LoadResult(None, problems)
    return LoadResult(replace(story, warnings=tuple(p for p in problems if p.severity == "warning")), problems)
