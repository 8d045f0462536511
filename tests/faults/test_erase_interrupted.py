"""Fault class: a power cut during an erasure. The person's rows go in one transaction; if
the process dies before the file is scrubbed, the next open of the store finishes it."""

from __future__ import annotations

import pytest

from shopguide.privacy import erase
from shopguide.store import open_store
from tests.fixtures.privacy import ZH
from tests.test_privacy_erase import _found, _raw


class PowerCut(BaseException):
    """Stands for the process dying: nothing after it runs, no cleanup."""


def test_an_erasure_cut_off_before_the_scrub_is_finished_on_next_open(privacy_store, monkeypatch):
    s = privacy_store
    assert _found(_raw(s.path), ZH)
    monkeypatch.setattr(erase, "wipe", lambda store: (_ for _ in ()).throw(PowerCut()))
    with pytest.raises(PowerCut):
        erase.erase_customer(s, ZH.id, reason="asked to be forgotten")
    assert s.customer(ZH.id) is None and s.wipe_pending()
    assert _found(_raw(s.path), ZH), "the cut left traces: the test would prove nothing"
    s.conn.close()  # no orderly close: the process is gone
    monkeypatch.undo()
    with open_store(s.path) as again:
        assert not again.wipe_pending()
    assert _found(_raw(s.path), ZH) == []
