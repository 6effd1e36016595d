#!/usr/bin/env bash
# One command for the benchmarks: native core benchmarks, then the browser benchmark.
# Benchmarks are not tests: nothing here fails on a slow machine. Each line shows the result,
# its budget and PASS/OVER. Results: build/bench/native.txt and build/bench/browser.json.
set -uo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
bash "$here/scripts/setup.sh" >/dev/null
bash "$here/scripts/build.sh" native >/dev/null
bash "$here/scripts/build.sh" web >/dev/null
(source "${CALLWISE_CACHE:-$HOME/.cache/callwise}/env.sh" && cmake --build "$here/build/web" --target imgui_stock_example -j"$(nproc)" >/dev/null)
cmake --build "$here/build/native" --target callwise_benchmarks -j"$(nproc)" >/dev/null
mkdir -p "$here/build/bench"
{
  echo "# native core benchmarks ($(date -u +%Y-%m-%dT%H:%MZ), $(nproc) cores)"
  for b in "$here"/build/native/callwise_*_bench; do
    [ -x "$b" ] && "$b"
  done
} | tee "$here/build/bench/native.txt"
echo "# browser benchmark (headless chromium, software GL)"
(cd "$here/tests/e2e" && node "$here/bench/browser_bench.mjs")
