"""What reading the player's files costs: bounded reads, capped texts, sane windows.

- a save, settings or progress file is checked for kind and size before any
  byte is read: a FIFO, a device or a huge file is refused at once;
- what is read is capped (previews, titles, progress entries);
- a window size no screen has is refused, and ``clamp_window`` fits any size
  to the screen.
"""

from __future__ import annotations

import contextlib
import json
import os
import signal
from collections.abc import Iterator
from datetime import datetime, timedelta, timezone
from pathlib import Path
from types import FrameType
from typing import Any

import pytest

from game.persist import saves, settings
from game.persist.progress import load_progress
from game.persist.saves import SaveData, SaveStore
from game.persist.settings import Settings, load_settings

KST = timezone(timedelta(hours=9))


class Overdue(BaseException):
    """Raised in a block past its deadline (not an OSError, which the code under test may catch)."""


@contextlib.contextmanager
def deadline(seconds: float) -> Iterator[None]:
    """Fail (instead of hanging the suite) if the block takes longer than ``seconds``."""
    def expired(signum: int, frame: FrameType | None) -> None:
        raise Overdue(f"still running after {seconds} s")

    previous = signal.signal(signal.SIGALRM, expired)
    signal.setitimer(signal.ITIMER_REAL, seconds, 1.0)  # and again each second, should the first be swallowed
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


def a_save(slot: str = "1", **changes: Any) -> SaveData:
    data = SaveData(
        slot=slot, saved_at=datetime(2050, 4, 1, 21, 7, 13, tzinfo=KST),
        story_title={"en": "Signal Delay"}, scene_title={"en": "The repair shop"}, preview={"en": "Jay turned…"},
        language="en",
        snapshot={"format": 2, "at": {"step": ["intro", None, 0, "ab12"], "pc": 3}, "stack": [], "vars": {},
                  "visited": []},
        presentation={"background": None, "characters": [], "music": None, "speaker": None},
    )
    for name, value in changes.items():
        setattr(data, name, value)
    return data


@pytest.fixture
def store(tmp_path: Path) -> SaveStore:
    return SaveStore(tmp_path / "saves")


def slot_path(store: SaveStore, slot: str) -> Path:
    store.folder.mkdir(parents=True, exist_ok=True)
    return store.folder / f"{slot}.json"


# --- kind and size before reading ---


def test_a_fifo_in_the_saves_folder_is_refused_at_once(store: SaveStore) -> None:
    os.mkfifo(slot_path(store, "3"))
    store.write(a_save("1"))
    with deadline(5):
        info = store.info("3")
        newest = store.newest()
    assert info.data is None and info.error is not None and "not a file" in info.error
    assert newest is not None and newest.slot == "1"


def test_a_device_linked_into_the_saves_folder_is_refused(store: SaveStore) -> None:
    slot_path(store, "3").symlink_to("/dev/zero")
    with deadline(5):
        info = store.info("3")
    assert info.error is not None and "not a file" in info.error


def test_a_save_larger_than_a_save_can_be_is_refused_before_reading(monkeypatch: pytest.MonkeyPatch,
                                                                    store: SaveStore) -> None:
    with open(slot_path(store, "3"), "wb") as handle:
        handle.truncate(64 * 1024 * 1024)  # sparse: costs no disk
    reads: list[int] = []
    real_read = os.read

    def read(fd: int, n: int) -> bytes:
        reads.append(n)
        return real_read(fd, n)

    monkeypatch.setattr(os, "read", read)
    info = store.info("3")
    assert info.error is not None and "64 MB" in info.error and "at most 4 MB" in info.error
    assert reads == []
    assert saves.MAX_SAVE_BYTES <= 8 * 1024 * 1024


def test_a_link_out_of_the_saves_folder_is_refused(tmp_path: Path, store: SaveStore) -> None:
    store.write(a_save("1"))
    outside = tmp_path / "elsewhere.json"
    outside.write_bytes((store.folder / "1.json").read_bytes())
    slot_path(store, "2").symlink_to(outside)
    assert store.info("2").error is not None and "outside" in store.info("2").error  # type: ignore[operator]


def test_a_real_save_is_far_below_the_limit(store: SaveStore) -> None:
    """A save as the game writes it: a 320x180 thumbnail (at worst uncompressed) and a large story's state."""
    import struct
    import zlib
    rows = b"".join(b"\0" + os.urandom(320 * 3) for _ in range(180))  # noise: PNG cannot compress it
    header = struct.pack(">IIBBBBB", 320, 180, 8, 2, 0, 0, 0)
    def chunk(kind: bytes, body: bytes) -> bytes:
        return struct.pack(">I", len(body)) + kind + body + struct.pack(">I", zlib.crc32(kind + body))
    png = b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(rows)) + chunk(b"IEND", b"")
    data = a_save("1", thumbnail_png=png)
    data.snapshot["vars"] = {f"variable_{i}": i for i in range(2000)}
    data.snapshot["visited"] = [f"scene_{i}.label_{i}" for i in range(5000)]
    store.write(data)
    size = (store.folder / "1.json").stat().st_size
    assert size < saves.MAX_SAVE_BYTES / 2, size
    assert store.read("1").thumbnail_png == png


def test_previews_and_titles_are_cut_when_read(store: SaveStore) -> None:
    path = slot_path(store, "1")
    raw = saves.to_json(a_save("1"))
    raw["preview"] = {"en": "x" * 1_000_000, "ko": "미" * 500_000}
    raw["scene_title"] = {"en": "t" * 1_000_000}
    raw["story"] = {"title": {"en": "s" * 100_000}}
    path.write_text(json.dumps(raw, ensure_ascii=False), encoding="utf-8")
    data = store.read("1")
    assert len(data.preview["en"]) <= 120 and len(data.preview["ko"]) <= 120
    assert len(data.scene_title["en"]) <= 120 and len(data.story_title["en"]) <= 120
    assert data.preview["en"] == "x" * len(data.preview["en"])


@pytest.mark.parametrize("name", ["settings.json", "progress.json"])
def test_a_fifo_as_settings_or_progress_is_refused_at_once(tmp_path: Path, name: str) -> None:
    os.mkfifo(tmp_path / name)
    with deadline(5):
        loaded, warnings = (load_settings if name == "settings.json" else load_progress)(tmp_path / name)
    assert len(warnings) == 1 and "not a file" in warnings[0]
    assert loaded in (Settings(), load_progress(tmp_path / "none.json")[0])


def test_huge_settings_are_refused_before_reading_and_kept(tmp_path: Path) -> None:
    path = tmp_path / "settings.json"
    with open(path, "wb") as handle:
        handle.truncate(64 * 1024 * 1024)
    loaded, warnings = load_settings(path)
    assert loaded == Settings() and len(warnings) == 1 and "too large" in warnings[0]
    assert not path.exists() and len(list(tmp_path.glob("settings.json.damaged-*"))) == 1


def test_overlong_progress_entries_are_dropped(tmp_path: Path) -> None:
    path = tmp_path / "progress.json"
    path.write_text(json.dumps({"endings_seen": ["dawn", "e" * 10_000], "lines_read": ["a.+0#ab", "x" * 600]}))
    progress, warnings = load_progress(path)
    assert progress.endings_seen == {"dawn"} and progress.lines_read == {"a.+0#ab"}
    assert sum("1 entry" in w for w in warnings) == 2


# --- window size ---


def test_a_window_no_screen_has_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "settings.json"
    path.write_text(json.dumps({"window_size": [16384, 16384], "fullscreen": True}))
    loaded, warnings = load_settings(path)
    assert loaded.window_size == [1280, 720] and loaded.fullscreen is True
    assert len(warnings) == 1 and "window_size" in warnings[0]


@pytest.mark.parametrize("size, display, expected", [
    ((1280, 720), (1920, 1080), (1280, 720)),
    ((1920, 1080), (1920, 1080), (1920, 1080)),
    ((16384, 16384), (1920, 1080), (1080, 1080)),
    ((3840, 2160), (1920, 1080), (1920, 1080)),
    ((2560, 1440), (1366, 768), (1365, 768)),
    ((1280, 2000), (1920, 1080), (691, 1080)),
    ((7680, 4320), (0, 0), (7680, 4320)),
    ((16384, 16384), (-1, -1), (7680, 4320)),
])
def test_clamp_window_fits_the_screen_keeping_the_shape(size: tuple[int, int], display: tuple[int, int],
                                                        expected: tuple[int, int]) -> None:
    assert settings.clamp_window(size, display) == expected
