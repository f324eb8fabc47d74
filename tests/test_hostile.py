"""The hostile-input corpus, run through the tools: no traceback, no hang, bounded memory, bounded output.

Attacks are story folders and replay files: small ones live in tests/hostile/stories/ and
tests/hostile/replays/ (see tests/hostile/README.md); the big ones, and those git cannot hold
(links, FIFOs, devices, sparse files of gigabytes), are built in a temporary folder by the
``build_*`` functions below.  Each attack runs in its own process (this module, run with
``--child``), which calls ``starlight check / graph / capture / replay / schema`` in turn; the
test kills it past its timeout, reads its peak memory from the kernel (wait4), and checks that
every command ended with an exit status (0, 1 or 2) and without a traceback, that nothing it
printed is megabytes long, and that nothing of a file outside a story shows up.

Run as a script, it prints the whole table: ``python tests/test_hostile.py``.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
import traceback
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest

HERE = Path(__file__).resolve().parent
CORPUS = HERE / "hostile"
STORIES = CORPUS / "stories"
REPLAYS = CORPUS / "replays"
MAX_RSS_MB = 1024  # per attack; the worst so far needs well under half of it
HARD_LIMIT = 2 * 2**30  # bytes of data a child may allocate at all: a runaway read fails there, not the machine
MAX_OUTPUT = 200_000  # characters a command may print for any attack: no message echoes megabytes
SECRET = "secret_outside_key"
HEX = "0x" + "f" * 5000


# --- building the attacks ------------------------------------------------------------------------------

def _story(root: Path, scene: str | None = "scene: s\nscript:\n  - narrator: hi\n  - ending: e\n",
           manifest: str = "title: T\nlanguages: [en]\nstart: s\nendings:\n  e: {title: E}\n") -> Path:
    (root / "scenes").mkdir(parents=True)
    (root / "story.yaml").write_text(manifest, encoding="utf-8")
    if scene is not None:
        (root / "scenes" / "s.yaml").write_text(scene, encoding="utf-8")
    return root


def _outside(tmp: Path) -> Path:
    folder = tmp / "outside"
    if not folder.exists():
        folder.mkdir()
        (folder / "x.yaml").write_text(f"{SECRET}: 1\nscene: leak\n", encoding="utf-8")
        (folder / "story.yaml").write_text(f"{SECRET}: 1\n", encoding="utf-8")
    return folder


def build_scenes_link_out(tmp: Path) -> Path:
    root = _story(tmp / "story", scene=None)
    (root / "scenes").rmdir()
    (root / "scenes").symlink_to(_outside(tmp))
    return root


def build_manifest_link_out(tmp: Path) -> Path:
    root = _story(tmp / "story")
    (root / "story.yaml").unlink()
    (root / "story.yaml").symlink_to(_outside(tmp) / "story.yaml")
    return root


def build_scene_links(tmp: Path) -> Path:
    root = _story(tmp / "story")
    (root / "scenes" / "zero.yaml").symlink_to("/dev/zero")
    (root / "scenes" / "leak.yaml").symlink_to(_outside(tmp) / "x.yaml")
    (root / "scenes" / "more").symlink_to(_outside(tmp))
    (root / "scenes" / "loop.yaml").symlink_to("loop.yaml")
    return root


def build_fifo_scene(tmp: Path) -> Path:
    root = _story(tmp / "story")
    os.mkfifo(root / "scenes" / "pipe.yaml")
    return root


def build_fifo_manifest(tmp: Path) -> Path:
    root = _story(tmp / "story")
    (root / "story.yaml").unlink()
    os.mkfifo(root / "story.yaml")
    return root


def build_device_scene(tmp: Path) -> Path:
    root = _story(tmp / "story")
    try:
        os.mknod(root / "scenes" / "zero.yaml", 0o600 | 0o020000, os.makedev(1, 5))  # /dev/zero's numbers
    except (PermissionError, AttributeError):
        pytest.skip("making a device node needs privileges here")
    return root


def build_fifo_assets(tmp: Path) -> Path:
    root = _story(tmp / "story", scene="scene: s\nscript:\n  - bg: night\n  - music: theme\n  - show: jay\n"
                                       "  - narrator: hi\n  - ending: e\n",
                  manifest="title: T\nlanguages: [en]\nstart: s\ncharacters:\n  jay: {name: Jay, looks: [neutral]}\n"
                           "endings:\n  e: {title: E}\n")
    for folder, name in (("images/backgrounds", "night.png"), ("audio/music", "theme.ogg"),
                         ("images/characters/jay", "neutral.png")):
        (root / folder).mkdir(parents=True, exist_ok=True)
        os.mkfifo(root / folder / name)
    return root


def build_huge_sparse_scene(tmp: Path) -> Path:
    root = _story(tmp / "story")
    with open(root / "scenes" / "huge.yaml", "wb") as handle:
        handle.truncate(4 * 2**30)
    return root


def build_big_condition(tmp: Path) -> Path:
    condition = "a or " * 1_600_000 + "a"  # 8 MB
    return _story(tmp / "story", scene=f'scene: s\nscript:\n  - if: "{condition}"\n    then: [{{narrator: x}}]\n'
                                       "  - ending: e\n",
                  manifest="title: T\nlanguages: [en]\nstart: s\nvariables:\n  a: {type: bool, default: false}\n"
                           "endings:\n  e: {title: E}\n")


def build_big_line(tmp: Path) -> Path:
    line = "word " * 1_400_000  # 7 MB of narration
    return _story(tmp / "story", scene=f'scene: s\nscript:\n  - narrator: "{line}"\n  - choice:\n'
                                       f'      - text: "{line[:1_000_000]}"\n  - ending: e\n')  # 8 MB in all


def build_big_names(tmp: Path) -> Path:
    big = "x" * 2_000_000
    return _story(tmp / "story", scene=f'scene: s\nscript:\n  - show: "{big}"\n  - bg: "{big}"\n  - ending: "{big}"\n'
                                       f'  - goto: "{big}"\n  - set: {{"{big[:1000]}": 1}}\n')


def build_flags(tmp: Path, count: int = 22) -> Path:
    sys.path.insert(0, str(HERE))
    from test_state_cap import flags_story
    return flags_story(tmp / "story", count)


def build_many_labels(tmp: Path) -> Path:
    script = "".join(f"  - label: l{i}\n  - narrator: line {i}\n" for i in range(20_000))
    return _story(tmp / "story", scene=f"scene: s\nscript:\n{script}  - ending: e\n")


def build_replay_device(tmp: Path) -> Path:
    return Path("/dev/zero")


def build_replay_fifo(tmp: Path) -> Path:
    os.mkfifo(tmp / "play.yaml")
    return tmp / "play.yaml"


def build_replay_huge(tmp: Path) -> Path:
    with open(tmp / "play.yaml", "wb") as handle:
        handle.truncate(2**31)
    return tmp / "play.yaml"


def build_replay_long_option(tmp: Path) -> Path:
    path = tmp / "play.yaml"
    path.write_text(f'story: {STORIES / "markup"}\nchoices: ["{"x" * 1_000_000}"]\n', encoding="utf-8")
    return path


def build_replay_links(tmp: Path) -> Path:
    """A replay of a story whose scenes folder links out of it: the story is refused, and nothing outside shows."""
    path = tmp / "play.yaml"
    path.write_text(f"story: {build_scenes_link_out(tmp)}\nchoices: [0]\n", encoding="utf-8")
    return path


# --- what runs on each ---------------------------------------------------------------------------------

@dataclass(frozen=True)
class Attack:
    """One hostile input, the tools it goes through and the exit status each must end with."""

    name: str
    build: Callable[[Path], Path] | None = None  # None: the corpus folder of that name
    expect: dict[str, int] = field(default_factory=dict)  # tool -> exit status; tools: check graph capture schema replay
    slow: bool = False
    timeout: float = 60.0


def _broken(*tools: str) -> dict[str, int]:
    return dict.fromkeys(tools or ("check", "graph", "schema"), 1)


ATTACKS = [
    Attack("markup", expect={"check": 0, "graph": 0, "capture": 0, "schema": 0}),
    Attack("control_chars", expect={"check": 1, "graph": 1, "capture": 1, "schema": 1}),
    Attack("literals", expect=_broken()),
    Attack("alias_bomb", expect=_broken()),
    Attack("junk", expect=_broken()),
    Attack("scenes_link_out", build_scenes_link_out, {"check": 1, "graph": 1, "schema": 0}),
    Attack("manifest_link_out", build_manifest_link_out, _broken()),
    Attack("scene_links", build_scene_links, _broken()),
    Attack("fifo_scene", build_fifo_scene, _broken()),
    Attack("fifo_manifest", build_fifo_manifest, {"check": 2, "graph": 2, "schema": 1}),
    Attack("device_scene", build_device_scene, _broken()),
    Attack("fifo_assets", build_fifo_assets, {"check": 1, "graph": 1, "capture": 1}),
    Attack("huge_sparse_scene", build_huge_sparse_scene, _broken()),
    Attack("big_condition", build_big_condition, {"check": 1, "graph": 1, "schema": 0}),
    Attack("big_line", build_big_line, {"check": 1, "graph": 0}),
    Attack("big_names", build_big_names, {"check": 1, "graph": 1, "schema": 0}),
    Attack("flags_22", build_flags, {"check": 1}, slow=True, timeout=300),
    Attack("many_labels", build_many_labels, {"graph": 0}, slow=True, timeout=300),
    Attack("replays", None, {"replay": 2}),
    Attack("replay_device", build_replay_device, {"replay": 2}),
    Attack("replay_fifo", build_replay_fifo, {"replay": 2}),
    Attack("replay_huge", build_replay_huge, {"replay": 2}),
    Attack("replay_links", build_replay_links, {"replay": 2}),
    Attack("replay_long_option", build_replay_long_option, {"replay": 1}),
]


def commands(attack: Attack, target: Path, out: Path) -> list[tuple[str, list[str]]]:
    """(tool, argv) for each tool of ``attack`` on ``target`` (a story folder or a replay), outputs in ``out``."""
    runs: list[tuple[str, list[str]]] = []
    for tool in attack.expect:
        if tool == "check":
            runs.append((tool, ["check", str(target), "--json", "--junit", str(out / "report.xml")]))
        elif tool == "graph":
            runs.append((tool, ["graph", str(target), "-o", str(out / "map.html")]))
        elif tool == "capture":
            runs.append((tool, ["capture", str(target), "-o", str(out / "shots")]))
        elif tool == "schema":
            runs.append((tool, ["schema", "-o", str(out / "schemas"), "--validate", str(target)]))
        elif tool == "replay" and attack.name == "replays":
            runs.extend((tool, ["replay", str(path)]) for path in sorted(REPLAYS.glob("*.yaml"))
                        if path.name != "markup_choices.yaml")
        elif tool == "replay":
            runs.append((tool, ["replay", str(target)]))
    return runs


# --- the child: runs the commands in one process -------------------------------------------------------

def validate_against_schemas(schemas: Path, story: Path) -> int:
    """What an editor does with ``starlight schema``: each file of ``story`` checked against it (1: some do not match).

    Files are read as the loader reads them (confined, regular, bounded); what it refuses is skipped.
    """
    from jsonschema import Draft7Validator  # type: ignore[import-untyped]  # no stubs in the test extra

    from game.story.files import FileRefused
    from game.story.yamlsrc import YamlProblem, parse_yaml, read_story_file

    schema = {name: json.loads((schemas / f"{name}.schema.json").read_text(encoding="utf-8"))
              for name in ("story", "scene")}
    files = [(story / "story.yaml", "story")]
    if (story / "scenes").is_dir() and not (story / "scenes").is_symlink():
        files += [(p, "scene") for p in sorted((story / "scenes").rglob("*.yaml"))]
    invalid = 0
    for path, kind in files:
        try:
            data = parse_yaml(read_story_file(path, story), str(path))
        except (FileRefused, YamlProblem):
            invalid = 1
            continue
        validator = Draft7Validator(schema[kind])
        invalid |= any(True for _ in validator.iter_errors(data))
    return invalid


def child(result_file: str, runs_json: str) -> None:
    """Run each (tool, argv); write a JSON list of {tool, argv, status, traceback, output} to ``result_file``."""
    import contextlib
    import io
    import resource

    # Cap the data this process may allocate (heap and anonymous maps): a runaway read fails here, not the machine.
    resource.setrlimit(resource.RLIMIT_DATA, (HARD_LIMIT, HARD_LIMIT))
    os.environ.setdefault("SDL_VIDEODRIVER", "dummy")
    os.environ.setdefault("SDL_AUDIODRIVER", "dummy")
    os.environ.setdefault("PYGAME_HIDE_SUPPORT_PROMPT", "1")
    from game.cli import main

    results = []
    for tool, argv in json.loads(runs_json):
        validate = argv[argv.index("--validate") + 1] if "--validate" in argv else None
        if validate is not None:
            argv = argv[:argv.index("--validate")]
        out, err = io.StringIO(), io.StringIO()
        error = ""
        status: Any = None
        with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
            try:
                status = main(argv)
                if validate is not None and status == 0:
                    status = validate_against_schemas(Path(argv[2]), Path(validate))
            except SystemExit as exc:
                status = exc.code
            except BaseException:  # noqa: BLE001 - what the test looks for: anything that escapes the command
                error = traceback.format_exc()
        results.append({"tool": tool, "argv": argv, "status": status, "traceback": error,
                        "stdout": out.getvalue()[:MAX_OUTPUT + 1], "stderr": err.getvalue()[:MAX_OUTPUT + 1],
                        "output": len(out.getvalue()) + len(err.getvalue())})
    Path(result_file).write_text(json.dumps(results), encoding="utf-8")


# --- the parent: one process per attack, under a timeout -------------------------------------------------

@dataclass
class Outcome:
    attack: str
    seconds: float
    peak_mb: float
    hung: bool
    results: list[dict[str, Any]]


def run_attack(attack: Attack, tmp: Path) -> Outcome:
    target = attack.build(tmp) if attack.build is not None else (STORIES / attack.name if attack.name != "replays"
                                                                 else REPLAYS)
    out = tmp / "out"
    out.mkdir()
    result_file = tmp / "results.json"
    env = {**os.environ, "SDL_VIDEODRIVER": "dummy", "SDL_AUDIODRIVER": "dummy", "PYGAME_HIDE_SUPPORT_PROMPT": "1",
           "STARLIGHT_CACHE_DIR": str(tmp / "cache"), "PYTHONPATH": str(HERE.parent)}
    started = time.perf_counter()
    with open(tmp / "child.log", "wb") as log:  # a file, not a pipe: a chatty child never blocks on it
        process = subprocess.Popen([sys.executable, __file__, "--child", str(result_file),
                                    json.dumps(commands(attack, target, out))],
                                   env=env, stdout=log, stderr=log, cwd=tmp)
    hung = False
    deadline = started + attack.timeout
    while True:
        pid, status, usage = os.wait4(process.pid, os.WNOHANG)
        if pid:
            break
        if time.perf_counter() > deadline:
            process.kill()
            pid, status, usage = os.wait4(process.pid, 0)
            hung = True
            break
        time.sleep(0.02)
    process.returncode = os.waitstatus_to_exitcode(status)
    seconds = time.perf_counter() - started
    results = json.loads(result_file.read_text(encoding="utf-8")) if result_file.exists() else []
    if not hung and not results:
        results = [{"tool": "child", "argv": [], "status": None, "stdout": "", "output": 0,
                    "traceback": (tmp / "child.log").read_text(errors="replace")[-5000:] or "the child process died"}]
    return Outcome(attack.name, seconds, usage.ru_maxrss / 1024, hung, results)


def problems_of(attack: Attack, outcome: Outcome) -> list[str]:
    """Everything wrong with one attack's run (empty: it held)."""
    found = []
    if outcome.hung:
        found.append(f"hung: still running after {attack.timeout:.0f} s")
    if outcome.peak_mb > MAX_RSS_MB:
        found.append(f"peak memory {outcome.peak_mb:,.0f} MB (the bound is {MAX_RSS_MB:,} MB)")
    for result in outcome.results:
        where = f"{result['tool']} {' '.join(result['argv'][:2])}"
        if result["traceback"]:
            found.append(f"{where}: traceback\n{result['traceback']}")
        elif result["status"] != attack.expect.get(result["tool"]):
            found.append(f"{where}: exit {result['status']}, expected {attack.expect.get(result['tool'])}\n"
                         f"{result['stdout'][:2000]}{result.get('stderr', '')[:2000]}")
        if result["output"] > MAX_OUTPUT:
            found.append(f"{where}: printed {result['output']:,} characters")
        if SECRET in result["stdout"] + result.get("stderr", ""):
            found.append(f"{where}: showed the content of a file outside the story")
    return found


@pytest.fixture
def attack_dir() -> Iterator[Path]:
    folder = Path(tempfile.mkdtemp(prefix="starlight-hostile-"))
    try:
        yield folder
    finally:
        shutil.rmtree(folder, ignore_errors=True)


@pytest.mark.parametrize("attack", [pytest.param(a, id=a.name, marks=[pytest.mark.slow] if a.slow else [])
                                    for a in ATTACKS])
def test_attack(attack: Attack, attack_dir: Path) -> None:
    outcome = run_attack(attack, attack_dir)
    assert outcome.results, f"{attack.name}: no command ran"
    found = problems_of(attack, outcome)
    assert not found, f"{attack.name}:\n" + "\n".join(found)


def table(fast: bool = False) -> int:
    """Run every attack (``fast``: all but the slow ones) and print a line each, then the totals.

    The exit status is 1 when any attack failed.
    """
    failed = tracebacks = hangs = runs = 0
    worst = ("", 0.0)
    print(f"{'attack':<22}{'commands':>9}{'seconds':>9}{'peak MB':>9}  result")
    for attack in ATTACKS:
        if fast and attack.slow:
            continue
        folder = Path(tempfile.mkdtemp(prefix="starlight-hostile-"))
        try:
            outcome = run_attack(attack, folder)
        except pytest.skip.Exception as exc:
            print(f"{attack.name:<22}{'':>9}{'':>9}{'':>9}  skipped: {exc}")
            continue
        finally:
            shutil.rmtree(folder, ignore_errors=True)
        found = problems_of(attack, outcome)
        runs += len(outcome.results)
        tracebacks += sum(bool(r["traceback"]) for r in outcome.results)
        hangs += outcome.hung
        failed += bool(found)
        if outcome.peak_mb > worst[1]:
            worst = (attack.name, outcome.peak_mb)
        print(f"{attack.name:<22}{len(outcome.results):>9}{outcome.seconds:>9.1f}{outcome.peak_mb:>9.0f}  "
              + ("ok" if not found else "FAILED: " + found[0].splitlines()[0]))
    attacks = sum(not (fast and a.slow) for a in ATTACKS)
    print(f"\n{attacks} attacks, {runs} commands: {tracebacks} tracebacks, {hangs} hangs, {failed} failed; "
          f"worst peak memory {worst[1]:,.0f} MB ({worst[0]})")
    return 1 if failed else 0


if __name__ == "__main__":
    if sys.argv[1:2] == ["--child"]:
        child(sys.argv[2], sys.argv[3])
    else:
        sys.exit(table(fast="--fast" in sys.argv))
