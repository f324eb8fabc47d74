"""Regenerate every generated asset of the shipped story, deterministically.

    python scripts/make_assets.py                  # everything, into assets/
    python scripts/make_assets.py music seoul_dusk # some families or jobs (see --list)
    python scripts/make_assets.py --out /tmp/a     # into another story folder
    python scripts/make_assets.py --check          # regenerate into a temporary folder, compare with assets/

Needs the generator tools at the locked versions (not needed to play): ``pip install -e '.[assets]'``.
Writes the files and rewrites the generated part of CREDITS.md. ``--check`` prints each file that
differs (and by how much) and exits with 1 when any does.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "scripts"))  # the one entry point of the assetgen package

from assetgen import catalogue, verify  # noqa: E402
from assetgen.credits import credits_text  # noqa: E402
from assetgen.lock import lock_report  # noqa: E402
from assetgen.output import Job, Output, save_text  # noqa: E402

ASSETS = ROOT / "assets"
GENERATED_FOLDERS = ("images", "audio")  # everything in these is made here (fonts and maps are not)


def select(families: dict[str, list[Job]], names: list[str]) -> list[Job]:
    """The jobs named, or of the families named, in catalogue order; all of them if none is named."""
    every = [job for jobs in families.values() for job in jobs]
    if not names:
        return every
    known = set(families) | {job.name for job in every}
    unknown = [n for n in names if n not in known]
    if unknown:
        raise SystemExit(f"make_assets: unknown name(s) {', '.join(unknown)}; see --list")
    chosen = {job.name for fam in names if fam in families for job in families[fam]} | set(names)
    return [job for job in every if job.name in chosen]


def run(jobs: list[Job], story: Path, quiet: bool = False) -> None:
    for job in jobs:
        start = time.perf_counter()
        job.make(story)
        if not quiet:
            print(f"  {job.name}: {len(job.outputs)} file(s), {time.perf_counter() - start:.1f} s", flush=True)


def every_output(families: dict[str, list[Job]]) -> list[Output]:
    return [o for jobs in families.values() for job in jobs for o in job.outputs]


def check(families: dict[str, list[Job]]) -> int:
    """Regenerate everything into a temporary folder and compare with assets/; 0 when all match."""
    print(lock_report())
    outputs = every_output(families)
    with tempfile.TemporaryDirectory(prefix="assets-check-") as tmp:
        fresh = Path(tmp)
        run([job for jobs in families.values() for job in jobs], fresh)
        save_text(credits_text(outputs), fresh / "CREDITS.md")
        paths = [o.path for o in outputs] + ["CREDITS.md"]
        found = verify.compare(ASSETS, fresh, paths)
    for item in found:
        print(item)
    for stray in verify.strays(ASSETS, GENERATED_FOLDERS, {o.path for o in outputs}):
        print(f"note: {stray} is not made by the generator")
    print(f"{len(found)} of {len(paths)} files differ from assets/" if found else f"all {len(paths)} files match assets/")
    return 1 if found else 0


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("names", nargs="*", help="families or jobs to run (default: all)")
    parser.add_argument("--out", type=Path, default=ASSETS, help="story folder to write into (default: assets/)")
    parser.add_argument("--check", action="store_true", help="regenerate into a temporary folder and compare with assets/")
    parser.add_argument("--list", action="store_true", help="list the families and their jobs")
    parser.add_argument("--credits-only", action="store_true", help="only rewrite CREDITS.md")
    args = parser.parse_args()
    families = catalogue.families()
    if args.list:
        for family, jobs in families.items():
            print(f"{family}: {' '.join(job.name for job in jobs)}")
        return 0
    if args.check:
        return check(families)
    if not args.credits_only:
        print(lock_report())
        run(select(families, args.names), args.out)
    save_text(credits_text(every_output(families)), args.out / "CREDITS.md")
    print(f"{len(every_output(families))} files listed in {args.out / 'CREDITS.md'}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
