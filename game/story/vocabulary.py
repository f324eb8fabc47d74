"""The one definition of the scene format's steps: every step kind, its keys, their values and help.

The compiler checks keys against it, the JSON Schemas for editors are generated
from it, the writers' tools complete and explain from it, and a test holds the
writers' guide to it.  Adding a step kind starts here.

>>> STEP_KEYS["bg"]
frozenset({'bg', 'time', 'transition'})
>>> "transmit" in RESERVED and "spawn" in COMPANION_KEYS
True
"""

from __future__ import annotations

from dataclasses import dataclass

POSITIONS = ("left", "center", "right")
TRANSITIONS = ("cut", "fade", "dissolve")
DEFAULT_TIMES = {"cut": 0.0, "fade": 1.0, "dissolve": 0.6}
DESTINATIONS = ("earth", "mars", "none")  # `transmit:` values; none ends the exchange
MAX_LIGHT_MINUTES = 60.0  # a one-way signal time (Mars is at most about 22 light-minutes away)
MAX_ELAPSE_MINUTES = 24 * 60.0


@dataclass(frozen=True)
class Key:
    """One key a step may hold: the kind of value it takes, and help for writers."""

    name: str
    value: str  # see VALUE_KINDS
    help: str
    choices: tuple[str, ...] = ()  # for value "enum"
    low: float | None = None  # for value "number"
    high: float | None = None
    required: bool = False


# What a key's value is; the schema and the language server turn each into their own terms.
VALUE_KINDS = frozenset({"text", "asset", "identifier", "number", "count", "enum", "expression", "target",
                         "steps", "assignments", "additions", "choice", "options", "none"})


@dataclass(frozen=True)
class StepKind:
    """A step kind: the key that names it (its first key), the keys it may hold, what it does."""

    name: str
    summary: str
    keys: tuple[Key, ...]  # the naming key first

    @property
    def key_names(self) -> frozenset[str]:
        return frozenset(key.name for key in self.keys)


STEPS: tuple[StepKind, ...] = (
    StepKind("bg", "Change the background.", (
        Key("bg", "asset", "Background image to show: `images/backgrounds/<name>.png`."),
        Key("transition", "enum", "How the background changes: cut (default), fade or dissolve.", TRANSITIONS),
        Key("time", "number", "Length of the transition in seconds.", low=0, high=60),
    )),
    StepKind("show", "Show a character (or change its look or place).", (
        Key("show", "identifier", "The character to show."),
        Key("look", "identifier", "One of its looks (default: its first)."),
        Key("at", "enum", "Where: left, center (default) or right.", POSITIONS),
    )),
    StepKind("hide", "Hide a character.", (
        Key("hide", "identifier", "The character to hide."),
    )),
    StepKind("music", "Change the music.", (
        Key("music", "asset", "Music to loop: `audio/music/<name>.ogg`; `music: stop` stops it."),
        Key("time", "number", "Crossfade / fade-out length in seconds.", low=0, high=60),
    )),
    StepKind("sfx", "Play a sound effect.", (
        Key("sfx", "asset", "Sound effect to play once: `audio/sfx/<name>.ogg`."),
    )),
    StepKind("wait", "Pause for some seconds.", (
        Key("wait", "number", "Seconds to wait.", low=0, high=600),
    )),
    StepKind("transmit", "A message sets off between Mars and Earth: the phone's clock shows it in flight.", (
        Key("transmit", "enum", "Where the message goes: earth, mars, or none (the exchange is over: the "
            "phone's clock is cleared).", DESTINATIONS),
        Key("minutes", "number", "One-way light time in minutes (needed unless `transmit: none`).",
            low=0, high=MAX_LIGHT_MINUTES),
        Key("as", "identifier", "A name that tells crossed messages apart on the phone."),
    )),
    StepKind("elapse", "Minutes of story time pass: every message in flight moves on.", (
        Key("elapse", "number", "Minutes that pass.", low=0, high=MAX_ELAPSE_MINUTES),
    )),
    StepKind("choice", "Let the player choose.", (
        Key("choice", "choice", "A list of options, or {timeout, default, options}."),
    )),
    StepKind("if", "Run steps depending on a condition.", (
        Key("if", "expression", "The condition, e.g. `trust >= 2 and not kept_tape`."),
        Key("then", "steps", "Steps run when the condition is true.", required=True),
        Key("else", "steps", "Steps run when the condition is false."),
    )),
    StepKind("set", "Assign variables.", (
        Key("set", "assignments", "Variables to assign: `{route: go, kept_tape: true}`."),
    )),
    StepKind("add", "Add to whole-number variables (clamped to their range).", (
        Key("add", "additions", "Integers to add (negative to subtract): `{trust: 1}`."),
    )),
    StepKind("label", "A place to goto or call.", (
        Key("label", "identifier", "The label's name, unique in the scene."),
    )),
    StepKind("goto", "Jump elsewhere.", (
        Key("goto", "target", "Where to go on: a scene, scene.label, or a label of this scene."),
    )),
    StepKind("call", "Run a scene or label, then come back here at its `return`.", (
        Key("call", "target", "What to run: a scene, scene.label or a label of this scene."),
    )),
    StepKind("return", "Go back to just after the last call.", (
        Key("return", "none", "Takes no value: write `- return`."),
    )),
    StepKind("ending", "End the playthrough with a declared ending.", (
        Key("ending", "identifier", "A declared ending."),
    )),
    StepKind("map", "Let the player walk a map until a hotspot sends the story on.", (
        Key("map", "asset", "The map to walk: `maps/<name>.tmx`."),
        Key("spawn", "identifier", "The map object where the player appears.", required=True),
    )),
)

STEP_BY_NAME = {step.name: step for step in STEPS}
# The first key found decides what a step is; the set lists every key that step may hold.
STEP_KEYS: dict[str, frozenset[str]] = {step.name: step.key_names for step in STEPS}
RESERVED = frozenset(STEP_KEYS)
COMPANION_KEYS = frozenset().union(*STEP_KEYS.values()) - RESERVED

OPTION_KEYS: tuple[Key, ...] = (
    Key("text", "text", "What the option says.", required=True),
    Key("if", "expression", "A condition such as `courage >= 1`; while it is false the option is hidden."),
    Key("set", "assignments", "Variables to assign when the option is taken."),
    Key("add", "additions", "Integers to add when the option is taken."),
    Key("then", "steps", "Steps of this branch; afterwards flow goes on below the choice."),
    Key("goto", "target", "Where to jump after the option (and its `then` steps)."),
)
TIMED_CHOICE_KEYS: tuple[Key, ...] = (
    Key("timeout", "number", "Seconds before the default option is taken.", low=0.5, high=600, required=True),
    Key("default", "count", "The option taken when time runs out (1 = first).", low=1, required=True),
    Key("options", "options", "The options, in the order shown.", required=True),
)
OPTION_KEY_NAMES = frozenset(key.name for key in OPTION_KEYS)
TIMED_CHOICE_KEY_NAMES = frozenset(key.name for key in TIMED_CHOICE_KEYS)


def owner_of(key: str) -> str:
    """The step kind a companion key belongs to (the first that lists it)."""
    return next(step.name for step in STEPS if key in step.key_names)
