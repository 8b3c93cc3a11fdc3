#!/usr/bin/env bash
# Import benchmark: writes the synthetic corpus (org.demarche.bench.Corpus) as an NDJSON file with
# org.demarche.bench.ImportFile (officials, topics and sources, then N statements, every reference by
# natural key, no ids), starts the packaged H2 app on a fresh data directory with a small heap, POSTs
# the file to /api/v1/import with curl and prints the elapsed time, records and statements a second,
# the CPU time the app spent on the import (steadier than the elapsed time on a shared machine), and
# the app's peak resident memory (VmHWM). The report and the app's log stay in target/import-bench.
#
#   src/bench/import.sh                              # 1 000 000 statements, 256 MiB heap
#   IMPORT_STATEMENTS=100000 src/bench/import.sh     # a shorter run
#   IMPORT_STATEMENTS=1000 src/bench/import.sh       # the smoke run CI does
#
# Settings: IMPORT_STATEMENTS (1000000), IMPORT_HEAP (256m), IMPORT_JAVA_OPTS (more options for the app's
# JVM, for example -XX:StartFlightRecording=filename=target/import.jfr to profile it). The app listens
# on a port the system picks.
# Fails unless every line was created.
set -euo pipefail
cd "$(dirname "$0")/../.."
. src/bench/app.sh
. src/bench/programs.sh

STATEMENTS=${IMPORT_STATEMENTS:-1000000}
HEAP=${IMPORT_HEAP:-256m}
ADMIN_KEY=import-admin-key-0123456789abcdef0123456789
WORK=$PWD/target/import-bench
rm -rf "$WORK" && mkdir -p "$WORK"

echo "Building the file writer and the app"
build_programs "$WORK/programs"
./mvnw -B -ntp -q package -DskipTests
# The app runs from its own copy, so rebuilding the project meanwhile cannot disturb it.
cp -r target/quarkus-app "$WORK/app"

echo "Writing $STATEMENTS statements and the records they refer to"
RECORDS=$(java -cp "$CP" org.demarche.bench.ImportFile "$WORK/import.ndjson" "$STATEMENTS")
echo "  $RECORDS lines, $(du -h "$WORK/import.ndjson" | cut -f1)"

start_app "$HEAP" ${IMPORT_JAVA_OPTS:-}
echo "App ready on port $PORT with -Xmx$HEAP; importing"

cpu_ticks() {
    awk '{ print $14 + $15 }' "/proc/$APP_PID/stat"
}
CPU_BEFORE=$(cpu_ticks)
STARTED=$(date +%s%N)
curl -sS --fail-with-body -X POST -H "Authorization: Bearer $ADMIN_KEY" -H 'Content-Type: application/x-ndjson' \
    -H 'Expect:' -T "$WORK/import.ndjson" "http://127.0.0.1:$PORT/api/v1/import?mode=replace" -o "$WORK/report.json"
ELAPSED_MS=$((($(date +%s%N) - STARTED) / 1000000))
CPU_TICKS=$(($(cpu_ticks) - CPU_BEFORE))
PEAK_KB=$(awk '/^VmHWM/ { print $2 }' "/proc/$APP_PID/status")

# The report's totals (not those by type) and the start of its errors.
TOTALS=$(sed 's/"byType":.*"committedThroughLine"/"committedThroughLine"/' "$WORK/report.json")
echo "$TOTALS" | cut -c1-400
awk -v records="$RECORDS" -v statements="$STATEMENTS" -v ms="$ELAPSED_MS" -v peak="$PEAK_KB" -v heap="$HEAP" \
    -v cpu="$CPU_TICKS" -v hz="$(getconf CLK_TCK)" 'BEGIN {
    seconds = ms / 1000
    printf "| statements | records | seconds | records/s | statements/s | app CPU s | heap | peak RSS |\n"
    printf "|---|---|---|---|---|---|---|---|\n"
    printf "| %d | %d | %.1f | %.0f | %.0f | %.0f | %s | %d MiB |\n", statements, records, seconds, records / seconds,
        statements / seconds, cpu / hz, heap, peak / 1024 }'
echo "$TOTALS" | grep -q "\"created\":$RECORDS,"
