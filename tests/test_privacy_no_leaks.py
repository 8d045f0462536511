"""No customer data in the logs, and none in a kiosk.

A clerk session runs the way the app runs it (demo import, the sidebar, the
guide worker with the real backend and engine, a note, an export) while both
pytest's caplog and the app's rotating log file record everything at DEBUG.
"""

from __future__ import annotations

import argparse
import logging
import re

import pytest

from shopguide import config
from shopguide.guide.conversation import Conversation
from shopguide.guide.engine import Engine
from shopguide.guide.events import Cards, Done
from shopguide.logging_setup import setup_logging
from shopguide.privacy import consent, export
from shopguide.store import open_store
from shopguide.store.importer import import_path
from tests.fixtures.guide import FakeModel

DEMO_ID = "C001"  # 王磊 in resources/demo/customers.csv


@pytest.fixture
def demo_store(tmp_path):
    store = open_store(tmp_path / "demo.sqlite")
    import_path(store, config.demo_store_dir())
    yield store
    store.close()


def _secrets(store, customer_id: str) -> list[str]:
    c = store.customer(customer_id)
    assert c is not None and c.phone
    values = [c.name, c.phone, re.sub(r"\D", "", c.phone), c.email or ""]
    values += [n.text[:12] for n in store.notes(customer_id)]  # a phrase of every note
    return [v for v in values if v]


class NameDroppingModel(FakeModel):
    """A model whose sentences greet the customer by name and invent a price: the engine
    drops them (and logs why), so a log line quoting the model's text would show the name."""

    def __init__(self, name: str) -> None:
        super().__init__("[C]您好，这双鞋只要一元。[C]穿四十三码正好。", piece=4)


class PromptEchoModel(FakeModel):
    """Says back whatever customer line its prompt holds: a model that uses what it is given."""

    def __init__(self) -> None:
        super().__init__("")

    def stream(self, prompt, settings=None, cancel=None, **masks):
        self.prompts.append(prompt)
        line = next((ln for ln in prompt.splitlines() if ln.startswith("[C] ")), "")
        return iter([f"您好，{line}。"] if line else ["您好，欢迎光临。"])


def test_a_full_clerk_session_logs_no_customer_data(demo_store, qtbot, caplog, tmp_path):
    from ui.backend import default_backend
    from ui.customers.sidebar import CustomerSidebar
    from ui.worker import GuideWorker

    log_file = setup_logging(level=logging.DEBUG, log_dir=tmp_path / "logs")
    caplog.set_level(logging.DEBUG)
    store = demo_store
    secrets = _secrets(store, DEMO_ID)
    consent.grant(store, DEMO_ID, "history", reason="agreed at the counter")

    sidebar = CustomerSidebar(store.path)
    qtbot.addWidget(sidebar)
    selected = []
    sidebar.customerSelected.connect(selected.append)
    customer = sidebar.select_customer(DEMO_ID)
    assert customer is not None and selected[-1].id == DEMO_ID

    worker = GuideWorker(default_backend(argparse.Namespace(store=str(store.path), demo=False)))
    events = []
    for name in ("cards", "token", "done", "failed"):
        getattr(worker, name).connect(lambda *a, n=name: events.append((n, a)))
    worker.start("")  # no model spec: answers from facts
    worker.ask("有没有适合我的跑鞋？", customer)
    worker._engine = Engine(worker._store, model=NameDroppingModel(customer.name))
    worker.ask("推荐一双43码的跑鞋", customer)
    worker.ask(f"我的电话是{customer.phone}，上次买的是什么？", customer)
    worker.ask("What is your return policy?", customer)
    assert [n for n, _ in events].count("done") == 4
    note = sidebar.notes.add_note("试穿后很满意，下周来取货 unique-note-7731")
    assert note is not None
    secrets.append("unique-note-7731")
    export.export_customer(store, DEMO_ID, tmp_path / "export", reason="customer request")
    worker.close()
    sidebar.shutdown()

    with open_store(store.path) as check:  # the session really was linked to the customer
        assert check.conversations(DEMO_ID)
    dropped = [r for r in caplog.records if "dropped a model sentence" in r.getMessage()]
    assert dropped, "the engine logs what it drops (so the capture is not empty)"
    for handler in logging.getLogger().handlers:
        handler.flush()
    captured = "\n".join(
        f"{r.getMessage()} {r.exc_text or ''} {r.args!r}" for r in caplog.records)
    on_disk = log_file.read_text(encoding="utf-8") if log_file.exists() else ""
    assert on_disk, "the rotating file handler wrote the session"
    for value in secrets:
        assert value not in captured, value
        assert value not in on_disk, value


def test_kiosk_never_looks_up_or_shows_a_customer(demo_store):
    """The engine, even when handed a customer, answers a kiosk as anonymous; a phone
    number in the question is never used to find anyone."""
    store = demo_store
    wang = store.customer(DEMO_ID)
    secrets = [s for s in _secrets(store, DEMO_ID) if s != wang.phone]
    lookups = []
    for name in ("customer", "search_customers", "count_customers", "notes", "purchases"):
        original = getattr(store, name)

        def spy(*a, _n=name, _o=original, **kw):
            lookups.append(_n)
            return _o(*a, **kw)

        setattr(store, name, spy)
    model = PromptEchoModel()
    engine = Engine(store, model=model)
    conv = Conversation(mode="kiosk", customer=wang)
    texts = []
    for q in (f"我的电话是{wang.phone}，我上次买了什么？", f"{wang.phone} 我的尺码是多少",
              "有没有适合我的跑鞋？"):
        evs = list(engine.answer(q, conv, customer=wang, save=True))
        assert isinstance(evs[0], Cards) and isinstance(evs[-1], Done)
        texts.append(evs[-1].text)
        texts += [repr(c) for c in evs[0].cards]
    shown = "\n".join(texts)
    prompts = "\n".join(model.prompts)
    assert model.prompts  # the model was asked, so its prompt is evidence
    for value in secrets:
        assert value not in shown, value
        assert value not in prompts, value
    assert lookups == []
    assert conv.customer is None
    assert store.conversation(conv.id).customer_id is None and conv.id is not None


def test_kiosk_worker_drops_the_customer_before_the_engine(demo_store):
    from ui.backend import default_backend
    from ui.worker import GuideWorker

    wang = demo_store.customer(DEMO_ID)
    seen = []
    worker = GuideWorker(default_backend(argparse.Namespace(store=str(demo_store.path),
                                                            demo=False)), mode="kiosk")
    worker.start("")
    real = worker._engine.answer

    def answer(text, conversation, customer=None, **kw):
        seen.append(customer)
        return real(text, conversation, customer=customer, **kw)

    worker._engine.answer = answer
    done = []
    worker.done.connect(done.append)
    worker.ask(f"我的电话是{wang.phone}", wang)
    worker.close()
    assert seen == [None] and done and wang.name not in done[0].text
    with open_store(demo_store.path) as check:
        assert check.conversations(DEMO_ID) == []


def test_a_logged_exception_keeps_its_stack_but_not_its_message(tmp_path):
    """``log.exception`` (the worker's and engine's error paths) must not write what the
    exception quotes: a store error can carry the name or phone it failed on."""
    root = logging.getLogger()
    level = root.level
    path = setup_logging(log_dir=tmp_path / "logs")
    try:
        def save():
            raise ValueError("王磊 138-0000-0001 wanglei@example.com could not be saved")

        try:
            save()
        except ValueError:
            logging.getLogger("shopguide.test").exception("saving failed")
        for handler in root.handlers:
            handler.flush()
        text = path.read_text(encoding="utf-8")
    finally:
        for handler in [h for h in root.handlers if getattr(h, "_shopguide", False)]:
            root.removeHandler(handler)
            handler.close()
        root.setLevel(level)
    assert "saving failed" in text and "in save" in text and "ValueError" in text
    assert "王磊" not in text and "0001" not in text and "wanglei" not in text
