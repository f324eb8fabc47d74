"""The choice analysis as readable text, as JSON, and as a section of the story map's HTML page.

The three say the same things; text and HTML show the top rows of each table,
JSON has every row.  Every figure is a share of playthroughs (endings, missed
best ending), of options taken (inert adds), of flips (decisive decisions) or of
encounters (cosmetic points); each table says which.
"""

from __future__ import annotations

import html
from collections.abc import Iterable, Sequence
from typing import Any

from .analyse import ChoiceAnalysis, InertRow, PolicyResult, SiteFlips
from .facts import Site
from .simulate import POLICIES, UNIFORM
from .visibility import SHOWN

TOP = 12  # rows per table in text and HTML
DECISIVE_TOP = 5  # decision points per ending and policy
MIN_FLIPS = 5  # a site flipped fewer times is left out of the decisive tables (JSON keeps it)
RULES = {
    "ending-thresholds": "the int variables an ending's condition wants high: >=, >, sums",
    "all-int": "every int variable (no ending's condition wants one high)",
}


def inert_share(analysis: ChoiceAnalysis, policy: str) -> float:
    """The share of counter adds taken under ``policy`` that changed nothing."""
    taken = sum(row.taken[policy] for row in analysis.inert)
    return sum(row.inert[policy] for row in analysis.inert) / taken if taken else 0.0


def decisive(analysis: ChoiceAnalysis, policy: str, ending: str) -> list[tuple[Site, SiteFlips]]:
    """Sites ordered by how often a flip there changes whether ``ending`` is reached."""
    rows = [(analysis.site(site), stats) for site, stats in analysis.policies[policy].sites.items()
            if stats.changes(ending)]
    rows.sort(key=lambda row: (-row[1].changes(ending) / row[1].flips, -row[1].flips, row[0].id))
    return rows


def _counters(analysis: ChoiceAnalysis) -> str:
    return ", ".join(analysis.facts.var_name(v) for v in analysis.facts.counters) or "none"


def _pct(part: float, whole: float) -> str:
    return f"{100 * part / whole:.1f}%" if whole else "-"


def _where(site: Site) -> str:
    return f"{site.pos.file}:{site.pos.line}"


def _option_name(analysis: ChoiceAnalysis, row: InertRow, width: int = 36) -> str:
    option = analysis.site(row.site).options[row.option]
    text = " ".join(option.text.split())
    return text if len(text) <= width else text[: width - 1].rstrip() + "…"


def _table(header: Sequence[str], rows: Iterable[Sequence[str]], right: Sequence[bool]) -> list[str]:
    rows = [list(header)] + [list(row) for row in rows]
    if len(rows) == 1:
        return ["  none"]
    widths = [max(len(row[i]) for row in rows) for i in range(len(header))]
    out = []
    for row in rows:
        cells = [cell.rjust(w) if r else cell.ljust(w) for cell, w, r in zip(row, widths, right)]
        out.append("  " + "  ".join(cells).rstrip())
    return out


# --- text ---


def as_text(analysis: ChoiceAnalysis) -> str:
    facts = analysis.facts
    counters = _counters(analysis)
    out = [f"choices: {facts.story.title.get(facts.story.primary_language)}",
           f"{analysis.runs} playthroughs per policy, seed {analysis.seed}, {analysis.seconds:.1f} s. "
           f"Best ending: {analysis.best}.",
           f"Counters: {counters} ({RULES[facts.counters_rule]}). The devoted player takes the option adding "
           "most to them.", ""]
    for result in analysis.policies.values():
        if result.runs < analysis.runs:
            out.append(f"({result.policy}: the play budget ran out after {result.runs} playthroughs)")
        if result.flipped < result.runs:
            out.append(f"({result.policy}: the flip budget ran out: decisive decisions come from the first "
                       f"{result.flipped} playthroughs)")
    out += _text_endings(analysis)
    out += _text_inert(analysis)
    out += _text_decisive(analysis)
    out += _text_missed(analysis)
    out += _text_cosmetic(analysis)
    out += _text_variables(analysis)
    return "\n".join(out).rstrip() + "\n"


def _text_endings(analysis: ChoiceAnalysis) -> list[str]:
    outcomes = list(analysis.endings)
    for result in analysis.policies.values():
        outcomes += [o for o in result.outcomes if o not in outcomes]
    rows = [[o] + [_pct(analysis.policies[p].outcomes[o], analysis.policies[p].runs) for p in POLICIES]
            for o in outcomes]
    out = ["Endings (share of playthroughs)"] + _table(["ending", *POLICIES], rows, [False, True, True])
    for result in analysis.policies.values():
        for message, count in result.errors.most_common(3):
            out.append(f"  {result.policy}: {count} playthrough(s) stopped: {message}")
    return out + [""]


def _text_inert(analysis: ChoiceAnalysis) -> list[str]:
    if not analysis.inert:
        return ["Inert counter choices: no option adds to a counter.", ""]
    shares = ", ".join(f"{p} {_pct(inert_share(analysis, p), 1)}" for p in POLICIES)
    out = [f"Inert counter choices: of the counter adds taken, {shares} changed nothing "
           "(the counter was at its bound). Worst first:"]
    rows = []
    for row in analysis.inert[:TOP]:
        pos = analysis.site(row.site).options[row.option].pos
        cells = [f"{pos.file}:{pos.line}", _option_name(analysis, row),
                 f"{analysis.facts.var_name(row.variable)} {row.amount:+d}"]
        for policy in POLICIES:
            cells.append(f"{_pct(row.inert[policy], row.taken[policy])} of {row.taken[policy]}")
        rows.append(cells)
    out += _table(["option", "text", "add", *(f"{p}: inert" for p in POLICIES)], rows,
                  [False, False, False, True, True])
    if len(analysis.inert) > TOP:
        out.append(f"  ... {len(analysis.inert) - TOP} more (--json lists all)")
    return out + [""]


def _text_decisive(analysis: ChoiceAnalysis) -> list[str]:
    out = ["Decisive decisions: flip = at that decision take another visible option, then play on with the same "
           "policy and random numbers.", "For each ending, the decisions whose flips most often change whether it is "
           "reached (lost: it was reached and no longer is; gained: the other way; met by: share of playthroughs):"]
    for ending in analysis.endings:
        rows = []
        for policy in POLICIES:
            found = [r for r in decisive(analysis, policy, ending) if r[1].flips >= MIN_FLIPS][:DECISIVE_TOP]
            rows += [[policy, _where(site), site.describe(), _pct(stats.changes(ending), stats.flips),
                      f"{stats.lost[ending]}/{stats.gained[ending]}", f"{stats.flips}",
                      _pct(stats.met, analysis.policies[policy].flipped)] for site, stats in found]
        out.append(f"  {ending}")
        out += ["  " + line for line in _table(["policy", "decision", "options", "changes", "lost/gained", "flips",
                                                 "met by"], rows, [False, False, False, True, True, True, True])]
    return out + [""]


def _text_missed(analysis: ChoiceAnalysis) -> list[str]:
    out = []
    for policy in reversed(POLICIES):  # devoted first: the one the targets are about
        result = analysis.policies[policy]
        if not result.missed_best:
            out.append(f"Missed {analysis.best} ({policy}): none.")
            continue
        out.append(f"Missed {analysis.best} ({policy}): {result.missed_best} of {result.flipped} playthroughs. "
                   "Share of them that one flip at a single decision turns into it (one playthrough can be won "
                   "back at several decisions):")
        rows = [[_where(analysis.site(site)), analysis.site(site).describe(), _pct(count, result.missed_best)]
                for site, count in result.rescued.most_common(TOP if policy != UNIFORM else 5)]
        rows.append(["(no single decision)", "", _pct(result.unrescued, result.missed_best)])
        out += _table(["decision", "options", "share"], rows, [False, False, True])
    return out + [""]


def _text_cosmetic(analysis: ChoiceAnalysis) -> list[str]:
    always = [row for row in analysis.cosmetic if row.always]
    out = [f"Cosmetic decision points: {len(always)} always cosmetic (every option leads on to the same state and "
           "lines, after the options' own text); share of encounters under both policies:"]
    rows = [[_where(analysis.site(row.site)), analysis.site(row.site).describe(), _pct(row.cosmetic, row.encounters),
             str(row.encounters)] for row in analysis.cosmetic[:TOP]]
    out += _table(["decision", "options", "cosmetic", "encounters"], rows, [False, False, True, True])
    if len(analysis.cosmetic) > TOP:
        out.append(f"  ... {len(analysis.cosmetic) - TOP} more (--json lists all)")
    return out + [""]


def _text_variables(analysis: ChoiceAnalysis) -> list[str]:
    hidden = [row for row in analysis.variables if row.status != SHOWN]
    out = [f"Variables written: {len(analysis.variables)}; not shown in any line or option: {len(hidden)}"]
    rows = [[row.name, row.status, str(row.tests), row.example] for row in analysis.variables]
    return out + _table(["variable", "verdict", "tests", "example"], rows, [False, False, True, False]) + [""]


# --- JSON ---


def _site_json(site: Site) -> dict[str, Any]:
    return {"id": site.id, "at": str(site.pos), "kind": site.kind, "options": [o.text for o in site.options]}


def as_json(analysis: ChoiceAnalysis) -> dict[str, Any]:
    facts = analysis.facts
    return {
        "story": facts.story.title.get(facts.story.primary_language),
        "seed": analysis.seed, "runs": analysis.runs, "seconds": round(analysis.seconds, 3),
        "best": analysis.best,
        "counters": [facts.var_name(v) for v in facts.counters], "counters_rule": facts.counters_rule,
        "policies": {name: _policy_json(analysis, result) for name, result in analysis.policies.items()},
        "inert": [{"option": str(analysis.site(row.site).options[row.option].pos),
                   "text": analysis.site(row.site).options[row.option].text,
                   "site": row.site, "counter": facts.var_name(row.variable), "amount": row.amount,
                   "taken": {p: row.taken[p] for p in POLICIES}, "inert": {p: row.inert[p] for p in POLICIES}}
                  for row in analysis.inert],
        "cosmetic": [{"site": row.site, "at": str(analysis.site(row.site).pos), "encounters": row.encounters,
                      "cosmetic": row.cosmetic, "always": row.always} for row in analysis.cosmetic],
        "variables": [{"name": row.name, "status": row.status, "tests": row.tests, "example": row.example}
                      for row in analysis.variables],
        "sites": [_site_json(site) for site in facts.sites],
    }


def _policy_json(analysis: ChoiceAnalysis, result: PolicyResult) -> dict[str, Any]:
    return {
        "outcomes": dict(sorted(result.outcomes.items())),
        "inert_share": round(inert_share(analysis, result.policy), 4),
        "played": result.runs,
        "flipped": result.flipped,
        "missed_best": result.missed_best,
        "rescued": [{"site": site, "at": str(analysis.site(site).pos), "playthroughs": count,
                     "share": round(count / result.missed_best, 4)} for site, count in result.rescued.most_common()],
        "unrescued": result.unrescued,
        "errors": dict(result.errors),
        "decisive": {ending: [{"site": site.id, "at": str(site.pos), "met": stats.met, "flips": stats.flips,
                               "lost": stats.lost[ending], "gained": stats.gained[ending],
                               "share": round(stats.changes(ending) / stats.flips, 4)}
                              for site, stats in decisive(analysis, result.policy, ending)]
                     for ending in analysis.endings},
    }


# --- HTML ---


def as_html_section(analysis: ChoiceAnalysis) -> str:
    """A ``<section>`` for the story map page: the same tables as the text, every quoted text escaped."""
    esc = html.escape
    facts = analysis.facts
    parts = ['<section class="choices"><h2>Do the choices matter?</h2>',
             f"<p>{analysis.runs} seeded playthroughs per policy (seed {analysis.seed}); counters: "
             f"{esc(_counters(analysis))} ({esc(RULES[facts.counters_rule])}); "
             f"best ending: {esc(analysis.best)}. <code>starlight choices</code> prints the same, with "
             "<code>--json</code> for every row.</p>"]
    outcomes = list(analysis.endings)
    parts.append(_html_table(["ending", *POLICIES], [[o] + [_pct(analysis.policies[p].outcomes[o],
                                                                 analysis.policies[p].runs) for p in POLICIES]
                                                        for o in outcomes]))
    shares = ", ".join(f"{p} {_pct(inert_share(analysis, p), 1)}" for p in POLICIES)
    parts.append(f"<h3>Inert counter choices ({esc(shares)} of counter adds taken changed nothing)</h3>")
    parts.append(_html_table(["option", "text", "add", *(f"{p}: inert" for p in POLICIES)], [
        [str(analysis.site(row.site).options[row.option].pos), _option_name(analysis, row, 60),
         f"{facts.var_name(row.variable)} {row.amount:+d}",
         *(f"{_pct(row.inert[p], row.taken[p])} of {row.taken[p]}" for p in POLICIES)]
        for row in analysis.inert[:TOP]]))
    parts.append("<h3>Decisive decisions (share of flips that change whether the ending is reached)</h3>")
    rows = []
    for ending in analysis.endings:
        for policy in POLICIES:
            for site, stats in [r for r in decisive(analysis, policy, ending) if r[1].flips >= MIN_FLIPS][:3]:
                rows.append([ending, policy, _where(site), site.describe(60), _pct(stats.changes(ending), stats.flips),
                             str(stats.flips)])
    parts.append(_html_table(["ending", "policy", "decision", "options", "changes", "flips"], rows))
    devoted = analysis.policies[POLICIES[-1]]
    parts.append(f"<h3>Missed {esc(analysis.best)} (devoted): {devoted.missed_best} of {devoted.flipped}; "
                 "share that one flip at a single decision wins back</h3>")
    if devoted.missed_best:
        rescued = [[_where(analysis.site(s)), analysis.site(s).describe(60), _pct(n, devoted.missed_best)]
                   for s, n in devoted.rescued.most_common(TOP)]
        rescued.append(["(no single decision)", "", _pct(devoted.unrescued, devoted.missed_best)])
        parts.append(_html_table(["decision", "options", "share"], rescued))
    parts.append("<h3>Cosmetic decision points (share of encounters, both policies)</h3>")
    parts.append(_html_table(["decision", "options", "cosmetic", "encounters"], [
        [_where(analysis.site(r.site)), analysis.site(r.site).describe(60), _pct(r.cosmetic, r.encounters),
         str(r.encounters)] for r in analysis.cosmetic[:TOP]]))
    parts.append("<h3>Variables</h3>")
    parts.append(_html_table(["variable", "verdict", "tests", "example"], [
        [r.name, r.status, str(r.tests), r.example] for r in analysis.variables]))
    parts.append("</section>")
    return "\n".join(parts) + "\n"


def _html_table(header: Sequence[str], rows: Iterable[Sequence[str]]) -> str:
    esc = html.escape
    head = "".join(f"<th>{esc(cell)}</th>" for cell in header)
    body = "".join("<tr>" + "".join(f"<td>{esc(cell)}</td>" for cell in row) + "</tr>" for row in rows)
    if not body:
        return "<p>None.</p>"
    return f"<table><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>"
