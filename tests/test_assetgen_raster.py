"""The raster toolkit of the asset generators (scripts/assetgen/raster): colours, gradients, blur,
noise, light, compositing, layers, vector shapes, distance fields, curves and SVG masks. Small arrays
and exact expectations where the maths gives them; every seeded function is checked for determinism."""

from __future__ import annotations

import math

import assetgen_support  # noqa: F401  (puts scripts/ on the path)
import numpy as np
import pytest
from assetgen.raster import blur, colour, compose, curves, gradient, light, noise, sdf, svg, vector
from assetgen.raster.frame import HEIGHT, WIDTH, XX, YY
from assetgen.raster.layer import Layer
from assetgen.seeds import choice, rng

# ------------------------------------------------------------------------------------------ colour


def test_rgb_reads_hex_sequences_and_arrays_as_float32():
    assert colour.rgb("#ff8000").tolist() == pytest.approx([1.0, 128 / 255, 0.0])
    assert colour.rgb((0.25, 0.5, 1.0)).dtype == np.float32
    assert colour.rgb(np.array([1, 2, 3], np.float64)).dtype == np.float32
    assert colour.hex_rgb("#0b0d1a") == (11, 13, 26)


def test_mix_runs_from_a_to_b():
    a, b = "#000000", "#ffffff"
    assert colour.mix(a, b, 0.0).tolist() == [0.0, 0.0, 0.0]
    assert colour.mix(a, b, 1.0).tolist() == [1.0, 1.0, 1.0]
    assert colour.mix(a, b, 0.25).tolist() == pytest.approx([0.25] * 3)


def test_to8_rounds_and_clips():
    assert colour.to8((0.5, 1.7, -0.2)) == (128, 255, 0)
    assert colour.rgba8("#102030", 0.5) == (16, 32, 48, 128)


def test_shade_moves_toward_the_art_directions_extremes():
    c = colour.rgb("#808080")
    assert np.allclose(colour.shade(c, -1.0), colour.DARKEST)
    assert np.allclose(colour.shade(c, 1.0), colour.LIGHTEST)
    assert np.allclose(colour.shade(c, 0.0), c)


def test_shared_constants_are_read_only():
    for constant in (colour.DARKEST, colour.LIGHTEST, XX, YY):
        with pytest.raises(ValueError):
            constant[0] = 0
    assert XX.shape == YY.shape == (HEIGHT, WIDTH)


# ------------------------------------------------------------------------------------------ gradients


def test_smoothstep_clamps_and_is_monotonic():
    x = np.linspace(-1, 2, 301)
    s = gradient.smoothstep(0.0, 1.0, x)
    assert s[0] == 0.0 and s[-1] == 1.0
    assert np.all(np.diff(s) >= 0)
    assert gradient.smoothstep(0.0, 1.0, 0.5) == pytest.approx(0.5)


def test_vgrad_hits_its_stops_at_top_and_bottom():
    g = gradient.vgrad([(0.0, "#000000"), (1.0, "#ffffff")], h=11, w=4)
    assert g.shape == (11, 4, 3) and g.dtype == np.float32
    assert g[0, 0].tolist() == [0.0, 0.0, 0.0]
    assert g[-1, 3].tolist() == [1.0, 1.0, 1.0]
    assert g[5, 1].tolist() == pytest.approx([0.5] * 3)


def test_ramp_is_a_column():
    r = gradient.ramp(5, [(0.0, 1.0), (1.0, 0.0)])
    assert r.shape == (5, 1)
    assert r[:, 0].tolist() == pytest.approx([1.0, 0.75, 0.5, 0.25, 0.0])


# ------------------------------------------------------------------------------------------ blur


def _impulse(size: int = 201) -> np.ndarray:
    a = np.zeros((size, size), np.float32)
    a[size // 2, size // 2] = 1.0
    return a


def _spread(a: np.ndarray, axis: int) -> float:
    profile = a.sum(axis=1 - axis)
    pos = np.arange(profile.size) - profile.size // 2
    return float(math.sqrt((profile * pos**2).sum() / profile.sum()))


@pytest.mark.parametrize("sigma", [1.0, 3.0, 8.0, 25.0])
def test_blur_keeps_light_and_spreads_it_by_about_sigma(sigma):
    out = blur.blur(_impulse(), sigma)
    assert out.sum() == pytest.approx(1.0, rel=0.02)
    # three box passes are a Gaussian to within a box radius's rounding (and the downscaled path's)
    assert _spread(out, 0) == pytest.approx(sigma, rel=0.2, abs=0.5)
    assert _spread(out, 0) == pytest.approx(_spread(out, 1), rel=0.02)


def test_blur_is_anisotropic_on_request_and_keeps_shape():
    out = blur.blur(_impulse(), 6.0, 1.0)
    assert _spread(out, 0) > 3 * _spread(out, 1)
    rgb_img = np.zeros((40, 60, 3), np.float32)
    assert blur.blur(rgb_img, 2.0).shape == (40, 60, 3)


def test_blur_below_the_smallest_box_is_a_copy():
    a = _impulse(21)
    out = blur.blur(a, 0.6)
    assert np.array_equal(out, a) and out is not a
    assert blur.box_radius(0.6) == 0 and blur.box_radius(1.0) == 1


def test_soften_and_grow_work_on_masks():
    m = np.zeros((30, 30), np.float32)
    m[15, 15] = 1.0
    assert blur.grow(m, 3).sum() == pytest.approx(9.0)
    s = blur.soften(np.pad(np.ones((30, 30), np.float32), 10), 2.0)
    assert 0.0 < s[10, 25] < 1.0 and s[25, 25] == pytest.approx(1.0, abs=1 / 255)


# ------------------------------------------------------------------------------------------ noise


def test_fbm_is_seeded_and_spans_zero_to_one():
    a = noise.fbm(rng("t"), 20, 4, h=64, w=96)
    b = noise.fbm(rng("t"), 20, 4, h=64, w=96)
    c = noise.fbm(rng("u"), 20, 4, h=64, w=96)
    assert a.shape == (64, 96) and a.dtype == np.float32
    assert np.array_equal(a, b) and not np.array_equal(a, c)
    assert a.min() == 0.0 and a.max() == 1.0


def test_line_and_jagged_noise_stay_in_their_range():
    ln = noise.line_noise(rng("ridge"), 40, 4, w=300)
    assert ln.shape == (300,) and np.abs(ln).max() <= 1.2
    jg = noise.jagged(rng("rock"), (10, 20), 5.0, w=300)
    assert jg.shape == (300,) and np.abs(jg).max() <= 5.0


def test_grain_is_fine_seeded_and_leaves_alpha_alone():
    img = np.full((100, 100, 4), 0.5, np.float32)
    g1, g2 = noise.grain(img, "pic"), noise.grain(img, "pic")
    assert np.array_equal(g1, g2)
    assert not np.array_equal(g1, noise.grain(img, "other"))
    assert np.all(g1[..., 3] == 0.5)
    assert float((g1[..., 0] - 0.5).std()) == pytest.approx(3 / 255, rel=0.1)
    assert np.array_equal(g1[..., 0], g1[..., 2])  # monochrome


def test_seeds_depend_on_the_name_alone():
    assert rng("a").random() == rng("a").random()
    assert rng("a").random() != rng("b").random()
    assert choice(rng("a"), ["x", "y", "z"]) == choice(rng("a"), ["x", "y", "z"])


# ------------------------------------------------------------------------------------------ light


def test_radial_peaks_at_its_centre():
    r = light.radial(100, 50, 20)
    assert r[50, 100] == pytest.approx(1.0)
    assert r[50, 120] == pytest.approx(math.exp(-1), rel=1e-5)
    assert r.shape == (HEIGHT, WIDTH)


def test_beam_lights_ahead_not_behind():
    b = light.beam(640, 360, 0.0, 0.3, 200)
    assert b[360, 700] > 0.5
    assert b[360, 580] < 1e-3
    dusty = light.beam(640, 360, 0.0, 0.3, 200, look=light.BeamLook(edge=2.0, exponential=True))
    assert dusty[360, 900] == pytest.approx(math.exp(-260 / 200), rel=0.01)


def test_glow_adds_the_light_and_its_blurred_copies():
    img = np.zeros((50, 50, 3), np.float32)
    lit = np.zeros_like(img)
    lit[25, 25] = 1.0
    assert np.array_equal(light.glow(img, lit, ()), lit)
    out = light.glow(img, lit, ((2, 0.5),))
    assert out.sum() == pytest.approx(3 * 1.5, rel=0.02)


def test_add_star_lands_where_asked():
    layer = np.zeros((HEIGHT, WIDTH, 3), np.float32)
    light.add_star(layer, 300.0, 200.0, 1.0, "#ffffff", 10)
    y, x = np.unravel_index(layer[..., 0].argmax(), layer.shape[:2])
    assert (x, y) == (300, 200)
    assert layer[200, 320, 0] > layer[220, 320, 0]  # the cross reaches along the axes


def test_starfield_is_seeded_and_stays_in_its_band():
    a = light.starfield(rng("sky"), 300, 3, 100, 200)
    b = light.starfield(rng("sky"), 300, 3, 100, 200)
    assert np.array_equal(a, b)
    rows = np.nonzero(a.max(axis=(1, 2)) > 0.02)[0]
    assert rows.min() >= 100 - 30 and rows.max() <= 200 + 30  # faint points inside, crosses a little beyond
    faint_only = light.starfield(rng("sky"), 300, 0, 100, 200)
    assert np.nonzero(faint_only.max(axis=(1, 2)))[0].max() <= 200


def test_rim_and_top_edge_follow_the_outline():
    m = np.zeros((HEIGHT, WIDTH), np.float32)
    m[300:400, 500:600] = 1.0
    top = light.top_edge(m, 2)
    assert top[300, 550] == 1.0 and top[350, 550] == 0.0
    rim = light.rim(m, 1.0, 0.0, 3.0)
    assert rim[350, 598] > rim[350, 502]


# ------------------------------------------------------------------------------------------ compose


def test_paint_through_a_mask():
    img = np.zeros((4, 4, 3), np.float32)
    m = np.zeros((4, 4), np.float32)
    m[1, 1] = 1.0
    out = compose.paint(img, m, "#ffffff", 0.5)
    assert out[1, 1].tolist() == [0.5, 0.5, 0.5] and out[0, 0].tolist() == [0, 0, 0]


@pytest.mark.parametrize(("dx", "dy"), [(2, 0), (-2, 0), (0, 3), (-1, -1)])
def test_shift_moves_and_fills_with_zero(dx, dy):
    a = np.arange(1, 50, dtype=np.float32).reshape(7, 7)
    out = compose.shift(a, dx, dy)
    assert out[3 + dy, 3 + dx] == a[3, 3]
    assert np.count_nonzero(out) == (7 - abs(dx)) * (7 - abs(dy))


def test_tone_keeps_the_extremes_and_the_midtones():
    img = np.array([[[0.0, 0.5, 3.0]]], np.float32)
    out = compose.tone(img)
    assert out[0, 0, 0] == pytest.approx(float(colour.DARKEST[0]))
    assert out[0, 0, 1] == pytest.approx(0.5)
    assert out[0, 0, 2] <= float(colour.LIGHTEST[2]) + 1e-6


def test_finish_is_seeded_and_clamps_on_request():
    img = np.full((HEIGHT, WIDTH, 3), 0.02, np.float32)
    a = compose.finish(img, "x", clamp=True)
    assert np.array_equal(a, compose.finish(img, "x", clamp=True))
    assert a.min() >= float(colour.DARKEST.min()) - 1e-6


def test_below_a_ridgeline():
    m = compose.below(np.full(WIDTH, 100.0, np.float32))
    assert m[99, 10] == 0.0 and m[101, 10] == 1.0 and m[100, 10] == 0.5


# ------------------------------------------------------------------------------------------ RGBA layers


def test_layer_paints_over_under_and_atop():
    layer = Layer(2, 1)
    layer.paint(np.array([[1.0, 0.0]], np.float32), "#ff0000")
    layer.paint(np.array([[0.5, 0.5]], np.float32), "#0000ff")
    assert layer.a.tolist() == [[1.0, 0.5]]
    assert layer.c[0, 0].tolist() == pytest.approx([0.5, 0.0, 0.5])
    assert layer.c[0, 1].tolist() == pytest.approx([0.0, 0.0, 1.0])
    layer.under(np.ones((1, 2), np.float32), "#00ff00")
    assert layer.a.tolist() == [[1.0, 1.0]]
    assert layer.c[0, 0].tolist() == pytest.approx([0.5, 0.0, 0.5])  # fully covered: nothing shows through
    assert layer.c[0, 1].tolist() == pytest.approx([0.0, 0.5, 0.5])
    layer.atop(np.ones((1, 2), np.float32), "#ffffff", 1.0)
    assert layer.a.tolist() == [[1.0, 1.0]] and layer.c.tolist() == [[[1, 1, 1], [1, 1, 1]]]


def test_layer_rgba_clears_colour_where_transparent():
    layer = Layer(3, 1)
    layer.c[:] = 0.7
    layer.paint(np.array([[1.0, 0.0, 0.25]], np.float32), "#ffffff")
    data = layer.rgba()
    assert data.dtype == np.uint8 and data.shape == (1, 3, 4)
    assert data[0, 1].tolist() == [0, 0, 0, 0]
    assert data[0, 0].tolist() == [255, 255, 255, 255] and data[0, 2, 3] == 64


def test_layer_replace_sets_instead_of_blending():
    layer = Layer(1, 1)
    layer.paint(np.ones((1, 1), np.float32), "#ff0000")
    layer.replace(np.ones((1, 1), np.float32), "#0000ff", 0.25)
    assert layer.a[0, 0] == pytest.approx(0.25) and layer.c[0, 0].tolist() == [0.0, 0.0, 1.0]


# ------------------------------------------------------------------------------------------ vector, SDF, curves, SVG


def test_sketch_coverage_and_emission():
    sk = vector.Sketch()
    sk.rect(100, 100, 200, 150, "#ffffff", emit="#ff0000")
    sk.rect(150, 100, 200, 150, "#000000")  # nearer and dark: hides the light behind it
    pm, a = sk.base()
    lit = sk.light()
    assert a.sum() == pytest.approx(100 * 50, rel=0.02)
    assert lit[125, 120, 0] == 1.0 and lit[125, 180, 0] == 0.0
    assert pm[125, 120].tolist() == [1.0, 1.0, 1.0]


def test_masks_are_anti_aliased():
    m = vector.shape_mask(lambda s: s.ellipse(640, 360, 50.3, 30.7, "#ffffff"))
    assert m.sum() == pytest.approx(math.pi * 50.3 * 30.7, rel=0.03)  # Pillow's boxes include their far edge
    assert np.any((m > 0.05) & (m < 0.95))
    drawn = vector.shapes(lambda d, ss: d.polygon(vector.sc([(10, 10), (60, 10), (60, 40)], ss), fill=255), size=(80, 50))
    assert drawn.shape == (50, 80) and drawn.sum() == pytest.approx(750, rel=0.03)


def test_round_box_distance_field():
    xs, ys = sdf.grid(100, 60)
    d = sdf.round_box(xs, ys, 10, 10, 90, 50, 8)
    assert d[30, 50] < 0 and d[2, 2] > 0
    assert d[30, 0] == pytest.approx(9.5)  # pixel centre x = 0.5, edge at x = 10
    cov = sdf.fill(d)
    assert cov.sum() == pytest.approx(80 * 40 - (4 - math.pi) * 64, rel=0.01)
    assert sdf.segment(xs, ys, (0, 0), (100, 0))[20, 40] == pytest.approx(20.5)
    assert sdf.stroke(sdf.ring(xs, ys, (50, 30), 20), 2).max() == pytest.approx(1.0)


def test_curves_pass_through_their_points():
    pts = [(0.0, 0.0), (50.0, 20.0), (100.0, 0.0)]
    c = curves.curve(pts, 8)
    for p in pts:
        assert np.min(np.hypot(*(c - np.array(p)).T)) < 1e-6
    band = curves.ribbon(c, 4.0)
    assert band.shape == (2 * len(c), 2)
    assert curves.taper(5, 1.0, 3.0, 1.0).tolist()[2] == pytest.approx(3.0)


def test_svg_masks_of_polygons_and_ellipses():
    square = np.array([(10, 10), (50, 10), (50, 50), (10, 50)], np.float64)
    m = svg.svg_mask([square], (64, 64))
    assert m.sum() == pytest.approx(1600, rel=0.01) and m[30, 30] == 1.0 and m[5, 5] == 0.0
    e = svg.svg_mask([svg.Ellipse(32, 32, 20, 10)], (64, 64))
    assert e.sum() == pytest.approx(math.pi * 200, rel=0.02)
    assert svg.svg_mask([], (8, 8)).sum() == 0.0
