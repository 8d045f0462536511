"""How a good shop assistant says things, in several phrasings per situation, zh and en.

Every figure an answer states is copied from the facts exactly as the prompt
shows it (``¥459``, ``aisle A3`` / ``货架 A3``, ``库存 12 件`` / ``12 in stock``)
because the engine's verifier drops a sentence whose figure does not match.
"""

from __future__ import annotations

import random

from shopguide.guide.prompt import format_price
from shopguide.store.models import Product
from shopguide.text import has_cjk


def price(p: Product) -> str:
    return format_price(p.price, p.currency)


def _brand(p: Product, lang: str) -> str:
    if not p.brand:
        return ""
    return f"（{p.brand}）" if lang == "zh" else f" by {p.brand}"


def tags_in(p: Product, lang: str) -> list[str]:
    """The product's tags in the answer's language where it has some (bilingual tag lists)."""
    mine = [t for t in p.tags if has_cjk(t) == (lang == "zh")]
    return mine or list(p.tags)


def _why(rng: random.Random, p: Product, lang: str, tag: str | None) -> str:
    own = tags_in(p, lang)
    first = tag or (own[0] if own else None)
    tags = [t for t in own if t != first]
    if first is None:
        return "口碑不错" if lang == "zh" else "a popular choice"
    more = tags[:1] if rng.random() < 0.5 else []
    if lang == "zh":
        feats = "、".join([first] + more)
        return rng.choice((f"主打{feats}", f"特点是{feats}", f"{feats}，很合适", f"{feats}的特点正适合您"))
    feats = " and ".join([first] + more)
    return rng.choice((f"it's {feats}", f"it is {feats}", f"{feats}, which suits you"))


def where_stock(rng: random.Random, p: Product, lang: str) -> str:
    """Where it stands and how many are left, from the facts, or nothing where they are silent."""
    parts: list[str] = []
    if lang == "zh":
        if p.aisle:
            parts.append(rng.choice((f"在货架 {p.aisle}", f"位于货架 {p.aisle}", f"放在货架 {p.aisle}")))
        if p.stock is not None:
            parts.append(f"库存 {p.stock} 件" if p.stock else "目前缺货")
        return ("，".join(parts) + "。") if parts else ""
    if p.aisle:
        parts.append(rng.choice((f"It's in aisle {p.aisle}", f"You'll find it in aisle {p.aisle}",
                                 f"It's on aisle {p.aisle}")))
    if p.stock is not None:
        s = f"{p.stock} in stock" if p.stock else "it is out of stock right now"
        parts.append(s if parts else s[0].upper() + s[1:])
    return (", ".join(parts) + ".") if parts else ""


def recommend(rng: random.Random, p: Product, lang: str, tag: str | None) -> str:
    n, b, pr, why = p.display_name(lang), _brand(p, lang), price(p), _why(rng, p, lang, tag)
    ws = where_stock(rng, p, lang)
    if lang == "zh":
        head = rng.choice((
            f"推荐{n}{b}，售价{pr}，{why}。",
            f"最适合您的是{n}{b}，{why}，价格{pr}。",
            f"可以看看{n}{b}：{why}，{pr}。",
            f"我建议选{n}{b}，{why}，售价{pr}。",
        ))
    else:
        head = rng.choice((
            f"I'd recommend the {n}{b} at {pr}: {why}.",
            f"Your best match is the {n}{b}, {pr}; {why}.",
            f"Have a look at the {n}{b}. It costs {pr} and {why}.",
            f"The {n}{b} fits best: {why}, and it's {pr}.",
        ))
    return f"{head}{ws}" if lang == "zh" else f"{head} {ws}".strip()


def also(rng: random.Random, q: Product, lang: str) -> str:
    n, pr = q.display_name(lang), price(q)
    if lang == "zh":
        return rng.choice((f"另外也可以考虑{n}，{pr}。", f"备选还有{n}，售价{pr}。"))
    return rng.choice((f"Another option is the {n} at {pr}.", f"You could also consider the {n}, {pr}."))


def out_of_stock(rng: random.Random, p: Product, lang: str) -> str:
    n = p.display_name(lang)
    if lang == "zh":
        return rng.choice((f"抱歉，{n}目前缺货。", f"不好意思，{n}暂时卖完了。"))
    return rng.choice((f"Sorry, the {n} is out of stock right now.", f"I'm afraid the {n} is sold out at the moment."))


def greet_name(rng: random.Random, name: str, lang: str) -> str:
    if lang == "zh":
        return rng.choice((f"{name}您好！", f"您好，{name}！", f"{name}，欢迎再次光临！"))
    return rng.choice((f"Hi {name}!", f"Hello {name}, good to see you again!", f"Welcome back, {name}!"))


def nothing_fits(rng: random.Random, lang: str) -> str:
    if lang == "zh":
        return rng.choice((
            "抱歉，店里暂时没有符合您要求的商品。需要的话我可以请一位店员来帮您看看。",
            "不好意思，没有找到合适的商品。我可以帮您叫店员，看看有没有其他选择。",
            "很抱歉，目前没有符合条件的商品，要不要我请同事过来帮您？",
        ))
    return rng.choice((
        "Sorry, we don't have anything that fits that right now. I can ask a colleague to help you.",
        "I couldn't find a product that matches. Would you like me to call a member of staff?",
        "I'm afraid nothing in the store fits those requirements. A colleague may be able to help.",
    ))


def out_of_scope(rng: random.Random, lang: str) -> str:
    if lang == "zh":
        return rng.choice((
            "抱歉，这个问题我帮不上忙，我只能回答本店商品和服务的问题。需要的话可以请店员帮您。",
            "不好意思，我只了解本店的商品和政策，这个问题可以咨询店员。",
        ))
    return rng.choice((
        "Sorry, I can only help with this store's products and services. A colleague may be able to help with that.",
        "I'm afraid that's outside what I know; I can answer questions about our products and policies.",
    ))


def policy_text(answer: str, lang: str) -> str:
    """The part of a bilingual FAQ answer (one language per line) in the asker's language."""
    lines = [ln.strip() for ln in answer.splitlines() if ln.strip()]
    if len(lines) < 2:
        return answer.strip()
    mine = [ln for ln in lines if has_cjk(ln) == (lang == "zh")]
    return " ".join(mine) if mine else " ".join(lines)


def policy(rng: random.Random, answer: str, lang: str) -> str:
    answer = policy_text(answer, lang)
    if lang == "zh":
        return rng.choice((answer, f"本店规定：{answer}", f"是这样的，{answer}", f"{answer}还有其他问题随时问我。"))
    return rng.choice((answer, f"Our policy: {answer}", f"Sure. {answer}", f"{answer} Anything else I can help with?"))


def social(rng: random.Random, kind: str, lang: str, name: str | None) -> str:
    zh = {
        "hello": (f"{name}您好！有什么可以帮您？" if name else "您好！想找什么商品？我可以帮您推荐。",
                  f"您好，{name}！今天想看点什么？" if name else "您好，欢迎光临！有什么需要尽管问我。"),
        "thanks": ("不客气，祝您购物愉快！", "不用谢，有需要随时叫我。"),
        "bye": ("再见，欢迎下次光临！", "慢走，期待再次见到您！"),
        "staff": ("好的，我这就请店员过来帮您。", "没问题，马上为您叫一位店员。"),
    }
    en = {
        "hello": (f"Hello {name}! What can I help you find today?" if name else "Hello! What are you looking for today?",
                  f"Hi {name}, welcome back! How can I help?" if name else "Hi, welcome! Ask me about anything in the store."),
        "thanks": ("You're welcome, enjoy your shopping!", "My pleasure. Just ask if you need anything else."),
        "bye": ("Goodbye, see you next time!", "Thanks for visiting, have a nice day!"),
        "staff": ("Of course, I'll ask a colleague to come over.", "Sure, a member of staff will be right with you."),
    }
    return rng.choice((zh if lang == "zh" else en)[kind])
