"""``shopguide ask`` and ``shopguide eval``: the engine from the command line.

Registering is cheap; the store, the engine and (maybe) torch load inside the handlers.
"""

from __future__ import annotations

import argparse
import json
import sys
from typing import Any


def register(sub: Any) -> None:
    ask = sub.add_parser(
        "ask", help="ask the shopping guide (one or more turns; interactive with no text)",
        description="Answer questions from the store's catalog and policies. Several texts "
                    "are one conversation, asked in order.")
    ask.add_argument("turns", nargs="*", metavar="TEXT", help="the question(s); none = interactive")
    ask.add_argument("--customer", metavar="ID", help="the customer being served (clerk mode)")
    ask.add_argument("--json", action="store_true", help="one JSON object per turn")
    ask.add_argument("--no-model", action="store_true", help="answer from the facts alone")
    ask.add_argument("--explain", action="store_true",
                     help="also print how each turn was read: words, constraints, candidates "
                          "with their scores, and why the answer is what it is")
    ask.set_defaults(handler=_ask)

    ev = sub.add_parser("eval", help="score the engine on a JSON Lines query set",
                        description="Run every query through the engine and score it "
                                    "(see the data-formats spec).")
    ev.add_argument("queries", metavar="QUERIES.jsonl")
    ev.add_argument("--json", action="store_true", help="print the full report as JSON")
    ev.add_argument("--no-model", action="store_true", help="answer from the facts alone")
    ev.set_defaults(handler=_eval)


def _open_store(args: argparse.Namespace) -> Any:
    """The store to answer from: it must exist (a mistyped --store is no new, empty shop)."""
    from shopguide.store.location import open_from_args

    store = open_from_args(args, create=False)
    if not store.count_products() and not store.count_faq():
        print(f"note: {store.path} has no products and no FAQ yet, so every answer will be "
              "'can't help'; import your catalog with 'shopguide import FOLDER'", file=sys.stderr)
    return store


def load_model_for(args: argparse.Namespace) -> Any:
    """The model named by --model (default: the bundled one if present), or None.

    A model that cannot be loaded is not fatal: the answers come from the facts, and
    stderr says so.
    """
    if getattr(args, "no_model", False):
        return None
    from shopguide import config

    spec = getattr(args, "model", None)
    if spec is None:
        if not config.bundled_model_dir().is_dir():
            print("note: no bundled model; answering from the facts alone", file=sys.stderr)
            return None
        spec = "bundled"
    try:
        from shopguide.llm import load_model

        return load_model(spec)
    except Exception as exc:  # ModelLoadError and friends; never fatal here
        print(f"note: could not load model {spec!r} ({exc}); answering from the facts alone",
              file=sys.stderr)
        return None


def _engine(args: argparse.Namespace) -> tuple[Any, Any]:
    from shopguide.guide.engine import Engine

    store = _open_store(args)
    return store, Engine(store, load_model_for(args))


def _ask(args: argparse.Namespace) -> int:
    from shopguide.guide.conversation import Conversation
    from shopguide.guide.events import Cards, Done, Failed, Token
    from shopguide.guide.report import turn_json

    store, engine = _engine(args)
    customer = None
    mode = getattr(args, "mode", None) or "clerk"
    if args.customer and mode == "kiosk":
        print("error: --customer is for clerk mode; a kiosk never shows customer data",
              file=sys.stderr)
        return 2
    if args.customer:
        customer = store.customer(args.customer)
        if customer is None:
            print(f"error: no customer with id {args.customer!r} in {store.path}", file=sys.stderr)
            return 2
    conv = Conversation(customer=customer, mode=mode)
    turns = list(args.turns)
    interactive = not turns
    status = 0
    while True:
        if interactive:
            try:
                text = input("? ")
            except EOFError:
                print()
                return status
            if text.strip().lower() in ("quit", "exit", ":q"):
                return status
        elif turns:
            text = turns.pop(0)
        else:
            return status
        if args.json:
            obj = turn_json(text, engine.answer(text, conv, customer))
            if args.explain:
                obj["explain"] = _explain(engine)
            print(json.dumps(obj, ensure_ascii=False), flush=True)
            status = 1 if "error" in obj else status
            continue
        for ev in engine.answer(text, conv, customer):
            if isinstance(ev, Cards):
                for line in _card_lines(ev):
                    print(line)
            elif isinstance(ev, Token):
                print(ev.text, end="", flush=True)
            elif isinstance(ev, Done):
                print()
                if args.explain:
                    print("\n".join("  | " + line for line in _explain(engine)))
            elif isinstance(ev, Failed):
                print(f"\nerror: {ev.error}", file=sys.stderr)
                status = 1


def _explain(engine: Any) -> list[str]:
    from shopguide.guide.explain import explain

    plan = engine.last_plan
    return explain(plan, engine.vocab) if plan is not None else []


def _card_lines(ev: Any) -> list[str]:
    from shopguide.guide.compose import faq_phrasing
    from shopguide.guide.prompt import format_price

    out = []
    for c in ev.cards:
        if c.kind == "product":
            p = c.product
            bits = [format_price(p.price, p.currency)]
            if p.stock is not None:
                bits.append(f"stock {p.stock}")
            if p.aisle:
                bits.append(f"aisle {p.aisle}")
            out.append(f"  [{p.sku}] {p.display_name(ev.lang)}  " + " · ".join(bits))
        elif c.kind == "faq":
            out.append(f"  [FAQ {c.faq.id}] {faq_phrasing(c.faq, ev.lang)}")
        else:
            out.append("  compare: " + " vs ".join(c.skus))
    return out


def _eval(args: argparse.Namespace) -> int:
    from shopguide.guide.evaluate import QuerySetError, format_summary, load_cases, run_eval

    try:
        cases = load_cases(args.queries)
    except QuerySetError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    _store, engine = _engine(args)
    report = run_eval(engine, cases)
    if args.json:
        print(json.dumps(report, ensure_ascii=False))
    else:
        print(format_summary(report))
    return 0
