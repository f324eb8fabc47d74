"""Write one replay per ending of the shipped story into tests/playthroughs/, by the shortest path.

    python scripts/make_playthroughs.py

The checker finds the shortest choice path to each ending; each replay file
records it (options by their text, so that a reworded or reordered option shows
up as a clear failure) and expects that ending.  CI runs every replay.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from game.check.explore import explore  # noqa: E402
from game.story.loader import load_story  # noqa: E402
from game.story.playthrough import play  # noqa: E402
from game.story.runtime import ChoiceEvent, Runtime  # noqa: E402


def main() -> None:
    story = load_story(ROOT / "assets")
    found = explore(story)
    out = ROOT / "tests" / "playthroughs"
    for ending, path in sorted(found.endings.items()):
        result = play(Runtime(story), list(path))
        assert result.ending == ending, (ending, result.ending)
        texts = []
        choice_events = [e for e in result.events if hasattr(e, "options") or hasattr(e, "hotspots")]
        for event, pick in zip(choice_events, result.choices):
            if isinstance(event, ChoiceEvent):
                texts.append(event.options[pick].text.get("en"))
            else:
                texts.append(event.hotspots[pick].hotspot.name)
        lines = ["# The shortest playthrough to this ending (scripts/make_playthroughs.py).",
                 "story: ../../assets", "language: en", "choices:"]
        lines += [f"  - {json.dumps(text, ensure_ascii=False)}" for text in texts]
        lines += ["expect:", f"  ending: {ending}"]
        target = out / f"shipped_{ending}.yaml"
        target.write_text("\n".join(lines) + "\n", encoding="utf-8")
        print(f"{target.relative_to(ROOT)}: {len(texts)} choices")


if __name__ == "__main__":
    main()
