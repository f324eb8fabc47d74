"""The player's flowchart before any player (game/check/flowchart.py): derived from the story map, laid out."""

from __future__ import annotations

from pathlib import Path

import pytest

from game.check.explore import explore
from game.check.flowchart import build_flowchart, first_line, node_positions, option_key, option_reach
from game.story.loader import load_story

FIXTURES = Path(__file__).parent / "fixtures"
HARBOR_CHOICE = "choice:harbor.+7#10d2741ecf"


def test_the_sample_flowchart_has_its_beats_forks_and_endings() -> None:
    story = load_story(FIXTURES / "sample")
    chart = build_flowchart(story)
    kinds = {key: node.kind for key, node in chart.nodes.items()}
    assert kinds == {"harbor": "scene", HARBOR_CHOICE: "choice", "harbor.farewell": "label", "stairs": "scene",
                     "logbook.entry": "label", "stairs.climb": "label", "logbook.note": "label",
                     "lamp_room": "scene", "choice:lamp_room.+6#891eaec17a": "choice",
                     "lamp_room.dawn_watch": "label", "lamp_room.fog_signal": "label", "ending:shipwreck": "ending",
                     "ending:dawn": "ending", "ending:lost_in_fog": "ending"}
    # the logbook starts with its label: one node, not the scene and its echo
    assert "logbook" not in chart.nodes and node_positions(story)[(story.scene_index["logbook"], 0)] == (
        "logbook", "logbook.entry")
    assert chart.nodes["harbor"].start and chart.nodes["harbor"].caption.get("ko") == "항구"
    assert chart.nodes["harbor"].text is not None
    assert chart.nodes["harbor"].text.get("en") == "Gulls circle the harbour as the light fails."
    fork = chart.forks[HARBOR_CHOICE]
    assert [t.get("en") for t in fork.texts] == ["Promise to keep the lamp lit.", "Say the fog worries you more.",
                                                 "Give Tomas your spare oil."]
    sid = story.scene("harbor").ops[chart.nodes[HARBOR_CHOICE].pc].sid
    assert sid is not None and fork.option_keys[1] == option_key(sid, fork.texts[1])
    assert {(e.dst, e.option) for e in chart.edges_from(HARBOR_CHOICE)} == {
        ("harbor.farewell", 0), ("stairs.climb", 1), ("harbor.farewell", 2)}


def test_the_layout_reads_top_down_without_overlaps() -> None:
    for name in ("sample", "unused", "unreachable_ending"):
        chart = build_flowchart(load_story(FIXTURES / name))
        nodes = list(chart.nodes.values())
        for a in nodes:
            assert a.x - a.width / 2 >= 0 and a.x + a.width / 2 <= chart.width
            assert a.y - a.height / 2 >= 0 and a.y + a.height / 2 <= chart.height
            for b in nodes:
                if a is not b and a.layer == b.layer:
                    assert abs(a.x - b.x) >= (a.width + b.width) / 2, (a.key, b.key)
        for edge in chart.edges:  # most edges run downwards (a loop's way back is the exception)
            assert edge.src in chart.nodes and edge.dst in chart.nodes


def test_with_an_exploration_what_no_playthrough_reaches_is_left_out() -> None:
    story = load_story(FIXTURES / "unreachable_ending")
    static = build_flowchart(story)
    explored = build_flowchart(story, explore(story))
    assert "ending:treasure" in static.nodes and "ending:treasure" not in explored.nodes
    assert set(explored.nodes) < set(static.nodes)
    sample = load_story(FIXTURES / "sample")
    assert set(build_flowchart(sample, explore(sample)).nodes) == set(build_flowchart(sample).nodes)


def test_what_an_option_leads_to_and_a_beats_first_line() -> None:
    story = load_story(FIXTURES / "sample")
    harbor = story.scene_index["harbor"]
    pc = build_flowchart(story).nodes[HARBOR_CHOICE].pc
    fog = option_reach(story, harbor, pc, 1)
    assert fog.nodes == ("stairs.climb",) and len(fog.lines) == 1
    oil = option_reach(story, harbor, pc, 2)
    assert oil.nodes == ("harbor.farewell",) and oil.lines == ()
    stairs = story.scene_index["stairs"]
    line = first_line(story, stairs, 0)
    assert line is not None and line.text.get("en") == "Ninety-nine steps, as always."


def test_the_camera_keeps_the_point_under_the_mouse_when_zooming_and_centres_a_small_chart() -> None:
    from game.ui.screens.flowchart_camera import AREA, Camera

    camera = Camera(width=5000, height=8000)
    camera.look_at(2500, 4000)
    under = (AREA[0] + 200.0, AREA[1] + 100.0)
    before = camera.to_chart(*under)
    camera.zoom_by(1, under)
    assert camera.to_chart(*under) == pytest.approx(before)
    small = Camera(width=100, height=50)
    small.look_at(0, 0)
    assert (small.cx, small.cy) == (50, 25)  # a chart smaller than the view sits in its middle
    small.ease_to(90, 40)
    assert small.target == (50, 25)
