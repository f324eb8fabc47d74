"""Hypothesis strategies for the story fuzz tests (tests/test_fuzz_stories.py).

``valid_stories()`` builds a VALID story as plain Python data (story.yaml and scene files) that
``GeneratedStory.write`` puts in a folder as YAML.  Validity is by construction:

* Scenes are "main" scenes (the start is main scene 0) or "sub" scenes, which are only ever
  called.  Every branch of a main scene ends in `goto` (another main scene or a label of one) or
  `ending`; every branch of a sub scene ends in `return` or in a `goto` to a LATER sub scene (a
  goto inside a called block keeps the call, so that later sub returns for it).
* `call` always names a sub scene or a label in one (main scenes call any sub, sub i only calls
  subs after it), so every call returns, nothing returns without a call, and calls nest at most
  as deep as there are sub scenes (< 16).
* Main scenes go forward (to later main scenes).  With ``loops`` on, they may also jump back (to
  any main scene, or a label); then every main scene starts with a line and every label of a main
  scene is followed by a line, so no loop is silent.
* Every choice has at least one option without `if`, so no choice is a softlock.
* Conditions, `set` and `add` use only declared variables, values in range and declared enum
  values; `visited()` names existing scenes / scene.labels.

``wild_stories()`` builds stories that load just as well but may fail at run time, for the
checker's stepper (tests/test_stepper.py): main scenes may `return` with no call, `call` any
scene or label (calls nesting too deep), and jump back to a label with no line after it (a loop
with nothing shown); loops are always on.

``load_generated`` writes a generated story into a folder and loads it.
"""

from __future__ import annotations

import re
import shutil
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml
from hypothesis import strategies as st

FIXTURES = Path(__file__).parent / "fixtures"
LOOK_IMAGE = FIXTURES / "sample" / "images" / "characters" / "mira" / "neutral.png"

MAX_DEPTH = 3
VARIABLE_NAMES = ("trust", "courage", "kept_tape", "route", "x", "Mood", "_n2")
CHARACTER_IDS = ("mira", "jay", "nam_young")
ENUM_VALUES = ("undecided", "stay", "go", "calm", "fog", "storm_2")

# --- text ----------------------------------------------------------------------

_words = st.sampled_from(["Rain", "drums", "on", "the", "tin", "awning.", "Do", "you", "fix", "it?", "—", "..."])
_korean = st.sampled_from(["비가", "양철", "차양을", "두드린다.", "턴테이블도", "고치세요?", "난영", "제이", "등대지기"])
_emoji = st.sampled_from(["🌧️", "📻", "✨", "🚢", "👩‍🚀", "❤️", "🏳️‍🌈", "🇰🇷"])
_sentence = st.lists(st.one_of(_words, _korean, _emoji), min_size=1, max_size=6).map(" ".join)
# yaml.safe_dump writes YAML 1.1, where `1e3`, `0o7` or `.5` are text and so left unquoted; the
# story loader reads YAML 1.2 (core schema), where they are numbers.  Texts that YAML 1.2 would
# read as a number, bool or null are left out, so that what is dumped is what is meant.
_YAML12_NOT_TEXT = re.compile(
    r"[-+]?(?:[0-9]+|0x[0-9a-fA-F]+|0o[0-7]+)|[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?"
    r"|[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN)|true|True|TRUE|false|False|FALSE|null|Null|NULL|~|")


def _plain_text(value: str) -> bool:
    return not _YAML12_NOT_TEXT.fullmatch(value.strip())


_any_text = st.text(st.characters(exclude_categories=("Cs",)), max_size=16).filter(_plain_text)
TEXT = st.one_of(_sentence, _sentence, _sentence, _any_text)


# --- placeholders resolved once every scene and label is known ------------------

@dataclass
class Ref:
    """A goto / call target to draw once all labels exist."""

    action: str  # "goto" | "call"
    scene: SceneSpec


@dataclass
class Visit:
    """The argument of a visited('...'), drawn once all labels exist."""


@dataclass
class Cond:
    """A condition: text pieces and Visit placeholders."""

    parts: list[Any]


@dataclass
class SceneSpec:
    id: str
    kind: str  # "main" | "sub"
    index: int  # among the scenes of its kind
    file: str
    labels: list[str] = field(default_factory=list)
    script: list[Any] = field(default_factory=list)


@dataclass
class GeneratedStory:
    manifest: dict[str, Any]
    scenes: list[SceneSpec]
    loops: bool  # main scenes may jump back: a playthrough may never end
    characters: dict[str, list[str]]  # id -> looks (images to copy)

    def files(self) -> dict[str, Any]:
        result: dict[str, Any] = {"story.yaml": self.manifest}
        for scene in self.scenes:
            result[scene.file] = {"scene": scene.id, "title": _title_for(self.manifest, scene.id),
                                  "script": scene.script}
        return result

    def write(self, root: Path) -> Path:
        root.mkdir(parents=True, exist_ok=True)
        for rel, data in self.files().items():
            path = root / rel
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
        for char_id, looks in self.characters.items():
            folder = root / "images" / "characters" / char_id
            folder.mkdir(parents=True, exist_ok=True)
            for look in looks:
                shutil.copyfile(LOOK_IMAGE, folder / f"{look}.png")
        return root


def _title_for(manifest: dict[str, Any], scene_id: str) -> Any:
    if manifest["languages"] == ["en"]:
        return f"Scene {scene_id}"
    return {"en": f"Scene {scene_id}", "ko": f"장면 {scene_id}"}


# --- the generator -------------------------------------------------------------

class _Builder:
    def __init__(self, draw: Callable[[st.SearchStrategy[Any]], Any], wild: bool = False) -> None:
        self.draw = draw
        self.wild = wild
        self.languages = draw(st.sampled_from([["en"], ["en", "ko"]]))
        self.variables = self.make_variables()
        self.characters = self.make_characters()
        self.endings = [f"end_{i}" for i in range(draw(st.integers(1, 3)))]
        n_scenes = draw(st.integers(1, 6))
        n_main = draw(st.integers(1, n_scenes))
        self.loops = wild or draw(st.booleans())
        self.scenes: list[SceneSpec] = []
        for i in range(n_scenes):
            kind = "main" if i < n_main else "sub"
            index = i if kind == "main" else i - n_main
            sid = f"{kind}_{index}"
            folder = draw(st.sampled_from(["", "", "part_a/", "part_b/deeper/"]))
            self.scenes.append(SceneSpec(sid, kind, index, f"scenes/{folder}{sid}.yaml"))
        self.mains = [s for s in self.scenes if s.kind == "main"]
        self.subs = [s for s in self.scenes if s.kind == "sub"]
        self.label_counter = 0

    # declarations

    def make_variables(self) -> dict[str, dict[str, Any]]:
        names = self.draw(st.lists(st.sampled_from(VARIABLE_NAMES), max_size=3, unique=True))
        result: dict[str, dict[str, Any]] = {}
        for name in names:
            kind = self.draw(st.sampled_from(["int", "bool", "enum"]))
            if kind == "int":
                low = self.draw(st.integers(-5, 5))
                high = self.draw(st.integers(low, low + 6))
                result[name] = {"type": "int", "min": low, "max": high, "default": self.draw(st.integers(low, high))}
            elif kind == "bool":
                result[name] = {"type": "bool", "default": self.draw(st.booleans())}
            else:
                values = self.draw(st.lists(st.sampled_from(ENUM_VALUES), min_size=1, max_size=4, unique=True))
                result[name] = {"type": "enum", "values": values, "default": self.draw(st.sampled_from(values))}
        return result

    def make_characters(self) -> dict[str, list[str]]:
        ids = self.draw(st.lists(st.sampled_from(CHARACTER_IDS), max_size=2, unique=True))
        return {cid: self.draw(st.sampled_from([["neutral"], ["neutral", "smile"], ["smile", "neutral", "tired"]]))
                for cid in ids}

    def text(self) -> Any:
        if self.languages == ["en"]:
            value = self.draw(TEXT)
            return value if self.draw(st.booleans()) else {"en": value}
        return {"en": self.draw(TEXT), "ko": self.draw(TEXT)}

    def manifest(self, start: str) -> dict[str, Any]:
        title = {"en": "Fuzz story", "ko": "퍼즈 이야기 ✨"} if "ko" in self.languages else "Fuzz story"
        data: dict[str, Any] = {"title": title, "languages": self.languages, "start": start}
        if self.characters:
            data["characters"] = {
                cid: {"name": {lang: cid.title() for lang in self.languages}, "color": "#7fc8f8", "looks": looks}
                for cid, looks in self.characters.items()}
        if self.variables:
            data["variables"] = self.variables
        data["endings"] = {e: {"title": dict.fromkeys(self.languages, e)} for e in self.endings}
        return data

    # conditions and effects

    def atom(self) -> list[Any]:
        choices = ["const", "visited"] + ["var"] * (3 * len(self.variables))
        what = self.draw(st.sampled_from(choices))
        if what == "const":
            return [self.draw(st.sampled_from(["true", "false"]))]
        if what == "visited":
            return ["visited(", Visit(), ")"]
        name = self.draw(st.sampled_from(sorted(self.variables)))
        spec = self.variables[name]
        if spec["type"] == "int":
            lit = self.draw(st.integers(spec["min"], spec["max"]))
            op = self.draw(st.sampled_from(["==", "!=", "<", "<=", ">", ">="]))
            form = self.draw(st.integers(0, 2))
            if form == 0:
                return [f"{name} {op} {lit}"]
            if form == 1:
                return [f"{lit} {op} {name}"]
            return [f"{name} + {self.draw(st.integers(0, 3))} - 1 {op} {lit}"]
        if spec["type"] == "bool":
            return [self.draw(st.sampled_from([name, f"not {name}", f"{name} == true", f"{name} != false"]))]
        value = self.draw(st.sampled_from(spec["values"]))
        quote = self.draw(st.sampled_from(["'", '"']))
        return [f"{name} {self.draw(st.sampled_from(['==', '!=']))} {quote}{value}{quote}"]

    def cond(self, depth: int = 0) -> Cond:
        return Cond(self._cond(depth))

    def _cond(self, depth: int) -> list[Any]:
        if depth >= 2 or self.draw(st.integers(0, 2)) == 0:
            return self.atom()
        how = self.draw(st.sampled_from(["and", "or", "not", "paren"]))
        if how == "not":
            return ["not (", *self._cond(depth + 1), ")"]
        if how == "paren":
            return ["(", *self._cond(depth + 1), ")"]
        return ["(", *self._cond(depth + 1), f") {how} (", *self._cond(depth + 1), ")"]

    def literal(self, spec: dict[str, Any]) -> Any:
        if spec["type"] == "int":
            return self.draw(st.integers(spec["min"], spec["max"]))
        if spec["type"] == "bool":
            return self.draw(st.booleans())
        return self.draw(st.sampled_from(spec["values"]))

    def set_effect(self) -> dict[str, Any]:
        names = self.draw(st.lists(st.sampled_from(sorted(self.variables)), min_size=1, max_size=2, unique=True))
        return {name: self.literal(self.variables[name]) for name in names}

    def add_effect(self) -> dict[str, Any] | None:
        ints = sorted(n for n, spec in self.variables.items() if spec["type"] == "int")
        if not ints:
            return None
        names = self.draw(st.lists(st.sampled_from(ints), min_size=1, max_size=2, unique=True))
        return {name: self.draw(st.integers(-9, 9)) for name in names}

    # targets

    def can_goto(self, scene: SceneSpec) -> bool:
        if scene.kind == "main":
            return self.loops or scene.index < len(self.mains) - 1
        return scene.index < len(self.subs) - 1

    def can_call(self, scene: SceneSpec) -> bool:
        return self.wild or (bool(self.subs) and (scene.kind == "main" or scene.index < len(self.subs) - 1))

    # steps

    def line(self) -> dict[str, Any]:
        speakers = ["narrator"]
        for cid, looks in self.characters.items():
            speakers += [cid, *(f"{cid} {look}" for look in looks)]
        return {self.draw(st.sampled_from(speakers)): self.text()}

    def label(self, scene: SceneSpec) -> list[Any]:
        name = f"l{self.label_counter}"
        self.label_counter += 1
        scene.labels.append(name)
        if scene.kind == "main" and not (self.wild and self.draw(st.booleans())):
            return [{"label": name}, self.line()]  # a goto back to it lands on a line: no silent loop
        return [{"label": name}]

    def block(self, scene: SceneSpec, depth: int, terminal: bool, min_size: int = 0) -> list[Any]:
        steps: list[Any] = []
        for _ in range(self.draw(st.integers(min_size, 3 if depth < 2 else 1))):
            steps += self.step(scene, depth)
        if terminal or self.draw(st.integers(0, 4)) == 0:
            steps.append(self.terminal(scene, depth))
        return steps

    def step(self, scene: SceneSpec, depth: int) -> list[Any]:
        kinds = ["line", "line", "wait", "label", "label"]
        if self.variables:
            kinds += ["set", "add"]
        if self.can_call(scene):
            kinds += ["call", "call"]
        if self.characters:
            kinds += ["show", "hide"]
        if depth < MAX_DEPTH:
            kinds += ["if", "if", "choice", "choice", "choice"]
        kind = self.draw(st.sampled_from(kinds))
        if kind == "line":
            return [self.line()]
        if kind == "wait":
            return [{"wait": self.draw(st.sampled_from([0, 0.5, 1, 2.25]))}]
        if kind == "label":
            return self.label(scene)
        if kind == "set":
            return [{"set": self.set_effect()}]
        if kind == "add":
            effect = self.add_effect()
            return [{"add": effect}] if effect else [{"set": self.set_effect()}]
        if kind == "call":
            return [{"call": Ref("call", scene)}]
        if kind == "show":
            cid = self.draw(st.sampled_from(sorted(self.characters)))
            step: dict[str, Any] = {"show": cid}
            if self.draw(st.booleans()):
                step["look"] = self.draw(st.sampled_from(self.characters[cid]))
            if self.draw(st.booleans()):
                step["at"] = self.draw(st.sampled_from(["left", "center", "right"]))
            return [step]
        if kind == "hide":
            return [{"hide": self.draw(st.sampled_from(sorted(self.characters)))}]
        if kind == "if":
            step = {"if": self.cond(), "then": self.block(scene, depth + 1, False, min_size=1)}
            if self.draw(st.booleans()):
                step["else"] = self.block(scene, depth + 1, False, min_size=1)
            return [step]
        return [self.choice(scene, depth, terminal=False)]

    def terminal(self, scene: SceneSpec, depth: int) -> Any:
        kinds = ["leaf", "leaf"]
        if depth < MAX_DEPTH:
            kinds += ["if", "choice", "choice"]
        kind = self.draw(st.sampled_from(kinds))
        if kind == "if":
            return {"if": self.cond(), "then": self.block(scene, depth + 1, True),
                    "else": self.block(scene, depth + 1, True)}
        if kind == "choice":
            return self.choice(scene, depth, terminal=True)
        if scene.kind == "sub":
            leaf = self.draw(st.sampled_from(["return", "return", "goto", "ending"]))
            if leaf == "goto" and self.can_goto(scene):
                return {"goto": Ref("goto", scene)}
            if leaf == "ending":  # a called block may end the whole story
                return {"ending": self.draw(st.sampled_from(self.endings))}
            return self.draw(st.sampled_from(["return", {"return": None}]))
        if self.can_goto(scene) and self.draw(st.booleans()):
            return {"goto": Ref("goto", scene)}
        if self.wild and self.draw(st.integers(0, 3)) == 0:
            return "return"  # with no call to return to, unless a wild call led here
        return {"ending": self.draw(st.sampled_from(self.endings))}

    def choice(self, scene: SceneSpec, depth: int, terminal: bool) -> dict[str, Any]:
        count = self.draw(st.integers(1, 4))
        always = self.draw(st.integers(0, count - 1))  # this option has no `if`: never a softlock
        options = []
        for i in range(count):
            option: dict[str, Any] = {"text": self.text()}
            if i != always and self.draw(st.booleans()):
                option["if"] = self.cond()
            if self.variables and self.draw(st.integers(0, 2)) == 0:
                option["set"] = self.set_effect()
            if self.variables and self.draw(st.integers(0, 2)) == 0:
                effect = self.add_effect()
                if effect:
                    option["add"] = effect
            use_goto = self.can_goto(scene) and self.draw(st.booleans())
            if use_goto:
                if self.draw(st.booleans()):
                    option["then"] = self.block(scene, depth + 1, False, min_size=1)
                option["goto"] = Ref("goto", scene)
            elif terminal or self.draw(st.booleans()):
                option["then"] = self.block(scene, depth + 1, terminal, min_size=1)
            options.append(option)
        if self.draw(st.integers(0, 3)) == 0:
            return {"choice": {"timeout": self.draw(st.sampled_from([0.5, 5, 8])),
                               "default": self.draw(st.integers(1, count)), "options": options}}
        return {"choice": options}

    # resolving placeholders

    def targets(self, ref: Ref) -> list[str]:
        scene = ref.scene

        def with_labels(scenes: list[SceneSpec]) -> list[str]:
            return [name for s in scenes for name in (s.id, *(f"{s.id}.{label}" for label in s.labels))]

        if ref.action == "goto" and scene.kind == "main" and scene.index + 1 < len(self.mains) \
                and self.draw(st.booleans()):
            return [self.mains[scene.index + 1].id]  # often straight on: more scenes are reached
        if ref.action == "call":
            if self.wild:
                return with_labels(self.scenes)  # itself too: calls may nest too deep
            if scene.kind == "main":
                return with_labels(self.subs)
            return with_labels(self.subs[scene.index + 1:])
        if scene.kind == "sub":
            return with_labels(self.subs[scene.index + 1:])
        if self.loops:
            return with_labels(self.mains) + list(scene.labels)  # bare labels of this scene too
        return with_labels(self.mains[scene.index + 1:])

    def resolve(self, value: Any) -> Any:
        if isinstance(value, Ref):
            found = self.targets(value)
            assert found, value
            return self.draw(st.sampled_from(found))
        if isinstance(value, Cond):
            visit_names = [name for s in self.scenes for name in (s.id, *(f"{s.id}.{label}" for label in s.labels))]
            out = []
            for part in value.parts:
                out.append(f"'{self.draw(st.sampled_from(visit_names))}'" if isinstance(part, Visit) else part)
            return "".join(out)
        if isinstance(value, list):
            return [self.resolve(item) for item in value]
        if isinstance(value, dict):
            return {key: self.resolve(item) for key, item in value.items()}
        return value

    def build(self) -> GeneratedStory:
        # Subs first (mains call them), later scenes before earlier ones (nothing depends on order
        # here since targets are drawn at the end, but it keeps label numbering stable).
        for scene in reversed(self.scenes):
            if scene.kind == "main" and not (self.wild and self.draw(st.booleans())):
                scene.script = [self.line(), *self.block(scene, 0, True, min_size=1)]
            else:
                scene.script = self.block(scene, 0, True, min_size=1)
        for scene in self.scenes:
            scene.script = self.resolve(scene.script)
        first = self.mains[0]
        start = first.id
        if first.labels and self.draw(st.booleans()):
            start = f"{first.id}.{self.draw(st.sampled_from(first.labels))}"
        return GeneratedStory(self.manifest(start), self.scenes, self.loops, self.characters)


@st.composite
def valid_stories(draw: Callable[[st.SearchStrategy[Any]], Any]) -> GeneratedStory:
    """A valid story (see the module docstring for what makes it valid)."""
    return _Builder(draw).build()


@st.composite
def wild_stories(draw: Callable[[st.SearchStrategy[Any]], Any]) -> GeneratedStory:
    """A story that loads but may fail at run time (see the module docstring)."""
    return _Builder(draw, wild=True).build()


def load_generated(story: GeneratedStory, folder: str) -> tuple[Path, Any]:
    """Write ``story`` into ``folder``/story and load it (it must load with no errors): (root, Story)."""
    from game.story.loader import read_story

    root = story.write(Path(folder) / "story")
    result = read_story(root)
    assert result.story is not None, "\n".join(str(p) for p in result.problems)
    assert not result.errors
    return root, result.story


# --- byte mutations ------------------------------------------------------------

YAML_TOKENS = (
    b": ", b"- ", b"&a ", b"*a", b"&a [*a, *a, *a]", b"!!python/object:os.system ", b"!!python/name:os.system",
    b"!!binary ", b"!!set ", b"{", b"}", b"[", b"]", b"\t", b"\x00", b'"', b"'", b"\n", b"\r", b"#", b"|",
    b">", b"? ", b"<<: ", b"%YAML 1.1\n", b"---\n", b"...\n", b"\xef\xbb\xbf", b"\xff", b"\xc3", b"~",
    b"  ", b",", b"\\", b"\xe2\x80\xa8", b"\xc2\x85", b"yes", b"no", b"null", b"1e400", b"0x1f", b"-.inf",
    b"2001-12-14", b"99999999999999999999", b"if: ", b"goto: ", b"call: ", b"- return\n", b"return",
    b"ending: dawn", b"label: climb", b"narrator: ", b"choice: ", b"then: ", b"set: {oil: 9}",
    b"add: {oil: true}", b"visited('", b"oil >= ", b"weather == 'x'", b"((((", b"))", b" and ", b" not ",
    b"harbor", b"stairs.climb", b"logbook.entry", b"map: x", b"spawn: y", b"\xf0\x9f\x8c\xa7", b"\xed\x95\x9c",
)


def mutations() -> st.SearchStrategy[list[tuple[Any, ...]]]:
    """A list of byte-level edits; positions are taken modulo the length when applied."""
    pos = st.integers(0, 1 << 20)
    one = st.one_of(
        st.tuples(st.just("flip"), pos, st.integers(1, 255)),
        st.tuples(st.just("insert"), pos, st.binary(min_size=1, max_size=8)),
        st.tuples(st.just("delete"), pos, st.integers(1, 64)),
        st.tuples(st.just("duplicate"), pos, st.integers(1, 64), pos),
        st.tuples(st.just("truncate"), pos),
        st.tuples(st.just("token"), pos, st.sampled_from(YAML_TOKENS)),
        st.tuples(st.just("token"), pos, st.sampled_from(YAML_TOKENS)),
    )
    return st.lists(one, min_size=1, max_size=5)


def mutate(data: bytes, edits: list[tuple[Any, ...]]) -> bytes:
    buf = bytearray(data)
    for edit in edits:
        kind, at = edit[0], edit[1] % (len(buf) + 1)
        if kind == "flip":
            if buf:
                at %= len(buf)
                buf[at] ^= edit[2]
        elif kind == "insert" or kind == "token":
            buf[at:at] = edit[2]
        elif kind == "delete":
            del buf[at:at + edit[2]]
        elif kind == "duplicate":
            chunk = bytes(buf[at:at + edit[2]])
            where = edit[3] % (len(buf) + 1)
            buf[where:where] = chunk
        elif kind == "truncate":
            del buf[at:]
    return bytes(buf)
