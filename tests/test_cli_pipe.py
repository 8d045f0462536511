"""`shopguide … | head`: a reader that goes away is no crash."""

from __future__ import annotations

import os
import subprocess
import sys


def test_a_closed_pipe_ends_quietly(tmp_path) -> None:
    from shopguide.store import open_store

    open_store(tmp_path / "s.sqlite").close()  # ask answers from a store that exists
    read, write = os.pipe()
    os.close(read)  # the reader is gone before anything is written
    proc = subprocess.run(
        [sys.executable, "-m", "shopguide", "--store", str(tmp_path / "s.sqlite"), "ask",
         "--no-model", "--json", "hello"],
        stdout=write, stderr=subprocess.PIPE, text=True, timeout=120)
    os.close(write)
    assert "Traceback" not in proc.stderr, proc.stderr
    assert proc.returncode == 141
