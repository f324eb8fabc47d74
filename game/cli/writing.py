"""The translators' and writers' tools: strings (PO files), new (a starter story), lsp."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from .common import EXIT_OK, EXIT_PROBLEMS, EXIT_USAGE, story_folder, story_in

if TYPE_CHECKING:
    pass


def cmd_strings_export(args: argparse.Namespace) -> int:
    from game.tools.strings.po import StringsError, export_po

    story = story_in(story_folder(args.story))
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
    from game.tools.strings.po import StringsError, import_po, po_language, read_po

    story = story_in(story_folder(args.story))
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
        story = story_in(story_folder(args.story)) if result.files else story  # the next file meets the new text
    return EXIT_PROBLEMS if failed else EXIT_OK


def cmd_strings_add_language(args: argparse.Namespace) -> int:
    from game.tools.strings.languages import add_language
    from game.tools.strings.po import StringsError

    root = story_folder(args.story)
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
    from game.check.translations import Record, record_all

    story = story_in(story_folder(args.story))
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


def add_strings_parser(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
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


def cmd_new(args: argparse.Namespace) -> int:
    from game.tools.starter.new import StarterError, new_story

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

    from game.tools.lsp.server import serve

    if args.log:
        logging.basicConfig(filename=args.log, level=logging.DEBUG if args.verbose else logging.INFO,
                            format="%(asctime)s %(levelname)s %(name)s: %(message)s")
    serve()
    return EXIT_OK
