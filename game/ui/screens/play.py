"""The play screen: the story on stage, the text box, choices, and every player convenience.

Click / Space / Enter completes the line, then goes on; the wheel or PageUp
rolls back, PageDown rolls forward; Ctrl (held) or Tab skips read lines; A
toggles auto-forward; H opens the history; Delete or a middle click hides the
interface; F5 / F9 quick save and load; Esc opens the game menu; Shift+R
reloads the story from disk (it also reloads by itself when a file changes).
"""

from __future__ import annotations

import logging
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pygame

from game.persist.saves import SaveData, SaveError
from game.story import model as m
from game.story import snapshot
from game.story.loader import read_story, source_files
from game.story.runtime import ChoiceEvent, MapEvent, Runtime

from ..input import Action, Input
from ..messages import Entry, message_feed
from ..phone import draw_phone
from ..png import encode_png
from ..prefetch import Prefetcher, upcoming_pictures
from ..presentation import Presentation
from ..session import Checkpoint, Session
from ..stage import Stage
from ..strings import tr
from ..textbox import BOX, TextBox
from ..view import WIDTH
from ..widgets import TEXT, TEXT_DIM, Button, ButtonList, panel
from .base import Screen

if TYPE_CHECKING:
    from ..app import Context

log = logging.getLogger(__name__)
SKIP_INTERVAL = 0.06
RELOAD_POLL = 1.0
THUMBNAIL = (320, 180)
QUICK_MENU = ["history", "skip", "auto", "save", "load", "qsave", "qload", "settings"]


def sources_stamp(root: Path) -> tuple[tuple[str, int, int], ...]:
    """Name, size and modification time of each story source file: a change means reload."""
    stamp = []
    for path in source_files(root):
        try:
            info = path.stat()
        except OSError:
            continue
        stamp.append((str(path), info.st_size, info.st_mtime_ns))
    return tuple(stamp)


class PlayScreen(Screen):
    paints_all = True  # the stage paints its background (or a backdrop) over the whole frame

    def __init__(self, ctx: Context, session: Session,
                 map_positions: dict[tuple[int, int], tuple[float, float, str]] | None = None) -> None:
        super().__init__(ctx)
        self.session = session
        session.on_event = self.on_story_event
        self.stage = Stage(ctx)
        self.prefetcher = Prefetcher(self.stage.prepare, ledger=ctx.resources)
        self.prefetch_scale = ctx.view.scale
        self.box = TextBox(ctx)
        self.pending: list[Any] = []  # presentation events passed since the last checkpoint
        self.choices: ButtonList | None = None
        self.timer: float | None = None
        self.hold = 0.0  # seconds before the line starts (waits, transitions)
        self.skipping = False
        self.auto = False
        self.auto_clock = 0.0
        self.skip_clock = 0.0
        self.hidden = False
        self.pending_autosave = False
        self.feed: list[Entry] = []  # the phone's message exchange, when one is under way
        self.map_positions = dict(map_positions or {})  # (scene, op) of a map step -> where the player stood
        self.last_scene: int | None = None
        self.reload_clock = 0.0
        self.reload_errors: list[str] = []
        self.sources = sources_stamp(ctx.story.root) if ctx.story else ()
        self.quick = ButtonList(ctx, [Button(lambda k=k: tr(k, ctx.language), lambda k=k: self.quick_action(k))
                                      for k in QUICK_MENU], x=566, y=690, width=78, height=24, gap=4,
                                horizontal=True, picture="quick", font_size=15, hover_sound=False)
        self.quick.focus = -1
        self.show(session.start(), fresh=True)

    # --- starting ---

    @classmethod
    def new_game(cls, ctx: Context, warp: str | None = None, variables: dict[str, Any] | None = None
                 ) -> PlayScreen:
        assert ctx.story is not None
        runtime = Runtime(ctx.story)
        return cls(ctx, Session(runtime, runtime.start(warp, variables)))

    @classmethod
    def from_save(cls, ctx: Context, data: SaveData) -> PlayScreen:
        """Resume a save; raise SaveError when it cannot be resumed on this story."""
        assert ctx.story is not None
        try:
            restored = snapshot.from_json(ctx.story, data.snapshot)
        except snapshot.SnapshotError as exc:
            raise SaveError(f"This save no longer fits the story: {exc}") from None
        runtime = Runtime(ctx.story)
        presentation = Presentation.from_json(data.presentation, ctx.story)
        positions = {}
        place = data.presentation.get("map_position") if isinstance(data.presentation, dict) else None
        if isinstance(place, list) and len(place) == 3 and all(isinstance(v, (int, float)) for v in place[:2]) \
                and place[2] in ("up", "down", "left", "right"):
            positions[(restored.state.scene, restored.state.pc)] = (float(place[0]), float(place[1]), place[2])
        screen = cls(ctx, Session(runtime, restored.state, presentation), positions)
        for notice in restored.notices:
            ctx.notify(notice, 5.0)
        return screen

    # --- story events ---

    def on_story_event(self, event: Any) -> None:
        self.pending.append(event)

    def show(self, checkpoint: Checkpoint, fresh: bool = False, instant: bool = False) -> None:
        """Display a checkpoint: play the effects that led to it, then its line / choice / map / ending."""
        quick = instant or self.skipping
        for event in self.pending:
            kind = event.kind
            if kind == m.BG:
                self.stage.set_background(event.name, event.transition, event.time, instant=quick)
                if not quick:
                    self.hold = max(self.hold, event.time if event.transition != "cut" else 0.0)
            elif kind == m.MUSIC:
                self.ctx.audio.play_music(event.name, 0.3 if quick else event.time)
            elif kind == m.SFX and not quick:
                self.ctx.audio.play_sfx(event.name)
            elif kind == m.WAIT and not quick:
                self.hold += event.seconds
        self.pending.clear()
        presentation = checkpoint.presentation
        if presentation.background is not None and presentation.background != self.stage.background:
            self.stage.set_background(presentation.background, "cut", 0.0)
        if instant:
            self.ctx.audio.play_music(presentation.music, 0.5)
        self.stage.follow(presentation, instant=quick)
        if quick:
            self.hold = 0.0
        self.timer = None
        self.choices = None
        self.auto_clock = 0.0
        event = checkpoint.event
        scene = checkpoint.state.scene
        if isinstance(event, ChoiceEvent):
            if fresh:
                self.box.set_line("", None, None, True)
            self.show_choice(event)
            self.skipping = False
            self.pending_autosave = True
        elif isinstance(event, MapEvent):
            self.skipping = False
            self.pending_autosave = True
            self.open_map(event)
        elif getattr(event, "kind", None) == m.ENDING:
            self.skipping = False
            self.reach_ending(event)
        else:
            self.show_line(event, complete=instant)
        self.update_feed()
        self.prefetcher.plan(upcoming_pictures(self.session.story, checkpoint.state))
        if self.last_scene is not None and scene != self.last_scene and not instant:
            self.pending_autosave = True
        self.last_scene = scene

    def update_feed(self) -> None:
        """The message exchange under way, for the phone (rebuilt from the lines so far)."""
        lines = [c.event for c in self.session.lines_so_far()]
        self.feed = message_feed(lines, self.session.story.primary_language)

    def show_line(self, line: m.Line, complete: bool = False) -> None:
        story = self.session.story
        lang = self.ctx.language
        name, color = None, None
        if line.speaker in story.characters:
            character = story.characters[line.speaker]
            name, color = character.name.get(lang), character.color
        if self.skipping and not self.ctx.settings.skip_unread and not self.is_read(line):
            self.skipping = False
        self.box.set_line(line.text.get(lang), name, color, complete or self.skipping)

    def show_choice(self, event: ChoiceEvent) -> None:
        count = len(event.options)
        height, gap = 64.0, 14.0
        top = max(40.0, (BOX[1] - 24 - count * (height + gap)) / 2)
        buttons = [Button(lambda o=o: o.text.get(self.ctx.language), lambda o=o: self.choose(o.index))
                   for o in event.options]
        self.choices = ButtonList(self.ctx, buttons, x=(WIDTH - 760) / 2, y=top, width=760, height=height,
                                  gap=gap, picture="choice", font_size=24)
        if event.timeout is not None and self.ctx.settings.timed_choices:
            self.timer = event.timeout
        if not event.options:
            log.warning("a choice with every option hidden at %s", event.op.pos)

    def open_map(self, event: MapEvent) -> None:
        """Walk the map; a map that cannot be loaded falls back to a list of its hotspots."""
        from .map_choice import MapChoiceScreen
        from .map_walk import MapWalkScreen
        walk = MapWalkScreen(self.ctx, self, event)
        if walk.tmap is None:
            self.ctx.notify(walk.error or "", 6.0)
            self.ctx.push(MapChoiceScreen(self.ctx, self, event))
        else:
            self.ctx.push(walk)

    def reach_ending(self, event: m.Ending) -> None:
        from .ending import EndingScreen
        self.ctx.progress.record_ending(event.ending)
        self.ctx.save_progress()
        if self.ctx.options.record is not None:
            self.record(event.ending)
        self.ctx.push(EndingScreen(self.ctx, event.ending))

    # --- moving on ---

    def is_read(self, line: Any) -> bool:
        return line.sid is not None and self.ctx.progress.is_read(str(line.sid))

    def mark_read(self) -> None:
        event = self.session.current.event
        if getattr(event, "kind", None) == m.LINE and event.sid is not None:
            self.ctx.progress.mark_read(str(event.sid))

    def advance(self) -> None:
        if self.hold > 0 or self.stage.busy():
            self.hold = 0.0
            self.stage.finish()
            return
        if not self.box.complete:
            self.box.finish()
            return
        current = self.session.current
        if getattr(current.event, "kind", None) != m.LINE:
            return
        self.mark_read()
        rolled = self.session.can_roll_forward()
        self.show(self.session.advance(), instant=rolled)

    def choose(self, index: int) -> None:
        self.show(self.session.choose(index))

    def roll_back(self) -> None:
        if not self.session.can_roll_back():
            self.open_history()
            return
        self.skipping = self.auto = False
        self.pending.clear()
        self.show(self.session.roll_back(), instant=True)

    def roll_forward(self) -> None:
        if self.session.can_roll_forward():
            self.show(self.session.roll_forward(), instant=True)

    def jump_to(self, index: int) -> None:
        """From the history screen: back to that line."""
        self.pending.clear()
        self.show(self.session.jump_to(index), instant=True)

    def refresh_language(self) -> None:
        """After a language change: the text box shows its line again in the new language (typed out
        at once) and the choice buttons are rebuilt with the new labels (focus and timer kept)."""
        event = self.session.current.event
        if getattr(event, "kind", None) == m.LINE:
            self.show_line(event, complete=True)
        elif self.box.text:  # a choice under the line that asked it
            lines = self.session.lines_so_far()
            if lines:
                self.show_line(lines[-1].event, complete=True)
        if self.choices is not None and isinstance(event, ChoiceEvent):
            focus, timer = self.choices.focus, self.timer
            self.show_choice(event)
            self.choices.focus, self.timer = focus, timer

    def record(self, ending: str | None) -> None:
        """Write the playthrough so far as a replay file (``starlight play --record FILE``)."""
        from game.check.replay import record_replay
        lang = self.ctx.language
        choices: list[str] = []
        for event, chosen in self.session.decisions:
            if isinstance(event, ChoiceEvent):
                choices.append(next(o.text.get(lang) for o in event.options if o.index == chosen))
            elif isinstance(event, MapEvent):
                choices.append(next(h.hotspot.name for h in event.hotspots if h.index == chosen))
        assert self.ctx.options.record is not None
        record_replay(self.ctx.options.record, self.session.story.root, lang, choices, ending)

    # --- input ---

    def handle(self, inp: Input) -> None:
        action = inp.action
        if self.hidden:
            if action in (Action.CONFIRM, Action.CLICK, Action.HIDE_UI, Action.BACK):
                self.hidden = False
            return
        if self.quick.handle(inp) if action in (Action.POINT, Action.CLICK) else False:
            return
        if action == Action.POINT:
            self.quick.focus = -1
        if self.choices is not None and self.choices.handle(inp):
            return
        if action in (Action.CONFIRM, Action.CLICK):
            if self.skipping:
                self.skipping = False
            elif self.choices is None:
                self.advance()
        elif action == Action.ROLLBACK:
            self.roll_back()
        elif action == Action.ROLLFORWARD:
            self.roll_forward()
        elif action == Action.SKIP:
            self.skipping = not self.skipping
        elif action == Action.AUTO:
            self.auto = not self.auto
        elif action == Action.HISTORY:
            self.open_history()
        elif action == Action.HIDE_UI:
            self.hidden = True
        elif action in (Action.BACK, Action.MENU):
            self.open_menu()
        elif action == Action.QUICKSAVE:
            self.quick_save()
        elif action == Action.QUICKLOAD:
            self.quick_load()
        elif action == Action.RELOAD:
            self.reload(force=True)

    def quick_action(self, key: str) -> None:
        if key == "history":
            self.open_history()
        elif key == "skip":
            self.skipping = not self.skipping
        elif key == "auto":
            self.auto = not self.auto
        elif key in ("save", "load"):
            from .saveload import SaveLoadScreen
            self.ctx.push(SaveLoadScreen(self.ctx, key, self))
        elif key == "qsave":
            self.quick_save()
        elif key == "qload":
            self.quick_load()
        elif key == "settings":
            from .settings import SettingsScreen
            self.ctx.push(SettingsScreen(self.ctx))

    def open_history(self) -> None:
        from .history import HistoryScreen
        self.ctx.push(HistoryScreen(self.ctx, self))

    def open_menu(self) -> None:
        from .menu import GameMenu
        self.ctx.push(GameMenu(self.ctx, self))

    def confirm_quit(self) -> None:
        from .confirm import ConfirmScreen
        self.ctx.push(ConfirmScreen(self.ctx, tr("quit_confirm", self.ctx.language), self.quit_now))

    def quit_now(self) -> None:
        self.ctx.quit_requested = True

    # --- saving ---

    def make_save(self, slot: str) -> SaveData:
        story = self.session.story
        current = self.session.current
        scene = story.scenes[current.state.scene]
        event = current.event
        preview: dict[str, str] = {}
        for lang in story.languages:
            if getattr(event, "kind", None) == m.LINE:
                text = event.text.get(lang)
            elif isinstance(event, ChoiceEvent) and event.options:
                text = " / ".join(o.text.get(lang) for o in event.options)
            else:
                text = ""
            preview[lang] = text if len(text) <= 60 else text[:59].rstrip() + "…"
        return SaveData(
            slot=slot, saved_at=datetime.now().astimezone(), story_title=story.title.as_dict(),
            scene_title=scene.title.as_dict(), preview=preview, language=self.ctx.language,
            snapshot=snapshot.to_json(story, current.state), presentation=self.presentation_json(),
            thumbnail_png=self.thumbnail())

    def presentation_json(self) -> dict[str, Any]:
        """The stage for a save, with the player's place on the map when the save is made on one."""
        current = self.session.current
        data = current.presentation.to_json()
        place = self.map_positions.get((current.state.scene, current.state.pc))
        if isinstance(current.event, MapEvent) and place is not None:
            data["map_position"] = list(place)
        return data

    def thumbnail(self) -> bytes | None:
        if self.ctx.capture is None:
            return None
        return encode_png(pygame.transform.smoothscale(self.ctx.capture(), THUMBNAIL))

    def save_to(self, slot: str) -> None:
        self.ctx.saves.write(self.make_save(slot))

    def quick_save(self) -> None:
        self.save_to("quick")
        self.ctx.notify(tr("quick_saved", self.ctx.language))

    def quick_load(self) -> None:
        info = self.ctx.saves.info("quick")
        if info.data is None:
            self.ctx.notify(info.error or tr("no_quick_save", self.ctx.language))
            return
        self.load(info.data)
        self.ctx.notify(tr("quick_loaded", self.ctx.language))

    def load(self, data: SaveData) -> None:
        """Replace this playthrough with a saved one (keeps this screen's place on the stack)."""
        try:
            screen = PlayScreen.from_save(self.ctx, data)
        except SaveError as exc:
            self.ctx.notify(str(exc), 5.0)
            return
        stack = self.ctx.stack
        stack[stack.index(self)] = screen

    def autosave(self) -> None:
        data = self.make_save("auto")
        try:
            self.ctx.saves.autosave(data)
        except OSError as exc:  # a full disk must not stop the game; the player is told
            log.warning("autosave failed: %s", exc)
            self.ctx.notify(f"Autosave failed: {exc.strerror or exc}", 4.0)

    # --- hot reload ---

    def reload(self, force: bool = False) -> None:
        story = self.session.story
        sources = sources_stamp(story.root)
        if not force and sources == self.sources:
            return
        self.sources = sources
        result = read_story(story.root)
        if result.story is None:
            self.reload_errors = [str(p) for p in result.problems if p.severity == "error"]
            log.warning("story reload failed:\n%s", "\n".join(self.reload_errors))
            return
        self.reload_errors = []
        data = snapshot.to_json(story, self.session.current.state)
        try:
            restored = snapshot.from_json(result.story, data)
        except snapshot.SnapshotError as exc:
            self.reload_errors = [f"cannot continue on the edited story: {exc}"]
            return
        self.ctx.story = result.story
        self.ctx.resources.set_story(result.story.root)
        self.prefetcher.forget()
        self.ctx.audio.forget()
        self.pending.clear()
        presentation = self.session.current.presentation
        self.show(self.session.replace_story(Runtime(result.story), restored.state, presentation), instant=True)
        for notice in restored.notices:
            self.ctx.notify(notice, 5.0)
        self.ctx.notify(tr("story_reloaded", self.ctx.language))

    # --- time ---

    def update(self, dt: float) -> None:
        self.stage.update(dt)
        self.box.update(dt if self.hold <= 0 else 0.0)
        self.hold = max(0.0, self.hold - dt)
        if not self.animating():  # the player is reading: load what the next steps will show
            if self.ctx.view.scale != self.prefetch_scale:
                self.prefetch_scale = self.ctx.view.scale
                self.prefetcher.forget()
            self.prefetcher.work()
        self.reload_clock += dt
        if self.reload_clock >= RELOAD_POLL:
            self.reload_clock = 0.0
            self.reload()
        held = bool(pygame.key.get_mods() & pygame.KMOD_CTRL) if pygame.key.get_focused() else False
        if self.timer is not None and self.choices is not None:
            self.timer -= dt
            if self.timer <= 0:
                self.timer = None
                event = self.session.current.event
                default = event.default if event.default is not None else event.options[0].index
                self.choose(default)
                return
        if (self.skipping or held) and self.choices is None and self.ctx.stack[-1] is self:
            self.skip_clock += dt
            if self.skip_clock >= SKIP_INTERVAL:
                self.skip_clock = 0.0
                self.skip_step(held)
            return
        if self.auto and self.choices is None and self.box.complete and self.hold <= 0 and not self.stage.busy():
            self.auto_clock += dt
            if self.auto_clock >= self.ctx.settings.auto_delay + 0.02 * len(self.box.text):
                self.auto_clock = 0.0
                self.advance()

    def skip_step(self, held: bool) -> None:
        event = self.session.current.event
        if getattr(event, "kind", None) != m.LINE:
            self.skipping = False
            return
        if not self.ctx.settings.skip_unread and not self.is_read(event) and self.box.complete:
            self.skipping = False  # stop at the first unread line
            return
        was = self.skipping
        self.skipping = True
        self.box.finish()
        self.hold = 0.0
        self.stage.finish()
        self.advance()
        self.skipping = self.skipping and (was or not held) if not held else was

    def animating(self) -> bool:
        return (not self.box.complete or self.stage.busy() or self.hold > 0 or self.timer is not None
                or self.skipping or self.auto or self.pending_autosave)

    # --- drawing ---

    def draw(self, surface: pygame.Surface) -> None:
        self.stage.draw(surface)
        if self.feed and not self.hidden:
            draw_phone(self.ctx, surface, self.feed)
        if not self.hidden:
            if (self.box.text or self.choices is None) and (self.hold <= 0 or self.box.shown > 0):
                self.box.draw(surface)
            if self.choices is not None:
                self.choices.draw(surface)
                self.draw_timer(surface)
            self.draw_quick_menu(surface)
            self.draw_modes(surface)
        if self.reload_errors:
            self.draw_errors(surface)

    def after_draw(self, surface: pygame.Surface) -> None:
        if self.pending_autosave:
            self.pending_autosave = False
            self.autosave()

    def draw_timer(self, surface: pygame.Surface) -> None:
        if self.timer is None:
            return
        event = self.session.current.event
        total = event.timeout or 1.0
        view = self.ctx.view
        full = view.rect((WIDTH - 760) / 2, 24, 760, 6)
        pygame.draw.rect(surface, (*TEXT_DIM, 90), full, border_radius=3)
        left = full.copy()
        left.width = round(full.width * max(0.0, self.timer) / total)
        pygame.draw.rect(surface, (255, 194, 122), left, border_radius=3)

    def draw_quick_menu(self, surface: pygame.Surface) -> None:
        view, res = self.ctx.view, self.ctx.resources
        first, last = self.quick.rects[0], self.quick.rects[-1]
        strip = view.rect(first.x - 10, first.y, last.right - first.x + 20, first.h)
        surface.blit(panel(self.ctx, strip.size, 150), strip)
        for i, (button, r) in enumerate(zip(self.quick.buttons, self.quick.rects)):
            active = (QUICK_MENU[i] == "skip" and self.skipping) or (QUICK_MENU[i] == "auto" and self.auto)
            color = (255, 194, 122) if active else TEXT if i == self.quick.focus else TEXT_DIM
            label = res.text(button.label(), view.px(15), color)
            surface.blit(label, label.get_rect(center=view.rect(r.x, r.y, r.w, r.h).center))

    def draw_modes(self, surface: pygame.Surface) -> None:
        view, res = self.ctx.view, self.ctx.resources
        words = [tr("skipping", self.ctx.language)] if self.skipping else []
        if self.auto:
            words.append(tr("auto_on", self.ctx.language))
        if not words:
            return
        label = res.text("  ·  ".join(words) + "  ▸▸", view.px(20), (255, 194, 122))
        box = label.get_rect(topleft=view.point(28, 22)).inflate(view.px(24), view.px(12))
        surface.blit(panel(self.ctx, box.size, 200), box)
        surface.blit(label, label.get_rect(center=box.center))

    def draw_errors(self, surface: pygame.Surface) -> None:
        view, res = self.ctx.view, self.ctx.resources
        rows = [tr("story_errors", self.ctx.language)] + self.reload_errors[:8]
        box = view.rect(40, 40, WIDTH - 80, 40 + 30 * len(rows))
        overlay = pygame.Surface(box.size, pygame.SRCALPHA)
        overlay.fill((60, 10, 20, 235))
        surface.blit(overlay, box)
        y = box.y + view.px(18)
        for i, row in enumerate(rows):
            label = res.text(row[:150], view.px(18 if i else 20), (255, 220, 220) if i else (255, 255, 255), bold=not i)
            surface.blit(label, (box.x + view.px(20), y))
            y += view.px(30)
