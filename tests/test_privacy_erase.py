"""Erasure: the person's rows go everywhere, and their name, phone and notes are gone from
the bytes of the store file (and its -wal/-shm) afterwards."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from shopguide.privacy import erase
from shopguide.store import open_store
from tests.fixtures.privacy import EN, OTHER, ZH, Person


def _raw(store_path: Path) -> bytes:
    out = b""
    for suffix in ("", "-wal", "-shm", "-journal"):
        f = Path(f"{store_path}{suffix}")
        if f.exists():
            out += f.read_bytes()
    return out


def _traces(p: Person) -> list[str]:
    digits = re.sub(r"\D", "", p.phone)
    return [t for t in (p.name, p.phone, digits, p.email, p.phrase) if t]


def _found(raw: bytes, p: Person) -> list[str]:
    # UTF-8 is what SQLite stores; case-insensitive for the Latin parts.
    low = raw.lower()
    return [t for t in _traces(p) if t.lower().encode("utf-8") in low]


def test_erased_people_leave_no_bytes_behind_while_others_stay(privacy_store):
    s = privacy_store
    # Stray mentions outside the person's own rows: another customer's note, and a
    # conversation the clerk had about them without linking it.
    s.add_note(OTHER.id, f"friend of {ZH.name} and {EN.name}")
    conv = s.start_conversation(mode="clerk")
    s.add_message(conv, "user", f"{EN.name.lower()} phone {re.sub(r'[^0-9]', '', EN.phone)}")
    # A second connection stays open and idle, as the app's worker thread does.
    bystander = open_store(s.path)
    try:
        before = _raw(s.path)
        assert _found(before, ZH) == _traces(ZH) and _found(before, EN) == _traces(EN)
        for person in (ZH, EN):
            report = erase.erase_customer(s, person.id, reason="customer asked to be forgotten")
            assert report.wal_emptied
            assert report.deleted["customers"] == 1 and report.deleted["notes"] == 2
            assert report.deleted["messages"] == 2 and report.deleted["purchases"] == 2
        assert report.mentions_masked >= 2
        raw = _raw(s.path)
        assert _found(raw, ZH) == []
        assert _found(raw, EN) == []
        assert OTHER.name.encode() in raw and OTHER.phrase.encode() in raw  # the grep works
        for table in ("customers", "notes", "purchases", "followups", "consents",
                      "conversations"):
            n = s.conn.execute(f"SELECT count(*) FROM {table} WHERE "
                               + ("id" if table == "customers" else "customer_id")
                               + " IN (?, ?)", (ZH.id, EN.id)).fetchone()[0]
            assert n == 0, table
        assert s.search_customers(ZH.name) == [] and s.search_customers("Quimby") == []
        assert [c.id for c in s.search_customers(OTHER.name)] == [OTHER.id]
        assert s.conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        assert bystander.customer(OTHER.id) is not None  # the other connection still works
    finally:
        bystander.close()


def test_anonymised_purchases_keep_sales_totals_without_the_person(privacy_store):
    s = privacy_store
    total = "SELECT sum(quantity * price_cents), count(*) FROM purchases"
    before = s.conn.execute(total).fetchone()
    report = erase.erase_customer(s, ZH.id, reason="request", anonymise_purchases=True)
    assert report.purchases_anonymised == 2 and "purchases" not in report.deleted
    assert s.conn.execute(total).fetchone() == before
    assert s.conn.execute("SELECT count(*) FROM purchases WHERE customer_id IS NULL"
                          ).fetchone()[0] == 2
    assert _found(_raw(s.path), ZH) == []


def test_erasure_needs_a_reason_and_an_existing_customer(privacy_store):
    with pytest.raises(erase.ErasureError, match="reason"):
        erase.erase_customer(privacy_store, ZH.id, reason="  ")
    with pytest.raises(erase.ErasureError, match="no customer"):
        erase.erase_customer(privacy_store, "nobody", reason="request")
    assert privacy_store.customer(ZH.id) is not None  # nothing happened


def test_backup_copies_beside_the_store_are_reported(privacy_store):
    s = privacy_store
    old = s.path.with_name(f"{s.path.stem}.v3-backup{s.path.suffix}")
    old.write_bytes(b"pretend")
    report = erase.erase_customer(s, ZH.id, reason="request")
    assert report.backups == [old]


def test_cli_erase_asks_first_and_erases_with_yes(privacy_store, monkeypatch, capsys):
    from shopguide.cli import main

    path = str(privacy_store.path)
    privacy_store.close()
    monkeypatch.setattr("builtins.input", lambda prompt: "no")
    assert main(["--store", path, "customer", "erase", ZH.id, "--reason", "request"]) == 1
    with open_store(path) as s:
        assert s.customer(ZH.id) is not None
    monkeypatch.setattr("builtins.input", lambda prompt: "erase")
    assert main(["--store", path, "customer", "erase", ZH.id, "--reason", "request"]) == 0
    assert main(["--store", path, "customer", "erase", EN.id, "--reason", "request", "--yes",
                 "--anonymise-purchases"]) == 0
    out = capsys.readouterr().out
    assert f"erased customer {ZH.id}" in out and "kept without the person 2" in out
    assert ZH.name not in out and EN.name not in out
    raw = _raw(Path(path))
    assert _found(raw, ZH) == [] and _found(raw, EN) == []
    with open_store(path) as s:
        assert s.customer(ZH.id) is None and s.customer(EN.id) is None


def test_a_conversation_erased_mid_session_goes_on_in_a_new_anonymous_row(guide_store):
    from shopguide.guide.conversation import Conversation
    from shopguide.guide.engine import Engine
    from shopguide.guide.events import Done

    s = guide_store
    s.add_consent("c-wang", "history", True, source="counter")
    engine = Engine(s)
    conv = Conversation(customer=s.customer("c-wang"))
    list(engine.answer("跑鞋", conv, save=True))
    first = conv.id
    assert s.conversation(first).customer_id == "c-wang"
    erase.erase_customer(s, "c-wang", reason="request")
    assert s.conversation(first) is None
    conv.customer = None  # the sidebar stops serving the erased person
    events = list(engine.answer("有没有羽绒服？", conv, save=True))
    assert isinstance(events[-1], Done)
    assert s.conversation(conv.id).customer_id is None
    assert conv.id > first  # a new row: the erased conversation's id is never handed out again
    assert [m.role for m in s.messages(conv.id)] == ["user", "assistant"]
