"""The hostile-save corpus (tests/hostile/saves/): every file ends as a short message, none as a crash.

Each file is put in a save slot as it is (``.json.gz`` files unpacked first)
and read the ways the game reads a save: the slot card (``SaveStore.info``),
Continue (``newest``) and resuming it on the sample story
(``snapshot.from_json``).  The corpus is made by ``tests/hostile/make_saves.py``.
"""

from __future__ import annotations

import gzip
import shutil
from pathlib import Path

import pytest

from game.persist.saves import MESSAGE_LENGTH, SaveStore
from game.story import model as m
from game.story import snapshot
from game.story.loader import load_story
from game.story.snapshot import SnapshotError

CORPUS = Path(__file__).parent / "hostile" / "saves"
SAMPLE = Path(__file__).parent / "fixtures" / "sample"
FILES = sorted(CORPUS.glob("*.json*"))


@pytest.fixture(scope="module")
def story() -> m.Story:
    return load_story(SAMPLE)


def place(file: Path, target: Path) -> None:
    target.parent.mkdir(parents=True, exist_ok=True)
    if file.name.endswith(".gz"):
        with gzip.open(file) as packed, open(target, "wb") as out:
            shutil.copyfileobj(packed, out)
    else:
        shutil.copyfile(file, target)


def test_the_corpus_is_there() -> None:
    assert len(FILES) >= 70
    assert {f.name.split(".")[0] for f in FILES} >= {
        "stack-is-a-number", "visited-holds-lists", "character-name-is-a-list", "saved-at-9999-with-offset-minus-2359",
        "map-position-nan", "map-position-infinity", "map-position-1e300", "scene-name-of-2-mb",
        "step-digest-of-2-mb", "background-of-10-mb", "at-a-return-with-an-empty-stack", "return-point-after-a-line"}


@pytest.mark.parametrize("file", FILES, ids=[f.name.split(".")[0] for f in FILES])
def test_a_hostile_save_ends_as_a_message(tmp_path: Path, story: m.Story, file: Path) -> None:
    store = SaveStore(tmp_path / "saves")
    place(file, store.path("1"))
    store.newest()  # Continue reads it too (and offers it only when the file itself is sound)
    info = store.info("1")
    if info.data is None:
        message = info.error
    else:
        with pytest.raises(SnapshotError) as caught:
            snapshot.from_json(story, info.data.snapshot)
        message = str(caught.value)
    assert message and len(message) <= MESSAGE_LENGTH, message
    assert "x" * 41 not in message and "a" * 41 not in message
