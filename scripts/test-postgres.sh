#!/usr/bin/env bash
# `make test-postgres`: the whole test suite against PostgreSQL.
# Uses TEST_DATABASE_URL when given; otherwise a local PostgreSQL from Debian's packages, installed and started
# here when needed, and stopped again at the end if this script started it.
set -euo pipefail
cd "$(dirname "$0")/.."

if [ -n "${TEST_DATABASE_URL:-}" ]; then
  export DATABASE_URL="$TEST_DATABASE_URL"
else
  if ! ls /usr/lib/postgresql/*/bin/postgres >/dev/null 2>&1; then
    if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
      echo "Installing Debian's postgresql for the tests..."
      apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >/dev/null
    else
      echo "PostgreSQL is missing: install it with 'sudo apt-get install postgresql', or set TEST_DATABASE_URL." >&2
      exit 1
    fi
  fi
  version=$(ls /usr/lib/postgresql | sort -V | tail -n 1)
  pg_lsclusters -h | awk '{print $1, $2}' | grep -q "^$version main$" || pg_createcluster "$version" main >/dev/null
  port=$(pg_lsclusters -h | awk -v v="$version" '$1 == v && $2 == "main" {print $3}')
  if ! pg_isready -q -h 127.0.0.1 -p "$port"; then
    pg_ctlcluster "$version" main start
    trap 'pg_ctlcluster "$version" main stop' EXIT
  fi
  as_postgres() { if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else sudo -u postgres "$@"; fi; }
  as_postgres psql -q -p "$port" -tc "SELECT 1 FROM pg_roles WHERE rolname = 'lpo_test'" | grep -q 1 \
    || as_postgres psql -q -p "$port" -c "CREATE ROLE lpo_test LOGIN CREATEDB PASSWORD 'lpo_test'"
  export DATABASE_URL="postgres://lpo_test:lpo_test@127.0.0.1:$port/lpo_test"
fi

echo "Running the test suite on PostgreSQL."
scripts/run-tests.sh
