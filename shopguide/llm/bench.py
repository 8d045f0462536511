"""``shopguide bench``: how fast the model runtime is on this machine, medians over repeats.

Measured in one process: model load, time to first token after a 300-token
prompt, decode tokens/s, the same decode through transformers' own
``generate()`` on the same model and prompt (and the ratio), and peak memory.
Retrieval and end-to-end rows come from ``shopguide.guide.bench`` when the
engine provides it. Figures are medians: the machine may be shared and noisy.
"""

from __future__ import annotations

import gc
import importlib
import os
import platform
import resource
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from time import perf_counter
from typing import Any

# The recipe of the bundled model (shopguide/training/pipeline.py PRESETS["bundled"]);
# read from there when it imports, so the stand-in follows the real model's size.
_FALLBACK_SHAPE = {"vocab_size": 6000, "n_positions": 512, "n_embd": 256, "n_layer": 4, "n_head": 4}

TARGETS = {"load_s": 1.0, "first_token_s": 0.150, "decode_tok_s": 200.0}


@dataclass
class BenchOptions:
    model: str = "bundled"
    repeat: int = 5
    prompt_tokens: int = 300
    new_tokens: int = 128
    threads: int | None = None
    device: str = "cpu"
    compare_hf: bool = True
    backend: str = "auto"  # the runtime measured: auto (as the app), numpy or lean (torch)


@dataclass
class BenchReport:
    machine: dict[str, Any]
    model: dict[str, Any]
    runtime: dict[str, Any]
    transformers: dict[str, Any] | None
    notes: list[str] = field(default_factory=list)
    extra: dict[str, Any] = field(default_factory=dict)
    loaded: Any = field(default=None, repr=False)  # the LoadedModel measured, for the e2e hook

    def as_dict(self) -> dict[str, Any]:
        return {
            "machine": self.machine,
            "model": self.model,
            "runtime": self.runtime,
            "transformers": self.transformers,
            "targets": TARGETS,
            "notes": self.notes,
            **self.extra,
        }


def bundled_shape() -> dict[str, int]:
    try:
        from shopguide.training.pipeline import PRESETS

        p = PRESETS["bundled"]
        s = p.shape
        return {"vocab_size": p.vocab_size, "n_positions": s.n_positions, "n_embd": s.n_embd,
                "n_layer": s.n_layer, "n_head": s.n_head}  # fmt: skip
    except Exception:  # the training area may be absent in a slim install
        return dict(_FALLBACK_SHAPE)


def build_standin(folder: Path) -> Path:
    """A random GPT-2 of the bundled model's shape with a trained bilingual tokenizer."""
    from shopguide.llm.standin import build_random_gpt2, synthetic_corpus

    shape = bundled_shape()
    return build_random_gpt2(folder, texts=synthetic_corpus(), std=0.05, **shape)


def bench_prompt_ids(model: Any, n: int, answer_tokens: int = 1) -> list[int]:
    """``n`` token ids of a shop-like prompt (facts, a conversation, a question), or as many
    as the runtime keeps before an answer of ``answer_tokens`` (``Model.prompt_budget``):
    a longer one it would cut from the left, and transformers, given the whole, would then
    answer another prompt (the "TOKENS DIFFER" the bench printed until session 19)."""
    from shopguide.llm.settings import GenerationSettings

    budget = getattr(model, "prompt_budget", None)
    if callable(budget):
        n = min(n, budget(GenerationSettings(max_new_tokens=max(1, answer_tokens))))
    from shopguide.bench_data import catalog
    from shopguide.guide.prompt import Prompt

    data = catalog()
    kinds, brands, queries = data["kinds"], data["brands"], data["queries"]
    facts = [f"[P-{100 + i}] {brands[i % len(brands)]}{kinds[i % len(kinds)][1]} {i} | brand "
             f"{brands[i % len(brands)]} | price ¥{399 + 20 * i} | stock {i + 3} | aisle "
             f"A{i % 9 + 1} | sizes 38/39/40" for i in range(40)]
    history = [(queries[4], f"{kinds[0][2]} ¥399, aisle A3.")]
    text = Prompt(queries[0], facts, history).render()
    ids = model.encode(text)
    while len(ids) < n:
        ids = ids + ids
    return ids[-n:]


def _rss_mb() -> float:
    # ru_maxrss is KiB on Linux, bytes on macOS.
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return peak / (1024 * 1024) if platform.system() == "Darwin" else peak / 1024


def _cpu_time() -> float:
    """CPU seconds of the whole process: every torch thread counts."""
    return time.process_time()


def _median(xs: list[float | None]) -> float | None:
    """Median of the runs that gave a figure (a run too short to time gives None)."""
    good = [x for x in xs if x is not None and x == x]
    return float(statistics.median(good)) if good else None


def _fmt(x: float | None, scale: float = 1.0) -> str:
    return "n/a" if x is None else f"{x * scale:.0f}"


def _ratio(a: float | None, b: float | None) -> float | None:
    return a / b if a and b else None


def _rate(n: int, seconds: float) -> float | None:
    return n / seconds if seconds > 0 else None


def machine_info(threads: int) -> dict[str, Any]:
    import torch

    info = {
        "cpu": _cpu_name(),
        "cores": os.cpu_count(),
        "torch_threads": threads,
        "torch": torch.__version__,
        "python": platform.python_version(),
        "load_average": [round(x, 2) for x in os.getloadavg()] if hasattr(os, "getloadavg") else None,
    }
    if torch.cuda.is_available():
        info["gpu"] = torch.cuda.get_device_name(0)
    return info


def _cpu_name() -> str:
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or platform.machine()


def run_model_bench(opts: BenchOptions, log: Callable[[str], None] = lambda s: None) -> BenchReport:
    # Importing the runtime is a once-per-process cost the app pays before its first load
    # (torch's import, on the torch runtime, is timed by the start-up runs).
    cold = "shopguide.llm.runtime" not in sys.modules
    t0 = perf_counter()
    from shopguide.llm.runtime import load_model

    import_s = perf_counter() - t0 if cold else None
    from shopguide.config import bundled_model_dir
    from shopguide.llm.settings import GenerationSettings

    notes: list[str] = []
    spec = opts.model
    tmp: tempfile.TemporaryDirectory | None = None
    if spec == "bundled" and not bundled_model_dir().is_dir():
        tmp = tempfile.TemporaryDirectory(prefix="shopguide-bench-")
        log("no bundled model yet: building a random stand-in of its size …")
        spec = str(build_standin(Path(tmp.name) / "standin-gpt2"))
        notes.append(
            f"The bundled model ({bundled_model_dir()}) does not exist yet: measured a random "
            "GPT-2 stand-in of the bundled recipe's shape instead (same size, same cost per token)."
        )
    try:
        rss_before = _rss_mb()
        model = None
        loads: list[float] = []
        ttfts: list[float | None] = []
        rates: list[float | None] = []
        cpu_ttfts: list[float | None] = []
        cpu_rates: list[float | None] = []
        for i in range(opts.repeat):
            model = None
            gc.collect()
            t0 = perf_counter()
            model = load_model(spec, device=opts.device, threads=opts.threads,
                               backend=opts.backend)
            loads.append(perf_counter() - t0)
            ids = bench_prompt_ids(model, opts.prompt_tokens, opts.new_tokens)
            c0 = _cpu_time()
            first = model.stream_ids(ids, GenerationSettings(max_new_tokens=1, stop=()))
            first.read_all()
            c1 = _cpu_time()
            ttfts.append(first.first_token_s)
            n = opts.new_tokens
            s = model.stream_ids(ids, GenerationSettings(max_new_tokens=n, min_new_tokens=n, stop=()))
            s.read_all()
            c2 = _cpu_time()
            rates.append(s.tokens_per_s or None)
            # CPU seconds, not wall-clock: what the figures would be with the cores to
            # ourselves (the machine this runs on may be shared).
            cpu_ttfts.append(c1 - c0)
            decode_cpu = (c2 - c1) - (c1 - c0)
            cpu_rates.append(_rate(n - 1, decode_cpu))
            log(f"  run {i + 1}/{opts.repeat}: load {_fmt(loads[-1], 1e3)} ms, first token "
                f"{_fmt(ttfts[-1], 1e3)} ms, {_fmt(rates[-1])} tokens/s")  # fmt: skip
        assert model is not None
        our_tokens = s.token_ids
        runtime = {
            "backend": model.backend.name,
            "import_s": import_s,
            "load_s": _median(loads),
            "first_token_s": _median(ttfts),
            "decode_tok_s": _median(rates),
            "first_token_cpu_s": _median(cpu_ttfts),
            "decode_tok_per_cpu_s": _median(cpu_rates),
            "prompt_tokens": len(ids),
            "new_tokens": opts.new_tokens,
            "peak_rss_mb": _rss_mb(),
            "rss_growth_mb": _rss_mb() - rss_before,
            "runs": {"load_s": loads, "first_token_s": ttfts, "decode_tok_s": rates,
                     "first_token_cpu_s": cpu_ttfts, "decode_tok_per_cpu_s": cpu_rates},
        }
        model_info = {
            "spec": opts.model,
            "path": str(model.path),
            "name": model.name,
            "parameters": model.num_parameters,
            "context_length": model.context_length,
            "vocab_size": model.vocab_size,
            "device": model.device,
            "dtype": model.dtype,
        }
        hf = _hf_bench(model, ids, opts, our_tokens, log) if opts.compare_hf else None
        if hf:
            hf["speedup"] = _ratio(runtime["decode_tok_s"], hf["decode_tok_s"])
            hf["speedup_cpu"] = _ratio(runtime["decode_tok_per_cpu_s"], hf["decode_tok_per_cpu_s"])
        import torch

        return BenchReport(machine_info(torch.get_num_threads()), model_info, runtime, hf, notes,
                           loaded=model)  # fmt: skip
    finally:
        if tmp is not None:
            tmp.cleanup()


def _hf_bench(model: Any, ids: list[int], opts: BenchOptions, ours: list[int],
              log: Callable[[str], None]) -> dict[str, Any]:  # fmt: skip
    """transformers' own generate() on the same weights and prompt, greedy, same penalty."""
    import torch

    t0 = perf_counter()
    from transformers import AutoModelForCausalLM
    from transformers import logging as hf_logging

    hf_logging.set_verbosity_error()
    hf_logging.disable_progress_bar()
    import_s = perf_counter() - t0
    t0 = perf_counter()
    hf = AutoModelForCausalLM.from_pretrained(str(model.path), local_files_only=True)
    hf.to(torch.device(model.device)).eval()
    load_s = perf_counter() - t0
    x = torch.tensor([ids], device=torch.device(model.device))
    mask = torch.ones_like(x)
    eos = model.eos_ids[0] if model.eos_ids else None
    n = opts.new_tokens

    from shopguide.llm.settings import GenerationSettings

    penalty = GenerationSettings().repetition_penalty  # the runtime's own default

    def gen(k: int) -> tuple[float, float, list[int]]:
        t, c = perf_counter(), _cpu_time()
        out = hf.generate(x, attention_mask=mask, max_new_tokens=k, min_new_tokens=k,
                          do_sample=False, repetition_penalty=penalty,
                          pad_token_id=eos)  # fmt: skip
        return perf_counter() - t, _cpu_time() - c, out[0, len(ids) :].tolist()

    firsts: list[float | None] = []
    rates: list[float | None] = []
    cpu_rates: list[float | None] = []
    tokens: list[int] = []
    with torch.inference_mode():
        for i in range(opts.repeat):
            t1, c1, _ = gen(1)
            tn, cn, tokens = gen(n)
            firsts.append(t1)
            rates.append(_rate(n - 1, tn - t1))
            cpu_rates.append(_rate(n - 1, cn - c1))
            log(f"  transformers run {i + 1}/{opts.repeat}: first token {_fmt(t1, 1e3)} ms, "
                f"{_fmt(rates[-1])} tokens/s")  # fmt: skip
    return {
        "import_s": import_s,
        "load_s": load_s,
        "first_token_s": _median(firsts),
        "decode_tok_s": _median(rates),
        "decode_tok_per_cpu_s": _median(cpu_rates),
        "same_tokens": tokens == ours,
        "runs": {"first_token_s": firsts, "decode_tok_s": rates},
    }


def optional_hook(name: str) -> Callable[..., Any] | None:
    """A benchmark the engine provides in shopguide.guide.bench, or None until it does."""
    try:
        module = importlib.import_module("shopguide.guide.bench")
    except ModuleNotFoundError as exc:
        if exc.name not in ("shopguide.guide.bench", "shopguide.guide"):
            raise  # the module is there but broken: say so rather than hide it
        return None
    fn = getattr(module, name, None)
    return fn if callable(fn) else None
