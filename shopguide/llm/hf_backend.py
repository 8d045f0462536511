"""The fallback for causal LMs other than GPT-2: transformers' own model, our decode loop.

Slower to import and per token than the lean GPT-2 path, but it means a
merchant's Llama- or Qwen-style checkpoint is not refused without reason.
"""

from __future__ import annotations

import copy
import inspect
from pathlib import Path

import numpy as np
import torch

from shopguide.llm.errors import (
    ModelConfigMismatch,
    ModelCorrupt,
    ModelFilesMissing,
    NotAModel,
    fix_hint,
)
from shopguide.llm.tokenizer import TransformersTokenizer


_GENERATING = ("CausalLM", "LMHeadModel", "ForConditionalGeneration")


class TransformersBackend:
    name = "transformers"

    def __init__(self, model) -> None:
        self.model = model

    def start(self, length: int) -> _HFSession:
        return _HFSession(self.model)


class _HFSession:
    def __init__(self, model) -> None:
        self.model = model
        self.device = next(model.parameters()).device
        self.past = None
        # transformers 5.x renamed ``past_key_values`` to ``cache``; accept either.
        params = inspect.signature(model.forward).parameters
        self.cache_arg = "cache" if "cache" in params else "past_key_values"

    @torch.inference_mode()
    def prefill(self, ids: list[int]) -> np.ndarray:
        x = torch.tensor([ids], dtype=torch.long, device=self.device)
        out = self.model(input_ids=x, use_cache=True, logits_to_keep=1)
        self.past = _cache_of(out)
        return out.logits[0, -1].float().cpu().numpy()

    def fork(self) -> _HFSession:
        """A copy that goes on apart from this one (a beam's hypothesis)."""
        twin = copy.copy(self)
        twin.past = copy.deepcopy(self.past)
        return twin

    @torch.inference_mode()
    def step(self, token: int) -> np.ndarray:
        x = torch.tensor([[token]], dtype=torch.long, device=self.device)
        out = self.model(input_ids=x, use_cache=True, **{self.cache_arg: self.past})
        self.past = _cache_of(out)
        return out.logits[0, -1].float().cpu().numpy()


def _cache_of(out):
    cache = getattr(out, "cache", None)
    return cache if cache is not None else getattr(out, "past_key_values", None)


def load_with_transformers(folder: Path, config: dict, device: torch.device, dtype: torch.dtype):
    """(model, tokenizer) through the Auto classes, never downloading, errors typed."""
    import transformers
    from transformers import AutoModelForCausalLM, AutoTokenizer

    transformers.logging.set_verbosity_error()
    model_type = config.get("model_type", "?")
    archs = [a for a in config.get("architectures") or () if isinstance(a, str)]
    if archs and not any(k in a for a in archs for k in _GENERATING):
        # An encoder (BERT, a classifier…): transformers would bolt an untrained head on it.
        raise NotAModel(
            f"The model in {folder} is a '{model_type}' model ({archs[0]}), which cannot write "
            "answers: it is not a text-generating language model. Choose a GPT-2 model.",
            folder / "config.json",
        )
    try:
        tok = AutoTokenizer.from_pretrained(str(folder), local_files_only=True)
    except Exception as exc:
        names = ("tokenizer.json", "tokenizer.model", "vocab.json", "spiece.model", "vocab.txt")
        if not any((folder / n).is_file() for n in names):
            raise ModelFilesMissing(
                f"The model in {folder} has no tokenizer files (tokenizer.json or "
                "tokenizer.model), so its text cannot be read or written. " + fix_hint(folder),
                folder,
            ) from exc
        raise ModelCorrupt(
            f"The tokenizer of the model in {folder} cannot be read ({_line(exc)}). "
            + fix_hint(folder),
            folder,
        ) from exc
    try:
        model, info = AutoModelForCausalLM.from_pretrained(
            str(folder), local_files_only=True, dtype=dtype, output_loading_info=True
        )
    except ValueError as exc:
        if "Unrecognized configuration class" in str(exc) or "does not recognize" in str(exc):
            raise NotAModel(
                f"The model in {folder} is a '{model_type}' model, which cannot write answers "
                "(it is not a text-generating language model). Choose a GPT-2 model.",
                folder / "config.json",
            ) from exc
        raise ModelCorrupt(f"The model in {folder} cannot be read ({_line(exc)}). "
                           + fix_hint(folder), folder) from exc  # fmt: skip
    except RuntimeError as exc:
        if "size mismatch" in str(exc) or "shape" in str(exc):
            raise ModelConfigMismatch(
                f"config.json in {folder} does not match the weights ({_line(exc)}). "
                + fix_hint(folder),
                folder / "config.json",
            ) from exc
        raise ModelCorrupt(f"The weights in {folder} are damaged ({_line(exc)}). "
                           + fix_hint(folder), folder) from exc  # fmt: skip
    except Exception as exc:  # OSError, SafetensorError, unpickling errors
        raise ModelCorrupt(
            f"The weights in {folder} are damaged or incomplete ({_line(exc)}). " + fix_hint(folder),
            folder,
        ) from exc
    missing = [k for k in info.get("missing_keys", ()) if "lm_head" not in k]
    mismatched = list(info.get("mismatched_keys", ()))
    if missing or mismatched:
        what = f"{mismatched[0][0]} has another shape" if mismatched else f"{missing[0]} is missing"
        raise ModelConfigMismatch(
            f"config.json in {folder} does not match the weights: {what}. " + fix_hint(folder),
            folder / "config.json",
        )
    model.to(device).eval()
    return model, TransformersTokenizer(tok)


def context_length_of(model, tok: TransformersTokenizer) -> int:
    cfg = model.config
    for key in ("max_position_embeddings", "n_positions", "max_sequence_length", "seq_length"):
        v = getattr(cfg, key, None)
        if isinstance(v, int) and v > 0:
            return v
    limit = getattr(tok.tok, "model_max_length", 0)
    return limit if isinstance(limit, int) and 0 < limit < 1_000_000 else 2048


def _line(exc: BaseException) -> str:
    text = str(exc).strip()
    return (text.splitlines()[0] if text else type(exc).__name__)[:160]
