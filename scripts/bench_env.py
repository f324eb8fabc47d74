"""How benchmarks run fresh processes: with compiled bytecode, and measured for their own peak memory alone.

pip compiles an installed package's modules to bytecode, and Python writes it for a checkout on the first
run.  A shell that sets PYTHONDONTWRITEBYTECODE (this machine's does) would instead bill every timed
start-up with compiling the game's sources again: 11 ms of a cold load, about a twentieth of it.  So the
bytecode goes to a temporary folder (PYTHONPYCACHEPREFIX), written by a first run that is not counted.

A process's peak resident memory as Linux reports it (``ru_maxrss``) starts from its parent's: a
child spawned by a process of 280 MB reports at least 280 MB, whatever it uses itself, because the
kernel keeps the high-water mark of the memory it replaces when it starts the child's program.  So a
measured command is started by a small launcher process, whose few MB are below any game's.
"""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager

# Runs argv[1:], then appends "peak-rss-kb PEAK EXIT" to the standard output they shared.
_LAUNCHER = ("import os, sys\n"
             "pid = os.posix_spawnp(sys.argv[1], sys.argv[1:], os.environ)\n"
             "_, status, usage = os.wait4(pid, 0)\n"
             "sys.stdout.write(f'\\npeak-rss-kb {usage.ru_maxrss} {os.waitstatus_to_exitcode(status)}\\n')\n")


@contextmanager
def compiled_env(extra: dict[str, str] | None = None) -> Iterator[dict[str, str]]:
    """This process's environment (with ``extra``) that lets Python write and keep bytecode, for this block."""
    with tempfile.TemporaryDirectory() as pycache:
        env = {**os.environ, **(extra or {}), "PYTHONPYCACHEPREFIX": pycache}
        env.pop("PYTHONDONTWRITEBYTECODE", None)
        yield env


def peak_of(command: list[str], env: dict[str, str], cwd: str | os.PathLike[str]) -> tuple[float, str]:
    """Run ``command`` (its errors unseen); its own peak resident memory in MB and its standard output.

    Raises RuntimeError, with the end of the output, if it fails.
    """
    with tempfile.TemporaryFile() as out:
        subprocess.run([sys.executable, "-c", _LAUNCHER, *command], env=env, cwd=cwd, stdout=out,
                       stderr=subprocess.DEVNULL, check=True)
        out.seek(0)
        text = out.read().decode("utf-8", "replace")
    text, _, report = text.rstrip("\n").rpartition("\n")
    _, peak_kb, code = report.split()
    if code != "0":
        raise RuntimeError(f"{' '.join(command)} failed ({code}): {text[-500:]}")
    return round(int(peak_kb) / 1024, 1), text
