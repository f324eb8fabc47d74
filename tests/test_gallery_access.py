"""The endings gallery, an ending, the music room and the event pictures described for players who cannot
see them (game/ui/screens/gallery_access.py), in the real game with posted input and the recording engine.
"""

from __future__ import annotations

import os

os.environ["SDL_VIDEODRIVER"] = "dummy"
os.environ["SDL_AUDIODRIVER"] = "dummy"

from pathlib import Path

import pygame
import pytest
from test_picture_gallery import picture_story
from test_screens_access import press_node, tree
from test_time_machine_ui import DAWN, new_game, play_route, press, to_title, top

from game.paths import shipped_story
from game.ui.access.speech import RecordingEngine
from game.ui.app import App, Options
from game.ui.play.screen import PlayScreen
from game.ui.screens.gallery import EndingViewer, GalleryScreen
from game.ui.screens.music_room import MusicRoomScreen
from game.ui.screens.picture_room import PictureRoomScreen, PictureViewer
from game.ui.title import TitleScreen


def voiced(app: App) -> RecordingEngine:
    """Self-voicing on in ``app``, into a recording engine."""
    engine = RecordingEngine()
    assert app.ctx.access is not None
    app.ctx.access.engine_factory = lambda: engine
    app.ctx.settings.access_offered = True
    app.ctx.settings.self_voicing = True
    app.step(2)
    return engine


@pytest.fixture
def voice(title_app: App) -> RecordingEngine:
    return voiced(title_app)


def test_the_gallery_the_ending_and_the_music_room_are_said(title_app: App, voice: RecordingEngine) -> None:
    app = title_app
    new_game(app)
    play_route(app, DAWN)
    to_title(app)
    title = top(app)
    assert isinstance(title, TitleScreen)
    while title.menu.buttons[title.menu.focus].label() != "Endings":
        press(app, pygame.K_DOWN)
    press(app, pygame.K_RETURN)
    gallery = top(app)
    assert isinstance(gallery, GalleryScreen)
    assert voice.texts[-3:] == ["Endings", "1 of 3 endings reached", "Ending 1: Light Until Dawn"]
    press(app, pygame.K_RIGHT)
    assert voice.texts[-1] == "Ending 2: not reached yet, unavailable"
    press(app, pygame.K_DOWN)
    assert voice.texts[-1] == "Music Room"
    press(app, pygame.K_RETURN)
    assert isinstance(top(app), MusicRoomScreen)
    assert voice.texts[-3:] == ["Music Room", "2 of 2 tracks heard", "Harbour Waves"]
    press(app, pygame.K_DOWN)
    assert voice.texts[-1] == "Light Until Dawn"
    press_node(app, "track.dawn_theme")
    assert app.ctx.audio.current_music == "dawn_theme" and voice.texts[-1] == "Now playing"
    press(app, pygame.K_ESCAPE)
    press(app, pygame.K_UP)
    gallery.focus = 0
    app.step(2)
    press(app, pygame.K_RETURN)
    assert isinstance(top(app), EndingViewer)
    assert voice.texts[-3:] == ["Ending", "Light Until Dawn", "Replay the final scene"]
    press_node(app, "replay")
    replay = top(app)
    assert isinstance(replay, PlayScreen) and replay.box.text == "The tank is full to the brim."


def test_a_locked_music_room_is_said_in_korean(title_app: App, voice: RecordingEngine) -> None:
    app = title_app
    app.ctx.settings.language = "ko"
    app.ctx.nav.push(GalleryScreen(app.ctx))
    app.step(2)
    assert voice.texts[-3:] == ["엔딩", "엔딩 3개 중 0개를 보았습니다", "엔딩 1: 아직 보지 못함, 사용할 수 없음"]
    app.ctx.nav.push(MusicRoomScreen(app.ctx))
    app.step(2)
    assert voice.texts[-3:] == ["음악 감상실", "곡 2개 중 0개를 들었습니다", "1번 곡: 아직 듣지 못한 곡, 사용할 수 없음"]


def test_the_event_pictures_are_said_and_a_press_shows_one(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("STARLIGHT_CACHE_DIR", str(tmp_path / "cache"))
    app = App(Options(story_root=picture_story(tmp_path / "story"), ui_root=shipped_story(), data_dir=tmp_path / "data"))
    try:
        engine = voiced(app)
        app.ctx.progress.pictures_seen.add("cg/dawn_beam")
        app.ctx.nav.push(GalleryScreen(app.ctx))
        app.step(2)
        press(app, pygame.K_DOWN)  # below the cards: the music room, and left of it the pictures
        press(app, pygame.K_LEFT)
        assert engine.texts[-1] == "Event Pictures"
        press(app, pygame.K_RETURN)
        assert isinstance(top(app), PictureRoomScreen)
        assert engine.texts[-3:] == ["Event Pictures", "1 of 3 pictures seen", "Picture 2: Dawn beam"]  # the seen one
        press(app, pygame.K_LEFT)
        assert engine.texts[-1] == "Picture 1: not seen yet, unavailable"
        press_node(app, "picture.cg/dawn_beam")
        assert isinstance(top(app), PictureViewer)
        assert engine.texts[-3:] == ["Event Pictures", "Picture 2: Dawn beam", "Back"]
        app.ctx.settings.language = "ko"
        app.step(2)
        described = tree(app)
        assert described.name == "이벤트 일러스트" and described.children[0].name == "일러스트 2: Dawn beam"
    finally:
        app.close()
