"""Jay's shop tileset: its pieces and sheet layout.
"""

from __future__ import annotations

from .shop_backroom import h_camp_bed, h_dori_dock, h_lathe
from .shop_furniture import (
    h_bench,
    h_counter_l,
    h_counter_m,
    h_counter_r,
    h_floor_lamp,
    h_guitar,
    h_register,
    h_shelf_radios,
    h_shelf_reels,
    h_speaker,
    h_turntable,
)
from .shop_props import (
    h_amp,
    h_boxes,
    h_cable,
    h_keyboard,
    h_lamp_pool,
    h_plant,
    h_radio_table,
    h_record_crate,
    h_stool,
    h_tape_deck,
    h_wall_shelf,
    h_window_spill,
)
from .shop_room import (
    floor_shadow_fn,
    h_door,
    h_doormat,
    h_floor,
    h_floor_b,
    h_wall,
    h_wall_base,
    h_wall_clock,
    h_wall_pegboard,
    h_wall_poster,
    h_wall_top,
    h_wall_top_edge,
    h_window,
    rug,
)
from .tileset import Piece, Tileset


def shop() -> Tileset:
    P = Piece
    pieces = [
        P("floor", 1, 1, h_floor, what="wood floor"),
        P("floor_b", 1, 1, h_floor_b, what="wood floor, variant"),
        P("floor_shadow", 1, 1, floor_shadow_fn(h_floor), what="wood floor at the foot of a wall"),
        P("doormat", 1, 1, h_doormat, what="doormat"),
        P("rug", 3, 3, rug, what="rug 3x3 (edges and centre repeat)"),
        P("window_spill", 2, 1, h_window_spill, what="blue window light on the floor, 2 wide (overlay)"),
        P("wall_shelf", 1, 1, h_wall_shelf, True, what="wall with a small shelf of cassettes and a photo"),
        P("wall_top", 1, 1, h_wall_top, True, what="wall top"),
        P("wall_top_edge", 1, 1, h_wall_top_edge, True, what="wall top edge above a wall face"),
        P("wall", 1, 1, h_wall, True, what="plaster wall face (upper row)"),
        P("wall_base", 1, 1, h_wall_base, True, what="wall face with wainscot (bottom row)"),
        P("cable", 1, 1, h_cable, False, what="loose cable on the floor (overlay)"),
        P("wall_poster", 1, 1, h_wall_poster, True, what="wall with a gig poster"),
        P("wall_pegboard", 1, 1, h_wall_pegboard, True, what="wall with tool pegboard"),
        P("wall_clock", 1, 1, h_wall_clock, True, what="wall with clock"),
        P("window", 2, 1, h_window, True, what="night window, 2 wide (upper row)"),
        P("door", 1, 2, h_door, True, what="shop door, 2 tall (both wall rows)"),
        P("shelf_radios", 1, 2, h_shelf_radios, True, what="shelf of radios, 2 tall"),
        P("shelf_reels", 1, 2, h_shelf_reels, True, what="shelf of reels/tapes/records, 2 tall"),
        P("speaker", 1, 2, h_speaker, [[False], [True]], what="tall speaker, 2 tall"),
        P("floor_lamp", 1, 2, h_floor_lamp, [[False], [True]], what="floor lamp, 2 tall"),
        P("guitar", 1, 2, h_guitar, [[False], [True]], what="guitar on stand, 2 tall"),
        P("lamp_pool", 2, 2, h_lamp_pool, False, what="warm light pool overlay, 2x2"),
        P("counter_l", 1, 1, h_counter_l, True, what="counter, left end"),
        P("counter_m", 1, 1, h_counter_m, True, what="counter, middle"),
        P("register", 1, 1, h_register, True, what="counter with cash register"),
        P("counter_r", 1, 1, h_counter_r, True, what="counter, right end"),
        P("turntable", 1, 1, h_turntable, True, frames=[160, 160, 160], what="counter with spinning turntable"),
        P("amp", 1, 1, h_amp, True, what="guitar amp"),
        P("bench", 3, 1, h_bench, True, what="repair workbench, 3 wide"),
        P("radio_table", 1, 1, h_radio_table, True, frames=[900, 700], what="valve radio on side table, dial glows"),
        P("record_crate", 1, 1, h_record_crate, True, what="crate of records"),
        P("stool", 1, 1, h_stool, True, what="stool"),
        P("plant", 1, 1, h_plant, True, what="potted plant"),
        P("boxes", 1, 1, h_boxes, True, what="cardboard boxes"),
        P("tape_deck", 1, 1, h_tape_deck, True, frames=[220, 220, 220], what="reel-to-reel deck, reels turn"),
        P("keyboard", 2, 1, h_keyboard, True, what="keyboard under a grey sheet, 2 wide"),
        P("dori_dock", 1, 1, h_dori_dock, False, what="Dori's charging dock: cushion, cables, a tiny lit list"),
        P("lathe", 2, 1, h_lathe, True, what="record-cutting lathe under a tarp, 2 wide"),
        P("camp_bed", 1, 2, h_camp_bed, True, what="camp bed with a blanket and a cardigan, 2 tall"),
    ]
    layout = [
        ["floor", "floor_b", "floor_shadow", "doormat", "rug.0,0", "rug.1,0", "rug.2,0", "cable"],
        ["wall_top", "wall_top_edge", "wall", "wall_base", "rug.0,1", "rug.1,1", "rug.2,1", "wall_shelf"],
        ["wall_poster", "wall_pegboard", "wall_clock", "window.0,0", "rug.0,2", "rug.1,2", "rug.2,2", "window.1,0"],
        ["door.0,0", "shelf_radios.0,0", "shelf_reels.0,0", "speaker.0,0", "floor_lamp.0,0", "guitar.0,0", "lamp_pool.0,0", "lamp_pool.1,0"],
        ["door.0,1", "shelf_radios.0,1", "shelf_reels.0,1", "speaker.0,1", "floor_lamp.0,1", "guitar.0,1", "lamp_pool.0,1", "lamp_pool.1,1"],
        ["counter_l", "counter_m", "register", "counter_r", "turntable", "turntable@1", "turntable@2", "amp"],
        ["bench.0,0", "bench.1,0", "bench.2,0", "radio_table", "radio_table@1", "record_crate", "stool", "plant"],
        ["boxes", "tape_deck", "tape_deck@1", "tape_deck@2", "keyboard.0,0", "keyboard.1,0", "window_spill.0,0", "window_spill.1,0"],
        ["dori_dock", "lathe.0,0", "lathe.1,0", "camp_bed.0,0", None, None, None, None],
        [None, None, None, "camp_bed.0,1", None, None, None, None],
    ]
    return Tileset("shop", {p.name: p for p in pieces}, layout)
