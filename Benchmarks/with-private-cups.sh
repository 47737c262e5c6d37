#!/usr/bin/env bash
# The printing figures: starts a private cupsd on loopback with three raw queues aimed at stand-in port-9100
# printers (python3 listeners that read each job and close), then runs `lanyard-bench printing`. Run as root from
# the repository root after `swift build -c release`. Everything it starts is stopped at the end.
set -euo pipefail
bench=${LANYARD_BENCH:-.build/release/lanyard-bench}
dir=$(mktemp -d /tmp/lanyard-print-bench.XXXX)
port=18631
mkdir -p "$dir"/{spool,cache,state,tmp,log}
chown -R lp:lp "$dir"/spool "$dir"/cache "$dir"/state
chmod 1777 "$dir/tmp"
allow=$'  Order allow,deny\n  Allow from 127.0.0.1'
cat > "$dir/cupsd.conf" <<CONF
Listen 127.0.0.1:$port
WebInterface No
Browsing Off
DefaultAuthType None
<Location />
$allow
</Location>
<Location /admin>
$allow
</Location>
<Policy default>
  <Limit All>
$allow
  </Limit>
</Policy>
CONF
cat > "$dir/cups-files.conf" <<CONF
ServerRoot $dir
RequestRoot $dir/spool
CacheDir $dir/cache
StateDir $dir/state
TempDir $dir/tmp
AccessLog $dir/log/access_log
ErrorLog $dir/log/error_log
PageLog $dir/log/page_log
ServerBin /usr/lib/cups
DataDir /usr/share/cups
User lp
Group lp
CONF
cupsd -f -c "$dir/cupsd.conf" -s "$dir/cups-files.conf" </dev/null >/dev/null 2>&1 &
cupsd_pid=$!
listeners=()
cleanup() { kill "$cupsd_pid" "${listeners[@]}" 2>/dev/null || true; wait 2>/dev/null || true; rm -rf "$dir"; }
trap cleanup EXIT
for i in 1 2 3; do
    python3 -c '
import socket, sys
s = socket.socket(); s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
s.bind(("127.0.0.1", int(sys.argv[1]))); s.listen(16)
while True:
    c, _ = s.accept()
    while c.recv(65536): pass
    c.close()
' $((19100 + i)) &
    listeners+=($!)
done
for _ in $(seq 50); do lpstat -h 127.0.0.1:$port -r >/dev/null 2>&1 && break; sleep 0.1; done
for i in 1 2 3; do
    lpadmin -h 127.0.0.1:$port -p "bench$i" -E -v "socket://127.0.0.1:$((19100 + i))" -m raw 2>/dev/null
done
CUPS_SERVER=127.0.0.1:$port "$bench" printing --printers bench1,bench2,bench3 --check-ins "${CHECKINS:-100}" --scratch "$dir/out" "$@"
