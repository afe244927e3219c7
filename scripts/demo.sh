#!/usr/bin/env bash
# The demo: simulate an attack capture, replay it through sensor, brain and response engine on the
# embedded defaults (in-memory bus, no database, dry-run), and print the table view.
# Usage: bash scripts/demo.sh [extra 'autorespond demo' options, e.g. --format jsonl]
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

command -v dotnet >/dev/null 2>&1 || { echo "demo.sh: dotnet not found: install the .NET 10 SDK and put it on PATH" >&2; exit 1; }
if command -v dpkg-query >/dev/null 2>&1 &&
    [[ $(dpkg-query -W -f='${db:Status-Status}' libpcap0.8 2>/dev/null) != installed ]]; then
    if [[ $(id -u) -eq 0 ]]; then
        echo "demo.sh: installing libpcap0.8 (live capture uses libpcap)" >&2
        DEBIAN_FRONTEND=noninteractive apt-get update -qq -o DPkg::Lock::Timeout=600 >&2
        DEBIAN_FRONTEND=noninteractive apt-get install -y -qq -o DPkg::Lock::Timeout=600 libpcap0.8 >&2
    else
        echo "demo.sh: libpcap0.8 is missing; install it with:" >&2
        echo "  sudo DEBIAN_FRONTEND=noninteractive apt-get install -y libpcap0.8" >&2
        exit 1
    fi
fi
echo "demo.sh: building (first run restores packages; this takes a minute)…" >&2
dotnet build src/Host -c Release -nologo -v quiet >&2
exec dotnet src/Host/bin/Release/net10.0/autorespond.dll demo "$@"
