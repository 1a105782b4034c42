# shellcheck shell=bash
# A throw-away PostgreSQL cluster for the tests: a data folder under a fresh
# temporary folder, listening on 127.0.0.1 only, on a free port, with trust
# authentication, tuned for speed rather than durability.
#
#   source scripts/lib/postgres.sh
#   hearth_pg_start          # sets HEARTH_PG_URL, HEARTH_PG_DIR, HEARTH_PG_BIN
#   ...
#   hearth_pg_stop           # stops the server and deletes the folder; safe to call twice
#
# PostgreSQL refuses to run as root, so as root the server runs as the
# `postgres` system user (made by Debian's postgresql package).

HEARTH_PG_DIR=""
HEARTH_PG_URL=""
HEARTH_PG_BIN=""

# The bin folder of the newest PostgreSQL server installed, or nothing.
hearth_pg_find_bin() {
    local dir found=""
    if command -v pg_config >/dev/null 2>&1; then
        dir=$(pg_config --bindir 2>/dev/null || true)
        if [[ -n $dir && -x $dir/initdb && -x $dir/pg_ctl ]]; then
            found=$dir
        fi
    fi
    if [[ -z $found ]]; then
        for dir in $(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V); do
            if [[ -x $dir/initdb && -x $dir/pg_ctl ]]; then
                found=$dir
            fi
        done
    fi
    if [[ -z $found ]] && command -v initdb >/dev/null 2>&1 && command -v pg_ctl >/dev/null 2>&1; then
        found=$(dirname "$(command -v initdb)")
    fi
    printf '%s' "$found"
}

# Runs a command as the user that owns the cluster.
hearth_pg_as_owner() {
    if [[ $EUID -eq 0 ]]; then
        runuser -u postgres -- "$@"
    else
        "$@"
    fi
}

# A TCP port on 127.0.0.1 that nothing is listening on right now.
hearth_pg_free_port() {
    local port tries
    for tries in $(seq 1 200); do
        port=$((20000 + RANDOM % 40000))
        if ! (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then
            printf '%s' "$port"
            return 0
        fi
    done
    echo "postgres.sh: found no free port on 127.0.0.1" >&2
    return 1
}

hearth_pg_start() {
    HEARTH_PG_BIN=$(hearth_pg_find_bin)
    if [[ -z $HEARTH_PG_BIN ]]; then
        echo "postgres.sh: no PostgreSQL server binaries (initdb, pg_ctl) found" >&2
        return 1
    fi
    if [[ $EUID -eq 0 ]] && ! id postgres >/dev/null 2>&1; then
        echo "postgres.sh: running as root, but there is no 'postgres' user to run the server as" >&2
        return 1
    fi

    HEARTH_PG_DIR=$(mktemp -d "${TMPDIR:-/tmp}/hearth-pg.XXXXXX")
    chmod 755 "$HEARTH_PG_DIR"
    if [[ $EUID -eq 0 ]]; then
        chown postgres: "$HEARTH_PG_DIR"
    fi

    if ! hearth_pg_as_owner "$HEARTH_PG_BIN/initdb" -D "$HEARTH_PG_DIR/data" -U postgres \
        --auth=trust --encoding=UTF8 --no-locale --no-sync >"$HEARTH_PG_DIR/initdb.log" 2>&1; then
        echo "postgres.sh: initdb failed:" >&2
        cat "$HEARTH_PG_DIR/initdb.log" >&2
        return 1
    fi

    local port attempt
    for attempt in 1 2 3 4 5; do
        port=$(hearth_pg_free_port)
        # The server's own settings: loopback only, a socket in our folder, no
        # durability (the cluster is thrown away), room for parallel tests.
        if hearth_pg_as_owner "$HEARTH_PG_BIN/pg_ctl" -D "$HEARTH_PG_DIR/data" \
            -l "$HEARTH_PG_DIR/server.log" -w -t 60 \
            -o "-c listen_addresses=127.0.0.1 -c port=$port -c unix_socket_directories=$HEARTH_PG_DIR -c max_connections=300 -c fsync=off -c synchronous_commit=off -c full_page_writes=off" \
            start >/dev/null; then
            HEARTH_PG_URL="postgres://postgres@127.0.0.1:$port/postgres"
            return 0
        fi
        echo "postgres.sh: the server did not start on port $port (attempt $attempt); its log:" >&2
        tail -n 20 "$HEARTH_PG_DIR/server.log" >&2 || true
    done
    return 1
}

hearth_pg_stop() {
    if [[ -n $HEARTH_PG_DIR && -d $HEARTH_PG_DIR ]]; then
        if [[ -f $HEARTH_PG_DIR/data/postmaster.pid ]]; then
            hearth_pg_as_owner "$HEARTH_PG_BIN/pg_ctl" -D "$HEARTH_PG_DIR/data" \
                -m immediate -w -t 30 stop >/dev/null 2>&1 || true
        fi
        rm -rf "$HEARTH_PG_DIR"
    fi
    HEARTH_PG_DIR=""
    HEARTH_PG_URL=""
}
