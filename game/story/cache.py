"""A cache of compiled stories, so that an unchanged story loads without parsing YAML again.

The cache file is JSON (never pickle: it is data, like everything a player
could swap), written atomically in the user's cache folder.  Its key covers
the engine version and the name, size and modification time of every story
file and asset, so any edit makes it stale and the story is compiled afresh.
Conditions are stored as their source and compiled again on load (cheap, and
no code is ever stored).

The file is one line of JSON (the header: everything but the scenes' steps)
followed by each scene's steps as its own JSON array.  The header names where
each array lies and a digest of them all, so a load reads the header, checks
the digest, and decodes a scene's steps only when something first asks for
them: the game starts without building the ops of scenes it has not reached.
"""

from __future__ import annotations

import functools
import hashlib
import json
import os
import tempfile
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path
from typing import Any

from . import model as m
from .expr import Condition, ExprError, Scope, VarInfo, compile_condition
from .files import FileRefused, read_limited
from .problems import Pos, Problem

FORMAT = 6  # (3: hotspot labels; 4: transmit and elapse steps, the phone; 5: music titles; 6: captions)
MAX_CACHE_BYTES = 512 * 1024 * 1024  # far above what any story compiles to; a bound on what a read costs
_KIND_NAMES = {
    m.LINE: "line", m.BG: "bg", m.SHOW: "show", m.HIDE: "hide", m.MUSIC: "music", m.SFX: "sfx",
    m.WAIT: "wait", m.TRANSMIT: "transmit", m.ELAPSE: "elapse", m.CHOICE: "choice", m.MAP: "map", m.ENDING: "ending", m.BRANCH: "branch",
    m.JUMP: "jump", m.EFFECT: "effect", m.LABEL: "label", m.GOTO: "goto", m.CALL: "call",
    m.RETURN: "return", m.FALL_OFF: "fall_off",
}


class CacheMiss(Exception):
    """No usable cache entry (absent, stale, or unreadable); the story must be compiled."""


def story_fingerprint(root: Path, engine: str) -> str:
    """A digest of every file of the story folder that can change what loading gives."""
    digest = hashlib.sha256(f"{FORMAT}|{engine}|{root.resolve()}".encode())
    rows: list[str] = []
    _list_files(str(root), "", rows)
    digest.update("".join(rows).encode("utf-8", "surrogateescape"))
    return digest.hexdigest()


def _list_files(folder: str, prefix: str, rows: list[str]) -> None:
    """Append ``relative path|size|mtime`` for every file under ``folder``, in a stable order."""
    try:
        entries = sorted(os.scandir(folder), key=lambda e: e.name)
    except OSError:
        return
    for entry in entries:
        try:
            if entry.is_dir(follow_symlinks=False):
                _list_files(entry.path, f"{prefix}{entry.name}/", rows)
                continue
            info = entry.stat()
        except OSError:
            continue
        rows.append(f"{prefix}{entry.name}|{info.st_size}|{info.st_mtime_ns}\n")


def cache_file(cache_dir: Path, root: Path) -> Path:
    name = hashlib.sha256(str(root.resolve()).encode()).hexdigest()[:20]
    return cache_dir / f"story-{name}.cache"


# --- writing ---

def _pos(pos: Pos) -> list[Any]:
    return [pos.line, pos.column]


def _sid(sid: m.StepId | None) -> list[Any] | None:
    return None if sid is None else [sid.label, sid.offset, sid.digest]


def _text(text: m.Text) -> list[list[str]]:
    return [list(pair) for pair in text.values]


def _target(target: m.Target) -> list[Any]:
    return [target.scene, target.pc, target.mask, target.name]


def _effects(effects: tuple[m.Effect, ...]) -> list[list[Any]]:
    return [list(e) for e in effects]


def _op(op: Any) -> list[Any]:
    head = [_KIND_NAMES[op.kind], _pos(op.pos), _sid(op.sid)]
    kind = op.kind
    if kind == m.LINE:
        return head + [op.speaker, op.look, _text(op.text)]
    if kind == m.BG:
        return head + [op.name, op.transition, op.time]
    if kind == m.SHOW:
        return head + [op.character, op.look, op.at]
    if kind == m.HIDE:
        return head + [op.character]
    if kind == m.MUSIC:
        return head + [op.name, op.time]
    if kind == m.SFX:
        return head + [op.name]
    if kind == m.WAIT:
        return head + [op.seconds]
    if kind == m.TRANSMIT:
        return head + [op.to, op.minutes, op.name]
    if kind == m.ELAPSE:
        return head + [op.minutes]
    if kind == m.CHOICE:
        options = [[_text(o.text), o.cond.source if o.cond else None, _effects(o.effects), o.pc, _pos(o.pos)]
                   for o in op.options]
        return head + [options, op.timeout, op.default]
    if kind == m.MAP:
        return head + [op.map, op.spawn]
    if kind == m.ENDING:
        return head + [op.ending]
    if kind == m.BRANCH:
        return head + [op.cond.source, op.else_pc]
    if kind == m.JUMP:
        return head + [op.pc]
    if kind == m.EFFECT:
        return head + [_effects(op.effects)]
    if kind == m.LABEL:
        return head + [op.name, op.mask]
    if kind in (m.GOTO, m.CALL):
        return head + [_target(op.target)]
    return head  # return, fall_off


def encode(story: m.Story, fingerprint: str) -> bytes:
    """The cache file's bytes: a header line, then each scene's ops as one JSON array."""
    bodies = [_dumps([_op(op) for op in s.ops]).encode("utf-8") for s in story.scenes]
    spans, offset = [], 0
    for body in bodies:
        spans.append([offset, len(body)])
        offset += len(body)
    body = b"".join(bodies)
    header = _header(story, fingerprint)
    header["scenes"] = [[s.id, _text(s.title), s.file, dict(s.labels), _pos(s.pos), len(s.ops), span]
                        for s, span in zip(story.scenes, spans)]
    header["body"] = _digest(body)
    return _dumps(header).encode("utf-8") + b"\n" + body


def _dumps(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"))


def _digest(body: bytes | memoryview) -> str:
    return hashlib.blake2b(body, digest_size=16).hexdigest()


def _header(story: m.Story, fingerprint: str) -> dict[str, Any]:
    return {
        "format": FORMAT,
        "fingerprint": fingerprint,
        "title": _text(story.title),
        "languages": list(story.languages),
        "start": _target(story.start),
        "characters": [[c.id, _text(c.name), c.color, list(c.looks), _pos(c.pos)] for c in story.characters.values()],
        "variables": [[v.name, v.type, v.default, v.min, v.max, list(v.values), _pos(v.pos)] for v in story.variables],
        "endings": [[e.id, _text(e.title), _pos(e.pos)] for e in story.endings.values()],
        "phone": [story.phone.owner, story.phone.contact] if story.phone else None,
        "music": [[t.name, _text(t.title), _pos(t.pos)] for t in story.music.values()],
        "captions": [[c.kind, c.name, _text(c.text), _pos(c.pos)] for c in story.captions.values()],
        "tracked": list(story.tracked),
        "maps": [[info.name, info.file, {k: list(v) for k, v in info.objects.items()},
                  [[h.name, h.action, _target(h.target), h.cond.source if h.cond else None, h.trigger,
                    h.x, h.y, h.width, h.height, _pos(h.pos), _text(h.label)] for h in info.hotspots]]
                 for info in story.maps.values()],
        "warnings": [p.as_dict() for p in story.warnings],
    }


def save(cache_dir: Path, story: m.Story, fingerprint: str) -> None:
    """Write the cache entry atomically; a failure to write only costs the next load some time."""
    target = cache_file(cache_dir, story.root)
    try:
        cache_dir.mkdir(parents=True, exist_ok=True)
        data = encode(story, fingerprint)
        with tempfile.NamedTemporaryFile("wb", dir=cache_dir, delete=False, suffix=".tmp") as handle:
            handle.write(data)
            temp = handle.name
        os.replace(temp, target)
    except OSError:
        pass  # a read-only or full disk: the cache is an optimisation, never a requirement


# --- reading ---

class _Decoder:
    """Rebuilds a Story from its cache entry; conditions are compiled again from their source."""

    def __init__(self, data: dict[str, Any], root: Path) -> None:
        self.data = data
        self.root = root
        self.variables = tuple(m.Variable(n, t, d, lo, hi, tuple(vals), Pos("story.yaml", *p))
                               for n, t, d, lo, hi, vals, p in data["variables"])
        self.var_info = {v.name: VarInfo(v.name, v.type, i, v.min, v.max, v.values)
                         for i, v in enumerate(self.variables)}
        self.tracked: list[str] = data["tracked"]
        self.conditions: dict[tuple[str, str], Condition] = {}

    def condition(self, source: str, scene: str) -> Any:
        key = (scene if "visited" in source else "", source)
        cond = self.conditions.get(key)
        if cond is None:
            cond = compile_condition(source, Scope(self.var_info, lambda k: self.visit_bit(k, scene)))
            self.conditions[key] = cond
        return cond

    def visit_bit(self, key: str, scene: str) -> int:
        if key in self.tracked:
            return self.tracked.index(key)
        return self.tracked.index(f"{scene}.{key}")

    @staticmethod
    def text(values: list[list[str]]) -> m.Text:
        return m.Text(tuple(map(tuple, values)))  # type: ignore[arg-type]

    @staticmethod
    def target(t: list[Any]) -> m.Target:
        return m.Target(t[0], t[1], t[2], t[3])

    @staticmethod
    def effects(rows: list[list[Any]]) -> tuple[m.Effect, ...]:
        return tuple(m.Effect(*row) for row in rows)

    def op(self, row: list[Any], scene: str, file: str) -> m.Op:
        kind, (line, column), sid_row = row[0], row[1], row[2]
        pos = Pos(file, line, column)
        sid = None if sid_row is None else m.StepId(scene, sid_row[0], sid_row[1], sid_row[2])
        rest = row[3:]
        if kind == "line":
            return m.Line(pos, sid, rest[0], rest[1], self.text(rest[2]))
        if kind == "bg":
            return m.Background(pos, sid, *rest)
        if kind == "show":
            return m.Show(pos, sid, *rest)
        if kind == "hide":
            return m.Hide(pos, sid, *rest)
        if kind == "music":
            return m.Music(pos, sid, *rest)
        if kind == "sfx":
            return m.Sfx(pos, sid, *rest)
        if kind == "wait":
            return m.Wait(pos, sid, *rest)
        if kind == "transmit":
            return m.Transmit(pos, sid, *rest)
        if kind == "elapse":
            return m.Elapse(pos, sid, *rest)
        if kind == "choice":
            options = tuple(m.Option(self.text(text), self.condition(cond, scene) if cond else None,
                                     self.effects(effects), pc, Pos(file, *opos))
                            for text, cond, effects, pc, opos in rest[0])
            return m.Choice(pos, sid, options, rest[1], rest[2])
        if kind == "map":
            return m.MapStep(pos, sid, *rest)
        if kind == "ending":
            return m.Ending(pos, sid, *rest)
        if kind == "branch":
            return m.Branch(pos, sid, self.condition(rest[0], scene), rest[1])
        if kind == "jump":
            return m.Jump(pos, sid, rest[0])
        if kind == "effect":
            return m.EffectStep(pos, sid, self.effects(rest[0]))
        if kind == "label":
            return m.LabelStep(pos, sid, rest[0], rest[1])
        if kind == "goto":
            return m.Goto(pos, sid, self.target(rest[0]))
        if kind == "call":
            return m.Call(pos, sid, self.target(rest[0]))
        if kind == "return":
            return m.Return(pos, sid)
        if kind == "fall_off":
            return m.FallOff(pos, sid)
        raise CacheMiss(f"unknown op kind {kind!r}")

    def scene_ops(self, body: memoryview, span: list[int], scene: str, file: str) -> tuple[m.Op, ...]:
        start, length = span
        rows = json.loads(bytes(body[start:start + length]))
        return tuple(self.op(row, scene, file) for row in rows)

    def story(self, body: memoryview) -> m.Story:
        d = self.data
        scenes = []
        for scene_id, title, file, labels, pos, count, span in d["scenes"]:
            if not (isinstance(span, list) and len(span) == 2 and 0 <= span[0] <= span[0] + span[1] <= len(body)):
                raise CacheMiss(f"bad span for scene {scene_id!r}")
            ops = LazyOps(count, functools.partial(self.scene_ops, body, span, scene_id, file))
            # LazyOps reads like the tuple a Scene holds (length, index, iteration, equality)
            scenes.append(m.Scene(scene_id, self.text(title), file, ops,
                                  m.frozen_map(labels), Pos(file, *pos)))
        maps = {}
        for name, file, objects, hotspots in d["maps"]:
            spots = tuple(m.Hotspot(h[0], h[1], self.target(h[2]), self.condition(h[3], "") if h[3] else None,
                                    h[4], h[5], h[6], h[7], h[8], Pos(file, *h[9]), self.text(h[10])) for h in hotspots)
            maps[name] = m.MapInfo(name, file, m.frozen_map({k: tuple(v) for k, v in objects.items()}), spots)
        return m.Story(
            root=self.root, title=self.text(d["title"]), languages=tuple(d["languages"]),
            start=self.target(d["start"]),
            characters=m.frozen_map({c[0]: m.Character(c[0], self.text(c[1]), c[2], tuple(c[3]),
                                                       Pos("story.yaml", *c[4])) for c in d["characters"]}),
            variables=self.variables,
            endings=m.frozen_map({e[0]: m.EndingInfo(e[0], self.text(e[1]), Pos("story.yaml", *e[2]))
                                  for e in d["endings"]}),
            scenes=tuple(scenes), scene_index=m.frozen_map({s.id: i for i, s in enumerate(scenes)}),
            tracked=tuple(self.tracked), maps=m.frozen_map(maps),
            phone=m.Phone(*d["phone"]) if d.get("phone") else None,
            music=m.frozen_map({t[0]: m.MusicInfo(t[0], self.text(t[1]), Pos("story.yaml", *t[2]))
                                for t in d.get("music", ())}),
            captions=m.frozen_map({f"{kind}:{name}": m.Caption(kind, name, self.text(text), Pos("story.yaml", *pos))
                                   for kind, name, text, pos in d.get("captions", [])}),
            warnings=tuple(Problem(w["severity"], w["code"], Pos(w["file"], w["line"], w["column"]), w["message"])
                           for w in d["warnings"]))


class LazyOps(Sequence[m.Op]):
    """A scene's ops, decoded from the cache the first time anything looks at them.

    The body they come from was checked against its digest when the cache was
    opened, so decoding it later cannot meet damage, only our own mistakes.
    """

    __slots__ = ("_count", "_decode", "_ops")

    def __init__(self, count: int, decode: Callable[[], tuple[m.Op, ...]]) -> None:
        self._count = count
        self._decode: Callable[[], tuple[m.Op, ...]] | None = decode
        self._ops: tuple[m.Op, ...] | None = None

    def ops(self) -> tuple[m.Op, ...]:
        """The decoded ops as a plain tuple (what hot loops should index)."""
        if self._ops is None:
            assert self._decode is not None
            self._ops = self._decode()
            self._decode = None  # lets the cache body go once every scene is decoded
        return self._ops

    @property
    def decoded(self) -> bool:
        return self._ops is not None

    def __len__(self) -> int:
        return self._count

    def __getitem__(self, index: Any) -> Any:
        return self.ops()[index]

    def __iter__(self) -> Iterator[m.Op]:
        return iter(self.ops())

    def __eq__(self, other: object) -> bool:
        if isinstance(other, (tuple, LazyOps)):
            return self.ops() == tuple(other)
        return NotImplemented

    def __hash__(self) -> int:
        return hash(self.ops())

    def __repr__(self) -> str:
        return f"LazyOps({self._count} ops, {'decoded' if self.decoded else 'not decoded yet'})"


def load(cache_dir: Path, root: Path, fingerprint: str) -> m.Story:
    """The cached story of ``root`` if it matches ``fingerprint``; raise CacheMiss otherwise."""
    try:
        raw = read_limited(cache_file(cache_dir, root), MAX_CACHE_BYTES)
    except FileRefused as exc:  # absent, a FIFO or device, or larger than any story compiles to
        raise CacheMiss(str(exc)) from None
    end = raw.find(b"\n")
    try:
        data = json.loads(raw[:end] if end >= 0 else raw)
    except ValueError as exc:
        raise CacheMiss(str(exc)) from None
    if not isinstance(data, dict) or data.get("format") != FORMAT or data.get("fingerprint") != fingerprint:
        raise CacheMiss("stale")
    body = memoryview(raw)[end + 1:]
    if end < 0 or data.get("body") != _digest(body):
        raise CacheMiss("damaged: the steps do not match their digest")
    try:
        return _Decoder(data, root).story(body)
    except (KeyError, IndexError, TypeError, ValueError, ExprError) as exc:  # damaged: compile afresh
        raise CacheMiss(f"damaged: {exc}") from None
