"""The shape of a GPT-2 checkpoint, read from its config, and its weight names: shared by the
torch runtime (gpt2.py) and the NumPy one (np_gpt2.py), so neither needs the other's library."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True)
class GPT2Shape:
    vocab_size: int
    n_positions: int
    n_embd: int
    n_layer: int
    n_head: int
    n_inner: int
    eps: float
    activation: str
    scale_attn_weights: bool
    scale_by_inverse_layer_idx: bool

    @classmethod
    def from_config(cls, cfg: Mapping) -> GPT2Shape:
        n_embd = int(cfg.get("n_embd", 768))
        return cls(
            vocab_size=int(cfg.get("vocab_size", 50257)),
            n_positions=int(cfg.get("n_positions", cfg.get("n_ctx", 1024))),
            n_embd=n_embd,
            n_layer=int(cfg.get("n_layer", 12)),
            n_head=int(cfg.get("n_head", 12)),
            n_inner=int(cfg.get("n_inner") or 4 * n_embd),
            eps=float(cfg.get("layer_norm_epsilon", 1e-5)),
            activation=str(cfg.get("activation_function", "gelu_new")),
            scale_attn_weights=bool(cfg.get("scale_attn_weights", True)),
            scale_by_inverse_layer_idx=bool(cfg.get("scale_attn_by_inverse_layer_idx", False)),
        )

    def expected_shapes(self) -> dict[str, tuple[int, ...]]:
        e, i = self.n_embd, self.n_inner
        shapes: dict[str, tuple[int, ...]] = {
            "wte.weight": (self.vocab_size, e),
            "wpe.weight": (self.n_positions, e),
            "ln_f.weight": (e,),
            "ln_f.bias": (e,),
        }
        for n in range(self.n_layer):
            p = f"h.{n}."
            shapes.update(
                {
                    p + "ln_1.weight": (e,),
                    p + "ln_1.bias": (e,),
                    p + "attn.c_attn.weight": (e, 3 * e),
                    p + "attn.c_attn.bias": (3 * e,),
                    p + "attn.c_proj.weight": (e, e),
                    p + "attn.c_proj.bias": (e,),
                    p + "ln_2.weight": (e,),
                    p + "ln_2.bias": (e,),
                    p + "mlp.c_fc.weight": (e, i),
                    p + "mlp.c_fc.bias": (i,),
                    p + "mlp.c_proj.weight": (i, e),
                    p + "mlp.c_proj.bias": (e,),
                }
            )
        return shapes


def normalise_keys(tensors: Mapping[str, Any]) -> dict[str, Any]:
    """GPT2LMHeadModel saves ``transformer.h.0…``; GPT2Model (e.g. the hub's ``gpt2``) ``h.0…``."""
    out: dict[str, Any] = {}
    for key, t in tensors.items():
        if key.startswith("transformer."):
            key = key[len("transformer.") :]
        if key.endswith((".attn.bias", ".attn.masked_bias")):
            continue  # causal-mask buffers in old checkpoints, not weights
        out[key] = t
    return out
