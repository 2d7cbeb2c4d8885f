# shellcheck shell=bash
# Common environment for scripts/*: sourced, never run. Puts the pinned tools first on PATH
# so that Trunk finds exactly the versions it asks for and never tries to download one.

KWHICH_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
# npm packages that are tools, not project dependencies (binaryen's wasm-opt).
KWHICH_TOOLS="${KWHICH_TOOLS:-$HOME/.cache/kwhich-tools}"
CARGO_HOME="${CARGO_HOME:-$HOME/.cargo}"

# Prepended (not appended) so that an older wasm-opt or trunk elsewhere on PATH loses.
case "$PATH:" in
  "$KWHICH_TOOLS/node_modules/.bin:$CARGO_HOME/bin:"*) ;;
  *) PATH="$KWHICH_TOOLS/node_modules/.bin:$CARGO_HOME/bin:$PATH" ;;
esac

# Trunk's update check needs the network; nothing here should wait on it. (Trunk parses
# this as a bool: `true`, not `1`.)
export TRUNK_SKIP_VERSION_CHECK=true
export KWHICH_ROOT KWHICH_TOOLS CARGO_HOME PATH
