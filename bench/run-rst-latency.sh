#!/usr/bin/env bash
# Packet → RST on the wire (issues 3 and 8): `bench rst-latency` in network namespaces it creates (198.18.0.0/15 only).
# Usage (root): bash bench/run-rst-latency.sh [connections=300] [background_per_s=200] [pause_ms=20] [runs=3]
#   AR_BENCH_CONFIG=Debug|Release (default Release) chooses the build measured.
#   AR_BENCH_NO_RT=1 runs the bench without CAP_SYS_NICE, so the sensor thread cannot take SCHED_FIFO (the fallback).
# Each run prints the key=value lines of RstLatencyReport on stdout (progress on stderr). The bench deletes its
# namespaces on exit; this script also deletes any left by a run that was killed (names rl[ABH]<bench pid in hex>).
set -euo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$ROOT"
CONNECTIONS=${1:-300}
RATE=${2:-200}
PAUSE=${3:-20}
RUNS=${4:-3}
CONFIG=${AR_BENCH_CONFIG:-Release}
log() { printf '[bench-rst %4ds] %s\n' "$SECONDS" "$*" >&2; }
[[ $(id -u) -eq 0 ]] || { log "run as root: the bench creates network namespaces"; exit 1; }

BENCH_PID=
cleanup() {
    local rc=$?
    set +e
    if [[ -n $BENCH_PID ]]; then
        kill "$BENCH_PID" 2>/dev/null && wait "$BENCH_PID" 2>/dev/null
        local id
        id=$(printf '%x' "$BENCH_PID")
        for ns in "rlA$id" "rlB$id" "rlH$id"; do ip netns del "$ns" 2>/dev/null; done
    fi
    exit "$rc"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

log "building bench ($CONFIG)"
dotnet build bench/AutoRespond.Bench -c "$CONFIG" -nologo -v quiet >/dev/null
BENCH=(dotnet "bench/AutoRespond.Bench/bin/$CONFIG/net10.0/AutoRespond.Bench.dll" rst-latency "$CONNECTIONS" "$RATE" "$PAUSE")
[[ -n ${AR_BENCH_NO_RT:-} ]] && BENCH=(setpriv --inh-caps=-sys_nice --bounding-set=-sys_nice -- "${BENCH[@]}")

echo "Machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs), $(free -g | awk '/Mem:/{print $2}') GiB; $(uname -r); build $CONFIG${AR_BENCH_NO_RT:+; no CAP_SYS_NICE}"
for run in $(seq 1 "$RUNS"); do
    log "run $run/$RUNS: $CONNECTIONS connections, background $RATE/s, pause $PAUSE ms"
    "${BENCH[@]}" &
    BENCH_PID=$!
    wait "$BENCH_PID"
    BENCH_PID=
done
