#!/bin/sh
# Makes a Docker Engine available for the harness, idempotently: nothing to do when one
# answers; on a Debian host as root, installs Debian's docker.io (and debootstrap, used to
# build the base image where no registry is reachable) and starts dockerd without systemd.
# Elsewhere it only says what to do: the harness then exits 2 with the same advice.
set -eu

engine_answers() { docker info >/dev/null 2>&1; }

if command -v docker >/dev/null 2>&1 && engine_answers; then
  exit 0
fi

if [ -n "${DOCKER_HOST:-}" ]; then
  echo "setup-engine: DOCKER_HOST=$DOCKER_HOST does not answer; not starting a local engine in its place." >&2
  exit 0
fi

if [ "$(id -u)" != 0 ] || ! command -v apt-get >/dev/null 2>&1; then
  echo "setup-engine: no Docker Engine answers, and this is not a Debian host where I am root." >&2
  echo "setup-engine: install Docker Engine (https://docs.docker.com/engine/install/) and start it, or set DOCKER_HOST." >&2
  exit 0
fi

if ! command -v dockerd >/dev/null 2>&1 || ! command -v debootstrap >/dev/null 2>&1; then
  echo "setup-engine: installing docker.io and debootstrap from Debian..." >&2
  apt-get update -q >/dev/null
  DEBIAN_FRONTEND=noninteractive apt-get install -y -q docker.io debootstrap >/dev/null
fi

if ! engine_answers; then
  if [ -d /run/systemd/system ]; then
    systemctl start docker
  elif pgrep -x dockerd >/dev/null 2>&1; then
    echo "setup-engine: dockerd is running but not answering yet; waiting" >&2
  else
    echo "setup-engine: starting dockerd (log: /var/log/dockerd.log)" >&2
    setsid nohup dockerd >/var/log/dockerd.log 2>&1 </dev/null &
  fi
  i=0
  until engine_answers; do
    i=$((i + 1))
    if [ "$i" -ge 60 ]; then
      echo "setup-engine: dockerd did not answer within 30 s; see /var/log/dockerd.log:" >&2
      tail -n 20 /var/log/dockerd.log >&2 || true
      exit 2
    fi
    sleep 0.5
  done
fi
echo "setup-engine: Docker Engine $(docker version --format '{{.Server.Version}}' 2>/dev/null) is ready" >&2
