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
from typing import TYPE_CHECKING

from .paths import shipped_story
from .story.problems import clip

if TYPE_CHECKING:
    from .story.model import Story

if TYPE_CHECKING:
    from .story.model import Story

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
DEFAULT_CHOICE_RUNS = 400  # game.check.choices.DEFAULT_RUNS, without importing the analysis to build the parser


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
    if result.collisions:
        print(f"{len(result.collisions)} picture(s) where choices or the phone cover a face or each other "
              "(the `collisions` column of lines.csv)")
    if not result.complete:
        print("starlight: some reachable steps were not found (the story has too many states)", file=sys.stderr)
        return EXIT_PROBLEMS
    return EXIT_OK


def cmd_graph(args: argparse.Namespace) -> int:
    import shutil
    import subprocess

    from .check.blockers import explain_unreached
    from .check.explore import explore
    from .check.graph import blockers_html, build_graph, layered_svg, to_dot, to_html

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
    from .world.summary import as_text, summarise

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
        from .ui.play.screen import PlayScreen

        def first(ctx):  # type: ignore[no-untyped-def]
            return PlayScreen.new_game(ctx, args.warp, variables)
    try:
        return run_game(options, first)
    except ReplayError as exc:  # --record could not write its file
        raise CannotWrite(str(exc)) from None


def _loaded_story(root: Path) -> Story | int:
    """The story of a tool's STORY argument, or the exit code after saying why there is none."""
    failed = _require_story(root)
    if failed is not None:
        return failed
    story: Story | None = _load_for_tool(root)
    return EXIT_PROBLEMS if story is None else story


def cmd_strings_export(args: argparse.Namespace) -> int:
    from .tools.strings.po import StringsError, export_po

    story = _loaded_story(_story_dir(args.story))
    if isinstance(story, int):
        return story
    try:
        po = export_po(story, args.lang)
    except StringsError as exc:
        print(f"starlight: {exc}", file=sys.stderr)
        return EXIT_USAGE
    fuzzy = sum("fuzzy" in entry.flags for entry in po)
    done = sum(bool(entry.msgstr) for entry in po)
    if args.output in (None, "-"):
        sys.stdout.write(str(po))
    else:
        po.save(args.output)
        print(f"wrote {args.output}: {len(po)} entries, {done} translated, {fuzzy} fuzzy (the source changed since)")
    return EXIT_OK


def cmd_strings_import(args: argparse.Namespace) -> int:
    from .tools.strings.po import StringsError, import_po, po_language, read_po

    story = _loaded_story(_story_dir(args.story))
    if isinstance(story, int):
        return story
    failed = False
    for name in args.files:
        try:
            po = read_po(Path(name))
            result = import_po(story, po, po_language(po, args.lang, story), dry_run=args.dry_run)
        except StringsError as exc:
            print(f"starlight: {exc}", file=sys.stderr)
            return EXIT_USAGE
        print(f"{name}: {result.summary()}" + (" (dry run: nothing written)" if args.dry_run else ""))
        for problem in result.problems:
            print(f"  - {problem}")
        for file in result.files:
            print(f"  wrote {file}")
        failed = failed or bool(result.problems)
        story = _load_for_tool(_story_dir(args.story)) if result.files else story
        if story is None:
            return EXIT_PROBLEMS
    return EXIT_PROBLEMS if failed else EXIT_OK


def cmd_strings_add_language(args: argparse.Namespace) -> int:
    from .tools.strings.languages import add_language
    from .tools.strings.po import StringsError

    root = _story_dir(args.story)
    failed = _require_story(root)
    if failed is not None:
        return failed
    try:
        added = add_language(root, args.lang, Path(args.output) if args.output else None)
    except StringsError as exc:
        print(f"starlight: {exc}", file=sys.stderr)
        return EXIT_USAGE
    print(f"added {added.lang} to {root / 'story.yaml'}; wrote {added.po} ({added.entries} entries to translate) "
          f"and started {added.record}")
    print(f"next: translate {added.po} (Poedit, Weblate, Crowdin, Lokalize...), then "
          f"`starlight strings import {added.po} --story {root}`")
    return EXIT_OK


def cmd_strings_record(args: argparse.Namespace) -> int:
    from .check.translations import Record, record_all

    story = _loaded_story(_story_dir(args.story))
    if isinstance(story, int):
        return story
    languages = [args.lang] if args.lang else list(story.languages[1:])
    unknown = [lang for lang in languages if lang not in story.languages[1:]]
    if unknown or not languages:
        print(f"starlight: the story translates into {', '.join(story.languages[1:]) or 'no language'}",
              file=sys.stderr)
        return EXIT_USAGE
    for lang in languages:
        path = record_all(story, lang, record=Record.read(story.root, lang)).write(story.root,
                                                                                  story.primary_language)
        print(f"wrote {path}: every {lang} translation is recorded as made from today's "
              f"{story.primary_language} text")
    return EXIT_OK


def _add_strings_parser(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    strings = sub.add_parser("strings", help="translations as gettext PO files: export, import, add a language")
    actions = strings.add_subparsers(dest="action", required=True)
    export = actions.add_parser("export", help="write a PO file of every text, for one language")
    export.add_argument("story", nargs="?", help="story folder (default: the shipped story)")
    export.add_argument("--lang", required=True, help="the language to translate into (e.g. ko)")
    export.add_argument("-o", "--output", metavar="FILE.po", help="where to write it (default: print it)")
    export.set_defaults(run=cmd_strings_export)
    imp = actions.add_parser("import", help="write the translations of PO files back into the scene files")
    imp.add_argument("files", nargs="+", metavar="FILE.po")
    imp.add_argument("--story", help="story folder (default: the shipped story)")
    imp.add_argument("--lang", help="the language the files hold (default: their Language header)")
    imp.add_argument("--dry-run", action="store_true", help="say what would change, write nothing")
    imp.set_defaults(run=cmd_strings_import)
    add = actions.add_parser("add-language", help="add a language: story.yaml, its PO file, its record")
    add.add_argument("lang", help="a language code, e.g. ja")
    add.add_argument("story", nargs="?", help="story folder (default: the shipped story)")
    add.add_argument("-o", "--output", metavar="FILE.po", help="the PO file (default: STORY/translations/LANG.po)")
    add.set_defaults(run=cmd_strings_add_language)
    record = actions.add_parser("record", help="record every translation as made from today's source text "
                                "(turns on stale-translation warnings)")
    record.add_argument("story", nargs="?", help="story folder (default: the shipped story)")
    record.add_argument("--lang", help="only this language (default: every translated language)")
    record.set_defaults(run=cmd_strings_record)


def cmd_coverage(args: argparse.Namespace) -> int:
    from .tools.coverage.cobertura import to_cobertura
    from .tools.coverage.html import to_html
    from .tools.coverage.measure import as_text
    from .tools.coverage.run import read_replays, replay_files, run_coverage

    paths = [Path(p) for p in args.paths]
    root = paths.pop(0) if paths and (paths[0] / "story.yaml").is_file() else shipped_story()
    story = _loaded_story(root)
    if isinstance(story, int):
        return story
    missing = [p for p in paths if not p.exists()]
    if missing:
        print(f"starlight: no such replay file or folder: {missing[0]}", file=sys.stderr)
        return EXIT_USAGE
    if not paths and not args.random:
        print("starlight: give replay files (or folders of them) and / or --random N", file=sys.stderr)
        return EXIT_USAGE
    found = read_replays(replay_files(paths), root, shipped_story())
    run = run_coverage(story, found.replays, args.random, args.seed, found.unreadable)
    headline = run.headline(args.random, args.seed)
    total = run.coverage.percent()
    if args.json:
        data = {"story": str(root), "headline": headline, **run.coverage.as_json(),
                "replays": [{"file": str(r.file), "ok": r.ok, "ending": r.ending, "failures": r.failures}
                            for r in run.hits.replays],
                "skipped": [str(path) for path in found.other_story],
                "random": {"playthroughs": args.random, "seed": args.seed,
                           "unfinished": run.hits.random_unfinished}, "seconds": round(run.seconds, 4)}
        print(json.dumps(data, ensure_ascii=False, indent=2))
    else:
        print(as_text(run.coverage, headline))
        for result in run.failed_replays:
            print(f"FAIL  {result.file}: " + "; ".join(result.failures))
        for path in found.other_story:
            print(f"skip  {path}: it plays another story")
    if args.html:
        Path(args.html).write_text(to_html(run.coverage, root, headline), encoding="utf-8")
        print(f"wrote {args.html}", file=sys.stderr if args.json else sys.stdout)
    if args.xml:
        Path(args.xml).write_text(to_cobertura(run.coverage, root), encoding="utf-8")
        print(f"wrote {args.xml}", file=sys.stderr if args.json else sys.stdout)
    if run.failed_replays:
        return EXIT_PROBLEMS
    if args.fail_under is not None and (total or 0.0) < args.fail_under:
        print(f"starlight: coverage {total or 0.0:.1f}% is under {args.fail_under:g}%", file=sys.stderr)
        return EXIT_PROBLEMS
    return EXIT_OK


def cmd_new(args: argparse.Namespace) -> int:
    from .tools.starter.new import StarterError, new_story

    folder = Path(args.folder)
    try:
        files = new_story(folder, title=args.title, engine=args.engine)
    except (StarterError, OSError) as exc:
        print(f"starlight: {exc}", file=sys.stderr)
        return EXIT_USAGE
    print(f"wrote a starter story of {len(files)} files into {folder}")
    print(f"next: `starlight check {folder}`, `starlight play {folder}`, and its README.md")
    return EXIT_OK


def cmd_lsp(args: argparse.Namespace) -> int:
    import logging

    from .tools.lsp.server import serve

    if args.log:
        logging.basicConfig(filename=args.log, level=logging.DEBUG if args.verbose else logging.INFO,
                            format="%(asctime)s %(levelname)s %(name)s: %(message)s")
    serve()
    return EXIT_OK


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


def add_play_arguments(parser: argparse.ArgumentParser) -> None:
    """What ``starlight play`` takes: a story folder and the play options (the desktop build takes the same)."""
    parser.add_argument("story", nargs="?", help="story folder (default: the shipped story)")
    _add_play_options(parser)


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
    add_play_arguments(play)
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

    _add_strings_parser(sub)

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
    except CannotWrite as exc:
        print(f"starlight: {exc}", file=sys.stderr)
        return EXIT_USAGE
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        return EXIT_OK


if __name__ == "__main__":
    sys.exit(main())
