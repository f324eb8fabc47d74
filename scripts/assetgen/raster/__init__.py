"""The raster toolkit every picture generator draws with: float images (H x W or H x W x 3, float32 in
0..1) and the few operations a painterly-flat picture needs.

- ``frame``: the picture size and its pixel grids
- ``colour``: colours as float RGB, mixing, the darkest / lightest of the art direction
- ``gradient``: smoothstep, vertical gradients and ramps
- ``blur``: Gaussian blur of float images (box passes), soften / grow of masks
- ``noise``: fractal value noise, ridgelines, film grain
- ``light``: radial falloff, beams, additive glow, stars, rims
- ``compose``: painting through masks, shifting, vignettes, tone mapping and finishing
- ``layer``: an RGBA layer with 'over', 'atop', 'under' painting
- ``vector``: flat shapes drawn supersampled with Pillow (with an emission image for lights)
- ``sdf``: signed distance fields (rounded boxes, segments, arcs) for analytic anti-aliasing
- ``curves``: smooth outlines (Catmull-Rom, Bezier), ribbons and tapers
- ``svg``: rasterising polygons and ellipses through pygame's SVG loader

Everything is deterministic: randomness comes in as a ``numpy.random.Generator`` (see ``assetgen.seeds``).
"""
