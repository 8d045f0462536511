"""The privacy log: every action recorded with time and reason, and no personal data in it."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone

import pytest

from shopguide.privacy import consent, erase, export, retention
from shopguide.privacy import log as plog
from tests.fixtures.privacy import EN, ZH


def test_each_action_is_logged_without_personal_data(privacy_store, tmp_path):
    s = privacy_store
    zh_ref = plog.subject_ref(s, ZH.id)
    s.conn.execute("DELETE FROM privacy_log")  # the fixture's own profile saves
    # Clerks write reasons in their own words, sometimes with the customer's details.
    consent.withdraw(s, ZH.id, "marketing", reason=f"{ZH.name} called, phone {ZH.phone}")
    consent.grant(s, EN.id, "history", source="kiosk", reason="harriet quimby agreed")
    export.export_customer(s, ZH.id, tmp_path, reason=f"request by {ZH.email}")
    old = s.start_conversation(mode="kiosk")
    s.conn.execute("UPDATE conversations SET started = ? WHERE id = ?",
                   ((datetime.now(timezone.utc) - timedelta(days=40)).isoformat(), old))
    assert retention.delete_older_than(s, 30) == 1
    erase.erase_customer(s, ZH.id, reason=f"{ZH.name} asked (ticket 7)")

    events = list(reversed(plog.entries(s)))
    assert [e.verb for e in events] == ["consent.withdraw", "consent.grant", "export",
                                        "retention", "erase"]
    assert [e.ref for e in events] == [zh_ref, plog.subject_ref(s, EN.id), zh_ref, None, zh_ref]
    assert events[0].detail == "marketing via counter"
    assert events[1].reason == "[customer] agreed"
    assert events[4].reason == "[customer] asked (ticket 7)"
    now = datetime.now(timezone.utc)
    assert all(now - timedelta(minutes=5) < e.time <= now for e in events)
    rows = " ".join(f"{a} {r}" for a, r in s.conn.execute(
        "SELECT action, reason FROM privacy_log")).lower()
    for p in (ZH, EN):
        for value in (p.name, p.phone, p.email, p.id, p.phrase, "quimby"):
            assert value.lower() not in rows, value


def test_refs_are_stable_opaque_and_per_store(privacy_store, fresh_store):
    ref = plog.subject_ref(privacy_store, ZH.id)
    assert ref == plog.subject_ref(privacy_store, ZH.id) and len(ref) == 16
    assert ref != plog.subject_ref(privacy_store, EN.id)
    assert ref != plog.subject_ref(fresh_store, ZH.id)  # another store, another key
    consent.grant(privacy_store, ZH.id, "marketing")
    consent.grant(privacy_store, EN.id, "marketing")
    mine = plog.entries(privacy_store, customer_id=ZH.id)
    assert mine and {e.ref for e in mine} == {ref}


def test_unknown_action_is_refused(privacy_store):
    with pytest.raises(ValueError, match="unknown privacy-log action"):
        plog.record(privacy_store, "peek")


def test_cli_privacy_log_and_retention(privacy_store, capsys):
    from shopguide.cli import main

    s = privacy_store
    consent.withdraw(s, ZH.id, "history", reason="asked")
    old = s.start_conversation(mode="clerk")
    s.conn.execute("UPDATE conversations SET started = '2020-01-01T00:00:00+00:00' WHERE id = ?",
                   (old,))
    path = str(s.path)
    s.close()
    assert main(["--store", path, "privacy", "retention"]) == 0
    assert "off" in capsys.readouterr().out
    assert main(["--store", path, "privacy", "retention", "--days", "365"]) == 0
    assert "deleted 1 conversation older than 365 days" in capsys.readouterr().out
    assert main(["--store", path, "privacy", "retention", "--days", "0"]) == 1
    assert "from 1 to" in capsys.readouterr().err
    assert main(["--store", path, "privacy", "log", "--customer", ZH.id]) == 0
    out = capsys.readouterr().out
    assert "consent.withdraw" in out and "reason: asked" in out and "retention" not in out
    assert main(["--store", path, "privacy", "log"]) == 0
    out = capsys.readouterr().out
    assert "retention" in out and ZH.name not in out and ZH.id not in out
