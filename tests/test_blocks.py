"""The nesting of a compiled scene (game.story.blocks): which option or branch holds a step, and what precedes it."""

from __future__ import annotations

from pathlib import Path

from game.story import model as m
from game.story.blocks import SceneBlocks
from game.story.loader import load_story

SCRIPT = """\
  - narrator: start
  - choice:
      - text: A
        then:
          - if: x == 1
            then:
              - narrator: a-then
            else:
              - narrator: a-else
          - narrator: a-after
      - text: B
        goto: end
      - text: C
        then:
          - narrator: c-first
          - choice:
              - text: C1
                then:
                  - narrator: c1-line
                  - goto: end
              - text: C2
                goto: end
  - narrator: after the choice
  - label: end
  - ending: done
"""


def scene(tmp_path: Path, script: str = SCRIPT) -> tuple[SceneBlocks, dict[str, int]]:
    (tmp_path / "scenes").mkdir()
    (tmp_path / "story.yaml").write_text("title: T\nlanguages: [en]\nstart: s\nvariables:\n"
                                         "  x: {type: int, min: 0, max: 3, default: 0}\n"
                                         "endings:\n  done: {title: Done}\n", encoding="utf-8")
    (tmp_path / "scenes" / "s.yaml").write_text(f"scene: s\nscript:\n{script}", encoding="utf-8")
    ops = tuple(load_story(tmp_path).scene("s").ops)
    where = {op.text.get("en"): pc for pc, op in enumerate(ops) if isinstance(op, m.Line)}
    where.update({f"choice {i}": pc for i, pc in enumerate(pc for pc, op in enumerate(ops) if isinstance(op, m.Choice))})
    branches = [pc for pc, op in enumerate(ops) if isinstance(op, m.Branch)]
    if branches:
        where["if"] = branches[0]
    return SceneBlocks(ops), where


def test_options_hold_their_branches_innermost_first(tmp_path: Path) -> None:
    blocks, at = scene(tmp_path)
    outer, inner = at["choice 0"], at["choice 1"]
    assert blocks.options_of(at["a-else"]) == [(outer, 0)]
    assert blocks.options_of(at["c-first"]) == [(outer, 2)]
    assert blocks.options_of(at["c1-line"]) == [(inner, 0), (outer, 2)]
    assert blocks.options_of(at["after the choice"]) == []
    assert blocks.options_of(at["start"]) == []
    assert [(b.owner, b.index, b.is_option) for b in blocks.containing(at["a-else"])] == \
        [(at["if"], 1, False), (outer, 0, True)]


def test_the_steps_before_leave_out_other_branches(tmp_path: Path) -> None:
    blocks, at = scene(tmp_path)
    assert list(blocks.before(at["a-after"])) == [at["if"], at["choice 0"], at["start"]]  # not a-then / a-else
    assert list(blocks.before(at["a-else"])) == [at["if"], at["choice 0"], at["start"]]  # not a-then
    assert list(blocks.before(at["c-first"])) == [at["choice 0"], at["start"]]  # not option A's steps
    assert list(blocks.before(at["c1-line"])) == [at["choice 1"], at["c-first"], at["choice 0"], at["start"]]
    assert list(blocks.before(at["after the choice"])) == [at["choice 0"], at["start"]]


def test_a_choice_none_of_whose_options_falls_through(tmp_path: Path) -> None:
    script = ("  - choice:\n      - text: A\n        then:\n          - narrator: a\n          - goto: end\n"
              "      - text: B\n        then:\n          - narrator: b\n          - goto: end\n"
              "  - label: end\n  - narrator: after\n  - ending: done\n")
    blocks, at = scene(tmp_path, script)
    assert blocks.options_of(at["b"]) == [(at["choice 0"], 1)]
    assert blocks.options_of(at["after"]) == []
    assert list(blocks.before(at["after"]))[1] == at["choice 0"]  # the label, then the choice
