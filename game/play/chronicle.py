"""The rules of the player's record: what counts as seen, taken and heard, and the state each node keeps.

A ``Chronicle`` watches one playthrough for the play controller and writes
into the player's ``Progress`` (``game.persist.progress``):

- a node of the flowchart (a scene's start, a label, a choice) is *seen* once
  play passes it on the way to a stop the player meets; every op the runtime
  runs is marked in a ``NodeTrace`` (the cursor's coverage record), and after
  each move the chronicle reads the marks at node positions only;
- each node seen keeps the state of the first stop after it and the stage
  there, as a snapshot (so a warp resumes like a save, even after edits), one
  per route: the decisions of the playthrough that led there;
- the options of a choice the player meets are *seen*, the one taken *taken*;
- a track is *heard* once it plays (passed on the way, or on stage at a stop);
- an event picture (``bg: cg/<name>``) is *seen* once it is on stage at a stop
  newly played (a skip shows each stop, if only for a moment: it counts, as in
  Ren'Py; a picture put up and replaced before the next stop does not).  The
  stop a restored game lands on (a save loaded, a warp) counts only for a
  picture play put up on the way there: a restored stage is not a picture shown;
- an ending reached is seen, with the start of the scene it ended in kept for
  the gallery's replay.

Only fresh moves count (rolling forward through the history replays what was
seen already).  ``relocate_record`` moves the record's keys onto an edited
story, as snapshots relocate saves.
"""

from __future__ import annotations

from collections.abc import Iterable

from game.check.flowchart import choice_node, ending_node, hotspot_key, option_key, scene_node_positions
from game.check.pictures import is_event_picture
from game.persist.progress import Passage, Progress
from game.story import model as m
from game.story import snapshot
from game.story.cursor import Beat, Cursor
from game.story.runtime import ChoiceEvent, Event, MapEvent, State

Decision = tuple[ChoiceEvent | MapEvent, int]


class NodeTrace:
    """The cursor's coverage record (``runtime.Trace``), read at node positions after each move.

    A scene's marks and node positions are made when play first enters it: a story
    from the cache decodes only the scenes play reaches, and this keeps it so.
    """

    def __init__(self, story: m.Story) -> None:
        self.story = story
        self.marks: dict[int, bytearray] = {}
        self.nodes: dict[int, list[tuple[int, tuple[str, ...]]]] = {}
        self.touched: set[int] = set()

    def __getitem__(self, scene: int) -> bytearray:
        self.touched.add(scene)
        marks = self.marks.get(scene)
        if marks is None:
            marks = self.marks[scene] = bytearray(len(self.story.scenes[scene].ops))
            self.nodes[scene] = sorted(scene_node_positions(self.story, scene).items())
        return marks

    def take(self) -> list[str]:
        """The node keys passed since the last take, in story order, and the marks cleared."""
        passed: list[str] = []
        for scene in sorted(self.touched):
            marks = self.marks[scene]
            for pc, keys in self.nodes.get(scene, ()):
                if marks[pc]:
                    passed.extend(keys)
                    marks[pc] = 0
        self.touched.clear()
        return passed


def decision_key(event: ChoiceEvent | MapEvent, index: int) -> str | None:
    """The key of taking option (or hotspot) ``index`` at ``event``, as routes and marks name it."""
    sid = event.op.sid
    if sid is None:
        return None
    if isinstance(event, ChoiceEvent):
        return option_key(sid, event.op.options[index].text)
    return hotspot_key(sid, event.map.hotspots[index].name)


def node_of(story: m.Story, beat: Beat) -> str:
    """The flowchart node a stop belongs to: its choice, its ending, or the label (scene) it follows."""
    event = beat.event
    if isinstance(event, m.Ending):
        return ending_node(event.ending)
    if isinstance(event, ChoiceEvent) and event.op.sid is not None:
        return choice_node(event.op.sid)
    sid = event.op.sid if isinstance(event, MapEvent) else getattr(event, "sid", None)
    scene = story.scenes[beat.state.scene].id
    label = sid.label if isinstance(sid, m.StepId) else None
    return f"{scene}.{label}" if label else scene


class Chronicle:
    """Writes one playthrough into the player's record; ``route`` is the decisions before it began (a warp)."""

    def __init__(self, story: m.Story, progress: Progress, route: tuple[str, ...] = ()) -> None:
        self.story = story
        self.progress = progress
        self.route_before = route
        self.trace = NodeTrace(story)
        self.scene_entries: dict[int, Passage] = {}  # scene -> the first stop met in it (the latest entry)
        self._last_scene: int | None = None
        self._landing: State | None = None  # the first stop met (a save's, a warp's or the story's start)

    def watch(self, cursor: Cursor) -> None:
        """Have ``cursor`` mark the ops it runs (for this chronicle to read after each move)."""
        cursor.trace = self.trace

    def route(self, decisions: Iterable[Decision]) -> tuple[str, ...]:
        keys = (decision_key(event, index) for event, index in decisions)
        return self.route_before + tuple(key for key in keys if key is not None)

    def passage(self, beat: Beat, decisions: Iterable[Decision]) -> Passage | None:
        """The state at ``beat`` as the record keeps it; None for a state a snapshot cannot name."""
        try:
            state = snapshot.to_json(self.story, beat.state)
        except snapshot.SnapshotError:  # (every stop has a step identity; the record never stops play)
            return None
        return Passage(self.route(decisions), state, beat.presentation.to_json())

    # --- what the controller tells it ---

    def arrived(self, beat: Beat, fresh: bool, decisions: list[Decision]) -> None:
        """The player meets the stop ``beat`` (``fresh``: newly played, not replayed from the history)."""
        passed = self.trace.take()
        progress = self.progress
        if beat.presentation.music:
            progress.hear(beat.presentation.music)
        if not fresh:
            return
        for event in beat.passed:
            self._heard(event)
        self._saw_picture(beat)
        scene = beat.state.scene
        here: Passage | None = None
        if scene != self._last_scene or scene not in self.scene_entries:
            here = self.passage(beat, decisions)
            if here is not None:
                self.scene_entries[scene] = here
        self._last_scene = scene
        event = beat.event
        if isinstance(event, m.Ending):
            progress.see_node(ending_node(event.ending))
            progress.record_ending(event.ending)
            entry = self.scene_entries.get(scene)
            if entry is not None:
                progress.remember_finale(event.ending, entry)
            return
        for key in passed:
            progress.see_node(key)
            here = here or self.passage(beat, decisions)
            if here is not None:
                progress.remember_passage(key, here)
        if isinstance(event, ChoiceEvent) and event.op.sid is not None:
            sid = event.op.sid
            progress.see_options(option_key(sid, option.text) for option in event.options)

    def chose(self, event: ChoiceEvent | MapEvent, index: int) -> None:
        """The player takes option (or hotspot) ``index`` at ``event``."""
        if isinstance(event, ChoiceEvent):
            key = decision_key(event, index)
            if key is not None:
                self.progress.take_option(key)

    def _saw_picture(self, beat: Beat) -> None:
        """Record the event picture on stage at ``beat`` (a fresh stop) as seen, unless only restored there."""
        if self._landing is None:
            self._landing = beat.state
        background = beat.presentation.background
        if not is_event_picture(background):
            return
        if beat.state == self._landing and not any(
                isinstance(event, m.Background) and event.name == background for event in beat.passed):
            return  # the stop play resumed on, its stage restored from a save or a warp's record
        self.progress.see_picture(background)

    def _heard(self, event: Event) -> None:
        if isinstance(event, m.Music) and event.name:
            self.progress.hear(event.name)


# --- the record after the story was edited ---


def _parse_sid(text: str) -> m.StepId | None:
    """``str(StepId)`` read back ("scene.label+offset#digest"); None when it is not one."""
    head, hash_, digest = text.rpartition("#")
    place, plus, offset = head.rpartition("+")
    scene, dot, label = place.partition(".")
    if not (hash_ and plus and dot and offset.isdigit() and scene):
        return None
    return m.StepId(scene, label or None, int(offset), digest)


def _choice_moves(story: m.Story, keys: Iterable[str], options: dict[str, set[str]]) -> dict[str, str]:
    """Old choice identity -> the identity of the same choice in the edited story, for those that moved.

    Found as snapshots find a step, under the same label: the same content (a step was added or
    removed above it), else the choice standing where it stood (its options were edited), else
    the one choice there that still has one of its options (``options``: old identity -> the
    digests of its options the record knows).
    """
    keys = list(keys)
    named = {key.partition(".")[0] for key in keys}
    current: dict[tuple[str, str | None], list[tuple[m.StepId, set[str]]]] = {}
    for scene in story.scenes:
        if scene.id not in named:  # (a scene's steps are decoded when first read: only those the record names)
            continue
        for op in scene.ops:
            if isinstance(op, m.Choice) and op.sid is not None:
                digests = {option_key(op.sid, o.text).partition("|")[2] for o in op.options}
                current.setdefault((op.sid.scene, op.sid.label), []).append((op.sid, digests))
    known = {str(sid) for found in current.values() for sid, _ in found}
    moves: dict[str, str] = {}
    for key in keys:
        if key in known or key in moves:
            continue
        old = _parse_sid(key)
        if old is None:
            continue
        near = current.get((old.scene, old.label), [])
        wanted = options.get(key, set())
        for found in ([sid for sid, _ in near if sid.digest == old.digest],
                      [sid for sid, _ in near if sid.offset == old.offset],
                      [sid for sid, digests in near if digests & wanted]):
            if len(found) == 1:
                moves[key] = str(found[0])
                break
    return moves


def _moved(key: str, moves: dict[str, str]) -> str:
    """``key`` (a node, an option or a decision) with its choice identity moved, if it moved."""
    prefix = "choice:" if key.startswith("choice:") else ""
    body = key.removeprefix(prefix)
    sid, bar, rest = body.partition("|")
    return f"{prefix}{moves[sid]}{bar}{rest}" if sid in moves else key


def relocate_record(progress: Progress, story: m.Story) -> int:
    """Move the record's choice identities onto the edited ``story``; the number of keys moved.

    Scenes and labels keep their names; a choice's identity changes when a step is
    added above it or its options are edited, and follows it here.  What cannot be
    found stays as it is (unseen in the flowchart, and back if the edit is undone).
    """
    def sid_part(key: str) -> str:
        return key.removeprefix("choice:").partition("|")[0]

    keys = [sid_part(k) for k in (*progress.nodes_seen, *progress.options_seen, *progress.options_taken,
                                   *progress.passages) if k.startswith("choice:") or "|" in k]
    keys += [sid_part(k) for found in progress.passages.values() for p in found for k in p.route]
    if not keys:  # a first start: nothing to move (and no scene's steps decoded to find it)
        return 0
    options: dict[str, set[str]] = {}
    for key in (*progress.options_seen, *progress.options_taken):
        sid, _, digest = key.partition("|")
        options.setdefault(sid, set()).add(digest)
    moves = _choice_moves(story, keys, options)
    if not moves:
        return 0
    count = 0
    for name in ("nodes_seen", "options_seen", "options_taken"):
        old: set[str] = getattr(progress, name)
        new = {_moved(k, moves) for k in old}
        count += len(old - new)
        setattr(progress, name, new)
    passages: dict[str, list[Passage]] = {}
    for node, found in progress.passages.items():
        moved = _moved(node, moves)
        count += moved != node
        passages.setdefault(moved, []).extend(
            Passage(tuple(_moved(k, moves) for k in p.route), p.snapshot, p.presentation, p.seq) for p in found)
    progress.passages = {node: sorted(found, key=lambda p: -p.seq) for node, found in passages.items()}
    return count
