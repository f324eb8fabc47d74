"""Replays: playthrough files run headless through the real runtime, and ``starlight play --record``.

The runner is exercised on the sample fixture (tests/fixtures/sample, see its EXPECTED.md for the
playthroughs): passing files, and every way one can fail with a readable diff.  The recording test
plays the real game window headless (SDL dummy drivers) to an ending and replays what it wrote.
"""

from __future__ import annotations

import os

os.environ.setdefault("SDL_VIDEODRIVER", "dummy")  # before pygame is imported
os.environ.setdefault("SDL_AUDIODRIVER", "dummy")

from pathlib import Path
from typing import Any

import pygame
import pytest

from game.check.replay import ReplayError, ReplayResult, read_replay, run_replay
from game.cli import main
from game.paths import shipped_story
from game.story import model as m
from game.story.runtime import ChoiceEvent

SAMPLE = Path(__file__).parent / "fixtures" / "sample"


def write(folder: Path, text: str, name: str = "play.yaml") -> Path:
    path = folder / name
    path.write_text(f"story: {SAMPLE}\n" + text, encoding="utf-8")
    return path


def replay(folder: Path, text: str) -> ReplayResult:
    return run_replay(read_replay(write(folder, text), shipped_story()))


# --- passing ---


def test_choices_by_index_reach_the_expected_ending(tmp_path: Path) -> None:
    result = replay(tmp_path, "choices: [1, 1]\nexpect: {ending: lost_in_fog}\n")
    assert result.ok, result.failures
    assert result.ending == "lost_in_fog"
    assert result.choices_made == 2
    assert result.lines_seen == 6  # harbor:12, :13, :14, :23, lamp_room:14, :46


def test_choices_by_text_in_the_replay_language(tmp_path: Path) -> None:
    result = replay(tmp_path, "language: ko\nchoices: [\"토마스에게 여분의 기름을 준다.\", \"등불을 켠다.\"]\n"
                              "expect: {ending: dawn}\n")
    assert result.ok, result.failures
    assert result.ending == "dawn"


def test_index_and_text_mix_and_lines_and_variables_hold(tmp_path: Path) -> None:
    result = replay(tmp_path, """\
choices:
  - 0
  - "Light the lamp."
expect:
  ending: dawn
  lines: ["Storm warning", "sweeps the sea"]
  variables:
    - at: harbor.farewell
      weather: storm
      oil: 1
      lamp_lit: false
    - at: lamp_room.dawn_watch
      oil: 3
      lamp_lit: true
""")
    assert result.ok, result.failures


def test_the_story_path_is_relative_to_the_replay_file(tmp_path: Path) -> None:
    folder = tmp_path / "deep" / "er"
    folder.mkdir(parents=True)
    path = folder / "play.yaml"
    path.write_text(f"story: {os.path.relpath(SAMPLE, folder)}\nchoices: [2, 1]\nexpect: {{ending: shipwreck}}\n",
                    encoding="utf-8")
    loaded = read_replay(path, shipped_story())
    assert loaded.story == SAMPLE.resolve()
    assert run_replay(loaded).ok


# --- failing, with diffs ---


def test_wrong_ending_is_a_diff(tmp_path: Path) -> None:
    result = replay(tmp_path, "choices: [0, 0]\nexpect: {ending: shipwreck}\n")
    assert not result.ok
    assert result.ending == "dawn"
    assert result.failures == ["ending: expected 'shipwreck', reached 'dawn'"]


def test_a_line_never_seen(tmp_path: Path) -> None:
    result = replay(tmp_path, "choices: [1, 1]\nexpect: {lines: [\"Fog hides\", \"Storm warning\"]}\n")
    assert result.failures == ["line never seen: 'Storm warning'"]


def test_variables_at_a_label_that_differ(tmp_path: Path) -> None:
    result = replay(tmp_path, """\
choices: [2, 1]
expect:
  variables:
    - at: stairs.climb
      oil: 2
      weather: calm
      courage: 1
""")
    assert sorted(result.failures) == sorted([
        "at stairs.climb: oil is 3, expected 2",
        "at stairs.climb: no variable 'courage' in the story",
    ])


def test_a_label_the_flow_never_passes(tmp_path: Path) -> None:
    result = replay(tmp_path, "choices: [1, 1]\nexpect:\n  variables:\n    - {at: lamp_room.dawn_watch, oil: 3}\n")
    assert result.failures == ["the flow never passed lamp_room.dawn_watch (variables there were not checked)"]


def test_ran_out_of_choices(tmp_path: Path) -> None:
    result = replay(tmp_path, "choices: [0]\nexpect: {ending: dawn}\n")
    assert result.failures[0] == ("the replay ran out of choices at scenes/tower/lamp_room.yaml:15:5 "
                                  "after 1 choice(s)")
    assert "ending: expected 'dawn', reached None" in result.failures


def test_an_option_number_that_is_not_shown(tmp_path: Path) -> None:
    result = replay(tmp_path, "choices: [0, 2]\n")  # storm: only Light / Watch are visible
    assert len(result.failures) == 1
    failure = result.failures[0]
    assert failure.startswith("choice 2 at scenes/tower/lamp_room.yaml:15:5: option 2 does not exist: "
                              "2 option(s) are shown")
    assert "0: 'Light the lamp.'" in failure and "1: 'Watch the sea a while longer.'" in failure


def test_an_option_text_that_is_hidden(tmp_path: Path) -> None:
    result = replay(tmp_path, "choices: [0, \"Sound the fog horn.\"]\n")
    assert result.failures == ["choice 2 at scenes/tower/lamp_room.yaml:15:5: no visible option "
                               "'Sound the fog horn.'; shown: 'Light the lamp.'; 'Watch the sea a while longer.'"]


def test_choices_left_over_after_the_ending(tmp_path: Path) -> None:
    result = replay(tmp_path, "choices: [1, 1, 0]\nexpect: {ending: lost_in_fog}\n")
    assert result.failures == ["1 choice(s) left over after the ending"]


# --- the command ---


def test_command_passes_and_fails_with_exit_codes(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    good = write(tmp_path, "choices: [1, 1]\nexpect: {ending: lost_in_fog}\n", "good.yaml")
    bad = write(tmp_path, "choices: [0, 0]\nexpect: {ending: shipwreck, lines: [nowhere]}\n", "bad.yaml")
    assert main(["replay", str(good)]) == 0
    assert "ok    " in capsys.readouterr().out
    assert main(["replay", str(good), str(bad)]) == 1
    out = capsys.readouterr().out
    assert f"FAIL  {bad}" in out
    assert "      - ending: expected 'shipwreck', reached 'dawn'" in out
    assert "      - line never seen: 'nowhere'" in out
    assert out.rstrip().endswith("1 passed, 1 failed")


@pytest.mark.parametrize("content, message", [
    (None, "cannot read"),
    ("choices: [0\n", ""),  # YAML syntax
    ("choices: [0]\nexpected: {ending: dawn}\n", "unknown key(s) expected"),
    ("choices: {a: 1}\n", "`choices` is a list"),
    ("- 1\n- 2\n", "a replay is a mapping"),
    ("expect: {end: dawn}\n", "`expect` may hold"),
    ("expect: {variables: [{oil: 1}]}\n", "`at: scene.label`"),
])
def test_unreadable_replay_files_exit_2(tmp_path: Path, capsys: pytest.CaptureFixture[str],
                                        content: str | None, message: str) -> None:
    path = tmp_path / "broken.yaml"
    if content is not None:
        path.write_text(content, encoding="utf-8")
    with pytest.raises(ReplayError):
        read_replay(path, SAMPLE)
    assert main(["replay", str(path)]) == 2
    out = capsys.readouterr().out
    assert out.startswith("ERROR ") and message in out


def test_a_replay_of_a_story_that_does_not_load_exits_2(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    story = tmp_path / "story"
    story.mkdir()
    (story / "story.yaml").write_text("title: broken\n", encoding="utf-8")
    path = tmp_path / "play.yaml"
    path.write_text("story: story\nchoices: []\n", encoding="utf-8")
    assert main(["replay", str(path)]) == 2
    assert "does not load" in capsys.readouterr().out


# --- play --record ---


def _play_to_the_end(app: Any, wanted: list[str], lang: str) -> None:
    """Play with the keyboard: Enter through lines, arrows + Enter to pick each option of ``wanted``."""
    from game.ui.play.screen import PlayScreen
    from game.ui.screens.ending import EndingScreen

    def press(key: int) -> None:
        pygame.event.post(pygame.event.Event(pygame.KEYDOWN, key=key, mod=0, unicode="", scancode=0))
        pygame.event.post(pygame.event.Event(pygame.KEYUP, key=key, mod=0, unicode="", scancode=0))
        app.step(2, dt=0.2)

    queue = list(wanted)
    for _ in range(400):
        top = app.ctx.nav.top
        if isinstance(top, EndingScreen):
            return
        assert isinstance(top, PlayScreen)
        event = top.controller.current.event
        if isinstance(event, ChoiceEvent) and top.choices is not None:
            texts = [o.text.get(lang) for o in event.options]
            target = texts.index(queue.pop(0))
            for _ in range(target - top.choices.list.focus):
                press(pygame.K_DOWN)
            press(pygame.K_RETURN)
        else:
            assert getattr(event, "kind", None) == m.LINE
            press(pygame.K_RETURN)
    raise AssertionError("the game did not reach an ending")


@pytest.mark.parametrize("lang, wanted, ending", [
    ("en", ["Say the fog worries you more.", "Sound the fog horn."], "lost_in_fog"),
    ("ko", ["토마스에게 여분의 기름을 준다.", "조금 더 바다를 지켜본다."], "shipwreck"),
])
def test_play_record_writes_a_replay_that_passes(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                 lang: str, wanted: list[str], ending: str) -> None:
    from game.ui.app import App, Options
    from game.ui.play.screen import PlayScreen

    monkeypatch.setenv("STARLIGHT_CACHE_DIR", str(tmp_path / "cache"))
    record = tmp_path / "replays" / "recorded.yaml"
    app = App(Options(story_root=SAMPLE, ui_root=shipped_story(), data_dir=tmp_path / "data", language=lang,
                      record=record))
    try:
        app.ctx.settings.text_speed = 0
        app.ctx.settings.timed_choices = False  # a slow machine must not let the 5 s timer choose
        app.ctx.nav.push(PlayScreen.new_game(app.ctx))
        app.step(3)
        _play_to_the_end(app, wanted, lang)
    finally:
        app.close()
    assert record.is_file()
    text = record.read_text(encoding="utf-8")
    assert text.startswith("# recorded by starlight play --record")
    assert f"language: {lang}" in text and f"ending: \"{ending}\"" in text
    loaded = read_replay(record, shipped_story())
    assert loaded.story == SAMPLE.resolve()  # written relative to the replay file
    assert loaded.choices == wanted
    result = run_replay(loaded)
    assert result.ok, result.failures
    assert result.ending == ending
    assert main(["replay", str(record)]) == 0


# --- hostile replay files: refused with the file and line, never hanging or reading without bound ---


def _refused(path: Path) -> str:
    """The message of the ReplayError reading ``path`` raises (within 10 s: a blocked read fails the test)."""
    import signal

    def expired(signum: int, frame: object) -> None:
        raise TimeoutError("reading the replay blocked")

    previous = signal.signal(signal.SIGALRM, expired)
    signal.alarm(10)
    try:
        with pytest.raises(ReplayError) as info:
            read_replay(path, SAMPLE)
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, previous)
    return str(info.value)


def test_a_device_as_a_replay_is_refused_before_reading() -> None:
    assert _refused(Path("/dev/zero")).startswith("/dev/zero: the file is not a regular file (a FIFO, device or folder)")


def test_a_fifo_as_a_replay_is_refused_without_blocking(tmp_path: Path) -> None:
    fifo = tmp_path / "play.yaml"
    os.mkfifo(fifo)
    assert _refused(fifo).startswith(f"{fifo}: the file is not a regular file (a FIFO, device or folder)")


def test_a_huge_replay_is_refused_from_its_size(tmp_path: Path) -> None:
    huge = tmp_path / "play.yaml"
    with open(huge, "wb") as handle:
        handle.truncate(2**31)  # sparse
    assert _refused(huge) == f"{huge}: the file is 2,147,483,648 bytes, over 8,388,608 bytes, the limit for a story file"


@pytest.mark.parametrize("text, where, message", [
    ('story: "fixtures\\0sample"\n', "1:8", "`story` holds a NUL character"),
    ("story: {a: 1}\n", "1:8", "`story` is the story folder, as a path relative to this file, not a mapping"),
    ("story: 12\n", "1:8", "`story` is the story folder, as a path relative to this file, not a number"),
    ("language: [en]\n", "1:11", "`language` is a language code like en, not a list"),
    ("choices: [0]\nexpect:\n  lines: 5\n", "3:10", "`expect.lines` is a list of texts, not a number"),
    ("choices: [0]\nexpect:\n  lines: {a: 1}\n", "3:10", "`expect.lines` is a list of texts, not a mapping"),
    ("choices: [0]\nexpect:\n  lines: just one text\n", "3:10", "`expect.lines` is a list of texts, not a text"),
    ("choices: [0]\nexpect:\n  lines: [[a]]\n", "3:11", "each of `expect.lines` is a text, not a list"),
    ("choices: [0]\nexpect:\n  variables: {at: harbor}\n", "3:14", "`expect.variables` is a list of entries"),
    ("choices: [0]\nexpect:\n  variables: [{oil: 1}]\n", "3:15", "each entry of `expect.variables` has `at: scene.label`"),
    ("choices: [0]\nexpect:\n  ending: [dawn]\n", "3:11", "`expect.ending` is an ending id, not a list"),
    ("choices: [0, [1]]\n", "1:14", "each choice is an option number or an option text, not a list"),
    ("choices: 0x" + "f" * 5000 + "\n", "1:10", "numbers in story files have at most 64 characters"),
    ("choices: [0]\nexpect: [dawn]\n", "2:9", "`expect` may hold ending, lines, variables"),
])
def test_malformed_replays_say_what_and_where(tmp_path: Path, text: str, where: str, message: str) -> None:
    path = tmp_path / "play.yaml"
    path.write_text(text, encoding="utf-8")
    refused = _refused(path)
    assert refused.startswith(f"{path}:{where}: "), refused
    assert message in refused, refused
    assert len(refused) < 400


def test_a_long_option_text_is_quoted_short_in_the_failure(tmp_path: Path) -> None:
    result = replay(tmp_path, f"choices: [\"{'x' * 1_000_000}\"]\n")
    assert len(result.failures) == 1 and result.failures[0].startswith("choice 1 at scenes/harbor.yaml:")
    assert "no visible option 'xxxx" in result.failures[0] and len(result.failures[0]) < 400
