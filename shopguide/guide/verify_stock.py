"""Stock claims in a sentence: figures ("库存12件", "only 3 left") and words (有货, sold out,
plenty, a few left), each checked against the stock of the product it speaks of.

The verifier (verify.py) says which product a claim at some position belongs to; this
module reads the claims and judges them.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence

from shopguide.guide.figures import CN_NUM, EN_NUM, cn_number, en_number, has_numeral
from shopguide.store.models import Product

# The products a claim between two positions may speak of (the verifier's reading).
Candidates = Callable[[int, int], Sequence[Product]]

_UNIT = r"(?:件|双|个|台|套|把|只|条|份)"
_DIGITS = r"(\d+(?:[.,]\d+)*)(?!\d|[.,]\d)"  # read whole: "12.5" is no count, not "12"
_CLAUSE_END = r"(?=\s*(?:[,，。.;；!！?？、)）]|$))"
# What a number after 还有/剩/库存 counts when it is no stock: sizes, colours, days, money.
_NOT_COUNT = (r"(?!\s*" + _UNIT + r"?\s*(?:码|号|种|款|色|颜色|尺码|型号|天|日|周|星期|小时|分钟|秒|月|年|"
              r"岁|元|块|%|折|米|厘米|毫米|克|公斤|千克|斤|升|毫升|倍|次|人|位|"
              r"%|percent|days?|weeks?|months?|years?|hours?|minutes?|sizes?|colou?rs?|styles?|"
              r"models?|yuan|kuai|dollars?|bucks|rmb|cny|times?|more\b|of\b))")
# Words that lead a stock figure in Chinese, with what may stand between: "库存：12件",
# "库存为12", "库存数量是12", "目前库存现在 12 件", "现货12双".
_ZH_LEAD = (r"(?:库存|现货|存货)(?:数量|量|数)?\s*(?:现在|目前|还|仅|只)?\s*"
            r"(?:[:：=]|为|是|有|剩|约|共|仅有|只有)?\s*")
_EN_LEAD = (r"(?<![a-z])(?:stock(?:\s+(?:level|count|quantity))?(?:\s+(?:of|for)(?:\s+the)?)?|"
            r"in\s+stock|on\s+hand|inventory)(?:'s)?(?:\s+(?:now|today|currently|right\s+now))?\s*"
            r"(?:[:：=]|(?:is|are|stands)(?:\s+(?:now|currently|at|only|just))*|of)?\s*")
# "two available sizes" counts sizes, not what is on the shelf.
_EN_LEFT = (r"(?:(?:are|is)\s+)?(?:in stock|left|available|remaining)"
            r"(?!\s+(?:sizes?|colou?rs?|styles?|models?|options?|versions?|designs?)\b)")
# "24 of the Kettle in stock": the product's name is blanked to spaces, so only spaces stand
# between "the" and "in stock" ("3 of the colours are in stock" counts colours).
_OF_IT = r"(?:\s+of\s+(?:the|these|those|them|it|this)(?=\s{2,}|\s+(?:are|is|in|left)\b))?"
STOCK_NUM = [
    re.compile(_ZH_LEAD + _DIGITS + _NOT_COUNT),
    re.compile(rf"(?:还有|还剩|仅剩|只剩|剩|有货)\s*{_DIGITS}{_NOT_COUNT}"),
    # (An amount of money is no count: "gift cards from $10 to $500 are available".)
    re.compile(rf"(?<![\d.,$¥€£]){_DIGITS}\s*{_UNIT}?\s*(?:库存|现货|有货)"),
    re.compile(rf"(?<![\d.,A-Za-z$¥€£]){_DIGITS}\s*(?:units?|pieces?|pcs|pairs?|items?)?{_OF_IT}\s*"
               rf"{_EN_LEFT}", re.I),
    re.compile(_EN_LEAD + _DIGITS + _NOT_COUNT, re.I),
    # Written out: "还剩三件", "库存为十二", "only three left", "stock: twelve".
    re.compile(rf"{_ZH_LEAD}({CN_NUM})(?:\s*{_UNIT}|{_CLAUSE_END})"),
    re.compile(rf"(?:还有|还剩|仅剩|只剩|剩)\s*({CN_NUM})\s*{_UNIT}"),
    re.compile(rf"({EN_NUM})(?:\s+(?:units?|pieces?|pairs?|items?))?{_OF_IT}\s+{_EN_LEFT}", re.I),
    re.compile(rf"{_EN_LEAD}({EN_NUM})(?:\s+(?:units?|pieces?|pairs?|items?)\b|{_CLAUSE_END})",
               re.I),
]
IN_STOCK = re.compile(r"有货|有现货|有库存|in stock|available now|\bavailable\b", re.I)
_NEGATED = re.compile(r"没有|没找到|未找到|找不到|\bno\b|\bnot\b|n't|\bnone\b", re.I)
_NOT_BEFORE = re.compile(r"(?:没|不|无|未|not\s+(?:yet\s+)?|n't\s+|no longer\s+|never\s+)\S{0,2}$", re.I)
# "别担心断货", "不会卖完", "isn't sold out": an out-of-stock word denied says it is in stock.
_NOT_OUT_BEFORE = re.compile(r"(?:不会|不用担心|别担心|不必担心|不怕|没有|并未|尚未|还没|没)[^，。,.;；\s]{0,2}$|"
                             r"(?:not\s+(?:yet\s+)?|n't\s+(?:yet\s+)?|never\s+)(?:been\s+)?$", re.I)
OUT_STOCK = re.compile(r"缺货|无货|没货|卖完|售罄|断货|out of stock|sold out|unavailable", re.I)
# How much is left, in words. "Plenty" needs at least PLENTY; "a few left" at most FEW.
PLENTY, FEW = 10, 5
_PLENTY = re.compile(
    r"(?:plenty|lots|loads|tons|a lot)\s+(?:of\s+(?:them\s+|stock\s+)?)?(?:in\s+stock|left|available)|"
    r"plenty of stock|lots of stock|well[- ]stocked|fully stocked|in good supply|ample stock|"
    r"(?:库存|货源|现货|货量)(?:很|非常|十分)?(?:充足|充裕|很多|多|足)|货很多|有很多货|大量(?:现货|库存)|"
    r"多得是|管够|有的是货|"
    r"有很多(?!款|种|颜色|色|尺码|码|选择|优点|功能|特点|人|好评|型号|样式|风格)", re.I)
_FEW = re.compile(
    r"(?:only\s+)?a few left|few left|almost (?:gone|sold out)|selling (?:out )?fast|limited stock|"
    r"low (?:in )?stock|last few|running (?:low|out)|库存紧张|库存不多|所剩无几|(?:仅|只)剩(?:几|不多)|"
    r"剩(?:的)?不多|不多了|快(?:要)?(?:卖完|没了|断货|售罄)|即将(?:售罄|断货)", re.I)


def states_stock(text: str) -> bool:
    """Does the text state a stock figure or make a stock claim?"""
    return any(p.search(text) for p in (IN_STOCK, OUT_STOCK, _PLENTY, _FEW, *STOCK_NUM))


def _count(raw: str) -> int | None:
    if raw.isdigit():
        return int(raw)
    if re.fullmatch(r"\d{1,3}(?:,\d{3})+", raw):
        return int(raw.replace(",", ""))  # "1,200"
    if re.fullmatch(CN_NUM, raw) and "点" not in raw:
        return int(cn_number(raw))
    if re.fullmatch(EN_NUM, raw, re.I):
        return int(en_number(raw))
    return None  # "12.5", "1,2": no count of things


_SIZE_WORD = re.compile(r"(?<![a-z])(?:sizes?|eu|us|uk)(?![a-z])|码", re.I)
_CLAUSE = re.compile(r"[,，。;；!！?？]")


def _a_size(text: str, start: int, raw: str, cands: Sequence[Product]) -> bool:
    """"Sizes 40 and 41 are in stock", "40、41码有货": the number is one of the product's
    sizes, with a size word before it in its clause, not a count."""
    clause = _CLAUSE.split(text[:start])[-1]
    return bool(_SIZE_WORD.search(clause)) and any(raw in p.sizes for p in cands)


# The four claim patterns as one, to pass by text that makes no stock claim with one search.
_ANY_CLAIM = re.compile("|".join(f"(?:{p.pattern})" for p in (_FEW, _PLENTY, OUT_STOCK, IN_STOCK)),
                        _FEW.flags)


def check_stock(rest: str, candidates: Candidates) -> str | None:
    """None when every stock figure and claim in ``rest`` (names blanked) holds for the
    products ``candidates`` gives for its position, else why not."""
    for pat in STOCK_NUM if has_numeral(rest) else ():
        for m in pat.finditer(rest):
            raw = m.group(1)
            value = _count(raw)
            cands = candidates(m.start(), m.end())
            if _a_size(rest, m.start(1), raw, cands):
                continue
            stocks = {p.stock for p in cands}
            if value is None or value not in stocks:
                return f"stock figure {raw} is not in the facts"
    if not _ANY_CLAIM.search(rest):
        return None  # no stock word at all: the four claim patterns below would find nothing
    text = rest
    for pat, kind in ((_FEW, "few"), (_PLENTY, "plenty"), (OUT_STOCK, "out"), (IN_STOCK, "in")):
        for m in pat.finditer(text):
            before = text[max(0, m.start() - 14):m.start()]
            if kind == "in" and _NOT_BEFORE.search(before):
                kind_here = "out"  # "没有货", "not in stock"
            elif kind == "out" and _NOT_OUT_BEFORE.search(before):
                kind_here = "in"
            else:
                kind_here = kind
            why = _stock_claim(kind_here, candidates(m.start(), m.end()), text)
            if why:
                return why
        text = pat.sub(lambda m: " " * len(m.group(0)), text)  # each claim read once
    return None


def _stock_claim(kind: str, cands: Sequence[Product], text: str) -> str | None:
    stocks = [p.stock for p in cands]
    if kind == "in":
        if cands and all(s == 0 for s in stocks):
            return "claims in stock, but the facts say out of stock"
        if not cands and not _NEGATED.search(text):
            return "claims in stock with no product in the facts"
    elif kind == "out":
        if cands and all(s != 0 for s in stocks):
            return "claims out of stock, but the facts say otherwise"
    elif kind == "plenty":
        if not any(s is not None and s >= PLENTY for s in stocks):
            return "claims plenty in stock, but the facts say otherwise"
    elif not any(s is not None and 0 < s <= FEW for s in stocks):
        return "claims only a few left, but the facts say otherwise"
    return None
