#!/usr/bin/env bash
# Runs a command beside a private cupsd on loopback with three raw queues, bench1, bench2 and bench3, aimed at
# stand-in port-9100 printers (python3 listeners that read each job and close), with CUPS_SERVER pointing at it:
#   bash Benchmarks/with-private-cups.sh .build/release/lanyard-bench printing --printers bench1,bench2,bench3
# Run as root from the repository root after `swift build -c release`. Everything it starts is stopped at the end.
set -euo pipefail
[ $# -gt 0 ] || { echo "usage: $0 COMMAND [ARGUMENTS...]" >&2; exit 64; }
dir=$(mktemp -d /tmp/lanyard-private-cups.XXXX)
free_port() { python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'; }
port=$(free_port)
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
lpstat -h 127.0.0.1:$port -r >/dev/null 2>&1 || { echo "the private cupsd did not start:" >&2; cat "$dir/log/error_log" >&2 || true; exit 69; }
for i in 1 2 3; do
    lpadmin -h 127.0.0.1:$port -p "bench$i" -E -v "socket://127.0.0.1:$((19100 + i))" -m raw
done
CUPS_SERVER=127.0.0.1:$port "$@"
