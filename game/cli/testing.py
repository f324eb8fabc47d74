"""The testers' commands: replay, capture, coverage."""

from __future__ import annotations

import argparse
import json
import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from game.paths import shipped_story

from .common import EXIT_OK, EXIT_PROBLEMS, EXIT_USAGE, CannotWrite, check_output, failure_reason, story_folder, story_in

if TYPE_CHECKING:
    pass


def cmd_replay(args: argparse.Namespace) -> int:
    from game.check.replay import ReplayError, read_replay, run_replay

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


def cmd_capture(args: argparse.Namespace) -> int:

    os.environ.setdefault("SDL_VIDEODRIVER", "dummy")  # headless, before pygame starts
    os.environ.setdefault("SDL_AUDIODRIVER", "dummy")
    root = story_folder(args.story)
    story = story_in(root)
    if args.lang and args.lang not in story.languages:
        print(f"starlight: the story has no language {args.lang!r} (it has {', '.join(story.languages)})",
              file=sys.stderr)
        return EXIT_USAGE
    from game.ui.capture import capture

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
        raise CannotWrite(f"cannot write to {out}: {failure_reason(exc)}" + (f" ({exc.filename})" if exc.filename else "")) from None
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


def cmd_coverage(args: argparse.Namespace) -> int:
    from game.tools.coverage.cobertura import to_cobertura
    from game.tools.coverage.html import to_html
    from game.tools.coverage.measure import as_text
    from game.tools.coverage.run import read_replays, replay_files, run_coverage

    paths = [Path(p) for p in args.paths]
    root = paths.pop(0) if paths and (paths[0] / "story.yaml").is_file() else shipped_story()
    story = story_in(story_folder(root))
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
