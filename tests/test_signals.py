"""The phone's signal clock: `transmit` and `elapse` steps, `phone:` in story.yaml, and the stage they make."""

from __future__ import annotations

import math
import struct
import zlib
from pathlib import Path

import pytest

from game.check.report import run_check
from game.story.cursor import Cursor
from game.story.loader import load_story, read_story
from game.story.presentation import Place, Presentation, Signal

STORY = """\
title: {en: Signals, ko: 신호}
languages: [en, ko]
start: s
characters:
  nan: {name: {en: Nan, ko: 난}, color: "#9ad1ff", looks: [neutral]}
  jay: {name: {en: Jay, ko: 제이}, color: "#ffc27a", looks: [neutral]}
phone: {owner: nan, contact: jay}
endings: {e: {title: {en: E, ko: 이}}}
"""

SCENE = """\
scene: s
script:
  - transmit: earth
    minutes: 11.5
    as: first
  - nan: {en: "Sent.", ko: "보냈어."}
  - elapse: 4
  - transmit: earth
    minutes: 11.5
    as: second
  - nan: {en: "Sent again.", ko: "또 보냈어."}
  - elapse: 9
  - narrator: {en: "The first has arrived.", ko: "첫 메시지가 도착했다."}
  - transmit: none
  - narrator: {en: "Over.", ko: "끝."}
  - ending: e
"""


def tiny_png() -> bytes:
    row = b"\x00\x10\x20\x30"
    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))
    header = struct.pack(">IIBBBBB", 1, 1, 8, 2, 0, 0, 0)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(row)) + chunk(b"IEND", b"")


def write(root: Path, scene: str = SCENE, story: str = STORY) -> Path:
    (root / "scenes").mkdir(parents=True)
    for who in ("nan", "jay"):
        (root / "images" / "characters" / who).mkdir(parents=True)
        (root / "images" / "characters" / who / "neutral.png").write_bytes(tiny_png())
    (root / "story.yaml").write_text(story, encoding="utf-8")
    (root / "scenes" / "s.yaml").write_text(scene, encoding="utf-8")
    return root


def errors(root: Path) -> list[str]:
    return [f"{p.pos.line}: {p.message}" for p in read_story(root).problems if p.severity == "error"]


def test_messages_travel_on_the_story_clock(tmp_path: Path) -> None:
    story = load_story(write(tmp_path / "s"))
    assert story.phone is not None and (story.phone.owner, story.phone.contact) == ("nan", "jay")
    cursor = Cursor.of(story)
    sent = cursor.start()
    assert [s.name for s in sent.presentation.signals] == ["first"]
    assert sent.presentation.signals[0].travelled(sent.presentation.clock) == 0.0
    again = cursor.advance(sent)
    first, second = again.presentation.signals
    assert again.presentation.clock == 4 and first.travelled(4) == 4 and second.sent_at == 4
    arrived = cursor.advance(again)
    clock = arrived.presentation.clock
    assert clock == 13 and first.arrived(clock) and not second.arrived(clock)
    assert math.isclose(second.travelled(clock), 9)
    over = cursor.advance(arrived)
    assert over.presentation.signals == () and over.presentation.clock == 0
    assert cursor.advance(over).ending == "e"


def test_the_checker_explores_through_signals(tmp_path: Path) -> None:
    report = run_check(write(tmp_path / "s"))
    assert report.ok, report.as_text()


@pytest.mark.parametrize("step, message", [
    ("  - transmit: venus\n    minutes: 3\n", "`transmit` is earth, mars or none"),
    ("  - transmit: earth\n", "needs `minutes:`"),
    ("  - transmit: earth\n    minutes: 0\n", "must be more than 0"),
    ("  - transmit: mars\n    minutes: 90\n", "minutes from 0 to 60"),
    ("  - transmit: none\n    minutes: 3\n", "`transmit: none` takes no `minutes`"),
    ("  - transmit: earth\n    minutes: 3\n    as: 1st\n", "a message name"),
    ("  - elapse: -2\n", "minutes from 0 to 1440"),
    ("  - elapse: soon\n", "`elapse` must be a number of minutes"),
])
def test_bad_signal_steps_are_errors_at_their_line(tmp_path: Path, step: str, message: str) -> None:
    scene = "scene: s\nscript:\n" + step + "  - ending: e\n"
    found = errors(write(tmp_path / "s", scene))
    assert any(message in error for error in found), found
    assert all(error.startswith(("3:", "4:", "5:", "6:")) for error in found), found


def test_the_phone_names_declared_characters(tmp_path: Path) -> None:
    story = STORY.replace("phone: {owner: nan, contact: jay}", "phone: {owner: nan, contact: jya}")
    found = errors(write(tmp_path / "s", story=story))
    assert found == ["7: `phone: contact` names a declared character, not 'jya' (did you mean 'jay'?)"]


def test_the_stage_survives_a_save_and_refuses_nonsense(tmp_path: Path) -> None:
    story = load_story(write(tmp_path / "s"))
    stage = Presentation(clock=6.5, signals=(Signal("earth", "first", 0.0, 11.5),),
                         places=(("s.+3#abc", Place(40.0, 50.5, "left")),))
    assert Presentation.from_json(stage.to_json(), story) == stage
    hostile = {"clock": math.nan, "signals": [["venus", None, 0, 1], ["earth", None, math.inf, 2], "x"],
               "places": [["k", 1e300, 2, "up"], ["k2", 1, 2, "sideways"]], "background": "x" * 10_000}
    assert Presentation.from_json(hostile, story) == Presentation()


def test_a_save_with_messages_in_flight_passes_the_save_validator(tmp_path: Path) -> None:
    from game.persist.progress import Progress
    from game.persist.saves import SaveStore
    from game.persist.settings import Settings
    from game.play.controller import PlayController
    from game.play.saving import load_save, make_save

    story = load_story(write(tmp_path / "s"))
    play = PlayController.new_game(story, Settings(), Progress())
    play.advance()  # "Sent again.": two messages in flight, the clock at 4
    store = SaveStore(tmp_path / "saves")
    store.write(make_save(play, "1", "en", None))
    again, notices = load_save(story, store.read("1"), Settings(), Progress())
    assert notices == [] and again.current.presentation == play.current.presentation
    assert [s.name for s in again.current.presentation.signals] == ["first", "second"]
