#!/usr/bin/env bash
# A giant import of bad lines: writes BAD_IMPORT_MB (48) megabytes of NDJSON lines that each have two
# problems, starts the packaged H2 app on a fresh data directory with a small heap, POSTs the file twice
# (JSON report, then Accept: application/x-ndjson) and prints each answer's size and time, the largest
# heap left after a garbage collection (from -Xlog:gc) and the app's peak resident memory (VmHWM).
# Fails unless the JSON report stays under 1 MB and the NDJSON report has every problem and the report.
#
#   src/bench/bad-import.sh                      # 48 MB, 256 MiB heap
#   BAD_IMPORT_MB=5 src/bench/bad-import.sh      # a shorter run
#
# Settings: BAD_IMPORT_MB (48), BAD_IMPORT_HEAP (256m). Work files stay in target/bad-import-bench.
set -euo pipefail
cd "$(dirname "$0")/../.."
. src/bench/app.sh

MB=${BAD_IMPORT_MB:-48}
HEAP=${BAD_IMPORT_HEAP:-256m}
ADMIN_KEY=bad-import-admin-key-0123456789abcdef0123456789
WORK=$PWD/target/bad-import-bench
rm -rf "$WORK" && mkdir -p "$WORK"

echo "Building the app"
./mvnw -B -ntp -q package -DskipTests
# The app runs from its own copy, so rebuilding the project meanwhile cannot disturb it.
cp -r target/quarkus-app "$WORK/app"

LINE='{"type":"official","name":"","country":"XX"}'
LINES=$((MB * 1024 * 1024 / (${#LINE} + 1)))
yes "$LINE" | head -n "$LINES" > "$WORK/bad.ndjson" || true
echo "Wrote $LINES lines, $(du -h "$WORK/bad.ndjson" | cut -f1), two problems each"

start_app "$HEAP" -Xlog:gc:file="$WORK/gc.log"
echo "App ready on port $PORT with -Xmx$HEAP"

import() {
    curl -sS --fail-with-body -X POST -H "Authorization: Bearer $ADMIN_KEY" -H 'Content-Type: application/x-ndjson' \
        -H 'Expect:' -H "Accept: $1" -T "$WORK/bad.ndjson" "http://127.0.0.1:$PORT/api/v1/import" -o "$2" \
        -w "  $1: %{size_download} bytes in %{time_total} s\n"
}
import application/json "$WORK/report.json"
import application/x-ndjson "$WORK/report.ndjson"

PEAK_KB=$(awk '/^VmHWM/ { print $2 }' "/proc/$APP_PID/status")
HEAP_AFTER_GC=$(grep -o '[0-9]*M->[0-9]*M' "$WORK/gc.log" | sed 's/.*->//; s/M//' | sort -n | tail -n 1)
echo "  largest heap after a collection: ${HEAP_AFTER_GC} MiB of $HEAP; peak RSS $((PEAK_KB / 1024)) MiB"

ERRORS=$(grep -o '"errorCount":[0-9]*' "$WORK/report.json" | cut -d: -f2)
NDJSON_LINES=$(wc -l < "$WORK/report.ndjson")
echo "  errorCount $ERRORS; NDJSON report $NDJSON_LINES lines"
[ "$(stat -c %s "$WORK/report.json")" -lt 1048576 ]
[ "$ERRORS" -eq $((2 * LINES)) ]
[ "$NDJSON_LINES" -eq $((ERRORS + 1)) ]
tail -n 1 "$WORK/report.ndjson" | grep -q "\"errorCount\":$ERRORS,"
