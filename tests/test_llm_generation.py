"""Streaming generation with both GPT-2 runtimes (NumPy, the default on the CPU, and torch),
each checked against transformers' generate()."""

from __future__ import annotations

import threading

import pytest

from shopguide.guide.prompt import Prompt
from shopguide.llm import GenerationSettings, load_model
from tests.fixtures.tiny_model import TRAINED_PAIRS

PROMPTS = (
    "Q: Do you have running shoes under $80?\nA:",
    "Q: 有没有500元以内适合扁平足的跑鞋？\nA:",
    "Facts:\n[RS-104] 云跃缓震跑鞋 | price ¥459 | stock 12 | aisle A3\nQ: 在哪里？\nA:",
    "Hello",
)


@pytest.fixture(scope="module", params=["numpy", "lean"])
def tiny(request, tiny_model_dir):
    return load_model(str(tiny_model_dir), backend=request.param)


@pytest.fixture(scope="module")
def reference(tiny_model_dir):
    """transformers' own model and tokenizer for the same folder."""
    from transformers import AutoTokenizer, GPT2LMHeadModel

    tok = AutoTokenizer.from_pretrained(str(tiny_model_dir), local_files_only=True)
    model = GPT2LMHeadModel.from_pretrained(str(tiny_model_dir), local_files_only=True).eval()
    return model, tok


def _hf_generate(reference, prompt: str, n: int, penalty: float) -> tuple[list[int], str]:
    import torch

    model, tok = reference
    ids = tok(prompt)["input_ids"]
    out = model.generate(
        torch.tensor([ids]),
        attention_mask=torch.ones(1, len(ids), dtype=torch.long),
        max_new_tokens=n,
        do_sample=False,
        repetition_penalty=penalty,
        pad_token_id=tok.eos_token_id,
    )
    new = out[0, len(ids) :].tolist()
    return new, tok.decode(new, skip_special_tokens=True)


def test_model_loads_with_its_shape(tiny, tiny_model_dir):
    assert tiny.name == tiny_model_dir.name
    assert tiny.context_length == 128
    assert tiny.device == "cpu"
    assert tiny.backend.name in ("numpy-gpt2", "lean-gpt2")
    # 2 layers of 32 wide: 12*32*32 + 13*32 per layer, plus embeddings and the final norm
    per_layer = 12 * 32 * 32 + 13 * 32
    assert tiny.num_parameters == 2 * per_layer + tiny.vocab_size * 32 + 128 * 32 + 2 * 32
    assert tiny.count_tokens("Q: hello\nA:") == len(tiny.encode("Q: hello\nA:")) > 0


@pytest.mark.parametrize("prompt", PROMPTS)
@pytest.mark.parametrize("penalty", [1.0, 1.1])
def test_greedy_stream_equals_transformers_generate(tiny, reference, prompt, penalty):
    assert tiny.encode(prompt) == reference[1](prompt)["input_ids"]
    ref_ids, ref_text = _hf_generate(reference, prompt, 40, penalty)
    s = tiny.stream(prompt, GenerationSettings(max_new_tokens=40, stop=(), repetition_penalty=penalty))
    text = "".join(s)
    assert text == ref_text
    assert s.text == ref_text
    assert s.token_ids == [t for t in ref_ids if t not in tiny.eos_ids]
    assert s.finish_reason == ("eos" if tiny.eos_ids[0] in ref_ids else "length")


def test_transformers_fallback_backend_agrees_with_lean(tiny, tiny_model_dir):
    slow = load_model(str(tiny_model_dir), backend="transformers")
    assert slow.backend.name == "transformers"
    assert slow.num_parameters == tiny.num_parameters
    settings = GenerationSettings(max_new_tokens=25, stop=())
    for prompt in PROMPTS[:2]:
        assert slow.generate(prompt, settings) == tiny.generate(prompt, settings)


def test_sampling_is_reproducible_with_a_seed(tiny):
    def run(seed):
        s = tiny.stream(
            PROMPTS[0],
            GenerationSettings(max_new_tokens=30, do_sample=True, temperature=1.5, top_k=0,
                               top_p=1.0, seed=seed, stop=()),
        )  # fmt: skip
        s.read_all()
        return s.token_ids

    first, again, other = run(7), run(7), run(8)
    assert first == again
    assert first != other
    greedy = tiny.stream(PROMPTS[0], GenerationSettings(max_new_tokens=30, stop=()))
    greedy.read_all()
    assert first != greedy.token_ids


def test_seeded_wording_keeps_references_greedy(tiny):
    """wording_seed: own words are drawn with the seed; a token of ``references`` is written
    only where it is the most likely one. Every token a reference: the greedy answer."""
    ids = tiny.tokenizer.encode(PROMPTS[0])

    def run(seed, references=()):
        st = GenerationSettings(max_new_tokens=20, temperature=1.5, top_k=0, top_p=1.0,
                                wording_seed=seed, stop=())
        s = tiny.stream_ids(ids, st, references=references)
        s.read_all()
        return s.token_ids

    assert run(3) == run(3) and len({tuple(run(seed)) for seed in range(6)}) > 1
    greedy = tiny.stream_ids(ids, GenerationSettings(max_new_tokens=20, stop=()))
    greedy.read_all()
    assert run(5, range(tiny.vocab_size)) == greedy.token_ids
    assert run(5) != greedy.token_ids


def test_top_k_one_is_greedy(tiny):
    sampled = GenerationSettings(max_new_tokens=20, do_sample=True, top_k=1, seed=3, stop=())
    greedy = GenerationSettings(max_new_tokens=20, stop=())
    assert tiny.generate(PROMPTS[1], sampled) == tiny.generate(PROMPTS[1], greedy)


def test_stop_string_ends_the_answer_and_is_not_shown(tiny):
    full = tiny.generate(PROMPTS[0], GenerationSettings(max_new_tokens=40, stop=()))
    # Stop on a piece of text the model is known to write, past its start.
    needle = full[len(full) // 2 : len(full) // 2 + 2]
    expected = full[: full.index(needle)]
    s = tiny.stream(PROMPTS[0], GenerationSettings(max_new_tokens=40, stop=("never-there", needle)))
    pieces = list(s)
    assert "".join(pieces) == expected == s.text
    assert s.finish_reason == "stop"
    assert all(needle not in p for p in pieces)


def test_max_new_tokens_ends_with_length(tiny):
    s = tiny.stream(PROMPTS[2], GenerationSettings(max_new_tokens=7, stop=()))
    s.read_all()
    assert s.finish_reason == "length"
    assert s.n_tokens == 7 == len(s.token_ids)
    assert s.first_token_s is not None and s.total_s >= s.first_token_s


def test_chinese_answer_streams_whole_characters(tiny_trained_model_dir):
    model = load_model(str(tiny_trained_model_dir))
    prompt, answer = TRAINED_PAIRS[0]
    s = model.stream(prompt, GenerationSettings(max_new_tokens=40))
    pieces = list(s)
    assert "".join(pieces) == answer.rstrip("\n")
    assert s.finish_reason == "stop"
    # The answer has characters split across tokens, so this path is exercised.
    split = [t for t in s.token_ids if not _is_whole_utf8(model.tokenizer.token_bytes(t))]
    assert split, "the tokenizer was expected to split a Chinese character over tokens"
    assert all("\ufffd" not in p and p for p in pieces)
    assert "".join(pieces) == model.decode(s.token_ids).rstrip("\n")


def test_random_chinese_stream_joins_to_the_full_decode(tiny):
    s = tiny.stream(PROMPTS[1], GenerationSettings(max_new_tokens=60, stop=()))
    pieces = list(s)
    assert "".join(pieces) == tiny.decode(s.token_ids)
    # Each piece is what the incremental decoder gives for whole byte sequences: it never
    # ends in the middle of a character that a later piece completes.
    for a, b in zip(pieces, pieces[1:]):
        assert (a + b).encode("utf-8") == a.encode("utf-8") + b.encode("utf-8")


def test_cancel_from_another_thread_stops_within_one_token(tiny):
    cancel = threading.Event()
    s = tiny.stream(PROMPTS[0], GenerationSettings(max_new_tokens=100, stop=()), cancel)
    seen_at_cancel: list[int] = []
    first_piece = threading.Event()
    resume = threading.Event()

    def consume():
        for _ in s:
            if not first_piece.is_set():
                first_piece.set()
                resume.wait(5)

    worker = threading.Thread(target=consume)
    worker.start()
    assert first_piece.wait(5)
    seen_at_cancel.append(s.n_tokens)
    cancel.set()  # from this (the "GUI") thread while the worker is mid-stream
    resume.set()
    worker.join(5)
    assert not worker.is_alive()
    assert s.finish_reason == "cancelled"
    assert s.n_tokens <= seen_at_cancel[0] + 1
    assert s.n_tokens < 100


def test_cancel_before_start_generates_nothing(tiny):
    cancel = threading.Event()
    cancel.set()
    s = tiny.stream(PROMPTS[0], GenerationSettings(max_new_tokens=10), cancel)
    assert list(s) == []
    assert s.finish_reason == "cancelled" and s.n_tokens == 0


def test_closing_the_stream_marks_it_cancelled(tiny):
    s = tiny.stream(PROMPTS[0], GenerationSettings(max_new_tokens=50, stop=()))
    next(s)
    s.close()
    assert s.finish_reason == "cancelled"


def test_long_prompt_is_cut_history_first_facts_kept(tiny):
    facts = ["[RS-104] 云跃缓震跑鞋 | price ¥459 | stock 12 | aisle A3"]
    history = [(f"old question {i} about shoes", f"old answer {i} with details") for i in range(30)]
    prompt = Prompt("有没有跑鞋？", facts=facts, history=history)
    assert tiny.count_tokens(prompt.render()) > tiny.context_length
    settings = GenerationSettings(max_new_tokens=20, stop=())
    text = tiny.render_prompt(prompt, settings)
    assert tiny.count_tokens(text) <= tiny.context_length - 20
    assert facts[0] in text and "Q: 有没有跑鞋？\nA:" in text
    assert "old question 0 " not in text  # the oldest turn went first
    s = tiny.stream_prompt(prompt, settings)
    s.read_all()
    assert s.prompt_tokens == tiny.count_tokens(text)
    assert not s.prompt_truncated
    assert s.n_tokens == 20


def test_plain_string_over_the_context_keeps_its_end(tiny):
    text = "word " * 400 + "Q: 有没有跑鞋？\nA:"
    settings = GenerationSettings(max_new_tokens=30, min_new_tokens=30, stop=())
    s = tiny.stream(text, settings)
    s.read_all()
    assert s.prompt_truncated
    assert s.prompt_tokens == tiny.context_length - 30
    assert s.prompt_ids == tiny.encode(text)[-(tiny.context_length - 30) :]
    assert s.n_tokens == 30


def test_answer_never_runs_past_the_context(tiny):
    text = "word " * 120  # about the whole context
    s = tiny.stream(text, GenerationSettings(max_new_tokens=500, min_new_tokens=500, stop=()))
    s.read_all()
    # At most half the context is reserved for the answer, which then fills the rest.
    assert s.prompt_tokens == tiny.context_length // 2
    assert s.prompt_tokens + s.n_tokens == tiny.context_length
    assert s.finish_reason == "length"


def _is_whole_utf8(b: bytes) -> bool:
    try:
        b.decode("utf-8")
        return True
    except UnicodeDecodeError:
        return False


def test_the_default_cpu_runtime_is_numpy_and_imports_no_torch(tiny_model_dir):
    import subprocess
    import sys

    code = ("import sys; from shopguide.llm import load_model; "
            f"m = load_model({str(tiny_model_dir)!r}); m.generate('Hello'); "
            "print(m.backend.name, 'torch' in sys.modules)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.split() == ["numpy-gpt2", "False"], out.stderr


def test_numpy_prompt_in_chunks_gives_the_same_logits(tiny_model_dir):
    import numpy as np

    model = load_model(str(tiny_model_dir), backend="numpy")
    net, ids = model.backend.net, model.encode(PROMPTS[2])
    whole = net.forward(ids, 0, net.new_cache(64))
    cache = net.new_cache(64)
    net.forward(ids[:7], 0, cache)
    net.forward(ids[7:-1], 7, cache)
    chunked = net.forward([ids[-1]], len(ids) - 1, cache)
    assert np.allclose(whole, chunked, atol=1e-5)


def test_numpy_and_torch_runtimes_give_the_same_logits(tiny_model_dir):
    import numpy as np

    fast = load_model(str(tiny_model_dir), backend="numpy")
    lean = load_model(str(tiny_model_dir), backend="lean")
    for prompt in PROMPTS:
        ids = fast.encode(prompt)
        a, b = fast.backend.start(64).prefill(ids), lean.backend.start(64).prefill(ids)
        assert np.allclose(a, b, atol=1e-4), prompt


def test_prompt_in_chunks_gives_the_same_next_token_logits(tiny_model_dir):
    import torch

    tiny = load_model(str(tiny_model_dir), backend="lean")
    net = tiny.backend.net
    ids = torch.tensor(tiny.encode(PROMPTS[2]))
    with torch.inference_mode():
        whole = net.forward(ids, 0, net.new_cache(64))
        cache = net.new_cache(64)
        net.forward(ids[:7], 0, cache)
        net.forward(ids[7:-1], 7, cache)
        chunked = net.forward(int(ids[-1]), len(ids) - 1, cache)
        full = net.forward(ids, 0, None, all_logits=True)
    assert torch.allclose(whole, chunked, atol=1e-5)
    assert torch.allclose(whole[0], full[-1], atol=1e-5)


def test_the_runtime_can_be_chosen_without_code(tiny_model_dir, monkeypatch):
    monkeypatch.setenv("SHOPGUIDE_RUNTIME", "lean")
    assert load_model(str(tiny_model_dir)).backend.name == "lean-gpt2"
    assert load_model(str(tiny_model_dir), backend="numpy").backend.name == "numpy-gpt2"
    monkeypatch.setenv("SHOPGUIDE_RUNTIME", "quantum")
    with pytest.raises(ValueError, match="quantum"):
        load_model(str(tiny_model_dir))
