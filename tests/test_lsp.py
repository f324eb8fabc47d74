"""``starlight lsp`` end to end: a real client (pytest-lsp) drives the server over stdio.

Each test starts the server as a subprocess on a copy of a fixture story, opens
a scene file as an editor would, and checks what comes back: diagnostics as
you type and after a save, completion, definition, references, rename, hover.
"""

from __future__ import annotations

import asyncio
import shutil
import sys
import time
from collections.abc import AsyncIterator, Callable, Sequence
from pathlib import Path

import pytest
import pytest_lsp
from lsprotocol import types as lsp
from pytest_lsp import ClientServerConfig, LanguageClient, client_capabilities

from game.check.report import run_check
from game.tools.lsp.positions import LineIndex

FIXTURES = Path(__file__).parent / "fixtures"
TIMEOUT = 60.0  # seconds; the machine may be busy, and the first full check imports pygame

pytestmark = pytest.mark.asyncio


@pytest_lsp.fixture(config=ClientServerConfig(server_command=[sys.executable, "-m", "game", "lsp"]))  # type: ignore[untyped-decorator,unused-ignore]
async def client(lsp_client: LanguageClient, tmp_path: Path) -> AsyncIterator[None]:
    await lsp_client.initialize_session(lsp.InitializeParams(
        capabilities=client_capabilities("visual-studio-code"), root_uri=tmp_path.as_uri()))
    yield
    await lsp_client.shutdown_session()


def copy(tmp_path: Path, fixture: str = "sample") -> Path:
    return Path(shutil.copytree(FIXTURES / fixture, tmp_path / fixture))


def open_file(client: LanguageClient, path: Path) -> str:
    uri = path.as_uri()
    client.text_document_did_open(lsp.DidOpenTextDocumentParams(text_document=lsp.TextDocumentItem(
        uri=uri, language_id="yaml", version=1, text=path.read_text(encoding="utf-8"))))
    return uri


def change(client: LanguageClient, uri: str, text: str, version: int = 2) -> None:
    client.text_document_did_change(lsp.DidChangeTextDocumentParams(
        text_document=lsp.VersionedTextDocumentIdentifier(uri=uri, version=version),
        content_changes=[lsp.TextDocumentContentChangeWholeDocument(text=text)]))


async def diagnostics_until(client: LanguageClient, uri: str,
                            holds: Callable[[Sequence[lsp.Diagnostic]], bool]) -> Sequence[lsp.Diagnostic]:
    """The diagnostics of ``uri`` once the server has published some that ``holds`` accepts."""
    deadline = time.monotonic() + TIMEOUT
    while True:
        found = client.diagnostics.get(uri)
        if found is not None and holds(found):
            return found
        if time.monotonic() > deadline:
            raise AssertionError(f"diagnostics never as expected; last: {[d.message for d in found or []]}")
        await asyncio.sleep(0.02)


def at(path: Path, text: str, after: int = 0) -> lsp.Position:
    """The position of the first ``text`` in ``path`` (plus ``after`` characters)."""
    content = path.read_text(encoding="utf-8")
    return LineIndex(content).position(content.index(text) + after)


def doc(uri: str) -> lsp.TextDocumentIdentifier:
    return lsp.TextDocumentIdentifier(uri=uri)


# --- diagnostics ---


async def test_open_edit_and_save_give_diagnostics(client: LanguageClient, tmp_path: Path) -> None:
    story = copy(tmp_path)
    harbor = story / "scenes" / "harbor.yaml"
    uri = open_file(client, harbor)
    found = await diagnostics_until(client, uri, lambda ds: any("missing translation" in d.message for d in ds))
    [missing] = [d for d in found if "missing translation" in d.message]
    assert missing.range.start.line == 13 and missing.severity == lsp.DiagnosticSeverity.Warning
    assert missing.code == "translation" and missing.source == "starlight"
    # a keystroke that breaks a goto: the error comes from the buffer, before any save
    text = harbor.read_text(encoding="utf-8")
    started = time.perf_counter()
    change(client, uri, text.replace("  - goto: stairs\n", "  - goto: stares\n"))
    found = await diagnostics_until(client, uri, lambda ds: any("stares" in d.message for d in ds))
    print(f"diagnostics {1000 * (time.perf_counter() - started):.0f} ms after the keystroke")
    [broken] = [d for d in found if "stares" in d.message]
    assert broken.severity == lsp.DiagnosticSeverity.Error and broken.range.start.line == 30
    assert "did you mean 'stairs'" in broken.message
    assert harbor.read_text(encoding="utf-8") == text  # nothing was written
    # mending it clears the error
    change(client, uri, text, version=3)
    await diagnostics_until(client, uri, lambda ds: not any("stares" in d.message for d in ds))


async def test_saving_runs_the_full_check_with_its_blockers(client: LanguageClient, tmp_path: Path) -> None:
    story = copy(tmp_path, "unreachable_ending")
    shore = story / "scenes" / "shore.yaml"
    uri = open_file(client, shore)
    found = await diagnostics_until(client, uri, lambda ds: any("no playthrough reaches" in d.message for d in ds))
    step = next(d for d in found if "no playthrough reaches this step" in d.message)
    assert "why: `if: shells >= 3`" in step.message and "shells is 0..2" in step.message
    assert step.related_information and step.related_information[0].location.range.start.line == 15
    manifest = (story / "story.yaml").as_uri()
    await diagnostics_until(client, manifest, lambda ds: any("'treasure'" in d.message for d in ds))
    # make the treasure reachable (three shells are possible) and save: the full check clears it
    text = shore.read_text(encoding="utf-8").replace("shells >= 3", "shells >= 2")
    change(client, uri, text)
    shore.write_text(text, encoding="utf-8")
    client.text_document_did_save(lsp.DidSaveTextDocumentParams(text_document=doc(uri)))
    await diagnostics_until(client, manifest, lambda ds: not any("'treasure'" in d.message for d in ds))
    hover = await client.text_document_hover_async(lsp.HoverParams(text_document=doc(uri),
                                                                   position=at(shore, "if: shells >= 2")))
    assert hover is not None and isinstance(hover.contents, lsp.MarkupContent)
    assert "on the explored playthroughs it is **true or false** here" in hover.contents.value


# --- completion ---


async def labels_of(client: LanguageClient, uri: str, position: lsp.Position) -> dict[str, lsp.CompletionItem]:
    result = await client.text_document_completion_async(lsp.CompletionParams(text_document=doc(uri),
                                                                              position=position))
    assert isinstance(result, lsp.CompletionList)
    return {item.label: item for item in result.items}


async def test_completion(client: LanguageClient, tmp_path: Path) -> None:
    story = copy(tmp_path)
    harbor = story / "scenes" / "harbor.yaml"
    uri = open_file(client, harbor)
    await diagnostics_until(client, uri, bool)  # the story has loaded
    targets = await labels_of(client, uri, at(harbor, "  - goto: stairs\n", len("  - goto: ")))
    assert {"stairs", "lamp_room", "stairs.climb", "logbook.entry", "farewell"} <= set(targets)
    backgrounds = await labels_of(client, uri, at(harbor, "  - bg: harbor_dusk", len("  - bg: ")))
    assert {"harbor_dusk", "stairwell", "lamp_room"} <= set(backgrounds)
    # a new step typed at the end of the file: speakers, looks, step keys
    text = harbor.read_text(encoding="utf-8")
    change(client, uri, text + "  - \n  - tomas \n  - if: \n  - show: mira\n    look: \n")
    end = len(text.splitlines())
    starts = await labels_of(client, uri, lsp.Position(line=end, character=4))
    assert {"narrator", "mira", "mira smile", "tomas worried", "choice", "goto", "if"} <= set(starts)
    looks = await labels_of(client, uri, lsp.Position(line=end + 1, character=10))
    assert set(looks) == {"neutral", "worried"}
    variables = await labels_of(client, uri, lsp.Position(line=end + 2, character=8))
    assert variables["oil"].detail == "int 0..3 (default 1)"
    assert variables["weather"].detail == "enum: calm, fog, storm (default calm)"
    show_looks = await labels_of(client, uri, lsp.Position(line=end + 4, character=10))
    assert set(show_looks) == {"neutral", "smile", "tired"}


# --- definition, references, rename, hover ---


async def test_definition_and_references(client: LanguageClient, tmp_path: Path) -> None:
    story = copy(tmp_path)
    harbor = story / "scenes" / "harbor.yaml"
    stairs = story / "scenes" / "tower" / "stairs.yaml"
    uri = open_file(client, harbor)
    await diagnostics_until(client, uri, bool)

    async def definition(position: lsp.Position) -> list[lsp.Location]:
        found = await client.text_document_definition_async(lsp.DefinitionParams(text_document=doc(uri),
                                                                                 position=position))
        assert isinstance(found, list)
        return [location for location in found if isinstance(location, lsp.Location)]

    [scene] = await definition(at(harbor, "  - goto: stairs\n", len("  - goto: s")))
    assert scene.uri == stairs.as_uri() and scene.range.start.line == 0
    [label] = await definition(at(harbor, "goto: stairs.climb", len("goto: stairs.cl")))
    assert label.uri == stairs.as_uri() and label.range.start.line == 8
    [variable] = await definition(at(harbor, "set: {weather: storm}", len("set: {wea")))
    assert variable.uri == (story / "story.yaml").as_uri() and variable.range.start.line == 15
    [picture] = await definition(at(harbor, "bg: harbor_dusk", len("bg: ha")))
    assert picture.uri.endswith("/images/backgrounds/harbor_dusk.png")
    refs = await client.text_document_references_async(lsp.ReferenceParams(
        text_document=doc(uri), position=at(harbor, "add: {oil: -9}", len("add: {o")),
        context=lsp.ReferenceContext(include_declaration=True)))
    assert refs is not None
    places = {(Path(r.uri).name, r.range.start.line) for r in refs}
    assert ("story.yaml", 13) in places and ("harbor.yaml", 25) in places  # declared, and this write
    assert any(name == "lamp_room.yaml" for name, _ in places)  # read by conditions there


async def test_rename_a_label_across_the_story(client: LanguageClient, tmp_path: Path) -> None:
    story = copy(tmp_path)
    stairs = story / "scenes" / "tower" / "stairs.yaml"
    uri = open_file(client, stairs)
    await diagnostics_until(client, uri, lambda ds: True)
    position = at(stairs, "label: climb", len("label: cl"))
    prepared = await client.text_document_prepare_rename_async(lsp.PrepareRenameParams(
        text_document=doc(uri), position=position))
    assert isinstance(prepared, lsp.PrepareRenamePlaceholder) and prepared.placeholder == "climb"
    edit = await client.text_document_rename_async(lsp.RenameParams(text_document=doc(uri), position=position,
                                                                    new_name="ascent"))
    assert edit is not None and edit.changes is not None
    assert set(edit.changes) == {stairs.as_uri(), (story / "scenes" / "harbor.yaml").as_uri()}
    for file_uri, edits in edit.changes.items():  # apply the edits as an editor would
        path = Path(file_uri.removeprefix("file://"))
        index = LineIndex(path.read_text(encoding="utf-8"))
        text = index.text
        for text_edit in sorted(edits, key=lambda e: (e.range.start.line, e.range.start.character), reverse=True):
            start, end = index.offset(text_edit.range.start), index.offset(text_edit.range.end)
            text = text[:start] + text_edit.new_text + text[end:]
        path.write_text(text, encoding="utf-8")
    assert "label: ascent" in stairs.read_text(encoding="utf-8")
    assert "goto: stairs.ascent" in (story / "scenes" / "harbor.yaml").read_text(encoding="utf-8")
    report = run_check(story)
    assert report.ok and not [p for p in report.problems if p.code.startswith("unreachable")]
    with pytest.raises(Exception, match="already has a label"):
        await client.text_document_rename_async(lsp.RenameParams(
            text_document=doc(uri), position=at(stairs, "call: logbook.entry", len("call: logbook.en")),
            new_name="note"))


async def test_hover(client: LanguageClient, tmp_path: Path) -> None:
    story = copy(tmp_path)
    harbor = story / "scenes" / "harbor.yaml"
    uri = open_file(client, harbor)
    await diagnostics_until(client, uri, bool)

    async def hover(position: lsp.Position) -> str:
        found = await client.text_document_hover_async(lsp.HoverParams(text_document=doc(uri), position=position))
        assert found is not None and isinstance(found.contents, lsp.MarkupContent)
        return found.contents.value

    variable = await hover(at(harbor, "add: {oil: -9}", len("add: {o")))
    assert "**oil**: int 0..3 (default 1), declared at `story.yaml:14:3`" in variable
    assert "written (2): `scenes/harbor.yaml:26` (add)" in variable and "read (3)" in variable
    line = await hover(at(harbor, "tomas worried:", 3))
    assert "**ko**: 오늘 밤 날씨가 심상치 않아, 미라." in line or "**tomas**" in line
    line = await hover(lsp.Position(line=12, character=40))  # inside the line's text
    assert "**en**: There's weather coming in tonight, Mira." in line and "**ko**: 오늘 밤" in line


async def test_on_the_shipped_story_rename_reaches_the_tiled_map(client: LanguageClient, tmp_path: Path) -> None:
    from game.paths import shipped_story
    from game.story.loader import read_story

    story = Path(shutil.copytree(shipped_story(), tmp_path / "shipped"))
    scene = story / "scenes" / "seoul" / "repair_shop.yaml"
    uri = open_file(client, scene)
    assert list(await diagnostics_until(client, uri, lambda ds: True)) == []  # the shipped story is clean
    targets = await labels_of(client, uri, at(scene, "goto: rooftop_sunset.called", len("goto: ")))
    assert {"repair_shop.bench", "finale", "bench", "rooftop_sunset.called"} <= set(targets)
    position = at(scene, "label: bench", len("label: be"))
    edit = await client.text_document_rename_async(lsp.RenameParams(text_document=doc(uri), position=position,
                                                                    new_name="workbench"))
    assert edit is not None and edit.changes is not None
    tiled = (story / "maps" / "jay_shop.tmx").as_uri()
    assert set(edit.changes) == {uri, tiled}
    [hotspot] = edit.changes[tiled]
    path = story / "maps" / "jay_shop.tmx"
    index = LineIndex(path.read_text(encoding="utf-8"))
    start, end = index.offset(hotspot.range.start), index.offset(hotspot.range.end)
    assert index.text[start - len("repair_shop."):end] == "repair_shop.bench"
    path.write_text(index.text[:start] + "workbench" + index.text[end:], encoding="utf-8")
    [definition] = edit.changes[uri]
    scene_index = LineIndex(scene.read_text(encoding="utf-8"))
    start, end = scene_index.offset(definition.range.start), scene_index.offset(definition.range.end)
    scene.write_text(scene_index.text[:start] + "workbench" + scene_index.text[end:], encoding="utf-8")
    assert read_story(story).errors == []
