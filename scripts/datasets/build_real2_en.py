#!/usr/bin/env python3
"""Build the ``tests/data/real2_en`` evaluation store (a tuning set) from public datasets.

Everything the shoppers say comes from fetched copies of public repositories
(see ``tests/data/real2_en/SOURCE.md``):

* PSCon (``JieZouIR/PSCon``, CC-BY-4.0): English conversational product search,
  human users talking to a human assistant who searched Amazon and recommended
  products (ASIN + title), with the user's final liked/disliked rating.  Gives
  the product requests, the follow-up turns, questions about a shown product,
  requests for kinds the store does not carry, and the catalog (product titles).
* WANDS (``wayfair/WANDS``, MIT): real Wayfair search queries (``query.csv``);
  only queries for kinds this catalog does not carry are used, as ``none`` lines.
* Amazon product Q&A (McAuley et al., ``qa_Appliances.json`` as copied into
  ``skverma8873/ecomm-conversation-nm``; licence not stated): real shoppers'
  questions about shipping, delivery, warranty, returns… asked on appliance pages.
* Twitter CDP (``IBM/twitter-customer-care-document-prediction``, Apache-2.0):
  real customers' tweets to retailers' support accounts (returns, refunds,
  late deliveries).

The script reads the files straight out of the fetched git mirrors (pinned
commits), selects, labels and validates.  It is deterministic.  Shopper text is
copied verbatim; the only change is that a tweet's leading @-mentions of the
support account are dropped (the rest of the tweet is verbatim, and the whole
tweet is kept in ``source.text``).  FAQ rows, product categories, prices and the
labels are written by hand (see SOURCE.md).  This is a dev (tuning) set only.

Usage::

    python scripts/datasets/build_real2_en.py            # build + validate
    python scripts/datasets/build_real2_en.py --check    # validate only
    python scripts/datasets/build_real2_en.py --review   # build, and print every line

``SHOPGUIDE_MIRROR`` overrides the mirror root (default ``/work/.mirror``).
"""

from __future__ import annotations

import argparse
import csv
import io
import json
import re
import sys
from collections import Counter
from pathlib import Path

from common import read_blob
from common import sha1 as h

ROOT = Path(__file__).resolve().parents[2]
OUT = ROOT / "tests" / "data" / "real2_en"

# (mirror folder, commit, path in repository)
SOURCES = {
    "pscon": (
        "JieZouIR+PSCon",
        "c3ea9305d02b0761d5423bda4680ec6f7f8befda",
        "dataset/conversation_en.json",
    ),
    "wands_queries": (
        "wayfair+WANDS",
        "3b74dcf4ba29ab8ff3e6a50b5b09fc627cb882b5",
        "dataset/query.csv",
    ),
    "amazon_qa": (
        "skverma8873+ecomm-conversation-nm",
        "ad82ebf4c570ee3ade367db4a6ac5e4d9115aef6",
        "qa_Appliances.json",
    ),
    "cdp_dev": (
        "IBM+twitter-customer-care-document-prediction",
        "453470eea55a1777f798053a6ac6302a9bf80f9a",
        "dev.json",
    ),
    "cdp_test": (
        "IBM+twitter-customer-care-document-prediction",
        "453470eea55a1777f798053a6ac6302a9bf80f9a",
        "test.json",
    ),
}


def read_source(key: str) -> bytes:
    return read_blob(*SOURCES[key])


# ---------------------------------------------------------------------------
# PSCon: what each conversation is about (written by hand from the turns)
# ---------------------------------------------------------------------------

# kind -> (category path, typical price in USD used to derive a fixed price)
KINDS = {
    "refrigerator": ("Home Appliances/Refrigeration", 420),
    "air conditioner": ("Home Appliances/Room Cooling", 380),
    "laptop": ("Computing/Portable Computing", 950),
    "desktop": ("Computing/Desktop Towers", 900),
    "monitor": ("Computing/Displays", 220),
    "graphics card": ("Computing/PC Components", 560),
    "mouse": ("Computing/Input Devices", 60),
    "keyboard": ("Computing/Input Devices", 55),
    "laptop stand": ("Computing/Desk Accessories", 35),
    "printer": ("Computing/Printing", 160),
    "printer paper": ("Office Supplies/Paper Goods", 14),
    "pen": ("Office Supplies/Writing Instruments", 12),
    "cell phone": ("Mobile/Handsets", 520),
    "watch": ("Wearables/Wrist Watches", 260),
    "headphones": ("Audio/Personal Listening", 150),
    "tv": ("Home Entertainment/Screens", 560),
    "video game": ("Gaming/Console Titles", 40),
    "game console": ("Gaming/Handheld Systems", 200),
    "game controller": ("Gaming/Gamepads", 35),
    "book": ("Literature/Printed Titles", 18),
    "tent": ("Camping Gear/Shelter", 90),
    "hiking backpack": ("Camping Gear/Rucksacks", 60),
    "water bottle": ("Camping Gear/Hydration", 25),
    "cat food": ("Pet Supplies/Cat Nutrition", 25),
    "coffee": ("Pantry/Hot Drinks", 15),
    "tea": ("Pantry/Hot Drinks", 10),
    "soda": ("Pantry/Cold Drinks", 12),
    "cheese": ("Pantry/Dairy & Spreads", 20),
    "peanut butter": ("Pantry/Dairy & Spreads", 12),
    "apples": ("Pantry/Fresh Fruit", 8),
    "baby bottle": ("Nursery/Feeding", 22),
    "doll": ("Kids Play/Soft Toys", 25),
    "office chair": ("Furnishings/Seating", 950),
    "dining table": ("Furnishings/Tables", 380),
    "bed frame": ("Furnishings/Bedroom Frames", 260),
    "storage cabinet": ("Furnishings/Storage Units", 140),
    "desk lamp": ("Furnishings/Task Lighting", 35),
    "alarm clock": ("Furnishings/Timekeeping", 25),
    "bed pillow": ("Bedding/Sleep Pillows", 40),
    "drinking glass": ("Kitchenware/Glassware", 28),
    "hair dryer": ("Personal Care/Hair Appliances", 32),
    "electric shaver": ("Personal Care/Shavers", 60),
    "shampoo": ("Personal Care/Hair Wash", 12),
    "toothpaste": ("Personal Care/Oral Hygiene", 9),
    "facial cleanser": ("Skincare/Face Wash", 14),
    "eye cream": ("Skincare/Eye Treatments", 26),
    "sunscreen": ("Skincare/Sun Protection", 11),
    "perfume": ("Fragrance/Men's Scents", 60),
    "t-shirt": ("Apparel/Tees", 22),
    "sport coat": ("Apparel/Tailoring", 120),
    "jacket": ("Apparel/Outerwear", 55),
    "pajamas": ("Apparel/Sleepwear", 30),
    "underwear": ("Apparel/Undergarments", 20),
    "socks": ("Apparel/Hosiery", 15),
    "cap": ("Apparel/Headwear", 25),
    "running shoes": ("Footwear/Athletic", 95),
    "soccer cleats": ("Footwear/Athletic", 85),
    "hiking boots": ("Footwear/Trail", 110),
    "slides": ("Footwear/Sandals & Slides", 30),
}

# Conversations whose recommended products make up the catalog (conv id -> kind).
CATALOG_CONVS = {
    8005: "refrigerator",
    32325: "air conditioner",
    5412: "laptop", 18047: "laptop",
    7158: "desktop",
    12421: "monitor",
    3005: "graphics card",
    944: "mouse",
    9673: "keyboard",
    7618: "laptop stand",
    26111: "printer",
    16110: "printer paper",
    25602: "pen",
    19360: "cell phone", 14412: "cell phone",
    20322: "watch",
    12535: "headphones", 3698: "headphones",
    26515: "tv",
    20534: "video game",
    25045: "game console",
    15395: "game controller",
    4167: "book", 21951: "book",
    21443: "tent",
    17180: "hiking backpack",
    11301: "water bottle",
    23826: "cat food",
    26291: "coffee",
    32159: "tea",
    27109: "soda",
    4516: "cheese",
    17316: "peanut butter",
    14159: "apples",
    26902: "baby bottle",
    13211: "doll",
    26736: "office chair",
    7331: "dining table",
    14794: "bed frame",
    15798: "storage cabinet",
    12146: "desk lamp",
    7027: "alarm clock",
    4435: "bed pillow",
    8655: "drinking glass",
    3962: "hair dryer",
    19049: "electric shaver",
    17415: "shampoo",
    14271: "toothpaste",
    4744: "facial cleanser",
    18333: "eye cream",
    5100: "sunscreen",
    17527: "perfume",
    8168: "t-shirt",
    2481: "sport coat",
    18722: "jacket",
    25849: "pajamas",
    25621: "underwear",
    25833: "socks",
    8502: "cap",
    8339: "running shoes",
    9775: "soccer cleats",
    3182: "hiking boots",
    18567: "slides",
}

# Conversations whose first request is used, labelled with every catalog product
# of the kinds listed (their own recommendations are not in the catalog).
# conv id -> (kinds, optional regex a title must match, note)
REQUEST_ONLY = {
    31879: (["watch"], None),
    31604: (["desktop", "laptop"], None),
    305: (["desktop", "laptop"], None),
    20771: (["laptop"], None),
    11000: (["cell phone"], None),
    745: (["cell phone"], None),
    2776: (["tv"], None),
    7487: (["office chair"], None),
    6318: (["desk lamp"], None),
    1470: (["drinking glass"], None),
    36700: (["hair dryer"], None),
    37104: (["electric shaver"], None),
    40109: (["toothpaste"], None),
    39241: (["shampoo"], None),
    47177: (["perfume"], None),
    40303: (["printer paper"], None),
    32718: (["cap"], None),
    30396: (["hiking backpack"], None),
    29305: (["hiking boots"], None),
    17697: (["coffee"], r"(?i)instant"),
    10166: (["tea"], None),
    18457: (["facial cleanser"], None),
    6855: (["air conditioner"], None),
    7792: (["pen", "printer paper"], None),
}

# Conversations about a kind the catalog does not carry: the first request is a
# ``none`` line (their own recommendations are not in the catalog).
NONE_CONVS = {
    42442: "eyeliner", 43007: "lipstick", 42246: "eye shadow", 41676: "liquid foundation",
    48397: "rice cooker", 49438: "air fryer", 49848: "yogurt maker", 50846: "kitchen tongs",
    51649: "peeler", 50453: "cutting board", 53002: "apron", 55871: "plastic wrap",
    38835: "hand sanitizer", 36327: "deodorant", 46967: "lip balm", 32913: "scarf",
    33448: "sunglasses", 33465: "washing machine", 27334: "wine", 13130: "baby formula",
    9564: "cutlery", 13499: "painting",
}

# Turns of catalog conversations that are not used as lines: (conv id, verbatim turn) -> why.
PSCON_SKIP = {
    (8005, "I don't like it. I want haier."): "answers the assistant's brand offer",
    (8005, "These aren't haier."): "the assistant fell back to a wine cooler",
    (4435, "both are ok.Let's just recommend these two."): "refers to brands the assistant named",
    (5100, "This is very well known and I love it. Just recommend this one."): "refers to a brand the assistant named",
    (5100, "I'd like to sell them individually."): "garbled",
    (23826, "Could you include the cost "): "asks about the shown product: used as a question about it",
    (4744, "Not required"): "only answers the assistant's question",
    (14271, "Yes, you can. Give me a recommendation."): "answers the assistant's brand offer",
    (15798, "There's no requirement, as long as I am satisfied"): "only answers the assistant's question",
}

# Questions about products just shown: conv id -> [(verbatim user turn, positions in the
# latest recommendation it is about, 1-based; None = the whole latest recommendation)]
ABOUT_SHOWN_TEXT = {
    21951: [('Does the first recommendation "Must Know High School Computer Programming" include homework exercises?', [1])],
    20534: [("I have played the first one already and i liked it, are the games you mention after comparable to it?", None)],
    23826: [("Could you include the cost ", None), ("Ok, what makes it the best value? ", None)],
    25045: [("Do you have bundles? With a game included? ", None)],
    17316: [("Wonderful! I want the third one, could you kindly order it for me?", None)],
    4516: [("Great! Order the second one for me now, please.", None)],
    18722: [("The third one looks fine. Please help me place an order.", None)],
    15395: [("I really like the first one. Thanks.", None)],
    17415: [("I'll choose the second one. Thanks for helping me!", None)],
    19049: [("I'll take the first one. Thanks a lot!", None)],
}

# Follow-up turns of catalog conversations used as lines (conv id -> verbatim turns, outer
# whitespace trimmed); every other follow-up is left out to keep the set small.
FOLLOWUPS = {
    8005: ["No, this one's too small. I want double doors."],
    32325: ["Thanks for the suggestion. Any other options?"],
    26515: ["Sounds good. Any other suggestions?"],
    19360: ["I like the second one, but with 512 GB memory storage"],
    14412: ["Thanks for the recommendation, but I prefer Huawei as a brand, can you recommend me Huawei's cell phone"],
    5412: ["It has to be Intel. It's more compatible compared to AMD."],
    944: ["The second one is okay, but I want a higher end gaming mouse"],
    12535: ["Actually, I don't really like over-the-head headphones. I'd prefer in-ear ones, as they are more lightweight."],
    3698: ["Actually, what I want is an over-the-head Bluetooth headset. Please recommend again."],
    3005: ["Actually, I prefer NVIDIA graphics cards over AMD's."],
    26291: ["but i like lawaza"],
    8502: ["No, I don't like Adidas."],
    8339: ["No, I want to use it for running."],
    7158: ["No good, the recommended video card for me is an rtx 4090"],
    14794: ["Recommend more of this brand：ZINUS"],
    15798: ["I think vasagle is a good brand recommend a few more"],
    25833: ["I dislike it. Can we make a change?"],
    25849: ["Don't like it. Change it"],
    17527: ["On second thought, I'd prefer a strong fragrance."],
    2481: ["No suits, okay? I'm gonna wear a sport coat."],
    17180: ["Please provide some more options. I don't really like the backpacks you showed me."],
    11301: ["I like the second one; please show me more similar black water bottles."],
    13211: ["I like the second one, please show me more similar products."],
    7027: ["I don't like them, I want the bright colored ones"],
    4435: ["acanva's pillow works better for me. Recommend a few more"],
    21443: ["do you have ultra light ones? less than 1.5kg?"],
    12421: ["Samsung is a great brand, can you recommend a few more?"],
    7618: ["Recommend more OMOTON brands"],
    9673: ["No, I want the whole thing."],
    4167: ["novel is ok."],
}
# Kinds too mixed for "every product of the kind" to answer a bare first request.
MIXED_KINDS = {"book"}
# Conversations where the user changed their mind later: the first request is labelled
# with the first recommendation only.
STEP_ONLY = {17527}

PRICE_RE = re.compile(
    r"\$\s?\d|\d\s*(?:dollars|euros|bucks)|\bbudget|cheaper|expensive|affordable|under \d|price range",
    re.I,
)
REJECT_RE = re.compile(
    r"(?i)\b(dislike|don't like|not what i want|change it|not satisfied|not fond|not really\.?$|any other (?:options|suggestions))"
)


def load_pscon():
    convs = json.loads(read_source("pscon"))
    return {c["conv_id"]: c for c in convs}


def user_turns(conv):
    return [m for m in conv["conversation"] if m["role"] == "user" and m.get("intent") != "Chitchat"]


def first_request(conv):
    for m in user_turns(conv):
        if m.get("intent") == "Reveal":
            return m
    return user_turns(conv)[0]


def steps(conv):
    """Recommendation steps: (the user turn that asked, earlier user turns, products)."""
    out = []
    msgs = conv["conversation"]
    for i, m in enumerate(msgs):
        if not m.get("recommended_products"):
            continue
        prev_users = [u for u in msgs[:i] if u["role"] == "user" and u.get("intent") != "Chitchat"]
        if not prev_users:
            continue
        trigger = prev_users[-1]
        prods = [p["product_id"] for p in m["recommended_products"]]
        if out and out[-1][0]["msg_id"] == trigger["msg_id"]:
            out[-1][2].extend(p for p in prods if p not in out[-1][2])
            continue
        out.append((trigger, prev_users[:-1], prods))
    return out


# ---------------------------------------------------------------------------
# Catalog
# ---------------------------------------------------------------------------


def price_for(sku: str, kind: str) -> str:
    base = KINDS[kind][1]
    f = 0.6 + 0.8 * (int(h("price:" + sku)[:8], 16) / 0xFFFFFFFF)
    v = max(1.0, round(base * f)) - 0.01
    return f"{v:.2f}"


def build_catalog(pscon):
    catalog = {}
    kind_of = {}
    for cid, kind in sorted(CATALOG_CONVS.items()):
        conv = pscon[cid]
        for m in conv["conversation"]:
            for p in m.get("recommended_products") or []:
                sku = p["product_id"]
                title = re.sub(r"\s+", " ", p.get("product_title") or "").strip()
                assert title, (cid, sku)
                if sku in catalog:
                    assert kind_of[sku] == kind, (sku, kind_of[sku], kind)
                    continue
                kind_of[sku] = kind
                catalog[sku] = {
                    "sku": sku,
                    "name": title,
                    "category": KINDS[kind][0],
                    "price": price_for(sku, kind),
                }
    return catalog, kind_of


# ---------------------------------------------------------------------------
# PSCon lines
# ---------------------------------------------------------------------------


def pscon_lines(pscon, catalog, kind_of):
    lines = []
    by_kind = {}
    for sku, k in kind_of.items():
        by_kind.setdefault(k, []).append(sku)

    def src(cid, m, kind, what):
        return {
            "dataset": "PSCon (JieZouIR/PSCon)",
            "file": SOURCES["pscon"][2],
            "conv_id": cid,
            "msg_id": m["msg_id"],
            "kind": kind,
            "line": what,
        }

    # 1. requests in catalog conversations
    for cid, kind in sorted(CATALOG_CONVS.items()):
        conv = pscon[cid]
        conv_products = {p for _, _, ps in steps(conv) for p in ps}
        shown: list[str] = []
        for n, (trig, before, prods) in enumerate(steps(conv)):
            q = trig["content"].strip()
            after = [u["content"].strip() for u in before]
            wanted = n == 0 or q in FOLLOWUPS.get(cid, [])
            skip = (cid, trig["content"]) in PSCON_SKIP or not wanted
            skip = skip or any(PRICE_RE.search(t) for t in [q, *after]) or len(q.split()) < 2
            if n == 0 and not after and kind not in MIXED_KINDS:
                expect = sorted(by_kind[kind])
                what = "first request: every catalog product of the kind"
            elif n == 0 and cid not in STEP_ONLY:
                expect = sorted(conv_products)
                what = "first request with details: every product the assistant recommended in this conversation"
            elif n > 0 and REJECT_RE.search(q):
                expect = sorted(s for s in by_kind[kind] if s not in shown)
                what = "asks for something else: every catalog product of the kind not shown yet"
            else:
                expect = sorted(set(prods))
                what = "the products the assistant recommended for this turn"
            shown.extend(p for p in prods if p not in shown)
            if skip or not expect:
                continue
            rec = {"id": f"pscon-{cid}-{trig['msg_id']}", "q": q}
            if after:
                rec["after"] = after
            rec["expect"] = {"products_any": expect[:15]}
            rec["source"] = src(cid, trig, "product", what)
            lines.append(rec)
        # questions about what was shown
        for text, positions in ABOUT_SHOWN_TEXT.get(cid, []):
            lines.append(about_shown(conv, text, positions, catalog, src))

    # 2. first requests of other conversations, kind-level labels
    for cid, (kinds, title_re) in sorted(REQUEST_ONLY.items()):
        conv = pscon[cid]
        m = first_request(conv)
        assert not PRICE_RE.search(m["content"]), cid
        expect = sorted(s for k in kinds for s in by_kind[k]
                        if not title_re or re.search(title_re, catalog[s]["name"]))
        assert expect, cid
        lines.append({
            "id": f"pscon-{cid}-{m['msg_id']}",
            "q": m["content"].strip(),
            "expect": {"products_any": expect[:15]},
            "source": src(cid, m, "product", "first request: every catalog product of " + ", ".join(kinds)
                         + (f" whose title matches {title_re}" if title_re else "")),
        })
    assert set(ABOUT_SHOWN_TEXT) <= set(CATALOG_CONVS)
    assert all(c in CATALOG_CONVS for c, _ in PSCON_SKIP) and set(FOLLOWUPS) <= set(CATALOG_CONVS)
    used = {(r["source"]["conv_id"], r["q"]) for r in lines}
    missing = [(c, t) for c, ts in FOLLOWUPS.items() for t in ts if (c, t) not in used]
    assert not missing, missing
    # 3. kinds the store does not carry
    for cid, what in sorted(NONE_CONVS.items()):
        conv = pscon[cid]
        m = first_request(conv)
        lines.append({
            "id": f"pscon-none-{cid}-{m['msg_id']}",
            "q": m["content"].strip(),
            "expect": {"none": True},
            "source": src(cid, m, "none", f"asks for {what}; the catalog has none"),
        })
    return lines


def about_shown(conv, text, positions, catalog, src):
    cid = conv["conv_id"]
    msgs = conv["conversation"]
    idx = next(i for i, m in enumerate(msgs) if m["role"] == "user" and m["content"] == text)
    before = [u for u in msgs[:idx] if u["role"] == "user" and u.get("intent") != "Chitchat"]
    last = [m for m in msgs[:idx] if m.get("recommended_products")][-1]
    batch = [p["product_id"] for p in last["recommended_products"]]
    if positions:
        batch = [batch[p - 1] for p in positions]
    batch = [s for s in batch if s in catalog]
    assert batch, cid
    rec = {"id": f"pscon-{cid}-{msgs[idx]['msg_id']}", "q": text.strip(),
           "after": [u["content"].strip() for u in before], "expect": {"products_any": sorted(set(batch))}}
    rec["source"] = src(cid, msgs[idx], "attribute", "question about the products just shown")
    return rec


# ---------------------------------------------------------------------------
# WANDS queries for kinds the catalog does not carry
# ---------------------------------------------------------------------------

WANDS_NONE = [420, 294, 253, 58, 260, 461, 431, 455, 36, 307, 346, 438, 445, 302, 106, 47]


def wands_lines():
    text = read_source("wands_queries").decode("utf-8")
    rows = {int(r["query_id"]): r for r in csv.DictReader(io.StringIO(text), delimiter="\t")}
    out = []
    for qid in WANDS_NONE:
        r = rows[qid]
        out.append({
            "id": f"wands-none-{qid}",
            "q": r["query"],
            "expect": {"none": True},
            "source": {"dataset": "WANDS (wayfair/WANDS)", "file": SOURCES["wands_queries"][2],
                       "query_id": qid, "query_class": r["query_class"], "kind": "none"},
        })
    return out


# ---------------------------------------------------------------------------
# FAQ (written by hand) and the policy questions
# ---------------------------------------------------------------------------

FAQ = [
    {"id": "returns", "question": "What is your return policy?",
     "answer": "Most items can be returned within 30 days of delivery for a refund or an exchange, unused and in the original packaging. Opened video games, software and personal-care items can be returned only if they are faulty. Start a return at the service desk or in your account: we email a prepaid return label, and you can also bring the item to any of our stores.",
     "alternates": "can I send something back;how do I return an item", "tags": "returns"},
    {"id": "refunds", "question": "How do refunds work and how long do they take?",
     "answer": "Refunds go back to the card or account you paid with, or to store credit if you prefer. We start the refund the day the returned item reaches us; it shows on your statement within 5-7 business days.",
     "alternates": "when do I get my money back;can I get a refund", "tags": "refunds"},
    {"id": "shipping_cost", "question": "How much does shipping cost?",
     "answer": "Standard shipping is free on orders over $35; below that it is $5.99 per order, charged once for the whole order however many items it holds. Large appliances and furniture ship free with curbside delivery.",
     "alternates": "is shipping free;what are the delivery charges", "tags": "shipping"},
    {"id": "delivery_time", "question": "How long does delivery take?",
     "answer": "Standard delivery takes 3-5 business days and express delivery ($14.99) 1-2 business days. Large appliances and furniture are delivered within 5-10 business days on a day we agree with you.",
     "alternates": "when will my order arrive;how fast do you ship", "tags": "shipping"},
    {"id": "international_shipping", "question": "Do you ship outside the United States?",
     "answer": "We deliver to addresses in the 50 US states only, including Alaska and Hawaii. We do not ship to other countries or to freight forwarders.",
     "alternates": "do you ship abroad;international delivery", "tags": "shipping"},
    {"id": "delivery_installation", "question": "Do you install appliances and take away the old one?",
     "answer": "Large appliances can be delivered to the room of your choice for $49, and our crew can connect standard refrigerators, washers and dryers for $99 more. We haul away your old appliance for $25. Built-in, gas and hard-wired installs need a licensed installer.",
     "alternates": "is installation included;haul away old appliance", "tags": "delivery"},
    {"id": "delivery_scheduling", "question": "Can I choose or delay the delivery date?",
     "answer": "Yes. For large items we call you to book the delivery day; you can pick any day up to 30 days after the purchase. For parcels, choose a later ship date at checkout.",
     "alternates": "schedule my delivery;can you hold my order", "tags": "delivery"},
    {"id": "warranty", "question": "What warranty do your products have?",
     "answer": "Every new product carries its maker's warranty, usually one year on parts and labour; the length is on the product's box and page. Within 30 days of delivery we replace a faulty item ourselves; after that the maker repairs it under its warranty, and we help you file the claim.",
     "alternates": "is there a warranty;how long is the guarantee", "tags": "warranty"},
    {"id": "protection_plan", "question": "Can I buy an extended warranty?",
     "answer": "Yes. A 2- or 3-year protection plan is offered on appliances, computers, phones and TVs; you can add it at checkout or at the service desk within 30 days of purchase. It starts when the maker's warranty ends and covers repairs or a replacement.",
     "alternates": "extended protection plan;buy extra coverage", "tags": "warranty"},
    {"id": "gift_packaging", "question": "Do you offer gift wrap or plain packaging?",
     "answer": "Gift wrap is $4.99 per item and can be chosen at checkout, with a gift message and no prices on the packing slip. Any order can also ship in a plain outer box that does not show what is inside.",
     "alternates": "can you wrap it as a present;discreet box", "tags": "gifts"},
    {"id": "late_or_missing_order", "question": "My order has not arrived. What should I do?",
     "answer": "Check the tracking link in your order confirmation first. If the parcel is more than 3 days past its estimated date, or marked delivered but not there, contact us: we trace it with the carrier and, if it cannot be found, send a replacement or refund you in full.",
     "alternates": "where is my package;my delivery is late", "tags": "orders"},
    {"id": "damaged_or_wrong_item", "question": "I received a damaged or wrong item. What now?",
     "answer": "Tell us within 30 days of delivery, with a photo if it is damaged. We send the right item or a replacement at no cost, with a prepaid label to return the one you received, or refund you if you prefer.",
     "alternates": "item arrived broken;you sent the wrong product", "tags": "orders"},
    {"id": "price_changes", "question": "The price dropped after I bought. Can I get the difference?",
     "answer": "If our price for the same item drops within 14 days of your purchase, we refund the difference on request. Prices change with promotions; the price you pay is the one shown at checkout.",
     "alternates": "price adjustment;why did the price change", "tags": "prices"},
    {"id": "stock_availability", "question": "Is this item in stock?",
     "answer": "Each product shows how many are in stock. Items in stock ship within 1 business day. If an item is out of stock you can order it and we ship when it arrives, or ask us to tell you when it is back.",
     "alternates": "do you have it available;when will it be back in stock", "tags": "stock"},
    {"id": "payment_methods", "question": "Which payment methods do you accept?",
     "answer": "We accept Visa, Mastercard, American Express, Discover, PayPal, Apple Pay and our gift cards. You can split a payment between a gift card and one other method.",
     "alternates": "can I pay with paypal;do you take credit cards", "tags": "payment"},
    {"id": "cancel_order", "question": "Can I cancel or change my order?",
     "answer": "Orders can be cancelled or changed free of charge until they ship, in your account or by contacting us. Once shipped, return the item instead.",
     "alternates": "cancel my order;change my order", "tags": "orders"},
]

# Amazon Q&A (appliances): verbatim question -> FAQ id
AMAZON_QA = {
    "What is the warranty?": "warranty",
    "what is the warranty? mine is 11 monrhs old, and it cracked .": "warranty",
    "Does this item have a warranty? The motor on the one we ordered is already out :(": "warranty",
    "Is warranty offered by Frigidaire? Some manufacturers don't standby their warranty if the product is brought online.": "warranty",
    "Can an extended warranty be purchased for this product?": "protection_plan",
    "Hi! Can I purchase an extended warranty from you as well?": "protection_plan",
    "My refrigerator just shipped to my house today. Can I go back and get a warranty on it?": "protection_plan",
    "Is shipping free?": "shipping_cost",
    "What is the shipping cost?": "shipping_cost",
    "I would like to buy at least 5 filters. Could I pay 1 shipping price if you bundle it? Thank you.": "shipping_cost",
    "Can I purchase 4 knobs and save on the shipping, or do I have to pay the shipping charge per knob?": "shipping_cost",
    "is there a delivery fee": "shipping_cost",
    "Do you ship to Mexico? Thank you!": "international_shipping",
    "Hi, can you give me the shipping rates for France please ?": "international_shipping",
    "Anyone know if this can be shipped to Australia??": "international_shipping",
    "How long does shipping usually take?": "delivery_time",
    "How quickly will this item arrive?": "delivery_time",
    "how long to ship to florida?": "delivery_time",
    "arrival time": "delivery_time",
    "Does delivery include installation?": "delivery_installation",
    "Will you deliver it to my kitchen and take my old fridge?": "delivery_installation",
    "Does 'shipping' include installation and haul away of the old refrigerator, or at lease haul away of the old refrigerator?": "delivery_installation",
    "Does the delivery company perform the installation, or do I need to contract an installer?": "delivery_installation",
    "Hi, I'd like to order this for my daughter who will be heading to college next month. Is there a way to purchase and delay shipping?": "delivery_scheduling",
    "After purchasing, how long can I delay delivery?": "delivery_scheduling",
    "Im looking at purchasing this fridge, I wanted to know how do we coordinate delivery?": "delivery_scheduling",
    "Does this come in its own box? I'd like to give it as a gift and want it to look new (rather than presenting it in an Amazon box).": "gift_packaging",
    "I live in a dorm and owning a fridge is contraband. Is it shipped in a plain box or clearly marked as a fridge?": "gift_packaging",
    "Wow the price was $118 with free shipping, then it went to $143 with free shipping and now today it's $105 and cost $40 to ship. All that in 4 days?": "price_changes",
    "In case something goes wrong, has anyone returned this heavy unit to Amazon? Do you have to pay shipping?": "returns",
    "I ordered the long sensor but recieved a short one . Both have the same number. Is the short one able to replace the long one or do I need to return": "damaged_or_wrong_item",
}

# Twitter CDP: (file, session id) -> FAQ id, or None for a question the store cannot answer
CDP = {
    ("test", "N8vFASQAICyLjg6kUUSg"): "returns",
    ("dev", "uB0Uc1Uueb6MzB1abM0W"): "returns",
    ("test", "vlTJeNmKC1tpmY0HJjrn"): "returns",
    ("test", "djsG01xQqLIUc2VaANBB"): "refunds",
    ("test", "rFrbuKhvcFNK9cWOZtjX"): "late_or_missing_order",
    ("test", "LWvEHac6IhDnMYHOEmIc"): "late_or_missing_order",
    ("test", "2GDFsdcTV59gdOCzhGRh"): "late_or_missing_order",
    ("test", "a6ydFZgdQdggfA35d0xr"): "protection_plan",
    ("test", "eYibZ23IfpkHH4fSRUXl"): "warranty",
    ("dev", "UOPVk8Ew1r6bJ588aJ9o"): None,
    ("test", "5zaJDI5oZMX6NMS2wskL"): None,
    ("dev", "OKjPI95e5rDZqXTkIX6E"): None,
    ("test", "2v3TpcSzVfUYVXr4fnI9"): None,
    ("test", "mWHQd5Ecycvw0qzPI6vg"): None,
}
PERSONAL_RE = re.compile(r"\d{8,}|[\w.+-]+@[\w-]+\.\w+|https?://")
LEADING_MENTIONS = re.compile(r"^(?:[.\s]*@\w+[\s,:]*)+")


def amazon_qa_lines():
    rows = []
    for line in read_source("amazon_qa").decode("utf-8").splitlines():
        try:
            rows.append(json.loads(line))
        except json.JSONDecodeError:
            continue
    by_q = {}
    for r in rows:
        by_q.setdefault(r["question"], r)
    out = []
    for q, faq in AMAZON_QA.items():
        assert q in by_q, q
        r = by_q[q]
        out.append({
            "id": f"amazonqa-{r['asin']}-{h(q)[:6]}",
            "q": q,
            "expect": {"faq": faq},
            "source": {"dataset": "Amazon product Q&A (McAuley et al.), Appliances",
                       "via": "skverma8873/ecomm-conversation-nm", "file": SOURCES["amazon_qa"][2],
                       "asin": r["asin"], "kind": "faq"},
        })
    return out


def cdp_lines():
    data = {name: json.loads(read_source(f"cdp_{name}")) for name in ("dev", "test")}
    out = []
    for (name, session), faq in CDP.items():
        conv = next((c for c in data[name] if c["dialogHeader"]["sessionID"] == session), None)
        assert conv is not None, session
        turn = next(m for m in conv["dialogContent"] if "client" in m)
        text = turn["message"]
        q = LEADING_MENTIONS.sub("", text).strip()
        assert q and q in text, session
        assert not PERSONAL_RE.search(q), (session, "personal data")
        rec = {"id": f"cdp-{session}", "q": q,
               "expect": {"faq": faq} if faq else {"none": True},
               "source": {"dataset": "Twitter CDP (IBM/twitter-customer-care-document-prediction)",
                          "file": SOURCES[f"cdp_{name}"][2], "session": session,
                          "company": conv["dialogHeader"]["company"], "text": text,
                          "kind": "faq" if faq else "none"}}
        out.append(rec)
    return out


# ---------------------------------------------------------------------------
# Build, write, validate
# ---------------------------------------------------------------------------


def build():
    pscon = load_pscon()
    catalog, kind_of = build_catalog(pscon)
    lines = pscon_lines(pscon, catalog, kind_of) + wands_lines() + amazon_qa_lines() + cdp_lines()
    ids = Counter(r["id"] for r in lines)
    assert not [i for i, n in ids.items() if n > 1], [i for i, n in ids.items() if n > 1]
    order = {"product": 0, "attribute": 1, "faq": 2, "none": 3}
    lines.sort(key=lambda r: (order[r["source"]["kind"]], h(r["id"])))
    return catalog, lines


def write(catalog, lines):
    OUT.mkdir(parents=True, exist_ok=True)
    (OUT / "store.toml").write_text(
        "# Real English shoppers' words (PSCon, WANDS, Amazon Q&A, Twitter CDP) - see SOURCE.md.\n"
        'name = "Corner Market"\n'
        'language = "en"\n'
        'currency = "USD"\n',
        encoding="utf-8",
    )
    cols = ["sku", "name", "category", "price"]
    with open(OUT / "products.csv", "w", encoding="utf-8", newline="") as f:
        w = csv.DictWriter(f, fieldnames=cols, lineterminator="\n")
        w.writeheader()
        for sku in sorted(catalog):
            w.writerow(catalog[sku])
    with open(OUT / "faq.csv", "w", encoding="utf-8", newline="") as f:
        w = csv.DictWriter(f, fieldnames=["id", "question", "answer", "alternates", "tags"], lineterminator="\n")
        w.writeheader()
        for row in FAQ:
            w.writerow(row)
    with open(OUT / "dev.jsonl", "w", encoding="utf-8") as f:
        for rec in lines:
            f.write(json.dumps(rec, ensure_ascii=False) + "\n")


def validate() -> Counter:
    with open(OUT / "products.csv", encoding="utf-8", newline="") as f:
        prows = list(csv.DictReader(f))
    skus = [r["sku"] for r in prows]
    assert len(skus) == len(set(skus)), "duplicate sku"
    assert 60 <= len(skus) <= 400, len(skus)
    for r in prows:
        assert re.fullmatch(r"\S{1,64}", r["sku"]), r["sku"]
        assert r["name"] and r["category"], r["sku"]
        assert re.fullmatch(r"\d+\.\d{2}", r["price"]) and float(r["price"]) > 0, r
    with open(OUT / "faq.csv", encoding="utf-8", newline="") as f:
        frows = list(csv.DictReader(f))
    faq_ids = {r["id"] for r in frows}
    faq_text = " ".join((r["question"] + " " + r["alternates"]).lower() for r in frows)
    skuset = set(skus)
    counts = Counter()
    ids = set()
    assert not (OUT / "test.jsonl").exists(), "real2_en is a dev set only"
    for n, line in enumerate(open(OUT / "dev.jsonl", encoding="utf-8"), 1):
        rec = json.loads(line)
        assert rec["id"] not in ids, rec["id"]
        ids.add(rec["id"])
        assert isinstance(rec["q"], str) and rec["q"].strip(), n
        exp = rec["expect"]
        for key in ("products_any", "products_all"):
            for s in exp.get(key, []):
                assert s in skuset, (n, s)
            assert len(exp.get(key, [])) <= 15
        if "faq" in exp:
            assert exp["faq"] in faq_ids, (n, exp["faq"])
        assert rec["q"].lower().strip() not in faq_text, ("eval question copied into faq.csv", rec["q"])
        assert "after" not in rec or all(isinstance(t, str) and t for t in rec["after"])
        assert not PERSONAL_RE.search(" ".join([rec["q"], *rec.get("after", [])])), rec["id"]
        counts[rec["source"]["kind"]] += 1
        counts[rec["source"]["dataset"].split(" ")[0]] += 1
    return counts


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--check", action="store_true", help="validate the existing files only")
    ap.add_argument("--review", action="store_true", help="print every line after building")
    args = ap.parse_args()
    if not args.check:
        catalog, lines = build()
        write(catalog, lines)
        cats = Counter(r["category"].split("/")[0] for r in catalog.values())
        print(f"products: {len(catalog)} in {len(cats)} top categories")
        if args.review:
            for r in lines:
                extra = (" | after: " + " / ".join(r["after"])) if r.get("after") else ""
                print(f"[{r['source']['kind']}] {r['id']}: {r['q']!r}{extra}\n    -> {r['expect']}")
                if "products_any" in r["expect"]:
                    for s in r["expect"]["products_any"][:6]:
                        print("       ", s, catalog[s]["name"][:90])
    counts = validate()
    kinds = ("product", "attribute", "faq", "none")
    print("dev: " + " ".join(f"{k}={counts[k]}" for k in kinds) + f" total={sum(counts[k] for k in kinds)}")
    print("by source: " + " ".join(f"{k}={v}" for k, v in sorted(counts.items()) if k not in kinds))
    return 0


if __name__ == "__main__":
    sys.exit(main())
