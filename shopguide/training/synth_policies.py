"""Store policies for synthetic stores: returns, delivery, membership, hours, warranty…

Each policy carries figures (days, amounts, times) drawn at random, so the
model learns to restate the figures of the policy in its prompt rather than
remember a typical one.
"""

from __future__ import annotations

import random

from shopguide.guide.prompt import format_price
from shopguide.store.models import FaqEntry


def policies(rng: random.Random, lang: str, currency: str) -> list[FaqEntry]:
    days = rng.choice((7, 14, 15, 30, 60, 90))
    free = format_price(rng.choice((49, 99, 199, 299)) if currency == "CNY" else rng.choice((25, 35, 50)), currency)
    open_h, close_h = rng.choice((8, 9, 10)), rng.choice((20, 21, 22))
    months = rng.choice((6, 12, 24))
    rate = rng.choice((1, 2, 5))
    hours = rng.choice((1, 2, 3))
    zh = lang == "zh"
    rows = [
        ("returns",
         ("退货政策是什么？", "What is your return policy?"),
         (f"购物后{days}天内凭小票可退货，商品需保持完好。",
          f"You can return items within {days} days with the receipt, in their original condition."),
         ("可以退货吗", "怎么退换", "能退吗") if zh else ("can I return this", "refund", "exchange")),
        ("delivery",
         ("可以送货上门吗？", "Do you deliver?"),
         (f"满{free}免费送货，一般2到3天送达。", f"Delivery is free over {free} and usually takes 2 to 3 days."),
         ("运费多少", "包邮吗") if zh else ("shipping cost", "free shipping")),
        ("hours",
         ("营业时间是几点？", "What are your opening hours?"),
         (f"每天{open_h}:00到{close_h}:00营业，节假日照常。",
          f"We are open every day from {open_h}:00 to {close_h}:00, holidays included."),
         ("几点关门", "几点开门") if zh else ("when do you close", "when do you open")),
        ("members",
         ("会员有什么优惠？", "What do members get?"),
         (f"会员每消费1元积{rate}分，生日当月享9折。",
          f"Members earn {rate} points per unit spent and get 10% off in their birthday month."),
         ("怎么办会员", "积分怎么用") if zh else ("loyalty card", "points")),
        ("warranty",
         ("保修多久？", "How long is the warranty?"),
         (f"所有商品保修{months}个月，凭小票免费维修。",
          f"Everything carries a {months}-month warranty; repairs are free with the receipt."),
         ("坏了怎么办", "售后") if zh else ("it broke", "repair")),
        ("payment",
         ("支持哪些付款方式？", "How can I pay?"),
         ("支持现金、银行卡、微信和支付宝。", "We take cash, cards and mobile payments."),
         ("能刷卡吗", "可以用微信吗") if zh else ("do you take cards", "cash")),
        ("parking",
         ("有停车位吗？", "Is there parking?"),
         (f"地下停车场购物满额可免费停车{hours}小时。",
          f"Shoppers park free for {hours} hours in the underground car park."),
         ("停车收费吗",) if zh else ("car park",)),
        ("pricematch",
         ("可以比价吗？", "Do you price match?"),
         (f"购买后{min(days, 14)}天内发现同款更低价，可退差价。",
          f"If you find the same item cheaper within {min(days, 14)} days, we refund the difference."),
         ("能便宜点吗", "价格保护") if zh else ("cheaper elsewhere",)),
    ]
    rng.shuffle(rows)
    li = 0 if zh else 1
    keep = rows[: rng.randint(4, len(rows))]
    return [FaqEntry(id=fid, question=q[li], answer=a[li], alternates=tuple(alts))
            for fid, q, a, alts in keep]
