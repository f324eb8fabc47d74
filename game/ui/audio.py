"""Music streamed from its file, short sound effects, volume channels; silent when there is no sound device.

On a machine with no audio device ``pygame.mixer.init()`` raises: the game then
runs silently and says so once in the log.

Music and sound files are shared data.  Only regular files are opened (a FIFO
or a device is refused before anything blocks on it), inside the story folder,
and only the containers the game knows (Ogg, FLAC, WAV, MP3: nothing is handed
to SDL's other decoders).  Music is streamed by ``pygame.mixer.music``, so a
track's length costs no memory; there is one stream, so a change of music fades
the old track out (over half the crossfade time) and then fades the new one in
(over the whole of it).  A sound effect is decoded whole, so it must be short:
its file size and, from its header, its length are checked before decoding, and
the decoded effects are kept in a cache bounded by bytes.
"""

from __future__ import annotations

import io
import logging
import struct
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import mutagen
import pygame

from game.story.assets import AssetError
from game.story.files import FileRefused, read_limited, regular_file

from .cache import ByteLRU

log = logging.getLogger(__name__)

MB = 2**20
MUSIC_FILE_LIMIT = 64 * MB  # streamed, so only the file itself is bounded
SFX_FILE_LIMIT = 8 * MB
SFX_MAX_SECONDS = 30.0  # about 5 MB once decoded at 44.1 kHz stereo
SOUND_CACHE_BYTES = 32 * MB
FADE_OUT_GRACE = 1.0  # seconds past its fade before an old track that still plays is cut
FREQUENCY, CHANNELS = 44100, 2
DUCKED = 0.35  # the music's share of its volume while the game speaks


def container(head: bytes) -> str | None:
    """Which audio container the first bytes of a file start (None: none the game plays)."""
    if head.startswith(b"OggS"):
        return "ogg"
    if head.startswith(b"fLaC"):
        return "flac"
    if head.startswith(b"RIFF") and head[8:12] == b"WAVE":
        return "wav"
    if head.startswith(b"ID3") or (len(head) >= 2 and head[0] == 0xFF and head[1] & 0xE0 == 0xE0):
        return "mp3"
    return None


def _require_container(head: bytes, path: Path) -> None:
    if container(head) is None:
        raise FileRefused(f"{path} is not an Ogg, FLAC, WAV or MP3 file")


def sound_seconds(data: bytes, path: Path) -> float:
    """The length of a sound file, from its header (FileRefused when the header does not tell)."""
    _require_container(data[:12], path)
    try:
        parsed = mutagen.File(io.BytesIO(data))
    except (mutagen.MutagenError, ValueError, EOFError, IndexError, OverflowError, struct.error) as exc:
        raise FileRefused(f"{path}: a damaged sound header ({exc})") from None
    seconds = getattr(getattr(parsed, "info", None), "length", None)
    if not isinstance(seconds, (int, float)) or not seconds > 0:
        raise FileRefused(f"{path}: its header does not say how long it is")
    return float(seconds)


@dataclass
class _Next:
    """A track waiting for the one before it to fade out."""

    name: str
    path: Path
    fade_in_ms: int
    cut_at: float  # monotonic time after which a track still playing is stopped outright


class Audio:
    """Owns the mixer.  ``find(kind, name)`` gives the file of a music or sfx asset (or raises AssetError).

    ``root`` (when given) names the folder those files must stay inside, links resolved.
    Call ``update`` every frame: it starts a track once the one before it has faded out.
    """

    def __init__(self, find: Callable[[str, str], Path], root: Callable[[], Path] | None = None,
                 mono: bool = False) -> None:
        self.find = find
        self.root = root
        self.enabled = False
        self.mono = mono
        self.ducked = False
        self.master = self.music_volume = self.sfx_volume = 1.0
        self._sounds: ByteLRU[str, pygame.mixer.Sound] = ByteLRU(SOUND_CACHE_BYTES, _sound_bytes)
        self._refused: set[str] = set()  # files already warned about (one warning each)
        self._next: _Next | None = None
        self.current_music: str | None = None  # what the story asks for
        self.playing: str | None = None  # the track the stream plays (or fades out)
        self._open()

    def _open(self) -> None:
        """Open the mixer: stereo, or one channel for mono audio (SDL mixes every sound and track down to it)."""
        try:
            pygame.mixer.init(FREQUENCY, -16, 1 if self.mono else CHANNELS, 1024)
            pygame.mixer.set_num_channels(16)
            self.enabled = True
        except pygame.error as exc:
            log.warning("no sound device (%s): the game runs silently", exc)

    def set_mono(self, mono: bool) -> None:
        """Mono audio on or off: the mixer is opened again that way and the music goes on where the story is."""
        if mono == self.mono:
            return
        self.mono = mono
        music = self.current_music
        self.close()
        if self.enabled:
            pygame.mixer.quit()
        self.enabled = False
        self._sounds.clear()  # decoded for the old channel count
        self._open()
        self.set_volumes(self.master, self.music_volume, self.sfx_volume)
        self.current_music = None
        self.play_music(music, 0.5)

    def channels(self) -> int:
        """How many channels the mixer plays (1 with mono audio), 0 when silent."""
        init = pygame.mixer.get_init() if self.enabled else None
        return init[2] if init else 0

    def _music_level(self) -> float:
        return self.master * self.music_volume * (DUCKED if self.ducked else 1.0)

    def duck(self, on: bool) -> None:
        """Music drops to DUCKED of its volume while the game speaks, and comes back after."""
        if on == self.ducked:
            return
        self.ducked = on
        if self.enabled:
            pygame.mixer.music.set_volume(self._music_level())

    def set_volumes(self, master: float, music: float, sfx: float) -> None:
        self.master, self.music_volume, self.sfx_volume = master, music, sfx
        if self.enabled:
            pygame.mixer.music.set_volume(self._music_level())

    def _file(self, kind: str, name: str, limit: int) -> Path:
        """The checked path of a sound asset (AssetError / FileRefused say why not)."""
        path = self.find(kind, name)
        return regular_file(path, limit, self.root() if self.root is not None else None)

    def _warn(self, kind: str, name: str, exc: Exception) -> None:
        if f"{kind}:{name}" not in self._refused:
            self._refused.add(f"{kind}:{name}")
            log.warning("cannot play %s %r: %s", kind, name, exc)

    # --- music ---

    def play_music(self, name: str | None, fade: float = 1.5) -> None:
        """Fade the music over to ``name`` (None: fade out).  A file that cannot be played is refused now."""
        if name == self.current_music:
            return
        self.current_music = name
        if not self.enabled:
            return
        fade_ms = max(0, int(fade * 1000))
        out_ms = fade_ms if name is None else fade_ms // 2  # a change fades out over half the time
        self._next = None
        if name is not None:
            try:
                path = self._file("music", name, MUSIC_FILE_LIMIT)
                with open(path, "rb") as handle:  # a regular file: reading its first bytes cannot block
                    _require_container(handle.read(12), path)
            except (AssetError, FileRefused, OSError) as exc:
                self._warn("music", name, exc)
            else:
                self._next = _Next(name, path, fade_ms, time.monotonic() + out_ms / 1000 + FADE_OUT_GRACE)
        if pygame.mixer.music.get_busy():
            if out_ms > 0:
                pygame.mixer.music.fadeout(out_ms)  # returns at once; the stream fades on its own
            else:
                pygame.mixer.music.stop()
        self.update()

    def update(self) -> None:
        """Start the waiting track once the old one has faded out (loading it sooner would block the game)."""
        if not self.enabled:
            return
        if not pygame.mixer.music.get_busy():
            self.playing = None
        nxt = self._next
        if nxt is None:
            return
        if pygame.mixer.music.get_busy():
            if time.monotonic() < nxt.cut_at:
                return
            pygame.mixer.music.stop()
        self._next = None
        try:
            path = self._file("music", nxt.name, MUSIC_FILE_LIMIT)  # checked again just before SDL opens it
            pygame.mixer.music.load(str(path))
            pygame.mixer.music.set_volume(self._music_level())
            pygame.mixer.music.play(loops=-1, fade_ms=nxt.fade_in_ms)
            self.playing = nxt.name
        except (AssetError, FileRefused, pygame.error, OSError) as exc:
            self._warn("music", nxt.name, exc)

    # --- sound effects ---

    def _sound(self, name: str) -> pygame.mixer.Sound | None:
        sound = self._sounds.get(name)
        if sound is not None or f"sfx:{name}" in self._refused:
            return sound
        try:
            path = self.find("sfx", name)
            data = read_limited(path, SFX_FILE_LIMIT, self.root() if self.root is not None else None)
            seconds = sound_seconds(data, path)
            if seconds > SFX_MAX_SECONDS:
                raise FileRefused(f"{path} is {seconds:,.0f} seconds long; a sound effect may last "
                                  f"{SFX_MAX_SECONDS:.0f} seconds (long sounds belong in music:)")
            sound = pygame.mixer.Sound(file=io.BytesIO(data))
        except (AssetError, FileRefused, pygame.error, OSError) as exc:  # missing or broken: warn, stay silent
            self._warn("sfx", name, exc)
            return None
        self._sounds.put(name, sound)
        return sound

    def play_sfx(self, name: str) -> None:
        if not self.enabled:
            return
        sound = self._sound(name)
        if sound is not None:
            channel = sound.play()
            if channel is not None:
                channel.set_volume(self.master * self.sfx_volume)

    # --- life ---

    def close(self) -> None:
        """Stop the stream before pygame shuts the mixer down (nothing else runs beside the game)."""
        self._next = None
        if self.enabled and pygame.mixer.get_init():
            pygame.mixer.music.stop()
            pygame.mixer.music.unload()
            pygame.mixer.stop()
        self.playing = None

    def forget(self) -> None:
        """Drop cached sounds and refusals (after a story reload: the files may have changed)."""
        self._sounds.clear()
        self._refused.clear()


def _sound_bytes(sound: pygame.mixer.Sound) -> int:
    """The decoded size of ``sound`` (16-bit samples at the mixer's rate)."""
    return int(sound.get_length() * FREQUENCY * CHANNELS * 2)
