"""The "fine-tune on this store" dialog: runs ``shopguide train --progress-json`` in a QProcess.

Training runs in its own process, not a thread: torch's thread pool and the
training memory stay out of the app, the window never waits on it, and cancel
can always end it (a ``cancel`` line on its stdin first, so it can clean up;
terminate, then kill, if it does not stop). The process writes the model beside
the output folder and renames it into place only when it is complete, so a
cancelled or failed run leaves nothing the app could mistake for a model.
"""

from __future__ import annotations

import json
import os
import shutil
import sys
import time
from collections.abc import Callable
from pathlib import Path

from ui.qt import (
    QApplication,
    QCloseEvent,
    QDialog,
    QDialogButtonBox,
    QDoubleSpinBox,
    QEvent,
    QFileDialog,
    QFormLayout,
    QFrame,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QProcess,
    QProcessEnvironment,
    QProgressBar,
    QPushButton,
    Qt,
    QTimer,
    QVBoxLayout,
    QWidget,
    Signal,
)
from ui.settings import AppSettings
from ui.training.reviewed_source import ReviewedSource

# (program, arguments) that run ``shopguide <args>``; tests swap in a fake trainer.
CommandFactory = Callable[[list[str]], tuple[str, list[str]]]

# The evaluation figures shown before → after, in this order (keys of evaluate's summary).
METRICS = ("top_ordered", "top_shuffled", "cited", "policy_quoted", "no_loop")


def shopguide_command(args: list[str]) -> tuple[str, list[str]]:
    """The same ``shopguide`` the app runs from: the bundle's executable, or this Python."""
    if getattr(sys, "frozen", False):
        return sys.executable, list(args)
    return sys.executable, ["-m", "shopguide", *args]


def staging_dir(out: Path) -> Path:
    """Where ``shopguide train`` writes before the model is complete (see train_cmds)."""
    from shopguide.commands.train_cmds import staging_dir as core_staging_dir

    return core_staging_dir(out)


def default_output_dir() -> Path:
    from shopguide.config import user_data_dir

    return user_data_dir() / "models" / time.strftime("finetuned-%Y%m%d-%H%M")


class LineReader:
    """Splits a byte stream into lines; a line cut between two reads waits for its end."""

    def __init__(self) -> None:
        self._pending = b""

    def feed(self, data: bytes) -> list[str]:
        *lines, self._pending = (self._pending + data).split(b"\n")
        return [ln.decode("utf-8", errors="replace").strip() for ln in lines]

    def flush(self) -> list[str]:
        rest, self._pending = self._pending, b""
        return [rest.decode("utf-8", errors="replace").strip()] if rest.strip() else []


class FinetuneDialog(QDialog):
    """Inputs, progress bar with phase and losses, before/after table, "Use this model".

    ``useModel(folder)`` fires when the merchant chooses the new model (the settings
    already name it); the window then reloads the worker's model.
    """

    useModel = Signal(str)
    finished_run = Signal(str)  # "done" | "cancelled" | "failed" (tests and the window listen)

    # After a cancel line: how long the process may take to stop by itself, then after
    # terminate() how long before kill(). Saving a model can take a few seconds.
    STOP_GRACE_MS = 15000
    KILL_GRACE_MS = 5000

    def __init__(self, settings: AppSettings, store_path: Path | None = None,
                 parent: QWidget | None = None, command: CommandFactory | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("finetuneDialog")
        self.settings = settings
        self._command = command or shopguide_command
        self.process: QProcess | None = None
        self.state = "idle"  # idle | running | cancelling | done | cancelled | failed
        self.phase = ""
        self.progress: dict = {}
        self.report: dict | None = None
        self.error_message = ""
        self._stdout = LineReader()
        self._stderr_tail = ""
        self._out: Path | None = None
        self._close_when_stopped = False
        self._terminated = False
        self._stop_timer = QTimer(self)
        self._stop_timer.setSingleShot(True)
        self._stop_timer.timeout.connect(self._escalate_stop)
        self._build(store_path)
        self.retranslate_ui()
        self._update_state()
        app = QApplication.instance()
        if app is not None:
            app.aboutToQuit.connect(self._abandon)

    # --- construction ----------------------------------------------------
    def _build(self, store_path: Path | None) -> None:
        lay = QVBoxLayout(self)
        self.intro = QLabel()
        self.intro.setWordWrap(True)
        lay.addWidget(self.intro)

        self.inputs = QGroupBox()
        form = QFormLayout(self.inputs)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.ExpandingFieldsGrow)

        def path_row(text: str, browse: Callable[[], None]) -> tuple[QLabel, QLineEdit, QPushButton]:
            label, edit, button = QLabel(), QLineEdit(text), QPushButton()
            button.clicked.connect(browse)
            # A long path does not fit: its end (the folder's own name) shows, all of it in
            # the tooltip.
            edit.textChanged.connect(edit.setToolTip)
            edit.editingFinished.connect(lambda e=edit: e.setCursorPosition(len(e.text())))
            edit.setToolTip(text)
            edit.setCursorPosition(len(text))
            row = QHBoxLayout()
            row.addWidget(edit, 1)
            row.addWidget(button)
            label.setBuddy(edit)
            form.addRow(label, row)
            return label, edit, button

        self.base_label, self.base_edit, self.base_browse = path_row(
            self.settings.model_spec, lambda: self._browse_folder(self.base_edit))
        self.store_label, self.store_edit, self.store_browse = path_row(
            str(store_path) if store_path else "", self._browse_store)
        self.qa_label, self.qa_edit, self.qa_browse = path_row("", self._browse_qa)
        self.reviewed_label, self.reviewed = QLabel(), ReviewedSource()
        self.reviewed_label.setBuddy(self.reviewed)
        form.addRow(self.reviewed_label, self.reviewed)
        self.store_edit.textChanged.connect(self.reviewed.set_store)
        self.reviewed.set_store(self.store_edit.text())
        self.minutes_label = QLabel()
        self.minutes = QDoubleSpinBox()
        self.minutes.setDecimals(0)
        self.minutes.setRange(1, 24 * 60)
        self.minutes.setValue(10)
        self.minutes_label.setBuddy(self.minutes)
        form.addRow(self.minutes_label, self.minutes)
        self.out_label, self.out_edit, self.out_browse = path_row(
            str(default_output_dir()), lambda: self._browse_folder(self.out_edit))
        lay.addWidget(self.inputs)

        self.status = QLabel()
        self.status.setObjectName("finetuneStatus")
        self.status.setWordWrap(True)
        self.status.setTextFormat(Qt.TextFormat.PlainText)
        lay.addWidget(self.status)
        self.bar = QProgressBar()
        self.bar.setObjectName("finetuneProgress")
        self.bar.setRange(0, 1000)
        self.bar.setValue(0)
        self.bar.setTextVisible(True)
        lay.addWidget(self.bar)
        self.details = QLabel()
        self.details.setObjectName("finetuneDetails")
        self.details.setWordWrap(True)
        lay.addWidget(self.details)

        self.error = QLabel()
        self.error.setObjectName("finetuneError")
        self.error.setWordWrap(True)
        self.error.setTextFormat(Qt.TextFormat.PlainText)
        self.error.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.error.hide()
        lay.addWidget(self.error)

        # A grid of labels, not a table view: it takes the theme's colours and grows with
        # the font, so it never needs a scroll bar or a height worked out by hand.
        self.results = QFrame()
        self.results.setObjectName("finetuneResults")
        self.results.setFrameShape(QFrame.Shape.StyledPanel)
        grid = QGridLayout(self.results)
        grid.setHorizontalSpacing(24)
        grid.setColumnStretch(0, 1)
        grid.setColumnMinimumWidth(1, 90)
        grid.setColumnMinimumWidth(2, 90)
        self.result_headers = [QLabel(), QLabel()]
        for col, label in enumerate(self.result_headers, start=1):
            label.setAlignment(Qt.AlignmentFlag.AlignCenter)
            label.setStyleSheet("font-weight: bold;")
            grid.addWidget(label, 0, col)
        self.result_names: list[QLabel] = []
        self.result_cells: list[tuple[QLabel, QLabel]] = []
        for row in range(len(METRICS)):
            name, before, after = QLabel(), QLabel(), QLabel()
            name.setWordWrap(True)
            for col, label in enumerate((name, before, after)):
                if col:
                    label.setAlignment(Qt.AlignmentFlag.AlignCenter)
                grid.addWidget(label, row + 1, col)
            self.result_names.append(name)
            self.result_cells.append((before, after))
        self.results.hide()
        lay.addWidget(self.results)

        self.buttons = QDialogButtonBox()
        self.start_button = self.buttons.addButton("", QDialogButtonBox.ButtonRole.ActionRole)
        self.cancel_button = self.buttons.addButton("", QDialogButtonBox.ButtonRole.ActionRole)
        self.use_button = self.buttons.addButton("", QDialogButtonBox.ButtonRole.AcceptRole)
        self.close_button = self.buttons.addButton("", QDialogButtonBox.ButtonRole.RejectRole)
        self.start_button.clicked.connect(self.start)
        self.cancel_button.clicked.connect(self.cancel)
        self.use_button.clicked.connect(self.use_model)
        self.close_button.clicked.connect(self.close)
        lay.addWidget(self.buttons)
        self.setMinimumWidth(720)

    # --- browsing ----------------------------------------------------------
    def _browse_folder(self, edit: QLineEdit) -> None:
        folder = QFileDialog.getExistingDirectory(self, self.tr("Choose a folder"), edit.text())
        if folder:
            edit.setText(folder)

    def _browse_store(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, self.tr("Choose a store"), self.store_edit.text(),
                                              self.tr("Store database (*.sqlite *.db);;All files (*)"))
        if path:
            self.store_edit.setText(path)

    def _browse_qa(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, self.tr("Choose a question,answer file"),
                                              self.qa_edit.text(), self.tr("CSV files (*.csv)"))
        if path:
            self.qa_edit.setText(path)

    # --- running -------------------------------------------------------------
    def arguments(self) -> list[str]:
        """The ``shopguide`` arguments for the current inputs."""
        args = ["train", "--from", self.base_edit.text().strip() or "bundled",
                "--store", self.store_edit.text().strip(),
                "--minutes", f"{self.minutes.value():g}",
                "--out", self.out_edit.text().strip(),
                # Leave a core to the app: it keeps answering customers meanwhile.
                "--threads", str(max(1, (os.cpu_count() or 2) - 1)),
                "--progress-json", "--stdin-cancel"]
        if self.qa_edit.text().strip():
            args[5:5] = ["--qa", self.qa_edit.text().strip()]
        if self.reviewed.isChecked() and self.reviewed.isEnabled():
            args[5:5] = ["--reviewed"]
        return args

    def _check_inputs(self) -> str:
        store = self.store_edit.text().strip()
        if not store:
            return self.tr("Choose the store to learn from.")
        if not Path(store).expanduser().exists():
            return self.tr("There is no store at %1.").replace("%1", store)
        qa = self.qa_edit.text().strip()
        if qa and not Path(qa).expanduser().is_file():
            return self.tr("There is no question,answer file at %1.").replace("%1", qa)
        if not self.out_edit.text().strip():
            return self.tr("Choose a folder for the new model.")
        return ""

    def start(self) -> None:
        if self.state in ("running", "cancelling"):
            return
        problem = self._check_inputs()
        if problem:
            self._fail(problem)
            return
        self.report, self.progress, self.error_message = None, {}, ""
        self._stdout, self._stderr_tail = LineReader(), ""
        self._out = Path(self.out_edit.text().strip()).expanduser()
        self._terminated = False
        program, args = self._command(self.arguments())
        if self.process is not None:
            self.process.deleteLater()  # the previous (finished) run's
        proc = QProcess(self)
        env = QProcessEnvironment.systemEnvironment()
        env.insert("PYTHONUNBUFFERED", "1")
        env.insert("PYTHONIOENCODING", "utf-8")  # JSON lines carry Chinese; not the console's codepage
        proc.setProcessEnvironment(env)
        proc.readyReadStandardOutput.connect(self._read_stdout)
        proc.readyReadStandardError.connect(self._read_stderr)
        proc.finished.connect(self._on_finished)
        proc.errorOccurred.connect(self._on_process_error)
        self.process = proc
        self.state, self.phase = "running", "starting"
        self._update_state()
        proc.start(program, args)

    def cancel(self) -> None:
        """Ask the run to stop; it cleans up and exits, or is terminated, then killed."""
        proc = self.process
        if self.state != "running" or proc is None:
            return
        self.state = "cancelling"
        self._update_state()
        if proc.state() == QProcess.ProcessState.Running:
            proc.write(b"cancel\n")
        self._stop_timer.start(self.STOP_GRACE_MS)

    def _escalate_stop(self) -> None:
        proc = self.process
        if proc is None or proc.state() == QProcess.ProcessState.NotRunning:
            return
        if not self._terminated:
            self._terminated = True
            proc.terminate()
            self._stop_timer.start(self.KILL_GRACE_MS)
        else:
            proc.kill()

    def _abandon(self) -> None:
        """The app is quitting: end the run now and leave no partial model behind.

        The only place that waits on the process: the window is gone by now, and a
        few seconds let the run stop by itself and remove its partial folder.
        """
        proc = self.process
        if proc is not None and proc.state() != QProcess.ProcessState.NotRunning:
            proc.write(b"cancel\n")
            if not proc.waitForFinished(self.KILL_GRACE_MS):
                proc.kill()
                proc.waitForFinished(3000)
            if self._out is not None:
                shutil.rmtree(staging_dir(self._out), ignore_errors=True)

    def _read_stdout(self) -> None:
        if self.process is not None:
            for line in self._stdout.feed(bytes(self.process.readAllStandardOutput())):
                self._handle_line(line)

    def _read_stderr(self) -> None:
        if self.process is not None:
            text = bytes(self.process.readAllStandardError()).decode("utf-8", errors="replace")
            self._stderr_tail = (self._stderr_tail + text)[-4000:]

    def _handle_line(self, line: str) -> None:
        if not line:
            return
        try:
            event = json.loads(line)
        except ValueError:
            return  # something printed by a library; the protocol lines are all JSON
        if isinstance(event, dict):
            self.handle_event(event)

    def handle_event(self, event: dict) -> None:
        """One progress object from the run (see ``shopguide train --help``)."""
        kind = event.get("event")
        if kind == "phase":
            self.phase = str(event.get("phase", ""))
        elif kind == "progress":
            self.phase = "training"
            self.progress = event
        elif kind == "done":
            self.phase = "done"
            self.report = event.get("report") if isinstance(event.get("report"), dict) else {}
        elif kind == "error":
            self.error_message = str(event.get("message", ""))
        self._update_progress()

    def _on_finished(self, code: int, status: QProcess.ExitStatus) -> None:
        self._read_stdout()
        for line in self._stdout.flush():
            self._handle_line(line)
        self._read_stderr()
        self._stop_timer.stop()
        cancelled = self.state == "cancelling"
        if self.report is not None and code == 0 and status == QProcess.ExitStatus.NormalExit:
            self.state = "done"  # finished before a late cancel could stop it: the model is whole
        elif cancelled:
            self.state = "cancelled"
            if self._out is not None:  # a killed run could not clean up after itself
                shutil.rmtree(staging_dir(self._out), ignore_errors=True)
        else:
            message = self.error_message or self._stderr_summary()
            if not message:
                message = self.tr("The training process stopped unexpectedly (exit code %1).").replace(
                    "%1", str(code))
            self._fail(message)
            return
        self._finish_run()

    def _on_process_error(self, error: QProcess.ProcessError) -> None:
        if error == QProcess.ProcessError.FailedToStart:
            detail = self.process.errorString() if self.process is not None else ""
            self._fail(self.tr("The training process could not start: %1").replace("%1", detail))

    def _stderr_summary(self) -> str:
        lines = [ln for ln in self._stderr_tail.splitlines() if ln.strip()]
        return "\n".join(lines[-6:])

    def _fail(self, message: str) -> None:
        self.error_message = message
        self.state = "failed"
        self._finish_run()

    def _finish_run(self) -> None:
        self._update_state()
        self.finished_run.emit(self.state)
        if self._close_when_stopped and self.state in ("cancelled", "failed", "done"):
            self._close_when_stopped = False
            self.close()

    def use_model(self) -> None:
        if self.state != "done" or self._out is None:
            return
        folder = str(self.report.get("out") if self.report and self.report.get("out") else self._out)
        self.settings.model_spec = folder
        self.settings.sync()
        self.useModel.emit(folder)
        self.accept()

    # --- display ---------------------------------------------------------------
    def _update_state(self) -> None:
        busy = self.state in ("running", "cancelling")
        # After a finished run the inputs show what it learnt from; Start again is for a failure.
        self.inputs.setEnabled(not busy and self.state != "done")
        self.start_button.setVisible(not busy and self.state != "done")
        self.start_button.setEnabled(not busy)
        self.cancel_button.setVisible(busy)
        self.cancel_button.setEnabled(self.state == "running")
        self.use_button.setVisible(self.state == "done")
        self.close_button.setEnabled(True)
        self.error.setVisible(self.state == "failed" and bool(self.error_message))
        self.error.setText(self.error_message)
        self._update_progress()
        self._fill_results()
        QTimer.singleShot(0, self._fit_height)

    def _fit_height(self) -> None:
        """Grow when the results or an error appear, instead of squeezing the inputs (the
        dialog was sized before they existed). Wrapped text needs the height for this width."""
        lay = self.layout()
        need = (lay.totalHeightForWidth(self.width()) if lay.hasHeightForWidth()
                else lay.totalSizeHint().height())
        if self.height() < need:
            self.resize(self.width(), need)

    def _update_progress(self) -> None:
        self.status.setText(self.status_text())
        self.details.setText(self.details_text())
        self.details.setVisible(bool(self.details.text()))
        running = self.state in ("running", "cancelling")
        self.bar.setVisible(running or self.state == "done")
        if self.state == "done":
            self.bar.setRange(0, 1000)
            self.bar.setValue(1000)
        elif running and self.phase == "training" and self.progress:
            self.bar.setRange(0, 1000)
            self.bar.setValue(int(1000 * self.training_fraction()))
        elif running:
            self.bar.setRange(0, 0)  # busy: the untimed stages have no fraction to show

    def training_fraction(self) -> float:
        """How far training is: by the clock when it has a time budget (the bar and the
        "0.2 of 1 min" beside it then agree), else by steps."""
        p = self.progress
        minutes = float(p.get("minutes") or 0)
        if minutes > 0:
            return min(1.0, float(p.get("elapsed_s") or 0) / (60 * minutes))
        return min(1.0, float(p.get("fraction") or 0))

    def status_text(self) -> str:
        if self.state == "idle":
            return ""
        if self.state == "cancelling":
            return self.tr("Stopping…")
        if self.state == "cancelled":
            return self.tr("Cancelled. Nothing was written.")
        if self.state == "failed":
            return self.tr("Fine-tuning did not finish:")
        if self.state == "done":
            return self.tr("Done. The new model is in %1").replace("%1", str(self._out or "")) + \
                self._why_it_ended()
        texts = {
            "starting": self.tr("Starting…"),
            "loading": self.tr("Reading the store and the model…"),
            "evaluating-before": self.tr("Stage 1 of 3: measuring the current model on this store…"),
            "training": self.tr("Stage 2 of 3: training on this store…"),
            "saving": self.tr("Saving the new model…"),
            "evaluating-after": self.tr("Stage 3 of 3: measuring the new model…"),
        }
        return texts.get(self.phase, self.tr("Working…"))

    def _why_it_ended(self) -> str:
        """A run that ends before its time says why (it learnt what it could)."""
        report = self.report or {}
        seconds, minutes = report.get("seconds"), report.get("minutes")
        if report.get("stopped") == "early-stop":
            used = f"{float(seconds or 0) / 60:.1f}"
            return " " + self.tr("Training ended after %1 of %2 min: the model stopped "
                                 "improving on questions it had not practised.").replace(
                "%1", used).replace("%2", f"{float(minutes or 0):g}")
        return ""

    def details_text(self) -> str:
        p = self.progress
        if self.state not in ("running", "cancelling", "done") or not p:
            return ""
        parts = [self.tr("Training step %1").replace("%1", str(p.get("step", 0)))]
        if p.get("loss") is not None:
            parts.append(self.tr("training loss %1").replace("%1", f"{p['loss']:.3f}"))
        val = p.get("best_val_loss") if p.get("val_loss") is None else p.get("val_loss")
        if val is not None:
            parts.append(self.tr("validation loss %1").replace("%1", f"{val:.3f}"))
        minutes = p.get("minutes")
        if minutes:
            parts.append(self.tr("%1 of %2 min").replace("%1", f"{float(p.get('elapsed_s', 0)) / 60:.1f}")
                         .replace("%2", f"{float(minutes):g}"))
        return " · ".join(parts)

    def metric_names(self) -> dict[str, str]:
        return {
            "top_ordered": self.tr("Recommends the product asked about"),
            "top_shuffled": self.tr("Reads the question, not just the first match"),
            "cited": self.tr("Cites the feature that answers a need"),
            "policy_quoted": self.tr("Quotes the store's policy"),
            "no_loop": self.tr("No repeating itself"),
        }

    def _fill_results(self) -> None:
        before = (self.report or {}).get("before") or {}
        after = (self.report or {}).get("after") or {}
        show = self.state == "done" and bool(before or after)
        self.results.setVisible(show)
        if not show:
            return
        names = self.metric_names()
        self.result_headers[0].setText(self.tr("Before"))
        self.result_headers[1].setText(self.tr("After"))
        for row, key in enumerate(METRICS):
            self.result_names[row].setText(names[key])
            for label, values in zip(self.result_cells[row], (before, after)):
                value, n = values.get(key), values.get(f"{key}_n")
                # A share of how many questions: "0%" of none would read as a failure.
                label.setText(self.tr("%1% of %2").replace("%1", f"{value * 100:.0f}").replace(
                    "%2", str(n)) if isinstance(value, (int, float)) and n else
                    self.tr("none asked") if n == 0 else "–")

    def retranslate_ui(self) -> None:
        self.setWindowTitle(self.tr("Fine-tune the model on this store"))
        self.intro.setText(self.tr(
            "The model practises answering questions about this store's products and policies, "
            "then is measured again. It runs in the background: you can keep serving customers. "
            "Customer records are never used."))
        self.inputs.setTitle(self.tr("What to learn from"))
        self.base_label.setText(self.tr("Start from &model:"))
        self.base_edit.setToolTip(self.tr("'bundled', or the folder of a model"))
        self.store_label.setText(self.tr("&Store:"))
        self.store_edit.setToolTip(self.tr("A store database (.sqlite) or a folder with products.csv"))
        self.qa_label.setText(self.tr("Extra &questions (optional):"))
        self.qa_edit.setPlaceholderText(self.tr("a CSV file with question,answer rows"))
        self.reviewed_label.setText(self.tr("&Reviewed questions:"))
        self.minutes_label.setText(self.tr("Training &time (minutes):"))
        self.out_label.setText(self.tr("Save the new model &in:"))
        for button in (self.base_browse, self.store_browse, self.qa_browse, self.out_browse):
            button.setText(self.tr("Browse…"))
        self.start_button.setText(self.tr("Start"))
        self.cancel_button.setText(self.tr("Stop"))
        self.use_button.setText(self.tr("Use this model"))
        self.close_button.setText(self.tr("Close"))
        self.bar.setAccessibleName(self.tr("Fine-tuning progress"))
        self._update_progress()
        self._fill_results()

    # --- closing ---------------------------------------------------------------
    def closeEvent(self, event: QCloseEvent) -> None:
        if self.state in ("running", "cancelling"):
            # Closing means stop: the run is cancelled first, then the dialog closes.
            event.ignore()
            self._close_when_stopped = True
            self.cancel()
            return
        super().closeEvent(event)

    def reject(self) -> None:  # Esc
        if self.state in ("running", "cancelling"):
            self._close_when_stopped = True
            self.cancel()
            return
        super().reject()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)
