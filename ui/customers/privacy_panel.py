"""The sidebar's privacy panel: consent per purpose, Export…, Erase…, and the privacy log.

Consent changes are new records (the history list shows them all); giving
consent can carry an expiry date and always records where it was given.
Export and Erase ask for a reason (kept in the privacy log); Erase also asks
the clerk to type the customer's name.

Threads: consent and the log use the sidebar's Store on the GUI thread (a handful
of indexed queries). Export and Erase run as a ``PrivacyJob`` on a thread of
their own with their own connection (``privacy_jobs.py``): an erasure VACUUMs
the store and cleans every backup copy (seconds with large stores or many
backups), an export writes to a folder that may be a slow stick. Meanwhile the
panel shows a busy line and keeps Export and Erase disabled; the window stays
usable, and the outcome appears when the job reports.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

from shopguide.privacy import consent as pconsent
from shopguide.privacy import erase as perase
from shopguide.privacy import export as pexport
from shopguide.store.errors import StoreError
from shopguide.store.models import CONSENT_HISTORY, CONSENT_MARKETING, Customer
from ui.customers import privacy_dialogs as dialogs
from ui.customers.privacy_jobs import PrivacyJob
from ui.dates import date_format, day_text
from ui.qt import (
    QCheckBox,
    QComboBox,
    QDate,
    QDateEdit,
    QEvent,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QLocale,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
    Signal,
)

log = logging.getLogger(__name__)
PURPOSES = (CONSENT_MARKETING, CONSENT_HISTORY)


class PrivacyPanel(QWidget):
    consentChanged = Signal(str)  # customer id; the engine's linking follows at the next turn
    exported = Signal(list)  # the files written
    customerErased = Signal(str)  # customer id; the sidebar drops them from its list
    busyChanged = Signal(bool)  # an export or erasure started (True) or reported (False)

    def __init__(self, store: Any, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._store = store
        self._customer: Customer | None = None
        self.export_folder = Path.home()
        # The export or erasure running off the GUI thread, and what its report needs.
        self._job: PrivacyJob | None = None
        self._job_context: dict[str, Any] = {}
        self._outcome_text: Callable[[], str] | None = None  # re-run on a language change

        self.consent_box = QGroupBox()
        grid = QGridLayout(self.consent_box)
        self.purpose_labels: dict[str, QLabel] = {}
        self.status_labels: dict[str, QLabel] = {}
        self.grant_buttons: dict[str, QPushButton] = {}
        self.withdraw_buttons: dict[str, QPushButton] = {}
        for row, purpose in enumerate(PURPOSES):
            self.purpose_labels[purpose] = QLabel()
            self.status_labels[purpose] = QLabel()
            self.status_labels[purpose].setWordWrap(True)
            self.grant_buttons[purpose] = QPushButton()
            self.withdraw_buttons[purpose] = QPushButton()
            self.grant_buttons[purpose].clicked.connect(
                lambda _c=False, p=purpose: self.set_consent(p, True))
            self.withdraw_buttons[purpose].clicked.connect(
                lambda _c=False, p=purpose: self.set_consent(p, False))
            # The state ("Given 3/14/2026 (until …)") on a line of its own under its purpose:
            # squeezed beside the buttons of a narrow sidebar it wrapped mid-date.
            grid.addWidget(self.purpose_labels[purpose], 2 * row, 0, 1, 2)
            grid.addWidget(self.grant_buttons[purpose], 2 * row, 2)
            grid.addWidget(self.withdraw_buttons[purpose], 2 * row, 3)
            grid.addWidget(self.status_labels[purpose], 2 * row + 1, 0, 1, 4)
        grid.setColumnStretch(1, 1)
        self.source = QComboBox()
        for source in pconsent.SOURCES:
            self.source.addItem("", source)
        self.expires = QCheckBox()
        self.expiry = QDateEdit()
        self.expiry.setDisplayFormat(date_format())  # as every date in the window
        self.expiry.setCalendarPopup(True)
        self.expiry.setDate(QDate.currentDate().addYears(1))
        self.expiry.setEnabled(False)
        self.expires.toggled.connect(self.expiry.setEnabled)
        self._source_label = QLabel()
        self._source_label.setBuddy(self.source)
        options = QHBoxLayout()
        options.addWidget(self._source_label)
        options.addWidget(self.source)
        options.addSpacing(12)
        options.addWidget(self.expires)
        options.addWidget(self.expiry)
        options.addStretch(1)
        grid.addLayout(options, 2 * len(PURPOSES), 0, 1, 4)  # under each purpose's two rows

        self._history_label = QLabel()
        self.history = QListWidget()
        self._history_label.setBuddy(self.history)
        self.export_button = QPushButton()
        self.erase_button = QPushButton()
        self.log_button = QPushButton()
        self.export_button.clicked.connect(self.export_customer)
        self.erase_button.clicked.connect(self.erase_customer)
        self.log_button.clicked.connect(self.show_log)
        actions = QHBoxLayout()
        actions.addWidget(self.export_button)
        actions.addWidget(self.erase_button)
        actions.addStretch(1)
        actions.addWidget(self.log_button)

        # A busy line while a job runs, then its outcome (until the next action).
        self.status = QLabel()
        self.status.setWordWrap(True)
        self.status.hide()
        self.busy_bar = QProgressBar()
        self.busy_bar.setRange(0, 0)  # no progress to report: the core works file by file
        self.busy_bar.setTextVisible(False)
        self.busy_bar.setMaximumHeight(8)
        self.busy_bar.hide()

        layout = QVBoxLayout(self)
        layout.addWidget(self.consent_box)
        layout.addWidget(self._history_label)
        layout.addWidget(self.history, 1)
        layout.addLayout(actions)
        layout.addWidget(self.busy_bar)
        layout.addWidget(self.status)
        self.retranslate()
        self.set_customer(None)

    # --- public -----------------------------------------------------------------------------
    def set_customer(self, customer: Customer | None) -> None:
        if customer is not None and self._job is None:
            self.status.hide()  # the last outcome was about someone else
            self._outcome_text = None
        self._customer = customer
        self._update_enabled()
        self.refresh()

    def customer(self) -> Customer | None:
        return self._customer

    def busy(self) -> bool:
        """An export or erasure is running (or its report has not been handled yet)."""
        return self._job is not None

    def job(self) -> PrivacyJob | None:
        return self._job

    def erasing_id(self) -> str | None:
        """Whose erasure is running, if one is."""
        if self._job is None or self._job_context.get("kind") != "erase":
            return None
        return self._job_context.get("customer_id")

    def _update_enabled(self) -> None:
        # While a job runs, nothing here may start another write for anyone: an erasure
        # holds the store's write lock through its VACUUM, and a second job would queue.
        chosen = self._customer is not None
        self.history.setEnabled(chosen)
        for w in (self.consent_box, self.export_button, self.erase_button):
            w.setEnabled(chosen and self._job is None)

    def refresh(self) -> None:
        self.history.clear()
        if getattr(self._store, "conn", True) is None:
            self._customer = None  # the sidebar closed its store: nothing left to show
        states = (pconsent.current(self._store, self._customer.id) if self._customer else {})
        for purpose in PURPOSES:
            state = states.get(purpose)
            self.status_labels[purpose].setText(self._status_text(state) if state else "")
            self.grant_buttons[purpose].setEnabled(state is not None and not state.in_force)
            self.withdraw_buttons[purpose].setEnabled(state is not None and state.in_force)
        if self._customer is not None:
            for c in reversed(self._store.consents(self._customer.id)):
                self.history.addItem(self._decision_text(c))

    def set_consent(self, purpose: str, granted: bool) -> bool:
        if self._customer is None:
            return False
        expiry: date | None = None
        if granted and self.expires.isChecked():
            d = self.expiry.date()
            expiry = date(d.year(), d.month(), d.day())
        try:
            pconsent.record(self._store, self._customer.id, purpose, granted,
                            source=str(self.source.currentData()), expiry=expiry)
        except (pconsent.ConsentError, StoreError) as exc:
            dialogs.inform(self, self.tr("Consent not recorded"), str(exc), warning=True)
            return False
        self.refresh()
        self.consentChanged.emit(self._customer.id)
        return True

    def export_customer(self) -> bool:
        """Ask where to and why, then export on a job thread. True if an export started;
        ``exported`` reports the files once they are written."""
        if self._customer is None or self._job is not None:
            return False
        dialog = dialogs.ExportDialog(self, self.export_folder, self._lang())
        if not dialogs.run(dialog):
            return False
        folder, fmt, lang, reason = dialog.values()
        customer_id = self._customer.id

        def work(store: Any) -> list[Path]:
            return pexport.export_customer(store, customer_id, folder, fmt=fmt, lang=lang,
                                           reason=reason)

        self._start_job("export", work, {"folder": folder},
                        lambda: self.tr("Exporting…"))
        return True

    def erase_customer(self) -> bool:
        """Confirm, then erase on a job thread. True if an erasure started; the outcome is
        shown when it reports (``customerErased`` on success)."""
        customer = self._customer
        if customer is None or self._job is not None:
            return False
        n_purchases = len(self._store.purchases(customer.id))
        dialog = dialogs.EraseDialog(self, customer.name, n_purchases)
        if not dialogs.run(dialog) or not dialog.ready():
            return False
        reason = dialog.reason.text().strip()
        anonymise = dialog.keep_purchases.isChecked()
        customer_id = customer.id

        def work(store: Any) -> perase.ErasureReport:
            # Looked up at run time, so a test can put a slow erasure in its place.
            return perase.erase_customer(store, customer_id, reason=reason,
                                         anonymise_purchases=anonymise)

        self._start_job("erase", work, {"customer_id": customer_id},
                        lambda: self.tr("Erasing… The window stays usable; with a large store "
                                        "or many backup copies this takes a while."))
        return True

    # --- jobs ---------------------------------------------------------------------------------
    def _start_job(self, kind: str, work: Callable[[Any], Any], context: dict[str, Any],
                   busy_text: Callable[[], str]) -> None:
        path = str(getattr(self._store, "path", "") or ":memory:")
        if path == ":memory:":
            # No file another connection could open (tests with a memory store): run here.
            context["kind"] = kind
            self._job_context = context
            try:
                result = work(self._store)
            except (pexport.ExportError, perase.ErasureError, StoreError, OSError) as exc:
                self._job_failed(str(exc))
            else:
                self._job_succeeded(result)
            return
        job = PrivacyJob(kind, path, work)
        job.succeeded.connect(self._job_succeeded)
        job.failed.connect(self._job_failed)
        self._job = job
        self._job_context = dict(context, kind=kind)
        self._show_status(busy_text, busy=True)
        self._update_enabled()
        self.busyChanged.emit(True)
        job.start()

    def _end_job(self) -> tuple[str, dict[str, Any]]:
        context, self._job_context = self._job_context, {}
        was_busy = self._job is not None
        self._job = None
        self.busy_bar.hide()
        self._update_enabled()
        if was_busy:
            self.busyChanged.emit(False)
        return str(context.get("kind", "")), context

    def _store_closed(self) -> bool:
        return getattr(self._store, "conn", True) is None

    def _job_succeeded(self, result: object) -> None:
        kind, context = self._end_job()
        if self._store_closed():  # the window closed meanwhile: nobody to tell
            log.info("privacy %s finished after the sidebar closed", kind)
            return
        if kind == "export":
            self._exported(list(result), context)  # type: ignore[call-overload]
        elif kind == "erase" and isinstance(result, perase.ErasureReport):
            self._erased(str(context["customer_id"]), result)

    def _job_failed(self, message: str) -> None:
        kind, _context = self._end_job()
        if self._store_closed():
            log.warning("privacy %s failed after the sidebar closed", kind)
            return
        if kind == "export":
            self._show_status(lambda: self.tr("Export failed."))
            dialogs.inform(self, self.tr("Export failed"), message, warning=True)
        else:
            self._show_status(lambda: self.tr("Erasure failed. It can be run again."))
            dialogs.inform(self, self.tr("Erasure failed"), message, warning=True)
        self.refresh()

    def _exported(self, files: list[Path], context: dict[str, Any]) -> None:
        self.export_folder = context["folder"]
        self._show_status(lambda: self.tr("Exported %n file(s).", "", len(files)))
        dialogs.inform(self, self.tr("Exported"), self.tr("Written:") + "\n" +
                       "\n".join(str(f) for f in files))
        self.exported.emit(files)

    def _erased(self, customer_id: str, report: perase.ErasureReport) -> None:
        log.info("customer erased (%d rows)", sum(report.deleted.values()))
        warnings = []
        if not report.wal_emptied:
            warnings.append(self.tr("Another window kept the store busy, so old copies may "
                                    "remain in its journal. Close ShopGuide and open it again."))
        if report.backups:
            warnings.append(self.tr("These backup copies still hold the customer's data; "
                                    "delete them:") + "\n" + "\n".join(
                f"{path} ({report.backup_problems.get(path, '?')})" for path in report.backups))
        cleaned = len(report.backups_cleaned)
        left = len(report.backups)

        def outcome() -> str:
            text = self.tr("Customer erased.")
            if cleaned:
                text += " " + self.tr("%n backup copy(ies) cleaned.", "", cleaned)
            if left:
                text += " " + self.tr("%n backup copy(ies) could not be cleaned.", "", left)
            return text

        self._show_status(outcome)
        if self._customer is not None and self._customer.id == customer_id:
            self.set_customer(None)
        self.customerErased.emit(customer_id)
        if warnings:
            dialogs.inform(self, self.tr("Erased, with warnings"), "\n\n".join(warnings),
                           warning=True)

    def _show_status(self, text: Callable[[], str], busy: bool = False) -> None:
        self._outcome_text = text
        self.status.setText(text())
        self.status.show()
        self.busy_bar.setVisible(busy)

    def show_log(self) -> None:
        dialogs.run(dialogs.PrivacyLogDialog(
            self, self._store, self._customer.id if self._customer else None))

    # --- text ---------------------------------------------------------------------------------
    def _purpose_name(self, purpose: str) -> str:
        return {CONSENT_MARKETING: self.tr("Marketing messages"),
                CONSENT_HISTORY: self.tr("Keep conversation history")}.get(purpose, purpose)

    def _source_name(self, source: str) -> str:
        return {"counter": self.tr("at the counter"), "kiosk": self.tr("at the kiosk"),
                "import": self.tr("imported"), "migration": self.tr("earlier version")
                }.get(source, source)

    def _day(self, d: date) -> str:
        return day_text(d)

    def _status_text(self, state: pconsent.ConsentState) -> str:
        latest = state.latest
        if latest is None:
            return self.tr("Not asked")
        when = self._day(latest.date.astimezone().date())
        if state.status == "granted":
            text = self.tr("Given %1").replace("%1", when)
            if latest.expiry:
                text += " " + self.tr("(until %1)").replace("%1", self._day(latest.expiry))
            return text
        if state.status == "expired":
            return self.tr("Expired %1").replace("%1", self._day(latest.expiry or date.today()))
        return self.tr("Withdrawn %1").replace("%1", when)

    def _decision_text(self, c: Any) -> str:
        verb = self.tr("given") if c.granted else self.tr("withdrawn")
        text = f"{self._day(c.date.astimezone().date())}  {self._purpose_name(c.purpose)}: " \
               f"{verb}, {self._source_name(c.source)}"
        if c.expiry:
            text += " " + self.tr("(until %1)").replace("%1", self._day(c.expiry))
        return text

    def _lang(self) -> str:
        return "zh" if QLocale().language() == QLocale.Language.Chinese else "en"

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def retranslate(self) -> None:
        self.expiry.setDisplayFormat(date_format())  # the new language's date format
        self.consent_box.setTitle(self.tr("Consent"))
        for purpose in PURPOSES:
            self.purpose_labels[purpose].setText(self._purpose_name(purpose))
            self.grant_buttons[purpose].setText(self.tr("Give"))
            self.grant_buttons[purpose].setAccessibleName(
                self.tr("Record consent: %1").replace("%1", self._purpose_name(purpose)))
            self.withdraw_buttons[purpose].setText(self.tr("Withdraw"))
            self.withdraw_buttons[purpose].setAccessibleName(
                self.tr("Withdraw consent: %1").replace("%1", self._purpose_name(purpose)))
        for i in range(self.source.count()):
            self.source.setItemText(i, self._source_name(str(self.source.itemData(i))))
        self._source_label.setText(self.tr("&Source:"))
        self.expires.setText(self.tr("E&xpires on"))
        self._history_label.setText(self.tr("Consent &history (newest first)"))
        self.export_button.setText(self.tr("&Export…"))
        self.export_button.setToolTip(self.tr("Write everything held about this customer "
                                              "(JSON and a readable report)"))
        self.erase_button.setText(self.tr("Erase…"))
        self.erase_button.setToolTip(self.tr("Delete this customer everywhere, for good"))
        self.log_button.setText(self.tr("Privacy &log…"))
        if self._outcome_text is not None:
            self.status.setText(self._outcome_text())
        self.refresh()
