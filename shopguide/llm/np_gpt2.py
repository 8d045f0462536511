"""GPT-2 inference in NumPy: the same computation as gpt2.py, without importing torch.

Why: importing torch takes 4–6 s on the two-core machines ShopGuide runs on, longer
than everything else the app does at start together, while the bundled model (a few
million parameters) needs only a dozen small matrix products per layer and token.
NumPy starts in a tenth of a second and its BLAS does those products as fast; the
Python around them is the same handful of calls as the torch path. torch stays for
training, for GPUs, for bfloat16 weights and for checkpoints this path cannot run.

Weights are read with ``safetensors.numpy``; the layout is GPT-2's (``Conv1D`` weights
``[in, out]``, tied lm_head, pre-layer-norm blocks). ``tests/test_llm_numpy.py`` checks
its tokens against the torch path.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Mapping
from pathlib import Path

import numpy as np

from shopguide.llm.gpt2_shape import GPT2Shape

_SQRT_2_OVER_PI = math.sqrt(2.0 / math.pi)
CHUNK = 128  # prompt positions per pass (see NumpyGPT2.forward)


def _gelu_tanh(x: np.ndarray) -> np.ndarray:
    return 0.5 * x * (1.0 + np.tanh(_SQRT_2_OVER_PI * (x + 0.044715 * x * x * x)))


def _relu(x: np.ndarray) -> np.ndarray:
    return np.maximum(x, 0)


def _silu(x: np.ndarray) -> np.ndarray:
    return x / (1.0 + np.exp(-x))


# Exact (erf) gelu is absent: NumPy has no vectorised erf; such checkpoints take the torch path.
ACTIVATIONS: dict[str, Callable[[np.ndarray], np.ndarray]] = {
    "gelu_new": _gelu_tanh,
    "gelu_pytorch_tanh": _gelu_tanh,
    "gelu_fast": _gelu_tanh,
    "relu": _relu,
    "silu": _silu,
    "swish": _silu,
}


def read_numpy_weights(files: list[Path]) -> dict[str, np.ndarray]:
    """safetensors files as float32 arrays (the caller maps read errors to ModelCorrupt)."""
    from safetensors.numpy import load_file

    out: dict[str, np.ndarray] = {}
    for f in files:
        out.update(load_file(str(f)))
    return out


def _layer_norm(x: np.ndarray, w: np.ndarray, b: np.ndarray, eps: float) -> np.ndarray:
    mean = x.mean(-1, keepdims=True)
    centred = x - mean
    var = (centred * centred).mean(-1, keepdims=True)
    return centred / np.sqrt(var + eps) * w + b


# exp() of a score this far below the row's best is a denormal float, and BLAS products
# with denormals run several times slower (torch flushes them; NumPy cannot). Weights below
# exp(-80) ~ 2e-35 change no float32 sum, so they are raised to it and the masked ones zeroed.
_FLOOR = np.float32(-80.0)


def _softmax_rows(s: np.ndarray, keep: np.ndarray | None) -> np.ndarray:
    """Softmax over the last axis, in place; ``keep`` (0/1) zeroes the masked positions."""
    s -= s.max(-1, keepdims=True)
    np.maximum(s, _FLOOR, out=s)
    np.exp(s, out=s)
    if keep is not None:
        s *= keep
    s /= s.sum(-1, keepdims=True)
    return s


class NumpyGPT2:
    """GPT-2 forward with a KV cache, one sequence at a time, float32."""

    def __init__(self, shape: GPT2Shape, weights: Mapping[str, np.ndarray]) -> None:
        if shape.activation not in ACTIVATIONS:
            raise ValueError(f"unsupported activation_function {shape.activation!r}")
        if shape.n_embd % shape.n_head:
            raise ValueError(f"n_embd {shape.n_embd} is not divisible by n_head {shape.n_head}")
        self.shape = shape
        self.act = ACTIVATIONS[shape.activation]
        self.head_dim = shape.n_embd // shape.n_head

        def w(key: str) -> np.ndarray:
            return np.ascontiguousarray(weights[key], dtype=np.float32)

        self.wte, self.wpe = w("wte.weight"), w("wpe.weight")
        head = w("lm_head.weight") if "lm_head.weight" in weights else self.wte
        # x @ W with W [embd, vocab] contiguous: one pass over the largest matrix per token.
        self.lm_head_t = np.ascontiguousarray(head.T)
        self.ln_f = (w("ln_f.weight"), w("ln_f.bias"))
        base = 1.0 / math.sqrt(self.head_dim) if shape.scale_attn_weights else 1.0
        self.layers = []
        for n in range(shape.n_layer):
            p = f"h.{n}."
            scale = base / (n + 1) if shape.scale_by_inverse_layer_idx else base
            self.layers.append((
                w(p + "ln_1.weight"), w(p + "ln_1.bias"),
                w(p + "attn.c_attn.weight"), w(p + "attn.c_attn.bias"),
                w(p + "attn.c_proj.weight"), w(p + "attn.c_proj.bias"),
                w(p + "ln_2.weight"), w(p + "ln_2.bias"),
                w(p + "mlp.c_fc.weight"), w(p + "mlp.c_fc.bias"),
                w(p + "mlp.c_proj.weight"), w(p + "mlp.c_proj.bias"),
                np.float32(scale),
            ))  # fmt: skip

    @property
    def num_parameters(self) -> int:
        total = self.wte.size + self.wpe.size + sum(a.size for a in self.ln_f)
        return int(total + sum(a.size for layer in self.layers for a in layer[:-1]))

    def new_cache(self, length: int) -> np.ndarray:
        s = self.shape
        length = min(length, s.n_positions)
        # [layer, k/v, head, position, head_dim]: one allocation for the whole answer.
        return np.empty((s.n_layer, 2, s.n_head, length, self.head_dim), dtype=np.float32)

    def forward(self, ids: list[int], start: int, cache: np.ndarray) -> np.ndarray:
        """Run ``ids`` at positions ``start…`` (keys and values into ``cache``); the logits
        of the last position."""
        # A long prompt goes through in chunks: each chunk's queries score only the keys
        # before them, about half the scores (and exponentials) of one causal square.
        for at in range(0, len(ids) - CHUNK, CHUNK):
            self._hidden(ids[at : at + CHUNK], start + at, cache)
        rest = len(ids) - (len(ids) - 1) // CHUNK * CHUNK if ids else 0
        x = self._hidden(ids[len(ids) - rest :], start + len(ids) - rest, cache)
        last = _layer_norm(x[-1:], self.ln_f[0], self.ln_f[1], self.shape.eps)
        return (last @ self.lm_head_t)[0]

    def rows_hidden(self, tokens: list[int], p: int, n: int, keys_t: np.ndarray,
                    values: np.ndarray, suffix: np.ndarray) -> np.ndarray:
        """``NumpyRows``' pass: one token per row at position ``p + n``; each row attends to
        the shared prompt (``keys_t`` [layer, head, d, p], ``values`` [layer, head, p, d])
        and to its own ``n`` earlier tokens and this one (``suffix``, written at ``n``)."""
        b = len(tokens)
        x = self.wte[tokens] + self.wpe[p + n]
        e, h, d = self.shape.n_embd, self.shape.n_head, self.head_dim
        for layer, (l1w, l1b, qkv_w, qkv_b, o_w, o_b, l2w, l2b, fc_w, fc_b, pr_w, pr_b,
                    scale) in enumerate(self.layers):  # fmt: skip
            a = _layer_norm(x, l1w, l1b, self.shape.eps)
            qkv = (a @ qkv_w + qkv_b).reshape(b, 3, h, d)
            q = qkv[:, 0]  # [row, head, d]
            suffix[layer, :, :, :, n] = qkv[:, 1:].transpose(1, 0, 2, 3)
            vp = values[layer]
            ks, vs = suffix[layer, 0, :, :, : n + 1], suffix[layer, 1, :, :, : n + 1]
            shared = (q.transpose(1, 0, 2) @ keys_t[layer]).transpose(1, 0, 2)
            own = (q[:, :, None, :] @ ks.transpose(0, 1, 3, 2))[:, :, 0, :]
            w = _softmax_rows(np.concatenate((shared, own), -1) * scale, None)  # [row, head, p+n+1]
            o = (w[:, :, :p].transpose(1, 0, 2) @ vp).transpose(1, 0, 2) + \
                (w[:, :, None, p:] @ vs)[:, :, 0, :]
            x = self._block_end(x, o.reshape(b, e), o_w, o_b, l2w, l2b, fc_w, fc_b, pr_w, pr_b)
        return x

    def _hidden(self, ids: list[int], start: int, cache: np.ndarray) -> np.ndarray:
        t = len(ids)
        end = start + t
        x = self.wte[ids] + self.wpe[start:end]
        e, h, d = self.shape.n_embd, self.shape.n_head, self.head_dim
        eps = self.shape.eps
        mask = keep = None
        if t > 1:  # position i sees the cached past and its own prefix: added, not indexed
            future = np.triu(np.ones((t, end), dtype=bool), k=start + 1)
            mask = np.where(future, np.float32(-np.inf), np.float32(0.0))
            keep = (~future).astype(np.float32)
        for n, (l1w, l1b, qkv_w, qkv_b, o_w, o_b, l2w, l2b, fc_w, fc_b, pr_w, pr_b,
                scale) in enumerate(self.layers):  # fmt: skip
            a = _layer_norm(x, l1w, l1b, eps)
            qkv = (a @ qkv_w + qkv_b).reshape(t, 3, h, d).transpose(1, 2, 0, 3)
            cache[n, 0, :, start:end] = qkv[1]
            cache[n, 1, :, start:end] = qkv[2]
            k, v = cache[n, 0, :, :end], cache[n, 1, :, :end]
            scores = (qkv[0] @ k.transpose(0, 2, 1)) * scale  # [head, t, end]
            if mask is not None:
                scores += mask
            o = _softmax_rows(scores, keep) @ v  # [head, t, d]
            x = self._block_end(x, o.transpose(1, 0, 2).reshape(t, e), o_w, o_b, l2w, l2b,
                                fc_w, fc_b, pr_w, pr_b)
        return x

    def _block_end(self, x: np.ndarray, o: np.ndarray, o_w: np.ndarray, o_b: np.ndarray,
                   l2w: np.ndarray, l2b: np.ndarray, fc_w: np.ndarray, fc_b: np.ndarray,
                   pr_w: np.ndarray, pr_b: np.ndarray) -> np.ndarray:
        """A block after its attention (``o``, heads joined): the projection added, then the
        MLP's output (one sequence or a beam's rows alike)."""
        x = x + (o @ o_w + o_b)
        m = _layer_norm(x, l2w, l2b, self.shape.eps)
        return x + (self.act(m @ fc_w + fc_b) @ pr_w + pr_b)


class NumpyRows:
    """Several continuations of one prompt, a token each per step, in one batched pass (a
    beam's hypotheses). The prompt's keys and values are shared, read from the session that
    ran it; each row keeps only its own tokens' (``suffix``), so a row continued twice copies
    those few, never the prompt's."""

    def __init__(self, net: NumpyGPT2, cache: np.ndarray, prompt_len: int, steps: int) -> None:
        s = net.shape
        # Copied once, keys transposed: every step's product then reads contiguous memory.
        self.keys_t = np.ascontiguousarray(cache[:, 0, :, :prompt_len].transpose(0, 1, 3, 2))
        self.values = np.ascontiguousarray(cache[:, 1, :, :prompt_len])
        self.net, self.p = net, prompt_len
        steps = max(1, min(steps, s.n_positions - prompt_len))
        # [layer, k/v, row, head, position, head_dim]
        self.suffix = np.empty((s.n_layer, 2, 1, s.n_head, steps, net.head_dim), np.float32)
        self.n = 0  # tokens each row has past the prompt

    def step(self, tokens: list[int], rows: list[int]) -> list[np.ndarray]:
        """Row ``i`` of the result continues row ``rows[i]`` with ``tokens[i]``; the logits
        of each."""
        if rows != list(range(self.suffix.shape[2])):
            # Only the positions written so far are copied into the new rows.
            shape = list(self.suffix.shape)
            shape[2] = len(rows)
            suffix = np.empty(shape, dtype=np.float32)
            suffix[:, :, :, :, : self.n] = self.suffix[:, :, rows, :, : self.n]
            self.suffix = suffix
        x = self.net.rows_hidden(tokens, self.p, self.n, self.keys_t, self.values, self.suffix)
        self.n += 1
        ln = self.net.ln_f
        return list(_layer_norm(x, ln[0], ln[1], self.net.shape.eps) @ self.net.lm_head_t)


class NumpyBackend:
    """The NumPy GPT-2 with a KV cache allocated once per answer."""

    name = "numpy-gpt2"

    def __init__(self, net: NumpyGPT2) -> None:
        self.net = net

    def start(self, length: int) -> _NumpySession:
        return _NumpySession(self.net, length)


class _NumpySession:
    __slots__ = ("net", "cache", "pos")

    def __init__(self, net: NumpyGPT2, length: int) -> None:
        self.net = net
        self.cache = net.new_cache(length)
        self.pos = 0

    def prefill(self, ids: list[int]) -> np.ndarray:
        logits = self.net.forward(list(ids), 0, self.cache)
        self.pos = len(ids)
        return logits

    def rows(self, steps: int) -> NumpyRows:
        """Continuations of what this session ran, batched (``NumpyRows``), for up to
        ``steps`` tokens each; the session is read, not changed."""
        return NumpyRows(self.net, self.cache, self.pos, steps)

    def fork(self) -> _NumpySession:
        """A copy that goes on apart from this one (a beam's hypothesis)."""
        twin = _NumpySession.__new__(_NumpySession)
        twin.net, twin.cache, twin.pos = self.net, self.cache.copy(), self.pos
        return twin

    def step(self, token: int) -> np.ndarray:
        logits = self.net.forward([token], self.pos, self.cache)
        self.pos += 1
        return logits
