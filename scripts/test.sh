#!/usr/bin/env bash
# One command: install what is missing, then run every test:
#   1. core tests natively (CTest + Catch2, g++)
#   2. the same core tests compiled to wasm, run under node (CTest emulator)
#   3. the browser end-to-end tests in headless Debian Chromium (node --test + playwright-core)
# Exits non-zero if any stage fails; prints a closing "N passed, N failed" line.
set -uo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
bash "$here/scripts/setup.sh" || { echo "setup failed"; exit 1; }
passed=0; failed=0
stage() {   # name, command...
  local name=$1; shift
  echo "=== $name"
  if "$@"; then passed=$((passed + 1)); echo "=== $name: ok"; else failed=$((failed + 1)); echo "=== $name: FAILED"; fi
}
native() { bash "$here/scripts/build.sh" native && (cd "$here/build/native" && ctest --output-on-failure); }
wasm() { bash "$here/scripts/build.sh" web && (cd "$here/build/web" && ctest --output-on-failure); }
browser() { (cd "$here/tests/e2e" && node --test --test-concurrency=1 ./*.test.mjs); }
stage "core tests (native)" native
stage "core tests (wasm under node)" wasm
if [ -f "$here/build/web/site/index.wasm" ]; then
  stage "browser end-to-end tests (headless chromium)" browser
else
  failed=$((failed + 1)); echo "=== browser tests skipped: the web build failed"
fi
echo "screenshots: $here/build/e2e-artefacts/"
echo "stages: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
