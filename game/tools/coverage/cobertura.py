"""The coverage report as Cobertura XML, the format CI dashboards (GitLab, Jenkins, Azure...) read.

Each scene file is a class (its folder the package); each source line holding
a line, label, option, hotspot or ending is a line, hit when all its items were
reached; each choice is a branching line whose conditions are its options.
"""

from __future__ import annotations

import time
from pathlib import Path, PurePosixPath
from xml.etree import ElementTree as ET

from .measure import Coverage


def _rate(covered: int, total: int) -> str:
    return f"{covered / total:.4f}" if total else "1"


def _lines(coverage: Coverage, file: str) -> tuple[list[ET.Element], int, int, int, int]:
    """The <line> elements of ``file``, and (lines hit, lines, branches taken, branches)."""
    elements = []
    hit_lines = branches_taken = branches = 0
    by_line = coverage.by_line(file)
    numbers = sorted(set(by_line) | {line for (f, line) in coverage.choices if f == file})
    for number in numbers:
        items = by_line.get(number, [])
        choice = coverage.choices.get((file, number))
        reached = all(item.covered for item in items) if items else bool(choice and choice[0])
        line = ET.Element("line", number=str(number), hits="1" if reached else "0", branch="false")
        if choice is not None:
            _, taken, total = choice
            line.set("branch", "true")
            line.set("condition-coverage", f"{round(100 * taken / total) if total else 100}% ({taken}/{total})")
            branches_taken += taken
            branches += total
        hit_lines += reached
        elements.append(line)
    return elements, hit_lines, len(numbers), branches_taken, branches


def to_cobertura(coverage: Coverage, root: Path) -> str:
    top = ET.Element("coverage", version="starlight", timestamp=str(int(time.time() * 1000)), complexity="0")
    sources = ET.SubElement(top, "sources")
    ET.SubElement(sources, "source").text = str(root.resolve())
    packages = ET.SubElement(top, "packages")
    by_package: dict[str, list[str]] = {}
    for file in coverage.files:
        by_package.setdefault(str(PurePosixPath(file).parent).replace("/", ".") or ".", []).append(file)
    totals = [0, 0, 0, 0]
    for name, files in sorted(by_package.items()):
        package = ET.SubElement(packages, "package", name=name, complexity="0")
        classes = ET.SubElement(package, "classes")
        sums = [0, 0, 0, 0]
        for file in files:
            lines, hit, valid, taken, branches = _lines(coverage, file)
            cls = ET.SubElement(classes, "class", name=PurePosixPath(file).stem, filename=file, complexity="0")
            cls.set("line-rate", _rate(hit, valid))
            cls.set("branch-rate", _rate(taken, branches))
            ET.SubElement(cls, "methods")
            ET.SubElement(cls, "lines").extend(lines)
            sums = [a + b for a, b in zip(sums, (hit, valid, taken, branches))]
        package.set("line-rate", _rate(sums[0], sums[1]))
        package.set("branch-rate", _rate(sums[2], sums[3]))
        totals = [a + b for a, b in zip(totals, sums)]
    top.set("lines-covered", str(totals[0]))
    top.set("lines-valid", str(totals[1]))
    top.set("branches-covered", str(totals[2]))
    top.set("branches-valid", str(totals[3]))
    top.set("line-rate", _rate(totals[0], totals[1]))
    top.set("branch-rate", _rate(totals[2], totals[3]))
    return ET.tostring(top, encoding="unicode", xml_declaration=True) + "\n"
