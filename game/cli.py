"""The ``starlight`` command: play the game, check a story, and the writers' and testers' tools.

Errors from stories and files are caught here, at the edge, and printed as
messages; exit codes are 0 (fine), 1 (the story or input has errors) and
2 (could not run: no such folder, bad arguments, an output place that cannot
be written).  Output places are checked before any long work starts, and a
write that fails later (a full disk) ends the same way: one line, exit 2.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from collections.abc import Callable, Sequence
from pathlib import Path

from .paths import shipped_story
from .story.problems import clip

EXIT_OK, EXIT_PROBLEMS, EXIT_USAGE = 0, 1, 2
MB = 1024 * 1024
GRAPHVIZ_SECONDS = 60.0  # a story map Graphviz cannot lay out in a minute is drawn by our own layout


class CannotWrite(Exception):
    """An output place the command cannot write to; ``str()`` is the line to print."""


def _reason(exc: OSError) -> str:
    return exc.strerror or str(exc)


def check_output(path: Path, folder: bool = False) -> None:
    """CannotWrite unless ``path`` can be made as a file (or, with ``folder``, a folder to write into).

    Catches what can be seen before writing: a folder where a file is wanted (or
    a file where a folder is), a path under a file, a folder we may not write
    into.  A full disk shows only when writing (``write_output``).
    """
    if path.is_dir() and not folder:
        raise CannotWrite(f"cannot write {path}: it is a folder")
    if path.exists() and folder and not path.is_dir():
        raise CannotWrite(f"cannot write to {path}: it is a file, not a folder")
    existing = path if folder and path.is_dir() else path.parent
    while not existing.exists() and existing != existing.parent:
        existing = existing.parent
    if not existing.is_dir():
        raise CannotWrite(f"cannot write {path}: {existing} is a file, not a folder")
    if not os.access(existing, os.W_OK | os.X_OK):
        raise CannotWrite(f"cannot write {path}: the folder {existing} is not writable")
    if path.exists() and not folder and not os.access(path, os.W_OK):
        raise CannotWrite(f"cannot write {path}: the file is not writable")


def write_output(path: Path, data: str | bytes) -> None:
    """Write ``data`` to ``path`` (making its folder); CannotWrite with the system's reason when that fails."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(data, str):
            path.write_text(data, encoding="utf-8")
        else:
            path.write_bytes(data)
    except OSError as exc:
        raise CannotWrite(f"cannot write {path}: {_reason(exc)}") from None


def _story_dir(value: str | None) -> Path:
    return Path(value) if value else shipped_story()


def _require_story(path: Path) -> int | None:
    if not path.is_dir():
        print(f"starlight: no such story folder: {path}", file=sys.stderr)
        return EXIT_USAGE
    manifest = path / "story.yaml"
    if not manifest.is_file():
        why = "its story.yaml is not a regular file" if os.path.lexists(manifest) else "it has no story.yaml"
        print(f"starlight: {path} is not a story folder ({why})", file=sys.stderr)
        return EXIT_USAGE
    return None


def cmd_check(args: argparse.Namespace) -> int:
    from .check.report import dumps, run_check

    root = _story_dir(args.story)
    failed = _require_story(root)
    if failed is not None:
        return failed
    if args.junit:
        check_output(Path(args.junit))  # before exploring, which can take a while
    shown = [False]

    def progress(states: int, seconds: float) -> None:
        shown[0] = True
        print(f"\rexploring: {states:,} states, {seconds:.0f} s", end="", file=sys.stderr, flush=True)

    report = run_check(root, strict=args.strict, max_states=args.max_states, max_memory=args.max_memory * MB,
                       progress=progress)
    if shown[0]:
        print(file=sys.stderr)
    if args.junit:
        write_output(Path(args.junit), report.as_junit())
    print(dumps(report) if args.json else report.as_text())
    return EXIT_OK if report.ok else EXIT_PROBLEMS


def cmd_schema(args: argparse.Namespace) -> int:
    from .story.schema import scene_schema, story_schema, write_schemas

    if args.output:
        folder = Path(args.output)
        check_output(folder, folder=True)
        try:
            written = write_schemas(folder)
        except OSError as exc:
            raise CannotWrite(f"cannot write to {folder}: {_reason(exc)}") from None
        for path in written:
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
    check_output(out, folder=True)
    try:
        result = capture(story, out, args.lang, text_size=args.text_size, progress=progress)
    except OSError as exc:
        # An error naming a file outside ``out`` is not about our outputs: a fault to report as such.
        # One naming none comes from writing or closing an open file (a full disk): ours.
        if exc.filename is not None and not os.path.abspath(exc.filename).startswith(os.path.abspath(out)):
            raise
        raise CannotWrite(f"cannot write to {out}: {_reason(exc)}" + (f" ({exc.filename})" if exc.filename else "")) from None
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
    dot_file = out if kind in (".dot", ".gv") else out.with_suffix(".dot")
    check_output(out)
    check_output(dot_file)
    story = _load_for_tool(root)
    if story is None:
        return EXIT_PROBLEMS
    found = explore(story, max_states=args.max_states, max_memory=args.max_memory * MB)
    graph = build_graph(story, found)
    dot_source = to_dot(graph)
    write_output(dot_file, dot_source)
    dot = shutil.which("dot")
    lost = len(graph.unreachable) + sum(not e.reachable for e in graph.edges)
    print(f"story map: {len(graph.nodes)} nodes, {len(graph.edges)} edges, {lost} unreachable part(s)"
          + ("" if graph.coverage else " (reachability unknown: exploration incomplete)"))
    print(f"wrote {dot_file}")
    drawn: subprocess.CompletedProcess[bytes] | None = None
    too_slow = f"Graphviz took longer than {GRAPHVIZ_SECONDS:g} s"
    if kind in (".svg", ".png", ".html") and dot is not None:
        fmt = "svg" if kind == ".html" else kind[1:]
        try:
            drawn = subprocess.run([dot, f"-T{fmt}"], check=False, input=dot_source.encode("utf-8"),
                                   capture_output=True, timeout=GRAPHVIZ_SECONDS)
        except subprocess.TimeoutExpired:  # subprocess.run has killed it
            if kind != ".html":
                print(f"starlight: {too_slow} to draw the map, so no {kind} was drawn (the story is too large for it); "
                      f"`-o {out.with_suffix('.html').name}` draws it with starlight's own layout", file=sys.stderr)
                return EXIT_USAGE
            print(f"starlight: {too_slow}; the map is drawn by starlight's own layout instead", file=sys.stderr)
            dot = None
    if drawn is not None:
        if drawn.returncode != 0:
            print(f"starlight: dot failed: {clip(drawn.stderr.decode(errors='replace').strip(), 500)}", file=sys.stderr)
            return EXIT_USAGE
        if kind == ".html":
            write_output(out, to_html(graph, drawn.stdout.decode("utf-8"), "Graphviz"))
        else:
            write_output(out, drawn.stdout)
        print(f"wrote {out}")
    elif kind == ".html":
        why = "Graphviz is not installed" if shutil.which("dot") is None else too_slow
        write_output(out, to_html(graph, layered_svg(graph), f"starlight's own layout ({why})"))
        print(f"wrote {out}")
    elif kind in (".svg", ".png"):
        print(f"starlight: Graphviz `dot` is not on PATH, so no {kind} was drawn. Install it "
              f"(sudo apt install graphviz; macOS: brew install graphviz) and run this again, or run "
              f"`dot -T{kind[1:]} {dot_file} -o {out}`; `-o {out.with_suffix('.html').name}` draws the map "
              "without Graphviz.", file=sys.stderr)
        return EXIT_USAGE
    return EXIT_OK


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
    for option in (args.record, args.screenshot):
        if option:
            check_output(Path(option))  # before a window opens
    if args.warp or variables:  # check them before a window opens
        from .story.runtime import Runtime
        story = _load_for_tool(root)
        if story is None:
            return EXIT_PROBLEMS
        try:
            Runtime(story).start(args.warp, variables)
        except (KeyError, ValueError) as exc:
            print(f"starlight: {clip(str(exc), 500)}", file=sys.stderr)
            return EXIT_USAGE
    from .check.replay import ReplayError
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
    try:
        return run_game(options, first)
    except ReplayError as exc:  # --record could not write its file
        raise CannotWrite(str(exc)) from None


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


def _add_caps(parser: argparse.ArgumentParser) -> None:
    from .check.explore import DEFAULT_MAX_MEMORY, DEFAULT_MAX_STATES

    parser.add_argument("--max-states", type=int, default=DEFAULT_MAX_STATES, help="stop exploring after this many states")
    parser.add_argument("--max-memory", type=int, default=DEFAULT_MAX_MEMORY // MB, metavar="MB",
                        help="stop exploring when the explorer's structures reach about this many megabytes")


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
    _add_caps(check)
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
    _add_caps(graph)
    graph.set_defaults(run=cmd_graph)

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
    except CannotWrite as exc:
        print(f"starlight: {exc}", file=sys.stderr)
        return EXIT_USAGE
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        return EXIT_OK


if __name__ == "__main__":
    sys.exit(main())
