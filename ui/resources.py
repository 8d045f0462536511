"""Finds bundled files (icons, styles, translations) through shopguide.config.resource().

Plain files under ``resources/``, no compiled .qrc: one helper, one place.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from shopguide.config import resource
from ui.qt import QIcon


def icon_path(name: str) -> Path:
    return resource("icons", f"{name}.svg")


@lru_cache(maxsize=64)
def icon(name: str) -> QIcon:
    """An icon by stem name (``send``, ``stop``…); an empty icon if the file is missing."""
    path = icon_path(name)
    return QIcon(str(path)) if path.is_file() else QIcon()


def translations_dir() -> Path:
    return resource("translations")


def stylesheet(theme: str, kiosk: bool = False, font_pt: int = 11) -> str:
    """The theme's QSS with ``@FONT@``-style placeholders filled in.

    Font sizes live in the sheet as multiples of the base size so one setting
    scales the whole window (and the kiosk's larger type).
    """
    parts = [_read_style("base.qss"), _read_style(f"{theme}.qss")]
    if kiosk:
        parts.append(_read_style("kiosk.qss"))
    text = "\n".join(p for p in parts if p)
    base = max(8, int(font_pt)) * (1.5 if kiosk else 1.0)
    for name, factor in (("FONT", 1.0), ("FONT_S", 0.85), ("FONT_L", 1.25), ("FONT_XL", 1.6)):
        text = text.replace(f"@{name}@", f"{round(base * factor)}pt")
    return text


def _read_style(name: str) -> str:
    path = resource("styles", name)
    try:
        return path.read_text(encoding="utf-8")
    except OSError:
        return ""  # a missing sheet leaves Qt's default look, never a crash
