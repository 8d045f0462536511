"""The review window's data: nothing personal in any widget, the charts' series equal to
the core's summary, the text summary without Qt Charts, the GUI thread never held up,
and both languages complete."""

from __future__ import annotations

import threading
import time
import xml.etree.ElementTree as ET

import pytest

from shopguide.config import resource
from shopguide.review import format_summary, summarize
from tests.fixtures.qt import Heartbeat
from tests.test_review_masking import TYPED, _leaks
from ui.qt import (QAbstractButton, QComboBox, QLabel, QLineEdit, QPlainTextEdit, QTableWidget,
                   QTabWidget, QtCharts, QWidget)
from ui.review import charts as review_charts
from ui.review import window as review_window


def _texts(window) -> list[str]:
    """Every text the window holds for the eye: labels, buttons, fields, combo items, table
    cells and their tooltips, tab titles, and the charts' titles, series and axis labels."""
    out = [window.windowTitle()]
    for w in window.findChildren(QWidget):
        out.append(w.toolTip())
        if isinstance(w, (QLabel, QAbstractButton, QLineEdit)):
            out.append(w.text())
        elif isinstance(w, QPlainTextEdit):
            out += [w.toPlainText(), w.placeholderText()]
        elif isinstance(w, QComboBox):
            out += [w.itemText(i) for i in range(w.count())] + [w.currentText()]
        elif isinstance(w, QTableWidget):
            for r in range(w.rowCount()):
                for c in range(w.columnCount()):
                    item = w.item(r, c)
                    if item is not None:
                        out += [item.text(), item.toolTip()]
        elif isinstance(w, QTabWidget):
            out += [w.tabText(i) for i in range(w.count())]
    for view in window.summary.views.values():
        chart = view.chart()
        out.append(chart.title())
        for series in chart.series():
            out.append(series.name())
            for bar_set in getattr(series, "barSets", lambda: [])():
                out.append(bar_set.label())
        for axis in chart.axes():
            out += list(getattr(axis, "categories", lambda: [])())
    return [t for t in out if t]


@pytest.fixture
def typed_store(review_store, shoppers_ask):
    for i, q in enumerate(TYPED):
        shoppers_ask([q], rate=[-1], mode="kiosk" if i % 2 else "clerk")
    return review_store


def test_no_name_phone_or_email_in_any_widget(qtbot, typed_store, open_review):
    window = open_review(typed_store, use_charts=QtCharts is not None)
    groups = window.groups.groups
    assert len(groups) >= 3
    seen = []
    for row in range(len(groups)):  # each group's detail, the forms filled from it
        window.groups.table.selectRow(row)
        seen += _texts(window)
    # A preview re-answers the masked question: its answer is shown too.
    window.panel.choose("ignore")
    with qtbot.waitSignal(window.previewed, timeout=15000):
        window.panel.preview_button.click()
    seen += _texts(window)
    joined = "\n".join(seen)
    assert "[phone]" in joined or "[name]" in joined  # the scan saw the masked questions
    leaks = sorted({leak for text in seen for leak in _leaks(text)})
    assert not leaks, f"personal data on screen: {leaks}"


@pytest.mark.skipif(QtCharts is None, reason="Qt Charts (PySide6-Addons) not installed")
def test_chart_series_are_the_summary(qtbot, failing_store, open_review):
    window = open_review(failing_store, use_charts=True, days=7)
    data = summarize(failing_store, 7).to_json()
    view = window.summary
    [bars] = view.chart("per_day").series()
    asked, answered = bars.barSets()
    assert [asked.at(i) for i in range(asked.count())] == [d["questions"] for d in data["per_day"]]
    assert [answered.at(i) for i in range(answered.count())] == [d["answered"] for d in data["per_day"]]
    assert sum(d["questions"] for d in data["per_day"]) == data["questions"] > 0

    answered_line, helpful_line = view.chart("shares").series()
    # The questions were asked five minutes ago: yesterday, just after midnight.
    today = max(i for i, d in enumerate(data["per_day"]) if d["questions"])
    day = data["per_day"][today]
    assert [(p.x(), p.y()) for p in answered_line.points()] == [
        (today, pytest.approx(100 * day["answered"] / day["questions"]))]
    assert [(p.x(), p.y()) for p in helpful_line.points()] == [
        (today, pytest.approx(100 * day["helpful"] / day["rated"]))]
    title = view.chart("shares").title()
    assert f"{data['answered_share']:.0%}" in title and f"{data['helpful_share']:.0%}" in title

    [unmet] = view.chart("unmet").series()
    [times] = unmet.barSets()
    counts = [times.at(i) for i in range(times.count())]
    assert counts[::-1] == [n["count"] for n in data["unmet"]]  # the most asked at the top
    categories = next(a for a in view.chart("unmet").axes() if hasattr(a, "categories")).categories()
    assert categories[::-1] == [n["question"] for n in data["unmet"]]
    assert view.text.toPlainText() == format_summary(window.snapshot.summary, "en")


def test_without_qt_charts_the_text_summary_stands_alone(qtbot, failing_store, open_review,
                                                        monkeypatch):
    monkeypatch.setattr(review_charts, "QtCharts", None)
    window = open_review(failing_store, use_charts=None)  # decided by what is installed
    view = window.summary
    assert not view.use_charts and view.views == {}
    assert not view.note.isHidden() and "Qt Charts" in view.note.text()
    assert view.text.toPlainText() == format_summary(window.snapshot.summary, "en")
    assert "do you sell kayaks?" in view.text.toPlainText()


def test_text_summary_follows_the_language(qtbot, failing_store, open_review, review_languages):
    window = open_review(failing_store)
    review_languages.set_language("zh")
    qtbot.waitUntil(lambda: window.tabs.tabText(2) == "整体情况", timeout=3000)
    assert window.summary.text.toPlainText() == format_summary(window.snapshot.summary, "zh")
    assert window.windowTitle() == "待处理的问题"
    assert window.panel.choice.itemText(4) == "本店不卖"


def _burn(seconds: float) -> None:
    end = time.perf_counter() + seconds
    while time.perf_counter() < end:
        sum(range(300))


def test_the_gui_thread_never_waits_on_the_review(qtbot, failing_store, open_review,
                                                   monkeypatch):
    """Loading and previewing slowed to 1 s of pure-Python work each (holding the GIL, the
    hostile case): the GUI thread's 10 ms heartbeat keeps beating."""
    threads: list[threading.Thread] = []
    real_load, real_preview = review_window.load_snapshot, review_window.core.preview_action

    def slow(real):
        def call(*args, **kwargs):
            threads.append(threading.current_thread())
            _burn(1.0)
            return real(*args, **kwargs)
        return call

    window = open_review(failing_store)
    monkeypatch.setattr(review_window, "load_snapshot", slow(real_load))
    monkeypatch.setattr(review_window.core, "preview_action", slow(real_preview))
    beat = Heartbeat()
    beat.start()
    with qtbot.waitSignal(window.loaded, timeout=15000):
        window.refresh()
        assert window.busy() and not window.panel.isEnabled()
    window.panel.choose("ignore")
    with qtbot.waitSignal(window.previewed, timeout=15000):
        window.panel.preview_button.click()
    gap = beat.stop()
    assert len(threads) == 2 and threading.main_thread() not in threads
    assert gap < 250, f"the GUI thread was held up {gap:.0f} ms"
    assert not window.busy() and window.panel.isEnabled()


@pytest.mark.parametrize("lang", ["zh_CN", "en"])
def test_every_review_string_is_translated_and_compiled(lang):
    ts = resource("translations", f"review_{lang}.ts")
    messages = list(ET.parse(ts).getroot().iter("message"))
    assert len(messages) > 60
    for m in messages:
        tr = m.find("translation")
        source = m.findtext("source")
        assert tr.get("type") is None, source  # not unfinished, not vanished
        forms = [f.text for f in tr.findall("numerusform")] or [tr.text]
        assert all(forms), source
        for form in forms:
            for placeholder in ("%1", "%2", "%3", "%4", "%n"):
                assert source.count(placeholder) == form.count(placeholder), source
    qm = ts.with_suffix(".qm")
    assert qm.is_file() and qm.stat().st_mtime >= ts.stat().st_mtime - 1
