"""A lean GPT-2 forward in plain torch, reading GPT2LMHeadModel checkpoints as they are.

Why not transformers' own model: for a model of a few million parameters the
arithmetic per token is tiny and the Python around it dominates; the generic
model spends more time in its machinery than in matrix products, and importing
transformers alone takes seconds. This module does the same computation with a
handful of torch calls per layer, a pre-allocated KV cache, and 2-D tensors
(batch of one), and it is checked token for token against ``generate()``.

Layout notes: GPT-2 uses ``Conv1D`` (weight stored ``[in, out]``, so ``x @ W``),
an lm_head tied to the token embedding, pre-layer-norm blocks and gelu_new.
"""

from __future__ import annotations

import math
from collections.abc import Mapping

import torch
import torch.nn.functional as F

from shopguide.llm.gpt2_shape import GPT2Shape, normalise_keys

_ACTIVATIONS = {
    "gelu_new": lambda x: F.gelu(x, approximate="tanh"),
    "gelu_pytorch_tanh": lambda x: F.gelu(x, approximate="tanh"),
    "gelu_fast": lambda x: F.gelu(x, approximate="tanh"),
    "gelu": F.gelu,
    "relu": F.relu,
    "silu": F.silu,
    "swish": F.silu,
}


class _Layer:
    __slots__ = ("ln1w", "ln1b", "qkv_w", "qkv_b", "o_w", "o_b", "ln2w", "ln2b",
                 "fc_w", "fc_b", "pr_w", "pr_b", "scale")  # fmt: skip


class LeanGPT2:
    """GPT-2 inference (and, for tests, a differentiable full-sequence forward)."""

    def __init__(self, shape: GPT2Shape, weights: Mapping[str, torch.Tensor]) -> None:
        if shape.activation not in _ACTIVATIONS:
            raise ValueError(f"unsupported activation_function {shape.activation!r}")
        if shape.n_embd % shape.n_head:
            raise ValueError(f"n_embd {shape.n_embd} is not divisible by n_head {shape.n_head}")
        self.shape = shape
        self.act = _ACTIVATIONS[shape.activation]
        self.head_dim = shape.n_embd // shape.n_head
        w = weights
        self.wte = w["wte.weight"]
        self.wpe = w["wpe.weight"]
        self.lm_head = w.get("lm_head.weight", self.wte)
        # x @ W with W [embd, vocab] contiguous runs 2-3x faster on CPU than F.linear's
        # x @ W^T for one row: decoding reads this matrix once per token.
        self.lm_head_t = self.lm_head.detach().t().contiguous()
        self.ln_f = (w["ln_f.weight"], w["ln_f.bias"])
        base_scale = 1.0 / math.sqrt(self.head_dim) if shape.scale_attn_weights else 1.0
        self.layers: list[_Layer] = []
        for n in range(shape.n_layer):
            p = f"h.{n}."
            layer = _Layer()
            layer.ln1w, layer.ln1b = w[p + "ln_1.weight"], w[p + "ln_1.bias"]
            layer.qkv_w, layer.qkv_b = w[p + "attn.c_attn.weight"], w[p + "attn.c_attn.bias"]
            layer.o_w, layer.o_b = w[p + "attn.c_proj.weight"], w[p + "attn.c_proj.bias"]
            layer.ln2w, layer.ln2b = w[p + "ln_2.weight"], w[p + "ln_2.bias"]
            layer.fc_w, layer.fc_b = w[p + "mlp.c_fc.weight"], w[p + "mlp.c_fc.bias"]
            layer.pr_w, layer.pr_b = w[p + "mlp.c_proj.weight"], w[p + "mlp.c_proj.bias"]
            layer.scale = base_scale / (n + 1) if shape.scale_by_inverse_layer_idx else base_scale
            self.layers.append(layer)

    @property
    def device(self) -> torch.device:
        return self.wte.device

    @property
    def dtype(self) -> torch.dtype:
        return self.wte.dtype

    def new_cache(self, length: int) -> torch.Tensor:
        s = self.shape
        length = min(length, s.n_positions)
        # [layer, k/v, head, position, head_dim]: one allocation for the whole answer.
        return torch.empty(
            (s.n_layer, 2, s.n_head, length, self.head_dim), dtype=self.dtype, device=self.device
        )

    def forward(
        self, ids: torch.Tensor | int, start: int, cache: torch.Tensor | None, all_logits: bool = False
    ) -> torch.Tensor:
        """Run ``ids`` (1-D) at positions ``start…``; returns logits of the last (or every) position.

        With a cache, keys and values are written into it and earlier positions are
        attended to from it; without one (training, ``start`` 0), the sequence attends
        to itself.
        """
        if isinstance(ids, int):  # one decode step: slicing is a view, cheaper than gathering
            t = 1
            x = self.wte[ids : ids + 1] + self.wpe[start : start + 1]
        else:
            t = ids.shape[0]
            x = self.wte[ids] + self.wpe[start : start + t]
        end = start + t
        e, h, d = self.shape.n_embd, self.shape.n_head, self.head_dim
        eps = self.shape.eps
        for n, L in enumerate(self.layers):
            a = F.layer_norm(x, (e,), L.ln1w, L.ln1b, eps)
            qkv = torch.addmm(L.qkv_b, a, L.qkv_w).view(t, 3, h, d).permute(1, 2, 0, 3)
            q, k, v = qkv[0], qkv[1], qkv[2]
            if cache is not None:
                cache[n, 0, :, start:end] = k
                cache[n, 1, :, start:end] = v
                if start > 0:
                    k, v = cache[n, 0, :, :end], cache[n, 1, :, :end]
            if t > 1 and start == 0:
                # The prompt pass: 4-D inputs let SDPA take its fused CPU kernel
                # (with 3-D ones it falls back to materialising every score).
                o = F.scaled_dot_product_attention(
                    q.unsqueeze(0), k.unsqueeze(0), v.unsqueeze(0), is_causal=True, scale=L.scale
                )[0]
            elif t == 1:
                # One query: two small bmm's. SDPA's math path would rescale the whole
                # cached K on every step.
                w = torch.bmm(q, k.transpose(1, 2)).mul_(L.scale).softmax(-1)
                o = torch.bmm(w, v)
            else:
                # A chunk after cached positions: each query sees the past and its own prefix.
                mask = torch.ones(t, end, dtype=torch.bool, device=x.device).tril(start)
                o = F.scaled_dot_product_attention(q, k, v, attn_mask=mask, scale=L.scale)
            x = x + torch.addmm(L.o_b, o.transpose(0, 1).reshape(t, e), L.o_w)
            m = F.layer_norm(x, (e,), L.ln2w, L.ln2b, eps)
            x = x + torch.addmm(L.pr_b, self.act(torch.addmm(L.fc_b, m, L.fc_w)), L.pr_w)
        if all_logits:  # training and scoring: differentiable through the tied embedding
            x = F.layer_norm(x, (e,), self.ln_f[0], self.ln_f[1], eps)
            return F.linear(x, self.lm_head)
        # The lm_head is the largest matrix: apply it to the last position only.
        x = F.layer_norm(x[-1:], (e,), self.ln_f[0], self.ln_f[1], eps)
        return torch.mm(x, self.lm_head_t)


__all__ = ["GPT2Shape", "LeanGPT2", "normalise_keys"]
