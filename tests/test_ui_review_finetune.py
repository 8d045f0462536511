"""The fine-tune dialog offers the reviewed questions beside the store and the CSV."""

from __future__ import annotations

from shopguide.review import apply_action, review_groups
from ui.training import FinetuneDialog


def test_reviewed_questions_are_a_source_of_the_fine_tune(qtbot, app_settings, failing_store,
                                                          tmp_path):
    group = next(g for g in review_groups(failing_store) if g.question == "do you do gift wrapping?")
    apply_action(failing_store, group, "new-answer", answer="Yes: gift wrapping is free.")
    dialog = FinetuneDialog(app_settings, failing_store.path)
    qtbot.addWidget(dialog)
    box = dialog.reviewed
    qtbot.waitUntil(lambda: box.count is not None, timeout=15000)
    assert box.count == 1 and box.isEnabled() and "(1)" in box.text()
    assert "--reviewed" not in dialog.arguments()  # offered, not imposed
    box.setChecked(True)
    args = dialog.arguments()
    assert args[args.index("--store") + 1] == str(failing_store.path)
    assert "--reviewed" in args

    # A store folder of CSV files has no review log: the box goes off and says why.
    folder = tmp_path / "shop"
    folder.mkdir()
    with qtbot.waitSignal(box.counted, timeout=15000) as counted:
        dialog.store_edit.setText(str(folder))
    assert counted.args == [-1]
    assert not box.isEnabled() and not box.isChecked()
    assert ".sqlite" in box.toolTip()
    assert "--reviewed" not in dialog.arguments()


def test_a_store_with_nothing_reviewed_offers_nothing(qtbot, app_settings, failing_store):
    dialog = FinetuneDialog(app_settings, failing_store.path)
    qtbot.addWidget(dialog)
    with qtbot.waitSignal(dialog.reviewed.counted, timeout=15000) as counted:
        pass
    assert counted.args == [0]
    assert not dialog.reviewed.isEnabled()
    assert "Review unanswered questions" in dialog.reviewed.toolTip()
