"""The play screen: the story on stage, the text box, choices, and the player's conveniences.

Input becomes calls to the play controller (``game.play.controller``); what the
controller answers (a ``Shown``) is put on stage here.  Click / Space / Enter
completes the line, then goes on; the wheel or PageUp rolls back, PageDown
forward; Ctrl (held) or Tab skips read lines; A toggles auto-forward; H opens
the history; Home goes back to the last choice, End skips to the next one;
Delete or a middle click hides the interface; F5 / F9 quick save and load; Esc
opens the game menu; Shift+R reloads the story (it also reloads by itself when
a source file changes).
"""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING

import pygame

from game.persist.progress import Passage
from game.persist.saves import SaveData, SaveError
from game.play.controller import PlayController, Shown
from game.play.recording import record
from game.play.reload import Reloader
from game.play.saving import load_save
from game.play.warp import WarpError, warp
from game.story import model as m
from game.story.presentation import Place
from game.story.runtime import ChoiceEvent, MapEvent

from ..access.tree import Node
from ..input import Input
from ..phone import draw_phone
from ..prefetch import Prefetcher, upcoming_pictures
from ..screens.base import Screen
from ..screens.ending import EndingScreen
from ..screens.history import HistoryScreen
from ..screens.map_choice import MapChoiceScreen
from ..screens.map_walk import MapWalkScreen
from ..screens.menu import GameMenu
from ..stage import Stage
from ..strings import tr
from ..textbox import TextBox
from .captions import Captions
from .choices import ChoiceMenu
from .described import play_tree
from .hud import QuickMenu, draw_modes, draw_story_errors
from .keys import handle_input, quick_action
from .link import GameLink
from .reloading import reload_story
from .saves import SaveActions, thumbnail

if TYPE_CHECKING:
    from ..context import Context

log = logging.getLogger(__name__)
PROGRESS_EVERY = 60.0  # seconds of play between writes of the player's record (at an autosave; and at endings)


class PlayScreen(Screen):
    paints_all = True  # the stage paints its background (or a backdrop) over the whole frame
    guards_quit = True

    def __init__(self, ctx: Context, controller: PlayController, notices: tuple[str, ...] = ()) -> None:
        super().__init__(ctx)
        self.controller = controller
        self.link = GameLink(self)
        self.stage = Stage(ctx)
        self.box = TextBox(ctx)
        self.prefetcher = Prefetcher(self.stage.prepare, ledger=ctx.resources)
        self.prefetch_scale = ctx.view.scale
        self.quick = QuickMenu(ctx, self.quick_action)
        self.choices: ChoiceMenu | None = None
        self.map_screen: Screen | None = None  # the map this game has open, while it has one
        self.hold = 0.0  # seconds before the line starts (waits, transitions)
        self.hidden = False
        self.feed = controller.feed()
        self.reloader = Reloader(controller.story.root)
        self.reload_errors: list[str] = []
        self.recorded = False
        self.progress_clock = 0.0
        self.saves = SaveActions(ctx, self.controller, self.game_picture, self.load)
        self._notices = notices
        self.captions = Captions(ctx)
        self.shown_line: m.Line | None = None  # the line the text box shows (a new one is said anew)
        self.line_serial = 0
        self.music_captioned: str | None = None

    # --- starting ---

    @classmethod
    def new_game(cls, ctx: Context, warp: str | None = None, variables: dict[str, object] | None = None
                 ) -> PlayScreen:
        if ctx.story is None:
            raise RuntimeError("a new game needs a story that loads")
        return cls(ctx, PlayController.new_game(ctx.story, ctx.settings, ctx.progress, warp, variables))

    @classmethod
    def from_passage(cls, ctx: Context, passage: Passage) -> PlayScreen:
        """A game played on from a point of the flowchart; WarpError when it no longer fits the story."""
        if ctx.story is None:
            raise WarpError("There is no story to play.")
        controller, notices = warp(ctx.story, passage, ctx.settings, ctx.progress)
        return cls(ctx, controller, tuple(notices))

    @classmethod
    def from_save(cls, ctx: Context, data: SaveData) -> PlayScreen:
        """A game resumed from ``data``; SaveError when it cannot be resumed on this story."""
        if ctx.story is None:
            raise SaveError("There is no story to load this save into.")
        controller, notices = load_save(ctx.story, data, ctx.settings, ctx.progress)
        return cls(ctx, controller, tuple(notices))

    def enter(self) -> None:
        for notice in self._notices:
            self.ctx.notify(notice, 5.0)
        self.display(self.controller.first_shown())

    # --- putting the story on stage ---

    def display(self, shown: Shown) -> None:
        """Show a stop: play the effects passed on the way, then its line, choice, map or ending."""
        quick = shown.instant
        for event in shown.passed:
            self.play_effect(event, quick)
        presentation = shown.checkpoint.presentation
        if presentation.background is not None and presentation.background != self.stage.background:
            self.stage.set_background(presentation.background, "cut", 0.0)
        if quick:
            self.ctx.audio.play_music(presentation.music, 0.5)
            self.hold = 0.0
        if presentation.music != self.music_captioned:  # a new track: its caption (not while skipping past it)
            self.music_captioned = presentation.music
            if presentation.music is not None and not self.controller.skipping:
                self.captions.show(self.controller.story.caption("music", presentation.music))
        self.feed = self.controller.feed()
        self.stage.beside_phone = self.phone_shown()
        self.stage.follow(presentation, instant=quick)
        self.choices = None
        event = shown.event
        if isinstance(event, ChoiceEvent):
            self.show_line(shown.under, complete=True)
            self.choices = ChoiceMenu(self.ctx, event, self.choose, self.stage.beside_phone,
                                      self.controller.option_marks())
            if not event.options:
                log.warning("a choice with every option hidden at %s", event.op.pos)
        elif isinstance(event, MapEvent):
            self.show_line(shown.under, complete=True)
            self.open_map(event)
        elif isinstance(event, m.Ending):
            self.reach_ending(event)
        else:
            self.show_line(shown.checkpoint.line, complete=quick)
        self.prefetcher.plan(upcoming_pictures(self.controller.story, shown.checkpoint.state))

    def play_effect(self, event: object, quick: bool) -> None:
        """One presentation event passed on the way to a stop: a picture, music, a sound, a wait."""
        if isinstance(event, m.Background):
            self.stage.set_background(event.name, event.transition, event.time, instant=quick)
            if not quick and self.stage.transition != "cut":  # (reduced motion cuts)
                self.hold = max(self.hold, self.stage.remaining())
        elif isinstance(event, m.Music):
            self.ctx.audio.play_music(event.name, 0.3 if quick else event.time)
        elif isinstance(event, m.Sfx) and not quick:
            self.ctx.audio.play_sfx(event.name)
            self.captions.show(self.controller.story.caption("sfx", event.name))
        elif isinstance(event, m.Wait) and not quick:
            self.hold += event.seconds

    def show_line(self, line: m.Line | None, complete: bool) -> None:
        if line is not self.shown_line:
            self.shown_line = line
            self.line_serial += 1
        if line is None:
            self.box.set_line("", None, None, True)
            return
        lang = self.ctx.language
        name, color = None, None
        character = self.controller.story.characters.get(line.speaker)
        if character is not None:
            name, color = character.name.get(lang), character.color
        self.box.set_line(line.text.get(lang), name, color, complete, read=self.controller.is_read(line))

    def open_map(self, event: MapEvent) -> None:
        """Walk the map; a map that cannot be loaded falls back to a list of its hotspots."""
        walk = MapWalkScreen(self.ctx, self.link)
        if walk.tmap is None:
            self.ctx.notify(walk.error or "", 6.0)
            self.map_screen = MapChoiceScreen(self.ctx, self.link)
        else:
            self.map_screen = walk
        self.ctx.nav.push(self.map_screen)

    def reach_ending(self, event: m.Ending) -> None:
        self.ctx.save_progress()
        path = self.ctx.options.record
        if path is not None and self.controller.ended is not None and not self.recorded:
            self.recorded = True
            # (a file that cannot be written ends the run: the CLI says so in one line, exit 2)
            record(self.controller.session, path, self.ctx.language, event.ending)
        self.ctx.nav.push(EndingScreen(self.ctx, event.ending))

    def phone_shown(self) -> bool:
        """Whether the phone is on screen (an exchange under way, or a message in flight)."""
        return bool(self.feed or self.controller.current.presentation.signals)

    def language_changed(self) -> None:
        """Show the line (and the options' labels) again in the new language, typed out at once."""
        self.show_line(self.controller.under_line(), complete=True)

    # --- moving on ---

    def advance(self) -> None:
        if self.hold > 0 or self.stage.busy():
            self.hold = 0.0
            self.stage.finish()
            return
        if not self.box.complete:
            self.box.finish()
            return
        shown = self.controller.advance()
        if shown is not None:
            self.display(shown)

    def choose(self, index: int) -> None:
        self.display(self.controller.choose(index))

    def take_hotspot(self, index: int, place: Place) -> None:
        """From the map screen: the player used hotspot ``index`` standing at ``place``."""
        self.controller.remember_place(place)
        self.close_map()
        self.ctx.audio.play_sfx("ui_select")
        self.choose(index)

    def close_map(self) -> None:
        if self.map_screen is not None and self.map_screen in self.ctx.nav:
            self.ctx.nav.pop_to(self)
        self.map_screen = None

    def leave_map_back(self) -> None:
        """Roll back from a map to the stop before it."""
        if self.controller.session.can_roll_back():
            self.close_map()
            self.roll_back()

    def roll_back(self) -> None:
        shown = self.controller.roll_back()
        if shown is None:
            self.open_history()
        else:
            self.display(shown)

    def roll_forward(self) -> None:
        shown = self.controller.roll_forward()
        if shown is not None:
            self.display(shown)

    def back_to_last_choice(self) -> None:
        """Home / the quick menu: back to the last choice, to choose again."""
        index = self.controller.last_choice()
        if index is None:
            self.ctx.audio.play_sfx("ui_error")
            self.ctx.notify(tr("no_last_choice", self.ctx.language))
            return
        self.jump_to(index)

    def skip_to_choice(self) -> None:
        """End / the quick menu: on at once to the next choice (stopping at unread text)."""
        shown = self.controller.skip_to_choice() if self.map_screen is None else None
        if shown is None:
            self.ctx.audio.play_sfx("ui_error")
            self.ctx.notify(tr("nothing_to_skip", self.ctx.language))
            return
        self.hold = 0.0
        self.stage.finish()
        self.display(shown)

    def warp_to(self, passage: Passage) -> None:
        """From the flowchart: play from ``passage`` instead of this game, autosaved first (never lost)."""
        if self.saves.autosave_now():
            open_warp(self.ctx, passage)

    def return_to_game(self) -> None:
        """Close the screens above the game (its map stays open if it has one)."""
        self.ctx.nav.pop_to(self.map_screen if self.map_screen in self.ctx.nav else self)  # type: ignore[arg-type]

    def jump_to(self, index: int) -> None:
        """From the history screen: back to that stop (closing the screens above the game)."""
        self.close_map()
        self.ctx.nav.pop_to(self)
        self.display(self.controller.jump_to(index))

    # --- input ---

    def handle(self, inp: Input) -> None:
        handle_input(self, inp)

    def quick_action(self, key: str) -> None:
        quick_action(self, key)

    def open_history(self) -> None:
        self.ctx.nav.push(HistoryScreen(self.ctx, self.link))

    def open_menu(self) -> None:
        self.ctx.nav.push(GameMenu(self.ctx, self.link))

    # --- saving and loading ---

    def game_picture(self) -> bytes | None:
        """The game as the player sees it (the map when one is open), as a save's thumbnail."""
        return thumbnail(self.ctx, self.map_screen if self.map_screen is not None and self.map_screen in self.ctx.nav
                         else self)

    def load(self, data: SaveData, notice: str | None = None) -> None:
        """Replace this game with a saved one (closing the menus above it)."""
        open_save(self.ctx, data, notice)

    # --- hot reload ---

    def reload(self) -> None:
        reload_story(self)

    # --- time ---

    def ready(self) -> bool:
        """The stop is fully shown: the line typed out, transitions and waits over, and said when the game speaks."""
        speaking = self.ctx.access is not None and self.ctx.access.speaking()
        return self.box.complete and self.hold <= 0 and not self.stage.busy() and not speaking

    def update(self, dt: float) -> None:
        self.stage.update(dt)
        self.box.update(dt if self.hold <= 0 else 0.0)
        self.hold = max(0.0, self.hold - dt)
        self.captions.update(dt)
        if self.choices is not None:
            self.choices.update(dt)
        if not self.animating():  # the player is reading: load what the next steps will show
            if self.ctx.view.scale != self.prefetch_scale:
                self.prefetch_scale = self.ctx.view.scale
                self.prefetcher.forget()
            self.prefetcher.work()
        self.progress_clock += dt
        if self.reloader.poll(dt):
            self.reload()
        held = pygame.key.get_focused() and bool(pygame.key.get_mods() & pygame.KMOD_CTRL)
        if self.ctx.nav.top is self:
            shown = self.controller.tick(dt, self.ready(), held)
            if shown is not None:
                self.display(shown)

    def animating(self) -> bool:
        c = self.controller
        return (not self.ready() or c.timer is not None or c.skipping or c.auto or c.autosave_due
                or self.captions.animating() or self.stage.animating() or (self.choices is not None and self.ctx.settings.switch_scan > 0))

    # --- drawing ---

    def draw(self, surface: pygame.Surface) -> None:
        self.stage.draw(surface)
        presentation = self.controller.current.presentation
        if self.stage.beside_phone and not self.hidden:
            draw_phone(self.ctx, surface, self.feed, presentation.clock, presentation.signals)
        if not self.hidden:
            if (self.box.text or self.choices is None) and (self.hold <= 0 or self.box.shown > 0):
                self.box.draw(surface, indicator=self.choices is None)
            if self.choices is not None:
                self.choices.draw(surface, self.controller.timer)
            self.quick.draw(surface, {k for k, on in (("skip", self.controller.skipping),
                                                      ("auto", self.controller.auto)) if on})
            draw_modes(self.ctx, surface, self.controller.skipping, self.controller.auto)
            self.captions.draw(surface)
        if self.reload_errors:
            draw_story_errors(self.ctx, surface, self.reload_errors)

    def access(self) -> Node:
        """The text box (speaker, then line), the captions, and the options as buttons."""
        return play_tree(self)

    def after_draw(self, surface: pygame.Surface) -> None:
        if self.controller.autosave_due:
            self.saves.autosave(surface)
            if self.progress_clock >= PROGRESS_EVERY:  # the record too, now and then (it is larger)
                self.progress_clock = 0.0
                try:
                    self.ctx.save_progress()
                except OSError as exc:
                    log.warning("cannot save the player's progress: %s", exc)


def open_warp(ctx: Context, passage: Passage) -> None:
    """Play on from a point of the flowchart, in place of whatever is on the screen stack."""
    try:
        screen = PlayScreen.from_passage(ctx, passage)
    except WarpError as exc:
        ctx.audio.play_sfx("ui_error")
        ctx.notify(str(exc), 5.0)
        return
    ctx.nav.replace_all(screen)
    ctx.notify(tr("warped", ctx.language))


def open_save(ctx: Context, data: SaveData, notice: str | None = None) -> None:
    """Play on from ``data``, in place of whatever is on the screen stack; a save that cannot be used says why."""
    try:
        screen = PlayScreen.from_save(ctx, data)
    except SaveError as exc:
        ctx.audio.play_sfx("ui_error")
        ctx.notify(exc.message, 5.0)
        return
    ctx.nav.replace_all(screen)
    if notice:
        ctx.notify(notice)
