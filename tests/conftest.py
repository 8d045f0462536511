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
