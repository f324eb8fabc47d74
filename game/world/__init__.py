"""Exploration maps: reading Tiled maps, where the player can walk, and drawing them.

* ``game.world.tiled``  - ``load_map(path)``: our one adapter around pytmx (headless)
* ``game.world.walk``   - the walkable grid, reachability on foot, hotspot reach (headless)
* ``game.world.render`` - the whole map drawn into a pygame surface or a PNG (needs pygame)
"""
