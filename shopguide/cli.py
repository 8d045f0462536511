"""The ``shopguide`` command: the window by default, or a subcommand.

This is the outermost shell and the one core module that may name ``ui``;
it does so only inside ``_run_gui``.
"""

from __future__ import annotations

import argparse
import importlib
import os
import sys
from collections.abc import Sequence

from shopguide import __version__

# Each of these modules has register(subparsers); see shopguide/commands/__init__.py.
_COMMAND_MODULES = (
    "shopguide.commands.store_cmds",
    "shopguide.commands.guide_cmds",
    "shopguide.commands.llm_cmds",
    "shopguide.commands.train_cmds",
    "shopguide.commands.customer_cmds",
    "shopguide.commands.review_cmds",
)


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="shopguide",
        description="Offline shopping guide: answers from your store's own catalog and policies.",
    )
    parser.add_argument("--version", action="version", version=f"ShopGuide {__version__}")
    parser.add_argument(
        "--store",
        metavar="PATH",
        help="store database file (default: $SHOPGUIDE_STORE or the user data folder)",
    )
    parser.add_argument(
        "--demo", action="store_true", help="work on a fresh copy of the bundled demo store"
    )
    parser.add_argument("--model", metavar="SPEC", help="'bundled', a model folder, or a cached HF id")
    parser.add_argument("--mode", choices=("clerk", "kiosk"), help="window mode (default: clerk)")
    parser.add_argument("--lang", choices=("zh", "en"), help="interface language")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    for name in _COMMAND_MODULES:
        try:
            module = importlib.import_module(name)
        except ModuleNotFoundError as exc:
            if exc.name != name:
                raise
            continue  # an area not built yet
        module.register(sub)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    from shopguide.logging_setup import setup_logging

    setup_logging()  # every command logs to the rotating file (never customer data)
    handler = getattr(args, "handler", None)
    if handler is None:
        return _run_gui(args)
    try:
        return int(handler(args) or 0)
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        # The reader went away (`shopguide eval … | head`): not an error worth a traceback.
        # Point stdout at nothing so the interpreter's final flush does not raise again.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 141
    except Exception as exc:  # the last line: no traceback reaches a merchant
        return _failed(exc)


def _failed(exc: Exception) -> int:
    """One line for the person at the terminal; the stack (no data) goes to the log."""
    import logging
    import sqlite3

    from shopguide.logging_setup import log_file
    from shopguide.store.errors import StoreBusy, StoreError, is_busy

    if isinstance(exc, sqlite3.OperationalError) and is_busy(exc):
        exc = StoreBusy("the store", 10)
    if isinstance(exc, StoreError):
        print(f"shopguide: {exc}", file=sys.stderr)
        return 1
    logging.getLogger("shopguide").critical("command failed", exc_info=exc)
    print(f"shopguide: something went wrong ({type(exc).__name__}); nothing more was done. "
          f"Details for support are in {log_file()}", file=sys.stderr)
    return 1


def _run_gui(args: argparse.Namespace) -> int:
    if sys.platform.startswith("linux") and not any(
        os.environ.get(name) for name in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM")
    ):
        # Qt would abort here with "could not load the platform plugin ... reinstalling
        # the application may fix this", which sends a user over ssh the wrong way.
        print(
            "shopguide: no display to show the window on (DISPLAY and WAYLAND_DISPLAY are not"
            " set). Start it from the desktop, or ask in the terminal: shopguide ask \"...\"",
            file=sys.stderr,
        )
        return 3
    from shopguide.platform_libs import check_x11

    problem = check_x11()
    if problem:
        print(problem, file=sys.stderr)
        return 3
    from ui.app import run  # the one place the core reaches the UI

    return run(args)


if __name__ == "__main__":
    sys.exit(main())
