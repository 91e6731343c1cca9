#!/usr/bin/env bash
# npm run test:reference: start the reference cloud (real Keystone 22 + real Trove 18 from Debian,
# ../shared/reference-cloud), run the Playwright suite against it through the gateway, run the
# conformance scenario (embedded vs reference) and the openstack CLI check, then stop it.
# Exit 3 means the reference cloud itself could not be started (not a test failure).
set -uo pipefail
cd "$(dirname "$0")/.."
REF=${REFERENCE_CLOUD_DIR:-../shared/reference-cloud}
if [ ! -x "$REF/start" ]; then
  echo "test:reference: no reference cloud at $REF" >&2
  exit 3
fi

started=0
if ! curl -sf -o /dev/null http://127.0.0.1:5000/v3; then
  echo "Starting the reference cloud (first run installs Debian packages)..."
  if ! "$REF/start"; then
    # Its start script can exit non-zero after both servers are up; trust the servers.
    curl -sf -o /dev/null http://127.0.0.1:5000/v3 || { echo "test:reference: the reference cloud did not start" >&2; exit 3; }
  fi
  started=1
fi
# Trove answers its root without a token; without Trove there is no reference to test against.
if ! curl -s -o /dev/null -m 10 http://127.0.0.1:8779/; then
  echo "test:reference: Keystone answers but Trove (:8779) does not" >&2
  exit 3
fi
cleanup() { [ "$started" = 1 ] && "$REF/stop" >/dev/null 2>&1; }
trap cleanup EXIT

status=0
stamp() { echo "== $(date -u +%H:%M:%S) $*"; }
# REFERENCE_STATIC names an SPA build made from this tree (CI passes the dist/ that npm test just
# built); without it the SPA is built on its own, so a stale dist/ is never tested.
static=${REFERENCE_STATIC:-}
if [ -z "$static" ] || [ ! -f "$static/index.html" ]; then
  stamp reference build
  static=.reference-dist
  npx vite build --outDir "$static" --emptyOutDir >/dev/null || exit 1
fi
stamp reference playwright
E2E_STATIC="$static" npx playwright test -c playwright.reference.config.ts || status=1
stamp conformance
npx tsx conformance/run.ts || status=1
stamp cli
bash conformance/cli.sh || status=1
exit $status
