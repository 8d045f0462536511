"""The saved model: GPT-2 files that transformers and the app's runtime load and answer with."""

from __future__ import annotations

import json

from shopguide.guide.prompt import build_tagged_prompt
from shopguide.store.models import Product


def test_tokenizer_files_load_as_gpt2_and_round_trip_chinese(tiny_trained):
    from transformers import AutoTokenizer

    folder = tiny_trained.out
    for name in ("tokenizer.json", "vocab.json", "merges.txt", "tokenizer_config.json"):
        assert (folder / name).exists(), name
    tok = AutoTokenizer.from_pretrained(str(folder))
    assert tok.eos_token == "<|endoftext|>"
    text = "Facts:\n[P1] 云跃缓震跑鞋 [P1.price] ¥459 [P1.aisle] A3\nQ: 有没有跑鞋？\nA: 推荐[P1]"
    assert tok.decode(tok.encode(text)) == text
    from shopguide.guide.refs import all_tags

    assert all(len(tok.encode(t)) == 1 for t in all_tags())  # each tag is one token
    assert len(tok) <= 500 + len(all_tags())  # the tiny preset's vocabulary, and the tags


def test_weights_are_safetensors_with_a_card(tiny_trained):
    folder = tiny_trained.out
    assert (folder / "model.safetensors").exists()
    assert not list(folder.glob("*.bin"))
    card = json.loads((folder / "model_card.json").read_text(encoding="utf-8"))
    assert card["parameters"] == tiny_trained.params > 0
    assert card["corpus"]["stores"]["test"] == 2
    assert card["training"]["steps"] == sum(st["steps"] for st in card["training"]["stages"])
    assert card["training"]["stages"][-1]["steps"] == tiny_trained.result.steps
    gen = json.loads((folder / "generation_config.json").read_text(encoding="utf-8"))
    assert gen["do_sample"] is False


def test_saved_model_loads_through_the_runtime_and_answers(tiny_trained):
    from shopguide.llm import GenerationSettings, load_model

    model = load_model(str(tiny_trained.out))
    p = Product(sku="RS-104", name="云跃缓震跑鞋", category="鞋/跑鞋", price=459, currency="CNY",
                stock=12, aisle="A3")
    prompt, _refs = build_tagged_prompt("有没有跑鞋？", [p], lang="zh")
    stream = model.stream(prompt.render(), GenerationSettings(max_new_tokens=12, repetition_penalty=1.0))
    text = stream.read_all()
    assert stream.n_tokens >= 1
    assert stream.finish_reason in ("stop", "eos", "length")
    assert isinstance(text, str) and "\n" not in text


def test_training_lowered_the_validation_loss(tiny_trained):
    history = tiny_trained.result.history
    assert history[-1]["val_loss"] < history[0]["val_loss"]
    assert tiny_trained.result.best_val_loss == min(h["val_loss"] for h in history) or \
        abs(tiny_trained.result.best_val_loss - min(h["val_loss"] for h in history)) < 1e-3


def test_two_stages_recorded_and_resume_skips_finished_stages(tiny_trained):
    from shopguide.training.pipeline import run_preset

    card = json.loads((tiny_trained.out / "model_card.json").read_text(encoding="utf-8"))
    assert [st["max_steps"] for st in card["training"]["stages"]] == [30, 10]
    work = tiny_trained.out.parent / "work"
    again = run_preset("tiny", tiny_trained.out, work, resume=True, log=lambda _m: None)
    assert again.result.steps == 0  # both stages were done: nothing retrained


def test_the_model_is_saved_with_the_word_orders_it_was_taught(tiny_trained):
    from shopguide.guide import answer_shapes
    from shopguide.llm import load_model

    known = answer_shapes.of_model(load_model(str(tiny_trained.out)))
    corpus = tiny_trained.out.parent / "work" / "corpus"
    from shopguide.training import corpus as corpus_mod

    answers = [r.target for r in corpus_mod.load(corpus, "train")]
    assert known == answer_shapes.taught(answers)
