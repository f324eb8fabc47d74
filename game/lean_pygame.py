"""pygame, imported without the two modules it loads for nothing the game uses.

``import pygame`` also imports numpy (for ``pygame.surfarray`` and ``sndarray``)
and, where setuptools is installed, ``pkg_resources`` (for ``pygame.pkgdata``):
about 100 ms of its 200 ms, paid before the title's first frame and before
every ``starlight check`` measures a line.  The game draws with surfaces, never
arrays, and finds its own files; so while pygame is imported those two are held
back, and pygame falls back quietly (``surfarray`` and ``sndarray`` become its
"missing module" stand-ins, ``pkgdata`` opens files itself).  Nothing is taken
away for later: an ``import numpy`` afterwards works as usual, and a process
that imported them already keeps them.  The desktop build leaves them out for
the same reason (``scripts/build_app.py``).
"""

from __future__ import annotations

import sys
from types import ModuleType
from typing import cast

HELD_BACK = ("numpy", "pkg_resources")


def import_pygame() -> ModuleType:
    """pygame, imported now if it was not yet, with ``HELD_BACK`` kept out of its import."""
    imported = sys.modules.get("pygame")
    if imported is not None:
        return imported
    modules = cast(dict[str, ModuleType | None], sys.modules)
    held = [name for name in HELD_BACK if name not in modules]
    for name in held:
        modules[name] = None  # the import system's "not importable": `import numpy` raises ImportError
    try:
        import pygame
    finally:
        for name in held:
            if name in modules and modules[name] is None:
                del modules[name]
    return pygame
