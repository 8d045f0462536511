"""How it is going, drawn: questions per day, the shares answered and rated helpful, the top
unmet needs (Qt Charts), beside the core's text summary.

The figures come from ``Summary.to_json()`` unchanged, so the charts and
``shopguide review --summary`` always agree. Qt Charts ships in PySide6-Addons; where it
is missing the text summary stands alone with a line saying why, never a traceback.
"""

from __future__ import annotations

import math
from datetime import date
from typing import Any

from shopguide.review import Summary, format_summary
from ui.dates import day_text
from ui.qt import (
    QEvent,
    QFont,
    QFontDatabase,
    QGridLayout,
    QLabel,
    QLocale,
    QPainter,
    QPlainTextEdit,
    Qt,
    QtCharts,
    QWidget,
)

DAY_LABELS_MAX = 14  # days with a label of their own under the bars
UNMET_SHOWN = 8  # the top needs drawn (the text lists all the core returns)
LABEL_CHARS = 38  # a question's length on the unmet chart's axis


def charts_available() -> bool:
    return QtCharts is not None


def ui_lang() -> str:
    """The interface's language, as the language manager set the default locale."""
    return "zh" if QLocale().language() == QLocale.Language.Chinese else "en"


def per_day_shares(per_day: list[dict[str, Any]]) -> tuple[list[tuple[int, float]],
                                                           list[tuple[int, float]]]:
    """(day index, percent answered) for days with questions, and (day index, percent
    rated helpful) for days with ratings: a day without any has no share to draw."""
    answered = [(i, 100.0 * d["answered"] / d["questions"])
                for i, d in enumerate(per_day) if d["questions"]]
    helpful = [(i, 100.0 * d["helpful"] / d["rated"]) for i, d in enumerate(per_day) if d["rated"]]
    return answered, helpful


def _short(text: str) -> str:
    return text if len(text) <= LABEL_CHARS else text[:LABEL_CHARS - 1] + "…"


def _pct(share: float | None) -> str:
    return "–" if share is None else f"{share:.0%}"


def count_axis(top: int) -> Any:
    """A value axis for counts: whole-number ticks at a round step, never "1.4" shown as 1."""
    step = max(1, math.ceil(max(1, top) / 5))
    axis = QtCharts.QValueAxis()
    axis.setRange(0, step * math.ceil(max(1, top) / step))
    axis.setTickType(QtCharts.QValueAxis.TickType.TicksDynamic)
    axis.setTickAnchor(0)
    axis.setTickInterval(step)
    axis.setLabelFormat("%d")
    return axis


class SummaryView(QWidget):
    """The charts (when Qt Charts is there) and the text summary of one ``Summary``."""

    def __init__(self, parent: QWidget | None = None, use_charts: bool | None = None) -> None:
        super().__init__(parent)
        self.summary: Summary | None = None
        self.data: dict[str, Any] = {}
        self.use_charts = charts_available() if use_charts is None else use_charts
        grid = QGridLayout(self)
        self.text = QPlainTextEdit()
        self.text.setObjectName("reviewSummaryText")
        self.text.setReadOnly(True)
        self.text.setFont(QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont))
        self.text.setLineWrapMode(QPlainTextEdit.LineWrapMode.NoWrap)
        self.note = QLabel()
        self.note.setObjectName("reviewChartsMissing")
        self.note.setWordWrap(True)
        self.views: dict[str, Any] = {}
        if self.use_charts:
            for name, (row, col) in (("per_day", (0, 0)), ("shares", (0, 1)),
                                     ("unmet", (1, 0))):
                chart = QtCharts.QChart()
                chart.legend().setAlignment(Qt.AlignmentFlag.AlignBottom)
                chart.setMargins(chart.margins() * 0)
                view = QtCharts.QChartView(chart)
                view.setObjectName(f"reviewChart_{name}")
                view.setRenderHint(QPainter.RenderHint.Antialiasing)
                view.setMinimumSize(320, 230)
                self.views[name] = view
                grid.addWidget(view, row, col)
            grid.addWidget(self.text, 1, 1)
            self.note.hide()
        else:
            grid.addWidget(self.note, 0, 0)
            grid.addWidget(self.text, 1, 0)
            grid.setRowStretch(1, 1)
        self.retranslate_ui()

    def show_summary(self, summary: Summary) -> None:
        self.summary = summary
        self.data = summary.to_json()
        self.retranslate_ui()

    # --- the charts -----------------------------------------------------------
    def chart(self, name: str) -> Any:
        return self.views[name].chart()

    def _days(self) -> list[date]:
        return [date.fromisoformat(d["date"]) for d in self.data.get("per_day", [])]

    def _day_labels(self) -> list[str]:
        """Month/day, unique (a category axis drops a repeated label, and every bar after
        it would move one day)."""
        return [f"{d.month}/{d.day}" for d in self._days()]

    def _period(self) -> str:
        days = self._days()
        return f"{day_text(days[0])} – {day_text(days[-1])}" if days else ""

    def _draw(self) -> None:
        per_day = self.data.get("per_day", [])
        labels = self._day_labels()
        dark = self.palette().window().color().lightness() < 128
        theme = QtCharts.QChart.ChartTheme.ChartThemeDark if dark else \
            QtCharts.QChart.ChartTheme.ChartThemeLight
        for view in self.views.values():
            view.chart().setTheme(theme)
            view.setBackgroundBrush(view.chart().backgroundBrush())

        # Questions per day, and how many of them were answered.
        chart = self._reset("per_day", self.tr("Questions per day"))
        asked = QtCharts.QBarSet(self.tr("Questions"))
        answered = QtCharts.QBarSet(self.tr("Answered"))
        asked.append([float(d["questions"]) for d in per_day])
        answered.append([float(d["answered"]) for d in per_day])
        bars = QtCharts.QBarSeries()
        bars.append([asked, answered])
        chart.addSeries(bars)
        self._axes(chart, bars, labels, max((d["questions"] for d in per_day), default=0))

        # The shares, per day (overall in the title).
        chart = self._reset("shares", self.tr("Answered %1 · rated helpful %2")
                            .replace("%1", _pct(self.data.get("answered_share")))
                            .replace("%2", _pct(self.data.get("helpful_share"))))
        answered_pts, helpful_pts = per_day_shares(per_day)
        lines = []
        for name, points in ((self.tr("Answered %"), answered_pts),
                             (self.tr("Helpful %"), helpful_pts)):
            line = QtCharts.QLineSeries()
            line.setName(name)
            line.setPointsVisible(True)
            for x, y in points:
                line.append(float(x), y)
            chart.addSeries(line)
            lines.append(line)
        x_axis = self._day_axis(labels)
        y_axis = QtCharts.QValueAxis()
        y_axis.setRange(0, 100)
        y_axis.setLabelFormat("%d%%")
        chart.addAxis(x_axis, Qt.AlignmentFlag.AlignBottom)
        chart.addAxis(y_axis, Qt.AlignmentFlag.AlignLeft)
        for line in lines:
            line.attachAxis(x_axis)
            line.attachAxis(y_axis)

        # The top unmet needs, the most asked at the top.
        unmet = self.data.get("unmet", [])[:UNMET_SHOWN]
        chart = self._reset("unmet", self.tr("Top unmet needs"))
        times = QtCharts.QBarSet(self.tr("Times asked"))
        times.append([float(n["count"]) for n in reversed(unmet)])
        hbars = QtCharts.QHorizontalBarSeries()
        hbars.append(times)
        chart.addSeries(hbars)
        chart.legend().hide()
        y_cats = QtCharts.QBarCategoryAxis()
        y_cats.append([_short(n["question"]) for n in reversed(unmet)] or [""])
        x_vals = count_axis(max([n["count"] for n in unmet], default=0))
        chart.addAxis(y_cats, Qt.AlignmentFlag.AlignLeft)
        chart.addAxis(x_vals, Qt.AlignmentFlag.AlignBottom)
        hbars.attachAxis(y_cats)
        hbars.attachAxis(x_vals)

    def _reset(self, name: str, title: str) -> Any:
        chart = self.chart(name)
        chart.removeAllSeries()
        for axis in chart.axes():
            chart.removeAxis(axis)
        chart.setTitle(title)
        font = QFont(chart.titleFont())
        font.setBold(True)
        chart.setTitleFont(font)
        chart.legend().show()
        return chart

    def _day_axis(self, labels: list[str]) -> Any:
        axis = QtCharts.QBarCategoryAxis()
        axis.append(labels or [""])
        axis.setTitleText(self._period())
        # Qt Charts elides a label wider than its bar to "…": past two weeks the bars are
        # too thin for a day's number, and the title's first and last date say it.
        axis.setLabelsVisible(len(labels) <= DAY_LABELS_MAX)
        return axis

    def _axes(self, chart: Any, series: Any, labels: list[str], top: int) -> None:
        x_axis = self._day_axis(labels)
        y_axis = count_axis(top)
        chart.addAxis(x_axis, Qt.AlignmentFlag.AlignBottom)
        chart.addAxis(y_axis, Qt.AlignmentFlag.AlignLeft)
        series.attachAxis(x_axis)
        series.attachAxis(y_axis)

    # --- words ---------------------------------------------------------------
    def retranslate_ui(self) -> None:
        self.note.setText(self.tr("Charts need Qt Charts (the PySide6-Addons package), which "
                                  "is not installed; the figures are in the summary below."))
        self.text.setPlainText(format_summary(self.summary, ui_lang()) if self.summary else "")
        if self.use_charts and self.summary is not None:
            self._draw()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)
