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

# Where the reference cloud listens: the ports its start script takes (KEYSTONE_PORT, TROVE_PORT),
# so a second cloud on other ports (REFCLOUD_DIR too) can be started and tested beside the first.
# REFERENCE_KEYSTONE is what the Playwright config and the conformance scenario read.
export KEYSTONE_PORT=${KEYSTONE_PORT:-5000} TROVE_PORT=${TROVE_PORT:-8779}
export REFERENCE_KEYSTONE=${REFERENCE_KEYSTONE:-http://127.0.0.1:$KEYSTONE_PORT/v3}

. scripts/stamp.sh
started=0
if ! curl -sf -o /dev/null "$REFERENCE_KEYSTONE"; then
  echo "Starting the reference cloud (first run installs Debian packages)..."
  stamp reference cloud start
  if ! "$REF/start"; then
    # Its start script can exit non-zero after both servers are up; trust the servers.
    curl -sf -o /dev/null "$REFERENCE_KEYSTONE" || { echo "test:reference: the reference cloud did not start" >&2; exit 3; }
  fi
  started=1
fi
# Trove answers its root without a token; without Trove there is no reference to test against.
if ! curl -s -o /dev/null -m 10 "http://127.0.0.1:$TROVE_PORT/"; then
  echo "test:reference: Keystone answers but Trove (:$TROVE_PORT) does not" >&2
  exit 3
fi
cleanup() { [ "$started" = 1 ] && "$REF/stop" >/dev/null 2>&1; }
trap cleanup EXIT

status=0
# REFERENCE_STATIC names an SPA build made from this tree (CI passes the dist/ that npm test just
# built); without it the SPA is built on its own, so a stale dist/ is never tested.
static=${REFERENCE_STATIC:-}
if [ -z "$static" ] || [ ! -f "$static/index.html" ]; then
  stamp reference build
  static=.reference-dist
  npx vite build --outDir "$static" --emptyOutDir >/dev/null || exit 1
fi
stamp reference playwright
out=${E2E_OUTPUT:-test-results/reference}
E2E_STATIC="$static" E2E_OUTPUT="$out" npx playwright test -c playwright.reference.config.ts || status=1
# Where the suite's time went (per worker, retries, slowest tests), from its JSON report.
[ -f "$out/report.json" ] && npx tsx scripts/playwright-durations.ts "$out/report.json"
stamp conformance
npx tsx conformance/run.ts || status=1
stamp cli
bash conformance/cli.sh || status=1
stamp test:reference done
exit $status
