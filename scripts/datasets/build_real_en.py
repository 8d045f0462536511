#!/usr/bin/env python3
"""Build the ``tests/data/real_en`` evaluation store from public datasets.

Everything the store and the query sets contain comes from fetched copies of
public repositories (see ``tests/data/real_en/SOURCE.md``):

* ESCI (Amazon Shopping Queries Dataset, Apache-2.0): real Amazon search
  queries with human Exact/Substitute/Complement/Irrelevant labels, as copied
  into ``opensearch-project/opensearch-devops`` (``esci_us_judgments.json``),
  and the ESCI-S product records for those queries, as copied into
  ``opensearch-project/dashboards-search-relevance``
  (``ubi_ecommerce_products.json.gz``).
* ePQA / hetPQA (``amazon-science/contextual-product-qa``, CDLA-Sharing-1.0):
  real shoppers' questions about one Amazon product.
* ABCD (``asappresearch/abcd``, MIT): policy text from ``guidelines.json`` and
  real customer and agent turns from sample dialogues.

The script reads the files straight out of the fetched git mirrors (pinned
commits), selects, labels, splits and validates.  It is deterministic: run it
twice and the output is byte-identical.  Nothing here is generated text; the
only text written by hand is the FAQ ``question``/``alternates`` phrasings and
the FAQ answers marked ``written`` in SOURCE.md.

Usage::

    python scripts/datasets/build_real_en.py            # build + validate
    python scripts/datasets/build_real_en.py --check    # validate only

``SHOPGUIDE_MIRROR`` overrides the mirror root (default ``/work/.mirror``).
"""

from __future__ import annotations

import argparse
import csv
import gzip
import io
import json
import re
import statistics
import sys
from collections import Counter, defaultdict
from pathlib import Path

from common import read_blob
from common import sha1 as h

ROOT = Path(__file__).resolve().parents[2]
OUT = ROOT / "tests" / "data" / "real_en"

# (mirror folder, commit, path in repository)
SOURCES = {
    "esci_judgments": (
        "opensearch-project+opensearch-devops",
        "0d469b6ff934c607e3442fcd1d7f400597fb4202",
        "nightly-playground/sample-data/search-relevance/esci_us_judgments.json",
    ),
    "esci_products": (
        "opensearch-project+dashboards-search-relevance",
        "15bc1794b638078c1b6e3f19153a5564dedc0747",
        "server/sample_data/data/ubi_ecommerce_products.json.gz",
    ),
    "epqa_dev": (
        "amazon-science+contextual-product-qa",
        "cec976cc2f2218aa76e562ecc9c7d79f1f3271bc",
        "ePQA/dev.csv",
    ),
    "hetpqa_ag_train": (
        "amazon-science+contextual-product-qa",
        "cec976cc2f2218aa76e562ecc9c7d79f1f3271bc",
        "hetPQA/answer_generation/train.csv",
    ),
    "hetpqa_ag_dev": (
        "amazon-science+contextual-product-qa",
        "cec976cc2f2218aa76e562ecc9c7d79f1f3271bc",
        "hetPQA/answer_generation/dev.csv",
    ),
    "hetpqa_ag_test": (
        "amazon-science+contextual-product-qa",
        "cec976cc2f2218aa76e562ecc9c7d79f1f3271bc",
        "hetPQA/answer_generation/test.csv",
    ),
    "hetpqa_er_dev": (
        "amazon-science+contextual-product-qa",
        "cec976cc2f2218aa76e562ecc9c7d79f1f3271bc",
        "hetPQA/evidence_ranking/dev.csv",
    ),
    "abcd_guidelines": (
        "asappresearch+abcd",
        "6b8700ce67c6b37b062dd7a60abc76d7ef832a97",
        "data/guidelines.json",
    ),
    "abcd_sample": (
        "asappresearch+abcd",
        "6b8700ce67c6b37b062dd7a60abc76d7ef832a97",
        "data/abcd_sample.json",
    ),
    "abcd_sample19": (
        "JaxkDev-UoL+CMP3753-Project-ABCD",
        "c3429fbbdf36085ec9a66a07fcd4bc3ad31049f0",
        "datasets/SAMPLE_abcd_v1.1_processed.jsonl",
    ),
}


def read_source(key: str) -> bytes:
    return read_blob(*SOURCES[key])


def slug(text: str, n: int = 40) -> str:
    s = re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")
    return s[:n].strip("-") or "x"


def clip(text: str, limit: int) -> str:
    text = re.sub(r"\s+", " ", text).strip()
    if len(text) <= limit:
        return text
    cut = text[:limit].rsplit(" ", 1)[0]
    return cut.rstrip(" ,;:-") + " …"


# ---------------------------------------------------------------------------
# ESCI: queries, labels, products
# ---------------------------------------------------------------------------

LABEL = {"100.000": "E", "10.000": "S", "1.000": "C", "0.000": "I"}

# Queries left out altogether: the source's "Exact" products do not match the
# words (noisy labels), or the words are not a product request.
ESCI_EXCLUDED = {
    "gift not included batteries",
    "dek pro",
    "the one for whom food is not enough gorman",
    "your heart and my heart are very old friends",
    "watch the game not your phone tshirt",
    "listen without prejudice shirt",
    "1/2 pint double wall containers without lids",
    "audible books",
    "frank damazio",
    "keep grinding hat",
    "1/2gallon water bottle without straw",
    "firestick",
    "kindle",
    "tool wrap",
    "newborn hospital essentials",
    "pure monkfruit sweetener without erythritol",
    # overlapping product kinds: products judged only for one of these queries
    # would be relevant but unlabelled for the other (see SOURCE.md)
    "sandals for women",
    "boys pants slim fit",
    "thin leather strap",
    "1.75 leather belts without buckles",
    "mens slippers",
    "ugg dakota slippers women",
    "apple earbuds",
    "nike shoes men without laces",
}

# Real search terms used as "none": none of their judged products is in the
# catalog, and (checked by hand, see SOURCE.md) nothing else in the catalog is
# that kind of product.
ESCI_NONE = [
    "tastefully simple spinach and herb dip mix",
    "tortillas without interesterified soybean oil\u201d",
    "marshmallows without gelatin",
    "athletic greens powder",
    "whole nature whole food multivitamin",
    "potassium citrate 200mg",
    "vinpositine",
    "where the crawdads sing",
    "fragon book",
    "guitar",
    "uniwit mini portable vocal/instrument microphone",
    "cdj stand",
    "red paddle board",
    "us divers snorkeling gear for adults",
    "world of golf putting mat",
    "mini vending machine",
    "muse hummingbird feeder",
    "ultimate guard french tarot",
    "shaggy dog board game",
    "womens wigs for white women short hair",
    "womens witch costumes plus size",
    "vibe mattress",
    "wall beds & murphy bed queen",
    "lori wall bed",
    "futon frames full size without mattress",
    "wireless thermostat without c wire",
    "sliding window screens",
    "fitbit charge 3",
    "amusement park lego set",
    "jura grinder",
    "trp spyre",
    "table top bandsaw for metal",
    "yudu screen printing supplies",
    "christmas ornaments red and silver",
    "western black and white wall art",
    "brass tray rectangular",
    "picnic basket without accessories",
    "weighted blanket without glass beads",
    "1/2 inch binder",
    "usb lunch box",
]

# Constraint keys, only where the words state them.  The chosen Exact products
# must carry that brand (case-insensitive equality) / colour (word inside the
# source's colour value).
ESCI_BRAND = {
    "carhartt double front pants for men": "Carhartt",
    "michael kors handbags": "Michael Kors",
    "adidas gym bag for women": "adidas",
    "ugg slippers women": "UGG",
    "vermont american drill bit set": "Vermont American",
    "sojos small round polarized sunglasses for women": "SOJOS",
    "kaweco sketch up pencil": "Kaweco",
    "cupshe high waisted tankini": "CUPSHE",
    "tennis lacoste hombre": "Lacoste",
    "yellow champion hoodie": "Champion",
    "to boot new york mens shoes": "To Boot New York",
    "wood planner makita": "Makita",
}
ESCI_COLOR = {
    "red dog bowl": "red",
    "yellow champion hoodie": "yellow",
    "white desk chair without wheels": "white",
    "brown belt without buckle": "brown",
    "black bardot long off the shoulder": "black",
    "blue suit for baby boy": "blue",
}

N_EXACT = 2  # Exact products per request query put in the catalog
N_OTHER = 1  # judged non-Exact products per request query (distractors)


def load_esci():
    judg = json.loads(read_source("esci_judgments"))["judgmentRatings"]
    queries = {}
    for q in judg:
        labels = {}
        for r in q["ratings"]:
            lab = LABEL[r["rating"]]
            labels[r["docId"]] = lab
        queries[q["query"]] = labels
    prods = {}
    raw = gzip.decompress(read_source("esci_products")).decode("utf-8")
    for line in raw.splitlines():
        if line.strip():
            p = json.loads(line)
            prods[p["asin"]] = p
    return queries, prods


def esci_category(p) -> str:
    parts = [re.sub(r"\s*/\s*", "-", c).strip() for c in p.get("category") or []]
    # the source sometimes repeats a level ("Gift Cards/Gift Cards")
    out = []
    for c in parts:
        if c and (not out or out[-1] != c):
            out.append(c)
    return "/".join(out)


def usable(p) -> bool:
    return bool(p and p.get("title") and esci_category(p))


def esci_color(p) -> str:
    c = (p.get("color") or "").strip()
    if not c or c.lower() == "none":
        return ""
    # the source lists several colours with commas; the store format uses ';'
    c = re.sub(r"\(([^()]*)\)", lambda m: "(" + m.group(1).replace(",", "/") + ")", c)
    parts = re.split(r"[,;]", c)
    return ";".join(dict.fromkeys(x.strip() for x in parts if x.strip()))


def esci_description(p) -> str:
    text = " ".join(
        t for t in [(p.get("bullet_points") or "").replace("\n", " "), p.get("description") or ""] if t
    )
    return clip(text, 1200)


# ---------------------------------------------------------------------------
# Prices: the source's price where it has one; otherwise a derived fixed price
# ---------------------------------------------------------------------------


class PriceTable:
    """Median source price per category prefix (ESCI-S records with a price)."""

    def __init__(self, prods):
        self.by_prefix = defaultdict(list)
        self.all = []
        for p in prods.values():
            pr = p.get("price")
            if isinstance(pr, (int, float)) and pr > 0:
                self.all.append(float(pr))
                cat = esci_category(p).split("/")
                for i in range(1, len(cat) + 1):
                    self.by_prefix["/".join(cat[:i])].append(float(pr))

    def derive(self, key: str, category: str) -> float:
        cat = category.split("/") if category else []
        base = None
        for i in range(len(cat), 0, -1):
            vals = self.by_prefix.get("/".join(cat[:i]), [])
            if len(vals) >= 3:
                base = statistics.median(vals)
                break
        if base is None:
            base = statistics.median(self.all)
        factor = 0.8 + 0.4 * (int(h(key)[:8], 16) % 1000) / 999.0
        value = max(1.0, base * factor)
        return float(int(value)) + 0.99


def fmt_price(v: float) -> str:
    return f"{v:.2f}"


# ---------------------------------------------------------------------------
# ePQA / hetPQA
# ---------------------------------------------------------------------------

BINDING_LABEL = {
    "accessory": "Accessory",
    "apparel": "Apparel",
    "automotive": "Automotive",
    "baby_product": "Baby Product",
    "cd_rom": "CD-ROM",
    "consumer_electronics": "Consumer Electronics",
    "dvd_rom": "DVD-ROM",
    "game_video": "Video Games",
    "grocery": "Grocery",
    "health_and_beauty": "Health & Beauty",
    "home_improvement": "Home Improvement",
    "kitchen": "Kitchen",
    "lawn_and_garden": "Lawn & Garden",
    "miscellaneous": "Miscellaneous",
    "office_product": "Office Product",
    "pc": "PC",
    "sports": "Sports",
    "sports_apparel": "Sports Apparel",
    "toy": "Toy",
    "wireless_phone_accessory": "Wireless Phone Accessory",
}
# ESCI-S category used only to look up a plausible price for ePQA products
BINDING_PRICE_CATEGORY = {
    "accessory": "Industrial & Scientific",
    "apparel": "Clothing, Shoes & Jewelry",
    "automotive": "Automotive",
    "baby_product": "Baby Products",
    "cd_rom": "Software",
    "consumer_electronics": "Electronics",
    "dvd_rom": "Software",
    "game_video": "Video Games",
    "grocery": "Grocery & Gourmet Food",
    "health_and_beauty": "Health & Household",
    "home_improvement": "Tools & Home Improvement",
    "kitchen": "Home & Kitchen/Kitchen & Dining",
    "lawn_and_garden": "Patio, Lawn & Garden",
    "miscellaneous": "",
    "office_product": "Office Products",
    "pc": "Electronics/Computers & Accessories",
    "sports": "Sports & Outdoors",
    "sports_apparel": "Sports & Outdoors",
    "toy": "Toys & Games",
    "wireless_phone_accessory": "Cell Phones & Accessories",
}

# ePQA products left out of the catalog because an ESCI query in this set
# could be about that kind of product (they would be relevant but unlabelled).
EPQA_EXCLUDED_ASINS = {
    "B000K78HSA",  # elevated dog feeder (vs "red dog bowl")
    "B000241NRI",  # automatic pet feeder (bowl)
    "B0089PWW9A",  # men's convertible pant (pants queries)
    "B00B5J8CYG",  # athletic socks (vs "mens socks black and white")
    "B009BRD0H8",  # MMA shorts (vs swim trunks)
    "B007G95FJE",  # headphones (vs "apple earbuds", "airpods 2")
    "B00F3KBE8O",  # bluetooth headset (same)
    "B00DLRLDBO",  # gaming headset (same)
    "B000F1GYM2",  # flatware set (vs spoon/fork, silverware queries)
    "B0017XLJL8",  # travel cup (vs water bottle query)
    "B00AQ3P4CA",  # makeup organizer (vs "makeup")
    "B001K6CPYC",  # hair colour (vs "hair glitter")
    "B00GMRJWPY",  # shea butter (vs "working mans hand cream")
    "B005LVNS4S",  # infant car-seat cover (vs baby queries)
    "B007NG5UF4",  # baby monitor (vs "baby shower gifts")
    "B001CZN450",  # "Brown Bag Paper" sheets (vs "paper bags without handles")
    "B00BT9TWDW",  # hair extensions (vs wigs "none" query)
    "B002HQC31Y",  # molasses by Wholesome Sweeteners (sweetener queries)
    "B001DPUWJU",  # binding "unknown_binding": no usable category
}

POLICY_RE = re.compile(
    r"return|refund|ship|deliver|warrant|exchange|price|cost|stock|order|seller|"
    r"coupon|discount|gift ?wrap|pay\b|paid|cheaper|sale\b|amazon|prime",
    re.I,
)
PERSONAL_RE = re.compile(r"@|\b\d{3}[-. )]\d{3}[-. ]\d{4}\b|\b\d{5}\b")


def load_epqa():
    text = read_source("epqa_dev").decode("utf-8")
    return list(csv.DictReader(io.StringIO(text)))


def load_hetpqa():
    csv.field_size_limit(1 << 30)
    rows = []
    for key in ("hetpqa_ag_train", "hetpqa_ag_dev", "hetpqa_ag_test", "hetpqa_er_dev"):
        text = read_source(key).decode("utf-8")
        for r in csv.DictReader(io.StringIO(text), delimiter="\t"):
            r["_file"] = SOURCES[key][2]
            rows.append(r)
    return rows


ATTR_VALUE_RE = re.compile(r"value:([^{};]+?)\s*}")


def simple_attribute(candidate: str) -> str:
    """``color:  { value:black }`` -> ``color: black``; nested values are skipped."""
    m = re.match(r"\s*([a-z_0-9]+):\s*(.*)$", candidate, re.S)
    if not m:
        return ""
    name, rest = m.group(1), m.group(2)
    if rest.count("{") != rest.count("value:") or "unit:" in rest:
        return ""
    vals = [v.strip().strip('"').replace("_", " ") for v in ATTR_VALUE_RE.findall(rest)]
    vals = [v for v in vals if v]
    if not vals or name in {"binding", "brand", "manufacturer", "part_number", "model_number"}:
        return ""
    return f"{name.replace('_', ' ')}: {', '.join(dict.fromkeys(vals))}"


def after_turn(title: str) -> str:
    """A setup turn naming the product: the source title up to the first
    delimiter that leaves at least three words, at most ten words."""
    parts = re.split(r"(,\s|\s[-\u2013|]\s|\s\(|\s\[)", title)
    acc = ""
    for i in range(0, len(parts), 2):
        acc = acc + (parts[i - 1] if i else "") + parts[i]
        if len(acc.split()) >= 3:
            break
    words = acc.strip(" ,").split()
    return " ".join(words[:10])


# ---------------------------------------------------------------------------
# FAQ (store policies).  Answers quote ABCD where ABCD has the policy.
# ---------------------------------------------------------------------------

FAQ = [
    {
        "id": "returns",
        "question": "What is your return policy?",
        "alternates": "how long do I have to return something;can I return an item",
        "tags": "returns",
        "answer": (
            "The policy regarding returns depends on your membership level. Gold members get "
            "unlimited, Silver, 6 months from purchase, bronze 90 days, and all other members are "
            "allowed a total of 30 days! Silver and Bronze members can also return with a receipt "
            "or in the original packaging; Guest members with a receipt. Returns can be processed "
            "By Mail, In Store, or at a Drop off Center."
        ),
        "provenance": "ABCD dialogue agent turn (sample dialogue 11) + guidelines.json "
        "Product Defect > Return Due to Stain (membership privileges, return options)",
    },
    {
        "id": "refunds",
        "question": "How do refunds work and how long do they take?",
        "alternates": "when will I get my money back;refund options",
        "tags": "refunds",
        "answer": (
            "A refund can be paid as a gift card, added as value to your account, sent as a paper "
            "check, or refunded directly to your credit card. Once an item is returned, the credit "
            "should show up within 7 days; if it has been more than 7 days, contact us and we will "
            "process the credit."
        ),
        "provenance": "ABCD guidelines.json Product Defect > Initiate Refund (refund methods); "
        "Purchase Dispute > Mistimed Billing Already Returned (7 days)",
    },
    {
        "id": "damaged_or_wrong_item",
        "question": "What if my item arrives damaged, defective or wrong?",
        "alternates": "item is broken;I got the wrong item",
        "tags": "returns;defects",
        "answer": (
            "Items with a defect, a stain, the wrong colour or the wrong size can be returned under "
            "the return policy for your membership level; we will email a shipping label, and you "
            "can return the item By Mail, In Store, or at a Drop off Center. If a package has not "
            "arrived after a week or longer, we will ship a new order."
        ),
        "provenance": "ABCD guidelines.json Product Defect (Return Due to Stain/Color/Size), "
        "Shipping Issue > Missing Item",
    },
    {
        "id": "cancel_order",
        "question": "Can I cancel an order?",
        "alternates": "cancel my order;I ordered by mistake",
        "tags": "orders",
        "answer": (
            "If the order has been received but not yet shipped, the unwanted item is removed from "
            "the order and refunded immediately. If it is already In Transit, Out for Delivery or "
            "Delivered, Bronze, Silver and Gold members get the refund right away and a return "
            "label after the item arrives; Guest customers must wait until the item arrives and "
            "then start the return process."
        ),
        "provenance": "ABCD guidelines.json Order Issue > Manage Cancel",
    },
    {
        "id": "shipping_cost",
        "question": "How much does shipping cost?",
        "alternates": "shipping fee;overnight shipping price",
        "tags": "shipping",
        "answer": (
            "Standard shipping is $8.00. Upgrading to overnight shipping costs $20; Gold members "
            "have their fee waived. If the shipping cost on an order that has not yet gone out for "
            "delivery is wrong, we can waive the fee."
        ),
        "provenance": "ABCD guidelines.json Shipping Issue > Shipping Cost ($8.00, waive fee), "
        "Order Issue > Manage Upgrade ($20, Gold waived)",
    },
    {
        "id": "delivery_time",
        "question": "How long does delivery take?",
        "alternates": "when will my order arrive;delivery time",
        "tags": "shipping",
        "answer": (
            "When shipping items, it can often take a couple days for the product to arrive. "
            "Overnight shipping can be added while the order has not shipped yet. Sometimes a "
            "package is mistakenly marked as delivered but can still take a couple days to arrive; "
            "if you have been waiting for a week or longer, we will ship a new order."
        ),
        "provenance": "ABCD guidelines.json Shipping Issue > Missing Item, Order Issue > Manage Upgrade",
    },
    {
        "id": "international_shipping",
        "question": "Do you ship outside the United States?",
        "alternates": "international shipping;ship abroad",
        "tags": "shipping",
        "answer": (
            "We ship to addresses in the United States only. Orders cannot be shipped to other "
            "countries."
        ),
        "provenance": "written for this store (ABCD names the question, international shipping, "
        "but has no answer text)",
    },
    {
        "id": "back_in_stock",
        "question": "What if an item is out of stock?",
        "alternates": "when will it be available again;sold out item",
        "tags": "stock",
        "answer": (
            "We can back-order the item for you. The item will then ship immediately when it "
            "becomes available. We also let the Purchasing Department know about items that are "
            "out of stock."
        ),
        "provenance": "ABCD guidelines.json Purchase Dispute > Out-of-Stock One Item / General",
    },
    {
        "id": "price_changes",
        "question": "Why did a price change?",
        "alternates": "price went up;price adjustment",
        "tags": "pricing",
        "answer": (
            "Sometimes the prices change, and that is outside of our control: our pricing "
            "algorithms will often dynamically change the price of an item, and pricing is subject "
            "to change without notice. We are not able to make price adjustments, but we may be "
            "able to offer a promo code."
        ),
        "provenance": "ABCD guidelines.json Purchase Dispute > Bad Price Competitor/Yesterday + "
        "ABCD dialogue agent turn (sample dialogue 8)",
    },
    {
        "id": "promo_codes",
        "question": "How do promo codes work?",
        "alternates": "discount code;coupon code not working",
        "tags": "pricing;promotions",
        "answer": (
            "Our promo codes are usually good for 7 days. A code issued by customer service is for "
            "20% off your next purchase. If a code does not work, members can ask us for a new one."
        ),
        "provenance": "ABCD guidelines.json Purchase Dispute > Promo Code Invalid/Out of Date + "
        "ABCD dialogue agent turn (sample dialogue 12)",
    },
    {
        "id": "gift_wrap",
        "question": "Do you offer gift wrapping?",
        "alternates": "gift wrap price;wrap a present",
        "tags": "services",
        "answer": "Yes, we can gift wrap your order. We charge $4.99.",
        "provenance": "ABCD dialogue agent turn (sample dialogue 15: 'We charge 4.99.'); "
        "guidelines.json Storewide Query > Pricing FAQ lists 'Price of gift wrapping'",
    },
    {
        "id": "store_hours",
        "question": "What are your store hours?",
        "alternates": "opening hours;when do you open",
        "tags": "store",
        "answer": (
            "Local hours may vary, so feel free to call the store to be sure. However, we "
            "encourage all our stores to be open from 8 am to 11 pm. Our website is available 24/7."
        ),
        "provenance": "ABCD dialogue agent turn (sample dialogue 9)",
    },
    {
        "id": "membership",
        "question": "What membership levels are there?",
        "alternates": "member benefits;premium membership",
        "tags": "membership",
        "answer": (
            "There are four levels: Guest, Bronze, Silver and Gold. Benefits grow with the level: "
            "for example Gold members get unlimited returns and free overnight shipping upgrades, "
            "and Gold and Silver members always have mystery fees removed. The standard premium "
            "subscription is $99 a year."
        ),
        "provenance": "ABCD guidelines.json (membership privileges in several subflows; "
        "Subscription Inquiry > Manage Pay Bill: $99 a year)",
    },
    {
        "id": "subscription_payment",
        "question": "Can I get more time to pay my subscription?",
        "alternates": "subscription payment extension;late subscription payment",
        "tags": "membership",
        "answer": (
            "Whether you can get an extension depends on your membership level: Gold members can "
            "always get an extension, Silver members get an extension if they are only 1 day late, "
            "and Bronze and Guest members cannot get an extension."
        ),
        "provenance": "ABCD guidelines.json Subscription Inquiry > Manage Extension",
    },
    {
        "id": "warranty",
        "question": "Do products come with a warranty?",
        "alternates": "manufacturer warranty;extended warranty",
        "tags": "warranty",
        "answer": (
            "New products come with the manufacturer's warranty; its length and terms depend on "
            "the brand and are listed in the product details. We do not sell extended warranties. "
            "For a defect found after the return window, contact the manufacturer."
        ),
        "provenance": "written for this store (ABCD has no warranty policy)",
    },
]

# Real policy questions.  (source, locator, exact text, faq id[, after-turn])
# ePQA: locator = qid; hetPQA: locator = ASIN; ABCD: (dialogue, turn, line)
POLICY_ITEMS = [
    ("abcd19", (0, 0, 0), "Hi! I need to return an item, can you help me with that?", "returns"),
    ("abcd19", (11, 0, 0), "Hi. Can you tell me what your return policy is?", "returns"),
    ("abcd19", (1, 0, 0), "just wanted to check on the status of a refund", "refunds"),
    (
        "abcd19",
        (7, 0, 0),
        "Hi! I recently had made a return and even though I have completed the return, the "
        "charge on my billing statement has not been reversed",
        "refunds",
    ),
    ("abcd19", (2, 1, 0), "I've got a promo code and I want to know when they expire.", "promo_codes"),
    ("abcd19", (12, 0, 0), "Why I can't use the promo code?", "promo_codes"),
    (
        "abcd19",
        (8, 0, 0),
        "I want to buy a jacket that I'm looking at but it was a lot cheaper yesterday",
        "price_changes",
    ),
    (
        "abcd19",
        (9, 0, 0),
        "Hi, I wanted to go shopping today but I have no idea what time my store opens.",
        "store_hours",
    ),
    ("abcd19", (15, 1, 0), "I want to check on the price of gift to wrapp my Jacket", "gift_wrap"),
    ("abcd19", (4, 0, 1), "Do you know how much that costs?", "shipping_cost"),
    (
        "abcd19",
        (6, 0, 0),
        "Hi I have a question about my account. I signed up for a premium subscription and it's "
        "going to be expiring soon. I'm waiting for the stimulus check to be deposited but wanted "
        "to know if I can get an extension on payment?",
        "subscription_payment",
    ),
    ("epqa", "5423", "what is the return policy?", "returns"),
    ("epqa", "5089", "what is return policy on the gen turi system items?", "returns"),
    ("het", None, "hello. what's the return policy for this product?", "returns"),
    (
        "epqa",
        "1052",
        "my order was crushed and leaked. how do i seek refund or replacement?",
        "damaged_or_wrong_item",
    ),
    (
        "het",
        None,
        "i just recieved this battery in the mail yesterday and it will not charge. i am using the "
        "stock phantom charger. can i exchange for a new one?",
        "damaged_or_wrong_item",
    ),
    (
        "het",
        None,
        "since some parts are missing(nuts) do i need to return the whole thing or will the "
        "company send me the hardware?",
        "damaged_or_wrong_item",
    ),
    ("het", None, "how long does it take to receive my refund on my cancelled order?", "refunds"),
    ("het", None, "do you ship to singapore?", "international_shipping"),
    ("het", None, "would you ship to germany ?", "international_shipping"),
    ("het", None, "can it be delivered to mexico ?", "international_shipping"),
    ("epqa", "4207", "is there any way you can ship it to the uk?", "international_shipping"),
    ("epqa", "8288", "do you guys ship to canada?", "international_shipping"),
    ("epqa", None, "hello, can u ship to china?", "international_shipping"),
    ("epqa", None, "do you deliver to the uk?", "international_shipping"),
    ("epqa", "3647", "is this item free shipping?", "shipping_cost"),
    (
        "epqa",
        "667",
        "your add says free shipping, on check out all of a sudden u want $25, whats the deal?",
        "shipping_cost",
    ),
    ("epqa", None, "it says free shipping but is trying to charge me $23 for shipping?", "shipping_cost"),
    (
        "het",
        None,
        "question to seller.  can i buy 10 and would shipping costs stay at 4:99??",
        "shipping_cost",
    ),
    ("het", None, "will this be delivered before christmas?", "delivery_time"),
    (
        "het",
        None,
        "i see there is free shipping with this item.  how long does it take for the item to ship?",
        "delivery_time",
    ),
    (
        "epqa",
        None,
        "i need these for a 12/12/14 wedding - when should i order without having to pay overnight costs?",
        "delivery_time",
    ),
    ("het", None, "when are you back in stock?", "back_in_stock"),
    ("het", None, "when are you guys going to be in stock again?", "back_in_stock"),
    ("het", None, "when is this going to be back in stock?", "back_in_stock"),
    ("het", None, "can i have this gift wrapped?", "gift_wrap"),
    ("epqa", "504", "why did the price go up so much?", "price_changes"),
    ("epqa", "2418", "why the big reduction in price?", "price_changes"),
    (
        "epqa",
        "1723",
        "why has the price jumped from $47.00 when i bought it in may 2014 to $78.00 ?",
        "price_changes",
    ),
    ("het", None, "does this product come with a warranty?", "warranty"),
    ("het", None, "can you get an extended warranty with this item?", "warranty"),
    ("epqa", "916", "can an extended warranty be purchased?", "warranty"),
    ("epqa", None, "what is the warranty on this item?", "warranty"),
    ("het", None, "warranty how long?", "warranty"),
]


# ---------------------------------------------------------------------------
# Build
# ---------------------------------------------------------------------------


def build():
    queries, prods = load_esci()
    prices = PriceTable(prods)
    missing = [q for q in list(ESCI_NONE) + list(ESCI_BRAND) + list(ESCI_COLOR) + list(ESCI_EXCLUDED) if q not in queries]
    assert not missing, f"queries not in source: {missing}"
    request = [q for q in queries if q not in ESCI_EXCLUDED and q not in ESCI_NONE]

    catalog = {}  # sku -> row
    origin = {}  # sku -> provenance tag

    def add_esci(asin):
        p = prods[asin]
        cat = esci_category(p)
        pr = p.get("price")
        derived = not (isinstance(pr, (int, float)) and pr > 0)
        price = prices.derive(asin, cat) if derived else float(pr)
        catalog[asin] = {
            "sku": asin,
            "name": re.sub(r"\s+", " ", p["title"]).strip(),
            "category": cat,
            "price": fmt_price(price),
            "brand": (p.get("brand") or "").strip(),
            "colors": esci_color(p),
            "description": esci_description(p),
        }
        origin[asin] = "esci" + ("/derived-price" if derived else "")

    picked = {}
    for q in request:
        labels = queries[q]
        exact = sorted((a for a, lab in labels.items() if lab == "E" and usable(prods.get(a))), key=h)
        if q in ESCI_BRAND:
            b = ESCI_BRAND[q].lower()
            exact = [a for a in exact if (prods[a].get("brand") or "").strip().lower() == b]
        if q in ESCI_COLOR:
            c = ESCI_COLOR[q]
            exact = [a for a in exact if re.search(rf"\b{c}\b", esci_color(prods[a]), re.I)]
        assert exact, f"no usable Exact product for {q!r}"
        chosen = exact[:N_EXACT]
        others = []
        for want in ("I", "C", "S"):
            others += sorted((a for a, lab in labels.items() if lab == want and usable(prods.get(a))), key=h)
        chosen += others[:N_OTHER]
        picked[q] = chosen
        for a in chosen:
            if a not in catalog:
                add_esci(a)

    # none queries: no catalog product may carry any E/S/C label for them
    for q in ESCI_NONE:
        clash = [a for a, lab in queries[q].items() if a in catalog and lab in "ESC"]
        assert not clash, f"none query {q!r} has judged products in catalog: {clash}"

    # ---- ePQA products and attribute questions
    epqa = load_epqa()
    by_asin = defaultdict(list)
    for r in epqa:
        by_asin[r["ASIN"]].append(r)
    binding = {}
    for a, rows in by_asin.items():
        for r in rows:
            if r["source"] == "attribute" and r["candidate"].strip().startswith("binding"):
                binding[a] = re.findall(r"value:([^ }]+)", r["candidate"])[0]
    attr_items = []
    epqa_products = set()
    for a in sorted(binding, key=h):
        if a in EPQA_EXCLUDED_ASINS:
            continue
        rows = by_asin[a]
        qids = sorted({r["qid"] for r in rows}, key=int)
        for qid in qids:
            qrows = [r for r in rows if r["qid"] == qid]
            question = qrows[0]["question"]
            if POLICY_RE.search(question) or PERSONAL_RE.search(question):
                continue
            attr_items.append((a, qid, question))
            epqa_products.add(a)
    for a in epqa_products:
        rows = by_asin[a]
        # the source escapes inch marks as \" inside its titles
        title = re.sub(r"\s+", " ", rows[0]["title"].replace('\\"', '"')).strip()
        seen, desc, specs = set(), [], []
        brand = ""
        list_price = None
        for r in rows:
            c = r["candidate"].strip()
            if r["source"] in ("description", "bullet") and c not in seen:
                seen.add(c)
                desc.append(c)
            elif r["source"] == "attribute":
                if c.startswith("brand:") and not brand:
                    brand = ", ".join(ATTR_VALUE_RE.findall(c)).strip().strip('"')
                elif c.startswith("list_price:") and list_price is None:
                    m = re.search(r"value:([0-9.]+)", c)
                    list_price = float(m.group(1)) if m else None
                else:
                    s = simple_attribute(c)
                    if s and s not in seen:
                        seen.add(s)
                        specs.append(s)
        description = " ".join(desc)
        if specs:
            description = (description + " Specs: " + "; ".join(specs) + ".").strip()
        b = binding[a]
        derived = not list_price
        price = list_price if list_price else prices.derive(a, BINDING_PRICE_CATEGORY[b])
        catalog[a] = {
            "sku": a,
            "name": title,
            "category": BINDING_LABEL[b],
            "price": fmt_price(price),
            "brand": brand,
            "colors": "",
            "description": clip(description, 1500),
        }
        origin[a] = "epqa" + ("/derived-price" if derived else "")

    # ---- evaluation items
    items = []  # (kind, group, record)

    for q in request:
        labels = queries[q]
        exact_in = sorted((a for a, lab in labels.items() if lab == "E" and a in catalog), key=h)[:15]
        expect = {"products_any": exact_in}
        if q in ESCI_BRAND:
            expect["brand"] = ESCI_BRAND[q]
        if q in ESCI_COLOR:
            expect["color"] = ESCI_COLOR[q]
        rec = {
            "id": f"esci-{slug(q)}",
            "q": q,
            "expect": expect,
            "source": {
                "dataset": "ESCI (amazon-science/esci-data)",
                "via": "opensearch-project/opensearch-devops esci_us_judgments.json",
                "query": q,
                "labels_in_catalog": {a: labels[a] for a in sorted(labels, key=h) if a in catalog},
            },
        }
        items.append(("product", "esci:" + q, rec))

    for q in ESCI_NONE:
        rec = {
            "id": f"esci-none-{slug(q)}",
            "q": q,
            "expect": {"none": True},
            "source": {
                "dataset": "ESCI (amazon-science/esci-data)",
                "via": "opensearch-project/opensearch-devops esci_us_judgments.json",
                "query": q,
                "why_none": "no judged product of this query is in the catalog; no product of this kind is sold",
            },
        }
        items.append(("none", "esci:" + q, rec))

    for a, qid, question in attr_items:
        rec = {
            "id": f"epqa-{qid}",
            "q": question,
            "after": [after_turn(catalog[a]["name"])],
            "expect": {"products_any": [a]},
            "source": {
                "dataset": "ePQA (amazon-science/contextual-product-qa)",
                "file": "ePQA/dev.csv",
                "qid": qid,
                "asin": a,
                "after_is": "setup turn: the source product title, shortened",
            },
        }
        items.append(("attribute", "epqa:" + a, rec))

    # policy questions
    abcd19 = [json.loads(l) for l in read_source("abcd_sample19").decode("utf-8").splitlines() if l.strip()]
    het = load_hetpqa()
    het_by_q = defaultdict(list)
    for r in het:
        het_by_q[r["question"]].append(r)
    epqa_by_q = defaultdict(list)
    for r in epqa:
        epqa_by_q[r["question"]].append(r)
    faq_ids = {f["id"] for f in FAQ}
    for src, loc, text, fid in POLICY_ITEMS:
        assert fid in faq_ids, fid
        if src == "abcd19":
            d, turn, line = loc
            lines = abcd19[d][turn]["user"].split("\n")
            assert lines[line] == text, (loc, lines[line], text)
            rec = {
                "id": f"abcd-{d}-{turn}-{line}",
                "q": text,
                "expect": {"faq": fid},
                "source": {
                    "dataset": "ABCD (asappresearch/abcd)",
                    "via": "JaxkDev-UoL/CMP3753-Project-ABCD datasets/SAMPLE_abcd_v1.1_processed.jsonl",
                    "dialogue": d,
                    "customer_turn": turn,
                },
            }
            if line:
                rec["after"] = lines[:line]
            group = f"abcd:{d}"
        elif src == "epqa":
            rows = epqa_by_q.get(text)
            where = "question"
            if not rows:  # another shopper's question quoted in a community-answer candidate
                rows = [r for r in epqa if r["source"] == "cqa" and ("Question: " + text) in r["candidate"]]
                where = "cqa candidate"
            assert rows, text
            if loc is not None:
                assert rows[0]["qid"] == loc, (text, rows[0]["qid"], loc)
            qid, asin = rows[0]["qid"], rows[0]["ASIN"]
            src_rec = {"dataset": "ePQA (amazon-science/contextual-product-qa)", "file": "ePQA/dev.csv", "qid": qid, "asin": asin, "field": where}
            if where != "question":
                src_rec["qa_pair_id"] = rows[0]["qa_pair_id"]
            rec = {
                "id": f"epqa-{qid}" if where == "question" else f"epqa-cqa-{rows[0]['qa_pair_id']}",
                "q": text,
                "expect": {"faq": fid},
                "source": src_rec,
            }
            if asin in catalog:
                rec["after"] = [after_turn(catalog[asin]["name"])]
            group = f"epqa-q:{qid}:{text}"
        else:
            rows = het_by_q.get(text)
            where = "question"
            if not rows:
                rows = [r for r in het if r.get("source") == "CQA" and ("Question: " + text) in r["candidate"]]
                where = "CQA candidate"
            assert rows, text
            asin = rows[0]["ASIN"]
            rec = {
                "id": f"hetpqa-{asin.lower()}-{h(text)[:6]}",
                "q": text,
                "expect": {"faq": fid},
                "source": {"dataset": "hetPQA (amazon-science/contextual-product-qa)", "file": rows[0]["_file"], "asin": asin, "field": where},
            }
            group = f"het:{text}"
        items.append(("faq", group, rec))

    # ---- split: whole groups (source query / product / source question) go
    # to one half.  Within each kind, groups are ordered by stratum (product
    # requests with/without a constraint key; FAQ target) and then by sha1, and
    # dealt out alternately, so both halves get the same mix.
    def stratum(kind, rec):
        e = rec["expect"]
        if kind == "product":
            return "constrained" if ("brand" in e or "color" in e) else "plain"
        if kind == "faq":
            return e["faq"]
        return ""

    halves = {"dev": [], "test": []}
    for kind in ("product", "attribute", "faq", "none"):
        gstrat = {}
        for k, g, rec in items:
            if k == kind:
                gstrat.setdefault(g, stratum(kind, rec))
        groups = sorted(gstrat, key=lambda g: (gstrat[g], h(kind + "|" + g)))
        side = {g: ("dev" if i % 2 == 0 else "test") for i, g in enumerate(groups)}
        for k, g, rec in items:
            if k == kind:
                rec["source"]["kind"] = kind
                halves[side[g]].append(rec)
    for name in halves:
        halves[name].sort(key=lambda r: (r["source"]["kind"], r["id"]))

    return catalog, origin, halves


def write(catalog, halves):
    OUT.mkdir(parents=True, exist_ok=True)
    (OUT / "store.toml").write_text(
        "# Real English shoppers' words (ESCI, ePQA/hetPQA, ABCD) - see SOURCE.md.\n"
        'name = "Open Shelf"\n'
        'language = "en"\n'
        'currency = "USD"\n',
        encoding="utf-8",
    )
    cols = ["sku", "name", "category", "price", "brand", "colors", "description"]
    with open(OUT / "products.csv", "w", encoding="utf-8", newline="") as f:
        w = csv.DictWriter(f, fieldnames=cols, lineterminator="\n")
        w.writeheader()
        for sku in sorted(catalog):
            w.writerow(catalog[sku])
    with open(OUT / "faq.csv", "w", encoding="utf-8", newline="") as f:
        w = csv.DictWriter(f, fieldnames=["id", "question", "answer", "alternates", "tags"], lineterminator="\n")
        w.writeheader()
        for row in FAQ:
            w.writerow({k: row[k] for k in ("id", "question", "answer", "alternates", "tags")})
    for name, recs in halves.items():
        with open(OUT / f"{name}.jsonl", "w", encoding="utf-8") as f:
            for rec in recs:
                f.write(json.dumps(rec, ensure_ascii=False) + "\n")


def validate() -> dict:
    """Every line parses, every SKU/FAQ id exists, nothing leaks into faq.csv."""
    with open(OUT / "products.csv", encoding="utf-8", newline="") as f:
        prows = list(csv.DictReader(f))
    skus = [r["sku"] for r in prows]
    assert len(skus) == len(set(skus)), "duplicate sku"
    assert 60 <= len(skus) <= 400, len(skus)
    for r in prows:
        assert re.fullmatch(r"\S{1,64}", r["sku"]), r["sku"]
        assert r["name"] and r["category"], r["sku"]
        assert re.fullmatch(r"\d+\.\d{2}", r["price"]) and float(r["price"]) > 0, r
        assert "," not in r["colors"], r["sku"]
    with open(OUT / "faq.csv", encoding="utf-8", newline="") as f:
        frows = list(csv.DictReader(f))
    faq_ids = {r["id"] for r in frows}
    faq_text = " ".join((r["question"] + " " + r["alternates"]).lower() for r in frows)
    for r in frows:
        assert len([a for a in r["alternates"].split(";") if a]) <= 2, r["id"]
    skuset = set(skus)
    counts = Counter()
    ids = set()
    for name in ("dev", "test"):
        for n, line in enumerate(open(OUT / f"{name}.jsonl", encoding="utf-8"), 1):
            rec = json.loads(line)
            assert rec["id"] not in ids, rec["id"]
            ids.add(rec["id"])
            assert isinstance(rec["q"], str) and rec["q"].strip(), (name, n)
            exp = rec["expect"]
            for key in ("products_any", "products_all"):
                for s in exp.get(key, []):
                    assert s in skuset, (name, n, s)
                assert len(exp.get(key, [])) <= 15
            if "faq" in exp:
                assert exp["faq"] in faq_ids, (name, n, exp["faq"])
            assert rec["q"].lower() not in faq_text, ("eval question copied into faq.csv", rec["q"])
            assert "after" not in rec or all(isinstance(t, str) and t for t in rec["after"])
            counts[(name, rec["source"]["kind"])] += 1
    return counts


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--check", action="store_true", help="validate the existing files only")
    args = ap.parse_args()
    if not args.check:
        catalog, origin, halves = build()
        write(catalog, halves)
        o = Counter(v.split("/")[0] for v in origin.values())
        d = Counter(v for v in origin.values() if v.endswith("derived-price"))
        print(f"products: {len(catalog)} ({dict(o)}); derived prices: {sum(d.values())}")
    counts = validate()
    kinds = ("product", "attribute", "faq", "none")
    for name in ("dev", "test"):
        total = sum(counts[(name, k)] for k in kinds)
        print(f"{name}: {total} " + " ".join(f"{k}={counts[(name, k)]}" for k in kinds))
    return 0


if __name__ == "__main__":
    sys.exit(main())
