"""The game's accessibility services, run once a frame: self-voicing, the clipboard, the screen reader's view.

``Access.frame`` asks the top screen for its accessible tree (only when some
service wants it, so a game without them pays nothing), has the announcer work
out what to say, says it through the speech engine (cutting off what was being
said when the player acted), copies it to the clipboard in clipboard mode, and
hands the tree to the AccessKit bridge.  Actions a screen reader asks for
arrive on another thread; ``frame`` carries them out on the game's thread.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

import pygame

from ..strings import tr
from .announcer import Announcer
from .speech import Engine, Utterance, open_engine, pick_voice
from .tree import Node

if TYPE_CHECKING:
    from ..context import Context
    from ..screens.base import Screen
    from .screen_reader import ScreenReader

log = logging.getLogger(__name__)


class Access:
    """Self-voicing and the screen reader's view for one game window."""

    def __init__(self, ctx: Context, engine_factory: Callable[[], Engine] = open_engine,
                 reader_factory: Callable[[], ScreenReader | None] | None = None) -> None:
        self.ctx = ctx
        self.engine_factory = engine_factory
        self.engine: Engine | None = None  # opened the first time self-voicing is on
        self.announcer = Announcer()
        self.reader_factory = reader_factory
        self.reader: ScreenReader | None = None
        self.reader_tried = False
        self.notices_seen = ctx.notice_total
        self.tree: Node | None = None
        self.clipboard_failed = False

    # --- what the accessibility screen shows ---

    def speech_status(self) -> str:
        """Why the game cannot speak ("" when it can): no pyttsx3, no engine, no voice for the language."""
        engine = self.open()
        if engine.status:
            return engine.status
        lang = self.ctx.language
        if engine.voices() and pick_voice(engine.voices(), lang, self.ctx.settings.voice) is None:
            return tr("no_voice_for", lang).format(language=tr(f"language_{lang}", lang))
        return ""

    def open(self) -> Engine:
        if self.engine is None:
            self.engine = self.engine_factory()
        return self.engine

    def speaking(self) -> bool:
        """Whether the game is speaking (auto-forward waits for it; music ducks under it)."""
        return self.engine is not None and self.ctx.settings.self_voicing and self.engine.busy()

    # --- each frame ---

    def wanted(self) -> bool:
        settings = self.ctx.settings
        return settings.self_voicing or settings.speech_clipboard or self.reader is not None

    def frame(self, top: Screen | None, acted: bool) -> None:
        """Follow the ``top`` screen; ``acted``: the player gave input this frame (what is said is cut off)."""
        self.start_reader()
        if self.reader is not None:
            for action in self.reader.pending():
                action()
        new = min(len(self.ctx.notice_log), self.ctx.notice_total - self.notices_seen)
        fresh = self.ctx.notice_log[len(self.ctx.notice_log) - new:] if new > 0 else []
        self.notices_seen = self.ctx.notice_total
        if not self.wanted():
            self.ctx.audio.duck(False)
            return
        self.tree = top.access() if top is not None else None
        if self.reader is not None:
            # (SDL's dummy driver, where the AT-SPI test runs the game, has no keyboard focus to follow)
            self.reader.window_focus(pygame.key.get_focused() or pygame.display.get_driver() == "dummy")
            self.reader.update(self.tree)
        said = self.announcer.frame(self.tree, fresh)
        if said:
            self.say(said, interrupt=acted)
        self.ctx.audio.duck(self.speaking() and self.ctx.settings.duck_music)

    def say(self, texts: list[str], interrupt: bool = True) -> None:
        """Speak ``texts`` in order (after cutting off what is being said, when ``interrupt``)."""
        settings = self.ctx.settings
        if settings.speech_clipboard:
            self.to_clipboard("\n".join(texts))
        if not settings.self_voicing:
            return
        engine = self.open()
        if interrupt:
            engine.stop()
        lang = self.tree.language if self.tree is not None and self.tree.language else self.ctx.language
        voice = pick_voice(engine.voices(), lang, settings.voice)
        for text in texts:
            engine.say(Utterance(text.replace("[", "").replace("]", ""), lang, voice.id if voice else "",
                                 settings.voice_rate, settings.voice_volume))

    def again(self) -> None:
        """The "speak again" key: say the last thing said once more."""
        texts = self.announcer.again()
        if texts:
            self.say(texts, interrupt=True)

    def to_clipboard(self, text: str) -> None:
        try:
            if not pygame.scrap.get_init():
                pygame.scrap.init()
            scrap: Any = pygame.scrap  # (put_text is pygame 2.2+; not in its type stubs)
            scrap.put_text(text)
        except (pygame.error, AttributeError) as exc:  # no clipboard here (a dummy display): said once in the log
            if not self.clipboard_failed:
                self.clipboard_failed = True
                log.warning("clipboard mode: no clipboard here (%s)", exc)

    # --- the screen reader's view ---

    def start_reader(self) -> None:
        if self.reader_tried or not self.ctx.settings.screen_reader or self.reader_factory is None:
            return
        self.reader_tried = True
        self.reader = self.reader_factory()

    def close(self) -> None:
        if self.engine is not None:
            self.engine.close()
        if self.reader is not None:
            self.reader.close()
