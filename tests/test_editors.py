"""The editor setups point at a server that exists: the VS Code extension's manifest and its default command."""

from __future__ import annotations

import json
from pathlib import Path

from game.cli import build_parser

VSCODE = Path(__file__).resolve().parent.parent / "editors" / "vscode"


def test_vscode_extension_starts_starlight_lsp() -> None:
    manifest = json.loads((VSCODE / "package.json").read_text(encoding="utf-8"))
    assert (VSCODE / manifest["main"]).is_file()
    command = manifest["contributes"]["configuration"]["properties"]["starlight.command"]["default"]
    assert command == ["starlight", "lsp"]
    assert build_parser().parse_args(command[1:]).command == "lsp"
    assert "workspaceContains:**/story.yaml" in manifest["activationEvents"]
    source = (VSCODE / "extension.js").read_text(encoding="utf-8")
    assert 'getConfiguration("starlight").get("command"' in source and "vscode-languageclient/node" in source
    assert manifest["dependencies"]["vscode-languageclient"].startswith("^")
