"""``shopguide bench`` on the tiny model: what it reports, not how fast (benchmarks measure that)."""

from __future__ import annotations

import json
import sys
import types

import pytest

from shopguide.cli import main

FAST = ["--repeat", "2", "--new-tokens", "6", "--prompt-tokens", "40", "--no-startup"]


def _bench_json(capsys, *args: str) -> dict:
    assert main(["bench", *FAST, "--json", *args]) == 0
    return json.loads(capsys.readouterr().out)


def test_bench_reports_runtime_and_transformers_figures(tiny_model_dir, capsys):
    report = _bench_json(capsys, "--model", str(tiny_model_dir), "--new-tokens", "40")
    rt, hf = report["runtime"], report["transformers"]
    assert report["model"]["path"] == str(tiny_model_dir)
    assert report["model"]["parameters"] > 0
    assert rt["prompt_tokens"] == 40 and rt["new_tokens"] == 40
    for key in ("load_s", "first_token_s", "decode_tok_s"):
        runs = rt["runs"][key]
        assert len(runs) == 2 and all(x > 0 for x in runs)
        assert min(runs) <= rt[key] <= max(runs)  # a median of its runs
    assert hf["same_tokens"] is True  # both decoders wrote the same greedy answer
    assert hf["speedup"] == pytest.approx(rt["decode_tok_s"] / hf["decode_tok_s"])
    assert hf["speedup_cpu"] == pytest.approx(rt["decode_tok_per_cpu_s"] / hf["decode_tok_per_cpu_s"])
    assert rt["first_token_cpu_s"] > 0
    assert rt["peak_rss_mb"] > 0
    assert report["notes"] == []


def test_a_prompt_longer_than_the_model_keeps_is_cut_for_both_runtimes(tiny_model_dir, tmp_path,
                                                                       capsys):
    """A model trained on shorter prompts than asked for: the runtime keeps only the last
    ones, so transformers is given the same ones, and both write the same answer."""
    import shutil

    folder = shutil.copytree(tiny_model_dir, tmp_path / "short-prompts")
    card = {"corpus": {"prompt_tokens": {"p99": 25}}}
    (folder / "model_card.json").write_text(json.dumps(card), encoding="utf-8")
    report = _bench_json(capsys, "--model", str(folder), "--new-tokens", "12")
    assert report["runtime"]["prompt_tokens"] == 25  # what the runtime kept, not the 40 asked
    assert report["transformers"]["same_tokens"] is True


def test_missing_bundled_model_is_replaced_by_a_stand_in(tiny_model_dir, tmp_path, monkeypatch,
                                                         capsys):  # fmt: skip
    import shutil

    from shopguide.llm import bench

    monkeypatch.setenv("SHOPGUIDE_RESOURCES", str(tmp_path / "no-resources"))
    built = []

    def tiny_standin(folder):
        built.append(folder)
        return shutil.copytree(tiny_model_dir, folder)

    monkeypatch.setattr(bench, "build_standin", tiny_standin)
    report = _bench_json(capsys, "--no-transformers")
    assert built and report["model"]["name"] == built[0].name
    assert report["transformers"] is None
    assert "does not exist yet" in report["notes"][0] and "stand-in" in report["notes"][0]
    assert not built[0].exists()  # the stand-in lived in a temp folder


def test_bench_table_names_every_figure(tiny_model_dir, capsys):
    assert main(["bench", *FAST, "--model", str(tiny_model_dir)]) == 0
    out = capsys.readouterr().out
    for row in ("model load", "first token (40-token prompt)", "decode (6 tokens)",
                "transformers generate(): decode", "speed-up over transformers", "peak memory"):
        assert row in out


def test_engine_hooks_say_not_available_until_they_exist(tiny_model_dir, monkeypatch, capsys):
    monkeypatch.setitem(sys.modules, "shopguide.guide.bench", None)  # import fails as if absent
    report = _bench_json(capsys, "--model", str(tiny_model_dir), "--no-transformers",
                         "--retrieval", "--e2e")  # fmt: skip
    assert report["retrieval"] == "not available yet"
    assert report["e2e"] == "not available yet"


def test_engine_hooks_are_called_when_present(tiny_model_dir, monkeypatch, capsys):
    calls = {}
    fake = types.ModuleType("shopguide.guide.bench")

    def retrieval_bench(sizes):
        calls["sizes"] = sizes
        return {str(n): {"p50_ms": 1.0, "p95_ms": 2.0} for n in sizes}

    def e2e_bench(store, model):
        calls["e2e"] = (store, model)
        return {"p50_ms": 10.0, "p95_ms": 20.0}

    fake.retrieval_bench, fake.e2e_bench = retrieval_bench, e2e_bench
    monkeypatch.setitem(sys.modules, "shopguide.guide.bench", fake)
    monkeypatch.setattr("shopguide.commands.llm_cmds._store", lambda args: "the-store")
    report = _bench_json(capsys, "--model", str(tiny_model_dir), "--no-transformers",
                         "--retrieval", "--retrieval-sizes", "100,2_000", "--e2e")  # fmt: skip
    assert calls["sizes"] == [100, 2000]
    assert report["retrieval"]["2000"]["p95_ms"] == 2.0
    store, model = calls["e2e"]
    assert store == "the-store" and model.path == tiny_model_dir
    assert report["e2e"] == {"p50_ms": 10.0, "p95_ms": 20.0}


def test_bad_model_is_a_clear_error_not_a_traceback(tmp_path, capsys):
    assert main(["bench", *FAST, "--model", str(tmp_path / "nowhere")]) == 1
    assert "No model folder" in capsys.readouterr().err


def test_startup_runs_each_runtime_in_a_fresh_process(tiny_model_dir):
    from shopguide.llm.bench_startup import format_startup, startup_bench

    r = startup_bench(str(tiny_model_dir), repeat=1, prompt_tokens=40, new_tokens=8)
    numpy_run, torch_run = r["numpy"], r["lean"]
    assert numpy_run["backend"] == "numpy-gpt2" and torch_run["backend"] == "lean-gpt2"
    assert numpy_run["imports_torch"] is False and torch_run["imports_torch"] is True
    for run in (numpy_run, torch_run):
        assert 0 < run["ready_s"] <= run["first_token_s"] and run["peak_rss_mb"] > 0
    assert r["same_tokens"] is True
    assert r["ready_ratio"] == pytest.approx(torch_run["ready_s"] / numpy_run["ready_s"])
    assert "imports torch" in format_startup(r).splitlines()[1]


def test_startup_that_cannot_run_says_why(tmp_path):
    from shopguide.llm.bench_startup import startup_bench

    r = startup_bench(str(tmp_path / "no-model"), repeat=1)
    assert isinstance(r, str) and "no-model" in r


def test_the_window_reports_its_start_in_order_on_each_runtime():
    from shopguide.llm.bench_startup import RUNTIMES, format_window, window_bench

    r = window_bench(repeat=1)
    assert isinstance(r, dict), r
    for runtime in RUNTIMES:
        x = r[runtime]
        assert 0 < x["window"] <= x["model"] <= x["answer"], x
        assert x["model_after_window"] == pytest.approx(x["model"] - x["window"])
    assert format_window(r).count("first answer") == len(RUNTIMES)
