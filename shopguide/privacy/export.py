"""One customer's complete data (PIPL Art. 45, GDPR Art. 15/20), as JSON and as a report.

The JSON holds every row that belongs to the person, table by table, read with
plain SQL so nothing a model class leaves out is missed: the profile, notes,
purchases, follow-ups, consent decisions, linked conversations with their
messages, and the privacy-log entries about them. The report says the same in
a form the customer can read (Markdown; Chinese or English labels).

Files are written with owner-only permissions where the OS has them: an export
is personal data too.
"""

from __future__ import annotations

import json
import os
import re
from collections.abc import Iterable
from datetime import datetime, timezone
from pathlib import Path
from typing import Any

from shopguide.privacy import consent as pconsent
from shopguide.privacy import log as plog

FORMAT_VERSION = 1
FORMATS = ("json", "report", "both")
# Tables holding rows keyed by customer_id; messages hang off conversations.
OWNED_TABLES = ("notes", "purchases", "followups", "consents", "conversations")
_JSON_COLUMNS = {"tags", "sizes", "brands", "cards", "meta"}


class ExportError(ValueError):
    pass


def _rows(store: Any, sql: str, params: Iterable[Any]) -> list[dict[str, Any]]:
    out = []
    for row in store.query(sql, tuple(params)):
        for col in _JSON_COLUMNS & row.keys():
            if isinstance(row[col], str):
                try:
                    row[col] = json.loads(row[col])
                except ValueError:
                    pass  # kept as stored
        out.append(row)
    return out


def collect(store: Any, customer_id: str) -> dict[str, Any]:
    """Everything about one person, read in one transaction (one consistent moment)."""
    in_tx = store.conn.in_transaction
    if not in_tx:
        store.conn.execute("BEGIN")
    try:
        people = _rows(store, "SELECT * FROM customers WHERE id = ?", (customer_id,))
        if not people:
            raise ExportError(f"no customer with id {customer_id!r}")
        profile = people[0]
        profile.pop("pk", None)  # the row number is internal, not data about the person
        data: dict[str, Any] = {
            "format": "shopguide-customer-export",
            "version": FORMAT_VERSION,
            "exported_at": datetime.now(timezone.utc).isoformat(timespec="seconds"),
            "store": store.settings().name,
            "customer": profile,
        }
        for table in OWNED_TABLES:
            data[table] = _rows(store, f"SELECT * FROM {table} WHERE customer_id = ? "
                                       "ORDER BY id", (customer_id,))
        for conv in data["conversations"]:
            conv["messages"] = _rows(store, "SELECT * FROM messages WHERE conversation_id = ? "
                                            "ORDER BY id", (conv["id"],))
        data["consent_now"] = {p: s.status for p, s in pconsent.current(store, customer_id).items()}
        data["privacy_log"] = [
            {"time": e.time.isoformat(timespec="seconds"), "action": e.verb, "detail": e.detail,
             "reason": e.reason} for e in plog.entries(store, customer_id=customer_id)]
    finally:
        if not in_tx:
            store.conn.execute("COMMIT")
    return data


def to_json(data: dict[str, Any]) -> str:
    return json.dumps(data, ensure_ascii=False, indent=2, default=str) + "\n"


LABELS = {
    "en": {
        "title": "Personal data held about {name}", "store": "Store", "exported": "Exported",
        "profile": "Profile", "notes": "Notes", "purchases": "Purchases",
        "followups": "Follow-ups", "consents": "Consent decisions",
        "consent_now": "Consent now", "conversations": "Conversations",
        "privacy_log": "Privacy log entries about you", "none": "(none)",
        "id": "Customer id", "name": "Name", "phone": "Phone", "email": "E-mail",
        "tags": "Tags", "preferred_language": "Preferred language", "sizes": "Sizes",
        "brands": "Preferred brands", "budget": "Budget", "created": "Created",
        "updated": "Updated", "pinned": "pinned", "done": "done", "open": "open", "due": "due",
        "granted": "granted", "withdrawn": "withdrawn", "expired": "expired",
        "never-asked": "never asked", "until": "until", "via": "source",
        "marketing": "marketing messages", "history": "keeping conversation history",
        "started": "started", "user": "Customer", "assistant": "Guide", "system": "System",
        "qty": "qty", "each": "each",
    },
    "zh": {
        "title": "关于{name}的个人信息", "store": "门店", "exported": "导出时间",
        "profile": "基本资料", "notes": "备注", "purchases": "购买记录",
        "followups": "跟进事项", "consents": "同意记录", "consent_now": "当前同意状态",
        "conversations": "对话记录", "privacy_log": "与您有关的隐私日志", "none": "（无）",
        "id": "顾客编号", "name": "姓名", "phone": "电话", "email": "电子邮箱",
        "tags": "标签", "preferred_language": "偏好语言", "sizes": "尺码",
        "brands": "偏好品牌", "budget": "预算", "created": "创建时间", "updated": "更新时间",
        "pinned": "置顶", "done": "已完成", "open": "未完成", "due": "截止",
        "granted": "已同意", "withdrawn": "已撤回", "expired": "已过期",
        "never-asked": "未征询", "until": "有效期至", "via": "来源",
        "marketing": "营销信息", "history": "保存对话记录",
        "started": "开始于", "user": "顾客", "assistant": "导购", "system": "系统",
        "qty": "数量", "each": "单价",
    },
}


def _cents(v: Any) -> str:
    return "" if v is None else f"{v / 100:.2f}"


def to_report(data: dict[str, Any], lang: str = "zh") -> str:
    """A Markdown report of ``collect``'s data with ``lang`` labels."""
    t = LABELS["zh" if lang == "zh" else "en"]
    c = data["customer"]
    out = [f"# {t['title'].format(name=c['name'])}", "",
           f"{t['store']}: {data['store']}  ", f"{t['exported']}: {data['exported_at']}", "",
           f"## {t['profile']}", ""]
    budget = "" if c.get("budget_min_cents") is None and c.get("budget_max_cents") is None \
        else f"{_cents(c.get('budget_min_cents'))}–{_cents(c.get('budget_max_cents'))}"
    fields = [("id", c["id"]), ("name", c["name"]), ("phone", c.get("phone")),
              ("email", c.get("email")), ("tags", "; ".join(c.get("tags") or [])),
              ("preferred_language", c.get("preferred_language")),
              ("sizes", "; ".join(f"{k}={v}" for k, v in (c.get("sizes") or {}).items())),
              ("brands", "; ".join(c.get("brands") or [])), ("budget", budget),
              ("created", c.get("created")), ("updated", c.get("updated"))]
    out += [f"- {t[k]}: {v}" for k, v in fields if v not in (None, "")]

    def section(key: str, lines: list[str]) -> None:
        out.extend(["", f"## {t[key]}", ""])
        out.extend(lines or [t["none"]])

    section("consent_now", [f"- {t.get(p, p)}: {t.get(s, s)}"
                            for p, s in data["consent_now"].items()])
    section("consents", [
        f"- {k['date']}: {t.get(k['purpose'], k['purpose'])}: "
        f"{t['granted'] if k['granted'] else t['withdrawn']} ({t['via']}: {k['source']}"
        + (f"; {t['until']} {k['expiry']}" if k.get("expiry") else "") + ")"
        for k in data["consents"]])
    section("notes", [f"- {n['created']}{' (' + t['pinned'] + ')' if n['pinned'] else ''}: "
                      f"{_one_line(n['text'])}" for n in data["notes"]])
    section("purchases", [f"- {p['date']}: {p['sku']} × {p['quantity']} "
                          f"({t['each']} {_cents(p['price_cents'])})" for p in data["purchases"]])
    section("followups", [f"- {t['due']} {f['due']} [{t['done'] if f['done'] else t['open']}]: "
                          f"{_one_line(f['text'])}" for f in data["followups"]])
    conv_lines: list[str] = []
    for conv in data["conversations"]:
        conv_lines += [f"### #{conv['id']} ({t['started']} {conv['started']})", ""]
        conv_lines += [f"- **{t.get(m['role'], m['role'])}**: {_one_line(m['text'])}"
                       for m in conv["messages"]]
        conv_lines.append("")
    section("conversations", conv_lines)
    section("privacy_log", [f"- {e['time']}: {e['action']} {e['detail']}"
                            + (f" — {e['reason']}" if e["reason"] else "")
                            for e in data["privacy_log"]])
    return "\n".join(out).rstrip() + "\n"


def _one_line(text: str) -> str:
    return " ".join(str(text).split())


def _safe_name(customer_id: str) -> str:
    return re.sub(r"[^A-Za-z0-9_-]+", "_", customer_id)[:40] or "customer"


def _write_private(path: Path, text: str) -> None:
    tmp = path.with_name(path.name + ".tmp")
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as fh:
        fh.write(text)
    os.replace(tmp, path)


def export_customer(store: Any, customer_id: str, out_dir: str | Path, *, fmt: str = "both",
                    lang: str = "zh", reason: str = "") -> list[Path]:
    """Write the JSON and/or report into ``out_dir``; log the export. Returns the files."""
    if fmt not in FORMATS:
        raise ExportError(f"unknown export format {fmt!r}; use one of {', '.join(FORMATS)}")
    data = collect(store, customer_id)
    folder = Path(out_dir).expanduser()
    folder.mkdir(parents=True, exist_ok=True)
    stem = f"customer-{_safe_name(customer_id)}-{datetime.now():%Y%m%d-%H%M%S}"
    written: list[Path] = []
    if fmt in ("json", "both"):
        written.append(folder / f"{stem}.json")
        _write_private(written[-1], to_json(data))
    if fmt in ("report", "both"):
        written.append(folder / f"{stem}.{lang}.md")
        _write_private(written[-1], to_report(data, lang))
    counts = ", ".join(f"{t} {len(data[t])}" for t in OWNED_TABLES)
    plog.record(store, plog.EXPORT, customer_id=customer_id, detail=f"{fmt}: {counts}",
                reason=reason)
    return written
