"""The bundle's entry point: the same ``shopguide`` command as the pip install.

Logging is set up here, before anything else, so the packaged app always writes
its log to the user's log folder even if the CLI grows other entry points.
"""

from __future__ import annotations

import ctypes
import multiprocessing
import re
import sys
from collections.abc import Callable

# System libraries the bundle does not carry (PyInstaller leaves the GL/EGL driver
# dispatch, libxcb and the Wayland client libraries to the system, so they match its
# display server and GPU driver), with the Debian/Ubuntu package that provides each.
# A minimal Debian 12 lacks all of them; any desktop has them (packaging/README.md).
SYSTEM_LIBRARIES = {
    "libEGL.so.1": "libegl1",
    "libGL.so.1": "libgl1",
    "libxcb.so.1": "libxcb1",
    "libwayland-client.so.0": "libwayland-client0",
    "libwayland-cursor.so.0": "libwayland-cursor0",
}
_MISSING = re.compile(r"(lib[\w.+-]+?\.so(?:\.\d+)*): cannot open shared object file")


def _loadable(lib: str) -> bool:
    try:
        ctypes.CDLL(lib)
    except OSError:
        return False
    return True


def missing_library_message(
    exc: BaseException, loadable: Callable[[str], bool] | None = None
) -> str | None:
    """What to tell a user whose machine lacks a system library Qt needs, or None.

    The loader names only the first library it misses; the others are probed, so the
    user installs them all at once (a minimal Debian 12 lacks all five).
    """
    found = _MISSING.search(str(exc))
    if found is None:
        return None
    loadable = loadable or _loadable
    first = found.group(1)
    missing = [first] + [lib for lib in SYSTEM_LIBRARIES if lib != first and not loadable(lib)]
    packages = [SYSTEM_LIBRARIES[lib] for lib in missing if lib in SYSTEM_LIBRARIES]
    lines = [f"shopguide: the window needs system libraries this machine lacks: {', '.join(missing)}"]
    if packages:
        lines.append(f"On Debian or Ubuntu: sudo apt-get install {' '.join(packages)}")
    if first not in SYSTEM_LIBRARIES:
        lines.append(f"Install the package that provides {first} with your system's package manager.")
    lines.append("(`shopguide ask` works without them. Requirements: see the README's Install section.)")
    return "\n".join(lines)


def _main() -> int:
    from shopguide.cli import main
    from shopguide.logging_setup import setup_logging

    setup_logging()
    try:
        return main()
    except ImportError as exc:
        # Qt's libraries fail to load on a machine without a display stack: say which
        # package is missing instead of a traceback.
        message = missing_library_message(exc)
        if message is None:
            raise
        print(message, file=sys.stderr)
        return 3


if __name__ == "__main__":
    # A frozen app must let multiprocessing's children (a DataLoader's workers
    # during training) start without re-running the app.
    multiprocessing.freeze_support()
    sys.exit(_main())
