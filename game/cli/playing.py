"""``starlight play``: the game itself, with a story folder, a warp, variables and a recording."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from game.paths import shipped_story
from game.story.problems import clip

from .common import EXIT_USAGE, CannotWrite, check_output, story_folder, story_in

if TYPE_CHECKING:
    pass


def _parse_value(text: str) -> object:
    """A --set value: true / false, a whole number, or a word (an enum value)."""
    if text in ("true", "false"):
        return text == "true"
    try:
        return int(text)
    except ValueError:
        return text


def cmd_play(args: argparse.Namespace) -> int:
    import logging

    from game.persist import paths

    logging.basicConfig(level=logging.INFO if args.verbose else logging.WARNING,
                        format="%(levelname)s %(name)s: %(message)s")
    root = story_folder(args.story)
    variables = {}
    for item in args.set or []:
        name, sep, value = item.partition("=")
        if not sep:
            print(f"starlight: --set takes name=value, not {item!r}", file=sys.stderr)
            return EXIT_USAGE
        variables[name] = _parse_value(value)
    for option in (args.record, args.screenshot):
        if option:
            check_output(Path(option))  # before a window opens
    if args.warp or variables:  # check them before a window opens
        from game.story.runtime import Runtime
        story = story_in(root)
        try:
            Runtime(story).start(args.warp, variables)
        except (KeyError, ValueError) as exc:
            print(f"starlight: {clip(str(exc), 500)}", file=sys.stderr)
            return EXIT_USAGE
    early = None
    if not (args.warp or variables):  # the title comes first: its pictures are decoded while the game imports
        from game.ui.early import EarlyPictures
        early = EarlyPictures(shipped_story())
    from game.ui.app import Options, run_game

    cannot_record: tuple[type[Exception], ...] = ()
    if args.record:  # (the replay format is imported only then: it is not needed to start the game)
        from game.check.replay import ReplayError
        cannot_record = (ReplayError,)

    options = Options(story_root=root, ui_root=shipped_story(), data_dir=paths.data_dir(args.save_dir),
                      frames=args.frames, screenshot=Path(args.screenshot) if args.screenshot else None,
                      warp=args.warp, variables=variables, language=args.lang,
                      record=Path(args.record) if args.record else None, early=early)
    first = None
    if args.warp or variables:
        from game.ui.play.screen import PlayScreen

        def first(ctx):  # type: ignore[no-untyped-def]
            return PlayScreen.new_game(ctx, args.warp, variables)
    try:
        return run_game(options, first)
    except cannot_record as exc:  # --record could not write its file
        raise CannotWrite(str(exc)) from None


def add_play_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--warp", metavar="SCENE[.LABEL]", help="start a new game right there")
    parser.add_argument("--set", metavar="VAR=VALUE", action="append", help="set a variable (repeatable)")
    parser.add_argument("--lang", help="language to play in (e.g. en, ko)")
    parser.add_argument("--save-dir", type=Path, help="folder for saves and settings "
                        "(default: the user data folder, or $STARLIGHT_SAVE_DIR)")
    parser.add_argument("--frames", type=int, help="quit after this many frames (tests, benchmarks)")
    parser.add_argument("--screenshot", metavar="PNG", help="save the last frame to PNG")
    parser.add_argument("--record", metavar="FILE", help="record the playthrough to a replay file")
    parser.add_argument("-v", "--verbose", action="store_true", help="log more")


def add_play_arguments(parser: argparse.ArgumentParser) -> None:
    """What ``starlight play`` takes: a story folder and the play options (the desktop build takes the same)."""
    parser.add_argument("story", nargs="?", help="story folder (default: the shipped story)")
    add_play_options(parser)
