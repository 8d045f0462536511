"""Export: every row that belongs to the customer, table by table, and a readable report."""

from __future__ import annotations

import json
import os
import stat

import pytest

from shopguide.privacy import export
from tests.fixtures.privacy import EN, OTHER, ZH


def _decoded(row: dict) -> dict:
    out = dict(row)
    for col in ("tags", "sizes", "brands", "cards", "meta"):
        if isinstance(out.get(col), str):
            out[col] = json.loads(out[col])
    return out


def test_every_table_with_a_customer_id_is_exported():
    # A table added later that holds customer rows must be added to the export.
    from shopguide.store import open_store

    with open_store(":memory:") as s:
        tables = [r[0] for r in s.conn.execute(
            "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE '%fts%'")]
        holders = {t for t in tables
                   if any(c[1] == "customer_id" for c in s.conn.execute(f"PRAGMA table_info({t})"))}
    assert holders == set(export.OWNED_TABLES)


@pytest.mark.parametrize("person", [ZH, EN], ids=["zh", "en"])
def test_export_holds_exactly_the_persons_rows(privacy_store, person):
    s = privacy_store
    s.add_note(OTHER.id, "not theirs")
    data = export.collect(s, person.id)
    profile = s.query("SELECT * FROM customers WHERE id = ?", (person.id,))[0]
    profile.pop("pk")
    assert data["customer"] == _decoded(profile)
    for table in export.OWNED_TABLES:
        direct = [_decoded(r) for r in s.query(
            f"SELECT * FROM {table} WHERE customer_id = ? ORDER BY id", (person.id,))]
        got = [{k: v for k, v in r.items() if k != "messages"} for r in data[table]]
        assert got == direct, table
        assert direct, f"the fixture gives {table} rows"
    direct_msgs = [_decoded(r) for r in s.query(
        "SELECT m.* FROM messages m JOIN conversations c ON c.id = m.conversation_id "
        "WHERE c.customer_id = ? ORDER BY m.id", (person.id,))]
    assert [m for c in data["conversations"] for m in c["messages"]] == direct_msgs
    assert len(direct_msgs) == 2
    dumped = export.to_json(data)
    assert OTHER.name not in dumped and "not theirs" not in dumped
    assert json.loads(dumped)["customer"]["name"] == person.name
    assert data["consent_now"] == {"marketing": "granted", "history": "granted"}


def test_report_is_readable_in_both_languages(privacy_store):
    data = export.collect(privacy_store, ZH.id)
    zh = export.to_report(data, "zh")
    en = export.to_report(data, "en")
    for text in (zh, en):
        assert ZH.name in text and ZH.phone in text and ZH.phrase in text
        assert "RS-104 × 2" in text and "2030-01-01" in text
    assert "## 备注" in zh and "保存对话记录: 已同意" in zh and "## Notes" not in zh
    assert "## Notes" in en and "keeping conversation history: granted" in en


def test_export_files_are_private_and_logged(privacy_store, tmp_path):
    out = tmp_path / "out"
    files = export.export_customer(privacy_store, EN.id, out, fmt="both", lang="en",
                                   reason="subject access request")
    assert [f.suffix for f in files] == [".json", ".md"]
    assert json.loads(files[0].read_text(encoding="utf-8"))["customer"]["id"] == EN.id
    assert EN.phrase in files[1].read_text(encoding="utf-8")
    if os.name == "posix":
        assert stat.S_IMODE(files[0].stat().st_mode) == 0o600
    [entry] = [e for e in privacy_store.privacy_log() if e.action.startswith("export")]
    assert entry.reason == "subject access request" and "notes 2" in entry.action
    with pytest.raises(export.ExportError, match="format"):
        export.export_customer(privacy_store, EN.id, out, fmt="pdf")
    with pytest.raises(export.ExportError, match="no customer"):
        export.collect(privacy_store, "nobody")


def test_cli_export(privacy_store, tmp_path, capsys):
    from shopguide.cli import main

    path = str(privacy_store.path)
    privacy_store.close()
    out = tmp_path / "cli"
    assert main(["--store", path, "customer", "export", ZH.id, "--out", str(out),
                 "--format", "report", "--reason", "request"]) == 0
    [report] = list(out.iterdir())
    assert report.name.endswith(".zh.md") and ZH.phrase in report.read_text(encoding="utf-8")
    assert ZH.name not in capsys.readouterr().out
    assert main(["--store", path, "customer", "export", "nobody", "--out", str(out),
                 "--reason", "x"]) == 1
    assert "no customer with id 'nobody'" in capsys.readouterr().err
