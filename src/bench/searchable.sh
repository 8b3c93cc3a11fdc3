# Sourced by search.sh and load.sh. await_searchable <base-url> <statements> <log>: waits, an hour at
# most, until a statement list on <base-url> counts <statements>, that is until the search index holds
# the whole corpus (lists answer 503 while OpenSearch's index is first built), and says how long it took.
await_searchable() {
    local base=$1 statements=$2 log=$3 started=$SECONDS
    until [ "$(curl -s "$base/api/v1/statements?limit=1" | python3 -c \
            'import json,sys; print(json.load(sys.stdin).get("total", -1))' 2>/dev/null)" = "$statements" ]; do
        if ((SECONDS - started > 3600)); then
            echo "The search index did not reach $statements statements within an hour; see $log" >&2
            exit 1
        fi
        sleep 2
    done
    echo "  search index holds all $statements statements $((SECONDS - started)) s after the app was ready"
}
