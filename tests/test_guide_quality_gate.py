"""The quality gate on the model's words: invented names, glued figures, gibberish and
stray fragments never reach the shopper, while correct sentences and the reference
answers (composed, and the training helper's) pass.
"""

from __future__ import annotations

import random
import pytest

from shopguide import config
from shopguide.guide.conversation import Conversation
from shopguide.guide.engine import MODEL_INTENTS, Engine
from shopguide.guide.events import Done, Token
from shopguide.guide.fluency import Gate, Thread
from shopguide.guide.verify import Facts, check_sentence, split_sentences
from tests.fixtures.guide import GUIDE_FAQ, GUIDE_PRODUCTS


def answer(store, model, question):
    events = list(Engine(store, model).answer(question, Conversation()))
    assert isinstance(events[-1], Done)
    return [e.text for e in events if isinstance(e, Token)], events[-1]


def gate_for(products, faqs=(), question=""):
    facts = Facts.of(products, faqs)
    return facts, Thread(facts, Gate(facts.products, facts.faqs, question))


def passes(sentences, facts, thread):
    return [s for s in sentences if (check_sentence(s, facts) or thread.check(s)) is None]


# What the bundled model wrote on the demo store, adapted to the test store's facts
# (the price is one the facts hold, so only the new checks can catch it).
BAD = [
    ("有没有500元以内适合扁平足的跑鞋？", "最适合您的是云跃简约修身衬衫（云跃），主打透气，价格¥459。"),
    ("有43码的吗？", "位于货架 A1.99，库存 12 件。"),
    ("what is your return policy?",
     "00 to help with a look at the service can help with an-freeo, and the pers."),
    ("what is your return policy?", "The ment days."),
    ("running shoes for flat feet", "It's on aisle A1, 12 in stock."),  # which product?
    ("running shoes for flat feet", "It's ¥459, and it's ¥459."),
    ("适合扁平足的跑鞋", "推荐云跃超能缓震跑鞋，售价¥459。"),  # brand + a name the store lacks
]


@pytest.mark.parametrize("question, text", BAD)
def test_bad_model_text_is_dropped_and_composed_stands_in(guide_store, fake_model_factory,
                                                           question, text) -> None:
    tokens, done = answer(guide_store, fake_model_factory(text), question)
    assert not done.used_model and tokens  # the composed answer stood in
    assert text.strip() not in done.text and done.grounded


def test_a_good_sentence_survives_beside_a_glued_aisle(guide_store, fake_model_factory) -> None:
    text = "推荐缓震跑鞋（云跃），售价¥459，适合扁平足。位于货架 A1.99，库存 12 件。它在货架 A1，库存 12 件。"
    tokens, done = answer(guide_store, fake_model_factory(text), "适合扁平足的跑鞋")
    assert tokens == ["推荐缓震跑鞋（云跃），售价¥459，适合扁平足。", "它在货架 A1，库存 12 件。"]
    assert done.used_model and done.grounded and "A1.99" not in done.text


def test_good_english_sentences_are_shown_with_used_model(guide_store, fake_model_factory) -> None:
    text = "I'd recommend the Cushion Running Shoe by 云跃 at ¥459. It's in aisle A1, 12 in stock."
    tokens, done = answer(guide_store, fake_model_factory(text), "running shoes for flat feet")
    assert [t.strip() for t in tokens] == ["I'd recommend the Cushion Running Shoe by 云跃 at ¥459.",
                                           "It's in aisle A1, 12 in stock."]
    assert done.used_model and done.grounded


def test_a_figure_must_belong_to_the_product_spoken_of(guide_store, fake_model_factory) -> None:
    # 12 pairs and ¥459 are the cushion shoe's; the sentence before named the breeze shoe.
    text = "推荐轻风跑鞋（云跃），售价¥299，轻量透气。库存 12 件。"
    tokens, done = answer(guide_store, fake_model_factory(text), "轻便的跑鞋")
    assert tokens == ["推荐轻风跑鞋（云跃），售价¥299，轻量透气。"] and done.used_model


def test_a_courtesy_alone_is_not_an_answer(guide_store, fake_model_factory) -> None:
    tokens, done = answer(guide_store, fake_model_factory("好的。"), "适合扁平足的跑鞋")
    assert not done.used_model and "缓震跑鞋" in done.text
    tokens, done = answer(guide_store, fake_model_factory("好的。推荐缓震跑鞋，售价¥459。"),
                          "适合扁平足的跑鞋")
    assert tokens == ["好的。", "推荐缓震跑鞋，售价¥459。"] and done.used_model


def test_the_same_sentence_is_not_shown_twice(guide_store, fake_model_factory) -> None:
    tokens, _ = answer(guide_store, fake_model_factory("推荐缓震跑鞋，售价¥459。推荐缓震跑鞋，售价¥459。"),
                       "适合扁平足的跑鞋")
    assert tokens == ["推荐缓震跑鞋，售价¥459。"]


@pytest.mark.parametrize("sentence, ok", [
    ("缓震跑鞋在货架 A1。", True), ("缓震跑鞋在货架 A1.99。", False), ("缓震跑鞋在A1-7货架。", False),
    ("缓震跑鞋在 aisle A1.", True), ("缓震跑鞋 aisle A1.5.", False),
    ("缓震跑鞋¥459。", True), ("缓震跑鞋¥459.00。", True), ("缓震跑鞋¥459.99.5。", False),
    ("缓震跑鞋¥4590。", False), ("缓震跑鞋库存 12 件。", True), ("缓震跑鞋库存 12.5 件。", False),
    ("Cushion Running Shoe: 12 in stock.", True), ("Cushion Running Shoe: 1.2 in stock.", False),
])
def test_glued_figures_are_read_whole(sentence, ok) -> None:
    facts = Facts.of(GUIDE_PRODUCTS[:2])
    assert (check_sentence(sentence, facts) is None) is ok


@pytest.mark.parametrize("garbage", [
    " The service06.", "00 to help with an inds.", "是这样的, and a sleeping, and a in the mme.",
    " Anything else I can help with the be not clog.", "The 云跃简约天然猫粮 by age: it is cheap.",
    "可以看看踏浪舒适 option is the service，很合适。", "另外也可以考虑悦颜专业。",
    "云跃简约修身衬衫主打透气。",
])
def test_the_models_typical_garbage_fails_the_gate(garbage) -> None:
    facts, thread = gate_for(GUIDE_PRODUCTS[:3], GUIDE_FAQ[:1], "跑鞋")
    assert passes([garbage], facts, thread) == []


def test_a_dropped_name_is_not_written_into_the_reason() -> None:
    facts, thread = gate_for(GUIDE_PRODUCTS[:2])
    why = thread.check("推荐王芳专属跑鞋，售价¥459。")
    assert why is not None and "王芳" not in why


def test_faq_restatements_pass(guide_store) -> None:
    facts, thread = gate_for([], GUIDE_FAQ[:1], "退货政策是什么？")
    assert passes(["购物后30天内凭小票可退货，商品需未使用。"], facts, thread) != []


@pytest.fixture(scope="module")
def demo_engine(tmp_path_factory: pytest.TempPathFactory) -> Engine:
    from shopguide.store import open_store
    from shopguide.store.importer import import_path

    store = open_store(tmp_path_factory.mktemp("demo") / "s.sqlite")
    import_path(store, config.demo_store_dir())
    return Engine(store)


def test_composed_answers_pass_the_gate_on_the_demo_store(demo_engine) -> None:
    from shopguide.guide.evaluate import load_cases

    queries = [c.q for c in load_cases(config.resource("eval", "demo.jsonl"))]
    queries += ["Where can I find tents?", "有43码的跑鞋吗？", "what is your return policy?",
                "便宜的帐篷", "compare RS-104 and RS-110", "瑜伽垫在哪里？"]
    checked, failed = 0, []
    for q in queries:
        plan = demo_engine.plan(q, Conversation())
        if plan.intent not in MODEL_INTENTS:
            continue  # the model never answers these, so the gate never sees them
        facts = plan.facts()
        thread = Thread(facts, Gate(facts.products, facts.faqs, q))  # not told the composed text
        for s in split_sentences(plan.composed):
            checked += 1
            why = check_sentence(s, facts) or thread.check(s)
            if why:
                failed.append((q, s, why))
    assert checked > 150 and not failed, failed[:5]


def test_training_reference_answers_pass_the_gate(monkeypatch) -> None:
    from shopguide.training import dialogs
    from shopguide.training.synth import make_store

    seen: dict = {}
    real = dialogs._ex

    def spy(kind, lang, q, answer, products=(), faqs=(), history=(), customer=None, **kw):
        seen.update(q=q, a=answer, products=list(products), faqs=list(faqs), customer=customer)
        return real(kind, lang, q, answer, products, faqs, history, customer, **kw)

    monkeypatch.setattr(dialogs, "_ex", spy)
    kinds = (dialogs.recommend, dialogs.detail, dialogs.compare, dialogs.policy, dialogs.follow_up,
             dialogs.injection)
    total, failed = 0, []
    for seed in range(4):
        store, rng = make_store(seed), random.Random(seed)
        for i in range(60):
            lang = store.lang if i % 5 else ("en" if store.lang == "zh" else "zh")
            rng.choice(kinds)(rng, store, lang)
            facts = Facts.of(seen["products"], seen["faqs"])
            names = [seen["customer"].name] if seen["customer"] else []
            thread = Thread(facts, Gate(facts.products, facts.faqs, seen["q"], "", names))
            for s in split_sentences(seen["a"]):
                total += 1
                if check_sentence(s, facts) or thread.check(s):
                    failed.append(s)
    assert total > 300 and len(failed) / total <= 0.02, failed[:5]


def test_a_bilingual_name_is_read_as_one_run() -> None:
    t_shirt = GUIDE_PRODUCTS[0].__class__(
        "TS-1", "踏浪经典防水运动T恤", "服装/T恤", 265.5, "CNY", "踏浪", 3, "G01", (), (), ("防水",))
    facts, thread = gate_for([t_shirt])
    assert passes(["踏浪经典防水运动T恤售价¥265.50，防水。"], facts, thread) != []
