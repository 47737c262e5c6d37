#!/usr/bin/env bash
# Runs a command beside a private PostgreSQL 15 server on loopback (a cluster in a temporary folder, run as the
# postgres user, trust authentication), with an empty database for it appended as --store URL:
#   bash Benchmarks/with-private-postgres.sh .build/release/lanyard-bench hubs
# Run as root from the repository root after `swift build -c release`. The server is stopped and removed at the end.
set -euo pipefail
[ $# -gt 0 ] || { echo "usage: $0 COMMAND [ARGUMENTS...]" >&2; exit 64; }
bin=/usr/lib/postgresql/15/bin
dir=$(mktemp -d /tmp/lanyard-private-postgres.XXXX)
chown postgres:postgres "$dir"
port=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
runuser -u postgres -- "$bin/initdb" -D "$dir/data" -U lanyard -A trust -E UTF8 --locale C.UTF-8 >/dev/null
runuser -u postgres -- "$bin/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w \
    -o "-p $port -k $dir -c listen_addresses=127.0.0.1" start >/dev/null
trap 'runuser -u postgres -- "$bin/pg_ctl" -D "$dir/data" -m fast -w stop >/dev/null; rm -rf "$dir"' EXIT
runuser -u postgres -- "$bin/createdb" -h 127.0.0.1 -p "$port" -U lanyard lanyard
"$@" --store "postgres://lanyard@127.0.0.1:$port/lanyard?sslmode=disable"
