#!/usr/bin/env python3
"""Draws the app icons into public/icons/ (pure standard library: zlib + struct).

A teal rounded square (#2f5d62) with a light three-step staircase (#f7f5f2). The maskable icon fills the whole
square and keeps the steps inside the 80 % safe zone; the "any" icons have transparent rounded corners.
Run it again after changing the drawing; the PNGs are committed.

    python3 scripts/make-icons.py
"""

import struct
import zlib
from pathlib import Path

TEAL = (0x2F, 0x5D, 0x62)
LIGHT = (0xF7, 0xF5, 0xF2)
OUT = Path(__file__).resolve().parent.parent / "public" / "icons"
SAMPLES = 4  # per axis: 16 samples per pixel for smooth edges


def inside_rounded(x, y, size, radius):
    """Is (x, y) inside a size×size square whose corners are rounded by radius?"""
    cx = min(max(x, radius), size - radius)
    cy = min(max(y, radius), size - radius)
    return (x - cx) ** 2 + (y - cy) ** 2 <= radius * radius


def steps(size, inset):
    """A staircase of three rising steps, as (x0, y0, x1, y1) rectangles, inside a box inset from each edge."""
    box = size - 2 * inset
    left, bottom = inset + box * 0.16, inset + box * 0.80
    width, rise = box * 0.68 / 3, box * 0.18
    rects = []
    for i in range(3):
        x0 = left + i * width
        rects.append((x0, bottom - rise * (i + 1), x0 + width, bottom))
    return rects


def draw(size, maskable):
    radius = 0 if maskable else size * 0.22
    # Maskable icons may be cut to a circle of 80 % of the size: keep the motif well inside.
    rects = steps(size, size * (0.16 if maskable else 0.06))
    rows = []
    for py in range(size):
        row = bytearray()
        for px in range(size):
            bg = light = 0
            for sy in range(SAMPLES):
                for sx in range(SAMPLES):
                    x = px + (sx + 0.5) / SAMPLES
                    y = py + (sy + 0.5) / SAMPLES
                    if radius == 0 or inside_rounded(x, y, size, radius):
                        bg += 1
                        if any(x0 <= x < x1 and y0 <= y < y1 for x0, y0, x1, y1 in rects):
                            light += 1
            n = SAMPLES * SAMPLES
            if bg == 0:
                row += bytes(4)
                continue
            t = light / bg
            rgb = [round(TEAL[c] * (1 - t) + LIGHT[c] * t) for c in range(3)]
            row += bytes(rgb + [round(255 * bg / n)])
        rows.append(bytes(row))
    return png(size, size, filtered(rows))


def filtered(rows, bpp=4):
    """PNG scanlines with filter bytes: of a few whole-image filter choices, the one that compresses best."""

    def sub(row, _previous):
        return bytes((row[i] - (row[i - bpp] if i >= bpp else 0)) & 0xFF for i in range(len(row)))

    def up(row, previous):
        return bytes((row[i] - previous[i]) & 0xFF for i in range(len(row)))

    def apply(choose):
        out = bytearray()
        previous = bytes(len(rows[0]))
        for row in rows:
            kind, data = choose(row, previous)
            out.append(kind)
            out += data
            previous = row
        return bytes(out)

    def smallest(row, previous):
        candidates = [(0, row), (1, sub(row, previous)), (2, up(row, previous))]
        return min(candidates, key=lambda c: len(zlib.compress(c[1], 9)))

    strategies = [
        lambda r, p: (0, r),
        lambda r, p: (1, sub(r, p)),
        lambda r, p: (2, up(r, p)),
        smallest,
    ]
    return min((apply(s) for s in strategies), key=lambda raw: len(zlib.compress(raw, 9)))


def png(width, height, raw):
    def chunk(kind, data):
        body = kind + data
        return struct.pack(">I", len(data)) + body + struct.pack(">I", zlib.crc32(body) & 0xFFFFFFFF)

    header = struct.pack(">IIBBBBB", width, height, 8, 6, 0, 0, 0)  # 8-bit RGBA
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(raw, 9)) + chunk(b"IEND", b"")


def main():
    OUT.mkdir(parents=True, exist_ok=True)
    for name, size, maskable in [
        ("icon-192.png", 192, False),
        ("icon-512.png", 512, False),
        ("icon-maskable-512.png", 512, True),
        # iOS draws its own rounded corners and shows transparency as black: use the full square.
        ("apple-touch-icon.png", 180, True),
    ]:
        (OUT / name).write_bytes(draw(size, maskable))
        print(f"wrote {OUT / name}")


if __name__ == "__main__":
    main()
