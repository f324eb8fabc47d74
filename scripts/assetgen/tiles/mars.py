"""The Mars habitat tileset: its pieces and sheet layout.
"""

from __future__ import annotations

from .mars_props import m_bunk, m_chair, m_console, m_crate, m_hydro, m_locker, m_planter, m_rocks, m_suit, m_table, m_tanks, m_terminal
from .mars_room import (
    m_airlock,
    m_floor,
    m_floor_b,
    m_floor_cable,
    m_floor_grate,
    m_floor_hazard,
    m_floor_shadow,
    m_hatch,
    m_lamp_pool,
    m_screen_spill,
    m_wall,
    m_wall_base,
    m_wall_light,
    m_wall_photo,
    m_wall_pipes,
    m_wall_sign,
    m_wall_top,
    m_wall_top_edge,
    m_wall_vent,
    m_window,
)
from .tileset import Piece, Tileset


def mars() -> Tileset:
    P = Piece
    pieces = [
        P("floor", 1, 1, m_floor, what="metal floor panel"),
        P("floor_b", 1, 1, m_floor_b, what="tread-plate floor panel"),
        P("floor_grate", 1, 1, m_floor_grate, what="floor grate"),
        P("floor_hazard", 1, 1, m_floor_hazard, what="hazard-striped floor"),
        P("floor_cable", 1, 1, m_floor_cable, what="floor with cable run (horizontal)"),
        P("floor_shadow", 1, 1, m_floor_shadow, what="floor at the foot of a wall"),
        P("hatch", 1, 1, m_hatch, what="floor hatch (walkable; put a hotspot on it)"),
        P("screen_spill", 1, 1, m_screen_spill, what="cyan screen light on the floor (overlay)"),
        P("wall_top", 1, 1, m_wall_top, True, what="wall top"),
        P("wall_top_edge", 1, 1, m_wall_top_edge, True, what="wall top edge above a wall face"),
        P("wall", 1, 1, m_wall, True, what="padded wall face (upper row)"),
        P("wall_base", 1, 1, m_wall_base, True, what="wall face with kick plate (bottom row)"),
        P("wall_pipes", 1, 1, m_wall_pipes, True, what="wall with pipes (upper row)"),
        P("wall_light", 1, 1, m_wall_light, True, what="wall with warm light strip (upper row)"),
        P("wall_vent", 1, 1, m_wall_vent, True, what="wall vent"),
        P("wall_sign", 1, 1, m_wall_sign, True, what="wall label screen and warning sign"),
        P("window", 2, 2, m_window, True, what="the one window: a round porthole onto the desert, 2x2 (both wall rows)"),
        P("airlock", 2, 2, m_airlock, True, what="airlock door, 2x2 (both wall rows)"),
        P("console", 2, 2, m_console, True, frames=[500, 500, 500], what="comms console, 2x2, lights blink"),
        P("locker", 1, 2, m_locker, True, what="lockers, 2 tall"),
        P("hydro", 1, 2, m_hydro, True, what="hydroponics rack, 2 tall"),
        P("terminal", 1, 1, m_terminal, False, frames=[700, 500], what="wall terminal overlay, blinks"),
        P("bunk", 1, 2, m_bunk, True, what="bunk, 2 tall (head at top)"),
        P("suit", 1, 2, m_suit, [[False], [True]], what="EVA suit on rack, 2 tall"),
        P("crate", 1, 1, m_crate, True, what="supply crate"),
        P("chair", 1, 1, m_chair, True, what="chair"),
        P("table", 1, 1, m_table, True, what="table with mug and tablet"),
        P("tanks", 1, 1, m_tanks, True, what="gas tanks"),
        P("lamp_pool", 2, 2, m_lamp_pool, False, what="warm light pool overlay, 2x2"),
        P("planter", 1, 1, m_planter, True, what="floor planter"),
        P("rocks", 1, 1, m_rocks, True, what="rock sample stand"),
        P("wall_photo", 1, 1, m_wall_photo, True, what="wall with a photo from home"),
    ]
    layout = [
        ["floor", "floor_b", "floor_grate", "floor_hazard", "floor_cable", "floor_shadow", "hatch", "screen_spill"],
        ["wall_top", "wall_top_edge", "wall", "wall_base", "wall_pipes", "wall_light", "wall_vent", "wall_sign"],
        ["window.0,0", "window.1,0", "airlock.0,0", "airlock.1,0", "console.0,0", "console.1,0", "locker.0,0", "hydro.0,0"],
        ["window.0,1", "window.1,1", "airlock.0,1", "airlock.1,1", "console.0,1", "console.1,1", "locker.0,1", "hydro.0,1"],
        ["console.1,1@1", "console.1,1@2", "terminal", "terminal@1", "wall_photo", "rocks", "bunk.0,0", "suit.0,0"],
        ["crate", "chair", "table", "tanks", "lamp_pool.0,0", "lamp_pool.1,0", "bunk.0,1", "suit.0,1"],
        ["planter", None, None, None, "lamp_pool.0,1", "lamp_pool.1,1", None, None],
    ]
    return Tileset("mars", {p.name: p for p in pieces}, layout)
