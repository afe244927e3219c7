# shellcheck shell=bash
# RabbitMQ on loopback, as BUILD-NOTES §1 (root, no systemd). Exports AR_TEST_RABBITMQ (+ _MANAGEMENT).
# Every rabbitmq CLI call needs the same environment: it lives in $AR_RABBIT_DIR/env.sh.

AR_RABBIT_DIR=
AR_RABBIT_STARTED=0

rabbitmq_env_file() {
    AR_RABBIT_DIR=$(mktemp -d /tmp/autorespond-rabbitmq.XXXXXX)
    chmod 755 "$AR_RABBIT_DIR" # the broker runs as user rabbitmq: it must be able to read the config
    cat >"$AR_RABBIT_DIR/rabbitmq.conf" <<'CONF'
listeners.tcp.default = 127.0.0.1:5672
management.tcp.ip = 127.0.0.1
management.tcp.port = 15672
CONF
    chmod 644 "$AR_RABBIT_DIR/rabbitmq.conf"
    # A fresh broker every run: the default state dir (/var/lib/rabbitmq) keeps queues, bindings and
    # quorum logs across runs, and one damaged leftover queue bound to a test exchange makes every
    # later publish wait forever for its confirm.
    mkdir -p "$AR_RABBIT_DIR/mnesia" "$AR_RABBIT_DIR/log"
    if is_root && id rabbitmq >/dev/null 2>&1; then chown rabbitmq:rabbitmq "$AR_RABBIT_DIR/mnesia" "$AR_RABBIT_DIR/log"; fi
    cat >"$AR_RABBIT_DIR/env.sh" <<ENV
export RABBITMQ_NODENAME=rabbit@localhost
export RABBITMQ_MNESIA_BASE=$AR_RABBIT_DIR/mnesia
export RABBITMQ_LOG_BASE=$AR_RABBIT_DIR/log
export RABBITMQ_CONFIG_FILE=$AR_RABBIT_DIR/rabbitmq.conf
export RABBITMQ_ENABLED_PLUGINS=rabbitmq_management
export ERL_EPMD_ADDRESS=127.0.0.1
export RABBITMQ_SERVER_ADDITIONAL_ERL_ARGS="-kernel inet_dist_use_interface {127,0,0,1}"
ENV
    chmod 644 "$AR_RABBIT_DIR/env.sh"
}

# rabbit CMD ARGS...: a rabbitmq CLI call with the broker's environment, in a subshell.
rabbit() { (source "$AR_RABBIT_DIR/env.sh" && PATH="$PATH:/usr/sbin:/sbin" && "$@"); }

rabbitmq_export() {
    export AR_TEST_RABBITMQ=amqp://guest:guest@127.0.0.1:5672/
    export AR_TEST_RABBITMQ_MANAGEMENT=http://127.0.0.1:15672/
}

rabbitmq_start() {
    if [[ -n ${AR_TEST_RABBITMQ:-} ]]; then
        log "rabbitmq: using the broker given in AR_TEST_RABBITMQ (not started or stopped here)"
        return
    fi
    rabbitmq_env_file

    if port_in_use 5672; then
        # Ours = the rabbit@localhost node this script manages (e.g. left by an interrupted run, or started by hand).
        if rabbit rabbitmq-diagnostics -q ping >/dev/null 2>&1; then
            port_in_use 15672 || die "rabbit@localhost is running without the management plugin on 127.0.0.1:15672; stop it: RABBITMQ_NODENAME=rabbit@localhost rabbitmqctl shutdown"
            log "rabbitmq: reusing the running rabbit@localhost node on 127.0.0.1:5672 (left running at exit)"
            rabbitmq_export
            return
        fi
        die "127.0.0.1:5672 is taken by something that is not the rabbit@localhost node: $(who_listens 5672). Stop it and run again."
    fi
    port_in_use 15672 && die "127.0.0.1:15672 (RabbitMQ management) is taken: $(who_listens 15672)"
    is_root || {
        warn "rabbitmq: starting rabbitmq-server needs root (the Debian wrapper runs it as user rabbitmq); RabbitMQ tests will be SKIPPED. Run as root, or set AR_TEST_RABBITMQ to a running broker."
        return
    }

    log "rabbitmq: starting rabbit@localhost on 127.0.0.1:5672 (management 127.0.0.1:15672)"
    AR_RABBIT_STARTED=1
    rabbit rabbitmq-server -detached >&2
    local i
    for i in $(seq 1 60); do
        rabbit rabbitmq-diagnostics -q ping >/dev/null 2>&1 && break
        sleep 1
    done
    if ! rabbit rabbitmqctl -q await_startup --timeout 60 >&2; then
        tail -n 30 "$AR_RABBIT_DIR/log/rabbit@localhost.log" >&2 2>/dev/null || true
        die "rabbitmq did not start (log: $AR_RABBIT_DIR/log/rabbit@localhost.log)"
    fi
    for i in $(seq 1 30); do port_in_use 15672 && break; sleep 1; done
    rabbitmq_export
    log "rabbitmq: up (env for rabbitmqctl: source $AR_RABBIT_DIR/env.sh)"
}

rabbitmq_stop() {
    if ((AR_RABBIT_STARTED)); then
        log "rabbitmq: shutdown"
        timeout 90 bash -c "source '$AR_RABBIT_DIR/env.sh' && PATH=\$PATH:/usr/sbin && rabbitmqctl -q shutdown" >&2 ||
            warn "rabbitmqctl shutdown failed; the node may still run (RABBITMQ_NODENAME=rabbit@localhost rabbitmqctl shutdown)"
        AR_RABBIT_STARTED=0
    fi
    if [[ -n $AR_RABBIT_DIR ]]; then rm -rf "$AR_RABBIT_DIR"; fi
    AR_RABBIT_DIR=
}
