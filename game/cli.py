"""The ``starlight`` command: play the game, check a story, and the writers' and testers' tools.

Errors from stories and files are caught here, at the edge, and printed as
messages; exit codes are 0 (fine), 1 (the story or input has errors) and
2 (could not run: no such folder, bad arguments).
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from .paths import shipped_story

if TYPE_CHECKING:
    from .story.model import Story

EXIT_OK, EXIT_PROBLEMS, EXIT_USAGE = 0, 1, 2
DEFAULT_CHOICE_RUNS = 400  # game.check.choices.DEFAULT_RUNS, without importing the analysis to build the parser


def _story_dir(value: str | None) -> Path:
    return Path(value) if value else shipped_story()


def _require_story(path: Path) -> int | None:
    if not path.is_dir():
        print(f"starlight: no such story folder: {path}", file=sys.stderr)
        return EXIT_USAGE
    if not (path / "story.yaml").is_file():
        print(f"starlight: {path} is not a story folder (it has no story.yaml)", file=sys.stderr)
        return EXIT_USAGE
    return None


def cmd_check(args: argparse.Namespace) -> int:
    from .check.report import dumps, run_check

    root = _story_dir(args.story)
    failed = _require_story(root)
    if failed is not None:
        return failed
    shown = [False]

    def progress(states: int, seconds: float) -> None:
        shown[0] = True
        print(f"\rexploring: {states:,} states, {seconds:.0f} s", end="", file=sys.stderr, flush=True)

    report = run_check(root, strict=args.strict, max_states=args.max_states, progress=progress)
    if shown[0]:
        print(file=sys.stderr)
    if args.junit:
        Path(args.junit).write_text(report.as_junit(), encoding="utf-8")
    print(dumps(report) if args.json else report.as_text())
    return EXIT_OK if report.ok else EXIT_PROBLEMS


def cmd_schema(args: argparse.Namespace) -> int:
    from .story.schema import scene_schema, story_schema, write_schemas

    if args.output:
        for path in write_schemas(Path(args.output)):
            print(path)
        return EXIT_OK
    schemas = {"scene": scene_schema, "story": story_schema}
    if args.kind:
        print(json.dumps(schemas[args.kind](), indent=2, sort_keys=True))
    else:
        print(json.dumps({kind: make() for kind, make in schemas.items()}, indent=2, sort_keys=True))
    return EXIT_OK


def cmd_replay(args: argparse.Namespace) -> int:
    from .check.replay import ReplayError, read_replay, run_replay

    failed = 0
    for name in args.files:
        path = Path(name)
        try:
            result = run_replay(read_replay(path, shipped_story()))
        except ReplayError as exc:
            print(f"ERROR {exc}")
            return EXIT_USAGE
        if result.ok:
            print(f"ok    {path}  ending {result.ending}, {result.choices_made} choices, {result.lines_seen} lines")
        else:
            failed += 1
            print(f"FAIL  {path}")
            for failure in result.failures:
                print(f"      - {failure}")
    print(f"{len(args.files) - failed} passed, {failed} failed")
    return EXIT_OK if not failed else EXIT_PROBLEMS


def _load_for_tool(root: Path):  # type: ignore[no-untyped-def]
    """The loaded story, or None after printing why it does not load."""
    from .story.loader import read_story

    loaded = read_story(root)
    if loaded.story is None:
        for problem in loaded.errors:
            print(problem, file=sys.stderr)
        print(f"starlight: the story in {root} does not load ({len(loaded.errors)} error(s)); "
              "`starlight check` says more", file=sys.stderr)
    return loaded.story


def cmd_capture(args: argparse.Namespace) -> int:
    import os

    os.environ.setdefault("SDL_VIDEODRIVER", "dummy")  # headless, before pygame starts
    os.environ.setdefault("SDL_AUDIODRIVER", "dummy")
    root = _story_dir(args.story)
    failed = _require_story(root)
    if failed is not None:
        return failed
    story = _load_for_tool(root)
    if story is None:
        return EXIT_PROBLEMS
    if args.lang and args.lang not in story.languages:
        print(f"starlight: the story has no language {args.lang!r} (it has {', '.join(story.languages)})",
              file=sys.stderr)
        return EXIT_USAGE
    from .ui.capture import capture

    def progress(done: int, total: int) -> None:
        if sys.stderr.isatty():
            print(f"\rrendering {done}/{total}", end="", file=sys.stderr, flush=True)

    out = Path(args.output)
    result = capture(story, out, args.lang, text_size=args.text_size, progress=progress)
    if sys.stderr.isatty():
        print(file=sys.stderr)
    choices = len(result.steps) - result.lines
    per_line = result.seconds / max(1, len(result.steps)) * 1000
    print(f"captured {result.lines} lines and {choices} choices/maps of "
          f"{story.title.get(result.language)!r} ({result.language}) in {result.seconds:.2f} s: "
          f"{per_line:.1f} ms per picture (finding {result.find_seconds:.2f} s, rendering "
          f"{result.render_seconds:.2f} s)")
    print(f"wrote {len(result.steps)} PNGs, {out / 'lines.csv'} and {out / 'index.html'}")
    if not result.complete:
        print("starlight: some reachable steps were not found (the story has too many states)", file=sys.stderr)
        return EXIT_PROBLEMS
    return EXIT_OK


def cmd_graph(args: argparse.Namespace) -> int:
    import shutil
    import subprocess

    from .check.explore import explore
    from .check.graph import build_graph, layered_svg, to_dot, to_html

    root = _story_dir(args.story)
    failed = _require_story(root)
    if failed is not None:
        return failed
    out = Path(args.output)
    kind = out.suffix.lower()
    if kind not in (".dot", ".gv", ".svg", ".png", ".html"):
        print(f"starlight: -o takes a .dot, .svg, .png or .html file, not {out.name!r}", file=sys.stderr)
        return EXIT_USAGE
    story = _load_for_tool(root)
    if story is None:
        return EXIT_PROBLEMS
    found = explore(story, max_states=args.max_states)
    graph = build_graph(story, found)
    sections = [_choices_section(story)] if kind == ".html" else []
    dot_source = to_dot(graph)
    dot_file = out if kind in (".dot", ".gv") else out.with_suffix(".dot")
    out.parent.mkdir(parents=True, exist_ok=True)
    dot_file.write_text(dot_source, encoding="utf-8")
    dot = shutil.which("dot")
    lost = len(graph.unreachable) + sum(not e.reachable for e in graph.edges)
    print(f"story map: {len(graph.nodes)} nodes, {len(graph.edges)} edges, {lost} unreachable part(s)"
          + ("" if graph.coverage else " (reachability unknown: exploration incomplete)"))
    print(f"wrote {dot_file}")
    if kind in (".svg", ".png", ".html") and dot is not None:
        fmt = "svg" if kind == ".html" else kind[1:]
        run = subprocess.run([dot, f"-T{fmt}"], check=False, input=dot_source.encode("utf-8"), capture_output=True)
        if run.returncode != 0:
            print(f"starlight: dot failed: {run.stderr.decode(errors='replace').strip()}", file=sys.stderr)
            return EXIT_USAGE
        if kind == ".html":
            out.write_text(to_html(graph, run.stdout.decode("utf-8"), "Graphviz", sections), encoding="utf-8")
        else:
            out.write_bytes(run.stdout)
        print(f"wrote {out}")
    elif kind == ".html":
        out.write_text(to_html(graph, layered_svg(graph), "starlight's own layout (Graphviz is not installed)",
                               sections), encoding="utf-8")
        print(f"wrote {out}")
    elif kind in (".svg", ".png"):
        print(f"starlight: Graphviz `dot` is not on PATH, so no {kind} was drawn. Install it "
              f"(sudo apt install graphviz; macOS: brew install graphviz) and run this again, or run "
              f"`dot -T{kind[1:]} {dot_file} -o {out}`; `-o {out.with_suffix('.html').name}` draws the map "
              "without Graphviz.", file=sys.stderr)
        return EXIT_USAGE
    return EXIT_OK


def cmd_choices(args: argparse.Namespace) -> int:
    from .check.choices import analyse_choices
    from .check.choices.report import as_json, as_text

    root = _story_dir(args.story)
    failed = _require_story(root)
    if failed is not None:
        return failed
    story = _load_for_tool(root)
    if story is None:
        return EXIT_PROBLEMS
    try:
        analysis = analyse_choices(story, runs=args.runs, seed=args.seed, best=args.best)
    except ValueError as exc:
        print(f"starlight: {exc}", file=sys.stderr)
        return EXIT_USAGE
    print(json.dumps(as_json(analysis), ensure_ascii=False, indent=2) if args.json else as_text(analysis).rstrip())
    return EXIT_OK


def _choices_section(story: Story) -> str:
    """The story map page's section on choices (``starlight choices`` with its defaults)."""
    from .check.choices import analyse_choices
    from .check.choices.report import as_html_section

    return as_html_section(analyse_choices(story))


def _render_paths(files: list[Path], render: Path) -> list[Path]:
    """One PNG per map: ``render`` itself for one map, else ``<render>-<map name>.png`` (numbered on a clash)."""
    if len(files) == 1:
        return [render]
    paths: list[Path] = []
    for file in files:
        candidate = render.with_name(f"{render.stem}-{file.stem}{render.suffix}")
        number = 2
        while candidate in paths:
            candidate = render.with_name(f"{render.stem}-{file.stem}-{number}{render.suffix}")
            number += 1
        paths.append(candidate)
    return paths


def cmd_maps(args: argparse.Namespace) -> int:
    files = [Path(name) for name in args.files]
    for file in files:
        if not file.is_file():
            print(f"starlight: no such map file: {file}", file=sys.stderr)
            return EXIT_USAGE
    render = Path(args.render) if args.render else None
    if render is not None and render.suffix.lower() != ".png":
        print(f"starlight: --render takes a .png file, not {render.name!r}", file=sys.stderr)
        return EXIT_USAGE
    from .world.summary import as_text, summarise

    targets: list[Path | None] = [*_render_paths(files, render)] if render is not None else [None] * len(files)
    summaries = [summarise(file, target) for file, target in zip(files, targets)]
    if args.json:
        print(json.dumps(summaries, ensure_ascii=False, indent=2))
    else:
        print("\n\n".join(as_text(summary) for summary in summaries))
        loaded = sum(summary["loaded"] for summary in summaries)
        print(f"\n{loaded} of {len(summaries)} map(s) loaded, "
              f"{sum(summary['ok'] for summary in summaries)} without problems")
    return EXIT_OK if all(summary["loaded"] for summary in summaries) else EXIT_PROBLEMS


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

    from .persist import paths

    logging.basicConfig(level=logging.INFO if args.verbose else logging.WARNING,
                        format="%(levelname)s %(name)s: %(message)s")
    root = _story_dir(args.story)
    failed = _require_story(root)
    if failed is not None:
        return failed
    variables = {}
    for item in args.set or []:
        name, sep, value = item.partition("=")
        if not sep:
            print(f"starlight: --set takes name=value, not {item!r}", file=sys.stderr)
            return EXIT_USAGE
        variables[name] = _parse_value(value)
    from .story.loader import read_story
    if args.warp or variables:  # check them before a window opens
        from .story.runtime import Runtime
        loaded = read_story(root)
        if loaded.story is not None:
            try:
                Runtime(loaded.story).start(args.warp, variables)
            except (KeyError, ValueError) as exc:
                print(f"starlight: {exc}", file=sys.stderr)
                return EXIT_USAGE
    from .ui.app import Options, run_game

    options = Options(story_root=root, ui_root=shipped_story(), data_dir=paths.data_dir(args.save_dir),
                      frames=args.frames, screenshot=Path(args.screenshot) if args.screenshot else None,
                      warp=args.warp, variables=variables, language=args.lang,
                      record=Path(args.record) if args.record else None)
    first = None
    if args.warp or variables:
        from .ui.screens.play import PlayScreen

        def first(ctx):  # type: ignore[no-untyped-def]
            return PlayScreen.new_game(ctx, args.warp, variables)
    return run_game(options, first)


def _add_play_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--warp", metavar="SCENE[.LABEL]", help="start a new game right there")
    parser.add_argument("--set", metavar="VAR=VALUE", action="append", help="set a variable (repeatable)")
    parser.add_argument("--lang", help="language to play in (e.g. en, ko)")
    parser.add_argument("--save-dir", type=Path, help="folder for saves and settings "
                        "(default: the user data folder, or $STARLIGHT_SAVE_DIR)")
    parser.add_argument("--frames", type=int, help="quit after this many frames (tests, benchmarks)")
    parser.add_argument("--screenshot", metavar="PNG", help="save the last frame to PNG")
    parser.add_argument("--record", metavar="FILE", help="record the playthrough to a replay file")
    parser.add_argument("-v", "--verbose", action="store_true", help="log more")


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="starlight", description="Lost in Starlight: Signal Delay - "
                                     "the game, and tools for its writers and testers.")
    _add_play_options(parser)
    parser.set_defaults(run=cmd_play, story=None)
    sub = parser.add_subparsers(dest="command")

    play = sub.add_parser("play", help="play the game (the default), or any story folder")
    play.add_argument("story", nargs="?", help="story folder (default: the shipped story)")
    _add_play_options(play)
    play.set_defaults(run=cmd_play)

    check = sub.add_parser("check", help="validate a story and prove every ending reachable")
    check.add_argument("story", nargs="?", help="story folder (default: the shipped story)")
    check.add_argument("--json", action="store_true", help="print one JSON object")
    check.add_argument("--junit", metavar="FILE", help="also write JUnit XML to FILE")
    check.add_argument("--strict", action="store_true", help="count warnings as errors")
    check.add_argument("--max-states", type=int, default=2_000_000, help="stop exploring after this many states")
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
    graph.add_argument("--max-states", type=int, default=2_000_000, help="stop exploring after this many states")
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
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    run: Callable[[argparse.Namespace], int] | None = getattr(args, "run", None)
    if run is None:
        parser.print_help()
        return EXIT_USAGE
    try:
        return run(args)
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        return EXIT_OK


if __name__ == "__main__":
    sys.exit(main())
