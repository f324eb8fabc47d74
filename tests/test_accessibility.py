"""Playable by everyone (issue 15): every accessibility setting through the real screens, with posted input.

The real App runs headless on the sample story.  Self-voicing speaks through a
recording stand-in engine (and once through eSpeak NG, when it and pyttsx3 are
installed); none of the optional engines is needed for the rest.
"""

from __future__ import annotations

import os

os.environ["SDL_VIDEODRIVER"] = "dummy"  # before pygame is imported
os.environ["SDL_AUDIODRIVER"] = "dummy"

import shutil
import wave
from collections.abc import Iterator
from pathlib import Path

import pygame
import pytest

from game.paths import shipped_story
from game.ui.access.speech import RecordingEngine, Utterance, Voice, pick_voice
from game.ui.app import App, Options
from game.ui.input import REBINDABLE, Action
from game.ui.play.hud import QUICK_MENU
from game.ui.play.screen import PlayScreen
from game.ui.screens.accessibility import AccessibilityScreen
from game.ui.screens.controls import ControlsScreen
from game.ui.screens.menu import GameMenu
from game.ui.strings import STRINGS
from game.ui.title import TitleScreen

SAMPLE = Path(__file__).parent / "fixtures" / "sample"


def make_app(data: Path, story: Path = SAMPLE) -> App:
    app = App(Options(story_root=story, ui_root=shipped_story(), data_dir=data))
    app.ctx.settings.text_speed = 0
    return app


@pytest.fixture
def app(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[App]:
    monkeypatch.setenv("STARLIGHT_CACHE_DIR", str(tmp_path / "cache"))
    game = make_app(tmp_path / "data")
    game.ctx.settings.access_offered = True
    game.ctx.nav.push(TitleScreen(game.ctx))
    game.step(2)
    try:
        yield game
    finally:
        game.close()


@pytest.fixture
def voice(app: App) -> RecordingEngine:
    """A recording engine in place of the system's (self-voicing is still off)."""
    engine = RecordingEngine()
    assert app.ctx.access is not None
    app.ctx.access.engine_factory = lambda: engine
    return engine


def press(app: App, key: int, times: int = 1, mod: int = 0, frames: int = 2) -> None:
    for _ in range(times):
        pygame.event.post(pygame.event.Event(pygame.KEYDOWN, key=key, mod=mod, unicode="", scancode=0))
        pygame.event.post(pygame.event.Event(pygame.KEYUP, key=key, mod=mod, unicode="", scancode=0))
        app.step(frames, dt=0.2)


def open_access(app: App) -> AccessibilityScreen:
    press(app, pygame.K_a, mod=pygame.KMOD_SHIFT)
    screen = app.ctx.nav.top
    assert isinstance(screen, AccessibilityScreen)
    return screen


def focus_row(app: App, screen: AccessibilityScreen, key: str) -> None:
    target = next(i for i, row in enumerate(screen.rows) if row.key == key)
    while screen.focus != target:
        press(app, pygame.K_DOWN)


def turn_on(app: App, key: str) -> None:
    """Shift+A, down to the row ``key``, right (off -> on), Esc."""
    screen = open_access(app)
    focus_row(app, screen, key)
    press(app, pygame.K_RIGHT)
    assert getattr(app.ctx.settings, key) is True
    press(app, pygame.K_ESCAPE)


def new_game(app: App) -> PlayScreen:
    assert isinstance(app.ctx.nav.top, TitleScreen)
    press(app, pygame.K_RETURN, frames=4)
    play = app.ctx.nav.top
    assert isinstance(play, PlayScreen)
    return play


# --- self-voicing ---


def test_self_voicing_says_each_line_with_its_speaker_then_the_options(app: App, voice: RecordingEngine) -> None:
    turn_on(app, "self_voicing")
    assert app.ctx.settings.timed_choices is False  # timers wait for a player who listens
    new_game(app)
    assert "Gulls circle the harbour as the light fails." in voice.texts
    stops = voice.stops
    press(app, pygame.K_RETURN)
    assert voice.texts[-1] == "Tomas: There's weather coming in tonight, Mira."
    assert voice.stops > stops  # the player moved on: what was being said is cut off
    press(app, pygame.K_RETURN)
    assert voice.texts[-1] == "Mira: Then the lamp has to burn until morning."
    press(app, pygame.K_RETURN, frames=4)
    assert voice.texts[-1] == "Option 1 of 3: Promise to keep the lamp lit."
    press(app, pygame.K_DOWN)
    assert voice.texts[-1] == "Option 2 of 3: Say the fog worries you more."
    assert all(u.language == "en" and u.voice == "en" for u in voice.spoken)
    press(app, pygame.K_v)  # speak again
    assert voice.texts[-1] == "Option 2 of 3: Say the fog worries you more."


def test_a_setting_is_said_with_its_value_and_then_its_new_value(app: App, voice: RecordingEngine) -> None:
    turn_on(app, "self_voicing")
    screen = open_access(app)
    assert voice.texts[-2:] == ["Accessibility", "Self-voicing: On"]
    focus_row(app, screen, "reduce_motion")
    assert voice.texts[-1] == "Reduce motion: Off"
    press(app, pygame.K_RIGHT)
    assert voice.texts[-1] == "On" and app.ctx.settings.reduce_motion


def test_korean_is_said_with_a_korean_voice_and_no_voice_is_said_plainly(app: App, voice: RecordingEngine) -> None:
    turn_on(app, "self_voicing")
    app.ctx.settings.language = "ko"
    new_game(app)
    said = voice.spoken[-1]
    assert said.text == "해가 지자 갈매기들이 항구 위를 맴돈다." and said.language == "ko" and said.voice == "ko"
    voice.offered = [Voice("en", "English", ("en-gb",))]
    assert app.ctx.access is not None
    assert "한국어" in app.ctx.access.speech_status() or "Korean" in app.ctx.access.speech_status()
    assert pick_voice(voice.offered, "ko", "") is None


def test_the_plainest_voice_is_picked_for_a_language() -> None:
    voices = [Voice("gmw/en-029", "English (Caribbean)", ("en-029",)), Voice("gmw/en", "English (Great Britain)", ("en-gb",)),
              Voice("gmw/en-us", "English (America)", ("en-us",)), Voice("ko", "Korean", ("ko",))]
    assert pick_voice(voices, "en", "").name == "English (Great Britain)"  # type: ignore[union-attr]
    assert pick_voice(voices, "en", "gmw/en-us").name == "English (America)"  # type: ignore[union-attr]
    assert pick_voice(voices, "ko", "gmw/en-us").id == "ko"  # type: ignore[union-attr]


def test_without_a_speech_engine_the_screen_says_why_and_nothing_fails(app: App) -> None:
    from game.ui.access.speech import SilentEngine
    assert app.ctx.access is not None
    app.ctx.access.engine_factory = lambda: SilentEngine("pyttsx3 is not installed")
    turn_on(app, "self_voicing")
    screen = open_access(app)
    assert "pyttsx3 is not installed" in screen.status()
    assert screen.access().children[0].name.startswith("Speech is not available")
    press(app, pygame.K_ESCAPE)
    play = new_game(app)
    press(app, pygame.K_RETURN)
    assert play.controller.session.position > 0


def test_clipboard_mode_copies_what_is_said(app: App, monkeypatch: pytest.MonkeyPatch) -> None:
    copied: list[str] = []
    monkeypatch.setattr(pygame.scrap, "get_init", lambda: True)
    monkeypatch.setattr(pygame.scrap, "put_text", copied.append, raising=False)
    turn_on(app, "speech_clipboard")
    assert app.ctx.settings.self_voicing is False
    new_game(app)
    assert any("Gulls circle the harbour" in text for text in copied)


def test_music_ducks_while_the_game_speaks(app: App, voice: RecordingEngine) -> None:
    turn_on(app, "self_voicing")
    audio = app.ctx.audio
    voice.speaking = True
    app.step(1)
    assert audio.ducked
    voice.speaking = False
    app.step(1)
    assert not audio.ducked


def test_auto_forward_waits_for_the_voice(app: App, voice: RecordingEngine) -> None:
    turn_on(app, "self_voicing")
    play = new_game(app)
    voice.speaking = True
    press(app, pygame.K_a)  # auto-forward
    app.step(30, dt=0.5)
    assert play.controller.session.position == 0
    voice.speaking = False
    app.step(30, dt=0.5)
    assert play.controller.session.position > 0


@pytest.mark.skipif(shutil.which("espeak-ng") is None, reason="eSpeak NG is not installed")
def test_espeak_ng_speaks_a_line_into_a_wav(tmp_path: Path) -> None:
    pytest.importorskip("pyttsx3")
    from game.ui.access.speech import Pyttsx3Engine
    engine = Pyttsx3Engine(wav_folder=tmp_path)
    try:
        assert engine.status == "", engine.status
        korean = pick_voice(engine.voices(), "ko", "")
        english = pick_voice(engine.voices(), "en", "")
        assert english is not None and korean is not None
        engine.say(Utterance("Jay: The signal takes twenty minutes.", "en", english.id, 175, 1.0))
        engine.say(Utterance("제이: 신호가 닿기까지 이십 분이 걸려.", "ko", korean.id, 175, 1.0))
        for _ in range(200):
            if len(list(tmp_path.glob("*.wav"))) == 2 and not engine.busy():
                break
            pygame.time.wait(50)
    finally:
        engine.close()
    for path in sorted(tmp_path.glob("*.wav")):
        with wave.open(str(path)) as sound:
            seconds = sound.getnframes() / sound.getframerate()
        assert 1.0 < seconds < 8.0, (path, seconds)
    assert len(list(tmp_path.glob("*.wav"))) == 2


# --- the accessibility screen: reached from everywhere, offered once ---


def test_the_accessibility_screen_from_the_title_the_menu_and_shift_a(app: App) -> None:
    title = app.ctx.nav.top
    assert isinstance(title, TitleScreen)
    press(app, pygame.K_UP, 2)  # New Game wraps to Quit, then Accessibility
    assert title.menu.buttons[title.menu.focus].label() == "Accessibility"
    press(app, pygame.K_RETURN)
    assert isinstance(app.ctx.nav.top, AccessibilityScreen)
    press(app, pygame.K_ESCAPE)  # (the title's menu starts again at New Game)
    play = new_game(app)
    press(app, pygame.K_ESCAPE)
    menu = app.ctx.nav.top
    assert isinstance(menu, GameMenu)
    press(app, pygame.K_DOWN, [b.label() for b in menu.list.buttons].index("Accessibility"))
    press(app, pygame.K_RETURN)
    assert isinstance(app.ctx.nav.top, AccessibilityScreen)
    press(app, pygame.K_ESCAPE)
    press(app, pygame.K_ESCAPE)
    assert app.ctx.nav.top is play
    open_access(app)  # Shift+A over the game itself
    press(app, pygame.K_a, mod=pygame.KMOD_SHIFT)  # and again closes it
    assert app.ctx.nav.top is play


def test_offered_once_at_the_very_first_launch(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("STARLIGHT_CACHE_DIR", str(tmp_path / "cache"))
    for first in (True, False):
        game = make_app(tmp_path / "data")
        try:
            game.ctx.nav.home()
            game.offer_access()
            top = game.ctx.nav.top
            assert isinstance(top, AccessibilityScreen) is first
        finally:
            game.close()


# --- controls ---


def test_a_rebinding_survives_a_restart_and_a_taken_key_is_refused(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("STARLIGHT_CACHE_DIR", str(tmp_path / "cache"))
    game = make_app(tmp_path / "data")
    game.ctx.settings.access_offered = True
    game.ctx.nav.push(TitleScreen(game.ctx))
    try:
        screen = open_access(game)
        press(game, pygame.K_UP)  # wraps to the last row: Controls…
        assert screen.rows[screen.focus].key == "controls"
        press(game, pygame.K_RETURN)
        controls = game.ctx.nav.top
        assert isinstance(controls, ControlsScreen)
        press(game, pygame.K_DOWN, REBINDABLE.index(Action.AUTO))
        press(game, pygame.K_RETURN)  # listen
        press(game, pygame.K_q)
        assert game.ctx.settings.key_bindings["auto"][0] == "q"
        press(game, pygame.K_DOWN)  # History
        press(game, pygame.K_RETURN)
        press(game, pygame.K_q)  # taken by auto-forward: refused
        assert "already does" in controls.message and "Auto-forward" in controls.message
        assert "history" not in game.ctx.settings.key_bindings
    finally:
        game.close()
    again = make_app(tmp_path / "data")
    try:
        again.ctx.nav.push(TitleScreen(again.ctx))
        play = new_game(again)
        assert not play.controller.auto
        press(again, pygame.K_q)
        assert play.controller.auto  # the new key works after the restart
    finally:
        again.close()


def test_a_gamepad_button_rebinds_too(app: App) -> None:
    screen = open_access(app)
    press(app, pygame.K_UP)
    assert screen.rows[screen.focus].key == "controls"
    press(app, pygame.K_RETURN)
    controls = app.ctx.nav.top
    assert isinstance(controls, ControlsScreen)
    press(app, pygame.K_TAB)  # the gamepad page
    press(app, pygame.K_DOWN, REBINDABLE.index(Action.HISTORY))
    press(app, pygame.K_RETURN)
    stick = pygame.event.Event(pygame.CONTROLLERBUTTONDOWN, button=pygame.CONTROLLER_BUTTON_LEFTSTICK, instance_id=0)
    pygame.event.post(stick)
    app.step(2)
    assert "history" not in app.ctx.settings.pad_bindings  # every button has an action: the stick is taken
    assert "Back to the last choice" in controls.message
    press(app, pygame.K_DOWN, REBINDABLE.index(Action.LAST_CHOICE) - REBINDABLE.index(Action.HISTORY))
    press(app, pygame.K_BACKSPACE)  # clear it there
    assert app.ctx.settings.pad_bindings["last_choice"] == []
    press(app, pygame.K_UP, REBINDABLE.index(Action.LAST_CHOICE) - REBINDABLE.index(Action.HISTORY))
    press(app, pygame.K_RETURN)
    pygame.event.post(stick)
    app.step(2)
    assert app.ctx.settings.pad_bindings["history"][0] == "leftstick"
    press(app, pygame.K_UP, REBINDABLE.index(Action.HISTORY) - REBINDABLE.index(Action.CONFIRM))
    press(app, pygame.K_BACKSPACE)  # "next" cannot be left without a button
    assert "must keep" in controls.message and "confirm" not in app.ctx.settings.pad_bindings
    press(app, pygame.K_DOWN, len(REBINDABLE) - REBINDABLE.index(Action.CONFIRM))  # reset
    press(app, pygame.K_RETURN)
    assert app.ctx.settings.pad_bindings == {} and app.ctx.settings.key_bindings == {}


# --- reduced motion ---


def stage_frames(app: App, play: PlayScreen, frames: int) -> list[tuple[int, int, int]]:
    """The stage's colour at a point above the text box, frame by frame (what the player sees)."""
    seen = []
    for _ in range(frames):
        app.step(1, dt=0.05)
        app.draw()
        seen.append(tuple(app.capture().get_at(app.view.point(640, 200)))[:3])
    return seen


def walk_to_the_stairs(app: App, play: PlayScreen) -> None:
    """Through the first choice's first option to the stairs, whose background fades in."""
    while play.choices is None:
        press(app, pygame.K_RETURN)
    app.step(3, dt=0.2)
    press(app, pygame.K_RETURN)  # the first option
    while play.stage.background != "stairwell":
        pygame.event.post(pygame.event.Event(pygame.KEYDOWN, key=pygame.K_RETURN, mod=0, unicode="", scancode=0))
        pygame.event.post(pygame.event.Event(pygame.KEYUP, key=pygame.K_RETURN, mod=0, unicode="", scancode=0))
        app.step(1, dt=0.01)


@pytest.mark.parametrize("reduced", [False, True])
def test_reduced_motion_paints_no_intermediate_frame(app: App, reduced: bool) -> None:
    app.ctx.settings.reduce_motion = reduced
    app.ctx.settings.flash_guard = False  # (the guard's own ramp is tested below)
    play = new_game(app)
    walk_to_the_stairs(app, play)
    before = play.stage.previous
    frames = stage_frames(app, play, 40)
    distinct = list(dict.fromkeys(frames))
    if reduced:
        assert len(distinct) == 1, distinct  # the new picture at once: no fade frame
        assert play.box.complete  # and no typewriter
    else:
        assert before != play.stage.background and len(distinct) > 3  # the fade paints frames between


def test_reduced_motion_stills_the_title(app: App) -> None:
    title = app.ctx.nav.top
    assert isinstance(title, TitleScreen) and title.animating()
    turn_on(app, "reduce_motion")
    assert not title.animating()
    first = app.capture().copy()
    app.step(20, dt=0.5)
    app.draw()
    assert pygame.image.tobytes(first, "RGB") == pygame.image.tobytes(app.capture(), "RGB")


def test_the_flash_guard_lifts_a_bright_cut_slowly(app: App) -> None:
    from game.ui.stage import FLASH_CONTRAST, GUARD_SECONDS, Stage
    stage = Stage(app.ctx)
    stage.luminance = {"dark": 0.02, "bright": 0.9}
    surface = pygame.Surface(app.view.viewport.size)
    stage.set_background("dark", "cut", 0.0)
    stage.draw(surface)
    stage.set_background("bright", "cut", 0.0)
    assert stage.veil > 0.8
    shown = []
    for _ in range(round(GUARD_SECONDS / 0.05) + 2):
        stage.draw(surface)
        shown.append(stage.shown_luminance)
        stage.update(0.05)
    assert shown[-1] == pytest.approx(0.9)
    assert (shown[0] + 0.05) <= FLASH_CONTRAST * (0.02 + 0.05) + 1e-9  # the first frame after the cut
    app.ctx.settings.flash_guard = False
    stage.set_background("dark", "cut", 0.0)
    stage.set_background("bright", "cut", 0.0)
    assert stage.veil == 0 or stage.lift > 0


# --- captions ---


def test_captions_appear_when_a_sound_plays_and_are_said(app: App, voice: RecordingEngine) -> None:
    app.ctx.settings.captions = True
    turn_on(app, "self_voicing")
    play = new_game(app)
    assert play.captions.current() == "♪ Harbour Waves"  # the harbour's music (its title), as it started
    tree = play.access()
    assert any(node.role == "caption" and node.name == "♪ Harbour Waves" for node in tree.walk())
    assert "♪ Harbour Waves" in voice.texts
    while play.controller.current.line is None or "Safe home" not in play.box.text:
        if play.choices is not None:
            press(app, pygame.K_RETURN)  # the first option: on to the bell
        press(app, pygame.K_RETURN)
    assert play.captions.current() == "[a bell rings]"
    assert "a bell rings" in voice.texts  # brackets are not read out
    top = app.capture().subsurface(app.view.rect(340, 10, 600, 60)).copy()
    app.step(30, dt=0.2)  # it goes after a few seconds
    assert play.captions.current() == ""
    app.draw()
    assert pygame.image.tobytes(top, "RGB") != pygame.image.tobytes(
        app.capture().subsurface(app.view.rect(340, 10, 600, 60)), "RGB")


def test_a_sound_and_a_track_starting_together_are_both_captioned(app: App, voice: RecordingEngine) -> None:
    app.ctx.settings.captions = True
    turn_on(app, "self_voicing")
    play = new_game(app)
    assert play.captions.current() == "♪ Harbour Waves"
    play.captions.show(play.controller.story.caption("sfx", "bell"))  # a bell on the step the track starts
    app.step(2, dt=0.05)
    assert [text for _, text in play.captions.shown()] == ["♪ Harbour Waves", "[a bell rings]"]
    assert [n.name for n in play.access().walk() if n.role == "caption"] == ["♪ Harbour Waves", "[a bell rings]"]
    assert voice.texts[-1] == "a bell rings"
    top = app.view.rect(340, 10, 600, 110)
    two = pygame.image.tobytes(app.capture().subsurface(top), "RGB")
    play.captions.entries.pop()
    app.draw()
    assert pygame.image.tobytes(app.capture().subsurface(top), "RGB") != two  # the second pill was drawn


def test_no_captions_unless_asked(app: App) -> None:
    play = new_game(app)
    assert play.captions.current() == ""


# --- reading, sound ---


def test_larger_text_grows_the_box_and_the_checker_covers_every_size(app: App) -> None:
    from game.layout import BOX, BOX_TEXT_PX, SOFA_PX_AT_1080P, box_rect, rows_that_fit
    assert max(BOX_TEXT_PX.values()) * 1080 / 720 >= SOFA_PX_AT_1080P
    assert box_rect(BOX_TEXT_PX["xx-large"])[3] > BOX[3]
    assert rows_that_fit(BOX_TEXT_PX["xx-large"], "relaxed") >= 4
    play = new_game(app)
    screen = open_access(app)
    focus_row(app, screen, "text_size")
    press(app, pygame.K_RIGHT, 4)
    assert app.ctx.settings.text_size == "xx-large"
    press(app, pygame.K_ESCAPE)
    app.draw()
    assert play.box.rows and all(app.ctx.resources.font(app.view.px(40)).size(row)[0] <= app.view.px(1100)
                                 for row in play.box.rows)


def test_the_legible_font_and_the_interface_size_apply_at_once(app: App) -> None:
    screen = open_access(app)
    focus_row(app, screen, "latin_font")
    before = app.ctx.resources.font(28).size("Hello, Jay?")[0]
    press(app, pygame.K_RIGHT)
    assert app.ctx.settings.latin_font == "legible" and app.ctx.resources.latin == "legible"
    assert app.ctx.resources.font(28).size("Hello, Jay?")[0] != before
    focus_row(app, screen, "ui_scale")
    press(app, pygame.K_RIGHT, 2)
    assert app.ctx.settings.ui_scale == 1.3


def test_mono_audio_mixes_down_to_one_channel(app: App) -> None:
    if not app.ctx.audio.enabled:
        pytest.skip("no audio device, not even SDL's dummy one")
    assert app.ctx.audio.channels() == 2
    turn_on(app, "mono_audio")
    assert app.ctx.audio.channels() == 1


def test_high_contrast_makes_every_panel_opaque(app: App) -> None:
    from game.ui.widgets import panel
    soft = panel(app.ctx, (200, 80), 150)
    app.ctx.settings.high_contrast = True
    hard = panel(app.ctx, (200, 80), 150)
    assert soft.get_at((100, 40))[3] < 250 <= hard.get_at((100, 40))[3]


def test_one_switch_scanning_walks_the_options(app: App) -> None:
    app.ctx.settings.switch_scan = 1.0
    play = new_game(app)
    while play.choices is None:
        press(app, pygame.K_RETURN)
    assert play.choices.list.focus == 0
    app.step(6, dt=0.2)
    assert play.choices.list.focus == 1


def test_every_rebindable_action_is_named_in_every_language() -> None:
    unnamed = [a.value for a in REBINDABLE if set(STRINGS.get(f"action_{a.value}", {})) < {"en", "ko"}]
    assert unnamed == []  # the controls screen (and the screen reader) would show the raw key


def test_a_gamepad_alone_frees_a_button_and_rebinds_it(app: App) -> None:
    """No keyboard: X clears an action's button (a pad has no Backspace), then the freed button binds."""
    def pad(button: int) -> None:
        pygame.event.post(pygame.event.Event(pygame.CONTROLLERBUTTONDOWN, button=button, instance_id=0))
        app.step(2)

    controls = ControlsScreen(app.ctx)
    app.ctx.nav.push(controls)
    app.step(2)
    pad(pygame.CONTROLLER_BUTTON_DPAD_RIGHT)  # the gamepad page
    assert controls.pad
    for _ in range(REBINDABLE.index(Action.LAST_CHOICE)):
        pad(pygame.CONTROLLER_BUTTON_DPAD_DOWN)
    pad(pygame.CONTROLLER_BUTTON_X)  # clear "back to the last choice": the left stick is free
    assert app.ctx.settings.pad_bindings["last_choice"] == []
    for _ in range(REBINDABLE.index(Action.LAST_CHOICE) - REBINDABLE.index(Action.HISTORY)):
        pad(pygame.CONTROLLER_BUTTON_DPAD_UP)
    pad(pygame.CONTROLLER_BUTTON_A)  # listen, then the freed button
    pad(pygame.CONTROLLER_BUTTON_LEFTSTICK)
    assert app.ctx.settings.pad_bindings["history"][0] == "leftstick"
    assert controls.device == "pad"  # and the hint speaks of the pad's buttons


def test_the_quick_menu_follows_the_interface_size(app: App) -> None:
    play = new_game(app)
    small = [r.copy() for r in play.quick.list.rects]
    app.ctx.settings.ui_scale = 1.5  # as the accessibility screen sets it, during the game
    app.step(1)
    app.draw()
    large = play.quick.list.rects
    assert large[0].w > small[0].w * 1.4 and large[0].h > small[0].h * 1.4
    assert large[0].left >= 0 and large[-1].right <= 1280 and large[0].bottom <= 720  # still all on screen
    history = large[QUICK_MENU.index("history")]
    x, y = app.view.point(history.centerx, history.centery)
    pygame.event.post(pygame.event.Event(pygame.MOUSEBUTTONDOWN, button=1, pos=(x, y)))
    pygame.event.post(pygame.event.Event(pygame.MOUSEBUTTONUP, button=1, pos=(x, y)))
    app.step(2)
    assert type(app.ctx.nav.top).__name__ == "HistoryScreen"  # the button is where it is drawn
