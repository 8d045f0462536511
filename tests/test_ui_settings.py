"""Typed settings over QSettings: defaults, round trips, bad stored values, the dialog."""

from __future__ import annotations

import pytest

from ui.qt import QSettings
from ui.settings import AppSettings, Generation
from ui.settings_dialog import SettingsDialog


def test_defaults(app_settings):
    s = app_settings
    assert s.model_spec == "bundled"
    assert s.language == "zh" and s.theme == "light" and s.mode == "clerk"
    assert s.kiosk_idle_s == 90 and s.kiosk_pin == "0000"
    assert s.font_size == 11
    assert s.generation == Generation()


def test_values_survive_a_new_qsettings(qapp, tmp_path):
    path = str(tmp_path / "a.ini")
    s = AppSettings(QSettings(path, QSettings.Format.IniFormat))
    s.model_spec = "/models/shop"
    s.language = "en"
    s.theme = "dark"
    s.font_size = 14
    s.kiosk_idle_s = 45
    s.kiosk_pin = "482913"
    s.generation = Generation(max_new_tokens=64, do_sample=True, temperature=0.5, top_p=0.8)
    s.sync()
    again = AppSettings(QSettings(path, QSettings.Format.IniFormat))  # INI gives strings back
    assert again.model_spec == "/models/shop"
    assert (again.language, again.theme, again.font_size) == ("en", "dark", 14)
    assert again.kiosk_idle_s == 45 and again.kiosk_pin == "482913"
    assert again.generation == Generation(64, True, 0.5, 0.8)


def test_unreadable_stored_values_fall_back_to_defaults(qapp, tmp_path):
    path = tmp_path / "bad.ini"
    path.write_text(
        "[ui]\nfont_size=huge\nlanguage=fr\ntheme=neon\n[kiosk]\nidle_s=-5\npin=abcd\n"
        "[generation]\ntemperature=hot\ndo_sample=maybe\nmax_new_tokens=100000\n"
    )
    s = AppSettings(QSettings(str(path), QSettings.Format.IniFormat))
    assert s.font_size == 11 and s.language == "zh" and s.theme == "light"
    assert s.kiosk_idle_s == 90 and s.kiosk_pin == "0000"
    g = s.generation
    assert g.temperature == Generation().temperature and g.do_sample is False
    assert g.max_new_tokens == 512  # clamped to what the runtime accepts


def test_bad_values_are_refused_with_a_reason(app_settings):
    with pytest.raises(ValueError, match="4 to 12 digits"):
        app_settings.kiosk_pin = "12"
    with pytest.raises(ValueError, match="language"):
        app_settings.language = "fr"
    with pytest.raises(ValueError, match="positive"):
        app_settings.kiosk_idle_s = 0


def test_default_qsettings_live_in_tmp_path(qapp, tmp_path):
    s = AppSettings()
    s.theme = "dark"
    s.sync()
    assert str(tmp_path) in QSettings().fileName()


def test_settings_dialog_saves_and_reports_a_model_change(qtbot, app_settings):
    dialog = SettingsDialog(app_settings)
    qtbot.addWidget(dialog)
    dialog.model_spec.setText("/models/other")
    dialog.theme.setCurrentIndex(dialog.theme.findData("dark"))
    dialog.idle.setValue(120)
    dialog.pin.setText("12")  # too short: refused, nothing saved
    dialog.apply()
    assert dialog.error.isVisibleTo(dialog) and app_settings.model_spec == "bundled"
    dialog.pin.setText("2468")
    with qtbot.waitSignal(dialog.applied) as blocker:
        dialog.apply()
    assert blocker.args == [True]
    assert app_settings.model_spec == "/models/other" and app_settings.theme == "dark"
    assert app_settings.kiosk_idle_s == 120 and app_settings.kiosk_pin == "2468"


def test_font_size_scales_the_window(qtbot, make_window):
    window = make_window()
    before = window.chat.input_bar.send_button.font().pointSize()
    window.act_bigger.trigger()
    window.act_bigger.trigger()
    assert window.settings.font_size == 13
    assert window.chat.input_bar.send_button.font().pointSize() > before
    window.act_dark.trigger()
    assert window.settings.theme == "dark" and "#1b1f27" in window.styleSheet()


def test_an_idle_time_out_of_range_is_named_at_the_field(qtbot, app_settings):
    from ui.qt import Qt

    dialog = SettingsDialog(app_settings)
    qtbot.addWidget(dialog)
    dialog.show()
    line = dialog.idle.lineEdit()
    line.selectAll()
    qtbot.keyClicks(line, "10")
    assert dialog.idle_hint.isVisibleTo(dialog) and "15 to 3600" in dialog.idle_hint.text()
    assert "10" in dialog.idle_hint.text()
    dialog.apply()  # refused: the merchant's 10 is not quietly kept as 90
    assert dialog.isVisible() and app_settings.kiosk_idle_s == app_settings.DEFAULT_IDLE_S
    line.selectAll()
    qtbot.keyClicks(line, "30")
    assert not dialog.idle_hint.isVisibleTo(dialog)
    qtbot.keyClick(line, Qt.Key.Key_Tab)
    dialog.apply()
    assert app_settings.kiosk_idle_s == 30


def test_a_long_model_path_shows_its_start_and_all_of_it_in_the_tooltip(qtbot, app_settings):
    path = "/home/shop/.local/share/ShopGuide/models/finetuned-20261205-1711"
    app_settings.model_spec = path
    dialog = SettingsDialog(app_settings)
    qtbot.addWidget(dialog)
    assert dialog.model_spec.cursorPosition() == 0  # the folder, not "…ned-20261205-1711"
    assert dialog.model_spec.toolTip().startswith(path)
    assert dialog.model_spec.minimumWidth() >= dialog.model_spec.fontMetrics().horizontalAdvance("x" * 40)
