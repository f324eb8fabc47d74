"""Bounded picture memory: the byte-bounded LRU cache, the resources built on it, prefetch within it."""

from __future__ import annotations

import os

os.environ["SDL_VIDEODRIVER"] = "dummy"  # before pygame is imported
os.environ["SDL_AUDIODRIVER"] = "dummy"

import struct
import zlib
from collections.abc import Iterator
from pathlib import Path

import pygame
import pytest

from game.paths import shipped_story
from game.ui.cache import ByteLRU
from game.ui.prefetch import Prefetcher
from game.ui.resources import Resources, surface_bytes
from game.ui.view import View

BG = (320, 180)
BG_BYTES = BG[0] * BG[1] * 4


# --- the cache itself ---


def test_the_cache_holds_at_most_its_budget_and_drops_the_least_recently_used() -> None:
    cache: ByteLRU[str, bytes] = ByteLRU(10, len)
    cache.put("a", b"aaaa")
    cache.put("b", b"bbbb")
    assert cache.get("a") == b"aaaa"  # "a" is now the most recent; "b" the least
    cache.put("c", b"cccc")  # 12 bytes: one must go, and it is "b"
    assert list(cache) == ["a", "c"] and cache.bytes == 8 and cache.evicted == 1
    cache.put("d", b"dd")
    assert cache.bytes == 10 and "b" not in cache
    cache.peek("a")  # looking does not make "a" more recent
    cache.put("e", b"e")
    assert list(cache) == ["c", "d", "e"] and cache.bytes == 7


def test_an_entry_larger_than_the_budget_is_not_kept_and_evicts_nothing() -> None:
    cache: ByteLRU[str, bytes] = ByteLRU(10, len)
    cache.put("a", b"aaaa")
    assert cache.put("huge", b"x" * 11) is False
    assert "huge" not in cache and list(cache) == ["a"] and cache.bytes == 4


def test_replacing_an_entry_counts_it_once_and_a_smaller_budget_applies_at_once() -> None:
    cache: ByteLRU[str, bytes] = ByteLRU(100, len)
    for key in "abcde":
        cache.put(key, b"12345678")
    cache.put("c", b"12")
    assert cache.bytes == 34 and list(cache)[-1] == "c"
    cache.budget = 20
    assert cache.bytes == 18 and list(cache) == ["d", "e", "c"]
    cache.discard_where(lambda key: key in "de")
    assert list(cache) == ["c"] and cache.bytes == 2
    with pytest.raises(ValueError, match="negative"):
        ByteLRU(-1, len)


# --- the resources ---


def _png(size: tuple[int, int], seed: int) -> bytes:
    width, height = size
    row = bytes([seed % 256, (seed * 7) % 256, 40] * width)
    raw = b"".join(b"\x00" + row for _ in range(height))

    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)

    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(raw)) + chunk(b"IEND", b"")


@pytest.fixture
def story(tmp_path: Path) -> Path:
    """A folder with 20 distinct backgrounds of 320x180."""
    folder = tmp_path / "story" / "images" / "backgrounds"
    folder.mkdir(parents=True)
    for index in range(20):
        (folder / f"bg{index:02d}.png").write_bytes(_png(BG, index))
    return tmp_path / "story"


@pytest.fixture
def display() -> Iterator[None]:
    pygame.display.init()
    pygame.font.init()
    pygame.display.set_mode((1280, 720))
    yield
    pygame.font.quit()
    pygame.display.quit()


def test_pictures_are_kept_within_the_byte_budget_most_recent_first(story: Path, display: None) -> None:
    quarter = BG_BYTES // 4  # a copy at 160x90
    res = Resources(story, shipped_story(), View((1280, 720)), picture_budget=5 * quarter, raw_budget=3 * BG_BYTES)
    for index in range(20):
        res.image("background", f"bg{index:02d}", (160, 90))  # a scaled copy, and the decoded original
    assert res._scaled.bytes == 5 * quarter and res._raw.bytes == 3 * BG_BYTES
    assert [key[1] for key in res._scaled] == ["bg15", "bg16", "bg17", "bg18", "bg19"]
    assert ("background", "bg19") in res._raw and ("background", "bg00") not in res._raw
    # the last ones used are still there: asking again decodes nothing
    decoded: list[str] = []
    real_decode = res._decode

    def recording(kind: str, name: str) -> pygame.Surface:
        decoded.append(name)
        return real_decode(kind, name)

    res._decode = recording  # type: ignore[method-assign]
    for index in (17, 18, 19):
        res.image("background", f"bg{index:02d}", (160, 90))
    assert decoded == []
    res.image("background", "bg00", (160, 90))  # long gone: read again
    assert decoded == ["bg00"]
    assert res.natural_size("background", "bg00") == BG


def test_a_new_window_scale_drops_what_was_made_for_the_old_one(story: Path, display: None) -> None:
    view = View((1280, 720))
    res = Resources(story, shipped_story(), view)
    res.image("background", "bg01", view.rect(0, 0, 1280, 720).size)
    res.piece(("test", 1), lambda: pygame.Surface((64, 64)))
    res.text("hello", 20, (255, 255, 255))
    budget = res._scaled.budget
    view.window_size = (1920, 1080)
    big = res.image("background", "bg01", view.rect(0, 0, 1280, 720).size)
    assert big.get_size() == (1920, 1080)
    assert [key[2:4] for key in res._scaled] == [(1920, 1080)]  # the 1280x720 copy is gone
    assert len(res._pieces) == 0 and len(res._text) == 0
    assert res._scaled.budget == int(budget * 1.5**2)  # a bigger window holds as many pictures


def test_panels_and_shades_are_kept_by_the_resources_within_a_budget(display: None, tmp_path: Path) -> None:
    from game.ui import widgets
    from game.ui.app import App, Options
    from game.ui.screens import menu

    assert not hasattr(widgets, "_panels") and not hasattr(menu, "_shades")  # no module-level caches
    app = App(Options(story_root=shipped_story(), ui_root=shipped_story(), data_dir=tmp_path / "data"))
    try:
        res = app.ctx.resources
        first = widgets.panel(app.ctx, (300, 200), 200)
        assert widgets.panel(app.ctx, (300, 200), 200) is first  # made once
        assert menu.shade(res, (1280, 720)) is menu.shade(res, (1280, 720))
        for width in range(100, 1300, 2):  # a window dragged through 600 sizes
            widgets.panel(app.ctx, (width, 400), 200)
            menu.shade(res, (width, 720))
        assert 0 < res._pieces.bytes <= res._pieces.budget
    finally:
        app.close()


# --- prefetch within the budget ---


class _Ledger:
    def __init__(self, allowance: int) -> None:
        self.served = 0
        self.allowance = allowance

    def prefetch_allowance(self) -> int:
        return self.allowance


def test_prefetch_stops_at_its_allowance_and_goes_on_as_the_story_moves() -> None:
    ledger = _Ledger(allowance=30)
    prepared = []

    def prepare(picture: tuple[str, str, str | None]) -> None:
        prepared.append(picture[1])
        ledger.served += 10  # every picture weighs 10 bytes

    prefetcher = Prefetcher(prepare, ledger=ledger)
    ahead = [("background", f"bg{i}", None) for i in range(8)]
    prefetcher.plan(ahead)
    assert prefetcher.work(budget=10.0) == 3 and prefetcher.spent == 30
    prefetcher.plan(ahead)  # the same step again: nothing more
    assert prefetcher.work(budget=10.0) == 0
    prefetcher.plan(ahead[1:])  # the first one is on stage now: room for one more
    assert prefetcher.work(budget=10.0) == 1
    assert prepared == ["bg0", "bg1", "bg2", "bg3"]


def test_prefetch_never_pushes_out_the_stage_nor_its_own_pictures(story: Path, display: None) -> None:
    view = View((1280, 720))
    # a cache of 6 backgrounds at 320x180 (decoded at their own size: scaled copy = original)
    res = Resources(story, shipped_story(), view, picture_budget=6 * BG_BYTES, raw_budget=6 * BG_BYTES)

    def prepare(picture: tuple[str, str, str | None]) -> None:
        res.image("background", picture[1], BG)

    prefetcher = Prefetcher(prepare, ledger=res)
    on_stage = res.image("background", "bg00", BG)
    ahead = [("background", f"bg{i:02d}", None) for i in range(1, 20)]
    prefetcher.plan(ahead)
    prefetcher.work(budget=10.0)
    assert prefetcher.spent <= res.prefetch_allowance()
    assert res.holds("background", "bg00", BG) and res.image("background", "bg00", BG) is on_stage
    ready = [p[1] for p in prefetcher.done]
    assert ready == ["bg01", "bg02"]  # a third of 6 backgrounds
    evicted = res._scaled.evicted
    for step in range(1, 19):  # the story moves on: each prefetched picture is there when its step comes
        name = f"bg{step:02d}"
        assert res.holds("background", name, BG), name
        res.image("background", name, BG)  # on stage
        prefetcher.plan(ahead[step:])
        prefetcher.work(budget=10.0)
        assert res.holds("background", name, BG)
    assert res._scaled.evicted > evicted  # old stages did make room
    assert surface_bytes(on_stage) == BG_BYTES
