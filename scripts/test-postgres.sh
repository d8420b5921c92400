#!/usr/bin/env bash
# Makes sure a local PostgreSQL 15+ server runs and has a role for the tests, then prints the URL the tests use
# (TEST_POSTGRES_URL). Used by .ci/run and by `npm test` when TEST_POSTGRES_URL is not set. Needs root (it starts
# the Debian cluster and creates the role as the postgres user).
set -euo pipefail
ROLE=kindred_test
PASSWORD=kindred_test
if ! command -v pg_ctlcluster >/dev/null 2>&1; then
  echo "PostgreSQL is not installed (apt-get install -y postgresql)" >&2
  exit 1
fi
CLUSTER=$(pg_lsclusters --no-header | awk '$1 >= 15 { print $1 " " $2; exit }')
if [ -z "$CLUSTER" ]; then
  echo "No PostgreSQL 15+ cluster found (pg_lsclusters)" >&2
  exit 1
fi
# shellcheck disable=SC2086
pg_ctlcluster --skip-systemctl-redirect $CLUSTER start >/dev/null 2>&1 || true
PORT=$(pg_lsclusters --no-header | awk -v v="${CLUSTER%% *}" -v n="${CLUSTER##* }" '$1 == v && $2 == n { print $3 }')
for _ in $(seq 1 30); do
  su postgres -c "psql -p $PORT -qAtc 'SELECT 1'" >/dev/null 2>&1 && break
  sleep 1
done
su postgres -c "psql -p $PORT -qAtc \"DO \\\$\\\$ BEGIN IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '$ROLE') THEN CREATE ROLE $ROLE LOGIN CREATEDB PASSWORD '$PASSWORD'; END IF; END \\\$\\\$\"" >/dev/null
echo "postgresql://$ROLE:$PASSWORD@127.0.0.1:$PORT/postgres"
