"""How a turn was read and answered, for ``shopguide ask --explain``: the words, the
constraints, the slots with their weights, the candidates with their scores, and why the
answer is what it is. For the merchant and the developer; never shown to a shopper.
"""

from __future__ import annotations

from shopguide.guide.candidates import ranking_slots
from shopguide.guide.matching import product_doc, slot_score
from shopguide.guide.plan import Plan
from shopguide.guide.vocab import StoreVocab

TOP = 5


def explain(plan: Plan, vocab: StoreVocab) -> list[str]:
    q = plan.query
    tokens = vocab.analyzer.tokens(q.text[:2000])
    out = [f"question   {q.text[:200]!r} ({q.lang})"]
    content = [t.text for t in tokens if t.content]
    stop = [t.text for t in tokens if t.stop]
    out.append(f"words      {' '.join(content) or '-'}" +
               (f"   (no search meaning: {' '.join(stop)})" if stop else ""))
    reading = [f"{k} {v}" for k, v in q.constraints().items()]
    if q.category and q.category_soft:
        reading.append(f"category (preference) {q.category}")
    if q.subject:
        reading.append(f"subject kept from the conversation: {q.subject}")
    if q.subject_budget is not None:
        lo, hi = ("" if v is None else f"{v:g}" for v in q.subject_budget)
        reading.append(f"its budget kept: {lo}–{hi}")
    if q.subject_size:
        reading.append(f"its size kept: {q.subject_size}")
    for name in ("tags", "topics", "refs"):
        value = getattr(q, name)
        if value:
            reading.append(f"{name} {value}")
    for name in ("cheap", "cheaper", "stock_question", "follow_up"):
        if getattr(q, name):
            reading.append(name)
    if q.pick:
        reading.append(f"pick {q.pick}")
    if q.acts:
        reading.append("acts " + ",".join(sorted(q.acts)))
    out.append(f"reading    {' · '.join(reading) or '-'}")
    for s in q.slots.slots:
        alts = [a.text or a.key for a in s.alts[1:]]
        out.append(f"slot       {s.said} [{s.role}] key={s.key} weight={s.idf:.2f}" +
                   (f" also: {' '.join(alts[:8])}" if alts else ""))
    r = plan.retrieval
    if r is not None:
        for i, x in enumerate(r.products[:TOP], 1):
            doc = product_doc(vocab.analyzer, x.product)
            per = " ".join(f"{s.said}={slot_score(s, doc):.1f}" for s in ranking_slots(q).slots)
            out.append(f"product {i}  {x.product.sku} {x.product.name[:40]}  score {x.score:.2f} "
                       f"covers {x.text_match:.2f}  [{per}]")
        for i, (f, c) in enumerate(r.faq_ranked[:3], 1):
            out.append(f"faq {i}      {f.id} {f.question[:40]}  covers {c:.2f}")
    # The reasons in the order they were found; the last one decided the answer.
    for reason in plan.why[:-1]:
        out.append(f"step       {reason}")
    if plan.why:
        out.append(f"decision   {plan.intent}: {plan.why[-1]}")
    return out
