"""Prompts are kept within what the model was trained on: a product's least needed facts go
before a product does, and the model's card says how long its training prompts were."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

from shopguide.guide.prompt import build_tagged_prompt
from shopguide.llm import GenerationSettings, load_model
from shopguide.llm.runtime import trained_prompt_tokens
from shopguide.store.models import Product
from shopguide.training.data import Tokenized
from shopguide.training.pipeline import prompt_lengths

LONG = ("The upper is a double-layer mesh that breathes on hot days. The midsole foam is soft "
        "under the heel. The outsole rubber grips wet roads. The laces stay tied on long runs.")


def _shoes() -> list[Product]:
    return [Product(sku=f"S{i}", name=f"Shoe {i}", category="Shoes/Running", price=50 + i,
                    currency="USD", stock=3, aisle="A1", sizes=["40", "41", "42", "43"],
                    colors=["black", "white"], tags=["light", "road", "mesh", "daily"],
                    description=LONG) for i in range(1, 4)]


def _words(text: str) -> int:
    return len(text.split())


def test_later_sentences_and_lists_go_before_a_product_does() -> None:
    prompt, _ = build_tagged_prompt("running shoes", _shoes(), lang="en")
    full = prompt.render()
    assert all(f"[P{k}.d4]" in full for k in (1, 2, 3))
    text = prompt.fit(_words, _words(full) - 40)
    assert _words(text) <= _words(full) - 40
    for k in (1, 2, 3):  # every product stays, with what names and places it
        assert all(f"[P{k}{f}]" in text for f in ("", ".price", ".stock", ".aisle", ".d1", ".t1"))
    assert "[P1.d4]" not in text and "[P3.d4]" not in text


def test_a_product_goes_only_when_its_line_has_nothing_left_to_give() -> None:
    prompt, _ = build_tagged_prompt("running shoes", _shoes(), lang="en")
    text = prompt.fit(_words, 60)
    assert "[P1]" in text and "[P3]" not in text
    assert "[P1.sizes]" not in text and "[P1.d2]" not in text


def test_the_list_a_question_asks_about_is_kept_when_others_are_cut() -> None:
    # "in size 43?": every product's sizes stay, while its colours and later sentences go.
    prompt, _ = build_tagged_prompt("in size 43?", _shoes(), lang="en")
    text = prompt.fit(_words, 75, keep={"sizes"})
    assert all(f"[P{k}.sizes]" in text for k in (1, 2))
    assert "[P1.colors]" not in text and "[P1.d2]" not in text
    assert "[P1.sizes]" not in prompt.fit(_words, 75)


def test_the_card_says_how_long_the_training_prompts_were(tiny_model_dir: Path, tmp_path: Path) -> None:
    folder = tmp_path / "m"
    shutil.copytree(tiny_model_dir, folder)
    assert trained_prompt_tokens(folder) is None  # no card: the context is the limit
    settings = GenerationSettings(max_new_tokens=20)
    plain = load_model(str(folder)).prompt_budget(settings)
    (folder / "model_card.json").write_text(json.dumps({"corpus": {"prompt_tokens": {"p99": 50}}}))
    assert trained_prompt_tokens(folder) == 50  # an older card: the longest it says
    assert load_model(str(folder)).prompt_budget(settings) == min(plain, 50) == 50
    # what nine in ten training prompts stayed within, where the card says it
    lengths = {"median": 20, "p90": 40, "p99": 50, "max": 60}
    (folder / "model_card.json").write_text(json.dumps({"corpus": {"prompt_tokens": lengths}}))
    assert trained_prompt_tokens(folder) == 40
    assert load_model(str(folder)).prompt_budget(settings) == 40
    (folder / "model_card.json").write_text("{not json")
    assert trained_prompt_tokens(folder) is None


def test_training_records_its_prompt_lengths() -> None:
    items = [Tokenized(list(range(n + 3)), n) for n in range(1, 201)]
    assert prompt_lengths(items) == {"median": 101, "p90": 181, "p99": 199, "max": 200}
    assert prompt_lengths([]) == {}
