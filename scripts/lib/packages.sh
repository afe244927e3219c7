# shellcheck shell=bash
# Debian packages the tests need. As root, installs what is missing; otherwise prints the sudo line and fails.

pkg_installed() { [[ $(dpkg-query -W -f='${db:Status-Status}' "$1" 2>/dev/null) == installed ]]; }

# postgres_bindir: directory holding initdb/pg_ctl (not reliably on PATH), or nothing.
postgres_bindir() {
    local d
    for d in $(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -Vr); do
        [[ -x $d/initdb && -x $d/pg_ctl ]] && { echo "$d"; return; }
    done
    if command -v pg_config >/dev/null 2>&1; then
        d=$(pg_config --bindir 2>/dev/null || true)
        [[ -n $d && -x $d/initdb && -x $d/pg_ctl ]] && { echo "$d"; return; }
    fi
    if command -v initdb >/dev/null 2>&1 && command -v pg_ctl >/dev/null 2>&1; then
        dirname "$(readlink -f "$(command -v initdb)")"
    fi
}

ensure_packages() {
    command -v dotnet >/dev/null 2>&1 || die "dotnet not found: install the .NET 10 SDK (https://dot.net) and put it on PATH"
    command -v dpkg-query >/dev/null 2>&1 || die "dpkg-query not found: this script supports Debian 12 (bookworm)"

    local missing=() p
    # chromium + chromium-driver: the console browser test; poppler-utils + fonts-dejavu-core: PDF reports;
    # nftables + iproute2 + python3: the nftables executor and its namespace tests (TCP endpoints).
    for p in libpcap0.8 rabbitmq-server chromium chromium-driver poppler-utils fonts-dejavu-core nftables iproute2 python3 curl; do pkg_installed "$p" || missing+=("$p"); done
    command -v tshark >/dev/null 2>&1 || pkg_installed tshark || missing+=(tshark)
    [[ -n $(postgres_bindir) ]] || missing+=(postgresql-15)
    ((${#missing[@]} == 0)) && { log "packages: all present"; return; }

    local line="apt-get install -y -o DPkg::Lock::Timeout=600 ${missing[*]}"
    if ! is_root; then
        log "missing packages: ${missing[*]}. Install them, then run this script again:"
        printf '  sudo DEBIAN_FRONTEND=noninteractive %s\n' "$line" >&2
        [[ " ${missing[*]} " == *" tshark "* ]] &&
            printf '  (first: echo "wireshark-common wireshark-common/install-setuid boolean false" | sudo debconf-set-selections)\n' >&2
        exit 1
    fi

    log "installing: ${missing[*]}"
    export DEBIAN_FRONTEND=noninteractive
    if [[ " ${missing[*]} " == *" tshark "* ]]; then
        echo "wireshark-common wireshark-common/install-setuid boolean false" | debconf-set-selections
    fi
    # No systemd here: keep maintainer scripts from starting rabbitmq-server (on 0.0.0.0) or the 15/main cluster.
    local policy=/usr/sbin/policy-rc.d added_policy=0
    if [[ ! -e $policy ]]; then
        printf '#!/bin/sh\nexit 101\n' >"$policy" && chmod 755 "$policy" && added_policy=1
        AR_POLICY_RC_D=$policy
    fi
    local rc=0
    apt-get update -qq -o DPkg::Lock::Timeout=600 >&2 &&
        apt-get install -y -qq -o DPkg::Lock::Timeout=600 "${missing[@]}" >&2 || rc=$?
    if ((added_policy)); then rm -f "$policy"; AR_POLICY_RC_D=; fi
    ((rc == 0)) || die "apt-get install ${missing[*]} failed (exit $rc)"
    [[ -n $(postgres_bindir) ]] || die "PostgreSQL installed but initdb/pg_ctl not found"
    log "installed: ${missing[*]}"
}
