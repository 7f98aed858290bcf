"""Render the app icon from reconnect.svg into PNG, ICO and ICNS files.

Why this exists: reconnect.svg is the one hand-edited source of the icon. Linux
desktops, the window and the tray use reconnect-<size>.png, PyInstaller on Windows
wants reconnect.ico and the macOS bundle wants reconnect.icns. Both container
formats may hold plain PNG data, so this script writes them itself with ``struct``:
no Pillow, no iconutil, nothing beyond PySide6 (already a dependency), and it runs
the same on every OS. Re-run it after editing the SVG and commit the outputs:

    python resources/icons/build_icons.py

At 16 and 24 px the SVG group ``fine-detail`` (the heart) is left out: at that
size it is a blur inside the ring.
"""

from __future__ import annotations

import os
import struct
import xml.etree.ElementTree as ET
from pathlib import Path

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QRectF, Qt
from PySide6.QtGui import QGuiApplication, QImage, QPainter
from PySide6.QtSvg import QSvgRenderer

HERE = Path(__file__).resolve().parent
SOURCE = HERE / "reconnect.svg"
SVG_NS = "http://www.w3.org/2000/svg"
FINE_DETAIL_ID = "fine-detail"
SMALL = 24  # sizes up to this one are drawn without the fine detail

PNG_SIZES = (16, 22, 24, 32, 48, 64, 96, 128, 256, 512)  # the hicolor theme's sizes
ICO_SIZES = (16, 24, 32, 48, 64, 128, 256)
# PNG-based ICNS types (big-endian container). ic11-ic14 are the Retina (@2x)
# slots; they reuse the same pixels, so Finder never has to upscale.
ICNS_TYPES = (
    (b"icp4", 16),
    (b"icp5", 32),
    (b"icp6", 64),
    (b"ic07", 128),
    (b"ic08", 256),
    (b"ic09", 512),
    (b"ic10", 1024),  # 512@2x
    (b"ic11", 32),  # 16@2x
    (b"ic12", 64),  # 32@2x
    (b"ic13", 256),  # 128@2x
    (b"ic14", 512),  # 256@2x
)


def svg_without_fine_detail(svg: bytes) -> bytes:
    """The SVG with the ``fine-detail`` group removed."""
    ET.register_namespace("", SVG_NS)
    root = ET.fromstring(svg)
    for parent in root.iter():
        for child in list(parent):
            if child.get("id") == FINE_DETAIL_ID:
                parent.remove(child)
    return ET.tostring(root)


def render(renderer: QSvgRenderer, size: int) -> bytes:
    """Draw the SVG into a transparent size x size image and return it as PNG bytes."""
    image = QImage(size, size, QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
    renderer.render(painter, QRectF(0, 0, size, size))
    painter.end()

    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    if not image.save(buffer, "PNG"):
        raise RuntimeError(f"could not encode the {size} px PNG")
    buffer.close()
    return bytes(data.data())


def ico_bytes(pngs: dict[int, bytes]) -> bytes:
    """A Windows .ico whose entries are PNG images (little-endian; 256 is stored as 0)."""
    header = struct.pack("<HHH", 0, 1, len(ICO_SIZES))
    offset = len(header) + 16 * len(ICO_SIZES)
    entries, images = b"", b""
    for size in ICO_SIZES:
        png = pngs[size]
        side = size % 256
        entries += struct.pack("<BBBBHHII", side, side, 0, 0, 1, 32, len(png), offset)
        images += png
        offset += len(png)
    return header + entries + images


def icns_bytes(pngs: dict[int, bytes]) -> bytes:
    """A macOS .icns: 'icns' + total length, then (type, length incl. 8-byte header, PNG)."""
    body = b"".join(
        kind + struct.pack(">I", 8 + len(pngs[size])) + pngs[size] for kind, size in ICNS_TYPES
    )
    return b"icns" + struct.pack(">I", 8 + len(body)) + body


def main() -> None:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    _app = QGuiApplication.instance() or QGuiApplication([])  # QPainter needs one alive

    svg = SOURCE.read_bytes()
    full = QSvgRenderer(QByteArray(svg))
    simple = QSvgRenderer(QByteArray(svg_without_fine_detail(svg)))
    if not (full.isValid() and simple.isValid()):
        raise SystemExit(f"{SOURCE} is not a valid SVG for QtSvg")

    sizes = sorted({*PNG_SIZES, *ICO_SIZES, *(size for _, size in ICNS_TYPES)})
    pngs = {size: render(simple if size <= SMALL else full, size) for size in sizes}

    outputs = {HERE / f"reconnect-{size}.png": pngs[size] for size in PNG_SIZES}
    outputs[HERE / "reconnect.ico"] = ico_bytes(pngs)
    outputs[HERE / "reconnect.icns"] = icns_bytes(pngs)
    for path, data in outputs.items():
        path.write_bytes(data)
        print(f"wrote {path.name} ({len(data):,} bytes)")


if __name__ == "__main__":
    main()
