"""``shopguide eval``: run a JSON Lines query set through the engine and score it.

Format and scores: ``shared/spec/data-formats.md`` ("Evaluation query sets").
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from shopguide.guide.conversation import Conversation
from shopguide.guide.events import Done, Event
from shopguide.guide.frames import fact_texts, frames, most_repeated
from shopguide.guide.report import turn_json
from shopguide.guide.vocab import category_matches, color_matches, size_matches, fold

EXPECT_KEYS = ("products_any", "products_all", "faq", "none", "max_price", "min_price",
               "category", "brand", "size", "color", "in_stock")
CONSTRAINT_KEYS = ("max_price", "min_price", "category", "brand", "size", "color", "in_stock")
TOP = 3


class QuerySetError(ValueError):
    """A query set that cannot be run; the message names the file and line."""


@dataclass
class EvalCase:
    id: str
    q: str
    expect: dict[str, Any]
    after: list[str]
    line: int


def load_cases(path: str | Path) -> list[EvalCase]:
    path = Path(path)
    try:
        lines = path.read_text(encoding="utf-8-sig").splitlines()
    except OSError as exc:
        raise QuerySetError(f"{path}: cannot read ({exc.strerror or exc})") from exc
    except UnicodeDecodeError as exc:
        raise QuerySetError(f"{path}: not UTF-8 ({exc.reason} at byte {exc.start})") from exc
    cases: list[EvalCase] = []
    problems: list[str] = []
    seen: set[str] = set()
    for n, line in enumerate(lines, 1):
        if not line.strip():
            continue
        try:
            obj = json.loads(line)
        except json.JSONDecodeError as exc:
            problems.append(f"{path}:{n}:{exc.colno}: not valid JSON ({exc.msg})")
            continue
        if not isinstance(obj, dict) or not isinstance(obj.get("q"), str):
            problems.append(f"{path}:{n}: needs an object with a string \"q\"")
            continue
        expect = obj.get("expect", {})
        after = obj.get("after", [])
        if not isinstance(expect, dict):
            problems.append(f"{path}:{n}: \"expect\" must be an object")
            continue
        unknown = sorted(set(expect) - set(EXPECT_KEYS))
        if unknown:
            problems.append(f"{path}:{n}: unknown expect key(s): {', '.join(unknown)}")
            continue
        if not isinstance(after, list) or not all(isinstance(a, str) for a in after):
            problems.append(f"{path}:{n}: \"after\" must be a list of strings")
            continue
        qid = str(obj.get("id") or f"line{n}")
        if qid in seen:
            problems.append(f"{path}:{n}: duplicate id {qid!r}")
            continue
        seen.add(qid)
        cases.append(EvalCase(qid, obj["q"], expect, after, n))
    if problems:
        raise QuerySetError("\n".join(problems))
    return cases


def _violates(key: str, want: Any, card: dict[str, Any]) -> bool:
    if key == "max_price":
        return card["price"] > float(want) + 1e-9
    if key == "min_price":
        return card["price"] < float(want) - 1e-9
    if key == "category":
        return not category_matches(card["category"], str(want))
    if key == "brand":
        return fold(card.get("brand") or "") != fold(str(want))
    if key == "size":
        return not size_matches(card.get("sizes") or [], str(want))
    if key == "color":
        return not color_matches(card.get("colors") or [], str(want))
    if key == "in_stock":
        return bool(want) and card.get("stock") == 0
    return False


def score_turn(expect: dict[str, Any], turn: dict[str, Any]) -> tuple[dict[str, bool], int]:
    """Per-expectation pass/fail, and how many shown products break a constraint."""
    products = [c for c in turn["cards"] if c["kind"] == "product"]
    top = [c["sku"] for c in products[:TOP]]
    faqs = [c["id"] for c in turn["cards"] if c["kind"] == "faq"]
    checks: dict[str, bool] = {}
    if "products_any" in expect:
        checks["products_any"] = any(s in top for s in expect["products_any"])
    if "products_all" in expect:
        checks["products_all"] = all(s in top for s in expect["products_all"])
    if "faq" in expect:
        checks["faq"] = bool(faqs) and faqs[0] == expect["faq"]
    if "none" in expect:
        presented = bool(products or faqs)
        checks["none"] = (not presented) if expect["none"] else presented
    violations = 0
    for key in CONSTRAINT_KEYS:
        if key in expect:
            bad = sum(1 for c in products if _violates(key, expect[key], c))
            violations += bad
            checks[key] = bad == 0
    checks["grounded"] = bool(turn["grounded"])
    return checks, violations


def _pct(values: list[float], q: float) -> float | None:
    if not values:
        return None
    s = sorted(values)
    k = max(0, min(len(s) - 1, round(q * (len(s) - 1))))
    return round(s[k], 2)


def _noting_done(events: Iterable[Event], into: list[Done]) -> Iterator[Event]:
    for ev in events:
        if isinstance(ev, Done):
            into.append(ev)
        yield ev


def run_eval(engine: Any, cases: list[EvalCase]) -> dict[str, Any]:
    results = []
    violations_total = 0
    first: list[float] = []
    total: list[float] = []
    model_text = 0
    frames_by_lang: dict[str, list[set[str]]] = {}
    by_intent: dict[str, list[int]] = {}  # intent → [written by the model, turns]
    for case in cases:
        conv = Conversation()
        for earlier in case.after:
            for _ in engine.answer(earlier, conv):
                pass
        done: list[Done] = []
        turn = turn_json(case.q, _noting_done(engine.answer(case.q, conv), done))
        model_text += bool(done and done[0].used_model)
        tally = by_intent.setdefault(turn["intent"] or "none", [0, 0])
        tally[0] += bool(done and done[0].used_model)
        tally[1] += 1
        plan = getattr(engine, "last_plan", None)
        if plan is not None and turn["answer"] and turn["lang"]:
            facts = fact_texts(plan.products + plan.context, plan.faq)
            frames_by_lang.setdefault(turn["lang"], []).append(frames(turn["answer"], facts))
        checks, violations = score_turn(case.expect, turn)
        violations_total += violations
        first.append(turn["timings"].get("first_token_ms", 0.0))
        total.append(turn["timings"].get("total_ms", 0.0))
        results.append({"id": case.id, "passed": all(checks.values()), "checks": checks,
                        "turn": turn})
    summary: dict[str, Any] = {"queries": len(results),
                               "passed": sum(r["passed"] for r in results)}
    for kind in ("products_any", "products_all", "faq", "none", "in_stock"):
        hits = [r["checks"][kind] for r in results if kind in r["checks"]]
        summary[kind] = round(sum(hits) / len(hits), 4) if hits else None
        summary[f"{kind}_n"] = len(hits)
    summary["constraint_violations"] = violations_total
    grounded = [r["checks"]["grounded"] for r in results]
    summary["grounded_rate"] = round(sum(grounded) / len(grounded), 4) if grounded else None
    # How often the model's own words reached the shopper (the rest were composed from facts).
    summary["model_text_answers"] = model_text
    summary["model_text_share"] = round(model_text / len(results), 4) if results else None
    summary["model_text_by_intent"] = {k: {"model": m, "turns": n}
                                       for k, (m, n) in sorted(by_intent.items())}
    # The sentence frame (facts and figures taken out) found in the most answers of each
    # language: a guide that says everything one way reads like a machine.
    summary["frame_repeat"] = {}
    for lang, per in sorted(frames_by_lang.items()):
        frame, share = most_repeated(per)
        summary["frame_repeat"][lang] = {"share": round(share, 4), "answers": len(per),
                                         "frame": frame}
    summary["latency_ms"] = {
        "first_token_p50": _pct(first, 0.5), "first_token_p95": _pct(first, 0.95),
        "total_p50": _pct(total, 0.5), "total_p95": _pct(total, 0.95),
    }
    return {"summary": summary, "results": results}


def format_summary(report: dict[str, Any]) -> str:
    s = report["summary"]
    lines = [f"{s['passed']}/{s['queries']} queries passed"]
    for kind in ("products_any", "products_all", "faq", "none", "in_stock"):
        if s[kind] is not None:
            lines.append(f"  {kind:<14} {s[kind]:.3f}  ({s[kind + '_n']} queries)")
    lines.append(f"  constraint violations  {s['constraint_violations']}")
    if s["grounded_rate"] is not None:
        lines.append(f"  grounded rate  {s['grounded_rate']:.3f}")
    lines.append(f"  written by the model  {s.get('model_text_answers', 0)} of {s['queries']} answers")
    per = s.get("model_text_by_intent") or {}
    if s.get("model_text_answers"):
        lines.append("    " + ", ".join(f"{k} {v['model']}/{v['turns']}" for k, v in per.items()))
    for lang, rep in (s.get("frame_repeat") or {}).items():
        lines.append(f"  most repeated sentence frame ({lang})  {rep['share']:.2f} of "
                     f"{rep['answers']} answers: {rep['frame'][:60]!r}")
    lat = s["latency_ms"]
    lines.append(f"  first token ms  p50 {lat['first_token_p50']}  p95 {lat['first_token_p95']}")
    lines.append(f"  full answer ms  p50 {lat['total_p50']}  p95 {lat['total_p95']}")
    failed = [r for r in report["results"] if not r["passed"]]
    for r in failed:
        bad = ", ".join(k for k, v in r["checks"].items() if not v)
        skus = [c.get("sku") or c.get("id") for c in r["turn"]["cards"] if c["kind"] != "comparison"]
        lines.append(f"  FAIL {r['id']}: {bad}  shown={skus}  q={r['turn']['question'][:60]!r}")
    return "\n".join(lines)
