"""`shopguide train --from … --progress-json`: one JSON object per line, the app's progress feed.

Also: the model appears at --out only when complete (cancel, errors and kills leave nothing),
and --stdin-cancel stops a run from the process that started it.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

from shopguide.cli import main
from shopguide.commands.train_cmds import staging_dir
from tests.fixtures.training import write_store_dir

PRODUCTS = """sku,name,category,price,brand,stock,aisle,sizes,tags
HH-1,Oak Bookshelf,Furniture/Shelves,129.99,Woodline,4,F2,,solid wood;five shelves
HH-2,Pine Bookshelf,Furniture/Shelves,79,Woodline,0,F2,,pine;compact
HH-3,Linen Duvet,Bedding/Duvets,89.5,Softnest,12,B1,single;double,linen;breathable
"""
FAQ = """id,question,answer
returns,What is your return policy?,Returns are accepted within 60 days with a receipt.
"""
ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture
def store_dir(tmp_path):
    return write_store_dir(tmp_path / "hearth", PRODUCTS, FAQ)


def _events(printed: str) -> list[dict]:
    lines = [ln for ln in printed.splitlines() if ln.strip()]
    events = [json.loads(ln) for ln in lines]  # every line must parse
    assert all(isinstance(e, dict) and "event" in e for e in events)
    return events


def test_progress_lines_parse_and_follow_the_phases(tiny_trained, store_dir, tmp_path, capsys):
    out = tmp_path / "models" / "ft"
    code = main(["train", "--from", str(tiny_trained.out), "--store", str(store_dir), "--out", str(out),
                 "--minutes", "0.05", "--threads", "1", "--eval-answers", "4", "--progress-json"])
    assert code == 0
    events = _events(capsys.readouterr().out)
    phases = [e["phase"] for e in events if e["event"] == "phase"]
    assert phases == ["loading", "evaluating-before", "training", "saving", "evaluating-after"]
    progress = [e for e in events if e["event"] == "progress"]
    assert progress, "no progress lines"
    first_training = next(i for i, e in enumerate(events) if e.get("phase") == "training")
    first_progress = next(i for i, e in enumerate(events) if e["event"] == "progress")
    assert first_progress > first_training
    fractions = [p["fraction"] for p in progress]
    assert all(0 <= f <= 1 for f in fractions) and fractions == sorted(fractions)
    steps = [p["step"] for p in progress]
    # One line per step; a run that runs out of time adds one for its closing validation.
    if len(steps) > 1 and steps[-1] == steps[-2]:
        assert progress[-1]["val_loss"] is not None
        steps.pop()
    assert steps == list(range(1, len(steps) + 1))
    assert all(isinstance(p["loss"], float) for p in progress)
    assert any(p["val_loss"] is not None for p in progress)  # the run ends on a validation
    done = events[-1]
    assert done["event"] == "done" and done["phase"] == "done"
    report = done["report"]
    assert report["out"] == str(out) and report["before"]["answers"] == 4 == report["after"]["answers"]
    assert (out / "config.json").is_file() and (out / "model_card.json").is_file()
    assert not staging_dir(out).exists()
    assert sorted(p.name for p in out.parent.iterdir()) == ["ft"]


def test_a_bad_qa_file_is_one_error_line_and_nothing_is_written(tiny_trained, store_dir, tmp_path,
                                                               capsys):
    qa = tmp_path / "qa.csv"
    qa.write_text("question,answer\nHow?,Like this.\nonly a question\n", encoding="utf-8")
    out = tmp_path / "models" / "ft"
    code = main(["train", "--from", str(tiny_trained.out), "--store", str(store_dir), "--qa", str(qa),
                 "--out", str(out), "--minutes", "0.05", "--threads", "1", "--progress-json"])
    assert code == 1
    captured = capsys.readouterr()
    last = _events(captured.out)[-1]
    assert last["event"] == "error" and "row 3" in last["message"] and str(qa) in last["message"]
    assert "row 3" in captured.err
    assert not out.exists() and not staging_dir(out).exists()


def test_a_missing_base_model_is_an_error_line(store_dir, tmp_path, capsys):
    out = tmp_path / "ft"
    code = main(["train", "--from", str(tmp_path / "no-model"), "--store", str(store_dir),
                 "--out", str(out), "--progress-json"])
    assert code == 1
    last = _events(capsys.readouterr().out)[-1]
    assert last["event"] == "error" and "no-model" in last["message"]
    assert not out.exists() and not staging_dir(out).exists()


def test_an_existing_folder_that_is_not_a_model_is_refused(store_dir, tmp_path, capsys):
    out = tmp_path / "Documents"
    out.mkdir()
    (out / "letter.txt").write_text("keep me", encoding="utf-8")
    code = main(["train", "--from", "bundled", "--store", str(store_dir), "--out", str(out),
                 "--progress-json"])
    assert code == 2
    assert "not a model folder" in _events(capsys.readouterr().out)[-1]["message"]
    assert (out / "letter.txt").read_text(encoding="utf-8") == "keep me"


def test_a_leftover_partial_folder_from_a_killed_run_is_replaced(tiny_trained, store_dir, tmp_path):
    out = tmp_path / "ft"
    stale = staging_dir(out)
    stale.mkdir()
    (stale / "model.safetensors").write_bytes(b"half")
    code = main(["train", "--from", str(tiny_trained.out), "--store", str(store_dir), "--out", str(out),
                 "--minutes", "0.02", "--threads", "1", "--eval-answers", "2", "--progress-json"])
    assert code == 0
    assert not stale.exists() and (out / "model.safetensors").stat().st_size > 100


def _start(tiny_trained, store_dir: Path, out: Path, *extra: str) -> subprocess.Popen:
    env = dict(os.environ, PYTHONUNBUFFERED="1", OMP_NUM_THREADS="1")
    return subprocess.Popen(
        [sys.executable, "-m", "shopguide", "train", "--from", str(tiny_trained.out), "--store",
         str(store_dir), "--out", str(out), "--threads", "1", "--progress-json", "--stdin-cancel", *extra],
        stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, cwd=ROOT,
        env=env)


def _read_until(proc: subprocess.Popen, want, timeout: float = 120) -> list[dict]:
    seen = []
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        line = proc.stdout.readline()
        if not line:
            break
        seen.append(json.loads(line))
        if want(seen[-1]):
            return seen
    proc.kill()
    raise AssertionError(f"never saw the event; got {seen[-3:]}, stderr {proc.stderr.read()[-2000:]}")


def test_cancel_on_stdin_during_training_stops_and_writes_nothing(tiny_trained, store_dir, tmp_path):
    out = tmp_path / "ft"
    proc = _start(tiny_trained, store_dir, out, "--minutes", "5", "--eval-answers", "2")
    try:
        _read_until(proc, lambda e: e["event"] == "progress")
        t0 = time.monotonic()
        proc.stdin.write("cancel\n")
        proc.stdin.flush()
        rest, err = proc.communicate(timeout=60)
    finally:
        proc.kill()
    assert time.monotonic() - t0 < 30  # not the 5-minute budget
    assert proc.returncode == 1
    assert [json.loads(ln) for ln in rest.splitlines() if ln][-1] == {"event": "cancelled"}
    assert "cancelled" in err
    assert not out.exists() and not staging_dir(out).exists()


def test_stdin_closing_during_evaluation_interrupts_it(tiny_trained, store_dir, tmp_path):
    # The evaluation has no cancel check of its own: the main thread is interrupted.
    out = tmp_path / "ft"
    proc = _start(tiny_trained, store_dir, out, "--minutes", "5", "--eval-answers", "2000")
    try:
        _read_until(proc, lambda e: e.get("phase") == "evaluating-before")
        proc.stdin.close()  # the app went away
        guard = threading.Timer(60, proc.kill)  # a run that ignores it fails instead of hanging
        guard.start()
        rest = proc.stdout.read()
        proc.wait()
        guard.cancel()
    finally:
        proc.kill()
    events = [json.loads(ln) for ln in rest.splitlines() if ln]
    assert events[-1] == {"event": "cancelled"} and proc.returncode == 1
    assert not any(e["event"] == "progress" for e in events)  # training never started
    assert not out.exists() and not staging_dir(out).exists()


def test_a_missing_training_library_is_one_clear_line(store_dir, tmp_path, capsys, monkeypatch):
    import shopguide.training.finetune as ft

    def no_transformers(*_a, **_k):
        raise ModuleNotFoundError("No module named 'transformers'", name="transformers")

    monkeypatch.setattr(ft, "_finetune", no_transformers)
    out = tmp_path / "ft"
    assert main(["train", "--from", "bundled", "--store", str(store_dir), "--out", str(out),
                 "--progress-json"]) == 1
    last = _events(capsys.readouterr().out)[-1]
    assert last["event"] == "error" and "needs torch and transformers" in last["message"]
    assert not staging_dir(out).exists()
