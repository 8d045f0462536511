"""What the PyInstaller bundle leaves out, as plain rules the spec applies and the tests check.

PyInstaller's hooks for torch and PySide6 collect generously: every torch
submodule, torch's C++ test programs and test libraries, every Qt plugin, every
Qt translation. The app needs a small part of that. Each rule below names what
it drops and why; anything not matched is kept.

Paths are the bundle's destination names (``torch/lib/libfoo.so``,
``PySide6/Qt/plugins/platforms/libqxcb.so``), always with ``/``.
"""

from __future__ import annotations

import fnmatch
import os
from collections.abc import Callable, Iterable

# Python modules never imported by the app, the CLI or training. Checked by
# importing every shopguide module, running a forward pass, an AdamW step with a
# DataLoader, safetensors and the transformers Auto classes, then listing
# sys.modules (tests/test_packaging.py keeps checking it). torch's import graph
# is dense (an optimizer step imports torch._dynamo, which imports parts of
# torch.testing._internal and torch.onnx), so only subtrees nothing reaches go.
DROP_MODULES = (
    # torch's own test suite: its OpInfo tables and RPC/distributed test programs.
    # (Other torch.testing._internal modules are imported by torch itself: they stay.)
    "torch.testing._internal.common_methods_invocations",
    "torch.testing._internal.opinfo",
    "torch.testing._internal.distributed.rpc",
    "torch.testing._internal.distributed.distributed_test",
    "torch.utils.hipify",  # CUDA->ROCm source translator
    "torch.utils.benchmark",
    "torch.utils.tensorboard",
    "torch.utils.bottleneck",
    "torch.utils.cpp_extension",  # building C++ extensions needs a compiler anyway
    "torch._vendor.quack",  # GPU kernel DSL
    "torch.sparse._triton_ops_meta",  # Triton (GPU) tuning tables
    "torch.backends._nnapi",  # Android NNAPI
    "torch._inductor.codegen",  # torch.compile code generators: the app never compiles
    "torch._inductor.fx_passes",
    "torch._inductor.kernel",
    "torch.distributed.pipelining",  # multi-machine training
    # (torch.distributed.checkpoint and .elastic stay: transformers' modeling code imports them.)
    "transformers.commands",  # the `transformers` CLI
    "transformers.pipelines",  # the app calls the Auto classes directly
    # Pulled in by huggingface_hub/transformers for downloads and their own CLIs; the
    # app never downloads (hf_xet is the hub's transfer client) and has its own CLI.
    "hf_xet",
    "typer",
    "rich",
    "pydantic",
    "pydantic_core",
    "tkinter",
    "unittest.test",
    "lib2to3",
    "pydoc_data",
)

# Files (destination paths) dropped from binaries and data.
DROP_FILES = (
    # CUDA, cuDNN, NCCL, Triton: a CPU build has no use for them even if the venv has them.
    "nvidia/*",
    "triton/*",
    "*libcuda*.so*",
    "*libcudart*",
    "*libcublas*",
    "*libcufft*",
    "*libcurand*",
    "*libcusolver*",
    "*libcusparse*",
    "*libcudnn*",
    "*libnccl*",
    "*libnvrtc*",
    "*libnvJitLink*",
    "*libnvToolsExt*",
    "*libcupti*",
    "torch/lib/libtorch_cuda*",
    "torch/lib/libc10_cuda*",
    "torch/lib/libcaffe2_nvrtc*",
    # torch's C++ test programs, test libraries, protoc, headers and CMake files.
    "torch/bin/*",
    "torch/test/*",
    "torch/include/*",
    "torch/share/*",
    "torch/lib/*test*.so",
    "torch/lib/libbackend_with_compiler.so",
    "torch/lib/libaoti_custom_ops.so",
    "torch/utils/model_dump/*",  # an HTML viewer for TorchScript files
    "*.pyi",
    # Qt plugins the app does not load. Kept: platforms xcb/wayland/offscreen/minimal,
    # image formats, icon engines, input contexts (IBus for Chinese input), touch (generic),
    # xcb GL integration, wayland client plugins.
    "PySide6/Qt/plugins/platforms/libqeglfs.so",
    "PySide6/Qt/plugins/platforms/libqminimalegl.so",
    "PySide6/Qt/plugins/platforms/libqlinuxfb.so",
    "PySide6/Qt/plugins/platforms/libqvnc.so",
    "PySide6/Qt/plugins/platforms/libqvkkhrdisplay.so",
    "PySide6/Qt/plugins/egldeviceintegrations/*",
    "PySide6/Qt/plugins/platformthemes/libqgtk3.so",  # would drag the build machine's GTK in
    "PySide6/Qt/plugins/wayland-graphics-integration-server/*",
    # GL-on-Wayland client glue (needs the system's libwayland-egl); widgets draw through shm.
    "PySide6/Qt/plugins/wayland-graphics-integration-client/libqt-plugin-wayland-egl.so",
    "PySide6/Qt/plugins/imageformats/libqpdf.so",  # needs QtPdf, which the app does not use
    # Needs QtVirtualKeyboard, which PySide6-Essentials does not ship.
    "PySide6/Qt/plugins/platforminputcontexts/libqtvirtualkeyboardplugin.so",
    "PySide6/Qt/plugins/qmltooling/*",
    "PySide6/Qt/plugins/designer/*",
    "PySide6/Qt/plugins/sqldrivers/*",
    "PySide6/Qt/plugins/printsupport/*",
    "PySide6/Qt/plugins/networkinformation/*",
    "PySide6/Qt/plugins/tls/*",
    "PySide6/Qt/plugins/vectorimageformats/*",
    "PySide6/Qt/qml/*",
    "PySide6/Qt/lib/libQt6Quick*",
    "PySide6/Qt/lib/libQt6Qml*",
    "PySide6/Qt/lib/libQt6Designer*",
    "PySide6/Qt/lib/libQt6WaylandCompositor*",
    "PySide6/Qt/lib/libQt6WebEngine*",
    "PySide6/Qt/lib/libQt6Multimedia*",
    "PySide6/Qt/lib/libQt63D*",
    "PySide6/Qt/lib/libQt6Pdf*",
    "PySide6/Qt/lib/libQt6LabsStyleKit*",
    "PySide6/Qt/lib/libQt6EglFs*",
)

# Exceptions to DROP_FILES: ``import torch`` checks that its shared-memory manager
# exists (torch/__init__.py, _manager_path), though only DataLoader workers use it.
KEEP_FILES = ("torch/bin/torch_shm_manager",)

# Of Qt's own translations (the texts of Qt's standard buttons and dialogs), only
# the app's two languages are kept, and only Qt's base catalogues.
KEEP_QT_TRANSLATIONS = ("zh_CN", "zh_TW", "en")
_QT_TRANSLATIONS = "PySide6/Qt/translations/"


def _norm(dest: str) -> str:
    return dest.replace(os.sep, "/")


# transformers is the runtime's fallback for checkpoints other than GPT-2 and the
# trainer's model class. Its package holds over 500 architectures (~40 MB of source,
# collected twice: compiled and as .py); only these families' modules are kept.
# A family left out fails to load with a clear "could not import" error, which the
# runtime reports as a model it cannot read.
# (encoder_decoder: every modeling module imports its config.)
TRANSFORMERS_FAMILIES = (
    "auto", "encoder_decoder", "gpt2", "llama", "mistral", "qwen2", "qwen3", "phi3", "gemma",
)


def drop_module(name: str) -> bool:
    parts = name.split(".")
    if len(parts) >= 4 and parts[0] == "transformers" and parts[1] == "models":
        # Every family's package __init__ stays (transformers imports a few of them
        # while resolving Auto classes); their modules go unless the family is kept.
        return parts[2] not in TRANSFORMERS_FAMILIES
    return any(name == m or name.startswith(m + ".") for m in DROP_MODULES)


def _module_file_prefixes() -> tuple[str, ...]:
    # The .py copies PyInstaller puts beside the archive for 'pyz+py' packages (torch, transformers).
    return tuple(m.replace(".", "/") + "/" for m in DROP_MODULES)


def drop_file(dest: str) -> bool:
    dest = _norm(dest)
    if dest in KEEP_FILES:
        return False
    if dest.startswith(_QT_TRANSLATIONS):
        stem = dest[len(_QT_TRANSLATIONS) :].rsplit(".", 1)[0]
        catalogue, _, lang = stem.partition("_")
        # qt_* loads qtbase_*; the rest (assistant, designer, qtmultimedia…) are other tools'.
        return catalogue not in ("qt", "qtbase") or lang not in KEEP_QT_TRANSLATIONS
    if any(fnmatch.fnmatchcase(dest, pattern) for pattern in DROP_FILES):
        return True
    module = dest[:-3].replace("/", ".").removesuffix(".__init__")
    if dest.endswith(".py") and drop_module(module):
        return True  # a dropped module's own file
    return dest.startswith(_module_file_prefixes())


def keep(entries: Iterable[tuple], kind: str) -> list[tuple]:
    """Filter a PyInstaller TOC: ``kind`` is ``"pure"`` (module names) or ``"files"``."""
    if kind == "pure":
        return [e for e in entries if not drop_module(e[0])]
    return [e for e in entries if not drop_file(e[0])]


def toc_bytes(entries: Iterable[tuple]) -> int:
    """The size on disk of a TOC's sources (what the bundle would hold before compression)."""
    total = 0
    for entry in entries:
        src = entry[1]
        if src and os.path.isfile(src):
            total += os.path.getsize(src)
    return total


# Never pruned as orphans: the bootloader loads libpython by name, not by a link.
_ALWAYS_KEEP_PREFIXES = ("libpython",)


def orphan_libraries(binaries: Iterable[tuple], needed: Callable[[str], Iterable[str]]) -> set[str]:
    """Top-level shared libraries that no remaining binary links against.

    PyInstaller gathers each collected binary's dependencies into the bundle's
    top level. When a binary is dropped afterwards (the GTK platform theme, say),
    the libraries only it needed stay behind (GTK, cairo, pango…). ``needed(path)``
    names the libraries a binary links against, transitively (``ldd`` does).
    """
    entries = [(_norm(e[0]), e[1], e[2]) for e in binaries]
    top = {dest for dest, _src, kind in entries if "/" not in dest and kind == "BINARY"}
    reachable: set[str] = set()
    for dest, src, kind in entries:
        if dest in top or kind not in ("BINARY", "EXTENSION") or not src:
            continue
        reachable.update(os.path.basename(name) for name in needed(src))
    return {d for d in top if d not in reachable and not d.startswith(_ALWAYS_KEEP_PREFIXES)}
