"""The environment benchmarks start fresh Pythons in: bytecode compiled, as a player's install has it.

pip compiles an installed package's modules to bytecode, and Python writes it for a checkout on the first
run.  A shell that sets PYTHONDONTWRITEBYTECODE (this machine's does) would instead bill every timed
start-up with compiling the game's sources again: 11 ms of a cold load, about a twentieth of it.  So the
bytecode goes to a temporary folder (PYTHONPYCACHEPREFIX), written by a first run that is not counted.
"""

from __future__ import annotations

import os
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager


@contextmanager
def compiled_env(extra: dict[str, str] | None = None) -> Iterator[dict[str, str]]:
    """This process's environment (with ``extra``) that lets Python write and keep bytecode, for this block."""
    with tempfile.TemporaryDirectory() as pycache:
        env = {**os.environ, **(extra or {}), "PYTHONPYCACHEPREFIX": pycache}
        env.pop("PYTHONDONTWRITEBYTECODE", None)
        yield env
