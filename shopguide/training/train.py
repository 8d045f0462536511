"""The training loop: AdamW, warm-up then cosine decay, clipping, validation, early stopping.

Seeded and reproducible; a checkpoint holds the model, optimizer, scheduler,
RNG states and the position in the data, so a resumed run continues exactly
where the interrupted one stopped. ``progress`` is called after every step and
``cancel`` (a ``threading.Event``) is checked between steps: the app shows a
progress bar and a Stop button.
"""

from __future__ import annotations

import math
import random
import threading
import time
from collections.abc import Callable, Sequence
from dataclasses import asdict, dataclass, field
from pathlib import Path

import torch

from shopguide.training.data import Tokenized, batch_order, collate


@dataclass
class TrainConfig:
    lr: float = 1e-3
    min_lr_ratio: float = 0.1
    warmup_steps: int = 100
    max_steps: int = 2000
    batch_size: int = 16
    weight_decay: float = 0.05
    grad_clip: float = 1.0
    eval_every: int = 200
    eval_examples: int = 256
    patience: int = 4  # validations without improvement before stopping
    max_minutes: float | None = None  # wall-clock safety net; the schedule is by steps
    seed: int = 1234
    threads: int | None = None
    # With a wall-clock budget, decay by whichever is further along after warm-up: steps or
    # time. The bundled run uses it so a busy machine still ends on a low learning rate; a run
    # on pace follows its steps alone (reproducible).
    time_schedule: bool = False


@dataclass
class Progress:
    step: int
    max_steps: int
    loss: float
    val_loss: float | None
    best_val_loss: float | None
    elapsed_s: float
    lr: float


@dataclass
class TrainResult:
    steps: int
    best_val_loss: float | None
    best_step: int
    final_loss: float
    elapsed_s: float
    stopped: str  # "done", "early-stop", "time", "cancelled"
    history: list[dict] = field(default_factory=list)


def lr_lambda(cfg: TrainConfig, clock: Callable[[], float] | None = None) -> Callable[[int], float]:
    """Linear warm-up, then cosine decay to ``min_lr_ratio``; ``clock`` gives the time fraction."""

    def f(step: int) -> float:
        if step < cfg.warmup_steps:
            return (step + 1) / cfg.warmup_steps
        span = max(1, cfg.max_steps - cfg.warmup_steps)
        t = min(1.0, (step - cfg.warmup_steps) / span)
        if clock is not None:
            t = max(t, min(1.0, clock()))
        return cfg.min_lr_ratio + (1 - cfg.min_lr_ratio) * 0.5 * (1 + math.cos(math.pi * t))

    return f


def budget_fraction(elapsed: float, warm_end: float, budget: float) -> float:
    """How far a run is through its time budget, counted from the end of warm-up over what
    is left of the budget, as the steps are counted. A run on pace to finish in time is never
    ahead of its steps by it, so its schedule is the steps' alone and two runs of one corpus
    match (counted from the start, the clock led the steps just after warm-up, and each run's
    learning rate there followed its machine's load); one that would overrun decays by it."""
    left = budget - warm_end
    return (elapsed - warm_end) / left if left > 0 else 1.0


def make_optimizer(model: torch.nn.Module, cfg: TrainConfig) -> torch.optim.Optimizer:
    decay, no_decay = [], []
    for name, p in model.named_parameters():
        if p.requires_grad:
            (no_decay if p.ndim < 2 or "ln" in name else decay).append(p)
    groups = [{"params": decay, "weight_decay": cfg.weight_decay},
              {"params": no_decay, "weight_decay": 0.0}]
    return torch.optim.AdamW(groups, lr=cfg.lr, betas=(0.9, 0.98))


@torch.no_grad()
def evaluate_loss(model, items: Sequence[Tokenized], pad_id: int, batch_size: int = 32) -> float:
    """Mean cross-entropy per answer token."""
    model.eval()
    total, count = 0.0, 0
    order = sorted(range(len(items)), key=lambda i: len(items[i].ids))
    for k in range(0, len(order), batch_size):
        batch = collate([items[i] for i in order[k : k + batch_size]], pad_id)
        n = int((batch["labels"][:, 1:] != -100).sum())
        total += float(answer_loss(model, batch)) * n
        count += n
    model.train()
    return total / max(1, count)


def answer_loss(model, batch: dict[str, torch.Tensor]) -> torch.Tensor:
    """Cross-entropy on answer tokens, computing logits only where there is a loss.

    Most tokens are prompt; skipping their vocabulary projection saves about a
    quarter of a CPU step for a small GPT-2. Other architectures take the plain path.
    """
    if getattr(model.config, "model_type", "") != "gpt2":
        return model(**batch).loss
    hidden = model.transformer(input_ids=batch["input_ids"],
                               attention_mask=batch["attention_mask"]).last_hidden_state
    labels = batch["labels"][:, 1:]
    keep = labels != -100
    logits = model.lm_head(hidden[:, :-1][keep])
    return torch.nn.functional.cross_entropy(logits.float(), labels[keep])


def _rng_state() -> dict:
    return {"python": random.getstate(), "torch": torch.get_rng_state()}


def _set_rng_state(state: dict) -> None:
    random.setstate(state["python"])
    torch.set_rng_state(state["torch"])


def train(model, train_items: Sequence[Tokenized], val_items: Sequence[Tokenized], pad_id: int,
          cfg: TrainConfig, workdir: Path, resume: bool = False,
          progress: Callable[[Progress], None] | None = None,
          cancel: threading.Event | None = None, stop_after: int | None = None) -> TrainResult:
    """Train ``model`` in place; the best weights (by validation loss) end up in ``model``.

    ``workdir`` receives ``checkpoint.pt`` (to resume) and ``best.pt``. ``stop_after``
    interrupts the run at that step as if cancelled (used to test resuming).
    """
    if cfg.threads:
        torch.set_num_threads(cfg.threads)
    workdir.mkdir(parents=True, exist_ok=True)
    torch.manual_seed(cfg.seed)
    random.seed(cfg.seed)
    opt = make_optimizer(model, cfg)
    started = [time.monotonic()]
    warm: list[float] = []  # the seconds elapsed when warm-up ended (the clock's first call)

    def time_fraction() -> float:
        now = time.monotonic() - started[0]
        if not warm:
            warm.append(now)
        return budget_fraction(now, warm[0], cfg.max_minutes * 60)

    use_clock = cfg.time_schedule and cfg.max_minutes is not None
    sched = torch.optim.lr_scheduler.LambdaLR(opt, lr_lambda(cfg, time_fraction if use_clock else None))
    step, epoch, pos = 0, 0, 0
    resumed_ema = None
    best, best_step, bad_evals, history = None, 0, 0, []
    prior_elapsed = 0.0
    ckpt_path, best_path = workdir / "checkpoint.pt", workdir / "best.pt"
    if resume and ckpt_path.exists():
        ck = torch.load(ckpt_path, weights_only=False)
        model.load_state_dict(ck["model"])
        opt.load_state_dict(ck["optimizer"])
        sched.load_state_dict(ck["scheduler"])
        _set_rng_state(ck["rng"])
        step, epoch, pos = ck["step"], ck["epoch"], ck["pos"]
        best, best_step, bad_evals = ck["best"], ck["best_step"], ck["bad_evals"]
        history, prior_elapsed = ck["history"], ck["elapsed"]
        resumed_ema = ck.get("loss_ema")
    lengths = [len(it.ids) for it in train_items]
    batches = batch_order(len(train_items), lengths, cfg.batch_size, cfg.seed + epoch)
    start = time.monotonic() - prior_elapsed
    started[0] = start
    loss_ema, stopped = resumed_ema, "done"
    model.train()

    def save_checkpoint() -> None:
        torch.save({"model": model.state_dict(), "optimizer": opt.state_dict(),
                    "scheduler": sched.state_dict(), "rng": _rng_state(), "step": step,
                    "epoch": epoch, "pos": pos, "best": best, "best_step": best_step,
                    "bad_evals": bad_evals, "history": history, "loss_ema": loss_ema,
                    "elapsed": time.monotonic() - start, "config": asdict(cfg)}, ckpt_path)

    while step < cfg.max_steps:
        if cancel is not None and cancel.is_set() or stop_after is not None and step >= stop_after:
            stopped = "cancelled"
            break
        if cfg.max_minutes is not None and time.monotonic() - start > cfg.max_minutes * 60:
            stopped = "time"
            break
        if pos >= len(batches):
            epoch, pos = epoch + 1, 0
            batches = batch_order(len(train_items), lengths, cfg.batch_size, cfg.seed + epoch)
        batch = collate([train_items[i] for i in batches[pos]], pad_id)
        pos += 1
        loss = answer_loss(model, batch)
        opt.zero_grad(set_to_none=True)
        loss.backward()
        torch.nn.utils.clip_grad_norm_(model.parameters(), cfg.grad_clip)
        opt.step()
        sched.step()
        step += 1
        value = loss.detach().item()
        loss_ema = value if loss_ema is None else 0.95 * loss_ema + 0.05 * value
        val = None
        if step % cfg.eval_every == 0 or step == cfg.max_steps:
            val = evaluate_loss(model, val_items[: cfg.eval_examples], pad_id)
            history.append({"step": step, "train_loss": round(loss_ema, 4), "val_loss": round(val, 4),
                            "elapsed_s": round(time.monotonic() - start, 1)})
            if best is None or val < best - 1e-4:
                best, best_step, bad_evals = val, step, 0
                torch.save(model.state_dict(), best_path)
            else:
                bad_evals += 1
            save_checkpoint()
        if progress is not None:
            progress(Progress(step, cfg.max_steps, loss_ema, val, best, time.monotonic() - start,
                              sched.get_last_lr()[0]))
        if val is not None and bad_evals >= cfg.patience:
            stopped = "early-stop"
            break
    if stopped == "time" and step > 0 and (not history or history[-1]["step"] != step):
        # Out of time between validations: judge the last weights too, or up to
        # eval_every steps of training would be thrown away.
        val = evaluate_loss(model, val_items[: cfg.eval_examples], pad_id)
        history.append({"step": step, "train_loss": round(loss_ema or 0.0, 4), "val_loss": round(val, 4),
                        "elapsed_s": round(time.monotonic() - start, 1)})
        if best is None or val < best - 1e-4:
            best, best_step = val, step
            torch.save(model.state_dict(), best_path)
        if progress is not None:  # the feed ends on the validation the run ends with
            progress(Progress(step, cfg.max_steps, loss_ema or 0.0, val, best,
                              time.monotonic() - start, sched.get_last_lr()[0]))
    if stopped in ("cancelled", "time"):
        save_checkpoint()
    if best_path.exists() and stopped != "cancelled":
        model.load_state_dict(torch.load(best_path, weights_only=True))
    return TrainResult(step, best, best_step, loss_ema if loss_ema is not None else float("nan"),
                       time.monotonic() - start, stopped, history)
