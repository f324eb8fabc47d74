"""Hand-edited and foreign saves end as a short message on the slot, never as a crash.

Each case starts from a real save of the sample story (a real snapshot and the
presentation the play screen stores) and breaks one thing the way a player, a
save editor or another program might.  Whatever the file holds, reading it
(``SaveStore.info``, ``newest``) and restoring it on the story
(``snapshot.from_json``) end in a ``SaveError`` / ``SnapshotError`` whose message
is short enough for a slot card and never echoes more than a few words of the
bad input.
"""

from __future__ import annotations

import copy
import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from game.persist import saves
from game.persist.saves import SaveData, SaveError, SaveStore
from game.story import model as m
from game.story import snapshot
from game.story.loader import load_story
from game.story.runtime import Runtime
from game.story.snapshot import SnapshotError

SAMPLE = Path(__file__).parent / "fixtures" / "sample"
MESSAGE_LIMIT = 120
QUOTE_LIMIT = 40


@pytest.fixture(scope="module")
def story() -> m.Story:
    return load_story(SAMPLE)


def real_save(story: m.Story, steps: int = 6) -> dict[str, Any]:
    """A save file's JSON, made a few events into the sample story (with a map position, as on a map)."""
    runtime = Runtime(story)
    state, _ = runtime.present(runtime.start())
    for _ in range(steps):
        state, _ = runtime.present(runtime.advance(state))
    data = SaveData(
        slot="1", saved_at=saves.local_now(), story_title=story.title.as_dict(),
        scene_title={"en": "The Harbour", "ko": "항구"}, preview={"en": "Gulls circle", "ko": "갈매기"},
        language="en", snapshot=snapshot.to_json(story, state),
        presentation={"background": "harbor_dusk", "characters": [["tomas", "worried", "left"]],
                      "music": "waves", "speaker": "tomas", "map_position": [120.5, 64.0, "down"]},
    )
    raw: dict[str, Any] = json.loads(json.dumps(saves.to_json(data)))
    return raw


def outcome(store: SaveStore, slot: str, story: m.Story) -> str | None:
    """The message the player gets for ``slot`` (None if it loads and resumes); anything else propagates."""
    store.newest()  # Continue reads every slot: it must not crash either
    info = store.info(slot)
    if info.data is None:
        return info.error
    try:
        snapshot.from_json(story, info.data.snapshot)
    except SnapshotError as exc:
        return str(exc)
    return None


def assert_short(message: str | None) -> None:
    assert message is not None
    assert len(message) <= MESSAGE_LIMIT, message
    for filler in ("x" * (QUOTE_LIMIT + 1), "a" * (QUOTE_LIMIT + 1)):
        assert filler not in message, message


def put(store: SaveStore, slot: str, raw: Any) -> None:
    store.folder.mkdir(parents=True, exist_ok=True)
    (store.folder / f"{slot}.json").write_text(raw if isinstance(raw, str) else json.dumps(raw), encoding="utf-8")


def setter(*path: Any, value: Any) -> Callable[[dict[str, Any]], None]:
    def change(raw: dict[str, Any]) -> None:
        target = raw
        for key in path[:-1]:
            target = target[key]
        target[path[-1]] = value
    return change


HOSTILE: dict[str, Callable[[dict[str, Any]], None]] = {
    "stack is a number": setter("snapshot", "stack", value=7),
    "stack is a text": setter("snapshot", "stack", value="abc"),
    "stack entry is a list": setter("snapshot", "stack", value=[[1, 2]]),
    "stack deeper than 16": setter("snapshot", "stack", value=[{"at": {"step": ["harbor", None, 0, "x"]}}] * 17),
    "visited is a number": setter("snapshot", "visited", value=3),
    "visited holds lists": setter("snapshot", "visited", value=[["harbor"]]),
    "vars is a list": setter("snapshot", "vars", value=[1, 2]),
    "a variable holds a list": setter("snapshot", "vars", "oil", value=[1]),
    "at is a text": setter("snapshot", "at", value="harbor"),
    "step is a mapping": setter("snapshot", "at", "step", value={"a": 1, "b": 2, "c": 3, "d": 4}),
    "offset is true": setter("snapshot", "at", "step", 2, value=True),
    "character is a number": setter("presentation", "characters", value=[5]),
    "character name is a list": setter("presentation", "characters", value=[[["tomas"], "worried", "left"]]),
    "character name is a mapping": setter("presentation", "characters", value=[[{"a": 1}, "worried", "left"]]),
    "characters is a mapping": setter("presentation", "characters", value={"tomas": 1}),
    "seventeen characters": setter("presentation", "characters", value=[["tomas", "worried", "left"]] * 17),
    "background is a list": setter("presentation", "background", value=["harbor"]),
    "saved_at far future with extreme offset": setter("saved_at", value="9999-12-31T23:59:59-23:59"),
    "saved_at offset beyond a day": setter("saved_at", value="2050-01-01T00:00:00+23:59"),
    "saved_at in year 1": setter("saved_at", value="0001-01-01T00:00:00+14:00"),
    "map position NaN": setter("presentation", "map_position", 0, value=float("nan")),
    "map position Infinity": setter("presentation", "map_position", 1, value=float("inf")),
    "map position 1e300": setter("presentation", "map_position", 0, value=1e300),
    "map position facing sideways": setter("presentation", "map_position", 2, value="sideways"),
    "map position too short": setter("presentation", "map_position", value=[1.0, 2.0]),
    "scene name of 2 MB": setter("snapshot", "at", "step", 0, value="x" * 2_000_000),
    "step digest of 2 MB": setter("snapshot", "at", "step", 3, value="a" * 2_000_000),
    "label of 2 MB": setter("snapshot", "at", "step", 1, value="x" * 2_000_000),
    "background name of 3 MB": setter("presentation", "background", value="x" * 3_000_000),
    "unknown scene": setter("snapshot", "at", "step", 0, value="nowhere"),
    "language is 2 MB": setter("language", value="x" * 2_000_000),
}


@pytest.mark.parametrize("name", list(HOSTILE))
def test_a_hostile_save_ends_as_a_short_message(tmp_path: Path, story: m.Story, name: str) -> None:
    raw = real_save(story)
    store = SaveStore(tmp_path / "saves")
    put(store, "2", copy.deepcopy(raw))
    assert outcome(store, "2", story) is None  # the unbroken save loads and resumes
    HOSTILE[name](raw)
    put(store, "1", raw)
    assert_short(outcome(store, "1", story))
    assert store.newest() is not None and store.newest().slot == "2"  # type: ignore[union-attr]


def test_the_message_says_what_is_wrong(tmp_path: Path, story: m.Story) -> None:
    store = SaveStore(tmp_path / "saves")
    cases = {
        "stack is a number": "stack",
        "visited holds lists": "visited",
        "map position NaN": "map_position",
        "saved_at far future with extreme offset": "saved_at",
        "scene name of 2 MB": "snapshot.at.step[0]",
        "character name is a list": "characters",
    }
    for name, where in cases.items():
        raw = real_save(story)
        HOSTILE[name](raw)
        put(store, "1", raw)
        message = store.info("1").error
        assert message is not None and where in message, (name, message)
        assert message.startswith(saves.DAMAGED), message  # the load screen translates the start
        with pytest.raises(SaveError) as caught:
            store.read("1")
        assert caught.value.message == message
