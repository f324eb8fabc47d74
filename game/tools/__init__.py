"""Tools for writers, translators and testers: language server, PO files, coverage, starter story."""
