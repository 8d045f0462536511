#!/usr/bin/env bash
# Build ShopGuide's one-folder bundle (dist/shopguide/) and a release tarball
# (dist/ShopGuide-<version>-linux-<arch>.tar.gz) that a shop unpacks and installs
# with its install.sh. Called by `make package`; run from anywhere.
#
#   SHOPGUIDE_NO_TARBALL=1   build the folder only
#   SHOPGUIDE_ALLOW_NO_MODEL=1  build even without resources/models/shopguide-gpt2
#   PY=path/to/python        the Python whose environment is bundled (default .venv)
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$ROOT"
PY=${PY:-.venv/bin/python}

if ! "$PY" -c 'import PyInstaller' 2>/dev/null; then
    echo "build.sh: PyInstaller is missing; install it with: $PY -m pip install -e '.[package]'" >&2
    exit 2
fi
MODEL=resources/models/shopguide-gpt2
if [ ! -f "$MODEL/config.json" ] && [ "${SHOPGUIDE_ALLOW_NO_MODEL:-0}" != 1 ]; then
    echo "build.sh: the bundled model is missing ($MODEL/config.json); train it first" \
         "(see README) or set SHOPGUIDE_ALLOW_NO_MODEL=1 for a bundle without it." >&2
    exit 2
fi

VERSION=$("$PY" -c 'import shopguide; print(shopguide.__version__)')
# The bundle must not pick up a model cache or store from the build user's home.
export HF_HUB_OFFLINE=1 TRANSFORMERS_OFFLINE=1 OMP_NUM_THREADS=1

"$PY" -m PyInstaller --noconfirm --log-level WARN \
    --distpath dist --workpath build packaging/shopguide.spec

BUNDLE=dist/shopguide
# torch's own libraries ship with full symbol tables (~90 MB in libtorch_cpu.so alone).
# Only these are stripped: libraries patched by auditwheel (numpy.libs, *-<hash>.so)
# break when stripped. The dynamic symbols that loading needs stay.
if [ "${SHOPGUIDE_BUNDLE_UNTRIMMED:-0}" != 1 ] && command -v strip >/dev/null; then
    for lib in "$BUNDLE"/_internal/torch/lib/libtorch_cpu.so "$BUNDLE"/_internal/torch/lib/libtorch_python.so \
               "$BUNDLE"/_internal/torch/lib/libtorch.so "$BUNDLE"/_internal/torch/lib/libc10.so \
               "$BUNDLE"/_internal/torch/lib/libshm.so; do
        [ -f "$lib" ] && strip --strip-unneeded "$lib"
    done
fi
# Python's bytecode caches are rebuilt on the target; never ship the build machine's.
find "$BUNDLE" -name __pycache__ -type d -prune -exec rm -rf {} +
echo "build.sh: bundle $(du -sh "$BUNDLE" | cut -f1) in $BUNDLE"
[ -f build/shopguide/size-report.txt ] && cat build/shopguide/size-report.txt

if [ "${SHOPGUIDE_NO_TARBALL:-0}" = 1 ]; then
    exit 0
fi
NAME="ShopGuide-$VERSION"
TARBALL="dist/$NAME-linux-$(uname -m).tar.gz"
# One folder a shop unpacks: the bundle beside the install script and its files.
tar -czf "$TARBALL" --owner=0 --group=0 --transform "s,^,$NAME/," \
    -C "$ROOT/dist" shopguide \
    -C "$ROOT/packaging/linux" install.sh shopguide.desktop shopguide-kiosk.desktop \
        shopguide-kiosk-autostart.desktop shopguide-kiosk.service icons \
    -C "$ROOT/packaging" README.md
echo "build.sh: $TARBALL $(du -sh "$TARBALL" | cut -f1)"
