"""The main window: header, chat, customer sidebar (clerk mode), status bar.

It only draws and reacts: every question, rating and model load goes to the
worker through ``GuideClient``, and every answer comes back as signals.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path
from types import SimpleNamespace

from shopguide.guide.conversation import MAX_TURNS
from ui.backend import StoreInfo
from ui.chat.panel import ChatPanel
from ui.i18n import LanguageManager
from ui.qt import (
    QAction,
    QActionGroup,
    QCloseEvent,
    QEvent,
    QFrame,
    QHBoxLayout,
    QIcon,
    QKeySequence,
    QLabel,
    QMainWindow,
    QMessageBox,
    QProgressBar,
    QPushButton,
    QShortcut,
    QSplitter,
    Qt,
    QTimer,
    QToolButton,
    QVBoxLayout,
    QWidget,
    Signal,
)
from ui.resources import icon, stylesheet
from ui.settings import AppSettings
from ui.worker import GuideClient

log = logging.getLogger(__name__)

SidebarFactory = Callable[[Path, QWidget], QWidget]


def default_sidebar(store_path: Path, parent: QWidget) -> QWidget:
    from ui.customers.sidebar import CustomerSidebar

    return CustomerSidebar(store_path, parent)


class MainWindow(QMainWindow):
    languageSwitched = Signal(str)
    closed = Signal()  # the window really closed (after its worker stopped, or gave up on it)

    def __init__(
        self,
        client: GuideClient,
        settings: AppSettings,
        languages: LanguageManager | None = None,
        mode: str = "clerk",
        sidebar_factory: SidebarFactory | None = default_sidebar,
    ) -> None:
        super().__init__()
        self.client = client
        self.settings = settings
        self.languages = languages
        self.mode = mode
        self.kiosk = mode == "kiosk"
        self.customer: object = None  # a shopguide Customer; never set in kiosk mode
        self.conversation: object = None  # the worker's latest snapshot, for "Save to notes"
        # Turns of earlier conversations this session: a customer served, then another,
        # then the first again has all their turns in "Save to notes".
        self._earlier_turns: list = []
        self.store_info: StoreInfo | None = None
        self._store_error = ""  # why the store could not be opened, shown in the status bar
        self.sidebar: QWidget | None = None
        self._sidebar_factory = None if self.kiosk else sidebar_factory
        self._model_state = ("loading", "")  # loading | ready | failed | none, detail
        self._speed: float | None = None
        self._close_started = self._close_waiting = self._close_gave_up = False
        self.setObjectName("mainWindow")
        self.setWindowIcon(icon("app"))
        self._build()
        self._connect()
        self.retranslate_ui()
        self.apply_style()

    # --- construction ----------------------------------------------------
    def _build(self) -> None:
        central = QWidget()
        outer = QVBoxLayout(central)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.setSpacing(0)
        self.header = QFrame()
        self.header.setObjectName("header")
        hl = QHBoxLayout(self.header)
        self.header_label = QLabel()
        self.header_label.setObjectName("headerLabel")
        self.header_label.setTextFormat(Qt.TextFormat.PlainText)
        self.header_label.setWordWrap(True)
        hl.addWidget(self.header_label, 1)
        self.new_button = QPushButton(icon("new"), "")
        self.new_button.setObjectName("newButton")
        hl.addWidget(self.new_button)
        self.language_button = QPushButton(icon("language"), "")
        self.language_button.setObjectName("languageButton")
        hl.addWidget(self.language_button)
        self.staff_button = QPushButton(icon("staff"), "")
        self.staff_button.setObjectName("staffButton")
        self.staff_button.setVisible(self.kiosk)
        hl.addWidget(self.staff_button)
        outer.addWidget(self.header)
        self.chat = ChatPanel()
        self.chat.ui_lang = self.languages.language if self.languages else self.settings.language
        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.setChildrenCollapsible(False)
        self.splitter.addWidget(self.chat)
        outer.addWidget(self.splitter, 1)
        self.setCentralWidget(central)
        self._build_status_bar()
        if not self.kiosk:
            self._build_menus()
        self.stop_shortcut = QShortcut(QKeySequence(Qt.Key.Key_Escape), self)
        self.stop_shortcut.activated.connect(self.stop)

    def _build_status_bar(self) -> None:
        bar = self.statusBar()
        bar.setObjectName("statusBar")
        self.model_label = QLabel()
        self.model_label.setObjectName("modelStatus")
        self.model_progress = QProgressBar()
        self.model_progress.setObjectName("modelProgress")
        self.model_progress.setRange(0, 0)  # busy until the runtime reports a fraction
        self.model_progress.setMaximumWidth(140)
        self.model_progress.setTextVisible(False)
        self.store_label = QLabel()
        self.store_label.setObjectName("storeStatus")
        self.speed_label = QLabel()
        self.speed_label.setObjectName("speedStatus")
        self.model_details = QToolButton()
        self.model_details.setObjectName("modelDetails")
        self.model_details.clicked.connect(self.show_model_problem)
        self.model_details.hide()
        bar.addWidget(self.model_label, 1)
        bar.addWidget(self.model_details)
        bar.addWidget(self.model_progress)
        bar.addPermanentWidget(self.store_label)
        bar.addPermanentWidget(self.speed_label)
        self.speed_label.hide()

    def _build_menus(self) -> None:
        def action(
            slot: Callable[[], None],
            shortcut: QKeySequence | str | None = None,
            icon_name: str = "",
        ) -> QAction:
            a = QAction(icon(icon_name) if icon_name else QIcon(), "", self)
            if shortcut is not None:
                a.setShortcut(QKeySequence(shortcut))
            a.triggered.connect(slot)
            return a

        self.act_new = action(self.new_conversation, QKeySequence.StandardKey.New, "new")
        self.act_notes = action(self.save_to_notes, "Ctrl+S", "note")
        self.act_settings = action(self.open_settings, "Ctrl+,", "settings")
        self.act_finetune = action(self.open_finetune)
        self.act_review = action(self.open_review)
        self.act_new_customer = action(self.new_customer_from_chat)
        self.act_about = action(self.show_about)
        self.act_quit = action(self.close, QKeySequence.StandardKey.Quit)
        self.act_bigger = action(lambda: self.change_font(+1), QKeySequence.StandardKey.ZoomIn)
        self.act_smaller = action(lambda: self.change_font(-1), QKeySequence.StandardKey.ZoomOut)
        self.act_zh = action(lambda: self.set_language("zh"))
        self.act_en = action(lambda: self.set_language("en"))
        self.act_light = action(lambda: self.set_theme("light"))
        self.act_dark = action(lambda: self.set_theme("dark"))
        for group in ((self.act_zh, self.act_en), (self.act_light, self.act_dark)):
            g = QActionGroup(self)
            for a in group:
                a.setCheckable(True)
                g.addAction(a)
        self.file_menu = self.menuBar().addMenu("")
        self.file_menu.addActions([self.act_new, self.act_notes, self.act_new_customer])
        self.file_menu.addSeparator()
        self.file_menu.addActions([self.act_settings, self.act_review, self.act_finetune,
                                   self.act_quit])
        self.view_menu = self.menuBar().addMenu("")
        self.language_menu = self.view_menu.addMenu("")
        self.language_menu.addActions([self.act_zh, self.act_en])
        self.theme_menu = self.view_menu.addMenu("")
        self.theme_menu.addActions([self.act_light, self.act_dark])
        self.view_menu.addActions([self.act_bigger, self.act_smaller])
        self.help_menu = self.menuBar().addMenu("")
        self.help_menu.addAction(self.act_about)
        self.new_button.hide()  # clerk mode has the menu and Ctrl+N; the header stays quiet
        self.language_button.hide()

    def _connect(self) -> None:
        w = self.client  # its signals fire in the GUI thread
        w.storeReady.connect(self._on_store_ready)
        w.storeFailed.connect(self._on_store_failed)
        w.storeChecked.connect(self._on_store_checked)
        w.modelLoading.connect(self._on_model_loading)
        w.modelProgress.connect(self._on_model_progress)
        w.modelReady.connect(self._on_model_ready)
        w.modelFailed.connect(self._on_model_failed)
        w.cards.connect(self.chat.show_cards)
        w.token.connect(self.chat.append_token)
        w.done.connect(self.chat.finish)
        w.failed.connect(self.chat.fail)
        w.speed.connect(self._on_speed)
        w.answerSaved.connect(self.chat.set_message_id)
        w.conversationChanged.connect(self._on_conversation)
        self.chat.askRequested.connect(self._ask)
        self.chat.stopRequested.connect(self.stop)
        self.chat.rateRequested.connect(self.client.rate)
        self.new_button.clicked.connect(self.new_conversation)
        self.language_button.clicked.connect(self.toggle_language)

    # --- actions ---------------------------------------------------------
    def _ask(self, text: str) -> None:
        self.client.ask(text, None if self.kiosk else self.customer)

    def stop(self) -> None:
        if self.chat.generating:
            self.client.stop()

    def new_conversation(self) -> None:
        self.client.new_conversation()
        self.chat.clear()
        self.chat.input_bar.input.clear()
        self.chat.input_bar.input.setFocus()

    def save_to_notes(self) -> None:
        propose = getattr(self.sidebar, "propose_note_from", None)
        if callable(propose) and self.conversation is not None:
            propose(self.session_turns())

    def set_customer(self, customer: object) -> None:
        if self.kiosk:
            return  # no customer data on a kiosk, whatever asks for it
        before = getattr(self.customer, "id", None)
        after = getattr(customer, "id", None)
        self.customer = customer
        if before is not None and after != before:
            # One person's turns must never end up in another's history, notes or prompt.
            # (From nobody to someone keeps the chat: the walk-in was identified.)
            self.new_conversation()
        self.retranslate_ui()

    def open_settings(self) -> None:
        from ui.settings_dialog import SettingsDialog

        dialog = SettingsDialog(self.settings, self)
        dialog.applied.connect(self._settings_applied)
        dialog.open()

    def open_finetune(self) -> None:
        from ui.training import FinetuneDialog

        # Not modal: training takes minutes and the clerk keeps serving meanwhile. One
        # dialog at a time; the menu brings back the one already open.
        dialog = self.findChild(FinetuneDialog)
        if dialog is None:
            path = self.store_info.path if self.store_info else None
            dialog = FinetuneDialog(self.settings, path, self)
            dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
            dialog.useModel.connect(self.client.load_model)  # the dialog saved the setting
        dialog.show()
        dialog.raise_()
        dialog.activateWindow()

    def open_review(self) -> None:
        """The review of unanswered questions, behind the admin PIN (clerk mode only)."""
        from ui.review import ReviewWindow, admin_unlocked

        if self.kiosk or self.store_info is None or self.store_info.path is None:
            return
        window = self.findChild(ReviewWindow)
        if window is not None:  # one at a time; already unlocked
            window.show()
            window.raise_()
            window.activateWindow()
            return
        path = self.store_info.path

        def unlocked() -> None:
            review = ReviewWindow(path, self)
            review.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
            review.show()

        self.review_gate = admin_unlocked(self.settings, self, unlocked)

    def _settings_applied(self, model_changed: bool) -> None:
        self.set_language(self.settings.language)
        self.apply_style()
        if model_changed:
            self.client.load_model(self.settings.model_spec)

    def set_language(self, lang: str, persist: bool = True) -> None:
        if persist:
            self.settings.language = lang
        self.chat.set_language(lang)
        if self.languages is not None and self.languages.language != lang:
            self.languages.set_language(lang)  # Qt then sends LanguageChange everywhere
        self.languageSwitched.emit(lang)

    def toggle_language(self) -> None:
        # A kiosk shopper's choice lasts for their visit; the next one gets the default.
        self.set_language("en" if self.chat.ui_lang == "zh" else "zh", persist=not self.kiosk)

    def set_theme(self, theme: str) -> None:
        self.settings.theme = theme
        self.apply_style()

    def change_font(self, step: int) -> None:
        self.settings.font_size = self.settings.font_size + step
        self.apply_style()

    def apply_style(self) -> None:
        self.setStyleSheet(stylesheet(self.settings.theme, self.kiosk, self.settings.font_size))
        self.chat.refit()

    # --- the worker's reports ----------------------------------------------
    def _on_store_ready(self, info: StoreInfo) -> None:
        self.store_info = info
        if not self.client.model_spec and self._model_state[0] == "loading":
            self._model_state = ("none", "")  # started without a model: facts only
            self.model_progress.hide()
        self.chat.set_suggestions(info.suggestions)
        if self._sidebar_factory is not None and info.path is not None and self.sidebar is None:
            self._add_sidebar(info.path)
        self.retranslate_ui()

    def _add_sidebar(self, path: Path) -> None:
        assert self._sidebar_factory is not None
        try:
            self.sidebar = self._sidebar_factory(path, self)
        except Exception:
            log.exception("the customer sidebar could not be created")
            return
        self.sidebar.setObjectName("customerSidebar")
        self.splitter.addWidget(self.sidebar)
        self.splitter.setStretchFactor(0, 3)
        self.splitter.setStretchFactor(1, 2)
        total = max(self.splitter.width(), 800)
        self.splitter.setSizes([total * 3 // 5, total * 2 // 5])  # the chat is the main thing
        selected = getattr(self.sidebar, "customerSelected", None)
        if selected is not None:
            selected.connect(self.set_customer)
        privacy = getattr(self.sidebar, "privacy", None)
        if privacy is not None:
            # The erased person's turns must not stay on screen or in the worker's memory.
            privacy.customerErased.connect(self._on_customer_erased)

    def _on_customer_erased(self, customer_id: object) -> None:
        """The erased person's chat goes (another's, served meanwhile, stays: switching
        customers already started that one afresh)."""
        # Their turns of earlier conversations go too: nothing of theirs stays in memory.
        self._earlier_turns = [t for t in self._earlier_turns
                               if getattr(t, "customer_id", None) != customer_id]
        if getattr(self.customer, "id", None) == customer_id:
            self.customer = None
            self.new_conversation()
            self.retranslate_ui()

    def _store_text(self) -> str:
        if self._store_error:
            return self.tr("Store could not be opened: %1").replace("%1", self._store_error)
        info = self.store_info
        if info is None:
            return ""
        text = self.tr("Store: %1").replace("%1", info.name) if info.name else ""
        if info.empty:
            text += " · " + self.tr("no products yet: import your catalog")
        if info.readonly:
            text += " · " + self.tr("read-only: conversations are not saved")
        if info.damaged:
            text += " · " + self.tr("the store file is damaged: run 'shopguide db check'")
        return text.strip(" ·")

    def _on_store_checked(self, damaged: bool) -> None:
        if damaged and self.store_info is not None:
            self.store_info = replace(self.store_info, damaged=True)
            self.store_label.setText(self._store_text())

    def _on_store_failed(self, message: str) -> None:
        self._store_error = message
        self.store_label.setText(self._store_text())

    def _on_model_loading(self, spec: str) -> None:
        self._model_state = ("loading", spec)
        self.model_progress.setRange(0, 0)
        self.model_progress.show()
        self.retranslate_ui()

    def _on_model_progress(self, pct: int) -> None:
        if pct < 0:
            self.model_progress.setRange(0, 0)
        else:
            self.model_progress.setRange(0, 100)
            self.model_progress.setValue(pct)

    def _on_model_ready(self, name: str) -> None:
        self._model_state = ("ready", name)
        self.model_progress.hide()
        self.retranslate_ui()

    def _on_model_failed(self, message: str) -> None:
        self._model_state = ("failed", message)
        self.model_progress.hide()
        self.retranslate_ui()

    def model_problem(self) -> str:
        state, detail = self._model_state
        return detail if state == "failed" else ""

    def show_model_problem(self) -> None:
        if self.model_problem():
            box = QMessageBox(
                QMessageBox.Icon.Warning,
                self.tr("Model not loaded"),
                self.model_problem(),
                QMessageBox.StandardButton.Ok,
                self,
            )
            box.setTextFormat(Qt.TextFormat.PlainText)
            box.open()

    def _on_speed(self, rate: float) -> None:
        self._speed = rate
        self.retranslate_ui()

    def _on_conversation(self, conversation: object) -> None:
        before = list(getattr(self.conversation, "turns", None) or ())
        now = list(getattr(conversation, "turns", None) or ())
        if before and not now:  # a new conversation began: keep the last one's turns
            self._earlier_turns = (self._earlier_turns + before)[-MAX_TURNS:]
        self.conversation = conversation

    def session_turns(self) -> SimpleNamespace:
        """This session's turns, earlier conversations first (what "Save to notes" reads;
        the sidebar keeps those of the customer it is saving for)."""
        current = list(getattr(self.conversation, "turns", None) or ())
        return SimpleNamespace(turns=self._earlier_turns + current)

    # --- text --------------------------------------------------------------
    def model_status_text(self) -> str:
        state, detail = self._model_state
        if state == "loading":
            return self.tr("Loading the language model…")
        if state == "ready":
            return self.tr("Model ready: %1").replace("%1", detail)
        if state == "failed":
            return self.tr("Model not loaded: answers come from the store's facts only.")
        return self.tr("No model: answers come from the store's facts only.")

    def header_text(self) -> str:
        store = self.store_info.name if self.store_info and self.store_info.name else ""
        if self.kiosk:
            if store:
                return self.tr(
                    "Welcome to %1! Ask me about products, sizes, prices or policies."
                ).replace("%1", store)
            return self.tr("Welcome! Ask me about products, sizes, prices or policies.")
        name = getattr(self.customer, "name", None)
        if name:
            return self.tr("Serving: %1").replace("%1", str(name))
        return self.tr(
            "Serving: a walk-in customer (choose one on the right to personalise answers)"
        )

    def fit_header(self) -> None:
        """On a narrow screen (a small kiosk panel) the header's buttons show their icon
        only, their words in the tooltip, so the window fits the screen; "Ask a staff
        member" keeps its words, as it matters most to a shopper in trouble."""
        full = {self.new_button: self.tr("New conversation"),
                self.language_button: self.tr("English") if self.chat.ui_lang == "zh" else "中文"}
        buttons = [b for b in (self.new_button, self.language_button, self.staff_button)
                   if not b.isHidden()]
        for b, text in full.items():
            b.setText(text)
            b.setToolTip(text)
        # The screen's width too: the buttons' own minimum would keep the window wider.
        screen = self.screen()
        width = min(self.width(), screen.geometry().width()) if screen else self.width()
        room = width * 0.55  # the welcome line keeps the rest
        if sum(b.sizeHint().width() for b in buttons) > room:
            for b in full:
                b.setText("")

    def resizeEvent(self, event: QEvent) -> None:  # type: ignore[override]
        super().resizeEvent(event)  # type: ignore[arg-type]
        self.fit_header()

    def retranslate_ui(self) -> None:
        self.setWindowTitle(self.tr("ShopGuide — Kiosk") if self.kiosk else self.tr("ShopGuide"))
        self.header_label.setText(self.header_text())
        self.header_label.setAccessibleName(self.tr("Who is being served"))
        self.model_label.setText(self.model_status_text())
        state, detail = self._model_state
        # The runtime's message (what is wrong, which folder, what to do) can be long:
        # the bar keeps one short line; the tooltip and a click show all of it.
        self.model_label.setToolTip(detail if state == "failed" else self.model_label.text())
        self.model_label.setAccessibleDescription(detail if state == "failed" else "")
        self.model_details.setVisible(state == "failed" and not self.kiosk)  # paths: staff only
        self.model_details.setText(self.tr("Details…"))
        self.model_details.setAccessibleName(self.tr("Why the model did not load"))
        self.model_progress.setAccessibleName(self.tr("Model loading progress"))
        self.store_label.setText(self._store_text())
        if self._speed is not None:
            self.speed_label.setText(self.tr("%1 tokens/s").replace("%1", f"{self._speed:.0f}"))
            self.speed_label.show()
        self.new_button.setText(self.tr("New conversation"))
        self.new_button.setAccessibleName(self.tr("Start a new conversation"))
        self.language_button.setText(self.tr("English") if self.chat.ui_lang == "zh" else "中文")
        self.language_button.setAccessibleName(self.tr("Switch language"))
        self.staff_button.setText(self.tr("Ask a staff member"))
        self.staff_button.setAccessibleName(self.tr("Ask a staff member for help"))
        self.fit_header()
        if not self.kiosk:
            self._retranslate_menus()

    def _retranslate_menus(self) -> None:
        self.file_menu.setTitle(self.tr("&Conversation"))
        self.view_menu.setTitle(self.tr("&View"))
        self.language_menu.setTitle(self.tr("Language"))
        self.theme_menu.setTitle(self.tr("Theme"))
        self.act_new.setText(self.tr("&New conversation"))
        self.act_notes.setText(self.tr("&Save to customer notes…"))
        self.act_settings.setText(self.tr("Se&ttings…"))
        self.act_finetune.setText(self.tr("&Fine-tune the model on this store…"))
        self.act_review.setText(self.tr("&Review unanswered questions…"))
        self.act_new_customer.setText(self.tr("New &customer…"))
        self.help_menu.setTitle(self.tr("&Help"))
        self.act_about.setText(self.tr("&About ShopGuide"))
        self.act_quit.setText(self.tr("&Quit"))
        self.act_bigger.setText(self.tr("Larger text"))
        self.act_smaller.setText(self.tr("Smaller text"))
        self.act_zh.setText("中文")
        self.act_en.setText("English")
        self.act_light.setText(self.tr("Light"))
        self.act_dark.setText(self.tr("Dark"))
        self.act_zh.setChecked(self.chat.ui_lang == "zh")
        self.act_en.setChecked(self.chat.ui_lang == "en")
        self.act_light.setChecked(self.settings.theme == "light")
        self.act_dark.setChecked(self.settings.theme == "dark")

    def new_customer_from_chat(self) -> None:
        """Create a customer while talking to them; the sidebar then serves the new person."""
        create = getattr(self.sidebar, "new_customer", None)
        if callable(create):
            create()

    def about_text(self) -> str:
        from shopguide import __version__

        state, detail = self._model_state
        model = detail if state == "ready" else self.tr("not loaded")
        store = self.store_info.name if self.store_info else ""
        return "\n".join([
            self.tr("ShopGuide %1").replace("%1", __version__),
            self.tr("An offline shopping guide: answers come from this store's own catalog."),
            self.tr("Model: %1").replace("%1", model),
            self.tr("Store: %1").replace("%1", store),
        ])

    def show_about(self) -> None:
        QMessageBox.about(self, self.tr("About ShopGuide"), self.about_text())

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)

    # How long a closed window waits, hidden and responsive, for a worker slow to stop
    # before it lets go of it (the thread is then kept referenced until it ends).
    CLOSE_GRACE_MS = 30000

    def closeEvent(self, event: QCloseEvent) -> None:
        if not self._close_started:
            self._close_started = True
            self.settings.set_window_geometry(bytes(self.saveGeometry()))
            shutdown = getattr(self.sidebar, "shutdown", None)
            if callable(shutdown):
                shutdown()  # the sidebar closes its own store connection
        stopped = self.client.request_shutdown() or self.client.thread.wait(20)
        if not stopped and not self._close_gave_up:
            # Waiting here would freeze the GUI; a QThread destroyed while it runs aborts
            # the process. So the window hides and closes for real once the worker ends.
            event.ignore()
            self.hide()
            if not self._close_waiting:
                self._close_waiting = True
                self.client.thread.finished.connect(self.close, Qt.ConnectionType.QueuedConnection)
                QTimer.singleShot(self.CLOSE_GRACE_MS, self._give_up_waiting)
            return
        if not stopped:
            self.client.shutdown(timeout_ms=0)  # keeps the thread referenced until it ends
        super().closeEvent(event)
        self.closed.emit()

    def _give_up_waiting(self) -> None:
        if self.client.thread.isRunning():
            log.warning("the guide worker did not stop within %d ms; closing without it",
                        self.CLOSE_GRACE_MS)
            self._close_gave_up = True
            self.close()
