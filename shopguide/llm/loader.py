"""Finding a model folder and reading its files, with a typed error for each way it can fail."""

from __future__ import annotations

import json
import os
import re
from pathlib import Path

from shopguide.llm.errors import (
    ModelConfigMismatch,
    ModelCorrupt,
    ModelFilesMissing,
    ModelNotFound,
    NotAModel,
    fix_hint,
)

WEIGHT_FILES = ("model.safetensors", "pytorch_model.bin")
INDEX_FILES = ("model.safetensors.index.json", "pytorch_model.bin.index.json")
_HF_ID = re.compile(r"^[A-Za-z0-9][\w.-]*(/[\w.-]+)?$")


def resolve_spec(spec: str) -> Path:
    """``bundled``, a folder (or a file inside one), or a Hugging Face id already in the cache."""
    from shopguide.config import bundled_model_dir

    if spec == "bundled":
        path = bundled_model_dir()
        if not path.is_dir():
            raise ModelNotFound(
                f"The bundled ShopGuide model is missing: there is no folder {path}. "
                "Reinstall ShopGuide, or choose a model folder in Settings (or with --model).",
                path,
            )
        return path
    path = Path(spec).expanduser()
    if path.is_file() and path.parent.is_dir():
        return path.parent  # someone pointed at config.json or the weights: take their folder
    if path.is_dir():
        return path
    looks_like_path = spec.startswith((".", "/", "~")) or "\\" in spec
    if _HF_ID.match(spec) and not looks_like_path:
        return _from_hf_cache(spec)
    raise ModelNotFound(
        f"No model folder at {path}. Check the path, or choose the folder that holds "
        "config.json and model.safetensors.",
        path,
    )


def _from_hf_cache(repo_id: str) -> Path:
    """Never a download: only what is already in the local Hugging Face cache."""
    from huggingface_hub import constants, snapshot_download

    try:
        return Path(snapshot_download(repo_id, local_files_only=True))
    except Exception as exc:  # LocalEntryNotFoundError, or an id the hub library rejects
        cache = constants.HF_HUB_CACHE
        offline = " (HF_HUB_OFFLINE is set)" if os.environ.get("HF_HUB_OFFLINE") else ""
        raise ModelNotFound(
            f"'{repo_id}' is neither a folder here nor a model in the local Hugging Face cache "
            f"({cache}){offline}. ShopGuide never downloads a model by itself: download it once "
            f"on a connected machine (huggingface-cli download {repo_id}) or copy the model "
            "folder onto this machine and give its path.",
            repo_id,
        ) from exc


def weight_files(folder: Path) -> list[Path]:
    """The weights to read, safetensors first; shards through their index."""
    for name in WEIGHT_FILES:
        if (folder / name).is_file():
            return [folder / name]
    for name in INDEX_FILES:
        index = folder / name
        if index.is_file():
            try:
                shards = sorted(set(json.loads(index.read_text("utf-8"))["weight_map"].values()))
            except (OSError, ValueError, KeyError, TypeError, AttributeError) as exc:
                raise ModelCorrupt(
                    f"The weights index {index.name} in {folder} is damaged. " + fix_hint(folder),
                    index,
                ) from exc
            missing = [s for s in shards if not (folder / s).is_file()]
            if missing:
                raise ModelFilesMissing(
                    f"The model in {folder} is incomplete: weight file {missing[0]} "
                    f"({len(missing)} of {len(shards)} parts missing). " + fix_hint(folder),
                    folder / missing[0],
                )
            return [folder / s for s in shards]
    return []


def read_config(folder: Path) -> dict:
    cfg_path = folder / "config.json"
    has_weights = bool(
        [n for n in WEIGHT_FILES + INDEX_FILES if (folder / n).is_file()]
        or list(folder.glob("*.safetensors"))
    )
    if not cfg_path.is_file():
        if not has_weights:
            raise NotAModel(
                f"{folder} is not a model folder: it holds neither config.json nor a weights "
                "file (model.safetensors). Choose the folder that contains config.json.",
                folder,
            )
        raise ModelFilesMissing(
            f"The model in {folder} has weights but no config.json, which describes its "
            "shape; without it the weights cannot be used. " + fix_hint(folder),
            cfg_path,
        )
    try:
        config = json.loads(cfg_path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, ValueError) as exc:
        raise ModelCorrupt(
            f"config.json in {folder} is damaged and cannot be read ({exc}). " + fix_hint(folder),
            cfg_path,
        ) from exc
    if not isinstance(config, dict) or "model_type" not in config:
        raise NotAModel(
            f"{cfg_path} is not a language-model configuration (it names no model_type). "
            "Choose the folder of a model saved by transformers.",
            cfg_path,
        )
    if not has_weights:
        raise ModelFilesMissing(
            f"The model in {folder} has no weights: model.safetensors (or pytorch_model.bin) "
            "is missing. " + fix_hint(folder),
            folder / "model.safetensors",
        )
    return config


def read_weights(files: list[Path]) -> dict:
    """All tensors of the checkpoint on CPU; a damaged or truncated file is ModelCorrupt."""
    import torch

    tensors: dict = {}
    for f in files:
        try:
            if f.suffix == ".safetensors":
                from safetensors.torch import load_file

                tensors.update(load_file(str(f), device="cpu"))
            else:
                tensors.update(torch.load(str(f), map_location="cpu", weights_only=True))
        except Exception as exc:  # SafetensorError, pickle and zip errors, OSError
            raise corrupt_weights(f, exc) from exc
    return tensors


def corrupt_weights(f: Path, exc: BaseException) -> ModelCorrupt:
    """The error for a weights file that cannot be read, whichever library read it."""
    size = f.stat().st_size if f.exists() else 0
    return ModelCorrupt(
        f"The weights file {f.name} in {f.parent} is damaged or incomplete "
        f"({size:,} bytes; {_first_line(exc)}). A copy or download was probably cut "
        "short. " + fix_hint(f.parent),
        f,
    )


def check_shapes(expected: dict, tensors: dict, folder: Path, what: str) -> None:
    """Every tensor the config implies must be there, with the shape it implies."""
    missing = [k for k in expected if k not in tensors]
    wrong = [
        (k, tuple(tensors[k].shape), shape)
        for k, shape in expected.items()
        if k in tensors and tuple(tensors[k].shape) != shape
    ]
    if not missing and not wrong:
        return
    if wrong:
        k, got, want = wrong[0]
        detail = f"{k} is {list(got)} in the weights but config.json implies {list(want)}"
        if len(wrong) > 1:
            detail += f" (and {len(wrong) - 1} more tensors differ)"
    else:
        detail = f"the weights lack {missing[0]}" + (
            f" and {len(missing) - 1} more tensors" if len(missing) > 1 else ""
        )
    raise ModelConfigMismatch(
        f"config.json in {folder} does not match the weights of this {what} model: {detail}. "
        "The two files come from different models; " + fix_hint(folder)[0].lower()
        + fix_hint(folder)[1:],
        folder / "config.json",
    )


def _first_line(exc: BaseException) -> str:
    text = str(exc).strip()
    return (text.splitlines()[0] if text else type(exc).__name__)[:160]
