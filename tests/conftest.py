"""Shared fixtures. Qt runs offscreen unless a developer asks for a real screen."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
# Nothing may download at test time.
os.environ.setdefault("HF_HUB_OFFLINE", "1")
os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")

from pathlib import Path  # noqa: E402

import pytest  # noqa: E402

# Each area keeps its fixtures in tests/fixtures/<area>.py; all are loaded here.
pytest_plugins = sorted(
    f"tests.fixtures.{p.stem}"
    for p in (Path(__file__).parent / "fixtures").glob("*.py")
    if p.stem != "__init__"
)


@pytest.fixture(autouse=True)
def _isolated_dirs(tmp_path_factory, monkeypatch):
    """Point the user data, log and store paths at a temp folder in every test."""
    base = tmp_path_factory.mktemp("shopguide-home")
    monkeypatch.setenv("SHOPGUIDE_DATA_DIR", str(base / "data"))
    monkeypatch.setenv("SHOPGUIDE_LOG_DIR", str(base / "logs"))
    monkeypatch.delenv("SHOPGUIDE_STORE", raising=False)
    monkeypatch.setenv("XDG_CONFIG_HOME", str(base / "config"))
    yield base


@pytest.fixture(autouse=True)
def _no_leftover_windows():
    """Close and delete the top-level widgets a test leaves behind (dialogs, popups): left
    alive they keep handling events in later tests and skew their timing (a GUI heartbeat
    test saw its timer barely run behind ~40 leftovers)."""
    yield
    import sys

    if "PySide6.QtWidgets" not in sys.modules:
        return  # a test that never touched Qt
    from PySide6.QtCore import QCoreApplication, QEvent
    from PySide6.QtWidgets import QApplication

    app = QApplication.instance()
    if app is None:
        return
    for w in QApplication.topLevelWidgets():
        w.close()
        w.deleteLater()
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
