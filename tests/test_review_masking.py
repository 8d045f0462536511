"""Phone numbers, e-mail addresses and customers' names typed into questions never reach the
review list, its summary, the rows an action writes, the fine-tune pairs or an export."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from shopguide.review.masking import EMAIL, NAME, PHONE, Masker
from tests.fixtures.review import REVIEW_CUSTOMERS, REVIEW_PRODUCTS


def test_contact_details_are_masked_in_both_scripts() -> None:
    mask = Masker()
    assert mask("call me on +1 555 201 3344 please") == f"call me on {PHONE} please"
    assert mask("我的电话13812345678，邮箱wangfang@qq.com谢谢") == f"我的电话{PHONE}，邮箱{EMAIL}谢谢"
    assert mask("mail emily.carter@example.com or 555-777-1212") == f"mail {EMAIL} or {PHONE}"
    # Dates, prices and sizes are no phone numbers.
    for kept in ("bought it on 2026-11-28", "under $1,299.99", "size 42 or 43", "a 4-person tent"):
        assert mask(kept) == kept


def test_names_are_looked_up_whole_and_by_their_parts() -> None:
    mask = Masker(["Emily Carter", "王芳", "Rose Green"], keep_words=["green"])
    assert mask("hi I'm emily carter, any tents?") == f"hi I'm {NAME}, any tents?"
    assert mask("Emily here: any tents?") == f"{NAME} here: any tents?"
    assert mask("我是王芳，有帐篷吗") == f"我是{NAME}，有帐篷吗"
    # A part that is a word of the shop's own stays; the name as a whole still goes.
    assert mask("a green tent for Rose") == f"a green tent for {NAME}"
    assert mask("Rose Green wants a tent") == f"{NAME} wants a tent"
    assert mask("Carterville trail shoes") == "Carterville trail shoes"  # whole words only


# What the customers typed, with their details as the store holds them.
TYPED = [
    "hi this is Emily Carter, do you sell kayaks? call +1 555 201 3344",
    "kayaks? email me at emily.carter@example.com",
    "我是王芳，你们卖皮划艇吗？电话13812345678",
    "王芳问：有没有独木舟 wangfang@qq.com",
    "Rose Green here, do you do gift wrapping? 555-777-1212",
    "can I rent a tent for the weekend? I'm Emily, 5552013344",
]


def _identifiers() -> list[str]:
    """Each customer's name, its parts that are no word of the shop (a colour "green" is
    the shop's), e-mail, and phone as stored and as bare digits."""
    shop = " ".join(f"{p.name} {p.description} {' '.join(p.colors + p.tags)}"
                    for p in REVIEW_PRODUCTS).lower()
    out = []
    for c in REVIEW_CUSTOMERS:
        parts = [w for w in c.name.split() if w.lower() not in shop] if " " in c.name else []
        out += [c.name, *parts, c.email or "", c.phone or "", re.sub(r"\D", "", c.phone or "")]
    return [x for x in out if x]


_DIGITS = re.compile(r"\+?\d[\d \-().]{5,}\d")


def _leaks(text: str) -> list[str]:
    low = text.lower()
    runs = [re.sub(r"\D", "", m.group(0)) for m in _DIGITS.finditer(text)]
    return [i for i in _identifiers() if (i.lower() in low) or (
        i.isdigit() and any(i in run for run in runs))]


@pytest.fixture
def typed_store(review_store, shoppers_ask):
    for i, q in enumerate(TYPED):
        shoppers_ask([q], rate=[-1], mode="kiosk" if i % 2 else "clerk")
    return review_store


def _cli(store, *args: str) -> str:
    import subprocess
    import sys

    run = subprocess.run([sys.executable, "-m", "shopguide", "--store", str(store.path), *args],
                         capture_output=True, text=True, encoding="utf-8", timeout=300)
    assert run.returncode == 0, run.stderr
    return run.stdout + run.stderr


def test_nothing_in_the_list_summary_actions_pairs_or_export_names_a_customer(
        typed_store, tmp_path: Path) -> None:
    from shopguide.logging_setup import log_file
    from shopguide.store import open_store
    from shopguide.store.exporter import export_store

    store = typed_store
    assert all(_leaks(q) for q in TYPED)  # the premise: every question names someone
    listing = json.loads(_cli(store, "review", "list", "--json"))
    assert len(listing["groups"]) >= 4 and listing["total"] == len(listing["groups"])
    masks = "".join(g["question"] + " ".join(g["phrasings"]) for g in listing["groups"])
    assert NAME in masks and PHONE in masks and EMAIL in masks
    outputs = [json.dumps(listing, ensure_ascii=False), _cli(store, "review", "list"),
               _cli(store, "review", "--summary"), _cli(store, "review", "summary", "--json")]
    # An action of each kind writing rows from the masked words, then everything it writes.
    groups = {g["question"]: g["id"] for g in listing["groups"]}
    ids = list(groups.values())
    _cli(store, "review", "apply", ids[0], "not-carried", "--answer", "We don't sell boats.")
    _cli(store, "review", "apply", ids[1], "faq-alternate", "--faq", "returns")
    _cli(store, "review", "apply", ids[2], "new-answer", "--answer", "Yes, free wrapping.")
    _cli(store, "review", "apply", ids[3], "synonym", "--product", "TN-1")
    pairs_csv = tmp_path / "pairs.csv"
    outputs += [_cli(store, "review", "actions", "--json"), _cli(store, "review", "list", "--all"),
                _cli(store, "review", "pairs", "--json"),
                _cli(store, "review", "pairs", "--out", str(pairs_csv)),
                pairs_csv.read_text(encoding="utf-8-sig")]
    with open_store(store.path) as fresh:
        export_store(fresh, tmp_path / "export")
        actions_table = json.dumps(fresh.query("SELECT * FROM review_actions"),
                                   ensure_ascii=False)
    outputs.append(actions_table)
    outputs += [p.read_text(encoding="utf-8-sig") for p in (tmp_path / "export").glob("*.csv")
                if p.name in ("faq.csv", "synonyms.csv")]
    if log_file().exists():
        outputs.append(log_file().read_text(encoding="utf-8"))
    for text in outputs:
        assert not _leaks(text), (_leaks(text), text[:300])


def test_erasing_a_customer_also_cleans_the_review_log(review_store, shoppers_ask) -> None:
    """A name typed before the person was a customer is not masked when the action is taken;
    erasing that customer later masks it in the review's log as everywhere else."""
    from shopguide.privacy.erase import erase_customer
    from shopguide.review import apply_action, review_groups
    from shopguide.store.models import Customer

    shoppers_ask(["do you sell kayaks? ask for Jo Bloggs"])
    [group] = review_groups(review_store)
    apply_action(review_store, group, "ignore")
    review_store.save_customer(Customer("c-jo", "Jo Bloggs"))
    erase_customer(review_store, "c-jo", reason="asked to be forgotten")
    text = json.dumps(review_store.query("SELECT question, detail FROM review_actions"))
    assert "Bloggs" not in text and "kayaks" in text
