"""The history, save / load and the flowchart described for players who cannot see them
(game/ui/screens/*_access.py; the gallery's rooms are in test_gallery_access.py).

The real game on the sample story, headless, posted input; self-voicing speaks
into the recording stand-in engine.  For each screen: what is said when it opens
and as the focus moves, and one action through the tree (what the AccessKit
bridge does when a screen reader presses a button).
"""

from __future__ import annotations

import os

os.environ["SDL_VIDEODRIVER"] = "dummy"
os.environ["SDL_AUDIODRIVER"] = "dummy"

import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import pygame
import pytest
from test_screen_reader import SYSTEM_PYTHON, atspi_available
from test_time_machine_ui import DAWN, FOG, new_game, open_flowchart_from_title, play_route, press, to_title, top, type_text

from game.ui.access.speech import RecordingEngine
from game.ui.access.tree import Node
from game.ui.app import App
from game.ui.play.screen import PlayScreen
from game.ui.screens.confirm import ConfirmScreen
from game.ui.screens.flowchart import FlowchartScreen
from game.ui.screens.history import HistoryScreen
from game.ui.screens.saveload import SaveLoadScreen
from game.ui.title import TitleSaves

HARBOR_CHOICE = "choice:harbor.+7#10d2741ecf"
GULLS = "Gulls circle the harbour as the light fails."
TOMAS = "Tomas: There's weather coming in tonight, Mira."
MIRA = "Mira: Then the lamp has to burn until morning."


@pytest.fixture
def voice(title_app: App) -> RecordingEngine:
    """Self-voicing on, into a recording engine."""
    engine = RecordingEngine()
    assert title_app.ctx.access is not None
    title_app.ctx.access.engine_factory = lambda: engine
    title_app.ctx.settings.access_offered = True
    title_app.ctx.settings.self_voicing = True
    title_app.step(2)
    return engine


def tree(app: App) -> Node:
    described = app.ctx.nav.top.access()  # type: ignore[union-attr]
    assert described is not None, f"{type(app.ctx.nav.top).__name__} describes nothing"
    return described


def press_node(app: App, key: str) -> None:
    """A screen reader's press on the node ``key`` (as the AccessKit bridge carries it out), then two frames."""
    node = tree(app).find(key)
    assert node is not None and node.activate is not None, key
    node.activate()
    app.step(2, dt=0.2)


def said_since(voice: RecordingEngine, mark: int) -> list[str]:
    return voice.texts[mark:]


def to_the_choice(app: App) -> PlayScreen:
    play = new_game(app)
    while play.choices is None:
        press(app, pygame.K_RETURN)
    return play


# --- the history ---


def test_the_history_says_its_lines_the_search_and_the_filter(title_app: App, voice: RecordingEngine) -> None:
    app = title_app
    to_the_choice(app)
    mark = len(voice.texts)
    press(app, pygame.K_h)
    assert isinstance(top(app), HistoryScreen)
    assert said_since(voice, mark) == [
        "History", "Up and down read the lines, Enter goes back to one. Ctrl+F searches, A picks a speaker, "
        "Home goes back to the last choice.", "3 lines", MIRA + " (now)"]
    press(app, pygame.K_UP)
    assert voice.texts[-1] == TOMAS
    press(app, pygame.K_UP)
    assert voice.texts[-1] == GULLS  # narration: the text alone
    press(app, pygame.K_f, mod=pygame.KMOD_CTRL)
    assert voice.texts[-1] == "Search: Type to search, 3 lines"
    type_text(app, "lamp")
    assert voice.texts[-2:] == ["Search: lamp, 1 of 3 lines", MIRA + " (now)"]
    type_text(app, "q")
    assert voice.texts[-1] == "Search: lampq, No line matches."
    press(app, pygame.K_BACKSPACE)
    press(app, pygame.K_ESCAPE)  # the field lets go of the keys: the words stay, and are said with the count
    assert voice.texts[-1] == "1 of 3 lines, search: lamp"
    search = tree(app).find("search")
    assert search is not None and search.value == "lamp"


def test_the_speaker_filter_is_said_and_a_line_pressed_goes_back_to_it(title_app: App, voice: RecordingEngine) -> None:
    app = title_app
    play = to_the_choice(app)
    press(app, pygame.K_h)
    press(app, pygame.K_a)  # everyone -> the first to speak (the narrator)
    assert voice.texts[-2:] == ["1 of 3 lines, speaker: Narration", GULLS]
    speaker = tree(app).find("speaker")
    assert speaker is not None and speaker.change is not None
    speaker.change(1)  # a screen reader's increment: the next speaker
    app.step(2, dt=0.2)
    assert voice.texts[-2:] == ["1 of 3 lines, speaker: Tomas", "Tomas: There's weather coming in tonight, Mira."]
    press_node(app, "line.1")
    assert top(app) is play and play.box.text == "There's weather coming in tonight, Mira."


def test_the_history_is_described_in_korean(title_app: App, voice: RecordingEngine) -> None:
    app = title_app
    to_the_choice(app)
    app.ctx.settings.language = "ko"
    app.ctx.settings.key_bindings = {"auto": ["q"]}  # the speaker filter rebound: the help names the player's key
    press(app, pygame.K_h)
    described = tree(app)
    assert described.name == "지난 대사" and described.language == "ko"
    assert "Q 키로 말한 사람을 고르고, Home 키로 마지막 선택지로" in voice.texts[-3]
    assert voice.texts[-2] == "대사 3줄" and voice.spoken[-1].language == "ko"
    assert voice.texts[-1].endswith("(지금)")


# --- save and load ---


def test_save_and_load_say_each_slot_and_the_questions(title_app: App, voice: RecordingEngine) -> None:
    app = title_app
    to_the_choice(app)
    press(app, pygame.K_ESCAPE)
    press(app, pygame.K_DOWN)  # Save
    press(app, pygame.K_RETURN)
    assert isinstance(top(app), SaveLoadScreen)
    assert voice.texts[-2:] == ["Save", "Slot 1: Empty"]
    press(app, pygame.K_UP)  # up from the top row: the page tabs
    assert voice.texts[-1] == "Page 1"
    press(app, pygame.K_RIGHT)
    assert voice.texts[-1] == "Page 2"
    press(app, pygame.K_LEFT)
    press(app, pygame.K_DOWN)
    assert voice.texts[-2:] == ["Page 1", "Slot 1: Empty"]
    press(app, pygame.K_RIGHT)
    assert voice.texts[-1] == "Slot 2: Empty"
    press(app, pygame.K_RETURN)  # saved into slot 2: its card's words, then the notice
    assert voice.texts[-2].startswith("The Harbour, saved "), voice.texts[-3:]
    assert voice.texts[-1] == "Saved"
    slot = tree(app).find("slot.2")
    assert slot is not None and slot.focused and "saved" in slot.value and not slot.disabled
    press(app, pygame.K_BACKSPACE)  # delete: the question, then the safe answer
    assert isinstance(top(app), ConfirmScreen)
    assert voice.texts[-2:] == ["Delete this save? This cannot be undone.", "No"]
    press(app, pygame.K_ESCAPE)
    press(app, pygame.K_ESCAPE)  # back to the menu; then Load
    press(app, pygame.K_DOWN)
    press(app, pygame.K_RETURN)
    load = top(app)
    assert isinstance(load, SaveLoadScreen) and load.mode == "load"
    assert voice.texts[-2] == "Load" and voice.texts[-1].startswith("Slot 2: The Harbour, saved ")
    empty = tree(app).find("slot.1")
    assert empty is not None and empty.disabled  # nothing to load there
    press_node(app, "slot.2")  # a game is in progress: it asks first
    assert isinstance(top(app), ConfirmScreen)
    assert voice.texts[-2:] == ["Load this save? Progress since your last save will be lost.", "No"]


def test_save_slots_are_described_in_korean(title_app: App, voice: RecordingEngine) -> None:
    app = title_app
    to_the_choice(app)
    app.ctx.settings.language = "ko"
    press(app, pygame.K_ESCAPE)
    press(app, pygame.K_DOWN)
    press(app, pygame.K_RETURN)
    assert voice.texts[-2:] == ["저장하기", "1번 슬롯: 비어 있음"]


def test_a_slot_that_cannot_be_loaded_says_why(title_app: App, voice: RecordingEngine) -> None:
    app = title_app
    folder = app.ctx.saves.folder
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "2.json").write_bytes(b"{ this is not json")
    app.ctx.nav.push(SaveLoadScreen(app.ctx, "load", TitleSaves(app.ctx)))
    app.step(2)
    assert voice.texts[-2:] == ["Load", "Slot 1: Empty, unavailable"]
    press(app, pygame.K_RIGHT)
    assert voice.texts[-1] == "Slot 2: This save is damaged and cannot be loaded, unavailable"


# --- the flowchart ---


def test_a_fresh_flowchart_says_it_is_locked(title_app: App, voice: RecordingEngine) -> None:
    app = title_app
    mark = len(voice.texts)
    open_flowchart_from_title(app)
    said = said_since(voice, mark)
    assert said[-4:-2] == ["Flowchart", tr_help()]
    assert said[-2].startswith("0 of ") and said[-2].endswith("scenes seen, 0 of 3 endings reached")
    assert said[-1] == "Locked: Not seen yet, unavailable"
    app.ctx.settings.language = "ko"
    app.step(2)
    described = tree(app)
    assert described.name == "플로차트" and described.language == "ko"
    focus = described.focus()
    assert focus is not None and focus.spoken() == "잠김: 아직 보지 못했습니다"


def tr_help() -> str:
    return ("Arrows move along the story, Enter plays from the place chosen, Home goes to the start and End to "
            "where you are. What you have not seen yet is locked.")


def test_the_flowchart_says_each_node_and_a_press_plays_from_it(title_app: App, voice: RecordingEngine) -> None:
    app = title_app
    new_game(app)
    play_route(app, DAWN)
    to_title(app)
    screen = open_flowchart_from_title(app)
    assert isinstance(screen, FlowchartScreen) and screen.focus == "harbor"
    assert voice.texts[-1].startswith("The Harbour: Gulls circle the harbour as the light fails. Play from here")
    press(app, pygame.K_DOWN)
    assert screen.focus == HARBOR_CHOICE
    assert voice.texts[-1] == ("The Harbour, a choice: Chosen before: Promise to keep the lamp lit. "
                               "Seen, not chosen: Say the fog worries you more. "
                               "Seen, not chosen: Give Tomas your spare oil. Play from here")
    press(app, pygame.K_END)  # no game: the chart's last ending, not reached
    assert voice.texts[-1] == "Locked ending: An ending not reached yet, unavailable"
    dawn = tree(app).find("node.ending:dawn")
    assert dawn is not None and dawn.spoken() == "Ending: Light Until Dawn: Replay the final scene"
    press_node(app, "node.harbor.farewell")
    play = top(app)
    assert isinstance(play, PlayScreen) and play.box.text == "Safe home, Tomas."


def test_a_node_reached_by_two_routes_says_so_and_its_routes_are_buttons(title_app: App,
                                                                        voice: RecordingEngine) -> None:
    app = title_app
    for route in (DAWN, FOG):
        new_game(app)
        play_route(app, route)
        to_title(app)
    screen = open_flowchart_from_title(app)
    screen.show("stairs.climb")
    app.step(2)
    assert voice.texts[-1].endswith("2 ways to play from here")
    press(app, pygame.K_RETURN)
    assert voice.texts[-2:] == ["Play from here: which way?", "Via: Say the fog worries you more."]
    press(app, pygame.K_DOWN)
    assert voice.texts[-1] == "Via: Promise to keep the lamp lit."
    press_node(app, "route.0")  # a screen reader's press on the first route
    play = top(app)
    assert isinstance(play, PlayScreen) and play.box.text != ""


def test_a_screen_readers_click_on_a_history_line_goes_back_to_it(title_app: App, voice: RecordingEngine) -> None:
    """Through the AccessKit bridge (no bus: its adapter stood in for): roles, focus, and a click routed back."""
    accesskit = pytest.importorskip("accesskit")
    from game.ui.access.screen_reader import ScreenReader

    class Adapter:
        def __init__(self) -> None:
            self.updates: list[Any] = []
            self.act: Any = None

        def update_if_active(self, factory: Any) -> None:
            self.updates.append(factory())

    app = title_app
    play = to_the_choice(app)
    press(app, pygame.K_h)
    adapter = Adapter()

    def connect(first: Any, act: Any) -> Adapter:
        adapter.act = act
        return adapter

    reader = ScreenReader(accesskit, connect)
    reader.update(tree(app))
    update = adapter.updates[-1]
    made = {node.label: (node_id, node) for node_id, node in update.nodes}
    assert made["Search"][1].role == accesskit.Role.SEARCH_INPUT
    assert made["Speaker"][1].value == "Everyone"
    assert update.focus == made["Mira"][0] and made["Mira"][1].value == "Then the lamp has to burn until morning. (now)"

    class Request:
        def __init__(self, action: object, target: int) -> None:
            self.action, self.target = action, target

    adapter.act(Request(accesskit.Action.CLICK, made["Tomas"][0]))
    for call in reader.pending():  # (the game's thread runs what the reader asked for)
        call()
    app.step(2)
    assert top(app) is play and play.box.text == "There's weather coming in tonight, Mira."


@pytest.mark.skipif(atspi_available() is not None, reason=str(atspi_available()))
def test_a_second_process_reads_the_history_over_atspi_and_goes_back_to_a_line(tmp_path: Path) -> None:
    """As Orca would: the history's tree read over AT-SPI from another process, and a line pressed there."""
    here = Path(__file__).parent
    script = (f"{SYSTEM_PYTHON} {here / 'atspi_reader.py'} enable && "
              f"({sys.executable} {here / 'atspi_game.py'} {tmp_path / 'data'} 45 history > {tmp_path / 'game.json'}) & "
              f"{SYSTEM_PYTHON} {here / 'atspi_reader.py'} read Tomas > {tmp_path / 'tree.json'}; wait")
    env = {k: v for k, v in os.environ.items() if k not in ("DBUS_SESSION_BUS_ADDRESS", "AT_SPI_BUS_ADDRESS")}
    env.update(STARLIGHT_CACHE_DIR=str(tmp_path / "cache"), PYTHONPATH=str(here.parent), PYGAME_HIDE_SUPPORT_PROMPT="1")
    done = subprocess.run(["dbus-run-session", "--", "sh", "-c", script], env=env, capture_output=True, text=True,
                          timeout=300, check=False)
    nodes = [json.loads(line) for line in (tmp_path / "tree.json").read_text(encoding="utf-8").splitlines()
             if line.startswith("{\"depth\"")]
    said = [line for line in (tmp_path / "game.json").read_text(encoding="utf-8").splitlines() if line.startswith("{")]
    game = json.loads(said[-1]) if said else {}
    assert game.get("reader") is True, done.stderr[-2000:]
    assert next(n for n in nodes if n["role"] == "frame")["name"] == "History"
    buttons = [n["name"] for n in nodes if n["role"] == "push button"]
    assert buttons[:3] == ["Back to the last choice", GULLS, "Tomas"]  # narration is named by its text
    assert [n["name"] for n in nodes if n["focused"]] == ["Mira"]  # the newest line
    assert {"role": "entry", "name": "Search"}.items() <= next(n for n in nodes if n["name"] == "Search").items()
    assert game["chosen"] == "There's weather coming in tonight, Mira."  # the reader's press went back to that line

