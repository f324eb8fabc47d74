"""The interface's own words in English and Korean (story text lives in the story files)."""

from __future__ import annotations

STRINGS: dict[str, dict[str, str]] = {
    "new_game": {"en": "New Game", "ko": "새 게임"},
    "continue": {"en": "Continue", "ko": "이어하기"},
    "load": {"en": "Load", "ko": "불러오기"},
    "save": {"en": "Save", "ko": "저장하기"},
    "endings": {"en": "Endings", "ko": "엔딩"},
    "settings": {"en": "Settings", "ko": "설정"},
    "quit": {"en": "Quit", "ko": "종료"},
    "history": {"en": "History", "ko": "지난 대사"},
    "skip": {"en": "Skip", "ko": "넘기기"},
    "auto": {"en": "Auto", "ko": "자동"},
    "back": {"en": "Back", "ko": "뒤로"},
    "qsave": {"en": "Q.Save", "ko": "빠른 저장"},
    "qload": {"en": "Q.Load", "ko": "빠른 불러오기"},
    "menu": {"en": "Menu", "ko": "메뉴"},
    "resume": {"en": "Return to Game", "ko": "게임으로 돌아가기"},
    "title_screen": {"en": "Title Screen", "ko": "타이틀 화면"},
    "yes": {"en": "Yes", "ko": "예"},
    "no": {"en": "No", "ko": "아니요"},
    "quit_confirm": {"en": "Quit the game? Unsaved progress since the last autosave will be lost.",
                     "ko": "게임을 종료할까요? 마지막 자동 저장 이후의 진행은 사라집니다."},
    "title_confirm": {"en": "Return to the title screen?", "ko": "타이틀 화면으로 돌아갈까요?"},
    "quick_saved": {"en": "Quick saved", "ko": "빠른 저장 완료"},
    "quick_loaded": {"en": "Quick loaded", "ko": "빠른 불러오기 완료"},
    "no_quick_save": {"en": "No quick save yet", "ko": "빠른 저장이 없습니다"},
    "skipping": {"en": "Skipping", "ko": "넘기는 중"},
    "auto_on": {"en": "Auto", "ko": "자동 진행"},
    "story_reloaded": {"en": "Story reloaded", "ko": "스토리를 다시 불러왔습니다"},
    "story_errors": {"en": "The story has errors; still playing the last good version",
                     "ko": "스토리에 오류가 있어 마지막 정상 버전으로 계속합니다"},
    "the_end": {"en": "Ending", "ko": "엔딩"},
    "map_title": {"en": "Where to?", "ko": "어디로 갈까?"},
    "no_story": {"en": "The story could not be loaded", "ko": "스토리를 불러올 수 없습니다"},
}


def tr(key: str, lang: str) -> str:
    """The interface text ``key`` in ``lang`` (English when there is no translation)."""
    entry = STRINGS.get(key)
    if entry is None:
        return key
    return entry.get(lang) or entry["en"]
