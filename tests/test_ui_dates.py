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


def test_date_fields_show_the_same_format(qapp, locale):
    from ui.dates import date_format
    from ui.qt import QDate, QDateEdit

    locale("en_US")
    edit = QDateEdit()
    edit.setDisplayFormat(date_format())
    edit.setDate(QDate(2027, 12, 5))
    assert edit.text() == day_text(date(2027, 12, 5)) == "12/5/2027"
