"""Speech engines for self-voicing: the system's own through pyttsx3, and a recording stand-in for tests.

pyttsx3 (an optional dependency: ``pip install '.[access]'``) drives SAPI on
Windows, NSSpeechSynthesizer on macOS and eSpeak NG on Linux.  Its engines are
not thread-safe and ``runAndWait`` blocks while speaking, so one worker thread
owns the engine and the game only puts texts on a queue: speaking never blocks
the frame loop.  Interrupting (the player moved on) empties the queue and
cancels what is being said.

Without pyttsx3, or without a speech engine on the system, ``open_engine``
gives a ``SilentEngine`` whose ``status`` says why, which the accessibility
screen shows; nothing ever fails.  ``STARLIGHT_SPEECH_WAV`` (a folder) makes
the real engine write each utterance to a numbered WAV file there instead of
the speakers (to listen to it later, or in a test).
"""

from __future__ import annotations

import contextlib
import logging
import os
import queue
import threading
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Protocol

log = logging.getLogger(__name__)
WAV_FOLDER_VARIABLE = "STARLIGHT_SPEECH_WAV"


@dataclass(frozen=True)
class Voice:
    """A voice the engine offers: its id, its name, the languages it speaks (codes such as "en-gb", "ko")."""

    id: str
    name: str
    languages: tuple[str, ...]

    def speaks(self, lang: str) -> bool:
        return any(code == lang or code.startswith((lang + "-", lang + "_")) for code in self.languages)


@dataclass(frozen=True)
class Utterance:
    text: str
    language: str
    voice: str  # the voice id ("" : the engine's default)
    rate: int
    volume: float


class Engine(Protocol):
    """What the game needs of a speech engine."""

    status: str  # "" when it speaks; otherwise why it does not, for the accessibility screen

    def say(self, utterance: Utterance) -> None: ...
    def stop(self) -> None: ...
    def busy(self) -> bool: ...
    def voices(self) -> list[Voice]: ...
    def close(self) -> None: ...


class SilentEngine:
    """No speech here (no pyttsx3, or no engine behind it); ``status`` says why."""

    def __init__(self, status: str) -> None:
        self.status = status

    def say(self, utterance: Utterance) -> None:
        pass

    def stop(self) -> None:
        pass

    def busy(self) -> bool:
        return False

    def voices(self) -> list[Voice]:
        return []

    def close(self) -> None:
        pass


@dataclass
class RecordingEngine:
    """A stand-in that remembers what it was asked to say (tests; a speaking game without sound)."""

    status: str = ""
    spoken: list[Utterance] = field(default_factory=list)
    stops: int = 0
    speaking: bool = False
    offered: list[Voice] = field(default_factory=lambda: [Voice("en", "English", ("en",)),
                                                          Voice("ko", "Korean", ("ko",))])

    def say(self, utterance: Utterance) -> None:
        self.spoken.append(utterance)

    def stop(self) -> None:
        self.stops += 1

    def busy(self) -> bool:
        return self.speaking

    def voices(self) -> list[Voice]:
        return list(self.offered)

    def close(self) -> None:
        pass

    @property
    def texts(self) -> list[str]:
        return [u.text for u in self.spoken]


def _languages(raw: Any) -> tuple[str, ...]:
    """A pyttsx3 voice's languages as plain codes (eSpeak gives b"\\x05en-gb", others "en_US" or nothing)."""
    codes = []
    for item in raw or ():
        code = item.decode("utf-8", "replace") if isinstance(item, bytes) else str(item)
        code = code.lstrip("\x00\x01\x02\x03\x04\x05\x06\x07\x08\x09\x0a").strip().lower().replace("_", "-")
        if code:
            codes.append(code)
    return tuple(codes)


class Pyttsx3Engine:
    """The system's speech engine through pyttsx3, owned by a worker thread (``say`` returns at once)."""

    def __init__(self, wav_folder: Path | None = None) -> None:
        self.status = ""
        self.wav_folder = wav_folder
        self._queue: queue.Queue[Utterance | None] = queue.Queue(maxsize=64)
        self._ready = threading.Event()
        self._speaking = threading.Event()
        self._engine: Any = None
        self._voices: list[Voice] = []
        self._count = 0
        self._thread = threading.Thread(target=self._run, name="speech", daemon=True)
        self._thread.start()
        self._ready.wait(10.0)  # the engine starts in a fraction of a second; a hung driver must not hang the game
        if not self._ready.is_set():
            self.status = "the speech engine did not start"

    # --- the game's side ---

    def say(self, utterance: Utterance) -> None:
        if self.status:
            return
        try:
            self._queue.put_nowait(utterance)
        except queue.Full:  # far behind: what is queued is stale anyway
            self.stop()
            self._queue.put_nowait(utterance)

    def stop(self) -> None:
        """Drop what is waiting and cancel what is being said."""
        while True:
            try:
                self._queue.get_nowait()
            except queue.Empty:
                break
        engine = self._engine
        if engine is not None and self._speaking.is_set():
            try:
                engine.stop()  # the drivers' stop is a cancel flag their loop reads: safe from here
            except Exception as exc:  # noqa: BLE001 - a driver's failure to cancel must not stop the game
                log.debug("speech: cannot interrupt: %s", exc)

    def busy(self) -> bool:
        return self._speaking.is_set() or not self._queue.empty()

    def voices(self) -> list[Voice]:
        return list(self._voices)

    def close(self) -> None:
        self.stop()
        with contextlib.suppress(queue.Full):
            self._queue.put_nowait(None)
        self._thread.join(2.0)

    # --- the worker's side ---

    def _run(self) -> None:
        try:
            import pyttsx3

            self._engine = pyttsx3.init()
            self._voices = [Voice(str(v.id), str(v.name), _languages(getattr(v, "languages", ())))
                            for v in self._engine.getProperty("voices") or ()]
        except Exception as exc:  # noqa: BLE001 - any driver failure means: no speech, said on the screen
            self.status = f"no speech engine ({type(exc).__name__}: {exc})"[:200]
            log.warning("self-voicing: %s", self.status)
            self._ready.set()
            return
        if not self._voices:
            self.status = "the speech engine offers no voices"
        self._ready.set()
        while True:
            item = self._queue.get()
            if item is None:
                break
            self._speak(item)

    def _speak(self, utterance: Utterance) -> None:
        engine = self._engine
        self._speaking.set()
        try:
            if utterance.voice:
                engine.setProperty("voice", utterance.voice)
            engine.setProperty("rate", utterance.rate)
            engine.setProperty("volume", utterance.volume)
            if self.wav_folder is not None:
                self._count += 1
                self.wav_folder.mkdir(parents=True, exist_ok=True)
                engine.save_to_file(utterance.text, str(self.wav_folder / f"speech-{self._count:04d}.wav"))
            else:
                engine.say(utterance.text)
            engine.runAndWait()
        except Exception as exc:  # noqa: BLE001 - one failed utterance is logged, the next one is tried
            log.warning("self-voicing could not say %r: %s", utterance.text[:60], exc)
        finally:
            self._speaking.clear()


def open_engine() -> Engine:
    """The system's speech engine, or a silent one saying why there is none."""
    try:
        import pyttsx3  # noqa: F401 - only asking whether it is there
    except ImportError:
        return SilentEngine("pyttsx3 is not installed (pip install 'lost-in-starlight-signal-delay[access]')")
    folder = os.environ.get(WAV_FOLDER_VARIABLE)
    engine = Pyttsx3Engine(Path(folder) if folder else None)
    return engine if not engine.status else SilentEngine(engine.status)


def pick_voice(voices: list[Voice], lang: str, chosen: str) -> Voice | None:
    """The voice to speak ``lang`` with: the player's ``chosen`` one if it speaks it, else the first that does."""
    for voice in voices:
        if voice.id == chosen and voice.speaks(lang):
            return voice
    # The plainest voice for the language: eSpeak NG lists "English (Caribbean)" before British and
    # American English, so prefer the shortest language code ("ko", "en-gb"), then the shortest id.
    speaking = [voice for voice in voices if voice.speaks(lang)]
    return min(speaking, key=lambda v: (min(len(c) for c in v.languages), len(v.id)), default=None)
