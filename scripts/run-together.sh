#!/usr/bin/env bash
# Runs npm scripts at the same time and fails when any of them fails (npm test: lint and
# typecheck). Each is a chain of single-threaded CPU-bound tools (eslint, prettier, knip; tsc):
# on CI's two cores, side by side they take about the time of the longer one instead of the sum.
# Each script's output is printed whole once it ends, so a failure reads as when run alone.
#   bash scripts/run-together.sh lint typecheck
set -uo pipefail
dir=$(mktemp -d /tmp/run-together.XXXXXX)
trap 'rm -rf "$dir"' EXIT
names=("$@")
pids=()
for name in "${names[@]}"; do
  npm run "$name" >"$dir/$name.log" 2>&1 &
  pids+=("$!")
done
status=0
for i in "${!names[@]}"; do
  name=${names[$i]}
  if wait "${pids[$i]}"; then result=passed; else result=FAILED; status=1; fi
  cat "$dir/$name.log"
  echo "== npm run $name: $result"
done
exit $status
