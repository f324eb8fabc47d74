"""What is on stage: background, characters and music, kept beside the runtime state.

The runtime's State says where the story is; it does not know what the player
sees.  Presentation is rebuilt from the presentation events as they pass, is
stored in every save and rollback checkpoint, and is plain data (no pygame), so
it can be serialised and tested headless.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import Any

from game.story import model as m


@dataclass(frozen=True)
class OnStage:
    look: str
    at: str


@dataclass(frozen=True)
class Presentation:
    background: str | None = None
    characters: tuple[tuple[str, OnStage], ...] = ()  # in the order they came on
    music: str | None = None
    speaker: str | None = None  # the character speaking the current line

    def apply(self, event: Any) -> Presentation:
        """The presentation after ``event`` (events that change nothing on stage return self)."""
        kind = getattr(event, "kind", None)
        if kind == m.BG:
            return replace(self, background=event.name)
        if kind == m.SHOW:
            return replace(self, characters=self._with(event.character, OnStage(event.look, event.at)))
        if kind == m.HIDE:
            return replace(self, characters=tuple(c for c in self.characters if c[0] != event.character))
        if kind == m.MUSIC:
            return replace(self, music=event.name)
        if kind == m.LINE:
            chars = self.characters
            if event.look is not None:
                current = dict(chars).get(event.speaker)
                if current is not None:
                    chars = self._with(event.speaker, OnStage(event.look, current.at))
            return replace(self, characters=chars, speaker=event.speaker if event.speaker != m.NARRATOR else None)
        return self

    def _with(self, character: str, on_stage: OnStage) -> tuple[tuple[str, OnStage], ...]:
        items = list(self.characters)
        for i, (name, _) in enumerate(items):
            if name == character:
                items[i] = (character, on_stage)
                return tuple(items)
        return tuple(items) + ((character, on_stage),)

    def to_json(self) -> dict[str, Any]:
        return {
            "background": self.background,
            "characters": [[name, s.look, s.at] for name, s in self.characters],
            "music": self.music,
            "speaker": self.speaker,
        }

    @classmethod
    def from_json(cls, data: Any, story: m.Story) -> Presentation:
        """Rebuild from a save, dropping what the current story no longer has."""
        if not isinstance(data, dict):
            return cls()
        characters = []
        for item in data.get("characters", []):
            if (isinstance(item, list) and len(item) == 3 and item[0] in story.characters
                    and item[1] in story.characters[item[0]].looks and item[2] in m.POSITIONS):
                characters.append((item[0], OnStage(item[1], item[2])))
        background = data.get("background")
        music = data.get("music")
        speaker = data.get("speaker")
        return cls(background if isinstance(background, str) else None, tuple(characters),
                   music if isinstance(music, str) else None,
                   speaker if isinstance(speaker, str) and speaker in story.characters else None)
