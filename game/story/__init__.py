"""The narrative core: loading stories, safe conditions, and the deterministic runtime."""
