#!/usr/bin/env bash
# Installs every tool the build, tests and bench need, in pinned versions. Idempotent: when everything is
# already there it only checks versions and takes a few seconds. CI runs it as root on a fresh clone.
set -euo pipefail
cd "$(dirname "$0")/.."

TRUNK_VERSION=0.21.14
# wasm-bindgen-cli must match the wasm-bindgen crate in Cargo.lock exactly.
WASM_BINDGEN_VERSION="$(awk '/^name = "wasm-bindgen"$/ { getline; gsub(/version = |"/, ""); print; exit }' Cargo.lock)"
if [ -z "$WASM_BINDGEN_VERSION" ]; then
  echo "setup: could not read the wasm-bindgen version from Cargo.lock" >&2
  exit 1
fi

if ! command -v cargo >/dev/null 2>&1 && [ -f "$HOME/.cargo/env" ]; then
  # shellcheck disable=SC1091
  . "$HOME/.cargo/env"
fi
export PATH="$HOME/.cargo/bin:$PATH"

step() { printf 'setup: %s\n' "$*"; }

# Rust target and components.
if ! rustup target list --installed | grep -qx wasm32-unknown-unknown; then
  step "adding rust target wasm32-unknown-unknown"
  rustup target add wasm32-unknown-unknown
fi
installed_components="$(rustup component list --installed)"
for component in rustfmt clippy; do
  if ! grep -q "^$component" <<<"$installed_components"; then
    step "adding rust component $component"
    rustup component add "$component"
  fi
done

# Trunk.
if [ "$(trunk --version 2>/dev/null || true)" != "trunk $TRUNK_VERSION" ]; then
  step "installing trunk $TRUNK_VERSION (takes a few minutes)"
  cargo install --locked trunk --version "$TRUNK_VERSION"
fi

# wasm-bindgen-cli (also provides wasm-bindgen-test-runner). Its own lockfile does not build with
# --locked here, so it resolves its dependencies itself; the tool version is still pinned exactly.
if [ "$(wasm-bindgen --version 2>/dev/null || true)" != "wasm-bindgen $WASM_BINDGEN_VERSION" ] ||
  ! command -v wasm-bindgen-test-runner >/dev/null 2>&1; then
  step "installing wasm-bindgen-cli $WASM_BINDGEN_VERSION (takes a few minutes)"
  cargo install --force wasm-bindgen-cli --version "=$WASM_BINDGEN_VERSION"
fi

# Chromium and ChromeDriver (Debian's) for the wasm and Playwright tests.
if [ ! -x /usr/bin/chromium ] || [ ! -x /usr/bin/chromedriver ]; then
  step "installing chromium and chromium-driver"
  if [ "$(id -u)" -eq 0 ]; then SUDO=; else SUDO=sudo; fi
  export DEBIAN_FRONTEND=noninteractive
  $SUDO apt-get update
  $SUDO apt-get install -y --no-install-recommends chromium chromium-driver
fi

# Node packages (Playwright's test runner, binaryen's wasm-opt), exactly as package-lock.json says.
stamp=node_modules/.package-lock.sha256
lock_hash="$(sha256sum package-lock.json | cut -d' ' -f1)"
if [ ! -d node_modules ] || [ "$(cat "$stamp" 2>/dev/null || true)" != "$lock_hash" ]; then
  step "npm ci"
  npm ci --no-audit --no-fund
  # Written to a new file and renamed: a node_modules copied with hard links (`cp -al`) must not share the stamp.
  echo "$lock_hash" >"$stamp.tmp" && mv "$stamp.tmp" "$stamp"
fi

step "ok (trunk $TRUNK_VERSION, wasm-bindgen $WASM_BINDGEN_VERSION, $(node_modules/binaryen/bin/wasm-opt --version), $(/usr/bin/chromium --version 2>/dev/null | head -n1))"
