"""Customer sidebar: the failure path of the background list, and nothing personal in the logs."""

from __future__ import annotations

import logging
import sqlite3
from datetime import date

from shopguide.store import Store
from ui.customers import CustomerSidebar
from ui.qt import QMessageBox


def test_a_failed_list_read_is_shown_and_logged_without_the_search_text(
        qtbot, cust_store, cust_people, cust_english, monkeypatch, caplog):
    w = CustomerSidebar(cust_store)
    qtbot.addWidget(w)
    qtbot.waitUntil(lambda: w.model.rowCount() == 3, timeout=3000)

    def broken(self, text="", limit=50, offset=0):
        raise sqlite3.OperationalError(f"disk I/O error while searching {text}")

    # Only the pager's own connection searches: the patch hits the background thread.
    monkeypatch.setattr(Store, "search_customers", broken)
    caplog.set_level(logging.DEBUG)
    with qtbot.waitSignal(w.model.loadFailed, timeout=3000) as blocker:
        w.search.setText("13800001234")
        w.apply_search()
    assert blocker.args == ["OperationalError"]
    assert "could not be read" in w.count_label.text()
    assert not w.model.canFetchMore()  # no retry storm while scrolling
    assert "customer search failed" in caplog.text
    assert "13800001234" not in caplog.text


def test_a_clerk_session_logs_no_customer_data(
        qtbot, cust_store, cust_people, monkeypatch, caplog):
    caplog.set_level(logging.DEBUG)
    w = CustomerSidebar(cust_store)
    qtbot.addWidget(w)
    qtbot.waitUntil(lambda: w.model.rowCount() == 3, timeout=3000)
    w.search.setText("王芳")
    w.apply_search()
    qtbot.waitUntil(lambda: w.model.rowCount() == 1, timeout=3000)
    w.select_customer(cust_people["王芳"].id)
    w.notes.add_note("secret-phrase-41 likes trail shoes")
    w.profile.phone.setText("13811112222")
    w.profile.phone.textEdited.emit("13811112222")
    w.profile.save()
    w.followups.add_followup(date(2026, 1, 1), "call back")
    w.followups.set_done(w.followups.followups()[0].id)
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)
    w.notes.select_note(w.notes.notes()[0].id)
    w.notes.delete_button.click()
    w.clear_selection()
    for personal in ("王芳", "13800001234", "13811112222", "secret-phrase-41", "call back"):
        assert personal not in caplog.text
