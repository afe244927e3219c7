#!/usr/bin/env bash
# scripts/fault-test.sh [--short] [--no-build] [--keep]
#
# Proves the distributed mode loses, doubles and orphans nothing under faults. Starts RabbitMQ, PostgreSQL, the vendor
# simulators and the roles as separate processes (sensor, brain, two responders, api), replays the scan-swarm scenario
# (40 attacking laptops = 40 incidents, each answered with a ticket at ServiceNow and a 20 s block at OPNsense),
# kills the broker with SIGKILL and restarts it three times (once with --short) and kills one responder with SIGKILL
# (restarting it) in the middle of an action mid-run, waits until every block has expired, then reconciles the ledger with a reference replay and
# with what the simulators hold. The last line on stdout is exactly:
#   incidents=N lost=N duplicates=N orphaned=N
# Exit status is non-zero unless lost, duplicates and orphaned are all 0. Logs: artifacts/fault-test/.
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$ROOT"
AR_T0=$SECONDS
for lib in common packages rabbitmq postgres dotnet; do
    # shellcheck source=/dev/null
    source "$ROOT/scripts/lib/$lib.sh"
done
log() { printf '[fault-test %4ds] %s\n' "$((SECONDS - AR_T0))" "$*" >&2; }

SHORT=0 BUILD=1 KEEP=0
while (($#)); do
    case $1 in
        --short) SHORT=1 ;;
        --no-build) BUILD=0 ;;
        --keep) KEEP=1 ;;
        -h | --help) sed -n '2,13p' "$0" | sed 's/^# \{0,1\}//' >&2; exit 2 ;;
        *) log "unknown argument $1"; exit 2 ;;
    esac
    shift
done

OUT=$ROOT/artifacts/fault-test
rm -rf "$OUT" && mkdir -p "$OUT"
W=$(mktemp -d /tmp/autorespond-fault.XXXXXX)
AR=$ROOT/src/Host/bin/Release/net10.0/autorespond
declare -A PIDS=()
AR_POLICY_RC_D=

finish() {
    local rc=$?
    set +e
    trap - EXIT
    for name in "${!PIDS[@]}"; do kill -TERM "${PIDS[$name]}" 2>/dev/null; done
    sleep 2
    for name in "${!PIDS[@]}"; do kill -KILL "${PIDS[$name]}" 2>/dev/null; done
    rabbitmq_stop
    postgres_stop
    ((KEEP)) || rm -rf "$W"
    log "done in $((SECONDS - AR_T0)) s (exit $rc)"
    exit "$rc"
}
trap finish EXIT
trap 'exit 130' INT TERM

# start NAME CMD...: a role in the background, its output in artifacts/fault-test/NAME.log.
start() {
    local name=$1
    shift
    "$@" >>"$OUT/$name.log" 2>&1 &
    PIDS[$name]=$!
    log "started $name (pid ${PIDS[$name]})"
}

broker_pid() { rabbit rabbitmqctl -q eval 'os:getpid().' 2>/dev/null | tr -dc '0-9'; }

# A broker crash: SIGKILL to the Erlang VM (no graceful shutdown), a few seconds down, then the same node restarts on
# the same data directory (quorum queues and their messages are on disk).
kill_broker() {
    local pid
    pid=$(broker_pid)
    [[ -n $pid ]] || { log "broker pid not found"; return 1; }
    log "FAULT: kill -9 the broker (pid $pid)"
    kill -KILL "$pid"
    sleep "${1:-3}"
    rabbit rabbitmq-server -detached >&2
    local i
    for i in $(seq 1 60); do
        rabbit rabbitmq-diagnostics -q ping >/dev/null 2>&1 && break
        sleep 1
    done
    rabbit rabbitmqctl -q await_startup --timeout 60 >&2
    log "broker back"
}

# The responder with a ticket action in flight: its log says "applying ACT (ticket)" with no "ACT (ticket) applied" after.
responder_in_flight() {
    local name id
    for name in responder-1 responder-2; do
        id=$(grep -o 'applying act-[0-9a-f-]* (ticket)' "$OUT/$name.log" 2>/dev/null | tail -n 1 | awk '{print $2}')
        [[ -n $id ]] || continue
        grep -q "$id (ticket) applied" "$OUT/$name.log" || { echo "$name"; return; }
    done
}

# Kill -9 the responder that is in the middle of an action: ServiceNow is told to hold its next call for 8 s, and the
# worker making it dies while it waits. The action must then be completed by a surviving worker, exactly once.
MID_ACTION=
kill_responder_mid_action() {
    curl -fsS -X POST "$SIM/_sim/faults" -H 'Content-Type: application/json' \
        -d '{"vendor":"servicenow","status":503,"times":1,"delayMilliseconds":8000}' >/dev/null
    local victim="" i
    for i in $(seq 1 150); do
        if [[ $(curl -fsS "$SIM/_sim/pending?vendor=servicenow" | grep -o '"in_flight":[0-9]*' | cut -d: -f2) -ge 1 ]]; then
            victim=$(responder_in_flight)
            [[ -n $victim ]] && break
        fi
        sleep 0.1
    done
    curl -fsS -X DELETE "$SIM/_sim/faults" >/dev/null
    if [[ -z $victim ]]; then
        log "FAULT: no ticket action came in flight within 15 s; killing responder-1 between actions instead"
        victim=responder-1
    else
        MID_ACTION=$(grep -o 'applying act-[0-9a-f-]* (ticket)' "$OUT/$victim.log" | tail -n 1 | awk '{print $2}')
        echo "$MID_ACTION" >"$OUT/mid-action"
    fi
    log "FAULT: kill -9 $victim (pid ${PIDS[$victim]})${MID_ACTION:+ while it applies $MID_ACTION}"
    kill -KILL "${PIDS[$victim]}"
    mv "$OUT/$victim.log" "$OUT/$victim-killed.log"
    sleep 3
    start "$victim" "$AR" responder "${cfg[@]}"
}

sql() { psql -h 127.0.0.1 -p "$PGPORT" -U postgres -d "$DB" -tAc "$1" 2>/dev/null || echo 0; }

[[ -z ${AR_TEST_RABBITMQ:-} ]] || { log "AR_TEST_RABBITMQ is set: this test must own its broker to kill it; unset it"; exit 2; }
ensure_packages
rabbitmq_start
((AR_RABBIT_STARTED)) || { log "RabbitMQ could not be started here (needs root)"; exit 1; }
postgres_start
PGPORT=$(sed -n 's/.*Port=\([0-9]*\).*/\1/p' <<<"$AR_TEST_POSTGRES")
DB=autorespond_fault_$$

if ((BUILD)); then
    dotnet_build src/Host/AutoRespond.Host.csproj "$OUT/build.log" || { log "build failed (artifacts/fault-test/build.log)"; exit 1; }
fi

# The capture and the reference: the same pipeline in one process, dry-run, on packet time.
"$AR" simulate scan-swarm --out "$W/swarm.pcap" 2>"$OUT/simulate.log"
SIM_PORT=18$((RANDOM % 900 + 100))
start simulators "$AR" simulators --listen "127.0.0.1:$SIM_PORT"
for _ in $(seq 1 50); do grep -q '^export' "$OUT/simulators.log" 2>/dev/null && break; sleep 0.2; done
eval "$(grep '^export ' "$OUT/simulators.log")"
SIM=http://127.0.0.1:$SIM_PORT

ladder='    - { min_score: 0.50, actions: [ticket, firewall-block], duration: 20s }'
network=$(sed -n '/^network:/,/^learning:/p' "$W/swarm.yaml" | sed '$d')
cat >"$W/reference.yaml" <<YAML
$network
learning: { period: 24h }
response:
  mode: dry-run
  ladder:
$ladder
  limits: { max_active_actions: 1000, max_new_actions_per_hour: 1000 }
YAML
cat >"$W/distributed.yaml" <<YAML
$network
learning: { period: 24h }
bus: { transport: rabbitmq, uri: "amqp://guest:guest@127.0.0.1:5672/" }
storage: { provider: postgres, connection: "Host=127.0.0.1;Port=$PGPORT;Username=postgres;Database=$DB" }
response:
  mode: autonomous
  ladder:
$ladder
  limits: { max_active_actions: 1000, max_new_actions_per_hour: 1000 }
integrations:
  opnsense:   { url: "$SIM", key_env: OPN_KEY, secret_env: OPN_SECRET, alias: autorespond_block }
  servicenow: { url: "$SIM", username_env: SN_USER, password_env: SN_PASS }
YAML
"$AR" replay "$W/swarm.pcap" --config "$W/reference.yaml" --format jsonl >"$W/reference.jsonl" 2>"$OUT/reference.log"
cp "$W/reference.jsonl" "$W/distributed.yaml" "$OUT/"
EXPECTED=$(grep -c '"type":"incident"' "$W/reference.jsonl" || true)
log "reference replay: $(grep -o '"id":"inc-[^"]*"' "$W/reference.jsonl" | sort -u | wc -l) incidents ($EXPECTED revisions)"

export AR_BUS_PREFIX=fault-$$
cfg=(--config "$W/distributed.yaml")
start brain "$AR" brain "${cfg[@]}"
start responder-1 "$AR" responder "${cfg[@]}"
start responder-2 "$AR" responder "${cfg[@]}"
if "$AR" api --help >/dev/null 2>&1; then start api "$AR" api "${cfg[@]}"; fi
sleep 8 # roles connected, queues declared, database migrated

# Background fast, then the 48 minutes of the swarm at SPEED x real time.
SPEED=$((SHORT ? 120 : 60))
start sensor "$AR" sensor "${cfg[@]}" --replay "$W/swarm.pcap" --speed "$SPEED" --pace-from 2026-11-05T09:00:00Z
SWARM_SECONDS=$((2900 / SPEED))
if ((SHORT)); then
    sleep 3; kill_responder_mid_action
    sleep 2; kill_broker 2
else
    step=$((SWARM_SECONDS / 5))
    sleep "$step"; kill_broker 3
    sleep "$step"; kill_responder_mid_action
    sleep "$step"; kill_broker 3
    sleep "$step"; kill_broker 5
fi

log "waiting for the sensor to send everything"
wait "${PIDS[sensor]}" || log "sensor exited with $?"
unset 'PIDS[sensor]'
# Quiet: every reference incident stored, every reference action in the ledger, every firewall block reverted (expired).
want_incidents=$(grep -o '"type":"incident","time":"[^"]*","id":"inc-[^"]*"' "$W/reference.jsonl" | grep -o 'inc-[0-9a-f]*' | sort -u | wc -l)
want_actions=$(grep '"type":"action"' "$W/reference.jsonl" | grep -o '"id":"act-[^"]*"' | sort -u | wc -l)
deadline=$((SECONDS + (SHORT ? 180 : 300)))
while ((SECONDS < deadline)); do
    stored=$(sql "select count(*) from incidents")
    recorded=$(sql "select count(*) from actions")
    live=$(sql "select count(*) from actions where kind='firewall-block' and state in ('executed','pending')")
    log "incidents stored: $stored/$want_incidents; actions recorded: $recorded/$want_actions; firewall blocks still in place: $live"
    if ((stored >= want_incidents && recorded >= want_actions && live == 0)); then break; fi
    sleep 5
done
sleep 5
curl -s "$SIM/_sim/requests" >"$OUT/simulator-requests.json" || true
"$AR" reconcile "${cfg[@]}" --simulators "$SIM/" --expected "$W/reference.jsonl" --details 2>"$OUT/reconcile.log" >"$W/result" || true
cat "$OUT/reconcile.log" >&2
line=$(tail -n 1 "$W/result")
if [[ -n $MID_ACTION ]]; then
    if grep -q "$MID_ACTION (ticket) applied: True" "$OUT"/responder-?.log; then
        log "mid-action kill: $MID_ACTION was completed by a surviving worker"
    else
        log "mid-action kill: $MID_ACTION was NOT completed after its worker died"
        line="${line/ lost=0/ lost=1}"
    fi
fi
[[ -n $line ]] || line="incidents=0 lost=-1 duplicates=-1 orphaned=-1"
echo "$line"
[[ $line == *" lost=0 duplicates=0 orphaned=0" ]]
