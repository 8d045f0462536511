"""Kiosk mode: idle wipe after a visible countdown, PIN to leave, no customer data."""

from __future__ import annotations

from shopguide.store.models import Customer
from ui.kiosk import COUNTDOWN_S, KioskWindow
from ui.qt import QCloseEvent, QDialogButtonBox, Qt


def _kiosk(qtbot, make_window, app_settings, idle_s=0.3, tick_ms=30):
    app_settings.kiosk_idle_s = idle_s
    app_settings.kiosk_pin = "2468"
    window = make_window(mode="kiosk", tick_ms=tick_ms)
    assert isinstance(window, KioskWindow)
    window.show()
    return window


def _answer(qtbot, window, text="跑鞋"):
    with qtbot.waitSignal(window.client.done, timeout=5000):
        window.chat.ask(text)


def test_idle_wipe_after_a_visible_countdown(qtbot, make_window, app_settings):
    window = _kiosk(qtbot, make_window, app_settings)
    _answer(qtbot, window)
    window.chat.input_bar.input.setPlainText("half a question")
    qtbot.waitUntil(window.overlay.isVisible, timeout=3000)
    assert f"{COUNTDOWN_S}" in window.overlay.label.text()
    assert window.chat.turns  # nothing is wiped while the countdown runs
    with qtbot.waitSignal(window.wiped, timeout=3000):
        pass
    assert window.chat.turns == []
    assert window.chat.input_bar.input.toPlainText() == ""
    assert not window.overlay.isVisible()


def test_countdown_shows_each_second(qtbot, make_window, app_settings):
    window = _kiosk(qtbot, make_window, app_settings, tick_ms=60)
    _answer(qtbot, window)
    shown: list[int] = []
    window.countdown.timeout.connect(lambda: shown.append(window.overlay.remaining))
    with qtbot.waitSignal(window.wiped, timeout=5000):
        pass
    assert shown[: COUNTDOWN_S - 1] == list(range(COUNTDOWN_S - 1, 0, -1))


def test_touch_during_countdown_keeps_the_conversation(qtbot, make_window, app_settings):
    window = _kiosk(qtbot, make_window, app_settings, tick_ms=100)
    _answer(qtbot, window)
    qtbot.waitUntil(window.overlay.isVisible, timeout=3000)
    qtbot.mouseClick(window.overlay.stay, Qt.MouseButton.LeftButton)
    assert not window.overlay.isVisible()
    assert len(window.chat.turns) == 1
    # Any key press also counts as "still here".
    qtbot.waitUntil(window.overlay.isVisible, timeout=3000)
    qtbot.keyClick(window.chat.input_bar.input, Qt.Key.Key_A)
    assert not window.overlay.isVisible() and len(window.chat.turns) == 1


def test_an_empty_kiosk_shows_no_countdown(qtbot, make_window, app_settings):
    window = _kiosk(qtbot, make_window, app_settings, idle_s=0.1)
    qtbot.wait(400)
    assert not window.overlay.isVisible()


def test_escape_and_close_do_not_leave_without_the_pin(qtbot, make_window, app_settings):
    window = _kiosk(qtbot, make_window, app_settings, idle_s=60)
    qtbot.keyClick(window, Qt.Key.Key_Escape)
    assert window.isVisible()
    window.close()  # the close button and Alt+F4 both arrive as a close event
    assert window.isVisible()
    qtbot.waitUntil(lambda: window.pin_dialog is not None and window.pin_dialog.isVisible())
    dialog = window.pin_dialog
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)  # Esc only dismisses the PIN prompt
    assert window.isVisible() and not dialog.isVisible()
    ev = QCloseEvent()
    window.closeEvent(ev)
    assert not ev.isAccepted()


def test_wrong_pin_stays_right_pin_leaves(qtbot, make_window, app_settings):
    window = _kiosk(qtbot, make_window, app_settings, idle_s=60)
    window.admin_shortcut.activated.emit()
    dialog = window.pin_dialog
    assert dialog is not None and dialog.isVisible()
    qtbot.keyClicks(dialog.field, "1111")
    dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).click()
    assert dialog.isVisible() and window.isVisible()
    assert dialog.error.isVisibleTo(dialog)
    qtbot.keyClicks(dialog.field, "2468")
    with qtbot.waitSignal(window.client.thread.finished, timeout=5000):
        dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).click()
    assert not window.isVisible()


def test_too_many_wrong_pins_lock_the_prompt(qtbot, make_window, app_settings):
    window = _kiosk(qtbot, make_window, app_settings, idle_s=60)
    window.request_exit()
    dialog = window.pin_dialog
    ok = dialog.buttons.button(QDialogButtonBox.StandardButton.Ok)
    for _ in range(5):
        dialog.field.setText("0000")
        ok.click()
    assert not ok.isEnabled()
    dialog.field.setText("2468")
    dialog.check()
    assert window.isVisible()


def test_kiosk_has_no_customer_data(qtbot, make_window, app_settings):
    window = _kiosk(qtbot, make_window, app_settings, idle_s=60)
    assert window.sidebar is None and window._sidebar_factory is None
    assert window.menuBar().actions() == []  # no menu leads to settings or customers
    window.set_customer(Customer(id="c1", name="王芳", sizes={"shoe": "38"}))
    assert window.customer is None
    assert "王芳" not in window.header_label.text()


def test_staff_button_is_always_visible_and_answers(qtbot, make_window, app_settings):
    window = _kiosk(qtbot, make_window, app_settings, idle_s=60)
    assert window.staff_button.isVisible()
    with qtbot.waitSignal(window.staffRequested):
        qtbot.mouseClick(window.staff_button, Qt.MouseButton.LeftButton)
    assert window.staff_notice.isVisible() and window.staff_notice.text()
    _answer(qtbot, window)
    assert window.staff_button.isVisible()


def test_the_kiosk_fills_the_screen_and_shows_shoppers_no_status_text(
        qtbot, make_window, app_settings):
    from ui.app import show_kiosk

    app_settings.kiosk_pin = "2468"
    window = make_window(mode="kiosk")
    show_kiosk(window)
    qtbot.waitExposed(window)
    assert window.geometry().size() == window.screen().geometry().size()
    assert not window.statusBar().isVisible()  # "Model ready: …", tokens/s: staff matters
    assert window.overlay.stay.isDefault()


def test_a_wrong_pin_keeps_the_buttons_in_view(qtbot, make_window, app_settings):
    window = _kiosk(qtbot, make_window, app_settings, idle_s=60)
    window.admin_shortcut.activated.emit()
    dialog = window.pin_dialog
    assert dialog.width() >= 520
    qtbot.keyClicks(dialog.field, "1111")
    dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).click()
    qtbot.waitUntil(lambda: dialog.height() >= dialog.sizeHint().height(), timeout=2000)
    ok = dialog.buttons.button(QDialogButtonBox.StandardButton.Ok)
    bottom = ok.mapTo(dialog, ok.rect().bottomLeft()).y()
    assert 0 < bottom <= dialog.height()
    dialog.reject()
