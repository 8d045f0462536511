"""A kiosk does not start on a default PIN: whoever starts it sets one first."""

from __future__ import annotations

from ui.kiosk_pin import SetPinDialog, ensure_kiosk_pin
from ui.qt import QDialog


def _enter(first: str, second: str):
    """Drives the dialog as a person would: type twice, press OK; returns its result."""

    def run(dialog: SetPinDialog) -> int:
        dialog.first.setText(first)
        dialog.second.setText(second)
        dialog.check()
        return dialog.result()

    return run


def test_no_pin_yet_asks_for_one_and_stores_it(app_settings):
    assert not app_settings.kiosk_pin_is_set
    assert ensure_kiosk_pin(app_settings, run=_enter("482916", "482916"))
    assert app_settings.kiosk_pin_is_set and app_settings.kiosk_pin == "482916"


def test_declining_keeps_kiosk_mode_off(app_settings):
    assert not ensure_kiosk_pin(app_settings, run=lambda d: QDialog.DialogCode.Rejected)
    assert not app_settings.kiosk_pin_is_set


def test_a_set_pin_is_kept_and_nothing_is_asked(app_settings):
    app_settings.kiosk_pin = "7391"

    def never(_dialog):
        raise AssertionError("the PIN dialog must not open when a PIN is set")

    assert ensure_kiosk_pin(app_settings, run=never)
    assert app_settings.kiosk_pin == "7391"


def test_mismatch_short_long_and_letters_are_refused(qtbot, app_settings):
    dialog = SetPinDialog(app_settings)
    qtbot.addWidget(dialog)
    for first, second, says in (("4829", "4828", "differ"), ("123", "123", "4 to 12"),
                                ("", "", "4 to 12")):
        dialog.first.setText(first)
        dialog.second.setText(second)
        dialog.check()
        assert dialog.result() != QDialog.DialogCode.Accepted
        assert says in dialog.error.text() and not app_settings.kiosk_pin_is_set
    # The fields take digits only and at most 12 of them (as Settings does).
    dialog.first.clear()
    qtbot.keyClicks(dialog.first, "12ab3456789012345")
    assert dialog.first.text() == "123456789012"


def test_kiosk_window_leaves_with_the_pin_that_was_set(qtbot, make_window, app_settings):
    assert ensure_kiosk_pin(app_settings, run=_enter("5150", "5150"))
    window = make_window(mode="kiosk")
    window.request_exit()
    assert window.pin_dialog._pin == "5150"
