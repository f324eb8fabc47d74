"""The on-screen keyboard's Hangul composer (two-set automaton) and its layouts."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from game.ui.keyboard.hangul import KEY_JAMO, Composer, block, decompose
from game.ui.keyboard.layouts import KOREAN, LATIN, SHIFT, TYPE, layout_for, other


def typed(keys: str) -> Composer:
    composer = Composer()
    for key in keys:
        composer.type(key)
    return composer


def test_known_words_compose() -> None:
    assert typed("ㅎㅏㄴㄱㅡㄹ").text == "한글"
    assert typed("ㄱㅏㅂㅅㅇㅓㅊㅣ").text == "값어치"
    assert typed("ㅍㅗㄱㅍㅜㅇ").text == "폭풍"
    assert typed("ㄷㅡㅇㅂㅜㄹ").text == "등불"
    assert typed("ㄲㅓㄸㅡㄹㅣㅈㅣ").text == "꺼뜨리지"  # double consonants (shifted keys) start syllables


def test_a_final_moves_to_the_next_syllable_when_a_vowel_follows() -> None:
    assert typed("ㄱㅏㄱㅏ").text == "가가"
    assert typed("ㄱㅏㅂㅅㅏ").text == "갑사"
    assert typed("ㄱㅏㅆㅓ").text == "가써"
    assert typed("ㄷㅏㄹㄱㅇㅣ").text == "닭이"


def test_compound_vowels_and_finals() -> None:
    assert typed("ㄱㅗㅏ").text == "과"
    assert typed("ㅇㅜㅣ").text == "위"
    assert typed("ㅇㅡㅣ").text == "의"
    assert typed("ㅇㅏㄴㅎ").text == "않"
    assert typed("ㅇㅓㅂㅅ").text == "없"
    assert typed("ㅗㅏ").text == "ㅘ"  # a vowel alone still combines
    assert typed("ㄱㅅ").text == "ㄱㅅ"  # two lone consonants stay two


def test_backspace_takes_back_one_jamo_of_the_syllable_being_composed() -> None:
    composer = typed("ㄱㅗㅏㅂㅅ")
    steps = [composer.text]
    while composer.text:
        composer.backspace()
        steps.append(composer.text)
    assert steps == ["괎", "괍", "과", "고", "ㄱ", ""]
    composer = typed("ㅎㅏㄴㄱㅡㄹ")  # 한 is committed: backspace removes 글 jamo by jamo, then 한 whole
    for expected in ("한그", "한ㄱ", "한", ""):
        composer.backspace()
        assert composer.text == expected


def test_latin_and_spaces_end_the_syllable() -> None:
    composer = typed("ㅂㅣ")
    composer.put(" ")
    for key in "storm":
        composer.type(key)
    assert composer.text == "비 storm" and composer.composing == ""
    composer = Composer(committed="old ")
    composer.type("ㅏ")
    assert composer.text == "old ㅏ"


def test_a_key_that_is_no_jamo_is_refused_by_jamo() -> None:
    try:
        Composer().jamo("ㄳ")
    except ValueError as error:
        assert "ㄳ" in str(error)
    else:
        raise AssertionError("ㄳ is no key of the two-set keyboard")
    assert block(["ㅏ", "ㄱ"]) is None  # a vowel alone takes no final


KEYS = st.lists(st.sampled_from(sorted(KEY_JAMO) + list("ab1 ")), max_size=40)


def valid(char: str) -> bool:
    return "가" <= char <= "힣" or "ㄱ" <= char <= "ㅣ" or char.isascii()


@given(KEYS)
def test_typed_text_is_always_hangul_or_latin_and_keeps_every_key(keys: list[str]) -> None:
    composer = typed("".join(keys))
    assert all(valid(char) for char in composer.text)
    assert len(composer.composing) <= 1  # one syllable (or a lone jamo) at a time
    assert decompose(composer.text) == keys  # nothing lost, nothing added, in order


@given(KEYS, st.lists(st.integers(min_value=0, max_value=40), max_size=5))
def test_backspace_always_reaches_empty(keys: list[str], cuts: list[int]) -> None:
    composer = Composer()
    for i, key in enumerate(keys):
        composer.type(key)
        if i in cuts:
            composer.backspace()
        assert all(valid(char) for char in composer.text)
    for _ in range(len(keys)):
        composer.backspace()
    assert composer.text == ""


def test_layouts() -> None:
    assert layout_for("ko") is KOREAN and layout_for("en") is LATIN and layout_for("fr") is LATIN
    assert other(LATIN) is KOREAN and other(KOREAN) is LATIN and other(KOREAN, -1) is LATIN
    typed_en = {k.text for row in LATIN.rows for k in row if k.kind == TYPE}
    assert set("abcdefghijklmnopqrstuvwxyz0123456789") <= typed_en
    korean = {k.types(shift) for row in KOREAN.rows for k in row if k.kind == TYPE for shift in (False, True)}
    assert korean >= KEY_JAMO  # every jamo key, the doubles ㄲㄸㅃㅆㅉ and ㅒㅖ with shift
    assert KOREAN.find(SHIFT)[0] == 3
