"""The writers' commands that read a story: check, schema, graph, choices, maps."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from game.story.problems import clip

from .common import EXIT_OK, EXIT_PROBLEMS, EXIT_USAGE, MB, CannotWrite, check_output, failure_reason, story_folder, story_in, write_output

if TYPE_CHECKING:
    from game.story.model import Story


GRAPHVIZ_SECONDS = 60.0  # a story map Graphviz cannot lay out in a minute is drawn by our own layout


DEFAULT_CHOICE_RUNS = 400  # game.check.choices.DEFAULT_RUNS, without importing the analysis to build the parser


def cmd_check(args: argparse.Namespace) -> int:
    from game.check.report import dumps, run_check

    root = story_folder(args.story)
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
    from game.story.schema import scene_schema, story_schema, write_schemas

    if args.output:
        folder = Path(args.output)
        check_output(folder, folder=True)
        try:
            written = write_schemas(folder)
        except OSError as exc:
            raise CannotWrite(f"cannot write to {folder}: {failure_reason(exc)}") from None
        for path in written:
            print(path)
        return EXIT_OK
    schemas = {"scene": scene_schema, "story": story_schema}
    if args.kind:
        print(json.dumps(schemas[args.kind](), indent=2, sort_keys=True))
    else:
        print(json.dumps({kind: make() for kind, make in schemas.items()}, indent=2, sort_keys=True))
    return EXIT_OK


def cmd_graph(args: argparse.Namespace) -> int:
    import shutil
    import subprocess

    from game.check.blockers import explain_unreached
    from game.check.explore import explore
    from game.check.graph import blockers_html, build_graph, layered_svg, to_dot, to_html

    root = story_folder(args.story)
    out = Path(args.output)
    kind = out.suffix.lower()
    if kind not in (".dot", ".gv", ".svg", ".png", ".html"):
        print(f"starlight: -o takes a .dot, .svg, .png or .html file, not {out.name!r}", file=sys.stderr)
        return EXIT_USAGE
    dot_file = out if kind in (".dot", ".gv") else out.with_suffix(".dot")
    check_output(out)
    check_output(dot_file)
    story = story_in(root)
    found = explore(story, max_states=args.max_states, max_memory=args.max_memory * MB)
    graph = build_graph(story, found)
    sections = [blockers_html(explain_unreached(story, found)), _choices_section(story)] if kind == ".html" else []
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
            write_output(out, to_html(graph, drawn.stdout.decode("utf-8"), "Graphviz", sections))
        else:
            write_output(out, drawn.stdout)
        print(f"wrote {out}")
    elif kind == ".html":
        why = "Graphviz is not installed" if shutil.which("dot") is None else too_slow
        write_output(out, to_html(graph, layered_svg(graph), f"starlight's own layout ({why})", sections))
        print(f"wrote {out}")
    elif kind in (".svg", ".png"):
        print(f"starlight: Graphviz `dot` is not on PATH, so no {kind} was drawn. Install it "
              f"(sudo apt install graphviz; macOS: brew install graphviz) and run this again, or run "
              f"`dot -T{kind[1:]} {dot_file} -o {out}`; `-o {out.with_suffix('.html').name}` draws the map "
              "without Graphviz.", file=sys.stderr)
        return EXIT_USAGE
    return EXIT_OK


def cmd_choices(args: argparse.Namespace) -> int:
    from game.check.choices import analyse_choices
    from game.check.choices.report import as_json, as_text

    root = story_folder(args.story)
    story = story_in(root)
    try:
        analysis = analyse_choices(story, runs=args.runs, seed=args.seed, best=args.best)
    except ValueError as exc:
        print(f"starlight: {exc}", file=sys.stderr)
        return EXIT_USAGE
    print(json.dumps(as_json(analysis), ensure_ascii=False, indent=2) if args.json else as_text(analysis).rstrip())
    return EXIT_OK


def _choices_section(story: Story) -> str:
    """The story map page's section on choices (``starlight choices`` with its defaults)."""
    from game.check.choices import analyse_choices
    from game.check.choices.report import as_html_section

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


def _story_folder_of(file: Path) -> Path | None:
    """The story folder a map belongs to (the nearest folder above it with a story.yaml), if any.

    A map of a story may name nothing outside it, as in the game; a map outside
    any story is read as it is (still only regular files, bounded).
    """
    for folder in file.absolute().parents:  # not resolved: a linked map does not choose its story
        if (folder / "story.yaml").is_file():
            return folder
    return None


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
    from game.world.summary import as_text, summarise

    targets: list[Path | None] = [*_render_paths(files, render)] if render is not None else [None] * len(files)
    summaries = [summarise(file, target, _story_folder_of(file)) for file, target in zip(files, targets)]
    if args.json:
        print(json.dumps(summaries, ensure_ascii=False, indent=2))
    else:
        print("\n\n".join(as_text(summary) for summary in summaries))
        loaded = sum(summary["loaded"] for summary in summaries)
        print(f"\n{loaded} of {len(summaries)} map(s) loaded, "
              f"{sum(summary['ok'] for summary in summaries)} without problems")
    return EXIT_OK if all(summary["loaded"] for summary in summaries) else EXIT_PROBLEMS
