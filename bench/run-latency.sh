#!/usr/bin/env bash
# Distributed-pipeline benchmark (issue 8): latency incident → first action at a simulator (in process and over
# RabbitMQ), sensor → brain events/s through the bus, actions/s with 1 and 2 `autorespond responder` processes.
# Usage: bash bench/run-latency.sh [incidents=2000] [batches=4000] [burst=500]      (root: starts RabbitMQ/PostgreSQL)
#   AR_BENCH_CONFIG=Debug|Release (default Release) chooses the build measured.
# Starts PostgreSQL through scripts/lib (as scripts/fault-test.sh does) and a RabbitMQ node of its own on 127.0.0.1:5673+
# (AR_TEST_RABBITMQ=amqp://... uses a running broker instead). Prints the key=value line of every mode on
# stdout; progress on stderr. Everything started here is stopped at exit (trap).
set -euo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$ROOT"
AR_T0=$SECONDS
for lib in common packages postgres; do
    # shellcheck source=/dev/null
    source "$ROOT/scripts/lib/$lib.sh"
done
log() { printf '[bench-latency %4ds] %s\n' "$((SECONDS - AR_T0))" "$*" >&2; }

INCIDENTS=${1:-2000}
BATCHES=${2:-4000}
BURST=${3:-500}
CONFIG=${AR_BENCH_CONFIG:-Release}
MODES=${AR_BENCH_MODES:-latency events actions} # a subset, e.g. AR_BENCH_MODES=actions
WORK=$(mktemp -d /tmp/autorespond-bench-latency.XXXXXX)

finish() {
    local rc=$?
    set +e
    trap - EXIT
    bench_rabbit_stop
    postgres_stop
    rm -rf "$WORK"
    log "done in $((SECONDS - AR_T0)) s (exit $rc)"
    exit "$rc"
}
trap finish EXIT
trap 'exit 130' INT TERM

ensure_packages
# A broker node of our own (not rabbit@localhost on 5672, which other scripts reuse and scripts/fault-test.sh kills on
# purpose): node bench$$@localhost on the first free port from 5673, its own data directory, stopped at exit.
BROKER_DIR=
bench_rabbit() { (source "$BROKER_DIR/env.sh" && PATH="$PATH:/usr/sbin:/sbin" && "$@"); }
bench_rabbit_start() {
    is_root || die "starting a RabbitMQ node needs root (the Debian wrapper runs it as user rabbitmq)"
    local port=5673 i
    while port_in_use "$port" || port_in_use $((port + 10000)) || port_in_use $((port + 20000)); do port=$((port + 1)); done
    BROKER_DIR=$(mktemp -d /tmp/autorespond-bench-rabbitmq.XXXXXX)
    chmod 755 "$BROKER_DIR"
    mkdir -p "$BROKER_DIR/mnesia" "$BROKER_DIR/log"
    id rabbitmq >/dev/null 2>&1 && chown rabbitmq:rabbitmq "$BROKER_DIR/mnesia" "$BROKER_DIR/log"
    printf 'listeners.tcp.default = 127.0.0.1:%s\nmanagement.tcp.ip = 127.0.0.1\nmanagement.tcp.port = %s\n' "$port" $((port + 10000)) >"$BROKER_DIR/rabbitmq.conf"
    cat >"$BROKER_DIR/env.sh" <<ENV
export RABBITMQ_NODENAME=bench$$@localhost
export RABBITMQ_NODE_PORT=$port
export RABBITMQ_DIST_PORT=$((port + 20000))
export RABBITMQ_MNESIA_BASE=$BROKER_DIR/mnesia
export RABBITMQ_LOG_BASE=$BROKER_DIR/log
export RABBITMQ_CONFIG_FILE=$BROKER_DIR/rabbitmq.conf
export RABBITMQ_ENABLED_PLUGINS=rabbitmq_management
export ERL_EPMD_ADDRESS=127.0.0.1
export RABBITMQ_SERVER_ADDITIONAL_ERL_ARGS="-kernel inet_dist_use_interface {127,0,0,1}"
ENV
    chmod 644 "$BROKER_DIR/env.sh" "$BROKER_DIR/rabbitmq.conf"
    log "rabbitmq: starting bench$$@localhost on 127.0.0.1:$port"
    bench_rabbit rabbitmq-server -detached >&2
    for i in $(seq 1 60); do bench_rabbit rabbitmq-diagnostics -q ping >/dev/null 2>&1 && break; sleep 1; done
    bench_rabbit rabbitmqctl -q await_startup --timeout 60 >&2 || { tail -n 30 "$BROKER_DIR"/log/*.log >&2; die "rabbitmq did not start"; }
    BROKER=amqp://guest:guest@127.0.0.1:$port/
}
bench_rabbit_stop() {
    [[ -n $BROKER_DIR ]] || return 0
    log "rabbitmq: stopping bench$$@localhost"
    timeout 90 bash -c "source '$BROKER_DIR/env.sh' && PATH=\$PATH:/usr/sbin && rabbitmqctl -q shutdown" >&2 || warn "rabbitmqctl shutdown failed"
    rm -rf "$BROKER_DIR"
}
if [[ -n ${AR_TEST_RABBITMQ:-} ]]; then
    BROKER=$AR_TEST_RABBITMQ
    log "rabbitmq: using the broker given in AR_TEST_RABBITMQ"
else
    bench_rabbit_start
fi
postgres_start
PG=$(sed 's/;Database=[^;]*//' <<<"$AR_TEST_POSTGRES")

log "building bench and host ($CONFIG)"
dotnet build bench/AutoRespond.Bench -c "$CONFIG" -nologo -v quiet >"$WORK/build.log" 2>&1 || { tail -n 30 "$WORK/build.log" >&2; exit 1; }
BENCH=(dotnet "bench/AutoRespond.Bench/bin/$CONFIG/net10.0/AutoRespond.Bench.dll")
AR_DLL=$ROOT/bench/AutoRespond.Bench/bin/$CONFIG/net10.0/autorespond.dll # the host, copied with the bench: one build

echo "Machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs), $(free -g | awk '/Mem:/{print $2}') GiB; load at start $(cut -d' ' -f1-3 /proc/loadavg); build $CONFIG"
if [[ $MODES == *latency* ]]; then
    log "latency-inprocess ($INCIDENTS incidents)"
    "${BENCH[@]}" latency-inprocess "$INCIDENTS" 200
    log "latency-bus ($INCIDENTS incidents)"
    "${BENCH[@]}" latency-bus "$BROKER" "$INCIDENTS" 200
fi
if [[ $MODES == *events* ]]; then
    log "generating the bus-events capture"
    "${BENCH[@]}" generate "$WORK/events.pcap" 400000 5000 >&2
    for consumer in count learn; do
        log "bus-events $consumer ($BATCHES batches of 512)"
        "${BENCH[@]}" bus-events "$BROKER" "$WORK/events.pcap" "$BATCHES" "$consumer"
    done
fi
[[ $MODES == *actions* ]] && for kinds in firewall-block ticket,firewall-block; do
    for n in 1 2; do
        log "actions: $n responder process(es), $BURST incidents needing $kinds"
        "${BENCH[@]}" actions "$BROKER" "$PG" "$AR_DLL" "$n" "$BURST" "$kinds" || log "actions $n $kinds failed"
    done
done
echo "Load at end: $(cut -d' ' -f1-3 /proc/loadavg)"
