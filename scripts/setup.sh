#!/usr/bin/env bash
# Installs everything Callwise needs that the machine lacks, idempotently.
# Sources: Debian packages, Debian *source* packages (imgui, libsdl2), npm (playwright-core).
# Caches (outside the work tree, keyed by versions): $CALLWISE_CACHE (default ~/.cache/callwise).
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
CACHE="${CALLWISE_CACHE:-$HOME/.cache/callwise}"
mkdir -p "$CACHE"
export NODE_PATH=/usr/share/nodejs
SUDO=""; [ "$(id -u)" = 0 ] || SUDO="sudo"
log() { printf '[setup] %s\n' "$*"; }

# 1. Debian packages --------------------------------------------------------------
PKGS=(emscripten cmake g++ make libcereal-dev rapidjson-dev catch2 libsdl2-dev
      chromium fonts-wqy-microhei fonttools dpkg-dev python3 nodejs npm)
missing=()
for p in "${PKGS[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
# node/npm may come from elsewhere on the machine; only need the commands.
if command -v node >/dev/null && command -v npm >/dev/null; then
  tmp=(); for p in "${missing[@]}"; do [[ "$p" == nodejs || "$p" == npm ]] || tmp+=("$p"); done; missing=("${tmp[@]+"${tmp[@]}"}")
fi
need_update=0
[ ${#missing[@]} -gt 0 ] && need_update=1

# deb-src entry for the source packages (copy of the machine's deb822 source, Types: deb-src)
SRC_LIST=/etc/apt/sources.list.d/callwise-src.sources
if [ ! -f "$SRC_LIST" ]; then
  base=$(ls /etc/apt/sources.list.d/*.sources 2>/dev/null | grep -v callwise-src | head -1 || true)
  if [ -n "$base" ]; then
    sed 's/^Types: deb$/Types: deb-src/' "$base" | $SUDO tee "$SRC_LIST" >/dev/null
  elif [ -f /etc/apt/sources.list ]; then
    grep -E '^deb ' /etc/apt/sources.list | sed 's/^deb /deb-src /' | $SUDO tee /etc/apt/sources.list.d/callwise-src.list >/dev/null
    SRC_LIST=/etc/apt/sources.list.d/callwise-src.list
  fi
  need_update=1
fi
if [ $need_update = 1 ]; then
  log "apt-get update"
  $SUDO apt-get update -qq
fi
if [ ${#missing[@]} -gt 0 ]; then
  log "installing: ${missing[*]}"
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

# 2. Debian source packages: Dear ImGui 1.86, SDL2 2.26.5 -------------------------------
SRC="$CACHE/src"; mkdir -p "$SRC"
srcdir() { find "$SRC" -maxdepth 1 -type d -name "$1" | sort | tail -1; }
fetch_src() { # name dir-glob
  local name=$1 glob=$2
  if [ -z "$(srcdir "$glob")" ]; then
    log "apt-get source $name"
    (cd "$SRC" && apt-get source -qq "$name" >/dev/null 2>&1) || { $SUDO apt-get update -qq; (cd "$SRC" && apt-get source -qq "$name" >/dev/null); }
  fi
}
fetch_src imgui 'imgui-1.*'
fetch_src libsdl2 'libsdl2-2.*'
IMGUI_DIR=$(srcdir 'imgui-1.*')
SDL_SRC=$(srcdir 'libsdl2-2.*')

# 3. SDL2 built for wasm (about 5 minutes, once per SDL/emscripten version) -------------
EMVER=$(dpkg-query -W -f='${Version}' emscripten | tr -c 'A-Za-z0-9.\n' '_')
SDLVER=$(basename "$SDL_SRC" | sed 's/^libsdl2-//')
SDL_WASM="$CACHE/sdl2-wasm-$SDLVER-em$EMVER"
if [ ! -f "$SDL_WASM/lib/libSDL2.a" ]; then
  log "building SDL2 $SDLVER for wasm into $SDL_WASM (one time, ~5 min)"
  rm -rf "$SDL_WASM.build"
  emcmake cmake -S "$SDL_SRC" -B "$SDL_WASM.build" -DCMAKE_BUILD_TYPE=Release \
     -DSDL_SHARED=OFF -DSDL_STATIC=ON -DSDL_TEST=OFF -DCMAKE_INSTALL_PREFIX="$SDL_WASM" >"$CACHE/sdl2-wasm.log" 2>&1
  cmake --build "$SDL_WASM.build" -j"$(nproc)" >>"$CACHE/sdl2-wasm.log" 2>&1
  cmake --install "$SDL_WASM.build" >>"$CACHE/sdl2-wasm.log" 2>&1
  rm -rf "$SDL_WASM.build"
fi

# 4. Header links for em++ (never /usr/include itself: host libc headers would leak in)
EMINC="$CACHE/em-include"
mkdir -p "$EMINC"
for d in cereal rapidjson catch2; do ln -sfn "/usr/include/$d" "$EMINC/$d"; done

# 5. npm test tools ------------------------------------------------------------------
if [ ! -d "$here/tests/e2e/node_modules/playwright-core" ]; then
  log "npm install (tests/e2e)"
  (cd "$here/tests/e2e" && npm install --no-audit --no-fund --loglevel=error >/dev/null)
fi

# What the build needs to know, for the other scripts.
cat >"$CACHE/env.sh" <<ENV
export NODE_PATH=/usr/share/nodejs
export CALLWISE_IMGUI_DIR="$IMGUI_DIR"
export CALLWISE_SDL_WASM="$SDL_WASM"
export CALLWISE_EM_INCLUDE="$EMINC"
ENV
log "ready (cache: $CACHE)"
