"""A playthrough as a save, and a save as a playthrough again.

``make_save`` describes the controller's current stop in every language (the
scene's title, the first words of the line or the options), with the runtime
state as a snapshot that survives story edits and the stage as data.
``load_save`` rebuilds a controller from a save (adjusted to the story as it is
now, with notices saying what changed), or raises ``SaveError`` for the player.
"""

from __future__ import annotations

from datetime import datetime

from game.persist.progress import Progress
from game.persist.saves import SaveData, SaveError, make_preview
from game.persist.settings import Settings
from game.story import model as m
from game.story import snapshot
from game.story.presentation import Place
from game.story.runtime import ChoiceEvent

from .controller import PlayController

PREVIEW_LENGTH = 60


def preview_texts(controller: PlayController) -> dict[str, str]:
    """The first words of what the player sees now, per language (the save card's preview)."""
    story = controller.story
    event = controller.current.event
    under = controller.under_line()
    preview: dict[str, str] = {}
    for lang in story.languages:
        if isinstance(event, ChoiceEvent) and event.options:
            text = " / ".join(o.text.get(lang) for o in event.options)
        elif under is not None:  # a line, or a map under the line that led there
            text = under.text.get(lang)
        else:
            text = ""
        preview[lang] = make_preview(text, PREVIEW_LENGTH)
    return preview


def make_save(controller: PlayController, slot: str, language: str, thumbnail_png: bytes | None) -> SaveData:
    """The save of the controller's current stop in ``slot``."""
    story = controller.story
    current = controller.current
    scene = story.scenes[current.state.scene]
    return SaveData(
        slot=slot, saved_at=datetime.now().astimezone(), story_title=story.title.as_dict(),
        scene_title=scene.title.as_dict(), preview=preview_texts(controller), language=language,
        snapshot=snapshot.to_json(story, current.state), presentation=current.presentation.to_json(),
        thumbnail_png=thumbnail_png)


def load_save(story: m.Story, data: SaveData, settings: Settings, progress: Progress
              ) -> tuple[PlayController, list[str]]:
    """A controller playing on from ``data``, and notices of what had to be adjusted; SaveError if impossible."""
    try:
        controller, notices = PlayController.restore(story, data.snapshot, data.presentation, settings, progress)
    except snapshot.SnapshotError as exc:
        raise SaveError(f"This save no longer fits the story: {exc}") from None
    old_place = _old_map_position(data.presentation)
    if old_place is not None and controller.map_place() is None:  # saves before places were kept per map
        controller.remember_place(old_place)
    return controller, notices


def _old_map_position(presentation: object) -> Place | None:
    """The ``map_position`` of a save made before map places were kept in the stage."""
    if not isinstance(presentation, dict):
        return None
    place = presentation.get("map_position")
    if (isinstance(place, list) and len(place) == 3 and all(isinstance(v, (int, float)) for v in place[:2])
            and place[2] in ("up", "down", "left", "right")):
        x, y = float(place[0]), float(place[1])
        if abs(x) < 1e6 and abs(y) < 1e6:
            return Place(x, y, place[2])
    return None
