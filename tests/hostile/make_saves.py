"""Writes the hostile-save corpus in tests/hostile/saves/: one file per way a save can be broken.

    python tests/hostile/make_saves.py      # rewrite every file (after the sample story changed)

Each file starts as a real save of the sample story (tests/fixtures/sample) and
breaks one thing, as a hand edit, a save editor or another program might.
Files of megabytes are stored gzipped (``.json.gz``); the suite unpacks them
into a save slot.  ``tests/test_hostile_saves.py`` reads every file through
``SaveStore.info`` and the story-level restore: each must end as a short
message, none as a crash.
"""

from __future__ import annotations

import copy
import gzip
import json
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from game.persist import saves  # noqa: E402
from game.persist.saves import SaveData  # noqa: E402
from game.story import model as m  # noqa: E402
from game.story import snapshot  # noqa: E402
from game.story.loader import load_story  # noqa: E402
from game.story.runtime import Runtime, State  # noqa: E402

SAMPLE = ROOT / "tests" / "fixtures" / "sample"
OUT = Path(__file__).parent / "saves"
Change = Callable[[dict[str, Any]], Any]


def base_save(story: m.Story) -> dict[str, Any]:
    """A real save six events into the sample story, with a map position (as a save on a map has)."""
    runtime = Runtime(story)
    state, _ = runtime.present(runtime.start())
    for _ in range(6):
        state, _ = runtime.present(runtime.advance(state))
    data = SaveData(
        slot="1", saved_at=saves.local_now().replace(microsecond=0), story_title=story.title.as_dict(),
        scene_title={"en": "The Harbour", "ko": "항구"}, preview={"en": "There's weather coming in tonight, Mira."},
        language="en", snapshot=snapshot.to_json(story, state),
        presentation={"background": "harbor_dusk", "characters": [["tomas", "worried", "left"]],
                      "music": "waves", "speaker": "tomas", "map_position": [120.5, 64.0, "down"]},
    )
    raw: dict[str, Any] = json.loads(json.dumps(saves.to_json(data)))
    return raw


def ref_to(story: m.Story, scene: str, kind: type) -> dict[str, Any]:
    """A step reference to the first op of ``kind`` in ``scene``, as to_json writes it."""
    index = story.scene_index[scene]
    pc = next(pc for pc, op in enumerate(story.scenes[index].ops) if isinstance(op, kind))
    at: dict[str, Any] = snapshot.to_json(story, State(index, pc, (), story.defaults(), 0))["at"]
    return at


def put(*path: Any, value: Any) -> Change:
    def change(raw: dict[str, Any]) -> None:
        target = raw
        for key in path[:-1]:
            target = target[key]
        target[path[-1]] = value
    return change


def cases(story: m.Story) -> dict[str, Change | bytes]:
    """File name (without extension) -> a change to the base save, or the whole file's bytes."""
    ret, line, ending = ref_to(story, "logbook", m.Return), ref_to(story, "harbor", m.Line), ref_to(story, "lamp_room", m.Ending)
    return {
        # the snapshot's shape
        "stack-is-a-number": put("snapshot", "stack", value=7),
        "stack-is-a-text": put("snapshot", "stack", value="abc"),
        "stack-entry-is-a-list": put("snapshot", "stack", value=[[1, 2]]),
        "stack-entry-with-two-keys": put("snapshot", "stack", value=[{"after": line, "at": line}]),
        "stack-deeper-than-16": put("snapshot", "stack", value=[{"after": line}] * 17),
        "visited-is-a-number": put("snapshot", "visited", value=3),
        "visited-holds-lists": put("snapshot", "visited", value=[["harbor"]]),
        "visited-holds-null": put("snapshot", "visited", value=[None]),
        "vars-is-a-list": put("snapshot", "vars", value=[1, 2]),
        "variable-holds-a-list": put("snapshot", "vars", "oil", value=[1]),
        "variable-holds-null": put("snapshot", "vars", "oil", value=None),
        "variable-holds-a-fraction": put("snapshot", "vars", "oil", value=2.5),
        "variable-holds-a-huge-number": put("snapshot", "vars", "oil", value=10**30),
        "ten-thousand-and-one-variables": put("snapshot", "vars", value={f"v{i}": 0 for i in range(10_001)}),
        "at-is-a-text": put("snapshot", "at", value="harbor"),
        "at-missing": lambda raw: raw["snapshot"].pop("at"),
        "step-is-a-mapping": put("snapshot", "at", "step", value={"a": 1, "b": 2, "c": 3, "d": 4}),
        "step-has-five-parts": put("snapshot", "at", "step", value=["harbor", None, 0, "ab", "x"]),
        "offset-is-true": put("snapshot", "at", "step", 2, value=True),
        "offset-is-negative": put("snapshot", "at", "step", 2, value=-1),
        "digest-is-a-number": put("snapshot", "at", "step", 3, value=12),
        "snapshot-format-true": put("snapshot", "format", value=True),
        "snapshot-format-3": put("snapshot", "format", value=3),
        "trail-of-a-thousand": put("snapshot", "at", "trail", value=["ab"] * 1000),
        "anchor-is-a-number": put("snapshot", "at", "anchors", value=[5]),
        # the snapshot against the story
        "unknown-scene": put("snapshot", "at", "step", 0, value="nowhere"),
        "at-a-return-with-an-empty-stack": lambda raw: raw["snapshot"].update(at=ret, stack=[]),
        "return-point-after-a-line": put("snapshot", "stack", value=[{"after": line}]),
        "return-point-at-a-line": put("snapshot", "stack", value=[{"at": line}]),
        "return-point-after-an-ending": put("snapshot", "stack", value=[{"after": ending}]),
        "return-point-in-an-unknown-scene": put("snapshot", "stack", value=[{"after": {"step": ["gone", None, 0, "ab"]}}]),
        # what the stage showed
        "character-is-a-number": put("presentation", "characters", value=[5]),
        "character-name-is-a-list": put("presentation", "characters", value=[[["tomas"], "worried", "left"]]),
        "character-name-is-a-mapping": put("presentation", "characters", value=[[{"a": 1}, "worried", "left"]]),
        "character-at-the-top": put("presentation", "characters", value=[["tomas", "worried", "top"]]),
        "characters-is-a-mapping": put("presentation", "characters", value={"tomas": 1}),
        "seventeen-characters": put("presentation", "characters", value=[["tomas", "worried", "left"]] * 17),
        "background-is-a-list": put("presentation", "background", value=["harbor_dusk"]),
        "background-with-a-newline": put("presentation", "background", value="harbor\ndusk"),
        "speaker-is-true": put("presentation", "speaker", value=True),
        "map-position-nan": put("presentation", "map_position", 0, value=float("nan")),
        "map-position-infinity": put("presentation", "map_position", 1, value=float("inf")),
        "map-position-minus-infinity": put("presentation", "map_position", 0, value=float("-inf")),
        "map-position-1e300": put("presentation", "map_position", 0, value=1e300),
        "map-position-facing-sideways": put("presentation", "map_position", 2, value="sideways"),
        "map-position-of-two": put("presentation", "map_position", value=[1.0, 2.0]),
        "map-position-text": put("presentation", "map_position", value=["1", "2", "up"]),
        "unknown-presentation-key": put("presentation", "shader", value="crt"),
        # the rest of the save
        "saved-at-9999-with-offset-minus-2359": put("saved_at", value="9999-12-31T23:59:59-23:59"),
        "saved-at-offset-plus-2359": put("saved_at", value="2050-01-01T00:00:00+23:59"),
        "saved-at-year-1": put("saved_at", value="0001-01-01T00:00:00+14:00"),
        "saved-at-not-a-date": put("saved_at", value="yesterday"),
        "language-is-a-number": put("language", value=7),
        "title-not-a-table": put("story", "title", value="Signal"),
        "preview-holds-numbers": put("preview", "en", value=5),
        "seventeen-languages": put("preview", value={f"l{chr(97 + i)}": "x" for i in range(17)}),
        "slot-is-a-number": put("slot", value=5),
        "unknown-key": put("cheat", value=True),
        "format-of-the-future": put("format", value=99),
        "format-of-a-googol-digits": put("format", value=10**200),
        "format-zero": put("format", value=0),
        "another-game": put("game", value="some-other-visual-novel"),
        # sizes (gzipped in the corpus)
        "scene-name-of-2-mb": put("snapshot", "at", "step", 0, value="x" * 2_000_000),
        "step-digest-of-2-mb": put("snapshot", "at", "step", 3, value="a" * 2_000_000),
        "label-of-2-mb": put("snapshot", "at", "step", 1, value="x" * 2_000_000),
        "background-of-3-mb": put("presentation", "background", value="x" * 3_000_000),
        "background-of-10-mb": put("presentation", "background", value="x" * 10_000_000),
        "preview-of-10-mb": put("preview", "en", value="x" * 10_000_000),
        "language-of-2-mb": put("language", value="x" * 2_000_000),
        "save-of-64-mb": lambda raw: b" " * (64 * 1024 * 1024 - 100) + json.dumps(raw).encode(),
        # not JSON at all
        "binary-junk": bytes(range(256)) * 4,
        "truncated": b'{"format": 1, "game": "lost-in-starlight-signal-delay", "saved_at": "2050-',
        "deep-nesting": b"[" * 100_000,
        "empty": b"",
        "a-list": b"[1, 2, 3]",
    }


def main() -> None:
    story = load_story(SAMPLE)
    base = base_save(story)
    OUT.mkdir(exist_ok=True)
    for old in OUT.glob("*.json*"):
        old.unlink()
    for name, change in cases(story).items():
        if isinstance(change, bytes):
            data = change
        else:
            raw = copy.deepcopy(base)
            result = change(raw)
            data = result if isinstance(result, bytes) else json.dumps(raw, ensure_ascii=False).encode("utf-8")
        if len(data) > 100_000:
            (OUT / f"{name}.json.gz").write_bytes(gzip.compress(data, 9, mtime=0))
        else:
            (OUT / f"{name}.json").write_bytes(data)
    print(f"{len(list(OUT.glob('*.json*')))} files in {OUT.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
