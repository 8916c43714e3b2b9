#!/usr/bin/env python3
"""Writes the Teams app icons with the standard library only (zlib + struct PNG encoder).

color.png   192x192, opaque accent background with a white speech bubble.
outline.png 32x32, transparent background, white outline of the same bubble (Teams requirement).
"""
import os
import struct
import zlib

HERE = os.path.dirname(os.path.abspath(__file__))
ACCENT = (0x44, 0x64, 0xEE, 255)
WHITE = (255, 255, 255, 255)
CLEAR = (0, 0, 0, 0)


def write_png(path, width, height, pixel):
    rows = b"".join(b"\x00" + b"".join(bytes(pixel(x, y)) for x in range(width)) for y in range(height))

    def chunk(kind, data):
        body = kind + data
        return struct.pack(">I", len(data)) + body + struct.pack(">I", zlib.crc32(body) & 0xFFFFFFFF)

    header = struct.pack(">IIBBBBB", width, height, 8, 6, 0, 0, 0)  # 8-bit RGBA
    with open(path, "wb") as f:
        f.write(b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(rows, 9)) + chunk(b"IEND", b""))


def in_bubble(x, y, size):
    """A rounded rectangle with a tail at the lower left, scaled to the icon size."""
    s = size / 32.0
    left, top, right, bottom, radius = 4 * s, 5 * s, 28 * s, 22 * s, 4 * s
    cx = min(max(x, left + radius), right - radius)
    cy = min(max(y, top + radius), bottom - radius)
    body = (x - cx) ** 2 + (y - cy) ** 2 <= radius ** 2 and left <= x <= right and top <= y <= bottom
    tail = bottom <= y <= 28 * s and 8 * s <= x <= 8 * s + (28 * s - y)
    return body or tail


def color_pixel(x, y):
    return WHITE if in_bubble(x * 32 / 192 + 0.1, y * 32 / 192 + 0.1, 32) else ACCENT


def outline_pixel(x, y):
    inside = in_bubble(x + 0.5, y + 0.5, 32)
    edge = inside and not all(in_bubble(x + 0.5 + dx, y + 0.5 + dy, 32) for dx, dy in ((-1, 0), (1, 0), (0, -1), (0, 1)))
    return WHITE if edge else CLEAR


if __name__ == "__main__":
    write_png(os.path.join(HERE, "color.png"), 192, 192, color_pixel)
    write_png(os.path.join(HERE, "outline.png"), 32, 32, outline_pixel)
