"""Measure a trained model on the held-out test stores and write the figures into its card."""

from __future__ import annotations

import json
import random
from pathlib import Path

from shopguide.guide.refs import TAGGED_FORMAT
from shopguide.training import corpus as corpus_mod
from shopguide.training.evaluate import Answerer, evaluate, runtime_answerer
from shopguide.training.evaluate_tagged import evaluate_tagged, tagged_answerer

HOW = ("Greedy decoding through shopguide.llm with the fact guard the app decodes with "
       "(guide/fact_guard.py: each token must keep figures, words and product names to the "
       "prompt's facts; the first product named must be the top match; a name begun past its "
       "brand is finished as the facts spell it), no verifier (no sentence "
       "is dropped afterwards), on questions from the held-out TEST "
       "stores (never seen in training). top_product_named: the answer contains the name of the "
       "first product fact (the engine's top match); figures_right: share of prices, aisles and "
       "stock figures written that match a fact in the prompt; policy_kept: the FAQ answer's "
       "figures all appear and >=85% of its wording; no_loop: the answer ends by itself and "
       "repeats no 8+ character phrase three times; none_without_figures: questions with no facts "
       "get an answer with no price, aisle or stock.")


def sample_records(records: list, n: int, seed: int = 7) -> list:
    rng = random.Random(seed)
    out = list(records)
    rng.shuffle(out)
    return out[:n]


def transformers_answerer(folder: str, max_new_tokens: int = 120) -> Answerer:
    """Fallback when the runtime cannot load a model: transformers' own greedy generate."""
    import torch
    from transformers import AutoModelForCausalLM, AutoTokenizer

    tok = AutoTokenizer.from_pretrained(folder)
    model = AutoModelForCausalLM.from_pretrained(folder).eval()
    newline = tok.encode("\n")

    def answer(context: str) -> tuple[str, bool]:
        ids = torch.tensor([tok.encode(context)])
        with torch.inference_mode():
            out = model.generate(ids, max_new_tokens=max_new_tokens, do_sample=False,
                                 eos_token_id=[tok.eos_token_id, *newline], pad_token_id=tok.eos_token_id)
        new = out[0, ids.shape[1] :].tolist()
        text = tok.decode(new, skip_special_tokens=True)
        finished = len(new) < max_new_tokens
        return text.split("\n")[0].strip(), finished

    return answer


def answerer_for(folder: Path, repetition_penalty: float = 1.0, guarded: bool = True) -> Answerer:
    try:
        return runtime_answerer(str(folder), repetition_penalty=repetition_penalty,
                                guarded=guarded)
    except ImportError:
        return transformers_answerer(str(folder))


TAGGED_HOW = ("Greedy decoding through shopguide.llm with the app's masks (no tag without a "
              "fact in the prompt, no digit), no check afterwards, on questions from the held-out "
              "TEST stores (never seen in training); raw answers, tags not filled. Definitions: "
              "shopguide/training/evaluate_tagged.py.")


def evaluate_and_record(model_dir: Path, corpus_dir: Path, n: int = 300) -> dict:
    test = sample_records(corpus_mod.load(corpus_dir, "test"), n)
    card_path = model_dir / "model_card.json"
    card = json.loads(card_path.read_text(encoding="utf-8")) if card_path.exists() else {}
    if card.get("prompt_format") == TAGGED_FORMAT:
        return _record_tagged(model_dir, test, card, card_path)
    greedy = evaluate(test, answerer_for(model_dir, 1.0))
    summary = greedy.summary()
    card["test_metrics"] = summary
    card["test_metrics_how"] = HOW
    card["test_samples"] = greedy.samples[:12]
    # The model on its own, without the guard: what the network alone has learned.
    bare = evaluate(test, answerer_for(model_dir, 1.0, guarded=False), keep_samples=0)
    card["test_metrics_unguarded"] = bare.summary()
    card.pop("test_metrics_repetition_penalty_1.1", None)  # the app decodes without a penalty
    card_path.write_text(json.dumps(card, ensure_ascii=False, indent=2), encoding="utf-8")
    return summary


def _record_tagged(model_dir: Path, test: list, card: dict, card_path: Path) -> dict:
    report = evaluate_tagged(test, tagged_answerer(str(model_dir)))
    summary = report.summary()
    card["test_metrics"] = summary
    card["test_metrics_how"] = TAGGED_HOW
    card["test_samples"] = report.samples[:12]
    card.pop("test_metrics_unguarded", None)
    card_path.write_text(json.dumps(card, ensure_ascii=False, indent=2), encoding="utf-8")
    return summary
