"""Seeded randomness: every asset takes its random numbers from ``rng(name)`` alone, so changing one
picture never changes another and two runs give the same bytes."""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from typing import TypeVar

import numpy as np

T = TypeVar("T")


def rng(name: str) -> np.random.Generator:
    """A random generator seeded by ``name`` alone (the first 8 bytes of its SHA-256)."""
    seed = int.from_bytes(hashlib.sha256(name.encode()).digest()[:8], "little")
    return np.random.default_rng(seed)


def choice(r: np.random.Generator, items: Sequence[T]) -> T:
    """One of ``items``, drawn with one integer from ``r`` (unlike ``r.choice``, keeps the item's type)."""
    return items[int(r.integers(0, len(items)))]
