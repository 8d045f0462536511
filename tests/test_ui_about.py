"""Help → About names the version, the model and the store; "New customer" reaches the sidebar."""

from __future__ import annotations

from shopguide import __version__
from tests.fixtures.qt import FakeStore, fake_backend
from ui.qt import QWidget, Signal


class _Sidebar(QWidget):
    customerSelected = Signal(object)

    def __init__(self, *_a) -> None:
        super().__init__()
        self.created = 0

    def new_customer(self, name: str = "") -> None:
        self.created += 1


def test_about_names_version_model_and_store(qtbot, make_window):
    window = make_window()
    # The fake model may be ready before a waitSignal could start: wait for the state.
    qtbot.waitUntil(lambda: window._model_state[0] == "ready", timeout=5000)
    text = window.about_text()
    assert __version__ in text
    assert window._model_state[1] and window._model_state[1] in text
    assert window.store_info.name in text


def test_new_customer_action_opens_the_sidebars_dialog(qtbot, make_window, tmp_path):
    made: list[_Sidebar] = []

    def factory(path, parent):
        made.append(_Sidebar())
        return made[-1]

    # The sidebar opens its own connection, so it is made only for a store with a path.
    backend = fake_backend(store=FakeStore(path=tmp_path / "store.sqlite"))
    window = make_window(backend=backend, sidebar_factory=factory)
    qtbot.waitUntil(lambda: bool(made), timeout=5000)
    window.act_new_customer.trigger()
    assert made[0].created == 1


def test_kiosk_has_no_new_customer_path(qtbot, make_window):
    window = make_window(mode="kiosk")
    window.new_customer_from_chat()  # no sidebar in kiosk mode: nothing to open
    assert window.sidebar is None
