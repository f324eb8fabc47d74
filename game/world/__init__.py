"""Exploration maps as the game draws and walks them (maps are read by ``game.story.tiled``).

* ``game.world.tiled``  - ``load_map(path, root)``: a read map that can load its tile pictures
* ``game.world.images`` - tile pictures cut from tileset images (pygame)
* ``game.world.draw``   - the layers drawn into pictures, under one pixel cap (the map screen, ``--render``)
* ``game.world.render`` - the whole map with outlines, as a surface or a PNG (``starlight maps --render``)
* ``game.world.walk``   - the walkable grid, reachability on foot, hotspot reach (headless)
* ``game.world.summary`` - what ``starlight maps`` prints
"""
