#!/usr/bin/env bash
# Installs juryapp in .venv and opens it on the demo convention (created on first run).
set -euo pipefail
cd "$(dirname "$0")/.."
tools/system-deps.sh
[ -x .venv/bin/python ] || python3 -m venv .venv
.venv/bin/python -m pip install -q --upgrade pip
.venv/bin/python -m pip install -q -e .
exec .venv/bin/juryapp --demo "$@"
