"""Replays: a recorded playthrough, played headless through the real runtime, with expectations.

A replay file is YAML::

    story: ../../assets        # the story folder, relative to this file (default: the shipped story)
    language: en               # the language option texts are matched in
    choices:                   # at each choice (or map), the option to take:
      - 0                      #   a number: the n-th option the player sees (from 0)
      - "It was my mother's."  #   a text: the visible option with exactly this text (or a hotspot name)
    expect:
      ending: reunion          # the playthrough must end here
      lines: ["Depends on the turntable."]   # each must appear (as a substring) in some line seen
      variables:               # values at the first line or choice after the flow passes a label
        - at: rooftop.sunset
          trust: 3

``run_replay`` reports every expectation that does not hold, as readable diffs.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from functools import partial
from pathlib import Path
from typing import Any

from game.story import model as m
from game.story.cursor import Beat, Cursor, CursorError
from game.story.fields import kind_of
from game.story.files import FileRefused
from game.story.loader import read_story
from game.story.problems import QUOTE_LENGTH, clip, quote
from game.story.runtime import ChoiceEvent, MapEvent, Runtime, StoryRuntimeError
from game.story.yamlnodes import YList, YMap
from game.story.yamlsrc import MAX_FILE_BYTES, YamlProblem, parse_yaml, read_story_file

MAX_EVENTS = 1_000_000
MAX_REPLAY_BYTES = MAX_FILE_BYTES
REPLAY_KEYS = {"story", "language", "choices", "expect"}
EXPECT_KEYS = {"ending", "lines", "variables"}


class ReplayError(Exception):
    """A replay file that cannot be run (unreadable, or its story does not load)."""


@dataclass
class ReplayResult:
    file: Path
    ending: str | None = None
    failures: list[str] = field(default_factory=list)
    lines_seen: int = 0
    choices_made: int = 0

    @property
    def ok(self) -> bool:
        return not self.failures


@dataclass
class Replay:
    file: Path
    story: Path
    language: str
    choices: list[int | str]
    ending: str | None
    lines: list[str]
    variables: list[tuple[str, dict[str, Any]]]


def read_replay(path: Path, default_story: Path) -> Replay:
    """Read and validate a replay file; ReplayError (``file:line:column: message``) on anything wrong.

    The file is read as story files are (``read_story_file``: a regular file, its
    size checked before reading), then every key is checked for its kind: a replay never runs
    something other than what it says.
    """
    try:
        raw = read_story_file(path, None, MAX_REPLAY_BYTES)
    except FileRefused as exc:
        raise ReplayError(f"{path}: {exc}") from None
    try:
        data = parse_yaml(raw, str(path))
    except YamlProblem as exc:
        raise ReplayError(f"{exc.pos}: {exc.message}") from None
    if not isinstance(data, YMap):
        raise ReplayError(f"{path}:1:1: a replay is a mapping with story, language, choices and expect")
    unknown = set(data) - REPLAY_KEYS
    if unknown:
        first = min(unknown, key=data.key_at)
        raise ReplayError(f"{data.key_at(first)}: unknown key(s) {', '.join(clip(k, QUOTE_LENGTH) for k in sorted(unknown))}; "
                          f"allowed: {', '.join(sorted(REPLAY_KEYS))}")
    story = _story_folder(data, path, default_story)
    language = data.get("language")
    if language is not None and not isinstance(language, str):
        raise ReplayError(f"{data.at('language')}: `language` is a language code like en, not {kind_of(language)}")
    choices = data.get("choices")
    if choices is None:
        choices = []
    if not isinstance(choices, list):
        raise ReplayError(f"{data.at('choices')}: `choices` is a list of option numbers or option texts, "
                          f"not {kind_of(choices)}")
    for i, choice in enumerate(choices):
        if not isinstance(choice, (int, str)) or isinstance(choice, bool):
            raise ReplayError(f"{choices.at(i) if isinstance(choices, YList) else data.at('choices')}: each choice "
                              f"is an option number or an option text, not {kind_of(choice)}")
    expect = data.get("expect")
    if expect is None:
        expect = YMap.empty(str(path))
    if not isinstance(expect, YMap) or set(expect) - EXPECT_KEYS:
        raise ReplayError(f"{data.at('expect')}: `expect` may hold {', '.join(sorted(EXPECT_KEYS))}")
    ending = expect.get("ending")
    if ending is not None and not isinstance(ending, str):
        raise ReplayError(f"{expect.at('ending')}: `expect.ending` is an ending id, not {kind_of(ending)}")
    return Replay(path, story, language or "", list(choices), ending, _expected_lines(expect),
                  _expected_variables(expect))


def _story_folder(data: YMap, path: Path, default_story: Path) -> Path:
    """The story folder the replay names (relative to the replay file), or the default one when it names none."""
    if "story" not in data or data["story"] is None:
        return default_story
    story = data["story"]
    where = data.at("story")
    if not isinstance(story, str):
        raise ReplayError(f"{where}: `story` is the story folder, as a path relative to this file, not {kind_of(story)}")
    if "\0" in story:
        raise ReplayError(f"{where}: `story` holds a NUL character, which no path can hold")
    try:
        return (path.parent / story).resolve()
    except (OSError, ValueError) as exc:  # a loop of links, a name too long for the system
        raise ReplayError(f"{where}: `story` cannot be resolved: {quote(str(exc))}") from None


def _expected_lines(expect: YMap) -> list[str]:
    lines = expect.get("lines")
    if lines is None:
        return []
    if not isinstance(lines, YList):
        raise ReplayError(f"{expect.at('lines')}: `expect.lines` is a list of texts, not {kind_of(lines)}")
    for i, line in enumerate(lines):
        if not isinstance(line, (str, int, float)) or isinstance(line, bool):
            raise ReplayError(f"{lines.at(i)}: each of `expect.lines` is a text, not {kind_of(line)}")
    return [str(line) for line in lines]


def _expected_variables(expect: YMap) -> list[tuple[str, dict[str, Any]]]:
    entries = expect.get("variables")
    if entries is None:
        return []
    if not isinstance(entries, YList):
        raise ReplayError(f"{expect.at('variables')}: `expect.variables` is a list of entries "
                          f"(`at: scene.label` and values), not {kind_of(entries)}")
    variables = []
    for i, item in enumerate(entries):
        if not isinstance(item, YMap) or not isinstance(item.get("at"), str):
            raise ReplayError(f"{entries.at(i)}: each entry of `expect.variables` has `at: scene.label` and values")
        variables.append((item["at"], {k: v for k, v in item.items() if k != "at"}))
    return variables


def _pick(event: ChoiceEvent | MapEvent, wanted: int | str, lang: str) -> tuple[int, str] | str:
    """(index for Runtime.choose, what was taken), or a failure message."""
    if isinstance(event, ChoiceEvent):
        shown = [(o.index, o.text.get(lang)) for o in event.options]
    else:
        shown = [(h.index, h.hotspot.name) for h in event.hotspots]
    if isinstance(wanted, int):
        if 0 <= wanted < len(shown):
            return shown[wanted]
        return f"option {wanted} does not exist: {len(shown)} option(s) are shown: " + \
            "; ".join(f"{i}: {quote(text)}" for i, (_, text) in enumerate(shown))
    for index, text in shown:
        if text == wanted:
            return index, text
    return f"no visible option {quote(wanted)}; shown: " + "; ".join(quote(text) for _, text in shown)


def run_replay(replay: Replay, story: m.Story | None = None, *, trace: list[bytearray] | None = None,
               taken: list[tuple[Any, int]] | None = None) -> ReplayResult:
    """Play ``replay`` and check its expectations.

    ``story``: the replay's story, already loaded.  For coverage tools, ``trace``
    (a fresh ``Runtime.new_trace()``) gets every op run, and ``taken`` each
    (state at a choice or map, option index) chosen.
    """
    if story is None:
        loaded = read_story(replay.story)
        if loaded.story is None:
            errors = "\n  ".join(str(p) for p in loaded.problems if p.severity == "error")
            raise ReplayError(f"{replay.file}: the story {replay.story} does not load:\n  {errors}")
        story = loaded.story
    lang = replay.language or story.primary_language
    runtime = Runtime(story)
    result = ReplayResult(replay.file)
    trace = runtime.new_trace() if trace is None else trace
    cursor = Cursor(runtime, trace)
    watch = dict(replay.variables)
    marks = _label_marks(story, watch)
    checked: set[str] = set()
    seen_text: list[str] = []
    queue = list(replay.choices)

    def step(move: Callable[[], Beat]) -> Beat:
        """One move of the cursor; the variables of every watched label it passed are checked at its stop."""
        before = {key: trace[scene][pc] for key, (scene, pc) in marks.items() if key not in checked}
        beat = move()
        for key, was in before.items():
            scene, pc = marks[key]
            if trace[scene][pc] and not was:
                _check_variables(runtime, beat.state, key, watch[key], result)
                checked.add(key)
        return beat

    try:
        beat = step(cursor.start)
        for _ in range(MAX_EVENTS):
            decision = beat.decision
            if decision is not None:
                if not queue:
                    result.failures.append(f"the replay ran out of choices at {decision.op.pos} "
                                           f"after {result.choices_made} choice(s)")
                    break
                picked = _pick(decision, queue.pop(0), lang)
                if isinstance(picked, str):
                    result.failures.append(f"choice {result.choices_made + 1} at {decision.op.pos}: {picked}")
                    break
                if taken is not None:
                    taken.append((beat.state, picked[0]))
                beat = step(partial(cursor.choose, beat, picked[0]))
                result.choices_made += 1
            elif beat.ending is not None:
                result.ending = beat.ending
                break
            else:
                line = beat.line
                if line is not None:
                    seen_text.append(line.text.get(lang))
                    result.lines_seen += 1
                beat = step(partial(cursor.advance, beat))
    except (StoryRuntimeError, CursorError) as exc:
        result.failures.append(f"the story failed: {clip(str(exc), 500)}")
    _check_end(replay, result, seen_text, watch, checked, queue)
    return result


def _label_marks(story: m.Story, watch: dict[str, Any]) -> dict[str, tuple[int, int]]:
    """(scene, op) of each watched ``scene`` or ``scene.label`` that exists (the others are never passed)."""
    marks = {}
    for key in watch:
        scene_id, _, label = key.partition(".")
        index = story.scene_index.get(scene_id)
        if index is None:
            continue
        pc = story.scenes[index].labels.get(label) if label else 0
        if pc is not None:
            marks[key] = (index, pc)
    return marks


def _check_variables(runtime: Runtime, state: Any, label: str, wanted: dict[str, Any], result: ReplayResult) -> None:
    actual = runtime.variables(state)
    for name, value in wanted.items():
        if name not in actual:
            result.failures.append(f"at {label}: no variable {quote(name)} in the story")
        elif actual[name] != value:
            result.failures.append(f"at {label}: {name} is {quote(actual[name])}, expected {quote(value)}")


def _check_end(replay: Replay, result: ReplayResult, seen: list[str], watch: dict[str, Any],
               checked: set[str], queue: list[int | str]) -> None:
    if replay.ending is not None and result.ending != replay.ending:
        result.failures.append(f"ending: expected {quote(replay.ending)}, reached {quote(result.ending)}")
    for line in replay.lines:
        if not any(line in text for text in seen):
            result.failures.append(f"line never seen: {quote(line)}")
    for label in watch:
        if label not in checked:
            result.failures.append(f"the flow never passed {label} (variables there were not checked)")
    if queue and result.ending is not None:
        result.failures.append(f"{len(queue)} choice(s) left over after the ending")


def record_replay(path: Path, story_root: Path, language: str, choices: list[str], ending: str | None) -> None:
    """Write a replay file for a playthrough the game just played (``starlight play --record``).

    ReplayError when it cannot be written (the command reports it and exits 2).
    """
    import json
    import os

    story_text = os.path.relpath(Path(story_root).resolve(), path.resolve().parent)
    lines = ["# recorded by starlight play --record", f"story: {json.dumps(story_text)}",
             f"language: {language}", "choices:"]
    lines += [f"  - {json.dumps(choice, ensure_ascii=False)}" for choice in choices]
    if not choices:
        lines[-1] = "choices: []"
    lines += ["expect:", f"  ending: {json.dumps(ending)}" if ending else "  {}"]
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    except OSError as exc:  # a full disk, a folder where the file should be, ...
        raise ReplayError(f"cannot write the replay {path}: {exc.strerror or exc}") from None

