"""Interrupted writes cost nothing: stale temporary files are removed at start-up, new folders are durable.

A write killed between creating its temporary file and the rename leaves that
file behind; the next start removes it (ours only, only once it is a minute
old).  The parent of a folder a first save creates is synced, and so is the
folder a damaged file is set aside in.  ``scripts/stress_saves.py`` kills
writers for real; these tests pin the pieces down.
"""

from __future__ import annotations

import os
import time
from pathlib import Path
from typing import Any

import pytest

from game.persist import atomic
from game.persist.saves import SaveStore
from game.persist.settings import load_settings

# --- start-up cleaning of interrupted writes ---


def age(path: Path, seconds: float) -> Path:
    when = time.time() - seconds
    os.utime(path, (when, when))
    return path


def test_stale_temp_files_of_ours_are_removed_at_start_up(tmp_path: Path) -> None:
    folder = tmp_path / "saves"
    folder.mkdir()
    stale = folder / ".3.json.k2j3h4g5.tmp"
    stale.write_bytes(b"{half a save")
    age(stale, 120)
    fresh = folder / ".4.json.abcd_123.tmp"
    fresh.write_bytes(b"{being written")
    others = [folder / name for name in ("notes.tmp", ".3.json.toolongname.tmp", "3.json.k2j3h4g5.tmp",
                                         ".3.txt.k2j3h4g5.tmp", "3.json")]
    for other in others:
        other.write_bytes(b"not ours")
        age(other, 120)
    directory = folder / ".5.json.abcdefgh.tmp"
    directory.mkdir()
    age(directory, 120)
    SaveStore(folder)  # opening the store is the start-up
    assert not stale.exists()
    assert fresh.exists() and directory.exists() and all(other.exists() for other in others)


def test_clean_stale_temps_reports_what_it_removed_and_never_raises(tmp_path: Path) -> None:
    (tmp_path / ".settings.json.a1b2c3d4.tmp").write_bytes(b"x")
    assert atomic.clean_stale_temps(tmp_path, now=time.time() + 30) == []
    assert atomic.clean_stale_temps(tmp_path, now=time.time() + 61) == [tmp_path / ".settings.json.a1b2c3d4.tmp"]
    assert atomic.clean_stale_temps(tmp_path / "missing") == []
    (tmp_path / "file").write_bytes(b"")
    assert atomic.clean_stale_temps(tmp_path / "file") == []


def test_reading_settings_at_start_up_cleans_the_data_folder(tmp_path: Path) -> None:
    stale = tmp_path / ".progress.json.zzzzzzzz.tmp"
    stale.write_bytes(b"{")
    age(stale, 3600)
    load_settings(tmp_path / "settings.json")
    assert not stale.exists()


# --- durable folders ---


@pytest.fixture
def synced(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The folders (by path) that os.fsync was called on, in order; files show as "file"."""
    opened: dict[int, str] = {}
    calls: list[str] = []
    real_open, real_fsync = os.open, os.fsync

    def track_open(path: Any, flags: int, *args: Any, **kwargs: Any) -> int:
        fd = real_open(path, flags, *args, **kwargs)
        if flags & getattr(os, "O_DIRECTORY", 0):
            opened[fd] = os.fspath(path)
        return fd

    def track_fsync(fd: int) -> None:
        calls.append(opened.pop(fd, "file"))
        real_fsync(fd)

    monkeypatch.setattr(os, "open", track_open)
    monkeypatch.setattr(os, "fsync", track_fsync)
    return calls


@pytest.mark.skipif(not hasattr(os, "O_DIRECTORY"), reason="folders cannot be synced here")
def test_a_first_save_syncs_the_folders_it_creates(tmp_path: Path, synced: list[str]) -> None:
    atomic.write_atomic(tmp_path / "data" / "saves" / "1.json", b"{}")
    # the parents of the two folders it made, the data, then the folder that holds the new name
    assert synced == [str(tmp_path), str(tmp_path / "data"), "file", str(tmp_path / "data" / "saves")]
    synced.clear()
    atomic.write_atomic(tmp_path / "data" / "saves" / "2.json", b"{}")
    assert synced == ["file", str(tmp_path / "data" / "saves")]


@pytest.mark.skipif(not hasattr(os, "O_DIRECTORY"), reason="folders cannot be synced here")
def test_setting_a_damaged_file_aside_syncs_its_folder(tmp_path: Path, synced: list[str]) -> None:
    (tmp_path / "1.json").write_bytes(b"junk")
    atomic.keep_damaged(tmp_path / "1.json")
    assert synced == [str(tmp_path)]
