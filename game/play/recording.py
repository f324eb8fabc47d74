"""``starlight play --record FILE``: the playthrough just played, written as a replay file."""

from __future__ import annotations

from pathlib import Path

from game.check.replay import record_replay
from game.story.runtime import ChoiceEvent

from .session import Session


def decision_texts(session: Session, language: str) -> list[str]:
    """Each decision of the playthrough as a replay names it: the option's text, or the hotspot's name."""
    texts: list[str] = []
    for event, chosen in session.decisions:
        if isinstance(event, ChoiceEvent):
            texts.append(next(o.text.get(language) for o in event.options if o.index == chosen))
        else:
            texts.append(next(h.hotspot.name for h in event.hotspots if h.index == chosen))
    return texts


def record(session: Session, path: Path, language: str, ending: str | None) -> None:
    """Write the playthrough as a replay that expects ``ending``; OSError when the file cannot be written."""
    record_replay(path, session.story.root, language, decision_texts(session, language), ending)
