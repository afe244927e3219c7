# shellcheck shell=bash
# Build once, run each test project in turn (MTP mode), count results from the xUnit XML reports.

AR_PASSED=0
AR_FAILED=0
AR_SKIPPED=0
AR_BROKEN=() # projects that crashed, timed out or were not runnable
AR_CHILD=    # the running test project's process group

export DOTNET_NOLOGO=1 DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1

dotnet_build() {
    local sln=$1 logf=$2 attempt
    for attempt in 1 2 3; do
        log "build: dotnet build $sln -c Release (attempt $attempt)"
        if dotnet build "$sln" -c Release -nologo 2>&1 | tee "$logf" >&2; then
            return 0
        fi
        # Another build on the same machine may hold an output file; anything else is a real failure.
        grep -qE 'MSB3021|MSB3027|being used by another process' "$logf" || return 1
        warn "build: file lock held by another process; retrying in 10 s"
        sleep 10
    done
    return 1
}

# test_projects SLN: the solution's test projects (*Tests.csproj), one path per line.
test_projects() { dotnet sln "$1" list 2>/dev/null | tr '\\' '/' | grep -E 'Tests\.csproj$' || true; }

# xml_attr FILE NAME: attribute NAME of the <assembly> element of an xUnit v2+ XML report.
xml_attr() {
    grep -o '<assembly [^>]*>' "$1" | head -n 1 | grep -oE " $2=\"[0-9]+\"" | grep -oE '[0-9]+' || echo 0
}

# run_test_project CSPROJ RESULTS_DIR [EXTRA ARGS...]: runs it, adds its counts to the totals.
run_test_project() {
    local proj=$1 results=$2 name rc=0 start=$SECONDS
    shift 2
    name=$(basename "$proj" .csproj)
    log "test: $name"
    # In its own process group, waited for in the background: a TERM/INT to this script interrupts the wait at
    # once and stop_test_child() ends the whole tree (dotnet test and its test host), instead of waiting for it.
    setsid timeout --kill-after=30s "${AR_PROJECT_TIMEOUT:-900}" \
        dotnet test --project "$proj" -c Release --no-build --results-directory "$results" \
        --report-xunit-xml --report-xunit-xml-filename "$name.xml" \
        --report-xunit-trx --report-xunit-trx-filename "$name.trx" "$@" >&2 &
    AR_CHILD=$!
    wait "$AR_CHILD" || rc=$?
    AR_CHILD=

    local xml=$results/$name.xml passed=0 failed=0 skipped=0 errors=0
    if [[ -f $xml ]]; then
        passed=$(xml_attr "$xml" passed)
        failed=$(xml_attr "$xml" failed)
        skipped=$(xml_attr "$xml" skipped)
        errors=$(xml_attr "$xml" errors)
    fi
    case $rc in
        0 | 2 | 8) ;; # 2: some tests failed (counted below); 8: this project ran zero tests (fine on its own)
        124 | 137) AR_BROKEN+=("$name (timed out after ${AR_PROJECT_TIMEOUT:-900} s)") ;;
        *) AR_BROKEN+=("$name (dotnet test exit $rc)") ;;
    esac
    if [[ ($rc == 0 || $rc == 2) && ! -f $xml ]]; then
        AR_BROKEN+=("$name (no report: $xml)")
    elif [[ $rc == 2 && $((failed + errors)) == 0 ]]; then
        AR_BROKEN+=("$name (exit 2 but no failure in $xml)")
    fi
    AR_PASSED=$((AR_PASSED + passed))
    AR_FAILED=$((AR_FAILED + failed + errors))
    AR_SKIPPED=$((AR_SKIPPED + skipped))
    log "test: $name: $passed passed, $((failed + errors)) failed, $skipped skipped (exit $rc, $((SECONDS - start)) s)"
    if ((failed > 0)); then
        grep -o '<test [^>]*result="Fail"' "$xml" | grep -o ' name="[^"]*"' | sed 's/^ name="\(.*\)"$/    FAILED \1/' >&2 || true
    fi
}

stop_test_child() {
    [[ -n ${AR_CHILD:-} ]] || return 0
    log "stopping the running test project"
    kill -TERM -- "-$AR_CHILD" 2>/dev/null
    local i
    for i in $(seq 1 20); do kill -0 -- "-$AR_CHILD" 2>/dev/null || break; sleep 0.5; done
    kill -KILL -- "-$AR_CHILD" 2>/dev/null
    AR_CHILD=
    return 0
}

# summary_line: the one line CI reads.
summary_line() {
    local line="$AR_PASSED passed, $((AR_FAILED + ${#AR_BROKEN[@]})) failed"
    ((AR_SKIPPED > 0)) && line+=", $AR_SKIPPED skipped"
    echo "$line"
}
