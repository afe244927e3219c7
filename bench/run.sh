#!/usr/bin/env bash
# Sensor throughput benchmark: AutoRespond against its peers on the same generated file, in the same run.
# Usage: bash bench/run.sh [packets=3000000] [flows=20000]    (as root it installs tcpdump, tshark, time)
#        bash bench/run.sh fuzz [packets] [seed] [files] [documents]   (hostile-input run, see below)
#        (distributed-pipeline latency and throughput, issue 8: bash bench/run-latency.sh)
# Prints a markdown table for docs/benchmarks.md on stdout; progress on stderr.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
# bash bench/run.sh fuzz [packets=1000000] [seed=1] [files=2000] [documents=20000]: the hostile-input run
# (docs/security.md); prints each target's figures and rejection reasons, exits 1 on any crash or broken invariant.
if [[ ${1:-} == fuzz ]]; then
    shift
    dotnet build bench/AutoRespond.Bench -c Release -nologo -v quiet >&2
    exec dotnet bench/AutoRespond.Bench/bin/Release/net10.0/AutoRespond.Bench.dll fuzz "$@"
fi
PACKETS=${1:-3000000}
FLOWS=${2:-20000}
WORK=${AR_BENCH_DIR:-/tmp/autorespond-bench}
FILE=$WORK/synth-$PACKETS.pcap
RUNS=${AR_BENCH_RUNS:-3}
log() { printf '[bench] %s\n' "$*" >&2; }

missing=()
command -v tcpdump >/dev/null || missing+=(tcpdump)
command -v tshark >/dev/null || missing+=(tshark)
[[ -x /usr/bin/time ]] || missing+=(time)
if ((${#missing[@]})); then
    if [[ $(id -u) -eq 0 ]]; then
        log "installing ${missing[*]}"
        echo "wireshark-common wireshark-common/install-setuid boolean false" | debconf-set-selections
        DEBIAN_FRONTEND=noninteractive apt-get update -qq >&2
        DEBIAN_FRONTEND=noninteractive apt-get install -y -qq -o DPkg::Lock::Timeout=600 "${missing[@]}" >&2
    else
        log "missing: ${missing[*]} (sudo apt-get install -y ${missing[*]}); their rows will be skipped"
    fi
fi

log "building (Release)"
dotnet build bench/AutoRespond.Bench -c Release -nologo -v quiet >&2
dotnet build src/Host -c Release -nologo -v quiet >&2
BENCH="dotnet bench/AutoRespond.Bench/bin/Release/net10.0/AutoRespond.Bench.dll"
CLI="dotnet src/Host/bin/Release/net10.0/autorespond.dll"
mkdir -p "$WORK"
[[ -s $FILE ]] || { log "generating $FILE ($PACKETS packets, $FLOWS concurrent flows)"; $BENCH generate "$FILE" "$PACKETS" "$FLOWS" >&2; }
cat "$FILE" >/dev/null   # page cache: every contender reads from memory

# best WALL_SECONDS PEAK_RSS_MIB of RUNS runs of a command (GNU time when present).
measure() {
    local best=999999 rss=0 out t r
    for _ in $(seq "$RUNS"); do
        if [[ -x /usr/bin/time ]]; then
            /usr/bin/time -f 'TIME %e %M' -o "$WORK/time.txt" "$@" >/dev/null 2>&1 || true
            out=$(grep '^TIME' "$WORK/time.txt" || true)
            t=$(awk '{print $2}' <<<"$out"); r=$(awk '{printf "%.0f", $3/1024}' <<<"$out")
        else
            local s=$EPOCHREALTIME; "$@" >/dev/null 2>&1; t=$(echo "$EPOCHREALTIME - $s" | bc); r=0
        fi
        if (( $(echo "$t < $best" | bc) )); then best=$t; rss=$r; fi
    done
    echo "$best $rss"
}

row() { # name seconds rss note
    local mpps; mpps=$(echo "scale=3; $PACKETS / $2 / 1000000" | bc)
    printf '| %s | %s | %s | %s | %s |\n' "$1" "$2" "$mpps" "$3" "$4"
}

echo "Machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs), $(free -g | awk '/Mem:/{print $2}') GiB; load $(cut -d' ' -f1-3 /proc/loadavg)"
echo "File: $FILE, $PACKETS packets, $(du -m "$FILE" | cut -f1) MiB; best of $RUNS runs each"
echo
echo "| what | best wall s | Mpps | peak RSS MiB | note |"
echo "| --- | --- | --- | --- | --- |"
for mode in libpcap managed flows-bare-warm flows-warm sensor sensor-warm; do
    log "bench $mode"
    best=""; for _ in $(seq "$RUNS"); do line=$($BENCH $mode "$FILE"); s=$(grep -o 'seconds=[0-9.]*' <<<"$line" | cut -d= -f2)
        if [[ -z $best ]] || (( $(echo "$s < $best" | bc) )); then best=$s; bestline=$line; fi; done
    rss=$(grep -o 'peak_rss_mib=[0-9.]*' <<<"$bestline" | cut -d= -f2)
    alloc=$(grep -o 'alloc_bytes_per_packet=[0-9.]*' <<<"$bestline" | cut -d= -f2)
    case $mode in
        libpcap) note="SharpPcap CaptureFileReaderDevice + GetNextPacketPointers, no parse (the libpcap ceiling)";;
        managed) note="the sensor's own pcap reader, no parse";;
        flows-bare-warm) note="reader + decoder + flow table (Zeek conn semantics, records built), no dissectors; second pass in the process (JIT warm); $(grep -o 'bytes_per_flow=[0-9]*' <<<"$bestline") table bytes per tracked flow at the peak of $(grep -o 'peak_flows=[0-9]*' <<<"$bestline" | cut -d= -f2) flows";;
        flows-warm) note="what \`flows\` runs (flow table + dissectors, for the service column), second pass in the process (JIT warm)";;
        sensor) note="reader + SensorEngine (decode, flows, dissectors, devices; events discarded), first pass (JIT cold); $alloc B allocated/packet incl. per-flow records";;
        sensor-warm) note="the same, second pass in the process (JIT warm, as a running sensor)";;
    esac
    row "bench $mode (in process)" "$best" "$rss" "$note"
done
log "autorespond flows --format none"
read -r t r < <(measure $CLI flows "$FILE" --format none); row '`autorespond flows --format none`' "$t" "$r" "the whole CLI process, start-up included"
if command -v tcpdump >/dev/null; then
    log "tcpdump"; read -r t r < <(measure tcpdump -r "$FILE" -w /dev/null); row '`tcpdump -r FILE -w /dev/null`' "$t" "$r" "copies packets only"
fi
if command -v tshark >/dev/null; then
    log "tshark (slow)"; read -r t r < <(RUNS=1 measure tshark -r "$FILE" -q -z conv,tcp); row '`tshark -r FILE -q -z conv,tcp`' "$t" "$r" "one run (it is slow)"
fi
