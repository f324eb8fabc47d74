"""``starlight graph``: the story map (game/check/graph.py) as Graphviz source, SVG and a self-contained page."""

from __future__ import annotations

import os
import re
import shutil
import sys
from pathlib import Path

import pytest

from game.check.explore import explore
from game.check.graph import StoryGraph, build_graph, layered_svg, shorten, to_dot, to_html
from game.cli import main
from game.story.loader import load_story

FIXTURES = Path(__file__).parent / "fixtures"


def graph_of(name: str | Path) -> StoryGraph:
    story = load_story(FIXTURES / name if isinstance(name, str) else name)
    return build_graph(story, explore(story))


def dot_line(dot: str, start: str) -> str:
    """The statement of the dot source that starts with ``start`` (a quoted node or edge)."""
    found = [line.strip() for line in dot.splitlines() if line.strip().startswith(start)]
    assert len(found) == 1, (start, found)
    return found[0]


def edges(graph: StoryGraph) -> set[tuple[str, str, str, str]]:
    return {(e.src, e.dst, e.kind, e.label) for e in graph.edges}


# --- the graph ---


def test_sample_map_has_scenes_labels_endings_and_every_kind_of_edge() -> None:
    graph = graph_of("sample")
    assert {n.id for n in graph.nodes.values() if n.kind == "scene"} == {"harbor", "stairs", "lamp_room", "logbook"}
    assert {n.id for n in graph.nodes.values() if n.kind == "label"} == {
        "harbor.farewell", "stairs.climb", "logbook.entry", "logbook.note", "lamp_room.dawn_watch",
        "lamp_room.fog_signal"}
    assert {n.id for n in graph.nodes.values() if n.kind == "ending"} == {
        "ending:dawn", "ending:shipwreck", "ending:lost_in_fog"}
    assert graph.nodes["harbor"].start and graph.coverage
    assert graph.unreachable == [] and all(e.reachable for e in graph.edges)
    assert edges(graph) >= {
        ("harbor", "harbor.farewell", "choice", "Promise to keep the lamp li…"),  # falls through below
        ("harbor", "harbor.farewell", "choice", "Give Tomas your spare oil."),
        ("harbor", "stairs.climb", "choice", "Say the fog worries you mor…"),  # the option's goto
        ("harbor.farewell", "stairs", "goto", ""),
        ("stairs", "logbook.entry", "call", "call"),
        ("stairs", "stairs.climb", "flow", ""),  # runs into its label
        ("logbook", "logbook.entry", "flow", ""),
        ("logbook.entry", "logbook.note", "call", "call"),
        ("stairs.climb", "lamp_room", "goto", ""),
        ("lamp_room", "lamp_room.fog_signal", "choice", "Sound the fog horn."),
        ("lamp_room", "lamp_room.dawn_watch", "choice", "Light the lamp."),  # through the `if`
        ("lamp_room", "ending:shipwreck", "choice", "Light the lamp."),  # ... or past it
        ("lamp_room.dawn_watch", "ending:dawn", "goto", ""),
        ("lamp_room.fog_signal", "ending:lost_in_fog", "goto", ""),
    }
    assert not any(e.src == "logbook.note" for e in graph.edges)  # it only returns


def test_dot_has_the_scenes_and_highlights_endings_and_start() -> None:
    dot = to_dot(graph_of("sample"))
    assert dot.startswith("digraph story {") and dot.rstrip().endswith("}")
    assert 'label="The Lighthouse Keeper"' in dot
    for scene, file in [("harbor", "scenes/harbor.yaml"), ("stairs", "scenes/tower/stairs.yaml"),
                        ("lamp_room", "scenes/tower/lamp_room.yaml"), ("logbook", "scenes/memories/logbook.yaml")]:
        assert f'label="{file}"' in dot  # each scene is a cluster named after its file
        assert dot_line(dot, f'"{scene}" [')
    for ending in ("dawn", "shipwreck", "lost_in_fog"):
        line = dot_line(dot, f'"ending:{ending}" [')
        assert 'shape="doubleoctagon"' in line and 'fillcolor="#ffd27a"' in line
    assert 'peripheries="2"' in dot_line(dot, '"harbor" [')
    assert '"__start__" -> "harbor"' in dot
    assert "dashed" not in dot  # everything in the sample is reachable
    assert dot.count("{") == dot.count("}")


def test_unused_marks_the_unreachable_parts_dashed_and_grey() -> None:
    graph = graph_of("unused")
    assert sorted(graph.unreachable) == ["attic", "library.old_stacks"]
    dot = to_dot(graph)
    for node in ("attic", "library.old_stacks"):
        line = dot_line(dot, f'"{node}" [')
        assert "dashed" in line and 'color="#9a9a9a"' in line
    for node in ("library", "reading_room", "ending:stayed_late", "ending:closing_time"):
        assert "dashed" not in dot_line(dot, f'"{node}" [')
    sealed = dot_line(dot, '"library" -> "ending:stayed_late" [color="#9a9a9a"')  # the option never shown
    assert 'label="Open the sealed book."' in sealed and 'style="dashed"' in sealed
    tide = dot_line(dot, '"library" -> "ending:stayed_late" [color="#b8462e"')
    assert 'label="Read the tide tables."' in tide and "dashed" not in tide
    assert "dashed" in dot_line(dot, '"attic" -> "reading_room"')
    assert "dashed" in dot_line(dot, '"library.old_stacks" -> "reading_room"')
    assert "dashed" not in dot_line(dot, '"library" -> "reading_room"')


def test_unreachable_ending_is_marked(tmp_path: Path) -> None:
    graph = graph_of("unreachable_ending")
    lost = [n for n in graph.nodes.values() if n.kind == "ending" and not n.reachable]
    assert lost, "the fixture has an ending no playthrough reaches"
    assert "dashed" in dot_line(to_dot(graph), f'"{lost[0].id}" [')


def test_without_an_exploration_nothing_is_marked() -> None:
    story = load_story(FIXTURES / "unused")
    graph = build_graph(story)
    assert not graph.coverage and graph.unreachable == []
    assert "dashed" not in to_dot(graph)


def test_quotes_and_long_option_texts(tmp_path: Path) -> None:
    root = tmp_path / "story"
    (root / "scenes").mkdir(parents=True)
    (root / "story.yaml").write_text("title: 'Say \"hi\"'\nlanguages: [en, ko]\nstart: a\n"
                                     "endings:\n  done: {title: Done}\n", encoding="utf-8")
    (root / "scenes" / "a.yaml").write_text(
        "scene: a\ntitle: A\nscript:\n  - choice:\n"
        "      - text: {en: 'She said \"no\" \\ and left, slowly, into the night', ko: 아니}\n        goto: b\n"
        "      - text: {en: Stay, ko: 남는다}\n  - ending: done\n", encoding="utf-8")
    (root / "scenes" / "b.yaml").write_text("scene: b\ntitle: B\nscript:\n  - ending: done\n", encoding="utf-8")
    graph = graph_of(root)
    label = shorten('She said "no" \\ and left, slowly, into the night')
    assert len(label) == 28 and label.endswith("…")
    assert ("a", "b", "choice", label) in edges(graph)
    dot = to_dot(graph)
    assert label.startswith('She said "no" \\ and left')
    escaped = label.replace("\\", "\\\\").replace('"', '\\"')  # dot's escaping of \ and "
    assert f'label="{escaped}"' in dot
    assert 'label="Say \\"hi\\""' in dot


# --- drawing ---


def test_our_own_layout_draws_every_node_and_edge() -> None:
    graph = graph_of("unused")
    svg = layered_svg(graph)
    assert svg.startswith("<svg") and svg.rstrip().endswith("</svg>")
    assert svg.count('<g class="node') == len(graph.nodes)
    assert len(re.findall(r'<path d="[^"]*"[^>]*class="edge', svg)) == len(graph.edges)
    assert svg.count('class="node scene unreachable"') == 1  # the attic
    assert svg.count('class="node label unreachable"') == 1  # old_stacks
    assert svg.count('class="edge goto unreachable"') == 2  # the attic's goto, old_stacks' goto
    assert svg.count('class="edge choice unreachable"') == 1  # the sealed book
    assert "Open the sealed book." in svg and "stayed_late: Stayed Late" in svg


def test_html_is_self_contained() -> None:
    graph = graph_of("sample")
    page = to_html(graph, layered_svg(graph), "test")
    assert page.startswith("<!DOCTYPE html>") and "<svg" in page
    assert "<script" not in page and "<link" not in page and " src=" not in page
    assert not [url for url in re.findall(r"https?://[^\"' ]+", page) if url != "http://www.w3.org/2000/svg"]
    assert "everything is reachable" in page
    # an SVG from Graphviz comes with an XML prolog and doctype: the page keeps only the <svg>
    page = to_html(graph, '<?xml version="1.0"?>\n<!DOCTYPE svg PUBLIC "x" "y">\n<svg></svg>\n', "Graphviz")
    assert "<?xml" not in page and "DOCTYPE svg" not in page


# --- the command ---


def test_command_writes_dot_and_html(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["graph", str(FIXTURES / "unused"), "-o", str(tmp_path / "map.dot")]) == 0
    dot = (tmp_path / "map.dot").read_text(encoding="utf-8")
    assert '"attic" [' in dot
    out = capsys.readouterr().out
    assert "2 unreachable part(s)" not in out and "unreachable part(s)" in out
    assert main(["graph", str(FIXTURES / "unused"), "-o", str(tmp_path / "web" / "map.html")]) == 0
    assert (tmp_path / "web" / "map.dot").is_file()  # the source is always written
    page = (tmp_path / "web" / "map.html").read_text(encoding="utf-8")
    assert "<svg" in page and "unreachable part(s), dashed and grey" in page


def test_command_without_graphviz_says_how_to_install_it(tmp_path: Path, capsys: pytest.CaptureFixture[str],
                                                          monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(shutil, "which", lambda name, *a, **k: None)
    assert main(["graph", str(FIXTURES / "sample"), "-o", str(tmp_path / "map.svg")]) == 2
    assert "sudo apt install graphviz" in capsys.readouterr().err
    assert (tmp_path / "map.dot").is_file() and not (tmp_path / "map.svg").exists()
    assert main(["graph", str(FIXTURES / "sample"), "-o", str(tmp_path / "map.html")]) == 0
    assert "own layout" in (tmp_path / "map.html").read_text(encoding="utf-8")


@pytest.fixture
def graphviz(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The real Graphviz where it is installed; elsewhere (CI) a stand-in `dot` on PATH that checks
    it was handed DOT source on stdin and answers like Graphviz for -Tsvg and -Tpng."""
    if shutil.which("dot") is not None:
        return
    tools = tmp_path / "bin"
    tools.mkdir()
    fake = tools / "dot"
    fake.write_text(
        "#!" + sys.executable + "\n"
        "import sys\n"
        "source = sys.stdin.read()\n"
        "assert source.startswith('digraph story {'), source[:40]\n"
        "fmt = sys.argv[1]\n"
        "out = sys.stdout.buffer\n"
        "if fmt == '-Tsvg':\n"
        "    out.write(b'<?xml version=\"1.0\"?>\\n<svg xmlns=\"http://www.w3.org/2000/svg\"><g/></svg>\\n')\n"
        "elif fmt == '-Tpng':\n"
        "    out.write(b'\\x89PNG\\r\\n\\x1a\\n' + bytes(16))\n"
        "else:\n"
        "    sys.exit(2)\n", encoding="utf-8")
    fake.chmod(0o755)
    monkeypatch.setenv("PATH", f"{tools}{os.pathsep}{os.environ.get('PATH', '')}")


def test_command_with_graphviz(tmp_path: Path, graphviz: None) -> None:
    assert main(["graph", str(FIXTURES / "unused"), "-o", str(tmp_path / "map.svg")]) == 0
    assert "<svg" in (tmp_path / "map.svg").read_text(encoding="utf-8")
    assert main(["graph", str(FIXTURES / "unused"), "-o", str(tmp_path / "map.png")]) == 0
    assert (tmp_path / "map.png").read_bytes()[:4] == b"\x89PNG"
    assert main(["graph", str(FIXTURES / "unused"), "-o", str(tmp_path / "map.html")]) == 0
    assert "Graphviz" in (tmp_path / "map.html").read_text(encoding="utf-8")


def test_command_refuses_other_files_and_broken_stories(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["graph", str(FIXTURES / "sample"), "-o", str(tmp_path / "map.pdf")]) == 2
    broken = tmp_path / "broken"
    broken.mkdir()
    (broken / "story.yaml").write_text("title: x\n", encoding="utf-8")
    assert main(["graph", str(broken), "-o", str(tmp_path / "map.dot")]) == 1
    assert "does not load" in capsys.readouterr().err


def test_map_hotspots_are_edges(tmp_path: Path) -> None:
    from test_capture import map_story

    graph = graph_of(map_story(tmp_path / "story"))
    assert ("a", "b", "hotspot", "shop exit") in edges(graph)
    assert 'label="shop exit"' in dot_line(to_dot(graph), '"a" -> "b"')


# --- forks: the player's flowchart reads choices as nodes ---


def test_forks_make_each_choice_a_node_whose_options_are_its_edges() -> None:
    story = load_story(FIXTURES / "sample")
    plain = build_graph(story, explore(story))
    graph = build_graph(story, explore(story), forks=True)
    choices = [n for n in graph.nodes.values() if n.kind == "choice"]
    assert [n.scene for n in choices] == ["harbor", "lamp_room"] and all(n.reachable for n in choices)
    harbor, lamp = (n.id for n in choices)
    # the walk from a scene stops at its choice; the choice's edges carry the option they leave by
    assert {(e.dst, e.option) for e in graph.edges_from("harbor")} == {(harbor, None)}
    assert {(e.dst, e.option) for e in graph.edges_from(harbor)} == {
        ("harbor.farewell", 0), ("stairs.climb", 1), ("harbor.farewell", 2)}
    assert {(e.dst, e.option) for e in graph.edges_from(lamp)} == {
        ("lamp_room.dawn_watch", 0), ("ending:shipwreck", 0), ("lamp_room.fog_signal", 1),
        ("lamp_room.dawn_watch", 2), ("ending:shipwreck", 2)}
    # the story map itself is as it was: no choice nodes, no option numbers
    assert all(n.kind != "choice" for n in plain.nodes.values()) and all(e.option is None for e in plain.edges)
    assert "diamond" in to_dot(graph) and "<svg" in layered_svg(graph)
