"""The fine-tune dialog: drives a trainer process, shows its progress, result, cancel and errors.

Most tests run a fake trainer (a small Python script speaking the --progress-json
protocol) so they take seconds; one runs the real ``shopguide train`` on a tiny model.
"""

from __future__ import annotations

import ast
import os
import re
import sys
import textwrap
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from shopguide.config import resource
from ui.qt import QApplication, QProcess, Qt
from ui.training.finetune_dialog import FinetuneDialog, LineReader, staging_dir

ROOT = Path(__file__).resolve().parent.parent

FAKE_TRAINER = textwrap.dedent(r'''
    import json, os, signal, sys, time

    mode = sys.argv[1]
    args = sys.argv[2:]
    out = args[args.index("--out") + 1]

    def emit(obj, split=False):
        line = json.dumps(obj) + "\n"
        if split:  # one line in two writes: the reader must wait for its end
            half = len(line) // 2
            sys.stdout.write(line[:half]); sys.stdout.flush(); time.sleep(0.15)
            line = line[half:]
        sys.stdout.write(line); sys.stdout.flush()

    with open(os.path.join(os.path.dirname(out), "args.json"), "w") as fh:
        json.dump(args, fh)
    if mode == "ok":
        emit({"event": "phase", "phase": "loading"})
        print("a library's chatter that is not JSON", flush=True)
        emit({"event": "phase", "phase": "evaluating-before"})
        emit({"event": "phase", "phase": "training"})
        for step in (1, 2, 3):
            emit({"event": "progress", "phase": "training", "step": step, "max_steps": 600,
                  "fraction": step / 10, "loss": 3.0 - step / 2, "val_loss": 2.25 if step == 3 else None,
                  "best_val_loss": 2.25 if step == 3 else None, "elapsed_s": 30.0 * step,
                  "minutes": 2}, split=step == 2)
            time.sleep(0.1)
        emit({"event": "phase", "phase": "saving"})
        os.makedirs(out)
        open(os.path.join(out, "config.json"), "w").write("{}")
        emit({"event": "phase", "phase": "evaluating-after"})
        before = {"answers": 60, "top_ordered": 0.5, "top_shuffled": 0.8, "cited": 0.25,
                  "policy_quoted": None, "no_loop": 0.9, "top_ordered_n": 20, "top_shuffled_n": 10,
                  "cited_n": 8, "policy_quoted_n": 0, "no_loop_n": 60}
        after = dict(before, top_ordered=0.75, cited=0.5)
        emit({"event": "done", "phase": "done", "report": {
            "before": before, "after": after, "steps": 3, "out": out, "stopped": "early-stop",
            "seconds": 90.0, "minutes": 2}})
    elif mode == "slow":  # trains until told to stop on stdin, like --stdin-cancel
        os.makedirs(staging := os.path.join(os.path.dirname(out), "." + os.path.basename(out) + ".partial"))
        emit({"event": "phase", "phase": "training"})
        emit({"event": "progress", "phase": "training", "step": 1, "max_steps": 600, "fraction": 0.01,
              "loss": 3.0, "val_loss": None, "best_val_loss": None, "elapsed_s": 1.0, "minutes": 10})
        for line in sys.stdin:
            if line.strip() == "cancel":
                break
        os.rmdir(staging)
        emit({"event": "cancelled"})
        print("shopguide train: fine-tuning was cancelled; nothing was written", file=sys.stderr)
        sys.exit(1)
    elif mode == "stubborn":  # ignores the cancel line and SIGTERM: only kill stops it
        os.makedirs(os.path.join(os.path.dirname(out), "." + os.path.basename(out) + ".partial"))
        if hasattr(signal, "SIGTERM"):
            signal.signal(signal.SIGTERM, signal.SIG_IGN)
        emit({"event": "phase", "phase": "training"})
        emit({"event": "progress", "phase": "training", "step": 1, "max_steps": 600, "fraction": 0.01,
              "loss": 3.0, "val_loss": None, "best_val_loss": None, "elapsed_s": 1.0, "minutes": 10})
        while True:
            time.sleep(0.05)
    elif mode == "fail":
        emit({"event": "phase", "phase": "loading"})
        message = "shopguide train: /shop/qa.csv: row 3: expected two columns, question and answer"
        emit({"event": "error", "message": message})
        print(message, file=sys.stderr)
        sys.exit(1)
    elif mode == "crash":
        print("Traceback (most recent call last):\n  ...\nMemoryError: out of memory", file=sys.stderr)
        sys.exit(3)
''')


@pytest.fixture
def fake_trainer(tmp_path):
    script = tmp_path / "fake_trainer.py"
    script.write_text(FAKE_TRAINER, encoding="utf-8")
    return script


@pytest.fixture
def store_file(tmp_path):
    path = tmp_path / "store.sqlite"
    path.write_bytes(b"")  # the dialog only checks that it is there; the fake trainer ignores it
    return path


@pytest.fixture
def make_dialog(qtbot, app_settings, fake_trainer, store_file, tmp_path):
    made = []

    def make(mode: str = "ok", store=store_file, command=None) -> FinetuneDialog:
        cmd = command or (lambda args: (sys.executable, [str(fake_trainer), mode, *args]))
        d = FinetuneDialog(app_settings, store, command=cmd)
        d.out_edit.setText(str(tmp_path / "models" / "ft"))
        (tmp_path / "models").mkdir(exist_ok=True)
        qtbot.addWidget(d)
        made.append(d)
        return d

    yield make
    for d in made:  # no trainer may outlive its test
        if d.process is not None and d.process.state() != QProcess.ProcessState.NotRunning:
            d.process.kill()
            d.process.waitForFinished(3000)


def test_line_reader_keeps_a_cut_line_until_its_end():
    r = LineReader()
    assert r.feed(b'{"a": 1}\n{"b"') == ['{"a": 1}']
    assert r.feed(b': "\xe5\xae') == []  # cut inside a UTF-8 character too
    assert r.feed(b'\x8c"}\r\n') == ['{"b": "完"}']
    assert r.feed(b"tail") == [] and r.flush() == ["tail"] and r.flush() == []


def test_defaults_and_arguments(make_dialog, app_settings, store_file, tmp_path):
    app_settings.model_spec = "/models/current"
    d = make_dialog()
    assert d.base_edit.text() == "/models/current"  # continue from the model in use
    assert d.store_edit.text() == str(store_file)
    assert d.minutes.value() == 10
    fresh = FinetuneDialog(app_settings, store_file)
    try:
        default_out = Path(fresh.out_edit.text())
        # Under the user data folder (the test's own, see conftest), a new name each minute.
        assert default_out.parent == Path(os.environ["SHOPGUIDE_DATA_DIR"]) / "models"
        assert re.fullmatch(r"finetuned-\d{8}-\d{4}", default_out.name)
    finally:
        fresh.deleteLater()
    d.qa_edit.setText("/shop/qa.csv")
    d.minutes.setValue(3)
    args = d.arguments()
    assert args[:3] == ["train", "--from", "/models/current"]
    assert args[args.index("--store") + 1] == str(store_file)
    assert args[args.index("--qa") + 1] == "/shop/qa.csv"
    assert args[args.index("--minutes") + 1] == "3"
    assert args[args.index("--out") + 1] == str(tmp_path / "models" / "ft")
    assert "--progress-json" in args and "--stdin-cancel" in args
    d.qa_edit.clear()
    assert "--qa" not in d.arguments()


def test_progress_updates_the_bar_then_shows_before_and_after(qtbot, make_dialog, app_settings,
                                                              tmp_path):
    d = make_dialog("ok")
    d.show()
    seen = []
    original = d.handle_event

    def spy(event):
        original(event)
        seen.append((event.get("event"), d.bar.maximum(), d.bar.value(), d.status.text()))

    d.handle_event = spy
    with qtbot.waitSignal(d.finished_run, timeout=20000) as result:
        qtbot.mouseClick(d.start_button, Qt.MouseButton.LeftButton)
        assert not d.inputs.isEnabled() and d.cancel_button.isVisible()
    assert result.args == ["done"]
    # Busy bar while measuring, fractions while training; the split line arrived whole.
    assert ("phase", 0, 0, "Stage 1 of 3: measuring the current model on this store…") in [
        (k, mx, v, s) for k, mx, v, s in seen if k == "phase"]
    bars = [(mx, v) for k, mx, v, _ in seen if k == "progress"]
    assert bars == [(1000, 250), (1000, 500), (1000, 750)]  # by the clock, as the text says
    assert d.bar.value() == 1000
    assert "validation loss 2.250" in d.details.text() and "1.5 of 2 min" in d.details.text()
    assert d.status.text().startswith(f"Done. The new model is in {tmp_path / 'models' / 'ft'}")
    assert "ended after 1.5 of 2 min" in d.status.text()  # and says why it ended early
    assert "Training step 3" in d.details.text()
    assert d.results.isVisible()
    assert [c.text() for c in d.result_cells[0]] == ["50% of 20", "75% of 20"]
    assert [c.text() for c in d.result_cells[2]] == ["25% of 8", "50% of 8"]
    assert [c.text() for c in d.result_cells[3]] == ["none asked", "none asked"]
    assert d.result_names[0].text() == "Recommends the product asked about"
    assert [h.text() for h in d.result_headers] == ["Before", "After"]
    assert d.use_button.isVisible() and not d.cancel_button.isVisible() and not d.error.isVisible()
    assert not d.inputs.isEnabled() and not d.start_button.isVisible()  # the result stays what it is

    used = []
    d.useModel.connect(used.append)
    qtbot.mouseClick(d.use_button, Qt.MouseButton.LeftButton)
    assert used == [str(tmp_path / "models" / "ft")]
    assert app_settings.model_spec == str(tmp_path / "models" / "ft")


def test_cancel_asks_the_run_to_stop_and_reports_cancelled(qtbot, make_dialog, tmp_path):
    d = make_dialog("slow")
    d.show()
    d.start()
    qtbot.waitUntil(lambda: d.progress.get("step") == 1, timeout=10000)
    out = tmp_path / "models" / "ft"
    assert staging_dir(out).exists()
    with qtbot.waitSignal(d.finished_run, timeout=10000) as result:
        qtbot.mouseClick(d.cancel_button, Qt.MouseButton.LeftButton)
        assert d.status.text() == "Stopping…" and not d.cancel_button.isEnabled()
    assert result.args == ["cancelled"]
    assert d.process.state() == QProcess.ProcessState.NotRunning
    assert d.process.exitCode() == 1  # it stopped by itself (cleanly), not killed
    assert d.status.text() == "Cancelled. Nothing was written."
    assert not out.exists() and not staging_dir(out).exists()
    assert not d.use_button.isVisible() and d.start_button.isVisible() and d.inputs.isEnabled()


def test_a_run_that_ignores_cancel_is_terminated_then_killed(qtbot, make_dialog, tmp_path):
    d = make_dialog("stubborn")
    d.STOP_GRACE_MS = d.KILL_GRACE_MS = 300
    d.start()
    qtbot.waitUntil(lambda: d.progress.get("step") == 1, timeout=10000)
    out = tmp_path / "models" / "ft"
    assert staging_dir(out).exists()
    with qtbot.waitSignal(d.finished_run, timeout=10000) as result:
        d.cancel()
    assert result.args == ["cancelled"]
    assert not staging_dir(out).exists()  # what the killed run left is removed


def test_a_failing_run_shows_its_error(qtbot, make_dialog):
    d = make_dialog("fail")
    d.show()
    with qtbot.waitSignal(d.finished_run, timeout=10000) as result:
        d.start()
    assert result.args == ["failed"]
    assert d.error.isVisible()
    assert d.error.text() == "shopguide train: /shop/qa.csv: row 3: expected two columns, question and answer"
    assert d.status.text() == "Fine-tuning did not finish:"
    assert not d.bar.isVisible() and not d.use_button.isVisible() and d.start_button.isEnabled()


def test_a_crash_without_a_report_shows_the_end_of_stderr(qtbot, make_dialog):
    d = make_dialog("crash")
    d.show()
    with qtbot.waitSignal(d.finished_run, timeout=10000):
        d.start()
    assert d.state == "failed" and "MemoryError: out of memory" in d.error.text()


def test_a_trainer_that_cannot_start_is_an_error(qtbot, make_dialog, tmp_path):
    d = make_dialog(command=lambda args: (str(tmp_path / "no-such-program"), args))
    with qtbot.waitSignal(d.finished_run, timeout=10000):
        d.start()
    assert d.state == "failed" and "could not start" in d.error.text()


def test_a_missing_store_is_reported_before_anything_starts(qtbot, make_dialog, tmp_path):
    d = make_dialog("ok", store=tmp_path / "gone.sqlite")
    d.show()
    d.start()
    assert d.process is None and d.state == "failed"
    assert d.error.isVisible() and str(tmp_path / "gone.sqlite") in d.error.text()


def test_closing_while_running_cancels_first(qtbot, make_dialog):
    d = make_dialog("slow")
    d.show()
    d.start()
    qtbot.waitUntil(lambda: d.progress.get("step") == 1, timeout=10000)
    d.close()
    assert d.isVisible() and d.state == "cancelling"
    qtbot.waitUntil(lambda: not d.isVisible(), timeout=10000)
    assert d.state == "cancelled"


def test_the_gui_keeps_running_while_training(qtbot, make_dialog):
    d = make_dialog("slow")
    d.start()
    qtbot.waitUntil(lambda: d.progress.get("step") == 1, timeout=10000)
    ticks = []
    from ui.qt import QTimer

    timer = QTimer()
    timer.timeout.connect(lambda: ticks.append(1))
    timer.start(20)
    qtbot.wait(400)
    timer.stop()
    assert len(ticks) >= 10  # the event loop ran throughout
    with qtbot.waitSignal(d.finished_run, timeout=10000):
        d.cancel()


def test_the_menu_opens_the_dialog_and_use_reloads_the_model(qtbot, make_window):
    window = make_window()
    assert window.act_finetune.text() == "&Fine-tune the model on this store…"
    assert window.act_finetune in window.file_menu.actions()
    window.act_finetune.trigger()
    dialog = window.findChild(FinetuneDialog)
    assert dialog is not None and dialog.isVisible()
    assert not dialog.isModal()  # the clerk keeps serving while it trains
    assert window.chat.input_bar.input.isEnabled()
    window.act_finetune.trigger()
    assert window.findChildren(FinetuneDialog) == [dialog]  # the open one comes back
    dialog._out = Path("/models/new")
    dialog.state, dialog.report = "done", {"out": "/models/new"}
    # Under load the first model's own modelLoading ("fake") can arrive after this call.
    with qtbot.waitSignal(window.client.modelLoading, timeout=20000,
                          check_params_cb=lambda spec: spec == "/models/new"):
        dialog.use_model()
    assert window.settings.model_spec == "/models/new"


def test_the_real_trainer_through_the_dialog(qtbot, app_settings, tiny_trained, tmp_path):
    folder = tmp_path / "hearth"
    folder.mkdir()
    (folder / "products.csv").write_text(
        "sku,name,category,price,brand,stock\nHH-1,Oak Bookshelf,Furniture/Shelves,129.99,Woodline,4\n"
        "HH-3,Linen Duvet,Bedding/Duvets,89.5,Softnest,12\n", encoding="utf-8")
    (folder / "faq.csv").write_text("id,question,answer\nreturns,Returns?,Within 60 days.\n",
                                    encoding="utf-8")
    app_settings.model_spec = str(tiny_trained.out)
    d = FinetuneDialog(app_settings, folder)
    qtbot.addWidget(d)
    out = tmp_path / "models" / "ft"
    d.out_edit.setText(str(out))
    d.minutes.setMinimum(0.02)  # seconds, not minutes, for a test
    d.minutes.setDecimals(2)
    d.minutes.setValue(0.02)
    phases = []
    original = d.handle_event
    d.handle_event = lambda e: (original(e), phases.append(d.phase))
    try:
        with qtbot.waitSignal(d.finished_run, timeout=180000) as result:
            d.start()
    finally:
        if d.process.state() != QProcess.ProcessState.NotRunning:
            d.process.kill()
            d.process.waitForFinished(3000)
    assert result.args == ["done"], d.error.text()
    assert "training" in phases and phases[-1] == "done"
    assert (out / "config.json").is_file() and not d.results.isHidden()


# --- translations -------------------------------------------------------------


def _tr_literals(path: Path) -> set[str]:
    found = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if (isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute)
                and node.func.attr == "tr" and node.args
                and isinstance(node.args[0], ast.Constant) and isinstance(node.args[0].value, str)):
            found.add(node.args[0].value)
    return found


@pytest.mark.parametrize("lang", ["zh_CN", "en"])
def test_every_dialog_string_is_translated_and_compiled(lang):
    ts = resource("translations", f"training_{lang}.ts")
    messages = {m.findtext("source"): m.find("translation") for m in ET.parse(ts).getroot().iter("message")}
    used = set().union(*(_tr_literals(p) for p in (ROOT / "ui" / "training").glob("*.py")))
    assert len(used) > 40
    assert not sorted(used - set(messages)), "run pyside6-lupdate on ui/training"
    for source in used:
        tr = messages[source]
        assert tr.get("type") is None and tr.text, source
        assert source.count("%1") == tr.text.count("%1") and source.count("&") == tr.text.count("&")
    qm = ts.with_suffix(".qm")
    assert qm.is_file() and qm.stat().st_mtime >= ts.stat().st_mtime - 1


def test_the_dialog_relabels_itself_in_chinese(qtbot, qapp, make_dialog):
    from ui.i18n import LanguageManager

    manager = LanguageManager(qapp)
    d = make_dialog("fail")
    try:
        manager.set_language("zh")
        QApplication.processEvents()
        assert d.windowTitle() == "用本店数据微调模型"
        assert d.start_button.text() == "开始" and d.minutes_label.text() == "训练时长(&T)（分钟）："
        with qtbot.waitSignal(d.finished_run, timeout=10000):
            d.start()
        assert d.status.text() == "微调未完成："
    finally:
        manager.set_language("en")


def test_quitting_the_app_ends_the_run_and_removes_its_partial_model(qtbot, make_dialog, tmp_path):
    d = make_dialog("stubborn")
    d.KILL_GRACE_MS = 300
    d.start()
    qtbot.waitUntil(lambda: d.progress.get("step") == 1, timeout=10000)
    out = tmp_path / "models" / "ft"
    assert staging_dir(out).exists()
    d._abandon()  # what QApplication.aboutToQuit calls
    assert d.process.state() == QProcess.ProcessState.NotRunning
    assert not staging_dir(out).exists()


def test_start_again_after_a_failure(qtbot, make_dialog):
    d = make_dialog("fail")
    with qtbot.waitSignal(d.finished_run, timeout=10000):
        d.start()
    first = d.process
    with qtbot.waitSignal(d.finished_run, timeout=10000) as result:
        qtbot.mouseClick(d.start_button, Qt.MouseButton.LeftButton)
    assert result.args == ["failed"] and d.process is not first
    assert "row 3" in d.error.text()


def test_the_dialog_grows_for_the_results_instead_of_squeezing_the_inputs(qtbot, make_dialog):
    d = make_dialog("ok")
    d.show()
    qtbot.waitExposed(d)
    shown_height = d.height()
    with qtbot.waitSignal(d.finished_run, timeout=20000):
        d.start()
    QApplication.processEvents()
    assert d.height() > shown_height
    for edit in (d.base_edit, d.store_edit, d.qa_edit, d.out_edit):
        assert edit.height() >= edit.sizeHint().height()
    assert d.minutes.height() >= d.minutes.sizeHint().height()
