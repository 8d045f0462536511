"""The sidebar's privacy panel: consent shown and edited, Export…, Erase… with confirmation,
and the privacy-log viewer."""

from __future__ import annotations

import json
import re
from datetime import date, timedelta

import pytest

from shopguide.privacy import consent
from tests.fixtures.privacy import EN, OTHER, ZH
from ui.customers import privacy_dialogs
from ui.customers.privacy_panel import PrivacyPanel


@pytest.fixture
def panel(qtbot, privacy_store, monkeypatch):
    messages = []
    monkeypatch.setattr(privacy_dialogs, "inform",
                        lambda parent, title, text, warning=False: messages.append(
                            (title, text, warning)))
    w = PrivacyPanel(privacy_store)
    w.messages = messages
    qtbot.addWidget(w)
    return w


def _fill(monkeypatch, fill):
    """Replace the modal loop: ``fill(dialog)`` sets fields and returns accept/reject."""
    monkeypatch.setattr(privacy_dialogs, "run", fill)


def _finish(qtbot, panel):
    """Export and erasure run off the GUI thread: wait for the panel to handle the report."""
    assert panel.busy()
    qtbot.waitUntil(lambda: not panel.busy(), timeout=20000)


def test_shows_and_edits_consent_as_new_records(panel, privacy_store):
    s = privacy_store
    assert not panel.consent_box.isEnabled() and not panel.erase_button.isEnabled()
    consent.withdraw(s, EN.id, "marketing")
    panel.set_customer(s.customer(EN.id))
    assert panel.status_labels["marketing"].text().startswith("Withdrawn")
    assert panel.status_labels["history"].text().startswith("Given")
    assert panel.grant_buttons["marketing"].isEnabled()
    assert not panel.withdraw_buttons["marketing"].isEnabled()
    changed = []
    panel.consentChanged.connect(changed.append)
    panel.source.setCurrentIndex(panel.source.findData("kiosk"))
    panel.expires.setChecked(True)
    until = date.today() + timedelta(days=90)
    panel.expiry.setDate(until)
    panel.grant_buttons["marketing"].click()
    panel.withdraw_buttons["history"].click()
    assert changed == [EN.id, EN.id]
    history = s.consents(EN.id)
    assert [(c.purpose, c.granted) for c in history][-2:] == [("marketing", True),
                                                              ("history", False)]
    assert history[-2].source == "kiosk" and history[-2].expiry == until
    assert panel.history.count() == len(history)
    assert "withdrawn" in panel.history.item(0).text()  # newest first
    assert "until" in panel.status_labels["marketing"].text()
    assert not s.consent_in_force(EN.id, "history")


def test_export_writes_the_files_with_the_reason(qtbot, panel, privacy_store, tmp_path,
                                                 monkeypatch):
    panel.set_customer(privacy_store.customer(ZH.id))

    def fill(dialog):
        dialog.folder.setText(str(tmp_path / "exp"))
        dialog.format.setCurrentIndex(dialog.format.findData("json"))
        dialog.reason.setText("customer asked for a copy")
        return True

    _fill(monkeypatch, fill)
    written = []
    panel.exported.connect(written.append)
    assert panel.export_customer() is True
    _finish(qtbot, panel)
    [files] = written
    assert len(files) == 1 and json.loads(files[0].read_text("utf-8"))["customer"]["id"] == ZH.id
    assert panel.messages[-1][0] == "Exported" and str(files[0]) in panel.messages[-1][1]
    assert privacy_store.privacy_log()[0].reason == "customer asked for a copy"
    _fill(monkeypatch, lambda dialog: False)  # cancelled: nothing written
    assert panel.export_customer() is False and not panel.busy()


def test_erase_needs_reason_and_typed_name(qtbot, panel, privacy_store, monkeypatch):
    s = privacy_store
    panel.set_customer(s.customer(ZH.id))
    erased = []
    panel.customerErased.connect(erased.append)
    states = []

    def wrong_name(dialog):
        dialog.reason.setText("asked to be forgotten")
        dialog.typed.setText("欧阳")
        states.append(dialog.erase_button.isEnabled())
        dialog.accept()
        return dialog.result() == dialog.DialogCode.Accepted

    _fill(monkeypatch, wrong_name)
    assert panel.erase_customer() is False
    assert states == [False] and s.customer(ZH.id) is not None

    def confirm(dialog):
        assert dialog.keep_purchases.isChecked()  # sales totals kept by default
        dialog.reason.setText("asked to be forgotten")
        dialog.typed.setText(ZH.name)
        states.append(dialog.erase_button.isEnabled())
        return True

    _fill(monkeypatch, confirm)
    assert panel.erase_customer() is True
    _finish(qtbot, panel)
    assert states[-1] is True and erased == [ZH.id]
    assert s.customer(ZH.id) is None and panel.customer() is None
    assert s.conn.execute("SELECT count(*) FROM purchases WHERE customer_id IS NULL"
                          ).fetchone()[0] == 2
    assert s.customer(OTHER.id) is not None


def test_privacy_log_dialog_lists_entries_and_filters_by_customer(panel, privacy_store,
                                                                  monkeypatch):
    s = privacy_store
    consent.withdraw(s, ZH.id, "marketing", reason="by phone")
    consent.withdraw(s, EN.id, "marketing", reason="in person")
    panel.set_customer(s.customer(ZH.id))
    shown = []

    def look(dialog):
        table = dialog.table
        rows = [[table.item(r, c).text() for c in range(dialog.COLUMNS)]
                for r in range(table.rowCount())]
        shown.append(rows)
        dialog.only_customer.setChecked(False)
        shown.append([table.item(r, 3).text() for r in range(table.rowCount())])
        return False

    _fill(monkeypatch, look)
    panel.show_log()
    mine, everyone = shown
    assert mine[0][1].startswith("Consent withdrawn marketing") and mine[0][3] == "by phone"
    assert all(r[3] != "in person" for r in mine)
    assert "in person" in everyone and len(everyone) > len(mine)
    flat = json.dumps(shown, ensure_ascii=False)
    assert ZH.name not in flat and EN.name not in flat and ZH.id not in flat


@pytest.mark.parametrize("lang", ["zh_CN", "en"])
def test_privacy_strings_are_translated_and_compiled(lang):
    import xml.etree.ElementTree as ET

    from shopguide.config import resource

    ts = resource("translations", f"privacy_{lang}.ts")
    qm = ts.with_suffix(".qm")
    messages = list(ET.parse(ts).getroot().iter("message"))
    assert len(messages) > 60
    for m in messages:
        tr = m.find("translation")
        assert tr.get("type") is None, m.find("source").text
        forms = [f.text for f in tr.findall("numerusform")] or [tr.text]
        assert all(forms), m.find("source").text
    assert qm.is_file() and qm.stat().st_mtime >= ts.stat().st_mtime - 1


def test_language_switch_relabels_the_panel(qapp, panel, privacy_store):
    from ui.i18n import LanguageManager
    from ui.qt import QApplication, QLocale

    manager = LanguageManager(qapp)
    panel.set_customer(privacy_store.customer(ZH.id))
    try:
        manager.set_language("zh")
        QApplication.processEvents()  # LanguageChange is posted to every widget
        assert panel.erase_button.text() == "删除…"
        assert panel.purpose_labels["history"].text() == "保存对话记录"
        assert "已同意" in panel.status_labels["history"].text()
    finally:
        manager.set_language("en")
        QLocale.setDefault(QLocale(QLocale.Language.English, QLocale.Country.UnitedStates))
        QApplication.processEvents()
    assert panel.erase_button.text() == "Erase…"


def test_erase_in_the_panel_cleans_backup_copies_and_names_the_ones_it_cannot(
        qtbot, panel, privacy_store, monkeypatch):
    """The panel goes through the same erase_customer as the CLI: backup copies are
    cleaned, and a copy that cannot be is shown with its reason."""
    from shopguide.privacy import copies as pcopies
    from shopguide.store.maintenance import backup

    s = privacy_store
    good = backup(s.path)
    stuck = backup(s.path, s.path.parent / "stick" / "copy.sqlite")
    plain = pcopies.writable
    monkeypatch.setattr(pcopies, "writable", lambda p: p != stuck and plain(p))
    panel.set_customer(s.customer(ZH.id))

    def confirm(dialog):
        dialog.reason.setText("asked to be forgotten")
        dialog.typed.setText(ZH.name)
        return True

    _fill(monkeypatch, confirm)
    assert panel.erase_customer() is True
    _finish(qtbot, panel)
    assert ZH.phrase.encode() not in good.read_bytes()
    assert ZH.phrase.encode() in stuck.read_bytes()
    [(title, text, warning)] = panel.messages
    assert warning and f"{stuck} (read-only" in text and str(good) not in text
    assert "journal" not in text  # the job's own connection emptied the WAL
    # ("copy(ies)" untranslated, "copy" once the English translator is installed)
    assert re.search(r"\b1 backup cop\S* could not be cleaned", panel.status.text())


def test_a_consent_state_has_a_line_of_its_own_in_a_narrow_sidebar(qtbot, panel, privacy_store):
    consent.grant(privacy_store, ZH.id, "marketing")
    panel.set_customer(privacy_store.customer(ZH.id))
    panel.resize(420, 600)
    panel.show()
    qtbot.waitExposed(panel)
    status = panel.status_labels["marketing"]
    assert status.text().startswith("Given")
    assert status.height() < 2 * status.fontMetrics().height()  # one line, not wrapped mid-date
    below = status.mapTo(panel, status.rect().bottomLeft()).y()
    assert below <= panel.source.mapTo(panel, panel.source.rect().topLeft()).y()
