"""Counting a story: scenes, steps, choices, and lines and words per language and per speaker."""

from __future__ import annotations

from dataclasses import dataclass, field

from game.story import model as m


@dataclass
class Stats:
    scenes: int = 0
    steps: int = 0
    choices: int = 0
    options: int = 0
    lines: int = 0
    words: dict[str, int] = field(default_factory=dict)  # language -> words
    lines_by_language: dict[str, int] = field(default_factory=dict)
    lines_by_speaker: dict[str, int] = field(default_factory=dict)
    words_by_speaker: dict[str, int] = field(default_factory=dict)  # in the primary language

    def as_dict(self) -> dict[str, object]:
        return {
            "scenes": self.scenes, "steps": self.steps, "choices": self.choices, "options": self.options,
            "lines": self.lines, "lines_by_language": self.lines_by_language,
            "lines_by_speaker": self.lines_by_speaker, "words_by_speaker": self.words_by_speaker,
        }


def count_words(text: str) -> int:
    """Words as a reader counts them: runs separated by spaces (Korean separates eojeol by spaces too)."""
    return len(text.split())


def story_stats(story: m.Story) -> Stats:
    stats = Stats(scenes=len(story.scenes))
    for lang in story.languages:
        stats.words[lang] = 0
        stats.lines_by_language[lang] = 0
    primary = story.primary_language
    for scene in story.scenes:
        for op in scene.ops:
            if op.sid is not None:
                stats.steps += 1
            if isinstance(op, m.Choice):
                stats.choices += 1
                stats.options += len(op.options)
                for option in op.options:
                    _count_text(stats, option.text)
            elif isinstance(op, m.Line):
                stats.lines += 1
                _count_text(stats, op.text)
                for lang, _ in op.text.values:
                    stats.lines_by_language[lang] = stats.lines_by_language.get(lang, 0) + 1
                stats.lines_by_speaker[op.speaker] = stats.lines_by_speaker.get(op.speaker, 0) + 1
                stats.words_by_speaker[op.speaker] = (stats.words_by_speaker.get(op.speaker, 0)
                                                      + count_words(op.text.get(primary)))
    return stats


def _count_text(stats: Stats, text: m.Text) -> None:
    for lang, value in text.values:
        stats.words[lang] = stats.words.get(lang, 0) + count_words(value)
