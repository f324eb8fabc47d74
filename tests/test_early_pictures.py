"""The title's pictures decoded while the game starts (game/ui/early.py), and handed to the picture cache.

A helper thread decodes them while the main thread imports the game; the cache takes each once,
and decodes for itself (with the usual warning and placeholder) whatever the helper could not have.
"""

from __future__ import annotations

import logging
import os
import shutil
from pathlib import Path

os.environ.setdefault("SDL_VIDEODRIVER", "dummy")
os.environ.setdefault("SDL_AUDIODRIVER", "dummy")

import pygame
import pytest

from game.paths import shipped_story
from game.story.assets import AssetIndex
from game.ui.early import TITLE_PICTURES, EarlyPictures
from game.ui.picture_file import decode_picture
from game.ui.resources import Resources

SAMPLE = Path(__file__).parent / "fixtures" / "sample"


def test_the_title_pictures_are_decoded_as_the_cache_decodes_them() -> None:
    early = EarlyPictures(shipped_story())
    index = AssetIndex(shipped_story())
    for name in TITLE_PICTURES:
        taken = early.take(name)
        assert taken is not None, name
        itself = decode_picture(index, "image", f"ui/{name}")
        assert taken.get_size() == itself.get_size()
        assert pygame.image.tobytes(taken, "RGBA") == pygame.image.tobytes(itself, "RGBA")
        assert early.take(name) is None  # handed over once


def test_the_cache_takes_the_early_picture_instead_of_decoding_it(monkeypatch: pytest.MonkeyPatch) -> None:
    early = EarlyPictures(shipped_story(), ["title_sky"])
    decoded: list[str] = []
    import game.ui.resources as resources

    def counting(index: AssetIndex, kind: str, name: str) -> pygame.Surface:
        decoded.append(name)
        return decode_picture(index, kind, name)

    monkeypatch.setattr(resources, "decode_picture", counting)
    res = Resources(SAMPLE, shipped_story(), early=early)
    sky = res.image("ui", "title_sky")
    city = res.image("ui", "title_city")  # not among the early ones: decoded here
    assert sky.get_size() == (1280, 720) and city.get_width() > 0
    assert decoded == ["ui/title_city"]


def test_a_picture_the_helper_could_not_have_is_decoded_and_reported_as_always(
        tmp_path: Path, caplog: pytest.LogCaptureFixture) -> None:
    ui_root = tmp_path / "assets"
    (ui_root / "images" / "ui").mkdir(parents=True)
    shutil.copy(shipped_story() / "images" / "ui" / "title_sky.jpg", ui_root / "images" / "ui" / "title_sky.jpg")
    (ui_root / "images" / "ui" / "title_city.png").write_bytes(b"not a picture at all")
    early = EarlyPictures(ui_root, ["title_sky", "title_city", "logo_en"])
    res = Resources(SAMPLE, ui_root, early=early)
    with caplog.at_level(logging.WARNING):
        assert res.image("ui", "title_sky").get_size() == (1280, 720)
        res.image("ui", "title_city")  # broken: the placeholder, and one warning naming it
        res.image("ui", "logo_en")  # missing: the same
    warned = " ".join(record.getMessage() for record in caplog.records)
    assert "title_city" in warned and "logo_en" in warned
    assert {"ui:title_city", "ui:logo_en"} <= res.missing
