"""A second process that reads the game over AT-SPI, as Orca does (run by tests/test_screen_reader.py).

Runs with the system's python3 and its AT-SPI bindings (Debian: python3-gi, gir1.2-atspi-2.0 from
at-spi2-core / python3-pyatspi), not the game's: it knows nothing of the game but what the bus says.

    atspi_reader.py enable            turn accessibility on for the session (as a desktop does for Orca)
    atspi_reader.py read OPTION       print the tree as JSON lines once options show; press the button OPTION
"""

import json
import sys
import time

import gi

gi.require_version("Atspi", "2.0")
from gi.repository import Atspi, Gio, GLib  # noqa: E402


def enable() -> None:
    bus = Gio.bus_get_sync(Gio.BusType.SESSION, None)
    bus.call_sync("org.a11y.Bus", "/org/a11y/bus", "org.freedesktop.DBus.Properties", "Set",
                  GLib.Variant("(ssv)", ("org.a11y.Status", "IsEnabled", GLib.Variant("b", True))),
                  None, Gio.DBusCallFlags.NONE, 5000, None)


def walk(node, depth, out):
    states = node.get_state_set()
    out.append({"depth": depth, "role": node.get_role_name(), "name": node.get_name() or "",
                "focused": states.contains(Atspi.StateType.FOCUSED), "node": node})
    for i in range(node.get_child_count()):
        child = node.get_child_at_index(i)
        if child is not None:
            walk(child, depth + 1, out)
    return out


def tree() -> list:
    desktop = Atspi.get_desktop(0)
    nodes: list = []
    for i in range(desktop.get_child_count()):
        app = desktop.get_child_at_index(i)
        if app is not None:
            walk(app, 0, nodes)
    return nodes


def main() -> int:
    if sys.argv[1] == "enable":
        enable()
        return 0
    wanted = sys.argv[2]
    deadline = time.time() + 40
    nodes: list = []
    while time.time() < deadline:
        try:
            nodes = tree()
        except GLib.Error:
            nodes = []
        if any(n["role"] == "push button" and n["name"] == wanted for n in nodes):
            break
        time.sleep(0.3)
    for n in nodes:
        print(json.dumps({k: v for k, v in n.items() if k != "node"}, ensure_ascii=False))
    target = next((n["node"] for n in nodes if n["role"] == "push button" and n["name"] == wanted), None)
    if target is None:
        return 3
    action = target.get_action_iface() if hasattr(target, "get_action_iface") else target
    names = [action.get_action_name(i) for i in range(action.get_n_actions())]
    print(json.dumps({"actions": names}))
    action.do_action(names.index("click") if "click" in names else 0)
    return 0


if __name__ == "__main__":
    sys.exit(main())
