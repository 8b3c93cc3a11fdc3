#!/usr/bin/env bash
# Webhook deliveries under load (issue 21): one instance of the packaged app on embedded H2 with the
# officials, topics and sources of the Corpus (no statements), imported through the API with their Corpus
# ids (org.demarche.bench.ImportFile … ids) so that they have a history as records written through it do,
# and org.demarche.bench.WebhookBench: a receiver on 127.0.0.1:8097 that checks every signature;
# WEBHOOK_SUBSCRIPTIONS subscriptions pointing at it (60% stance watches, 20% official watches, 15% country or
# topic watches, 4.5% topic stance watches, 0.5% '*'); WEBHOOK_RATE writes a second, open loop (new
# statements, statement PATCHes, positions opened and closed) for WEBHOOK_SECONDS + WEBHOOK_DOWN_SECONDS. One
# subscription in ten answers 503 for WEBHOOK_DOWN_SECONDS from the middle of the first WEBHOOK_SECONDS while
# the writes go on, then comes back. Before those writes, the same writes go on for WEBHOOK_WARMUP_SECONDS with
# the subscriptions in place, and the bench waits until nothing is pending: the app starts cold, and its JIT
# compiler takes about a third of the machine in its first minutes (those deliveries are checked, not
# measured). Once nothing is pending it reports the commit-to-delivery latency
# (p50/p95/p99/max) and how long the backlog took after the receiver came back, and checks that nothing was
# lost, duplicated outside the logs, badly signed or received out of commit order for a subscription. Exits 1
# if a check fails; a p95 over the 1 s target is reported as missed, not a failure. Prints Markdown (also kept
# in target/webhooks/results.md) for docs/benchmarks.md.
#
# Retries wait DEMARCHE_WEBHOOKS_RETRY_MAX=30s at most here (WEBHOOK_RETRY_MAX): with the default, 1 h, a
# receiver back after 10 minutes away may wait about 10 more minutes for its next try (the waits double from
# 5 s: 5, 10, 20, 40, 80, 160, 320, 640 s, each drawn between half and all of that).
#
#   src/bench/webhooks.sh                                   # the full run: 2 + 12 min of writes, 20 to 35 min in all
#   WEBHOOK_SECONDS=120 WEBHOOK_DOWN_SECONDS=120 src/bench/webhooks.sh              # a shorter down phase
#   WEBHOOK_WARMUP_SECONDS=0 WEBHOOK_SECONDS=60 WEBHOOK_DOWN_SECONDS=0 src/bench/webhooks.sh  # from a cold start
#   WEBHOOK_SUBSCRIPTIONS=200 WEBHOOK_RATE=20 WEBHOOK_SECONDS=15 WEBHOOK_DOWN_SECONDS=10 WEBHOOK_RETRY_MAX=10s \
#       WEBHOOK_WARMUP_SECONDS=5 src/bench/webhooks.sh                                   # CI's smoke run
#
# Settings: WEBHOOK_SECONDS (120), WEBHOOK_RATE (50), WEBHOOK_SUBSCRIPTIONS (1000), WEBHOOK_DOWN_SECONDS (600),
# WEBHOOK_RETRY_MAX (30s), WEBHOOK_WARMUP_SECONDS (120). Uses ports 8096 (the app) and 8097 (the receiver).
set -euo pipefail
cd "$(dirname "$0")/../.."
source src/bench/programs.sh

RUN_SECONDS=${WEBHOOK_SECONDS:-120}
RATE=${WEBHOOK_RATE:-50}
SUBSCRIPTIONS=${WEBHOOK_SUBSCRIPTIONS:-1000}
DOWN_SECONDS=${WEBHOOK_DOWN_SECONDS:-600}
RETRY_MAX=${WEBHOOK_RETRY_MAX:-30s}
WARMUP_SECONDS=${WEBHOOK_WARMUP_SECONDS:-120}
ADMIN_KEY=webhooks-admin-key-0123456789abcdef0123456789
APP_PORT=8096 RECEIVER_PORT=8097
WORK=$PWD/target/webhooks
rm -rf "$WORK" && mkdir -p "$WORK"
RESULTS=$WORK/results.md

echo "Building the bench programs and the app"
build_programs "$WORK/programs"
./mvnw -B -ntp -q package -DskipTests
cp -r target/quarkus-app "$WORK/app"

APP_PID=
stop_app() {
    [ -n "$APP_PID" ] && kill "$APP_PID" 2>/dev/null && wait "$APP_PID" 2>/dev/null || true
    APP_PID=
}
trap stop_app EXIT

# start_app: starts the instance and waits (3 minutes at most) until it is ready.
start_app() {
    local started=$SECONDS
    DEMARCHE_PORT=$APP_PORT DEMARCHE_SAMPLE_DATA=false DEMARCHE_RATE_LIMIT_ENABLED=false \
        DEMARCHE_DATA_DIR="$WORK/h2-data" DEMARCHE_ADMIN_KEY=$ADMIN_KEY \
        DEMARCHE_WEBHOOKS_ALLOW_PRIVATE_TARGETS=true DEMARCHE_WEBHOOKS_RETRY_MAX=$RETRY_MAX \
        java -Xmx1g -jar "$WORK/app/quarkus-run.jar" >> "$WORK/app.log" 2>&1 &
    APP_PID=$!
    until curl -sf "http://127.0.0.1:$APP_PORT/q/health/ready" > /dev/null; do
        if ! kill -0 "$APP_PID" 2>/dev/null; then
            echo "The app stopped; see $WORK/app.log" >&2
            exit 1
        fi
        if ((SECONDS - started > 180)); then
            echo "The app was not ready within 3 minutes; see $WORK/app.log" >&2
            exit 1
        fi
        sleep 0.5
    done
}

echo "== Importing officials, topics and sources"
# Through the API, not straight into the tables as Corpus writes them: a change to a statement is sent as the
# history shows it, and its official would be missing from the history of one written past it.
java -cp "$CP" org.demarche.bench.ImportFile "$WORK/corpus.ndjson" 0 42 ids > /dev/null
start_app
curl -sS --fail-with-body -X POST -H "Authorization: Bearer $ADMIN_KEY" -H 'Content-Type: application/x-ndjson' \
    -H 'Expect:' -T "$WORK/corpus.ndjson" "http://127.0.0.1:$APP_PORT/api/v1/import" -o "$WORK/import.json"

{
    echo
    echo "#### webhooks: $SUBSCRIPTIONS subscriptions, $RATE writes/s for $((RUN_SECONDS + DOWN_SECONDS)) s," \
        "one in ten down for $DOWN_SECONDS s, after $WARMUP_SECONDS s of warm-up, H2," \
        "DEMARCHE_WEBHOOKS_RETRY_MAX=$RETRY_MAX"
    echo
} | tee "$RESULTS"
FAILED=0
load() { echo "$(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg)"; }
BEFORE=$(load)
java -cp "$CP" org.demarche.bench.WebhookBench "http://127.0.0.1:$APP_PORT" "$ADMIN_KEY" "$SUBSCRIPTIONS" "$RATE" \
    "$RUN_SECONDS" "$DOWN_SECONDS" "$RECEIVER_PORT" "$WARMUP_SECONDS" | tee -a "$RESULTS" || FAILED=1
echo "- machine: $BEFORE before the run, $(load | sed 's/.*load/load/') at its end" | tee -a "$RESULTS"
stop_app
echo "Results: $RESULTS"
exit $FAILED
