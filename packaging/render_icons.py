"""Render the app icon's PNG sizes from the one SVG source.

Run after editing ``packaging/linux/icons/shopguide.svg``::

    .venv/bin/python packaging/render_icons.py

It uses Qt's own SVG renderer (already a dependency, works offline), so the PNGs
match what the running app draws from the SVG. The PNGs are committed: the
install script and the bundle must not need a renderer on the target machine.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

ICON_DIR = Path(__file__).resolve().parent / "linux" / "icons"
SOURCE = ICON_DIR / "shopguide.svg"
SIZES = (16, 32, 48, 64, 128, 256)


def png_path(size: int, base: Path = ICON_DIR) -> Path:
    """Where the PNG of one size lives: the hicolor theme's layout, ready to copy."""
    return base / "hicolor" / f"{size}x{size}" / "apps" / "shopguide.png"


def render(
    source: Path = SOURCE, sizes: tuple[int, ...] = SIZES, base: Path = ICON_DIR
) -> list[Path]:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import Qt
    from PySide6.QtGui import QGuiApplication, QImage, QPainter
    from PySide6.QtSvg import QSvgRenderer

    app = QGuiApplication.instance() or QGuiApplication([])  # noqa: F841  (QPainter needs one)
    renderer = QSvgRenderer(str(source))
    if not renderer.isValid():
        raise SystemExit(f"{source}: not a valid SVG")
    written = []
    for size in sizes:
        image = QImage(size, size, QImage.Format.Format_ARGB32_Premultiplied)
        image.fill(Qt.GlobalColor.transparent)
        painter = QPainter(image)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
        renderer.render(painter)
        painter.end()
        out = png_path(size, base)
        out.parent.mkdir(parents=True, exist_ok=True)
        if not image.save(str(out), "PNG"):
            raise SystemExit(f"{out}: could not write")
        written.append(out)
    return written


if __name__ == "__main__":
    for path in render():
        print(path.relative_to(Path.cwd()) if path.is_relative_to(Path.cwd()) else path)
    sys.exit(0)
