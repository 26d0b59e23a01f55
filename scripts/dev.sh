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
if [ "$what" = test ]; then
  "$py" -m pip install -q -e ".[test,spark]"
else
  "$py" -m pip install -q -e .  # serving needs the package alone; the test and Spark extras come with `test`
fi

apt_install() {
  local sudo=""
  [ "$(id -u)" = 0 ] || sudo=sudo
  $sudo apt-get update -qq && $sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$@" >/dev/null
}

need_system_packages() {
  local pkgs=()
  command -v chromium >/dev/null 2>&1 || pkgs+=(chromium chromium-driver)  # browser tests
  command -v java >/dev/null 2>&1 || pkgs+=(default-jre-headless)          # Spark tests
  [ ${#pkgs[@]} -eq 0 ] || apt_install "${pkgs[@]}"
}

case "$what" in
  serve)
    "$venv/bin/summitry" build
    exec "$venv/bin/summitry" serve "$@"
    ;;
  test)
    need_system_packages
    [ -n "${CI:-}" ] && export SUMMITRY_REQUIRE_SPARK=1  # in CI the Spark tests must run, not skip
    "$venv/bin/ruff" check .
    exec "$py" -m pytest "$@"
    ;;
  *)
    echo "usage: bash scripts/dev.sh serve|test" >&2
    exit 2
    ;;
esac
