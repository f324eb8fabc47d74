"""What one ``starlight capture`` run did."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from game.check.stops import Step


@dataclass
class Capture:
    """What ``capture`` did."""

    steps: list[Step] = field(default_factory=list)
    language: str = ""
    out: Path = Path(".")
    find_seconds: float = 0.0
    render_seconds: float = 0.0
    complete: bool = True  # every reachable line and choice was found
    collisions: dict[int, list[str]] = field(default_factory=dict)  # step number -> what covers what

    @property
    def lines(self) -> int:
        return sum(1 for s in self.steps if s.kind == "line")

    @property
    def seconds(self) -> float:
        return self.find_seconds + self.render_seconds


