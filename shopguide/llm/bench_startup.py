"""Start-up as a shopper meets it: a fresh process, from its start to the model ready and to
the first token of an answer, on each runtime (``shopguide bench`` prints it).

Each run is a new Python process (imports are a once-per-process cost, which is the point);
the child reports wall-clock timestamps and the parent subtracts the moment it started it.
"""

from __future__ import annotations

import json
import statistics
import subprocess
import sys
import time
from typing import Any

RUNTIMES = ("numpy", "lean")  # the default CPU runtime and the torch one it replaced

_CHILD = """
import json, sys, time
from shopguide.llm import GenerationSettings, load_model
from shopguide.llm.bench import bench_prompt_ids
from shopguide.llm.bench_startup import peak_rss_mb
model = load_model(sys.argv[1], backend=sys.argv[2])
ready = time.time()
ids = bench_prompt_ids(model, int(sys.argv[3]), int(sys.argv[4]))
s = model.stream_ids(ids, GenerationSettings(max_new_tokens=int(sys.argv[4]),
                                             min_new_tokens=int(sys.argv[4]), stop=()))
first = None
for _ in s:
    first = first or time.time()
first = first or time.time()
print(json.dumps({"ready": ready, "first": first, "tokens": s.token_ids,
                  "backend": model.backend.name, "torch": "torch" in sys.modules,
                  "rss_mb": peak_rss_mb()}))
"""


def peak_rss_mb() -> float:
    """This process's peak memory since it started: VmHWM (Linux), which unlike ru_maxrss
    does not carry the parent's peak over a fork."""
    try:
        for line in open("/proc/self/status", encoding="ascii"):
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    except OSError:
        pass
    import resource

    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def _one(spec: str, backend: str, prompt_tokens: int, new_tokens: int) -> dict[str, Any]:
    start = time.time()
    out = subprocess.run([sys.executable, "-c", _CHILD, spec, backend, str(prompt_tokens),
                          str(new_tokens)], capture_output=True, text=True, timeout=600)  # fmt: skip
    if out.returncode != 0:
        tail = (out.stderr.strip().splitlines() or ["no output"])[-1]
        raise RuntimeError(f"the {backend} run for {spec} failed: {tail}")
    r = json.loads(out.stdout.strip().splitlines()[-1])
    return {**r, "ready_s": r["ready"] - start, "first_s": r["first"] - start}


def startup_bench(spec: str, repeat: int = 3, prompt_tokens: int = 300,
                  new_tokens: int = 32) -> dict[str, Any] | str:
    """Medians per runtime: process start → model ready, → first token; peak memory; whether
    it imported torch; and whether both runtimes wrote the same tokens. A run that fails
    (no such model) makes the result a sentence saying so."""
    out: dict[str, Any] = {}
    tokens: dict[str, list[int]] = {}
    for backend in RUNTIMES:
        try:
            runs = [_one(spec, backend, prompt_tokens, new_tokens) for _ in range(repeat)]
        except (RuntimeError, subprocess.TimeoutExpired, ValueError) as exc:
            return f"not measured: {exc}"
        tokens[backend] = runs[-1]["tokens"]
        out[backend] = {
            "backend": runs[-1]["backend"],
            "ready_s": statistics.median(r["ready_s"] for r in runs),
            "first_token_s": statistics.median(r["first_s"] for r in runs),
            "peak_rss_mb": statistics.median(r["rss_mb"] for r in runs),
            "imports_torch": runs[-1]["torch"],
        }
    a, b = RUNTIMES
    out["ready_ratio"] = out[b]["ready_s"] / out[a]["ready_s"]
    out["same_tokens"] = tokens[a] == tokens[b]
    return out


def format_startup(r: dict[str, Any]) -> str:
    lines = []
    for backend in RUNTIMES:
        x = r[backend]
        lines.append(f"  {x['backend']:<12} model ready {x['ready_s'] * 1e3:6.0f} ms after process "
                     f"start, first token {x['first_token_s'] * 1e3:6.0f} ms, peak "
                     f"{x['peak_rss_mb']:.0f} MB" + (", imports torch" if x["imports_torch"] else ""))
    lines.append(f"  ready {r['ready_ratio']:.1f}× sooner on {RUNTIMES[0]}; "
                 + ("same tokens on both runtimes" if r["same_tokens"] else "TOKENS DIFFER"))
    return "\n".join(lines)


def _window_run(runtime: str) -> dict[str, Any]:
    """The window on the demo store in a fresh process, its settings, data and log in a
    temporary folder; offscreen unless an X display is there."""
    import os
    import tempfile

    with tempfile.TemporaryDirectory(prefix="shopguide-startup-") as d:
        trace = os.path.join(d, "trace.json")
        env = {**os.environ, "SHOPGUIDE_STARTUP_TRACE": trace, "SHOPGUIDE_RUNTIME": runtime,
               "XDG_CONFIG_HOME": d, "SHOPGUIDE_DATA_DIR": d, "SHOPGUIDE_LOG_DIR": d}
        if not env.get("DISPLAY") and not env.get("WAYLAND_DISPLAY"):
            env["QT_QPA_PLATFORM"] = "offscreen"
        start = time.time()
        out = subprocess.run([sys.executable, "-m", "shopguide", "--demo"], env=env,
                             capture_output=True, text=True, timeout=300)  # fmt: skip
        if out.returncode != 0 or not os.path.exists(trace):
            tail = (out.stderr.strip().splitlines() or ["no output"])[-1]
            raise RuntimeError(f"the window on {runtime} did not start: {tail}")
        with open(trace, encoding="utf-8") as f:
            marks = json.load(f)
    if not marks.get("model_ok"):
        raise RuntimeError(f"the window on {runtime} could not load its model")
    return {k: marks[k] - start for k in ("window", "store", "model", "answer")}


def window_bench(repeat: int = 3) -> dict[str, Any] | str:
    """Medians per runtime, in seconds after process start: window shown, store ready,
    model ready, first answer complete; and model ready counted from the window."""
    out: dict[str, Any] = {}
    for runtime in RUNTIMES:
        try:
            runs = [_window_run(runtime) for _ in range(repeat)]
        except (RuntimeError, subprocess.TimeoutExpired, ValueError, KeyError) as exc:
            return f"not measured: {exc}"
        out[runtime] = {k: statistics.median(r[k] for r in runs) for k in runs[0]}
        out[runtime]["model_after_window"] = statistics.median(r["model"] - r["window"]
                                                               for r in runs)
    return out


def format_window(r: dict[str, Any]) -> str:
    return "\n".join(
        f"  {runtime:<6} window {x['window'] * 1e3:5.0f} ms, store {x['store'] * 1e3:5.0f} ms, "
        f"model ready {x['model'] * 1e3:5.0f} ms ({x['model_after_window'] * 1e3:.0f} ms after "
        f"the window), first answer {x['answer'] * 1e3:5.0f} ms"
        for runtime, x in r.items())
