#!/usr/bin/env bash
# One entry point for a fresh machine: set everything up, then serve or test.
#   bash scripts/dev.sh serve   # install, build the database, serve the explorer on 127.0.0.1:8000
#   bash scripts/dev.sh test    # install (incl. Debian's chromium for browser tests), lint, run all tests
set -euo pipefail
cd "$(dirname "$0")/.."
what="${1:-serve}"
shift || true

venv=.venv
if [ ! -x "$venv/bin/python" ]; then
  python3 -m venv "$venv"
fi
py="$venv/bin/python"
"$py" -m pip install -q --upgrade pip
"$py" -m pip install -q -e ".[test]"

need_browser() {
  if ! command -v chromium >/dev/null 2>&1; then
    if [ "$(id -u)" = 0 ]; then
      apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium chromium-driver >/dev/null
    else
      sudo apt-get update -qq && sudo DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium chromium-driver >/dev/null
    fi
  fi
}

case "$what" in
  serve)
    "$venv/bin/summitry" build
    exec "$venv/bin/summitry" serve "$@"
    ;;
  test)
    need_browser
    "$venv/bin/ruff" check .
    exec "$py" -m pytest "$@"
    ;;
  *)
    echo "usage: bash scripts/dev.sh serve|test" >&2
    exit 2
    ;;
esac
