"""Stock claims in a sentence: figures ("库存12件", "only 3 left") and words (有货, sold out,
plenty, a few left), each checked against the stock of the product it speaks of.

The verifier (verify.py) says which product a claim at some position belongs to; this
module reads the claims and judges them.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence

from shopguide.guide.figures import CN_NUM, cn_number
from shopguide.store.models import Product

# The products a claim between two positions may speak of (the verifier's reading).
Candidates = Callable[[int, int], Sequence[Product]]

_UNIT = r"(?:件|双|个|台|套|把|只|条|份)"
STOCK_NUM = [
    re.compile(rf"(?:库存|还有|还剩|剩|有货|现货)\s*(\d+(?:[.,]\d+)*)\s*{_UNIT}?"),
    re.compile(rf"(?<![\d.,])(\d+(?:[.,]\d+)*)\s*{_UNIT}?\s*(?:库存|现货|有货)"),
    re.compile(r"(?<![\d.,])(\d+(?:[.,]\d+)*)\s*(?:units?|pieces?|pcs|pairs?|items?)?\s*"
               r"(?:in stock|left|available|remaining)", re.I),
    re.compile(r"stock(?: level)?(?: of| is|:)?\s*(\d+(?:[.,]\d+)*)", re.I),
    # Written out: "还剩三件", "only three left".
    re.compile(rf"(?:库存|还有|还剩|剩)\s*({CN_NUM})\s*{_UNIT}"),
    re.compile(r"\b(one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|a dozen)\s+"
               r"(?:units?\s+|pieces?\s+|pairs?\s+|items?\s+)?(?:in stock|left|remaining)", re.I),
]
_WORD_NUM = {w: i for i, w in enumerate(
    "zero one two three four five six seven eight nine ten eleven twelve".split())}
_WORD_NUM["a dozen"] = 12
IN_STOCK = re.compile(r"有货|有现货|有库存|in stock|available now|\bavailable\b", re.I)
_NEGATED = re.compile(r"没有|没找到|未找到|找不到|\bno\b|\bnot\b|n't|\bnone\b", re.I)
_NOT_BEFORE = re.compile(r"(?:没|不|无|未|not\s+(?:yet\s+)?|n't\s+|no longer\s+|never\s+)\S{0,2}$", re.I)
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
    if raw.casefold() in _WORD_NUM:
        return _WORD_NUM[raw.casefold()]
    if re.fullmatch(CN_NUM, raw) and "点" not in raw:
        return int(cn_number(raw))
    return None  # "12.5", "1,2": no count of things


def check_stock(rest: str, candidates: Candidates) -> str | None:
    """None when every stock figure and claim in ``rest`` (names blanked) holds for the
    products ``candidates`` gives for its position, else why not."""
    for pat in STOCK_NUM:
        for m in pat.finditer(rest):
            raw = m.group(1)
            value = _count(raw)
            stocks = {p.stock for p in candidates(m.start(), m.end())}
            if value is None or value not in stocks:
                return f"stock figure {raw} is not in the facts"
    text = rest
    for pat, kind in ((_FEW, "few"), (_PLENTY, "plenty"), (OUT_STOCK, "out"), (IN_STOCK, "in")):
        for m in pat.finditer(text):
            if kind == "in" and _NOT_BEFORE.search(text[max(0, m.start() - 14):m.start()]):
                kind_here = "out"  # "没有货", "not in stock"
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
