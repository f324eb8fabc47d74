"""Composing Hangul from typed jamo, as the standard two-set (dubeolsik) keyboard does; no pygame.

The on-screen keyboard types compatibility jamo (ㄱ, ㅏ, ...) one key at a time;
``Composer`` builds syllables from them by Unicode arithmetic
(0xAC00 + (initial * 21 + medial) * 28 + final): vowels combine (ㅗ + ㅏ = ㅘ),
finals combine (ㄱ + ㅅ = ㄳ), and a final consonant moves on to start the next
syllable when a vowel follows it (각 + ㅏ = 가가, 값 + ㅏ = 갑사).  The syllable
being composed keeps the keys that made it, so backspace takes back one jamo at
a time; text already committed goes back a whole character at a time.
"""

from __future__ import annotations

from dataclasses import dataclass, field

INITIALS = "ㄱㄲㄴㄷㄸㄹㅁㅂㅃㅅㅆㅇㅈㅉㅊㅋㅌㅍㅎ"
MEDIALS = "ㅏㅐㅑㅒㅓㅔㅕㅖㅗㅘㅙㅚㅛㅜㅝㅞㅟㅠㅡㅢㅣ"
FINALS = ("", *"ㄱㄲㄳㄴㄵㄶㄷㄹㄺㄻㄼㄽㄾㄿㅀㅁㅂㅄㅅㅆㅇㅈㅊㅋㅌㅍㅎ")
COMPOUND_VOWELS = {("ㅗ", "ㅏ"): "ㅘ", ("ㅗ", "ㅐ"): "ㅙ", ("ㅗ", "ㅣ"): "ㅚ", ("ㅜ", "ㅓ"): "ㅝ",
                   ("ㅜ", "ㅔ"): "ㅞ", ("ㅜ", "ㅣ"): "ㅟ", ("ㅡ", "ㅣ"): "ㅢ"}
COMPOUND_FINALS = {("ㄱ", "ㅅ"): "ㄳ", ("ㄴ", "ㅈ"): "ㄵ", ("ㄴ", "ㅎ"): "ㄶ", ("ㄹ", "ㄱ"): "ㄺ",
                   ("ㄹ", "ㅁ"): "ㄻ", ("ㄹ", "ㅂ"): "ㄼ", ("ㄹ", "ㅅ"): "ㄽ", ("ㄹ", "ㅌ"): "ㄾ",
                   ("ㄹ", "ㅍ"): "ㄿ", ("ㄹ", "ㅎ"): "ㅀ", ("ㅂ", "ㅅ"): "ㅄ"}
FIRST_SYLLABLE, LAST_SYLLABLE = 0xAC00, 0xD7A3
KEY_JAMO = frozenset(INITIALS) | (frozenset(MEDIALS) - frozenset(COMPOUND_VOWELS.values()))  # what keys type


def is_consonant(jamo: str) -> bool:
    return jamo in INITIALS


def is_vowel(jamo: str) -> bool:
    return jamo in MEDIALS


@dataclass(frozen=True)
class Block:
    """One syllable block's parts as compatibility jamo ("" for a part it lacks)."""

    initial: str = ""
    medial: str = ""
    final: str = ""

    def text(self) -> str:
        if self.initial and self.medial:
            code = (INITIALS.index(self.initial) * 21 + MEDIALS.index(self.medial)) * 28 + FINALS.index(self.final)
            return chr(FIRST_SYLLABLE + code)
        return self.initial or self.medial  # a lone consonant or vowel stays a jamo


def block(strokes: list[str]) -> Block | None:
    """The block that ``strokes`` (jamo keys, in order) make, or None when they make no single block.

    A block is a consonant alone, a vowel (or compound vowel) alone, or a consonant, a
    vowel (or compound) and optionally a final (or compound final).
    """
    at, initial, medial, final = 0, "", "", ""
    if at < len(strokes) and is_consonant(strokes[at]):
        initial, at = strokes[at], at + 1
    if at < len(strokes) and is_vowel(strokes[at]):
        medial, at = strokes[at], at + 1
        if at < len(strokes) and (medial, strokes[at]) in COMPOUND_VOWELS:
            medial, at = COMPOUND_VOWELS[medial, strokes[at]], at + 1
    if initial and medial and at < len(strokes) and strokes[at] in FINALS:
        final, at = strokes[at], at + 1
        if at < len(strokes) and (final, strokes[at]) in COMPOUND_FINALS:
            final, at = COMPOUND_FINALS[final, strokes[at]], at + 1
    return Block(initial, medial, final) if at == len(strokes) and (initial or medial) else None


@dataclass
class Composer:
    """Text typed so far: ``committed`` characters and the syllable being composed (its jamo keys)."""

    committed: str = ""
    strokes: list[str] = field(default_factory=list)

    @property
    def composing(self) -> str:
        made = block(self.strokes)
        return made.text() if made else ""

    @property
    def text(self) -> str:
        """What the player sees: the committed text and the syllable being composed."""
        return self.committed + self.composing

    def jamo(self, key: str) -> None:
        """Type one jamo key (a basic or double consonant, a basic vowel)."""
        if key not in KEY_JAMO:
            raise ValueError(f"not a jamo key of the two-set keyboard: {key!r}")
        if block([*self.strokes, key]) is not None:
            self.strokes.append(key)
            return
        current = block(self.strokes)
        if is_vowel(key) and current is not None and current.final:
            # the final consonant (its last key) starts the next syllable: 각 + ㅏ = 가가, 값 + ㅏ = 갑사
            self.strokes, moved = self.strokes[:-1], self.strokes[-1]
            self.commit()
            self.strokes = [moved, key]
        else:
            self.commit()
            self.strokes = [key]

    def put(self, text: str) -> None:
        """Type anything that is not a jamo (a letter, a digit, a space): it ends the syllable."""
        self.commit()
        self.committed += text

    def type(self, key: str) -> None:
        """Type one key's text: a jamo composes, anything else is put as it is."""
        if key in KEY_JAMO:
            self.jamo(key)
        else:
            self.put(key)

    def commit(self) -> None:
        """End the syllable being composed (it joins the committed text)."""
        self.committed += self.composing
        self.strokes = []

    def backspace(self) -> None:
        """Take back the last jamo of the syllable being composed, else the last committed character."""
        if self.strokes:
            self.strokes.pop()
        else:
            self.committed = self.committed[:-1]

    def clear(self) -> None:
        self.committed, self.strokes = "", []


def decompose(text: str) -> list[str]:
    """The jamo keys that type ``text`` on the two-set keyboard (other characters as they are); tests use it."""
    vowels = {v: k for k, v in COMPOUND_VOWELS.items()}
    finals = {v: k for k, v in COMPOUND_FINALS.items()}
    keys: list[str] = []
    for char in text:
        code = ord(char) - FIRST_SYLLABLE
        if 0 <= code <= LAST_SYLLABLE - FIRST_SYLLABLE:
            parts = [INITIALS[code // (21 * 28)], MEDIALS[code // 28 % 21], FINALS[code % 28]]
        else:
            parts = [char]
        for part in parts:
            keys += list(vowels.get(part) or finals.get(part) or ((part,) if part else ()))
    return keys
