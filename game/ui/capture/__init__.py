"""``starlight capture``: a picture of every reachable line and choice, as the player sees it.

Finding the stops is the checker's (``game.check.stops``: each line, choice and
map with the shortest list of choices that reaches it and the stage there).
Rendering is here: the real play screen draws each stop onto an off-screen
1280x720 surface (SDL's dummy video driver, no window, no sound): background
and characters, the text box typed out in full, the choice buttons over the
line they follow, a map's screen.  Output: one PNG per stop named
``NNNN-scene-line.png`` in the order found (shortest first), ``lines.csv`` and
a self-contained ``index.html``.
"""

from __future__ import annotations

import os
import tempfile
import time
from collections import deque
from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor
from pathlib import Path

from game.check.stops import Step, find_stops
from game.story import model as m

from ..png import png_bytes
from .outcome import Capture
from .render import Renderer
from .report import index_html, speaker_and_text, write_csv

__all__ = ["Capture", "Step", "capture", "find_stops"]


def _write_png(raw: bytes, width: int, height: int, path: Path) -> None:
    """One picture's file (zlib runs outside the GIL, so several of these run at once)."""
    path.write_bytes(png_bytes(raw, width, height, level=3))


def capture(story: m.Story, out: Path, language: str | None = None, *, ui_root: Path | None = None,
            text_size: str = "medium", progress: Callable[[int, int], None] | None = None) -> Capture:
    """Write a PNG per reachable line / choice / map of ``story`` into ``out``, with lines.csv and index.html."""
    from game.paths import shipped_story

    lang = language or story.primary_language
    if lang not in story.languages:
        raise ValueError(f"the story has no language {lang!r} (it has {', '.join(story.languages)})")
    result = Capture(language=lang, out=out)
    started = time.perf_counter()
    result.steps, result.complete = find_stops(story)
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
                # Each queued write holds a frame of pixels (2.7 MB): when rendering outruns the encoders,
                # wait for the oldest, so the queue (and memory) stays bounded however long the story.
                while len(writes) >= 2 * workers:
                    writes.popleft().result()
                surface = renderer.render(step)
                covered = renderer.collisions()
                if covered:
                    result.collisions[step.number] = covered
                writes.append(pool.submit(_write_png, *renderer.png_data(surface), out / step.png))
                thumbs.append(renderer.thumbnail(surface))
                if progress is not None:
                    progress(i + 1, len(result.steps))
            for write in writes:
                write.result()  # raises the first error (a full disk ...)
        finally:
            renderer.close()
    result.render_seconds = time.perf_counter() - started
    rows = [(step, *speaker_and_text(story, step, lang)) for step in result.steps]
    write_csv(out / "lines.csv", rows, result.collisions)
    (out / "index.html").write_text(index_html(story, result, rows, thumbs), encoding="utf-8")
    return result
