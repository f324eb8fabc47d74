// The VS Code side of `starlight lsp`: start the server for story files and connect it to the editor.
// Everything the editor shows (diagnostics, completion, definitions, renames, hovers) comes from the server.
"use strict";

const vscode = require("vscode");
const { LanguageClient, TransportKind } = require("vscode-languageclient/node");

let client;

function activate(context) {
  const configured = vscode.workspace.getConfiguration("starlight").get("command", ["starlight", "lsp"]);
  const [command, ...args] = configured.length ? configured : ["starlight", "lsp"];
  const serverOptions = { command, args, transport: TransportKind.stdio };
  const clientOptions = {
    // scene files, story.yaml and Tiled maps of any story folder in the workspace
    documentSelector: [
      { scheme: "file", pattern: "**/story.yaml" },
      { scheme: "file", pattern: "**/scenes/**/*.{yaml,yml}" },
      { scheme: "file", pattern: "**/maps/*.{tmx,tx}" },
    ],
  };
  client = new LanguageClient("starlight", "Starlight", serverOptions, clientOptions);
  context.subscriptions.push({ dispose: () => client && client.stop() });
  return client.start();
}

function deactivate() {
  return client ? client.stop() : undefined;
}

module.exports = { activate, deactivate };
