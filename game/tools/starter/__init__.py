"""``starlight new``: a starter story (scenes, a map, replays, pictures, editor setup, a CI workflow)."""
