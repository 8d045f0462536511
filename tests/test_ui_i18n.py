"""Languages: both shipped, complete, loaded by suffix, switchable while the app runs."""

from __future__ import annotations

import ast
import shutil
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from shopguide.config import resource
from ui.i18n import LanguageManager, qm_files
from ui.qt import Qt

ROOT = Path(__file__).resolve().parent.parent
OUR_SOURCES = sorted([*ROOT.glob("ui/*.py"), *ROOT.glob("ui/chat/*.py")])


def _tr_literals(path: Path) -> set[str]:
    """Every string literal passed to self.tr(...) in a module."""
    found = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if (
            isinstance(node, ast.Call)
            and isinstance(node.func, ast.Attribute)
            and node.func.attr == "tr"
            and node.args
        ):
            arg = node.args[0]
            if isinstance(arg, ast.Constant) and isinstance(arg.value, str):
                found.add(arg.value)
    return found


def _ts_messages(path: Path) -> dict[str, tuple[str | None, str | None]]:
    out = {}
    for m in ET.parse(path).getroot().iter("message"):
        tr = m.find("translation")
        out[m.findtext("source")] = (tr.text, tr.get("type"))
    return out


@pytest.mark.parametrize("name", ["app_zh_CN.ts", "app_en.ts"])
def test_every_visible_string_is_translated(name):
    messages = _ts_messages(resource("translations", name))
    used = set().union(*(_tr_literals(p) for p in OUR_SOURCES))
    assert used, "no tr() strings found: the scan is broken"
    missing = sorted(used - set(messages))
    assert not missing, f"strings not in {name} (run pyside6-lupdate): {missing}"
    unfinished = sorted(s for s in used if not messages[s][0] or messages[s][1] == "unfinished")
    assert not unfinished, f"untranslated in {name}: {unfinished}"
    assert resource("translations", name.replace(".ts", ".qm")).is_file()


def test_chinese_translation_keeps_placeholders():
    for source, (text, _) in _ts_messages(resource("translations", "app_zh_CN.ts")).items():
        assert source.count("%1") == (text or "").count("%1"), source
        assert source.count("&") == (text or "").count("&"), source  # keyboard accelerators kept


def test_every_area_file_for_the_language_is_loaded(qapp, tmp_path):
    folder = tmp_path / "translations"
    folder.mkdir()
    shutil.copy(resource("translations", "app_zh_CN.qm"), folder / "app_zh_CN.qm")
    shutil.copy(resource("translations", "app_zh_CN.qm"), folder / "customers_zh_CN.qm")
    shutil.copy(resource("translations", "app_en.qm"), folder / "app_en.qm")
    assert [p.name for p in qm_files("zh", folder)] == ["app_zh_CN.qm", "customers_zh_CN.qm"]
    assert [p.name for p in qm_files("en", folder)] == ["app_en.qm"]
    manager = LanguageManager(qapp, folder)
    try:
        loaded = manager.set_language("zh")
        assert [p.name for p in loaded] == ["app_zh_CN.qm", "customers_zh_CN.qm"]
    finally:
        manager.set_language("en")
        manager.deleteLater()


def test_language_switch_changes_labels_at_run_time(qtbot, qapp, make_window):
    manager = LanguageManager(qapp)
    try:
        manager.set_language("zh")
        window = make_window(languages=manager)
        bar = window.chat.input_bar
        assert bar.send_button.text() == "发送"
        assert window.file_menu.title() == "对话(&C)"
        assert "正在接待" in window.header_label.text()
        with qtbot.waitSignal(window.client.done, timeout=5000):
            window.chat.ask("跑鞋")
        card = window.chat.current.cards.product_cards[0]
        assert card.stock.text() == "有货：12"
        window.set_language("en")
        # Qt delivers QEvent.LanguageChange through the event loop.
        qtbot.waitUntil(lambda: bar.send_button.text() == "Send", timeout=2000)
        assert window.file_menu.title() == "&Conversation"
        assert window.header_label.text().startswith("Serving:")
        assert card.stock.text() == "In stock: 12"
        assert window.chat.current.answer.copy_button.text() == "Copy"
        assert window.settings.language == "en"
        window.set_language("zh")
        qtbot.waitUntil(lambda: bar.send_button.text() == "发送", timeout=2000)
    finally:
        manager.set_language("en")


def test_after_a_language_switch_the_chat_column_stays_clear_of_the_scrollbar(qtbot, qapp,
                                                                              make_window):
    """Switching language relabels every turn; the chat column must still fit the viewport
    (it once stayed under the scrollbar, clipped, until the next message)."""
    manager = LanguageManager(qapp)
    try:
        manager.set_language("zh")
        window = make_window(languages=manager)
        window.resize(1100, 700)
        window.show()
        for question in ("跑鞋", "比较一下前两款", "退货政策是什么？"):
            with qtbot.waitSignal(window.client.done, timeout=5000):
                window.chat.ask(question)
        view = window.chat.view
        qtbot.waitUntil(lambda: view.verticalScrollBar().isVisible(), timeout=2000)
        window.set_language("en")
        qtbot.waitUntil(lambda: window.chat.input_bar.send_button.text() == "Send", timeout=2000)
        qtbot.wait(300)  # the relabelled turns lay out again
        assert view.widget().width() <= view.viewport().width()
        assert view.horizontalScrollBar().maximum() == 0
    finally:
        manager.set_language("en")


def test_kiosk_inherits_translations_and_language_button_toggles(qtbot, qapp, make_window):
    manager = LanguageManager(qapp)
    try:
        manager.set_language("zh")
        window = make_window(mode="kiosk", languages=manager)
        assert window.staff_button.text() == "呼叫店员"
        assert window.new_button.toolTip() == "新对话"  # the words, also when the button shows its icon only
        assert "欢迎光临" in window.header_label.text()
        qtbot.mouseClick(window.language_button, Qt.MouseButton.LeftButton)
        assert manager.language == "en"
        qtbot.waitUntil(lambda: window.staff_button.text() == "Ask a staff member", timeout=2000)
        assert window.settings.language == "zh"  # a shopper's choice is not the kiosk's default
        window.wipe()
        assert manager.language == "zh"
        qtbot.waitUntil(lambda: window.staff_button.text() == "呼叫店员", timeout=2000)
    finally:
        manager.set_language("en")
