"""The flowchart's record in progress.json (game/persist/progress.py): versioned, checked, bounded, crash-safe.

Nodes seen, options seen and taken, tracks heard, and per node the state the
player had there (a snapshot and the stage, one per route) round-trip; a
format-1 file (endings and lines only) still reads; one bad entry costs only
itself; every part has a bound; and a writer killed with SIGKILL in the middle
of writing leaves a file that reads whole, old or new, never half.
"""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st

from game.persist import progress as record
from game.persist.progress import Passage, Progress, encode_progress, load_progress, progress_from_json, save_progress

ROOT = Path(__file__).resolve().parent.parent


def snapshot(n: int, scene: str = "harbor") -> dict[str, Any]:
    return {"format": 2, "at": {"step": [scene, None, n, "ab12"], "pc": n, "what": "line:mira", "trail": [],
                                "options": [], "anchors": []},
            "stack": [], "vars": {"oil": n % 4}, "visited": []}


def stage() -> dict[str, Any]:
    return {"background": "harbor_dusk", "characters": [["mira", "neutral", "right"]], "music": "waves",
            "speaker": "mira", "clock": 0.0, "signals": [], "places": []}


def passage(n: int, route: tuple[str, ...] = ()) -> Passage:
    return Passage(route or (f"choice:harbor.+7#aa|{n:010x}",), snapshot(n), stage())


def test_the_whole_record_round_trips(tmp_path: Path) -> None:
    path = tmp_path / "progress.json"
    progress = Progress()
    progress.mark_read("harbor.+4#ab")
    progress.record_ending("dawn")
    progress.see_node("harbor")
    progress.see_options(["choice:harbor.+7#aa|01", "choice:harbor.+7#aa|02"])
    progress.take_option("choice:harbor.+7#aa|01")
    progress.hear("waves")
    assert progress.first_time("timed_choice") and not progress.first_time("timed_choice")
    progress.remember_passage("harbor.farewell", passage(1))
    progress.remember_finale("dawn", passage(2))
    save_progress(path, progress)
    again, warnings = load_progress(path)
    assert warnings == [] and again == progress
    raw = json.loads(path.read_text())
    assert raw["format"] == record.FORMAT == 2
    assert raw["hints_shown"] == ["timed_choice"]
    assert raw["passages"]["harbor.farewell"][0]["route"] == ["choice:harbor.+7#aa|0000000001"]
    assert again.passages["harbor.farewell"][0].seq < again.finales["dawn"].seq  # the order things happened in


def test_a_format_1_file_reads_as_a_record_with_nothing_else_seen(tmp_path: Path) -> None:
    path = tmp_path / "progress.json"
    path.write_text(json.dumps({"endings_seen": ["dawn"], "lines_read": ["harbor.+4#ab"]}))
    progress, warnings = load_progress(path)
    assert warnings == [] and progress == Progress(endings_seen={"dawn"}, lines_read={"harbor.+4#ab"})
    assert list(tmp_path.iterdir()) == [path]  # nothing set aside: an old file is not a damaged one


def test_a_newer_format_keeps_what_is_understood_and_the_original(tmp_path: Path) -> None:
    path = tmp_path / "progress.json"
    original = json.dumps({"format": 9, "endings_seen": ["dawn"], "holograms": [1, 2]})
    path.write_text(original)
    progress, warnings = load_progress(path)
    assert progress.endings_seen == {"dawn"} and any("newer version" in w for w in warnings)
    kept = [p for p in tmp_path.iterdir() if p != path]
    assert len(kept) == 1 and kept[0].read_text() == original


def test_a_bad_passage_costs_only_itself(tmp_path: Path) -> None:
    path = tmp_path / "progress.json"
    good = passage(3).to_json()
    bad_snapshot = {**good, "snapshot": {**good["snapshot"], "stack": [{"after": 7}]}}
    path.write_text(json.dumps({"format": 2, "nodes_seen": ["harbor"], "passages": {
        "harbor": [good, bad_snapshot, {"route": "not a list"}],
        "stairs": "not a list", "x" * 600: [good]}, "finales": {"dawn": {"seq": -1}}}))
    progress, warnings = load_progress(path)
    assert progress.nodes_seen == {"harbor"} and list(progress.passages) == ["harbor"]
    assert [p.snapshot for p in progress.passages["harbor"]] == [good["snapshot"]]
    assert progress.finales == {}
    assert any("passages: 4 dropped" in w for w in warnings) and any("finales" in w for w in warnings)
    assert all(len(w) < 400 for w in warnings)  # a message quotes a few words, not the file
    assert load_progress(path) == (progress, [])  # the repaired file reads cleanly; the original is aside


def test_routes_per_node_and_passages_in_all_are_bounded(monkeypatch: Any) -> None:
    progress = Progress()
    for n in range(10):
        progress.remember_passage("harbor", passage(n))
    assert [p.snapshot["at"]["pc"] for p in progress.passages["harbor"]] == [9, 8, 7]  # newest first
    progress.remember_passage("harbor", passage(7, route=("again",)))  # the same state by another route
    assert [p.route for p in progress.passages["harbor"]] == [("again",), (passage(9).route[0],),
                                                             (passage(8).route[0],)]
    long_route = tuple(f"d{i}" for i in range(200))
    assert progress.remember_passage("stairs", passage(1, long_route)).route == long_route[-record.MAX_ROUTE:]
    monkeypatch.setattr(record, "MAX_PASSAGES", 5)
    for n in range(8):
        progress.remember_passage(f"node{n}", passage(100 + n))
    assert progress.passage_count() == 5
    assert set(progress.passages) == {"node3", "node4", "node5", "node6", "node7"}  # the oldest went first


def test_what_is_written_always_fits_what_is_read() -> None:
    progress = Progress()
    for n in range(300):
        progress.remember_passage(f"node{n}", passage(n))
    data = encode_progress(progress, limit=100_000)
    assert len(data) <= 100_000 and 0 < progress.passage_count() < 300
    kept = set(progress.passages)
    assert "node299" in kept and "node0" not in kept  # the newest stay


WRITER = """
import sys
from pathlib import Path
sys.path.insert(0, {root!r})
from game.persist.progress import Passage, Progress, save_progress
sys.path.insert(0, {tests!r})
from test_progress_record import passage
path = Path(sys.argv[1])
progress = Progress()
for n in range(200):
    progress.remember_passage(f"node{{n}}", passage(n))
print("ready", flush=True)
seq = 0
while True:
    seq += 1
    progress.mark_read(f"line-{{seq}}")
    save_progress(path, progress)
    print(seq, flush=True)
"""


def test_the_record_survives_kill_9_during_its_write(tmp_path: Path) -> None:
    """A writer saving a 200-passage record without pause, killed again and again: always a whole file."""
    path = tmp_path / "progress.json"
    script = tmp_path / "writer.py"
    script.write_text(WRITER.format(root=str(ROOT), tests=str(ROOT / "tests")))
    acked = 0
    for round_ in range(6):
        child = subprocess.Popen([sys.executable, str(script), str(path)], stdout=subprocess.PIPE, text=True)
        assert child.stdout is not None
        assert child.stdout.readline().strip() == "ready"
        time.sleep(0.03 + 0.02 * round_)
        os.kill(child.pid, signal.SIGKILL)
        done = [int(line) for line in child.stdout.read().split() if line.isdigit()]
        child.wait()
        acked = max(acked, *done) if done else acked
        progress, warnings = load_progress(path)
        assert warnings == [], warnings
        if path.exists():
            assert progress.passage_count() == 200
            written = max(int(key.removeprefix("line-")) for key in progress.lines_read)
            assert written >= (done[-1] if done else 0)  # nothing reported written was lost
    assert acked > 0, "the writer never finished a write before it was killed"


JSON = st.recursive(st.none() | st.booleans() | st.integers() | st.floats() | st.text(max_size=20),
                    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=12), inner, max_size=4),
                    max_leaves=30)
SECTIONS = st.sampled_from(["format", "seq", "endings_seen", "lines_read", "nodes_seen", "options_seen",
                            "options_taken", "tracks_heard", "passages", "finales"])


@settings(max_examples=300, deadline=None)
@given(st.dictionaries(SECTIONS, JSON | st.dictionaries(st.text(max_size=12), JSON, max_size=3), max_size=6))
def test_any_json_reads_as_a_record_and_warnings_never_an_exception(raw: dict[str, Any]) -> None:
    progress, warnings = progress_from_json(raw)
    assert all(isinstance(w, str) and len(w) < 600 for w in warnings)
    again, more = progress_from_json(json.loads(encode_progress(progress)))
    assert more == [] and again == progress  # what was kept writes and reads back cleanly
