"""The coverage report as one self-contained HTML page: a summary, then each file annotated line by line.

Like coverage.py's pages: a line holding a step, option, label, hotspot or
ending is green when every item on it was reached, red when none was, amber
when some were; hovering it names the items.  Everything quoted from the story
is escaped; the page loads nothing from anywhere.
"""

from __future__ import annotations

import html
from pathlib import Path

from game.story.yamlsrc import MAX_FILE_BYTES, read_story_file

from .measure import KINDS, Coverage, Item

STYLE = (
    "body{margin:0;font:14px/1.45 system-ui,sans-serif;color:#1b1b1b;background:#fff}"
    "header{padding:14px 22px;border-bottom:1px solid #ddd}h1{font-size:20px;margin:0 0 6px}"
    "h2{font-size:16px;margin:26px 22px 6px}table.sum{border-collapse:collapse;margin:8px 22px}"
    ".sum td,.sum th{padding:2px 12px;text-align:right;border-bottom:1px solid #eee}.sum td:first-child,"
    ".sum th:first-child{text-align:left}pre{margin:0 22px;font:12.5px/1.5 ui-monospace,monospace}"
    ".l{display:block;white-space:pre-wrap}.n{display:inline-block;width:4.5em;color:#999;text-align:right;"
    "margin-right:1em;user-select:none}.hit{background:#dff5e1}.miss{background:#fbdcdc}.part{background:#fff0c7}"
    ".bar{display:inline-block;width:90px;height:9px;background:#fbdcdc;vertical-align:middle}"
    ".bar i{display:block;height:9px;background:#5bb56a}a{color:#2f5fb0}"
)


def _percent(value: float | None) -> str:
    return "-" if value is None else f"{value:.1f}%"


def _bar(value: float | None) -> str:
    width = 0.0 if value is None else value
    return f'<span class="bar"><i style="width:{width:.1f}%"></i></span>'


def _summary(coverage: Coverage) -> str:
    rows = ["<tr><th></th><th>covered</th><th>total</th><th>%</th><th></th></tr>"]
    for kind in (*KINDS, None):
        covered, total = coverage.count(kind)
        percent = coverage.percent(kind)
        rows.append(f"<tr><td>{kind or '<b>total</b>'}</td><td>{covered}</td><td>{total}</td>"
                    f"<td>{_percent(percent)}</td><td>{_bar(percent)}</td></tr>")
    files = ["<tr><th>file</th><th>covered</th><th>total</th><th>%</th><th></th></tr>"]
    for number, file in enumerate(coverage.files):
        covered, total = coverage.count(None, file)
        percent = coverage.percent(None, file)
        files.append(f'<tr><td><a href="#f{number}">{html.escape(file)}</a></td><td>{covered}</td><td>{total}</td>'
                     f"<td>{_percent(percent)}</td><td>{_bar(percent)}</td></tr>")
    return (f'<table class="sum">{"".join(rows)}</table>'
            f'<h2>Files</h2><table class="sum">{"".join(files)}</table>')


def _line_class(items: list[Item]) -> str:
    reached = sum(item.covered for item in items)
    return "hit" if reached == len(items) else "miss" if reached == 0 else "part"


def _file_section(root: Path, file: str, number: int, coverage: Coverage) -> str:
    try:
        data = read_story_file(root / file)
        text = data[:MAX_FILE_BYTES].decode("utf-8", "replace")
    except OSError as exc:
        return f'<h2 id="f{number}">{html.escape(file)}</h2><p>cannot read it: {html.escape(str(exc))}</p>'
    by_line = coverage.by_line(file)
    rows = []
    for line_no, line in enumerate(text.splitlines(), 1):
        items = by_line.get(line_no)
        attrs = ""
        if items:
            tip = "; ".join(f"{item.kind[:-1]} {item.name}: {'reached' if item.covered else 'never reached'}"
                            for item in items)
            attrs = f' class="l {_line_class(items)}" title="{html.escape(tip)}"'
        else:
            attrs = ' class="l"'
        rows.append(f'<span{attrs}><span class="n">{line_no}</span>{html.escape(line)}</span>')
    covered, total = coverage.count(None, file)
    return (f'<h2 id="f{number}">{html.escape(file)} <small>({covered}/{total})</small></h2>'
            f"<pre>{''.join(rows)}</pre>")


def to_html(coverage: Coverage, root: Path, headline: str) -> str:
    """The whole page."""
    sections = "".join(_file_section(root, file, number, coverage) for number, file in enumerate(coverage.files))
    title = html.escape(f"{coverage.title}: coverage")
    return (f'<!DOCTYPE html>\n<html><head><meta charset="utf-8"><title>{title}</title><style>{STYLE}</style>'
            f"</head>\n<body><header><h1>{title}</h1><p>{html.escape(headline)}</p></header>\n"
            f"{_summary(coverage)}\n{sections}\n</body></html>\n")
