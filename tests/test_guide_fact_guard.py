"""The fact guard: what decoding may write, token by token (guide/fact_guard.py)."""

from __future__ import annotations

import pytest
import torch

from shopguide.guide.engine import Engine
from shopguide.guide.events import Done, Token
from shopguide.guide.fact_guard import FactGuard, guard_from_prompt
from shopguide.guide.prompt import build_prompt
from shopguide.guide.verify import Facts
from shopguide.llm.sampling import TokenChooser
from shopguide.llm.settings import GenerationSettings
from shopguide.store.models import FaqEntry, Product
from tests.fixtures.guide import GUIDE_FAQ, GUIDE_PRODUCTS

LAMP = Product("L-1", "Wildtrail Freedom Headlamp", "lamps", 46.99, "USD", "Wildtrail", 50, "D17",
               tags=("waterproof", "warm"))
OTHER = Product("L-2", "Snowpeak Joy Headlamp 8", "lamps", 49.99, "USD", "Snowpeak", 6, "A23",
                tags=("foldable",))
CUSHION = next(p for p in GUIDE_PRODUCTS if p.sku == "SH-2")  # 缓震跑鞋 ¥459, A1, stock 12
BREEZE = next(p for p in GUIDE_PRODUCTS if p.sku == "SH-1")  # 轻风跑鞋 ¥299, A1, stock 20


def en_guard(*products: Product, question: str = "a warm headlamp?") -> FactGuard:
    return FactGuard(Facts.of(products or (LAMP, OTHER)), "en", question)


def zh_guard(*products: Product, question: str = "适合扁平足的跑鞋") -> FactGuard:
    return FactGuard(Facts.of(products or (CUSHION, BREEZE)), "zh", question)


# -- figures ------------------------------------------------------------------------------

def test_a_price_must_be_the_named_products() -> None:
    g = en_guard()
    assert g(" I'd recommend the Wildtrail Freedom Headlamp at $46.99.")
    assert not g(" I'd recommend the Wildtrail Freedom Headlamp at $49.99.")  # the other's
    assert not g(" I'd recommend the Wildtrail Freedom Headlamp at $45.")  # nobody's


def test_a_figure_being_written_may_be_the_start_of_a_true_one() -> None:
    g = en_guard()
    text = " I'd recommend the Wildtrail Freedom Headlamp at $4"
    assert g(text) and g(text + "6") and g(text + "6.") and g(text + "6.9")
    assert not g(text + "7") and not g(text + "6.8")


def test_aisle_and_stock_figures_follow_the_product_spoken_of() -> None:
    g = zh_guard()
    assert g(" 最适合您的是缓震跑鞋，价格¥459。在货架 A1，库存 12 件。")
    assert not g(" 最适合您的是缓震跑鞋，价格¥459。在货架 A1，库存 20 件。")  # 轻风's stock
    assert not g(" 最适合您的是缓震跑鞋，价格¥459。在货架 B07")


def test_the_shoppers_and_the_policys_amounts_may_be_restated() -> None:
    faq = next(f for f in GUIDE_FAQ if f.id == "returns")  # 30天
    g = FactGuard(Facts.of([CUSHION], [faq]), "zh", "500元以内的跑鞋")
    assert g(" ¥500以内推荐缓震跑鞋，¥459。")
    assert g(" 购物后30天内凭小票可退货。")
    assert not g(" 购物后60天内凭小票可退货。")


def test_a_currency_sign_must_be_followed_by_an_amount() -> None:
    assert not zh_guard()(" 缓震跑鞋价格¥ sugar")


# -- words and names ----------------------------------------------------------------------

def test_an_invented_chinese_name_is_refused() -> None:
    g = zh_guard()
    assert g(" 最适合您的是缓震跑鞋（云跃）")
    assert not g(" 最适合您的是云跃简约修身衬衫")


def test_english_phrasing_is_refused_in_a_chinese_answer() -> None:
    g = zh_guard()
    assert not g(" The 缓震跑鞋")
    assert g(" 缓震跑鞋")


def test_a_name_begun_past_its_brand_must_be_finished_as_written() -> None:
    g = en_guard()
    assert not g(" Have a look at the Wildtrail Joy")  # Wildtrail + the other lamp's words
    assert g(" Have a look at the Wildtrail Freedom Headlamp by Wildtrail at $46.99.")


def test_the_first_product_named_is_the_top_match() -> None:
    g = en_guard()
    assert not g(" Have a look at the Snowpeak Jo")
    assert g(" Have a look at the Wildtrail Freedom Headlamp; the Snowpeak Joy Headlamp 8 is $49.99.")


def test_repeating_a_clause_a_tag_or_a_name_is_refused() -> None:
    g = en_guard()
    assert not g(" The Wildtrail Freedom Headlamp is waterproof and waterproof")
    assert not g(" The Wildtrail Freedom Headlamp by Wildtrail Freedom Headlamp")
    assert not zh_guard()(" 缓震跑鞋，很合适，很合适，")
    assert not en_guard()(" The Wildtrail Freedom Headlamp by Wildtrail），")  # 中文标点 in English


def test_unfinished_utf8_is_judged_by_the_characters_it_could_become() -> None:
    g = zh_guard()
    start = " 最适合您的是缓震跑鞋".encode()
    good = "，".encode()[:2]  # the first bytes of a comma
    bad = "龘".encode()[:2]  # a character no fact, question or template has
    assert g((start + good).decode("utf-8", "surrogateescape"))
    assert not g((start + bad).decode("utf-8", "surrogateescape"))
    assert not g((start + b"\xff" + "，".encode()).decode("utf-8", "surrogateescape"))


def test_a_guard_built_from_a_rendered_prompt_knows_the_same_facts() -> None:
    faq = FaqEntry("returns", "退货政策？", "购物后30天内可退货。")
    prompt = build_prompt("有扁平足的跑鞋吗", [CUSHION, BREEZE], [faq], lang="zh").render()
    g = guard_from_prompt(prompt, "zh")
    assert [p.name for p in g.products] == ["缓震跑鞋", "轻风跑鞋"]
    assert g(" 最适合您的是缓震跑鞋，价格¥459，在货架 A1。")
    assert not g(" 最适合您的是缓震跑鞋，价格¥299。")
    assert g(" 购物后30天内可退货。") and not g(" 购物后31")


# -- decoding ----------------------------------------------------------------------------

def chooser(**kw) -> TokenChooser:
    return TokenChooser(GenerationSettings(**kw), 6, [], [5], torch.device("cpu"))


def test_the_chooser_takes_the_most_likely_token_the_guard_accepts() -> None:
    logits = torch.tensor([0.0, 4.0, 3.0, 2.0, 1.0, -1.0])
    c = chooser()
    assert c.choose(logits.clone(), 0, lambda t: t != 1) == 2
    assert c.refused == 1
    assert c.choose(logits.clone(), 0, lambda t: True) == 1
    assert c.refused == 1


def test_when_the_guard_accepts_nothing_the_answer_ends() -> None:
    assert chooser().choose(torch.tensor([0.0, 4.0, 3.0, 2.0, 1.0, -1.0]), 0,
                            lambda t: False) == 5


def test_sampling_only_draws_accepted_tokens() -> None:
    c = chooser(do_sample=True, seed=3, top_k=0)
    picks = {c.choose(torch.zeros(6), 0, lambda t: t in (2, 3)) for _ in range(40)}
    assert picks <= {2, 3, 5} and picks & {2, 3}


def test_the_runtime_never_writes_text_the_guard_refused(tiny_model) -> None:
    seen: list[str] = []

    def guard(text: str) -> bool:
        seen.append(text)
        return not any(ch.isdigit() for ch in text)

    stream = tiny_model.stream("Facts:\nQ: 1 2 3 4 5 6 7 8 9\nA:",
                               GenerationSettings(max_new_tokens=24), guard=guard)
    text = stream.read_all()
    assert seen, "the guard was never asked"
    assert not any(ch.isdigit() for ch in text)


# -- the engine ----------------------------------------------------------------------------

def run(engine: Engine, text: str) -> list:
    return list(engine.answer(text))


def test_the_engine_shows_nothing_until_the_top_match_is_named(guide_store, fake_model_factory):
    # True, verified, but about the wrong shoe: not an answer to "flat feet".
    model = fake_model_factory("轻风跑鞋¥299，在A1货架，很透气。")
    ev = run(Engine(guide_store, model), "适合扁平足的跑鞋")
    done = ev[-1]
    assert isinstance(done, Done) and not done.used_model
    assert "缓震跑鞋" in done.text


def test_an_unfinished_last_sentence_is_not_shown(guide_store, fake_model_factory) -> None:
    model = fake_model_factory("缓震跑鞋¥459，适合扁平足。它在A1货架，库存")
    ev = run(Engine(guide_store, model), "适合扁平足的跑鞋")
    tokens = [e.text for e in ev if isinstance(e, Token)]
    assert tokens == ["缓震跑鞋¥459，适合扁平足。"]


@pytest.mark.parametrize("takes_guard", [True, False])
def test_the_engine_passes_a_guard_only_to_models_that_take_one(guide_store, takes_guard) -> None:
    got: list = []

    class Stream:
        def __iter__(self):
            return iter(["缓震跑鞋¥459，适合扁平足。"])

    class WithGuard:
        context_length = 1024

        def count_tokens(self, text: str) -> int:
            return len(text)

        def stream(self, prompt, settings=None, cancel=None, guard=None):
            got.append(guard)
            return Stream()

    class WithoutGuard(WithGuard):
        def stream(self, prompt, settings=None, cancel=None):  # type: ignore[override]
            got.append(None)
            return Stream()

    model = WithGuard() if takes_guard else WithoutGuard()
    ev = run(Engine(guide_store, model), "适合扁平足的跑鞋")
    assert ev[-1].used_model
    assert (got[0] is not None) == takes_guard
    if takes_guard:
        assert got[0](" 缓震跑鞋¥459") and not got[0](" 缓震跑鞋¥99")


def test_a_rendered_prompt_reads_back_to_its_facts() -> None:
    from shopguide.guide.prompt import read_prompt

    chf = Product("X-1", "Swiss Knife", "tools", 12.5, "CHF", None, None, "C-3", tags=("steel",))
    shown = [CUSHION, LAMP, chf]
    read = read_prompt(build_prompt("which one?", shown, lang="en").render())
    assert read.question == "which one?"
    assert [(p.sku, p.price, p.currency, p.stock, p.aisle, p.brand) for p in read.products] == [
        (p.sku, p.price, p.currency, p.stock, p.aisle, p.brand) for p in shown]
    assert read.products[0].sizes == CUSHION.sizes and read.products[1].tags == LAMP.tags


def test_a_model_whose_text_is_never_kept_is_asked_only_now_and_then(guide_store,
                                                                     fake_model_factory) -> None:
    from shopguide.guide.model_track import ModelTrack

    model = fake_model_factory("轻风跑鞋¥299，很透气。")  # never about the top match
    engine = Engine(guide_store, model)
    engine.model_track = ModelTrack(window=3, probe_every=4)
    for _ in range(3):
        assert not run(engine, "适合扁平足的跑鞋")[-1].used_model
    assert len(model.prompts) == 3
    for _ in range(3):
        assert "缓震跑鞋" in run(engine, "适合扁平足的跑鞋")[-1].text  # composed, model not asked
    assert len(model.prompts) == 3
    run(engine, "适合扁平足的跑鞋")  # the probe
    assert len(model.prompts) == 4
    # The model helps again: the next probe finds it, and from then on it is asked every time.
    model.pieces = ["缓震跑鞋¥459，适合扁平足。"]
    for _ in range(4):
        run(engine, "适合扁平足的跑鞋")
    assert len(model.prompts) == 5
    before = len(model.prompts)
    assert run(engine, "适合扁平足的跑鞋")[-1].used_model and len(model.prompts) == before + 1


# -- finishing a begun name ---------------------------------------------------------------

def test_a_name_begun_past_its_brand_is_finished_as_the_top_match() -> None:
    yun_a = Product("Y-1", "云跃女款稳定跑鞋", "鞋/跑鞋", 429, "CNY", "云跃", 10, "A2")
    yun_b = Product("Y-2", "云跃宽楦缓震跑鞋", "鞋/跑鞋", 489, "CNY", "云跃", 6, "A1")
    g = zh_guard(yun_a, yun_b)
    assert g.completion(" 最适合您的是云") == ""  # not yet past the brand
    assert g.completion(" 最适合您的是云跃") == "女款稳定跑鞋"  # the top match, not yun_b
    assert g.completion(" 最适合您的是云跃女款") == "稳定跑鞋"
    # Written once, the brand alone is the brand: "（云跃）" is not a second name begun...
    assert g.completion(" 最适合您的是云跃女款稳定跑鞋（云跃") == ""
    # ...but past the brand it is, and the one it can become is finished.
    assert g.completion(" 最适合您的是云跃女款稳定跑鞋，也可以看看云跃宽") == "楦缓震跑鞋"
    assert g.completion(" 最适合您的是云跃女款稳定跑鞋") == ""  # finished is finished


def test_a_latin_name_is_only_finished_from_the_start_of_a_word() -> None:
    g = en_guard()
    assert g.completion(" Try the Wildtrail") == " Freedom Headlamp"
    assert g.completion(" Try the Wildtrail Free") == "dom Headlamp"
    assert g.completion(" Try the SuperWildtrail") == ""  # not the brand, another word
    assert g.completion(" Try the Snowpeak") == ""  # only the top match may be named first


def test_the_runtime_writes_what_the_guard_dictates(tiny_model) -> None:
    class Dictating:
        def __call__(self, text: str) -> bool:
            return True

        def completion(self, text: str) -> str:
            return "Wildtrail Freedom" if text == "" else ""

    stream = tiny_model.stream("Facts:\nQ: a lamp?\nA:", GenerationSettings(max_new_tokens=48),
                               guard=Dictating())
    text = stream.read_all()
    assert text.startswith("Wildtrail Freedom")
    assert stream.forced_tokens == len(tiny_model.tokenizer.encode("Wildtrail Freedom"))
    assert stream.n_tokens > stream.forced_tokens  # then the model goes on by itself


# -- what a kept answer must say ------------------------------------------------------------

class _Overruled:
    """A stream whose guard overruled the model ``refusals`` times."""

    def __init__(self, text: str, refusals: int) -> None:
        self.pieces, self.guard_refusals = [text], refusals

    def __iter__(self):
        return iter(self.pieces)


def _model_writing(text: str, refusals: int = 0):
    class Model:
        context_length = 1024

        def count_tokens(self, t: str) -> int:
            return len(t)

        def stream(self, prompt, settings=None, cancel=None, guard=None):
            return _Overruled(text, refusals)

    return Model()


@pytest.mark.parametrize("refusals, kept", [(0, True), (2, True), (3, False)])
def test_an_answer_the_guard_had_to_overrule_often_is_not_shown(guide_store, refusals, kept):
    answer = "最适合您的是缓震跑鞋，适合扁平足，价格¥459。"
    done = run(Engine(guide_store, _model_writing(answer, refusals)), "适合扁平足的跑鞋")[-1]
    assert done.used_model is kept
    assert "缓震跑鞋" in done.text


@pytest.mark.parametrize("answer, kept", [
    ("缓震跑鞋。", False),  # the name alone answers nothing
    ("抱歉，缓震跑鞋适合扁平足，价格¥459。", False),  # sorry, when it is in stock
    ("推荐缓震跑鞋，适合扁平足，价格¥459。", True),
])
def test_a_recommendation_names_a_fact_and_does_not_apologise(guide_store, answer, kept):
    done = run(Engine(guide_store, _model_writing(answer)), "适合扁平足的跑鞋")[-1]
    assert done.used_model is kept, done.text


@pytest.mark.parametrize("answer, kept", [
    ("是这样的，可30元。", False),  # a figure, none of the policy's words
    ("可以的，购物后30天内凭小票可退货。", True),
])
def test_a_policy_answer_restates_the_policy(guide_store, answer, kept):
    done = run(Engine(guide_store, _model_writing(answer)), "退货政策是什么？")[-1]
    assert done.used_model is kept, done.text
    assert "30天" in done.text


# -- the guard lets the model say what it was taught ------------------------------------------

def test_hyphenated_words_apostrophes_and_tags_inside_names_are_not_refused() -> None:
    kettle = Product("K-1", "Woodland Skyline Kettle", "kitchen", 149, "CNY", "Woodland", 5, "J10",
                     tags=("eco-friendly", "non-stick"))
    g = en_guard(kettle, question="a kettle?")
    assert g(" I'd recommend the Woodland Skyline Kettle at ¥149: it is eco-f")
    assert g(" I'd recommend the Woodland Skyline Kettle at ¥149: it is non-stick.")
    assert not g(" It is on aisle J-,")  # a code that lost its number is still refused
    assert g(" Sorry, we don'") and g(" Sorry, we don't have")
    nuts = Product("N-1", "青春无谷狗粮", "宠物", 449, "CNY", "喵趣", 48, "D-18", tags=("无谷",))
    assert zh_guard(nuts, question="狗粮")(" 推荐青春无谷狗粮，售价¥449，主打无谷。")


def test_the_guard_accepts_the_reference_answers_the_model_is_trained_on() -> None:
    import re
    from collections import Counter

    from shopguide.training import corpus as corpus_mod
    from shopguide.training.pipeline import PRESETS

    refused: Counter[str] = Counter()
    records = corpus_mod.build(PRESETS["tiny"].corpus, None)
    for r in records:
        lang = "zh" if re.search(r"[\u4e00-\u9fff]", r.context.rsplit("Q:", 1)[-1]) else "en"
        guard, answer = guard_from_prompt(r.context, lang), " " + r.target.rstrip("\n")
        if not all(guard(answer[:i]) for i in range(1, len(answer) + 1)):
            refused[r.kind] += 1
    # What it was taught to say when nothing fits, to greet or to hand over, it may say...
    assert not refused["none"] and not refused["social"] and not refused["followup"], refused
    # ...and nearly every answer about products (names coined for this corpus trip a few).
    assert sum(refused.values()) <= 0.1 * len(records), refused


def test_a_bracket_closed_that_was_never_opened_is_refused() -> None:
    g = zh_guard()
    assert g(" 最适合您的是缓震跑鞋（云跃），价格¥459。")
    assert not g(" 缓震跑鞋售价¥459；云跃）")
    from shopguide.guide.fact_guard import _unopened

    assert not _unopened(" 几种方法：1）注册会员；2）用积分。")  # a numbered list opens nothing
    assert _unopened(" Try it) now") and not _unopened(" Try it (the A1) now")


# -- loops and debris the facts alone would let through -------------------------------------

def test_the_same_price_twice_in_a_sentence_or_thrice_in_an_answer_is_refused() -> None:
    g = zh_guard()
    assert g(" 缓震跑鞋售价¥459。")
    assert not g(" 缓震跑鞋售价¥459，¥459。")
    assert not en_guard()(" The Wildtrail Freedom Headlamp is $46.99, and it's $46.99.")
    assert g(" 缓震跑鞋售价¥459；轻风跑鞋售价¥299。")  # two products, two prices


def test_what_follows_a_feature_word_is_one_of_the_products_tags() -> None:
    g = zh_guard()  # 缓震跑鞋's tags: 缓震, 扁平足 ...
    tag = CUSHION.tags[0]
    assert g(f" 最适合您的是缓震跑鞋，主打{tag}")
    assert g(f" 最适合您的是缓震跑鞋，主打{tag[0]}")  # a tag being written
    assert not g(" 最适合您的是缓震跑鞋，主打瓦，")
    assert not g(f" 最适合您的是缓震跑鞋，特点是{tag}、云跃，")


def test_a_brand_after_a_name_is_that_products_own() -> None:
    other = Product("X-9", "逐浪儿童防晒泳衣", "泳衣", 149, "CNY", "逐浪", 10, "D4")
    aqua = Product("X-8", "竞速泳镜", "泳镜", 199, "CNY", "Aqualine", 6, "D3")
    g = zh_guard(other, aqua, question="儿童泳衣")
    assert g(" 推荐逐浪儿童防晒泳衣（逐浪），售价¥149。")
    assert not g(" 推荐逐浪儿童防晒泳衣（Aqualine）")
    assert not en_guard()(" The Wildtrail Freedom Headlamp by Snowpeak is")


def test_a_phrase_said_twice_in_one_sentence_is_refused() -> None:
    faq = FaqEntry("location", "店在哪里？", "本店位于新华路88号线上商场一层，凭小票在服务台登记车牌。")
    g = FactGuard(Facts.of([], [faq]), "zh", "店在哪里？")
    assert g(" 本店位于新华路88号线上商场一层。")
    assert not g(" 本店位于新华路88号线新华路88号线")


def test_a_name_said_in_this_sentence_is_not_begun_again_and_a_lead_in_gets_the_top_name() -> None:
    g = zh_guard()
    assert g.completion(" 最适合您的是") == CUSHION.name  # the opening names the top match
    assert g.completion(" 缓震跑鞋售价¥459；缓震") == ""  # the same name again: not dictated
    assert en_guard().completion(" I'd recommend the") == " Wildtrail Freedom Headlamp"


def test_an_unsure_model_is_not_shown_and_a_name_alone_is_no_sentence(guide_store) -> None:
    class Unsure(_Overruled):
        chosen_logprobs = [-0.2, -3.5, -2.0]  # mean below -1: it hardly believed its words

    class Model:
        context_length = 1024

        def __init__(self, stream):
            self.s = stream

        def count_tokens(self, t: str) -> int:
            return len(t)

        def stream(self, prompt, settings=None, cancel=None, guard=None):
            return self.s

    answer = "最适合您的是缓震跑鞋，适合扁平足，价格¥459。"
    assert not run(Engine(guide_store, Model(Unsure(answer, 0))), "适合扁平足的跑鞋")[-1].used_model
    sure = _Overruled(answer, 0)
    sure.chosen_logprobs = [-0.2, -0.5, -0.1]  # type: ignore[attr-defined]
    assert run(Engine(guide_store, Model(sure)), "适合扁平足的跑鞋")[-1].used_model
    done = run(Engine(guide_store, _model_writing("缓震跑鞋售价¥459；缓震跑鞋。")), "适合扁平足的跑鞋")[-1]
    assert done.used_model and done.text == "缓震跑鞋售价¥459。"  # the bare name dropped, ； closed


def test_a_feature_claimed_is_the_named_products_own_not_anothers() -> None:
    g = zh_guard()  # CUSHION and BREEZE have different tags
    own, other = CUSHION.tags[0], next(t for t in BREEZE.tags if t not in CUSHION.tags)
    assert g(f" 最适合您的是{CUSHION.name}，主打{own}。")
    assert not g(f" 最适合您的是{CUSHION.name}，主打{other}。")
    assert g(f" 也可以看看{BREEZE.name}，主打{other}。")


@pytest.mark.parametrize("answer, kept", [
    ("缓震跑鞋售价¥459，适合扁平足，可以请店员帮您看看。", False),  # in stock: no hand-over
    ("推荐缓震跑鞋，适合扁平足，价格¥459。", True),
])
def test_a_recommendation_does_not_run_into_a_hand_over(guide_store, answer, kept):
    done = run(Engine(guide_store, _model_writing(answer)), "适合扁平足的跑鞋")[-1]
    assert done.used_model is kept, done.text


def test_a_finished_name_does_not_run_on_with_its_own_words_or_a_bare_number() -> None:
    g = en_guard()
    assert g(" The Wildtrail Freedom Headlamp is $46.99.")
    assert not g(" The Wildtrail Freedom Headlamp Headlamp is")
    assert not g(" The Wildtrail Freedom Headlamp 8 is")


def test_a_name_with_only_an_article_is_no_sentence(guide_store) -> None:
    done = run(Engine(guide_store, _model_writing("The Cushion Running Shoe. 缓震跑鞋售价¥459。")),
               "适合扁平足的跑鞋")[-1]
    assert "The Cushion Running Shoe." not in done.text
