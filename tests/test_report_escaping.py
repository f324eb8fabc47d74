"""Every report we write quotes the story's text safely: JUnit XML, lines.csv, the capture and graph HTML
(and their SVG), the Graphviz DOT source, and the check's own text.

Two hostile stories of the corpus drive it (tests/hostile/stories/): ``markup`` loads, and its every
text is markup, a spreadsheet formula or holds control characters; ``control_chars`` does not load,
and its errors quote control characters.  Each report is read back with a real parser (ElementTree,
html.parser, csv, pydot, and Graphviz where it is installed).
"""

from __future__ import annotations

import os

os.environ.setdefault("SDL_VIDEODRIVER", "dummy")  # before pygame is imported
os.environ.setdefault("SDL_AUDIODRIVER", "dummy")

import csv
import re
import shutil
import subprocess
from html.parser import HTMLParser
from pathlib import Path
from xml.etree import ElementTree as ET

import pydot
import pytest

from game.check.explore import explore
from game.check.graph import build_graph, layered_svg, to_dot, to_html
from game.check.report import run_check
from game.cli import main
from game.story.loader import load_story
from game.story.problems import printable
from game.ui.capture.report import spreadsheet_safe

# pydot's parser still calls pyparsing's old camelCase names; the warnings are theirs, not ours.
pytestmark = pytest.mark.filterwarnings("ignore::DeprecationWarning:pydot.dot_parser")
HOSTILE = Path(__file__).parent / "hostile" / "stories"
MARKUP = HOSTILE / "markup"
CONTROL = HOSTILE / "control_chars"
XML_INVALID = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f]")
TERMINAL_CONTROL = re.compile(r"[\x00-\x09\x0b-\x1f\x7f-\x9f]")  # all but the newline between lines


class Tags(HTMLParser):
    """The start tags and attributes of an HTML page, as a browser's tokenizer sees them."""

    def __init__(self) -> None:
        super().__init__()
        self.tags: list[tuple[str, dict[str, str | None]]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))


def tags_of(page: str) -> list[tuple[str, dict[str, str | None]]]:
    parser = Tags()
    parser.feed(page)
    parser.close()
    return parser.tags


def assert_no_injected_markup(page: str, xml_clean: bool = True) -> None:
    tags = tags_of(page)
    assert not [t for t, _ in tags if t in ("script", "iframe")], [t for t, _ in tags]
    assert not [a for _, a in tags if any(k.startswith("on") for k in a)], "an event handler attribute got in"
    assert "&lt;script&gt;" in page
    if xml_clean:  # a page holding SVG: the SVG must stay well-formed XML
        assert not XML_INVALID.search(page)


def svg_of(page: str) -> ET.Element:
    start, end = page.index("<svg"), page.rindex("</svg>") + len("</svg>")
    return ET.fromstring(page[start:end])


# --- JUnit XML ------------------------------------------------------------------------------------

def test_junit_of_a_story_whose_errors_hold_control_characters_parses(tmp_path: Path) -> None:
    story = tmp_path / "story \x1b[31m\x01"  # the folder's name is quoted too
    shutil.copytree(CONTROL, story)
    report = run_check(story)
    assert not report.ok
    xml = report.as_junit()
    suite = ET.fromstring(xml)
    failures = [f.text or "" for f in suite.iter("failure")]
    assert any("\\x01\\x02" in text for text in failures), failures
    case = suite.find("testcase")
    assert case is not None and "\\x1b" in (case.get("classname") or "")


def test_junit_written_by_the_command_parses(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "report.xml"
    assert main(["check", str(CONTROL), "--junit", str(out)]) == 1
    ET.parse(out)
    text = capsys.readouterr().out
    assert not TERMINAL_CONTROL.search(text), "raw control characters reach the terminal"


def test_problem_messages_show_control_characters_as_escapes() -> None:
    report = run_check(CONTROL)
    messages = [str(p) for p in report.problems]
    assert messages and not any(TERMINAL_CONTROL.search(m) for m in messages), messages
    assert "scenes/s.yaml:3:9: error: in condition `a and \\x01\\x02`: unexpected '\\x01' (at character 7)" in messages
    assert printable("a\x01b\x7f\tc\n") == "a\\x01b\\x7f\\x09c\\x0a"


# --- lines.csv and the capture's index.html ---------------------------------------------------------

@pytest.mark.parametrize("cell, safe", [
    ("=HYPERLINK(\"http://x\")", "'=HYPERLINK(\"http://x\")"), ("+cmd", "'+cmd"), ("-2+3", "'-2+3"),
    ("@SUM(1)", "'@SUM(1)"), ("\tTAB", "'\tTAB"), ("\rCR", "'\rCR"), ("plain", "plain"), ("", ""),
    ("a=b", "a=b"), (12, 12),
])
def test_spreadsheet_formulas_are_neutralised(cell: object, safe: object) -> None:
    assert spreadsheet_safe(cell) == safe


def test_capture_of_the_markup_story(tmp_path: Path) -> None:
    from game.ui.capture import capture

    out = tmp_path / "shots"
    capture(load_story(MARKUP), out)
    with open(out / "lines.csv", encoding="utf-8", newline="") as f:
        rows = list(csv.reader(f))
    cells = [cell for row in rows for cell in row]
    assert not [c for c in cells if c[:1] in ("=", "+", "-", "@", "\t", "\r")], rows
    texts = [row[3] for row in rows[1:]]
    assert "'=HYPERLINK(\"http://evil.example\",\"click\")" in texts and "'+cmd|' /C calc'!A0" in texts
    assert "<script>alert('line')</script>" in texts  # the CSV keeps the text itself; only formulas change
    page = (out / "index.html").read_text(encoding="utf-8")
    assert_no_injected_markup(page, xml_clean=False)  # plain HTML: a browser shows a control character harmlessly
    assert [t for t, a in tags_of(page) if t == "img" and not (a.get("src") or "").startswith("data:image/")] == []


# --- the story map: DOT, and the HTML / SVG around it -------------------------------------------------

def test_dot_of_the_markup_story_parses_and_keeps_every_label() -> None:
    story = load_story(MARKUP)
    graph = build_graph(story, explore(story))
    source = to_dot(graph)
    assert not XML_INVALID.search(source)
    parsed = pydot.graph_from_dot_data(source)
    assert parsed is not None and len(parsed) == 1
    dot = parsed[0]
    edges = [e for e in dot.get_edges() if e.get_source() != '"__start__"']
    assert len(edges) == len(graph.edges)
    assert len(dot.get_subgraphs()) == 1 and len(dot.get_subgraphs()[0].get_nodes()) == 2  # the scene and its label
    labels = {(e.get("label") or "") for e in edges}
    assert any("evil [label=" in label for label in labels), labels  # quoted, not a statement of its own
    assert not [n for n in dot.get_nodes() if "evil" in n.get_name()]


@pytest.mark.skipif(shutil.which("dot") is None, reason="Graphviz is not installed")
def test_graphviz_draws_the_markup_story_into_well_formed_svg() -> None:
    story = load_story(MARKUP)
    source = to_dot(build_graph(story, explore(story)))
    run = subprocess.run(["dot", "-Tsvg"], input=source.encode("utf-8"), capture_output=True, timeout=60, check=False)
    assert run.returncode == 0, run.stderr
    svg = ET.fromstring(run.stdout)
    assert not [e for e in svg.iter() if e.tag.endswith("script")]


def test_our_own_layout_and_its_page(tmp_path: Path) -> None:
    story = load_story(MARKUP)
    graph = build_graph(story, explore(story))
    svg = ET.fromstring(layered_svg(graph))
    assert not [e for e in svg.iter() if e.tag.endswith("script")]
    page = to_html(graph, layered_svg(graph), "starlight's own layout <test>")
    assert_no_injected_markup(page)
    svg_of(page)


def test_the_graph_command_writes_safe_pages(tmp_path: Path) -> None:
    out = tmp_path / "map.html"
    assert main(["graph", str(MARKUP), "-o", str(out)]) == 0
    page = out.read_text(encoding="utf-8")
    assert_no_injected_markup(page)
    svg_of(page)
    pydot.graph_from_dot_file(str(tmp_path / "map.dot"))


def test_check_text_output_has_no_raw_control_characters(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    story = tmp_path / "story"
    shutil.copytree(MARKUP, story)
    yaml = story / "story.yaml"
    yaml.write_text(yaml.read_text(encoding="utf-8").replace("& \\\"quotes\\\"", "\\x1b[2J\\x07"), encoding="utf-8")
    assert main(["check", str(story)]) == 0
    out = capsys.readouterr().out
    assert "Story: </title>" in out and "\\x1b[2J\\x07" in out
    assert not TERMINAL_CONTROL.search(out)
