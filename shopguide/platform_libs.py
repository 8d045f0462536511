"""Before the window starts on X11: the system libraries Qt's xcb plugin needs.

Without them Qt aborts (SIGABRT) blaming ``xcb-cursor0`` whatever is missing, and a
merchant installs the wrong package. We ask the dynamic linker (``ldd``) which libraries
the plugin cannot find and name the Debian/Ubuntu packages that hold them: a library
``libfoo-bar.so.N`` comes in the package ``libfoo-barN`` (``libfoo2-N`` when its name ends
in a digit), lower-cased; no table to keep.
"""

from __future__ import annotations

import importlib.util
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

_NOT_FOUND = re.compile(r"^\s*(\S+\.so(?:\.\d+)*)\s+=>\s+not found", re.M)


def uses_xcb(env: dict[str, str] | None = None) -> bool:
    """Will Qt pick its xcb (X11) platform plugin?"""
    env = dict(os.environ if env is None else env)
    platform = env.get("QT_QPA_PLATFORM", "")
    if platform:
        return platform.split(":")[0].split(";")[0] == "xcb"
    return bool(env.get("DISPLAY")) and not env.get("WAYLAND_DISPLAY")


def qt_xcb_files() -> list[Path]:
    spec = importlib.util.find_spec("PySide6")
    if spec is None or spec.origin is None:
        return []
    qt = Path(spec.origin).parent / "Qt"
    files = [qt / "plugins" / "platforms" / "libqxcb.so", *sorted((qt / "lib").glob("libQt6XcbQpa.so*"))]
    return [f for f in files if f.is_file()]


def missing_libraries(files: list[Path] | None = None) -> list[str]:
    """The shared libraries the dynamic linker cannot find for ``files``, each once."""
    ldd = shutil.which("ldd")
    if not ldd:
        return []
    out: list[str] = []
    for f in qt_xcb_files() if files is None else files:
        try:
            text = subprocess.run([ldd, str(f)], capture_output=True, text=True, timeout=10).stdout
        except (OSError, subprocess.SubprocessError):
            continue
        for lib in _NOT_FOUND.findall(text):
            if lib not in out:
                out.append(lib)
    return out


def package_of(library: str) -> str:
    """``libxcb-icccm.so.4`` → ``libxcb-icccm4``; ``libxkbcommon-x11.so.0`` →
    ``libxkbcommon-x11-0``; ``libEGL.so.1`` → ``libegl1`` (Debian's naming policy)."""
    name, _, version = library.partition(".so")
    version = version.lstrip(".").split(".")[0]
    name = name.lower()
    return name + ("-" if name[-1:].isdigit() and version else "") + version


def advice(missing: list[str]) -> str:
    packages = " ".join(dict.fromkeys(package_of(m) for m in missing))
    return ("shopguide: the window cannot start: Qt's X11 plugin needs "
            f"{', '.join(missing)}, which this system lacks. Install them with:\n"
            f"  sudo apt-get install {packages}\n"
            "(other distributions name the packages alike), or run "
            "'shopguide ask \"...\"' in the terminal meanwhile.")


def check_x11() -> str | None:
    """The message to print instead of starting Qt, or None when the window can start."""
    if not sys.platform.startswith("linux") or not uses_xcb():
        return None
    missing = missing_libraries()
    return advice(missing) if missing else None
