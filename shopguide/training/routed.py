"""Corpus questions run through the real engine, so the facts are the ones it retrieves.

Each synthetic store is loaded into an in-memory store database; the engine
plans the answer (intent, products, FAQ, conversation) exactly as at run time,
and the reference answer is written from the facts of that plan. The prompt is
the one ``Engine._model_sentences`` builds.
"""

from __future__ import annotations

import random

from shopguide.guide.prompt import build_prompt, training_text
from shopguide.store.models import Customer
from shopguide.training import dialogs as dl
from shopguide.training import phrases as ph
from shopguide.training.synth import SynthStore


class Router:
    """One synthetic store behind the real engine."""

    def __init__(self, store: SynthStore) -> None:
        from shopguide.guide.engine import Engine
        from shopguide.store import open_store

        self.db = open_store(":memory:")
        s = store.settings
        self.db.set_settings(name=s.name, language=s.language, currency=s.currency)
        for p in store.products:
            self.db.save_product(p)
        for f in store.faqs:
            self.db.save_faq(f)
        self.engine = Engine(self.db)

    def close(self) -> None:
        self.db.close()


def _sep(lang: str) -> str:
    return "" if lang == "zh" else " "


def _answer(rng: random.Random, plan, ask: str, tag: str | None) -> tuple[str, str | None, str | None]:
    """(answer, top product name, policy text) written from the plan's facts."""
    lang = plan.query.lang
    prods = plan.products + plan.context
    if plan.intent == "policy" and plan.faq is not None:
        return ph.policy(rng, plan.faq.answer, lang), None, ph.policy_text(plan.faq.answer, lang)
    if not prods:
        return ph.nothing_fits(rng, lang), None, None
    top = prods[0]
    n = top.display_name(lang)
    zh = lang == "zh"
    if plan.intent == "compare" and len(prods) >= 2:
        b = prods[1]
        cheap = top if top.price <= b.price else b
        if zh:
            ans = (f"{n}售价{ph.price(top)}；{b.display_name(lang)}售价{ph.price(b)}。"
                   f"{rng.choice(('预算有限的话选', '更实惠的是'))}{cheap.display_name(lang)}。")
        else:
            ans = (f"The {n} is {ph.price(top)}; the {b.display_name(lang)} is {ph.price(b)}. "
                   f"{rng.choice(('The cheaper pick is the', 'On a budget, go for the'))} {cheap.display_name(lang)}.")
        return ans, n, None
    if ask == "aisle" and top.aisle:
        return (f"{n}在货架 {top.aisle}。" if zh else f"The {n} is in aisle {top.aisle}."), n, None
    if ask == "stock" and top.stock is not None:
        if top.stock:
            return (f"有的，{n}库存 {top.stock} 件。" if zh else f"Yes, the {n} has {top.stock} in stock."), n, None
        return ph.out_of_stock(rng, top, lang), n, None
    if ask == "price":
        ans = f"{n}售价{ph.price(top)}。" if zh else f"The {n} is {ph.price(top)}."
        return ans, n, None
    if top.stock == 0:
        ans = ph.out_of_stock(rng, top, lang)
        if len(prods) > 1 and (prods[1].stock or 0) > 0:
            ans += _sep(lang) + ph.recommend(rng, prods[1], lang, None)
        return ans, n, None
    ans = ph.recommend(rng, top, lang, tag if tag in top.tags else None)
    if len(prods) > 1 and rng.random() < 0.3:
        ans += _sep(lang) + ph.also(rng, prods[1], lang)
    return ans, n, None


def _question(rng: random.Random, store: SynthStore, lang: str) -> tuple[str, str, str | None]:
    """(question, what it asks: find/price/aisle/stock/compare/policy, tag)."""
    r = rng.random()
    p = dl._pick(rng, store, in_stock=rng.random() < 0.85)
    if r < 0.45:
        q, tag = dl._ask_product(rng, store, p, lang)
        return q, "find", tag
    if r < 0.65:
        ex = dl.detail(random.Random(rng.random()), store, lang)
        q = ex.context.rsplit("Q: ", 1)[1].removesuffix("\nA:")
        ask = "price" if any(w in q for w in ("多少钱", "价格", "How much", "cost")) else (
            "aisle" if any(w in q for w in ("哪", "Where", "aisle")) else "stock")
        return q, ask, None
    if r < 0.75:
        ex = dl.compare(random.Random(rng.random()), store, lang)
        return ex.context.rsplit("Q: ", 1)[1].removesuffix("\nA:"), "compare", None
    if r < 0.93:
        f = rng.choice(store.faqs)
        q = rng.choice((f.question, *f.alternates)) if f.alternates and rng.random() < 0.4 else f.question
        return q, "policy", None
    ex = dl.nothing(rng, store, lang)
    return ex.context.rsplit("Q: ", 1)[1].removesuffix("\nA:"), "find", None


FOLLOW = {"zh": (("便宜一点的呢？", "find"), ("有更便宜的吗？", "find"), ("在哪里？", "aisle"),
                 ("还有货吗？", "stock"), ("多少钱？", "price"), ("第二个呢？", "find")),
          "en": (("Anything cheaper?", "find"), ("Do you have a cheaper one?", "find"),
                 ("Where is it?", "aisle"), ("Is it in stock?", "stock"), ("How much is it?", "price"),
                 ("What about the second one?", "find"))}


def routed_examples(rng: random.Random, store: SynthStore, router: Router, n: int) -> list[dl.Example]:
    """``n`` exchanges; some continue the previous one as a follow-up, as shoppers do."""
    from shopguide.guide.conversation import Conversation

    out: list[dl.Example] = []
    conv = Conversation()
    while len(out) < n:
        lang = store.lang if rng.random() < 0.85 else ("en" if store.lang == "zh" else "zh")
        follow = bool(conv.history) and rng.random() < 0.35
        if follow:
            q, ask = rng.choice(FOLLOW[lang])
            tag = None
        else:
            conv = Conversation()
            conv.customer = rng.choice(store.customers) if rng.random() < 0.2 else None
            q, ask, tag = _question(rng, store, lang)
        try:
            plan = router.engine.plan(q, conv, conv.customer)
        except Exception:  # a question the engine cannot plan teaches nothing
            conv = Conversation()
            continue
        if plan.intent not in ("find", "locate", "compare", "policy"):
            continue  # the engine answers those itself, without the model
        answer, top, faq = _answer(rng, plan, ask, tag)
        cust: Customer | None = conv.customer
        if cust is not None and not conv.history:
            answer = ph.greet_name(rng, cust.name, plan.query.lang) + _sep(plan.query.lang) + answer
        prompt = build_prompt(plan.query.text, plan.products + plan.context,
                              [plan.faq] if plan.faq else [], conv.history, cust, plan.query.lang)
        ctx, tgt = training_text(prompt, answer)
        kind = "followup" if follow else ("policy" if faq else ("none" if top is None else ask))
        out.append(dl.Example(kind, plan.query.lang, ctx, tgt, top, faq))
        conv.remember(q, answer, plan.query, plan.products, plan.faq)
    return out
