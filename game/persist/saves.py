"""Save slots: one JSON file per slot, versioned, written atomically, read without ever crashing.

A save is ``<slot>.json`` in the saves folder::

    {"format": 1, "game": "lost-in-starlight-signal-delay", "slot": "3",
     "saved_at": "2050-04-01T21:07:13.512+09:00",
     "story": {"title": {"en": ..., "ko": ...}}, "scene_title": {...}, "preview": {...},
     "language": "en", "snapshot": {...}, "presentation": {...}, "thumbnail": "<base64 PNG>" | null}

``snapshot`` is ``game.story.snapshot.to_json`` and ``presentation`` belongs to
the UI; this module stores both as they are and checks their shape when it
reads them (``save_format``; the story-level checks are the snapshot's).  Slots are named ``"1"``..``"N"``
(the save screen's pages), ``"quick"`` (F5 / F9) and ``"auto-1"``..``"auto-10"``
(a ring the game writes by itself, overwriting the oldest).

Old saves are upgraded one format at a time by ``UPGRADES`` (format n to n+1),
as Ren'Py does, so a save written today still loads after the format changes;
a save from a newer game is refused with a message that says so.

Reading is bounded and complete: the file's kind and size are checked before
a byte is read (``MAX_SAVE_BYTES``; a FIFO or a device is refused at once),
every field is checked against ``save_format.SAVE`` (types, ranges, lengths),
and whatever is wrong becomes a ``SaveError`` whose message, short enough for
a slot card, says what.  A thumbnail whose PNG header is not a picture of at
most ``THUMBNAIL_SIZE`` costs the picture, never the save.

Nothing a player saved is ever destroyed by accident: a slot whose file cannot
be read is renamed to ``<slot>.json.damaged-<timestamp>`` before a new save
takes its place, and ``delete`` leaves those copies alone.
"""

from __future__ import annotations

import base64
import binascii
import dataclasses
import json
import os
import re
import stat
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

from game.story.files import FileRefused, image_size, inside, read_limited

from . import save_format
from .atomic import clean_stale_temps, dumps, keep_damaged, write_atomic
from .schema import SchemaError, shown

SAVE_FORMAT = 1
GAME_ID = "lost-in-starlight-signal-delay"
QUICK = "quick"
AUTOSAVE_COUNT = 10
AUTOSAVE_PREFIX = "auto-"
PREVIEW_LENGTH = 60
MAX_SAVE_BYTES = 4 * 1024 * 1024  # a save with a 640x360 thumbnail and a big story's state needs under 2 MB
THUMBNAIL_SIZE = (640, 360)  # the largest thumbnail decoded (the game writes 320x180)
MESSAGE_LENGTH = 120  # characters of a message for a slot card

# format n -> a function turning a format-n save (parsed JSON) into a format n+1 save.
UPGRADES: dict[int, Callable[[dict[str, Any]], dict[str, Any]]] = {}

_SLOT = re.compile(r"^[A-Za-z0-9_-]{1,32}$")
_PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"

# Player-facing messages (the UI shows them on the slot).
DAMAGED = "This save is damaged and cannot be loaded."
FOREIGN = "This file is not a save of this game."
EMPTY = "There is no save in this slot."
NEWER = "This save comes from a newer version of the game (format {format})."
TOO_OLD = "This save comes from an old version of the game that can no longer be loaded (format {format})."
UNREADABLE = "This save could not be read ({reason})."


class SaveError(Exception):
    """A save that cannot be loaded: ``message`` is for the player, ``detail`` for the log."""

    def __init__(self, message: str, detail: str = "") -> None:
        detail = detail if len(detail) <= 300 else detail[:299] + "…"  # for the log: never megabytes either
        super().__init__(f"{message} ({detail})" if detail else message)
        self.message = message
        self.detail = detail


class EmptySlot(SaveError):
    """There is no save in the slot (a ``SaveError`` too, for callers that treat both alike)."""

    def __init__(self, detail: str = "") -> None:
        super().__init__(EMPTY, detail)


@dataclass
class SaveData:
    slot: str
    saved_at: datetime  # aware; a naive time is taken as local time
    story_title: dict[str, str]  # language -> text
    scene_title: dict[str, str]
    preview: dict[str, str]  # language -> the start of the current line (see make_preview)
    language: str
    snapshot: dict[str, Any]  # game.story.snapshot.to_json
    presentation: dict[str, Any]  # the UI's own, stored as given
    thumbnail_png: bytes | None = None


@dataclass
class SlotInfo:
    """What the save screen shows for a slot: the save, or why it cannot be loaded, or neither (empty)."""

    slot: str
    data: SaveData | None = None
    error: str | None = None

    @property
    def empty(self) -> bool:
        return self.data is None and self.error is None


def local_now() -> datetime:
    """The current local time with its UTC offset: what ``saved_at`` should be."""
    return datetime.now().astimezone()


def _aware(when: datetime) -> datetime:
    """``when`` with its offset; a naive time is taken as local time."""
    return when if when.tzinfo is not None else when.astimezone()


def make_preview(text: str, limit: int = PREVIEW_LENGTH) -> str:
    """The first ``limit`` characters or so of a line, cut at a word where possible, on one line.

    >>> make_preview("Jay turned the record over. The needle hissed before the music came.", 30)
    'Jay turned the record over…'
    """
    flat = " ".join(text.split())
    if len(flat) <= limit:
        return flat
    cut = flat[:limit]
    space = cut.rfind(" ")
    if space >= limit // 2:
        cut = cut[:space]
    return cut.rstrip(" ,;:.-") + "…"


def check_slot(slot: str) -> str:
    """``slot`` itself if it is a valid slot name; ``ValueError`` otherwise (it could name another file)."""
    if not isinstance(slot, str) or not _SLOT.match(slot):
        raise ValueError(f"not a valid save slot name: {slot!r} (letters, digits, '_' and '-', 1 to 32)")
    return slot


# --- encoding ---

def to_json(data: SaveData) -> dict[str, Any]:
    """The JSON object written for ``data``."""
    thumbnail = None
    if data.thumbnail_png is not None:
        thumbnail = base64.b64encode(data.thumbnail_png).decode("ascii")
    saved_at = _aware(data.saved_at)
    return {
        "format": SAVE_FORMAT,
        "game": GAME_ID,
        "slot": data.slot,
        "saved_at": saved_at.isoformat(timespec="milliseconds"),
        "story": {"title": dict(data.story_title)},
        "scene_title": dict(data.scene_title),
        "preview": dict(data.preview),
        "language": data.language,
        "snapshot": data.snapshot,
        "presentation": data.presentation,
        "thumbnail": thumbnail,
    }


# --- decoding: every problem becomes a SaveError ---

def _capped(message: str) -> str:
    return message if len(message) <= MESSAGE_LENGTH else message[:MESSAGE_LENGTH - 1] + "…"


def _damaged(detail: str) -> SaveError:
    """A SaveError saying what is wrong; it starts with DAMAGED, which the load screen translates."""
    return SaveError(_capped(f"{DAMAGED} {detail}"), detail)


def _parse(raw: bytes) -> Any:
    if len(raw) > MAX_SAVE_BYTES:
        raise SaveError(DAMAGED, f"{len(raw)} bytes is too large for a save")
    try:
        return json.loads(raw.decode("utf-8-sig"))
    except RecursionError:
        raise SaveError(DAMAGED, "JSON nested too deeply") from None
    except ValueError as error:  # UnicodeDecodeError and JSONDecodeError are ValueErrors
        raise SaveError(DAMAGED, str(error)) from None


def _upgrade(raw: dict[str, Any]) -> dict[str, Any]:
    """``raw`` brought up to ``SAVE_FORMAT`` one step at a time; refuses newer and unknown formats."""
    version = raw.get("format")
    if isinstance(version, bool) or not isinstance(version, int) or version < 1:
        raise SaveError(DAMAGED, f"format is {shown(version)}")
    if version > SAVE_FORMAT:
        raise SaveError(NEWER.format(format=shown(version)), f"this game reads format {SAVE_FORMAT}")
    while version < SAVE_FORMAT:
        step = UPGRADES.get(version)
        if step is None:
            raise SaveError(TOO_OLD.format(format=version), f"no upgrade from format {version}")
        try:
            raw = dict(step(raw))
        except Exception as error:  # noqa: BLE001 - an upgrade meets old data of any shape; none may crash a load
            raise SaveError(DAMAGED, f"upgrade from format {version} failed: {error!r}") from None
        version += 1
        raw["format"] = version
    return raw


def _thumbnail(value: Any) -> bytes | None:
    """The PNG, if its header says it is one of at most THUMBNAIL_SIZE; else None (the save stays)."""
    width, height = THUMBNAIL_SIZE
    if not isinstance(value, str) or len(value) > 4 * width * height * 2:  # base64 of twice the raw pixels
        return None
    try:
        png = base64.b64decode(value, validate=True)
    except (binascii.Error, ValueError):
        return None
    if len(png) < 24 or not png.startswith(_PNG_SIGNATURE):  # 24 bytes: the signature and the IHDR size
        return None
    try:
        size = image_size(png[:32])
    except ValueError:
        return None
    return png if 1 <= size[0] <= width and 1 <= size[1] <= height else None


def from_json(raw: Any, slot: str) -> SaveData:
    """The save in a parsed save file (upgraded if old); ``SaveError`` says why it cannot be used.

    ``slot`` is the file's own slot: a save copied to another file belongs to that file's slot.
    """
    if not isinstance(raw, dict) or raw.get("game") != GAME_ID:
        raise SaveError(FOREIGN, "no matching \"game\" key")
    raw = _upgrade(raw)
    try:
        fields = save_format.SAVE.check({k: v for k, v in raw.items() if k not in save_format.CHECKED_APART})
    except SchemaError as error:
        raise _damaged(str(error)) from None
    return SaveData(
        slot=slot,
        saved_at=fields["saved_at"],
        story_title=fields["story"]["title"],
        scene_title=fields["scene_title"],
        preview=fields["preview"],
        language=fields["language"],
        snapshot=fields["snapshot"],
        presentation=fields["presentation"],
        thumbnail_png=_thumbnail(raw.get("thumbnail")),
    )


class SaveStore:
    """The save files of one folder.  Every method taking a slot raises ``ValueError`` for an invalid name.

    Opening a store (at start-up) removes what interrupted writes left in its
    folder: our own temporary files, once they are a minute old.
    """

    def __init__(self, folder: Path) -> None:
        self.folder = Path(folder)
        clean_stale_temps(self.folder)

    def path(self, slot: str) -> Path:
        return self.folder / f"{check_slot(slot)}.json"

    # --- reading ---

    def read(self, slot: str) -> SaveData:
        """The save in ``slot``; ``SaveError`` (with a message for the player) if it is missing or unusable."""
        return from_json(_parse(self._read_bytes(self.path(slot))), slot)

    def _read_bytes(self, path: Path) -> bytes:
        """The file's bytes, once its kind and size are known to be a save's (nothing is read before)."""
        try:
            info = os.stat(path)
        except FileNotFoundError:
            raise EmptySlot(str(path)) from None
        except OSError as error:
            raise SaveError(UNREADABLE.format(reason=error.strerror or "error"), str(path)) from None
        if not stat.S_ISREG(info.st_mode):
            raise SaveError(UNREADABLE.format(reason="it is not a file"), str(path))
        if info.st_size > MAX_SAVE_BYTES:
            raise SaveError(UNREADABLE.format(reason=f"it is {info.st_size / 2**20:,.0f} MB; a save is at most "
                                                     f"{MAX_SAVE_BYTES // 2**20} MB"), str(path))
        try:
            real = inside(self.folder, path)
        except FileRefused:
            raise SaveError(UNREADABLE.format(reason="it links outside the saves folder"), str(path)) from None
        try:
            return read_limited(real, MAX_SAVE_BYTES)
        except FileRefused as error:  # it changed since the checks above
            raise SaveError(UNREADABLE.format(reason="it changed while being read"), str(error)[:200]) from None

    def info(self, slot: str) -> SlotInfo:
        """The slot as the save screen shows it; never raises for what the file holds."""
        try:
            return SlotInfo(slot, data=self.read(slot))
        except EmptySlot:
            return SlotInfo(slot)
        except SaveError as error:
            return SlotInfo(slot, error=error.message)

    def numbered_slots(self, page: int, per_page: int) -> list[SlotInfo]:
        """Slots of a save-screen page: page 1 is "1".."per_page", page 2 the next ``per_page``, and so on."""
        if page < 1 or per_page < 1:
            raise ValueError(f"page and per_page start at 1, not {page}, {per_page}")
        first = (page - 1) * per_page + 1
        return [self.info(str(n)) for n in range(first, first + per_page)]

    def autosave_slots(self) -> list[SlotInfo]:
        """The autosave ring, "auto-1".."auto-10", in slot order."""
        return [self.info(f"{AUTOSAVE_PREFIX}{n}") for n in range(1, AUTOSAVE_COUNT + 1)]

    def all_slots(self) -> list[SlotInfo]:
        """Every slot that has a save file, valid or not, sorted by name."""
        if not self.folder.is_dir():
            return []
        slots = sorted(p.stem for p in self.folder.glob("*.json") if _SLOT.match(p.stem))
        return [self.info(slot) for slot in slots]

    def newest(self) -> SlotInfo | None:
        """The most recently saved valid slot of all (numbered, quick and auto), or None.  ("Continue".)"""
        dated = [(info.data.saved_at, info.slot, info) for info in self.all_slots() if info.data is not None]
        return max(dated, key=lambda entry: entry[:2])[2] if dated else None

    # --- writing ---

    def write(self, data: SaveData) -> None:
        """Save ``data`` in ``data.slot`` atomically, first setting aside a file there that cannot be read.

        Raises ``OSError`` when the disk refuses; the slot then holds what it held before.
        """
        path = self.path(data.slot)
        payload = dumps(to_json(data))
        self._keep_if_unusable(data.slot)
        write_atomic(path, payload)

    def _keep_if_unusable(self, slot: str) -> None:
        try:
            self.read(slot)
        except EmptySlot:
            pass
        except SaveError:
            keep_damaged(self.path(slot))  # raises OSError rather than let the write destroy the file

    def autosave(self, data: SaveData) -> str:
        """Save ``data`` in the autosave ring, over an empty slot or else the oldest; returns the slot used."""
        slot = self._oldest_autosave()
        self.write(dataclasses.replace(data, slot=slot))
        return slot

    def _oldest_autosave(self) -> str:
        ring = self.autosave_slots()
        unused = [info.slot for info in ring if info.empty] + [info.slot for info in ring if info.error]
        if unused:
            return unused[0]  # an empty slot first, then one whose file is set aside by the write
        dated = [(info.data.saved_at, n) for n, info in enumerate(ring) if info.data is not None]
        return ring[min(dated)[1]].slot

    def delete(self, slot: str) -> None:
        """Delete the save in ``slot`` for good (the UI asks first); set-aside damaged copies stay."""
        self.path(slot).unlink(missing_ok=True)
