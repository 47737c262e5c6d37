#!/usr/bin/env bash
# Creates (or replaces) a CUPS queue for a Lanyard printer profile. Run as root (or a user in lpadmin).
#
#   Hardware/cups/add-printer.sh PROFILE DEVICE-URI [QUEUE-NAME]
#
# DEVICE-URI: socket://HOST:9100 (network label printers), ipp://HOST/ipp/print (IPP Everywhere), or a USB URI
# as `lpinfo -v` lists it (usb://Zebra%20Technologies/ZTC%20ZD421-203dpi?serial=…).
# The queue is named after the profile unless a name is given, so `lanyard print --printer PROFILE` finds it.
# CUPS_SERVER=host:port selects another server (the tests use a private one).
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
profile=${1:?profile name, one of: $(ls "$here/printers" | sed 's/\.yaml$//' | tr '\n' ' ')}
uri=${2:?device URI, e.g. socket://192.0.2.10:9100}
queue=${3:-$profile}
file="$here/printers/$profile.yaml"
[ -f "$file" ] || { echo "add-printer: no profile $profile in $here/printers" >&2; exit 1; }
field() { sed -n "s/^$1: *//p" "$file" | head -1; }
model=$(field model)
media=$(field media)
server=()
[ -n "${CUPS_SERVER:-}" ] && server=(-h "$CUPS_SERVER")
args=(-p "$queue" -E -v "$uri" -D "$(field description)" -o printer-error-policy=abort-job)
case "$model" in
    raw) args+=(-m raw) ;;
    *) args+=(-m "$model") ;;
esac
[ -n "$media" ] && args+=(-o "media=$media")
if ! out=$(lpadmin "${server[@]}" "${args[@]}" 2>&1); then echo "$out" >&2; exit 1; fi
cupsenable "${server[@]}" "$queue"
cupsaccept "${server[@]}" "$queue"
echo "Queue $queue → $uri ($profile)."
