"""The explorer's default caps, apart from the explorer so that a command line can show them cheaply."""

from __future__ import annotations

MB = 1024 * 1024
DEFAULT_MAX_STATES = 2_000_000
DEFAULT_MAX_MEMORY = 512 * MB  # bytes of the explorer's own structures (the shipped story needs ~150 MB)
