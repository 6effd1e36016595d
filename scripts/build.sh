#!/usr/bin/env bash
# Builds Callwise. Usage: scripts/build.sh [web|native|all]   (default: web)
#   web    — the WebAssembly app into build/web/site, and the core tests as wasm
#   native — core, core tests and the desktop app with g++ (build/native)
# Run scripts/setup.sh first (run.sh and test.sh do).
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
CACHE="${CALLWISE_CACHE:-$HOME/.cache/callwise}"
[ -f "$CACHE/env.sh" ] || { echo "run scripts/setup.sh first" >&2; exit 1; }
# shellcheck disable=SC1091
source "$CACHE/env.sh"
JOBS="${JOBS:-$(nproc)}"
what="${1:-web}"

build_native() {
  cmake -S "$here" -B "$here/build/native" -DCMAKE_BUILD_TYPE=Release >/dev/null
  cmake --build "$here/build/native" -j"$JOBS"
}

build_web() {
  # NODE_PATH: Debian's emscripten finds acorn there (TOOLCHAIN.md #2).
  # The emulator: CTest runs the wasm tests under node without its experimental fetch (#4, #8).
  emcmake cmake -S "$here" -B "$here/build/web" -DCMAKE_BUILD_TYPE=Release \
    -DCMAKE_CROSSCOMPILING_EMULATOR="$(command -v node);--no-experimental-fetch" >/dev/null
  cmake --build "$here/build/web" -j"$JOBS"
}

case "$what" in
  web) build_web ;;
  native) build_native ;;
  all) build_native; build_web ;;
  *) echo "usage: $0 [web|native|all]" >&2; exit 2 ;;
esac
