"""``starlight coverage``: which lines, options, labels, hotspots and endings replays and random play reach.

``collect`` plays (replay files through the replay engine, seeded random
playthroughs through the runtime) and gathers what ran; ``measure`` counts it
per kind and per file; ``html`` and ``cobertura`` write the reports.
"""
