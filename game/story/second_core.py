"""Reading a large story's scene files on two cores: a forked helper parses from the first file, the loader from the last.

Parsing YAML is most of a cold load, and a parse in Python holds the one
interpreter lock, so a second core can only help from a second process.  When
it pays (Linux, two free cores, many files, and no other thread in this
process: forking beside a running thread is unsafe), the loader starts a
``Helper`` before it even imports the reader, and the two take files from
opposite ends of the list until they meet:

- the loader reads and parses its files as it always does (``read_one``:
  ``yamlsrc``, problems reported as usual);
- the helper reads its files with the same confined reader
  (``yamlsrc.read_story_file``), parses them, and appends their events in
  compact form (``yamlcompact``) to an in-memory file; between its own files
  the loader builds the same trees from what the helper has written.

Where both claim a file (they meet without a lock), the loader keeps its own.
Every file the helper could not do plainly (unreadable, bad UTF-8, a syntax
error, a tag, an anchor, anything ``yamlsrc`` reports), and every file it did
not get to (if it died), the loader reads itself, so problems are found and
worded exactly as in a load on one core.  What the helper writes is data from
our own process through a private file, never story bytes: ``marshal`` builds
tuples and strings from it, and nothing is run.
"""

from __future__ import annotations

import contextlib
import marshal
import mmap
import os
import signal
import struct
import sys
import threading
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from .storyfiles import scene_entries, scenes_folder_inside

MIN_FILES = 150  # below this many scene files a second process costs about what it saves (measured: even at 100)
_BATCH = 16  # files per record the helper writes
_RECORD = struct.Struct("<I")  # a record: its length, then marshal of [(file number, events or None), ...]
# Shared between the two, each slot written by one: the helper's next file (it has claimed those before),
# the lowest file the loader has claimed (it claims downwards from the last), and the bytes of whole
# records the helper has written.
_SLOT = struct.Struct("<q")
_HELPER_NEXT, _LOADER_LOWEST, _WRITTEN = 0, _SLOT.size, 2 * _SLOT.size
_MISSING: Any = object()  # a file not read yet

# (a scene file relative to the story folder, whether it is a link: see ``storyfiles.scene_entries``)
Entry = tuple[str, bool]


def helper_pays(count: int) -> bool:
    """Whether a helper process would speed up reading ``count`` scene files here and now."""
    if count < MIN_FILES or not sys.platform.startswith("linux") or not hasattr(os, "memfd_create"):
        return False
    if len(os.sched_getaffinity(0)) < 2:
        return False
    return threading.active_count() == 1 and _os_threads() == 1


def _os_threads() -> int:
    """Threads of this process as the system counts them (a library's threads too), 0 if unknown."""
    try:
        return len(os.listdir("/proc/self/task"))
    except OSError:
        return 0


class Helper:
    """A helper process parsing a story's scene files from the first one up, until the loader meets it."""

    def __init__(self, root: Path, entries: list[Entry]) -> None:
        self.root = str(root)
        self.entries = entries
        self.shared = mmap.mmap(-1, 3 * _SLOT.size)  # anonymous and shared: each sees what the other writes
        _SLOT.pack_into(self.shared, _HELPER_NEXT, 0)
        _SLOT.pack_into(self.shared, _LOADER_LOWEST, len(entries))
        _SLOT.pack_into(self.shared, _WRITTEN, 0)
        try:
            self.out = os.memfd_create("starlight-scenes", os.MFD_CLOEXEC)
        except OSError:
            self.shared.close()
            raise
        self.pid = 0
        self.taken = 0  # bytes of the helper's records built so far
        self.results: list[Any] = [_MISSING] * len(entries)

    @classmethod
    def start(cls, root: Path) -> Helper | None:
        """A running helper for the scene files of ``root``, or None when one would not pay."""
        if not scenes_folder_inside(root):
            return None
        entries = scene_entries(root)
        if not helper_pays(len(entries)):
            return None
        # The parser, imported once before the fork rather than by both processes after it: the same
        # wall time (the loader needs it first thing anyway), 10 ms less CPU.
        from . import yamlcompact  # noqa: F401
        try:
            helper = cls(root, entries)
        except OSError:  # no in-memory file or shared memory here (a locked-down sandbox): one core, then
            return None
        try:
            helper.pid = os.fork()
        except OSError:  # (out of processes)
            helper.stop()
            return None
        if helper.pid == 0:  # the helper process: it never returns into the loader's code
            status = 1
            try:
                _parse_from_first(helper.root, entries, helper.shared, helper.out)
                status = 0
            finally:
                os._exit(status)
        return helper

    def read(self, read_one: Callable[[int], Any]) -> list[Any]:
        """``read_one(i)`` for each entry, in order, except where the helper's tree stands in for it."""
        shared, results = self.shared, self.results
        index = len(results) - 1
        while index >= 0 and index >= _SLOT.unpack_from(shared, _HELPER_NEXT)[0]:
            _SLOT.pack_into(shared, _LOADER_LOWEST, index)
            results[index] = read_one(index)
            index -= 1
            # building the helper's trees as they come keeps both busy until they meet
            self.take(_SLOT.unpack_from(shared, _WRITTEN)[0])
        self._reap()
        self.take(os.fstat(self.out).st_size)  # (a helper that died may have left part of a record: not read)
        return [read_one(i) if result is _MISSING else result for i, result in enumerate(results)]

    def take(self, written: int) -> None:
        """Build the trees of the helper's whole records up to byte ``written``."""
        from .yamlcompact import build

        while self.taken + _RECORD.size <= written:
            (length,) = _RECORD.unpack(os.pread(self.out, _RECORD.size, self.taken))
            start = self.taken + _RECORD.size
            if start + length > written:
                return
            for number, events in marshal.loads(os.pread(self.out, length, start)):
                if self.results[number] is _MISSING and events is not None:
                    tree = build(events, self.entries[number][0])
                    if tree is not None:
                        self.results[number] = tree
            self.taken = start + length

    def _reap(self) -> None:
        """Wait for the helper to end."""
        # (it may have been reaped already by a program's own SIGCHLD handler: what it wrote is still there)
        with contextlib.suppress(ChildProcessError):
            os.waitpid(self.pid, 0)
        self.pid = 0

    def stop(self) -> None:
        """End the helper (at once, if the load ended before meeting it) and free what it used."""
        if self.pid:
            try:
                ended, _ = os.waitpid(self.pid, os.WNOHANG)
            except ChildProcessError:  # reaped by a program's own handler: its number may be another's now
                ended = self.pid
            if not ended:  # (still running, and unreaped: the number is surely still the helper's)
                os.kill(self.pid, signal.SIGKILL)
                self._reap()
            self.pid = 0
        if self.out >= 0:
            os.close(self.out)
            self.out = -1
            self.shared.close()


# --- in the helper process ---

def _parse_from_first(root: str, entries: Sequence[Entry], shared: mmap.mmap, out: int) -> None:
    """Parse files from the first one up until the loader's claims are reached; write them in records."""
    import yaml

    from . import yamlcompact
    from .files import FileRefused
    from .yamlsrc import event_parser, read_story_file

    def compact_file(path: str, listed: bool) -> Any:
        """One file's events in compact form, or None to leave the file to the loader (which reports why)."""
        try:
            data = read_story_file(path, root, listed=listed)  # (it refuses a file over the size limit)
            text = data.decode("utf-8-sig")
        except (FileRefused, UnicodeDecodeError):
            return None
        parser = event_parser(text)
        try:
            return yamlcompact.encode(parser)
        except yaml.YAMLError:
            return None
        finally:
            parser.dispose()

    batch: list[tuple[int, Any]] = []
    index = written = 0
    while index < _SLOT.unpack_from(shared, _LOADER_LOWEST)[0]:
        _SLOT.pack_into(shared, _HELPER_NEXT, index + 1)
        file, is_link = entries[index]
        batch.append((index, compact_file(os.path.join(root, file), not is_link)))
        index += 1
        if len(batch) == _BATCH:
            written = _write(out, batch, written)
            _SLOT.pack_into(shared, _WRITTEN, written)
            batch = []
    if batch:
        _SLOT.pack_into(shared, _WRITTEN, _write(out, batch, written))


def _write(out: int, batch: list[tuple[int, Any]], written: int) -> int:
    """Append one record; return the bytes written in all."""
    body = marshal.dumps(batch)
    data = _RECORD.pack(len(body)) + body
    while data:
        done = os.write(out, data)
        written += done
        data = data[done:]
    return written
