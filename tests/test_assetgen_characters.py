"""The character pictures (scripts/assetgen/characters and assets/images/characters): every look the
story declares is drawn and the old look names stay; looks of one pose never move the silhouette;
faces land where the stage keeps them in view (above three choice buttons, Dori above the text box);
the lit side of every figure has a solid outline before any rim light; the rim light leaves thin parts
(hair tips, fingers) alone; the look naming."""

from __future__ import annotations

from pathlib import Path

import assetgen_support
import numpy as np
import pytest
import yaml
from assetgen.characters import CHARACTERS, Character
from assetgen.characters.expressions import STANDARD, looks
from assetgen.characters.figure import rim_light
from PIL import Image

from game.layout import BOX, CHARACTER_HEIGHT, FACE_SHARE, HEIGHT, choice_top

ASSETS = assetgen_support.ROOT / "assets"
# The looks the scenes were written with: never renamed or removed.
FIRST_LOOKS = {
    "nanyoung": ["neutral", "smile", "sad", "tears", "determined", "surprised", "suit", "suit_smile"],
    "jay": ["neutral", "smile", "tired", "sad", "surprised", "laugh"],
    "yoon": ["neutral", "stern", "smile"],
    "minsu": ["neutral", "grin", "serious"],
    "dori": ["neutral", "happy", "worried"],
    "mother": ["neutral", "smile"],
}


def _rgba(folder: Path, cid: str, look: str) -> np.ndarray:
    return np.asarray(Image.open(folder / "images" / "characters" / cid / f"{look}.png").convert("RGBA"), np.float32) / 255.0


def _poses(c: Character) -> dict[str, list[str]]:
    found: dict[str, list[str]] = {}
    for look, (pose, _) in c.looks.items():
        found.setdefault(pose, []).append(look)
    return found


def _on_stage(y: float, picture_height: int) -> float:
    """A picture row on the 1280x720 stage (characters are drawn CHARACTER_HEIGHT tall on the bottom edge)."""
    return HEIGHT - CHARACTER_HEIGHT + y * CHARACTER_HEIGHT / picture_height


def features_box(folder: Path, c: Character, pose_looks: list[str]) -> tuple[int, int]:
    """Top and bottom rows where the looks of one pose differ: the face's moving parts (brows to mouth)."""
    first = _rgba(folder, c.cid, pose_looks[0])
    changed = np.zeros(first.shape[:2], bool)
    for look in pose_looks[1:]:
        changed |= np.abs(_rgba(folder, c.cid, look) - first).max(axis=2) > 0.1
    rows = np.nonzero(changed.any(axis=1))[0]
    return int(rows[0]), int(rows[-1])


def test_the_story_declares_every_look_drawn_and_keeps_the_first_ones():
    story = yaml.safe_load((ASSETS / "story.yaml").read_text(encoding="utf-8"))
    assert {c.cid for c in CHARACTERS} == set(story["characters"]) == set(FIRST_LOOKS)
    for c in CHARACTERS:
        declared = story["characters"][c.cid]["looks"]
        assert declared == list(c.looks), c.cid
        assert declared[: len(FIRST_LOOKS[c.cid])] == FIRST_LOOKS[c.cid], c.cid
        for look in declared:
            assert (ASSETS / c.path(look)).is_file(), c.path(look)


@pytest.mark.parametrize("c", CHARACTERS, ids=lambda c: c.cid)
def test_looks_of_one_pose_share_one_silhouette(c):
    for pose, names in _poses(c).items():
        first = _rgba(ASSETS, c.cid, names[0])[..., 3]
        for look in names[1:]:
            alpha = _rgba(ASSETS, c.cid, look)[..., 3]
            assert np.array_equal(alpha, first), f"{c.cid}/{look} moves the silhouette of pose {pose!r}"


def face_problems(folder: Path, c: Character) -> list[str]:
    """Where a pose's face is not kept in view on the stage, said for each pose."""
    problems = []
    for pose, names in _poses(c).items():
        if len(names) < 2:
            continue
        picture = _rgba(folder, c.cid, names[0])
        h = picture.shape[0]
        _, bottom = features_box(folder, c, names)
        rows = np.nonzero(picture[..., 3].max(axis=1) > 0)[0]
        visible_top, visible_bottom = int(rows[0]), int(rows[-1])
        if bottom > visible_top + FACE_SHARE * (visible_bottom - visible_top):
            problems.append(f"{c.cid} {pose}: the face reaches below the top {FACE_SHARE:.0%} of the figure")
        if _on_stage(bottom, h) >= choice_top(3):
            problems.append(f"{c.cid} {pose}: three choice buttons would cover the face (row {_on_stage(bottom, h):.0f})")
        if _on_stage(bottom, h) >= BOX[1] - 40:
            problems.append(f"{c.cid} {pose}: the face is behind the text box")
    return problems


@pytest.mark.parametrize("c", CHARACTERS, ids=lambda c: c.cid)
def test_faces_stay_above_three_choices_and_the_text_box(c):
    assert face_problems(ASSETS, c) == []


def lit_edge_problems(folder: Path, c: Character, look: str, light: float) -> int:
    """Rows where, walking in from the lit side, a light pixel comes before any solid (alpha >= 0.8)
    outline: the rim light then reads as the figure's edge, with no outline (Jay's hair, issue 18)."""
    rgba = _rgba(folder, c.cid, look)
    lum = rgba[..., :3] @ np.array([0.3, 0.55, 0.15], np.float32)
    bad = 0
    for y in range(0, rgba.shape[0], 3):
        row_a = rgba[y, :, 3] if light < 0 else rgba[y, ::-1, 3]
        row_l = lum[y] if light < 0 else lum[y, ::-1]
        light_px = np.nonzero((row_l > 0.5) & (row_a > 0.9))[0]
        if len(light_px) == 0:
            continue
        first_light = light_px[0]
        first_seen = np.nonzero(row_a > 0)[0][0]
        if first_light - first_seen > 8:
            continue  # the light pixel is well inside the figure, not at its edge
        if row_a[first_seen:first_light].max(initial=0.0) < 0.8:
            bad += 1
    return bad


LIGHTS = {"nanyoung": 1.0, "jay": -1.0, "yoon": 1.0, "minsu": -1.0, "dori": 1.0}


@pytest.mark.parametrize("c", [c for c in CHARACTERS if c.cid in LIGHTS], ids=lambda c: c.cid)
def test_the_lit_side_has_a_solid_outline_before_any_rim_light(c):
    for look in c.looks:
        assert lit_edge_problems(ASSETS, c, look, LIGHTS[c.cid]) == 0, f"{c.cid}/{look}"


def test_the_rim_light_leaves_thin_parts_alone():
    a = np.zeros((120, 200), np.float32)
    a[20:100, 20:80] = 1.0  # a body
    a[20:100, 120:123] = 1.0  # a hair tip, 3 px wide
    rim = rim_light(a, light=1.0, width=4)
    assert rim[40:80, 76:80].max() > 0.9  # the body's lit (right) edge
    assert rim[:, 100:].max() == 0.0  # nothing on the strand


def test_looks_are_named_by_pose_and_expression():
    table = looks([("", "jacket", ("neutral", "smile")), ("suit", "suit", ("neutral", "smile"))], STANDARD)
    assert list(table) == ["neutral", "smile", "suit", "suit_smile"]
    assert table["suit_smile"] == ("suit", STANDARD["smile"])
    with pytest.raises(ValueError, match="look 'smile' named twice"):
        looks([("", "a", ("smile",)), ("", "b", ("smile",))], STANDARD)


def test_the_art_direction_lists_every_look():
    text = (assetgen_support.ROOT / "docs" / "art-direction.md").read_text(encoding="utf-8")
    section = text[text.index("## Character looks") : text.index("## Making the assets")]
    for c in CHARACTERS:
        part = section[section.index(f"(`{c.cid}`") :]
        table = part[: part.index("\n\n", part.index("| --- |"))]
        listed = {w.strip("`") for w in table.split() if w.startswith("`") and w.endswith("`")}
        assert set(c.looks) <= listed, f"{c.cid}: {sorted(set(c.looks) - listed)} missing from docs/art-direction.md"
