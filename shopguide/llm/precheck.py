"""The cheap check every model folder passes before anything is allocated.

A config.json that does not describe its weights can make a loader build a model many
times the size of the file (a GPT-2 folder whose config says ``llama`` became a 6.7-billion
parameter default model and ate 18 GB). So before loading we compare what the config
implies (its sizes, or the defaults its model type fills in) with what the weights files
hold (safetensors headers give every shape without reading a tensor), and the memory that
model would need with the memory the machine has free. Each refusal names the file.
"""

from __future__ import annotations

import json
import os
import struct
from math import prod
from pathlib import Path

from shopguide.llm.errors import ModelConfigMismatch, ModelCorrupt, ModelTooLarge, fix_hint

# A config may imply somewhat more than the file holds (tied heads, buffers, rounding);
# beyond this factor it describes another model.
SLACK = 1.5
# A model may use at most this share of the memory the machine has free.
MEMORY_SHARE = 0.7
_SIZE_KEYS = {
    "hidden": ("hidden_size", "n_embd", "d_model", "dim"),
    "layers": ("num_hidden_layers", "n_layer", "num_layers", "n_layers"),
    "heads": ("num_attention_heads", "n_head", "num_heads", "n_heads"),
    "vocab": ("vocab_size",),
    "inner": ("intermediate_size", "n_inner", "ffn_dim", "d_ff"),
}


def check_model_folder(folder: Path, config: dict, files: list[Path], bytes_per_param: int = 4) -> None:
    """Raise a ``ModelLoadError`` naming config.json or a weights file when the folder's
    config does not describe its weights, or the model would not fit in free memory."""
    cfg_path = folder / "config.json"
    sizes = implied_sizes(config)
    _check_sizes(sizes, cfg_path, folder)
    implied = implied_params(sizes)
    held = weights_params(files)
    if held is not None and implied > SLACK * held + 1_000_000:
        raise ModelConfigMismatch(
            f"config.json in {folder} describes a '{config.get('model_type')}' model of about "
            f"{_millions(implied)} parameters, but the weights hold {_millions(held)}: the two "
            "files come from different models. " + fix_hint(folder),
            cfg_path,
        )
    need = max(implied, held or 0) * bytes_per_param
    free = free_memory()
    if free is not None and need > MEMORY_SHARE * free:
        raise ModelTooLarge(
            f"The model in {folder} needs about {need / 2**30:.1f} GB of memory and this "
            f"computer has {free / 2**30:.1f} GB free. Close other programs, or choose a "
            "smaller model.",
            folder,
        )


def implied_sizes(config: dict) -> dict[str, tuple[str, object]]:
    """The sizes the loader will build, each with the key it comes from: the config's own,
    or its model type's defaults."""
    merged = {**_type_defaults(config), **config}
    out: dict[str, tuple[str, object]] = {}
    for name, keys in _SIZE_KEYS.items():
        key = next((k for k in keys if merged.get(k) is not None), None)
        if key is not None:
            out[name] = (key, merged[key])
    return out


def implied_params(sizes: dict[str, tuple[str, object]]) -> int:
    """Embeddings plus, per layer, attention (4·h²) and the feed-forward block."""
    n = {name: int(v) for name, (_, v) in sizes.items()}  # checked whole numbers
    h, layers, vocab = n.get("hidden", 0), n.get("layers", 0), n.get("vocab", 0)
    inner = n.get("inner") or 4 * h
    return vocab * h + layers * (4 * h * h + 2 * h * inner)


def weights_params(files: list[Path]) -> int | None:
    """Parameters the weights files hold: exact from safetensors headers, else from size."""
    total = 0
    for f in files:
        if f.suffix == ".safetensors":
            total += _safetensors_numel(f)
        else:
            try:
                total += f.stat().st_size // 2  # at least 2 bytes a parameter
            except OSError:
                return None
    return total if files else None


def free_memory() -> int | None:
    try:
        with open("/proc/meminfo", encoding="ascii") as fh:
            for line in fh:
                if line.startswith("MemAvailable:"):
                    return int(line.split()[1]) * 1024
    except (OSError, ValueError, IndexError):
        pass
    try:
        return os.sysconf("SC_AVPHYS_PAGES") * os.sysconf("SC_PAGE_SIZE")
    except (ValueError, OSError, AttributeError):
        return None


def _check_sizes(sizes: dict[str, tuple[str, object]], cfg_path: Path, folder: Path) -> None:
    for key, value in sizes.values():
        if not isinstance(value, int) or isinstance(value, bool) or value <= 0:
            raise ModelCorrupt(
                f"{cfg_path} gives {key} = {value!r}; it must be a whole number above 0. "
                + fix_hint(folder),
                cfg_path,
            )
    (hk, h), (nk, heads) = sizes.get("hidden", ("", 0)), sizes.get("heads", ("", 0))
    if h and heads and h % heads:
        raise ModelCorrupt(
            f"{cfg_path} gives {hk} = {h} and {nk} = {heads}; the size must divide evenly "
            "among the attention heads. " + fix_hint(folder),
            cfg_path,
        )


def _type_defaults(config: dict) -> dict:
    """The defaults transformers fills in for this model type (no weights are built)."""
    model_type = config.get("model_type")
    if model_type == "gpt2":  # the fast runtime's own defaults (gpt2.GPT2Shape); no import
        return {"n_embd": 768, "n_layer": 12, "n_head": 12, "vocab_size": 50257}
    if not isinstance(model_type, str):
        return {}
    try:
        from transformers import AutoConfig

        return AutoConfig.for_model(model_type).to_dict()
    except Exception:  # an unknown type: transformers refuses it later with its own message
        return {}


def safetensors_header(f: Path) -> dict:
    """The tensors a safetensors file describes (name → dtype, shape, offsets), from its
    header alone; a damaged header is ModelCorrupt naming the file."""
    try:
        with f.open("rb") as fh:
            (n,) = struct.unpack("<Q", fh.read(8))
            if n > 100_000_000:
                raise ValueError("header too large")
            header = json.loads(fh.read(n))
        if not isinstance(header, dict):
            raise ValueError("the header is not a table of tensors")
        return {k: v for k, v in header.items() if k != "__metadata__"}
    except (OSError, ValueError, TypeError, struct.error) as exc:
        raise _damaged(f, exc) from exc


def _safetensors_numel(f: Path) -> int:
    header = safetensors_header(f)
    try:
        return sum(prod(v["shape"]) for v in header.values())
    except (KeyError, TypeError) as exc:
        raise _damaged(f, exc) from exc


def _damaged(f: Path, exc: BaseException) -> ModelCorrupt:
    return ModelCorrupt(
        f"The weights file {f.name} in {f.parent} is damaged: its header cannot be read "
        f"({exc}). " + fix_hint(f.parent),
        f,
    )


def _millions(n: int) -> str:
    return f"{n / 1e9:.1f} billion" if n >= 1e9 else f"{n / 1e6:.1f} million"
