"""One story folder as the language server sees it: the editor's buffers over the files on disk.

**As you type**, ``quick_check`` loads the story with the real loader, reading
each file the editor holds from its buffer and every other file from disk,
where its parse is kept until the file changes (so a keystroke costs one
file's parse and the compile of the story), then runs the static checks that
need no exploration.  **On save**, ``full_check`` runs ``starlight check`` on
the saved files (the exploration, dead ends, unreachable parts with their
blockers, text fit) in a worker process, so that it never holds up typing, and
sends back what the editor shows (``FullCheck``).

Problems are merged per file: a file edited since the last full check shows
the quick problems only (the full check's lines would have moved); the others
show both.
"""

from __future__ import annotations

import os
import time
from collections import OrderedDict
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from game.check.blockers import Blocker
from game.check.findings import check_variables
from game.check.report import run_check
from game.check.translations import check_stale_translations
from game.story import model as m
from game.story.loader import LoadResult, read_story
from game.story.problems import Pos, Problem, Reporter
from game.story.storyfiles import source_files
from game.story.yamlsrc import MAX_FILE_BYTES, YamlProblem, parse_yaml, read_story_file

from .index import FileSymbols, StoryIndex, file_symbols, scene_id

MANIFEST = "story.yaml"
MAX_CACHED = 2048  # parsed files kept (a story's files; bounded whatever the folder holds)


def story_root_of(path: Path, limit: int = 12) -> Path | None:
    """The story folder a file belongs to: the nearest folder above it holding story.yaml."""
    folder = path if path.is_dir() else path.parent
    for _ in range(limit):
        if (folder / MANIFEST).is_file():
            return folder
        if folder.parent == folder:
            return None
        folder = folder.parent
    return None


class ParseCache:
    """Parsed YAML per file, keyed by what it was parsed from (the disk file's size and time, or the text)."""

    def __init__(self, limit: int = MAX_CACHED) -> None:
        self.limit = limit
        self.entries: OrderedDict[str, tuple[Any, Any]] = OrderedDict()  # file -> (key, data)

    def get(self, file: str, key: Any) -> Any:
        found = self.entries.get(file)
        if found is None or found[0] != key:
            return None
        self.entries.move_to_end(file)
        return found[1]

    def put(self, file: str, key: Any, data: Any) -> None:
        self.entries[file] = (key, data)
        self.entries.move_to_end(file)
        while len(self.entries) > self.limit:
            self.entries.popitem(last=False)


@dataclass(frozen=True)
class FullCheck:
    """What a full check found, as the editor needs it (sent between processes, so plain data only)."""

    problems: tuple[Problem, ...]
    on_disk: tuple[Problem, ...]  # what the quick pass says of the same saved files
    blockers: tuple[Blocker, ...]
    reached: frozenset[tuple[int, int]]  # (scene, pc) of every op some playthrough runs
    options_shown: frozenset[tuple[int, int, int]]
    complete: bool  # the exploration saw every state (else reached-ness says nothing)
    seconds: float
    errors: int
    warnings: int


@dataclass
class QuickResult:
    problems: list[Problem]
    story: m.Story | None
    seconds: float


@dataclass
class StoryState:
    """The editor's view of one story folder."""

    root: Path
    buffers: dict[str, str] = field(default_factory=dict)  # file (relative) -> the editor's text
    dirty: set[str] = field(default_factory=set)  # files edited since the last full check
    cache: ParseCache = field(default_factory=ParseCache)
    story: m.Story | None = None  # the last story that loaded (for completion and hovers)
    quick: list[Problem] = field(default_factory=list)
    full: FullCheck | None = None
    full_only: list[Problem] = field(default_factory=list)  # what only the full check finds
    symbols: dict[str, tuple[str, frozenset[str], FileSymbols]] = field(default_factory=dict)  # file -> (its text,
    # the scene ids it was resolved with, its symbols)

    def rel(self, path: Path) -> str | None:
        """``path`` relative to the story folder (None when it is outside)."""
        try:
            return path.resolve().relative_to(self.root.resolve()).as_posix()
        except ValueError:
            return None

    # --- reading, for the loader ---

    def read(self, path: str, file: str, rep: Reporter, listed: bool = False) -> Any:
        """The loader's reader: the buffer of an open file, else the disk; parses are kept."""
        text = self.buffers.get(file)
        if text is not None:
            key: Any = ("text", hash(text), len(text))
            data = text.encode("utf-8", "surrogatepass")
        else:
            try:
                stat = os.stat(path)
            except OSError as exc:
                rep.error("unreadable", Pos(file, 1, 1), f"cannot read the file: {exc.strerror or exc}")
                return None
            key = ("disk", stat.st_mtime_ns, stat.st_size)
            data = None
        cached = self.cache.get(file, key)
        if cached is not None:
            return cached
        try:
            data = data if data is not None else read_story_file(path)
            parsed = parse_yaml(data, file)
        except OSError as exc:
            rep.error("unreadable", Pos(file, 1, 1), f"cannot read the file: {exc.strerror or exc}")
            return None
        except YamlProblem as exc:
            rep.error("yaml", exc.pos, exc.message)
            return None
        self.cache.put(file, key, parsed)
        return parsed

    # --- checking ---

    def quick_check(self) -> QuickResult:
        """Load with the buffers and run the static checks (no exploration)."""
        started = time.perf_counter()
        loaded = read_story(self.root, read=self.read)
        problems = list(loaded.problems) + _static(loaded)
        if loaded.story is not None:
            self.story = loaded.story
        self.quick = problems
        return QuickResult(problems, loaded.story, time.perf_counter() - started)

    def edited(self, file: str, text: str) -> None:
        self.buffers[file] = text
        self.dirty.add(file)

    def closed(self, file: str) -> None:
        self.buffers.pop(file, None)

    def finish_full(self, full: FullCheck) -> None:
        """Keep a full check's findings.  A file stays dirty (its full-check problems hidden) while its
        buffer differs from the disk."""
        seen = set(full.on_disk)
        self.full = full
        self.full_only = [p for p in full.problems if p not in seen]
        self.dirty = {file for file in self.dirty if self.buffers.get(file) not in (None, self.disk_text(file))}

    def disk_text(self, file: str) -> str | None:
        try:
            return read_story_file(self.root / file).decode("utf-8", "replace").removeprefix("\ufeff")
        except OSError:
            return None

    def problems_by_file(self) -> dict[str, list[Problem]]:
        """Every problem to show, by file: the quick ones, and the full check's where the file is unchanged."""
        out: dict[str, list[Problem]] = {}
        for problem in self.quick:
            out.setdefault(problem.file, []).append(problem)
        for problem in self.full_only:
            if problem.file not in self.dirty:
                out.setdefault(problem.file, []).append(problem)
        return out


    def text_of(self, file: str) -> str | None:
        """The text of ``file``: the editor's buffer, else the disk (None when unreadable or too large)."""
        if file in self.buffers:
            return self.buffers[file]
        try:
            data = read_story_file(self.root / file)
        except OSError:
            return None
        return None if len(data) > MAX_FILE_BYTES else data.decode("utf-8", "replace").removeprefix("\ufeff")

    def index(self) -> StoryIndex:
        """The symbols of every file of the story, rebuilt only for files whose text changed."""
        texts: dict[str, str] = {}
        for path in source_files(self.root):
            file = self.rel(path)
            text = self.text_of(file) if file is not None else None
            if file is not None and text is not None:
                texts[file] = text
        scenes = frozenset(filter(None, (scene_id(text) for file, text in texts.items() if file.startswith("scenes/"))))
        index = StoryIndex()
        for file, text in texts.items():
            known = self.symbols.get(file)
            if known is None or known[0] != text or known[1] != scenes:
                known = (text, scenes, file_symbols(file, text, scenes.__contains__))
                self.symbols[file] = known
            index.files[file] = known[2]
        for gone in set(self.symbols) - set(texts):
            del self.symbols[gone]
        return index


def _static(loaded: LoadResult) -> list[Problem]:
    """The checks that need the story but not its exploration."""
    if loaded.story is None:
        return []
    return check_variables(loaded.story) + check_stale_translations(loaded.story)


def full_check(root: Path) -> FullCheck:
    """``starlight check`` of the saved files, and what the quick pass says of the same files (worker process)."""
    report = run_check(root)
    loaded = read_story(root)
    found = report.exploration
    return FullCheck(tuple(report.problems), tuple(loaded.problems) + tuple(_static(loaded)), tuple(report.blockers),
                     frozenset(found.reached) if found else frozenset(),
                     frozenset(found.options_shown) if found else frozenset(),
                     found.complete if found else False, report.seconds, len(report.errors), len(report.warnings))
