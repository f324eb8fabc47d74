"""A quiet terminal: what C libraries print while the game opens its window and sound is caught.

On a machine with no sound device, SDL's ALSA backend prints a dozen "ALSA lib
... error" lines while the mixer tries every device.  The game says once, in
its own words, that it runs silently; the library's lines go to the debug log.
Anything else a library prints is passed on unchanged.
"""

from __future__ import annotations

import logging
import os
import sys
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager

log = logging.getLogger(__name__)
LIMIT = 64 * 1024  # bytes of captured output kept


@contextmanager
def library_noise_caught(noisy: tuple[str, ...] = ("ALSA lib",)) -> Iterator[None]:
    """Run the block with file descriptor 2 sent to a temporary file; lines starting with ``noisy`` are dropped."""
    fd = 2  # where C libraries write, whatever Python's sys.stderr is
    try:
        os.fstat(fd)
    except OSError:  # no stderr at all (a windowed build): nothing to quieten
        yield
        return
    sys.stderr.flush()
    saved = os.dup(fd)
    with tempfile.TemporaryFile() as sink:
        os.dup2(sink.fileno(), fd)
        try:
            yield
        finally:
            sys.stderr.flush()
            os.dup2(saved, fd)
            os.close(saved)
            sink.seek(0)
            text = sink.read(LIMIT).decode("utf-8", "replace")
            for line in text.splitlines():
                if line.startswith(noisy):
                    log.debug("%s", line)
                elif line.strip():
                    print(line, file=sys.stderr)
