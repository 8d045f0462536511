"""Customer sidebar translations: complete in both languages, and switching relabels the sidebar."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from datetime import date, timedelta

import pytest

from shopguide.config import resource
from ui.customers import CustomerSidebar
from ui.i18n import LanguageManager
from ui.qt import QApplication, QLocale


@pytest.mark.parametrize("lang", ["zh_CN", "en"])
def test_every_sidebar_string_is_translated_and_compiled(lang):
    ts = resource("translations", f"customers_{lang}.ts")
    qm = ts.with_suffix(".qm")
    messages = list(ET.parse(ts).getroot().iter("message"))
    assert len(messages) > 100
    for m in messages:
        tr = m.find("translation")
        assert tr.get("type") is None, m.find("source").text  # not unfinished, not vanished
        forms = [f.text for f in tr.findall("numerusform")] or [tr.text]
        assert all(forms), m.find("source").text
    assert qm.is_file() and qm.stat().st_mtime >= ts.stat().st_mtime - 1


@pytest.fixture
def languages(qapp):
    manager = LanguageManager(qapp)
    yield manager
    manager.set_language("en")
    QLocale.setDefault(QLocale(QLocale.Language.English, QLocale.Country.UnitedStates))


def test_language_switch_relabels_the_sidebar(qtbot, cust_store, cust_people, languages):
    w = CustomerSidebar(cust_store)
    qtbot.addWidget(w)
    qtbot.waitUntil(lambda: w.model.total == 3, timeout=3000)
    cid = cust_people["王芳"].id
    cust_store.add_followup(cid, date.today() - timedelta(days=2), "回电")
    w.select_customer(cid)

    languages.set_language("zh")
    QApplication.processEvents()  # LanguageChange is posted to every widget
    assert w.new_button.text() == "新建顾客(&N)…"
    assert w.count_label.text() == "共 3 位顾客"
    assert w.title.text() == "正在服务：王芳"
    assert w.tabs.tabText(3) == "跟进 1" and w.tabs.tabToolTip(3) == "跟进 1（1 项逾期）"
    assert w.followups.list.item(0).text().startswith("已逾期 2 天")
    assert w.profile.budget_max.specialValueText() == "不限"

    languages.set_language("en")
    QApplication.processEvents()
    assert w.new_button.text() == "&New customer…"
    assert w.count_label.text() == "3 customers"  # the English plural form, not "customer(s)"
    assert w.followups.list.item(0).text().startswith("Overdue by 2 days")
    # The five English labels fit a sidebar of 500 pixels whole: none is elided.
    w.resize(500, 700)
    w.show()
    QApplication.processEvents()
    bar = w.tabs.tabBar()
    hints = sum(bar.tabSizeHint(i).width() for i in range(bar.count()))
    assert hints <= w.tabs.width(), [w.tabs.tabText(i) for i in range(bar.count())]
