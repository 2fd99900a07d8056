#!/bin/sh
# Run once by the postgres image when it initializes the primary (docker-entrypoint-initdb.d):
# lets the replica (profile `scale`) stream the write-ahead log as the themegraph user.
set -eu
echo "host replication ${POSTGRES_USER} all scram-sha-256" >> "$PGDATA/pg_hba.conf"
