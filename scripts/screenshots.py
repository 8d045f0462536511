"""Render the window in clerk and kiosk mode, Chinese and English, to PNGs.

    xvfb-run -a -s "-screen 0 1440x900x24" .venv/bin/python scripts/screenshots.py

Runs the real app on a fresh copy of the demo store (nothing of the user's is
touched: settings and data go to a temporary folder), asks a question in each
language, waits for the answer, and saves docs/screenshots/<mode>-<lang>.png plus
the start screen with its suggestions. The kiosk is shown as the app shows it (the whole
screen, set from the screen's geometry); under a real X server without a window manager
(xvfb-run) kiosk-<lang>-screen.png is the whole screen, to show that it fills it. Uses the bundled model when it is there;
otherwise the status bar says so and the answers come from the store's facts.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

QUESTIONS = {
    "zh": ("有没有适合扁平足的跑鞋？", "比较一下前两款"),
    "en": ("Do you have running shoes for flat feet?", "compare the first and second"),
}
POLICY = {"zh": "退货政策是什么？", "en": "What is your return policy?"}
CUSTOMER = "C001"  # 王磊 in the demo store: flat feet, shoe 43, likes 云跃


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=ROOT / "docs" / "screenshots")
    parser.add_argument("--model", default="bundled", help="model spec ('' = facts only)")
    parser.add_argument("--size", default="1280x800", help="window size for clerk mode")
    parser.add_argument("--only", choices=("all", "dialogs", "review"), default="all",
                        help="'dialogs': only the PIN and fine-tune dialogs (no model, seconds); "
                        "'review': only the review of unanswered questions")
    args = parser.parse_args(argv)
    tmp = Path(tempfile.mkdtemp(prefix="shopguide-shots-"))
    os.environ["SHOPGUIDE_DATA_DIR"] = str(tmp / "data")
    os.environ["SHOPGUIDE_LOG_DIR"] = str(tmp / "logs")
    os.environ.setdefault("OMP_NUM_THREADS", "1")

    from ui.app import build_window, create_app, show_kiosk
    from ui.resources import stylesheet
    from ui.backend import default_backend
    from ui.i18n import LanguageManager
    from ui.qt import QSettings

    app = create_app()
    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(tmp / "qsettings"))
    from ui.settings import AppSettings

    languages = LanguageManager(app)
    args.out.mkdir(parents=True, exist_ok=True)
    width, height = (int(x) for x in args.size.split("x"))
    store_args = argparse.Namespace(store=None, demo=True)
    if args.only in ("all", "review"):
        review_store = _review_store(tmp / "review.sqlite")
        for lang in ("zh", "en"):
            _save_review_window(app, languages, lang, review_store, args.out)
    for lang in (("zh", "en") if args.only in ("all", "dialogs") else ()):
        _save_pin_dialog(app, languages, lang, args.out)
        _save_finetune_dialog(app, languages, lang, args.out)
    for mode in (("clerk", "kiosk") if args.only == "all" else ()):
        for lang in ("zh", "en"):
            settings = AppSettings()
            settings.language = lang
            languages.set_language(lang)
            # The app's look for the mode, before the window, as ui.app.run does.
            app.setStyleSheet(stylesheet(settings.theme, mode == "kiosk", settings.font_size))
            window = build_window(settings, default_backend(store_args), languages, mode)
            window.chat.ui_lang = lang
            window.retranslate_ui()
            if mode == "kiosk":
                show_kiosk(window)  # as started: the whole screen, on bare X without a WM too
            else:
                window.resize(width, height)
                window.show()
            client = window.client
            _wait(app, client.storeReady, lambda c=client: c.start(args.model), 30000)
            if args.model and window._model_state[0] == "loading":  # may have reported already
                _wait_any(app, (client.modelReady, client.modelFailed), 60000)
            if mode == "clerk" and window.sidebar is not None:
                window.sidebar.select_customer(CUSTOMER)
            _settle(app, 300)
            if lang == "zh" or mode == "kiosk":
                _save(window, args.out / f"{mode}-{lang}-start.png")
            if mode == "kiosk" and app.platformName() == "xcb":
                # The screen itself, not the window: that the kiosk fills it is the point.
                app.primaryScreen().grabWindow(0).save(str(args.out / f"kiosk-{lang}-screen.png"))
            for question in QUESTIONS[lang]:
                _wait(app, client.done, lambda q=question, w=window: w.chat.ask(q), 60000)
            _settle(app, 500)
            _save(window, args.out / f"{mode}-{lang}.png")
            _wait(app, client.done, lambda w=window, q=POLICY[lang]: w.chat.ask(q), 60000)
            _settle(app, 500)
            _save(window, args.out / f"{mode}-{lang}-policy.png")
            if mode == "clerk" and window.sidebar is not None:
                window.sidebar.tabs.setCurrentWidget(window.sidebar.privacy)
                _settle(app, 300)
                _save(window, args.out / f"{mode}-{lang}-privacy.png")
            if mode == "kiosk":
                window._may_close = True  # the script is the admin here
            window.close()
            window.deleteLater()
            _settle(app, 100)
    print(f"screenshots in {args.out}")
    return 0


def _save_pin_dialog(app, languages, lang: str, out: Path) -> None:
    """The dialog a first kiosk start shows, with the mismatch error visible."""
    from ui.kiosk_pin import SetPinDialog
    from ui.settings import AppSettings

    from ui.resources import stylesheet

    languages.set_language(lang)
    settings = AppSettings()
    app.setStyleSheet(stylesheet(settings.theme, True, settings.font_size))  # as ui.app.run
    dialog = SetPinDialog(settings)
    dialog.first.setText("1234")
    dialog.second.setText("1243")
    dialog.show()
    dialog.check()
    _settle(app, 200)
    _save(dialog, out / f"kiosk-pin-{lang}.png")
    dialog.reject()
    dialog.deleteLater()
    _save_exit_pin_dialog(app, lang, out)
    app.setStyleSheet("")


def _save_exit_pin_dialog(app, lang: str, out: Path) -> None:
    """The kiosk's exit-PIN dialog after a wrong PIN: the message shown, the buttons in view."""
    from ui.kiosk import PinDialog

    dialog = PinDialog("2468")
    dialog.show()
    dialog.field.setText("1111")
    dialog.check()
    _settle(app, 200)
    _save(dialog, out / f"kiosk-exit-pin-wrong-{lang}.png")
    dialog.reject()
    dialog.deleteLater()


def _save_finetune_dialog(app, languages, lang: str, out: Path) -> None:
    """The fine-tune dialog while training, when done (before/after) and after an error.

    The states are fed to the dialog as the trainer's progress lines would be; no
    training runs here (the tests run the real trainer).
    """
    from ui.resources import stylesheet
    from ui.settings import AppSettings
    from ui.training import FinetuneDialog

    languages.set_language(lang)
    store = ROOT / "resources" / "demo"
    progress = {"event": "progress", "phase": "training", "step": 412, "max_steps": 600,
                "fraction": 0.46, "loss": 1.234, "val_loss": None, "best_val_loss": 1.387,
                "elapsed_s": 276.0, "minutes": 10}
    # The figures a fine-tune on the demo store reports (training/evaluate_tagged.py).
    before = {"answers": 60, "top_ordered": 0.62, "top_shuffled": 0.35, "cited": 0.2,
              "policy_quoted": 0.55, "no_loop": 0.95, "top_ordered_n": 26, "top_shuffled_n": 10,
              "cited_n": 10, "policy_quoted_n": 9, "no_loop_n": 60}
    after = dict(before, top_ordered=0.88, top_shuffled=0.5, cited=0.4, policy_quoted=0.78)
    for state, theme in (("training", "light"), ("done", "light"), ("error", "light"),
                         ("error", "dark")):
        dialog = FinetuneDialog(AppSettings(), store)
        dialog.setStyleSheet(stylesheet(theme))  # as under the main window
        dialog.qa_edit.setText(str(ROOT / "resources" / "demo" / "extra-qa.csv"))
        dialog.out_edit.setText("~/.local/share/ShopGuide/models/finetuned-20261129-0305")
        dialog.show()
        if state == "training":
            dialog.state = "running"
            dialog._update_state()
            dialog.handle_event({"event": "phase", "phase": "training"})
            dialog.handle_event(progress)
        elif state == "done":
            dialog.state = "running"
            dialog.handle_event(progress)
            dialog._out = Path(dialog.out_edit.text())
            dialog.handle_event({"event": "done", "phase": "done",
                                 "report": {"before": before, "after": after, "steps": 600,
                                            "stopped": "early-stop", "seconds": 276.0,
                                            "minutes": 10}})
            dialog.state = "done"
            dialog._update_state()
        else:
            dialog._fail("shopguide train: extra-qa.csv: row 3: expected two columns, "
                         "question and answer")
        dialog.adjustSize()
        _settle(app, 200)
        suffix = "-dark" if theme == "dark" else ""
        _save(dialog, out / f"finetune-{state}{suffix}-{lang}.png")
        dialog.deleteLater()
    _settle(app, 50)


# Shoppers' questions for the review window: (question, times asked, rating), spread over
# the last days. Some the demo store answers, some it cannot; two carry a customer's
# details, which the review masks.
REVIEW_TURNS = (
    ("你们卖冰箱吗？", 4, -1), ("有没有皮划艇？", 3, None), ("do you sell lawn mowers?", 3, -1),
    ("我是王磊，电话13812345678，有没有冰箱？", 1, -1), ("可以开发票吗？", 2, -1),
    ("do you do gift wrapping?", 2, None), ("有没有适合扁平足的跑鞋？", 5, 1),
    ("What is your return policy?", 3, 1), ("有43码的跑鞋吗？", 2, 1),
    ("email me at wang.lei@example.com about tents", 1, -1),
)


def _review_store(path: Path) -> Path:
    """A copy of the demo store whose shoppers asked REVIEW_TURNS over the last 9 days."""
    from datetime import datetime, timedelta, timezone

    from shopguide.guide.conversation import Conversation
    from shopguide.guide.engine import Engine
    from shopguide.store import open_store
    from shopguide.store.location import fresh_demo_store

    fresh_demo_store(path)
    store = open_store(path)
    engine = Engine(store)
    now = datetime.now(timezone.utc)
    n = 0
    for question, times, rating in REVIEW_TURNS:
        for _ in range(times):
            conv = Conversation(mode="kiosk")
            list(engine.answer(question, conv, save=True))
            when = (now - timedelta(days=n % 9, hours=n % 5)).isoformat(timespec="microseconds")
            store.conn.execute("UPDATE messages SET created = ? WHERE conversation_id = ?",
                               (when, conv.id))
            store.conn.execute("UPDATE conversations SET started = ? WHERE id = ?",
                               (when, conv.id))
            if rating is not None:
                answer_id = store.conn.execute(
                    "SELECT max(id) FROM messages WHERE conversation_id = ?", (conv.id,)
                ).fetchone()[0]
                store.rate_message(answer_id, rating)
            n += 1
    store.close()
    return path


def _save_review_window(app, languages, lang: str, store: Path, out: Path) -> None:
    """The review window: a group with an action previewed, and the charts."""
    from ui.resources import stylesheet
    from ui.review import ReviewWindow
    from ui.settings import AppSettings

    languages.set_language(lang)
    window = ReviewWindow(store)
    window.setStyleSheet(stylesheet(AppSettings().theme))  # as under the main window
    window.resize(1280, 800)
    _wait(app, window.loaded, window.show, 30000)
    groups = window.groups.groups
    row = next((i for i, g in enumerate(groups) if "冰箱" in g.question or "mower" in g.question), 0)
    window.groups.table.selectRow(row)
    panel = window.panel
    panel.choose("not-carried")
    panel.reply.setPlainText("本店不卖家电，二楼的家电城有冰箱。" if lang == "zh" else
                             "We don't sell appliances; the appliance store upstairs does.")
    _wait(app, window.previewed, panel.preview_button.click, 30000)
    _settle(app, 300)
    _save(window, out / f"review-{lang}.png")
    window.tabs.setCurrentIndex(2)
    _settle(app, 500)
    _save(window, out / f"review-charts-{lang}.png")
    window.close()
    window.deleteLater()
    _settle(app, 100)


def _wait(app, signal, trigger, timeout_ms: int) -> None:
    _wait_any(app, (signal,), timeout_ms, trigger)


def _wait_any(app, signals, timeout_ms: int, trigger=None) -> None:
    """Run the event loop until one of ``signals`` fires (no processEvents spinning)."""
    from ui.qt import QEventLoop, QTimer

    loop = QEventLoop()
    for s in signals:
        s.connect(loop.quit)
    QTimer.singleShot(timeout_ms, loop.quit)
    if trigger is not None:
        trigger()
    loop.exec()
    for s in signals:
        s.disconnect(loop.quit)


def _settle(app, ms: int) -> None:
    from ui.qt import QEventLoop, QTimer

    loop = QEventLoop()
    QTimer.singleShot(ms, loop.quit)
    loop.exec()


def _save(window, path: Path) -> None:
    window.grab().save(str(path))
    print(path)


if __name__ == "__main__":
    sys.exit(main())
