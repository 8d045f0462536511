"""`shopguide eval` and `shopguide ask --json`: exact keys, scoring, and bad query files."""

from __future__ import annotations

import json

from shopguide.cli import main

CASES = [
    {"id": "q1", "q": "有没有500元以内适合扁平足的跑鞋？", "expect": {"products_any": ["SH-2"], "max_price": 500,
                                                   "category": "跑鞋"}},
    {"id": "q2", "q": "退货政策是什么？", "expect": {"faq": "returns"}},
    {"id": "q3", "q": "今天天气怎么样？", "expect": {"none": True}},
    {"id": "q4", "q": "有43码的吗？", "after": ["跑鞋"], "expect": {"size": "43", "products_any": ["SH-1", "SH-5"]}},
    {"id": "q5", "q": "跑鞋", "expect": {"products_any": ["JK-1"]}},  # planted miss
]


def test_eval_scores_every_kind(guide_store, tmp_path, capsys) -> None:
    qfile = tmp_path / "q.jsonl"
    qfile.write_text("\n".join(json.dumps(c, ensure_ascii=False) for c in CASES), encoding="utf-8")
    assert main(["--store", str(guide_store.path), "eval", "--no-model", "--json", str(qfile)]) == 0
    report = json.loads(capsys.readouterr().out)
    s = report["summary"]
    assert s["products_any"] == round(2 / 3, 4) and s["faq"] == 1.0 and s["none"] == 1.0
    assert s["constraint_violations"] == 0 and s["grounded_rate"] == 1.0
    assert [r["passed"] for r in report["results"]] == [True, True, True, True, False]
    assert set(report["results"][0]) == {"id", "passed", "checks", "turn"}


def test_bad_query_file_names_the_line(guide_store, tmp_path, capsys) -> None:
    qfile = tmp_path / "bad.jsonl"
    qfile.write_text('{"id": "a", "q": "跑鞋"}\n{"q": 5}\n{not json\n', encoding="utf-8")
    assert main(["--store", str(guide_store.path), "eval", str(qfile)]) == 2
    err = capsys.readouterr().err
    assert "bad.jsonl:2" in err and "bad.jsonl:3" in err


def test_ask_json_runs_turns_as_one_conversation(guide_store, capsys) -> None:
    assert main(["--store", str(guide_store.path), "ask", "--no-model", "--json", "跑鞋",
                 "第二个呢"]) == 0
    lines = [json.loads(x) for x in capsys.readouterr().out.splitlines()]
    assert len(lines) == 2
    first_skus = [c["sku"] for c in lines[0]["cards"]]
    assert [c["sku"] for c in lines[1]["cards"]] == [first_skus[1]]
