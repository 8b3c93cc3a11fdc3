#!/usr/bin/env bash
# Sustained load and faults: drives the packaged app with org.demarche.bench.LoadBench (80% reads, 15%
# searches, 5% writes with an editor key; closed loop; a freshness probe alongside) on a Corpus of
# statements, and samples each instance's resident memory. Four runs:
#   h2            one instance on embedded H2
#   postgres      two instances on PostgreSQL + OpenSearch behind nginx, configured by docker/nginx.conf
#   fault         the same pair under load; one instance is killed with SIGKILL a third of the way in
#                 and restarted
#   search-fault  the same pair under load; OpenSearch is killed with SIGKILL a sixth of the way in,
#                 kept down, and started again
# After each fault run every write the API acknowledged is read back from both instances, by id and by
# a search for the word only that version's text holds (or, when a later write committed without its
# answer arriving, as a write to the killed instance can, the word of the version the statement holds). Prints Markdown (also kept in
# target/load/results.md) for docs/benchmarks.md.
#
#   src/bench/load.sh                                                     # the full runs, ~30 min
#   LOAD_SECONDS=20 LOAD_FAULT_SECONDS=30 LOAD_SEARCH_DOWN_SECONDS=5 LOAD_STATEMENTS=2000 src/bench/load.sh
#                                                                              # CI's smoke run
#
# Settings: LOAD_RUNS ("h2 postgres fault search-fault"), LOAD_SECONDS (300), LOAD_FAULT_SECONDS (120;
# the search-fault run lasts this plus the time OpenSearch is down), LOAD_SEARCH_DOWN_SECONDS (60),
# LOAD_STATEMENTS (100000), LOAD_CONCURRENCY (16). Uses ports 8091-8094 and the database demarche_load on
# the local PostgreSQL (set up by .ci/postgres), and starts its own OpenSearch node (.ci/opensearch) on
# port 9260 with its data in target/load/opensearch, which it may kill; installs nginx from Debian's
# packages if missing.
set -euo pipefail
cd "$(dirname "$0")/../.."
source src/bench/searchable.sh
source src/bench/programs.sh

RUNS=${LOAD_RUNS:-"h2 postgres fault search-fault"}
RUN_SECONDS=${LOAD_SECONDS:-300}
FAULT_SECONDS=${LOAD_FAULT_SECONDS:-120}
SEARCH_DOWN_SECONDS=${LOAD_SEARCH_DOWN_SECONDS:-60}
SIZE=${LOAD_STATEMENTS:-100000}
CONCURRENCY=${LOAD_CONCURRENCY:-16}
ADMIN_KEY=load-admin-key-0123456789abcdef0123456789
H2_PORT=8091 PG_PORT_A=8092 PG_PORT_B=8093 LB_PORT=8094 SEARCH_PORT=9260
WORK=$PWD/target/load
PG_URL=jdbc:postgresql://127.0.0.1:5432/demarche_load
rm -rf "$WORK" && mkdir -p "$WORK"
RESULTS=$WORK/results.md
: > "$RESULTS"
FAILED=0

echo "Building the load client and the app for each database"
build_programs "$WORK/programs"
./mvnw -B -ntp -q package -DskipTests -Dquarkus.profile=postgres
cp -r target/quarkus-app "$WORK/app-postgres"
./mvnw -B -ntp -q package -DskipTests
cp -r target/quarkus-app "$WORK/app-h2"

PG_RUNS=false
[[ " $RUNS " == *" postgres "* || " $RUNS " == *" fault "* || " $RUNS " == *" search-fault "* ]] && PG_RUNS=true
if $PG_RUNS; then
    bash .ci/postgres
    if ! command -v nginx > /dev/null; then
        echo "Installing nginx from Debian's packages"
        apt-get update -q > /dev/null
        DEBIAN_FRONTEND=noninteractive apt-get install -y -q nginx-light > /dev/null
    fi
fi

declare -A PIDS
BACKGROUND=()
# start_app <name> <db> <port>: starts an instance in the background and waits (3 minutes at most)
# until it is ready.
start_app() {
    local name=$1 db=$2 port=$3 started=$SECONDS
    DEMARCHE_PORT=$port DEMARCHE_SAMPLE_DATA=false DEMARCHE_RATE_LIMIT_ENABLED=false \
        DEMARCHE_DATA_DIR="$WORK/h2-data" DEMARCHE_ADMIN_KEY=$ADMIN_KEY \
        DEMARCHE_DB_URL=$PG_URL DEMARCHE_DB_USER=postgres DEMARCHE_SEARCH_URL=http://127.0.0.1:$SEARCH_PORT \
        java -Xmx1g -jar "$WORK/app-$db/quarkus-run.jar" >> "$WORK/$name.log" 2>&1 &
    PIDS[$name]=$!
    until curl -sf "http://127.0.0.1:$port/q/health/ready" > /dev/null; do
        if ! kill -0 "${PIDS[$name]}" 2>/dev/null; then
            echo "$name stopped; see $WORK/$name.log" >&2
            exit 1
        fi
        if ((SECONDS - started > 180)); then
            echo "$name was not ready within 3 minutes; see $WORK/$name.log" >&2
            exit 1
        fi
        sleep 0.5
    done
    echo "  $name ready on port $port in $((SECONDS - started)) s"
}

stop_app() {
    kill "${PIDS[$1]}" 2>/dev/null && wait "${PIDS[$1]}" 2>/dev/null || true
}

# sample_memory <file> <name>...: every 5 s, appends "seconds name rss-kB" for each running instance.
sample_memory() {
    local file=$1 started=$SECONDS
    shift
    while true; do
        for name in "$@"; do
            local rss
            rss=$(ps -o rss= -p "${PIDS[$name]}" 2>/dev/null | tr -d ' ') && echo "$((SECONDS - started)) $name $rss" >> "$file"
        done
        sleep 5
    done
}

# memory_report <file>: resident memory per instance after warm-up (the first minute, or the first
# third of a shorter run) and at the end.
memory_report() {
    local warm=$((RUN_SECONDS < 180 ? RUN_SECONDS / 3 : 60))
    awk -v warm="$warm" '{ if ($1 >= warm && !($2 in first)) { first[$2] = $3; firstAt[$2] = $1 } last[$2] = $3; lastAt[$2] = $1 }
         END { for (n in last) printf "- %s: resident %d MiB at %d s (warmed up), %d MiB at %d s\n", n, first[n] / 1024, firstAt[n], last[n] / 1024, lastAt[n] }' "$1"
}

load_corpus() {
    local jdbc=$1 user=$2
    echo "  loading $SIZE statements"
    java -cp "$CP" org.demarche.bench.Corpus "$jdbc" "$user" "" 0 "$SIZE"
}

start_balancer() {
    mkdir -p "$WORK/nginx"
    sed -e "s/app-1:8080/127.0.0.1:$PG_PORT_A/" -e "s/app-2:8080/127.0.0.1:$PG_PORT_B/" -e "s/listen 8080/listen $LB_PORT/" \
        docker/nginx.conf > "$WORK/nginx/demarche.conf"
    cat > "$WORK/nginx/nginx.conf" <<CONF
worker_processes 1;
pid $WORK/nginx/nginx.pid;
error_log $WORK/nginx/error.log;
events { worker_connections 1024; }
http {
    access_log off;
    client_body_temp_path $WORK/nginx/body;
    proxy_temp_path $WORK/nginx/proxy;
    include $WORK/nginx/demarche.conf;
}
CONF
    nginx -c "$WORK/nginx/nginx.conf"
}

# start_search: starts (or restarts, on its data) this script's own OpenSearch node and waits until it is healthy.
start_search() {
    OPENSEARCH_HTTP_PORT=$SEARCH_PORT OPENSEARCH_HOME=$WORK/opensearch OPENSEARCH_CLUSTER=demarche-load \
        bash .ci/opensearch > /dev/null
}

# stop_search: kills the node (SIGKILL) and waits until its process has exited and freed its ports.
stop_search() {
    local pid
    pid=$(cat "$WORK/opensearch/node.pid" 2>/dev/null) || return 0
    kill -9 "$pid" 2>/dev/null || true
    while kill -0 "$pid" 2>/dev/null; do sleep 0.2; done
}

stop_balancer() {
    [ -f "$WORK/nginx/nginx.pid" ] && kill "$(cat "$WORK/nginx/nginx.pid")" 2>/dev/null || true
}
cleanup() {
    stop_balancer
    stop_search
    for pid in "${BACKGROUND[@]}" "${PIDS[@]}"; do
        kill -9 "$pid" 2>/dev/null || true
    done
}
trap cleanup EXIT

# measure <label> <base-url> <seconds> <memory-file>: one LoadBench run, its table kept in the results.
measure() {
    local label=$1 base=$2 seconds=$3
    { echo; echo "#### $label: $seconds s, $CONCURRENCY workers, $SIZE statements"; echo; } | tee -a "$RESULTS"
    java -cp "$CP" org.demarche.bench.LoadBench run "$base" "$SIZE" "$seconds" "$CONCURRENCY" "$ADMIN_KEY" \
        "$WORK/$label.ledger" "$label" | tee -a "$RESULTS"
}

if [[ " $RUNS " == *" h2 "* ]]; then
    echo "== h2: one instance"
    start_app h2-migrate h2 $H2_PORT && stop_app h2-migrate
    load_corpus "jdbc:h2:file:$WORK/h2-data/demarche" demarche
    start_app h2 h2 $H2_PORT
    sample_memory "$WORK/h2.memory" h2 & SAMPLER=$!
    BACKGROUND+=("$SAMPLER")
    measure h2 "http://127.0.0.1:$H2_PORT" "$RUN_SECONDS" || FAILED=1
    kill $SAMPLER
    memory_report "$WORK/h2.memory" | tee -a "$RESULTS"
    stop_app h2
fi

if $PG_RUNS; then
    echo "== postgres: two instances behind nginx, searching on their own OpenSearch node"
    start_search
    psql -h 127.0.0.1 -U postgres -d postgres -qc "drop database if exists demarche_load with (force)" -c "create database demarche_load"
    start_app pg-migrate postgres $PG_PORT_A && stop_app pg-migrate
    load_corpus "$PG_URL" postgres
    psql -h 127.0.0.1 -U postgres -d demarche_load -qc "vacuum analyze"
    # The corpus goes straight into the tables, past the change feed OpenSearch follows: drop the index the
    # migrating instance made, so that the first instance builds it from the database.
    curl -sf -X DELETE "http://127.0.0.1:$SEARCH_PORT/demarche*" > /dev/null
    start_app pg-a postgres $PG_PORT_A
    await_searchable "http://127.0.0.1:$PG_PORT_A" "$SIZE" "$WORK/pg-a.log"
    start_app pg-b postgres $PG_PORT_B
    start_balancer
fi

if [[ " $RUNS " == *" postgres "* ]]; then
    sample_memory "$WORK/postgres.memory" pg-a pg-b & SAMPLER=$!
    BACKGROUND+=("$SAMPLER")
    measure postgres "http://127.0.0.1:$LB_PORT" "$RUN_SECONDS" || FAILED=1
    kill $SAMPLER
    memory_report "$WORK/postgres.memory" | tee -a "$RESULTS"
fi

# read_back <run>: both instances read back every write acknowledged in the run, by id and by search, and
# there were some (an empty ledger proves nothing).
read_back() {
    local run=$1 port line found=0
    for port in $PG_PORT_A $PG_PORT_B; do
        java -cp "$CP" org.demarche.bench.LoadBench verify "http://127.0.0.1:$port" "$WORK/$run.ledger" \
            > "$WORK/$run-$port.verify" || true
        line=$(tail -n 1 "$WORK/$run-$port.verify")
        echo "- read back through port $port: $line" | tee -a "$RESULTS"
        # The writes missing, if any (statement id, version and the word only that version holds), and those
        # a later write whose answer never came superseded (searched for by that write's word).
        { grep -E '^(lost|not found by search|newer than acknowledged):' "$WORK/$run-$port.verify" || true; } \
            | sed 's/^/  - /' | tee -a "$RESULTS"
        [[ "$line" =~ read\ back:\ [1-9][0-9]*\ of\ ([0-9]+),\ found\ by\ search:\ ([0-9]+)\ of\ [0-9]+,.*\ lost:\ 0$ ]] \
            && [ "${BASH_REMATCH[1]}" = "${BASH_REMATCH[2]}" ] && found=$((found + 1))
    done
    [ "$found" = 2 ]
}

if [[ " $RUNS " == *" fault "* ]]; then
    echo "== fault: SIGKILL one of two instances under load, then restart it"
    measure fault "http://127.0.0.1:$LB_PORT" "$FAULT_SECONDS" > /dev/null &
    LOAD=$!
    BACKGROUND+=("$LOAD")
    sleep $((FAULT_SECONDS / 3))
    echo "  killing pg-a (SIGKILL) at $((FAULT_SECONDS / 3)) s"
    kill -9 "${PIDS[pg-a]}"
    wait "${PIDS[pg-a]}" 2>/dev/null || true
    sleep 5
    start_app pg-a postgres $PG_PORT_A
    # Requests in flight on the killed instance fail (nginx does not resend writes); the run shows how many.
    wait $LOAD || true
    echo "- pg-a was killed with SIGKILL at $((FAULT_SECONDS / 3)) s and restarted; requests that failed are counted above" \
        | tee -a "$RESULTS"
    read_back fault || FAILED=1
fi

if [[ " $RUNS " == *" search-fault "* ]]; then
    SEARCH_FAULT_SECONDS=$((FAULT_SECONDS + SEARCH_DOWN_SECONDS))
    echo "== search-fault: SIGKILL OpenSearch under load, keep it down $SEARCH_DOWN_SECONDS s, start it again"
    measure search-fault "http://127.0.0.1:$LB_PORT" "$SEARCH_FAULT_SECONDS" > /dev/null &
    LOAD=$!
    BACKGROUND+=("$LOAD")
    sleep $((SEARCH_FAULT_SECONDS / 6))
    killed=$SECONDS
    stop_search
    sleep "$SEARCH_DOWN_SECONDS"
    start_search
    back=$((SECONDS - killed))
    # Lists and searches answer 503 while OpenSearch is down (counted as failed above); reads by id and writes go on.
    wait $LOAD || true
    echo "- OpenSearch was killed with SIGKILL at $((SEARCH_FAULT_SECONDS / 6)) s and answered again $back s later;" \
        "requests that failed are counted above" | tee -a "$RESULTS"
    read_back search-fault || FAILED=1
fi
stop_balancer
for name in "${!PIDS[@]}"; do
    stop_app "$name"
done
echo "Results: $RESULTS"
exit $FAILED
