"""A screen reader's view of the game (issue 15): the tree read from a second process over AT-SPI, as Orca does.

Runs where the pieces are: accesskit (the game's optional extra), D-Bus's ``dbus-run-session``,
the AT-SPI bus (at-spi2-core) and the system python3 with its AT-SPI bindings (python3-pyatspi);
.ci/run installs them.  In a private session bus, a desktop's "accessibility on" is set, the game
runs headless to its first choice, and tests/atspi_reader.py lists the tree and presses an option.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from game.ui.access.tree import Node

HERE = Path(__file__).parent
SYSTEM_PYTHON = "/usr/bin/python3"


def atspi_available() -> str | None:
    """Why the AT-SPI test cannot run here (None: it can)."""
    try:
        import accesskit  # noqa: F401
    except ImportError:
        return "accesskit is not installed (pip install '.[access]')"
    if shutil.which("dbus-run-session") is None or not Path("/usr/libexec/at-spi-bus-launcher").exists():
        return "no D-Bus session tools or AT-SPI bus (apt-get install dbus at-spi2-core)"
    probe = subprocess.run([SYSTEM_PYTHON, "-c", "import gi; gi.require_version('Atspi', '2.0')"],
                           capture_output=True, check=False) if Path(SYSTEM_PYTHON).exists() else None
    if probe is None or probe.returncode != 0:
        return "the system python3 has no AT-SPI bindings (apt-get install python3-pyatspi)"
    return None


@pytest.mark.skipif(atspi_available() is not None, reason=str(atspi_available()))
def test_a_second_process_reads_the_tree_over_atspi_and_presses_an_option(tmp_path: Path) -> None:
    option = "Say the fog worries you more."
    script = (f"{SYSTEM_PYTHON} {HERE / 'atspi_reader.py'} enable && "
              f"({sys.executable} {HERE / 'atspi_game.py'} {tmp_path / 'data'} 45 > {tmp_path / 'game.json'}) & "
              f"{SYSTEM_PYTHON} {HERE / 'atspi_reader.py'} read {json.dumps(option)} > {tmp_path / 'tree.json'}; "
              "wait")
    env = {k: v for k, v in os.environ.items() if k not in ("DBUS_SESSION_BUS_ADDRESS", "AT_SPI_BUS_ADDRESS")}
    env["STARLIGHT_CACHE_DIR"] = str(tmp_path / "cache")
    env["PYTHONPATH"] = str(HERE.parent)
    env["PYGAME_HIDE_SUPPORT_PROMPT"] = "1"
    done = subprocess.run(["dbus-run-session", "--", "sh", "-c", script], env=env, capture_output=True, text=True,
                          timeout=300, check=False)
    lines = (tmp_path / "tree.json").read_text(encoding="utf-8").splitlines()
    nodes = [json.loads(line) for line in lines if line.startswith("{\"depth\"")]
    said = [line for line in (tmp_path / "game.json").read_text(encoding="utf-8").splitlines() if line.startswith("{")]
    game = json.loads(said[-1]) if said else {}
    assert game.get("reader") is True, done.stderr[-2000:]
    frame = next(n for n in nodes if n["role"] == "frame")
    assert frame["name"] == "The Harbour"  # the scene, as the window's name
    assert {"role": "label", "name": "Mira: Then the lamp has to burn until morning."}.items() <= \
        next(n for n in nodes if n["role"] == "label").items()
    buttons = [n["name"] for n in nodes if n["role"] == "push button"]
    assert buttons == ["Promise to keep the lamp lit.", option, "Give Tomas your spare oil."]
    assert [n["name"] for n in nodes if n["focused"]] == ["Promise to keep the lamp lit."]
    assert game["chosen"] == "Fog hides more than storms do."  # the reader's press took that option


def test_the_bridge_routes_actions_back_into_the_game() -> None:
    """Without any bus: AccessKit's requests, queued from its thread, run on the game's."""
    pytest.importorskip("accesskit")
    import accesskit

    from game.ui.access.screen_reader import ScreenReader

    class Adapter:
        def __init__(self) -> None:
            self.updates: list[object] = []

        def update_if_active(self, factory: object) -> None:
            self.updates.append(factory() if callable(factory) else None)

    adapter = Adapter()
    calls: list[object] = []
    reader = ScreenReader(accesskit, lambda first, act: (setattr(adapter, "act", act), adapter)[1])
    tree = Node("window", "Menu", key="menu", children=[
        Node("button", "Load", key="load", focused=True, activate=lambda: calls.append("load")),
        Node("setting", "Text speed", key="speed", value="45", change=calls.append)])
    reader.update(tree)
    reader.update(tree)  # unchanged: nothing sent again
    assert len(adapter.updates) == 1
    update = adapter.updates[0]
    labels = {node.label: node for _, node in update.nodes}  # type: ignore[attr-defined]
    assert set(labels) >= {"Menu", "Load", "Text speed"} and labels["Text speed"].value == "45"
    ids = {node.label: node_id for node_id, node in update.nodes}  # type: ignore[attr-defined]
    assert update.focus == ids["Load"]  # type: ignore[attr-defined]

    class Request:
        def __init__(self, action: object, target: int) -> None:
            self.action, self.target = action, target

    act = adapter.act  # type: ignore[attr-defined]
    act(Request(accesskit.Action.CLICK, ids["Load"]))
    act(Request(accesskit.Action.INCREMENT, ids["Text speed"]))
    assert calls == []  # nothing runs on AccessKit's thread
    for call in reader.pending():
        call()
    assert calls == ["load", 1]
