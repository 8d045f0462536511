"""Understanding: a shopper's text (plus the conversation so far) → a ``Query``.

Store words (categories, brands, tags, sizes, colours) come from ``StoreVocab``;
only language-level words live in ``lexicon.py`` and ``budget.py``. Whether a
question is about a product, a policy or nothing in the store is settled later by
retrieval, which sees the scores; here we only read the cues.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace

from shopguide.guide import lexicon as lx
from shopguide.guide.budget import normalize_numbers, parse_budget
from shopguide.guide.vocab import StoreVocab, fold

# "clarify": a follow-up named a position past the shown list; the answer says which exist.
INTENTS = ("find", "compare", "locate", "policy", "greeting", "thanks", "goodbye", "staff",
           "out_of_scope", "clarify")
MAX_UNDERSTOOD_CHARS = 2000  # the rest of a very long message is kept, but not parsed

_SIZE_PATTERNS = (
    re.compile(r"(?<!\d)(\d{2,3}(?:\.5)?)\s*(?:码|号|eu\b)", re.I),
    re.compile(r"(?:size|sz|尺码|码数|鞋码|穿)\s*[:：]?\s*(\d{1,2}(?:\.5)?|x{0,3}[sml]|\d?xl)\b", re.I),
    re.compile(r"(?<![a-z])(x{0,3}[sml]|\d?xl)\s*(?:码|号)", re.I),
    re.compile(r"(?:size|sz)\s*[:：]?\s*([a-z]{3,}(?:\s+[a-z]+)?)", re.I),
)
_ORDINAL_ZH = re.compile(r"第\s*([一二两三四五六七八九十1-9])\s*(?:个|款|双|件|种|套|台|把|只|条|项)?")
_ORDINAL_EN = re.compile(
    r"\b(?:the\s+)?(first|1st|second|2nd|third|3rd|fourth|4th|fifth|5th|sixth|6th|seventh|7th"
    r"|eighth|8th|ninth|9th|tenth|10th|last)\b(?:\s+one)?"
    r"|(?:#|number\s*|no\.\s*)([1-9])\b", re.I)
# Asking about stock ("有货吗", "is it in stock?"), not wishing for in-stock items.
_STOCK_ASK = re.compile(
    r"(?:有货|有现货|有库存|还有货|有没有货|还有)(?:吗|么|没有|不)|"
    r"^(?:is|are|do|does|have|has|any)\b.*\b(?:in stock|available|left)\b|"
    r"\b(?:in stock|available)\s*\?", re.I)
# "the first two" / "前两款" / "最后两个": a run of shown products, from either end.
_RANGE_EN = re.compile(r"\b(first|top|last|bottom)\s+(two|three|four|five|[2-5])\b", re.I)
_RANGE_ZH = re.compile(r"(前|头|最后|后)\s*([两二三四五2-5])\s*(?:个|款|双|件|种|套|样|项)")
# "compare 1 and 3" / "一和三": bare positions, read only when the message compares (a bare
# "2 or 3" elsewhere is more likely a quantity than a list position).
_PAIR_EN = re.compile(
    r"(?<![\w.])(?:#|no\.\s*|number\s*)?(one|two|three|four|five|six|seven|eight|nine|[1-9])\s*"
    r"(?:and|&|vs\.?|versus|or|with|,)\s*(?:the\s+)?(?:#|no\.\s*|number\s*)?"
    r"(one|two|three|four|five|six|seven|eight|nine|[1-9]|last)(?![\w.])", re.I)
_PAIR_ZH = re.compile(r"(?<![第\d])([一二三四五六七八九1-9])\s*(?:号|个|款)?\s*(?:和|与|跟|还是|、|vs)\s*"
                      r"第?\s*([一二三四五六七八九1-9]|最后一?)\s*(?:号|个|款)?")
_LAST_ZH = re.compile(r"最后(?:一|那)?(?:个|款|双|件)")
_PRONOUN_ZH = re.compile(r"(?:这|那)(?:个|款|双|件|一款|一个)|它")
_PRONOUN_EN = re.compile(r"\b(?:it|this one|that one)\b", re.I)
_THEM = re.compile(r"\b(?:them|these|those|both|the two|all of them)\b|这几|那几|这两|那两|它们|两个|两款",
                   re.I)


@dataclass
class Query:
    text: str
    lang: str = "en"
    intent: str = "find"
    terms: list[str] = field(default_factory=list)  # content words for text search
    tags: list[str] = field(default_factory=list)  # store tags the text names
    category: str | None = None  # a store category path (or a segment of one)
    category_soft: bool = False  # named through a synonym: rank by it, don't filter
    category_said: str = ""  # the words that named the category, in the shopper's language
    brand: str | None = None
    size: str | None = None
    color: str | None = None
    min_price: float | None = None
    max_price: float | None = None
    cheap: bool = False
    cheaper: bool = False
    in_stock: bool = False
    stock_question: bool = False  # "有货吗" / "is it in stock"
    policy_cue: bool = False
    refs: list[int] = field(default_factory=list)  # indexes into the products shown last
    pick: str | None = None  # "which one is the cheapest / priciest / lightest?" of those shown
    follow_up: bool = False
    exclude_brands: list[str] = field(default_factory=list)  # "除了诺瓦以外", "not Nova"
    exclude_colors: list[str] = field(default_factory=list)  # "不要黑色的", "not black"
    other_brand: bool = False  # "别的牌子" / "another brand": not the one(s) just shown
    other_color: bool = False

    def has_product_signal(self) -> bool:
        return bool(self.category or self.brand or self.tags or self.size or self.color
                    or self.min_price is not None or self.max_price is not None or self.cheap
                    or self.exclude_brands or self.exclude_colors)

    def constraints(self) -> dict[str, object]:
        """The hard constraints, as the eval and the JSON report name them."""
        out: dict[str, object] = {}
        for key in ("category", "brand", "size", "color", "min_price", "max_price"):
            value = getattr(self, key)
            if value is not None and not (key == "category" and self.category_soft):
                out[key] = value
        if self.in_stock:
            out["in_stock"] = True
        if self.exclude_brands:
            out["exclude_brand"] = list(self.exclude_brands)
        if self.exclude_colors:
            out["exclude_color"] = list(self.exclude_colors)
        return out


def detect_lang(text: str, default: str = "en") -> str:
    if lx.is_chinese(text):
        return "zh"
    return "en" if re.search(r"[A-Za-z]", text) else default


def _blank(text: str, spans: list[tuple[int, int]]) -> str:
    chars = list(text)
    for a, b in spans:
        for i in range(max(a, 0), min(b, len(chars))):
            chars[i] = " "
    return "".join(chars)


def _strip_cues(low: str, cues: tuple[str, ...]) -> str:
    return lx.cue_pattern(cues).sub(" ", low)


def content_terms(text: str) -> list[str]:
    """Words worth searching for, with fillers and social words removed."""
    low = _strip_cues(fold(text), lx.GREETING + lx.THANKS + lx.GOODBYE + lx.CHEAP + lx.CHEAPER)
    terms: list[str] = []
    for run in re.findall(r"[\u3400-\u9fff\uf900-\ufaff]+|[a-z0-9]+(?:[-'][a-z0-9]+)*", low):
        if lx.is_chinese(run):
            for stop in lx.STOP_ZH:
                run = run.replace(stop, " ")
            terms.extend(p for p in run.split() if p)
        elif run not in lx.STOP_EN and not run.isdigit() and len(run) > 1:
            terms.append(run)
    return list(dict.fromkeys(terms))


def compares(low: str) -> bool:
    """A compare cue, except 比较 meaning "rather" ("比较轻的跑鞋"); "哪个比较轻" still asks
    which of them is lighter."""
    if not re.search(r"哪.{0,3}比较", low):
        low = lx.RATHER_ZH.sub("  ", low)
    return lx.has_cue(f" {low} ", lx.COMPARE)


def _social_only(low: str) -> bool:
    rest = _strip_cues(low, lx.GREETING + lx.THANKS + lx.GOODBYE + lx.STAFF)
    return not content_terms(rest)


def _position(word: str, zh: bool) -> int:
    """A 1-based list position as said ("three", "三", "last") → an index into the shown list."""
    if word.startswith(("last", "最后")):
        return -1
    return (lx.NUMBERS_ZH if zh else lx.NUMBERS_EN)[word.lower()] - 1


def _groups(low: str) -> tuple[list[int], list[tuple[int, int]]]:
    """Ranges and pairs of shown products, with their spans so the single ordinals inside
    them ("first" of "first two") are not read again."""
    refs: list[int] = []
    spans: list[tuple[int, int]] = []
    for pat, zh in ((_RANGE_EN, False), (_RANGE_ZH, True)):
        for m in pat.finditer(low):
            n = (lx.NUMBERS_ZH if zh else lx.NUMBERS_EN)[m.group(2).lower()]
            from_end = m.group(1).lower() in ("last", "bottom", "最后", "后")
            refs.extend(range(-n, 0) if from_end else range(n))
            spans.append(m.span())
    if compares(low):
        for pat, zh in ((_PAIR_EN, False), (_PAIR_ZH, True)):
            for m in pat.finditer(_blank(low, spans)):
                refs.extend(_position(m.group(i), zh) for i in (1, 2))
                spans.append(m.span())
    return refs, spans


def _refs(low: str) -> list[int]:
    refs, spans = _groups(low)
    low = _blank(low, spans)
    refs += [lx.ORDINALS_ZH[m.group(1)] for m in _ORDINAL_ZH.finditer(low)]
    for m in _ORDINAL_EN.finditer(low):
        refs.append(lx.ORDINALS_EN[m.group(1).lower()] if m.group(1) else int(m.group(2)) - 1)
    if _LAST_ZH.search(low):
        refs.append(-1)
    return list(dict.fromkeys(refs))


def _size(low: str, vocab: StoreVocab) -> tuple[str | None, list[tuple[int, int]]]:
    for i, pat in enumerate(_SIZE_PATTERNS):
        for m in pat.finditer(low):
            raw = m.group(1).strip()
            known = vocab.known_size(raw) or vocab.known_size(raw.split()[0])
            if i == len(_SIZE_PATTERNS) - 1 and not known:
                continue  # "size should I get" is not a size
            if known:
                return known, [m.span()]
            letter = re.fullmatch(r"x{0,3}[sml]|\d?xl", raw, re.I)
            return (raw.upper() if letter else raw), [m.span()]
    words = vocab.match_all(vocab.size_words(), low)
    if words:
        m0 = words[0]
        return m0.value, ([(m0.start, m0.end)] if m0.start >= 0 else [])
    return None, []


_NEG_END = re.compile(lx.NEGATION_END, re.I)
_NEG_REACH = {"zh": 8, "en": 4}  # characters / words a negation reaches after its cue


def _word_spans(value: str, text: str) -> list[tuple[int, int]]:
    v = fold(value)
    if lx.is_chinese(v):
        return [(m.start(), m.end()) for m in re.finditer(re.escape(v), text)]
    return [m.span() for m in re.finditer(rf"(?<![a-z0-9]){re.escape(v)}[a-z]*", text)]


def _negated(text: str, vocab: StoreVocab) -> tuple[list[str], list[str], list[tuple[int, int]]]:
    """Colours and brands a negation reaches ("不要黑色的", "除了诺瓦以外", "not black"), and
    the spans to blank (cue and value) so the rest is not read as wanting them."""
    colors: list[str] = []
    brands: list[str] = []
    spans: list[tuple[int, int]] = []
    for cue in lx.cue_pattern(lx.NEGATION).finditer(text):
        start = cue.end()
        if text[start:start + 1] in ("-", "'") or text[cue.start():start + 1] == "非常":
            continue  # "no-slip", "非常" (very) negate nothing
        stop = _NEG_END.search(text, start)
        end = stop.start() if stop else len(text)
        if lx.is_chinese(cue.group(0)):
            end = min(end, start + _NEG_REACH["zh"])
        else:
            words = list(re.finditer(r"\S+", text[start:end]))[: _NEG_REACH["en"]]
            end = start + words[-1].end() if words else start
        scope = text[start:end]
        found: list[tuple[str, str]] = []  # (value, words said)
        found += [(m.value, m.value) for m in vocab.match_all(vocab.colors, scope)]
        said = " ".join(w for _, w in found)
        for canon in sorted(lx.canonical_colors(scope)):
            if not lx.canonical_colors(said) & {canon}:
                word = next(w for w in lx.COLORS[canon] if lx.cue_pattern((w,)).search(scope))
                found.append((canon, word))
        hit_colors = [v for v, _ in found]
        b_found = [(m.value, m.value) for m in vocab.match_all(vocab.brands, scope)]
        b_found += [(vocab.brand_aliases[m.value], m.value)
                    for m in vocab.match_all(list(vocab.brand_aliases), scope)]
        if not found and not b_found:
            continue
        colors += [v for v in hit_colors if v not in colors]
        brands += [v for v, _ in b_found if v not in brands]
        spans.append((cue.start(), cue.end()))
        for _, word in found + b_found:
            spans += [(start + a, start + b) for a, b in _word_spans(word, scope)]
    return colors, brands, spans


def understand(text: str, vocab: StoreVocab, default_lang: str = "en") -> Query:
    """Read one message on its own; ``conversation.resolve`` then applies follow-ups."""
    raw = (text or "")[:MAX_UNDERSTOOD_CHARS]
    norm = normalize_numbers(fold(raw))
    q = Query(text=text or "", lang=detect_lang(raw, default_lang))
    budget = parse_budget(norm)
    q.min_price, q.max_price = budget.min_price, budget.max_price
    q.cheap, q.cheaper = budget.cheap, budget.cheaper
    size, size_spans = _size(norm, vocab)
    q.size = size
    rest = _blank(norm, budget.spans + size_spans)
    q.exclude_colors, q.exclude_brands, neg_spans = _negated(rest, vocab)
    q.other_brand = lx.has_cue(rest, lx.OTHER_BRAND)
    q.other_color = lx.has_cue(rest, lx.OTHER_COLOR)
    rest = lx.cue_pattern(lx.OTHER_BRAND + lx.OTHER_COLOR).sub(
        lambda m: " " * len(m.group(0)), _blank(rest, neg_spans))
    q.color = vocab.match_color(rest)
    brand = vocab.match_brand(rest)
    q.brand = brand.value if brand else None
    cat = vocab.match_category(rest)
    if cat:
        q.category, q.category_soft, q.category_said = cat.value, cat.via_synonym, cat.said
    q.tags = vocab.match_tags(rest)
    q.refs = _refs(norm)
    q.pick = superlative(norm)
    low = norm
    q.stock_question = bool(_STOCK_ASK.search(low)) or (
        lx.has_cue(low, lx.STOCK) and not lx.has_cue(low, lx.IN_STOCK_WANTED))
    q.in_stock = lx.has_cue(low, lx.IN_STOCK_WANTED) or q.stock_question
    q.policy_cue = lx.has_cue(low, lx.POLICY)
    terms = content_terms(_strip_cues(rest, lx.LOCATE + lx.STOCK + lx.COMPARE + lx.STAFF))
    terms = [w for t in terms for w in (vocab.segment(t) if lx.is_chinese(t) else [t])]
    q.terms = _without_constraint_words(list(dict.fromkeys(terms)), q)
    q.intent = _intent(low, q)
    return q


_PICK_WORDS = {"便宜": "cheapest", "实惠": "cheapest", "贵": "priciest", "轻": "lightest",
               "cheapest": "cheapest", "least expensive": "cheapest", "most affordable": "cheapest",
               "most expensive": "priciest", "priciest": "priciest", "dearest": "priciest",
               "lightest": "lightest"}
_PICK_ZH = re.compile(r"(?:哪[个款双件种顶只]|哪一[个款双件种顶只])[^，。？?！!]{0,4}最(便宜|实惠|贵|轻)"
                      r"|最(便宜|实惠|贵|轻)的(?:是)?(?:哪[个款双件种顶只一]|呢|是哪)")
_PICK_EN = re.compile(r"\bwhich(?:\s+one|\s+of\s+(?:them|these|those))?(?:\s+(?:is|are|'s))?"
                      r"(?:\s+the)?\s+(cheapest|least expensive|most affordable|most expensive|"
                      r"priciest|dearest|lightest)\b"
                      r"|\b(?:the\s+)?(cheapest|least expensive|most expensive|priciest|lightest)"
                      r"\s+(?:one\b|of\s+(?:them|these|those)\b)", re.I)


def superlative(low: str) -> str | None:
    """"哪个最便宜？", "which one is the lightest?": a pick among the products just shown."""
    m = _PICK_ZH.search(low) or _PICK_EN.search(low)
    if not m:
        return None
    word = next(g for g in m.groups() if g)
    return _PICK_WORDS[word.lower()]


def _without_constraint_words(terms: list[str], q: Query) -> list[str]:
    """Drop words the filters already enforce ("king" as a size, "red" as a colour): a
    product's sizes and colours are not in its text, so they would only lower coverage."""
    said = {fold(x) for x in (q.size, q.color) if x}
    said |= {w for x in (q.size, q.color) if x for w in fold(x).split()}
    return [t for t in terms if fold(t) not in said and not (
        not lx.is_chinese(t) and lx.canonical_colors(t) and q.color)]


def _intent(low: str, q: Query) -> str:
    if not low.strip() or not re.search(r"\w", low):
        return "out_of_scope"
    if lx.has_cue(low, lx.STAFF):
        return "staff"
    if _social_only(low):
        if lx.has_cue(low, lx.GOODBYE):
            return "goodbye"
        if lx.has_cue(low, lx.THANKS):
            return "thanks"
        if lx.has_cue(low, lx.GREETING):
            return "greeting"
    if compares(low):
        return "compare"
    if lx.has_cue(low, lx.LOCATE) or q.stock_question:
        return "locate"
    return "find"


def refers_back(q: Query, low: str) -> bool:
    """Whether the message leans on what was shown before (``them``, ``它``, ``第二个``)."""
    return bool(q.refs or _THEM.search(low) or _PRONOUN_ZH.search(low) or _PRONOUN_EN.search(low))


def with_changes(q: Query, **changes: object) -> Query:
    return replace(q, **changes)
