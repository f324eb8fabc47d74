"""Tile layer data: CSV, Base64 (plain, zlib, gzip or zstd) or XML ``<tile>`` elements, as raw gids.

``decode`` is told how many gids to expect before it starts, and never makes
more than that: decompression stops one byte past the expected size, and a
CSV text is counted before any number in it is converted.
"""

from __future__ import annotations

import base64
import binascii
import io
import sys
import zlib
from array import array
from typing import Any

from .document import Node
from .errors import MapFormatError
from .values import fail

ZSTD_HELP = ("the tile data is zstd-compressed, which this game cannot read; in Tiled set "
             "Map Properties > Tile Layer Format to CSV or Base64 (zlib)")


def decode(data: Node, encoding: str | None, compression: str | None, count: int, what: str) -> array[int]:
    """The ``count`` raw gids of a ``<data>`` or ``<chunk>`` node."""
    if encoding is None:
        gids = data.gids if data.gids is not None else array("I")
    elif encoding == "csv":
        gids = _csv(data, count, what)
    elif encoding == "base64":
        try:
            raw = base64.b64decode("".join(data.text.split()), validate=True)
        except (binascii.Error, ValueError):
            raise fail(data, f"{what}: the base64 tile data is damaged") from None
        raw = _decompress(raw, compression, count * 4, data, what)
        if len(raw) % 4:
            raise fail(data, f"{what}: the tile data is not a whole number of gids")
        gids = array("I")
        gids.frombytes(raw)
        if sys.byteorder == "big":
            gids.byteswap()
    else:
        raise fail(data, f"{what}: unknown tile data encoding {encoding[:20]!r} (use CSV or Base64)")
    if len(gids) != count:
        raise fail(data, f"{what}: {len(gids):,} tiles where {count:,} were expected")
    return gids


def _csv(data: Node, count: int, what: str) -> array[int]:
    text = data.text.strip()
    if not text:
        return array("I")
    found = text.count(",") + 1
    if found != count:
        raise fail(data, f"{what}: {found:,} tiles where {count:,} were expected")
    try:
        return array("I", map(int, text.split(",")))
    except (ValueError, OverflowError):
        raise fail(data, f"{what}: the CSV tile data holds something other than gids (whole numbers "
                         "from 0 to 4294967295)") from None


def _decompress(raw: bytes, compression: str | None, limit: int, data: Node, what: str) -> bytes:
    if not compression:
        return raw
    try:
        if compression in ("zlib", "gzip"):
            inflate = zlib.decompressobj(zlib.MAX_WBITS | (16 if compression == "gzip" else 0))
            out = inflate.decompress(raw, limit + 1)
            if len(out) > limit or inflate.unconsumed_tail:
                raise fail(data, f"{what}: more tile data than the layer holds")
            return out
        if compression == "zstd":
            return _zstd(raw, limit, data, what)
    except zlib.error as exc:
        raise fail(data, f"{what}: the {compression} tile data is damaged ({exc})") from None
    raise fail(data, f"{what}: unknown tile data compression {compression[:20]!r} (use zlib or gzip)")


def _zstd(raw: bytes, limit: int, data: Node, what: str) -> bytes:
    """zstd through Python 3.14's ``compression.zstd`` or the ``zstandard`` package, never past ``limit`` + 1."""
    module: Any
    try:
        from compression import zstd as module  # type: ignore[import-not-found,no-redef,unused-ignore]
    except ImportError:
        module = None
    try:
        if module is not None:
            out = bytes(module.ZstdDecompressor().decompress(raw, max_length=limit + 1))
        else:
            try:
                import zstandard  # type: ignore[import-not-found,unused-ignore]
            except ImportError:
                raise fail(data, f"{what}: {ZSTD_HELP}") from None
            out = zstandard.ZstdDecompressor().stream_reader(io.BytesIO(raw)).read(limit + 1)
    except MapFormatError:
        raise
    except Exception as exc:  # noqa: BLE001 - both zstd modules raise their own error classes
        raise fail(data, f"{what}: the zstd tile data is damaged ({type(exc).__name__})") from None
    if len(out) > limit:
        raise fail(data, f"{what}: more tile data than the layer holds")
    return bytes(out)
