"""The README's quality table: every query set the project did not write, then its own.

    .venv/bin/python scripts/quality.py            # all sets, a table
    .venv/bin/python scripts/quality.py --fails real_zh/dev   # one set's failures
    .venv/bin/python scripts/quality.py --model bundled       # who wrote the answers
    .venv/bin/python scripts/quality.py --model bundled --dev # the same, test halves left out
    .venv/bin/python scripts/quality.py --model bundled --answers written_zh/test
    .venv/bin/python scripts/quality.py --model bundled --why real_en/dev  # why not the model's

Each store folder under tests/data is imported into a temporary store and its query sets
(dev.jsonl / test.jsonl, or queries.jsonl) are run through the engine without a model.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from shopguide.guide.engine import Engine  # noqa: E402
from shopguide.guide.evaluate import load_cases, run_eval  # noqa: E402
from shopguide.store import open_store  # noqa: E402
from shopguide.store.importer import import_path  # noqa: E402

# (folder, set) in the order the README reports them: data the project did not write first.
SETS = [
    ("real_en", "test"), ("real_zh", "test"), ("written_zh", "test"), ("written_en", "test"),
    ("written2_zh", "test"), ("written2_en", "test"),
    ("real_en", "dev"), ("real_zh", "dev"), ("written_zh", "dev"), ("written_en", "dev"),
    ("written2_zh", "dev"), ("written2_en", "dev"), ("real2_zh", "dev"), ("real2_en", "dev"),
    # policy questions written blind to the engine for the written stores' FAQs (dev)
    ("written_zh", "policy"), ("written_en", "policy"), ("written2_zh", "policy"),
    ("home_kitchen", "policy"),
    ("home_kitchen", "queries"), ("demo", "demo"),
]
KINDS = ("products_any", "products_all", "faq", "none")


def _store_dir(name: str) -> Path:
    return ROOT / ("resources/demo" if name == "demo" else f"tests/data/{name}")


def _queries(name: str, part: str) -> Path:
    return ROOT / "resources/eval/demo.jsonl" if name == "demo" else _store_dir(name) / f"{part}.jsonl"


ANSWERED = ("find", "locate", "compare", "policy")  # the turns the model is to write


def run(name: str, part: str, tmp: Path, model=None) -> dict:
    path = _queries(name, part)
    store = open_store(tmp / f"{name}.sqlite")
    if store.count_products() == 0:
        import_path(store, _store_dir(name))
    report = run_eval(Engine(store, model), load_cases(path))
    store.close()
    return report


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--fails", metavar="NAME/PART", help="list one set's failures")
    ap.add_argument("--model", metavar="SPEC", help="answer with this model ('bundled', a folder)")
    ap.add_argument("--answers", metavar="NAME/PART", help="print one set's answers and who wrote them")
    ap.add_argument("--why", metavar="NAME/PART",
                    help="with --model: the turns the model did not write, its raw attempts "
                         "and the reasons their sentences were dropped")
    ap.add_argument("--dev", action="store_true",
                    help="leave the test halves out (what a change is tuned and judged on)")
    ap.add_argument("--card", action="store_true",
                    help="with --model FOLDER: write the table into its model_card.json")
    args = ap.parse_args()
    if args.dev and args.card:
        ap.error("--card writes every set's figures into the card: leave --dev out")
    if args.dev:
        SETS[:] = [(name, part) for name, part in SETS if part != "test"]
    model = None
    if args.model:
        from shopguide.llm import load_model

        model = load_model(args.model)
    with tempfile.TemporaryDirectory() as d:
        tmp = Path(d)
        if args.why and model is not None:
            from quality_why import why

            name, part = args.why.split("/")
            why(run, name, part, tmp, model, ANSWERED)
            return 0
        if args.answers:
            name, part = args.answers.split("/")
            for r in run(name, part, tmp, model)["results"]:
                t = r["turn"]
                print(f"[{t['by']}/{t['intent']}] {t['question']}\n    {t['answer']}")
            return 0
        if model is not None:
            rows = _model_table(tmp, model)
            if args.card:
                _write_card(Path(args.model), rows)
            return 0
        if args.fails:
            name, part = args.fails.split("/")
            report = run(name, part, tmp)
            for r in report["results"]:
                if not r["passed"]:
                    turn = r["turn"]
                    shown = [c.get("sku") or c.get("id") for c in turn.get("cards", [])
                             if c.get("kind") != "comparison"]
                    failed = [k for k, v in r["checks"].items() if v is False]
                    print(f"{r['id']}: {','.join(failed)} shown={shown} q={turn['question']!r}")
            return 0
        print(f"| set | queries | passed | {' | '.join(KINDS)} | violations |")
        print("| --- | --- | --- | " + " | ".join("---" for _ in KINDS) + " | --- |")
        for name, part in SETS:
            if not _queries(name, part).exists():
                continue
            try:
                s = run(name, part, tmp)["summary"]
            except Exception as exc:  # a set being rebuilt, a bad folder: say so, go on
                print(f"| {name}/{part} | could not run: {str(exc).splitlines()[0]} |")
                continue
            cells = []
            for k in KINDS:
                rate, n = s.get(k), s.get(f"{k}_n")
                cells.append(f"{rate:.3f} ({n})" if rate is not None else "-")
            print(f"| {name}/{part} | {s['queries']} | {s['passed']} | {' | '.join(cells)} | "
                  f"{s['constraint_violations']} |")
    return 0


def _write_card(folder: Path, rows: dict) -> None:
    import json
    from datetime import date

    card_path = folder / "model_card.json"
    card = json.loads(card_path.read_text(encoding="utf-8"))
    card["store_metrics"] = {"measured": date.today().isoformat(), "how": (
        "scripts/quality.py --model: each query set's store imported, every query answered by "
        "the engine with this model; model = turns (find/locate/compare/policy) whose shown "
        "text is the model's; grounded = answers whose every figure, aisle and SKU the "
        "verifier finds in the facts; frame = share of a language's answers that hold its "
        "most common sentence frame"), "sets": rows}
    card_path.write_text(json.dumps(card, ensure_ascii=False, indent=2), encoding="utf-8")


def _model_table(tmp: Path, model) -> dict:
    """Who wrote the answers of product, comparison and policy turns; facts kept; variety."""
    rows: dict = {}
    print("| set | model-written (find/locate/compare/policy) | grounded | most repeated frame |")
    print("| --- | --- | --- | --- |")
    for name, part in SETS:
        if not _queries(name, part).exists():
            continue
        s = run(name, part, tmp, model)["summary"]
        per = s["model_text_by_intent"]
        m = sum(per.get(k, {}).get("model", 0) for k in ANSWERED)
        n = sum(per.get(k, {}).get("turns", 0) for k in ANSWERED)
        rep = ", ".join(f"{lang} {v['share']:.2f}" for lang, v in s["frame_repeat"].items())
        print(f"| {name}/{part} | {m}/{n} ({m / max(1, n):.0%}) | {s['grounded_rate']:.3f} | {rep} |")
        rows[f"{name}/{part}"] = {"model": m, "turns": n, "grounded": s["grounded_rate"],
                                  "frame": {k: v["share"] for k, v in s["frame_repeat"].items()}}
    return rows


if __name__ == "__main__":
    raise SystemExit(main())
