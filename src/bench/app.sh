# Sourced by the import scripts. start_app HEAP [JVM options…] starts the packaged app copied to
# $WORK/app on a fresh data directory ($WORK/h2-data) with the admin key $ADMIN_KEY, no sample data and
# no rate limits, on a port the system picks; it returns once the app is ready, with APP_PID and PORT
# set, and the app is stopped when the script exits. The app's log is $WORK/app.log.

APP_PID=
stop_app() {
    [ -n "$APP_PID" ] && kill "$APP_PID" 2>/dev/null && wait "$APP_PID" 2>/dev/null || true
}

start_app() {
    local heap=$1
    shift
    trap stop_app EXIT
    DEMARCHE_PORT=0 DEMARCHE_SAMPLE_DATA=false DEMARCHE_RATE_LIMIT_ENABLED=false DEMARCHE_DATA_DIR="$WORK/h2-data" \
        DEMARCHE_ADMIN_KEY=$ADMIN_KEY java -Xmx"$heap" "$@" -jar "$WORK/app/quarkus-run.jar" > "$WORK/app.log" 2>&1 &
    APP_PID=$!
    PORT=
    until [ -n "$PORT" ] && curl -sf "http://127.0.0.1:$PORT/q/health/ready" > /dev/null; do
        if ! kill -0 "$APP_PID" 2>/dev/null; then
            echo "The app stopped; see $WORK/app.log" >&2
            exit 1
        fi
        sleep 0.5
        PORT=$(grep -o 'Listening on: http://[^ ]*' "$WORK/app.log" | head -n 1 | sed 's/.*://') || true
    done
}
