#!/usr/bin/env bash
# Build the wheel, install it into a fresh venv in /tmp and smoke-test its `bellwether`:
#   packaging/wheel_smoke.sh PYTHON
# PYTHON is the project's .venv/bin/python: the new venv borrows its installed dependencies
# (a .pth line, so the editable install of the clone is not seen) and gets the wheel itself.
set -euo pipefail
python=$(realpath -s "$1")
repo=$(realpath "$(dirname "$0")/..")
work=$(mktemp -d /tmp/bellwether-wheel.XXXXXX)
trap 'rm -rf "$work"' EXIT
"$python" -m pip wheel --quiet --no-deps --wheel-dir "$work/wheel" "$repo"
rm -rf "$repo/build/lib" "$repo/build/bdist."*
deps=$("$python" -c "import sysconfig; print(sysconfig.get_paths()['purelib'])")
"$python" -m venv "$work/venv"
site=$("$work/venv/bin/python" -c "import sysconfig; print(sysconfig.get_paths()['purelib'])")
echo "$deps" >"$site/bellwether-deps.pth"
"$work/venv/bin/python" -m pip install --quiet --no-deps --no-index "$work"/wheel/bellwether-*.whl
resources=$(cd /tmp && "$work/venv/bin/python" -c \
    "import app.resources as r; print(r.resource_folder())")
case "$resources" in "$repo"/*) echo "wheel_smoke: app came from the clone" >&2; exit 1 ;; esac
"$repo/packaging/smoke.sh" "$work/venv/bin/bellwether" "$resources"
