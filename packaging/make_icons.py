"""Render LeadDesk's app icon, from the one SVG in resources/, into every size and format a
platform wants: the freedesktop hicolor theme (PNG 16–512 px and the scalable SVG), a multi-size
Windows .ico and a macOS .icns.

Generated at build time, never committed: the SVG is the single source, so a changed logo cannot
leave a stale PNG behind. Qt only (the toolkit the app already ships): QSvgRenderer paints each size
with antialiasing, Qt's image writers encode every picture. Qt's ico and icns writers put one image
in a file, so the multi-size containers (a 22-byte-per-entry directory, a list of tagged chunks)
are assembled here around payloads that Qt encoded.

    python packaging/make_icons.py OUTPUT_FOLDER [--svg PATH]
"""

from __future__ import annotations

import argparse
import os
import shutil
import struct
import sys
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QRectF, Qt
from PySide6.QtGui import QGuiApplication, QImage, QImageWriter, QPainter
from PySide6.QtSvg import QSvgRenderer

APP_ID = "io.leaddesk.LeadDesk"
SOURCE_SVG = Path(__file__).resolve().parent.parent / "resources" / "icons" / "leaddesk.svg"
HICOLOR_SIZES = (16, 22, 24, 32, 48, 64, 128, 256, 512)
ICO_SIZES = (16, 24, 32, 48, 64, 128, 256)
# Apple's icon types with their pixel size; the ic11–ic14 entries are the @2x (Retina) variants.
ICNS_TYPES = (
    (b"icp4", 16),
    (b"icp5", 32),
    (b"icp6", 64),
    (b"ic07", 128),
    (b"ic08", 256),
    (b"ic09", 512),
    (b"ic10", 1024),
    (b"ic11", 32),
    (b"ic12", 64),
    (b"ic13", 256),
    (b"ic14", 512),
)


class IconError(Exception):
    """The icon could not be rendered or written (message says which file)."""


def render(renderer: QSvgRenderer, size: int) -> QImage:
    """The SVG painted into a transparent size×size image, antialiased."""
    image = QImage(size, size, QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
    renderer.render(painter, QRectF(0, 0, size, size))
    painter.end()
    return image.convertToFormat(QImage.Format.Format_ARGB32)


def encode(image: QImage, image_format: bytes) -> bytes:
    """`image` encoded by Qt's writer for `image_format` (png, ico, ...)."""
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    writer = QImageWriter(buffer, QByteArray(image_format))
    if not writer.write(image):
        kind = image_format.decode()
        raise IconError(f"Qt could not encode a {kind} image: {writer.errorString()}")
    buffer.close()
    return bytes(data.data())


def ico_bytes(images: dict[int, QImage]) -> bytes:
    """A Windows icon holding every size: classic 32-bit BMP entries (as Qt's ico writer makes
    them) below 256 px, a PNG entry at 256 px as Windows Vista and later expect."""
    payloads: list[tuple[int, bytes]] = []
    for size, image in sorted(images.items()):
        if size >= 256:
            payloads.append((size, encode(image, b"png")))
        else:
            single = encode(image, b"ico")  # ICONDIR (6 bytes) + one ICONDIRENTRY (16) + data
            payloads.append((size, single[22:]))
    header = struct.pack("<HHH", 0, 1, len(payloads))
    offset = len(header) + 16 * len(payloads)
    directory = b""
    data = b""
    for size, payload in payloads:
        side = size % 256  # 0 means 256 in an ICONDIRENTRY
        directory += struct.pack("<BBBBHHII", side, side, 0, 0, 1, 32, len(payload), offset)
        offset += len(payload)
        data += payload
    return header + directory + data


def icns_bytes(images: dict[int, QImage]) -> bytes:
    """A macOS icon family: one PNG chunk per icon type.

    No table of contents: it is optional (macOS reads the chunks either way) and Qt's icns reader
    warns about the one Qt's own writer makes, so a file with one would fail Qt-warning-strict
    checks for nothing."""
    chunks = [(kind, encode(images[size], b"png")) for kind, size in ICNS_TYPES]
    body = b"".join(kind + struct.pack(">I", 8 + len(data)) + data for kind, data in chunks)
    return b"icns" + struct.pack(">I", 8 + len(body)) + body


def make_icons(svg: Path, output: Path) -> list[Path]:
    """Write every icon into `output`; return the files written."""
    if not svg.is_file():
        raise IconError(f"{svg} does not exist.")
    renderer = QSvgRenderer(str(svg))
    if not renderer.isValid():
        raise IconError(f"{svg} is not a valid SVG icon.")
    sizes = sorted({*HICOLOR_SIZES, *ICO_SIZES, *(size for _, size in ICNS_TYPES)})
    images = {size: render(renderer, size) for size in sizes}
    written: list[Path] = []
    for size in HICOLOR_SIZES:
        target = output / "hicolor" / f"{size}x{size}" / "apps" / f"{APP_ID}.png"
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(encode(images[size], b"png"))
        written.append(target)
    scalable = output / "hicolor" / "scalable" / "apps" / f"{APP_ID}.svg"
    scalable.parent.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(svg, scalable)
    written.append(scalable)
    ico = output / "leaddesk.ico"
    ico.write_bytes(ico_bytes({size: images[size] for size in ICO_SIZES}))
    icns = output / "leaddesk.icns"
    icns.write_bytes(icns_bytes(images))
    written += [ico, icns]
    return written


def main(argv: list[str] | None = None) -> int:
    """Command line: the output folder, optionally another SVG."""
    parser = argparse.ArgumentParser(description="Render LeadDesk's app icons from its SVG.")
    parser.add_argument("output", type=Path, help="folder to write hicolor/, leaddesk.ico, .icns")
    parser.add_argument("--svg", type=Path, default=SOURCE_SVG, help="the source icon (SVG)")
    args = parser.parse_args(argv)
    app = QGuiApplication.instance() or QGuiApplication(sys.argv[:1])
    try:
        args.output.mkdir(parents=True, exist_ok=True)
        written = make_icons(args.svg, args.output)
    except (IconError, OSError) as error:
        print(f"make_icons: {error}", file=sys.stderr)
        return 2
    finally:
        del app
    print(f"make_icons: {len(written)} files written to {args.output}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
