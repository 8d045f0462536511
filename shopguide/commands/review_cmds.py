"""``shopguide review``: the questions shoppers asked that it could not answer, and the
merchant's fix for each (``shopguide/review``).

    shopguide review [list] [--all] [--limit N] [--json]
    shopguide review preview GROUP ACTION [options] [--json]
    shopguide review apply GROUP ACTION [options] [--json]
    shopguide review undo ACTION_ID|GROUP [--json]
    shopguide review actions [--json]
    shopguide review summary [--days N] [--json]      (also: shopguide review --summary)
    shopguide review pairs [--out PAIRS.csv] [--json]

GROUP is a group's id from the list (g1a2b3c4d). ACTION is one of synonym (--category PATH,
--product SKU or --means WORDS; --term TEXT, default the group's phrasings), faq-alternate
(--faq ID), new-answer (--answer TEXT [--question TEXT] [--id ID]), not-carried (--answer
TEXT: the store's own reply), ignore. Questions are shown masked: phone numbers, e-mail
addresses and customers' names never reach the terminal.
"""

from __future__ import annotations

import argparse
import json
from typing import Any


def register(sub: Any) -> None:
    from shopguide.review.actions import ACTIONS

    common = argparse.ArgumentParser(add_help=False)
    common.add_argument("--json", action="store_true", help="print JSON (documented in the README)")

    rv = sub.add_parser("review", parents=[common], help="review unanswered questions and fix them",
                        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    rv.add_argument("--summary", action="store_true", help="print how it is going instead")
    rv.add_argument("--days", type=int, default=30, help="days the summary covers (default 30)")
    rv.set_defaults(handler=_review)
    rsub = rv.add_subparsers(dest="review_command", metavar="COMMAND")

    p = rsub.add_parser("list", parents=[common], help="the questions to review, grouped")
    p.add_argument("--all", action="store_true", help="also the groups already acted on")
    p.add_argument("--limit", type=int, default=50, help="at most this many groups (default 50)")
    p.set_defaults(handler=_list)

    for name, handler, what in (("preview", _preview, "how the question is answered after "
                                 "an action, saving nothing"),
                                ("apply", _apply, "do an action now")):
        p = rsub.add_parser(name, parents=[common], help=what)
        p.add_argument("group", metavar="GROUP", help="the group's id (from 'review list')")
        p.add_argument("action", choices=ACTIONS)
        p.add_argument("--category", help="synonym: the category it means (a path or a name)")
        p.add_argument("--product", metavar="SKU", help="synonym: the product it means")
        p.add_argument("--means", help="synonym: the catalog's words it means (';'-separated)")
        p.add_argument("--term", help="synonym: the shopper's words (default: the group's)")
        p.add_argument("--term-lang", choices=("zh", "en"), default="",
                       help="synonym: only for questions in this language (default: both)")
        p.add_argument("--faq", metavar="ID", help="faq-alternate: the FAQ row it is")
        p.add_argument("--answer", "--reply", dest="answer",
                       help="new-answer / not-carried: what shoppers should be told")
        p.add_argument("--question", help="new-answer / not-carried: the row's question "
                                          "(default: the group's)")
        p.add_argument("--id", dest="faq_id", help="new-answer / not-carried: the new row's id")
        p.set_defaults(handler=handler)

    p = rsub.add_parser("undo", parents=[common], help="undo an action (by its number, or a "
                                                      "group's action in force)")
    p.add_argument("ref", metavar="ACTION_ID|GROUP")
    p.set_defaults(handler=_undo)

    p = rsub.add_parser("actions", parents=[common], help="the actions taken, newest first")
    p.add_argument("--limit", type=int, default=50)
    p.set_defaults(handler=_actions)

    p = rsub.add_parser("summary", parents=[common], help="questions per day, share answered "
                                                         "and helpful, top unmet needs")
    p.add_argument("--days", type=int, default=30, help="days covered (default 30)")
    p.set_defaults(handler=_summary)

    p = rsub.add_parser("pairs", parents=[common], help="the reviewed questions with their "
                                                       "answers, for fine-tuning")
    p.add_argument("--out", metavar="PAIRS.csv", help="write them as a question,answer CSV")
    p.set_defaults(handler=_pairs)


def _store(args: argparse.Namespace) -> Any:
    from shopguide.store.location import open_from_args

    return open_from_args(args, create=False)


def _print_json(obj: Any) -> None:
    print(json.dumps(obj, ensure_ascii=False), flush=True)


def _review(args: argparse.Namespace) -> int:
    if args.summary:
        return _summary(args)
    args.all, args.limit = False, 50
    return _list(args)


def _list(args: argparse.Namespace) -> int:
    from shopguide.review import review_groups

    with _store(args) as store:
        groups = review_groups(store, include_done=args.all)
    shown = groups[:max(0, args.limit)]
    if args.json:
        _print_json({"groups": [g.to_json() for g in shown], "total": len(groups)})
        return 0
    if not groups:
        print("nothing to review: every saved question was answered")
        return 0
    for g in shown:
        why = ", ".join(f"{r} {n}" for r, n in g.reasons.items())
        done = f"  [{g.action.action} #{g.action.id}]" if g.action else ""
        print(f"{g.id}  {g.count:>3}×  last {g.last_asked:%Y-%m-%d %H:%M}  ({why}){done}")
        print(f"    Q: {g.question}")
        print(f"    A: {_short(g.answer)}  {_cards(g.cards)}")
    if len(groups) > len(shown):
        print(f"… {len(groups) - len(shown)} more (--limit)")
    return 0


def _params(args: argparse.Namespace) -> dict[str, Any]:
    return {"category": args.category, "product": args.product, "means": args.means,
            "term": args.term, "lang": args.term_lang, "faq": args.faq, "answer": args.answer,
            "question": args.question, "faq_id": args.faq_id}


def _preview(args: argparse.Namespace) -> int:
    from shopguide.review import find_group, preview_action

    with _store(args) as store:
        group = find_group(store, args.group)
        result = preview_action(store, group, args.action, **_params(args))
    if args.json:
        _print_json({"group": group.id, "action": args.action, **result})
        return 0
    print(f"Q: {result['question']}")
    print(f"now:   {_short(result['before']['answer'])}  {_cards(result['before']['cards'])}")
    print(f"after: {_short(result['after']['answer'])}  {_cards(result['after']['cards'])}")
    print("(nothing was saved; 'shopguide review apply' does it)")
    return 0


def _apply(args: argparse.Namespace) -> int:
    from shopguide.review import apply_action, find_group
    from shopguide.review.actions import answer

    with _store(args) as store:
        group = find_group(store, args.group)
        done = apply_action(store, group, args.action, **_params(args))
        after = answer(store, group.question)
    if args.json:
        _print_json({"group": group.id, "action": done.to_json(), "after": after})
        return 0
    print(f"done: {done.action} for {group.id} (action #{done.id}; "
          f"'shopguide review undo {done.id}' takes it back)")
    print(f"Q: {group.question}")
    print(f"A: {_short(after['answer'])}  {_cards(after['cards'])}")
    return 0


def _undo(args: argparse.Namespace) -> int:
    from shopguide.review import ReviewError, find_group, undo_action
    from shopguide.review.log import in_force

    with _store(args) as store:
        ref = args.ref.strip().lstrip("#")
        if ref.isdigit():
            action_id = int(ref)
        else:
            group = find_group(store, ref)
            current = in_force(store).get(group.key)
            if current is None:
                raise ReviewError(f"group {group.id} has no action to undo")
            action_id = current.id
        done = undo_action(store, action_id)
    if args.json:
        _print_json({"action": done.to_json()})
    else:
        print(f"undone: action #{done.id} ({done.action})")
    return 0


def _actions(args: argparse.Namespace) -> int:
    from shopguide.review import actions

    with _store(args) as store:
        found = actions(store, limit=args.limit)
    if args.json:
        _print_json({"actions": [a.to_json() for a in found]})
        return 0
    for a in found:
        state = " (undone)" if a.undone else ""
        print(f"#{a.id}  {a.created:%Y-%m-%d %H:%M}  {a.action}{state}  {a.question}")
    return 0


def _summary(args: argparse.Namespace) -> int:
    from shopguide.review import format_summary, summarize

    with _store(args) as store:
        summary = summarize(store, days=args.days)
        lang = getattr(args, "lang", None) or store.settings().language
    if args.json:
        _print_json(summary.to_json())
    else:
        print(format_summary(summary, lang))
    return 0


def _pairs(args: argparse.Namespace) -> int:
    from shopguide.review import reviewed_pairs, write_pairs_csv

    with _store(args) as store:
        pairs = reviewed_pairs(store)
    if args.out:
        write_pairs_csv(pairs, args.out)
    if args.json:
        _print_json({"pairs": [{"question": q, "answer": a} for q, a in pairs]})
    elif args.out:
        print(f"{len(pairs)} question,answer pairs written to {args.out}")
    else:
        for q, a in pairs:
            print(f"Q: {q}\nA: {a}\n")
    return 0


def _short(text: str, n: int = 90) -> str:
    text = " ".join((text or "").split())
    return text if len(text) <= n else text[:n - 1] + "…"


def _cards(cards: list[dict[str, Any]]) -> str:
    shown = [c.get("sku") or c.get("id") for c in cards if c.get("kind") != "comparison"]
    return f"[{', '.join(str(s) for s in shown)}]" if shown else "[no cards]"
