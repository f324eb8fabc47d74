"""``starlight lsp``: a Language Server Protocol server over stdio for story folders (pygls)."""
