"""Music with crossfades, sound effects and volume channels; silent when there is no sound device.

On a machine with no audio device ``pygame.mixer.init()`` raises: the game then
runs silently and says so once in the log.  Music plays on two mixer channels
so one track can fade out while the next fades in.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from pathlib import Path

import pygame

from game.story.assets import AssetError

log = logging.getLogger(__name__)


class Audio:
    """Owns the mixer.  ``find(kind, name)`` gives the file of a music or sfx asset (or raises)."""

    def __init__(self, find: Callable[[str, str], Path]) -> None:
        self.find = find
        self.enabled = False
        self.master = self.music_volume = self.sfx_volume = 1.0
        self._sounds: dict[tuple[str, str], pygame.mixer.Sound | None] = {}
        self._music_channels: list[pygame.mixer.Channel] = []
        self._active = 0
        self._lock = threading.Lock()
        self._loaders: list[threading.Thread] = []
        self.current_music: str | None = None
        try:
            pygame.mixer.init(44100, -16, 2, 1024)
            pygame.mixer.set_num_channels(16)
            pygame.mixer.set_reserved(2)
            self._music_channels = [pygame.mixer.Channel(0), pygame.mixer.Channel(1)]
            self.enabled = True
        except pygame.error as exc:
            log.warning("no sound device (%s): the game runs silently", exc)

    def set_volumes(self, master: float, music: float, sfx: float) -> None:
        self.master, self.music_volume, self.sfx_volume = master, music, sfx
        if self.enabled:
            self._music_channels[self._active].set_volume(master * music)

    def _sound(self, kind: str, name: str) -> pygame.mixer.Sound | None:
        key = (kind, name)
        if key not in self._sounds:
            try:
                self._sounds[key] = pygame.mixer.Sound(str(self.find(kind, name)))
            except (pygame.error, OSError, AssetError) as exc:  # a missing or broken file: warn, stay silent
                log.warning("cannot play %s %r: %s", kind, name, exc)
                self._sounds[key] = None
        return self._sounds[key]

    def play_music(self, name: str | None, fade: float = 1.5) -> None:
        """Crossfade to ``name`` (None: fade out)."""
        if name == self.current_music:
            return
        self.current_music = name
        if not self.enabled:
            return
        fade_ms = int(fade * 1000)
        old = self._music_channels[self._active]
        old.fadeout(fade_ms) if fade_ms else old.stop()
        if name is None:
            return
        if ("music", name) in self._sounds:
            self._start(name, fade_ms)
        else:
            # Decoding a track takes a few hundred milliseconds: do it beside the game loop
            # (a first frame, a line, must not wait for it); it fades in once it is ready.
            loader = threading.Thread(target=self._load_then_start, args=(name, fade_ms), daemon=True)
            self._loaders.append(loader)
            loader.start()

    def _load_then_start(self, name: str, fade_ms: int) -> None:
        self._sound("music", name)
        if self.current_music == name:  # the story may have moved on to other music meanwhile
            self._start(name, fade_ms)

    def _start(self, name: str, fade_ms: int) -> None:
        sound = self._sounds.get(("music", name))
        if sound is None:
            return
        with self._lock:
            self._active = 1 - self._active
            channel = self._music_channels[self._active]
            channel.set_volume(self.master * self.music_volume)
            channel.play(sound, loops=-1, fade_ms=fade_ms)

    def play_sfx(self, name: str) -> None:
        if not self.enabled:
            return
        sound = self._sound("sfx", name)
        if sound is not None:
            channel = sound.play()
            if channel is not None:
                channel.set_volume(self.master * self.sfx_volume)

    def close(self) -> None:
        """Before pygame shuts the mixer down: let a track still being decoded finish (or the
        decoder would run on freed memory)."""
        for loader in self._loaders:
            loader.join(timeout=10)
        self._loaders.clear()

    def forget(self) -> None:
        """Drop cached sounds (after a story reload)."""
        self._sounds.clear()
