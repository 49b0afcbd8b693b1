#!/usr/bin/env bash
# Installs juryapp with its test tools in .venv and runs the whole test suite: on SQLite, and
# on a throw-away PostgreSQL server on loopback too (started here unless JURYAPP_TEST_POSTGRESQL
# names one; without PostgreSQL, and without root to install it, that half is skipped).
set -euo pipefail
cd "$(dirname "$0")/.."
tools/system-deps.sh --test
[ -x .venv/bin/python ] || python3 -m venv .venv
.venv/bin/python -m pip install -q --upgrade pip
.venv/bin/python -m pip install -q -e ".[test]"
if [ -z "${JURYAPP_TEST_POSTGRESQL:-}" ]; then
    if server=$(tools/test-postgres.sh start); then
        eval "$server"
        trap 'tools/test-postgres.sh stop "$JURYAPP_TEST_POSTGRESQL_DIR"' EXIT
    else
        echo "PostgreSQL could not be started: its half of the tests is skipped" >&2
    fi
fi
.venv/bin/python -m pytest "$@"
