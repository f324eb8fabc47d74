"""The on-screen keyboard's pure parts: the Hangul composer and the layouts (no pygame)."""
