#!/bin/sh
# No-flake gate: runs the whole self-test suite N times in a row (default 5) and stops at the
# first failure. Prints how many runs passed; exits 0 only if all did.
set -u
runs=${1:-5}
passed=0
i=1
while [ "$i" -le "$runs" ]; do
  echo "=== self-test run $i/$runs" >&2
  if npm test >"/tmp/wazo-harness-repeat-$i.log" 2>&1; then
    passed=$((passed + 1))
    tail -n 1 "/tmp/wazo-harness-repeat-$i.log" >&2
    rm -f "/tmp/wazo-harness-repeat-$i.log"
  else
    echo "run $i failed; its output: /tmp/wazo-harness-repeat-$i.log" >&2
    break
  fi
  i=$((i + 1))
done
echo "$passed/$runs consecutive self-test runs passed"
[ "$passed" -eq "$runs" ]
