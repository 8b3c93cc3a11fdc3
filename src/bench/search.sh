#!/usr/bin/env bash
# Search benchmark: loads a synthetic corpus (org.demarche.bench.Corpus) of growing size into H2 and/or
# PostgreSQL, starts the packaged app on it, and drives it with org.demarche.bench.SearchBench at
# concurrency 8. Prints Markdown rows (also kept in target/bench/results.md) for docs/benchmarks.md.
#
#   src/bench/search.sh                                  # H2 and PostgreSQL, 10k, 100k and 1M statements
#   BENCH_DBS=h2 BENCH_SIZES="1000" BENCH_SECONDS=1 src/bench/search.sh   # the smoke run CI does
#
# Settings: BENCH_DBS ("h2 postgres"), BENCH_SIZES ("10000 100000 1000000", ascending: each step adds
# to the last), BENCH_SECONDS (20 per scenario), BENCH_WARMUP (seconds per scenario, unmeasured, before
# the measured runs; SearchBench's 10 unless given, at most BENCH_SECONDS), BENCH_PORT (8090).
# PostgreSQL: the local server on 127.0.0.1:5432 as user postgres (bash .ci/postgres sets it up); the
# database demarche_bench is recreated. It searches with OpenSearch at DEMARCHE_SEARCH_URL (default
# 127.0.0.1:9200; bash .ci/opensearch starts a node), index prefix demarche-bench.
set -euo pipefail
cd "$(dirname "$0")/../.."

DBS=${BENCH_DBS:-"h2 postgres"}
SIZES=${BENCH_SIZES:-"10000 100000 1000000"}
SECONDS_PER_SCENARIO=${BENCH_SECONDS:-20}
PORT=${BENCH_PORT:-8090}
SEARCH_URL=${DEMARCHE_SEARCH_URL:-http://127.0.0.1:9200}
SEARCH_URL=${SEARCH_URL%%,*}
WORK=target/bench
mkdir -p "$WORK"
RESULTS="$WORK/results.md"
: > "$RESULTS"

echo "Building (the benchmark programs, and the app for each database)"
source src/bench/programs.sh
build_programs "$WORK/programs"
for db in $DBS; do
    if [ "$db" = postgres ]; then
        ./mvnw -B -ntp -q package -DskipTests -Dquarkus.profile=postgres
    else
        ./mvnw -B -ntp -q package -DskipTests
    fi
    rm -rf "$WORK/app-$db" && cp -r target/quarkus-app "$WORK/app-$db"
done
if [[ " $DBS " == *" postgres "* ]]; then
    # Leave target/quarkus-app as the README's default (H2) build.
    ./mvnw -B -ntp -q package -DskipTests
fi

source src/bench/searchable.sh
APP_PID=
ADMIN_KEY=bench-admin-key-0123456789abcdef0123456789
start_app() {
    local db=$1 log=$2
    local started=$SECONDS
    DEMARCHE_PORT=$PORT DEMARCHE_SAMPLE_DATA=false DEMARCHE_RATE_LIMIT_ENABLED=false \
        DEMARCHE_DATA_DIR="$PWD/$WORK/h2-data" DEMARCHE_ADMIN_KEY=$ADMIN_KEY DEMARCHE_SEARCH_INDEX_PREFIX=demarche-bench \
        DEMARCHE_DB_URL=jdbc:postgresql://127.0.0.1:5432/demarche_bench DEMARCHE_DB_USER=postgres \
        java -Xmx4g ${db:+$( [ "$db" = postgres ] && echo -Dquarkus.profile=postgres )} \
        -jar "$WORK/app-$db/quarkus-run.jar" > "$log" 2>&1 &
    APP_PID=$!
    until curl -sf "http://127.0.0.1:$PORT/q/health/ready" > /dev/null; do
        if ! kill -0 "$APP_PID" 2>/dev/null; then
            echo "The app stopped; see $log" >&2
            exit 1
        fi
        sleep 1
    done
    echo "  app ready in $((SECONDS - started)) s (includes rebuilding the search index when needed)"
}

stop_app() {
    kill "$APP_PID" && wait "$APP_PID" || true
}

for db in $DBS; do
    echo "== $db"
    if [ "$db" = postgres ]; then
        psql -h 127.0.0.1 -U postgres -d postgres -qc "drop database if exists demarche_bench" -c "create database demarche_bench"
        JDBC=jdbc:postgresql://127.0.0.1:5432/demarche_bench
        USER_NAME=postgres
    else
        rm -rf "$WORK/h2-data"
        JDBC="jdbc:h2:file:$PWD/$WORK/h2-data/demarche"
        USER_NAME=demarche
    fi
    start_app "$db" "$WORK/app-$db-migrate.log"
    stop_app
    loaded=0
    for size in $SIZES; do
        echo "  loading statements $loaded..$size"
        java -cp "$CP" org.demarche.bench.Corpus "$JDBC" "$USER_NAME" "" "$loaded" "$size"
        if [ "$db" = postgres ]; then
            psql -h 127.0.0.1 -U postgres -d demarche_bench -qc "vacuum analyze"
        fi
        loaded=$size
        if [ "$db" = postgres ]; then
            # The corpus goes straight into the tables, past the change feed OpenSearch follows: drop the
            # bench index, so that the app rebuilds it from the database at start, as H2's Lucene index does.
            curl -sf -X DELETE "${SEARCH_URL%/}/demarche-bench*" > /dev/null
        fi
        start_app "$db" "$WORK/app-$db-$size.log"
        if [ "$db" = postgres ]; then
            await_searchable "http://127.0.0.1:$PORT" "$size" "$WORK/app-$db-$size.log"
        fi
        java -cp "$CP" org.demarche.bench.SearchBench "http://127.0.0.1:$PORT" "$size" "$SECONDS_PER_SCENARIO" 8 \
            "$db $size" "" "${BENCH_WARMUP:-}" | tee -a "$RESULTS"
        stop_app
    done
done
echo "Results: $RESULTS"
