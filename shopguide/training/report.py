"""Measure a trained model on the held-out test stores and write the figures into its card."""

from __future__ import annotations

import json
import random
from pathlib import Path

from shopguide.training import corpus as corpus_mod
from shopguide.training.evaluate_tagged import evaluate_tagged, tagged_answerer

HOW = ("Greedy decoding through shopguide.llm with the app's masks (no tag without a fact in "
       "the prompt, no digit, a fact once, after a product's name only its own facts, a "
       "policy's clauses in order and the end after the last), no "
       "check afterwards, on questions from the held-out TEST stores (never seen in "
       "training); raw answers, tags not filled. Definitions: "
       "shopguide/training/evaluate_tagged.py.")


def sample_records(records: list, n: int, seed: int = 7) -> list:
    rng = random.Random(seed)
    out = list(records)
    rng.shuffle(out)
    return out[:n]


def evaluate_and_record(model_dir: Path, corpus_dir: Path, n: int = 300) -> dict:
    test = sample_records(corpus_mod.load(corpus_dir, "test"), n)
    report = evaluate_tagged(test, tagged_answerer(str(model_dir)))
    summary = report.summary()
    card_path = model_dir / "model_card.json"
    card = json.loads(card_path.read_text(encoding="utf-8")) if card_path.exists() else {}
    card["test_metrics"] = summary
    card["test_metrics_how"] = HOW
    card["test_samples"] = report.samples[:12]
    card_path.write_text(json.dumps(card, ensure_ascii=False, indent=2), encoding="utf-8")
    return summary
