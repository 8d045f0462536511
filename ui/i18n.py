"""Qt Linguist translations: load every ``*_<lang>.qm`` under resources/translations.

Every area ships its own .ts/.qm pair (the app's ``app_zh_CN.qm``, the customer
sidebar's own file, …); loading them all by suffix means a new area needs no
change here. Installing or removing a translator makes Qt send
``QEvent.LanguageChange`` to every widget, which retranslates itself.
"""

from __future__ import annotations

import logging
from pathlib import Path

from ui.qt import QCoreApplication, QLibraryInfo, QLocale, QObject, QTranslator, Signal
from ui.resources import translations_dir

log = logging.getLogger(__name__)

# Our language codes → the locale suffixes their .qm files may carry.
_SUFFIXES = {"zh": ("zh_CN", "zh"), "en": ("en", "en_US")}
LOCALES = {"zh": "zh_CN", "en": "en_US"}


def qm_files(lang: str, folder: Path | None = None) -> list[Path]:
    """All .qm files for ``lang`` in ``folder`` (default: the bundled translations)."""
    folder = folder or translations_dir()
    found: list[Path] = []
    for suffix in _SUFFIXES.get(lang, (lang,)):
        found.extend(sorted(folder.glob(f"*_{suffix}.qm")))
    return found


class LanguageManager(QObject):
    """Owns the installed translators so the language can change while the app runs."""

    languageChanged = Signal(str)

    def __init__(self, app: QCoreApplication, folder: Path | None = None) -> None:
        super().__init__(app)
        self._app = app
        self._folder = folder
        self._installed: list[QTranslator] = []
        self.language = ""

    def set_language(self, lang: str) -> list[Path]:
        """Switch to ``lang`` ('zh' or 'en'); returns the .qm files loaded."""
        if lang not in _SUFFIXES:
            raise ValueError(f"unknown interface language {lang!r} (use zh or en)")
        for tr in self._installed:
            self._app.removeTranslator(tr)
        self._installed.clear()
        loaded: list[Path] = []
        for path in qm_files(lang, self._folder):
            tr = QTranslator(self)
            if tr.load(str(path)):
                self._app.installTranslator(tr)
                self._installed.append(tr)
                loaded.append(path)
            else:
                log.warning("could not load translation %s", path)
        # Qt's own strings (standard buttons, context menus) from the Qt install.
        qt_tr = QTranslator(self)
        qt_dir = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
        if qt_tr.load(QLocale(LOCALES[lang]), "qtbase", "_", qt_dir):
            self._app.installTranslator(qt_tr)
            self._installed.append(qt_tr)
        QLocale.setDefault(QLocale(LOCALES[lang]))
        self.language = lang
        self.languageChanged.emit(lang)
        return loaded
