"""The play controller: every rule of playing, without pygame, driven directly."""

from __future__ import annotations

import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from game.persist.progress import Progress
from game.persist.settings import Settings
from game.play.controller import FIRST_TIMER_GRACE, TIMER_GRACE, TIMER_HINT, PlayController, Shown
from game.play.saving import load_save, make_save
from game.story import model as m
from game.story.loader import load_story
from game.story.presentation import Place
from game.story.runtime import ChoiceEvent

SAMPLE = Path(__file__).parent / "fixtures" / "sample"
ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="module")
def story() -> m.Story:
    return load_story(SAMPLE)


def controller(story: m.Story, warp: str | None = None, progress: Progress | None = None,
               **settings: object) -> PlayController:
    """A new game; by default for a player who has met a timed choice before (see the first-meeting test)."""
    progress = progress if progress is not None else Progress(hints_shown={TIMER_HINT})
    return PlayController.new_game(story, Settings(**settings), progress, warp)  # type: ignore[arg-type]


def to_choice(play: PlayController) -> Shown:
    for _ in range(50):
        shown = play.advance()
        assert shown is not None, "the story stopped before a choice"
        if isinstance(shown.event, ChoiceEvent):
            return shown
    raise AssertionError("no choice")


def test_the_controller_plays_the_sample_story_without_pygame() -> None:
    script = textwrap.dedent(f"""
        import sys
        from pathlib import Path
        from game.persist.progress import Progress
        from game.persist.settings import Settings
        from game.play.controller import PlayController
        from game.story.loader import load_story
        from game.story.runtime import ChoiceEvent
        play = PlayController.new_game(load_story(Path({str(SAMPLE)!r})), Settings(), Progress())
        for _ in range(200):
            event = play.current.event
            if getattr(event, "ending", None):
                break
            if isinstance(event, ChoiceEvent):
                play.choose(event.options[-1].index)
            else:
                play.advance()
        print(play.ended, "pygame" in sys.modules)
    """)
    run = subprocess.run([sys.executable, "-c", script], cwd=ROOT, capture_output=True, text=True, check=True)
    assert run.stdout.split() == ["shipwreck", "False"], run.stderr


def test_rolling_back_onto_a_choice_keeps_the_line_before_it_and_no_timer(story: m.Story) -> None:
    play = controller(story, "lamp_room")
    choice = to_choice(play)
    assert play.timer is not None  # a timed choice met for the first time
    line_before = choice.under
    assert line_before is not None
    after = play.choose(choice.event.options[0].index)
    assert after.checkpoint.line is not None and after.checkpoint.line != line_before
    back = play.roll_back()
    assert back is not None and isinstance(back.event, ChoiceEvent)
    assert back.under == line_before  # not the line that came after the choice
    assert play.timer is None  # and its timer does not run again


def test_a_timer_waits_until_the_choice_is_on_screen_and_after_skipping(story: m.Story) -> None:
    play = controller(story, "lamp_room", skip_unread=True)
    play.toggle_skip()
    shown = None
    for _ in range(200):
        shown = play.tick(0.1, ready=True) or shown
        if play.timer is not None:
            break
    assert play.timer is not None and not play.skipping  # skipping stopped at the choice
    total = play.timer.left
    assert play.tick(5.0, ready=False) is None and play.timer.left == total  # not on screen yet
    play.tick(TIMER_GRACE / 2, ready=True)
    assert play.timer.left == total  # the grace after skipping
    play.tick(TIMER_GRACE, ready=True)
    play.tick(1.0, ready=True)
    assert play.timer.left < total


def test_the_first_timed_choice_a_player_meets_waits_and_says_timers_can_be_turned_off(story: m.Story) -> None:
    progress = Progress()
    play = controller(story, "lamp_room", progress)
    to_choice(play)
    timer = play.timer
    assert timer is not None and timer.hint and timer.grace == FIRST_TIMER_GRACE
    play.tick(FIRST_TIMER_GRACE - 0.5, ready=True)
    assert timer.left == timer.total  # still explaining
    play.tick(1.0, ready=True)
    play.tick(1.0, ready=True)
    assert timer.left < timer.total
    assert TIMER_HINT in progress.hints_shown
    again = controller(story, "lamp_room", progress)  # the next playthrough: no explanation, no wait
    to_choice(again)
    assert again.timer is not None and not again.timer.hint and again.timer.grace == 0.0


def test_skip_stops_at_the_first_unread_line(story: m.Story) -> None:
    play = controller(story)
    first = play.current.line
    assert first is not None and first.sid is not None
    play.progress.mark_read(str(first.sid))
    play.toggle_skip()
    for _ in range(20):
        play.tick(0.1, ready=True)
    assert not play.skipping
    second = play.current.line
    assert second is not None and second != first and not play.is_read(second)


def test_autosaves_are_due_at_decisions_and_new_scenes(story: m.Story) -> None:
    play = controller(story)
    assert not play.autosave_due
    to_choice(play)
    assert play.autosave_due


def test_a_place_on_a_map_is_kept_through_a_save(tmp_path: Path) -> None:
    from test_map_walk import write_story
    write_story(tmp_path / "story")
    story = load_story(tmp_path / "story")
    play = controller(story)
    play.advance()
    assert play.map_step_key() is not None and play.map_place() is None
    play.remember_place(Place(70.0, 90.0, "left"))
    data = make_save(play, "1", "en", None)
    again, notices = load_save(story, data, Settings(), Progress())
    assert notices == [] and again.map_place() == Place(70.0, 90.0, "left")


def test_an_old_save_with_a_map_position_still_knows_the_place(tmp_path: Path) -> None:
    from test_map_walk import write_story
    write_story(tmp_path / "story")
    story = load_story(tmp_path / "story")
    play = controller(story)
    play.advance()
    data = make_save(play, "1", "en", None)
    data.presentation = {k: v for k, v in data.presentation.items() if k != "places"}
    data.presentation["map_position"] = [70.0, 90.0, "up"]  # how saves kept it before
    again, _ = load_save(story, data, Settings(), Progress())
    assert again.map_place() == Place(70.0, 90.0, "up")
