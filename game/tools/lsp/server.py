"""The language server: pygls wiring of diagnostics, completion, definition, references, rename and hover.

Any file inside a story folder (the nearest folder above it with story.yaml)
is served; several stories can be open at once.  Diagnostics are published for
every file of the story:

* after a keystroke (once typing pauses for ``DEBOUNCE`` seconds), the quick
  pass (``StoryState.quick_check``: the loader on the buffers, static checks);
* after a save, the full check in a worker process (one at a time per story; a
  save during a check runs one more after it).
"""

from __future__ import annotations

import asyncio
import logging
import multiprocessing
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path
from typing import Any

from lsprotocol import types as lsp
from pygls.exceptions import JsonRpcInvalidParams
from pygls.lsp.server import LanguageServer
from pygls.uris import to_fs_path

from game import __version__
from game.story.assets import AssetError, AssetIndex
from game.story.fields import IDENT
from game.story.problems import Problem

from .complete import complete
from .hover import line_hover, symbol_hover
from .index import StoryIndex, Symbol
from .positions import LineIndex
from .story import StoryState, full_check, story_root_of

DEBOUNCE = 0.03  # seconds of quiet after a keystroke before the quick pass runs
log = logging.getLogger(__name__)


class StoryServer(LanguageServer):
    """Serves every story folder whose files the editor opens."""

    def __init__(self) -> None:
        super().__init__("starlight", __version__)
        self.stories: dict[Path, StoryState] = {}
        self.published: dict[Path, set[str]] = {}  # files that were given diagnostics, per story
        self.quick_tasks: dict[Path, asyncio.Task[None]] = {}
        self.full_running: set[Path] = set()
        self.full_tasks: dict[Path, asyncio.Task[None]] = {}
        self.full_again: set[Path] = set()
        self.workers: ProcessPoolExecutor | None = None  # full checks, out of the way of typing (made on first use)

    def shutdown(self) -> None:
        """On exit: stop the full-check worker too (a check still running is of no use to anyone now)."""
        if self.workers is not None:
            processes = list(getattr(self.workers, "_processes", {}).values())  # no public way to reach them
            self.workers.shutdown(wait=False, cancel_futures=True)
            for process in processes:
                process.terminate()
        super().shutdown()  # type: ignore[no-untyped-call,unused-ignore]

    # --- documents ---

    def locate(self, uri: str) -> tuple[StoryState, str] | None:
        """The story a document belongs to (made on first use), and the document's path inside it."""
        path_text = to_fs_path(uri)
        if path_text is None:
            return None
        path = Path(path_text)
        root = story_root_of(path)
        if root is None:
            return None
        root = root.resolve()
        state = self.stories.get(root)
        if state is None:
            state = self.stories[root] = StoryState(root)
        rel = state.rel(path)
        return (state, rel) if rel is not None else None

    def buffer(self, uri: str) -> str:
        return self.workspace.get_text_document(uri).source

    def text_index(self, state: StoryState, file: str) -> LineIndex:
        return LineIndex(state.text_of(file) or "")

    # --- diagnostics ---

    def schedule_quick(self, state: StoryState, delay: float = DEBOUNCE) -> None:
        task = self.quick_tasks.get(state.root)
        if task is not None and not task.done():
            task.cancel()
        self.quick_tasks[state.root] = asyncio.ensure_future(self._quick_later(state, delay))

    async def _quick_later(self, state: StoryState, delay: float) -> None:
        await asyncio.sleep(delay)
        result = state.quick_check()
        self.publish(state)
        self.window_log_message(lsp.LogMessageParams(type=lsp.MessageType.Log, message=(
            f"starlight: quick check of {state.root.name} in {result.seconds * 1000:.0f} ms, "
            f"{len(result.problems)} problem(s)")))

    def schedule_full(self, state: StoryState) -> None:
        if state.root in self.full_running:
            self.full_again.add(state.root)
            return
        self.full_running.add(state.root)
        self.full_tasks[state.root] = asyncio.ensure_future(self._full(state))

    async def _full(self, state: StoryState) -> None:
        loop = asyncio.get_running_loop()
        if self.workers is None:  # spawned, not forked: the server runs threads
            self.workers = ProcessPoolExecutor(max_workers=1, mp_context=multiprocessing.get_context("spawn"))
        try:
            while True:
                self.full_again.discard(state.root)
                full = await loop.run_in_executor(self.workers, full_check, state.root)
                state.finish_full(full)
                self.publish(state)
                self.window_log_message(lsp.LogMessageParams(type=lsp.MessageType.Log, message=(
                    f"starlight: full check of {state.root.name} in {full.seconds:.2f} s: "
                    f"{full.errors} error(s), {full.warnings} warning(s)")))
                if state.root not in self.full_again:
                    break
        except Exception as exc:  # the edge: tell the user, keep serving
            self.window_show_message(lsp.ShowMessageParams(type=lsp.MessageType.Error,
                                                           message=f"starlight: the full check failed: {exc}"))
            log.exception("full check")
        finally:
            self.full_running.discard(state.root)

    def publish(self, state: StoryState) -> None:
        by_file = state.problems_by_file()
        before = self.published.get(state.root, set())
        for file in sorted(before | set(by_file) | set(state.buffers)):  # open files get theirs, even when empty
            index = self.text_index(state, file)
            diagnostics = [self.diagnostic(state, index, p) for p in by_file.get(file, [])]
            self.text_document_publish_diagnostics(lsp.PublishDiagnosticsParams(
                uri=(state.root / file).as_uri(), diagnostics=diagnostics))
        self.published[state.root] = set(by_file)

    def diagnostic(self, state: StoryState, index: LineIndex, problem: Problem) -> lsp.Diagnostic:
        start = index.at(problem.line, problem.column)
        message = problem.message
        related = []
        blockers = state.full.blockers if state.full is not None else []
        for blocker in blockers:
            if blocker.pos == problem.pos and blocker.code == problem.code:
                message += "".join(f"\nwhy: {text}" for text in blocker.messages())
                for reason in blocker.reasons:
                    where = self.text_index(state, reason.pos.file).at(reason.pos.line, reason.pos.column)
                    related.append(lsp.DiagnosticRelatedInformation(
                        location=lsp.Location(uri=(state.root / reason.pos.file).as_uri(),
                                              range=self.text_index(state, reason.pos.file).range(where, where)),
                        message=reason.message))
        severity = lsp.DiagnosticSeverity.Error if problem.severity == "error" else lsp.DiagnosticSeverity.Warning
        return lsp.Diagnostic(range=index.range(start, index.word_end(start)), message=message, severity=severity,
                              code=problem.code, source="starlight", related_information=related or None)


# --- notifications ---


def did_open(ls: StoryServer, params: lsp.DidOpenTextDocumentParams) -> None:
    found = ls.locate(params.text_document.uri)
    if found is None:
        return
    state, file = found
    state.buffers[file] = params.text_document.text
    if params.text_document.text != state.disk_text(file):
        state.dirty.add(file)
    ls.schedule_quick(state, 0)
    if state.full is None:
        ls.schedule_full(state)


def did_change(ls: StoryServer, params: lsp.DidChangeTextDocumentParams) -> None:
    found = ls.locate(params.text_document.uri)
    if found is not None:
        state, file = found
        state.edited(file, ls.buffer(params.text_document.uri))
        ls.schedule_quick(state)


def did_save(ls: StoryServer, params: lsp.DidSaveTextDocumentParams) -> None:
    found = ls.locate(params.text_document.uri)
    if found is not None:
        state, _file = found
        ls.schedule_quick(state, 0)
        ls.schedule_full(state)


def did_close(ls: StoryServer, params: lsp.DidCloseTextDocumentParams) -> None:
    found = ls.locate(params.text_document.uri)
    if found is not None:
        state, file = found
        state.closed(file)
        ls.schedule_quick(state, 0)


# --- requests ---


def _cursor(ls: StoryServer, uri: str, position: lsp.Position) -> tuple[StoryState, str, int] | None:
    found = ls.locate(uri)
    if found is None:
        return None
    state, file = found
    return state, file, ls.text_index(state, file).offset(position)


def _symbol(ls: StoryServer, uri: str, position: lsp.Position) -> tuple[StoryState, str, StoryIndex, Symbol] | None:
    """The story, file, index and the symbol under the cursor; None when there is none (or no story)."""
    found = _cursor(ls, uri, position)
    if found is None:
        return None
    state, file, offset = found
    index = state.index()
    symbol = index.at(file, offset)
    return (state, file, index, symbol) if symbol is not None else None


def completion(ls: StoryServer, params: lsp.CompletionParams) -> lsp.CompletionList | None:
    found = ls.locate(params.text_document.uri)
    if found is None:
        return None
    state, file = found
    index = ls.text_index(state, file)
    line = min(params.position.line, len(index.starts) - 1)
    lines = [index.line_text(number) for number in range(len(index.starts))]
    character = index.offset(params.position) - index.starts[line]
    items = complete(state.story, state.index(), AssetIndex(state.root), file, lines, line, character)
    return lsp.CompletionList(is_incomplete=False, items=items)


def _location(ls: StoryServer, state: StoryState, file: str, start: int, end: int) -> lsp.Location:
    return lsp.Location(uri=(state.root / file).as_uri(), range=ls.text_index(state, file).range(start, end))


def definition(ls: StoryServer, params: lsp.DefinitionParams) -> list[lsp.Location] | None:
    found = _symbol(ls, params.text_document.uri, params.position)
    if found is None:
        return None
    state, _file, index, symbol = found
    if symbol.key.startswith("asset:"):
        kind, _, name = symbol.key[len("asset:"):].partition("/")
        try:
            path = AssetIndex(state.root).find(kind, name)
        except AssetError:
            return None
        return [lsp.Location(uri=path.resolve().as_uri(), range=lsp.Range(start=lsp.Position(line=0, character=0),
                                                                         end=lsp.Position(line=0, character=0)))]
    return [_location(ls, state, s.file, s.start, s.end) for s in index.named(symbol.key, ("def",))] or None


def references(ls: StoryServer, params: lsp.ReferenceParams) -> list[lsp.Location] | None:
    found = _symbol(ls, params.text_document.uri, params.position)
    if found is None:
        return None
    state, _file, index, symbol = found
    roles = None if params.context.include_declaration else ("ref", "read", "write")
    return [_location(ls, state, s.file, s.start, s.end) for s in index.named(symbol.key, roles)]


RENAMABLE = ("label:", "scene:")


def prepare_rename(ls: StoryServer, params: lsp.PrepareRenameParams) -> lsp.PrepareRenamePlaceholder | None:
    found = _symbol(ls, params.text_document.uri, params.position)
    if found is None or not found[3].key.startswith(RENAMABLE):
        return None
    state, file, _index, symbol = found
    placeholder = symbol.key.partition(":")[2].rpartition(".")[2]
    return lsp.PrepareRenamePlaceholder(range=ls.text_index(state, file).range(symbol.start, symbol.end),
                                        placeholder=placeholder)


def rename(ls: StoryServer, params: lsp.RenameParams) -> lsp.WorkspaceEdit | None:
    found = _symbol(ls, params.text_document.uri, params.position)
    if found is None or not found[3].key.startswith(RENAMABLE):
        return None
    state, _file, index, symbol = found
    problem = _rename_problem(index.keys("scene:"), index.keys("label:"), symbol.key, params.new_name)
    if problem is not None:
        raise JsonRpcInvalidParams(problem)
    changes: dict[str, list[lsp.TextEdit]] = {}
    for place in index.named(symbol.key):
        location = _location(ls, state, place.file, place.start, place.end)
        changes.setdefault(location.uri, []).append(lsp.TextEdit(range=location.range, new_text=params.new_name))
    return lsp.WorkspaceEdit(changes=changes)


def _rename_problem(scenes: list[str], labels: list[str], key: str, new: str) -> str | None:
    """Why ``key`` cannot be renamed ``new`` (None when it can)."""
    if not IDENT.match(new):
        return f"{new!r} is not a name: letters, digits and _, not starting with a digit"
    kind, _, old = key.partition(":")
    if kind == "scene":
        if new in scenes:
            return f"there is already a scene {new!r}"
        if any(label.partition(".")[2] == new for label in labels):
            return f"{new!r} is also a label's name: a bare `goto: {new}` would change meaning"
        return None
    scene = old.partition(".")[0]
    if f"{scene}.{new}" in labels:
        return f"the scene {scene!r} already has a label {new!r}"
    if new in scenes:
        return f"{new!r} is a scene's id: a bare `goto: {new}` would go to that scene"
    return None


def hover(ls: StoryServer, params: lsp.HoverParams) -> lsp.Hover | None:
    located = _cursor(ls, params.text_document.uri, params.position)
    if located is None:
        return None
    state, file, offset = located
    index = state.index()
    symbol = index.at(file, offset)
    text = symbol_hover(state.story, index, symbol) if symbol is not None else None
    if text is None:
        text = line_hover(state.story, state.full, file, params.position.line + 1)
    if text is None:
        return None
    return lsp.Hover(contents=lsp.MarkupContent(kind=lsp.MarkupKind.Markdown, value=text))


def build_server() -> StoryServer:
    """A server with every feature registered."""
    ls = StoryServer()
    ls.feature(lsp.TEXT_DOCUMENT_DID_OPEN)(did_open)
    ls.feature(lsp.TEXT_DOCUMENT_DID_CHANGE)(did_change)
    ls.feature(lsp.TEXT_DOCUMENT_DID_SAVE)(did_save)
    ls.feature(lsp.TEXT_DOCUMENT_DID_CLOSE)(did_close)
    ls.feature(lsp.TEXT_DOCUMENT_COMPLETION,
               lsp.CompletionOptions(trigger_characters=[":", " ", "'", "{", "-"]))(completion)
    ls.feature(lsp.TEXT_DOCUMENT_DEFINITION)(definition)
    ls.feature(lsp.TEXT_DOCUMENT_REFERENCES)(references)
    ls.feature(lsp.TEXT_DOCUMENT_PREPARE_RENAME)(prepare_rename)
    ls.feature(lsp.TEXT_DOCUMENT_RENAME)(rename)
    ls.feature(lsp.TEXT_DOCUMENT_HOVER)(hover)
    return ls


def serve(**options: Any) -> None:
    """Serve over stdio until the client says exit."""
    build_server().start_io(**options)
