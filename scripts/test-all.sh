#!/usr/bin/env bash
# npm test: every suite, in order. Stops at the first failure.
set -euo pipefail
cd "$(dirname "$0")/.."

step() { printf '\n\033[1m== %s\033[0m\n' "$*"; }

step "lint (eslint .)"
npx eslint . --max-warnings=0

step "typecheck (tsc --noEmit)"
npx tsc --noEmit

step "unit tests"
npx vitest run --project unit

step "integration tests on the embedded database (PGlite)"
TEST_DB_KIND=pglite npx vitest run --project int

if [[ -n "${TEST_DATABASE_URL:-}" ]]; then
  step "integration tests on PostgreSQL (${TEST_DATABASE_URL%%\?*})"
  TEST_DB_KIND=postgres npx vitest run --project int
elif [[ -n "${CI:-}" || -n "${REQUIRE_POSTGRES:-}" ]]; then
  echo "TEST_DATABASE_URL is not set: the PostgreSQL integration run cannot be skipped in CI." >&2
  exit 1
else
  echo "TEST_DATABASE_URL is not set: skipping the PostgreSQL integration run (set it to run it, as .ci/run does)." >&2
fi

step "contract tests of the built-in tools (npm run tools:contract, fresh test database)"
npm run tools:contract

step "end-to-end tests (Playwright, Chromium, next build && next start)"
npx playwright test
