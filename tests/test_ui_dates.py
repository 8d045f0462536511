"""One date format in the window, from the interface's locale, with a four-digit year."""

from __future__ import annotations

from datetime import date, datetime, timezone

import pytest

from ui.dates import day_text, moment_text
from ui.qt import QLocale


@pytest.fixture
def locale():
    before = QLocale()

    def use(name: str) -> None:
        QLocale.setDefault(QLocale(name))

    yield use
    QLocale.setDefault(before)


def test_days_in_each_interface_language(qapp, locale):
    locale("zh_CN")
    assert day_text(date(2026, 12, 5)) == "2026/12/5"
    locale("en_US")
    assert day_text(date(2026, 12, 5)) == "12/5/2026"


def test_a_moment_is_its_day_and_time(qapp, locale):
    locale("en_US")
    moment = datetime(2026, 12, 5, 3, 4, tzinfo=timezone.utc)
    local = moment.astimezone()
    assert moment_text(moment).startswith(day_text(local.date()) + " ")
    assert f"{local.minute:02d}" in moment_text(moment)
