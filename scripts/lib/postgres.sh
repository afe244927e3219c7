# shellcheck shell=bash
# A throwaway PostgreSQL cluster (BUILD-NOTES §5 Option A) on 127.0.0.1, port 55432 or the next free one.
# Exports AR_TEST_POSTGRES.

AR_PG_DIR=
AR_PG_BIN=
AR_PG_USER=
AR_PG_STARTED=0

postgres_start() {
    if [[ -n ${AR_TEST_POSTGRES:-} ]]; then
        log "postgres: using the server given in AR_TEST_POSTGRES (not started or stopped here)"
        return
    fi
    AR_PG_BIN=$(postgres_bindir)
    [[ -n $AR_PG_BIN ]] || die "postgres: initdb/pg_ctl not found"

    local port=55432
    while port_in_use "$port"; do
        port=$((port + 1))
        ((port < 55532)) || die "postgres: no free port in 55432-55531"
    done

    AR_PG_DIR=$(mktemp -d /tmp/autorespond-postgres.XXXXXX)
    AR_PG_USER=$(id -un)
    if is_root; then
        AR_PG_USER=postgres # initdb refuses to run as root
        chown postgres:postgres "$AR_PG_DIR"
    fi
    log "postgres: initdb + start on 127.0.0.1:$port ($AR_PG_BIN, as $AR_PG_USER)"
    as_user "$AR_PG_USER" "'$AR_PG_BIN/initdb' -D '$AR_PG_DIR/data' -U postgres --auth=trust -E UTF8 --locale=C.UTF-8" >/dev/null ||
        die "postgres: initdb failed"
    AR_PG_STARTED=1
    as_user "$AR_PG_USER" "'$AR_PG_BIN/pg_ctl' -D '$AR_PG_DIR/data' -l '$AR_PG_DIR/pg.log' -w -t 60 -o \"-p $port -k '$AR_PG_DIR' -c listen_addresses=127.0.0.1 -c fsync=off\" start" >/dev/null || {
        tail -n 20 "$AR_PG_DIR/pg.log" >&2 2>/dev/null || true
        die "postgres: pg_ctl start failed"
    }
    export AR_TEST_POSTGRES="Host=127.0.0.1;Port=$port;Username=postgres;Database=postgres"
    log "postgres: up ($AR_TEST_POSTGRES)"
}

postgres_stop() {
    if ((AR_PG_STARTED)); then
        log "postgres: stop"
        as_user "$AR_PG_USER" "'$AR_PG_BIN/pg_ctl' -D '$AR_PG_DIR/data' -m fast -w -t 60 stop" >/dev/null 2>&1 ||
            warn "pg_ctl stop failed (data dir $AR_PG_DIR/data)"
        AR_PG_STARTED=0
    fi
    if [[ -n $AR_PG_DIR ]]; then rm -rf "$AR_PG_DIR"; fi
    AR_PG_DIR=
}
