"""What ``starlight maps`` says about a map file: a JSON-ready summary and its text form."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from .tiled import MapFormatError, TiledMap, load_map


def summarise(path: Path, render: Path | None = None, root: Path | None = None) -> dict[str, Any]:
    """Load ``path`` and describe it; with ``render``, also draw it into that PNG (orthogonal maps).

    With ``root`` (the story folder the map belongs to) everything the map names
    must stay inside it.  Never raises for a bad map: ``loaded`` is False and
    ``problems`` says why.
    """
    summary: dict[str, Any] = {
        "file": str(path), "ok": False, "loaded": False, "orientation": None, "width": None, "height": None,
        "tile_width": None, "tile_height": None, "infinite": None, "layers": [], "tilesets": [], "objects": 0,
        "hotspots": [], "blocked_tiles": 0, "animated_tiles": 0, "problems": [], "render": None,
    }
    try:
        tmap = load_map(path, root=root)
    except MapFormatError as exc:
        summary["problems"] = [str(exc)]
        return summary
    summary.update(_describe(tmap))
    if render is not None:
        from .render import RenderError, render_png

        try:
            width, height = render_png(tmap, render)
            summary["render"] = {"file": str(render), "width": width, "height": height}
        except RenderError as exc:
            summary["render_error"] = str(exc)
    return summary


def _describe(tmap: TiledMap) -> dict[str, Any]:
    return {
        "loaded": True,
        "ok": not tmap.problems,
        "orientation": tmap.orientation,
        "width": tmap.width,
        "height": tmap.height,
        "tile_width": tmap.tile_width,
        "tile_height": tmap.tile_height,
        "infinite": tmap.infinite,
        "origin": list(tmap.origin),
        "layers": [{"name": layer.name, "kind": layer.kind, "visible": layer.visible} for layer in tmap.layers],
        "tilesets": [{"name": ts.name, "firstgid": ts.firstgid, "source": ts.source, "image": ts.image,
                      "tiles": ts.tilecount} for ts in tmap.tilesets],
        "objects": len(tmap.objects),
        "hotspots": [{"name": obj.name, "action": obj.action, "target": str(obj.properties.get(obj.action or "")),
                      "trigger": obj.trigger, "if": obj.properties.get("if"), "line": obj.line}
                     for obj in tmap.hotspots],
        "blocked_tiles": sum(row.count(1) for row in tmap.collision),
        "animated_tiles": len(tmap.animations),
        "problems": [str(problem) for problem in tmap.problems],
    }


def as_text(summary: dict[str, Any]) -> str:
    """The summary as a few indented lines."""
    verdict = "ok" if summary["ok"] else "loaded with problems" if summary["loaded"] else "FAILED"
    out = [f"{summary['file']}: {verdict}"]
    if summary["loaded"]:
        tw, th = summary["tile_width"], summary["tile_height"]
        size = (f"  {summary['orientation']}, {summary['width']} x {summary['height']} tiles of {tw} x {th} px "
                f"({summary['width'] * tw} x {summary['height'] * th} px)")
        if summary["infinite"]:
            size += f", infinite (Tiled's tile {tuple(summary['origin'])} is our (0, 0))"
        out.append(size)
        layers = ", ".join(f"{layer['name'] or '(unnamed)'} [{layer['kind']}{'' if layer['visible'] else ', hidden'}]"
                           for layer in summary["layers"])
        out.append(f"  layers ({len(summary['layers'])}): {layers or 'none'}")
        tilesets = ", ".join(f"{ts['name'] or '(unnamed)'} (firstgid {ts['firstgid']}, {ts['tiles']} tiles"
                             + (f", {ts['source']}" if ts["source"] else "")
                             + (f", image {ts['image']}" if ts["image"] else ", image collection") + ")"
                             for ts in summary["tilesets"])
        out.append(f"  tilesets ({len(summary['tilesets'])}): {tilesets or 'none'}")
        hotspots = "; ".join(f"{h['name'] or '(unnamed)'} ({h['action']} {h['target']}, {h['trigger']}, "
                             f"line {h['line']})" for h in summary["hotspots"])
        out.append(f"  objects: {summary['objects']}; hotspots: {len(summary['hotspots'])}"
                   + (f": {hotspots}" if hotspots else ""))
        out.append(f"  collision: {summary['blocked_tiles']} blocked tiles; animated tiles: "
                   f"{summary['animated_tiles']}")
    for problem in summary["problems"]:
        out.append(f"  problem: {problem}")
    if summary.get("render"):
        render = summary["render"]
        out.append(f"  drawn: {render['file']} ({render['width']} x {render['height']} px)")
    elif summary.get("render_error"):
        out.append(f"  {summary['render_error']}")
    return "\n".join(out)
