"""One coverage run: load the story, play the replays and the random playthroughs, count."""

from __future__ import annotations

import time
from dataclasses import dataclass
from pathlib import Path

from game.check.maps import analyse_maps
from game.check.replay import Replay, ReplayError, ReplayResult, read_replay
from game.story import model as m

from .collect import Hits, new_hits, play_random, play_replays
from .measure import Coverage, measure


@dataclass
class CoverageRun:
    story: m.Story
    hits: Hits
    coverage: Coverage
    seconds: float

    @property
    def failed_replays(self) -> list[ReplayResult]:
        return [r for r in self.hits.replays if not r.ok]

    def headline(self, random_count: int, seed: int) -> str:
        replays = len(self.hits.replays)
        parts = [f"{replays} replay{'s' if replays != 1 else ''}"]
        if random_count:
            parts.append(f"{random_count} random playthroughs (seed {seed}"
                         + (f", {self.hits.random_unfinished} did not end" if self.hits.random_unfinished else "")
                         + ")")
        return f"Coverage of {self.coverage.title!r} ({self.story.root}): {' and '.join(parts)}, {self.seconds:.2f} s"


def replay_files(paths: list[Path]) -> list[Path]:
    """Replay files named directly, or every .yaml / .yml file in a named folder (sorted)."""
    found: list[Path] = []
    for path in paths:
        if path.is_dir():
            found += sorted(p for p in path.iterdir() if p.suffix in (".yaml", ".yml") and p.is_file())
        else:
            found.append(path)
    return found


@dataclass
class ReplaySet:
    """The replay files of one run: those of the story, those that cannot be read, those of other stories."""

    replays: list[Replay]
    unreadable: list[ReplayResult]
    other_story: list[Path]


def read_replays(paths: list[Path], story_root: Path, default_story: Path) -> ReplaySet:
    """Sort ``paths`` into the replays of ``story_root``, the unreadable ones and other stories' ones."""
    found = ReplaySet([], [], [])
    target = story_root.resolve()
    for path in paths:
        try:
            replay = read_replay(path, default_story)
        except ReplayError as exc:
            found.unreadable.append(ReplayResult(path, failures=[str(exc)]))
            continue
        if replay.story.resolve() != target:
            found.other_story.append(path)
        else:
            found.replays.append(replay)
    return found


def run_coverage(story: m.Story, replays: list[Replay], random_count: int = 0, seed: int = 1,
                 unplayable: list[ReplayResult] | None = None) -> CoverageRun:
    started = time.perf_counter()
    hits = new_hits(story)
    hits.replays.extend(unplayable or [])
    play_replays(story, replays, hits)
    if random_count:
        walkable = analyse_maps(story).reachable if story.maps else None
        play_random(story, random_count, seed, hits, walkable)
    return CoverageRun(story, hits, measure(story, hits), time.perf_counter() - started)
