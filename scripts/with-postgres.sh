#!/usr/bin/env bash
# Runs a command against a throwaway PostgreSQL: initdb's a cluster in a temp dir, starts it on a
# free port, exports DATABASE_URL (postgres://console@127.0.0.1:PORT/postgres), runs "$@", then
# stops the cluster and deletes it. Uses Debian's postgresql (15). PostgreSQL refuses to run as
# root: as root, the cluster belongs to the `postgres` system user (runuser); the command itself
# runs as the caller.
#   bash scripts/with-postgres.sh npx vitest run server/console-state
set -euo pipefail
BIN=${PG_BIN:-/usr/lib/postgresql/15/bin}
if [ ! -x "$BIN/initdb" ]; then
  echo "with-postgres: $BIN/initdb not found (apt-get install postgresql)" >&2
  exit 3
fi
DIR=$(mktemp -d /tmp/console-pg.XXXXXX)
chmod 755 "$DIR"
PORT=$(node -e 'const s=require("net").createServer();s.listen(0,"127.0.0.1",()=>{console.log(s.address().port);s.close()})')
as_pg() {
  if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}
if [ "$(id -u)" = 0 ]; then chown postgres "$DIR"; fi
cleanup() {
  as_pg "$BIN/pg_ctl" -D "$DIR/data" -m immediate stop >/dev/null 2>&1 || true
  rm -rf "$DIR"
}
trap cleanup EXIT
as_pg "$BIN/initdb" -D "$DIR/data" -U console -A trust --no-sync -E UTF8 >"$DIR/initdb.log" 2>&1 ||
  { cat "$DIR/initdb.log" >&2; exit 1; }
as_pg "$BIN/pg_ctl" -D "$DIR/data" -l "$DIR/server.log" -w -o "-p $PORT -k $DIR -c listen_addresses=127.0.0.1 -c fsync=off" start >/dev/null ||
  { cat "$DIR/server.log" >&2; exit 1; }
export DATABASE_URL="postgres://console@127.0.0.1:$PORT/postgres"
export PG_DUMP="$BIN/pg_dump"
echo "with-postgres: PostgreSQL on port $PORT (cluster $DIR)"
"$@"
