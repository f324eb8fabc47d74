"""Write the shipped exploration maps (assets/maps/*.tmx) from readable character grids.

    python scripts/make_maps.py

Each map is drawn below as rows of characters, one grid per layer, with a
legend from characters to tile ids of its tileset (scripts/assetgen/tiles.py
makes the tilesets; the .tsx files mark which tiles block).  The result is an
ordinary Tiled map: open it in Tiled to keep editing it by hand (then this
script is no longer needed for that map).  Hotspots are objects with the
story's `goto` / `call` / `if` properties (docs/story-bible.md, "The maps") and
a label in each language, ``label.en`` / ``label.ko``: what the prompt shows.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from xml.sax.saxutils import quoteattr

ROOT = Path(__file__).resolve().parent.parent
MAPS = ROOT / "assets" / "maps"
T = 32


@dataclass
class Obj:
    name: str
    x: float  # tiles
    y: float
    w: float = 1
    h: float = 1
    props: dict[str, str] = field(default_factory=dict)
    label: tuple[str, str] | None = None  # what the map prompt shows: (English, Korean)

    def properties(self) -> dict[str, str]:
        """The object's Tiled properties: the story's, then its label in each language."""
        if self.label is None:
            return dict(self.props)
        en, ko = self.label
        return {**self.props, "label.en": en, "label.ko": ko}


@dataclass
class MapSpec:
    name: str
    tileset: str
    legend: dict[str, int]
    layers: dict[str, list[str]]  # layer name -> rows ('.' = empty)
    objects: list[Obj]
    properties: dict[str, str] = field(default_factory=dict)


SEOUL = {  # tiles of images/tiles/seoul.png (see maps/seoul.tsx)
    "R": 16, "r": 17, "B": 18, "b": 19, "C": 20, "c": 21, "P": 22, "W": 23, "w": 24, "A": 25,
    "D": 26, "S": 27, "1": 28, "2": 29, "3": 30, "d": 31, "4": 32, "5": 33, "6": 34, "N": 40, "n": 41,
    "a": 0, "k": 1, "e": 2, "E": 3, "u": 4, "-": 5, "m": 6, "s": 8, "t": 9, "h": 10, "_": 12, "^": 13,
    "L": 38, "l": 46, "o": 54, "V": 39, "v": 47, "x": 55, "p": 63, "y": 59, "z": 60, "Y": 51, "Z": 52,
    "M": 48, "i": 56, "(": 70, ")": 71,  # 노래방 (a projecting sign, 2 tall); amber and magenta light on the ground
    "G": 72, "H": 73, "I": 74, "J": 75, "K": 76, "O": 77,  # Eunha Sound: brass sign, window (Dori at the glass), door
    "Q": 78, "q": 79, "T": 80, "U": 81,  # a scooter with the cat under it; the KASA hologram
    "F": 86, "f": 94, "X": 87, "j": 95,  # gig posters (2 tall); the phone booth (2 tall)
}
SHOP = {  # images/tiles/shop.png
    "T": 8, "t": 9, "W": 10, "w": 11, "K": 15, "P": 16, "G": 17, "Q": 18, "I": 19, "i": 23,
    "D": 24, "d": 32, "R": 25, "r": 33, "E": 26, "e": 34, "S": 27, "s": 35, "L": 28, "l": 36,
    "a": 0, "b": 1, "h": 2, "m": 3, "1": 4, "2": 5, "3": 6, "4": 12, "5": 13, "6": 14, "7": 20, "8": 21, "9": 22,
    "[": 40, "=": 41, "$": 42, "]": 43, "O": 44, "A": 47, "<": 48, "#": 49, ">": 50, "V": 51, "c": 53,
    "u": 54, "p": 55, "x": 56, "k": 57, "{": 60, "}": 61, "y": 30, "z": 31, "Y": 38, "Z": 39,
    "o": 64, "(": 65, ")": 66, "N": 67, "n": 75,  # Dori's dock; the lathe under its tarp; the camp bed (2 tall)
}
MARS = {  # images/tiles/mars.png
    "T": 8, "t": 9, "W": 10, "w": 11, "P": 12, "S": 13, "v": 14, "g": 15,
    "a": 0, "b": 1, "r": 2, "!": 3, "c": 4, "h": 5, "H": 6, "s": 7,
    "1": 16, "2": 17, "3": 24, "4": 25, "5": 18, "6": 19, "7": 26, "8": 27, "9": 20, "0": 21, "(": 28, ")": 29,
    "L": 22, "l": 30, "G": 23, "B": 38, "q": 46, "m": 34, "k": 40, "C": 41, "=": 42, "n": 43, "p": 48,
    "y": 44, "z": 45, "Y": 52, "Z": 53, "%": 31,
}

ALLEY = MapSpec(  # from the alley's mouth (right) inwards: the lighting wholesaler, the posters beside the
    # KASA hologram over a shuttered noodle shop, the lamp, the basement bar, Eunha Sound, the print
    # shops' shutters, and at the far end the phone booth (scenes/seoul/repair_shop.yaml, "alley")
    "seoul_alley", "seoul.tsx", SEOUL,
    {
        "ground": [
            "RRRRRRRRRRRRRRRRRRRRRRRR",
            "rrrrrrrrrrrrrrrrrrrrrrrr",
            "BXWBBGHIBBBBBTUFBBBBWBWB",
            "bjSSbJKObbDbbSSf123bbPbb",
            "hssstssssshsssstssssssss",
            "ssssssssssssstssssssssss",
            "________________________",
            "aaaeaaakaaaaaeaaaaakaaaa",
            "aauaaaaaaeaaaaakaaauaaaa",
            "aaaaaeaaaaaakaaaaeaaaaaa",
            "aaaakaaaaeaaaaaaaEaaaaaa",
            "eaaaaaaaaaaauaaaaaaaaaae",
            "^^^^^^^^^^^^^^^^^^^^^^^^",
            "sssssssssstsssssssssssss",
            "CCCCCCCCCCCCCCCCCCCCCCCC",
            "RRRRRRRRRRRRRRRRRRRRRRRR",
        ],
        "props": [
            "........................",
            "........................",
            ".........NnLM...........",
            "...........li...........",
            ".....(((.))o.....(((p...",
            "..x........yz.Qq.......p",
            "...........YZ...........",
            "........................",
            "........................",
            "........................",
            "........................",
            "........................",
            "........................",
            "..x......p..........x...",
            "........................",
            "........................",
        ],
        "above": [
            "........................",
            "........................",
            ".................456....",
        ],
    },
    [
        Obj("alley_mouth", 21, 5),
        Obj("shop_door", 7, 3, props={"goto": "repair_shop.door"}, label=("Eunha Sound", "은하음향사")),
        Obj("holo_billboard", 13, 2, 2, 2, props={"call": "opt_alley.billboard"},
        label=("KASA hologram", "KASA 홀로그램 광고")),
        Obj("gig_poster", 15, 2, 1, 2, props={"call": "opt_alley.poster"}, label=("Gig posters", "공연 포스터")),
        Obj("wind_phone", 1, 2, 1, 2, props={"call": "opt_alley.wind_phone", "if": "courage >= 1"},
        label=("Old phone booth", "낡은 공중전화 부스")),
    ],
    {"player": "nanyoung", "title.en": "Euljiro, in the rain", "title.ko": "비 내리는 을지로"},
)

SHOP_MAP = MapSpec(  # Eunha Sound: the counter (Dori's dock at its end), Jay's bench under the only lamp,
    # the lathe under its tarp, and the back room behind a partition (the keyboard under a grey sheet, a
    # camp bed, boxes of valves)
    "jay_shop", "shop.tsx", SHOP,
    {
        "ground": [
            "TTTTTTTTTTTTTTTT",
            "TREKWPWDWQWIiWWT",
            "TrewwwwdwwwwwwwT",
            "TabaaaambaaaaaaT",
            "Taaa[$O]aaa<#>aT",
            "Tabaaaaaaa123aaT",
            "Taaaaaaaaa456aaT",
            "TTTTTTaaaa789aaT",
            "TwwwwTaaaaaaaaaT",
            "Th{}hTaaaaaaaaaT",
            "TaaaaaaaaaaaaaaT",
            "TTTTTTTTTTTTTTTT",
        ],
        "props": [
            "................",
            "................",
            "................",
            "..........S.....",
            "........o.s.yz..",
            "............YZ..",
            ".............().",
            "................",
            ".............u..",
            ".N..x...........",
            ".n........x.....",
            "................",
        ],
    },
    [
        Obj("counter", 6, 6),
        Obj("workbench", 11, 4, 3, 1, props={"goto": "repair_shop.bench"}, label=("Jay's workbench", "제이의 작업대")),
        Obj("record_shelf", 1, 1, 2, 2, props={"call": "opt_shop.records"}, label=("Record shelves", "레코드 선반")),
        Obj("player_case", 6, 4, props={"call": "opt_shop.case"}, label=("Mom's record player", "엄마의 전축")),
        Obj("backroom_keyboard", 2, 9, 2, 1, props={"call": "opt_shop.keyboard", "if": "trust >= 1"},
        label=("Keyboard under a sheet", "천을 덮어 둔 키보드")),
        Obj("dori_dock", 8, 4, props={"call": "opt_shop.dori", "npc": "dori"}, label=("Dori", "도리")),
    ],
    {"player": "nanyoung", "title.en": "Eunha Sound", "title.ko": "은하음향사"},
)

HABITAT = MapSpec(  # Byeol Base: the comms desk, the log terminal, the one window (a porthole), four
    # bunks, the galley table, the greenhouse racks and the hatch to the old module
    "mars_habitat", "mars.tsx", MARS,
    {
        "ground": [
            "TTTTTTTTTTTTTTTTTTTT",
            "tttttttttttttttttttt",
            "W90WWPSW12WWSWLWWWgW",
            "w()wwwww34wwwwlwwwww",
            "Taaaaaaaaaaaaaaaa!!T",
            "Tabaaaaacaaaaaaaa!!T",
            "Taaaaaaacaaaaaaa!!56",
            "Taabaaaacaaaaaaaa!78",
            "Taaaaaaacaaaaaaaa!!T",
            "TaaGGaaaaaaaBBBBaaaT",
            "Taa%%aaaaHaaqqqqaaaT",
            "TTTTTTTTTTTTTTTTTTTT",
            "TTTTTTTTTTTTTTTTTTTT",
        ],
        "props": [
            "....................",
            "....................",
            "......m.............",
            "....................",
            "....................",
            "..........yz........",
            "....C=C...YZ........",
            "....................",
            "...k................",
            "....................",
            "....................",
            "....................",
            "....................",
        ],
    },
    [
        Obj("airlock", 16, 7),
        # sol 1: she starts the walk by the desk (a step from it, so the key that ends the line cannot take
        # her back at once), her first message in flight
        Obj("desk_chair", 3, 5),
        Obj("comms_desk", 1, 2, 2, 2, props={"goto": "mars_arrival.reply"}, label=("Comms desk", "통신 데스크")),
        Obj("log_terminal", 6, 2, 1, 2, props={"call": "opt_habitat.logs"}, label=("Log terminal", "기록 단말기")),
        Obj("old_module", 9, 10, props={"call": "opt_habitat.old_module", "if": "courage >= 2"},
        label=("Hatch to Byeol-1", "별 1호 모듈 해치")),
        Obj("greenhouse", 3, 9, 2, 2, props={"call": "opt_habitat.greenhouse"}, label=("Greenhouse", "온실")),
        Obj("viewport", 8, 2, 2, 2, props={"call": "opt_habitat.viewport"}, label=("Window", "창문")),
    ],
    {"player": "nanyoung", "title.en": "Byeol Base", "title.ko": "별 기지"},
)


def layer_xml(layer_id: int, name: str, rows: list[str], legend: dict[str, int], width: int, height: int) -> str:
    cells = []
    for y in range(height):
        row = rows[y] if y < len(rows) else ""
        for x in range(width):
            ch = row[x] if x < len(row) else "."
            cells.append("0" if ch == "." else str(legend[ch] + 1))
    lines = [",".join(cells[y * width:(y + 1) * width]) for y in range(height)]
    data = ",\n".join(lines)
    return (f' <layer id="{layer_id}" name="{name}" width="{width}" height="{height}">\n'
            f'  <data encoding="csv">\n{data}\n</data>\n </layer>\n')


def object_xml(obj_id: int, obj: Obj) -> str:
    head = (f'  <object id="{obj_id}" name={quoteattr(obj.name)} x="{obj.x * T:g}" y="{obj.y * T:g}" '
            f'width="{obj.w * T:g}" height="{obj.h * T:g}"')
    if not obj.properties():
        return head + "/>\n"
    props = "".join(f"    <property name={quoteattr(k)} value={quoteattr(v)}/>\n" for k, v in obj.properties().items())
    return head + f">\n   <properties>\n{props}   </properties>\n  </object>\n"


def map_xml(spec: MapSpec) -> str:
    rows = next(iter(spec.layers.values()))
    width, height = max(len(r) for r in rows), len(rows)
    props = "".join(f"  <property name={quoteattr(k)} value={quoteattr(v)}/>\n" for k, v in spec.properties.items())
    out = ['<?xml version="1.0" encoding="UTF-8"?>\n',
           f'<map version="1.10" tiledversion="1.10.2" orientation="orthogonal" renderorder="right-down" '
           f'width="{width}" height="{height}" tilewidth="{T}" tileheight="{T}" infinite="0" '
           f'nextlayerid="{len(spec.layers) + 2}" nextobjectid="{len(spec.objects) + 1}">\n',
           f" <properties>\n{props} </properties>\n",
           f' <tileset firstgid="1" source="{spec.tileset}"/>\n']
    for i, (name, grid) in enumerate(spec.layers.items(), start=1):
        out.append(layer_xml(i, name, grid, spec.legend, width, height))
    out.append(f' <objectgroup id="{len(spec.layers) + 1}" name="objects">\n')
    out += [object_xml(i, obj) for i, obj in enumerate(spec.objects, start=1)]
    out.append(" </objectgroup>\n</map>\n")
    return "".join(out)


def main() -> None:
    for spec in (ALLEY, SHOP_MAP, HABITAT):
        path = MAPS / f"{spec.name}.tmx"
        path.write_text(map_xml(spec), encoding="utf-8")
        print(f"wrote {path.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
