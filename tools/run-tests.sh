#!/usr/bin/env bash
# Installs juryapp with its test tools in .venv and runs the whole test suite.
set -euo pipefail
cd "$(dirname "$0")/.."
tools/system-deps.sh --test
[ -x .venv/bin/python ] || python3 -m venv .venv
.venv/bin/python -m pip install -q --upgrade pip
.venv/bin/python -m pip install -q -e ".[test]"
exec .venv/bin/python -m pytest "$@"
