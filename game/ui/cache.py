"""A cache bounded by bytes that forgets the least recently used entry first.

The game's pictures, rendered text, panels and sounds are kept so that a frame
never waits for the disk or a decoder, but a story may name any number of them:
each cache holds at most ``budget`` bytes (as its ``size_of`` measures them)
and drops the entries used longest ago to make room.  One entry larger than the
whole budget is not kept at all (the caller still gets it; it is made again when
asked for again).
"""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Callable, Hashable, Iterator
from typing import Generic, TypeVar

K = TypeVar("K", bound=Hashable)
V = TypeVar("V")


class ByteLRU(Generic[K, V]):
    """``key -> value`` holding at most ``budget`` bytes; ``get`` and ``put`` make an entry the most recent."""

    def __init__(self, budget: int, size_of: Callable[[V], int]) -> None:
        if budget < 0:
            raise ValueError(f"a cache budget cannot be negative ({budget})")
        self._budget = budget
        self.size_of = size_of
        self._entries: OrderedDict[K, tuple[V, int]] = OrderedDict()
        self._bytes = 0
        self.evicted = 0  # entries dropped to make room, since the start (for tests and benchmarks)

    @property
    def budget(self) -> int:
        return self._budget

    @budget.setter
    def budget(self, budget: int) -> None:
        """A new bound; entries are dropped at once if they no longer fit."""
        if budget < 0:
            raise ValueError(f"a cache budget cannot be negative ({budget})")
        self._budget = budget
        self._shrink()

    @property
    def bytes(self) -> int:
        """What the entries held now weigh, as ``size_of`` measured them when they were put."""
        return self._bytes

    def __len__(self) -> int:
        return len(self._entries)

    def __contains__(self, key: object) -> bool:
        return key in self._entries

    def __iter__(self) -> Iterator[K]:
        """The keys, least recently used first."""
        return iter(list(self._entries))

    def get(self, key: K) -> V | None:
        entry = self._entries.get(key)
        if entry is None:
            return None
        self._entries.move_to_end(key)
        return entry[0]

    def peek(self, key: K) -> V | None:
        """The value without making it more recent."""
        entry = self._entries.get(key)
        return None if entry is None else entry[0]

    def put(self, key: K, value: V) -> bool:
        """Keep ``value`` as the most recent entry, dropping the least recent ones to make room.

        False (and nothing kept) when ``value`` alone is larger than the budget.
        """
        self.discard(key)
        size = self.size_of(value)
        if size > self._budget:
            return False
        self._entries[key] = (value, size)
        self._bytes += size
        self._shrink()
        return True

    def discard(self, key: K) -> None:
        entry = self._entries.pop(key, None)
        if entry is not None:
            self._bytes -= entry[1]

    def discard_where(self, drop: Callable[[K], bool]) -> None:
        """Drop every entry whose key ``drop`` selects."""
        for key in [k for k in self._entries if drop(k)]:
            self.discard(key)

    def clear(self) -> None:
        self._entries.clear()
        self._bytes = 0

    def _shrink(self) -> None:
        while self._bytes > self._budget and self._entries:
            _, (_, size) = self._entries.popitem(last=False)
            self._bytes -= size
            self.evicted += 1
