"""shopguide.logging_setup: one rotating log in the user's log folder, no customer data in it."""

from __future__ import annotations

import logging
import sys

import pytest

from shopguide import config, logging_setup


@pytest.fixture
def log_setup(monkeypatch):
    """Run setup_logging and undo it afterwards (root handlers, level, excepthook)."""
    root = logging.getLogger()
    level, hook = root.level, sys.excepthook

    def setup(**kwargs):
        return logging_setup.setup_logging(**kwargs)

    yield setup
    for handler in [h for h in root.handlers if getattr(h, "_shopguide", False)]:
        root.removeHandler(handler)
        handler.close()
    root.setLevel(level)
    sys.excepthook = hook
    logging.captureWarnings(False)


def test_log_goes_to_the_user_log_folder_and_only_once_something_is_logged(log_setup):
    path = log_setup()
    assert path == config.user_log_dir() / "shopguide.log"
    assert not path.parent.exists(), "no folder for a run that logs nothing (--version)"
    logging.getLogger("shopguide.test").info("window shown in %d ms", 812)
    assert "window shown in 812 ms" in path.read_text(encoding="utf-8")


def test_setting_up_twice_keeps_one_handler(log_setup):
    path = log_setup()
    log_setup()
    logging.getLogger("shopguide.test").warning("once")
    assert path.read_text(encoding="utf-8").count("once") == 1
    ours = [h for h in logging.getLogger().handlers if getattr(h, "_shopguide", False)]
    assert len(ours) == 1


def test_log_rotates_and_keeps_a_bounded_number_of_files(log_setup, monkeypatch):
    monkeypatch.setattr(logging_setup, "MAX_BYTES", 2_000)
    path = log_setup()
    for i in range(400):
        logging.getLogger("shopguide.test").info("step %04d of a long kiosk day", i)
    files = sorted(p.name for p in path.parent.iterdir())
    assert files == ["shopguide.log", "shopguide.log.1", "shopguide.log.2", "shopguide.log.3"]
    assert all(p.stat().st_size <= 2_100 for p in path.parent.iterdir())
    assert "step 0399" in path.read_text(encoding="utf-8")


@pytest.mark.parametrize(
    "text,expected",
    [
        ("call 138-0000-0001 now", "call [phone] now"),
        ("call +86 138 0000 0001", "call [phone]"),
        ("mail wanglei@example.com", "mail [email]"),
        ("import done on 2026-11-28 in 12.5 ms", "import done on 2026-11-28 in 12.5 ms"),
        ("RS-104 at 459.00 in A3", "RS-104 at 459.00 in A3"),
        # touching Chinese characters (\w counts them as word characters)
        ("电话13812345678，邮箱wang@qq.com", "电话[phone]，邮箱[email]"),
    ],
)
def test_contact_details_are_masked(text, expected):
    assert logging_setup.redact(text) == expected


def test_a_careless_log_call_still_leaks_no_phone_or_email(log_setup):
    path = log_setup()
    logging.getLogger("shopguide.test").info("customer %s, %s", "138-0000-0001", "wanglei@example.com")
    text = path.read_text(encoding="utf-8")
    assert "138-0000-0001" not in text and "wanglei@example.com" not in text
    assert "customer [phone], [email]" in text


def test_a_crash_logs_its_stack_but_not_its_message(log_setup, monkeypatch):
    seen = []
    monkeypatch.setattr(sys, "excepthook", lambda *exc: seen.append(exc[0]))
    path = log_setup()

    def fail():
        raise ValueError("王磊 138-0000-0001 could not be saved")

    try:
        fail()
    except ValueError:
        sys.excepthook(*sys.exc_info())
    text = path.read_text(encoding="utf-8")
    assert "Uncaught ValueError" in text and "in fail" in text
    assert "王磊" not in text
    assert seen == [ValueError], "the previous hook (stderr) still runs"
