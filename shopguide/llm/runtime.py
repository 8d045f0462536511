"""``load_model``: from a spec to a ready ``LoadedModel``, GPT-2 on the lean path."""

from __future__ import annotations

from time import perf_counter

import torch

from shopguide.llm.errors import (
    ModelConfigMismatch,
    ModelCorrupt,
    ModelFilesMissing,
    ModelLoadError,
    fix_hint,
)
from shopguide.llm.gpt2 import GPT2Shape, LeanGPT2, normalise_keys
from shopguide.llm.loader import check_shapes, read_config, read_weights, resolve_spec, weight_files
from shopguide.llm.model import LeanBackend, LoadedModel
from shopguide.llm.precheck import check_model_folder
from shopguide.llm.tokenizer import load_fast_tokenizer

SMALL_MODEL_PARAMS = 50_000_000


def pick_device(device: str) -> torch.device:
    if device == "auto":
        return torch.device("cuda" if torch.cuda.is_available() else "cpu")
    try:
        dev = torch.device(device)
    except RuntimeError as exc:
        raise ValueError(f"unknown device {device!r}: use 'cpu', 'cuda' or 'auto'") from exc
    if dev.type == "cuda" and not torch.cuda.is_available():
        raise ModelLoadError(
            "A GPU (CUDA) was asked for, but none is available on this computer. "
            "Use device 'cpu' or 'auto'."
        )
    return dev


def pick_dtype(device: torch.device, dtype: torch.dtype | str | None) -> torch.dtype:
    if isinstance(dtype, str):
        named = getattr(torch, dtype, None)
        if not isinstance(named, torch.dtype):
            raise ValueError(f"unknown dtype {dtype!r}: use 'float32', 'bfloat16' or 'float16'")
        dtype = named
    if isinstance(dtype, torch.dtype):
        return dtype
    if device.type == "cuda":
        return torch.bfloat16 if torch.cuda.is_bf16_supported() else torch.float16
    return torch.float32


def load_model(
    spec: str = "bundled",
    *,
    device: str = "cpu",
    threads: int | None = None,
    dtype: torch.dtype | str | None = None,
    backend: str = "auto",
) -> LoadedModel:
    """Load ``bundled``, a model folder, or a cached Hugging Face id. Never downloads.

    ``threads`` sets torch's (process-wide) intra-op thread count. Left at None,
    a CPU model under 50M parameters gets one thread: its per-token matrices are
    too small to split profitably, and on a busy two-core machine a second
    OpenMP thread that spins waiting for a descheduled partner made decoding
    ten times slower in our measurements (and starves the GUI thread). Pass 0 to
    leave torch's setting alone. ``backend``:
    ``auto`` (lean GPT-2 for gpt2, transformers otherwise), ``lean`` or
    ``transformers``. Raises a ``ModelLoadError`` subclass for every bad folder.
    """
    t0 = perf_counter()
    if threads:
        torch.set_num_threads(int(threads))
    folder = resolve_spec(spec)
    config = read_config(folder)
    dev = pick_device(device)
    dt = pick_dtype(dev, dtype)
    check_model_folder(folder, config, weight_files(folder), torch.empty((), dtype=dt).element_size())
    # A Hugging Face cache snapshot folder is named by a commit hash: the id says more.
    name = spec if folder.parent.name == "snapshots" else folder.name
    model_type = str(config.get("model_type"))
    if model_type == "gpt2" and backend in ("auto", "lean"):
        model = _load_lean_gpt2(folder, config, name, dev, dt)
    elif backend in ("auto", "transformers"):
        model = _load_transformers(folder, config, name, dev, dt)
    else:
        raise ModelLoadError(
            f"The fast runtime reads GPT-2 models only, and {folder} holds a '{model_type}' model.",
            folder,
        )
    if threads is None and dev.type == "cpu" and model.num_parameters < SMALL_MODEL_PARAMS:
        torch.set_num_threads(1)
    model.load_s = perf_counter() - t0
    return model


def _load_lean_gpt2(folder, config, name, dev, dt) -> LoadedModel:
    tokenizer = load_fast_tokenizer(folder, config)
    try:
        shape = GPT2Shape.from_config(config)
    except (TypeError, ValueError) as exc:
        raise ModelCorrupt(
            f"config.json in {folder} holds a value that is not a number ({exc}). "
            + fix_hint(folder),
            folder / "config.json",
        ) from exc
    files = weight_files(folder)
    if not files:  # e.g. only an adapter_model.safetensors: not a full model
        raise ModelFilesMissing(
            f"The model in {folder} has no model.safetensors (or pytorch_model.bin): the "
            "weights file is missing. " + fix_hint(folder),
            folder / "model.safetensors",
        )
    tensors = normalise_keys(read_weights(files))
    expected = shape.expected_shapes()
    tied = config.get("tie_word_embeddings", True)
    if not tied:
        expected["lm_head.weight"] = (shape.vocab_size, shape.n_embd)
    check_shapes(expected, tensors, folder, "GPT-2")
    tok_vocab = tokenizer.tok.get_vocab_size(with_added_tokens=True)
    if tok_vocab > shape.vocab_size:
        raise ModelConfigMismatch(
            f"The tokenizer in {folder} knows {tok_vocab} tokens but the model only "
            f"{shape.vocab_size} (vocab_size in config.json): they belong to different models. "
            + fix_hint(folder),
            folder / "tokenizer.json",
        )
    weights = {k: tensors[k].to(device=dev, dtype=dt) for k in expected}
    try:
        net = LeanGPT2(shape, weights)
    except ValueError as exc:
        raise ModelConfigMismatch(
            f"config.json in {folder} describes a GPT-2 this runtime cannot run ({exc}). "
            + fix_hint(folder),
            folder / "config.json",
        ) from exc
    return LoadedModel(
        name=name,
        path=folder,
        model_type="gpt2",
        backend=LeanBackend(net),
        tokenizer=tokenizer,
        context_length=shape.n_positions,
        vocab_size=shape.vocab_size,
        num_parameters=sum(t.numel() for t in weights.values()),
        device=dev,
        dtype=dt,
    )


def _load_transformers(folder, config, name, dev, dt) -> LoadedModel:
    from shopguide.llm.hf_backend import (
        TransformersBackend,
        context_length_of,
        load_with_transformers,
    )

    hf_model, tokenizer = load_with_transformers(folder, config, dev, dt)
    return LoadedModel(
        name=name,
        path=folder,
        model_type=str(config.get("model_type")),
        backend=TransformersBackend(hf_model),
        tokenizer=tokenizer,
        context_length=context_length_of(hf_model, tokenizer),
        vocab_size=int(hf_model.config.get_text_config().vocab_size),
        num_parameters=int(hf_model.num_parameters()),
        device=dev,
        dtype=dt,
        hf_model=hf_model,
    )
