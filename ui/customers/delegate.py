"""Two-line rows for the customer list: the name, then phone and tags in smaller type.

Every row has the same height, so the view can use uniform item sizes and never
measures 100,000 rows.
"""

from __future__ import annotations

from typing import Any

from ui.customers.list_model import SubtitleRole
from ui.qt import (
    QFont,
    QFontMetrics,
    QPalette,
    QRect,
    QSize,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    Qt,
)

_PAD = 6


class CustomerDelegate(QStyledItemDelegate):
    def paint(self, painter: Any, option: QStyleOptionViewItem, index: Any) -> None:
        opt = QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)
        name = opt.text
        opt.text = ""  # the style draws the selection and focus; we draw the text
        style = opt.widget.style() if opt.widget else None
        if style is not None:
            style.drawControl(QStyle.ControlElement.CE_ItemViewItem, opt, painter, opt.widget)
        selected = bool(opt.state & QStyle.StateFlag.State_Selected)
        role = QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Text
        sub_role = (QPalette.ColorRole.HighlightedText if selected
                    else QPalette.ColorRole.PlaceholderText)

        bold = QFont(opt.font)
        bold.setBold(True)
        small = QFont(opt.font)
        small.setPointSizeF(max(6.0, opt.font.pointSizeF() * 0.88))
        r = opt.rect.adjusted(_PAD, _PAD // 2, -_PAD, -_PAD // 2)
        top_h = QFontMetrics(bold).height()
        painter.save()
        painter.setFont(bold)
        painter.setPen(opt.palette.color(role))
        top = QRect(r.left(), r.top(), r.width(), top_h)
        elided = QFontMetrics(bold).elidedText(name, Qt.TextElideMode.ElideRight, r.width())
        painter.drawText(top, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, elided)
        sub = index.data(SubtitleRole) or ""
        if sub:
            painter.setFont(small)
            painter.setPen(opt.palette.color(sub_role))
            bottom = QRect(r.left(), top.bottom() + 1, r.width(), QFontMetrics(small).height())
            painter.drawText(bottom, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
                             QFontMetrics(small).elidedText(sub, Qt.TextElideMode.ElideRight,
                                                            r.width()))
        painter.restore()

    def sizeHint(self, option: QStyleOptionViewItem, index: Any) -> QSize:
        bold = QFont(option.font)
        bold.setBold(True)
        small = QFont(option.font)
        small.setPointSizeF(max(6.0, option.font.pointSizeF() * 0.88))
        h = QFontMetrics(bold).height() + QFontMetrics(small).height() + _PAD + 2
        return QSize(200, h)
