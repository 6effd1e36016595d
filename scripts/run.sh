#!/usr/bin/env bash
# One command: install what is missing, build the web app, serve it and print the URL.
# Usage: scripts/run.sh [port]   (or PORT=9000 scripts/run.sh; default 8080)
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
port="${1:-${PORT:-8080}}"
bash "$here/scripts/setup.sh"
bash "$here/scripts/build.sh" web
echo "Serving on http://127.0.0.1:${port}/  (Ctrl+C to stop)"
exec node "$here/scripts/serve.mjs" "$here/build/web/site" "$port"
