"""``starlight capture``: a picture of every reachable line and choice, as the player sees it.

Finding: decision states (choices and maps) are walked breadth-first with the
real runtime, like the explorer does, but between two decisions the story is
played event by event so that the stage (Presentation) is known at each line.
Every Line, Choice and Map op gets the first state at which it is presented, so
each picture is reached by the shortest list of choices.  The walk stops as
soon as every op the explorer found reachable has its picture.

Rendering: the real PlayScreen draws each of those moments onto an off-screen
1280x720 surface (SDL's dummy video driver, no window): background and
characters on stage, the text box typed out in full, the choice buttons (with
the line they follow in the box), a map's hotspot list.  Silent: no sound is
played or even loaded.

Output: one PNG per step, named ``NNNN-scene-line.png`` in the order found
(shortest first), ``lines.csv`` (file, line, speaker, text, png) and a
self-contained ``index.html`` (thumbnails inline, no external resources).
"""

from __future__ import annotations

import base64
import csv
import html
import io
import os
import struct
import tempfile
import time
import zlib
from collections import deque
from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from game.story import model as m
from game.story.runtime import ChoiceEvent, MapEvent, Runtime, State, StoryRuntimeError

from .presentation import Presentation

MAX_SEGMENT_EVENTS = 200_000  # events between two decisions before a line loop is given up on
THUMBNAIL = (320, 180)


@dataclass
class Step:
    """One line, choice or map to picture, and how the player first gets there."""

    number: int
    kind: str  # "line" | "choice" | "map"
    scene: str
    pos: m.Pos
    state: State  # at the op
    presentation: Presentation  # the stage just before the op is shown
    event: Any  # the Line op, ChoiceEvent or MapEvent
    under: m.Line | None  # for a choice or map: the line the text box still shows
    path: tuple[int, ...]  # visible option indices taken to get here

    @property
    def png(self) -> str:
        return f"{self.number:04d}-{self.scene}-{self.pos.line}.png"


@dataclass
class Capture:
    """What ``capture`` did."""

    steps: list[Step] = field(default_factory=list)
    language: str = ""
    out: Path = Path(".")
    find_seconds: float = 0.0
    render_seconds: float = 0.0
    complete: bool = True  # every reachable line and choice was found

    @property
    def lines(self) -> int:
        return sum(1 for s in self.steps if s.kind == "line")

    @property
    def seconds(self) -> float:
        return self.find_seconds + self.render_seconds


# --- finding ---


class _LazyTrace(dict):  # type: ignore[type-arg]
    """A coverage record for ``Runtime.seek`` that allocates only the scenes a walk enters."""

    def __init__(self, sizes: list[int]) -> None:
        super().__init__()
        self.sizes = sizes

    def __missing__(self, scene: int) -> bytearray:
        covered = bytearray(self.sizes[scene])
        self[scene] = covered
        return covered


@dataclass
class _Walked:
    state: State  # at the decision the walk stopped at
    presentation: Presentation
    last: m.Line | None


def find_steps(story: m.Story, max_states: int = 2_000_000) -> tuple[list[Step], bool]:
    """Every reachable line, choice and map with its first (shortest-path) state; and whether all were found.

    Decision states are numbered breadth-first as the explorer numbers them.  Each option's way to
    the next decision is first run at full speed (``seek`` through lines, with a coverage record of
    only the scenes it enters); only a way that shows something not pictured yet is played again
    event by event, with the stage known at its start (itself rebuilt, when needed, by playing the
    ways that led there).  So the cost stays close to one exploration of the story.
    """
    from game.check.explore import explore

    found = explore(story, max_states=max_states)
    runtime = Runtime(story)
    sizes = [len(scene.ops) for scene in story.scenes]
    pending: dict[int, bytearray] = {}  # scene -> 1 at each reachable line / choice / map not pictured yet
    for scene, pc in found.reached:
        if story.scenes[scene].ops[pc].kind in (m.LINE, m.CHOICE, m.MAP):
            pending.setdefault(scene, bytearray(sizes[scene]))[pc] = 1
    pending_bits = {scene: int.from_bytes(marks, "little") for scene, marks in pending.items()}
    missing = [sum(marks.count(1) for marks in pending.values())]
    steps: dict[tuple[int, int], Step] = {}
    states: list[State] = []
    parent: list[int] = []
    option: list[int] = []  # the option index (for choose) that led here from the parent
    visible_no: list[int] = []  # ... and its number among the visible options (for the path)
    number: dict[State, int] = {}
    stage: dict[int, tuple[Presentation, m.Line | None]] = {}

    def path_of(node: int) -> tuple[int, ...]:
        taken = []
        while node >= 0 and parent[node] >= 0:
            taken.append(visible_no[node])
            node = parent[node]
        return tuple(reversed(taken))

    def record(kind: str, state: State, presentation: Presentation, event: Any, under: m.Line | None,
               path: Callable[[], tuple[int, ...]]) -> None:
        key = (state.scene, state.pc)
        if key in steps:
            return
        steps[key] = Step(len(steps) + 1, kind, story.scenes[state.scene].id, runtime.op_at(state).pos, state,
                          presentation, event, under, path())
        marks = pending.get(state.scene)
        if marks is not None and marks[state.pc]:
            marks[state.pc] = 0
            pending_bits[state.scene] = int.from_bytes(marks, "little")
            missing[0] -= 1

    def walk(state: State, presentation: Presentation, last: m.Line | None,
             path: Callable[[], tuple[int, ...]]) -> _Walked | None:
        """Play event by event to the next decision, picturing new lines; None at an ending or a dead loop."""
        looping: set[State] = set()
        try:
            for _ in range(MAX_SEGMENT_EVENTS):
                state, event = runtime.present(state)
                if isinstance(event, (ChoiceEvent, MapEvent)):
                    return _Walked(state, presentation, last)
                kind = event.kind
                if kind == m.ENDING:
                    return None
                if kind == m.LINE:
                    if (state.scene, state.pc) not in steps:
                        record("line", state, presentation, event, last, path)
                    elif state in looping:
                        return None  # a loop of lines with no choice: every line of it is pictured
                    else:
                        looping.add(state)
                    last = event
                presentation = presentation.apply(event)
                state = runtime.advance(state)
        except StoryRuntimeError:
            return None
        return None

    def stage_at(node: int) -> tuple[Presentation, m.Line | None]:
        """The stage (and the line in the text box) at decision ``node``, replaying the ways there if needed."""
        chain = []
        while node not in stage:
            chain.append(node)
            node = parent[node]
        for child in reversed(chain):
            presentation, last = stage[parent[child]]
            walked = walk(runtime.choose(states[parent[child]], option[child]), presentation, last,
                          lambda child=child: path_of(child))  # type: ignore[misc]
            assert walked is not None and walked.state == states[child]
            stage[child] = (walked.presentation, walked.last)
        return stage[chain[0] if chain else node]

    def add(state: State, from_node: int, index: int, visible: int,
            seen: tuple[Presentation, m.Line | None] | None) -> None:
        if state in number:
            return
        node = len(states)
        number[state] = node
        states.append(state)
        parent.append(from_node)
        option.append(index)
        visible_no.append(visible)
        if seen is not None:
            stage[node] = seen
        if (state.scene, state.pc) not in steps:
            presentation, last = stage_at(node)
            event = runtime.event_at(state)
            record("choice" if isinstance(event, ChoiceEvent) else "map", state, presentation, event, last,
                   lambda: path_of(node))

    first = walk(runtime.start(), Presentation(), None, tuple)
    if first is not None:
        add(first.state, -1, -1, -1, (first.presentation, first.last))
    node = 0
    while node < len(states) and missing[0] > 0 and len(states) <= max_states:
        state = states[node]
        for visible, index in enumerate(runtime.visible(state)):
            try:
                child = runtime.choose(state, index)
            except StoryRuntimeError:
                continue
            trace = _LazyTrace(sizes)
            try:
                end: State | None = runtime.seek(child, trace, through=True)
                new = any(pending_bits.get(scene, 0) & int.from_bytes(covered, "little")
                          for scene, covered in trace.items())
            except StoryRuntimeError:
                end, new = None, True  # a loop of lines, say: play it event by event
            if new:
                presentation, last = stage_at(node)
                walked = walk(child, presentation, last, lambda node=node, visible=visible: path_of(node) + (visible,))  # type: ignore[misc]
                if walked is not None:
                    add(walked.state, node, index, visible, (walked.presentation, walked.last))
            elif end is not None and runtime.op_at(end).kind != m.ENDING:
                add(end, node, index, visible, None)
        node += 1
    return list(steps.values()), found.complete and missing[0] == 0


# --- rendering ---


class _Silent:
    """Audio that plays nothing (captures are pictures)."""

    current_music: str | None = None

    def play_music(self, name: str | None, fade: float = 1.5) -> None:
        self.current_music = name

    def play_sfx(self, name: str) -> None:
        pass

    def set_volumes(self, master: float, music: float, sfx: float) -> None:
        pass

    def forget(self) -> None:
        pass

    def update(self) -> None:
        pass


class Renderer:
    """Draws steps with the game's own play screen onto an off-screen surface."""

    def __init__(self, story: m.Story, language: str, ui_root: Path, data_dir: Path,
                 text_size: str = "medium") -> None:
        os.environ.setdefault("SDL_VIDEODRIVER", "dummy")
        os.environ.setdefault("SDL_AUDIODRIVER", "dummy")
        os.environ.setdefault("PYGAME_HIDE_SUPPORT_PROMPT", "1")
        import pygame

        from game.persist.progress import Progress
        from game.persist.saves import SaveStore
        from game.persist.settings import Settings

        from .app import Context, Options
        from .resources import Resources
        from .view import HEIGHT, WIDTH, View

        pygame.font.init()
        if not pygame.display.get_init() or pygame.display.get_surface() is None:
            # A (dummy, 1x1) display lets pictures be converted to the screen format: blits get faster.
            pygame.display.init()
            pygame.display.set_mode((1, 1))
            self.opened_display = True
        else:
            self.opened_display = False
        self.pygame = pygame
        self.story = story
        options = Options(story_root=story.root, ui_root=ui_root, data_dir=data_dir, language=language,
                          window=False)
        settings = Settings(language=language, text_speed=0, text_size=text_size)
        view = View((WIDTH, HEIGHT))
        self.ctx = Context(options, view, Resources(story.root, ui_root, view), _Silent(),  # type: ignore[arg-type]
                           settings, SaveStore(data_dir / "saves"), Progress(), story, [])
        self.surface = pygame.Surface((WIDTH, HEIGHT))
        self.runtime = Runtime(story)
        self.play: Any = None

    def render(self, step: Step) -> Any:
        """The picture of ``step`` (a pygame Surface, reused: copy it to keep it)."""
        from .screens.play import PlayScreen
        from .session import Session

        session = Session(self.runtime, step.state, step.presentation)
        if self.play is None:
            self.play = PlayScreen(self.ctx, session)
        play = self.play
        play.session = session
        session.on_event = play.on_story_event
        play.pending.clear()
        play.skipping = play.auto = play.hidden = False
        self.ctx.stack[:] = [play]
        play.show(session.start(), instant=True)
        if step.kind != "line":  # the text box keeps the line the choice follows
            if step.under is not None:
                play.show_line(step.under, complete=True)
            else:
                play.box.set_line("", None, None, True)
        play.stage.finish()
        play.box.finish()
        play.hold = 0.0
        play.pending_autosave = False
        stack = self.ctx.stack
        first = max((i for i, s in enumerate(stack) if s.opaque), default=0)
        for screen in stack[first:]:
            screen.draw(self.surface)
        return self.surface

    def close(self) -> None:
        if self.opened_display:
            self.pygame.display.quit()

    def png_data(self, surface: Any) -> tuple[bytes, int, int]:
        """The surface's RGB pixels and size, for ``encode_png`` (which may run on another thread)."""
        width, height = surface.get_size()
        return self.pygame.image.tobytes(surface, "RGB"), width, height

    def thumbnail(self, surface: Any) -> str:
        """A small JPEG of ``surface`` as a data: URI (PNG when JPEG is unavailable)."""
        pygame = self.pygame
        small = pygame.transform.smoothscale(surface, THUMBNAIL)
        if pygame.image.get_extended():
            buffer = io.BytesIO()
            pygame.image.save(small, buffer, "thumbnail.jpg")
            return "data:image/jpeg;base64," + base64.b64encode(buffer.getvalue()).decode("ascii")
        from .png import encode_png
        return "data:image/png;base64," + base64.b64encode(encode_png(small)).decode("ascii")


def encode_png(raw: bytes, width: int, height: int, path: Path) -> None:
    """Write 8-bit RGB pixels as a PNG; zlib works outside the GIL, so several of these run at once."""
    stride = width * 3
    rows = b"".join(b"\x00" + raw[y * stride:(y + 1) * stride] for y in range(height))

    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)

    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    path.write_bytes(b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(rows, 3))
                     + chunk(b"IEND", b""))


def speaker_and_text(story: m.Story, step: Step, lang: str) -> tuple[str, str]:
    """What the name plate and the text say (options joined by " / ", hotspots by ", ")."""
    event = step.event
    if step.kind == "line":
        character = story.characters.get(event.speaker)
        return (character.name.get(lang) if character else ""), event.text.get(lang)
    if step.kind == "choice":
        return "", " / ".join(o.text.get(lang) for o in event.options)
    return "", f"map {event.map.name}: " + ", ".join(h.hotspot.name for h in event.hotspots)


def capture(story: m.Story, out: Path, language: str | None = None, *, ui_root: Path | None = None,
            text_size: str = "medium", progress: Callable[[int, int], None] | None = None) -> Capture:
    """Write a PNG per reachable line / choice / map of ``story`` into ``out``, with lines.csv and index.html."""
    from game.paths import shipped_story

    lang = language or story.primary_language
    if lang not in story.languages:
        raise ValueError(f"the story has no language {lang!r} (it has {', '.join(story.languages)})")
    result = Capture(language=lang, out=out)
    started = time.perf_counter()
    result.steps, result.complete = find_steps(story)
    result.find_seconds = time.perf_counter() - started
    out.mkdir(parents=True, exist_ok=True)
    started = time.perf_counter()
    thumbs: list[str] = []
    workers = min(8, os.cpu_count() or 2)
    with tempfile.TemporaryDirectory(prefix="starlight-capture-") as data_dir, \
            ThreadPoolExecutor(max_workers=workers) as pool:
        renderer = Renderer(story, lang, ui_root or shipped_story(), Path(data_dir), text_size)
        try:
            writes: deque[Future[None]] = deque()
            for i, step in enumerate(result.steps):
                surface = renderer.render(step)
                # Each queued write holds a frame of pixels (2.7 MB): when rendering outruns the encoders,
                # wait for the oldest, so the queue (and memory) stays bounded however long the story.
                while len(writes) >= 2 * workers:
                    writes.popleft().result()
                writes.append(pool.submit(encode_png, *renderer.png_data(surface), out / step.png))
                thumbs.append(renderer.thumbnail(surface))
                if progress is not None:
                    progress(i + 1, len(result.steps))
            for write in writes:
                write.result()  # raises the first error (a full disk ...)
        finally:
            renderer.close()
    result.render_seconds = time.perf_counter() - started
    rows = [(step, *speaker_and_text(story, step, lang)) for step in result.steps]
    with open(out / "lines.csv", "w", encoding="utf-8", newline="") as f:
        writer = csv.writer(f)
        writer.writerow(["file", "line", "speaker", "text", "png", "kind", "choices"])
        for step, speaker, text in rows:
            writer.writerow([step.pos.file, step.pos.line, speaker, text, step.png, step.kind,
                             " ".join(str(i) for i in step.path)])
    (out / "index.html").write_text(index_html(story, result, rows, thumbs), encoding="utf-8")
    return result


_STYLE = """
body{margin:0;background:#0b0d1a;color:#f4f1ea;font:14px/1.4 system-ui,sans-serif}
header{padding:16px 24px;border-bottom:1px solid #2a2f45}
h1{margin:0 0 4px;font-size:20px} header p{margin:0;color:#a9b4c8}
main{display:grid;grid-template-columns:repeat(auto-fill,minmax(330px,1fr));gap:14px;padding:18px 24px}
figure{margin:0;background:#151a2e;border:1px solid #2a2f45;border-radius:8px;overflow:hidden}
figure img{display:block;width:100%;aspect-ratio:16/9}
figcaption{padding:8px 10px}
.where{color:#9ad1ff;font-family:ui-monospace,monospace;font-size:12px}
.kind{float:right;color:#ffc27a;font-size:12px} .who{font-weight:bold} .path{color:#a9b4c8;font-size:12px}
a{color:inherit;text-decoration:none}
"""


def index_html(story: m.Story, result: Capture, rows: list[tuple[Step, str, str]], thumbs: list[str]) -> str:
    lang = result.language
    esc = html.escape
    cards = []
    for (step, speaker, text), thumb in zip(rows, thumbs):
        who = f'<span class="who">{esc(speaker)}:</span> ' if speaker else ""
        path = "[" + ", ".join(str(i) for i in step.path) + "]"
        cards.append(
            f'<figure id="s{step.number}"><a href="{esc(step.png)}"><img src="{thumb}" alt="{esc(step.png)}" '
            f'loading="lazy"></a><figcaption><span class="kind">#{step.number} {step.kind}</span>'
            f'<div class="where">{esc(step.pos.file)}:{step.pos.line}</div><div>{who}{esc(text)}</div>'
            f'<div class="path">choices {esc(path)}</div></figcaption></figure>')
    title = story.title.get(lang)
    summary = (f"{result.lines} lines, {len(rows) - result.lines} choices and maps, language {lang}"
               + ("" if result.complete else " — INCOMPLETE: some reachable steps were not found"))
    return (f'<!DOCTYPE html>\n<html lang="{esc(lang)}"><head><meta charset="utf-8">'
            f'<title>{esc(title)} — capture ({esc(lang)})</title><style>{_STYLE}</style></head>\n'
            f'<body><header><h1>{esc(title)}</h1><p>{esc(summary)}. Each picture is reached by the shortest '
            f'list of choices (visible option numbers, from 0); click one for the full picture.</p></header>\n'
            f'<main>\n' + "\n".join(cards) + '\n</main></body></html>\n')
