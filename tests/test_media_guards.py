"""Hostile pictures and sound in a story folder: refused before decoding, the game goes on.

Pictures: a decompression bomb (a header promising 30000x30000 pixels) or a
file that is not the picture its name says becomes the placeholder, with one
warning, and is never handed to a decoder.  Music is streamed from regular files
inside the story folder (a FIFO is refused at once); sound effects are bounded
in size and length before they are decoded; a machine without a sound device
plays silently.
"""

from __future__ import annotations

import os

os.environ["SDL_VIDEODRIVER"] = "dummy"  # before pygame is imported
os.environ["SDL_AUDIODRIVER"] = "dummy"

import contextlib
import logging
import shutil
import struct
import threading
import time
import zlib
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pygame
import pytest

from game.paths import shipped_story
from game.story.assets import AssetIndex
from game.ui.audio import Audio
from game.ui.resources import Resources

SAMPLE = Path(__file__).parent / "fixtures" / "sample"


def _chunk(kind: bytes, data: bytes) -> bytes:
    return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)


def bomb_png(width: int, height: int) -> bytes:
    """A PNG header promising ``width`` x ``height`` pixels, with a little compressed data after it."""
    header = struct.pack(">IIBBBBB", width, height, 8, 6, 0, 0, 0)
    return (b"\x89PNG\r\n\x1a\n" + _chunk(b"IHDR", header) + _chunk(b"IDAT", zlib.compress(b"\x00" * 65536))
            + _chunk(b"IEND", b""))


class _Loads:
    """pygame.image.load, recorded; a refused picture must never get here."""

    def __init__(self) -> None:
        self.calls: list[tuple[Any, ...]] = []
        self.real = pygame.image.load

    def __call__(self, *args: Any) -> pygame.Surface:
        self.calls.append(args)
        if any("bomb" in str(arg) for arg in args):
            raise pygame.error("the test stops a bomb that reached the decoder")
        return self.real(*args)


@pytest.fixture
def loads(monkeypatch: pytest.MonkeyPatch) -> _Loads:
    recorder = _Loads()
    monkeypatch.setattr(pygame.image, "load", recorder)
    return recorder


@pytest.fixture
def story(tmp_path: Path) -> Path:
    root = tmp_path / "story"
    shutil.copytree(SAMPLE, root)
    return root


@pytest.fixture
def display() -> Iterator[None]:
    pygame.display.init()
    pygame.display.set_mode((1280, 720))
    yield
    pygame.display.quit()


# --- pictures ---


def test_a_decompression_bomb_is_a_placeholder_never_decoded(story: Path, display: None, loads: _Loads,
                                                             caplog: pytest.LogCaptureFixture) -> None:
    (story / "images" / "backgrounds" / "bomb.png").write_bytes(bomb_png(30000, 30000))
    res = Resources(story, shipped_story())
    with caplog.at_level(logging.WARNING):
        picture = res.image("background", "bomb", (1280, 720))
        res.image("background", "bomb", (640, 360))
        res.image("background", "bomb", (1280, 720), dim=80)
    assert loads.calls == []  # refused from the header: no decoder saw it
    assert picture.get_size() == (1280, 720)
    assert tuple(picture.get_at((20, 20)))[:3] == (40, 10, 40)  # the magenta-and-dark checker
    warnings = [r.getMessage() for r in caplog.records if r.levelno == logging.WARNING]
    assert len(warnings) == 1 and "30,000x30,000" in warnings[0] and "bomb" in warnings[0]


def test_a_picture_is_decoded_from_the_bytes_that_were_checked(story: Path, display: None, loads: _Loads) -> None:
    res = Resources(story, shipped_story())
    picture = res.image("background", "harbor_dusk")
    assert picture.get_size() == res.natural_size("background", "harbor_dusk")
    assert len(loads.calls) == 1
    source = loads.calls[0][0]
    assert not isinstance(source, (str, Path))  # not a path for the decoder to open again


def test_a_file_that_is_not_the_picture_its_name_says_is_refused(story: Path, display: None, loads: _Loads,
                                                                  caplog: pytest.LogCaptureFixture) -> None:
    # A GIF's header gives a small "screen" while its frame may be any size: a GIF named .png is refused.
    gif = b"GIF89a" + struct.pack("<HH", 16, 16) + b"\x00\x00\x00" + b",\x00\x00\x00\x00\xff\xff\xff\xff\x00"
    (story / "images" / "backgrounds" / "bomb_gif.png").write_bytes(gif)
    (story / "images" / "backgrounds" / "fifo.png").unlink(missing_ok=True)
    os.mkfifo(story / "images" / "backgrounds" / "fifo.png")
    res = Resources(story, shipped_story())
    with caplog.at_level(logging.WARNING):
        started = time.monotonic()
        res.image("background", "bomb_gif")
        res.image("background", "fifo")  # a FIFO is refused at once, never waited on
        assert time.monotonic() - started < 5
    assert loads.calls == []
    messages = " ".join(r.getMessage() for r in caplog.records)
    assert "not the PNG picture its name says" in messages and "not a regular file" in messages


# --- sound ---


@pytest.fixture
def mixer() -> Iterator[None]:
    pygame.init()
    yield
    pygame.quit()


def _audio(root: Path) -> Audio:
    index = AssetIndex(root)
    return Audio(index.find)


def _record_sounds(monkeypatch: pytest.MonkeyPatch) -> list[Any]:
    """Every whole-file decode (pygame.mixer.Sound) from now on, recorded."""
    calls: list[Any] = []
    real_sound = pygame.mixer.Sound

    def recording(*args: Any, **kwargs: Any) -> pygame.mixer.Sound:
        calls.append((args, kwargs))
        return real_sound(*args, **kwargs)

    monkeypatch.setattr(pygame.mixer, "Sound", recording)
    return calls


def _wav_header(seconds: float, rate: int = 44100, channels: int = 2) -> bytes:
    """A PCM WAV header claiming ``seconds`` of sound (the data itself cut short)."""
    data_bytes = int(seconds * rate) * channels * 2
    fmt = struct.pack("<HHIIHH", 1, channels, rate, rate * channels * 2, channels * 2, 16)
    return (b"RIFF" + struct.pack("<I", 36 + data_bytes) + b"WAVE" + b"fmt " + struct.pack("<I", 16) + fmt
            + b"data" + struct.pack("<I", data_bytes) + b"\x00" * 4096)


def _flac_header(seconds: float, rate: int = 44100) -> bytes:
    """A FLAC stream whose STREAMINFO says ``seconds`` long (three hours of silence compress to little)."""
    samples = int(seconds * rate)
    packed = (rate << 44) | (1 << 41) | (15 << 36) | samples  # rate, 2 channels, 16 bits, total samples
    info = struct.pack(">HH", 4096, 4096) + b"\x00\x00\x10" + b"\x00\x10\x00" + packed.to_bytes(8, "big") + b"\x00" * 16
    return b"fLaC" + bytes([0x80]) + len(info).to_bytes(3, "big") + info + b"\xff\xf8" + b"\x00" * 64


def test_music_is_streamed_from_its_file_not_decoded_whole(story: Path, mixer: None,
                                                           monkeypatch: pytest.MonkeyPatch) -> None:
    sounds = _record_sounds(monkeypatch)
    audio = _audio(story)
    assert audio.enabled
    audio.play_music("waves", 0.0)
    audio.update()
    assert pygame.mixer.music.get_busy()
    assert sounds == [] and threading.active_count() == 1  # no whole-file decode, no loader thread
    audio.close()


def test_a_fifo_as_music_is_refused_at_once(story: Path, mixer: None, caplog: pytest.LogCaptureFixture) -> None:
    (story / "audio" / "music" / "waves.wav").unlink()
    fifo = story / "audio" / "music" / "waves.wav"
    os.mkfifo(fifo)
    audio = _audio(story)
    try:
        with caplog.at_level(logging.WARNING):
            started = time.monotonic()
            audio.play_music("waves", 0.5)
            audio.update()
            assert time.monotonic() - started < 2
        assert any("not a regular file" in r.getMessage() for r in caplog.records)
        assert not pygame.mixer.music.get_busy()
    finally:
        with contextlib.suppress(OSError):  # a reader the old code left blocked on the FIFO: let it go
            os.close(os.open(fifo, os.O_WRONLY | os.O_NONBLOCK))
        started = time.monotonic()
        audio.close()
    assert time.monotonic() - started < 2


def test_music_fades_out_then_the_next_fades_in_and_stop_fades_out(story: Path, mixer: None) -> None:
    audio = _audio(story)
    audio.play_music("waves", 0.0)
    audio.update()
    assert audio.playing == "waves"
    audio.play_music("dawn_theme", 0.4)  # waves fades out over 0.2 s, then dawn_theme fades in
    audio.update()
    assert audio.playing == "waves" and audio.current_music == "dawn_theme"
    deadline = time.monotonic() + 3
    while audio.playing != "dawn_theme" and time.monotonic() < deadline:
        time.sleep(0.02)
        audio.update()
    assert audio.playing == "dawn_theme" and pygame.mixer.music.get_busy()
    audio.play_music(None, 0.2)  # music: stop
    deadline = time.monotonic() + 3
    while pygame.mixer.music.get_busy() and time.monotonic() < deadline:
        time.sleep(0.02)
        audio.update()
    assert not pygame.mixer.music.get_busy() and audio.current_music is None
    audio.close()


@pytest.mark.parametrize(("name", "data", "reason"), [
    ("long_wav", _wav_header(600), "600 seconds"),
    ("long_flac", _flac_header(3 * 3600), "10,800 seconds"),
    ("huge", b"RIFF" + b"\x00" * (9 * 2**20), "the limit is"),
    ("midi", b"MThd" + b"\x00" * 64, "not an Ogg, FLAC, WAV or MP3"),
])
def test_a_long_or_large_sound_effect_is_refused_before_decoding(story: Path, mixer: None, name: str, data: bytes,
                                                                 reason: str, monkeypatch: pytest.MonkeyPatch,
                                                                 caplog: pytest.LogCaptureFixture) -> None:
    suffix = ".flac" if "flac" in name else ".mp3" if name == "midi" else ".wav"
    (story / "audio" / "sfx" / f"{name}{suffix}").write_bytes(data)
    decoded = _record_sounds(monkeypatch)
    audio = _audio(story)
    with caplog.at_level(logging.WARNING):
        audio.play_sfx(name)
        audio.play_sfx(name)
    assert decoded == []
    warnings = [r.getMessage() for r in caplog.records if r.levelno == logging.WARNING]
    assert len(warnings) == 1 and reason in warnings[0]
    audio.play_sfx("bell")  # a short one still plays
    assert len(decoded) == 1
    audio.close()


def test_without_a_sound_device_the_game_plays_silently(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                        caplog: pytest.LogCaptureFixture) -> None:
    from game.ui.app import App, Options
    from game.ui.play.screen import PlayScreen

    def no_device(*args: object, **kwargs: object) -> None:
        raise pygame.error("no audio device here")

    monkeypatch.setattr(pygame.mixer, "init", no_device)
    monkeypatch.setenv("SDL_AUDIODRIVER", "no_such_driver")  # pygame.init() must not open one either
    with caplog.at_level(logging.WARNING):
        app = App(Options(story_root=SAMPLE, ui_root=shipped_story(), data_dir=tmp_path / "data"))
    try:
        assert not app.ctx.audio.enabled and not pygame.mixer.get_init()
        assert any("runs silently" in r.getMessage() for r in caplog.records)
        play = PlayScreen.new_game(app.ctx)  # the harbour opens with music: waves
        app.ctx.nav.push(play)
        for _ in range(30):
            play.stage.finish()
            play.hold = 0.0
            play.box.finish()
            play.advance()
            app.step(1)
        app.ctx.audio.play_sfx("bell")
        app.ctx.audio.set_volumes(0.5, 0.5, 0.5)
        assert app.ctx.audio.current_music is not None and app.ctx.audio.playing is None
    finally:
        app.close()


def test_closing_right_after_music_starts_never_crashes(tmp_path: Path) -> None:
    from game.ui.app import App, Options

    for _ in range(3):
        app = App(Options(story_root=SAMPLE, ui_root=shipped_story(), data_dir=tmp_path / "data"))
        app.ctx.audio.play_music("waves", 1.0)
        app.ctx.audio.update()
        app.ctx.audio.play_music("dawn_theme", 1.0)  # fading out: the next is waiting
        app.close()
