"""Loading models, and a typed, merchant-readable error for each way a model folder can be bad."""

from __future__ import annotations

import json
import shutil

import pytest

from shopguide.llm import (
    GenerationSettings,
    ModelConfigMismatch,
    ModelCorrupt,
    ModelFilesMissing,
    ModelLoadError,
    ModelNotFound,
    NotAModel,
    load_model,
)

PROMPT = "Q: 有没有跑鞋？\nA:"
SETTINGS = GenerationSettings(max_new_tokens=20, stop=())


@pytest.fixture
def model_copy(tiny_model_dir, tmp_path):
    """A private copy of the tiny model that a test may damage."""
    return shutil.copytree(tiny_model_dir, tmp_path / "model")


def _reference(tiny_model_dir) -> str:
    return load_model(str(tiny_model_dir)).generate(PROMPT, SETTINGS)


def test_bundled_spec_reads_the_resources_folder(tiny_model_dir, tmp_path, monkeypatch):
    shutil.copytree(tiny_model_dir, tmp_path / "models" / "shopguide-gpt2")
    monkeypatch.setenv("SHOPGUIDE_RESOURCES", str(tmp_path))
    m = load_model("bundled")
    assert m.path == tmp_path / "models" / "shopguide-gpt2"
    assert m.generate(PROMPT, SETTINGS) == _reference(tiny_model_dir)


def test_missing_bundled_model_says_to_reinstall(tmp_path, monkeypatch):
    monkeypatch.setenv("SHOPGUIDE_RESOURCES", str(tmp_path))
    with pytest.raises(ModelNotFound, match="bundled") as err:
        load_model("bundled")
    assert "Reinstall" in str(err.value)


def test_a_file_inside_the_folder_loads_the_folder(tiny_model_dir):
    m = load_model(str(tiny_model_dir / "config.json"))
    assert m.path == tiny_model_dir


def test_pytorch_bin_weights_load_like_safetensors(model_copy, tiny_model_dir):
    import torch
    from safetensors.torch import load_file

    weights = load_file(str(model_copy / "model.safetensors"))
    torch.save(weights, model_copy / "pytorch_model.bin")
    (model_copy / "model.safetensors").unlink()
    assert load_model(str(model_copy)).generate(PROMPT, SETTINGS) == _reference(tiny_model_dir)


def test_vocab_and_merges_without_tokenizer_json(model_copy, tiny_model_dir):
    (model_copy / "tokenizer.json").unlink()
    m = load_model(str(model_copy))
    ref = load_model(str(tiny_model_dir))
    assert m.encode(PROMPT) == ref.encode(PROMPT)
    assert m.generate(PROMPT, SETTINGS) == ref.generate(PROMPT, SETTINGS)


def test_cached_hf_id_loads_without_network(tiny_model_dir, tmp_path, monkeypatch):
    # The hub cache layout: models--org--name/snapshots/<commit>/ + refs/main.
    repo = tmp_path / "hub" / "models--shop--tiny-gpt2"
    commit = "0" * 40
    shutil.copytree(tiny_model_dir, repo / "snapshots" / commit)
    (repo / "refs").mkdir()
    (repo / "refs" / "main").write_text(commit)
    monkeypatch.setenv("HF_HUB_CACHE", str(tmp_path / "hub"))
    monkeypatch.setattr("huggingface_hub.constants.HF_HUB_CACHE", str(tmp_path / "hub"))
    m = load_model("shop/tiny-gpt2")
    assert m.name == "shop/tiny-gpt2"
    assert m.generate(PROMPT, SETTINGS) == _reference(tiny_model_dir)


def test_uncached_hf_id_is_not_found_and_never_downloaded(tmp_path, monkeypatch):
    monkeypatch.setenv("HF_HUB_CACHE", str(tmp_path / "empty-hub"))
    monkeypatch.setattr("huggingface_hub.constants.HF_HUB_CACHE", str(tmp_path / "empty-hub"))
    with pytest.raises(ModelNotFound, match="never downloads") as err:
        load_model("openai-community/gpt2")
    assert "huggingface-cli download openai-community/gpt2" in str(err.value)


def test_missing_folder(tmp_path):
    with pytest.raises(ModelNotFound, match="No model folder") as err:
        load_model(str(tmp_path / "nowhere"))
    assert err.value.path == tmp_path / "nowhere"


def test_folder_that_is_not_a_model(tmp_path):
    (tmp_path / "photos").mkdir()
    (tmp_path / "photos" / "shoe.jpg").write_bytes(b"\xff\xd8\xff")
    with pytest.raises(NotAModel, match="not a model folder") as err:
        load_model(str(tmp_path / "photos"))
    assert "config.json" in str(err.value)


def test_config_of_something_else(model_copy):
    (model_copy / "config.json").write_text(json.dumps({"window": {"width": 800}}))
    with pytest.raises(NotAModel, match="model_type"):
        load_model(str(model_copy))


def test_missing_weights(model_copy):
    (model_copy / "model.safetensors").unlink()
    with pytest.raises(ModelFilesMissing, match="model.safetensors") as err:
        load_model(str(model_copy))
    assert "Copy the complete model folder again" in str(err.value)


def test_adapter_without_its_base_weights(model_copy):
    (model_copy / "model.safetensors").rename(model_copy / "adapter_model.safetensors")
    with pytest.raises(ModelFilesMissing, match="model.safetensors"):
        load_model(str(model_copy))


def test_missing_config(model_copy):
    (model_copy / "config.json").unlink()
    with pytest.raises(ModelFilesMissing, match="config.json") as err:
        load_model(str(model_copy))
    assert err.value.path == model_copy / "config.json"


def test_missing_tokenizer(model_copy):
    for name in ("tokenizer.json", "vocab.json", "merges.txt"):
        (model_copy / name).unlink()
    with pytest.raises(ModelFilesMissing, match="tokenizer.json") as err:
        load_model(str(model_copy))
    assert "no tokenizer" in str(err.value)


@pytest.mark.parametrize("name", ["model.safetensors", "pytorch_model.bin"])
def test_truncated_weights(model_copy, name):
    if name == "pytorch_model.bin":
        import torch
        from safetensors.torch import load_file

        torch.save(load_file(str(model_copy / "model.safetensors")), model_copy / name)
        (model_copy / "model.safetensors").unlink()
    w = model_copy / name
    data = w.read_bytes()
    w.write_bytes(data[: len(data) * 2 // 3])
    with pytest.raises(ModelCorrupt, match=name) as err:
        load_model(str(model_copy))
    assert "damaged or incomplete" in str(err.value)
    assert err.value.path == w


def test_weights_file_of_zeros(model_copy):
    (model_copy / "model.safetensors").write_bytes(b"\0" * 4096)
    with pytest.raises(ModelCorrupt, match="model.safetensors"):
        load_model(str(model_copy))


def test_damaged_config_json(model_copy):
    (model_copy / "config.json").write_text('{"model_type": "gpt2", "n_embd": ')
    with pytest.raises(ModelCorrupt, match="config.json"):
        load_model(str(model_copy))


def test_damaged_tokenizer_json(model_copy):
    (model_copy / "tokenizer.json").write_text("{not json")
    with pytest.raises(ModelCorrupt, match="tokenizer.json"):
        load_model(str(model_copy))


@pytest.mark.parametrize(
    ("key", "value", "expect"),
    [
        ("n_embd", 64, "wte.weight"),  # every matrix has another width
        ("n_layer", 3, "h.2."),  # a layer the weights do not have
        ("n_positions", 256, "wpe.weight"),
    ],
)
def test_config_that_does_not_match_the_weights(model_copy, key, value, expect):
    cfg = json.loads((model_copy / "config.json").read_text())
    cfg[key] = value
    (model_copy / "config.json").write_text(json.dumps(cfg))
    with pytest.raises(ModelConfigMismatch, match=expect) as err:
        load_model(str(model_copy))
    assert "different models" in str(err.value)


def test_tokenizer_larger_than_the_model(model_copy):
    cfg = json.loads((model_copy / "config.json").read_text())
    cfg["vocab_size"] -= 10
    (model_copy / "config.json").write_text(json.dumps(cfg))
    from safetensors.torch import load_file, save_file

    w = load_file(str(model_copy / "model.safetensors"))
    w["transformer.wte.weight"] = w["transformer.wte.weight"][:-10].contiguous()
    save_file(w, str(model_copy / "model.safetensors"))
    with pytest.raises(ModelConfigMismatch, match="tokenizer"):
        load_model(str(model_copy))


def test_all_errors_share_one_base_class():
    for cls in (ModelNotFound, ModelFilesMissing, ModelCorrupt, ModelConfigMismatch, NotAModel):
        assert issubclass(cls, ModelLoadError)


def test_cuda_asked_for_without_a_gpu(tiny_model_dir):
    import torch

    if torch.cuda.is_available():
        pytest.skip("this machine has a GPU")
    with pytest.raises(ModelLoadError, match="CUDA"):
        load_model(str(tiny_model_dir), device="cuda")


def test_non_generating_model_is_refused_with_a_reason(tmp_path):
    from transformers import BertConfig, BertModel

    cfg = BertConfig(vocab_size=50, hidden_size=16, num_hidden_layers=1, num_attention_heads=2,
                     intermediate_size=32)  # fmt: skip
    BertModel(cfg).save_pretrained(tmp_path / "bert")
    (tmp_path / "bert" / "vocab.txt").write_text("\n".join(["[PAD]", "[UNK]", "[CLS]", "[SEP]", "a"]))
    with pytest.raises(NotAModel, match="'bert'"):
        load_model(str(tmp_path / "bert"))


def test_other_causal_lm_runs_through_transformers(tiny_model_dir, tmp_path):
    """A Llama-style checkpoint is not refused: it runs on transformers' model, our decode loop."""
    import torch
    from transformers import AutoTokenizer, LlamaConfig, LlamaForCausalLM

    vocab = json.loads((tiny_model_dir / "config.json").read_text())["vocab_size"]
    torch.manual_seed(0)
    cfg = LlamaConfig(vocab_size=vocab, hidden_size=32, intermediate_size=64, num_hidden_layers=2,
                      num_attention_heads=2, num_key_value_heads=2, max_position_embeddings=96,
                      bos_token_id=0, eos_token_id=0)  # fmt: skip
    hf = LlamaForCausalLM(cfg).eval()
    folder = tmp_path / "llama"
    hf.save_pretrained(folder)
    for name in ("tokenizer.json", "tokenizer_config.json", "special_tokens_map.json"):
        shutil.copy(tiny_model_dir / name, folder / name)
    m = load_model(str(folder))
    assert m.backend.name == "transformers" and m.model_type == "llama"
    assert m.context_length == 96
    tok = AutoTokenizer.from_pretrained(str(folder))
    ids = tok(PROMPT)["input_ids"]
    out = hf.generate(torch.tensor([ids]), max_new_tokens=20, do_sample=False,
                      repetition_penalty=SETTINGS.repetition_penalty, pad_token_id=0)  # fmt: skip
    expected = tok.decode(out[0, len(ids) :], skip_special_tokens=True)
    assert m.generate(PROMPT, SETTINGS) == expected


def test_bfloat16_weights_on_request(tiny_model_dir):
    import torch

    m = load_model(str(tiny_model_dir), dtype="bfloat16")
    assert m.dtype == "bfloat16" and m.backend.net.wte.dtype == torch.bfloat16
    s = m.stream(PROMPT, GenerationSettings(max_new_tokens=10, min_new_tokens=10, stop=()))
    s.read_all()
    assert s.n_tokens == 10 and s.finish_reason == "length"
