"""packaging/make_icons.py: every icon a platform needs, rendered from the one SVG by Qt, in the
right size, with real content, in files that read back as what they claim to be."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from helpers.system_tools import require_tool
from PySide6.QtGui import QImage, QImageReader

APP_ID = "io.leaddesk.LeadDesk"
REPO = Path(__file__).resolve().parents[2]
SCRIPT = REPO / "packaging" / "make_icons.py"
SVG = REPO / "resources" / "icons" / "leaddesk.svg"
HICOLOR_SIZES = (16, 22, 24, 32, 48, 64, 128, 256, 512)


@pytest.fixture(scope="module")
def icons(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The script's output, as packaging/build.sh runs it (a process of its own)."""
    output = tmp_path_factory.mktemp("icons")
    done = subprocess.run(
        [sys.executable, str(SCRIPT), str(output)],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    return output


def alpha_values(image: QImage) -> bytes:
    """The alpha byte of every pixel."""
    argb = image.convertToFormat(QImage.Format.Format_ARGB32)
    return bytes(argb.constBits())[3::4]  # B, G, R, A in memory on little-endian machines


def read_all(path: Path) -> list[QImage]:
    """Every image in a multi-image file, as Qt reads it."""
    reader = QImageReader(str(path))
    images = []
    for index in range(reader.imageCount()):
        assert reader.jumpToImage(index)
        image = reader.read()
        assert not image.isNull(), f"{path.name} image {index}: {reader.errorString()}"
        images.append(image)
    return images


@pytest.mark.parametrize("size", HICOLOR_SIZES)
def test_hicolor_png_has_its_size_and_the_icon_in_it(icons: Path, qapp: object, size: int) -> None:
    path = icons / "hicolor" / f"{size}x{size}" / "apps" / f"{APP_ID}.png"
    image = QImage(str(path))
    assert (image.width(), image.height()) == (size, size)
    alpha = alpha_values(image)
    assert alpha.count(255) > 0.6 * len(alpha)  # the rounded square fills most of it
    assert alpha[0] < 255  # its rounded corner leaves the corner pixel see-through
    centre = image.pixelColor(size // 2, size // 4)
    assert (centre.red(), centre.green(), centre.blue()) == (0x2D, 0x5B, 0x88)  # the SVG's blue


def test_scalable_icon_is_the_svg_itself(icons: Path) -> None:
    scalable = icons / "hicolor" / "scalable" / "apps" / f"{APP_ID}.svg"
    assert scalable.read_bytes() == SVG.read_bytes()


def test_ico_holds_every_windows_size(icons: Path, qapp: object) -> None:
    ico = icons / "leaddesk.ico"
    images = read_all(ico)
    assert [image.width() for image in images] == [16, 24, 32, 48, 64, 128, 256]
    assert all(image.width() == image.height() for image in images)
    assert all(alpha_values(image).count(255) > 0.6 * image.width() ** 2 for image in images)
    described = subprocess.run(
        [require_tool("file"), "-b", str(ico)], capture_output=True, text=True, check=True
    ).stdout
    assert described.startswith("MS Windows icon resource - 7 icons"), described


def test_icns_holds_every_macos_size(icons: Path, qapp: object) -> None:
    icns = icons / "leaddesk.icns"
    images = read_all(icns)
    assert sorted({image.width() for image in images}) == [16, 32, 64, 128, 256, 512, 1024]
    assert all(alpha_values(image).count(255) > 0.6 * image.width() ** 2 for image in images)
    described = subprocess.run(
        [require_tool("file"), "-b", str(icns)], capture_output=True, text=True, check=True
    ).stdout
    assert described.startswith("Mac OS X icon"), described


def test_a_broken_svg_is_one_clear_line(tmp_path: Path) -> None:
    broken = tmp_path / "broken.svg"
    broken.write_text("<svg")
    done = subprocess.run(
        [sys.executable, str(SCRIPT), str(tmp_path / "out"), "--svg", str(broken)],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert done.returncode == 2
    assert done.stderr.strip().splitlines()[-1] == f"make_icons: {broken} is not a valid SVG icon."
