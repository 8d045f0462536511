"""The worker thread with the real store and engine, and the real tiny model where it matters."""

from __future__ import annotations

import argparse
import threading

from shopguide.store import open_store
from shopguide.store.models import Customer
from tests.fixtures.qt import FakeEngine, FakeStore, fake_backend
from ui.backend import default_backend
from ui.qt import Qt
from ui.settings import Generation

ORDER = ("cards", "token", "done", "failed")


def _record(client) -> list[tuple[str, object]]:
    """Every answer signal, in the order the GUI thread receives them."""
    seen: list[tuple[str, object]] = []
    for name in ORDER:
        getattr(client, name).connect(lambda *a, n=name: seen.append((n, a[0] if a else None)))
    return seen


def _real_backend(store_path, max_new_tokens=24):
    args = argparse.Namespace(store=str(store_path), demo=False)
    return default_backend(args, Generation(max_new_tokens=max_new_tokens))


def test_real_engine_and_tiny_model_stream_and_store_the_rating(
    qtbot, make_window, catalog_store, tiny_model_dir
):
    window = make_window(backend=_real_backend(catalog_store.path), start=False)
    c = window.client
    with qtbot.waitSignals([c.storeReady, c.modelReady], order="strict", timeout=60000):
        c.start(str(tiny_model_dir))
    assert "Test" in window.store_label.text()
    assert tiny_model_dir.name in window.model_label.text()
    seen = _record(c)
    with qtbot.waitSignal(c.answerSaved, timeout=60000) as saved:
        window.chat.ask("有没有跑鞋？")
    names = [n for n, _ in seen]
    assert names[0] == "cards" and names[-1] == "done"
    assert set(names[1:-1]) <= {"token"}
    cards = seen[0][1]
    assert {card.product.sku for card in cards.cards if card.kind == "product"} >= {"RS-104"}
    done = seen[-1][1]
    answer = window.chat.current.answer
    assert answer.answer_text() == done.text.strip() and done.text
    assert window.chat.current.cards.product_cards
    message_id = saved.args[0]
    assert message_id is not None
    with qtbot.waitSignal(c.rated, timeout=5000):
        qtbot.mouseClick(answer.good_button, Qt.MouseButton.LeftButton)
    with open_store(catalog_store.path) as check:
        conv_id = check.conversations()[0].id
        messages = check.messages(conv_id)
        assert [m.role for m in messages] == ["user", "assistant"]
        assert messages[0].text == "有没有跑鞋？"
        assert messages[1].id == message_id and messages[1].rating == 1


def test_broken_model_folder_says_so_and_facts_still_answer(
    qtbot, make_window, catalog_store, tmp_path
):
    broken = tmp_path / "broken-model"
    broken.mkdir()
    (broken / "config.json").write_text("{ not json", encoding="utf-8")
    window = make_window(backend=_real_backend(catalog_store.path), start=False)
    c = window.client
    with qtbot.waitSignal(c.modelFailed, timeout=60000) as failed:
        c.start(str(broken))
    message = failed.args[0]
    assert "config.json" in message or str(broken) in message
    assert window.model_problem() == message and window.model_label.toolTip() == message
    assert "facts" in window.model_label.text()
    assert not window.model_details.isHidden()  # "Details…" opens the whole message
    assert window.model_progress.isHidden()
    with qtbot.waitSignal(c.done, timeout=30000) as blocker:
        window.chat.ask("退货政策是什么？")
    done = blocker.args[0]
    assert not done.used_model and "30天" in done.text
    assert [p.faq.id for p in window.chat.current.cards.policy_cards] == ["returns"]
    assert window.chat.current.answer.note.text()  # "answered from the store's facts"


def test_missing_bundled_model_is_reported(
    qtbot, make_window, catalog_store, monkeypatch, tmp_path
):
    monkeypatch.setenv("SHOPGUIDE_RESOURCES", str(tmp_path / "no-resources"))
    window = make_window(backend=_real_backend(catalog_store.path), start=False)
    with qtbot.waitSignal(window.client.modelFailed, timeout=60000) as failed:
        window.client.start("bundled")
    assert "shopguide-gpt2" in failed.args[0]  # names the missing folder
    assert window.model_problem() == failed.args[0]


def test_questions_are_answered_from_facts_while_the_model_loads(qtbot, make_window):
    backend = fake_backend(load_delay=1.5)
    window = make_window(backend=backend)
    c = window.client
    with qtbot.assertNotEmitted(c.modelReady), qtbot.waitSignal(c.done, timeout=1000) as blocker:
        window.chat.ask("跑鞋")
    assert not blocker.args[0].used_model
    assert "Loading" in window.model_label.text() or "加载" in window.model_label.text()
    with qtbot.waitSignal(c.modelReady, timeout=5000):
        pass
    with qtbot.waitSignal(c.done, timeout=5000) as blocker:
        window.chat.ask("跑鞋")
    assert blocker.args[0].used_model


def test_engine_exception_becomes_a_failed_answer(qtbot, make_window):
    class Exploding(FakeEngine):
        def answer(self, *a, **kw):
            raise RuntimeError("database is locked")
            yield  # pragma: no cover

    backend = fake_backend()
    backend.make_engine = lambda store, model: Exploding(store, model)
    window = make_window(backend=backend)
    seen = _record(window.client)
    with qtbot.waitSignal(window.client.failed, timeout=5000):
        window.chat.ask("跑鞋")
    assert [n for n, _ in seen] == ["failed"]
    assert "database is locked" in window.chat.current.answer.answer_text()
    assert not window.chat.generating


def test_kiosk_worker_never_passes_a_customer(qtbot, make_window, app_settings):
    backend = fake_backend()
    window = make_window(backend=backend, mode="kiosk")
    window.client.ask("跑鞋", Customer(id="c1", name="王芳"))  # even if something tried
    with qtbot.waitSignal(window.client.done, timeout=5000):
        pass
    # The model may finish loading after the answer, which makes a fresh engine with no
    # calls yet: look at every engine's calls, not only the newest one's.
    calls = [call for engine in backend.engines for call in engine.calls]
    assert calls == [("跑鞋", None)]


def test_shutdown_while_the_model_loads_ends_the_thread(qtbot, make_window):
    window = make_window(backend=fake_backend(load_delay=3.0))
    assert window.client.thread.isRunning()
    assert window.client.shutdown(timeout_ms=2000)
    assert not window.client.thread.isRunning()


def test_a_client_shut_down_before_it_started_never_starts(qtbot, make_window):
    """SIGTERM at start-up: aboutToQuit shuts the client down, and the app's start timer may
    still fire after it; a worker thread started then would be destroyed running (abort)."""
    window = make_window(backend=fake_backend(), start=False)
    assert window.client.shutdown(timeout_ms=100)
    window.client.start("fake")
    assert not window.client.thread.isRunning()


def test_worker_closes_its_store_and_writes_ratings_off_the_gui_thread(qtbot, make_window):
    store = FakeStore()
    window = make_window(backend=fake_backend(store=store))
    with qtbot.waitSignal(window.client.answerSaved, timeout=5000):
        window.chat.ask("跑鞋")
    with qtbot.waitSignal(window.client.rated, timeout=5000):
        window.client.rate(101, 1)
    assert store.thread != threading.main_thread().name
    window.client.shutdown()
    assert store.closed


def test_progress_is_reported_only_when_it_changes(qtbot, make_window):
    window = make_window(backend=fake_backend(load_delay=0.2), start=False)
    values: list[int] = []
    window.client.modelProgress.connect(values.append)
    with qtbot.waitSignal(window.client.modelReady, timeout=5000):
        window.client.start("fake")
    assert values[0] == -1 and values[-1] == 100
    assert values[1:] == sorted(set(values[1:]))


def test_stop_with_the_real_model_then_ask_again(qtbot, make_window, catalog_store, tiny_model_dir):
    backend = _real_backend(catalog_store.path, max_new_tokens=512)
    # The worker is held at the start of the turn until Stop has been pressed: unheld, the
    # tiny model's answer could be done (in 3 ms) before the GUI thread reached Stop.
    pressed, prepare = threading.Event(), backend.prepare_turn
    backend.prepare_turn = lambda *a: (pressed.wait(30), prepare(*a))[1]
    window = make_window(backend=backend, start=False)
    c = window.client
    with qtbot.waitSignals([c.storeReady, c.modelReady], order="strict", timeout=60000):
        c.start(str(tiny_model_dir))
    with qtbot.waitSignal(c.done, timeout=60000) as stopped:
        window.chat.ask("有没有跑鞋？")
        window.stop()  # Esc / the Stop button, before the model has written a sentence
        pressed.set()
    assert stopped.args[0].cancelled
    bubble = window.chat.current.answer  # "Stopped" beside what was said, or in its place
    assert "Stopped" in bubble.note.text() + bubble.text.text()
    assert not window.chat.generating
    # The cancel flag is cleared for the next question, which is answered in full.
    with qtbot.waitSignal(c.done, timeout=60000) as again:
        window.chat.ask("退货政策是什么？")
    assert not again.args[0].cancelled and "30天" in again.args[0].text


def test_kiosk_conversation_is_saved_as_kiosk_without_a_customer(
    qtbot, make_window, app_settings, catalog_store
):
    window = make_window(backend=_real_backend(catalog_store.path), mode="kiosk", start=False)
    c = window.client
    with qtbot.waitSignal(c.storeReady, timeout=30000):
        c.start("")
    for _round in range(2):  # the first conversation and one made by "new conversation"
        with qtbot.waitSignal(c.answerSaved, timeout=30000):
            c.ask("有没有跑鞋？", Customer(id="c1", name="王芳"))
        assert window.client.worker._conversation.mode == "kiosk"
        c.new_conversation()
    with open_store(catalog_store.path) as check:
        rows = check.conversations()
        assert len(rows) == 2
        assert {row.mode for row in rows} == {"kiosk"}
        assert {row.customer_id for row in rows} == {None}


def _second_model_while_loading(qtbot, make_window, load_delay: float) -> list[str]:
    """Start the window (it loads "fake"), ask for "/models/new" while that loads, and give
    the models loaded once two have been."""
    backend = fake_backend(load_delay=load_delay)
    loaded: list[str] = []
    real_load = backend.load_model

    def load(spec, progress=None):
        model = real_load(spec, progress)
        loaded.append(spec)
        return model

    backend.load_model = load
    window = make_window(backend=backend)  # starts loading "fake"
    # 30 s like the other waits here: the worker opens the store first, which a loaded
    # 2-core machine took over 10 s to do.
    # Under load the first model's own modelLoading ("fake") can arrive after this call:
    # wait for the one that names the new model.
    with qtbot.waitSignal(window.client.modelLoading, timeout=30000,
                          check_params_cb=lambda spec: spec == "/models/new"):
        window.client.load_model("/models/new")
    # The first model's modelReady may still be on its way: wait for the second load itself.
    qtbot.waitUntil(lambda: len(loaded) == 2, timeout=30000)
    return loaded


def test_a_model_asked_for_while_another_loads_is_loaded_next(qtbot, make_window):
    """'Use this model' while the bundled one is still loading must not be dropped."""
    assert _second_model_while_loading(qtbot, make_window, 1.0) == ["fake", "/models/new"]


def test_every_report_of_the_worker_reaches_the_client(qtbot):
    """The reports are declared once (ui.worker._Reports); the client relays each of them."""
    from ui.worker import RELAYED, GuideClient, GuideWorker

    assert "done" in RELAYED and "storeReady" in RELAYED
    assert all(getattr(GuideWorker, n) is getattr(GuideClient, n) for n in RELAYED)
    client = GuideClient()
    heard = []
    for name in RELAYED:
        getattr(client, name).connect(lambda *args, n=name: heard.append(n))
    for name in RELAYED:  # the worker has not moved to its thread: direct delivery
        signal = getattr(client.worker, name)
        args = {"modelProgress": (1,), "speed": (1.0,), "rated": (None, 1)}.get(name)
        signal.emit(*(args or (("x",) if name in ("storeFailed", "modelLoading", "modelReady",
                                                  "modelFailed", "token", "failed") else (None,))))
    assert heard == list(RELAYED)
    client.deleteLater()


def test_the_worker_warms_the_engine_while_the_model_loads(qtbot, make_window):
    backend = fake_backend(load_delay=0.3)
    window = make_window(backend=backend, start=False)
    c = window.client
    with qtbot.waitSignal(c.storeReady, timeout=5000):
        c.start("fake")
    qtbot.waitUntil(lambda: backend.engines and backend.engines[0].warmed == 1, timeout=5000)
    with qtbot.waitSignal(c.modelReady, timeout=5000):
        pass
    assert backend.engines[0].warmed == 1  # the engine made for the model is not warmed again


def test_warming_builds_the_vocabulary_and_the_speller(catalog_store):
    from shopguide.guide.engine import Engine

    engine = Engine(catalog_store)
    assert engine._vocab.vocab is None
    engine.warm()
    vocab = engine._vocab.vocab
    assert vocab is not None and vocab.chinese_speller._by_sound is not None
    assert catalog_store.conversations() == []  # nothing saved


def test_the_engine_with_the_model_keeps_the_warmed_vocabulary(qtbot, make_window, catalog_store,
                                                              tiny_model_dir):
    window = make_window(backend=_real_backend(catalog_store.path), start=False)
    c = window.client
    with qtbot.waitSignals([c.storeReady, c.modelReady], timeout=60000):
        c.start(str(tiny_model_dir))
    engine = window.client.worker._engine
    assert engine.model is not None
    assert engine._vocab.vocab is not None  # read before the model came, kept after


def test_a_model_asked_for_while_another_loads_is_loaded_though_its_thread_lingers(
        qtbot, make_window, monkeypatch):
    """The first load's report can arrive while its thread has not returned yet (it
    emits, then ends): the load asked for meanwhile must start all the same, not be parked
    again behind a job that is done. Made certain here: every job reads as running."""
    from ui.background import BackgroundJob

    monkeypatch.setattr(BackgroundJob, "is_running", lambda self: self._thread is not None)
    assert _second_model_while_loading(qtbot, make_window, 0.5)[-1] == "/models/new"
