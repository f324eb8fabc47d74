"""An on-screen keyboard, English and Korean, for typing a search with a gamepad (or the mouse).

Pushed over the history when its search is started from a pad or by the
keyboard button in the search field.  The d-pad / stick moves the highlight,
A types the key, B takes back one jamo or letter (and closes when there is
nothing left), X types a space, Y or Start is done, LB / RB switch layout; the
mouse clicks keys.  Every change goes back through ``on_change`` (the history
filters as the player types), so the keyboard never holds the screen under it.
Korean jamo compose into syllables as on a two-set keyboard (``game.ui.keyboard``).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

import pygame

from game.play.backlog import MAX_QUERY

from ..access.tree import Node, screen
from ..input import Action, Input
from ..keyboard.hangul import Composer
from ..keyboard.layouts import BACKSPACE, DONE, SHIFT, SPACE, SWITCH, TYPE, Key, Layout, layout_for, other
from ..strings import tr
from ..widgets import AMBER, BLUE, HIGH_CONTRAST_RING, TEXT, TEXT_DIM, panel
from .base import Screen

if TYPE_CHECKING:
    from ..context import Context

UNIT, GAP, KEY_H = 54, 6, 46  # a key unit's width, the gap between keys, a key's height (logical)
PAD = 18  # inside the panel
PREVIEW_H = 40  # the text so far, above the keys
HINT_H = 30  # the pad's buttons, under the keys
NAMES = {SPACE: "key_space", BACKSPACE: "key_backspace", DONE: "key_done", SWITCH: "key_switch", SHIFT: "key_shift"}


class KeyboardScreen(Screen):
    opaque = False

    def __init__(self, ctx: Context, text: str, on_change: Callable[[str], None],
                 below: tuple[float, float, float, float], device: str = "pad") -> None:
        """``text``: the search so far; ``below``: the logical box (the search field) to open under;
        ``device``: what opened it (the hint names that device's buttons until another is used)."""
        super().__init__(ctx)
        self.composer = Composer(committed=text)
        self.on_change = on_change
        self.layout = layout_for(ctx.language)
        self.shift = False
        self.focus = (1, 0)  # the first letter
        width = self.layout.units() * (UNIT + GAP) - GAP + 2 * PAD
        self.field = below
        self.box = (below[0], below[1] + below[3] + 10, width, PREVIEW_H + 5 * (KEY_H + GAP) + HINT_H + 2 * PAD)
        self.device = device

    # --- the keys' places ---

    def key_rect(self, row: int, col: int, layout: Layout | None = None) -> pygame.Rect:
        """Logical rectangle of a key (rows centred in the panel)."""
        layout = layout or self.layout
        keys = layout.rows[row]
        row_w = sum(k.width for k in keys) * (UNIT + GAP) - GAP
        x = self.box[0] + (self.box[2] - row_w) / 2 + sum(k.width for k in keys[:col]) * (UNIT + GAP)
        y = self.box[1] + PAD + PREVIEW_H + row * (KEY_H + GAP)
        rect = pygame.Rect(0, 0, 0, 0)
        rect.update(round(x), round(y), round(keys[col].width * (UNIT + GAP) - GAP), KEY_H)
        return rect

    def key_at(self, pos: tuple[float, float]) -> tuple[int, int] | None:
        for r, row in enumerate(self.layout.rows):
            for c in range(len(row)):
                if self.key_rect(r, c).collidepoint(pos):
                    return r, c
        return None

    def focused(self) -> Key:
        return self.layout.rows[self.focus[0]][self.focus[1]]

    # --- moving ---

    def move(self, rows: int, cols: int) -> None:
        r, c = self.focus
        if cols:
            c = (c + cols) % len(self.layout.rows[r])
        else:  # the key above / below is the one nearest in x
            centre = self.key_rect(r, c).centerx
            r = (r + rows) % len(self.layout.rows)
            c = min(range(len(self.layout.rows[r])), key=lambda i: abs(self.key_rect(r, i).centerx - centre))
        self.focus = (r, c)
        self.ctx.audio.play_sfx("ui_move")

    def switch(self, step: int = 1) -> None:
        """The other language's layout (the syllable being composed is finished first)."""
        self.composer.commit()
        self.layout = other(self.layout, step)
        self.shift = False
        r = min(self.focus[0], len(self.layout.rows) - 1)
        self.focus = (r, min(self.focus[1], len(self.layout.rows[r]) - 1))
        self.ctx.audio.play_sfx("ui_move")

    # --- typing ---

    def press(self, key: Key) -> None:
        if key.kind == DONE:
            self.done()
        elif key.kind == SWITCH:
            self.switch()
        elif key.kind == SHIFT:
            self.shift = not self.shift
            self.ctx.audio.play_sfx("ui_move")
        elif key.kind == BACKSPACE:
            self.backspace()
        else:
            self.type(" " if key.kind == SPACE else key.types(self.shift))
            self.shift = False  # (one key, as a phone's shift)

    def type(self, text: str) -> None:
        if len(self.composer.text) >= MAX_QUERY:
            self.ctx.audio.play_sfx("ui_error")
            return
        if text == " ":
            self.composer.put(text)
        else:
            self.composer.type(text)
        self.ctx.audio.play_sfx("ui_select")
        self.changed()

    def backspace(self) -> None:
        self.composer.backspace()
        self.ctx.audio.play_sfx("ui_back")
        self.changed()

    def changed(self) -> None:
        self.on_change(self.composer.text)

    def done(self) -> None:
        """Close, keeping what was typed (the history keeps filtering by it)."""
        self.composer.commit()
        self.changed()
        self.ctx.audio.play_sfx("ui_select")
        self.ctx.nav.pop()

    def close(self) -> None:
        self.ctx.audio.play_sfx("ui_back")
        self.ctx.nav.pop()

    # --- input ---

    def handle(self, inp: Input) -> None:
        action = inp.action
        if action != Action.KEY:
            self.device = inp.device
        moves = {Action.UP: (-1, 0), Action.DOWN: (1, 0), Action.LEFT: (0, -1), Action.RIGHT: (0, 1)}
        if action in moves:
            self.move(*moves[action])
        elif action == Action.CONFIRM:
            self.press(self.focused())
        elif action == Action.BACK:  # B, Esc, right click: back a jamo; with nothing typed, close
            if self.composer.text:
                self.backspace()
            else:
                self.close()
        elif action == Action.DELETE:
            self.backspace()
        elif action == Action.AUTO and inp.device == "pad":  # pad X (the keyboard's A key types nothing here)
            self.type(" ")
        elif action in (Action.SKIP, Action.MENU, Action.SEARCH, Action.HISTORY):  # pad Y, Start, Ctrl+F
            self.done()
        elif action in (Action.ROLLBACK, Action.ROLLFORWARD) and inp.pos is None:  # LB / RB, PageUp / PageDown
            self.switch(-1 if action == Action.ROLLBACK else 1)
        elif action in (Action.POINT, Action.CLICK) and inp.pos is not None:
            self.point(inp.pos, action == Action.CLICK)

    def point(self, pos: tuple[float, float], click: bool) -> None:
        hit = self.key_at(pos)
        if hit is not None:
            self.focus = hit
            if click:
                self.press(self.focused())
        elif click and not pygame.Rect(self.box).collidepoint(pos):
            self.done()  # a click outside: back to the list, the words kept

    # --- describing ---

    def presser(self, key: Key) -> Callable[[], None]:
        return lambda: self.press(key)

    def key_name(self, key: Key) -> str:
        lang = self.ctx.language
        if key.kind == SWITCH:
            return tr("key_switch", lang).format(layout=tr(f"layout_{other(self.layout).language}", lang))
        return tr(NAMES[key.kind], lang) if key.kind in NAMES else key.types(self.shift)

    def access(self) -> Node:
        lang = self.ctx.language
        children = [Node("text", tr("search", lang), key="keyboard.text", value=self.composer.text, live=True)]
        for r, row in enumerate(self.layout.rows):
            for c, key in enumerate(row):
                name = self.key_name(key)
                if key.kind == SWITCH:
                    name = f"{tr('switch_to', lang)}: {name}"
                children.append(Node("button", name, key=f"keyboard.{r}.{c}",
                                     focused=(r, c) == self.focus, activate=self.presser(key)))
        name = tr("on_screen_keyboard", lang) + " · " + tr(f"layout_{self.layout.language}", lang)
        return screen(name, "keyboard", lang, children)

    # --- drawing ---

    def draw(self, surface: pygame.Surface) -> None:
        view = self.ctx.view
        field = view.rect(*self.field)  # the field being typed into, lit as when it has the keys
        pygame.draw.rect(surface, BLUE, field, width=max(1, view.px(2)), border_radius=field.h // 2)
        box = view.rect(*self.box)
        surface.blit(panel(self.ctx, box.size, 246), box)
        self.draw_preview(surface)
        for r, row in enumerate(self.layout.rows):
            for c, key in enumerate(row):
                self.draw_key(surface, key, self.key_rect(r, c), (r, c) == self.focus)
        self.draw_hint(surface)

    def draw_preview(self, surface: pygame.Surface) -> None:
        """The text so far, the syllable being composed underlined, and the layout's name at the right."""
        view, res, lang = self.ctx.view, self.ctx.resources, self.ctx.language
        x, y = self.box[0] + PAD + 8, self.box[1] + PAD + PREVIEW_H / 2 - 4
        size = view.px(22)
        committed, composing = self.composer.committed, self.composer.composing
        words = res.text(committed, size, TEXT) if committed else None
        left = view.px(x) + (words.get_width() if words else 0)
        if words is not None:
            surface.blit(words, words.get_rect(midleft=(view.px(x), view.px(y))))
        if composing:
            part = res.text(composing, size, AMBER)
            rect = part.get_rect(midleft=(left, view.px(y)))
            surface.blit(part, rect)
            pygame.draw.line(surface, AMBER, (rect.left, rect.bottom), (rect.right, rect.bottom), max(1, view.px(2)))
            left = rect.right
        elif not committed:
            prompt = res.text(tr("search_prompt", lang), view.px(18), TEXT_DIM)
            surface.blit(prompt, prompt.get_rect(midleft=(left + view.px(6), view.px(y))))
        pygame.draw.line(surface, TEXT, (left + view.px(2), view.px(y - 11)), (left + view.px(2), view.px(y + 11)),
                         max(1, view.px(2)))
        name = tr(f"layout_{self.layout.language}", lang) + (" ⇧" if self.shift else "")
        label = res.text(name, view.px(16), AMBER if self.shift else TEXT_DIM)
        surface.blit(label, label.get_rect(midright=view.point(self.box[0] + self.box[2] - PAD - 6, y)))

    def draw_key(self, surface: pygame.Surface, key: Key, logical: pygame.Rect, focused: bool) -> None:
        view, res = self.ctx.view, self.ctx.resources
        rect = view.rect(logical.x, logical.y, logical.w, logical.h)
        surface.blit(panel(self.ctx, rect.size, 240 if focused else 170), rect)
        if focused:
            ring = HIGH_CONTRAST_RING if self.ctx.settings.high_contrast else BLUE
            pygame.draw.rect(surface, ring, rect, width=max(2, view.px(3 if self.ctx.settings.high_contrast else 2)),
                             border_radius=view.px(10))
        lit = (key.kind == SHIFT and self.shift) or (key.kind == TYPE and self.shift and bool(key.shifted))
        if key.kind != TYPE:
            text, size = self.key_name(key), view.px(17)
        else:
            text, size = key.types(self.shift), view.px(24)
        color = AMBER if lit else TEXT if focused or key.kind == TYPE else TEXT_DIM
        label = res.text(text, size, color, bold=focused)
        surface.blit(label, label.get_rect(center=rect.center),
                     pygame.Rect(0, 0, min(label.get_width(), rect.w - view.px(8)), label.get_height()))

    def draw_hint(self, surface: pygame.Surface) -> None:
        view, res = self.ctx.view, self.ctx.resources
        hint = res.text(tr(f"hint_keyboard_{self.device}", self.ctx.language), view.px(15), TEXT_DIM)
        y = self.box[1] + self.box[3] - PAD - HINT_H / 2 + 4
        surface.blit(hint, hint.get_rect(center=view.point(self.box[0] + self.box[2] / 2, y)))



def draw_keyboard_icon(surface: pygame.Surface, rect: pygame.Rect, color: tuple[int, int, int], unit: int) -> None:
    """A small keyboard drawn in ``rect`` (the button in the history's search field that opens the keyboard)."""
    body = rect.inflate(-2 * unit, -rect.h // 3)
    pygame.draw.rect(surface, color, body, width=max(1, unit // 2), border_radius=max(2, unit))
    dot = max(1, unit // 2)
    for row in range(2):
        for col in range(4):
            x = body.x + body.w * (col + 1) // 5
            y = body.y + body.h * (row + 1) // 4
            pygame.draw.rect(surface, color, (x - dot // 2, y - dot // 2, dot + 1, dot + 1))
    pygame.draw.line(surface, color, (body.x + body.w // 4, body.y + body.h * 3 // 4),
                     (body.right - body.w // 4, body.y + body.h * 3 // 4), max(1, unit // 2))
