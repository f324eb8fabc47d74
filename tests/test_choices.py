"""``starlight choices`` (game/check/choices/): known answers on small stories, and the command.

The fixtures under tests/fixtures/choices_* each have an EXPECTED.md saying what the analysis must find.
"""

from __future__ import annotations

import json
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import pytest

from game import cli
from game.check.choices import DEFAULT_RUNS, ChoiceAnalysis, analyse_choices
from game.check.choices.facts import Site, rising, story_facts
from game.check.choices.report import as_html_section, as_json, as_text, inert_share
from game.check.choices.simulate import DEVOTED, POLICIES, UNIFORM, Player, Stepper
from game.story import model as m
from game.story.loader import load_story
from game.story.runtime import ChoiceEvent, MapEvent, Runtime, State

FIXTURES = Path(__file__).parent / "fixtures"
RUNS = 200


def analyse(name: str, runs: int = RUNS, seed: int = 0, **options: Any) -> ChoiceAnalysis:
    return analyse_choices(load_story(FIXTURES / name), runs=runs, seed=seed, **options)


@pytest.fixture(scope="module")
def decisive() -> ChoiceAnalysis:
    return analyse("choices_decisive")


@pytest.fixture(scope="module")
def counters() -> ChoiceAnalysis:
    return analyse("choices_counters")


@pytest.fixture(scope="module")
def cosmetic() -> ChoiceAnalysis:
    return analyse("choices_cosmetic")


@pytest.fixture(scope="module")
def hidden() -> ChoiceAnalysis:
    return analyse("choices_hidden")


@pytest.fixture(scope="module")
def shipped() -> m.Story:
    return load_story(Path(__file__).resolve().parent.parent / "assets")


def site_at(analysis: ChoiceAnalysis, line: int) -> Site:
    [site] = [site for site in analysis.facts.sites if site.pos.line == line]
    return site


def variables(analysis: ChoiceAnalysis) -> dict[str, tuple[str, int, str]]:
    return {row.name: (row.status, row.tests, row.example) for row in analysis.variables}


# --- the ending distribution and decisive decisions ---


def test_a_choice_that_alone_decides_the_ending_is_fully_decisive(decisive: ChoiceAnalysis) -> None:
    ticket, gulls = site_at(decisive, 5), site_at(decisive, 15)
    for policy in POLICIES:
        result = decisive.policies[policy]
        stats = result.sites[ticket.id]
        assert stats.flips == RUNS and stats.met == RUNS
        for ending in ("crossing", "left_behind"):  # every flip of the ticket changes the ending
            assert stats.changes(ending) == stats.flips
        assert result.sites[gulls.id].flips == RUNS
        assert result.sites[gulls.id].changes("crossing") == 0  # the flavour choice never does
        # every missed crossing is won back by the ticket alone, and by nothing else
        assert result.rescued == {ticket.id: result.missed_best}
        assert result.unrescued == 0
    uniform = decisive.policies[UNIFORM].outcomes
    assert 0.35 < uniform["crossing"] / RUNS < 0.65 and uniform["crossing"] + uniform["left_behind"] == RUNS
    # `coins` is the only int variable, so it is the counter: the devoted player keeps the money
    assert decisive.policies[DEVOTED].outcomes == {"left_behind": RUNS}


def test_counters_are_what_the_endings_read_as_thresholds_else_every_int(decisive: ChoiceAnalysis,
                                                                         counters: ChoiceAnalysis) -> None:
    assert [counters.facts.var_name(v) for v in counters.facts.counters] == ["warmth"]
    assert counters.facts.counters_rule == "ending-thresholds"  # `coins >= 1` only picks a line
    assert [decisive.facts.var_name(v) for v in decisive.facts.counters] == ["coins"]
    assert decisive.facts.counters_rule == "all-int"  # the ending reads a bool
    assert counters.policies[DEVOTED].outcomes == {"together": RUNS}


@pytest.mark.parametrize("condition, wanted_high", [
    ("trust >= 5 and courage >= 3", {"trust", "courage"}),
    ("3 < courage", {"courage"}),
    ("courage + music >= 5", {"courage", "music"}),  # a sum: both count
    ("not (kept < 2)", {"kept"}),
    ("trust <= 2", set()),  # wanted low
    ("music - kept > 1", {"music"}),
    ("stay or (trust > 1 and not hesitated)", {"trust"}),
])
def test_counters_are_the_variables_a_condition_wants_high(condition: str, wanted_high: set[str]) -> None:
    assert rising(condition) == wanted_high


def test_shipped_counters_and_best_ending(shipped: m.Story) -> None:
    facts = story_facts(shipped)
    assert [facts.var_name(v) for v in facts.counters] == ["trust", "courage", "music", "kept"]
    with pytest.raises(ValueError, match="no ending 'nope'"):
        analyse_choices(shipped, runs=1, best="nope")
    with pytest.raises(ValueError, match="at least 1"):
        analyse_choices(shipped, runs=0)


# --- inert counter choices ---


def test_an_inert_counter_choice_is_found(counters: ChoiceAnalysis) -> None:
    worst = counters.inert[0]
    option = counters.site(worst.site).options[worst.option]
    assert (option.pos.line, option.text, counters.facts.var_name(worst.variable)) == (17, "Sing along.", "warmth")
    # the devoted player has warmth 2 (its max) before the song every time
    assert worst.taken[DEVOTED] == worst.inert[DEVOTED] == RUNS
    # the uniform player only when both earlier choices added warmth: count those playthroughs directly
    player = Player(Stepper(counters.facts), UNIFORM, 0)
    runs = [player.play(number) for number in range(RUNS)]
    assert worst.taken[UNIFORM] == sum(run.decisions[2].pick == 0 for run in runs)
    assert worst.inert[UNIFORM] == sum([d.pick for d in run.decisions] == [0, 0, 0] for run in runs)
    assert 0.15 < worst.inert[UNIFORM] / worst.taken[UNIFORM] < 0.35
    for row in counters.inert[1:]:  # the first two adds can never be at the bound
        assert row.inert[UNIFORM] == row.inert[DEVOTED] == 0
    assert inert_share(counters, DEVOTED) == pytest.approx(1 / 3)


# --- cosmetic decision points ---


def test_a_cosmetic_decision_point_is_found(cosmetic: ChoiceAnalysis) -> None:
    rows = {cosmetic.site(row.site).pos.line: row for row in cosmetic.cosmetic}
    # the tea: each option has its own line, then both lead on to the same state and lines
    assert list(rows) == [5] and rows[5].always and rows[5].encounters == 2 * RUNS
    # the fork to two labels shows different lines after it (not the options' own text): not cosmetic;
    # the tip changes a variable that a line reads: not cosmetic
    assert {site.pos.line for site in cosmetic.facts.sites} == {5, 13, 24}


def test_a_choice_is_cosmetic_only_where_its_options_change_nothing(counters: ChoiceAnalysis) -> None:
    [row] = counters.cosmetic  # the song: both options lead to the same state once warmth is full
    assert counters.site(row.site).pos.line == 16 and not row.always
    full = sum(row.inert[UNIFORM] + row.inert[DEVOTED] for row in counters.inert[:1])
    assert row.cosmetic >= full


def test_an_options_own_block_is_the_code_between_the_choice_and_the_op_below_it(shipped: m.Story) -> None:
    """Every choice's own region holds its options' blocks, and the flow leaves it only below the choice."""
    facts = story_facts(shipped)
    for site in facts.sites:
        if site.kind != "choice":
            continue
        ops = shipped.scenes[site.scene].ops
        start, end = site.own
        choice: Any = ops[site.pc]
        assert start == site.pc + 1 and all(start <= option.pc < end for option in choice.options), site.pos
        for pc in range(start, end):
            op: Any = ops[pc]
            if op.kind == m.JUMP:
                assert start <= op.pc <= end, (site.pos, pc)
            elif op.kind == m.BRANCH:
                assert start <= op.else_pc <= end, (site.pos, pc)


# --- variables ---


def test_a_variable_written_and_never_visibly_read_is_found(hidden: ChoiceAnalysis) -> None:
    found = variables(hidden)
    assert found["diary"][0] == "unseen" and found["diary"][1] > 0  # read, but only to set `mood`
    assert found["mood"][0] == "unseen"  # read, but only to set `lamp` after its last line
    assert found["lamp"][0] == "shown" and "changes a line at scenes/lighthouse.yaml:19" in found["lamp"][2]


def test_variable_verdicts_for_endings_and_unread_variables(decisive: ChoiceAnalysis, counters: ChoiceAnalysis) -> None:
    assert variables(decisive)["ticket"][0] == "ending-only"  # only which ending: no line says it
    assert variables(decisive)["coins"][0] == "never-read"
    assert variables(counters)["warmth"][0] == "ending-only"
    assert variables(counters)["coins"][0] == "shown"


# --- determinism and the flips ---


def without_time(data: dict[str, Any]) -> dict[str, Any]:
    return {key: value for key, value in data.items() if key != "seconds"}


def test_the_same_seed_gives_the_same_figures(shipped: m.Story) -> None:
    first = without_time(as_json(analyse_choices(shipped, runs=25, seed=7)))
    assert first == without_time(as_json(analyse_choices(shipped, runs=25, seed=7)))
    assert first["policies"] != without_time(as_json(analyse_choices(shipped, runs=25, seed=8)))["policies"]


@pytest.mark.parametrize("story, runs", [("assets", 4), ("choices_loop", 40)])
def test_flips_that_stop_where_they_rejoin_agree_with_flips_played_to_the_end(story: str, runs: int) -> None:
    """A flip stops where it meets a (state, visits) known to lead to an outcome; playing it out agrees.

    The loop fixture meets one state again and again with other random numbers each time: a flip
    that comes back to it after another number of visits is not the original and must not stop.
    """
    folder = Path(__file__).resolve().parent.parent / "assets" if story == "assets" else FIXTURES / story
    stepper = Stepper(story_facts(load_story(folder)))
    checked = 0
    for policy in POLICIES:
        player = Player(stepper, policy, 3)
        for number in range(runs):
            run = player.play(number)
            known = player.known_outcomes(run)
            times: dict[int, int] = {}
            for index, decision in enumerate(run.decisions):
                times[decision.site] = decision.times + 1
                for option in decision.visible:
                    if option != decision.pick:
                        short = player.flipped(run, index, option, times, known)
                        assert short == player.flipped(run, index, option, times, None), (policy, number, index)
                        checked += 1
    assert checked > 100


def test_flips_stop_at_their_budget_and_say_so(shipped: m.Story) -> None:
    analysis = analyse_choices(shipped, runs=12, flip_budget=3_000)
    for policy in POLICIES:
        result = analysis.policies[policy]
        assert 1 <= result.flipped < 12 and sum(result.outcomes.values()) == 12
        assert sum(stats.met for stats in result.sites.values()) <= result.flipped * len(analysis.facts.sites)
    assert "the flip budget ran out: decisive decisions come from the first" in as_text(analysis)
    assert as_json(analysis)["policies"]["devoted"]["flipped"] == analysis.policies[DEVOTED].flipped
    assert analyse_choices(shipped, runs=12).policies[UNIFORM].flipped == 12  # the default budget suffices


def _to_decision(runtime: Runtime, state: State) -> State:
    """Play as a player does (present, advance past every line) up to the next choice, map or ending."""
    while True:
        state, event = runtime.present(state)
        if isinstance(event, (ChoiceEvent, MapEvent, m.Ending)):
            return state
        state = runtime.advance(state)


def test_playthroughs_go_through_the_runtime(shipped: m.Story) -> None:
    """A playthrough's decisions replay, option by option, through Runtime.choose to its outcome."""
    stepper = Stepper(story_facts(shipped))
    runtime = Runtime(shipped)
    for policy in POLICIES:
        run = Player(stepper, policy, 11).play(0)
        state = _to_decision(runtime, runtime.start())
        for decision in run.decisions:
            assert state == decision.state and decision.pick in runtime.visible(state)
            state = _to_decision(runtime, runtime.choose(state, decision.pick))
        ending: Any = runtime.op_at(state)
        assert ending.kind == m.ENDING and ending.ending == run.outcome


def test_shipped_story_smoke(shipped: m.Story) -> None:
    analysis = analyse_choices(shipped, runs=20)
    assert set(analysis.policies[UNIFORM].outcomes) <= set(shipped.endings)
    assert not analysis.policies[UNIFORM].errors and not analysis.policies[DEVOTED].errors
    assert {row.name for row in analysis.variables} >= {"trust", "kept", "last_words"}
    assert "Endings" in as_text(analysis)


# --- output and the command ---


class _Collect(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.tags: list[str] = []
        self.text: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append(tag)

    def handle_data(self, data: str) -> None:
        self.text.append(data)


def test_html_section_escapes_what_it_quotes(cosmetic: ChoiceAnalysis) -> None:
    section = as_html_section(cosmetic)
    assert "Green tea &amp; honey &lt;hot&gt;." in section and "<hot>" not in section
    parsed = _Collect()
    parsed.feed(section)
    assert "hot" not in parsed.tags and "script" not in parsed.tags
    assert "Green tea & honey <hot>. / Black tea." in parsed.text


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = cli.main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


def test_command_text_and_json(capsys: pytest.CaptureFixture[str]) -> None:
    story = str(FIXTURES / "choices_decisive")
    code, out, _ = run(capsys, "choices", story, "--runs", "30", "--seed", "2")
    assert code == 0 and "Endings (share of playthroughs)" in out and "scenes/pier.yaml:5" in out
    code, out, _ = run(capsys, "choices", story, "--runs", "30", "--seed", "2", "--json", "--best", "left_behind")
    data = json.loads(out)
    assert code == 0 and data["runs"] == 30 and data["seed"] == 2 and data["best"] == "left_behind"
    assert data["policies"]["devoted"]["outcomes"] == {"left_behind": 30}
    assert data["variables"][0] == {"name": "ticket", "status": "ending-only", "tests": data["variables"][0]["tests"],
                                    "example": data["variables"][0]["example"]}


def test_command_refuses_bad_input(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    story = str(FIXTURES / "choices_decisive")
    assert run(capsys, "choices", story, "--best", "nope")[0] == 2
    assert run(capsys, "choices", story, "--runs", "0")[0] == 2
    assert run(capsys, "choices", str(tmp_path / "missing"))[0] == 2
    broken = tmp_path / "broken"
    (broken / "scenes").mkdir(parents=True)
    (broken / "story.yaml").write_text((FIXTURES / "choices_decisive" / "story.yaml").read_text(), encoding="utf-8")
    (broken / "scenes" / "pier.yaml").write_text("scene: pier\nscript:\n  - goto: nowhere\n", encoding="utf-8")
    code, _, err = run(capsys, "choices", str(broken))
    assert code == 1 and "does not load" in err


def test_command_default_runs_is_the_analysis_default() -> None:
    assert cli.DEFAULT_CHOICE_RUNS == DEFAULT_RUNS
    assert cli.build_parser().parse_args(["choices"]).runs == DEFAULT_RUNS


def test_story_map_page_has_the_choices_section(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert cli.main(["graph", str(FIXTURES / "choices_cosmetic"), "-o", str(tmp_path / "map.html")]) == 0
    page = (tmp_path / "map.html").read_text(encoding="utf-8")
    assert '<section class="choices">' in page and "Cosmetic decision points" in page
    assert "Green tea &amp; honey &lt;hot&gt;." in page and "<hot>" not in page
    assert cli.main(["graph", str(FIXTURES / "choices_cosmetic"), "-o", str(tmp_path / "map.dot")]) == 0
    assert "choices" not in (tmp_path / "map.dot").read_text(encoding="utf-8")
