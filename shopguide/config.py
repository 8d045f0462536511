"""Paths and settings shared by the CLI, the app and the tests.

Every path can be overridden by an environment variable so tests and kiosks
can point ShopGuide somewhere else without code changes.
"""

from __future__ import annotations

import os
from pathlib import Path

import platformdirs

APP_NAME = "ShopGuide"
APP_ID = "shopguide"

# resources/ lives beside the packages in a source checkout and inside the
# bundle when frozen; SHOPGUIDE_RESOURCES wins over both.
_PACKAGE_ROOT = Path(__file__).resolve().parent.parent


def resources_dir() -> Path:
    env = os.environ.get("SHOPGUIDE_RESOURCES")
    if env:
        return Path(env)
    return _PACKAGE_ROOT / "resources"


def resource(*parts: str) -> Path:
    """One helper finds every bundled file (demo store, model, icons, translations)."""
    return resources_dir().joinpath(*parts)


def demo_store_dir() -> Path:
    return resource("demo")


def bundled_model_dir() -> Path:
    return resource("models", "shopguide-gpt2")


def user_data_dir() -> Path:
    env = os.environ.get("SHOPGUIDE_DATA_DIR")
    return Path(env) if env else Path(platformdirs.user_data_dir(APP_ID, appauthor=False))


def user_log_dir() -> Path:
    env = os.environ.get("SHOPGUIDE_LOG_DIR")
    return Path(env) if env else Path(platformdirs.user_log_dir(APP_ID, appauthor=False))


def default_store_path() -> Path:
    """The store used when neither --store nor SHOPGUIDE_STORE is given."""
    env = os.environ.get("SHOPGUIDE_STORE")
    return Path(env) if env else user_data_dir() / "store.sqlite"
