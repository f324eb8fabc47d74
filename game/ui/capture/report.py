"""What ``starlight capture`` writes beside its pictures: ``lines.csv`` and a self-contained ``index.html``."""

from __future__ import annotations

import csv
import html
from pathlib import Path

from game.check.stops import Step
from game.story import model as m

from .outcome import Capture


def speaker_and_text(story: m.Story, step: Step, lang: str) -> tuple[str, str]:
    """What the name plate and the text say (options joined by " / ", hotspots by ", ")."""
    event = step.event
    if step.kind == "line":
        character = story.characters.get(event.speaker)
        return (character.name.get(lang) if character else ""), event.text.get(lang)
    if step.kind == "choice":
        return "", " / ".join(o.text.get(lang) for o in event.options)
    return "", f"map {event.map.name}: " + ", ".join(h.hotspot.name for h in event.hotspots)


FORMULA_START = ("=", "+", "-", "@", "\t", "\r")  # what spreadsheets read as the start of a formula


def spreadsheet_safe(cell: object) -> object:
    """``cell``, with a ``'`` before a text a spreadsheet would run as a formula (=HYPERLINK(...), +cmd ...)."""
    if isinstance(cell, str) and cell.startswith(FORMULA_START):
        return "'" + cell
    return cell


def write_csv(path: Path, rows: list[tuple[Step, str, str]], collisions: dict[int, list[str]]) -> None:
    """One row per picture: file, line, speaker, text, png, kind, the choices that lead there, what collides.

    Every text cell is safe to open in a spreadsheet.  An error names the file (a full disk shows only
    when the file is closed, with no name).
    """
    try:
        with open(path, "w", encoding="utf-8", newline="") as f:
            writer = csv.writer(f)
            writer.writerow(["file", "line", "speaker", "text", "png", "kind", "choices", "collisions"])
            for step, speaker, text in rows:
                writer.writerow([spreadsheet_safe(cell) for cell in (
                    step.pos.file, step.pos.line, speaker, text, step.png, step.kind,
                    " ".join(str(i) for i in step.path), "; ".join(collisions.get(step.number, [])))])
    except OSError as exc:
        raise OSError(exc.errno, exc.strerror, str(path)) from None


_STYLE = """
body{margin:0;background:#0b0d1a;color:#f4f1ea;font:14px/1.4 system-ui,sans-serif}
header{padding:16px 24px;border-bottom:1px solid #2a2f45}
h1{margin:0 0 4px;font-size:20px} header p{margin:0;color:#a9b4c8}
main{display:grid;grid-template-columns:repeat(auto-fill,minmax(330px,1fr));gap:14px;padding:18px 24px}
figure{margin:0;background:#151a2e;border:1px solid #2a2f45;border-radius:8px;overflow:hidden}
figure img{display:block;width:100%;aspect-ratio:16/9}
figcaption{padding:8px 10px}
.where{color:#9ad1ff;font-family:ui-monospace,monospace;font-size:12px}
.kind{float:right;color:#ffc27a;font-size:12px} .who{font-weight:bold} .path{color:#a9b4c8;font-size:12px}
a{color:inherit;text-decoration:none} .clash{color:#ff8a8a;font-size:12px}
"""


def index_html(story: m.Story, result: Capture, rows: list[tuple[Step, str, str]], thumbs: list[str]) -> str:
    lang = result.language
    esc = html.escape
    cards = []
    for (step, speaker, text), thumb in zip(rows, thumbs):
        who = f'<span class="who">{esc(speaker)}:</span> ' if speaker else ""
        path = "[" + ", ".join(str(i) for i in step.path) + "]"
        covered = "".join(f'<div class="clash">{esc(what)}</div>' for what in result.collisions.get(step.number, []))
        cards.append(
            f'<figure id="s{step.number}"><a href="{esc(step.png)}"><img src="{thumb}" alt="{esc(step.png)}" '
            f'loading="lazy"></a><figcaption><span class="kind">#{step.number} {step.kind}</span>'
            f'<div class="where">{esc(step.pos.file)}:{step.pos.line}</div><div>{who}{esc(text)}</div>'
            f'<div class="path">choices {esc(path)}</div>{covered}</figcaption></figure>')
    title = story.title.get(lang)
    summary = (f"{result.lines} lines, {len(rows) - result.lines} choices and maps, language {lang}, "
               f"{len(result.collisions)} with something covering a face or the phone"
               + ("" if result.complete else " — INCOMPLETE: some reachable steps were not found"))
    return (f'<!DOCTYPE html>\n<html lang="{esc(lang)}"><head><meta charset="utf-8">'
            f'<title>{esc(title)} — capture ({esc(lang)})</title><style>{_STYLE}</style></head>\n'
            f'<body><header><h1>{esc(title)}</h1><p>{esc(summary)}. Each picture is reached by the shortest '
            f'list of choices (visible option numbers, from 0); click one for the full picture.</p></header>\n'
            f'<main>\n' + "\n".join(cards) + '\n</main></body></html>\n')
