"""The phone's message feed, read back from the story's delay-block convention."""

from __future__ import annotations

from game.play.feed import message_feed
from game.story import model as m

POS = m.Pos("scenes/x.yaml", 1, 1)


def line(speaker: str, text: str, scene: str = "x") -> m.Line:
    return m.Line(POS, m.StepId(scene, None, 0, text[:6]), speaker, None, m.Text((("en", text),)))


def kinds(lines: list[m.Line]) -> list[tuple[str, str]]:
    return [(e.kind, e.line.text.get("en")) for e in message_feed(lines, "en", "nanyoung", "jay")]


def test_an_exchange_reads_as_sent_status_incoming_received() -> None:
    lines = [line("narrator", "She sits down."), line("narrator", "[ SOL 12 · 21:04 · DELAY 12 MIN ]"),
             line("nanyoung", "Dust in everything."), line("narrator", "[ ▲ SENT 21:06 · ARRIVES 21:18 ]"),
             line("narrator", "She cleans the filter."), line("narrator", "[ ▼ JAY · RECEIVED 21:32 ]"),
             line("jay", "Dust in the coffee. Noted."), line("jay", "How are you, though?")]
    assert kinds(lines) == [("header", "[ SOL 12 · 21:04 · DELAY 12 MIN ]"), ("sent", "Dust in everything."),
                            ("status", "[ ▲ SENT 21:06 · ARRIVES 21:18 ]"),
                            ("incoming", "[ ▼ JAY · RECEIVED 21:32 ]"), ("received", "Dust in the coffee. Noted."),
                            ("received", "How are you, though?")]


def test_no_phone_without_an_exchange_or_after_a_scene_change() -> None:
    assert kinds([line("narrator", "[ just a sign ]"), line("jay", "Hi.")]) == []
    exchange = [line("narrator", "[ SOL 1 ]"), line("narrator", "[ ▼ JAY ]"), line("jay", "Hi.")]
    assert kinds(exchange)
    assert kinds(exchange + [line("narrator", "Elsewhere.", scene="y")]) == []


def test_the_phone_closes_after_a_stretch_of_ordinary_lines() -> None:
    exchange = [line("narrator", "[ SOL 1 ]"), line("narrator", "[ ▼ JAY ]"), line("jay", "Hi.")]
    assert kinds(exchange + [line("narrator", f"Line {i}.") for i in range(9)]) == []
