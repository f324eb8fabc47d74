"""The ``starlight`` command: play the game, check a story, and the writers' and testers' tools.

Errors from stories and files are caught here, at the edge, and printed as
messages; exit codes are 0 (fine), 1 (the story or input has errors) and
2 (could not run: no such folder, bad arguments, an output place that cannot
be written).  Output places are checked before any long work starts, and a
write that fails later (a full disk) ends the same way: one line, exit 2.

The commands live by audience: ``checking`` (check, schema, graph, choices, maps), ``testing``
(replay, capture, coverage), ``playing`` (play), ``writing`` (strings, new, lsp); ``common`` holds what
they share.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Callable, Sequence

from .checking import DEFAULT_CHOICE_RUNS, cmd_check, cmd_choices, cmd_graph, cmd_maps, cmd_schema
from .common import EXIT_OK, EXIT_USAGE, CannotWrite, Stop, add_caps
from .playing import add_play_arguments, add_play_options, cmd_play
from .testing import cmd_capture, cmd_coverage, cmd_replay
from .writing import add_strings_parser, cmd_lsp, cmd_new


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="starlight", description="Lost in Starlight: Signal Delay - "
                                     "the game, and tools for its writers and testers.")
    add_play_options(parser)
    parser.set_defaults(run=cmd_play, story=None)
    sub = parser.add_subparsers(dest="command")

    play = sub.add_parser("play", help="play the game (the default), or any story folder")
    add_play_arguments(play)
    play.set_defaults(run=cmd_play)

    check = sub.add_parser("check", help="validate a story and prove every ending reachable")
    check.add_argument("story", nargs="?", help="story folder (default: the shipped story)")
    check.add_argument("--json", action="store_true", help="print one JSON object")
    check.add_argument("--junit", metavar="FILE", help="also write JUnit XML to FILE")
    check.add_argument("--strict", action="store_true", help="count warnings as errors")
    add_caps(check)
    check.set_defaults(run=cmd_check)

    replay = sub.add_parser("replay", help="run recorded playthroughs headless and check their expectations")
    replay.add_argument("files", nargs="+", metavar="FILE", help="replay files (YAML)")
    replay.set_defaults(run=cmd_replay)

    cap = sub.add_parser("capture", help="a PNG of every reachable line and choice, with index.html and lines.csv")
    cap.add_argument("story", nargs="?", help="story folder (default: the shipped story)")
    cap.add_argument("-o", "--output", required=True, metavar="DIR", help="folder to write the pictures to")
    cap.add_argument("--lang", help="language to capture (default: the story's first)")
    cap.add_argument("--text-size", choices=["small", "medium", "large"], default="medium",
                     help="the text size setting to show lines at")
    cap.set_defaults(run=cmd_capture)

    graph = sub.add_parser("graph", help="draw the story map: scenes, labels, choices, endings")
    graph.add_argument("story", nargs="?", help="story folder (default: the shipped story)")
    graph.add_argument("-o", "--output", required=True, metavar="FILE",
                       help="FILE.dot, .svg or .png (with Graphviz), or .html (always); the .dot is always written")
    add_caps(graph)
    graph.set_defaults(run=cmd_graph)

    choices = sub.add_parser("choices", help="do the choices matter? seeded playthroughs: endings, inert, decisive "
                             "and cosmetic choices, unseen variables")
    choices.add_argument("story", nargs="?", help="story folder (default: the shipped story)")
    choices.add_argument("--json", action="store_true", help="print one JSON object (every row)")
    choices.add_argument("--runs", type=int, default=DEFAULT_CHOICE_RUNS, metavar="N",
                         help=f"playthroughs per policy (default {DEFAULT_CHOICE_RUNS})")
    choices.add_argument("--seed", type=int, default=0, help="random seed: the same seed gives the same figures")
    choices.add_argument("--best", metavar="ENDING", help="the ending counted as best (default: the first declared)")
    choices.set_defaults(run=cmd_choices)

    maps = sub.add_parser("maps", help="load Tiled maps and summarise them (size, layers, tilesets, hotspots, "
                          "problems); draw them with --render")
    maps.add_argument("files", nargs="+", metavar="FILE.tmx", help="Tiled map files")
    maps.add_argument("--json", action="store_true", help="print a JSON list, one object per file")
    maps.add_argument("--render", metavar="PNG", help="draw each orthogonal map into PNG "
                      "(several maps: PNG-<map name>.png)")
    maps.set_defaults(run=cmd_maps)

    schema = sub.add_parser("schema", help="print the JSON Schemas of scene files and story.yaml")
    schema.add_argument("kind", nargs="?", choices=["scene", "story"], help="print only this schema")
    schema.add_argument("-o", "--output", metavar="DIR", help="write story.schema.json and scene.schema.json to DIR")
    schema.set_defaults(run=cmd_schema)

    add_strings_parser(sub)

    cover = sub.add_parser("coverage", help="which lines, options, labels, hotspots and endings replays and "
                           "random playthroughs reach")
    cover.add_argument("paths", nargs="*", metavar="[STORY] [REPLAY ...]",
                       help="the story folder (default: the shipped story), then replay files or folders of them")
    cover.add_argument("--random", type=int, default=0, metavar="N", help="also play N random playthroughs")
    cover.add_argument("--seed", type=int, default=1, help="the seed of the random playthroughs (default 1)")
    cover.add_argument("--json", action="store_true", help="print one JSON object")
    cover.add_argument("--html", metavar="FILE", help="write the scene files annotated line by line (one page)")
    cover.add_argument("--xml", metavar="FILE", help="write Cobertura XML (for CI dashboards)")
    cover.add_argument("--fail-under", type=float, metavar="PERCENT", help="exit 1 when the total is below this")
    cover.set_defaults(run=cmd_coverage)

    new = sub.add_parser("new", help="write a small starter story (map, choice, two endings, replays, editor "
                         "setup, CI workflow) into a new folder")
    new.add_argument("folder", metavar="DIR", help="the folder to make (it must not hold files)")
    new.add_argument("--title", default="A Small Starry Night", help="the title shown in its README")
    new.add_argument("--engine", default="lost-in-starlight-signal-delay",
                     help="what the CI workflow pip-installs to get `starlight` (a git URL, a wheel, a name)")
    new.set_defaults(run=cmd_new)

    server = sub.add_parser("lsp", help="the language server for editors (stdio): diagnostics as you type, "
                            "completion, go to definition, references, rename, hover")
    server.add_argument("--log", metavar="FILE", help="write the server's log to FILE")
    server.add_argument("-v", "--verbose", action="store_true", help="log everything (with --log)")
    server.set_defaults(run=cmd_lsp)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    os.environ.setdefault("PYGAME_HIDE_SUPPORT_PROMPT", "1")  # the terminal is the player's, not pygame's
    parser = build_parser()
    args = parser.parse_args(argv)
    run: Callable[[argparse.Namespace], int] | None = getattr(args, "run", None)
    if run is None:
        parser.print_help()
        return EXIT_USAGE
    try:
        return run(args)
    except Stop as stop:
        return stop.code
    except CannotWrite as exc:
        print(f"starlight: {exc}", file=sys.stderr)
        return EXIT_USAGE
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        return EXIT_OK
