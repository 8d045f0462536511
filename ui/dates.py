"""Dates and times as the window shows them: one format, from the interface's QLocale.

The locale's short date with a four-digit year (2026/12/5 in Chinese, 12/5/2026 in
English: "12/5/26" reads as a year 26 or a 5 December in other places), and a time in the
locale's short form. Every panel shows dates through these two functions.
"""

from __future__ import annotations

from datetime import date, datetime

from ui.qt import QDate, QDateTime, QLocale, QTime


def _date_format(locale: QLocale) -> str:
    fmt = locale.dateFormat(QLocale.FormatType.ShortFormat)
    return fmt if "yyyy" in fmt else fmt.replace("yy", "yyyy")


def date_format() -> str:
    """The format for a date field (QDateEdit.setDisplayFormat), the same as ``day_text``."""
    return _date_format(QLocale())


def day_text(d: date) -> str:
    locale = QLocale()
    return locale.toString(QDate(d.year, d.month, d.day), _date_format(locale))


def moment_text(moment: datetime) -> str:
    """A stored moment (UTC) in the machine's time zone: date and time."""
    local = moment.astimezone()
    locale = QLocale()
    when = QDateTime(QDate(local.year, local.month, local.day), QTime(local.hour, local.minute))
    return locale.toString(when, _date_format(locale) + " " +
                           locale.timeFormat(QLocale.FormatType.ShortFormat))
