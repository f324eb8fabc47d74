"""Procedural generators of the game's art and sound (run through scripts/make_assets.py)."""
