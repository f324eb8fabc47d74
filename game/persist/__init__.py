"""What the game keeps between sessions: saves, settings and persistent progress.

Everything is JSON (never pickle: a player may swap files, and data must stay
data), written atomically so that a crash or a full disk never leaves half a
file behind, and read defensively so that a damaged file costs a warning, not
a crash.  A file that cannot be read is never overwritten: it is first set
aside as ``<name>.damaged-<timestamp>`` beside the original.

    base = paths.data_dir()                        # STARLIGHT_SAVE_DIR, else the user data folder
    store = saves.SaveStore(paths.saves_dir(base))
    store.write(data); store.info("3"); store.newest()
    settings, warnings = load_settings(base / "settings.json")
    progress, warnings = load_progress(base / "progress.json")

No pygame here: the package is plain data and files, tested headless.
"""
