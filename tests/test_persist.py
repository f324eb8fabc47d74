"""Saves, settings and progress: round trips, atomic writes, and damaged files that never crash or vanish."""

from __future__ import annotations

import json
import os
import struct
import zlib
from datetime import UTC, datetime, timedelta, timezone
from pathlib import Path
from typing import Any

import platformdirs
import pytest
from hypothesis import HealthCheck, given
from hypothesis import settings as hsettings
from hypothesis import strategies as st

from game.persist import atomic, paths, saves
from game.persist.progress import Progress, load_progress, save_progress
from game.persist.saves import SaveData, SaveError, SaveStore, SlotInfo
from game.persist.settings import Settings, load_settings, save_settings
from game.story import snapshot
from game.story.loader import load_story
from game.story.runtime import Runtime

SAMPLE = Path(__file__).parent / "fixtures" / "sample"


def png_header(width: int, height: int) -> bytes:
    """The signature and IHDR chunk of a PNG of that size (enough for the header check; never decoded here)."""
    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    return (b"\x89PNG\r\n\x1a\n" + struct.pack(">I", len(header)) + b"IHDR" + header
            + struct.pack(">I", zlib.crc32(b"IHDR" + header)))


PNG = png_header(320, 180) + b"rest of a picture"
KST = timezone(timedelta(hours=9))


# --- helpers ---


def make_save(slot: str = "1", when: datetime | None = None, **changes: Any) -> SaveData:
    data = SaveData(
        slot=slot,
        saved_at=when or datetime(2050, 4, 1, 21, 7, 13, 512000, tzinfo=KST),
        story_title={"en": "Signal Delay", "ko": "신호 지연"},
        scene_title={"en": "The repair shop", "ko": "수리점"},
        preview={"en": "Jay turned the record over…", "ko": "제이는 레코드를 뒤집었다…"},
        language="ko",
        snapshot={"format": 1, "at": {"step": ["intro", None, 0, "ab12"], "pc": 3, "after_step": None},
                  "stack": [], "vars": {"trust": 2}, "visited": []},
        presentation={"background": "shop", "characters": [["jay", "neutral", "left"]], "music": None,
                      "speaker": "jay"},
        thumbnail_png=PNG,
    )
    for name, value in changes.items():
        setattr(data, name, value)
    return data


def files(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir()) if folder.exists() else []


def raw_save(**changes: Any) -> dict[str, Any]:
    raw = saves.to_json(make_save())
    raw.update(changes)
    return raw


@pytest.fixture
def store(tmp_path: Path) -> SaveStore:
    return SaveStore(tmp_path / "saves")


def put(store: SaveStore, slot: str, content: bytes | str | dict[str, Any]) -> Path:
    """Place a file in a slot by hand, bypassing the store."""
    path = store.folder / f"{slot}.json"
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(content, dict):
        content = json.dumps(content)
    path.write_bytes(content.encode() if isinstance(content, str) else content)
    return path


# --- paths ---


def test_data_dir_override_beats_environment(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("STARLIGHT_SAVE_DIR", str(tmp_path / "env"))
    assert paths.data_dir(tmp_path / "given") == tmp_path / "given"
    assert paths.data_dir() == tmp_path / "env"


def test_data_dir_default_is_the_platform_folder(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("STARLIGHT_SAVE_DIR", raising=False)
    expected = Path(platformdirs.user_data_dir("starlight-signal-delay", appauthor=False))
    assert paths.data_dir() == expected


def test_sub_folders_and_cache_dir(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    assert paths.saves_dir(tmp_path) == tmp_path / "saves"
    assert paths.screenshots_dir(tmp_path) == tmp_path / "screenshots"
    monkeypatch.delenv("STARLIGHT_CACHE_DIR", raising=False)
    assert paths.cache_dir() == Path(platformdirs.user_cache_dir("starlight-signal-delay", appauthor=False))
    monkeypatch.setenv("STARLIGHT_CACHE_DIR", str(tmp_path / "cache"))
    assert paths.cache_dir() == tmp_path / "cache"


# --- atomic writes ---


def test_write_atomic_creates_folder_and_leaves_no_temp_files(tmp_path: Path) -> None:
    target = tmp_path / "deep" / "er" / "file.bin"
    atomic.write_atomic(target, b"one")
    atomic.write_atomic(target, b"two")
    assert target.read_bytes() == b"two"
    assert files(target.parent) == ["file.bin"]


def test_interrupted_write_keeps_the_old_file(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    target = tmp_path / "settings.json"
    atomic.write_atomic(target, b"old")

    def crash(src: Any, dst: Any) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "replace", crash)
    with pytest.raises(OSError, match="No space"):
        atomic.write_atomic(target, b"new")
    assert target.read_bytes() == b"old"
    assert files(tmp_path) == ["settings.json"]


def test_interrupted_save_keeps_the_old_save(monkeypatch: pytest.MonkeyPatch, store: SaveStore) -> None:
    store.write(make_save("2"))

    def crash(src: Any, dst: Any) -> None:
        raise OSError("disk gone")

    monkeypatch.setattr(os, "replace", crash)
    with pytest.raises(OSError):
        store.write(make_save("2", language="en"))
    monkeypatch.undo()
    assert store.read("2").language == "ko"
    assert files(store.folder) == ["2.json"]


def test_write_atomic_syncs_the_data_before_the_rename(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    events: list[str] = []
    real_fsync, real_replace = os.fsync, os.replace

    def fsync(fd: int) -> None:
        events.append("fsync")
        real_fsync(fd)

    def replace(src: Any, dst: Any) -> None:
        events.append("replace")
        real_replace(src, dst)

    monkeypatch.setattr(os, "fsync", fsync)
    monkeypatch.setattr(os, "replace", replace)
    atomic.write_atomic(tmp_path / "a.json", b"{}")
    assert events[:2] == ["fsync", "replace"]
    if hasattr(os, "O_DIRECTORY"):
        assert events == ["fsync", "replace", "fsync"]  # the folder too, so the rename survives a power cut


def test_write_json_style(tmp_path: Path) -> None:
    atomic.write_json(tmp_path / "x.json", {"b": "별", "a": [1]})
    text = (tmp_path / "x.json").read_text(encoding="utf-8")
    assert text == '{\n "a": [\n  1\n ],\n "b": "별"\n}\n'


def test_keep_damaged_never_overwrites_an_earlier_copy(tmp_path: Path) -> None:
    when = datetime(2050, 1, 2, 3, 4, 5)
    kept = []
    for content in (b"first", b"second"):
        (tmp_path / "a.json").write_bytes(content)
        kept.append(atomic.keep_damaged(tmp_path / "a.json", now=when))
    assert [p.name for p in kept] == ["a.json.damaged-20500102-030405", "a.json.damaged-20500102-030405-2"]
    assert [p.read_bytes() for p in kept] == [b"first", b"second"]
    assert not (tmp_path / "a.json").exists()


# --- saves: round trips ---


def test_save_round_trip(store: SaveStore) -> None:
    data = make_save("3")
    store.write(data)
    assert store.read("3") == data
    info = store.info("3")
    assert info == SlotInfo("3", data=data, error=None) and not info.empty


def test_save_file_layout(store: SaveStore) -> None:
    store.write(make_save("quick"))
    raw = json.loads((store.folder / "quick.json").read_text(encoding="utf-8"))
    assert set(raw) == {"format", "game", "slot", "saved_at", "story", "scene_title", "preview", "language",
                        "snapshot", "presentation", "thumbnail"}
    assert raw["format"] == 1 and raw["game"] == "lost-in-starlight-signal-delay" and raw["slot"] == "quick"
    assert raw["saved_at"] == "2050-04-01T21:07:13.512+09:00"
    assert raw["story"] == {"title": {"en": "Signal Delay", "ko": "신호 지연"}}
    assert "신호 지연" in (store.folder / "quick.json").read_text(encoding="utf-8")  # not \\u escapes
    assert raw["thumbnail"].startswith("iVBORw0KGgo")


def test_naive_time_is_saved_as_local_time_with_offset(store: SaveStore) -> None:
    store.write(make_save("1", when=datetime(2050, 4, 1, 12, 0, 0), thumbnail_png=None))
    raw = json.loads((store.folder / "1.json").read_text(encoding="utf-8"))
    parsed = datetime.fromisoformat(raw["saved_at"])
    assert parsed.tzinfo is not None
    assert parsed == datetime(2050, 4, 1, 12, 0, 0).astimezone()
    assert raw["thumbnail"] is None and store.read("1").thumbnail_png is None


def test_a_real_snapshot_survives_a_save(store: SaveStore) -> None:
    story = load_story(SAMPLE)
    runtime = Runtime(story)
    state = runtime.advance(runtime.present(runtime.start())[0])
    state, _ = runtime.present(state)
    store.write(make_save("5", snapshot=snapshot.to_json(story, state)))
    assert snapshot.from_json(story, store.read("5").snapshot).state == state


def test_a_save_copied_to_another_slot_belongs_to_that_slot(store: SaveStore) -> None:
    store.write(make_save("1"))
    put(store, "7", (store.folder / "1.json").read_bytes())
    assert store.read("7").slot == "7"


def b64(data: bytes) -> str:
    import base64
    return base64.b64encode(data).decode("ascii")


@pytest.mark.parametrize("thumbnail", [
    "not base64!", "aGVsbG8=", 42, None, b64(png_header(8000, 8000)), b64(png_header(30000, 30000)),
    b64(png_header(641, 360)), b64(png_header(640, 361)), b64(png_header(0, 180)), b64(PNG[:20]),
    b64(b"GIF89a" + struct.pack("<HH", 10, 10) + bytes(30)), "A" * 3_000_000,
], ids=["not base64", "not a png", "a number", "null", "8000x8000", "30000x30000", "641 wide", "361 high",
        "no pixels", "cut header", "a gif", "3 MB of base64"])
def test_broken_thumbnail_costs_the_picture_not_the_save(store: SaveStore, thumbnail: Any) -> None:
    put(store, "1", raw_save(thumbnail=thumbnail))
    info = store.info("1")
    assert info.data is not None and info.data.thumbnail_png is None and info.error is None


def test_a_thumbnail_up_to_640x360_is_kept(store: SaveStore) -> None:
    for width, height in ((640, 360), (1, 1), (320, 180)):
        put(store, "1", raw_save(thumbnail=b64(png_header(width, height))))
        data = store.read("1")
        assert data.thumbnail_png == png_header(width, height)


def test_make_preview() -> None:
    line = "Nan-young set the record player on the counter, and for a while neither of them spoke at all."
    preview = saves.make_preview(line)
    assert preview.endswith("…") and len(preview) <= 61 and line.startswith(preview[:-1])
    assert saves.make_preview("  short\n line ") == "short line"


# --- saves: files that cannot be loaded ---

DAMAGED = "This save is damaged and cannot be loaded."
FOREIGN = "This file is not a save of this game."

BAD_FILES: list[tuple[str, bytes | str | dict[str, Any], str]] = [
    ("corrupt", "{not json at all", DAMAGED),
    ("truncated", json.dumps(raw_save())[:150], DAMAGED),
    ("empty file", b"", DAMAGED),
    ("binary junk", bytes(range(256)) * 4, DAMAGED),
    ("deep nesting", "[" * 100_000, DAMAGED),
    ("deep nesting that ends", "[" * 100_000 + "]" * 100_000, DAMAGED),
    ("a list", "[1, 2, 3]", FOREIGN),
    ("another game", raw_save(game="some-other-visual-novel"), FOREIGN),
    ("no game key", {"text_speed": 45}, FOREIGN),
    ("future format", raw_save(format=3), "This save comes from a newer version of the game (format 3)."),
    ("format zero", raw_save(format=0), DAMAGED),
    ("format as text", raw_save(format="1"), DAMAGED),
    ("format as bool", raw_save(format=True), DAMAGED),
    ("snapshot not an object", raw_save(snapshot=[1]), f"{DAMAGED} snapshot: must be a mapping"),
    ("presentation missing", {k: v for k, v in raw_save().items() if k != "presentation"},
     f"{DAMAGED} presentation: is missing"),
    ("language a number", raw_save(language=7), f"{DAMAGED} language: must be a language code"),
    ("preview with numbers", raw_save(preview={"en": 5}), f"{DAMAGED} preview.en: must be a text"),
    ("title not a table", raw_save(story={"title": "Signal"}), f"{DAMAGED} story.title: must be a mapping"),
    ("story missing", {k: v for k, v in raw_save().items() if k != "story"}, f"{DAMAGED} story: is missing"),
    ("date not a date", raw_save(saved_at="yesterday"), f"{DAMAGED} saved_at: must be a date and time"),
    ("date a number", raw_save(saved_at=20500401), f"{DAMAGED} saved_at: must be a date and time"),
    ("unknown key", raw_save(cheat=True), f"{DAMAGED} unknown key 'cheat'"),
    ("unknown presentation key", raw_save(presentation={"background": None, "characters": [], "music": None,
                                                        "speaker": None, "shader": "crt"}),
     f"{DAMAGED} presentation: unknown key 'shader'"),
    ("format huge", raw_save(format=10**20), "This save comes from a newer version of the game (format 1000"),
    ("format enormous", raw_save(format=10**400), "This save comes from a newer version of the game (format a huge"),
]


@pytest.mark.parametrize("content, message", [case[1:] for case in BAD_FILES], ids=[c[0] for c in BAD_FILES])
def test_unusable_saves_are_reported_never_raised(store: SaveStore, content: Any, message: str) -> None:
    put(store, "4", content)
    info = store.info("4")
    assert info.data is None and info.error is not None and info.error.startswith(message), info.error
    assert len(info.error) <= saves.MESSAGE_LENGTH
    with pytest.raises(SaveError) as caught:
        store.read("4")
    assert caught.value.message == info.error


def test_empty_slot(store: SaveStore) -> None:
    info = store.info("9")
    assert info.empty and info.data is None and info.error is None
    with pytest.raises(SaveError, match="no save in this slot"):
        store.read("9")


def test_writing_over_a_damaged_slot_keeps_the_damaged_file(store: SaveStore) -> None:
    put(store, "2", b"{\"format\": 1, \"game\": \"lost-in-star")
    store.write(make_save("2"))
    assert store.read("2") == make_save("2")
    kept = [name for name in files(store.folder) if name != "2.json"]
    assert len(kept) == 1 and kept[0].startswith("2.json.damaged-")
    assert (store.folder / kept[0]).read_bytes() == b"{\"format\": 1, \"game\": \"lost-in-star"


def test_writing_over_a_newer_games_save_keeps_it(store: SaveStore) -> None:
    put(store, "2", raw_save(format=9))
    store.write(make_save("2"))
    kept = [name for name in files(store.folder) if name.startswith("2.json.damaged-")]
    assert len(kept) == 1 and json.loads((store.folder / kept[0]).read_text())["format"] == 9


def test_writing_over_a_valid_save_replaces_it(store: SaveStore) -> None:
    store.write(make_save("2"))
    store.write(make_save("2", language="en"))
    assert store.read("2").language == "en"
    assert files(store.folder) == ["2.json"]


def test_delete_removes_the_save_but_not_damaged_copies(store: SaveStore) -> None:
    put(store, "6", b"junk")
    store.write(make_save("6"))
    store.delete("6")
    store.delete("6")  # deleting an empty slot is fine
    assert store.info("6").empty
    assert [name[:15] for name in files(store.folder)] == ["6.json.damaged-"]


@pytest.mark.parametrize("slot", ["../x", "..", "", "a/b", "a\\b", "x" * 33, "quick.json", "/etc/passwd", "é"])
def test_slot_names_cannot_leave_the_folder(store: SaveStore, slot: str) -> None:
    for call in (store.read, store.info, store.delete, store.path):
        with pytest.raises(ValueError, match="slot name"):
            call(slot)
    with pytest.raises(ValueError, match="slot name"):
        store.write(make_save(slot))
    assert not store.folder.exists()


# --- saves: slots, newest, autosaves ---


def test_numbered_slots_pages(store: SaveStore) -> None:
    store.write(make_save("7"))
    put(store, "8", b"junk")
    page = store.numbered_slots(2, 6)
    assert [info.slot for info in page] == ["7", "8", "9", "10", "11", "12"]
    assert page[0].data is not None and page[1].error == DAMAGED and page[2].empty
    assert [info.slot for info in store.numbered_slots(1, 3)] == ["1", "2", "3"]
    with pytest.raises(ValueError):
        store.numbered_slots(0, 6)


def test_newest_picks_the_latest_valid_save(store: SaveStore) -> None:
    base = datetime(2050, 4, 1, 12, 0, tzinfo=KST)
    assert store.newest() is None  # the folder does not even exist yet
    store.write(make_save("1", when=base))
    store.write(make_save("quick", when=base + timedelta(minutes=5)))
    store.write(make_save("auto-3", when=base + timedelta(minutes=3)))
    store.write(make_save("2", when=base - timedelta(days=1)))
    put(store, "3", raw_save(format=5, saved_at=(base + timedelta(days=9)).isoformat()))  # newer game
    put(store, "4", b"\x00\xff damaged")
    newest = store.newest()
    assert newest is not None and newest.slot == "quick"
    store.write(make_save("auto-1", when=base + timedelta(minutes=6, seconds=1)))
    newest = store.newest()
    assert newest is not None and newest.slot == "auto-1"


def test_newest_compares_instants_across_time_zones(store: SaveStore) -> None:
    store.write(make_save("1", when=datetime(2050, 4, 1, 20, 0, tzinfo=KST)))  # 11:00 UTC
    store.write(make_save("2", when=datetime(2050, 4, 1, 12, 0, tzinfo=UTC)))  # 12:00 UTC
    newest = store.newest()
    assert newest is not None and newest.slot == "2"


def test_autosave_rotation_keeps_ten(store: SaveStore) -> None:
    base = datetime(2050, 4, 1, 12, 0, tzinfo=KST)
    used = [store.autosave(make_save("ignored", when=base + timedelta(minutes=n), language=f"l{chr(97 + n)}"))
            for n in range(13)]
    assert used == [f"auto-{n}" for n in range(1, 11)] + ["auto-1", "auto-2", "auto-3"]
    assert len(files(store.folder)) == 10
    ring = store.autosave_slots()
    assert sorted(info.data.language for info in ring if info.data) == sorted(f"l{chr(97 + n)}" for n in range(3, 13))
    assert store.read("auto-1").slot == "auto-1"


def test_autosave_overwrites_the_oldest_not_the_next_number(store: SaveStore) -> None:
    base = datetime(2050, 4, 1, 12, 0, tzinfo=KST)
    for n in range(1, 11):
        store.write(make_save(f"auto-{n}", when=base + timedelta(minutes=n)))
    store.write(make_save("auto-7", when=base - timedelta(days=1)))
    assert store.autosave(make_save("x", when=base + timedelta(hours=1))) == "auto-7"
    put(store, "auto-4", b"junk")
    assert store.autosave(make_save("x", when=base + timedelta(hours=2))) == "auto-4"
    assert any(name.startswith("auto-4.json.damaged-") for name in files(store.folder))


# --- saves: format upgrades ---


def test_old_saves_are_upgraded_step_by_step(monkeypatch: pytest.MonkeyPatch, store: SaveStore) -> None:
    old = raw_save()
    old["lang"] = old.pop("language")  # pretend format 1 called it "lang"
    put(store, "1", old)
    seen: list[int] = []

    def one_to_two(raw: dict[str, Any]) -> dict[str, Any]:
        seen.append(raw["format"])
        raw = dict(raw)
        raw["language"] = raw.pop("lang")
        return raw

    def two_to_three(raw: dict[str, Any]) -> dict[str, Any]:
        seen.append(raw["format"])
        return {**raw, "presentation": {**raw["presentation"], "music": "upgraded"}}

    monkeypatch.setattr(saves, "SAVE_FORMAT", 3)
    monkeypatch.setattr(saves, "UPGRADES", {1: one_to_two, 2: two_to_three})
    data = store.read("1")
    assert seen == [1, 2]
    assert data.language == "ko" and data.presentation["music"] == "upgraded"
    store.write(data)
    assert json.loads((store.folder / "1.json").read_text())["format"] == 3


def test_missing_or_failing_upgrade(monkeypatch: pytest.MonkeyPatch, store: SaveStore) -> None:
    put(store, "1", raw_save())
    monkeypatch.setattr(saves, "SAVE_FORMAT", 2)
    monkeypatch.setattr(saves, "UPGRADES", {})
    assert store.info("1").error == ("This save comes from an old version of the game that can no longer "
                                     "be loaded (format 1).")
    monkeypatch.setattr(saves, "UPGRADES", {1: lambda raw: raw["no such key"]})
    assert store.info("1").error == DAMAGED


def test_the_shipped_upgrade_table_reaches_the_current_format() -> None:
    assert all(version in saves.UPGRADES for version in range(1, saves.SAVE_FORMAT))
    assert all(1 <= version < saves.SAVE_FORMAT for version in saves.UPGRADES)


# --- saves: fuzzing ---


@hsettings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(content=st.binary(max_size=2000))
def test_random_bytes_never_raise(store: SaveStore, content: bytes) -> None:
    put(store, "1", content)
    info = store.info("1")
    assert info.slot == "1" and info.data is None and info.error is not None
    assert store.newest() is None


JSON = st.recursive(st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=8),
                    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=8), inner,
                                                                                max_size=4),
                    max_leaves=12)


@hsettings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(key=st.sampled_from(sorted(raw_save())), value=JSON)
def test_any_value_in_any_field_never_raises(store: SaveStore, key: str, value: Any) -> None:
    put(store, "1", raw_save(**{key: value}))
    info = store.info("1")
    assert (info.data is None) != (info.error is None)


# --- settings ---


def test_settings_round_trip(tmp_path: Path) -> None:
    path = tmp_path / "data" / "settings.json"
    changed = Settings(text_speed=0, auto_delay=4.5, master_volume=0.0, music_volume=1.0, sfx_volume=0.25,
                       fullscreen=True, language="ko", timed_choices=False, skip_unread=True,
                       text_size="large", high_contrast=True, window_size=[1920, 1080])
    save_settings(path, changed)
    assert load_settings(path) == (changed, [])
    assert files(path.parent) == ["settings.json"]


def test_settings_defaults() -> None:
    s = Settings()
    assert (s.text_speed, s.auto_delay, s.master_volume, s.music_volume, s.sfx_volume) == (45, 2.0, 0.8, 0.7, 0.8)
    assert (s.fullscreen, s.language, s.timed_choices, s.skip_unread) == (False, "en", True, False)
    assert (s.text_size, s.high_contrast, s.window_size) == ("medium", False, [1280, 720])


def test_missing_settings_file_gives_defaults(tmp_path: Path) -> None:
    assert load_settings(tmp_path / "settings.json") == (Settings(), [])


@pytest.mark.parametrize("content", [b"{\"text_speed\": 4", b"\xff\xfe\x00junk", b"[45]", b"", b"null",
                                     b"[" * 100_000 + b"]" * 100_000])
def test_damaged_settings_give_defaults_and_are_kept(tmp_path: Path, content: bytes) -> None:
    path = tmp_path / "settings.json"
    path.write_bytes(content)
    settings, warnings = load_settings(path)
    assert settings == Settings()
    assert len(warnings) == 1 and "settings.json" in warnings[0] and "damaged" in warnings[0]
    kept = files(tmp_path)
    assert len(kept) == 1 and kept[0].startswith("settings.json.damaged-")
    assert kept[0] in warnings[0]
    assert (tmp_path / kept[0]).read_bytes() == content


INVALID_SETTINGS = [
    ("text_speed", 5), ("text_speed", 201), ("text_speed", 45.5), ("text_speed", True), ("text_speed", "fast"),
    ("auto_delay", 0.1), ("auto_delay", 11), ("auto_delay", "2"), ("auto_delay", False),
    ("master_volume", 1.5), ("music_volume", -0.1), ("sfx_volume", None),
    ("fullscreen", 1), ("fullscreen", "yes"), ("timed_choices", 0), ("skip_unread", None),
    ("high_contrast", "true"), ("language", ""), ("language", "../en"), ("language", 3),
    ("text_size", "huge"), ("text_size", None), ("window_size", [1280]), ("window_size", [1280, "720"]),
    ("window_size", "1280x720"), ("window_size", [0, 720]), ("window_size", [1280, True]),
    ("window_size", [16384, 16384]), ("window_size", [7681, 720]), ("window_size", [1280, 4321]),
    ("window_size", [319, 720]), ("window_size", [1280.0, 720]), ("language", "e" * 100_000),
]


@pytest.mark.parametrize("name, value", INVALID_SETTINGS)
def test_each_invalid_setting_falls_back_alone(tmp_path: Path, name: str, value: Any) -> None:
    path = tmp_path / "settings.json"
    others = {"text_size": "small", "language": "ko", "fullscreen": True}
    path.write_text(json.dumps({**others, name: value}))
    settings, warnings = load_settings(path)
    assert getattr(settings, name) == getattr(Settings(), name)
    assert len(warnings) == 1 and warnings[0].startswith(f"settings.json: {name} must be")
    for other, expected in others.items():
        if other != name:
            assert getattr(settings, other) == expected
    assert files(tmp_path) == ["settings.json"]  # a bad value is not a damaged file


def test_settings_accept_edges_and_ignore_unknown_keys(tmp_path: Path) -> None:
    path = tmp_path / "settings.json"
    path.write_text(json.dumps({"text_speed": 200, "auto_delay": 10, "master_volume": 0, "language": "ko",
                                "shader": "crt", "format": 99}))
    settings, warnings = load_settings(path)
    assert warnings == []
    assert (settings.text_speed, settings.auto_delay, settings.master_volume) == (200, 10.0, 0.0)
    assert isinstance(settings.auto_delay, float) and isinstance(settings.master_volume, float)


# --- progress ---


def test_progress_round_trip_with_sorted_lists(tmp_path: Path) -> None:
    path = tmp_path / "progress.json"
    progress = Progress()
    for key in ("shop.+2#c3", "intro.+0#a1", "shop.meet+1#b2"):
        progress.mark_read(key)
    progress.record_ending("together")
    progress.record_ending("apart")
    progress.record_ending("together")
    save_progress(path, progress)
    assert load_progress(path) == (progress, [])
    raw = json.loads(path.read_text())
    assert raw["format"] == 2 and raw["endings_seen"] == ["apart", "together"]
    assert raw["lines_read"] == ["intro.+0#a1", "shop.+2#c3", "shop.meet+1#b2"]
    assert progress.is_read("intro.+0#a1") and not progress.is_read("intro.+1#a1")


def test_missing_progress_is_empty(tmp_path: Path) -> None:
    assert load_progress(tmp_path / "progress.json") == (Progress(), [])


def test_damaged_progress_is_kept(tmp_path: Path) -> None:
    path = tmp_path / "progress.json"
    path.write_bytes(b"{\"endings_seen\": [\"tog")
    progress, warnings = load_progress(path)
    assert progress == Progress() and len(warnings) == 1 and "damaged" in warnings[0]
    kept = files(tmp_path)
    assert len(kept) == 1 and kept[0].startswith("progress.json.damaged-") and kept[0] in warnings[0]
    assert (tmp_path / kept[0]).read_bytes() == b"{\"endings_seen\": [\"tog"
    save_progress(path, progress)
    assert len(files(tmp_path)) == 2


def test_partly_invalid_progress_keeps_every_valid_entry_and_the_original(tmp_path: Path) -> None:
    path = tmp_path / "progress.json"
    original = json.dumps({"endings_seen": ["apart", 3, None], "lines_read": {"not": "a list"}})
    path.write_text(original)
    progress, warnings = load_progress(path)
    assert progress == Progress(endings_seen={"apart"}, lines_read=set())
    assert any("2 entries" in w for w in warnings) and any("lines_read must be a list" in w for w in warnings)
    kept = [name for name in files(tmp_path) if name != "progress.json"]
    assert len(kept) == 1 and (tmp_path / kept[0]).read_text() == original
    assert load_progress(path) == (progress, [])  # the repaired file loads cleanly


def test_persist_never_imports_pygame() -> None:
    import subprocess
    import sys

    code = ("import sys, game.persist.saves, game.persist.settings, game.persist.progress, game.persist.paths;"
            "sys.exit('pygame' in sys.modules)")
    assert subprocess.run([sys.executable, "-c", code], cwd=Path(__file__).parent.parent).returncode == 0
