"""Answers composed from the facts alone, in Chinese or English.

Used when no model is loaded, and as the stand-in whenever the model's words fail
verification. Every figure comes from the records passed in, so a composed answer
is grounded by construction. Wording varies with the situation (what was asked,
which constraints, stock, a follow-up) and, among equivalent phrasings, with the
question, so the assistant does not repeat one sentence all day.
"""

from __future__ import annotations

import zlib
import re
from collections.abc import Sequence

from shopguide.guide.prompt import format_price
from shopguide.text import fold, has_cjk, resources
from shopguide.guide.query import Query
from shopguide.guide.verify import aisle_code
from shopguide.store.models import FaqEntry, Product


def _pick(options: Sequence[str], seed: str) -> str:
    return options[zlib.crc32(seed.encode("utf-8")) % len(options)]


def _price(p: Product) -> str:
    return format_price(p.price, p.currency)


def _money(amount: float, currency: str) -> str:
    return format_price(amount, currency)


def _stock(p: Product, lang: str) -> str:
    if p.stock is None:
        return ""
    if p.stock == 0:
        return "暂时缺货" if lang == "zh" else "out of stock right now"
    return f"有货{p.stock}件" if lang == "zh" else f"{p.stock} in stock"


def _where(p: Product, lang: str) -> str:
    if not p.aisle:
        return ""
    # An aisle already written with its word ("Aisle 1", "货架A3") is shown as it is.
    worded = aisle_code(p.aisle) != p.aisle.strip().casefold()
    if lang == "zh":
        return f"在{p.aisle}" if worded else f"在{p.aisle}货架"
    return p.aisle if worded else f"aisle {p.aisle}"


def product_line(p: Product, lang: str) -> str:
    bits = [_price(p), _where(p, lang), _stock(p, lang)]
    bits = [b for b in bits if b]
    if lang == "zh":
        return f"{p.display_name(lang)}（{'，'.join(bits)}）"
    return f"{p.display_name(lang)} ({', '.join(bits)})"


def _brand_in(brand: str, products: Sequence[Product], lang: str) -> str:
    """The brand as the asker's language writes it: an English answer says "Nova", not
    "诺瓦", when every shown product of that brand has an English name starting with one word."""
    if lang != "en" or not _has_cjk(brand):
        return brand
    firsts = {(p.name_en or "").split()[0] for p in products if p.brand == brand and p.name_en}
    return next(iter(firsts)) if len(firsts) == 1 and not _has_cjk(next(iter(firsts))) else brand


def _constraint_words(q: Query, currency: str, lang: str,
                      products: Sequence[Product] = ()) -> str:
    zh = lang == "zh"
    words: list[str] = []
    if q.brand:
        words.append(_brand_in(q.brand, products, lang))
    if q.color:
        words.append(q.color)
    if q.size:
        words.append(f"{q.size}码" if zh else f"size {q.size}")
    lo, hi = q.min_price, q.max_price
    rec = q.cheaper_than
    if isinstance(rec, Product):
        # "Cheaper than the one recommended", never a ceiling the shopper did not say.
        words.append(f"比{rec.display_name(lang)}便宜" if zh else
                     f"cheaper than the {rec.display_name(lang)}")
    elif lo is not None and hi is not None:
        words.append(f"{_money(lo, currency)}–{_money(hi, currency)}")
    elif hi is not None:
        words.append(f"{_money(hi, currency)}以内" if zh else f"up to {_money(hi, currency)}")
    elif lo is not None:
        words.append(f"{_money(lo, currency)}以上" if zh else f"from {_money(lo, currency)}")
    if q.in_stock:
        words.append("有现货" if zh else "in stock")
    # Exclusions ("not Nova") are not restated: the cards show they hold, and a name the
    # answer leaves out would be the one word in it that no shown product carries.
    return ("、" if zh else ", ").join(words)


def _what(q: Query, lang: str) -> str:
    """What the shopper is after, in their language: the category, or the words they used
    for it when the store names it in the other language."""
    if q.category:
        leaf = q.category.split("/")[-1]
        if _has_cjk(leaf) == (lang == "zh"):
            return leaf
        said = q.category_said
        if said and _has_cjk(said) == (lang == "zh"):
            if lang == "en" and said.endswith("ing"):
                return f"{said} products"  # "swimming" names a pastime: no "swimmings"
            return said + ("s" if lang == "en" and not said.endswith("s") else "")
    return "商品" if lang == "zh" else "products"


def compose_find(q: Query, products: Sequence[Product], currency: str, lang: str,
                 cheap_ceiling: float | None = None) -> str:
    zh = lang == "zh"
    what = _what(q, lang)
    cons = _constraint_words(q, currency, lang, products)
    if not products:
        if zh:
            cond = f"符合条件（{cons}）的" if cons else ""
            return (f"抱歉，暂时没有找到{cond}{what}。可以放宽一下条件，或者让店员帮您看看。")
        cond = f" matching {cons}" if cons else ""
        return (f"Sorry, I couldn't find any {what}{cond}. "
                "You could loosen the conditions, or I can ask a staff member to help.")
    first = products[0]
    lines = [product_line(p, lang) for p in products]
    if zh:
        if q.cheaper:
            head = (f"比{q.cheaper_than.display_name(lang)}更便宜的有：" if isinstance(
            q.cheaper_than, Product) else "比刚才看的更便宜的有：")
        elif q.cheap and cheap_ceiling is not None:
            head = f"实惠一些的{what}（{_money(cheap_ceiling, currency)}以内）有："
        elif cons:
            head = _pick((f"为您找到{cons}的{what}：", f"{cons}的{what}，推荐这几款：",
                          f"符合{cons}的{what}有："), q.text)
        else:
            head = _pick((f"为您推荐这几款{what}：", f"这几款{what}比较合适：",
                          f"看看这些{what}："), q.text)
        body = "；".join(lines) + "。"
        tail = ""
        if first.stock == 0:
            tail = "第一款暂时缺货，可以请店员帮您调货。"
        elif len(products) > 1:
            tail = _pick(("想了解哪一款，可以直接问我。", "需要比较一下的话，跟我说一声。", ""), q.text)
        return head + body + tail
    if q.cheaper:
        head = (f"Cheaper than the {q.cheaper_than.display_name(lang)}: " if isinstance(
            q.cheaper_than, Product) else "Here are cheaper options than the ones you just saw: ")
    elif q.cheap and cheap_ceiling is not None:
        head = f"Some of our more affordable {what} (up to {_money(cheap_ceiling, currency)}): "
    elif cons:
        head = _pick((f"Here are {what} {cons}: ", f"These {what} fit {cons}: ",
                      f"For {cons}, I'd suggest: "), q.text)
    else:
        head = _pick((f"Here are some {what} you might like: ", f"I'd suggest these {what}: ",
                      "Take a look at these: "), q.text)
    body = "; ".join(lines) + "."
    tail = ""
    if first.stock == 0:
        tail = " The first one is out of stock; a staff member can check for more."
    elif len(products) > 1:
        tail = _pick((" Ask me about any of them.", " Want me to compare them?", ""), q.text)
    return head + body + tail


def compose_missing(q: Query, missing: Sequence[Product], alternatives: Sequence[Product],
                    currency: str, lang: str) -> str:
    """A follow-up asked for a size or colour that what was shown does not come in."""
    zh = lang == "zh"
    want = [w for w in ((f"{q.size}码" if zh else f"size {q.size}") if q.size else "",
                        q.color or "") if w]
    said = ("、" if zh else " or ").join(want)
    one = len(missing) == 1
    what = _what(q, lang) if q.category else ("商品" if zh else "products")
    if zh:
        who = missing[0].display_name(lang) if one else "刚才那几款"
        head = f"抱歉，{who}{'' if one else '都'}没有{said}的。"
        if alternatives:
            return head + f"有{said}的{what}，可以看看这几款：" + "；".join(
                product_line(p, lang) for p in alternatives) + "。也可以请店员帮您查查调货。"
        return head + f"店里暂时没有{said}的同类商品，可以请店员帮您查查调货或推荐别的款式。"
    who = missing[0].display_name(lang) if one else "none of the ones I showed"
    head = (f"Sorry, {who} doesn't come in {said}." if one else
            f"Sorry, {who} come in {said}.")
    head = head[0].upper() + head[1:]
    if alternatives:
        return head + f" These {what} do: " + "; ".join(
            product_line(p, lang) for p in alternatives) + ". A staff member can also check " \
            "for more."
    return head + (f" We have no other {what} in {said} right now; a staff member can check "
                   "other options or order one in for you.")


def compose_positions(shown: Sequence[Product], lang: str) -> str:
    """A follow-up named a position past the list: the positions there are, by name."""
    n = len(shown)
    if n == 1:
        name = shown[0].display_name(lang)
        return (f"刚才只推荐了1款：{name}。" if lang == "zh" else
                f"I showed just one: {name}. Shall I look for more?")
    if lang == "zh":
        names = "；".join(f"第{i}个是{p.display_name(lang)}" for i, p in enumerate(shown, 1))
        return f"刚才只推荐了{n}款，是第1到第{n}个：{names}。您想看哪一个？"
    names = "; ".join(f"{i}. {p.display_name(lang)}" for i, p in enumerate(shown, 1))
    return f"I showed {n}, numbered 1 to {n}: {names}. Which one did you mean?"


def compose_which_product(lang: str) -> str:
    """A question about a product that names none, with none shown: ask which."""
    if lang == "zh":
        return "您问的是哪一款商品呢？告诉我商品名称，或者您想找什么样的东西，我来帮您查。"
    return ("Which product do you mean? Tell me its name, or what you're looking for, and "
            "I'll check it for you.")


def compose_locate(q: Query, products: Sequence[Product], lang: str) -> str:
    zh = lang == "zh"
    if not products:
        return ("抱歉，没有找到您说的商品，可以请店员帮您找一找。" if zh else
                "Sorry, I couldn't find that item. A staff member can help you look for it.")
    sentences = []
    for p in products[:3]:
        name = p.display_name(lang)
        where = _where(p, lang)
        if zh:
            place = where or "位置请咨询店员"
            stock = {None: "库存请咨询店员", 0: "目前缺货"}.get(
                p.stock, f"目前有货，还有{p.stock}件")
            sentences.append(f"{name}（{_price(p)}）{place}，{stock}。")
        else:
            place = f"is in {where}" if where else "has no aisle on record (a staff member knows)"
            stock = {None: "stock is not recorded", 0: "it is out of stock right now"}.get(
                p.stock, f"{p.stock} in stock")
            sentences.append(f"{name} ({_price(p)}) {place}; {stock}.")
    return ("" if zh else " ").join(sentences)


def compose_detail(products: Sequence[Product], lang: str) -> str:
    zh = lang == "zh"
    out = []
    for p in products:
        bits = [product_line(p, lang)]
        if p.sizes:
            bits.append(("尺码：" if zh else "sizes: ") + "/".join(p.sizes))
        if p.colors:
            bits.append(("颜色：" if zh else "colours: ") + "/".join(colors_in(p, lang)))
        desc = p.description_zh if zh and p.description_zh else (
            p.description_en if not zh and p.description_en else p.description)
        text = ("，".join(bits) if zh else ", ".join(bits))
        out.append(text + ("。" if zh else ". ") + (desc.strip() + (" " if not zh else "") if desc else ""))
    return "".join(out).strip()


def compose_compare(products: Sequence[Product], lang: str) -> str:
    zh = lang == "zh"
    if len(products) < 2:
        return ("需要至少两款商品才能比较，先告诉我您在看什么吧。" if zh else
                "I need at least two products to compare; tell me what you're looking at.")
    parts = [product_line(p, lang) for p in products]
    cheapest = min(products, key=lambda p: p.price)
    if zh:
        text = "对比一下：" + "；".join(parts) + "。"
        text += f"{cheapest.display_name(lang)}最便宜。"
    else:
        text = "Side by side: " + "; ".join(parts) + "."
        text += f" {cheapest.display_name(lang)} is the least expensive."
    shared = set(products[0].tags).intersection(*(set(p.tags) for p in products[1:]))
    for p in products:
        own = [t for t in tags_in(p, lang) if t not in shared][:3]
        if own:
            text += (f"{p.display_name(lang)}的特点：{'、'.join(own)}。" if zh else
                     f" {p.display_name(lang)}: {', '.join(own)}.")
    return text


def compose_faq(f: FaqEntry, lang: str, seed: str) -> str:
    """The store's answer as written; of a bilingual answer (one language per line), the
    lines in the asker's language."""
    lines = [ln.strip() for ln in f.answer.splitlines() if ln.strip()]
    mine = [ln for ln in lines if (_has_cjk(ln) if lang == "zh" else not _has_cjk(ln))]
    chosen = mine if mine and len(mine) < len(lines) else lines
    return ("" if lang == "zh" else " ").join(chosen)


def faq_phrasing(faq: FaqEntry, lang: str) -> str:
    """The FAQ question in ``lang`` when the store wrote an alternate in it, else as written
    (the card's title and the CLI's label for an English asker of a Chinese store)."""
    if lang == "en" and not _is_english(faq.question):
        for alt in faq.alternates:
            if _is_english(alt) and len(alt.split()) >= 3:
                return alt[:1].upper() + alt[1:] + ("" if alt.endswith("?") else "?")
    if lang == "zh" and not _has_cjk(faq.question):
        for alt in faq.alternates:
            if _has_cjk(alt) and len(alt) >= 4:
                return alt + ("" if alt.endswith(("？", "?")) else "？")
    return faq.question


def _is_english(text: str) -> bool:
    return bool(text) and all(ord(ch) < 0x2E80 for ch in text)


def tags_in(p: Product, lang: str) -> list[str]:
    """The product's tags in the asker's language (bilingual stores tag in both: "缓震,
    cushioned"), or all of them when none is."""
    mine = [t for t in p.tags if _has_cjk(t) == (lang == "zh")]
    return mine or list(p.tags)


def colors_in(p: Product, lang: str) -> list[str]:
    """Colours as the asker says them: the store's own word when it is in their language,
    else the common name of that colour (黑色 → black, navy → 藏青)."""
    out = []
    for c in p.colors:
        canon = next((k for k, words in resources.colors().items() if fold(c) in words), None)
        if canon and _has_cjk(c) != (lang == "zh"):
            c = next((w for w in resources.colors()[canon] if _has_cjk(w)), c) if lang == "zh" else canon
        out.append(c)
    return out


_has_cjk = has_cjk


_AVAILABILITY = re.compile(
    r"(?:do you (?:sell|have|carry|stock)|have you got|can i (?:buy|get))\s+(?:any\s+)?"
    r"(?P<en>[^?.!]{2,40}?)\s*(?:here|in stock)?\s*(?:[?.!]|$)"
    r"|(?:有没有卖?|有卖|卖不卖|(?:你们|店里|这里)(?:有|卖))(?P<zh>[^？?。！!，,]{1,20}?)(?:吗|呢|[？?。！!]|$)",
    re.I)


def compose_not_found(text: str, lang: str, categories: Sequence[str]) -> str | None:
    """"Do you sell golf clubs?" with nothing that fits: say so about that thing, and what the
    store does carry, rather than "I can't help with that"."""
    m = _AVAILABILITY.search(text)
    thing = (m.group("en") or m.group("zh") or "").strip() if m else ""
    if not thing:
        return None
    mine = [c for c in categories if _has_cjk(c) == (lang == "zh")][:8]
    if lang == "zh":
        carry = f"本店主要有{'、'.join(mine)}等商品；" if mine else ""
        return f"抱歉，店里没有找到{thing}。{carry}需要的话，我可以请店员帮您再看看。"
    carry = f" We mainly carry {', '.join(mine)}." if mine else ""
    return (f"Sorry, I couldn't find {thing} in our catalog.{carry} A staff member can help "
            "if you are looking for something else.")


def compose_social(intent: str, lang: str, store_name: str, seed: str) -> str:
    zh = lang == "zh"
    if intent == "greeting":
        return _pick((f"您好，欢迎光临{store_name}！想找什么商品，尽管问我。",
                      f"您好！我是{store_name}的导购助手，可以帮您找商品、查库存和位置。"), seed) if zh else \
            _pick((f"Hello, welcome to {store_name}! What are you looking for today?",
                   f"Hi! I can help you find products, check stock and aisles at {store_name}."),
                  seed)
    if intent == "thanks":
        return _pick(("不客气！还需要什么随时问我。", "不用谢，祝您购物愉快！"), seed) if zh else \
            _pick(("You're welcome! Ask me anytime.", "Happy to help. Enjoy your shopping!"), seed)
    if intent == "goodbye":
        return _pick(("再见，欢迎下次光临！", "慢走，期待您再来！"), seed) if zh else \
            _pick(("Goodbye, and thanks for visiting!", "Bye for now. See you next time!"), seed)
    if intent == "remark":
        return _pick(("是呀～想了解哪一款，或者还需要别的，尽管问我。", "嗯嗯，还有什么想看的，随时告诉我。"), seed) \
            if zh else _pick(("Glad you think so! Ask me about any of them, or anything else.",
                              "Noted. Anything else you'd like to look at?"), seed)
    if intent == "identity":
        return (f"我是{store_name}的自动导购助手，不是真人，只根据本店的商品和政策回答。需要真人的话，我可以请店员过来。"
                if zh else
                f"I'm {store_name}'s automated shopping assistant, not a person; I answer from "
                "the store's own products and policies. I can call a staff member if you like.")
    if intent == "staff":
        return ("好的，我这就请店员过来帮您，请稍等。" if zh else
                "Of course. I'll ask a staff member to come and help you; it won't be long.")
    return ("抱歉，这个问题我答不上来——我只能回答本店商品和服务方面的问题。需要的话，我可以请店员来帮您。"
            if zh else
            "Sorry, I can't help with that: I can only answer questions about this store's "
            "products and services. Would you like me to call a staff member?")


def compose_attribute(p: Product, clause: str | None, question: str, lang: str) -> str:
    """An answer about one product's attribute, from its own words, or saying plainly that
    the catalog does not state it (never a guess), quoting what was asked."""
    zh = lang == "zh"
    name = p.display_name(lang)
    line = product_line(p, lang)
    if clause:
        return (f"关于{name}，商品资料是这样写的：{clause.rstrip('。')}。{line}。" if zh else
                f"About the {name}, the catalog says: {clause.rstrip('.')}. {line}.")
    quote = asked_quote(question)
    return (f"关于“{quote}”，{name}的商品资料里没有写明，我不能替它作答；可以请店员帮您确认。{line}。"
            if zh else
            f"On “{quote}”, the catalog doesn't say for the {name}, so I can't tell you for "
            f"sure; a staff member can check. {line}.")


QUOTED = 60  # characters of a shopper's question quoted back


def asked_quote(question: str) -> str:
    """The question as quoted back: one line and one sentence (its own sentence marks become
    commas, so the quote stays inside the sentence that says the catalog is silent on it),
    without its closing mark, cut to QUOTED ("...", which ends no sentence before the ”)."""
    text = " ".join(question.split())
    text = re.sub(r"[。！？；…]+", "，", text)
    text = re.sub(r"[!?;]+|\.(?=\s|$)", ",", text).rstrip("，, ")
    return text if len(text) <= QUOTED else text[:QUOTED - 3].rstrip() + "..."
