"""`shopguide train`: argument checks and the tiny preset through the command line."""

from __future__ import annotations

import json

from shopguide.cli import main


def test_train_needs_preset_or_from(capsys):
    assert main(["train"]) == 2
    assert "--preset" in capsys.readouterr().err


def test_finetune_needs_a_store_and_an_out_folder(capsys, tmp_path):
    assert main(["train", "--from", "bundled", "--out", str(tmp_path / "m")]) == 2
    assert "--store" in capsys.readouterr().err
    assert main(["train", "--from", "bundled", "--store", str(tmp_path)]) == 2
    assert "--out" in capsys.readouterr().err


def test_tiny_preset_from_the_command_line(tmp_path, capsys):
    out = tmp_path / "model"
    code = main(["train", "--preset", "tiny", "--out", str(out), "--workdir", str(tmp_path / "w"),
                 "--threads", "1", "--eval-answers", "8", "--json"])
    assert code == 0
    printed = capsys.readouterr().out
    summary = json.loads(printed[printed.rindex("\n{\n") + 1 :])
    assert summary["answers"] == 8 and summary["foreign_tags"] == 0  # masked at decoding
    card = json.loads((out / "model_card.json").read_text(encoding="utf-8"))
    assert card["prompt_format"] == "tagged-v2"
    assert card["test_metrics"] == summary and "test_metrics_how" in card
