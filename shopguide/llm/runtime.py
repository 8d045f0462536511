"""``load_model``: from a spec to a ready ``LoadedModel``.

GPT-2 checkpoints in float32 safetensors on the CPU (the bundled model, every fine-tune
the app makes) run on NumPy (np_gpt2.py): the app answers without importing torch, which
alone took longer than the rest of its start. A GPU, bfloat16/float16, a pickled
checkpoint or an activation NumPy lacks take the torch GPT-2 (gpt2.py); other model types
transformers' own classes.
"""

from __future__ import annotations

import json
import os
from pathlib import Path
from time import perf_counter
from typing import TYPE_CHECKING, Any

from shopguide.llm.errors import (
    ModelConfigMismatch,
    ModelCorrupt,
    ModelFilesMissing,
    ModelLoadError,
    fix_hint,
)
from shopguide.llm.gpt2_shape import GPT2Shape, normalise_keys
from shopguide.llm.loader import (
    check_shapes,
    corrupt_weights,
    read_config,
    read_weights,
    resolve_spec,
    weight_files,
)
from shopguide.llm.model import LoadedModel
from shopguide.llm.precheck import check_model_folder, safetensors_header
from shopguide.llm.tokenizer import load_fast_tokenizer

if TYPE_CHECKING:
    import torch

SMALL_MODEL_PARAMS = 50_000_000
BACKENDS = ("auto", "numpy", "lean", "transformers")


def pick_device(device: str) -> torch.device:
    import torch

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
    import torch

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

    ``threads`` sets torch's (process-wide) intra-op thread count (torch runtimes). Left at None,
    a CPU model under 50M parameters gets one thread: its per-token matrices are
    too small to split profitably, and on a busy two-core machine a second
    OpenMP thread that spins waiting for a descheduled partner made decoding
    ten times slower in our measurements (and starves the GUI thread). Pass 0 to
    leave torch's setting alone. ``backend``:
    ``auto`` (NumPy GPT-2 where it can run the checkpoint, see the module's note; the torch
    GPT-2 for other gpt2 checkpoints; transformers otherwise), ``numpy``, ``lean`` (torch
    GPT-2) or ``transformers``; ``auto`` follows SHOPGUIDE_RUNTIME when it is set. Raises a
    ``ModelLoadError`` subclass for every bad folder.
    """
    t0 = perf_counter()
    if backend == "auto":  # the merchant's (and the bench's) way to choose without code
        backend = os.environ.get("SHOPGUIDE_RUNTIME", "auto").strip() or "auto"
    if backend not in BACKENDS:
        raise ValueError(f"unknown backend {backend!r}: use one of {', '.join(BACKENDS)}")
    folder = resolve_spec(spec)
    config = read_config(folder)
    if backend == "numpy" or (backend == "auto" and _numpy_can_run(folder, config, device, dtype)):
        if str(config.get("model_type")) != "gpt2":
            raise ModelLoadError(
                f"The NumPy runtime reads GPT-2 models only, and {folder} holds a "
                f"'{config.get('model_type')}' model.", folder)
        check_model_folder(folder, config, weight_files(folder), 4)
        model = _load_numpy_gpt2(folder, config, _name(spec, folder))
        _limit_blas_threads(threads, model.num_parameters)
        model.load_s = perf_counter() - t0
        return model
    import torch

    if threads:
        torch.set_num_threads(int(threads))
    dev = pick_device(device)
    dt = pick_dtype(dev, dtype)
    check_model_folder(folder, config, weight_files(folder), torch.empty((), dtype=dt).element_size())
    name = _name(spec, folder)
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


def _limit_blas_threads(threads: int | None, params: int) -> None:
    """NumPy's BLAS gets the thread count torch would (see ``load_model``): one for a small
    model, whose per-token products are too small to split; a second spinning thread only
    doubled the CPU each token cost and took the core the window needs."""
    if threads == 0 or (threads is None and params >= SMALL_MODEL_PARAMS):
        return
    from threadpoolctl import threadpool_limits

    threadpool_limits(limits=int(threads or 1), user_api="blas")


def _name(spec: str, folder: Path) -> str:
    # A Hugging Face cache snapshot folder is named by a commit hash: the id says more.
    return spec if folder.parent.name == "snapshots" else folder.name


def _numpy_can_run(folder: Path, config: dict, device: str, dtype: Any) -> bool:
    """A float32 GPT-2 in safetensors, on the CPU, with an activation NumPy computes."""
    from shopguide.llm.np_gpt2 import ACTIVATIONS

    if str(config.get("model_type")) != "gpt2" or device != "cpu":
        return False
    if dtype is not None and str(dtype).replace("torch.", "") != "float32":
        return False
    if str(config.get("activation_function", "gelu_new")) not in ACTIVATIONS:
        return False
    files = weight_files(folder)
    return bool(files) and all(f.suffix == ".safetensors" and _float32_only(f) for f in files)


def _float32_only(path: Path) -> bool:
    """Whether every tensor of a safetensors file is F32, read from its header alone."""
    return all(isinstance(v, dict) and v.get("dtype") == "F32"
               for v in safetensors_header(path).values())


def _gpt2_parts(folder: Path, config: dict, read: Any) -> tuple[Any, GPT2Shape, dict]:
    """Tokenizer, shape and the checked weights of a GPT-2 folder (either runtime)."""
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
    tensors = normalise_keys(read(files))
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
    return tokenizer, shape, {k: tensors[k] for k in expected}


def _runnable(folder: Path, make: Any) -> Any:
    try:
        return make()
    except ValueError as exc:
        raise ModelConfigMismatch(
            f"config.json in {folder} describes a GPT-2 this runtime cannot run ({exc}). "
            + fix_hint(folder),
            folder / "config.json",
        ) from exc


def _load_numpy_gpt2(folder: Path, config: dict, name: str) -> LoadedModel:
    from shopguide.llm.np_gpt2 import NumpyBackend, NumpyGPT2, read_numpy_weights

    def read(files: list[Path]) -> dict:
        try:
            return read_numpy_weights(files)
        except Exception as exc:  # SafetensorError, OSError: a damaged or cut file
            raise corrupt_weights(files[0], exc) from exc

    tokenizer, shape, weights = _gpt2_parts(folder, config, read)
    net = _runnable(folder, lambda: NumpyGPT2(shape, weights))
    return _gpt2_model(name, folder, NumpyBackend(net), tokenizer, shape,
                       int(sum(w.size for w in weights.values())), "cpu", "float32")


def _load_lean_gpt2(folder, config, name, dev, dt) -> LoadedModel:
    from shopguide.llm.gpt2 import LeanGPT2
    from shopguide.llm.model import LeanBackend

    tokenizer, shape, tensors = _gpt2_parts(folder, config, read_weights)
    weights = {k: t.to(device=dev, dtype=dt) for k, t in tensors.items()}
    net = _runnable(folder, lambda: LeanGPT2(shape, weights))
    return _gpt2_model(name, folder, LeanBackend(net), tokenizer, shape,
                       sum(t.numel() for t in weights.values()), dev, dt)


def _card(folder: Path) -> dict:
    """The model's card (``model_card.json``), or {} for a model from elsewhere."""
    try:
        card = json.loads((folder / "model_card.json").read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return card if isinstance(card, dict) else {}


def trained_prompt_tokens(folder: Path, card: dict | None = None) -> int | None:
    """How long a prompt the model in ``folder`` was trained on, from its card: what nine in
    ten training prompts stayed within (``p90``), or, on a card that does not say, the
    longest (``p99``); None when the card says neither (a model from elsewhere). Why p90:
    app prompts run longer than most synthetic ones (median 190-220 tokens against 135), and
    kept within p90 rather than p99 the bundled model wrote 4 more answers of 423 on the dev
    halves, none fewer on any set (session 19)."""
    try:
        lengths = (_card(folder) if card is None else card)["corpus"]["prompt_tokens"]
        value = lengths.get("p90", lengths.get("p99"))
    except (KeyError, TypeError, AttributeError):
        return None
    return int(value) if isinstance(value, int) and value > 0 else None


def _trained_on(folder: Path) -> dict[str, Any]:
    """What the card says the model was trained on, read once per load: the longest prompts
    and the prompt form (``guide.refs.TAGGED_FORMAT`` of its time; None when not said)."""
    card = _card(folder)
    form = card.get("prompt_format")
    return {"trained_prompt_tokens": trained_prompt_tokens(folder, card),
            "prompt_format": form if isinstance(form, str) else None}


def _gpt2_model(name: str, folder: Path, backend: Any, tokenizer: Any, shape: GPT2Shape,
                params: int, device: Any, dtype: Any) -> LoadedModel:
    return LoadedModel(name=name, path=folder, model_type="gpt2", backend=backend,
                       tokenizer=tokenizer, context_length=shape.n_positions,
                       vocab_size=shape.vocab_size, num_parameters=params, device=device,
                       dtype=dtype, **_trained_on(folder))


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
        **_trained_on(folder),
    )
