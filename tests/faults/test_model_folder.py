"""Fault class: a model folder whose config does not describe its weights, or that would not
fit in memory, is refused before anything is allocated, naming the file."""

from __future__ import annotations

import json
import shutil

import pytest

from shopguide.llm import ModelConfigMismatch, ModelCorrupt, ModelTooLarge, load_model
from shopguide.llm import precheck


@pytest.fixture
def model_copy(tiny_model_dir, tmp_path):
    return shutil.copytree(tiny_model_dir, tmp_path / "model")


def _edit(folder, **changes):
    cfg = json.loads((folder / "config.json").read_text())
    cfg.update(changes)
    (folder / "config.json").write_text(json.dumps(cfg))


def test_another_architectures_config_is_refused_before_building_it(model_copy, monkeypatch):
    """A GPT-2 folder whose config says llama: transformers would build a default-size Llama
    (billions of parameters) before comparing weights."""
    _edit(model_copy, model_type="llama", architectures=["LlamaForCausalLM"])
    built = []
    import transformers

    monkeypatch.setattr(transformers.AutoModelForCausalLM, "from_pretrained",
                        classmethod(lambda *a, **k: built.append(a)))  # fmt: skip
    with pytest.raises(ModelConfigMismatch, match="config.json") as err:
        load_model(str(model_copy))
    assert not built
    assert "billion" in str(err.value) and err.value.path == model_copy / "config.json"


@pytest.mark.parametrize(("key", "value"), [("n_head", 0), ("n_embd", -8), ("n_layer", "two")])
def test_a_size_that_is_not_a_positive_number_names_the_key(model_copy, key, value):
    _edit(model_copy, **{key: value})
    with pytest.raises(ModelCorrupt, match=f"config.json gives {key} = ") as err:
        load_model(str(model_copy))
    assert "modulo" not in str(err.value)


def test_heads_that_do_not_divide_the_width(model_copy):
    cfg = json.loads((model_copy / "config.json").read_text())
    _edit(model_copy, n_head=cfg["n_embd"] + 1)
    with pytest.raises(ModelCorrupt, match="divide evenly"):
        load_model(str(model_copy))


def test_a_model_larger_than_free_memory_is_refused(model_copy, monkeypatch):
    monkeypatch.setattr(precheck, "free_memory", lambda: 1024)
    with pytest.raises(ModelTooLarge, match="GB free"):
        load_model(str(model_copy))


def test_a_damaged_weights_header_names_the_file(model_copy):
    w = model_copy / "model.safetensors"
    w.write_bytes((10**12).to_bytes(8, "little") + b"{}")
    with pytest.raises(ModelCorrupt, match="model.safetensors"):
        load_model(str(model_copy))


def test_the_count_comes_from_the_headers_not_the_tensors(tiny_model_dir):
    from safetensors.torch import load_file

    held = sum(t.numel() for t in load_file(str(tiny_model_dir / "model.safetensors")).values())
    assert precheck.weights_params([tiny_model_dir / "model.safetensors"]) == held
