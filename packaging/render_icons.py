"""Render the SVG icon to the PNG sizes a desktop wants, and to .ico and .icns, with Qt.

`python packaging/render_icons.py OUT` writes OUT/hicolor/NxN/apps/bellwether.png for each size,
OUT/bellwether.ico (Windows) and OUT/bellwether.icns (macOS). The PyInstaller spec runs it, so
the icons are made from the one SVG on every platform and never committed.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

SIZES = (16, 24, 32, 48, 64, 128, 256, 512)
SVG = Path(__file__).resolve().parent.parent / "app" / "resources" / "icons" / "bellwether.svg"


def render(out: Path) -> list[Path]:
    """Write every size and the platform icon files; returns the paths written."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import Qt
    from PySide6.QtGui import QImage, QPainter
    from PySide6.QtSvg import QSvgRenderer
    from PySide6.QtWidgets import QApplication  # the kind the tests and the app use too

    _app = QApplication.instance() or QApplication(sys.argv[:1])
    renderer = QSvgRenderer(str(SVG))
    if not renderer.isValid():
        raise SystemExit(f"render_icons: {SVG} is not a valid SVG")
    written: list[Path] = []
    images: dict[int, QImage] = {}
    for size in SIZES:
        image = QImage(size, size, QImage.Format.Format_ARGB32)
        image.fill(Qt.GlobalColor.transparent)
        painter = QPainter(image)
        renderer.render(painter)
        painter.end()
        images[size] = image
        path = out / "hicolor" / f"{size}x{size}" / "apps" / "bellwether.png"
        path.parent.mkdir(parents=True, exist_ok=True)
        if not image.save(str(path)):  # the format follows the suffix
            raise SystemExit(f"render_icons: cannot write {path}")
        written.append(path)
    for name, size in (("bellwether.ico", 256), ("bellwether.icns", 512)):
        path = out / name
        if not images[size].save(str(path)):
            raise SystemExit(f"render_icons: Qt cannot write {path.suffix} files here ({path})")
        written.append(path)
    return written


if __name__ == "__main__":
    if len(sys.argv) != 2:
        raise SystemExit("usage: python packaging/render_icons.py OUT")
    for written in render(Path(sys.argv[1])):
        print(written)
