# Sourced by the CI scripts (.ci/run, scripts/npm-test.sh, scripts/test-reference.sh):
# `stamp NAME` prints the time and the phase that starts, and how long the phase before it took,
# so a CI log says where its time went.
#   == 05:40:12 unit (lint+typecheck took 143 s)
stamp_at=
stamp_what=
stamp() {
  local now took=
  now=$(date +%s)
  [ -n "$stamp_what" ] && took=" ($stamp_what took $((now - stamp_at)) s)"
  echo "== $(date -u +%H:%M:%S) $*$took"
  stamp_at=$now
  stamp_what=$*
}
