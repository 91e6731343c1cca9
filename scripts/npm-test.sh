#!/usr/bin/env bash
# npm test: every check, one phase after another, each stamped with its start and duration
# (scripts/stamp.sh); the first phase that fails ends the run with its exit code.
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/stamp.sh
stamp lint+typecheck
bash scripts/run-together.sh lint typecheck
stamp unit
npm run test:unit
stamp postgres
npm run test:postgres
stamp proof
npm run test:proof
stamp e2e
npm run test:e2e
stamp npm test passed
