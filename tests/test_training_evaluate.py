"""The quality metrics catch wrong figures, lost policies and loops."""

from __future__ import annotations

from types import SimpleNamespace

from shopguide.training.evaluate import (
    check_figures,
    evaluate,
    fact_names,
    facts_of,
    loops,
    policy_kept,
)

CTX = ("Facts:\n[RS-104] 云跃缓震跑鞋 | brand 云跃 | price ¥459 | stock 12 | aisle A3\n"
       "[RS-105] Trail Runner | price $49.99 | stock 0 | aisle B-07\n"
       "[FAQ returns] 退货？ => 购物后30天内凭小票可退货。\nQ: 有跑鞋吗？\nA:")


def test_right_figures_pass_and_planted_wrong_ones_are_counted():
    facts = facts_of(CTX)
    assert check_figures("推荐云跃缓震跑鞋，售价¥459，在货架 A3，库存 12 件。", facts) == (3, 3)
    assert check_figures("The Trail Runner is $49.99, aisle B-07.", facts) == (2, 2)
    assert check_figures("推荐云跃缓震跑鞋，售价¥399。", facts) == (1, 0)
    assert check_figures("在货架 C9，库存 13 件。", facts) == (2, 0)
    assert check_figures("It has 40 in stock.", facts) == (1, 0)


def test_loops_and_unfinished_answers_are_flagged():
    assert loops("好的好的好的好的好的好的好的好的好的好的好的好的", True)
    assert loops("A fine answer.", False)
    assert not loops("推荐云跃缓震跑鞋，售价¥459，在货架 A3。", True)
    compare = "The Trail Runner 2 is $49.99; the Trail Runner is $39.99. Go for the Trail Runner."
    assert loops(compare, True)  # without the names, the shared prefix looks repeated
    assert not loops(compare, True, fact_names(CTX + "\n[RS-9] Trail Runner 2 | price $49.99"))
    assert loops("a mat and a mat and a mat and a mat and a mat", True, fact_names(CTX))


def test_policy_kept_needs_the_figures_and_the_wording():
    policy = "购物后30天内凭小票可退货。"
    assert policy_kept("本店规定：购物后30天内凭小票可退货。", policy)
    assert not policy_kept("购物后7天内凭小票可退货。", policy)
    assert not policy_kept("可以退货。", policy)


def test_evaluate_scores_a_fake_answerer():
    recs = [SimpleNamespace(context=CTX, target=" x", kind="recommend", top="云跃缓震跑鞋", faq=None),
            SimpleNamespace(context=CTX, target=" x", kind="policy", top=None,
                            faq="购物后30天内凭小票可退货。"),
            SimpleNamespace(context="Q: 今天天气？\nA:", target=" x", kind="none", top=None, faq=None)]
    answers = iter([("推荐云跃缓震跑鞋，售价¥459。", True), ("购物后30天内凭小票可退货。", True),
                    ("售价¥10。", True)])
    s = evaluate(recs, lambda _ctx: next(answers)).summary()
    assert s["top_product_named"] == 1.0 and s["policy_kept"] == 1.0
    assert s["figures_right"] == 0.5  # ¥459 right, ¥10 invented
    assert s["none_without_figures"] == 0.0 and s["no_loop"] == 1.0
