"""The Settings dialog: model folder, generation, language, theme, font size, kiosk."""

from __future__ import annotations

from ui.qt import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QDoubleSpinBox,
    QEvent,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
    Signal,
)
from ui.settings import PIN_DIGITS, AppSettings, Generation, valid_pin


class SettingsDialog(QDialog):
    """Edits AppSettings; ``applied(model_changed)`` tells the window what to reload."""

    applied = Signal(bool)

    def __init__(self, settings: AppSettings, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("settingsDialog")
        self.settings = settings
        lay = QVBoxLayout(self)

        self.model_box = QGroupBox()
        mf = QFormLayout(self.model_box)
        self.model_spec = QLineEdit(settings.model_spec)
        # A model folder's path is long: wide enough for a typical one, all of it in the
        # tooltip, and shown from its start (its folder) rather than cut to "ned-2026…".
        self.model_spec.setMinimumWidth(self.model_spec.fontMetrics().horizontalAdvance("x" * 44))
        self.model_spec.textChanged.connect(self._model_tip)
        self.model_spec.setCursorPosition(0)
        self.browse = QPushButton()
        self.browse.clicked.connect(self._browse)
        row = QHBoxLayout()
        row.addWidget(self.model_spec, 1)
        row.addWidget(self.browse)
        self.model_label = QLabel()
        mf.addRow(self.model_label, row)
        g = settings.generation
        self.max_tokens = QSpinBox()
        self.max_tokens.setRange(8, 512)
        self.max_tokens.setValue(g.max_new_tokens)
        self.sample = QCheckBox()
        self.sample.setChecked(g.do_sample)
        self.temperature = QDoubleSpinBox()
        self.temperature.setRange(0.0, 2.0)
        self.temperature.setSingleStep(0.1)
        self.temperature.setValue(g.temperature)
        self.top_p = QDoubleSpinBox()
        self.top_p.setRange(0.05, 1.0)
        self.top_p.setSingleStep(0.05)
        self.top_p.setValue(g.top_p)
        self.max_tokens_label, self.temperature_label, self.top_p_label = (
            QLabel(),
            QLabel(),
            QLabel(),
        )
        mf.addRow(self.max_tokens_label, self.max_tokens)
        mf.addRow("", self.sample)
        mf.addRow(self.temperature_label, self.temperature)
        mf.addRow(self.top_p_label, self.top_p)
        lay.addWidget(self.model_box)

        self.look_box = QGroupBox()
        lf = QFormLayout(self.look_box)
        self.language = QComboBox()
        self.language.addItem("中文", "zh")
        self.language.addItem("English", "en")
        self.language.setCurrentIndex(max(0, self.language.findData(settings.language)))
        self.theme = QComboBox()
        self.theme.addItem("", "light")
        self.theme.addItem("", "dark")
        self.theme.setCurrentIndex(max(0, self.theme.findData(settings.theme)))
        self.font_size = QSpinBox()
        self.font_size.setRange(8, 32)
        self.font_size.setValue(settings.font_size)
        self.language_label, self.theme_label, self.font_label = QLabel(), QLabel(), QLabel()
        lf.addRow(self.language_label, self.language)
        lf.addRow(self.theme_label, self.theme)
        lf.addRow(self.font_label, self.font_size)
        lay.addWidget(self.look_box)

        self.kiosk_box = QGroupBox()
        kf = QFormLayout(self.kiosk_box)
        self.idle = QSpinBox()
        self.idle.setRange(15, 3600)
        self.idle.setValue(int(settings.kiosk_idle_s))
        self.pin = QLineEdit()
        self.pin.setEchoMode(QLineEdit.EchoMode.Password)
        self.pin.setMaxLength(PIN_DIGITS[1])
        self.idle_label, self.pin_label = QLabel(), QLabel()
        kf.addRow(self.idle_label, self.idle)
        # A spin box quietly puts back the old value when one out of range is typed: say why.
        self.idle_hint = QLabel()
        self.idle_hint.setObjectName("fieldError")
        self.idle_hint.setWordWrap(True)
        self.idle_hint.hide()
        kf.addRow("", self.idle_hint)
        self.idle.lineEdit().textEdited.connect(self._check_idle)
        kf.addRow(self.pin_label, self.pin)
        lay.addWidget(self.kiosk_box)

        self.error = QLabel()
        self.error.setObjectName("pinError")
        self.error.hide()
        lay.addWidget(self.error)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.accepted.connect(self.apply)
        self.buttons.rejected.connect(self.reject)
        lay.addWidget(self.buttons)
        for label, field in (
            (self.model_label, self.model_spec),
            (self.max_tokens_label, self.max_tokens),
            (self.temperature_label, self.temperature),
            (self.top_p_label, self.top_p),
            (self.language_label, self.language),
            (self.theme_label, self.theme),
            (self.font_label, self.font_size),
            (self.idle_label, self.idle),
            (self.pin_label, self.pin),
        ):
            label.setBuddy(field)
        self.retranslate_ui()

    def _model_tip(self, *_: object) -> None:
        """The whole path (the field may show only part of it), then what the field takes."""
        what = self.tr("'bundled', a model folder, or a downloaded model's name")
        path = self.model_spec.text().strip()
        self.model_spec.setToolTip(f"{path}\n{what}" if path else what)

    def _browse(self) -> None:
        folder = QFileDialog.getExistingDirectory(self, self.tr("Choose a model folder"))
        if folder:
            self.model_spec.setText(folder)
            self.model_spec.setCursorPosition(0)

    def _idle_typed(self) -> int | None:
        digits = "".join(ch for ch in self.idle.lineEdit().text() if ch.isdigit())
        return int(digits) if digits else None

    def _check_idle(self, _text: str = "") -> bool:
        """True when the typed idle time is in range; else say so at the field."""
        typed = self._idle_typed()
        ok = typed is not None and self.idle.minimum() <= typed <= self.idle.maximum()
        self.idle_hint.setText(
            "" if ok else self.tr("Enter %1 to %2 seconds; %3 cannot be used.")
            .replace("%1", str(self.idle.minimum())).replace("%2", str(self.idle.maximum()))
            .replace("%3", "" if typed is None else str(typed)))
        self.idle_hint.setVisible(not ok)
        return ok

    def apply(self) -> None:
        if not self._check_idle():
            self.idle.setFocus()
            return
        pin = self.pin.text().strip()
        if pin and not valid_pin(pin):
            self.error.setText(self.tr("The PIN must be %1 to %2 digits.").replace(
                "%1", str(PIN_DIGITS[0])).replace("%2", str(PIN_DIGITS[1])))
            self.error.show()
            return
        s = self.settings
        old_spec = s.model_spec
        s.model_spec = self.model_spec.text().strip() or "bundled"
        s.generation = Generation(
            max_new_tokens=self.max_tokens.value(),
            do_sample=self.sample.isChecked(),
            temperature=self.temperature.value(),
            top_p=self.top_p.value(),
        )
        s.language = self.language.currentData()
        s.theme = self.theme.currentData()
        s.font_size = self.font_size.value()
        s.kiosk_idle_s = float(self.idle.value())
        if pin:
            s.kiosk_pin = pin
        s.sync()
        self.applied.emit(s.model_spec != old_spec)
        self.accept()

    def retranslate_ui(self) -> None:
        self.setWindowTitle(self.tr("Settings"))
        self.model_box.setTitle(self.tr("Language model"))
        self.model_label.setText(self.tr("&Model:"))
        self._model_tip()
        self.browse.setText(self.tr("&Browse…"))
        self.max_tokens_label.setText(self.tr("Longest answer (tokens):"))
        self.sample.setText(self.tr("Vary the wording (sampling)"))
        self.temperature_label.setText(self.tr("Temperature:"))
        self.top_p_label.setText(self.tr("Top-p:"))
        self.look_box.setTitle(self.tr("Appearance"))
        self.language_label.setText(self.tr("&Language:"))
        self.theme_label.setText(self.tr("&Theme:"))
        self.theme.setItemText(0, self.tr("Light"))
        self.theme.setItemText(1, self.tr("Dark"))
        self.font_label.setText(self.tr("&Font size (pt):"))
        self.kiosk_box.setTitle(self.tr("Kiosk"))
        self.idle_label.setText(self.tr("&Clear after idle (seconds):"))
        self.pin_label.setText(self.tr("New admin &PIN:"))
        self.pin.setPlaceholderText(self.tr("unchanged"))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)
