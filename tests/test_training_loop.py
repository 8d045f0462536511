"""The training loop: loss falls, a copy task is learned, resuming matches, cancel stops."""

from __future__ import annotations

import random
import threading

import pytest
import torch

from shopguide.training.data import tokenize_pairs
from shopguide.training.pipeline import ModelShape, new_model
from shopguide.training.tokenizer import load_tokenizer, train_tokenizer
from shopguide.training.train import TrainConfig, evaluate_loss, lr_lambda, train

NAMES = ["shoe", "coat", "tea", "pan", "lamp", "sock", "bag", "pen"]


def _pair(rng: random.Random) -> tuple[str, str]:
    n = rng.randint(10, 99)
    return f"[{rng.choice(NAMES)}] price ¥{n}\nQ: how much?\nA:", f" ¥{n}\n"


@pytest.fixture(scope="module")
def copy_data(tmp_path_factory):
    torch.set_num_threads(1)
    rng = random.Random(0)
    train_pairs = [_pair(rng) for _ in range(800)]
    test_pairs = [_pair(rng) for _ in range(60)]
    folder = tmp_path_factory.mktemp("copy-tok")
    # A high min_frequency keeps digits single tokens: the price must be copied digit by digit.
    train_tokenizer([a + b for a, b in train_pairs], folder, vocab_size=300, min_frequency=50)
    tok = load_tokenizer(folder)
    return tok, tokenize_pairs(tok, train_pairs, 64), test_pairs


def _model(tok, seed: int = 0):
    return new_model(len(tok), ModelShape(n_layer=2, n_embd=32, n_head=2, n_positions=64),
                     tok.eos_token_id, seed)


def _cfg(**kw) -> TrainConfig:
    base = dict(lr=5e-3, warmup_steps=10, max_steps=40, batch_size=32, eval_every=20,
                eval_examples=32, patience=50, threads=1, seed=3)
    base.update(kw)
    return TrainConfig(**base)


def test_loss_falls(copy_data, tmp_path):
    tok, items, _ = copy_data
    res = train(_model(tok), items, items[:32], tok.eos_token_id, _cfg(max_steps=40), tmp_path)
    first, last = res.history[0]["val_loss"], res.history[-1]["val_loss"]
    assert last < first * 0.8
    assert res.stopped == "done" and res.steps == 40


def test_copy_task_is_learned(copy_data, tmp_path):
    """Prices never seen in training are copied from the fact line, greedy."""
    tok, items, test_pairs = copy_data
    model = _model(tok)
    train(model, items, items[:32], tok.eos_token_id, _cfg(max_steps=300, eval_every=300), tmp_path)
    model.eval()
    right = 0
    for context, target in test_pairs:
        ids = torch.tensor([tok.encode(context)])
        with torch.inference_mode():
            out = model.generate(ids, max_new_tokens=5, do_sample=False, pad_token_id=tok.eos_token_id)
        right += tok.decode(out[0, ids.shape[1]:]).startswith(target.rstrip())
    assert right / len(test_pairs) >= 0.9  # chance is about 1 in 90


def test_resume_matches_an_uninterrupted_run(copy_data, tmp_path):
    tok, items, _ = copy_data
    cfg = _cfg(max_steps=30, eval_every=10)
    whole = _model(tok)
    full = train(whole, items, items[:32], tok.eos_token_id, cfg, tmp_path / "a")

    part = _model(tok)
    cut = train(part, items, items[:32], tok.eos_token_id, cfg, tmp_path / "b", stop_after=13)
    assert cut.stopped == "cancelled" and cut.steps == 13
    resumed = _model(tok, seed=99)  # different init: everything must come from the checkpoint
    rest = train(resumed, items, items[:32], tok.eos_token_id, cfg, tmp_path / "b", resume=True)
    assert rest.steps == 30
    assert rest.best_step == full.best_step
    assert rest.best_val_loss == pytest.approx(full.best_val_loss, rel=1e-5)
    for (name, a), (_, b) in zip(whole.state_dict().items(), resumed.state_dict().items()):
        assert torch.allclose(a, b, atol=1e-5), name


def test_cancel_flag_and_progress_callback(copy_data, tmp_path):
    tok, items, _ = copy_data
    cancel = threading.Event()
    seen = []

    def progress(p):
        seen.append(p)
        if p.step == 5:
            cancel.set()

    res = train(_model(tok), items, items[:32], tok.eos_token_id, _cfg(max_steps=40), tmp_path,
                progress=progress, cancel=cancel)
    assert res.stopped == "cancelled" and res.steps == 5
    assert [p.step for p in seen] == [1, 2, 3, 4, 5]
    assert all(p.max_steps == 40 and p.loss > 0 for p in seen)
    assert (tmp_path / "checkpoint.pt").exists()


def test_early_stopping_keeps_the_best_checkpoint(copy_data, tmp_path):
    tok, items, _ = copy_data
    # A learning rate this high diverges after the first validations: training must stop
    # early and hand back the best weights, not the last.
    model = _model(tok)
    res = train(model, items, items[:32], tok.eos_token_id,
                _cfg(lr=0.5, warmup_steps=1, max_steps=200, eval_every=5, patience=2), tmp_path)
    assert res.stopped == "early-stop" and res.steps < 200
    assert res.best_val_loss == pytest.approx(min(h["val_loss"] for h in res.history), abs=1e-4)
    assert res.history[-1]["val_loss"] > res.best_val_loss
    assert evaluate_loss(model, items[:32], tok.eos_token_id) == pytest.approx(res.best_val_loss, rel=1e-4)


def test_warmup_then_cosine_decay():
    f = lr_lambda(TrainConfig(warmup_steps=10, max_steps=110, min_lr_ratio=0.1))
    assert f(0) == pytest.approx(0.1) and f(9) == pytest.approx(1.0)
    assert f(60) == pytest.approx(0.55, abs=0.01)
    assert f(110) == pytest.approx(0.1) and f(500) == pytest.approx(0.1)
    assert all(f(s) >= f(s + 1) for s in range(10, 120))


def test_a_run_on_pace_follows_its_steps_and_a_slow_one_its_clock():
    from shopguide.training.train import budget_fraction

    cfg = TrainConfig(warmup_steps=100, max_steps=6100, min_lr_ratio=0.1)
    # Warm-up took 60 s of an 80-minute budget; then 0.5 s a step (on pace: 50 min for 6,000).
    on_pace = [budget_fraction(60 + 0.5 * (s - 100), 60, 4800) for s in range(100, 6101, 500)]
    steps = [(s - 100) / 6000 for s in range(100, 6101, 500)]
    assert all(t < st or s == 100 for t, st, s in zip(on_pace, steps, range(100, 6101, 500)))
    # So the learning rate is the steps' alone, whatever the clock said.
    clocked = lr_lambda(cfg, lambda: budget_fraction(60 + 0.5 * 2900, 60, 4800))
    assert clocked(3000) == pytest.approx(lr_lambda(cfg)(3000))
    # 1 s a step would overrun (100 minutes): the clock leads and the rate falls faster.
    slow = lr_lambda(cfg, lambda: budget_fraction(60 + 1.0 * 2900, 60, 4800))
    assert slow(3000) < lr_lambda(cfg)(3000)
    assert budget_fraction(4800, 60, 4800) == pytest.approx(1.0)
