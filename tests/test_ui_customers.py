"""Customer sidebar: search, lazy paging, selection, profile edits, new customer."""

from __future__ import annotations

import pytest

from tests.fixtures.customers import bulk_customers
from ui.customers import CustomerSidebar, dialogs
from ui.customers.list_model import PAGE_SIZE, CustomerListModel, CustomerRole
from ui.qt import QItemSelectionModel, QMessageBox, Qt


@pytest.fixture
def sidebar(qtbot, cust_store, cust_people, cust_english):
    w = CustomerSidebar(cust_store)
    qtbot.addWidget(w)
    w.resize(420, 800)
    qtbot.waitUntil(lambda: w.model.rowCount() == 3, timeout=3000)  # read off the GUI thread
    return w


def _names(model) -> list[str]:
    return [model.index(r).data() for r in range(model.rowCount())]


def _select_row(w: CustomerSidebar, row: int) -> None:
    w.list.selectionModel().setCurrentIndex(
        w.model.index(row), QItemSelectionModel.SelectionFlag.ClearAndSelect)


@pytest.mark.parametrize(
    ("text", "expected"),
    [("王芳", ["王芳"]), ("li", ["Li Wei"]), ("5678", ["Li Wei"]), ("138000", ["王芳"]),
     ("yoga", ["张伟"]), ("vip", ["王芳"]), ("", ["Li Wei", "张伟", "王芳"])],
)
def test_search_by_name_phone_or_tag_filters_the_list(qtbot, sidebar, text, expected):
    # QTest cannot type CJK characters; an input method commits them as one text change.
    if text.isascii():
        qtbot.keyClicks(sidebar.search, text)
    else:
        sidebar.search.setText(text)
    # The search runs once typing pauses (debounced), not on every key.
    qtbot.waitUntil(lambda: sorted(_names(sidebar.model)) == sorted(expected), timeout=2000)
    assert sidebar.model.search_text == text
    label = f"{len(expected)} customer" + ("s found" if len(expected) > 1 else " found")
    if not text:
        label = f"{len(expected)} customers"
    # The count comes from the same background read, just after the rows.
    qtbot.waitUntil(lambda: sidebar.count_label.text() == label, timeout=2000)


def test_typing_runs_one_search_after_the_pause(qtbot, sidebar, monkeypatch):
    calls = []
    real = sidebar.model.set_search
    monkeypatch.setattr(sidebar.model, "set_search", lambda t: (calls.append(t), real(t)))
    qtbot.keyClicks(sidebar.search, "1390")
    assert calls == []  # nothing while typing
    qtbot.waitUntil(lambda: calls == ["1390"], timeout=2000)
    # The page is read on the sidebar's background thread: wait for it, not for a fixed time.
    qtbot.waitUntil(lambda: _names(sidebar.model) == ["Li Wei"], timeout=5000)
    assert calls == ["1390"]  # still one search: the wait did not trigger another


def _wait_page(qtbot, model):
    with qtbot.waitSignal(model.pageLoaded, timeout=5000):
        pass


def test_model_pages_lazily_over_a_large_store(qtbot, cust_store):
    bulk_customers(cust_store, 20_000)
    model = CustomerListModel(cust_store)
    try:
        assert model.rowCount() == 0 and model.loading  # the page is read off the GUI thread
        assert not model.canFetchMore()  # one request at a time
        qtbot.waitUntil(lambda: model.rowCount() == PAGE_SIZE, timeout=5000)
        qtbot.waitUntil(lambda: model.total == 20_000, timeout=5000)
        assert model.canFetchMore()
        model.fetchMore()
        qtbot.waitUntil(lambda: model.rowCount() == 2 * PAGE_SIZE, timeout=5000)
        ids = [model.index(r).data(CustomerRole).id for r in range(model.rowCount())]
        assert len(set(ids)) == len(ids)  # pages do not overlap
        names = [model.index(r).data() for r in range(model.rowCount())]
        assert names == sorted(names)  # the plain list is by name
        # A search pages the same way and ends: 'yoga' is every fifth generated customer.
        model.set_search("yoga")
        assert model.rowCount() == 0
        qtbot.waitUntil(lambda: model.rowCount() == PAGE_SIZE, timeout=5000)
        while model.canFetchMore() or model.loading:
            if model.canFetchMore():
                model.fetchMore()
            qtbot.wait(5)
        assert model.rowCount() == 20_000 // 5 == model.total
        assert all("yoga" in model.index(r).data(CustomerRole).tags for r in (0, 1999, 3999))
    finally:
        model.close()


def test_a_replaced_search_never_shows_its_rows(qtbot, cust_store, cust_people):
    model = CustomerListModel(cust_store)
    try:
        model.set_search("hiker")
        model.set_search("yoga")  # typed on before the first answer came back
        qtbot.waitUntil(lambda: model.rowCount() == 1 and not model.loading, timeout=3000)
        model.wait()
        qtbot.wait(20)  # any late answer for 'hiker' would have arrived by now
        assert [model.index(r).data() for r in range(model.rowCount())] == ["张伟"]
    finally:
        model.close()


def test_view_fetches_more_when_scrolled_to_the_end(qtbot, cust_store, cust_english):
    bulk_customers(cust_store, 5_000)
    w = CustomerSidebar(cust_store)
    qtbot.addWidget(w)
    w.show()
    qtbot.waitExposed(w)
    qtbot.waitUntil(lambda: w.model.rowCount() > 0, timeout=5000)
    assert w.model.rowCount() < 5_000
    before = w.model.rowCount()
    w.list.scrollToBottom()
    qtbot.waitUntil(lambda: w.model.rowCount() > before, timeout=2000)
    qtbot.waitUntil(lambda: "5000" in w.count_label.text())  # the total, not the rows loaded


def test_selecting_a_customer_emits_customer_selected(qtbot, sidebar, cust_people):
    sidebar.search.setText("王芳")
    sidebar.apply_search()
    qtbot.waitUntil(lambda: sidebar.model.rowCount() == 1, timeout=3000)
    with qtbot.waitSignal(sidebar.customerSelected) as blocker:
        _select_row(sidebar, 0)
    assert blocker.args[0] == cust_people["王芳"]
    assert blocker.args[0].sizes == {"shoe": "38"}
    assert "王芳" in sidebar.title.text()
    assert sidebar.profile.sizes.text() == "shoe=38"
    assert (sidebar.profile.budget_min.text(), sidebar.profile.budget_max.text()) == ("200", "500")
    with qtbot.waitSignal(sidebar.customerSelected) as blocker:
        qtbot.mouseClick(sidebar.stop_button, Qt.MouseButton.LeftButton)
    assert blocker.args == [None]
    assert sidebar.selected_customer() is None


def test_keyboard_down_from_search_selects_first_result(qtbot, sidebar):
    sidebar.show()
    sidebar.search.setFocus()
    qtbot.keyClicks(sidebar.search, "hiker")
    with qtbot.waitSignal(sidebar.customerSelected) as blocker:
        qtbot.keyClick(sidebar.search, Qt.Key.Key_Down)
    assert blocker.args[0].name == "Li Wei"


def test_profile_edits_are_saved_and_reemitted(qtbot, sidebar, cust_people, cust_db):
    sidebar.select_customer(cust_people["张伟"].id)
    p = sidebar.profile
    assert not p.save_button.isEnabled()
    p.phone.clear()
    qtbot.keyClicks(p.phone, "13700001111")
    p.tags.setText("yoga; VIP；yoga")
    p.sizes.setText("shoe=42；top=L")
    p.brands.setText("轻羽")
    p.budget_min.setValue(300)
    p.budget_max.setValue(800)
    p.language.setCurrentIndex(1)
    p.consent.setChecked(True)
    assert p.save_button.isEnabled()
    with qtbot.waitSignal(sidebar.customerSelected) as blocker:
        qtbot.mouseClick(p.save_button, Qt.MouseButton.LeftButton)
    c = blocker.args[0]
    assert (c.phone, c.tags, c.sizes, c.brands) == ("13700001111", ("yoga", "VIP"),
                                                   {"shoe": "42", "top": "L"}, ("轻羽",))
    row = cust_db.execute("SELECT * FROM customers WHERE id = ?", (c.id,)).fetchone()
    assert row["phone"] == "13700001111"
    assert row["budget_min_cents"] == 30000 and row["budget_max_cents"] == 80000
    assert row["preferred_language"] == "zh"
    assert cust_db.execute("SELECT granted FROM consents WHERE customer_id = ? "
                           "ORDER BY id DESC", (c.id,)).fetchone()[0] == 1
    assert not p.save_button.isEnabled()
    # The list shows the new phone without a new search.
    assert "13700001111" in sidebar.model.index(sidebar.model.row_of(c.id)).data(
        Qt.ItemDataRole.ToolTipRole)


def test_invalid_profile_input_is_reported_and_nothing_saved(qtbot, sidebar, cust_people, cust_db):
    sidebar.select_customer(cust_people["张伟"].id)
    sidebar.profile.sizes.setText("shoe 42")
    sidebar.profile.sizes.textEdited.emit("shoe 42")
    assert sidebar.profile.save() is None
    assert "shoe 42" in sidebar.profile.error.text()
    assert sidebar.profile.error.isVisibleTo(sidebar)
    row = cust_db.execute("SELECT sizes FROM customers WHERE name = '张伟'").fetchone()
    assert row["sizes"] == "{}"


def test_leaving_unsaved_edits_asks_and_cancel_stays(qtbot, sidebar, cust_people, monkeypatch):
    sidebar.select_customer(cust_people["张伟"].id)
    sidebar.profile.brands.setText("X")
    sidebar.profile.brands.textEdited.emit("X")
    monkeypatch.setattr(QMessageBox, "question",
                        lambda *a, **k: QMessageBox.StandardButton.Cancel)
    sidebar.select_customer(cust_people["王芳"].id)
    assert sidebar.selected_customer().name == "张伟"
    assert sidebar.profile.brands.text() == "X"
    monkeypatch.setattr(QMessageBox, "question",
                        lambda *a, **k: QMessageBox.StandardButton.Discard)
    sidebar.select_customer(cust_people["王芳"].id)
    assert sidebar.selected_customer().name == "王芳"


def test_new_customer_is_saved_and_selected(qtbot, sidebar, cust_db, monkeypatch):
    def fill(dialog):
        dialog.form.phone.setText("13612345678")
        dialog.form.tags.setText("walk-in")
        dialog._accept_if_valid()
        return dialog.result() == dialogs.QDialog.DialogCode.Accepted

    monkeypatch.setattr(dialogs, "run", fill)
    with qtbot.waitSignal(sidebar.customerSelected) as blocker:
        created = sidebar.new_customer("陈静")
    assert created is not None and blocker.args[0] == created
    assert created.id  # the store gave it an id
    row = cust_db.execute("SELECT name, phone, tags FROM customers WHERE id = ?",
                          (created.id,)).fetchone()
    assert tuple(row) == ("陈静", "13612345678", '["walk-in"]')
    assert sidebar.selected_customer() == created


def test_new_customer_without_a_name_is_not_accepted(qtbot, sidebar, cust_db, monkeypatch):
    seen = {}

    def fill(dialog):
        dialog._accept_if_valid()
        seen["error"] = dialog.form.error.text()
        return dialog.result() == dialogs.QDialog.DialogCode.Accepted

    monkeypatch.setattr(dialogs, "run", fill)
    before = cust_db.execute("SELECT count(*) FROM customers").fetchone()[0]
    assert sidebar.new_customer("") is None
    assert "Name" in seen["error"]
    assert cust_db.execute("SELECT count(*) FROM customers").fetchone()[0] == before


def test_sidebar_opens_its_own_connection_from_a_path(qtbot, cust_store, cust_people):
    w = CustomerSidebar(cust_store.path)  # as the main window creates it
    qtbot.addWidget(w)
    qtbot.waitUntil(lambda: w.model.rowCount() == 3, timeout=3000)
    assert w._store is not cust_store
    w.select_customer(cust_people["Li Wei"].id)
    w.notes.add_note("own connection")
    assert [n.text for n in cust_store.notes(cust_people["Li Wei"].id)] == ["own connection"]
    w.shutdown()
    assert w._store.conn is None
