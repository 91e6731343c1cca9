#!/usr/bin/env bash
# The openstack CLI (python-troveclient, /usr/bin/openstack) against the embedded cloud, for the
# conformance scenario's main steps: it must work as it does against any OpenStack cloud.
set -euo pipefail
cd "$(dirname "$0")/.."
OS=/usr/bin/openstack
if [ ! -x "$OS" ]; then
  echo "cli: /usr/bin/openstack is not installed (python3-openstackclient, python3-troveclient)" >&2
  exit 3
fi
PORT=${CLI_PORT:-4396}
DB=$(mktemp -d)/cli.db
node --import tsx server/main.ts --init --port "$PORT" --db "$DB" --task-speed 0.1 >/dev/null 2>&1 &
pid=$!
trap 'kill $pid 2>/dev/null' EXIT
for _ in $(seq 1 60); do curl -sf -o /dev/null "http://127.0.0.1:$PORT/healthz" && break; sleep 0.5; done

export OS_AUTH_URL=http://127.0.0.1:$PORT/v3 OS_USERNAME=demo OS_PASSWORD=demo OS_PROJECT_NAME=demo \
  OS_USER_DOMAIN_NAME=Default OS_PROJECT_DOMAIN_NAME=Default OS_IDENTITY_API_VERSION=3 OS_REGION_NAME=RegionOne
pass=0 fail=0
check() { # description, command...
  local what=$1; shift
  if out=$("$@" 2>&1); then pass=$((pass + 1)); echo "  ok   $what"; else fail=$((fail + 1)); echo "  FAIL $what: $out"; fi
}
wait_status() { # id, status
  for _ in $(seq 1 60); do
    [ "$($OS database instance show "$1" -f value -c status 2>/dev/null)" = "$2" ] && return 0
    sleep 1
  done
  return 1
}

echo "openstack CLI against the embedded cloud:"
check "datastore list" $OS datastore list
check "flavor list" $OS database flavor list
id=$($OS database instance create cli-conf --flavor 2 --size 2 --datastore mysql --datastore-version 5.7 -f value -c id)
check "instance create ($id)" test -n "$id"
check "instance becomes ACTIVE" wait_status "$id" ACTIVE
check "instance list shows it" sh -c "$OS database instance list -f value -c ID | grep -q $id"
check "resize volume" $OS database instance resize volume "$id" 3
check "ACTIVE after resize" wait_status "$id" ACTIVE
check "restart" $OS database instance restart "$id"
check "ACTIVE after restart" wait_status "$id" ACTIVE
check "database create" $OS database db create "$id" clidb
check "database list" sh -c "$OS database db list $id -f value | grep -q clidb"
check "user create" $OS database user create "$id" cliuser Secret-123 --databases clidb
check "user list" sh -c "$OS database user list $id -f value | grep -q cliuser"
check "backup create" $OS database backup create cli-backup -i "$id"
check "limit list" $OS database limit list
check "instance delete" $OS database instance delete "$id"
echo "cli: $pass passed, $fail failed"
[ "$fail" = 0 ]
