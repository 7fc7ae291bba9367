#!/bin/sh
# A second Docker Engine that sees cgroup v2, on a machine that mounts cgroup v1: how the
# project checks its cgroup v2 code paths (private cgroup namespace, the host image's
# remount) where most laptops and CI runners are v2 but these machines are not.
#
#   sh scripts/cgroup-v2-engine.sh start          # prints the DOCKER_HOST to use
#   sh scripts/cgroup-v2-engine.sh copy-images IMAGE...   # from the machine's engine, no rebuild
#   sh scripts/cgroup-v2-engine.sh stop           # leaves nothing: engine, bridge, rules, data
#   sh scripts/cgroup-v2-engine.sh leftovers      # what of it is on the machine (empty: nothing)
#
# start and stop are idempotent: each piece is created or removed only when it is (not) there.
# The kernel offers cgroup2 even where the machine mounts v1; dockerd sees v2 when it runs in
# a mount namespace of its own with cgroup2 mounted on /sys/fs/cgroup (only the hugetlb
# controller is free there, which is enough for systemd hosts).
#
# It has a bridge of its own: with --bridge=none dockerd DELETES docker0, the interface of
# the machine's engine, and every run on that engine fails until it is restarted. The bridge
# gets the NAT and FORWARD rules by hand (--iptables=false), so that its hosts reach Debian's
# archive without this engine touching the rules of the machine's one.
#
# Exit codes: 0 done; 2 failed; 3 not applicable here (not root, or the machine is already
# cgroup v2: use its own engine then).
set -eu

NAME=${WAZO_CGROUP2_NAME:-wazo-cgroup2}
BRIDGE=${WAZO_CGROUP2_BRIDGE:-wazocg2br0}
# The bridge's address and subnet: a /24 no other interface of these machines uses.
BRIDGE_CIDR=${WAZO_CGROUP2_BRIDGE_CIDR:-172.31.240.1/24}
SUBNET=${WAZO_CGROUP2_SUBNET:-172.31.240.0/24}
STATE=/var/lib/$NAME
DATA_ROOT=$STATE/data
EXEC_ROOT=/var/run/$NAME
SOCKET=/var/run/$NAME.sock
PIDFILE=/var/run/$NAME.pid
LOG=$STATE/dockerd.log
# Its containers' cgroups: not under /docker, which the machine's engine also uses in the
# same (the kernel's one) cgroup2 hierarchy, so that stop can remove them all.
CGROUP_PARENT=/$NAME
DOCKER_HOST_URL=unix://$SOCKET

say() { echo "cgroup-v2-engine: $*" >&2; }

# The NAT and FORWARD rules this engine needs, one per line, as iptables arguments after the
# chain operation (the same list adds, checks and deletes them).
rules() {
  echo "-t nat POSTROUTING -s $SUBNET ! -o $BRIDGE -j MASQUERADE"
  echo "-t filter FORWARD -i $BRIDGE -j ACCEPT"
  echo "-t filter FORWARD -o $BRIDGE -j ACCEPT"
}

# iptables OP with one of rules(): "-t TABLE CHAIN RULE..." -> "-t TABLE OP CHAIN RULE...".
rule() {
  op=$1
  shift
  table_flag=$1 table=$2 chain=$3
  shift 3
  iptables "$table_flag" "$table" "$op" "$chain" "$@"
}

engine_pid() {
  [ -f "$PIDFILE" ] || return 1
  pid=$(cat "$PIDFILE")
  [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null && echo "$pid"
}

engine_answers() { DOCKER_HOST=$DOCKER_HOST_URL docker info >/dev/null 2>&1; }

machine_is_cgroup_v2() { [ "$(stat -fc %T /sys/fs/cgroup)" = cgroup2fs ]; }

applicable() {
  if [ "$(id -u)" != 0 ]; then
    say "needs root (a bridge, iptables rules, a mount namespace); not started"
    exit 3
  fi
  if machine_is_cgroup_v2; then
    say "this machine mounts cgroup v2 already: its own engine checks the cgroup v2 code paths"
    exit 3
  fi
}

start_network() {
  if ! ip link show "$BRIDGE" >/dev/null 2>&1; then
    # A route that already covers the address belongs to someone else (docker0, a network of
    # the machine's engine): two bridges on one subnet would break both.
    taken=$(ip -4 route show match "${BRIDGE_CIDR%/*}" | grep -v '^default' || true)
    if [ -n "$taken" ]; then
      say "$BRIDGE_CIDR is already routed ($taken): set WAZO_CGROUP2_BRIDGE_CIDR and WAZO_CGROUP2_SUBNET to a free /24"
      exit 2
    fi
    ip link add "$BRIDGE" type bridge
    ip addr add "$BRIDGE_CIDR" dev "$BRIDGE"
  fi
  ip link set "$BRIDGE" up
  # Containers of this bridge reach the archive only through the machine's forwarding.
  [ "$(cat /proc/sys/net/ipv4/ip_forward)" = 1 ] || echo 1 >/proc/sys/net/ipv4/ip_forward
  rules | while read -r spec; do
    # shellcheck disable=SC2086 # the spec is split into iptables arguments on purpose
    rule -C $spec 2>/dev/null || rule -I $spec
  done
}

wait_until_answers() {
  i=0
  until engine_answers; do
    i=$((i + 1))
    if [ "$i" -ge 60 ]; then
      say "dockerd did not answer within 30 s; its log:"
      tail -n 30 "$LOG" >&2 || true
      exit 2
    fi
    sleep 0.5
  done
}

start_engine() {
  mkdir -p "$DATA_ROOT" "$EXEC_ROOT"
  say "starting dockerd on $SOCKET (log: $LOG)"
  # setsid: the engine outlives this script and the caller's terminal or test process.
  # unshare's namespace dies with its last process, and with it every mount dockerd made.
  # shellcheck disable=SC2016 # $1.. are the inner shell's arguments
  setsid unshare -m --propagation private sh -c '
    mount -t cgroup2 none /sys/fs/cgroup &&
    exec dockerd --data-root "$1" --exec-root "$2" -H "$3" --pidfile "$4" \
      --bridge="$5" --iptables=false --ip-masq=false --cgroup-parent="$6"
  ' dockerd "$DATA_ROOT" "$EXEC_ROOT" "$DOCKER_HOST_URL" "$PIDFILE" "$BRIDGE" "$CGROUP_PARENT" \
    >"$LOG" 2>&1 </dev/null &
  wait_until_answers
  # The namespace, recorded: stop finds containerd and shims a killed dockerd left in it.
  readlink "/proc/$(engine_pid)/ns/mnt" >"$STATE/mount-namespace"
  version=$(DOCKER_HOST=$DOCKER_HOST_URL docker info --format '{{.CgroupVersion}}')
  if [ "$version" != 2 ]; then
    say "the engine started but reports cgroup v$version, not v2"
    exit 2
  fi
}

cmd_start() {
  applicable
  start_network
  if engine_pid >/dev/null; then
    wait_until_answers
    say "already running (pid $(engine_pid))"
  else
    start_engine
    say "cgroup v2 engine ready: DOCKER_HOST=$DOCKER_HOST_URL"
  fi
  echo "$DOCKER_HOST_URL"
}

# Images from the machine's engine: same ids, so the harness's hash-named tags still match
# (the host image's tag hashes the base image's id) and nothing is rebuilt.
cmd_copy_images() {
  [ "$#" -gt 0 ] || return 0
  missing=""
  for image in "$@"; do
    DOCKER_HOST=$DOCKER_HOST_URL docker image inspect "$image" >/dev/null 2>&1 || missing="$missing $image"
  done
  [ -n "$missing" ] || return 0
  say "copying$missing from the machine's engine"
  # shellcheck disable=SC2086 # one image name a word
  env -u DOCKER_HOST docker save $missing | DOCKER_HOST=$DOCKER_HOST_URL docker load >/dev/null
}

stop_engine() {
  pid=$(engine_pid) || return 0
  say "stopping dockerd (pid $pid): its containers stop with it"
  kill -TERM "$pid"
  i=0
  while kill -0 "$pid" 2>/dev/null; do
    i=$((i + 1))
    if [ "$i" -ge 120 ]; then
      say "dockerd did not stop within 60 s: killing it"
      kill -KILL "$pid" 2>/dev/null || true
    fi
    sleep 0.5
  done
}

# Every process still in the engine's mount namespace (containerd, shims left by a killed
# dockerd): the namespace, and the mounts dockerd made in it, go only with the last of them.
namespace_processes() {
  [ -f "$STATE/mount-namespace" ] || return 0
  namespace=$(cat "$STATE/mount-namespace")
  for proc in /proc/[0-9]*; do
    [ "$(readlink "$proc/ns/mnt" 2>/dev/null)" = "$namespace" ] && echo "${proc#/proc/}"
  done
  return 0
}

# shellcheck disable=SC2016 # $1 is the inner shell's argument
remove_cgroups() {
  unshare -m --propagation private sh -c '
    mount -t cgroup2 none /sys/fs/cgroup &&
    if [ -d "/sys/fs/cgroup$1" ]; then find "/sys/fs/cgroup$1" -depth -type d -exec rmdir {} +; fi
  ' remove-cgroups "$CGROUP_PARENT"
}

# shellcheck disable=SC2016 # $1 is the inner shell's argument
cgroups_left() {
  unshare -m --propagation private sh -c 'mount -t cgroup2 none /sys/fs/cgroup && [ -d "/sys/fs/cgroup$1" ]' cgroups-left "$CGROUP_PARENT"
}

cmd_stop() {
  [ "$(id -u)" = 0 ] || { say "needs root"; exit 3; }
  stop_engine
  for pid in $(namespace_processes); do kill -KILL "$pid" 2>/dev/null || true; done
  i=0
  while [ -n "$(namespace_processes)" ] && [ "$i" -lt 20 ]; do i=$((i + 1)); sleep 0.5; done
  rules | while read -r spec; do
    # shellcheck disable=SC2086
    while rule -C $spec 2>/dev/null; do rule -D $spec; done
  done
  if ip link show "$BRIDGE" >/dev/null 2>&1; then ip link del "$BRIDGE"; fi
  if ! machine_is_cgroup_v2; then remove_cgroups; fi
  rm -rf "$STATE" "$EXEC_ROOT"
  rm -f "$SOCKET" "$PIDFILE"
  left=$(cmd_leftovers)
  if [ -n "$left" ]; then
    say "left after stop:"
    echo "$left" >&2
    exit 2
  fi
  say "stopped; nothing of it is left"
}

# One line for each piece of the engine still on the machine; none when it is all gone.
cmd_leftovers() {
  if pid=$(engine_pid); then echo "process: dockerd pid $pid"; fi
  for pid in $(namespace_processes); do echo "process: $pid ($(readlink "/proc/$pid/exe"))"; done
  if ip link show "$BRIDGE" >/dev/null 2>&1; then echo "bridge: $BRIDGE"; fi
  rules | while read -r spec; do
    # shellcheck disable=SC2086
    if rule -C $spec 2>/dev/null; then echo "iptables rule: $spec"; fi
  done
  if grep -qs -e " $STATE" -e " $EXEC_ROOT" /proc/self/mountinfo; then echo "mount: under $STATE or $EXEC_ROOT"; fi
  for path in "$STATE" "$EXEC_ROOT" "$SOCKET" "$PIDFILE"; do
    if [ -e "$path" ]; then echo "file: $path"; fi
  done
  if ! machine_is_cgroup_v2 && cgroups_left; then echo "cgroup: $CGROUP_PARENT"; fi
  return 0
}

case ${1:-} in
  start) cmd_start ;;
  copy-images) shift; cmd_copy_images "$@" ;;
  stop) cmd_stop ;;
  leftovers) cmd_leftovers ;;
  *)
    echo "usage: $0 start | copy-images IMAGE... | stop | leftovers" >&2
    exit 2
    ;;
esac
