"""What the player keeps across playthroughs, in ``progress.json``: the record behind the flowchart.

- endings seen and lines read (by the string form of their step identity,
  ``str(StepId)``, which survives edits elsewhere in the story, so "skip read
  lines only" keeps working after an update);
- the flowchart's nodes seen, the options seen and taken in any playthrough
  (keys made by ``game.check.flowchart``), the music tracks heard, the event
  pictures seen (``cg/<name>``, for the gallery);
- per node, the state the player had when they last passed it, one per route
  (``Passage``: the decisions that led there, the runtime state as a snapshot
  of ``game.story.snapshot`` and the stage as data), so a warp resumes exactly
  as a save does and relocates after story edits as saves do; and per ending
  the state at the start of its final scene (the gallery's replay).

The file is versioned like saves (``FORMAT``; a file without ``format`` is
format 1, which had only endings and lines) and checked with ``schema`` specs
(``progress_format``).  Loading never fails and never loses data: a damaged
file is kept aside, and within a readable file each entry that does not fit
is dropped on its own (the original file is then kept aside).  Every part is
bounded: routes per node (``MAX_ROUTES``), passages in all (``MAX_PASSAGES``,
the oldest go first), decisions per route, and what is written always fits
what is read.

>>> progress = Progress()
>>> progress.mark_read("intro.+0#ab12")
>>> progress.is_read("intro.+0#ab12"), progress.is_read("intro.+1#cd34")
(True, False)
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from . import progress_format as spec
from ._document import MAX_BYTES, load_document
from .atomic import keep_damaged, write_atomic
from .schema import SchemaError, shown

FORMAT = 2
MAX_ENTRIES = spec.MAX_ENTRIES
MAX_ROUTES = 3  # states kept per node (one per route, the most recent)
MAX_PASSAGES = 2_000  # states kept in all (the shipped story has 136 nodes)
MAX_ROUTE = spec.MAX_ROUTE  # decisions kept per route (the oldest are dropped)
MAX_FINALES = spec.MAX_FINALES
_SETS = ("endings_seen", "lines_read", "nodes_seen", "options_seen", "options_taken", "tracks_heard", "hints_shown",
         "pictures_seen")


@dataclass
class Passage:
    """The player passing a node: the decisions that led there, and the state to play on from."""

    route: tuple[str, ...]  # decision keys (game.check.flowchart.option_key / hotspot_key), oldest first
    snapshot: dict[str, Any]  # game.story.snapshot.to_json of the first stop from the node
    presentation: dict[str, Any]  # game.story.presentation.Presentation.to_json there
    seq: int = 0  # when it was recorded (the record's counter): newer is larger

    def same_place(self, other: Passage) -> bool:
        """The same route, or the same state by another route: the newer one stands for both."""
        return self.route == other.route or _state_of(self.snapshot) == _state_of(other.snapshot)

    def to_json(self) -> dict[str, Any]:
        return {"route": list(self.route), "snapshot": self.snapshot, "presentation": self.presentation,
                "seq": self.seq}


def _state_of(snapshot: dict[str, Any]) -> tuple[str, ...]:
    at = snapshot.get("at")
    step = at.get("step") if isinstance(at, dict) else None
    return (repr(step), repr(snapshot.get("stack")), repr(snapshot.get("vars")), repr(snapshot.get("visited")))


@dataclass
class Progress:
    endings_seen: set[str] = field(default_factory=set)
    lines_read: set[str] = field(default_factory=set)
    nodes_seen: set[str] = field(default_factory=set)
    options_seen: set[str] = field(default_factory=set)
    options_taken: set[str] = field(default_factory=set)
    tracks_heard: set[str] = field(default_factory=set)
    pictures_seen: set[str] = field(default_factory=set)  # event pictures (``cg/<name>``) shown in any playthrough
    hints_shown: set[str] = field(default_factory=set)  # one-time explanations the player has had ("timed_choice")
    passages: dict[str, list[Passage]] = field(default_factory=dict)  # node key -> newest first
    finales: dict[str, Passage] = field(default_factory=dict)  # ending id -> its final scene's start
    seq: int = 0

    # --- lines and endings ---

    def mark_read(self, key: str) -> None:
        self.lines_read.add(key)

    def is_read(self, key: str) -> bool:
        return key in self.lines_read

    def record_ending(self, ending_id: str) -> None:
        self.endings_seen.add(ending_id)

    # --- the flowchart's record ---

    def see_node(self, key: str) -> None:
        self.nodes_seen.add(key)

    def see_options(self, keys: Iterable[str]) -> None:
        self.options_seen.update(keys)

    def take_option(self, key: str) -> None:
        self.options_taken.add(key)
        self.options_seen.add(key)

    def hear(self, track: str) -> None:
        self.tracks_heard.add(track)

    def see_picture(self, background: str) -> None:
        self.pictures_seen.add(background)

    def first_time(self, hint: str) -> bool:
        """Whether the one-time explanation ``hint`` is due (it is then noted as shown)."""
        if hint in self.hints_shown:
            return False
        self.hints_shown.add(hint)
        return True

    def remember_passage(self, node: str, passage: Passage) -> Passage:
        """Keep ``passage`` as the newest state at ``node`` (replacing one of the same route or state)."""
        passage = self._stamped(passage)
        kept = [p for p in self.passages.get(node, []) if not p.same_place(passage)]
        self.passages[node] = [passage, *kept][:MAX_ROUTES]
        if self.passage_count() > MAX_PASSAGES:
            self.forget_oldest(self.passage_count() - MAX_PASSAGES)
        return passage

    def remember_finale(self, ending: str, passage: Passage) -> None:
        """The state at the start of the scene ``ending`` was reached in (the gallery replays it)."""
        self.finales[ending] = self._stamped(passage)
        if len(self.finales) > MAX_FINALES:
            oldest = min(self.finales, key=lambda e: self.finales[e].seq)
            del self.finales[oldest]

    def _stamped(self, passage: Passage) -> Passage:
        self.seq += 1
        route = passage.route[-MAX_ROUTE:]
        return Passage(route, passage.snapshot, passage.presentation, self.seq)

    def passage_count(self) -> int:
        return sum(len(found) for found in self.passages.values())

    def forget_oldest(self, count: int) -> None:
        """Drop the ``count`` oldest passages of all nodes."""
        if count <= 0:
            return
        every = sorted((p.seq, node) for node, found in self.passages.items() for p in found)
        for seq, node in every[:count]:
            self.passages[node] = [p for p in self.passages[node] if p.seq != seq]
            if not self.passages[node]:
                del self.passages[node]

    # --- the file ---

    def to_json(self) -> dict[str, Any]:
        data: dict[str, Any] = {"format": FORMAT, "seq": self.seq}
        for name in _SETS:
            data[name] = sorted(getattr(self, name))
        data["passages"] = {node: [p.to_json() for p in found] for node, found in self.passages.items()}
        data["finales"] = {ending: p.to_json() for ending, p in self.finales.items()}
        return data


# --- reading ---


def _strings(raw: dict[str, Any], name: str, warnings: list[str]) -> set[str]:
    value = raw.get(name, [])
    if not isinstance(value, list):
        warnings.append(f"{name} must be a list of strings, not {type(value).__name__}; it was reset.")
        return set()
    kept: set[str] = set()
    dropped = max(0, len(value) - MAX_ENTRIES)
    for item in value[:MAX_ENTRIES]:
        try:
            kept.add(spec.KEY.check(item))
        except SchemaError:
            dropped += 1
    if dropped:
        warnings.append(f"{name}: {dropped:,} entr{'y' if dropped == 1 else 'ies'} that were not strings of at most "
                        f"{spec.KEY.max_length} characters (or past {MAX_ENTRIES:,}) were dropped.")
    return kept


def _passage(value: Any, where: str) -> Passage:
    checked = spec.PASSAGE.check(value, where)
    return Passage(tuple(checked["route"]), checked["snapshot"], checked["presentation"], checked["seq"])


def _passages(raw: dict[str, Any], warnings: list[str]) -> dict[str, list[Passage]]:
    value = raw.get("passages", {})
    if not isinstance(value, dict):
        warnings.append(f"passages must be a mapping, not {shown(value)}; it was reset.")
        return {}
    found: dict[str, list[Passage]] = {}
    problems: list[str] = []
    for node, entries in list(value.items())[:spec.MAX_PASSAGE_NODES]:
        try:
            spec.KEY.check(node, "passages key")
        except SchemaError as error:
            problems.append(str(error))
            continue
        if not isinstance(entries, list):
            problems.append(f"passages.{shown(node)}: must be a list, not {shown(entries)}")
            continue
        kept = []
        for i, item in enumerate(entries[:MAX_ROUTES]):
            try:
                kept.append(_passage(item, f"passages.{shown(node)}[{i}]"))
            except SchemaError as error:
                problems.append(str(error))
        if kept:
            found[node] = kept
    if len(value) > spec.MAX_PASSAGE_NODES:
        problems.append(f"passages: only the first {spec.MAX_PASSAGE_NODES:,} nodes are read")
    if problems:
        warnings.append(f"passages: {len(problems):,} dropped ({problems[0]}).")
    return found


def _finales(raw: dict[str, Any], warnings: list[str]) -> dict[str, Passage]:
    value = raw.get("finales", {})
    if not isinstance(value, dict) or len(value) > MAX_FINALES:
        warnings.append(f"finales must be a mapping of at most {MAX_FINALES} endings; it was reset.")
        return {}
    found: dict[str, Passage] = {}
    for ending, item in value.items():
        try:
            spec.KEY.check(ending, "finales key")
            found[ending] = _passage(item, f"finales.{shown(ending)}")
        except SchemaError as error:
            warnings.append(f"finales: dropped ({error}).")
    return found


def _version(raw: dict[str, Any], warnings: list[str]) -> int:
    version = raw.get("format", 1)
    if isinstance(version, bool) or not isinstance(version, int) or version < 1:
        warnings.append(f"format must be a whole number, not {shown(version)}; what can be read was kept.")
        return FORMAT
    if version > FORMAT:
        warnings.append(f"the file comes from a newer version of the game (format {version}); "
                        "what this one understands was kept.")
    return version


def progress_from_json(raw: dict[str, Any]) -> tuple[Progress, list[str]]:
    """Progress from a parsed ``progress.json``, keeping every valid entry; warnings say what was dropped.

    Format 1 (no ``format``: endings and lines only) reads as a record with nothing else seen yet.
    """
    warnings: list[str] = []
    _version(raw, warnings)
    progress = Progress(passages=_passages(raw, warnings), finales=_finales(raw, warnings))
    for name in _SETS:
        setattr(progress, name, _strings(raw, name, warnings))
    seq = raw.get("seq", 0)
    newest = max([p.seq for found in progress.passages.values() for p in found]
                 + [p.seq for p in progress.finales.values()], default=0)
    progress.seq = max(newest, seq if isinstance(seq, int) and not isinstance(seq, bool) and 0 <= seq < 2**53 else 0)
    if progress.passage_count() > MAX_PASSAGES:
        progress.forget_oldest(progress.passage_count() - MAX_PASSAGES)
        warnings.append(f"passages: only the newest {MAX_PASSAGES:,} were kept.")
    return progress, warnings


def load_progress(path: Path) -> tuple[Progress, list[str]]:
    """The progress stored at ``path`` and warnings for the player; never raises.

    Missing file: nothing seen yet.  Damaged file: nothing seen yet, and the
    file is kept as ``progress.json.damaged-<timestamp>``.
    """
    raw, warnings = load_document(path)
    if raw is None:
        return Progress(), warnings
    progress, problems = progress_from_json(raw)
    warnings += [f"{Path(path).name}: {problem}" for problem in problems]
    if problems:
        warnings.append(_keep_original(Path(path), progress))
    return progress, warnings


def _keep_original(path: Path, progress: Progress) -> str:
    """Set a partly invalid file aside and store what was kept, so neither half is ever lost."""
    try:
        kept = keep_damaged(path)
        save_progress(path, progress)
    except OSError as error:
        return f"{path.name} could not be repaired ({error.strerror or error})."
    return f"The original {path.name} was kept as {kept.name}."


def _dumps(data: dict[str, Any]) -> bytes:
    # Compact, unlike settings and saves: the record is large (a state per node and route) and written
    # while playing, and JSON's C encoder only runs without indentation.  Sorted lists keep it stable.
    return json.dumps(data, ensure_ascii=False, separators=(",", ":"), sort_keys=True).encode("utf-8") + b"\n"


def encode_progress(progress: Progress, limit: int = MAX_BYTES) -> bytes:
    """The file's bytes (sorted lists, keys sorted), never larger than what loading reads.

    Past ``limit`` the oldest passages are dropped (the record of what was seen is small and stays).
    """
    data = _dumps(progress.to_json())
    while len(data) > limit and progress.passage_count():
        progress.forget_oldest(max(1, progress.passage_count() // 4))
        data = _dumps(progress.to_json())
    return data


def save_progress(path: Path, progress: Progress) -> None:
    """Write ``progress`` to ``path`` atomically; raises ``OSError`` when the disk refuses."""
    write_atomic(path, encode_progress(progress))
