"""Every kind of problem the story loader reports: its message, file, line and column.

Most tests write a tiny story (one manifest, one scene file given inline as YAML)
and check the one error it must produce.  Positions are looked up in the YAML
text itself (``at(text, needle)``), so each test shows both the broken YAML and
the exact spot the writer should be sent to.
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path
from textwrap import dedent, indent

import pytest

from game.story.loader import LoadResult, read_story
from game.story.problems import Problem

FIXTURES = Path(__file__).parent / "fixtures"
SAMPLE = FIXTURES / "sample"
SCENE = "scenes/test.yaml"
MANIFEST = "story.yaml"

STORY_YAML = """\
title: Test
languages: [en]
start: test
characters:
  jay:
    name: Jay
    color: "#ffc27a"
    looks: [neutral, smile]
variables:
  trust:     {type: int, min: 0, max: 5, default: 0}
  kept_tape: {type: bool, default: false}
  route:     {type: enum, values: [undecided, stay, go], default: undecided}
endings:
  reunion: {title: Reunion}
"""

# Each asset the small story names, and the file of the sample fixture it is copied from.
ASSETS = {
    "images/backgrounds/shop.png": "images/backgrounds/harbor_dusk.png",
    "images/characters/jay/neutral.png": "images/characters/mira/neutral.png",
    "images/characters/jay/smile.png": "images/characters/mira/smile.png",
    "audio/music/rain.wav": "audio/music/waves.wav",
    "audio/sfx/bell.wav": "audio/sfx/bell.wav",
}

MAP_TMX = """\
<?xml version="1.0" encoding="UTF-8"?>
<map version="1.10" orientation="orthogonal" width="4" height="4" tilewidth="16" tileheight="16">
 <objectgroup id="1" name="objects">
  <object id="1" name="door" x="0" y="0" width="16" height="16"/>
  <object id="2" name="exit" x="32" y="0" width="16" height="16">
   <properties>
    <property name="goto" value="test"/>
   </properties>
  </object>
 </objectgroup>
</map>
"""


# --- helpers ------------------------------------------------------------------

def write_story(root: Path, scenes: dict[str, str], story_yaml: str = STORY_YAML) -> Path:
    """A story folder at ``root``: the manifest, the small story's assets and ``scenes`` (name: YAML)."""
    for target, source in ASSETS.items():
        (root / target).parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(SAMPLE / source, root / target)
    (root / MANIFEST).write_text(story_yaml, encoding="utf-8")
    for name, text in scenes.items():
        (root / "scenes" / name).parent.mkdir(parents=True, exist_ok=True)
        (root / "scenes" / name).write_text(text, encoding="utf-8")
    return root


def load(tmp_path: Path, scene: str, story_yaml: str = STORY_YAML) -> LoadResult:
    """Read a one-scene story whose scene file (scenes/test.yaml) is ``scene``."""
    return read_story(write_story(tmp_path / "story", {"test.yaml": scene}, story_yaml))


def edit(text: str, old: str, new: str) -> str:
    """``text`` with its one occurrence of ``old`` replaced by ``new``."""
    assert text.count(old) == 1, f"{old!r} is not in the text exactly once"
    return text.replace(old, new)


def sample_with(tmp_path: Path, file: str, old: str, new: str) -> Path:
    """A copy of the sample fixture with one small edit in ``file``."""
    root = tmp_path / "sample"
    shutil.copytree(SAMPLE, root)
    path = root / file
    path.write_text(edit(path.read_text(encoding="utf-8"), old, new), encoding="utf-8")
    return root


def at(text: str, needle: str, occurrence: int = 1) -> tuple[int, int]:
    """The 1-based (line, column) where ``needle`` starts in ``text`` (its n-th occurrence)."""
    if occurrence == 1:
        assert text.count(needle) == 1, f"{needle!r} is not in the text exactly once"
    index = -1
    for _ in range(occurrence):
        index = text.index(needle, index + 1)
    before = text[:index]
    return before.count("\n") + 1, index - (before.rfind("\n") + 1) + 1


def errors(result: LoadResult) -> list[Problem]:
    return [p for p in result.problems if p.severity == "error"]


def the_error(result: LoadResult) -> Problem:
    """The single error of ``result`` (a story with errors never loads)."""
    found = errors(result)
    assert len(found) == 1, "expected exactly one error, got:\n" + "\n".join(map(str, result.problems))
    assert result.story is None
    return found[0]


def assert_error(result: LoadResult, file: str, text: str, needle: str, *fragments: str,
                 occurrence: int = 1) -> Problem:
    """Exactly one error, in ``file`` where ``needle`` starts in ``text``, its message holding ``fragments``."""
    error = the_error(result)
    assert (error.file, error.line, error.column) == (file, *at(text, needle, occurrence)), str(error)
    for fragment in fragments:
        assert fragment in error.message, str(error)
    return error


def bilingual(story_yaml: str = STORY_YAML) -> str:
    """The small story with languages [en, ko] and every manifest text translated."""
    story = edit(story_yaml, "languages: [en]", "languages: [en, ko]")
    story = edit(story, "title: Test", "title: {en: Test, ko: 시험}")
    story = edit(story, "name: Jay", "name: {en: Jay, ko: 제이}")
    return edit(story, "{title: Reunion}", "{title: {en: Reunion, ko: 재회}}")


def scene_with(body: str) -> str:
    """A scene file for scene ``test`` whose script is ``body`` (re-indented by two spaces)."""
    return "scene: test\nscript:\n" + indent(dedent(body), "  ")


# --- the small story itself, and the format of problems ------------------------

def test_the_small_story_loads_without_problems(tmp_path: Path) -> None:
    result = load(tmp_path, scene_with("""\
      - bg: shop
      - music: rain
      - sfx: bell
      - show: jay
        look: smile
      - jay smile: Hello.
      - ending: reunion
    """))
    assert result.problems == ()
    assert result.story is not None


def test_the_sample_fixture_loads_with_its_one_warning() -> None:
    result = read_story(SAMPLE)
    assert result.story is not None
    assert [str(p) for p in result.problems] == [
        "scenes/harbor.yaml:14:11: warning: missing translation (ko) of the line of 'mira'"]


def test_a_problem_reads_file_line_column_severity_message(tmp_path: Path) -> None:
    scene = scene_with("""\
      - ending: reunon
    """)
    error = the_error(load(tmp_path, scene))
    assert error.severity == "error"
    assert str(error) == f"{SCENE}:3:13: error: {error.message}"


# --- YAML syntax -------------------------------------------------------------

def test_yaml_syntax_error_points_at_the_offending_character(tmp_path: Path) -> None:
    scene = scene_with("""\
      - narrator: a: b
      - ending: reunion
    """)
    assert_error(load(tmp_path, scene), SCENE, scene, ": b", "YAML syntax", "mapping values are not allowed")


def test_yaml_syntax_error_in_story_yaml(tmp_path: Path) -> None:
    story = edit(STORY_YAML, "languages: [en]", "languages: [en")
    error = the_error(load(tmp_path, scene_with("  - ending: reunion\n"), story))
    assert error.message.startswith("YAML syntax")
    # the unclosed list runs on into the next line, where the parser gives up at `start:`
    assert (error.file, error.line, error.column) == (MANIFEST, *at(story, ": test"))


def test_unreadable_story_yaml_blames_only_story_yaml(tmp_path: Path) -> None:
    # The scenes are fine; without a readable manifest they must not be judged against made-up
    # defaults (such as a story whose only language is en, which makes every `ko` text an error).
    root = sample_with(tmp_path, MANIFEST, "start: harbor", "start: [harbor")
    result = read_story(root)
    assert result.story is None
    assert [(p.file, p.line) for p in errors(result)] == [(MANIFEST, 4)], "\n".join(map(str, result.problems))


# --- unknown keys ---------------------------------------------------------------

def test_unknown_key_in_a_step_suggests_the_right_one(tmp_path: Path) -> None:
    scene = scene_with("""\
      - bg: shop
        transiton: fade
      - ending: reunion
    """)
    assert_error(load(tmp_path, scene), SCENE, scene, "transiton",
                 "unknown key 'transiton'", "did you mean 'transition'")


@pytest.mark.parametrize(("step", "named"), [("ending: reunion", "an ending step"), ("bg: shop", "a bg step")])
def test_an_unknown_key_names_its_step_kind(tmp_path: Path, step: str, named: str) -> None:
    scene = scene_with(f"""\
      - {step}
        spare: 1
      - ending: reunion
    """)
    assert_error(load(tmp_path, scene), SCENE, scene, "spare", f"unknown key 'spare' in {named}")


def test_unknown_key_in_story_yaml_suggests_the_right_one(tmp_path: Path) -> None:
    story = edit(STORY_YAML, "start: test\n", "start: test\nlanugages: [en]\n")
    assert_error(load(tmp_path, scene_with("  - ending: reunion\n"), story), MANIFEST, story, "lanugages",
                 "unknown key 'lanugages' in story.yaml", "did you mean 'languages'")


def test_unknown_key_in_a_scene_file(tmp_path: Path) -> None:
    scene = "scene: test\ntitel: The Test\nscript:\n  - ending: reunion\n"
    assert_error(load(tmp_path, scene), SCENE, scene, "titel", "unknown key 'titel'", "did you mean 'title'")


def test_unknown_key_in_a_choice_option(tmp_path: Path) -> None:
    scene = scene_with("""\
      - choice:
          - text: Stay.
            than:
              - narrator: Fine.
      - ending: reunion
    """)
    assert_error(load(tmp_path, scene), SCENE, scene, "than", "unknown key 'than'", "did you mean 'then'")


# --- characters and looks -----------------------------------------------------

@pytest.mark.parametrize("line, fragments", [
    ("- bob: Hello.", ("unknown speaker or step 'bob'",)),
    ("- jya: Hello.", ("unknown speaker or step 'jya'", "did you mean 'jay'")),
    ("- narator: Hello.", ("unknown speaker or step 'narator'", "did you mean 'narrator'")),
])
def test_undeclared_speaker(tmp_path: Path, line: str, fragments: tuple[str, ...]) -> None:
    scene = scene_with(f"  {line}\n  - ending: reunion\n")
    assert_error(load(tmp_path, scene), SCENE, scene, line[2:], *fragments)


@pytest.mark.parametrize("step", ["show", "hide"])
def test_undeclared_character_in_show_and_hide(tmp_path: Path, step: str) -> None:
    scene = scene_with(f"  - {step}: jya\n  - ending: reunion\n")
    assert_error(load(tmp_path, scene), SCENE, scene, "jya", "unknown character 'jya'", "did you mean 'jay'")


def test_unknown_look_in_a_speaker_line(tmp_path: Path) -> None:
    scene = scene_with("""\
      - jay happy: Hello.
      - ending: reunion
    """)
    assert_error(load(tmp_path, scene), SCENE, scene, "jay happy",
                 "'jay' has no look 'happy'", "declared looks: neutral, smile")


def test_unknown_look_in_show(tmp_path: Path) -> None:
    scene = scene_with("""\
      - show: jay
        look: smlie
      - ending: reunion
    """)
    assert_error(load(tmp_path, scene), SCENE, scene, "smlie", "'jay' has no look 'smlie'",
                 "did you mean 'smile'")


def test_the_narrator_has_no_looks(tmp_path: Path) -> None:
    scene = scene_with("  - narrator smile: Hello.\n  - ending: reunion\n")
    assert_error(load(tmp_path, scene), SCENE, scene, "narrator smile", "the narrator has no looks")


# --- variables: set, add ----------------------------------------------------------

@pytest.mark.parametrize("step", ["set", "add"])
def test_undeclared_variable_in_set_and_add(tmp_path: Path, step: str) -> None:
    scene = scene_with(f"  - {step}: {{trsut: 1}}\n  - ending: reunion\n")
    assert_error(load(tmp_path, scene), SCENE, scene, "trsut", "unknown variable 'trsut'",
                 "did you mean 'trust'")


@pytest.mark.parametrize("effect, needle, fragments", [
    ("set: {trust: high}", "high", ("'trust' is a whole number; cannot set it to 'high'",)),
    ("set: {trust: 9}", "9", ("9 is outside the range of 'trust' (0..5)",)),
    ("set: {trust: -1}", "-1", ("-1 is outside the range of 'trust' (0..5)",)),
    ("set: {kept_tape: 1}", "1}", ("'kept_tape' is true/false; cannot set it to 1",)),
    ("set: {route: stya}", "stya", ("'stya' is not a value of 'route' (undecided, stay, go)",
                                    "did you mean 'stay'")),
    ("add: {kept_tape: 1}", "1}", ("`add` works on whole-number variables; 'kept_tape' is bool",)),
    ("add: {route: 1}", "1}", ("`add` works on whole-number variables; 'route' is enum",)),
    ("add: {trust: lots}", "lots", ("`add` needs a whole number for 'trust'",)),
])
def test_set_and_add_check_the_declared_type_and_range(tmp_path: Path, effect: str, needle: str,
                                                         fragments: tuple[str, ...]) -> None:
    scene = scene_with(f"  - {effect}\n  - ending: reunion\n")
    assert_error(load(tmp_path, scene), SCENE, scene, needle, *fragments)


def test_set_in_a_choice_option_is_checked_too(tmp_path: Path) -> None:
    scene = scene_with("""\
      - choice:
          - text: Go.
            set: {route: gone}
      - ending: reunion
    """)
    assert_error(load(tmp_path, scene), SCENE, scene, "gone", "'gone' is not a value of 'route'")


# --- endings and targets --------------------------------------------------------

def test_undeclared_ending(tmp_path: Path) -> None:
    scene = scene_with("  - ending: reunon\n")
    assert_error(load(tmp_path, scene), SCENE, scene, "reunon", "undeclared ending 'reunon'",
                 "did you mean 'reunion'", "declare it under `endings:`")


@pytest.mark.parametrize("step", ["goto", "call"])
@pytest.mark.parametrize("target, fragment", [
    ("nowhere", "no scene or label 'nowhere'"),
    ("tset", "did you mean 'test'"),
    ("elsewhere.start", "no scene 'elsewhere'"),
    ("test.nolabel", "scene 'test' has no label 'nolabel'"),
])
def test_goto_and_call_to_something_missing(tmp_path: Path, step: str, target: str, fragment: str) -> None:
    scene = scene_with(f"  - {step}: {target}\n  - ending: reunion\n")
    assert_error(load(tmp_path, scene), SCENE, scene, target, f"goto / call target {target!r}", fragment)


def test_goto_to_a_missing_label_of_another_scene_suggests_the_label(tmp_path: Path) -> None:
    root = sample_with(tmp_path, "scenes/harbor.yaml", "goto: stairs.climb", "goto: stairs.clmb")
    error = the_error(read_story(root))
    assert (error.file, error.line, error.column) == ("scenes/harbor.yaml", 24, 15)
    assert "scene 'stairs' has no label 'clmb' (did you mean 'climb'?)" in error.message


def test_goto_in_a_choice_option_to_a_missing_scene(tmp_path: Path) -> None:
    scene = scene_with("""\
      - choice:
          - text: Leave.
            goto: nowhere
      - ending: reunion
    """)
    assert_error(load(tmp_path, scene), SCENE, scene, "nowhere", "no scene or label 'nowhere'")


def test_missing_start_target(tmp_path: Path) -> None:
    story = edit(STORY_YAML, "start: test", "start: tset")
    assert_error(load(tmp_path, scene_with("  - ending: reunion\n"), story), MANIFEST, story, "tset",
                 "`start`: no scene 'tset'", "did you mean 'test'")


def test_start_naming_a_missing_label(tmp_path: Path) -> None:
    story = edit(STORY_YAML, "start: test", "start: test.middle")
    assert_error(load(tmp_path, scene_with("  - ending: reunion\n"), story), MANIFEST, story, "test.middle",
                 "scene 'test' has no label 'middle'")


def test_missing_start_key(tmp_path: Path) -> None:
    story = edit(STORY_YAML, "start: test\n", "")
    error = the_error(load(tmp_path, scene_with("  - ending: reunion\n"), story))
    assert (error.file, error.line, error.column) == (MANIFEST, 1, 1)
    assert "story.yaml needs `start:`" in error.message


# --- scenes and labels ----------------------------------------------------------

def test_duplicate_scene_id_across_two_files_names_the_first(tmp_path: Path) -> None:
    first = "scene: test\nscript:\n  - ending: reunion\n"
    second = "# a copy\nscene: test\nscript:\n  - ending: reunion\n"
    result = read_story(write_story(tmp_path / "story", {"a.yaml": first, "b.yaml": second}))
    assert_error(result, "scenes/b.yaml", second, "test",
                 "the scene id 'test' is already used by scenes/a.yaml:1")


def test_duplicate_label_in_one_scene(tmp_path: Path) -> None:
    scene = scene_with("""\
      - label: again
      - narrator: Hello.
      - if: kept_tape
        then:
          - label: again
      - ending: reunion
    """)
    assert_error(load(tmp_path, scene), SCENE, scene, "again", "the label 'again' is already defined in "
                 "scene 'test' at line 3", occurrence=2)


def test_scene_id_must_be_a_name(tmp_path: Path) -> None:
    scene = "scene: my-scene\nscript:\n  - ending: reunion\n"
    result = read_story(write_story(tmp_path / "story", {"a.yaml": "scene: test\nscript:\n  - ending: reunion\n",
                                                          "b.yaml": scene}))
    assert_error(result, "scenes/b.yaml", scene, "my-scene", "a scene id must be a name", "'my-scene'")


@pytest.mark.parametrize("text, needle, fragment", [
    ("title: No id\nscript:\n  - ending: reunion\n", "title", "a scene file needs `scene:`"),
    ("scene: other\n", "scene", "the scene 'other' needs `script:`"),
    ("scene: other\nscript: []\n", "[]", "the script of 'other' is empty"),
    ("scene: other\nscript: ending\n", "ending", "`script` must be a list"),
    ("- scene: other\n", "- scene", "a scene file must be a mapping"),
])
def test_malformed_scene_file(tmp_path: Path, text: str, needle: str, fragment: str) -> None:
    scenes = {"test.yaml": "scene: test\nscript:\n  - ending: reunion\n", "other.yaml": text}
    result = read_story(write_story(tmp_path / "story", scenes))
    assert_error(result, "scenes/other.yaml", text, needle, fragment)


def test_empty_scene_file(tmp_path: Path) -> None:
    scenes = {"test.yaml": "scene: test\nscript:\n  - ending: reunion\n", "empty.yaml": ""}
    error = the_error(read_story(write_story(tmp_path / "story", scenes)))
    assert (error.file, error.line, error.column) == ("scenes/empty.yaml", 1, 1)
    assert "the file is empty" in error.message


def test_a_story_without_scene_files(tmp_path: Path) -> None:
    error = the_error(read_story(write_story(tmp_path / "story", {})))
    assert (error.file, error.line) == (MANIFEST, 1)
    assert "no scene files under scenes/" in error.message


def test_story_yaml_missing(tmp_path: Path) -> None:
    root = write_story(tmp_path / "story", {"test.yaml": "scene: test\nscript:\n  - ending: reunion\n"})
    (root / MANIFEST).unlink()
    error = the_error(read_story(root))
    assert (error.file, error.line, error.column) == (MANIFEST, 1, 1)
    assert "no story.yaml" in error.message


def test_unreadable_scene_file(tmp_path: Path) -> None:
    root = write_story(tmp_path / "story", {"test.yaml": "scene: test\nscript:\n  - ending: reunion\n"})
    os.symlink("loop.yaml", root / "scenes" / "loop.yaml")  # a link to itself: it can never be read
    error = the_error(read_story(root))
    assert (error.file, error.line, error.column) == ("scenes/loop.yaml", 1, 1)
    assert "cannot read the file" in error.message


def test_scene_file_linking_outside_the_story_folder(tmp_path: Path) -> None:
    outside = tmp_path / "elsewhere" / "other.yaml"
    outside.parent.mkdir()
    outside.write_text("scene: other\nscript:\n  - ending: reunion\n", encoding="utf-8")
    root = write_story(tmp_path / "story", {"test.yaml": "scene: test\nscript:\n  - ending: reunion\n"})
    os.symlink(outside, root / "scenes" / "other.yaml")
    error = the_error(read_story(root))
    assert (error.file, error.line) == ("scenes/other.yaml", 1)
    assert "link to outside the story folder" in error.message


# --- running off the end ----------------------------------------------------------

@pytest.mark.parametrize("body, needle", [
    ("""\
      - bg: shop
      - narrator: The end?
    """, "narrator: The end?"),
    ("""\
      - if: kept_tape
        then:
          - ending: reunion
    """, "if: kept_tape"),
    ("""\
      - if: kept_tape
        then:
          - ending: reunion
        else:
          - narrator: Nothing happens.
    """, "if: kept_tape"),
    ("""\
      - choice:
          - text: Leave.
            goto: test
          - text: Stay.
    """, "choice"),
    ("""\
      - call: test
    """, "call: test"),
])
def test_scene_that_runs_off_its_end(tmp_path: Path, body: str, needle: str) -> None:
    scene = scene_with(body)
    error = assert_error(load(tmp_path, scene), SCENE, scene, needle, "scene 'test' runs off its end")
    assert error.code == "fall-off"


@pytest.mark.parametrize("body", [
    """\
      - if: kept_tape
        then:
          - goto: test
        else:
          - ending: reunion
    """,
    """\
      - choice:
          - text: Again.
            goto: test
          - text: Stop.
            then:
              - ending: reunion
    """,
    """\
      - return
    """,
])
def test_scene_whose_every_branch_ends_is_not_an_error(tmp_path: Path, body: str) -> None:
    result = load(tmp_path, scene_with(body))
    assert result.problems == ()
    assert result.story is not None


# --- assets ---------------------------------------------------------------------

@pytest.mark.parametrize("step, fragment", [
    ("bg: nosuch", "no background named 'nosuch': expected images/backgrounds/nosuch"),
    ("music: nosuch", "no music named 'nosuch': expected audio/music/nosuch"),
    ("sfx: nosuch", "no sfx named 'nosuch': expected audio/sfx/nosuch"),
])
def test_missing_asset(tmp_path: Path, step: str, fragment: str) -> None:
    scene = scene_with(f"  - {step}\n  - ending: reunion\n")
    assert_error(load(tmp_path, scene), SCENE, scene, "nosuch", fragment)


def test_missing_character_look_image(tmp_path: Path) -> None:
    story = edit(STORY_YAML, "looks: [neutral, smile]", "looks: [neutral, smile, sad]")
    assert_error(load(tmp_path, scene_with("  - ending: reunion\n"), story), MANIFEST, story, "sad",
                 "no character named 'jay/sad'", "images/characters/jay/sad")


@pytest.mark.parametrize("step", ["bg", "music", "sfx"])
@pytest.mark.parametrize("name", ["../../etc/passwd", "/etc/passwd", "sub/../../x", "..\\..\\x", "C:/x"])
def test_asset_name_that_escapes_the_story_folder(tmp_path: Path, step: str, name: str) -> None:
    scene = scene_with(f"  - {step}: '{name}'\n  - ending: reunion\n")
    assert_error(load(tmp_path, scene), SCENE, scene, f"'{name}'", "leaves the story folder")


def test_asset_name_with_an_extension_is_refused(tmp_path: Path) -> None:
    scene = scene_with("  - bg: shop.png\n  - ending: reunion\n")
    assert_error(load(tmp_path, scene), SCENE, scene, "shop.png", "may hold only letters",
                 "(and no extension)")


def test_background_symlinked_outside_the_story_folder(tmp_path: Path) -> None:
    secret = tmp_path / "elsewhere" / "secret.png"
    secret.parent.mkdir()
    shutil.copyfile(SAMPLE / "images/backgrounds/harbor_dusk.png", secret)
    scene = scene_with("  - bg: secret\n  - ending: reunion\n")
    root = write_story(tmp_path / "story", {"test.yaml": scene})
    os.symlink(secret, root / "images/backgrounds/secret.png")
    assert_error(read_story(root), SCENE, scene, "secret", "the background 'secret' is a link to a file "
                 "outside the story folder")


def test_character_look_symlinked_outside_the_story_folder(tmp_path: Path) -> None:
    secret = tmp_path / "elsewhere" / "sad.png"
    secret.parent.mkdir()
    shutil.copyfile(SAMPLE / "images/characters/mira/tired.png", secret)
    story = edit(STORY_YAML, "looks: [neutral, smile]", "looks: [neutral, smile, sad]")
    root = write_story(tmp_path / "story", {"test.yaml": scene_with("  - ending: reunion\n")}, story)
    os.symlink(secret, root / "images/characters/jay/sad.png")
    assert_error(read_story(root), MANIFEST, story, "sad", "is a link to a file outside the story folder")


def test_background_symlinked_inside_the_story_folder_is_fine(tmp_path: Path) -> None:
    root = write_story(tmp_path / "story", {"test.yaml": scene_with("  - bg: alias\n  - ending: reunion\n")})
    os.symlink(root / "images/backgrounds/shop.png", root / "images/backgrounds/alias.png")
    result = read_story(root)
    assert result.problems == ()
    assert result.story is not None


# --- conditions ------------------------------------------------------------------

@pytest.mark.parametrize("condition, fragments", [
    ("trust >=", ("expected a value, found the end of the condition", "(at character 9)")),
    ("trust && kept_tape", ("unexpected '&&': use 'and'", "(at character 7)")),
    ("trust = 2", ("unexpected '=': use '==' to compare", "(at character 7)")),
    ("(trust > 1", ("expected ')', found the end", "(at character 11)")),
    ("trsut > 1", ("unknown variable 'trsut' (did you mean 'trust'?)", "(at character 1)")),
    ("trust > 9", ("9 is outside the range of 'trust' (0..5)", "(at character 9)")),
    ("trust >= -1", ("-1 is outside the range of 'trust' (0..5)",)),
    ("route == 'stya'", ("'stya' is not a value of 'route' (undecided, stay, go)", "did you mean 'stay'",
                         "(at character 10)")),
    ("route > 'stay'", ("'route' is a choice of values: compare it with == or !=",)),
    ("kept_tape > 1", ("cannot compare true/false with a number",)),
    ("kept_tape == 1", ("cannot compare true/false with a number",)),
    ("trust", ("a condition must be true or false",)),
    ("visited('nosuchscene')", ("visited('nosuchscene') names no scene", "(at character 9)")),
    ("visited('test.nolabel')", ("scene 'test' has no label 'nolabel'",)),
    ("seen('test')", ("unknown function 'seen'",)),
])
def test_bad_condition(tmp_path: Path, condition: str, fragments: tuple[str, ...]) -> None:
    scene = scene_with(f"""\
      - if: "{condition}"
        then:
          - narrator: Yes.
      - ending: reunion
    """)
    assert_error(load(tmp_path, scene), SCENE, scene, f'"{condition}"', f"in condition `{condition}`",
                 *fragments)


@pytest.mark.parametrize("condition", [
    "(" * 300 + "trust > 1" + ")" * 300,
    "not " * 2000 + "kept_tape",
    "kept_tape" + " and kept_tape" * 2000,
    "trust" + " + 1" * 2000 + " > 1",
], ids=["300 parentheses", "2000 nots", "2000 ands", "2000 sums"])
def test_condition_too_deep_to_compile_is_an_error_not_a_crash(tmp_path: Path, condition: str) -> None:
    scene = scene_with(f"""\
      - if: "{condition}"
        then:
          - narrator: Yes.
      - ending: reunion
    """)
    result = load(tmp_path, scene)  # must not raise RecursionError
    assert_error(result, SCENE, scene, f'"{condition}"', "condition")


def test_bad_condition_on_a_choice_option(tmp_path: Path) -> None:
    scene = scene_with("""\
      - choice:
          - text: Go.
            if: route == 'gone'
          - text: Stay.
      - ending: reunion
    """)
    assert_error(load(tmp_path, scene), SCENE, scene, "route == 'gone'", "'gone' is not a value of 'route'")


def test_if_without_then(tmp_path: Path) -> None:
    scene = scene_with("""\
      - if: kept_tape
      - ending: reunion
    """)
    assert_error(load(tmp_path, scene), SCENE, scene, "if: kept_tape", "an `if` step needs `then:`")


# --- choices --------------------------------------------------------------------

@pytest.mark.parametrize("default", [0, 3])
def test_timed_choice_default_out_of_range(tmp_path: Path, default: int) -> None:
    scene = scene_with(f"""\
      - choice:
          timeout: 5
          default: {default}
          options:
            - text: Stay.
            - text: Go.
      - ending: reunion
    """)
    assert_error(load(tmp_path, scene), SCENE, scene, f"{default}\n",
                 f"`default` is the number of an option, 1 to 2, not {default}")


def test_timed_choice_without_default(tmp_path: Path) -> None:
    scene = scene_with("""\
      - choice:
          timeout: 5
          options:
            - text: Stay.
      - ending: reunion
    """)
    assert_error(load(tmp_path, scene), SCENE, scene, "timeout", "a timed choice needs `default:`")


@pytest.mark.parametrize("body, needle", [
    ("  - choice: []\n", "[]"),
    ("  - choice:\n      timeout: 5\n      default: 1\n      options: []\n", "timeout"),
])
def test_choice_with_no_options(tmp_path: Path, body: str, needle: str) -> None:
    scene = scene_with(body + "  - ending: reunion\n")
    assert_error(load(tmp_path, scene), SCENE, scene, needle, "a choice needs at least one option")


def test_choice_option_without_text(tmp_path: Path) -> None:
    scene = scene_with("""\
      - choice:
          - goto: test
          - text: Stay.
      - ending: reunion
    """)
    assert_error(load(tmp_path, scene), SCENE, scene, "goto: test", "a choice option needs `text:`")


# --- steps ------------------------------------------------------------------------

def test_two_steps_in_one_list_item(tmp_path: Path) -> None:
    scene = scene_with("""\
      - set: {trust: 1}
        goto: test
      - ending: reunion
    """)
    assert_error(load(tmp_path, scene), SCENE, scene, "goto: test",
                 "one step per list item: 'set' and 'goto' are in the same step")


def test_two_lines_in_one_list_item(tmp_path: Path) -> None:
    scene = scene_with("""\
      - narrator: Hello.
        jay: Hi.
      - ending: reunion
    """)
    assert_error(load(tmp_path, scene), SCENE, scene, "jay: Hi.", "one line per step: 'narrator' and 'jay'")


def test_companion_key_without_its_step(tmp_path: Path) -> None:
    scene = scene_with("""\
      - narrator: Hello.
        transition: fade
      - ending: reunion
    """)
    assert_error(load(tmp_path, scene), SCENE, scene, "transition", "'transition' belongs to a 'bg' step")


def test_a_step_that_is_not_a_mapping(tmp_path: Path) -> None:
    scene = scene_with("  - Hello there\n  - ending: reunion\n")
    assert_error(load(tmp_path, scene), SCENE, scene, "Hello there", "a step must be a mapping",
                 "'Hello there'")


@pytest.mark.parametrize("step, needle, fragments", [
    ("- bg: shop\n    transition: fdae", "fdae", ("unknown transition 'fdae'", "did you mean 'fade'")),
    ("- show: jay\n    at: middle", "middle", ("`at` must be left, center or right, not 'middle'",)),
    ("- wait: soon", "soon", ("`wait` must be a number of seconds from 0 to 600",)),
    ("- wait: -1", "-1", ("`wait` must be a number of seconds",)),
    ("- bg: shop\n    time: 100", "100", ("`time` must be a number of seconds from 0 to 60",)),
    ("- narrator: 5", "5", ("the line of 'narrator' must be a text",)),
    ("- narrator: {en: 5}", "5}", ("the en text of the line of 'narrator' must be text",
                                     "(put it in quotes)")),
    ("- narrator: {}", "{}", ("the line of 'narrator' is empty",)),
    ("- return: now", "now", ("`return` takes no value",)),
])
def test_bad_step_value(tmp_path: Path, step: str, needle: str, fragments: tuple[str, ...]) -> None:
    scene = scene_with(f"  {step}\n  - ending: reunion\n")
    assert_error(load(tmp_path, scene), SCENE, scene, needle, *fragments)


# --- story.yaml declarations -------------------------------------------------------

@pytest.mark.parametrize("old, new, needle, fragments", [
    ("{type: int, min: 0, max: 5, default: 0}", "{type: int, min: 0, max: 5, default: 7}", "7}",
     ("the default of 'trust' (7) is outside 0..5",)),
    ("{type: int, min: 0, max: 5, default: 0}", "{type: int, min: 6, max: 5, default: 0}", "6,",
     ("`min` of 'trust' is above its `max`",)),
    ("{type: int, min: 0, max: 5, default: 0}", "{type: int, min: 0, max: many, default: 0}", "many",
     ("`max` of 'trust' must be a whole number",)),
    ("{type: int, min: 0, max: 5, default: 0}", "{type: integer, min: 0, max: 5, default: 0}", "integer",
     ("the type of 'trust' must be int, bool or enum", "did you mean 'int'")),
    ("{type: bool, default: false}", "{type: bool, default: no}", "no}",
     ("the default of 'kept_tape' must be true or false",)),
    ("default: undecided}", "default: unsure}", "unsure",
     ("the default of 'route' must be one of undecided, stay, go",)),
    ('color: "#ffc27a"', "color: orange", "orange", ('a colour is written "#rrggbb"', "'orange'")),
    ('color: "#ffc27a"', 'color: "#fc7"', '"#fc7"', ('a colour is written "#rrggbb"',)),
    ("looks: [neutral, smile]", "looks: [neutral, smile, neutral]", "neutral]",
     ("the look 'neutral' is listed twice",)),
    ("languages: [en]", "languages: [en, EN]", "EN", ("a language is a code like en or ko",)),
    ("languages: [en]", "languages: [en, en]", "en]", ("the language 'en' is listed twice",)),
    ("  reunion: {title: Reunion}", "  reunion: {title: {en: Reunion, ko: 재회}}", "ko",
     ("unknown language 'ko' in the title of ending 'reunion'", "the story's languages are en")),
])
def test_bad_declaration_in_story_yaml(tmp_path: Path, old: str, new: str, needle: str,
                                        fragments: tuple[str, ...]) -> None:
    story = edit(STORY_YAML, old, new)
    assert_error(load(tmp_path, scene_with("  - ending: reunion\n"), story), MANIFEST, story, needle,
                 *fragments)


def test_reserved_word_as_character_id(tmp_path: Path) -> None:
    story = edit(STORY_YAML, "variables:\n", "  goto:\n    looks: [neutral]\nvariables:\n")
    assert_error(load(tmp_path, scene_with("  - ending: reunion\n"), story), MANIFEST, story, "goto:",
                 "'goto' is reserved and cannot be a character id")


def test_missing_title(tmp_path: Path) -> None:
    story = edit(STORY_YAML, "title: Test\n", "")
    error = the_error(load(tmp_path, scene_with("  - ending: reunion\n"), story))
    assert (error.file, error.line, error.column) == (MANIFEST, 1, 1)
    assert "story.yaml needs `title:`" in error.message


def test_language_not_in_languages_inside_a_text_map(tmp_path: Path) -> None:
    scene = scene_with("""\
      - narrator: {en: Hello., ko: 안녕.}
      - ending: reunion
    """)
    assert_error(load(tmp_path, scene), SCENE, scene, "ko", "unknown language 'ko' in the line of 'narrator'",
                 "the story's languages are en")


def test_language_typo_inside_a_text_map_suggests_the_language(tmp_path: Path) -> None:
    scene = scene_with("""\
      - narrator: {en: Hello., kor: 안녕.}
      - ending: reunion
    """)
    assert_error(load(tmp_path, scene, bilingual()), SCENE, scene, "kor", "unknown language 'kor'",
                 "did you mean 'ko'")


# --- maps ---------------------------------------------------------------------------

def load_with_map(tmp_path: Path, scene: str, tmx: str = MAP_TMX) -> LoadResult:
    root = write_story(tmp_path / "story", {"test.yaml": scene})
    (root / "maps").mkdir()
    (root / "maps" / "alley.tmx").write_text(tmx, encoding="utf-8")
    return read_story(root)


def test_a_story_with_a_map_loads(tmp_path: Path) -> None:
    result = load_with_map(tmp_path, scene_with("  - map: alley\n    spawn: door\n"))
    assert result.problems == ()
    assert result.story is not None


@pytest.mark.parametrize("step, needle, fragments", [
    ("- map: alley", "map: alley", ("a map step needs `spawn:`",)),
    ("- map: nosuch\n    spawn: door", "nosuch", ("no map named 'nosuch'",)),
    ("- map: alley\n    spawn: dor", "dor\n", ("no object named 'dor' in maps/alley.tmx", "did you mean 'door'")),
])
def test_bad_map_step(tmp_path: Path, step: str, needle: str, fragments: tuple[str, ...]) -> None:
    scene = scene_with(f"  {step}\n")
    assert_error(load_with_map(tmp_path, scene), SCENE, scene, needle, *fragments)


@pytest.mark.parametrize("old, new, needle, fragments", [
    ('<property name="goto" value="test"/>', '<property name="goto" value="nowhere"/>',
     '<property name="goto"', ("the goto of 'exit': no scene 'nowhere'",)),
    ('<property name="goto" value="test"/>',
     '<property name="goto" value="test"/>\n    <property name="call" value="test"/>',
     '<object id="2"', ("the object 'exit' has both goto and call",)),
    ('<property name="goto" value="test"/>',
     '<property name="goto" value="test"/>\n    <property name="trigger" value="step"/>',
     '<property name="trigger"', ("`trigger` of 'exit' must be interact or touch, not 'step'",)),
    ('<property name="goto" value="test"/>',
     '<property name="goto" value="test"/>\n    <property name="if" value="trust &gt; 9"/>',
     '<property name="if"', ("in condition `trust > 9`", "9 is outside the range of 'trust'")),
    ("</objectgroup>", "</objectgrup>", "objectgrup>", ("the map is not valid XML: mismatched tag",)),
])
def test_bad_map_file(tmp_path: Path, old: str, new: str, needle: str, fragments: tuple[str, ...]) -> None:
    tmx = edit(MAP_TMX, old, new)
    scene = scene_with("  - map: alley\n    spawn: door\n")
    assert_error(load_with_map(tmp_path, scene, tmx), "maps/alley.tmx", tmx, needle, *fragments)


def test_map_with_a_dtd_is_refused(tmp_path: Path) -> None:
    tmx = edit(MAP_TMX, "<map ", '<!DOCTYPE map [<!ENTITY lol "lol">]>\n<map ')
    error = the_error(load_with_map(tmp_path, scene_with("  - map: alley\n    spawn: door\n"), tmx))
    assert (error.file, error.line) == ("maps/alley.tmx", at(tmx, "<!DOCTYPE")[0])
    assert "the map declares a DTD" in error.message


# --- all problems at once, and warnings -----------------------------------------------

def test_every_problem_is_reported_at_once_sorted_by_file_then_line(tmp_path: Path) -> None:
    first = scene_with("""\
      - bg: shop
      - jay happy: Hello.
      - narrator: A line.
      - set: {trust: 9}
      - goto: other
    """)
    second = dedent("""\
        scene: other
        script:
          - ending: reunon
    """)
    result = read_story(write_story(tmp_path / "story", {"a.yaml": first, "b.yaml": second}))
    assert result.story is None
    assert [(p.file, p.line, p.column) for p in result.problems] == [
        ("scenes/a.yaml", *at(first, "jay happy")),
        ("scenes/a.yaml", *at(first, "9}")),
        ("scenes/b.yaml", *at(second, "reunon")),
    ]
    assert all(p.severity == "error" for p in result.problems)
    assert result.errors == list(result.problems)


def test_a_story_with_errors_is_never_returned(tmp_path: Path) -> None:
    root = sample_with(tmp_path, "scenes/tower/lamp_room.yaml", "ending: dawn", "ending: dusk")
    result = read_story(root)
    assert result.story is None
    error = the_error(result)
    assert (error.file, error.line, error.column) == ("scenes/tower/lamp_room.yaml", 44, 13)


def test_missing_translation_is_a_warning_and_the_story_still_loads(tmp_path: Path) -> None:
    scene = scene_with("""\
      - narrator: {en: Hello., ko: 안녕.}
      - jay: {en: Only English.}
      - narrator: Plain text.
      - ending: reunion
    """)
    result = load(tmp_path, scene, bilingual())
    assert result.story is not None
    assert [(p.severity, p.file, p.line, p.column) for p in result.problems] == [
        ("warning", SCENE, *at(scene, "{en: Only English.}")),
        ("warning", SCENE, *at(scene, "Plain text.")),
    ]
    assert all("missing translation (ko)" in p.message for p in result.problems)
    assert result.story.warnings == result.problems


TEMPLATE_TX = """\
<?xml version="1.0" encoding="UTF-8"?>
<template>
 <object name="exit" width="16" height="16">
  <properties>
   <property name="goto" value="test"/>
   <property name="trigger" value="touch"/>
  </properties>
 </object>
</template>
"""


def test_a_legacy_doctype_line_is_fine(tmp_path: Path) -> None:
    tmx = edit(MAP_TMX, "<map ", '<!DOCTYPE map SYSTEM "http://mapeditor.org/dtd/1.0/map.dtd">\n<map ')
    result = load_with_map(tmp_path, scene_with("  - map: alley\n    spawn: door\n"), tmx)
    assert result.problems == () and result.story is not None


def test_a_hotspot_made_from_a_template(tmp_path: Path) -> None:
    """Name, size and properties come from the .tx unless the object has its own (Tiled's rule)."""
    tmx = edit(MAP_TMX, '<object id="2" name="exit" x="32" y="0" width="16" height="16">\n   <properties>\n'
               '    <property name="goto" value="test"/>\n   </properties>\n  </object>',
               '<object id="2" template="exit.tx" x="32" y="0"/>\n'
               '  <object id="3" template="exit.tx" name="back" x="48" y="0">\n   <properties>\n'
               '    <property name="trigger" value="interact"/>\n   </properties>\n  </object>')
    root = write_story(tmp_path / "story", {"test.yaml": scene_with("  - map: alley\n    spawn: door\n")})
    (root / "maps").mkdir()
    (root / "maps" / "alley.tmx").write_text(tmx, encoding="utf-8")
    (root / "maps" / "exit.tx").write_text(TEMPLATE_TX, encoding="utf-8")
    result = read_story(root)
    assert result.problems == () and result.story is not None
    spots = {h.name: h for h in result.story.maps["alley"].hotspots}
    assert set(spots) == {"exit", "back"}
    assert (spots["exit"].trigger, spots["exit"].width) == ("touch", 16)
    assert spots["back"].trigger == "interact"  # its own property wins over the template's
    assert (spots["exit"].pos.file, spots["exit"].pos.line) == ("maps/alley.tmx", at(tmx, 'id="2"')[0])


def test_a_template_with_a_bad_target_is_reported_in_the_template(tmp_path: Path) -> None:
    tmx = edit(MAP_TMX, '<object id="2" name="exit" x="32" y="0" width="16" height="16">\n   <properties>\n'
               '    <property name="goto" value="test"/>\n   </properties>\n  </object>',
               '<object id="2" template="exit.tx" x="32" y="0"/>')
    tx = edit(TEMPLATE_TX, 'value="test"', 'value="nowhere"')
    root = write_story(tmp_path / "story", {"test.yaml": scene_with("  - map: alley\n    spawn: door\n")})
    (root / "maps").mkdir()
    (root / "maps" / "alley.tmx").write_text(tmx, encoding="utf-8")
    (root / "maps" / "exit.tx").write_text(tx, encoding="utf-8")
    error = the_error(read_story(root))
    assert (error.file, error.line) == ("maps/exit.tx", at(tx, 'name="goto"')[0])
    assert "nowhere" in error.message


@pytest.mark.parametrize("template, fragment", [
    ("../../outside.tx", "is outside the story folder"),
    ("missing.tx", "cannot read the file"),
])
def test_a_template_that_cannot_be_used(tmp_path: Path, template: str, fragment: str) -> None:
    (tmp_path / "outside.tx").write_text(TEMPLATE_TX, encoding="utf-8")
    tmx = edit(MAP_TMX, '<object id="1" name="door" x="0" y="0" width="16" height="16"/>',
               f'<object id="1" name="door" x="0" y="0" width="16" height="16"/>\n'
               f'  <object id="9" template="{template}" x="8" y="8"/>')
    error = the_error(load_with_map(tmp_path, scene_with("  - map: alley\n    spawn: door\n"), tmx))
    assert (error.file, error.line) == ("maps/alley.tmx", at(tmx, 'id="9"')[0])
    assert fragment in error.message
