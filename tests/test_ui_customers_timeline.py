"""Customer sidebar: notes, follow-ups, purchases and "Save to notes", checked in SQLite."""

from __future__ import annotations

from datetime import date, timedelta
from types import SimpleNamespace

import pytest

from shopguide.guide.query import Query
from ui.customers import CustomerSidebar, dialogs
from ui.customers.followups import OverdueRole
from ui.qt import QMessageBox, Qt


@pytest.fixture
def serving(qtbot, cust_store, cust_people):
    """A sidebar serving 王芳."""
    w = CustomerSidebar(cust_store)
    qtbot.addWidget(w)
    w.select_customer(cust_people["王芳"].id)
    assert w.selected_customer().name == "王芳"
    return w


def _notes_rows(db, cid):
    return db.execute("SELECT id, text, pinned FROM notes WHERE customer_id = ? ORDER BY id",
                      (cid,)).fetchall()


def test_note_added_in_the_sidebar_is_in_sqlite(qtbot, serving, cust_db):
    notes = serving.notes
    notes.composer.setPlainText("喜欢白色，下次到货43码通知她")
    assert notes.add_button.isEnabled()
    qtbot.mouseClick(notes.add_button, Qt.MouseButton.LeftButton)
    rows = _notes_rows(cust_db, serving.selected_customer().id)
    assert [(r["text"], r["pinned"]) for r in rows] == [("喜欢白色，下次到货43码通知她", 0)]
    assert notes.composer.toPlainText() == ""
    assert notes.list.count() == 1
    assert serving.tabs.tabText(1) == "Notes 1"


def test_ctrl_enter_in_the_composer_adds_the_note(qtbot, serving, cust_db):
    serving.show()
    serving.tabs.setCurrentWidget(serving.notes)
    serving.notes.composer.setFocus()
    qtbot.keyClicks(serving.notes.composer, "prefers wide fit")
    qtbot.keyClick(serving.notes.composer, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert [r["text"] for r in _notes_rows(cust_db, serving.selected_customer().id)] == [
        "prefers wide fit"]


def test_edit_pin_and_delete_change_sqlite(qtbot, serving, cust_db, monkeypatch):
    cid = serving.selected_customer().id
    first = serving.notes.add_note("first visit")
    second = serving.notes.add_note("second visit")
    # Edit (the dialog is replaced by its answer).
    serving.notes.select_note(first.id)
    monkeypatch.setattr(dialogs, "ask_text", lambda *a, **k: "first visit, bought RS-104")
    qtbot.mouseClick(serving.notes.edit_button, Qt.MouseButton.LeftButton)
    assert cust_db.execute("SELECT text FROM notes WHERE id = ?", (first.id,)).fetchone()[0] == (
        "first visit, bought RS-104")
    # Pin: stored, and the pinned note comes first although it is older.
    serving.notes.select_note(first.id)
    qtbot.mouseClick(serving.notes.pin_button, Qt.MouseButton.LeftButton)
    assert cust_db.execute("SELECT pinned FROM notes WHERE id = ?", (first.id,)).fetchone()[0] == 1
    assert serving.notes.notes()[0].id == first.id
    assert "📌" in serving.notes.list.item(0).text()
    # Delete, declined: nothing changes.
    serving.notes.select_note(second.id)
    asked = []
    monkeypatch.setattr(QMessageBox, "question",
                        lambda *a, **k: (asked.append(a[2]), QMessageBox.StandardButton.No)[1])
    qtbot.mouseClick(serving.notes.delete_button, Qt.MouseButton.LeftButton)
    assert len(_notes_rows(cust_db, cid)) == 2
    assert "second visit" in asked[0]  # the clerk sees which note would go
    # Delete, confirmed.
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)
    qtbot.mouseClick(serving.notes.delete_button, Qt.MouseButton.LeftButton)
    assert [r["id"] for r in _notes_rows(cust_db, cid)] == [first.id]


def test_followup_marked_done_is_stored_and_overdue_is_shown(qtbot, serving, cust_store, cust_db):
    cid = serving.selected_customer().id
    today = date.today()
    late = cust_store.add_followup(cid, today - timedelta(days=3), "call about the jacket")
    serving.followups.reload()
    serving._update_tabs()
    view = serving.followups
    assert view.list.count() == 1
    item = view.list.item(0)
    assert item.data(OverdueRole) is True
    assert "Overdue" in item.text() and "3" in item.text()  # said in words, not colour alone
    assert not item.icon().isNull()
    # On the tab: an icon, and the words in its tooltip and accessible description (the
    # label itself stays short so the five tabs fit the sidebar in English).
    assert not serving.tabs.tabIcon(3).isNull()
    assert "overdue" in serving.tabs.tabToolTip(3)
    assert "overdue" in serving.tabs.tabBar().accessibleDescription()
    assert "overdue" not in serving.tabs.tabText(3)
    # Add one through the form (the due date defaults to a week ahead: not overdue).
    view.text.setText("size 43 arrives")
    qtbot.mouseClick(view.add_button, Qt.MouseButton.LeftButton)
    row = cust_db.execute(
        "SELECT due, done FROM followups WHERE text = 'size 43 arrives'").fetchone()
    assert row["due"] == (today + timedelta(days=7)).isoformat() and row["done"] == 0
    assert [view.list.item(i).data(OverdueRole) for i in range(2)] == [True, False]
    # Mark the overdue one done with the button.
    view.list.setCurrentRow(0)
    qtbot.mouseClick(view.done_button, Qt.MouseButton.LeftButton)
    assert cust_db.execute("SELECT done FROM followups WHERE id = ?", (late.id,)).fetchone()[0] == 1
    done_item = next(view.list.item(i) for i in range(2)
                     if view.list.item(i).data(Qt.ItemDataRole.UserRole + 1) == late.id)
    assert done_item.data(OverdueRole) is False
    assert done_item.checkState() == Qt.CheckState.Checked
    assert "overdue" not in serving.tabs.tabToolTip(3) and serving.tabs.tabIcon(3).isNull()


def test_unchecking_a_done_followup_reopens_it(qtbot, serving, cust_store, cust_db):
    f = cust_store.add_followup(serving.selected_customer().id, date.today(), "send catalogue")
    cust_store.set_followup_done(f.id)
    serving.followups.reload()
    serving.followups.list.item(0).setCheckState(Qt.CheckState.Unchecked)
    assert cust_db.execute("SELECT done FROM followups WHERE id = ?", (f.id,)).fetchone()[0] == 0


def test_purchases_list_and_record(qtbot, serving, cust_store, cust_db):
    cid = serving.selected_customer().id
    cust_store.add_purchase(cid, "RS-104", 1, 459.0, date(2026, 10, 1))
    serving.purchases.reload()
    table = serving.purchases.table
    assert table.rowCount() == 1
    assert "RS-104" in table.item(0, 1).text() and "¥459" == table.item(0, 3).text()
    view = serving.purchases
    view.sku.setText("JK-201")
    view.quantity.setValue(2)
    qtbot.mouseClick(view.add_button, Qt.MouseButton.LeftButton)  # price comes from the catalog
    row = cust_db.execute("SELECT quantity, price_cents FROM purchases WHERE sku = 'JK-201'"
                          ).fetchone()
    assert tuple(row) == (2, 59900)
    assert "¥1657" in view.total.text()  # 459 + 2 × 599
    view.sku.setText("NOPE-1")
    qtbot.mouseClick(view.add_button, Qt.MouseButton.LeftButton)
    assert "NOPE-1" in view.problem.text()
    assert cust_db.execute("SELECT count(*) FROM purchases WHERE sku = 'NOPE-1'").fetchone()[0] == 0


def _conversation(cust_store):
    rs = cust_store.product("RS-104")
    return SimpleNamespace(turns=[
        SimpleNamespace(question="有没有500元以内的跑鞋？",
                        query=Query(text="有没有500元以内的跑鞋？", lang="zh", category="鞋/跑鞋",
                                    max_price=500.0, brand="云跃"),
                        products=[rs]),
        SimpleNamespace(question="有43码吗？", query=Query(text="有43码吗？", size="43"),
                        products=[rs]),
    ])


def test_save_to_notes_proposes_preferences_and_saves_the_edited_text(
        qtbot, serving, cust_store, cust_db, monkeypatch):
    seen = {}

    def clerk_edits(dialog):
        seen["proposal"] = dialog.edit.toPlainText()
        dialog.edit.setPlainText(dialog.edit.toPlainText() + "\n想要白色")
        dialog.pin.setChecked(True)
        return True

    monkeypatch.setattr(dialogs, "run", clerk_edits)
    note = serving.propose_note_from(_conversation(cust_store))
    proposal = seen["proposal"]
    for revealed in ("43", "¥500", "云跃", "跑鞋", "RS-104", "有没有500元以内的跑鞋？"):
        assert revealed in proposal
    row = cust_db.execute("SELECT text, pinned FROM notes WHERE id = ?", (note.id,)).fetchone()
    assert row["text"] == proposal + "\n想要白色"
    assert row["pinned"] == 1
    assert serving.tabs.currentWidget() is serving.notes


def test_save_to_notes_cancelled_saves_nothing(qtbot, serving, cust_store, cust_db, monkeypatch):
    monkeypatch.setattr(dialogs, "run", lambda dialog: False)
    assert serving.propose_note_from(_conversation(cust_store)) is None
    assert cust_db.execute("SELECT count(*) FROM notes").fetchone()[0] == 0


def test_save_to_notes_without_a_customer_offers_a_new_one(
        qtbot, cust_store, cust_people, cust_db, monkeypatch):
    w = CustomerSidebar(cust_store)
    qtbot.addWidget(w)
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)

    def run(dialog):
        if isinstance(dialog, dialogs.NewCustomerDialog):
            dialog.form.name.setText("周敏")
            dialog._accept_if_valid()
        return True

    monkeypatch.setattr(dialogs, "run", run)
    note = w.propose_note_from(_conversation(cust_store))
    owner = cust_db.execute("SELECT c.name FROM notes n JOIN customers c ON c.id = n.customer_id "
                            "WHERE n.id = ?", (note.id,)).fetchone()[0]
    assert owner == "周敏"
    assert w.selected_customer().name == "周敏"


def test_note_list_keys_pin_and_delete(qtbot, serving, cust_db, monkeypatch):
    note = serving.notes.add_note("keyboard only")
    serving.notes.select_note(note.id)
    qtbot.keyClick(serving.notes.list, Qt.Key.Key_P, Qt.KeyboardModifier.ControlModifier)
    assert cust_db.execute("SELECT pinned FROM notes WHERE id = ?", (note.id,)).fetchone()[0] == 1
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)
    qtbot.keyClick(serving.notes.list, Qt.Key.Key_Delete)
    assert cust_db.execute("SELECT count(*) FROM notes").fetchone()[0] == 0
