"""Synthetic stores: many trades, brands, prices, aisles, stock, sizes, tags and policies.

A store is generated from one integer seed, so the corpus (and its split by
store) is reproducible. Stores are Chinese, English, or bilingual (Chinese
names with English translations), priced in CNY, USD, EUR or GBP.
"""

from __future__ import annotations

import random
from dataclasses import dataclass, field

from shopguide.store.models import Customer, FaqEntry, Product, StoreSettings
from shopguide.training.synth_vocab import (
    ADJ,
    COLORS,
    CUSTOMER_EN,
    CUSTOMER_ZH,
    SIZES,
    STORE_NAMES,
    TRADES,
    Kind,
    Trade,
)


@dataclass
class SynthStore:
    key: str  # stable id, e.g. "s0042"
    settings: StoreSettings
    trade: Trade
    products: list[Product]
    faqs: list[FaqEntry]
    customers: list[Customer] = field(default_factory=list)
    bilingual: bool = False

    @property
    def lang(self) -> str:
        return self.settings.language


_CURRENCY_RATE = {"CNY": 1.0, "USD": 1 / 7, "EUR": 1 / 7.8, "GBP": 1 / 9}


def _price(rng: random.Random, kind: Kind, currency: str) -> float:
    lo, hi = kind.price
    raw = rng.uniform(lo, hi) * _CURRENCY_RATE[currency]
    if currency == "CNY":
        whole = max(1, int(raw))
        style = rng.random()
        if style < 0.5:
            return float(whole // 10 * 10 + 9)  # ¥459
        if style < 0.8:
            return float(max(10, round(whole, -1)))  # ¥460
        return round(whole + rng.choice((0.5, 0.9)), 2)  # ¥39.9
    whole = max(1, int(raw))
    style = rng.random()
    if style < 0.6:
        return whole + 0.99  # $49.99
    if style < 0.85:
        return float(whole)  # $49
    return whole + rng.choice((0.5, 0.95, 0.49))


def _aisle(rng: random.Random, style: int) -> str:
    letter = rng.choice("ABCDEFGHJK")
    n = rng.randint(1, 24)
    # Shapes the verifier (guide/verify.py) recognises: A3, B07, C-12, D-05.
    return (f"{letter}{n}", f"{letter}{n:02d}", f"{letter}-{n}", f"{letter}-{n:02d}")[style]


def _sku(rng: random.Random, prefix: str, style: int) -> str:
    n = rng.randint(10, 9999)
    return (f"{prefix}-{n}", f"{prefix}{n:04d}", f"{prefix}-{n:03d}{rng.choice('ABCX')}")[style]


def _sizes(rng: random.Random, kind: Kind, lang: str) -> tuple[str, ...]:
    if not kind.sizes:
        return ()
    pool = SIZES["bed_en" if kind.sizes == "bed" and lang == "en" else kind.sizes]
    if len(pool) <= 4:
        return tuple(sorted(rng.sample(pool, rng.randint(1, len(pool))), key=pool.index))
    start = rng.randint(0, len(pool) - 3)
    return tuple(pool[start : start + rng.randint(2, min(10, len(pool) - start))])


def _product(rng: random.Random, kind: Kind, brand: tuple[str, str], sku: str, aisle: str,
             lang: str, bilingual: bool, currency: str, used: set[str],
             coin: random.Random | None = None, styler: random.Random | None = None) -> Product:
    for _ in range(20):
        adj = rng.choice(ADJ)
        if coin is not None and coin.random() < 0.5:
            adj = coined_pair(coin)
        feat = rng.choice(kind.features)
        zh = f"{brand[0]}{adj[0]}{feat[0]}{kind.noun[0]}"
        en = f"{brand[1]} {adj[1]} {kind.noun[1].title()}"
        if rng.random() < 0.3:
            num = rng.randint(1, 9)
            zh, en = f"{zh} {num}", f"{en} {num}"
        if styler is not None:
            zh, en = restyle(styler, zh, en, brand, adj, feat, kind)
        if (zh if lang == "zh" else en) not in used:
            break
    used.add(zh if lang == "zh" else en)
    others = [f for f in kind.features if f != feat]
    tags = [feat] + rng.sample(others, min(len(others), rng.randint(1, 3)))
    li = 0 if lang == "zh" else 1
    # Colours only where shoppers choose them (nobody picks a tea by colour).
    wears = kind.sizes in ("shoe", "kidshoe", "clothes", "bed") or kind.category[1].startswith(("Audio", "Smart"))
    colors = tuple(c[li] for c in rng.sample(COLORS, rng.randint(0, 3))) if wears else ()
    r = rng.random()
    stock = 0 if r < 0.12 else (None if r < 0.17 else rng.choice(
        (rng.randint(1, 9), rng.randint(10, 60), rng.randint(60, 300))))
    return Product(
        sku=sku,
        name=zh if lang == "zh" else en,
        name_en=en if (lang == "zh" and bilingual) else None,
        category=kind.category[li],
        price=_price(rng, kind, currency),
        currency=currency,
        brand=brand[li] if rng.random() > 0.05 else None,
        stock=stock,
        aisle=aisle if rng.random() > 0.05 else None,
        sizes=_sizes(rng, kind, lang),
        colors=colors,
        # Bilingual stores tag in both languages, as the demo store does.
        tags=tuple(t[li] for t in tags) + (tuple(t[1] for t in tags) if bilingual else ()),
        description="",
    )


def _model_number(rng: random.Random) -> str:
    letters = "".join(rng.choice("ABCDEFGHKMNPRSTVXZ") for _ in range(rng.randint(1, 3)))
    return rng.choice((f"{letters}-{rng.randint(10, 990)}", f"{letters}{rng.randint(1, 99)}",
                       f"{letters}{rng.randint(100, 9000)}"))


def restyle(rng: random.Random, zh: str, en: str, brand: tuple[str, str], adj: tuple[str, str],
            feat: tuple[str, str], kind: Kind) -> tuple[str, str]:
    """The name in one of the styles real catalogs use: brand first (as made), brand last,
    no brand, a model number, or a long title that lists features."""
    noun_zh, noun_en = kind.noun[0], kind.noun[1].title()
    other = rng.choice(kind.features)
    style = rng.choice(("as made", "brand last", "no brand", "model", "long"))
    if style == "brand last":
        return (f"{adj[0]}{feat[0]}{noun_zh}（{brand[0]}）",
                rng.choice((f"{adj[1]} {noun_en} by {brand[1]}", f"{adj[1]} {noun_en} - {brand[1]}")))
    if style == "no brand":
        return f"{adj[0]}{feat[0]}{noun_zh}", f"{adj[1]} {feat[1].title()} {noun_en}"
    if style == "model":
        m = _model_number(rng)
        return f"{brand[0]} {m} {feat[0]}{noun_zh}", f"{brand[1]} {m} {adj[1]} {noun_en}"
    if style == "long":
        return (f"{brand[0]}{adj[0]}{noun_zh} {feat[0]}{other[0]}款",
                f"{brand[1]} {noun_en} with {feat[1].title()} and {other[1].title()} Design")
    return zh, en


def _faqs(rng: random.Random, trade: Trade, lang: str, currency: str) -> list[FaqEntry]:
    from shopguide.training.synth_policies import policies

    entries = policies(rng, lang, currency)
    q, a = trade.guide
    li = 0 if lang == "zh" else 1
    entries.append(FaqEntry(id="guide", question=q[li], answer=a[li], tags=("guide",)))
    return entries


def _customers(rng: random.Random, trade: Trade, lang: str) -> list[Customer]:
    names = CUSTOMER_ZH if lang == "zh" else CUSTOMER_EN
    out = []
    for i, name in enumerate(rng.sample(names, 4)):
        sizes = {}
        if rng.random() < 0.6:
            sizes["shoe"] = str(rng.randint(36, 45))
        if rng.random() < 0.5:
            sizes["top"] = rng.choice(SIZES["clothes"])
        lo = rng.choice((None, 100, 200))
        hi = rng.choice((None, 500, 800, 1000))
        out.append(Customer(id=f"c{i}", name=name, sizes=sizes,
                            brands=(rng.choice(trade.brands)[0 if lang == "zh" else 1],)
                            if rng.random() < 0.4 else (),
                            budget_min=lo, budget_max=hi))
    return out


# Coined words: the model must learn to copy ANY name from the facts, not only the brands and
# words it has seen; a merchant's "云跃" or "Stridex" is new to it. Half the characters come
# from the corpus's own wording, half from the whole CJK block (rare ones are byte tokens).
_CJK_COMMON = sorted({ch for pair in ADJ for ch in pair[0]} | {
    ch for t in TRADES for b in t.brands for ch in b[0]})
_SYLLABLES = [c + v for c in "bcdfghjklmnprstvwxz" for v in ("a", "e", "i", "o", "u", "ai", "ou", "y")]


def _coined_zh(rng: random.Random, n: int) -> str:
    return "".join(rng.choice(_CJK_COMMON) if rng.random() < 0.5 else chr(rng.randint(0x4E00, 0x9FA5))
                   for _ in range(n))


def coined_pair(rng: random.Random) -> tuple[str, str]:
    """A new word in both languages (they need not mean the same: names are copied, not read)."""
    en = "".join(rng.choice(_SYLLABLES) for _ in range(rng.randint(2, 3)))
    if rng.random() < 0.3:
        en += rng.choice(("x", "n", "r", "s", "ex", "on"))
    return _coined_zh(rng, 2), en.title()


def make_store(seed: int, coined: float = 0.0, name_styles: bool = False) -> SynthStore:
    """``coined``: the chance that this store's brands and half its name words are coined.
    ``name_styles``: names in the styles real catalogs use (see ``restyle``), not only
    "brand + adjective + noun"."""
    crng = random.Random(seed * 7 + 1)  # its own stream: coined=0 gives the stores it always did
    coin = crng if crng.random() < coined else None
    styler = random.Random(seed * 11 + 3) if name_styles else None  # its own stream, too
    rng = random.Random(seed)
    trade = rng.choice(TRADES)
    r = rng.random()
    lang = "zh" if r < 0.5 else "en"
    bilingual = lang == "zh" and rng.random() < 0.4
    currency = "CNY" if lang == "zh" else rng.choice(("USD", "USD", "USD", "EUR", "GBP", "CNY"))
    prefix = "".join(rng.choice("ABCDEFGHKLMNPRSTW") for _ in range(rng.randint(2, 3)))
    sku_style, aisle_style = rng.randint(0, 2), rng.randint(0, 3)
    brands = rng.sample(trade.brands, rng.randint(3, len(trade.brands)))
    if coin is not None:
        brands = [coined_pair(coin) for _ in brands]
    products: list[Product] = []
    used_skus: set[str] = set()
    used_names: set[str] = set()
    for kind in trade.kinds:
        for _ in range(rng.randint(3, 8)):
            sku = _sku(rng, prefix, sku_style)
            while sku in used_skus:
                sku = _sku(rng, prefix, sku_style)
            used_skus.add(sku)
            products.append(_product(rng, kind, rng.choice(brands), sku, _aisle(rng, aisle_style),
                                     lang, bilingual, currency, used_names, coin, styler))
    sname = rng.choice(STORE_NAMES)[0 if lang == "zh" else 1] + " " + trade.name[0 if lang == "zh" else 1]
    return SynthStore(
        key=f"s{seed:05d}",
        settings=StoreSettings(name=sname, language=lang, currency=currency),
        trade=trade,
        products=products,
        faqs=_faqs(rng, trade, lang, currency),
        customers=_customers(rng, trade, lang),
        bilingual=bilingual,
    )
