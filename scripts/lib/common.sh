# shellcheck shell=bash
# Shared helpers for scripts/test.sh. Progress goes to stderr; stdout is kept for the final result line.

AR_T0=${AR_T0:-$SECONDS}

log() { printf '[test.sh %4ds] %s\n' "$((SECONDS - AR_T0))" "$*" >&2; }
warn() { log "WARNING: $*"; }
die() { log "ERROR: $*"; exit 1; }

is_root() { [[ $(id -u) -eq 0 ]]; }

# port_in_use PORT: something accepts TCP connections on 127.0.0.1:PORT.
port_in_use() { timeout 2 bash -c "exec 3<>/dev/tcp/127.0.0.1/$1" 2>/dev/null; }

# who_listens PORT: best-effort description of the listener, for error messages.
who_listens() {
    if command -v ss >/dev/null 2>&1; then
        ss -ltnpH "sport = :$1" 2>/dev/null || true
    else
        echo "(install iproute2 for details: ss -ltnp)"
    fi
}

# as_user USER COMMAND: run a shell command as USER (root only), else as ourselves.
as_user() {
    local user=$1 cmd=$2
    if is_root && [[ $user != root ]]; then
        su "$user" -s /bin/sh -c "$cmd"
    else
        sh -c "$cmd"
    fi
}
