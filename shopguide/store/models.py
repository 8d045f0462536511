"""Plain records the store hands out. No database or Qt types leak past here."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime


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


# The tag of a FAQ row that is the store's own reply for a need it does not carry (the
# review's "we don't carry this"): a tag, so the row travels in faq.csv unchanged. The engine
# says its answer as it is, with no card presented as the answer.
NOT_CARRIED_TAG = "not-carried"


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


# Relationship records (customer sidebar). Times are timezone-aware UTC datetimes;
# calendar days (a purchase, a follow-up's due day, a consent's expiry) are dates.

Day = date  # an alias: Purchase and Consent have a field named "date"

CONSENT_MARKETING = "marketing"  # may the shop send this person offers
CONSENT_HISTORY = "history"  # may conversations be kept and linked to this person


@dataclass(frozen=True)
class Note:
    id: int
    customer_id: str
    text: str
    pinned: bool
    created: datetime
    updated: datetime


@dataclass(frozen=True)
class Purchase:
    id: int
    customer_id: str | None  # None once the customer was erased but the sale kept
    sku: str
    quantity: int
    price: float  # unit price
    date: date


@dataclass(frozen=True)
class FollowUp:
    id: int
    customer_id: str
    due: date
    text: str
    done: bool
    created: datetime

    def overdue(self, today: date | None = None) -> bool:
        return not self.done and self.due < (today or date.today())


@dataclass(frozen=True)
class Consent:
    """One consent decision. Withdrawal is a new record with granted=False."""

    id: int
    customer_id: str
    purpose: str  # CONSENT_MARKETING, CONSENT_HISTORY, or a shop's own purpose
    granted: bool
    date: datetime
    source: str  # counter, kiosk, import, migration …
    expiry: Day | None = None

    def in_force(self, today: Day | None = None) -> bool:
        return self.granted and (self.expiry is None or self.expiry >= (today or date.today()))


@dataclass(frozen=True)
class PrivacyLogEntry:
    """What was done and why; never who (no personal data in the log)."""

    id: int
    time: datetime
    action: str
    reason: str


@dataclass(frozen=True)
class Conversation:
    id: int
    customer_id: str | None
    mode: str
    started: datetime


@dataclass(frozen=True)
class Message:
    id: int
    conversation_id: int
    role: str  # "user" or "assistant"
    text: str
    created: datetime
    cards: list | None = field(default=None, compare=False, hash=False)
    meta: dict | None = field(default=None, compare=False, hash=False)
    rating: int | None = None  # +1 helpful, -1 not helpful
