#!/usr/bin/env bash
# Installs the Debian 12 packages Lanyard builds, runs and tests with. Idempotent; quiet unless it fails.
# Run as root. The Swift toolchain itself (6.1 or later) is expected on PATH.
set -euo pipefail

packages=(
    pkg-config libsqlite3-dev sqlite3        # the store (GRDB links the system SQLite)
    libqrencode-dev                           # QR codes on badges
    libcsv-dev                                # roster import: CSV parsing
    libicu-dev                                # search: romanising names with ICU's transliterators
    libpango1.0-dev libcairo2-dev             # badge rendering: text shaping for every script, PDF and PNG
    fonts-noto-core                           # Latin, Greek, Cyrillic, Armenian and Georgian glyphs
    libcups2-dev cups cups-client cups-filters  # printing, and the private cupsd the tests start
    zbar-tools poppler-utils                  # tests read QR codes back from rendered badges and PDFs
    chromium chromium-driver                  # tests drive the station's pages in a real headless browser
    postgresql                                # hubs sharing one event in PostgreSQL; the tests start their own server
)

missing=()
for package in "${packages[@]}"; do
    dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed" || missing+=("$package")
done
[ ${#missing[@]} -eq 0 ] && exit 0

log=$(mktemp)
trap 'rm -f "$log"' EXIT
if ! { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}"; } >"$log" 2>&1; then
    cat "$log" >&2
    echo "install-dependencies: installing ${missing[*]} failed (output above)." >&2
    exit 1
fi
