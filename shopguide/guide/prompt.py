"""The one place prompts are made, for inference and for training alike.

The form is the seed's ``Q: …\\nA:`` preceded by the facts the answer may use:

    Facts:
    [RS-104] 云跃缓震跑鞋 | brand 云跃 | price ¥459 | stock 12 | aisle A3 | sizes 38/39 | colors 白色
    [FAQ returns] 退货政策？ => 购物后30天内凭小票可退货。
    Customer: 王芳 | shoe 38 | budget 200-500
    Q: earlier question
    A: earlier answer
    Q: 有没有500元以内适合扁平足的跑鞋？
    A:

The model continues after ``A:`` with a space and the answer, and ends with a
newline (the runtime stops on ``\\nQ:`` and end-of-text). Keeping one compact,
fixed layout matters more than prose: a small model learns to copy figures
from a layout it has seen many times.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

from shopguide.guide.refs import MAX_FAQS, MAX_PRODUCTS, References, references
from shopguide.store.models import Customer, FaqEntry, Product

# Answers are one line by construction (see _one_line), so the first newline ends one.
STOP_STRINGS: tuple[str, ...] = ("\n", "\nQ:")
ANSWER_PREFIX = " "

_SYMBOLS = {"CNY": "¥", "RMB": "¥", "USD": "$", "EUR": "€", "GBP": "£", "JPY": "¥"}


def format_price(amount: float, currency: str) -> str:
    """``¥459``, ``$49.99``: whole amounts lose their ``.00`` so the model sees one form."""
    text = f"{amount:.2f}"
    if text.endswith(".00"):
        text = text[:-3]
    symbol = _SYMBOLS.get(currency.upper())
    return f"{symbol}{text}" if symbol else f"{text} {currency.upper()}"


def product_fact(p: Product, lang: str) -> str:
    parts = [f"[{p.sku}] {p.display_name(lang)}"]
    if p.brand:
        parts.append(f"brand {p.brand}")
    parts.append(f"price {format_price(p.price, p.currency)}")
    if p.stock is not None:
        parts.append(f"stock {p.stock}")
    if p.aisle:
        parts.append(f"aisle {p.aisle}")
    if p.sizes:
        parts.append("sizes " + "/".join(p.sizes))
    if p.colors:
        parts.append("colors " + "/".join(p.colors))
    if p.tags:
        parts.append("tags " + "/".join(p.tags[:6]))
    return " | ".join(parts)


def faq_fact(f: FaqEntry) -> str:
    return f"[FAQ {f.id}] {f.question} => {f.answer}"


def customer_line(c: Customer) -> str:
    parts = [c.name]
    for kind, size in c.sizes.items():
        parts.append(f"{kind} {size}")
    if c.brands:
        parts.append("brands " + "/".join(c.brands))
    if c.budget_min is not None or c.budget_max is not None:
        lo = "" if c.budget_min is None else f"{c.budget_min:g}"
        hi = "" if c.budget_max is None else f"{c.budget_max:g}"
        parts.append(f"budget {lo}-{hi}")
    return "Customer: " + " | ".join(parts)


@dataclass
class Prompt:
    """A prompt in parts, so that it can be cut to fit a context window.

    ``fit`` drops the oldest conversation first and the facts last, since an
    answer without its facts cannot be grounded.
    """

    question: str
    facts: list[str] = field(default_factory=list)
    history: list[tuple[str, str]] = field(default_factory=list)  # (question, answer), oldest first
    customer: str | None = None

    def render(self) -> str:
        lines: list[str] = []
        if self.facts:
            lines.append("Facts:")
            lines.extend(self.facts)
        if self.customer:
            lines.append(self.customer)
        for q, a in self.history:
            lines.append(f"Q: {_one_line(q)}")
            lines.append(f"A: {_one_line(a)}")
        lines.append(f"Q: {_one_line(self.question)}")
        lines.append("A:")
        return "\n".join(lines)

    def fit(self, count_tokens: Callable[[str], int], budget: int) -> str:
        """Render within ``budget`` tokens, cutting history, then facts from the end."""
        trimmed = Prompt(self.question, list(self.facts), list(self.history), self.customer)
        text = trimmed.render()
        while count_tokens(text) > budget and trimmed.history:
            trimmed.history.pop(0)
            text = trimmed.render()
        while count_tokens(text) > budget and len(trimmed.facts) > 1:
            trimmed.facts.pop()
            text = trimmed.render()
        if count_tokens(text) > budget:
            # A question longer than the whole context: keep its end, where the ask usually is.
            q = trimmed.question
            while q and count_tokens(text) > budget:
                q = q[len(q) // 4 + 1 :]
                trimmed.question = q
                text = trimmed.render()
        return text


def build_prompt(
    question: str,
    products: Sequence[Product] = (),
    faqs: Sequence[FaqEntry] = (),
    history: Sequence[tuple[str, str]] = (),
    customer: Customer | None = None,
    lang: str = "en",
) -> Prompt:
    facts = [product_fact(p, lang) for p in products] + [faq_fact(f) for f in faqs]
    return Prompt(
        question=question,
        facts=facts,
        history=list(history),
        customer=customer_line(customer) if customer else None,
    )


def build_tagged_prompt(
    question: str,
    products: Sequence[Product] = (),
    faqs: Sequence[FaqEntry] = (),
    history: Sequence[tuple[str, str]] = (),
    customer: Customer | None = None,
    lang: str = "en",
) -> tuple[Prompt, References]:
    """The prompt with every fact behind a reference tag (``guide/refs.py``), and the tags'
    values to fill the model's answer with. The facts are cut to what the scheme has tags
    for (five products, two FAQ rows), best first."""
    products, faqs = list(products)[:MAX_PRODUCTS], list(faqs)[:MAX_FAQS]
    refs = references(products, faqs, customer, lang)
    line = customer_line(customer).removeprefix("Customer: ") if customer else None
    return Prompt(question=question, facts=refs.lines(len(products), len(faqs), line),
                  history=list(history)), refs


def training_text(prompt: Prompt, answer: str) -> tuple[str, str]:
    """(context, target) for training: the loss is taken on the target alone."""
    return prompt.render(), ANSWER_PREFIX + _one_line(answer) + "\n"


def _one_line(text: str) -> str:
    return " ".join(text.split())


@dataclass
class ReadPrompt:
    """What a rendered prompt says, read back (``read_prompt``)."""

    question: str = ""
    products: list[Product] = field(default_factory=list)
    faqs: list[FaqEntry] = field(default_factory=list)
    customer: str | None = None  # the customer line without its "Customer: "


_FACT_LINE = re.compile(r"^\[(?P<sku>[^\]]+)\] (?P<body>.*)$")
_SYMBOL_CURRENCY = {"¥": "CNY", "$": "USD", "€": "EUR", "£": "GBP"}


def read_prompt(text: str) -> ReadPrompt:
    """The inverse of ``Prompt.render`` for the facts and the last question: evaluation
    has only the prompts a corpus stored, and must judge answers against their facts."""
    out = ReadPrompt()
    for line in text.split("\n"):
        if line.startswith("Q: "):
            out.question = line[3:]
        elif line.startswith("Customer: "):
            out.customer = line[len("Customer: "):]
        elif line.startswith("[FAQ ") and " => " in line:
            head, answer = line.split(" => ", 1)
            fid, _, question = head[len("[FAQ "):].partition("] ")
            out.faqs.append(FaqEntry(fid, question, answer))
        elif m := _FACT_LINE.match(line):
            out.products.append(_read_product(m.group("sku"), m.group("body").split(" | ")))
    return out


def _read_product(sku: str, parts: list[str]) -> Product:
    fields = dict(part.partition(" ")[::2] for part in parts[1:])
    price, currency = fields.get("price", "0"), "CNY"
    if price[:1] in _SYMBOL_CURRENCY:
        price, currency = price[1:], _SYMBOL_CURRENCY[price[:1]]
    elif " " in price:
        price, currency = price.split(" ", 1)
    stock = fields.get("stock", "")

    def items(key: str) -> tuple[str, ...]:
        return tuple(v for v in fields.get(key, "").split("/") if v)

    return Product(sku=sku, name=parts[0], category="", price=float(price or 0),
                   currency=currency, brand=fields.get("brand"),
                   stock=int(stock) if stock.isdigit() else None, aisle=fields.get("aisle"),
                   sizes=items("sizes"), colors=items("colors"), tags=items("tags"))
