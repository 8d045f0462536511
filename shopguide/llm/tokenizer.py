"""Tokenizers for the runtime: the `tokenizers` library directly, or transformers' as a fallback.

Both give the runtime the same small surface: encode, decode, end-of-text ids
and an incremental detokenizer.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from pathlib import Path
from typing import Any, Protocol

from shopguide.llm.detok import ByteLevelDetokenizer, DiffDetokenizer, byte_decoder
from shopguide.llm.errors import ModelCorrupt, ModelFilesMissing, fix_hint

END_OF_TEXT = "<|endoftext|>"


class Detokenizer(Protocol):
    def push(self, token_id: int) -> str: ...
    def flush(self) -> str: ...


class TextTokenizer(Protocol):
    eos_ids: tuple[int, ...]

    def encode(self, text: str) -> list[int]: ...
    def decode(self, ids: Sequence[int]) -> str: ...
    def detokenizer(self) -> Detokenizer: ...


class FastTokenizer:
    """A ``tokenizers.Tokenizer``; byte-level vocabularies get the O(1)-per-token detokenizer."""

    def __init__(self, tok: Any, eos_ids: Sequence[int]) -> None:
        self.tok = tok
        self.eos_ids = tuple(eos_ids)
        added = tok.get_added_tokens_decoder()
        self._special = {i for i, t in added.items() if t.special}
        self._added = {i: t.content for i, t in added.items() if not t.special}
        self._bytes: dict[int, bytes] = {}
        self._byte_level = type(tok.decoder).__name__ == "ByteLevel"

    @property
    def byte_level(self) -> bool:
        """Whether each token is fixed bytes (``token_bytes``), as in GPT-2's vocabulary."""
        return self._byte_level

    def encode(self, text: str) -> list[int]:
        return self.tok.encode(text).ids

    def decode(self, ids: Sequence[int]) -> str:
        return self.tok.decode(list(ids))

    def token_bytes(self, token_id: int) -> bytes:
        b = self._bytes.get(token_id)
        if b is None:
            if token_id in self._special:
                b = b""  # decode() skips special tokens; so do the pieces
            elif token_id in self._added:
                b = self._added[token_id].encode("utf-8")
            else:
                piece = self.tok.id_to_token(token_id)
                table = byte_decoder()
                b = bytes(table[c] for c in piece) if piece is not None else b""
            self._bytes[token_id] = b
        return b

    def detokenizer(self) -> Detokenizer:
        if self._byte_level:
            return ByteLevelDetokenizer(self.token_bytes)
        return DiffDetokenizer(self.decode)


class TransformersTokenizer:
    """Whatever ``AutoTokenizer`` loads, for models outside the GPT-2 fast path."""

    def __init__(self, tok: Any) -> None:
        self.tok = tok
        eos = tok.eos_token_id
        self.eos_ids = (eos,) if isinstance(eos, int) else tuple(eos or ())

    def encode(self, text: str) -> list[int]:
        return list(self.tok(text)["input_ids"])

    def decode(self, ids: Sequence[int]) -> str:
        return self.tok.decode(list(ids), skip_special_tokens=True)

    def detokenizer(self) -> Detokenizer:
        return DiffDetokenizer(self.decode)


def has_fast_tokenizer_files(folder: Path) -> bool:
    return (folder / "tokenizer.json").is_file() or (
        (folder / "vocab.json").is_file() and (folder / "merges.txt").is_file()
    )


def load_fast_tokenizer(folder: Path, config: dict) -> FastTokenizer:
    """tokenizer.json if present, else GPT-2's vocab.json + merges.txt."""
    from tokenizers import Tokenizer, decoders, models, pre_tokenizers

    tj = folder / "tokenizer.json"
    at_fault = tj
    try:
        if tj.is_file():
            tok = Tokenizer.from_file(str(tj))
        elif (folder / "vocab.json").is_file() and (folder / "merges.txt").is_file():
            at_fault = folder / "vocab.json"
            tok = Tokenizer(
                models.BPE.from_file(str(folder / "vocab.json"), str(folder / "merges.txt"))
            )
            tok.pre_tokenizer = pre_tokenizers.ByteLevel(add_prefix_space=False)
            tok.decoder = decoders.ByteLevel()
            _add_special_tokens(tok, folder)
        else:
            raise ModelFilesMissing(
                f"The model in {folder} has no tokenizer: neither tokenizer.json nor the pair "
                f"vocab.json + merges.txt is there, so its text cannot be read or written. "
                + fix_hint(folder),
                folder,
            )
    except ModelFilesMissing:
        raise
    except Exception as exc:  # the tokenizers library raises plain Exception subclasses
        raise ModelCorrupt(
            f"The tokenizer file {at_fault.name} in {folder} is damaged and cannot be read "
            f"({_short(exc)}). " + fix_hint(folder),
            at_fault,
        ) from exc
    return FastTokenizer(tok, _eos_ids(tok, config))


def _add_special_tokens(tok: Any, folder: Path) -> None:
    names = {END_OF_TEXT}
    for fname in ("special_tokens_map.json", "tokenizer_config.json"):
        p = folder / fname
        if p.is_file():
            try:
                data = json.loads(p.read_text(encoding="utf-8"))
            except (OSError, ValueError):
                continue
            for key in ("bos_token", "eos_token", "unk_token", "pad_token"):
                v = data.get(key)
                v = v.get("content") if isinstance(v, dict) else v
                if isinstance(v, str):
                    names.add(v)
    present = [n for n in sorted(names) if tok.token_to_id(n) is not None]
    if present:
        tok.add_special_tokens(present)


def _eos_ids(tok: Any, config: dict) -> tuple[int, ...]:
    eos = config.get("eos_token_id")
    ids = [eos] if isinstance(eos, int) else [i for i in (eos or []) if isinstance(i, int)]
    if not ids:
        end = tok.token_to_id(END_OF_TEXT)
        if end is not None:
            ids = [end]
    return tuple(ids)


def _short(exc: BaseException) -> str:
    text = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
    return text[:160]
