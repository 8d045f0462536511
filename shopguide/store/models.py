"""Plain records the store hands out. No database or Qt types leak past here."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class Product:
    sku: str
    name: str
    category: str  # "/"-nested path as imported, e.g. "鞋/跑鞋"
    price: float  # stored as integer cents; two decimals at most
    currency: str
    brand: str | None = None
    stock: int | None = None  # None = unknown, 0 = out of stock
    aisle: str | None = None
    sizes: tuple[str, ...] = ()
    colors: tuple[str, ...] = ()
    tags: tuple[str, ...] = ()
    description: str = ""
    image: str | None = None
    name_en: str | None = None
    name_zh: str | None = None
    description_en: str | None = None
    description_zh: str | None = None
    extra: dict[str, str] = field(default_factory=dict, compare=False, hash=False)
    id: int | None = field(default=None, compare=False)

    @property
    def in_stock(self) -> bool | None:
        return None if self.stock is None else self.stock > 0

    def display_name(self, lang: str) -> str:
        if lang == "en" and self.name_en:
            return self.name_en
        if lang == "zh" and self.name_zh:
            return self.name_zh
        return self.name


@dataclass(frozen=True)
class FaqEntry:
    id: str
    question: str
    answer: str
    alternates: tuple[str, ...] = ()
    tags: tuple[str, ...] = ()


@dataclass(frozen=True)
class Customer:
    id: str
    name: str
    phone: str | None = None
    email: str | None = None
    tags: tuple[str, ...] = ()
    preferred_language: str | None = None
    sizes: dict[str, str] = field(default_factory=dict, compare=False, hash=False)  # {"shoe": "38"}
    brands: tuple[str, ...] = ()
    budget_min: float | None = None
    budget_max: float | None = None
    consent_marketing: bool = False


@dataclass(frozen=True)
class StoreSettings:
    name: str = "ShopGuide Store"
    language: str = "en"  # default answer language when a question's is unclear
    currency: str = "USD"
