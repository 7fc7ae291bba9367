#!/bin/sh
# Installs the bench's peers from Debian's archive, idempotently: piuparts and python3-testinfra
# (run with Debian's /usr/bin/python3). Nothing happens when both are there.
set -eu
missing=""
dpkg -s piuparts >/dev/null 2>&1 || missing="$missing piuparts"
dpkg -s python3-testinfra >/dev/null 2>&1 || missing="$missing python3-testinfra"
[ -z "$missing" ] && exit 0
if [ "$(id -u)" != 0 ] || ! command -v apt-get >/dev/null 2>&1; then
  echo "setup-peers: missing$missing; install them from Debian (apt-get install$missing) as root" >&2
  exit 2
fi
echo "setup-peers: installing$missing from Debian..." >&2
apt-get update -q >/dev/null
# shellcheck disable=SC2086 # one word per package
DEBIAN_FRONTEND=noninteractive apt-get install -y -q -o DPkg::Lock::Timeout=300 $missing >/dev/null
