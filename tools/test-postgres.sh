#!/usr/bin/env bash
# A throw-away PostgreSQL server on loopback for the tests' PostgreSQL half.
#   eval "$(tools/test-postgres.sh start)"   # sets JURYAPP_TEST_POSTGRESQL and its folder
#   tools/test-postgres.sh stop "$JURYAPP_TEST_POSTGRESQL_DIR"
# PostgreSQL 15 from /usr/lib/postgresql when it is there (else the newest found, else
# Debian's package is installed); the server runs as a non-root user in a temporary folder.
set -euo pipefail

find_bin() {
    local candidate
    for candidate in /usr/lib/postgresql/15/bin $(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V -r); do
        if [ -x "$candidate/initdb" ]; then echo "$candidate"; return 0; fi
    done
    return 1
}

as_owner() {  # run a server tool as the folder's owner (initdb refuses root)
    if [ "$(id -u)" = 0 ]; then runuser -u "$OWNER" -- "$@"; else "$@"; fi
}

case "${1:-}" in
start)
    if ! BIN=$(find_bin); then
        if [ "$(id -u)" != 0 ]; then echo "PostgreSQL is not installed" >&2; exit 1; fi
        DEBIAN_FRONTEND=noninteractive apt-get update -q >&2
        DEBIAN_FRONTEND=noninteractive apt-get install -y -q postgresql >&2
        BIN=$(find_bin)
    fi
    OWNER=$(id -un)
    if [ "$(id -u)" = 0 ]; then
        OWNER=postgres
        id "$OWNER" >/dev/null 2>&1 || useradd --system --no-create-home "$OWNER"
    fi
    DIR=$(mktemp -d /tmp/juryapp-pg.XXXXXX)
    chown "$OWNER" "$DIR"
    PORT=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
    as_owner "$BIN/initdb" -D "$DIR/data" -A trust -U juryapp -E UTF8 --no-sync >"$DIR/initdb.log" 2>&1
    # fsync off: a test server that is thrown away; the hub's durability is the server's own
    as_owner "$BIN/pg_ctl" -D "$DIR/data" -l "$DIR/server.log" -w \
        -o "-k $DIR -c listen_addresses=127.0.0.1 -p $PORT -c fsync=off" start >&2
    echo "export JURYAPP_TEST_POSTGRESQL=postgresql://juryapp@127.0.0.1:$PORT/postgres"
    echo "export JURYAPP_TEST_POSTGRESQL_DIR=$DIR"
    ;;
stop)
    DIR=${2:?the folder printed by start}
    BIN=$(find_bin)
    OWNER=$(stat -c %U "$DIR")
    as_owner "$BIN/pg_ctl" -D "$DIR/data" -m fast -w stop >&2 || true
    rm -rf "$DIR"
    ;;
*)
    echo "usage: $0 start | stop DIR" >&2
    exit 2
    ;;
esac
