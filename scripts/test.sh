#!/usr/bin/env bash
# THE test command: bash scripts/test.sh [--project tests/X.Tests]... [--no-build] [extra dotnet test args]
#
# Installs missing Debian packages (as root), starts RabbitMQ and a throwaway PostgreSQL on loopback,
# builds AutoRespond.sln once, runs every test project in turn and ends with one stdout line:
#   N passed, N failed[, N skipped]
# Exit status is non-zero on any failure, a failed build, or when zero tests ran. Progress goes to stderr;
# reports go to artifacts/test-results (xUnit XML + TRX per project). Services are stopped on any exit.
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$ROOT"
AR_T0=$SECONDS
for lib in common packages rabbitmq postgres dotnet; do
    # shellcheck source=/dev/null
    source "$ROOT/scripts/lib/$lib.sh"
done

usage() {
    sed -n '2,8p' "$ROOT/scripts/test.sh" | sed 's/^# \{0,1\}//' >&2
    exit 2
}

PROJECTS=()
EXTRA=()
BUILD=1
while (($#)); do
    case $1 in
        --project) [[ $# -ge 2 ]] || usage; PROJECTS+=("$2"); shift 2 ;;
        --project=*) PROJECTS+=("${1#*=}"); shift ;;
        --no-build) BUILD=0; shift ;;
        -h | --help) usage ;;
        --) shift; EXTRA+=("$@"); break ;;
        *) EXTRA+=("$1"); shift ;;
    esac
done

SLN=AutoRespond.sln
RESULTS=$ROOT/artifacts/test-results
AR_DONE=0
AR_POLICY_RC_D=

finish() {
    local rc=$?
    set +e
    trap - EXIT
    trap "" INT TERM # let the clean-up finish
    stop_test_child
    [[ -n ${AR_POLICY_RC_D:-} ]] && rm -f "$AR_POLICY_RC_D"
    rabbitmq_stop
    postgres_stop
    if ((!AR_DONE)); then
        log "stopped early (exit $rc)"
        ((rc == 0)) && rc=1
    fi
    log "total time: $((SECONDS - AR_T0)) s"
    summary_line
    exit "$rc"
}
trap finish EXIT
trap 'log "interrupted"; exit 130' INT
trap 'log "terminated"; exit 143' TERM

ensure_packages
rabbitmq_start
postgres_start

if ((BUILD)); then
    mkdir -p "$ROOT/artifacts"
    dotnet_build "$SLN" "$ROOT/artifacts/build.log" || die "build failed (log: artifacts/build.log)"
fi

FULL_RUN=0
if ((${#PROJECTS[@]} == 0)); then
    mapfile -t PROJECTS < <(test_projects "$SLN")
    FULL_RUN=1
fi
((${#PROJECTS[@]} > 0)) || die "no test projects found in $SLN"

rm -rf "$RESULTS"
mkdir -p "$RESULTS"
log "running ${#PROJECTS[@]} test project(s); reports in ${RESULTS#"$ROOT"/}"
for proj in "${PROJECTS[@]}"; do
    run_test_project "$proj" "$RESULTS" "${EXTRA[@]}"
done

# The short fault test (issue 8): the roles as separate processes, a responder killed mid-action and the broker killed
# and restarted, then the ledger reconciled. It owns its broker and database, so the suite's are stopped first. Counted
# as one test; skipped with --project (a partial run) or AR_SKIP_FAULT_TEST=1.
if ((FULL_RUN)) && [[ ${AR_SKIP_FAULT_TEST:-0} != 1 ]]; then
    rabbitmq_stop
    postgres_stop
    unset AR_TEST_RABBITMQ AR_TEST_RABBITMQ_MANAGEMENT AR_TEST_POSTGRES
    if ! is_root; then
        log "fault test: SKIPPED (it starts and kills its own RabbitMQ, which needs root)"
        AR_SKIPPED=$((AR_SKIPPED + 1))
    else
        log "fault test: scripts/fault-test.sh --short (logs: artifacts/fault-test/)"
        fault_rc=0
        fault_line=$(timeout --kill-after=30s 600 bash "$ROOT/scripts/fault-test.sh" --short --no-build 2>"$ROOT/artifacts/fault-test.log" | tail -n 1) || fault_rc=$?
        log "fault test: ${fault_line:-no result} (exit $fault_rc)"
        if ((fault_rc == 0)); then AR_PASSED=$((AR_PASSED + 1)); else AR_FAILED=$((AR_FAILED + 1)); tail -n 30 "$ROOT/artifacts/fault-test.log" >&2; fi
    fi
fi

for broken in "${AR_BROKEN[@]}"; do log "BROKEN: $broken"; done
AR_DONE=1
if ((AR_FAILED > 0 || ${#AR_BROKEN[@]} > 0)); then
    log "FAILED"
    exit 1
fi
if ((AR_PASSED == 0)); then
    log "zero tests ran"
    exit 1
fi
log "OK"
exit 0
