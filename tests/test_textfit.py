"""Text fit (game/check/textfit.py): lines and options laid out with the game's font, headless."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from damaged_fonts import run_python, with_a_damaged_font

from game.check.report import run_check
from game.check.textfit import check_text_fit
from game.cli import main
from game.layout import CHOICE_FONT_SIZE, CHOICE_PADDING, CHOICE_WIDTH
from game.paths import shipped_story
from game.story.loader import load_story

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = ROOT / "tests" / "fixtures"
FONT = shipped_story() / "fonts" / "NanumBarunGothic.ttf"
LONG = " ".join(["The signal takes twenty minutes to cross the dark between us."] * 12)


def write_story(root: Path, lines: list[tuple[str, str]], options: list[tuple[str, str]] | None = None) -> Path:
    """A story in en and ko whose only scene says ``lines`` (en, ko) and may offer ``options``."""
    (root / "scenes").mkdir(parents=True)
    (root / "story.yaml").write_text("title: Fit\nlanguages: [en, ko]\nstart: a\nendings:\n"
                                     "  done: {title: {en: Done, ko: 끝}}\n", encoding="utf-8")
    script = "".join(f"  - narrator: {{en: {json.dumps(en)}, ko: {json.dumps(ko, ensure_ascii=False)}}}\n"
                     for en, ko in lines)
    if options:
        script += "  - choice:\n" + "".join(
            f"      - text: {{en: {json.dumps(en)}, ko: {json.dumps(ko, ensure_ascii=False)}}}\n"
            for en, ko in options)
    script += "  - ending: done\n"
    (root / "scenes" / "a.yaml").write_text(f"scene: a\ntitle: A\nscript:\n{script}", encoding="utf-8")
    return root


def overflows(root: Path) -> list[tuple[int, str]]:
    return [(p.line, p.message) for p in check_text_fit(load_story(root)) if p.code == "text-overflow"]


def test_the_fixtures_fit() -> None:
    for name in ("sample", "unused", "softlock", "endless_loop", "unreachable_ending"):
        assert check_text_fit(load_story(FIXTURES / name)) == [], name


def test_a_line_far_too_long_is_an_error_at_its_line_in_every_size(tmp_path: Path) -> None:
    root = write_story(tmp_path / "s", [("Short and fine.", "짧다."), (LONG, "짧다.")])
    found = overflows(root)
    assert len(found) == 1
    line, message = found[0]
    assert line == 5  # the second narrator line of scenes/a.yaml
    assert message.startswith("the en text is too long for the text box at text size small (")
    assert "medium (" in message and "large (" in message and "it fits at" not in message
    problem = check_text_fit(load_story(root))[0]
    assert (problem.severity, problem.file, problem.column) == ("error", "scenes/a.yaml", 5)


def test_checked_in_each_language(tmp_path: Path) -> None:
    korean = " ".join(["신호가 어둠을 건너 우리에게 닿기까지 이십 분이 걸린다."] * 14)
    root = write_story(tmp_path / "s", [("Fine in English.", korean)])
    [(line, message)] = overflows(root)
    assert line == 4 and message.startswith("the ko text is too long")


def test_a_line_that_fits_small_but_not_large_names_the_sizes(tmp_path: Path) -> None:
    import pygame

    from game import layout
    from game.ui import textbox

    pygame.font.init()
    fonts = {name: pygame.font.Font(str(FONT), size) for name, size in layout.BOX_TEXT_PX.items()}

    def rows(text: str, name: str) -> int:
        return len(textbox.wrap_with_font(fonts[name], text, layout.TEXT_WIDTH))

    words = ["Between", "Seoul", "and", "Mars", "every", "word", "waits"]
    text = ""
    for i in range(400):
        text = f"{text} {words[i % len(words)]}".strip()
        if rows(text, "large") > layout.rows_that_fit(layout.BOX_TEXT_PX["large"]):
            break
    assert rows(text, "small") <= layout.rows_that_fit(layout.BOX_TEXT_PX["small"])
    root = write_story(tmp_path / "s", [(text, "짧다.")])
    [(_, message)] = overflows(root)
    assert "at text size large (" in message and "small (" not in message
    assert "it fits at small" in message


def test_an_option_wider_than_its_button(tmp_path: Path) -> None:
    wide = "Tell him everything about the mission, the delay, the record player and your mother"
    root = write_story(tmp_path / "s", [("Hello.", "안녕.")], [("Go.", "가자."), (wide, "모두 말한다.")])
    [(line, message)] = overflows(root)
    assert line == 7  # the second option
    room = CHOICE_WIDTH - 2 * CHOICE_PADDING
    assert message.startswith("the en option is ") and f"at size {CHOICE_FONT_SIZE}" in message
    assert f"its button leaves {room} px" in message


def test_run_check_and_the_command_report_it(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    root = write_story(tmp_path / "s", [(LONG, "짧다.")])
    report = run_check(root)
    assert not report.ok
    assert [p.code for p in report.errors] == ["text-overflow"]
    assert main(["check", str(root)]) == 1
    out = capsys.readouterr().out
    assert "scenes/a.yaml:4:5: error: the en text is too long for the text box" in out
    assert main(["check", str(root), "--json"]) == 1
    data = json.loads(capsys.readouterr().out)
    assert [p["code"] for p in data["problems"] if p["severity"] == "error"] == ["text-overflow"]


def test_a_missing_font_skips_the_check_with_a_warning(tmp_path: Path) -> None:
    problems = check_text_fit(load_story(FIXTURES / "sample"), font_dir=tmp_path)
    assert [(p.severity, p.code) for p in problems] == [("warning", "text-fit-skipped")]
    assert "font" in problems[0].message


def test_a_damaged_font_skips_the_check_with_a_warning(tmp_path: Path) -> None:
    """A font file that is not a font: pygame 2.6 would open it silently and crash the checker on first use."""
    fonts = with_a_damaged_font(tmp_path, "Inter-Regular.otf")
    done = run_python("from pathlib import Path\n"
                      "from game.check.textfit import check_text_fit\n"
                      "from game.story.loader import load_story\n"
                      f"problems = check_text_fit(load_story({str(FIXTURES / 'sample')!r}), font_dir=Path({str(fonts)!r}))\n"
                      "print([(p.severity, p.code) for p in problems], problems[0].message)\n", cwd=ROOT)
    assert done.returncode == 0, done.stderr[-2000:]
    assert done.stdout.startswith("[('warning', 'text-fit-skipped')]")
    assert "Inter-Regular.otf is not a font file" in done.stdout


def test_it_runs_without_a_display_and_game_check_does_not_import_pygame() -> None:
    script = (
        "import sys\n"
        "import game.check.report, game.check.findings, game.check.textfit, game.check.graph\n"
        "assert 'pygame' not in sys.modules, 'game.check imports pygame'\n"
        "from game.story.loader import load_story\n"
        "from game.check.textfit import check_text_fit\n"
        f"assert check_text_fit(load_story({str(FIXTURES / 'sample')!r})) == []\n"
        "import pygame\n"
        "assert not pygame.display.get_init(), 'the text-fit check opened a display'\n"
        "print('ok')\n")
    env = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "WAYLAND_DISPLAY", "SDL_VIDEODRIVER")}
    done = subprocess.run([sys.executable, "-c", script], env=env, cwd=ROOT, capture_output=True, text=True,
                          timeout=120)
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "ok"


WORDS = ["signal", "Mars", "twenty", "minutes", "I", "a", "record", "player", "WWWWWWWW", "iiii", "—", "“hello,”",
         "별빛", "신호가", "이십", "분", "늦게", "도착해요.", "ㅋㅋ", "(Seoul)", "…"]


@pytest.mark.parametrize("size", [25, 28, 32])
def test_the_shortcut_never_passes_a_line_that_does_not_fit(size: int) -> None:
    """_surely_fits only skips the layout when the real wrap agrees the line fits."""
    import pygame.font
    from hypothesis import given, settings
    from hypothesis import strategies as st

    from game.check.textfit import _surely_fits
    from game.check.wordwidths import WordWidths
    from game.layout import TEXT_WIDTH, rows_that_fit
    from game.layout.wrap import wrap

    pygame.font.init()
    font = pygame.font.Font(str(FONT), size)
    rows = rows_that_fit(size)
    advances: dict[str, int] = {}
    widths = WordWidths()
    shortcuts = []

    @settings(max_examples=300, deadline=None, derandomize=True)
    @given(st.lists(st.sampled_from(WORDS), min_size=1, max_size=60))
    def check(words: list[str]) -> None:
        text = " ".join(words)
        if _surely_fits(text, font, advances, TEXT_WIDTH, rows, widths):
            shortcuts.append(text)
            assert len(wrap(text, lambda t: font.size(t)[0], TEXT_WIDTH)) <= rows, text

    check()
    assert shortcuts  # the shortcut is taken for some lines, so the property was really tested
