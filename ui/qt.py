"""The one place that imports the Qt binding.

Everything in ``ui/`` imports Qt names from here (``from ui.qt import QWidget, Signal``),
so switching or pinning the binding touches one file (the pattern Anki uses in
``aqt/qt``). Names are re-exported generously: widgets, gui, core, svg, and the
usual aliases (``Signal``, ``Slot``, ``Property``).
"""

from __future__ import annotations

import shiboken6
from PySide6 import QtCore, QtGui, QtWidgets  # noqa: F401

# Star imports are deliberate here: this module's job is to re-export the binding.
from PySide6.QtCore import *
from PySide6.QtCore import (  # noqa: F401  (explicit for type checkers and readers)
    Property,
    QAbstractListModel,
    QAbstractTableModel,
    QCoreApplication,
    QDate,
    QDateTime,
    QEvent,
    QItemSelectionModel,
    QLocale,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QPoint,
    QRect,
    QSettings,
    QSize,
    QSortFilterProxyModel,
    QStandardPaths,
    Qt,
    QThread,
    QTime,
    QTimer,
    QTranslator,
    QUrl,
    Signal,
    Slot,
    qVersion,
)
from PySide6.QtGui import *
from PySide6.QtGui import (  # noqa: F401
    QAction,
    QColor,
    QFont,
    QFontDatabase,
    QGuiApplication,
    QIcon,
    QKeyEvent,
    QKeySequence,
    QPainter,
    QPalette,
    QPixmap,
    QShortcut,
    QStandardItem,
    QStandardItemModel,
    QTextCursor,
    QTextOption,
)
from PySide6.QtWidgets import *
from PySide6.QtWidgets import (  # noqa: F401
    QAbstractItemView,
    QApplication,
    QBoxLayout,
    QCheckBox,
    QComboBox,
    QCompleter,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QDockWidget,
    QDoubleSpinBox,
    QFormLayout,
    QFrame,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QInputDialog,
    QLabel,
    QLineEdit,
    QListView,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QMenu,
    QMenuBar,
    QMessageBox,
    QPlainTextEdit,
    QProgressBar,
    QPushButton,
    QScrollArea,
    QScroller,
    QSizePolicy,
    QSpinBox,
    QSplitter,
    QStackedWidget,
    QStatusBar,
    QStyle,
    QStyledItemDelegate,
    QTableView,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QTextBrowser,
    QTextEdit,
    QToolBar,
    QToolButton,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

try:  # Optional module: SVG icons render without it through QIcon's image plugin.
    from PySide6.QtSvg import QSvgRenderer
except ImportError:  # pragma: no cover - depends on the wheel's contents
    QSvgRenderer = None  # type: ignore[assignment,misc]

try:  # Optional module (PySide6-Addons): the review window shows its text summary without it.
    from PySide6 import QtCharts
except ImportError:  # pragma: no cover - depends on what is installed
    QtCharts = None  # type: ignore[assignment]

QT_VERSION_STR = qVersion()


def is_alive(obj: object) -> bool:
    """Whether a Qt object's C++ side still exists (a window closed and deleted is not)."""
    return bool(shiboken6.isValid(obj))


def translate(context: str, text: str, disambiguation: str | None = None, n: int = -1) -> str:
    """``QCoreApplication.translate`` under a short name for module-level strings."""
    return QCoreApplication.translate(context, text, disambiguation, n)
