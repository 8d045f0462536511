"""The review window: groups listed, one action each through the form with its preview,
undo, and the admin PIN in front of it."""

from __future__ import annotations

import pytest

from shopguide.review import review_groups
from tests.fixtures.review import store_state
from tests.fixtures.review_ui import FAILING
from ui.qt import QDialog, Qt


def _select(window, question: str):
    table = window.groups
    for row, group in enumerate(table.groups):
        if group.question == question:
            table.table.selectRow(row)
            assert window.detail.group is group
            return group
    raise AssertionError(f"{question!r} is not listed: {[g.question for g in table.groups]}")


def test_groups_are_listed_with_count_reasons_answer_and_cards(qtbot, failing_store, open_review):
    window = open_review(failing_store)
    core = review_groups(failing_store)
    table = window.groups.table
    assert table.rowCount() == len(core) == len(FAILING)
    # Most asked first, as the core orders them; the count column is the group's count.
    assert [table.item(r, 0).text() for r in range(table.rowCount())] == [g.question for g in core]
    assert table.item(0, 0).text() == "do you sell kayaks?"
    assert table.item(0, 1).text() == "3"
    assert "rated not helpful" in table.item(0, 3).text()
    assert window.tabs.tabText(0) == f"Questions ({len(core)})"
    # The selected group's detail: the answer it got and what that answer showed.
    group = _select(window, "something to keep my coffee hot")
    assert window.detail.answer.text() == group.answer != ""
    assert "asked 2 times" in window.detail.facts.text()
    expected_cards = [c["name"] for c in group.cards if c["kind"] == "product"]
    for name in expected_cards:
        assert name in window.detail.cards.text()
    # Questions answered well are not listed.
    assert all("return policy" not in g.question for g in window.groups.groups)


# choice → (question, fill the form, what the preview's "after" must say, store check)
def _fill_product(panel):
    panel.product.suggest([("BT-1", "Insulated Water Bottle")])
    panel.product.choose("BT-1")


def _fill_category(panel):
    assert panel.category.choose("Camping/Bottles")


def _fill_policy(panel):
    assert panel.faq.choose("hours")


def _fill_new(panel):
    panel.new_answer.setPlainText("Yes: gift wrapping is free at the till.")


def _fill_not_carried(panel):
    panel.reply.setPlainText("We don't sell boats; Lakeside Paddle Co. next door does.")


CASES = {
    "product": ("something to keep my coffee hot", _fill_product, "Insulated Water Bottle",
                lambda s: any("keep my coffee hot" in t for t, *_ in s["synonyms"])),
    "kind": ("something to keep my coffee hot", _fill_category, "Insulated Water Bottle",
             lambda s: any("Bottles" in m for _t, m, _l in s["synonyms"])),
    "policy": ("when do you shut on saturday", _fill_policy, "9 to 6",
               lambda s: any(f[0] == "hours" and "when do you shut on saturday" in f[3]
                             for f in s["faq"])),
    "new": ("do you do gift wrapping?", _fill_new, "gift wrapping is free",
            lambda s: any(f[2].startswith("Yes: gift wrapping") for f in s["faq"])),
    "not-carried": ("do you sell kayaks?", _fill_not_carried, "Lakeside Paddle Co.",
                    lambda s: any("not-carried" in f[4] for f in s["faq"])),
    "ignore": ("do you sell kayaks?", lambda panel: None, None, None),
}


@pytest.mark.parametrize("choice", sorted(CASES))
def test_each_action_is_previewed_then_saved(qtbot, failing_store, open_review, choice):
    question, fill, after_says, changed = CASES[choice]
    window = open_review(failing_store)
    _select(window, question)
    panel = window.panel
    panel.choose(choice)
    fill(panel)
    before = store_state(failing_store)
    assert panel.preview_button.isEnabled()
    assert not panel.apply_button.isEnabled(), "saving must wait for the preview"

    with qtbot.waitSignal(window.previewed, timeout=15000) as preview:
        qtbot.mouseClick(panel.preview_button, Qt.MouseButton.LeftButton)
    shown = window.preview.after.text()
    assert window.preview.isVisible()
    assert question in window.preview.title.text()
    assert window.preview.before.text().startswith(preview.args[0]["before"]["answer"])
    if after_says is not None:
        assert after_says in shown
        assert after_says not in window.preview.before.text()  # it fails today
    assert store_state(failing_store) == before, "a preview saved something"
    assert panel.apply_button.isEnabled()

    applied = []
    window.applied.connect(applied.append)
    with qtbot.waitSignals([window.applied, window.loaded], timeout=15000):
        qtbot.mouseClick(panel.apply_button, Qt.MouseButton.LeftButton)
    [action] = applied
    assert action.action == dict(panel_choices())[choice]
    after = store_state(failing_store)
    if changed is None:
        assert after == before  # ignore writes no row
    else:
        assert changed(after) and not changed(before)
    # Settled: the group leaves the list and the log shows the action.
    assert question not in [g.question for g in window.groups.groups]
    assert window.history.table.item(0, 0).text() == question
    assert window.undo_last.isVisible()
    assert "Saved" in window.status.text()


def panel_choices():
    from ui.review.action_panel import CHOICES

    return CHOICES


def test_changing_the_form_after_a_preview_needs_a_new_preview(qtbot, failing_store, open_review):
    window = open_review(failing_store)
    _select(window, "do you do gift wrapping?")
    panel = window.panel
    panel.choose("new")
    _fill_new(panel)
    with qtbot.waitSignal(window.previewed, timeout=15000):
        panel.preview_button.click()
    assert panel.apply_button.isEnabled()
    panel.new_answer.setPlainText("No, sorry.")
    assert not panel.apply_button.isEnabled()


def test_undo_puts_the_store_and_the_list_back(qtbot, failing_store, open_review):
    window = open_review(failing_store)
    before = store_state(failing_store)
    for question, fill, choice in (("when do you shut on saturday", _fill_policy, "policy"),
                                   ("do you do gift wrapping?", _fill_new, "new")):
        _select(window, question)
        window.panel.choose(choice)
        fill(window.panel)
        with qtbot.waitSignal(window.previewed, timeout=15000):
            window.panel.preview_button.click()
        with qtbot.waitSignals([window.applied, window.loaded], timeout=15000):
            window.panel.apply_button.click()
    assert len(window.groups.groups) == len(FAILING) - 2
    # The last one, from the status line's button.
    with qtbot.waitSignals([window.undone, window.loaded], timeout=15000):
        qtbot.mouseClick(window.undo_last, Qt.MouseButton.LeftButton)
    assert not window.undo_last.isVisible()
    assert "do you do gift wrapping?" in [g.question for g in window.groups.groups]
    # The first, from the log: it is still in force there; undone, its row says so.
    history = window.history
    row = next(r for r, a in enumerate(history.actions) if a.action == "faq-alternate")
    history.table.selectRow(row)
    assert history.undo_button.isEnabled()
    with qtbot.waitSignals([window.undone, window.loaded], timeout=15000):
        qtbot.mouseClick(history.undo_button, Qt.MouseButton.LeftButton)
    assert store_state(failing_store) == before
    assert len(window.groups.groups) == len(FAILING)
    assert all(a.undone is not None for a in history.actions)
    history.table.selectRow(0)
    assert not history.undo_button.isEnabled()  # nothing left to undo there
    assert history.table.item(0, 3).text().startswith("undone")


def test_a_refused_action_says_why_and_saves_nothing(qtbot, failing_store, open_review):
    window = open_review(failing_store)
    _select(window, "do you do gift wrapping?")
    window.panel.choose("new")
    _fill_new(window.panel)
    window.panel.new_question.setText("What is your return policy?")
    failing_store.save_faq(failing_store.faq("returns"))  # the id the new row would take exists
    before = store_state(failing_store)
    with qtbot.waitSignal(window.failed, timeout=15000) as failure:
        window.apply_action("new-answer", {"answer": "x", "question": "q", "faq_id": "returns"})
    assert "exists" in failure.args[0]
    assert failure.args[0] in window.status.text()
    assert store_state(failing_store) == before
    assert not window.busy()


def test_product_picker_searches_the_store_off_the_gui_thread(qtbot, failing_store, open_review):
    window = open_review(failing_store)
    _select(window, "something to keep my coffee hot")
    window.panel.choose("product")
    picker = window.panel.product
    picker.setEditText("tent")
    with qtbot.waitSignal(picker.searched, timeout=15000):
        picker.search_now()
    skus = [picker.itemData(i) for i in range(picker.count())]
    assert set(skus) >= {"TN-1", "TN-2"} and "BT-1" not in skus
    assert window.panel.request() is None  # "tent" names no one product yet
    picker.setCurrentIndex(skus.index("TN-2"))
    assert window.panel.request() == ("synonym", {"product": "TN-2"})
    picker.setEditText("SB-1")  # an SKU typed whole
    with qtbot.waitSignal(picker.searched, timeout=15000):
        picker.search_now()
    assert picker.itemData(0) == "SB-1"


# --- the admin PIN ----------------------------------------------------------------
def test_review_needs_the_admin_pin(qtbot, app_settings):
    from ui.review import AdminPinDialog, admin_unlocked

    app_settings.kiosk_pin = "2468"
    opened = []
    dialog = admin_unlocked(app_settings, None, lambda: opened.append(True))
    qtbot.addWidget(dialog)
    assert isinstance(dialog, AdminPinDialog) and dialog.isVisible()
    assert "review" in dialog.prompt.text()
    dialog.field.setText("1111")
    dialog.check()
    assert opened == [] and dialog.isVisible()
    dialog.field.setText("2468")
    dialog.check()
    assert opened == [True]


def test_a_pin_is_chosen_first_when_none_was_set(qtbot, app_settings):
    from ui.review import admin_unlocked

    assert not app_settings.kiosk_pin_is_set
    opened = []
    dialog = admin_unlocked(app_settings, None, lambda: opened.append(True))
    qtbot.addWidget(dialog)
    dialog.first.setText("13579")
    dialog.second.setText("13579")
    dialog.check()
    assert opened == [True]
    assert app_settings.kiosk_pin == "13579"
    cancelled = admin_unlocked(app_settings, None, lambda: opened.append(False))
    qtbot.addWidget(cancelled)
    cancelled.reject()
    assert opened == [True]


def test_the_clerk_menu_opens_the_review_after_the_pin(qtbot, make_window, failing_store):
    from ui.backend import StoreInfo
    from ui.review import ReviewWindow
    from ui.review.jobs import wait_for_running

    window = make_window()
    window.store_info = StoreInfo("Trailhead", failing_store.path, window.store_info.suggestions)
    window.settings.kiosk_pin = "2468"
    assert window.act_review in window.file_menu.actions()
    window.act_review.trigger()
    gate = window.review_gate
    assert window.findChild(ReviewWindow) is None  # not before the PIN
    gate.field.setText("2468")
    gate.check()
    review = window.findChild(ReviewWindow)
    assert review is not None and review.isVisible()
    qtbot.waitUntil(lambda: review.snapshot is not None, timeout=15000)
    assert review.groups.table.rowCount() == len(FAILING)
    review.close()
    assert wait_for_running(15)


def test_kiosk_has_no_way_to_the_review(qtbot, make_window):
    window = make_window(mode="kiosk")
    assert not hasattr(window, "act_review")
    window.open_review()
    assert not [w for w in window.findChildren(QDialog) if w.isVisible()]
